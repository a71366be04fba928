"""Propose the reading order of a scrambled witness: score every join, search the best order.

Every possible join of one block's end to another's start
(:mod:`analysis.text.blocks`) gets a score from the evidence of the text: the
grammar of a cut sentence (a block that ends mid-sentence goes on in one that
opens in lower case; a heading follows a finished sentence and opens with a
capital), brackets and quotation marks that one block opens and the other
closes, and the content words the two sides share (weighted by their rarity
among the blocks). :func:`propose_layout` then finds, exactly, the layout with
the best total score: pages of consecutive blocks, each block in the left or
the right column, each page read left column first. That is how the
extraction permuted the witness: it printed each page of two columns box
after box by the height of its top, left and right in turn; so the layout
also scores how well the columns alternate and whether the heights of the
stacked blocks explain the order in which W prints them.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.text.blocks import Block

__all__ = ["Join", "Layout", "join_scores", "order_score", "propose_layout"]

#: Most blocks on one page.
PAGE_BLOCKS = 9
#: Points a page with no cut sentence loses for standing in two columns: without that
#: evidence, the witness order needs no layout.
TWO_COLUMNS = 2.0
#: Lines by which W may print a block before one that stands higher on the page.
BAND_TOLERANCE = 3
#: Points lost per line beyond :data:`BAND_TOLERANCE`.
BAND_DISORDER = 0.5
#: Points for two blocks next to each other in W in different columns of a page.
ALTERNATION = 0.5
#: Weights of the evidence (points added to a join's score).
CUT_CONTINUED = 8.0
CUT_BROKEN = -6.0
LOWERCASE_ORPHAN = -8.0
HEADING_AFTER_CUT = -10.0
HEADING_AFTER_HEADING = -8.0
MARK_MATCH = 6.0
MARK_STRAY = -6.0
LEXICAL = 8.0
HEADING_NEXT = 2.0
#: Weight of the words a heading shares with the opening of the block after it.
HEADING_LEXICAL = 12.0
#: A sentence going on in lower case on the next line of W, past a stray leading space.
SAME_BLOCK = 4.0
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


def _score(a: Block, b: Block, tail: dict[str, float], head: dict[str, float]) -> Join:
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
        if b.first == a.last + 1:
            score += SAME_BLOCK
            evidence.append(f"line {b.first} follows line {a.last} in W with no blank line")
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
    return [[_score(a, b, tails[a.n], heads[b.n]) for b in blocks] for a in blocks]


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


def _page_readings(
    blocks: Sequence[Block], joins: Sequence[Sequence[Join]], start: int, stop: int
) -> dict[tuple[int, int], tuple[float, tuple[int, ...], str]]:
    """Best reading of blocks ``start..stop-1`` as one page, for each (first, last) block."""
    best: dict[tuple[int, int], tuple[float, tuple[int, ...], str]] = {}
    members = range(start, stop)
    cut = any(blocks[k].cut for k in members)
    for labels in itertools.product("LR", repeat=stop - start):
        if labels[0] == "R" and "L" not in labels:
            continue  # a one-column page is read as a left column
        left = [k for k, c in zip(members, labels, strict=True) if c == "L"]
        right = [k for k, c in zip(members, labels, strict=True) if c == "R"]
        seq = (*left, *right)
        score = sum(joins[a][b].score for a, b in itertools.pairwise(seq))
        for k, (c, d) in zip(members, itertools.pairwise(labels), strict=False):
            turn = c != d
            score += ALTERNATION if turn != blocks[k].heading else 0.0
        score -= _band_disorder(blocks, members, labels)
        if left and right and not cut:
            score -= TWO_COLUMNS
        key = (seq[0], seq[-1])
        held = best.get(key)
        if held is None or (score, "".join(labels)) > (held[0], held[2]):
            best[key] = (score, seq, "".join(labels))
    return best


def _band_disorder(blocks: Sequence[Block], members: range, labels: Sequence[str]) -> float:
    """Penalty for a labelling whose blocks, stacked in their columns, W does not print by height.

    Each block's top stands as many lines down its column as the blocks above
    it hold (a heading takes two more, for its spacing); the extraction prints
    blocks by the height of their tops, so W printing a block before one that
    stands :data:`BAND_TOLERANCE` lines higher costs :data:`BAND_DISORDER` per
    line beyond it.
    """
    height = {"L": 0, "R": 0}
    tops = []
    for k, c in zip(members, labels, strict=True):
        tops.append(height[c])
        height[c] += len(blocks[k].lines) + (2 if blocks[k].heading else 0)
    return BAND_DISORDER * sum(
        max(0, a - b - BAND_TOLERANCE)
        for (a, c), (b, d) in itertools.pairwise(zip(tops, labels, strict=True))
        if c != d
    )


def propose_layout(
    blocks: Sequence[Block], joins: Sequence[Sequence[Join]], *, page: int = PAGE_BLOCKS
) -> Layout:
    """The pages, columns and reading order with the best total score (exact).

    The witness is cut into pages of consecutive blocks (at most ``page``
    each); each block of a page stands in the left or the right column; a
    page is read left column first, each column in witness order. The score
    is the sum of the join scores along the reading order and, for each two
    blocks next to each other in W on a page, :data:`ALTERNATION` when they
    stand in different columns (in the same column after a heading): the
    band order of the extraction. Dynamic programming over the pages finds
    the best of all such layouts; ties go to the first in witness order.
    """
    n = len(blocks)
    if n == 0:
        return Layout(order=(), pages=(), columns=(), score=0.0)
    # best[e][last] = (score, reading so far, pages, labels)
    Entry = tuple[float, tuple[int, ...], tuple[tuple[int, ...], ...], str]
    best: list[dict[int, Entry]] = [{} for _ in range(n + 1)]
    best[0][-1] = (0.0, (), (), "")
    for s in range(n):
        if not best[s]:
            continue
        for e in range(s + 1, min(n, s + page) + 1):
            readings = _page_readings(blocks, joins, s, e)
            for (first, last), (inner, seq, labels) in sorted(readings.items()):
                for prev, (score, order, pages, columns) in sorted(best[s].items()):
                    link = _start_score(blocks[first]) if prev < 0 else joins[prev][first].score
                    total = score + link + inner
                    held = best[e].get(last)
                    if held is None or total > held[0] + 1e-9:
                        best[e][last] = (
                            total,
                            order + seq,
                            (*pages, tuple(range(s, e))),
                            columns + labels,
                        )
    score, order, pages, columns = max(best[n].values(), key=lambda v: (v[0], _neg(v[1])))
    return Layout(order=order, pages=pages, columns=tuple(columns), score=round(score, 4))


def _neg(order: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(-k for k in order)
