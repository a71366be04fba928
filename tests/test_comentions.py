"""Co-mentions: a table checked by hand, properties on random mentions, the real edition."""

from __future__ import annotations

import math
from pathlib import Path
from types import SimpleNamespace as NS

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.measures.comentions import (
    ALPHA,
    COMENTION_COLUMNS,
    MIN_COUNT,
    comention_matrix,
    comentions,
)
from analysis.text.edition import Edition

GOLDEN = Path(__file__).parent / "golden" / "actors"


def tiny_edition(shape: list[int]) -> NS:
    """An edition-like object with ``shape[k]`` sentences in paragraph ``p{k+1}``."""
    return NS(
        paragraphs=tuple(
            NS(id=f"p{n}", sentences=tuple(NS(id=f"p{n}.{k}") for k in range(1, size + 1)))
            for n, size in enumerate(shape, start=1)
        )
    )


def mention_frame(pairs: list[tuple[str, str]]) -> pd.DataFrame:
    """Mentions from ``(actor, sentence id)`` pairs."""
    return pd.DataFrame(
        {
            "actor_id": [a for a, _ in pairs],
            "sentence_id": [s for _, s in pairs],
            "paragraph_id": [s.split(".")[0] for _, s in pairs],
        }
    )


# Two paragraphs of two sentences: a and b meet in p1.1 and p2.1, c is in p1.2 and p2.1,
# a is named twice in p1.1 (a window counts once), p2.2 names nobody.
HAND = tiny_edition([2, 2])
HAND_MENTIONS = mention_frame(
    [
        ("a", "p1.1"),
        ("b", "p1.1"),
        ("a", "p1.1"),
        ("c", "p1.2"),
        ("c", "p2.1"),
        ("b", "p2.1"),
        ("a", "p2.1"),
    ]
)


def test_sentence_window_checked_by_hand() -> None:
    table = comentions(HAND_MENTIONS, window="sentence", edition=HAND)
    assert list(table.columns) == list(COMENTION_COLUMNS)
    assert table[
        ["actor_a", "actor_b", "window", "count", "count_a", "count_b", "n_windows"]
    ].values.tolist() == [
        ["a", "b", "sentence", 2, 2, 2, 4],
        ["a", "c", "sentence", 1, 2, 2, 4],
        ["b", "c", "sentence", 1, 2, 2, 4],
    ]
    ab, ac, _ = table.to_dict("records")
    # a and b: always together. PMI = log2(2 * 4 / (2 * 2)) = 1; Dice = 2 * 2 / (2 + 2) = 1;
    # G2 on 2 0 / 0 2: every expected cell is 1, so G2 = 2 * (2 ln 2 + 2 ln 2) = 8 ln 2.
    assert ab["pmi"] == pytest.approx(1.0)
    assert ab["dice"] == pytest.approx(1.0)
    assert ab["g2"] == pytest.approx(8 * math.log(2))
    assert ab["evidence"] == ("p1.1", "p2.1")
    # a and c: once. PMI = log2(1 * 4 / (2 * 2)) = 0; Dice = 2 / 4; G2 on 1 1 / 1 1 = 0.
    assert ac["pmi"] == pytest.approx(0.0)
    assert ac["dice"] == pytest.approx(0.5)
    assert ac["g2"] == pytest.approx(0.0)
    assert ac["evidence"] == ("p2.1",)


def test_paragraph_window_checked_by_hand() -> None:
    table = comentions(HAND_MENTIONS, window="paragraph", edition=HAND)
    assert table[
        ["actor_a", "actor_b", "count", "count_a", "count_b", "n_windows"]
    ].values.tolist() == [
        ["a", "b", 2, 2, 2, 2],
        ["a", "c", 2, 2, 2, 2],
        ["b", "c", 2, 2, 2, 2],
    ]
    # every actor is in every paragraph: PMI = log2(2 * 2 / (2 * 2)) = 0, Dice = 1 and the
    # 2x2 table 2 0 / 0 0 has an empty row, so G2 = 0.
    assert table["pmi"].tolist() == [0.0, 0.0, 0.0]
    assert table["dice"].tolist() == [1.0, 1.0, 1.0]
    assert table["g2"].tolist() == [0.0, 0.0, 0.0]
    # evidence: the sentences of those paragraphs that name either actor
    assert table["evidence"].tolist() == [
        ("p1.1", "p2.1"),
        ("p1.1", "p1.2", "p2.1"),
        ("p1.1", "p1.2", "p2.1"),
    ]


# Ten one-sentence paragraphs. a and b are named in eight sentences each and together in
# seven; c and d only in p9 and p10, always together; e and f once, together, in p10.
TEN = tiny_edition([1] * 10)
TEN_MENTIONS = mention_frame(
    [("a", f"p{k}.1") for k in range(1, 9)]
    + [("b", f"p{k}.1") for k in (1, 2, 3, 4, 5, 6, 7, 9)]
    + [("c", "p9.1"), ("d", "p9.1"), ("c", "p10.1"), ("d", "p10.1")]
    + [("e", "p10.1"), ("f", "p10.1")]
)


def test_an_edge_frequent_but_not_associated() -> None:
    table = comentions(TEN_MENTIONS, edition=TEN).set_index(["actor_a", "actor_b"])
    ab, cd, ef = table.loc[("a", "b")], table.loc[("c", "d")], table.loc[("e", "f")]
    # a-b: the most frequent pair. Expected 8 * 8 / 10 = 6.4; the table 7 1 / 1 1 has
    # E = 6.4 1.6 / 1.6 0.4, so G2 = 2 * (7 ln(7/6.4) + 2 ln(1/1.6) + ln(1/0.4)) = 1.2071,
    # p = 0.272 (chi-squared, 1 df): not associated.
    assert ab["count"] == table["count"].max() == 7
    assert ab["expected"] == pytest.approx(6.4)
    assert ab["g2"] == pytest.approx(1.20714, abs=1e-5)
    assert ab["p_value"] == pytest.approx(0.2719, abs=1e-4)
    assert not ab["associated"]
    # c-d: two sentences only, always together. Expected 0.4; 2 0 / 0 8 has
    # E = 0.4 1.6 / 1.6 6.4, so G2 = 2 * (2 ln 5 + 8 ln(8/6.4)) = 10.0080, p = 0.0016.
    assert cd["expected"] == pytest.approx(0.4)
    assert cd["g2"] == pytest.approx(10.008048, abs=1e-6)
    assert cd["p_value"] == pytest.approx(0.00156, abs=1e-5)
    assert cd["associated"]
    # e-f: one sentence. 1 0 / 0 9 gives G2 = 2 * (ln 10 + 9 ln(9/8.1)) = 6.5017, p = 0.011,
    # significant, but one shared window is fewer than MIN_COUNT: not associated.
    assert ef["g2"] == pytest.approx(6.501660, abs=1e-6)
    assert ef["p_value"] < ALPHA and ef["count"] < MIN_COUNT
    assert not ef["associated"]


def test_a_pair_below_chance_is_never_associated() -> None:
    # a in p1..p9, g in p1, p9 and p10: together in 2, but chance predicts 9 * 3 / 10 = 2.7
    mentions = mention_frame(
        [("a", f"p{k}.1") for k in range(1, 10)] + [("g", "p1.1"), ("g", "p9.1"), ("g", "p10.1")]
    )
    row = comentions(mentions, edition=TEN).iloc[0]
    assert (row["actor_a"], row["actor_b"], row["count"]) == ("a", "g", 2)
    assert row["expected"] == pytest.approx(2.7)
    assert not row["associated"]


def test_pairs_that_never_meet_are_left_out() -> None:
    mentions = mention_frame([("a", "p1.1"), ("b", "p1.2")])
    assert comentions(mentions, edition=HAND).empty
    assert len(comentions(mentions, window="paragraph", edition=HAND)) == 1


def test_bad_window_and_unknown_sentence() -> None:
    with pytest.raises(ValueError, match="unknown window 'page'"):
        comentions(HAND_MENTIONS, window="page", edition=HAND)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"sentence 'p9\.1', which is not in the edition"):
        comentions(mention_frame([("a", "p9.1")]), edition=HAND)


def test_matrix_checked_by_hand() -> None:
    table = comentions(HAND_MENTIONS, edition=HAND)
    counts = comention_matrix(table)
    assert counts.index.tolist() == counts.columns.tolist() == ["a", "b", "c"]
    assert counts.values.tolist() == [[0, 2, 1], [2, 0, 1], [1, 1, 0]]
    assert counts.dtypes.eq("int64").all()
    dice = comention_matrix(table, value="dice", actors=["c", "a", "z"])
    assert dice.values.tolist() == [[0.0, 0.5, 0.0], [0.5, 0.0, 0.0], [0.0, 0.0, 0.0]]
    pmi = comention_matrix(table, value="pmi", fill=float("nan"))
    assert np.isnan(np.diag(pmi.values)).all()
    with pytest.raises(ValueError, match="unknown value 'evidence'"):
        comention_matrix(table, value="evidence")


# --- properties on random mentions -----------------------------------------------------------

SHAPES = st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=4)


@st.composite
def editions_and_mentions(draw: st.DrawFn) -> tuple[NS, pd.DataFrame]:
    edition = tiny_edition(draw(SHAPES))
    sentences = [s.id for p in edition.paragraphs for s in p.sentences]
    pairs = draw(
        st.lists(st.tuples(st.sampled_from("abcde"), st.sampled_from(sentences)), max_size=25)
    )
    return edition, mention_frame(pairs)


def _named(mentions: pd.DataFrame) -> dict[str, set[str]]:
    return mentions.groupby("sentence_id")["actor_id"].apply(set).to_dict()


@given(editions_and_mentions())
def test_sentence_evidence_names_both_actors(case: tuple[NS, pd.DataFrame]) -> None:
    edition, mentions = case
    table = comentions(mentions, window="sentence", edition=edition)
    named = _named(mentions)
    for row in table.itertuples():
        assert row.actor_a < row.actor_b
        assert len(row.evidence) == row.count
        assert all({row.actor_a, row.actor_b} <= named[s] for s in row.evidence)


@given(editions_and_mentions(), st.sampled_from(["sentence", "paragraph"]))
def test_counts_are_consistent(case: tuple[NS, pd.DataFrame], window: str) -> None:
    edition, mentions = case
    table = comentions(mentions, window=window, edition=edition)  # type: ignore[arg-type]
    key = "sentence_id" if window == "sentence" else "paragraph_id"
    windows = mentions.groupby(key)["actor_id"].apply(set).to_dict()
    for row in table.itertuples():
        assert 1 <= row.count <= min(row.count_a, row.count_b)
        assert max(row.count_a, row.count_b) <= row.n_windows
        both = [w for w, actors in windows.items() if {row.actor_a, row.actor_b} <= actors]
        assert row.count == len(both)
        assert row.count_a == sum(row.actor_a in actors for actors in windows.values())
        assert 0.0 <= row.dice <= 1.0 and row.g2 >= 0.0
        assert 0.0 <= row.p_value <= 1.0
        assert row.associated == (
            row.count >= MIN_COUNT and row.count > row.expected and row.p_value < ALPHA
        )
    expected_pairs = {
        (a, b) for actors in windows.values() for a in actors for b in actors if a < b
    }
    assert set(zip(table["actor_a"], table["actor_b"], strict=True)) == expected_pairs
    assert table["count"].is_monotonic_decreasing


@given(editions_and_mentions())
def test_paragraph_evidence_names_either_actor(case: tuple[NS, pd.DataFrame]) -> None:
    edition, mentions = case
    table = comentions(mentions, window="paragraph", edition=edition)
    named = _named(mentions)
    for row in table.itertuples():
        pair = {row.actor_a, row.actor_b}
        assert all(named[s] & pair for s in row.evidence)
        assert len({s.split(".")[0] for s in row.evidence}) == row.count


@given(editions_and_mentions(), st.sampled_from(["count", "dice", "pmi", "g2"]))
def test_the_matrix_is_symmetric(case: tuple[NS, pd.DataFrame], value: str) -> None:
    edition, mentions = case
    matrix = comention_matrix(comentions(mentions, edition=edition), value=value)
    assert matrix.index.tolist() == matrix.columns.tolist()
    assert np.array_equal(matrix.values, matrix.values.T)


# --- the real edition --------------------------------------------------------------------------


@pytest.mark.parametrize("window", ["sentence", "paragraph"])
def test_real_evidence_shows_the_actors(
    edition: Edition, mentions: pd.DataFrame, window: str
) -> None:
    table = comentions(mentions, window=window, edition=edition)  # type: ignore[arg-type]
    named = _named(mentions)
    text = {s.id: s.text for s in edition.sentences}
    surfaces = mentions.groupby("actor_id")["surface"].apply(set).to_dict()
    for row in table.itertuples():
        pair = {row.actor_a, row.actor_b}
        for sid in row.evidence:
            wanted = pair <= named[sid] if window == "sentence" else bool(pair & named[sid])
            assert wanted, (row.actor_a, row.actor_b, sid)
            present = [a for a in pair if any(s in text[sid] for s in surfaces[a])]
            assert present if window == "paragraph" else len(present) == 2
    assert (
        table["n_windows"]
        .eq(len(edition.sentences) if window == "sentence" else len(edition.paragraphs))
        .all()
    )


def test_guzman_and_mexico_meet_most(edition: Edition, mentions: pd.DataFrame) -> None:
    table = comentions(mentions, edition=edition)
    top = table.iloc[0]
    assert {top["actor_a"], top["actor_b"]} <= {"guzman", "mexico", "united-states"}


def test_the_most_frequent_pair_is_not_associated(edition: Edition, mentions: pd.DataFrame) -> None:
    table = comentions(mentions, edition=edition).set_index(["actor_a", "actor_b"])
    top = table.iloc[0]
    assert top.name == ("guzman", "mexico") and top["count"] == table["count"].max()
    assert top["p_value"] > ALPHA and not top["associated"]  # both are named everywhere
    assert table.loc[("border", "cartels"), "associated"]  # money and guns across the border
    assert table.loc[("banks", "cartels"), "associated"]


@pytest.mark.parametrize("window", ["sentence", "paragraph"])
def test_golden_comentions(
    edition: Edition, mentions: pd.DataFrame, window: str, dataframe_regression
) -> None:
    table = comentions(mentions, window=window, edition=edition)  # type: ignore[arg-type]
    table = table.assign(evidence=table["evidence"].map(" ".join))
    dataframe_regression.check(table, fullpath=GOLDEN / f"comentions_{window}.csv")
