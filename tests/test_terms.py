# ruff: noqa: RUF001 -- the fixtures quote the essay's curly apostrophes
"""Term frequencies, keyness, tf-idf, collocations, kwic and dispersion (analysis/terms.py)."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from toys import toy_edition

from analysis.measures.association import log_likelihood_g2
from analysis.measures.terms import (
    collocations,
    dispersion,
    keyness,
    kwic,
    section_trends,
    term_frequencies,
    tfidf_by_section,
    token_totals,
)
from analysis.text.edition import Edition

GOLDEN = Path(__file__).parent / "golden" / "terms"
TOLERANCE = {"atol": 1e-9, "rtol": 1e-9}


@pytest.fixture
def original_datadir() -> Path:
    """Golden files live in the repository, in tests/golden/terms."""
    return GOLDEN


@pytest.fixture
def datadir() -> Path:
    """Read the golden files where they are kept, not from a temporary copy."""
    return GOLDEN


TOY = {
    "a": [["Cartels sell drugs.", "The cartel sells guns to the U.S. market."]],
    "b": [["Drugs cross the border.", "Guns cross it too, and drugs."]],
}
# Word tokens: a = 3 + 8 = 11, b = 4 + 6 = 10, 21 in all. Stopwords: the, to, it, too, and.
# Terms: a = cartels sell drugs cartel sells guns u.s. market (8); b = drugs cross border guns
# cross drugs (6). Groups: cartel/cartels (1 each, tie: "cartel"), sell/sells ("sell").


def test_toy_edition_lines_run_backwards() -> None:
    ed = toy_edition(TOY)
    assert [s.lines for s in ed.sentences] == [(4,), (3,), (2,), (1,)]
    assert ed.line_places() == {
        1: ("paragraph", "p2"),
        2: ("paragraph", "p2"),
        3: ("paragraph", "p1"),
        4: ("paragraph", "p1"),
    }


def test_token_totals_by_hand() -> None:
    totals = token_totals(toy_edition(TOY))
    assert totals.to_dict("list") == {"section": ["a", "b"], "tokens": [11, 10], "terms": [8, 6]}


def test_term_frequencies_by_hand() -> None:
    freq = term_frequencies(toy_edition(TOY))
    assert list(freq.columns) == ["term", "count", "per_1000", "a", "b"]
    assert freq[["term", "count", "a", "b"]].values.tolist() == [
        ["drugs", 3, 1, 2],
        ["cartel", 2, 2, 0],
        ["cross", 2, 0, 2],
        ["guns", 2, 1, 1],
        ["sell", 2, 2, 0],
        ["border", 1, 0, 1],
        ["market", 1, 1, 0],
        ["u.s.", 1, 1, 0],
    ]
    assert freq["per_1000"][0] == pytest.approx(3000 / 21)


def test_keyness_by_hand() -> None:
    key = keyness(toy_edition(TOY), min_count=2, min_g2=0)
    assert key[["section", "term", "count_section", "count_rest"]].values.tolist() == [
        ["a", "cartel", 2, 0],
        ["a", "sell", 2, 0],
        ["b", "cross", 2, 0],
        ["b", "drugs", 2, 1],
    ]
    # cartel in a: 2 2 0 / 9 10 -> a b / c d = 2 0 / 9 10, N = 21, rows 2 19, columns 11 10;
    # G2 = 2 * (2 ln(2 / (22/21)) + 9 ln(9 / (209/21)) + 10 ln(10 / (190/21)))
    #    = 2 * (1.293254 - 0.905285 + 1.000835) = 2 * 1.388804 = 2.777608
    assert key["g2"][0] == pytest.approx(2.777608, abs=1e-6)
    assert key["g2"][0] == pytest.approx(log_likelihood_g2(2, 0, 9, 10))
    # Log Ratio: (2/11) / (0.5/10) = 3.6364, log2 = 1.8625
    assert key["log_ratio"][0] == pytest.approx(math.log2((2 / 11) / (0.5 / 10)))
    assert keyness(toy_edition(TOY)).empty  # nothing reaches 3 occurrences


def test_tfidf_by_hand() -> None:
    tfidf = tfidf_by_section(toy_edition(TOY)).set_index(["section", "term"])
    # drugs is in both sections: idf = ln(3/3) + 1 = 1; cartel in one: ln(3/2) + 1
    assert tfidf.loc[("a", "drugs"), "tfidf"] == pytest.approx(1 / 11)
    assert tfidf.loc[("a", "cartel"), "idf"] == pytest.approx(math.log(1.5) + 1)
    assert tfidf.loc[("a", "cartel"), "tfidf"] == pytest.approx(2 / 11 * (math.log(1.5) + 1))
    first = tfidf_by_section(toy_edition(TOY)).groupby("section").head(1)
    assert first["term"].tolist() == ["cartel", "cross"]


def test_collocations_by_hand() -> None:
    ed = toy_edition(TOY)
    # 14 terms; pairs within sentences only, stopwords removed before pairing
    pairs = collocations(ed, min_freq=1)
    assert len(pairs) == 2 + 4 + 2 + 2
    assert ("drugs", "drugs") not in set(zip(pairs.w1, pairs.w2, strict=True))  # across sentences
    scores = {(a, b): s for a, b, s in zip(pairs.w1, pairs.w2, pairs.score, strict=True)}
    assert scores["cartels", "sell"] == pytest.approx(math.log2(14))
    assert scores["cross", "drugs"] == pytest.approx(math.log2(14 / (2 * 3)))
    assert scores["u.s.", "market"] == pytest.approx(math.log2(14))
    assert collocations(ed).empty
    assert list(collocations(ed, measure="likelihood", min_freq=1).columns) == [
        "w1",
        "w2",
        "count",
        "score",
    ]
    with pytest.raises(ValueError, match="unknown measure"):
        collocations(ed, measure="dice")  # type: ignore[arg-type]


def test_kwic_by_hand() -> None:
    lines = kwic(toy_edition(TOY), "cartels", width=10)
    assert lines.values.tolist() == [
        ["p1.1", "p1", "", "Cartels", " sell drug"],
        ["p1.2", "p1", "rugs. The ", "cartel", " sells gun"],
    ]
    assert len(kwic(toy_edition(TOY), "the")) == 3
    assert kwic(toy_edition(TOY), "absent").empty


def test_dispersion_by_hand() -> None:
    ed = toy_edition(TOY)
    reading = dispersion(ed, ["drug"])
    assert reading[["term", "position", "line", "sentence_id"]].values.tolist() == [
        ["drugs", 2, 4, "p1.1"],
        ["drugs", 11, 2, "p2.1"],
        ["drugs", 20, 1, "p2.2"],
    ]
    assert reading["fraction"].tolist() == pytest.approx([2 / 21, 11 / 21, 20 / 21])
    # W has the sentences backwards: p2.2 (6 tokens), p2.1 (4), p1.2 (8), p1.1 (3)
    witness = dispersion(ed, ["drug"], order="witness")
    assert witness[["position", "sentence_id"]].values.tolist() == [
        [5, "p2.2"],
        [6, "p2.1"],
        [20, "p1.1"],
    ]
    with pytest.raises(ValueError, match="unknown order"):
        dispersion(ed, ["drug"], order="random")  # type: ignore[arg-type]


def test_section_trends_by_hand() -> None:
    trends = section_trends(toy_edition(TOY), ["drug", "the", "absent"])
    assert trends[["section", "term", "count"]].values.tolist() == [
        ["a", "absent", 0],
        ["a", "drugs", 1],
        ["a", "the", 2],
        ["b", "absent", 0],
        ["b", "drugs", 2],
        ["b", "the", 1],
    ]
    assert trends["per_1000"].tolist() == pytest.approx([0, 1000 / 11, 2000 / 11, 0, 200, 100])


# --------------------------------------------------------------------------- properties

WORDS = [
    "The",
    "cartel",
    "cartels",
    "U.S.",
    "Guzman’s",
    "escape—a",
    "drugs",
    "drug",
    "2014",
    "(late-night)",
    "and",
    "sells",
    "sell",
    "escaped",
    "wouldn’t",
    "—",
]
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(
    lambda words: " ".join(words) + "."
)
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=3)
EDITIONS = st.lists(st.lists(PARAGRAPH, min_size=1, max_size=2), min_size=1, max_size=3).map(
    lambda sections: toy_edition({f"s{k}": ps for k, ps in enumerate(sections, start=1)})
)
PROPERTY = settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(EDITIONS)
def test_counts_add_up(ed: Edition) -> None:
    freq, totals = term_frequencies(ed), token_totals(ed)
    sids = [s.id for s in ed.sections]
    assert freq["count"].sum() == totals["terms"].sum()
    assert (freq[sids].sum(axis=1) == freq["count"]).all()
    assert freq[sids].sum().tolist() == totals["terms"].tolist()
    assert freq["per_1000"].tolist() == pytest.approx(
        (freq["count"] * 1000 / totals["tokens"].sum()).tolist()
    )
    trends = section_trends(ed, freq["term"])
    for sid in sids:
        by_term = trends[trends.section == sid].set_index("term")["count"]
        assert by_term[freq["term"]].tolist() == freq[sid].tolist()


@PROPERTY
@given(EDITIONS)
def test_kwic_finds_every_occurrence(ed: Edition) -> None:
    freq = term_frequencies(ed)
    texts = {s.id: s.text for s in ed.sentences}
    for term, count in zip(freq["term"], freq["count"], strict=True):
        lines = kwic(ed, term)
        assert len(lines) == count
        assert all(k in texts[s] for s, k in zip(lines.sentence_id, lines.keyword, strict=True))


@PROPERTY
@given(EDITIONS)
def test_keyness_keeps_overused_terms(ed: Edition) -> None:
    key = keyness(ed, min_count=1, min_g2=0)
    assert (key["g2"] >= 0).all()
    # with no occurrence in the rest, Log Ratio reads 0.5 for 0 and may fall to 0 or below
    assert (key.loc[key["count_rest"] > 0, "log_ratio"] > 0).all()
    assert (key["per_1000_section"] > key["per_1000_rest"]).all()


@PROPERTY
@given(EDITIONS)
def test_both_orders_hold_the_same_occurrences(ed: Edition) -> None:
    terms = term_frequencies(ed)["term"].tolist()
    reading = dispersion(ed, terms)
    witness = dispersion(ed, terms, order="witness")
    key = ["term", "token", "sentence_id", "line"]
    assert Counter(map(tuple, reading[key].values.tolist())) == Counter(
        map(tuple, witness[key].values.tolist())
    )
    assert len(reading) == term_frequencies(ed)["count"].sum()


# --------------------------------------------------------------------------- the edition


def test_inflections_count_together(edition: Edition) -> None:
    freq = term_frequencies(edition).set_index("term")
    assert "cartel" not in freq.index
    assert freq.loc["cartels", "count"] == len(kwic(edition, "cartel")) == 30
    assert freq.loc["u.s.", "count"] == 25
    assert set(kwic(edition, "cartel")["keyword"]) == {"cartel", "cartels"}


def test_kwic_cites_the_sentences_of_the_edition(edition: Edition) -> None:
    texts = {s.id: s.text for s in edition.sentences}
    lines = kwic(edition, "escape")
    assert lines["sentence_id"].tolist() == sorted(
        lines["sentence_id"], key=lambda sid: [int(x) for x in sid[1:].split(".")]
    )
    for row in lines.itertuples():
        assert row.keyword in texts[row.sentence_id]
        assert row.sentence_id.startswith(f"{row.paragraph_id}.")


def test_dispersion_in_witness_order(edition: Edition) -> None:
    reading = dispersion(edition, ["mexico", "guzman"])
    witness = dispersion(edition, ["mexico", "guzman"], order="witness")
    assert len(reading) == len(witness) == 99
    assert witness["line"].is_monotonic_increasing
    assert sorted(witness["sentence_id"]) == sorted(reading["sentence_id"])


def test_golden_token_totals(edition: Edition, dataframe_regression) -> None:
    dataframe_regression.check(token_totals(edition), basename="token_totals")


def test_golden_term_frequencies(edition: Edition, dataframe_regression) -> None:
    dataframe_regression.check(
        term_frequencies(edition), basename="term_frequencies", default_tolerance=TOLERANCE
    )


def test_golden_keyness(edition: Edition, dataframe_regression) -> None:
    dataframe_regression.check(keyness(edition), basename="keyness", default_tolerance=TOLERANCE)


@pytest.mark.parametrize("measure", ["pmi", "likelihood"])
def test_golden_collocations(edition: Edition, dataframe_regression, measure: str) -> None:
    frame = collocations(edition, measure=measure)  # type: ignore[arg-type]
    dataframe_regression.check(
        frame, basename=f"collocations_{measure}", default_tolerance=TOLERANCE
    )


def test_frames_are_deterministic(edition: Edition) -> None:
    pd.testing.assert_frame_equal(keyness(edition), keyness(edition))
    pd.testing.assert_frame_equal(tfidf_by_section(edition), tfidf_by_section(edition))
