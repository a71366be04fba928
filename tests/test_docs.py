"""The README documents every make target, and names no target that is missing."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _phony_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY:(.*)$", makefile, re.MULTILINE)
    assert phony, "the Makefile declares no .PHONY targets"
    return set(phony[1].split())


def test_every_make_target_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = sorted(t for t in _phony_targets() if f"make {t}" not in readme)
    assert missing == []


def test_the_readme_names_only_real_targets() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`make (\w+)", readme)) | set(
        re.findall(r"^make (\w+)", readme, re.MULTILINE)
    )
    assert named <= _phony_targets()


def _addresses() -> dict[str, str]:
    """The two addresses a publisher checks: the site's base URL and the original's."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    decisions = yaml.safe_load((ROOT / "seeds" / "decisions.yaml").read_text(encoding="utf-8"))
    return {"html: baseurl:": config["html"]["baseurl"], "work: url:": decisions["work"]["url"]}


def test_the_readme_says_what_a_publisher_sets_and_where() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    publishing = readme.split("## Publishing", 1)[1].split("\n## ", 1)[0]
    addresses = _addresses()
    assert all(f"`{key}`" in publishing for key in addresses), publishing
    # the base URL as it stands, so that a reader sees whether it was changed
    assert f"`{addresses['html: baseurl:']}`" in publishing


def test_each_address_is_written_in_one_place() -> None:
    """No page, module or document repeats an address: each is read from its one file."""
    files = [
        p
        for folder in ("book", "analysis")
        for p in (ROOT / folder).rglob("*")
        if p.suffix in {".md", ".py", ".js", ".yml", ".bib", ".cff"}
    ]
    files += [ROOT / "LICENSE.md", ROOT / "CITATION.cff", ROOT / "DEVELOPING.md"]
    for address in _addresses().values():
        holders = [str(p.relative_to(ROOT)) for p in files if address in p.read_text("utf-8")]
        assert holders == [], (address, holders)


def test_the_edition_has_one_title() -> None:
    """The site, the README, the title page and CITATION.cff carry the edition's title
    as the decisions file gives it (the one in every citation and in the TEI header)."""
    decisions = yaml.safe_load((ROOT / "seeds" / "decisions.yaml").read_text(encoding="utf-8"))
    title = decisions["edition"]["title"]
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    headings = {
        name: (ROOT / name).read_text(encoding="utf-8").splitlines()[0]
        for name in ("README.md", "book/index.md")
    }
    assert config["title"] == citation["title"] == title
    assert headings == {name: f"# {title}" for name in headings}
