"""Count which actors are mentioned together, and how strongly they associate.

Two actors are *co-mentioned* in a window (a sentence or a paragraph) when
both have at least one mention in it. For every pair that meets at least once
the table gives the number of windows with both, the windows with each, all
windows of the edition, and three association measures computed over windows
by :mod:`analysis.measures.association`: PMI, Dice and Dunning's G2 on the 2x2 table
of windows (``n`` = all windows of the edition)::

                    y in the window      y not in it
    x in the window  count                count_a - count
    x not in it      count_b - count      n - count_a - count_b + count

A raw count mirrors how often each actor is named: two actors named
everywhere meet everywhere. So each pair also has the count chance predicts
(``expected = count_a * count_b / n``), the p-value of its G2 (chi-squared,
one degree of freedom) and ``associated``: true when the pair meets more
often than expected, in at least :data:`MIN_COUNT` windows, and its G2 is
significant at :data:`ALPHA` (one shared window cannot show an association:
two actors named once each pass the test by that window alone). A pair can be
frequent and not associated (two much-named actors), or rare and associated
(two actors named only together).

Each row cites its evidence: the ids of the sentences that show the pair. For
the sentence window these are the sentences that mention both actors; for the
paragraph window, in each paragraph that mentions both, the sentences that
mention either of them (so a reader sees each actor where it is named).

>>> import pandas as pd
>>> from types import SimpleNamespace as NS
>>> ed = NS(paragraphs=(NS(id="p1", sentences=(NS(id="p1.1"), NS(id="p1.2"))),))
>>> m = pd.DataFrame({"actor_id": ["a", "b", "a"], "sentence_id": ["p1.1", "p1.1", "p1.2"],
...                   "paragraph_id": ["p1", "p1", "p1"]})
>>> comentions(m, edition=ed)[["actor_a", "actor_b", "count", "evidence"]].values.tolist()
[['a', 'b', 1, ('p1.1',)]]
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Literal

import numpy as np
import pandas as pd

from analysis.measures.association import dice, g2_p_value, log_likelihood_g2, pmi
from analysis.text.edition import Edition

__all__ = [
    "ALPHA",
    "COMENTION_COLUMNS",
    "MEASURES",
    "MIN_COUNT",
    "WINDOWS",
    "comention_matrix",
    "comentions",
]

#: The significance level of the association test of a pair (its G2's p-value).
ALPHA = 0.05

#: The fewest shared windows that can show an association: two actors named
#: once each, in the same sentence, pass the G2 test by that one sentence.
MIN_COUNT = 2

#: The windows within which co-mentions are counted.
WINDOWS: tuple[str, ...] = ("sentence", "paragraph")

#: The columns of the co-mention table that hold a number per pair.
MEASURES: tuple[str, ...] = ("count", "pmi", "dice", "g2")

#: Columns of :func:`comentions`.
COMENTION_COLUMNS: tuple[str, ...] = (
    "actor_a",
    "actor_b",
    "window",
    "count",
    "count_a",
    "count_b",
    "n_windows",
    "pmi",
    "dice",
    "g2",
    "expected",
    "p_value",
    "associated",
    "evidence",
)

Window = Literal["sentence", "paragraph"]


def _windows(edition: Edition, window: str) -> dict[str, tuple[str, ...]]:
    """Map each window id, in reading order, to the ids of its sentences."""
    if window == "sentence":
        return {s.id: (s.id,) for p in edition.paragraphs for s in p.sentences}
    if window == "paragraph":
        return {p.id: tuple(s.id for s in p.sentences) for p in edition.paragraphs}
    raise ValueError(f"unknown window '{window}' (one of {', '.join(WINDOWS)})")


def comentions(
    mentions: pd.DataFrame, *, window: Window = "sentence", edition: Edition
) -> pd.DataFrame:
    """Return one row per unordered pair of actors mentioned together in a window.

    ``mentions`` is a table of :func:`analysis.measures.mentions.find_mentions` (only its
    ``actor_id``, ``sentence_id`` and ``paragraph_id`` columns are used);
    ``edition`` supplies the windows: only the ids of its paragraphs and their
    sentences are read. Columns (:data:`COMENTION_COLUMNS`): the pair
    (``actor_a < actor_b``), the window kind, ``count`` (windows with both),
    ``count_a`` and ``count_b`` (windows with each), ``n_windows`` (all
    windows of the edition, with or without mentions), ``pmi`` (binary log),
    ``dice``, ``g2``, ``expected`` (the count if the two were named
    independently), ``p_value`` (of the G2), ``associated`` (``count >
    expected``, ``count >= MIN_COUNT`` and ``p_value < ALPHA``) and
    ``evidence`` (a tuple of sentence ids in reading order, see the module
    docstring). Pairs that never meet are left out.
    Sorted by descending count, then ``actor_a``, then ``actor_b``.
    """
    windows = _windows(edition, window)
    key = "sentence_id" if window == "sentence" else "paragraph_id"
    unknown = set(mentions[key]) - set(windows)
    if unknown:
        raise ValueError(
            f"mentions name {key.replace('_id', '')} '{min(unknown)}', which is not in the edition"
        )
    in_window: dict[str, set[str]] = defaultdict(set)
    in_sentence: dict[str, set[str]] = defaultdict(set)
    for actor, sentence, win in zip(
        mentions["actor_id"], mentions["sentence_id"], mentions[key], strict=True
    ):
        in_window[win].add(actor)
        in_sentence[sentence].add(actor)

    per_actor: dict[str, int] = defaultdict(int)
    together: dict[tuple[str, str], list[str]] = defaultdict(list)
    for win in windows:  # reading order, so evidence is in reading order too
        actors = sorted(in_window.get(win, ()))
        for actor in actors:
            per_actor[actor] += 1
        for pair in combinations(actors, 2):
            together[pair].append(win)

    n = len(windows)
    rows = []
    for (a, b), wins in together.items():
        count, count_a, count_b = len(wins), per_actor[a], per_actor[b]
        evidence = tuple(
            s for win in wins for s in windows[win] if in_sentence.get(s, set()) & {a, b}
        )
        g2 = log_likelihood_g2(
            count, count_a - count, count_b - count, n - count_a - count_b + count
        )
        expected = count_a * count_b / n
        p_value = g2_p_value(g2)
        rows.append(
            {
                "actor_a": a,
                "actor_b": b,
                "window": window,
                "count": count,
                "count_a": count_a,
                "count_b": count_b,
                "n_windows": n,
                "pmi": pmi(count, count_a, count_b, n),
                "dice": dice(count, count_a, count_b),
                "g2": g2,
                "expected": expected,
                "p_value": p_value,
                "associated": (count > expected and count >= MIN_COUNT and p_value < ALPHA),
                "evidence": evidence,
            }
        )
    rows.sort(key=lambda r: (-r["count"], r["actor_a"], r["actor_b"]))
    frame = pd.DataFrame(rows, columns=list(COMENTION_COLUMNS))
    ints = {c: "int64" for c in ("count", "count_a", "count_b", "n_windows")}
    floats = {c: "float64" for c in ("pmi", "dice", "g2", "expected", "p_value")}
    return frame.astype({**ints, **floats, "associated": "bool"})


def comention_matrix(
    table: pd.DataFrame, *, value: str = "count", actors: list[str] | None = None, fill: float = 0
) -> pd.DataFrame:
    """Return the co-mention table as a symmetric square matrix of one measure.

    Rows and columns are ``actors`` (default: every actor of the table, sorted
    by id); the cell of two actors holds ``value`` (one of :data:`MEASURES`)
    for their pair. Pairs absent from the table and the diagonal (an actor is
    not paired with itself) hold ``fill``: 0 suits ``count`` and ``dice``; for
    ``pmi`` and ``g2`` pass ``float("nan")``. With ``value="count"`` and an
    integer ``fill`` the matrix holds integers.

    >>> t = pd.DataFrame({"actor_a": ["a"], "actor_b": ["b"], "count": [2]})
    >>> comention_matrix(t).values.tolist()
    [[0, 2], [2, 0]]
    """
    if value not in MEASURES:
        raise ValueError(f"unknown value '{value}' (one of {', '.join(MEASURES)})")
    if actors is None:
        actors = sorted(set(table["actor_a"]) | set(table["actor_b"]))
    index = {actor: k for k, actor in enumerate(actors)}
    grid = np.full((len(actors), len(actors)), fill, dtype="float64")
    for a, b, v in zip(table["actor_a"], table["actor_b"], table[value], strict=True):
        if a in index and b in index:
            grid[index[a], index[b]] = grid[index[b], index[a]] = v
    matrix = pd.DataFrame(
        grid, index=pd.Index(actors, name="actor"), columns=pd.Index(actors, name="actor")
    )
    if value == "count" and float(fill).is_integer():
        matrix = matrix.astype("int64")
    return matrix
