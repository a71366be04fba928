"""Check that the reading order changes the order of W only where the apparatus says so.

The headings and spans of the reading text that no transposition covers (the
*stationary* ones) must keep the order of W; each recorded transposition must
be needed to explain the order. Both checks take time in proportion to the
text and the entries.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from typing import Protocol

from analysis.errors import DecisionsError
from analysis.text.decisions import ApparatusDecision, Decisions
from analysis.text.witness import Witness

__all__ = ["Placed", "check_transpositions"]


class Placed(Protocol):
    """A heading or span of the reading text: its witness lines and where it is decided."""

    first: int
    last: int
    owner: str
    source_line: int


def _fail(decisions: Decisions, message: str, line: int) -> DecisionsError:
    return DecisionsError(decisions.path, message, line=line)


def check_transpositions(
    decisions: Decisions,
    witness: Witness,
    items: Sequence[Placed],
    entries: list[ApparatusDecision],
) -> None:
    """Every change of the order of W is a recorded transposition, and no more.

    The items that no transposition covers (the *stationary* ones) must keep
    the order of W, with nothing between neighbours but blank lines and moved
    lines. A transposition is needed when treating its block as stationary
    would break that order: the check looks only at the block's neighbours,
    so it costs time in proportion to the block, not to the text.
    """
    n = len(witness.lines)
    starts = {i.first for i in items}
    ends = {i.last for i in items}
    block_of = [-1] * (n + 2)  # witness line -> index of the transposition moving it
    for t, entry in enumerate(entries):
        a, b = entry.lines
        if a > b or a not in starts or b not in ends:
            raise _fail(
                decisions,
                f"apparatus entry {entry.label}: lines {a}-{b} do not begin and end with "
                "whole spans",
                entry.source_line,
            )
        for k in range(a, b + 1):
            if block_of[k] != -1:
                raise _fail(
                    decisions,
                    f"apparatus entry {entry.label}: lines {a}-{b} overlap the "
                    f"{entries[block_of[k]].label} (line {entries[block_of[k]].source_line})",
                    entry.source_line,
                )
            block_of[k] = t
    # prefix counts over witness lines: text lines, and text lines no transposition moves
    text = [0] * (n + 1)
    stays = [0] * (n + 1)
    for k in range(1, n + 1):
        has_text = not witness.is_blank(k)
        text[k] = text[k - 1] + has_text
        stays[k] = stays[k - 1] + (has_text and block_of[k] == -1)

    def follows(prev: Placed, nxt: Placed, freed: tuple[int, int] | None = None) -> bool:
        """True if ``nxt`` comes after ``prev`` in W with only blank or moved lines between.

        ``freed``: a moved block counted as stationary, whose lines then stand in the way.
        """
        lo, hi = prev.last + 1, nxt.first - 1
        if nxt.first <= prev.last:
            return False
        in_way = stays[hi] - stays[lo - 1] if hi >= lo else 0
        if freed is not None:
            a, b = max(lo, freed[0]), min(hi, freed[1])
            in_way += text[b] - text[a - 1] if b >= a else 0
        return in_way == 0

    stationary = [k for k, item in enumerate(items) if block_of[item.first] == -1]
    for p, q in itertools.pairwise(stationary):
        if not follows(items[p], items[q]):
            raise _fail(
                decisions,
                f"{items[q].owner} puts witness line {items[q].first} after "
                f"line {items[p].last}, which W does not, and no transposition entry "
                "records the move",
                items[q].source_line,
            )

    members: dict[int, list[int]] = {}
    for k, item in enumerate(items):
        if block_of[item.first] != -1:
            members.setdefault(block_of[item.first], []).append(k)
    lasts = [items[k].last for k in stationary]  # increasing, as the skeleton keeps W's order
    for t, entry in enumerate(entries):
        freed = (entry.lines[0], entry.lines[1])
        inside = members[t]
        # the skeleton with this block stationary: its items join in reading order
        merged = sorted({*inside, *_neighbours(stationary, inside)})
        needed = any(
            not follows(items[x], items[y], freed)
            for x, y in itertools.pairwise(merged)
            if x in inside or y in inside
        )
        # a stationary pair whose gap in W holds the block, and no item of it between
        w = bisect.bisect_left(lasts, freed[0])
        if not needed and 0 < w < len(stationary):
            p, q = stationary[w - 1], stationary[w]
            needed = not any(p < k < q for k in inside) and not follows(items[p], items[q], freed)
        if not needed:
            raise _fail(
                decisions,
                f"apparatus entry {entry.label}: lines {freed[0]}-{freed[1]} keep "
                "their place in the order of W; there is no transposition to record",
                entry.source_line,
            )


def _neighbours(stationary: list[int], inside: list[int]) -> set[int]:
    """The stationary items just before and just after each of ``inside`` (reading order)."""
    found = set()
    for k in inside:
        pos = bisect.bisect_left(stationary, k)
        if pos:
            found.add(stationary[pos - 1])
        if pos < len(stationary):
            found.add(stationary[pos])
    return found
