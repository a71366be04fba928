"""Keyness and association measures on counts checked by hand (analysis/measures.py)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.metrics import BigramAssocMeasures

from analysis.measures.association import dice, log_likelihood_g2, log_ratio, per_thousand, pmi


def test_g2_of_a_perfectly_associated_table() -> None:
    # 10 0 / 0 10: N = 20, every expected count is 10 * 10 / 20 = 5;
    # G2 = 2 * (10 ln(10/5) + 0 + 0 + 10 ln(10/5)) = 40 ln 2 = 27.72588...
    assert log_likelihood_g2(10, 0, 0, 10) == pytest.approx(40 * math.log(2))
    assert log_likelihood_g2(10, 0, 0, 10) == pytest.approx(27.725887, abs=1e-6)


def test_g2_of_a_keyness_table() -> None:
    # A term 5 times in a section of 100 tokens, 5 times in the 900 tokens of the rest:
    # a b / c d = 5 5 / 95 895; rows 10, 990; columns 100, 900; N = 1000.
    # E = 10*100/1000 = 1, 10*900/1000 = 9, 990*100/1000 = 99, 990*900/1000 = 891.
    # G2 = 2 * (5 ln 5 + 5 ln(5/9) + 95 ln(95/99) + 895 ln(895/891))
    #    = 2 * (8.04719 - 2.93893 - 3.91808 + 4.00897) = 2 * 5.19914 = 10.39828
    assert log_likelihood_g2(5, 5, 95, 895) == pytest.approx(10.39828, abs=1e-5)


def test_g2_of_a_small_table() -> None:
    # 3 1 / 1 3: N = 8, every E = 4 * 4 / 8 = 2;
    # G2 = 2 * (3 ln 1.5 + 1 ln 0.5 + 1 ln 0.5 + 3 ln 1.5) = 4 * (1.21640 - 0.69315) = 2.09299
    assert log_likelihood_g2(3, 1, 1, 3) == pytest.approx(4 * (3 * math.log(1.5) - math.log(2)))
    assert log_likelihood_g2(3, 1, 1, 3) == pytest.approx(2.092993, abs=1e-6)


def test_g2_is_zero_for_proportional_or_empty_margins() -> None:
    assert log_likelihood_g2(1, 2, 3, 6) == 0.0
    assert log_likelihood_g2(0, 0, 3, 6) == 0.0
    assert log_likelihood_g2(0, 0, 0, 0) == 0.0


def test_g2_refuses_negative_counts() -> None:
    with pytest.raises(ValueError, match="negative"):
        log_likelihood_g2(-1, 2, 3, 4)


def test_log_ratio() -> None:
    # (5/100) / (5/900) = 9, log2 9 = 3.169925
    assert log_ratio(5, 5, 100, 900) == pytest.approx(math.log2(9))
    # the zero count is read as 0.5: (4/100) / (0.5/400) = 32, log2 32 = 5
    assert log_ratio(4, 0, 100, 400) == 5.0
    # ... on either side: (0.5/100) / (4/400) = 0.5, log2 0.5 = -1
    assert log_ratio(0, 4, 100, 400) == -1.0
    assert log_ratio(3, 6, 100, 200) == 0.0
    with pytest.raises(ValueError, match="positive"):
        log_ratio(1, 1, 0, 10)


def test_pmi_and_dice() -> None:
    # 2 joint in 16, 4 each: log2(2 * 16 / 16) = 1; Dice 2 * 2 / 8 = 0.5
    assert pmi(2, 4, 4, 16) == 1.0
    assert pmi(1, 2, 4, 16) == 1.0  # log2(1 * 16 / 8)
    assert pmi(1, 4, 4, 16) == 0.0  # as often as chance
    assert pmi(0, 4, 4, 16) == -math.inf
    assert dice(2, 4, 4) == 0.5
    assert dice(1, 2, 4) == pytest.approx(1 / 3)
    assert dice(0, 0, 0) == 0.0
    with pytest.raises(ValueError, match="inconsistent"):
        pmi(5, 4, 4, 16)
    with pytest.raises(ValueError, match="inconsistent"):
        dice(5, 4, 4)


def test_per_thousand() -> None:
    assert per_thousand(5, 2000) == 2.5
    assert per_thousand(54, 4397) == pytest.approx(12.281101, abs=1e-6)
    assert per_thousand(0, 0) == 0.0


# --------------------------------------------------------------------------- properties

COUNT = st.integers(min_value=0, max_value=5000)


@settings(deadline=None)
@given(COUNT, COUNT, COUNT, COUNT)
def test_g2_is_non_negative_and_symmetric(a: int, b: int, c: int, d: int) -> None:
    g2 = log_likelihood_g2(a, b, c, d)
    assert g2 >= 0
    for same in (
        log_likelihood_g2(a, c, b, d),
        log_likelihood_g2(b, a, d, c),
        log_likelihood_g2(c, d, a, b),
    ):
        assert same == pytest.approx(g2, rel=1e-9, abs=1e-9)


@settings(deadline=None)
@given(COUNT, COUNT, COUNT, COUNT)
def test_g2_agrees_with_nltk(a: int, b: int, c: int, d: int) -> None:
    n = a + b + c + d
    if min(a + b, c + d, a + c, b + d) == 0:
        return
    nltk_g2 = BigramAssocMeasures.likelihood_ratio(a, (a + b, a + c), n)
    assert log_likelihood_g2(a, b, c, d) == pytest.approx(nltk_g2, rel=1e-6, abs=1e-6)


@settings(deadline=None)
@given(st.integers(1, 500), st.integers(1, 500), st.integers(500, 5000), st.integers(500, 5000))
def test_log_ratio_changes_sign_with_the_sides(a: int, b: int, n1: int, n2: int) -> None:
    assert log_ratio(a, b, n1, n2) == pytest.approx(-log_ratio(b, a, n2, n1))


@settings(deadline=None)
@given(st.integers(1, 50), st.integers(0, 50), st.integers(0, 50), st.integers(0, 200))
def test_pmi_agrees_with_nltk(joint: int, only_x: int, only_y: int, rest: int) -> None:
    x, y = joint + only_x, joint + only_y
    n = joint + only_x + only_y + rest
    assert pmi(joint, x, y, n) == pytest.approx(BigramAssocMeasures.pmi(joint, (x, y), n))
    assert 0 < dice(joint, x, y) <= 1
