"""The methods page: every value it quotes is computed, and its references are labelled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pybtex.database import parse_file
from pybtex.plugin import find_plugin

from analysis import paths
from analysis.site.pages.methods import BIBLIOGRAPHY_STYLE, method_values
from analysis.text.edition import Edition
from analysis.text.register import Register

BOOK = paths.BOOK


def _roles(page: Path, role: str) -> set[str]:
    return set(re.findall(rf"\{{{role}\}}`([^`]+)`", page.read_text(encoding="utf-8")))


@pytest.mark.parametrize("page", ["methods.md", "data.md"])
def test_every_value_the_pages_quote_exists(
    page: str, edition: Edition, register: Register
) -> None:
    values = method_values(edition, register)
    quoted = _roles(BOOK / page, "method-value") | _roles(BOOK / page, "edition-count")
    assert quoted and quoted <= set(values)


def test_named_values_are_the_same_values(edition: Edition, register: Register) -> None:
    """Asked for a few names, it computes those alone, each as the whole set gives it."""
    every = method_values(edition, register)
    names = ["summary-method", "keyness-min-g2", "word-tokens"]
    assert method_values(edition, register, names=names) == {n: every[n] for n in names}


def test_an_unknown_name_is_refused_with_the_known_ones(
    edition: Edition, register: Register
) -> None:
    with pytest.raises(LookupError, match=r"unknown value 'nope' \(one of witness-lines, "):
        method_values(edition, register, names=["keyness-min-g2", "nope"])


@pytest.mark.parametrize("page", ["methods.md", "data.md"])
def test_no_computed_value_is_typed_by_hand(
    page: str, edition: Edition, register: Register
) -> None:
    # Roles, code blocks and code (formulas, commands, constants of libraries) are not prose.
    text = re.sub(r"```.*?```", "", (BOOK / page).read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"\{[\w:-]+\}`[^`]*`|`[^`]*`", "", text)
    for name, value in method_values(edition, register).items():
        if sum(c.isdigit() for c in value) >= 2:
            typed = re.search(rf"(?<![\w.,]){re.escape(value)}(?![\w,])", text)
            assert typed is None, f"{value} ({name}) is typed in {page}; use the role"


def test_the_bibliography_is_cited_and_every_citation_is_in_it() -> None:
    entries = parse_file(str(BOOK / "references.bib")).entries
    text = (BOOK / "methods.md").read_text(encoding="utf-8")
    cited = {
        key.strip()
        for keys in re.findall(r"\{cite(?::\w+)?\}`([^`]+)`", text)
        for key in keys.split(",")
    }
    assert cited == set(entries)
    assert "```{bibliography}" in text


def test_references_are_labelled_by_author_and_year() -> None:
    style = find_plugin("pybtex.style.formatting", BIBLIOGRAPHY_STYLE)()
    entries = parse_file(str(BOOK / "references.bib")).entries
    labels = {e.key: e.label for e in style.format_entries(entries.values())}
    assert labels["kiss2006punkt"] == "Kiss and Strunk 2006"
    assert labels["bird2009nltk"] == "Bird et al. 2009"
    assert labels["dunning1993accurate"] == "Dunning 1993"
    assert len(set(labels.values())) == len(labels)
