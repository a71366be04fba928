"""The reading text: text pieces, and mentions marked in a small Sphinx build."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.site.pages.text import Piece, text_pieces

# --- text_pieces ----------------------------------------------------------------


def _shape(pieces: list[Piece]) -> list[tuple[int, int, object]]:
    return [(p.start, p.end, p.mark if p.mark is not None else p.span) for p in pieces]


def test_marks_come_before_the_mention_that_starts_at_them() -> None:
    pieces = text_pieces(0, 10, points=[(3, "m")], spans=[(3, 6, "x")])
    assert _shape(pieces) == [(0, 3, None), (3, 3, "m"), (3, 6, "x"), (6, 10, None)]


def test_a_mark_inside_a_mention_splits_it() -> None:
    pieces = text_pieces(0, 10, points=[(4, "m")], spans=[(2, 6, "x")])
    assert _shape(pieces) == [(0, 2, None), (2, 4, "x"), (4, 4, "m"), (4, 6, "x"), (6, 10, None)]


def test_a_mention_across_the_boundary_is_clipped_to_the_sentence() -> None:
    assert _shape(text_pieces(5, 10, spans=[(8, 14, "x")])) == [(5, 8, None), (8, 10, "x")]
    assert _shape(text_pieces(10, 20, spans=[(8, 14, "x")])) == [(10, 14, "x"), (14, 20, None)]


def test_marks_at_the_end_and_outside_the_range() -> None:
    pieces = text_pieces(0, 4, points=[(4, "end"), (9, "elsewhere"), (0, "a"), (0, "b")])
    assert _shape(pieces) == [(0, 0, "a"), (0, 0, "b"), (0, 4, None), (4, 4, "end")]


def test_overlapping_spans_are_refused() -> None:
    with pytest.raises(ValueError, match="overlap"):
        text_pieces(0, 10, spans=[(1, 5, "x"), (4, 6, "y")])


@st.composite
def _cuts(draw: st.DrawFn) -> tuple[int, int, list[tuple[int, str]], list[tuple[int, int, str]]]:
    end = draw(st.integers(min_value=0, max_value=40))
    marks = draw(st.lists(st.integers(min_value=0, max_value=end), max_size=5))
    bounds = sorted(set(draw(st.lists(st.integers(min_value=0, max_value=end), max_size=8))))
    spans = [
        (a, b, f"s{k}")
        for k, (a, b) in enumerate(zip(bounds[::2], bounds[1::2], strict=False))
        if a < b
    ]
    return end, [(o, f"m{k}") for k, o in enumerate(marks)], spans


@given(_cuts())
def test_pieces_cover_the_text_once_and_keep_every_mark(case) -> None:
    end, marks, spans = case
    text = "".join(chr(97 + k % 26) for k in range(end))
    pieces = text_pieces(0, end, points=marks, spans=spans)
    assert "".join(text[p.start : p.end] for p in pieces if p.mark is None) == text
    assert sorted(p.mark for p in pieces if p.mark is not None) == sorted(m for _, m in marks)
    for p in pieces:
        if p.span is not None:
            a, b, _ = next(s for s in spans if s[2] == p.span)
            assert a <= p.start < p.end <= b


def test_every_mention_of_the_edition_falls_inside_one_sentence(edition, mentions) -> None:
    sentences = {s.id: s for s in edition.sentences}
    for sid, a, b in zip(mentions["sentence_id"], mentions["start"], mentions["end"], strict=True):
        assert sentences[sid].start <= a < b <= sentences[sid].end


# --- the directive in a small Sphinx build (the site fixture of conftest.py) ------------


def _mentions_in(page: str) -> list[tuple[str, str, str]]:
    return re.findall(
        r'<a class="actor reference internal" href="([^"]+)" title="([^"]*)">'
        r"([^<]*)</a>",
        page,
    )


def test_text_marks_every_mention_with_its_tooltip(site: dict[str, str]) -> None:
    marked = _mentions_in(site["text"])
    assert [(href, text) for href, _, text in marked] == [
        ("register.html#actor-pena-nieto", "Pena Nieto"),
        ("register.html#actor-guzman", "Guzman"),
        ("register.html#actor-guzman", "Guzman"),
        ("register.html#actor-mexico", "Mexico"),
    ]
    title = html.unescape(marked[1][1])
    assert title == (
        'Joaquín <Guzmán> \u2014 person \u2014 A trafficker & "El Chapo" <script>x</script> '
        "-- 'Shorty'... <!-- d -->."
    )
    assert "<script>x</script>" not in site["text"]
    assert "&lt;b&gt;" in site["text"]
    # The apparatus mark still opens paragraph 2, before its first mention.
    p2 = site["text"].split('id="p2"', 1)[1]
    assert p2.index("app-mark") < p2.index("actor-mexico")


def test_witness_text_stands_literally(site: dict[str, str]) -> None:
    """Straight quotes, ``--``, ``...`` and an HTML comment of the witness are not rewritten."""
    page = site["text"]
    assert "&quot;Yes&quot; -- 'no'...</span>" in page
    assert "&lt;!-- c --&gt;</span>" in page
    for curled in ("\u201c", "\u201d", "\u2018", "\u2019", "\u2013", "\u2014", "\u2026"):
        assert curled not in page.split('id="p2.2"', 1)[1].split("</p>", 1)[0], curled
