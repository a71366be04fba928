"""Synthetic scrambles: other English prose laid out in two columns and extracted in bands.

The prose is the documentation shipped with Python (:mod:`pydoc_data.topics`,
the text of ``help()``): its running paragraphs, each topic a section under its
title, set in title case as the witness sets its headings. :func:`scramble`
sets the text in pages of two columns as long as the witness's (a title
across the head of the first page; now and then a column ends short above a
figure or a pull quote, as some of the witness's do), cuts each column into
text boxes (a heading is a box and keeps its first lines below it; a box
holds one or more paragraphs; a paragraph that reaches the foot of a column
goes on at the head of the next, cut mid-sentence), and extracts each page as
the witness's extraction did: box after box by the height of its top, left
and right in turn, a heading right before its first lines, with a blank line
between boxes or a stray leading space instead (mostly after a box at the
foot of the left column, where the witness has five of its seven), and now
and then a stray space inside a box. The true reading order, headings and
boxes are known, so a proposed order can be scored against them.
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass
from functools import cache

from analysis.text.blocks import SMALL_WORDS

__all__ = ["Scramble", "prose_sections", "scramble"]

#: Characters per line of a column, as in the witness.
COLUMN_WIDTH = 52
#: Lines of a full column: the witness's full columns hold 38 to 50.
COLUMN_LINES = (38, 50)
#: Lines the title takes across the head of the first page.
TITLE_LINES = (6, 14)
#: Chance that a column ends short, above a figure or a pull quote, and the lines these take:
#: the witness's columns hold 28 to 50 lines, and where one ends short its boxes still stand
#: as high as the text above them puts them.
FIGURE = 0.25
FIGURE_LINES = (6, 14)
#: Lines of its section that a heading keeps below it in its column.
KEEP = 3
#: Chance that the box after one that ends at the foot of the left column opens with a stray
#: leading space instead of a blank line (five of the witness's seven such boxes do).
FOOT_STRAY = 0.7
#: The same chance after any other box (the witness: two in thirty).
STRAY_BOUNDARY = 0.07
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


def _title_case(title: str) -> str:
    """A heading as the witness sets them: capitals but for small words after the first.

    >>> _title_case("string and bytes literals")
    'String and Bytes Literals'
    """
    words = title.split()
    return " ".join(
        w.lower() if k and w.lower() in SMALL_WORDS else w[:1].upper() + w[1:]
        for k, w in enumerate(words)
    )


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
            found.append((_title_case(title), paragraphs))
    return tuple(found)


def _document(rng: random.Random, sections: int) -> list[tuple[str, list[str]]]:
    """Items of the text in order: ``("heading", [line])`` or ``("paragraph", lines)``."""
    chosen = rng.sample(prose_sections(), sections)
    items: list[tuple[str, list[str]]] = []
    for k, (title, paragraphs) in enumerate(chosen):
        if k:
            items.append(("heading", [title]))
        take = rng.randint(3, min(12, len(paragraphs)))
        for paragraph in paragraphs[:take]:
            items.append(("paragraph", textwrap.wrap(paragraph, COLUMN_WIDTH)))
    return items


def _frame(rng: random.Random, page: int, height: int, title: int) -> tuple[int, int]:
    """The lines of a column that hold text: ``(top, bottom)``, the title or a figure aside."""
    top = title if page == 0 else 0
    return top, height - (rng.randint(*FIGURE_LINES) if rng.random() < FIGURE else 0)


def scramble(seed: int, *, sections: int = 6) -> Scramble:
    """A synthetic witness of ``sections`` sections of prose, scrambled by ``seed``."""
    rng = random.Random(seed)
    height = rng.randint(*COLUMN_LINES)
    title = rng.randint(*TITLE_LINES)
    # place every line: (page, column, y); boxes as lists of line indices (reading order)
    texts: list[str] = []
    places: list[tuple[int, int, int]] = []
    boxes: list[list[int]] = []
    heading_ids: list[int] = []
    page = column = 0
    y, bottom = _frame(rng, page, height, title)
    feet: set[int] = set()  # the last line of every column

    def next_column() -> tuple[int, int]:
        nonlocal page, column
        if texts:
            feet.add(len(texts) - 1)
        page, column = (page, 1) if column == 0 else (page + 1, 0)
        return _frame(rng, page, height, title)

    previous = "paragraph"
    for kind, lines in _document(rng, sections):
        if kind == "heading":
            if y + 2 + KEEP > bottom:  # a heading stands above its first lines
                y, bottom = next_column()
            elif places and places[-1][:2] == (page, column):
                y += 1  # space above a heading
        new_box = kind == "heading" or previous == "heading" or not boxes or rng.random() < NEW_BOX
        for line in lines:
            if y >= bottom:
                y, bottom = next_column()
                new_box = True
            if new_box:
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

    def top(b: int) -> tuple[int, float, int, int]:
        # a heading is printed right before the first lines of its section, as the
        # witness prints each of its five
        heading = boxes[b][0] in heading_ids
        p, c, y0 = places[boxes[b + 1 if heading else b][0]]
        return (p, y0 + offsets[(p, c)], c, 0 if heading else 1)

    emitted = sorted(range(len(boxes)), key=top)
    lines_out: list[str] = []
    number: dict[int, int] = {}
    for k, b in enumerate(emitted):
        if k:
            after = boxes[emitted[k - 1]][-1]
            foot = after in feet and places[after][1] == 0
            if rng.random() >= (FOOT_STRAY if foot else STRAY_BOUNDARY):
                lines_out.append("")
            else:
                texts[boxes[b][0]] = " " + texts[boxes[b][0]]
        for j, i in enumerate(boxes[b]):
            lead = " " if j and rng.random() < STRAY_INSIDE else ""
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
