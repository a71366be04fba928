"""Synthetic scrambles: other English prose laid out in two columns and extracted in bands.

The prose is the documentation shipped with Python (:mod:`pydoc_data.topics`,
the text of ``help()``): its running paragraphs, each topic a section under its
title. :func:`scramble` sets the text in pages of two columns, cuts each
column into text boxes (a heading is a box; a box holds one or more
paragraphs; a paragraph that reaches the foot of a column goes on at the head
of the next, cut mid-sentence), and extracts each page as the witness's
extraction did: box after box by the height of its top, left and right in
turn, with a blank line between boxes or a stray leading space instead, and
now and then a stray space inside a box. The true reading order, headings and
boxes are known, so a proposed order can be scored against them.
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass
from functools import cache

__all__ = ["Scramble", "prose_sections", "scramble"]

#: Characters per line of a column, as in the witness.
COLUMN_WIDTH = 52
#: Share of box boundaries marked by a stray leading space instead of a blank line.
STRAY_BOUNDARY = 0.25
#: Chance that a paragraph opens a new text box (the witness's boxes hold one to three).
NEW_BOX = 0.15
#: Chance that a line inside a box carries a stray leading space.
STRAY_INSIDE = 0.01


@dataclass(frozen=True)
class Scramble:
    """A synthetic witness and the truth about it.

    ``lines``: the witness lines. ``order``: its text lines (1-based) in true
    reading order. ``headings``: the heading lines. ``boxes``: the text boxes
    as runs of lines, in true reading order.
    """

    seed: int
    lines: tuple[str, ...]
    order: tuple[int, ...]
    headings: tuple[int, ...]
    boxes: tuple[tuple[int, ...], ...]
    places: tuple[tuple[int, int], ...]


def _prose(paragraph: str) -> str | None:
    lines = paragraph.split("\n")
    if any(not line or line[0] in " *-+|=" for line in lines):
        return None
    text = " ".join(line.strip() for line in lines)
    if len(text) < 160 or "::" in text or ">>>" in text or not text[0].isupper():
        return None
    if not text.endswith(".") or re.search(r"[{}\[\]<>=_*`]", text):
        return None
    return " ".join(text.split())


@cache
def prose_sections() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Titled sections of running prose from :mod:`pydoc_data.topics`, sorted by topic.

    A section is kept when its title is words only and it has three or more
    paragraphs of plain prose (no code, no lists, no markup).
    """
    from pydoc_data.topics import topics

    found = []
    seen: set[str] = set()
    for key in sorted(topics):
        body = topics[key]
        title = re.sub(r"[\"']", "", body.split("\n", 1)[0].strip())
        if not re.fullmatch(r"[A-Za-z][A-Za-z ]{3,40}", title):
            continue
        paragraphs = tuple(p for p in map(_prose, body.split("\n\n")[1:]) if p and p not in seen)
        seen.update(paragraphs)
        if len(paragraphs) >= 3:
            found.append((" ".join(w.capitalize() for w in title.split()), paragraphs))
    return tuple(found)


def _document(rng: random.Random, sections: int) -> list[tuple[str, list[str]]]:
    """Items of the text in order: ``("heading", [line])`` or ``("paragraph", lines)``."""
    chosen = rng.sample(prose_sections(), sections)
    items: list[tuple[str, list[str]]] = []
    for k, (title, paragraphs) in enumerate(chosen):
        if k:
            items.append(("heading", [title]))
        take = rng.randint(3, min(8, len(paragraphs)))
        for paragraph in paragraphs[:take]:
            items.append(("paragraph", textwrap.wrap(paragraph, COLUMN_WIDTH)))
    return items


def scramble(seed: int, *, sections: int = 4) -> Scramble:
    """A synthetic witness of ``sections`` sections of prose, scrambled by ``seed``."""
    rng = random.Random(seed)
    height = rng.randint(38, 44)
    # place every line: (page, column, y); boxes as lists of line indices (reading order)
    texts: list[str] = []
    places: list[tuple[int, int, int]] = []
    boxes: list[list[int]] = []
    heading_ids: list[int] = []
    page = column = y = 0
    previous = "paragraph"
    for kind, lines in _document(rng, sections):
        if kind == "heading" and y:
            y += 1  # space above a heading
        new_box = kind == "heading" or previous == "heading" or not boxes or rng.random() < NEW_BOX
        for j, line in enumerate(lines):
            if y >= height:
                page, column = (page, 1) if column == 0 else (page + 1, 0)
                y, new_box = 0, True
            if new_box or (j == 0 and kind == "heading"):
                boxes.append([])
                new_box = False
            if kind == "heading":
                heading_ids.append(len(texts))
            boxes[-1].append(len(texts))
            texts.append(line)
            places.append((page, column, y))
            y += 1
        if kind == "heading":
            y += 1  # space below
        previous = kind
    # extraction: on each page, boxes by the height of their top (column offsets jitter ties)
    offsets = {(p, c): rng.uniform(0.0, 2.5) for p in range(page + 1) for c in (0, 1)}

    def top(box: list[int]) -> tuple[int, float, int]:
        p, c, y0 = places[box[0]]
        return (p, y0 + offsets[(p, c)], c)

    emitted = sorted(range(len(boxes)), key=lambda b: top(boxes[b]))
    lines_out: list[str] = []
    number: dict[int, int] = {}
    for k, b in enumerate(emitted):
        heading = boxes[b][0] in heading_ids or (k and boxes[emitted[k - 1]][0] in heading_ids)
        stray = k and not heading and rng.random() < STRAY_BOUNDARY
        if k and not stray:
            lines_out.append("")
        for j, i in enumerate(boxes[b]):
            lead = " " if (j == 0 and stray) or (j and rng.random() < STRAY_INSIDE) else ""
            lines_out.append(lead + texts[i])
            number[i] = len(lines_out)
    return Scramble(
        seed=seed,
        lines=tuple(lines_out),
        order=tuple(number[i] for i in range(len(texts))),
        headings=tuple(number[i] for i in heading_ids),
        boxes=tuple(tuple(number[i] for i in box) for box in boxes),
        places=tuple(places[box[0]][:2] for box in boxes),
    )
