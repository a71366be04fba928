"""Propose the reading order of a scrambled witness: score every join, search the best layout.

Every possible join of one block's end to another's start
(:mod:`analysis.text.blocks`) gets a score from the evidence of the text: the
grammar of a cut sentence (a block that ends mid-sentence goes on in one that
opens in lower case, or with a name; a heading follows a finished sentence
and stands right above the block W prints after it), brackets and quotation
marks that one block opens and the other closes, and the content words the
two sides share (weighted by their rarity among the blocks).

:func:`propose_layout` then searches the layout the extraction permuted: W
prints each page of two columns box after box by the height of its top, left
and right in turn. A layout cuts W into pages of consecutive blocks and puts
each block of a page in the left or the right column; the page is read left
column first. Each page's labellings are built block by block, pruned where W
could not have printed a block that early (its band), and merged where they
leave the page alike; all columns of a document are about as long, so each
column height is tried as a hypothesis (no column longer, a short column
costs a figure), and dynamic programming over the pages finds, for each
height, the layout with the best total score: the joins along the reading,
the bands, the cut blocks at the feet of columns.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.text.blocks import Block, names, opening_word

__all__ = ["Join", "Layout", "column_heights", "join_scores", "order_score", "propose_layout"]

#: Most blocks on one page.
PAGE_BLOCKS = 16
#: Points a page with no cut sentence loses for standing in two columns: without that
#: evidence, the witness order needs no layout.
TWO_COLUMNS = 2.0
#: Lines by which W may print a block before one that stands higher on the page.
BAND_TOLERANCE = 3
#: Points lost per line beyond :data:`BAND_TOLERANCE`.
BAND_DISORDER = 0.5
#: Lines beyond which no block can stand above one of the other column that W prints earlier.
BAND_LIMIT = 14
#: Lines by which a full column may fall short of the column height: the witness's full
#: columns hold 38 to 50 lines.
SHORTFALL = 12
#: Lines the title takes from the columns of the first page.
TITLE = 14
#: Points the proposal loses per line of its column height: the shortest that fits is likeliest.
HEIGHT_COST = 0.1
#: Points lost for each column that stops short (a figure or a pull quote in it).
SHORT_COLUMN = 4.0
#: Points a block earns at the foot of a column if its sentence is cut.
FOOT = 1.5
#: Shortest and longest column heights tried.
MIN_COLUMN = 24
MAX_COLUMN = 62
#: Points for two blocks next to each other in W in different columns of a page.
ALTERNATION = 0.5
#: Weights of the evidence (points added to a join's score).
CUT_CONTINUED = 8.0
CUT_BROKEN = -6.0
#: A cut sentence going on with a name (a word the text writes only with a capital).
CUT_NAMED = 4.0
LOWERCASE_ORPHAN = -8.0
HEADING_AFTER_CUT = -10.0
HEADING_AFTER_HEADING = -8.0
MARK_MATCH = 6.0
MARK_STRAY = -6.0
LEXICAL = 8.0
HEADING_NEXT = 6.0
#: Weight of the words a heading shares with the opening of the block after it.
HEADING_LEXICAL = 12.0
#: A sentence going on in lower case on the next line of W, past a stray leading space.
#: Words at each end of a block compared for lexical continuity.
EDGE_WORDS = 80

_WORD = re.compile(r"[a-z\u00e0-\u024f][a-z\u00e0-\u024f'\u2019-]+")


@dataclass(frozen=True)
class Join:
    """The score of reading block ``b`` right after block ``a``, with its evidence."""

    a: int
    b: int
    score: float
    evidence: tuple[str, ...]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _edge_vectors(blocks: Sequence[Block]) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """Tf-idf vectors of the last and the first :data:`EDGE_WORDS` words of each block."""
    bags = [set(_words(b.text)) for b in blocks]
    df = Counter(w for bag in bags for w in bag)
    n = len(blocks)

    def vector(words: list[str]) -> dict[str, float]:
        counts = Counter(words)
        vec = {w: c * math.log((1 + n) / (1 + df[w])) for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    tails = [vector(_words(b.text)[-EDGE_WORDS:]) for b in blocks]
    heads = [vector(_words(b.text)[:EDGE_WORDS]) for b in blocks]
    return tails, heads


def _score(
    a: Block, b: Block, tail: dict[str, float], head: dict[str, float], *, named: bool
) -> Join:
    score = 0.0
    evidence: list[str] = []
    if b.heading:
        if a.heading:
            score += HEADING_AFTER_HEADING
            evidence.append(f"a heading cannot follow the heading of line {a.last}")
        elif a.cut:
            score += HEADING_AFTER_CUT
            evidence.append(f"line {a.last} ends mid-sentence: no heading can follow")
        else:
            evidence.append(f"line {a.last} ends a sentence before the heading")
    elif a.heading:
        if b.lowercase:
            score += LOWERCASE_ORPHAN
            evidence.append(f"line {b.first} opens in lower case: no heading can precede it")
        elif b.n == a.n + 1:
            score += HEADING_NEXT
            evidence.append(f"the heading stands right above line {b.first} in W")
    elif a.cut and b.lowercase:
        score += CUT_CONTINUED
        evidence.append(
            f"the sentence cut at line {a.last} goes on in lower case at line {b.first}"
        )
    elif a.cut and named:
        score += CUT_NAMED
        evidence.append(
            f"the sentence cut at line {a.last} may go on at line {b.first}, "
            f"which opens with the name {opening_word(b.texts[0])}"
        )
    elif a.cut:
        score += CUT_BROKEN
        evidence.append(f"line {a.last} ends mid-sentence but line {b.first} opens a new one")
    elif b.lowercase:
        score += LOWERCASE_ORPHAN
        evidence.append(f"line {b.first} opens in lower case but line {a.last} ends a sentence")
    for name, opened, closed in (
        ("bracket", a.open_brackets, b.closes_brackets),
        ("quotation", a.open_quotes, b.closes_quotes),
    ):
        if opened and closed:
            score += MARK_MATCH
            evidence.append(f"a {name} left open before line {a.last} closes after line {b.first}")
        elif closed:
            score += MARK_STRAY
            evidence.append(f"line {b.first} closes a {name} that line {a.last} did not open")
    if not b.heading:
        shared = sorted(set(tail) & set(head), key=lambda w: (-tail[w] * head[w], w))
        cosine = sum(tail[w] * head[w] for w in shared)
        if cosine > 0:
            score += (HEADING_LEXICAL if a.heading else LEXICAL) * cosine
            evidence.append(f"shared words ({', '.join(shared[:4])}): cosine {cosine:.2f}")
    if not evidence:
        evidence.append("no evidence either way")
    return Join(a=a.n, b=b.n, score=round(score, 4), evidence=tuple(evidence))


def join_scores(blocks: Sequence[Block]) -> list[list[Join]]:
    """The :class:`Join` of every ordered pair of blocks (``[a][b]``; the diagonal is unused)."""
    tails, heads = _edge_vectors(blocks)
    known = names([t for b in blocks if not b.heading for t in b.texts])
    named = [opening_word(b.texts[0]) in known for b in blocks]
    return [
        [_score(a, b, tails[a.n], heads[b.n], named=named[b.n]) for b in blocks] for a in blocks
    ]


def _start_score(block: Block) -> float:
    return LOWERCASE_ORPHAN if block.lowercase else 0.0


def order_score(
    order: Sequence[int], joins: Sequence[Sequence[Join]], blocks: Sequence[Block]
) -> float:
    """The total join score of reading the blocks in ``order`` (the layout prior aside)."""
    if not order:
        return 0.0
    return _start_score(blocks[order[0]]) + sum(
        joins[a][b].score for a, b in itertools.pairwise(order)
    )


@dataclass(frozen=True)
class Layout:
    """The pages and columns inferred for the blocks, and the reading order they give."""

    order: tuple[int, ...]
    pages: tuple[tuple[int, ...], ...]
    columns: tuple[str, ...]
    score: float
    height: int


@dataclass(frozen=True)
class _Partial:
    """A page being labelled block by block in W order: its two columns so far."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    labels: str
    heights: tuple[int, int]
    tops: tuple[int, int]
    inner: float


@dataclass(frozen=True)
class _Evidence:
    """What the layout search reads: the blocks, their joins, and what each says of a foot.

    ``feet[k]`` is the points block ``k`` earns standing at the foot of a
    column, and loses standing above another block of its column.
    """

    blocks: Sequence[Block]
    joins: Sequence[Sequence[Join]]
    feet: tuple[float, ...]


def _foot(block: Block, following: Block | None) -> float:
    """What a block's end says of its place: at the foot of a column or above another block.

    A block whose last sentence is cut stands at the foot of its column (a
    box ends within a column only where a paragraph ends), unless the sentence
    goes on in lower case on the next line of W, past a stray leading space;
    a heading never stands at the foot.
    """
    if block.heading:
        return -FOOT
    if following is not None and following.first == block.last + 1 and following.lowercase:
        return 0.0
    return FOOT if block.cut else 0.0


def _height(block: Block) -> int:
    """Lines a block takes in its column (a heading two more, for its spacing)."""
    return len(block.lines) + (2 if block.heading else 0)


def _extend(part: _Partial, k: int, label: str, ev: _Evidence, *, cap: int) -> _Partial | None:
    """``part`` with block ``k`` added to column ``label``; None if W cannot print it there.

    The extraction prints blocks by the height of their tops: a block whose
    top stands more than :data:`BAND_LIMIT` lines above the top of a block of
    the other column that W prints earlier rules the labelling out; beyond
    :data:`BAND_TOLERANCE` it costs :data:`BAND_DISORDER` a line. No column
    holds more than ``cap`` lines. A block that opens with a stray leading
    space under a block of its column is part of the same box, printed from
    the box's top. The block that stood last in the column is no longer at
    its foot (:func:`_foot`).
    """
    blocks, joins = ev.blocks, ev.joins
    c = 0 if label == "L" else 1
    top = part.heights[c]
    column = part.left if c == 0 else part.right
    other = part.right if c == 0 else part.left
    if part.labels[-1:] == label and blocks[k].opened_by == "stray leading space":
        # the same box as the block above it, cut by a stray space: printed from its top
        top = part.tops[c]
        disorder = 0
    else:
        disorder = part.tops[1 - c] - top if other else 0
    if disorder > BAND_LIMIT:
        return None
    inner = part.inner - BAND_DISORDER * max(0, disorder - BAND_TOLERANCE)
    if column:
        inner += joins[column[-1]][k].score - ev.feet[column[-1]]
    if part.labels:
        turn = part.labels[-1] != label
        inner += ALTERNATION if turn != blocks[k - 1].heading else 0.0
    heights = list(part.heights)
    heights[c] += _height(blocks[k])
    if heights[c] > cap:
        return None
    tops = list(part.tops)
    tops[c] = top
    return _Partial(
        left=(*part.left, k) if c == 0 else part.left,
        right=(*part.right, k) if c == 1 else part.right,
        labels=part.labels + label,
        heights=(heights[0], heights[1]),
        tops=(tops[0], tops[1]),
        inner=inner,
    )


def _short_columns(heights: tuple[int, int], *, height: int, first: bool, last: bool) -> int:
    """How many columns of a page that holds ``heights`` lines stop short of ``height``.

    A column is short when it holds :data:`SHORTFALL` lines fewer than the
    column height (a figure or a pull quote took the rest), on the first page
    :data:`TITLE` lines more (the title). On the last page, where the text
    ends, only a left column shorter than the right counts (beyond
    :data:`BAND_TOLERANCE`): the text fills the left column first.
    """
    if last:
        return int(heights[1] > heights[0] + BAND_TOLERANCE)
    full = height - SHORTFALL - (TITLE if first else 0)
    return sum(h < full for h in heights)


@dataclass(frozen=True)
class _Reading:
    """One way to read a page: its reading order, labels, column heights and inner score."""

    seq: tuple[int, ...]
    labels: str
    heights: tuple[int, int]
    score: float


def _page_readings(ev: _Evidence, start: int, stop: int, *, cap: int) -> dict[int, list[_Reading]]:
    """The readings of blocks ``start..e-1`` as one page, for each end ``e``.

    Each labelling of the blocks in the left and the right column is built
    block by block (:func:`_extend`), so every page of the same start shares
    the work of its shorter pages; of the labellings that leave the page
    alike for what follows (the same first and last block and column heights)
    only the best is kept.
    """
    blocks, joins = ev.blocks, ev.joins
    found: dict[int, list[_Reading]] = {}
    level = [_Partial((), (), "", (0, 0), (0, 0), 0.0)]
    cut = False
    for k in range(start, stop):
        cut = cut or blocks[k].cut
        merged: dict[tuple[int, ...], _Partial] = {}
        for part in level:
            for label in "LR":
                grown = _extend(part, k, label, ev, cap=cap)
                if grown is None:
                    continue
                # what the rest of the page depends on: the two columns' ends and heights
                key = (
                    *grown.left[:1],
                    -1,
                    *grown.left[-1:],
                    -1,
                    *grown.right[:1],
                    -1,
                    *grown.right[-1:],
                    grown.heights[0],
                )
                held = merged.get(key)
                if held is None or (grown.inner, grown.labels) > (held.inner, held.labels):
                    merged[key] = grown
        level = list(merged.values())
        best: dict[tuple[int, int, int], _Reading] = {}
        for part in level:
            if not part.left:
                continue  # a page is read from its left column
            score = part.inner + ev.feet[part.left[-1]]
            if part.right:
                score += joins[part.left[-1]][part.right[0]].score + ev.feet[part.right[-1]]
                score -= 0.0 if cut else TWO_COLUMNS
            seq = part.left + part.right
            key = (seq[0], seq[-1], part.heights[0])
            held = best.get(key)
            if held is None or (score, part.labels) > (held.score, held.labels):
                best[key] = _Reading(seq, part.labels, part.heights, score)
        found[k + 1] = [best[key] for key in sorted(best)]
    return found


def column_heights(blocks: Sequence[Block]) -> range:
    """The column heights the search tries, by two lines: from the tallest block up."""
    tallest = max((_height(b) for b in blocks), default=0)
    low = max(tallest, MIN_COLUMN)
    return range(low, max(low, MAX_COLUMN) + 1, 2)


def propose_layout(
    blocks: Sequence[Block], joins: Sequence[Sequence[Join]], *, page: int = PAGE_BLOCKS
) -> Layout:
    """The pages, columns and reading order with the best total score (exact).

    The witness is cut into pages of consecutive blocks (at most ``page``
    each); each block of a page stands in the left or the right column; a
    page is read left column first, each column in witness order. The score
    is the sum of the join scores along the reading order; for each two
    blocks next to each other in W on a page, :data:`ALTERNATION` when they
    stand in different columns (in the same column after a heading); and the
    band order of the extraction (:func:`_extend`). All the columns of a
    document are about as long (:func:`_short_columns`): for each column height of
    :func:`column_heights`, dynamic programming over the pages finds the best
    of all such layouts, and the best of those is the proposal; ties go to
    the first in witness order, then to the shorter column.
    """
    n = len(blocks)
    if not n:
        return Layout(order=(), pages=(), columns=(), score=0.0, height=0)
    heights = column_heights(blocks)
    ev = _Evidence(
        blocks=blocks,
        joins=joins,
        feet=tuple(_foot(b, c) for b, c in zip(blocks, (*blocks[1:], None), strict=True)),
    )
    readings = {s: _page_readings(ev, s, min(n, s + page), cap=heights[-1]) for s in range(n)}
    found = [
        layout
        for height in heights
        if (layout := _search(blocks, joins, readings, height=height)) is not None
    ]
    if not found:  # no height fits every page: one page, one column
        return Layout(
            order=tuple(range(n)),
            pages=(tuple(range(n)),),
            columns=("L",) * n,
            score=round(order_score(range(n), joins, blocks), 4),
            height=sum(_height(b) for b in blocks),
        )
    return max(found, key=lambda v: (v.score - HEIGHT_COST * v.height, _neg(v.order), -v.height))


def _search(
    blocks: Sequence[Block],
    joins: Sequence[Sequence[Join]],
    readings: dict[int, dict[int, list[_Reading]]],
    *,
    height: int,
) -> Layout | None:
    """The best layout in columns of ``height`` lines; None if none fits."""
    n = len(blocks)
    # best[e][last] = (score, previous end, previous last, reading)
    Entry = tuple[float, int, int, _Reading | None]
    best: list[dict[int, Entry]] = [{} for _ in range(n + 1)]
    best[0][-1] = (0.0, -1, -1, None)
    for s in range(n):
        if not best[s]:
            continue
        entry: dict[int, tuple[float, int]] = {}  # first block -> (best score, previous last)
        for e, options in readings[s].items():
            for r in options:
                if r.heights[0] > height or r.heights[1] > height:
                    continue
                first = r.seq[0]
                if first not in entry:
                    entry[first] = max(
                        (
                            score
                            + (
                                _start_score(blocks[first])
                                if prev < 0
                                else joins[prev][first].score
                            ),
                            -prev,
                        )
                        for prev, (score, _, _, _) in best[s].items()
                    )
                short = _short_columns(r.heights, height=height, first=s == 0, last=e == n)
                total = entry[first][0] + r.score - SHORT_COLUMN * short
                last = r.seq[-1]
                held = best[e].get(last)
                if held is None or total > held[0] + 1e-9:
                    best[e][last] = (total, s, -entry[first][1], r)
    if not best[n]:
        return None
    score, last = max((v[0], -k) for k, v in best[n].items())
    last, e = -last, n
    order: list[int] = []
    pages: list[tuple[int, ...]] = []
    columns = ""
    while e > 0:
        _, s, prev, reading = best[e][last]
        assert reading is not None
        order[:0] = reading.seq
        pages.insert(0, tuple(range(s, e)))
        columns = reading.labels + columns
        e, last = s, prev
    return Layout(
        order=tuple(order),
        pages=tuple(pages),
        columns=tuple(columns),
        score=round(score, 4),
        height=height,
    )


def _neg(order: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(-k for k in order)
