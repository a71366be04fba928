"""The site build is incremental: it reads again exactly the pages whose inputs changed.

This builds a copy of the project with a smaller book (the edition's pages
and one notebook; about half a minute on two cores), with the project's
virtual environment, so it needs the ``.venv`` that ``make`` set up. Then it
builds the copy again: with nothing changed, after a change of the register, and after
a change of one module of the package, and checks which pages were read (and
executed) again and that the changed data reached the page.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from analysis.text.register import load_register

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[1]
MARKER = "(build check)"
#: A page being read, in Sphinx's log: "reading sources... [ 50%] analyses/terms".
_READING = re.compile(r"reading sources\.\.\. \[\s*\d+%\] (\S+)")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: The table of contents of the copy.
TOC = """format: jb-book
root: index
parts:
  - caption: The edition
    chapters:
      - file: introduction
      - file: text
      - file: witness
      - file: apparatus
      - file: register
  - caption: Analyses
    chapters:
      - file: analyses/actors
"""


def _make_site(repo: Path) -> tuple[set[str], set[str]]:
    """Build ``repo``'s site; return the pages read and the notebook pages executed.

    The build is the Makefile's, less ``-W``: the smaller book links to pages it
    leaves out.
    """
    env = {**os.environ, "PYTHONPATH": str(repo)}
    result = subprocess.run(
        [".venv/bin/jupyter-book", "build", "book", "--keep-going"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=1500,
    )
    log = _ANSI.sub("", result.stdout + result.stderr)
    assert result.returncode == 0, log[-6000:]
    executed = set(re.findall(r"book/(\S+)\.md: Executing notebook", log))
    return set(_READING.findall(log)), executed


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the tracked files of the project, sharing its virtual environment."""
    if not (ROOT / ".venv" / ".installed").is_file():
        pytest.fail("no .venv: run `make test`, which sets it up", pytrace=False)
    files = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        .stdout.decode()
        .split("\0")
    )
    copy = tmp_path_factory.mktemp("build") / "repo"
    for name in filter(None, files):
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    # The edition's pages and one of the notebooks, which reads the register: a
    # smaller book, built faster, that keeps every kind of page and dependency.
    (copy / "book" / "_toc.yml").write_text(TOC, encoding="utf-8")
    return copy


def test_builds_read_again_exactly_the_pages_whose_inputs_changed(repo: Path) -> None:
    read, executed = _make_site(repo)
    assert {"text", "witness", "apparatus", "analyses/actors"} <= read
    assert "analyses/actors" in executed

    # Nothing changed: nothing is read, nothing executed.
    assert _make_site(repo) == (set(), set())

    # A register entry renamed: the pages that read the register, and only
    # those, are read again; the new name reaches the actors page.
    register = repo / "seeds" / "actors.yaml"
    name = load_register(register).actors[0].name
    text = register.read_text(encoding="utf-8")
    assert text.count(f"    name: {name}\n") == 1
    register.write_text(
        text.replace(f"    name: {name}\n", f"    name: {name} {MARKER}\n"), encoding="utf-8"
    )
    read, executed = _make_site(repo)
    assert {"text", "register", "analyses/actors"} <= read
    assert "analyses/actors" in executed
    assert not {"apparatus", "index", "introduction"} & read, read
    page = repo / "_build" / "html" / "analyses" / "actors.html"
    assert f"{name} {MARKER}" in page.read_text(encoding="utf-8")

    # One module changed: the pages that run it are read again, no other.
    module = repo / "analysis" / "site" / "pages" / "apparatus.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# build check\n", encoding="utf-8")
    read, executed = _make_site(repo)
    assert read == {"apparatus"} and executed == set()
