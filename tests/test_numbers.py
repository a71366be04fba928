"""Tests for analysis.site.numbers: glued values, and the prose made readable with them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from analysis import paths
from analysis.site import markup, numbers
from analysis.site.pages.methods import method_values
from analysis.text.edition import Edition
from analysis.text.register import Register


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts as a fresh kernel would, with nothing glued."""
    monkeypatch.setattr(numbers, "_glued", {})
    yield


def test_glue_remembers_values_in_order() -> None:
    numbers.glue("b-count", 12, display=False)
    numbers.glue("a-rate", 1.5, display=False)
    numbers.glue("b-count", 13, display=False)
    assert numbers.glued() == {"b-count": 13, "a-rate": 1.5}
    assert list(numbers.glued()) == ["b-count", "a-rate"]


def test_glue_text_is_formatted_by_its_spec_as_the_site_does() -> None:
    glued = {"tokens": 5120, "rate": 12.3456, "term": "cartel", "ratio": 0.25}
    text = (
        "{glue:text}`tokens:,d` tokens, {glue:text}`rate:.1f` per 1,000, "
        '"{glue:text}`term`", {glue:text}`ratio:.0%`, {glue:text}`tokens`.'
    )
    assert numbers.readable(text, glued=glued) == (
        '5,120 tokens, 12.3 per 1,000, "cartel", 25%, 5120.'
    )


def test_glue_pastes_html_as_html_and_escapes_plain_text() -> None:
    glued = {
        "actor": markup.link("Guzmán", "../register.html#a1"),
        "odd": "a*b_c <d> $5",
    }
    shown = numbers.readable("{glue}`actor` and {glue:any}`odd`; {glue:text}`odd`", glued=glued)
    # The plain text's repr is what {glue} pastes; either way nothing reads as markup.
    assert shown == (
        '<a href="../register.html#a1">Guzmán</a> and '
        "'a\\*b\\_c \\<d\\> \\$5'; a\\*b\\_c \\<d\\> \\$5"
    )


def test_roles_with_values_and_figures_become_readable_words() -> None:
    text = (
        "{numref}`fig-top` shows terms kept when G2 is at least "
        "{method-value}`keyness-min-g2`, in {edition-count}`sections` sections "
        "(see {numref}`fig-top`), as {cite}`kiss2006` and {ref}`the text <text-p1>` say."
    )
    shown = numbers.readable(
        text,
        glued={},
        values={"method-value": {"keyness-min-g2": "3.84"}, "edition-count": {"sections": "6"}},
        figures={"fig-top": "The twenty most frequent terms"},
    )
    assert shown == (
        "The figure “The twenty most frequent terms” shows terms kept when G2 is at "
        "least 3.84, in 6 sections (see the figure “The twenty most frequent terms”), "
        "as kiss2006 and the text say."
    )


def test_prose_without_roles_is_left_as_it_is() -> None:
    text = "Every term, *searchable* (type part of a word: [methods](../methods.md)).\n"
    assert numbers.readable(text, glued={"unused": 1}) == text


def test_an_unknown_glue_name_is_refused_with_the_glued_ones() -> None:
    with pytest.raises(
        numbers.UnknownName, match=r"'tokns' is not glued \(glued: tokens, rate\)"
    ) as error:
        numbers.readable("a\n{glue:text}`tokns:,d`", glued={"tokens": 1, "rate": 2.0})
    assert error.value.line == 2
    with pytest.raises(LookupError, match="nothing yet: run the page's first cell"):
        numbers.readable("{glue}`tokens`", glued={})


def test_an_unknown_value_is_refused() -> None:
    with pytest.raises(LookupError, match="unknown method-value 'nope'"):
        numbers.readable(
            "{method-value}`nope`", glued={}, values={"method-value": {"kwic-width": "5"}}
        )


PAGE = """\
---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
    format_version: 0.13
kernelspec:
  display_name: Python 3 (ipykernel)
  language: python
  name: python3
---

# Toy

Counted on {glue:text}`words:,d` words.

```{code-cell} ipython3
:tags: [remove-cell]

from analysis.site import numbers
numbers.glue("words", 1234)
numbers.prose("toy.md", 1)
```

No numbers here.

```{code-cell} ipython3
---
tags: [hide-input]
mystnb:
  figure:
    caption: The words of each section. Hover a bar for its count.
    name: fig-words
---
print(1)
```

{numref}`fig-words` shows how {method-value}`keyness-min-g2` is met in
{edition-count}`sections` sections.

```{code-cell} ipython3
:tags: [remove-cell]

numbers.prose("toy.md", 2)
```

Again {glue:text}`words`.

```{code-cell} ipython3
print(2)
```
"""


@pytest.fixture
def book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(paths, "BOOK", tmp_path)
    (tmp_path / "toy.md").write_text(PAGE, encoding="utf-8")
    return tmp_path


def test_prose_reads_the_page_and_shows_its_numbers(
    book: Path, edition: Edition, register: Register
) -> None:
    numbers.glue("words", 1234)
    assert numbers.prose("toy.md", 1).data == "Counted on 1,234 words."
    # Editing the page changes what is shown.
    toy = book / "toy.md"
    toy.write_text(toy.read_text().replace("Counted on", "Read in"), encoding="utf-8")
    assert numbers.prose("toy.md", 1).data == "Read in 1,234 words."


def test_prose_not_followed_by_its_call_is_refused_with_its_line(book: Path) -> None:
    with pytest.raises(LookupError, match=r"toy\.md:47: prose cell 3 is not followed by"):
        numbers.prose("toy.md", 3)
    with pytest.raises(LookupError, match=r"toy\.md: no prose cell 4 with roles \(it has 3\)"):
        numbers.prose("toy.md", 4)


def test_prose_with_an_unglued_name_names_page_and_line(book: Path) -> None:
    with pytest.raises(
        LookupError, match=r"toy\.md:15: \{glue:text\}`words:,d`: 'words' is not glued"
    ):
        numbers.prose("toy.md", 1)


def test_prose_computes_the_values_of_the_edition_roles(
    book: Path, edition: Edition, register: Register
) -> None:
    g2 = method_values(edition, register, names=["keyness-min-g2"])["keyness-min-g2"]
    assert numbers.prose("toy.md", 2).data == (
        f"The figure “The words of each section” shows how {g2} is met in\n"
        f"{len(edition.sections)} sections."
    )
