"""Synthetic scrambles: prose of the standard library set in two columns and extracted in bands."""

from __future__ import annotations

import itertools

import pytest

from analysis.measures.scrambles import COLUMN_LINES, prose_sections, scramble


def test_prose_sections_are_plain_prose() -> None:
    sections = prose_sections()
    assert len(sections) >= 4
    paragraphs = [p for _, ps in sections for p in ps]
    assert len(paragraphs) == len(set(paragraphs))
    for title, ps in sections:
        assert title[0].isupper() and len(ps) >= 3
        assert all(p[0].isupper() and p.endswith(".") and "\n" not in p for p in ps)


@pytest.mark.parametrize("seed", [0, 7, 19])
def test_a_scramble_knows_its_true_order(seed: int) -> None:
    s = scramble(seed)
    text = [k for k, line in enumerate(s.lines, start=1) if line.strip()]
    assert sorted(s.order) == text  # every text line once
    assert [k for box in s.boxes for k in box] == list(s.order)  # boxes tile the reading
    assert len(s.places) == len(s.boxes)
    assert set(s.headings) <= set(s.order)
    # the extraction prints each page's boxes out of reading order, never across pages
    pages = [p for p, _ in s.places]
    assert pages == sorted(pages)
    assert list(s.order) != text
    assert scramble(seed) == s  # the seed fixes everything


def test_seeds_differ() -> None:
    assert scramble(1).lines != scramble(2).lines


@pytest.mark.parametrize("seed", [0, 7, 19])
def test_a_scramble_is_set_as_the_witness_is(seed: int) -> None:
    """Headings print right above their first lines; columns fill from their heads."""
    s = scramble(seed)
    nxt = dict(itertools.pairwise(s.order))
    text = [k for k, line in enumerate(s.lines, start=1) if line.strip()]
    after_in_w = dict(itertools.pairwise(text))
    for h in s.headings:
        assert after_in_w[h] == nxt[h]  # W prints each heading right before its text
        assert s.lines[h - 1].strip()[0].isupper() and s.lines[h - 1].strip()[-1] != "."
    # small words of a title stay in lower case, as in the witness's headings
    titles = [s.lines[h - 1].strip() for h in s.headings]
    assert all(
        w.lower() not in {"and", "of", "the"} or w.islower() for t in titles for w in t.split()[1:]
    )
    # every column holds at most its page's height; boxes of a column follow in W order
    for page in {p for p, _ in s.places}:
        for column in (0, 1):
            firsts = [
                box[0]
                for box, place in zip(s.boxes, s.places, strict=True)
                if place == (page, column)
            ]
            assert firsts == sorted(firsts)
            assert (
                sum(
                    len(box)
                    for box, place in zip(s.boxes, s.places, strict=True)
                    if place == (page, column)
                )
                <= COLUMN_LINES[1]
            )
