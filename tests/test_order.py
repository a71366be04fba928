"""The order of W against the reading order."""

from __future__ import annotations

from analysis.text.edition import Edition
from analysis.text.order import order_segments, reading_line_order, witness_order_edition


def test_segments_cover_every_used_line_once(edition: Edition) -> None:
    segments = order_segments(edition)
    lines = [
        k
        for row in segments.itertuples()
        for k in range(row.first_line, row.last_line + 1)
        if not edition.witness.is_blank(k)
    ]
    assert sorted(lines) == sorted(edition.line_places())
    assert list(segments["segment"]) == list(range(1, len(segments) + 1))
    assert sorted(segments["witness_rank"]) == list(range(1, len(segments) + 1))
    assert segments["reading_start"].is_monotonic_increasing


def test_moved_segments_are_the_transpositions(edition: Edition) -> None:
    segments = order_segments(edition)
    moved = {(r.first_line, r.last_line) for r in segments.itertuples() if r.moved}
    ranges = [e.lines for e in edition.apparatus if e.type == "transposition"]
    for first, last in moved:
        assert any(a <= first and last <= b for a, b in ranges)
    for a, b in ranges:
        assert any(a <= first and last <= b for first, last in moved)


def test_reading_line_order_starts_with_w1_and_puts_118_before_53(edition: Edition) -> None:
    order = [k for k, _, _ in reading_line_order(edition)]
    assert order[0] == 1
    assert order.index(118) + 1 == order.index(53)


def test_witness_order_holds_the_same_words(edition: Edition) -> None:
    witness = witness_order_edition(edition)
    assert [p.id for p in witness.paragraphs] == [
        f"b{k}" for k in range(1, len(witness.paragraphs) + 1)
    ]
    assert witness.apparatus == ()

    def words(ed: Edition) -> list[str]:
        return sorted(
            w.rstrip(".")
            for p in ed.paragraphs
            for w in p.text.replace("\u2014", "\u2014 ").split()
        )

    assert words(witness) == words(edition)
    first = witness.paragraphs[0]
    assert first.text.startswith("Ever since July 11") and first.text.endswith("the idea that")
