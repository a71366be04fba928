"""The data on the site: files written into the build, their listing and dictionary, the roles."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from sites import build_site

from analysis.__main__ import main
from analysis.export.dictionary import data_dictionary
from analysis.export.files import FILES, export_files
from analysis.site.downloads import CHECKSUMS, DATA_DIR, INPUTS_DIR, checksums_text, site_files
from analysis.text.edition import Edition
from analysis.text.register import Register

_PAGE = """\
Data
====

.. edition-downloads::

Dictionary
----------

.. edition-data-dictionary::

At least :method-value:`keyness-min-count` times.
"""

_NESTED = """\
Nested
======

.. edition-downloads::
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small site built with the extension: a data page at the root and one in a folder."""
    index = "Site\n====\n\n.. toctree::\n\n   data\n   sub/nested\n"
    out, warnings = build_site(
        tmp_path_factory.mktemp("site"),
        pages={"index": index, "data": _PAGE, "sub/nested": _NESTED},
    )
    assert warnings == ""
    return out


def _main(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index('role="main"') :]


def test_the_build_writes_every_export_file_and_the_checksums(
    site: Path, edition: Edition, register: Register
) -> None:
    folder = site / DATA_DIR
    expected = export_files(edition, register)
    assert sorted(p.name for p in folder.iterdir()) == sorted([*FILES, CHECKSUMS])
    for name, text in expected.items():
        assert (folder / name).read_bytes() == text.encode("utf-8"), name
    for line in (folder / CHECKSUMS).read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.parametrize("page", ["data.html", "sub/nested.html"])
def test_every_link_of_the_listing_opens_a_file(site: Path, page: str) -> None:
    main = _main(site / page)
    hrefs = re.findall(r'href="([^"#][^"]*)"', main)
    files = [h for h in hrefs if DATA_DIR in h]
    assert len({Path(h).name for h in files}) == len(FILES) + 1
    for href in files:
        target = (site / page).parent / urldefrag(href).url
        assert target.resolve().is_file(), href


def test_the_listing_shows_the_size_and_sha256_of_each_file(site: Path) -> None:
    main = _main(site / "data.html")
    for name in FILES:
        data = (site / DATA_DIR / name).read_bytes()
        item = main[main.index(f'id="download-{name.replace(".", "-")}"') :]
        item = item[: item.index("</dd>")]
        assert f"{len(data):,} bytes" in item, name
        assert hashlib.sha256(data).hexdigest() in item, name


def test_the_dictionary_lists_every_column_of_every_file(site: Path, edition: Edition) -> None:
    main = _main(site / "data.html")
    for name, spec in data_dictionary(edition).items():
        start = main.index(f'id="file-{name.replace(".", "-")}"')
        table = main[start : main.index("</table>", start)]
        shown = re.findall(r'<tr[^>]*>\s*<td><p><code[^>]*><span class="pre">([^<]+)</span>', table)
        assert shown == [f.name for f in spec.fields], name


def test_links_to_the_dictionary_have_targets(site: Path) -> None:
    main = _main(site / "data.html")
    ids = set(re.findall(r'id="([^"]+)"', main))
    anchors = re.findall(r'href="#([^"]+)"', main)
    assert anchors and set(anchors) <= ids


def test_method_value_quotes_the_code(site: Path) -> None:
    assert 'At least <span class="computed">3</span> times.' in _main(site / "data.html")


def test_an_unknown_method_value_is_a_build_error(tmp_path: Path) -> None:
    page = "Page\n====\n\n:method-value:`no-such-value`\n"
    _, warnings = build_site(tmp_path, pages={"index": page}, warningiserror=False)
    assert "method-value: unknown value 'no-such-value'" in warnings


def test_site_files_are_the_command_line_export(edition: Edition, register: Register) -> None:
    assert site_files() == export_files(edition, register)


def test_checksums_text_verifies_with_sha256sum_format() -> None:
    text = checksums_text({"a.csv": "x\n", "b.json": "{}\n"})
    a, b = (hashlib.sha256(data).hexdigest() for data in (b"x\n", b"{}\n"))
    assert text.splitlines() == [f"{a}  a.csv", f"{b}  b.json"]


def test_the_inputs_make_the_files_again(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The data page's recipe: the inputs downloaded from the site, saved in one folder,
    give every file of the site again, byte for byte, through the command line."""
    inputs = site / INPUTS_DIR
    names = sorted(p.name for p in inputs.iterdir())
    assert names == sorted(
        [CHECKSUMS, "000_2cf028e75483853e.txt", "actors.yaml", "decisions.yaml", "summaries.yaml"]
    )
    folder = tmp_path / "inputs"
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes((inputs / name).read_bytes())
    out = tmp_path / "data"
    argv = ["export", "--out", str(out), "--decisions", str(folder / "decisions.yaml")]
    assert main([*argv, "--actors", str(folder / "actors.yaml")]) == 0
    made = {p.name: p.read_bytes() for p in out.iterdir()}
    served = {p.name: p.read_bytes() for p in (site / DATA_DIR).iterdir() if p.name != CHECKSUMS}
    assert made == served
