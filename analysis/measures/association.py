"""Association and keyness measures on plain counts, small enough to check by hand.

Every function takes counts (non-negative integers) and returns a float; none
knows about the edition, so the same functions serve term keyness (a term in a
section against the rest of the text) and co-mentions (two actors in the same
sentences). Logarithms are natural in :func:`log_likelihood_g2` (as in
Dunning 1993) and binary in :func:`log_ratio` and :func:`pmi`.
"""

from __future__ import annotations

import math

__all__ = [
    "G2_CRITICAL_01",
    "G2_CRITICAL_05",
    "dice",
    "g2_p_value",
    "log_likelihood_g2",
    "log_ratio",
    "per_thousand",
    "pmi",
]

#: Critical values of G2 (chi-squared, one degree of freedom) for p < 0.05 and p < 0.01.
G2_CRITICAL_05 = 3.84
G2_CRITICAL_01 = 6.63


def _check_counts(*counts: float) -> None:
    if any(c < 0 for c in counts):
        raise ValueError(f"counts must not be negative: {counts}")


def _o_ln_o_over_e(observed: float, expected: float) -> float:
    """One cell's share of G2, ``O * ln(O / E)``, with ``0 * ln 0 = 0``."""
    return observed * math.log(observed / expected) if observed else 0.0


def log_likelihood_g2(a: int, b: int, c: int, d: int) -> float:
    """Return Dunning's (1993) log-likelihood G2 of the 2x2 contingency table ``a b / c d``.

    The cells are the counts of a table with two rows and two columns::

                       column 1   column 2
            row 1         a          b
            row 2         c          d

    For keyness, the columns are the target (a section) and the reference (the
    rest of the text), the rows the term and every other word token: ``a`` =
    the term in the target, ``b`` = the term in the reference, ``c`` = target
    tokens minus ``a``, ``d`` = reference tokens minus ``b``. For co-mentions,
    ``a`` = sentences with both x and y, ``b`` = x without y, ``c`` = y without
    x, ``d`` = neither.

    ``G2 = 2 * sum(O * ln(O / E))`` over the four cells, where ``E`` is the
    cell's row total times its column total divided by ``N = a + b + c + d``,
    and a cell with ``O = 0`` contributes 0. G2 is never negative, is 0 when the
    rows are proportional, and is the same for the transposed table. A table
    with an empty row or column (or ``N = 0``) gives 0.

    Hand-checked: in ``10 0 / 0 10`` every ``E`` is 5, so
    ``G2 = 2 * (10 ln 2 + 10 ln 2) = 40 ln 2 = 27.7259``. In ``5 5 / 95 895``
    (a term 5 times in 100 tokens and 5 times in 900) ``E`` is ``1 9 / 99 891``
    and ``G2 = 2 * (5 ln 5 + 5 ln(5/9) + 95 ln(95/99) + 895 ln(895/891)) = 10.3983``.

    >>> round(log_likelihood_g2(10, 0, 0, 10), 4), round(40 * math.log(2), 4)
    (27.7259, 27.7259)
    >>> round(log_likelihood_g2(5, 5, 95, 895), 4)
    10.3983
    >>> log_likelihood_g2(1, 2, 3, 6)
    0.0
    """
    _check_counts(a, b, c, d)
    n = a + b + c + d
    rows, cols = (a + b, c + d), (a + c, b + d)
    if 0 in rows or 0 in cols:
        return 0.0
    cells = (
        (a, rows[0] * cols[0]),
        (b, rows[0] * cols[1]),
        (c, rows[1] * cols[0]),
        (d, rows[1] * cols[1]),
    )
    g2 = 2.0 * sum(_o_ln_o_over_e(o, rc / n) for o, rc in cells)
    return max(g2, 0.0)  # rounding can leave -1e-15 where the rows are proportional


def log_ratio(
    count_target: int,
    count_reference: int,
    size_target: int,
    size_reference: int,
    *,
    correction: float = 0.5,
) -> float:
    """Return Hardie's (2014) Log Ratio: the binary log of the ratio of relative frequencies.

    ``log2((count_target / size_target) / (count_reference / size_reference))``.
    Each doubling of the relative frequency in the target adds 1; 0 means the
    same rate in both, negative values mean the term is rarer in the target. A
    zero count is replaced by ``correction`` (Hardie's 0.5) so that a term found
    only in one part has a finite effect size; non-zero counts are unchanged.

    Hand-checked: 5 in 100 tokens against 5 in 900 gives ``log2(9) = 3.1699``;
    4 in 100 against 0 (read as 0.5) in 400 gives ``log2(0.04 / 0.00125) =
    log2(32) = 5``.

    >>> round(log_ratio(5, 5, 100, 900), 4)
    3.1699
    >>> log_ratio(4, 0, 100, 400)
    5.0
    >>> log_ratio(3, 6, 100, 200)
    0.0
    """
    _check_counts(count_target, count_reference)
    if size_target <= 0 or size_reference <= 0:
        raise ValueError("both sizes must be positive")
    target = (count_target or correction) / size_target
    reference = (count_reference or correction) / size_reference
    return math.log2(target / reference)


def pmi(joint: int, count_x: int, count_y: int, n: int) -> float:
    """Return the pointwise mutual information ``log2(joint * n / (count_x * count_y))``.

    ``joint`` is the number of units (token pairs, sentences) where x and y
    occur together, ``count_x`` and ``count_y`` the units with each, ``n`` all
    units. 0 means x and y meet as often as chance predicts. Without a joint
    occurrence the PMI is minus infinity.

    Hand-checked: 2 joint in 16 units, 4 each: ``log2(2 * 16 / (4 * 4)) = log2(2) = 1``.

    >>> pmi(2, 4, 4, 16)
    1.0
    >>> pmi(0, 4, 4, 16)
    -inf
    """
    _check_counts(joint, count_x, count_y, n)
    if joint > min(count_x, count_y) or max(count_x, count_y) > n:
        raise ValueError(f"inconsistent counts: joint {joint}, x {count_x}, y {count_y}, n {n}")
    if joint == 0:
        return -math.inf
    return math.log2(joint * n / (count_x * count_y))


def dice(joint: int, count_x: int, count_y: int) -> float:
    """Return the Dice coefficient ``2 * joint / (count_x + count_y)``, between 0 and 1.

    1 means x and y always occur together; 0 that they never do (also when
    both counts are 0). Hand-checked: 2 joint, 4 and 4: ``4 / 8 = 0.5``.

    >>> dice(2, 4, 4), dice(3, 3, 3), dice(0, 0, 0)
    (0.5, 1.0, 0.0)
    """
    _check_counts(joint, count_x, count_y)
    if joint > min(count_x, count_y):
        raise ValueError(f"inconsistent counts: joint {joint}, x {count_x}, y {count_y}")
    total = count_x + count_y
    return 2.0 * joint / total if total else 0.0


def per_thousand(count: int, total: int) -> float:
    """Return ``count`` per 1,000 of ``total`` (0.0 when ``total`` is 0).

    >>> per_thousand(5, 2000), per_thousand(0, 0)
    (2.5, 0.0)
    """
    _check_counts(count, total)
    return 1000.0 * count / total if total else 0.0


def g2_p_value(g2: float) -> float:
    """Return the p-value of a G2 of a 2x2 table: chi-squared with one degree of freedom.

    The probability, were the rows independent of the columns, of a G2 at
    least this large (Dunning 1993). With one degree of freedom the
    chi-squared survival function is ``erfc(sqrt(G2 / 2))``, exact and with
    no library beyond :mod:`math`. At the critical values the p-values are
    0.05 and 0.01.

    >>> round(g2_p_value(G2_CRITICAL_05), 3), round(g2_p_value(G2_CRITICAL_01), 3)
    (0.05, 0.01)
    >>> g2_p_value(0.0)
    1.0
    """
    if g2 < 0:
        raise ValueError(f"G2 must not be negative: {g2}")
    return math.erfc(math.sqrt(g2 / 2.0))
