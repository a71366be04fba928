"""How the reading order relates to the order of the witness.

Two views: :func:`order_segments` cuts the text into the runs of witness lines
that the edition keeps together (the units the editor moved), with where each
stood in *W* and where it stands in the reading text; :func:`witness_order_edition`
reads *W* naively, block after block as the extraction printed them, so that
any analysis can be run on the witness order and compared with the reading
order.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from analysis.text.edition import Edition, Paragraph, Section, join_lines, split_sentences
from analysis.text.sentences import sentence_tokenizer

__all__ = ["WITNESS_SECTION", "order_segments", "reading_line_order", "witness_order_edition"]

#: Id of the single section of the witness-order reading.
WITNESS_SECTION = "witness-order"


def reading_line_order(edition: Edition) -> list[tuple[int, str, str]]:
    """Every used witness line in reading order, as ``(line, kind, owner)``.

    ``kind`` is ``"heading"`` (owner: the section id) or ``"paragraph"`` (owner:
    the paragraph id).
    """
    order: list[tuple[int, str, str]] = []
    for section in edition.sections:
        order.extend((k, "heading", section.id) for k in section.heading_lines)
        for p in section.paragraphs:
            order.extend((k, "paragraph", p.id) for k in p.lines)
    return order


def order_segments(edition: Edition) -> pd.DataFrame:
    """Cut the text into runs kept together; say where each stood in W and stands now.

    A segment is a maximal run of lines that follow each other both in *W*
    (blank lines aside) and in the reading text. Columns: ``segment`` (1-based,
    reading order), ``first_line``, ``last_line``, ``lines``, ``kind``,
    ``paragraphs`` (ids, ``;``-joined), ``reading_start`` / ``reading_end``
    (0-based positions of its lines in the reading order of lines),
    ``witness_rank`` (1-based rank of the segment in the order of W), and
    ``moved`` (True when an apparatus entry records it as transposed).
    """
    order = reading_line_order(edition)
    w = edition.witness

    def follows(a: int, b: int) -> bool:
        return b > a and all(w.is_blank(k) for k in range(a + 1, b))

    rows: list[dict[str, object]] = []
    for pos, (line, kind, owner) in enumerate(order):
        prev = rows[-1] if rows else None
        if prev is not None and prev["kind"] == kind and follows(int(prev["last_line"]), line):
            prev["last_line"] = line
            prev["reading_end"] = pos
            if owner not in prev["_owners"]:
                prev["_owners"].append(owner)
            continue
        rows.append(
            {
                "first_line": line,
                "last_line": line,
                "kind": kind,
                "_owners": [owner],
                "reading_start": pos,
                "reading_end": pos,
            }
        )
    frame = pd.DataFrame(rows)
    frame.insert(0, "segment", range(1, len(frame) + 1))
    frame["lines"] = frame["last_line"] - frame["first_line"] + 1
    frame["paragraphs"] = [
        ";".join(o) if k == "paragraph" else ""
        for o, k in zip(frame["_owners"], frame["kind"], strict=True)
    ]
    frame["witness_rank"] = frame["first_line"].rank(method="first").astype(int)
    moved = [e.lines for e in edition.apparatus if e.type == "transposition"]
    frame["moved"] = [
        any(a <= first and last <= b for a, b in moved)
        for first, last in zip(frame["first_line"], frame["last_line"], strict=True)
    ]
    return frame.drop(columns="_owners")[
        [
            "segment",
            "first_line",
            "last_line",
            "lines",
            "kind",
            "paragraphs",
            "reading_start",
            "reading_end",
            "witness_rank",
            "moved",
        ]
    ]


def _blocks(edition: Edition) -> list[list[int]]:
    """The blank-line separated blocks of W, in the order of W, without heading lines."""
    headings = {k for s in edition.sections for k in s.heading_lines}
    blocks: list[list[int]] = []
    current: list[int] = []
    for k in range(1, len(edition.witness.lines) + 1):
        if k in headings:
            continue
        if edition.witness.is_blank(k):
            if current:
                blocks.append(current)
            current = []
        else:
            current.append(k)
    if current:
        blocks.append(current)
    return blocks


def witness_order_edition(edition: Edition) -> Edition:
    """Read W block by block, in its own order, as one section of pseudo-paragraphs.

    Each blank-line block of *W* becomes a paragraph ``b1``, ``b2`` ...; its
    lines are joined by the edition's rule (stray spaces dropped, a space
    between lines, none after an em dash), and no emendation is applied. The
    heading lines are left out, as they are in the paragraphs of the reading
    text, so that the two readings hold the same words and differ only in
    their order and in where paragraphs and sentences begin and end. Sentences
    are split by the same Punkt tokenizer as the reading text. The apparatus
    is empty.
    """
    drafts = []
    for n, block in enumerate(_blocks(edition), start=1):
        text, offsets = join_lines(edition.witness, block)
        drafts.append((f"b{n}", block, text, offsets))
    tokenizer = sentence_tokenizer("\n\n".join(text for _, _, text, _ in drafts))
    paragraphs = [
        Paragraph(
            id=bid,
            n=n,
            section_id=WITNESS_SECTION,
            spans=((block[0], block[-1]),),
            text=text,
            line_offsets=offsets,
            sentences=split_sentences(tokenizer, bid, text, offsets),
        )
        for n, (bid, block, text, offsets) in enumerate(drafts, start=1)
    ]
    section = Section(
        id=WITNESS_SECTION, n=0, heading=None, heading_lines=(), paragraphs=tuple(paragraphs)
    )
    return replace(edition, sections=(section,), apparatus=())
