# ruff: noqa: RUF001 -- the fixtures quote the essay's curly apostrophes
"""Term frequencies, keyness, tf-idf, collocations, kwic and dispersion (analysis/terms.py)."""

from __future__ import annotations

import math
import re
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
    english_keyness,
    keyness,
    kwic,
    lemma_merges,
    section_trends,
    term_frequencies,
    tfidf_by_section,
    token_totals,
)
from analysis.measures.units import TermUnits
from analysis.text.edition import Edition

GOLDEN = Path(__file__).parent / "golden" / "terms"
TOLERANCE = {"atol": 1e-9, "rtol": 1e-9}
#: No multiword term but the country's forms (SAME_TERM).
U = TermUnits()


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
# Terms (lemmas): a = cartel sell drug cartel sell gun "united states" market (8);
# b = drug cross border gun cross drug (6).


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
    totals = token_totals(toy_edition(TOY), U)
    assert totals.to_dict("list") == {"section": ["a", "b"], "tokens": [11, 10], "terms": [8, 6]}


def test_term_frequencies_by_hand() -> None:
    freq = term_frequencies(toy_edition(TOY), U)
    assert list(freq.columns) == ["term", "count", "per_1000", "a", "b"]
    assert freq[["term", "count", "a", "b"]].values.tolist() == [
        ["drug", 3, 1, 2],
        ["cartel", 2, 2, 0],
        ["cross", 2, 0, 2],
        ["gun", 2, 1, 1],
        ["sell", 2, 2, 0],
        ["border", 1, 0, 1],
        ["market", 1, 1, 0],
        ["united states", 1, 1, 0],
    ]
    assert freq["per_1000"][0] == pytest.approx(3000 / 21)


MULTIWORD = {
    "a": [["Pena Nieto met the Pena family.", "President Pena Nieto and Enrique Pena Nieto."]],
    "b": [["America and the United States, the U.S. and the Americas."]],
}
PENA = TermUnits(
    phrases=(("enrique", "pena", "nieto"), ("pena", "nieto"), ("united", "states")),
    sources=("register", "register", "register"),
    same={"enrique pena nieto": "pena nieto", "u.s.": "united states", "america": "united states"},
)


def test_a_multiword_name_is_one_term_by_hand() -> None:
    ed = toy_edition(MULTIWORD)
    freq = term_frequencies(ed, PENA).set_index("term")["count"]
    # "Pena Nieto" twice and "Enrique Pena Nieto" once: 3; the "Pena" of "the Pena family": 1
    assert freq["pena nieto"] == 3
    assert freq["pena"] == 1
    assert "nieto" not in freq and "enrique" not in freq
    # America, United States, U.S.: one term; the Americas another
    assert freq["united states"] == 3
    assert freq["americas"] == 1
    assert "united" not in freq and "states" not in freq
    # a multiword term is one token: a = 6 + 7 words less 1 + 1 + 2 joined, b = 10 less 1
    assert token_totals(ed, PENA)["tokens"].tolist() == [9, 9]
    lines = kwic(ed, PENA, "Pena Nieto", width=4)
    assert lines["keyword"].tolist() == ["Pena Nieto", "Pena Nieto", "Enrique Pena Nieto"]


def test_keyness_by_hand() -> None:
    key = keyness(toy_edition(TOY), U, min_count=2, min_g2=0)
    assert key[["section", "term", "count_section", "count_rest"]].values.tolist() == [
        ["a", "cartel", 2, 0],
        ["a", "sell", 2, 0],
        ["b", "cross", 2, 0],
        ["b", "drug", 2, 1],
    ]
    # cartel in a: 2 2 0 / 9 10 -> a b / c d = 2 0 / 9 10, N = 21, rows 2 19, columns 11 10;
    # G2 = 2 * (2 ln(2 / (22/21)) + 9 ln(9 / (209/21)) + 10 ln(10 / (190/21)))
    #    = 2 * (1.293254 - 0.905285 + 1.000835) = 2 * 1.388804 = 2.777608
    assert key["g2"][0] == pytest.approx(2.777608, abs=1e-6)
    assert key["g2"][0] == pytest.approx(log_likelihood_g2(2, 0, 9, 10))
    # Log Ratio: (2/11) / (0.5/10) = 3.6364, log2 = 1.8625
    assert key["log_ratio"][0] == pytest.approx(math.log2((2 / 11) / (0.5 / 10)))
    assert keyness(toy_edition(TOY), U).empty  # nothing reaches 3 occurrences


def test_english_keyness_by_hand() -> None:
    import wordfreq

    ed = toy_edition(TOY)
    english = english_keyness(ed, U, min_count=2).set_index("term")
    assert sorted(english.index) == ["cartel", "cross", "drug", "gun", "sell"]
    # drug: 3 of 21 tokens; English: the forms the text uses, "drugs"
    text = 1e6 * 3 / 21
    ref = 1e6 * wordfreq.word_frequency("drugs", "en")
    assert english.loc["drug", "per_million_text"] == pytest.approx(text)
    assert english.loc["drug", "per_million_english"] == pytest.approx(ref)
    assert english.loc["drug", "score"] == pytest.approx((text + 100) / (ref + 100))
    assert english.loc["drug", "log_ratio"] == pytest.approx(math.log2(text / ref))
    # cartel: both forms, "cartels" and "cartel", are summed
    both = wordfreq.word_frequency("cartel", "en") + wordfreq.word_frequency("cartels", "en")
    assert english.loc["cartel", "per_million_english"] == pytest.approx(1e6 * both)
    assert english["score"].is_monotonic_decreasing


def test_lemma_merges_by_hand() -> None:
    merges = lemma_merges(toy_edition(TOY), U)
    assert merges.values.tolist() == [
        ["cartel", "cartel", 1, 2],
        ["cartel", "cartels", 1, 2],
        ["drug", "drugs", 3, 1],
        ["gun", "guns", 2, 1],
        ["sell", "sell", 1, 2],
        ["sell", "sells", 1, 2],
    ]


def test_tfidf_by_hand() -> None:
    tfidf = tfidf_by_section(toy_edition(TOY), U).set_index(["section", "term"])
    # drug is in both sections: idf = ln(3/3) + 1 = 1; cartel in one: ln(3/2) + 1
    assert tfidf.loc[("a", "drug"), "tfidf"] == pytest.approx(1 / 11)
    assert tfidf.loc[("a", "cartel"), "idf"] == pytest.approx(math.log(1.5) + 1)
    assert tfidf.loc[("a", "cartel"), "tfidf"] == pytest.approx(2 / 11 * (math.log(1.5) + 1))
    first = tfidf_by_section(toy_edition(TOY), U).groupby("section").head(1)
    assert first["term"].tolist() == ["cartel", "cross"]


def test_collocations_by_hand() -> None:
    ed = toy_edition(TOY)
    # pairs of side-by-side tokens, stopwords and marks removed after pairing:
    # cartel sell (twice), sell drug, sell gun, "united states" market, drug cross, gun cross
    pairs = collocations(ed, U, min_freq=1)
    found = set(zip(pairs.w1, pairs.w2, strict=True))
    assert found == {
        ("cartel", "sell"),
        ("sell", "drug"),
        ("sell", "gun"),
        ("united states", "market"),
        ("drug", "cross"),
        ("gun", "cross"),
    }
    # "cross the border": not adjacent (a stopword between), so no pair
    assert ("cross", "border") not in found
    assert ("drug", "drug") not in found  # across sentences
    # N counts every token, stopwords and marks included: 4 + 9 + 5 + 8 = 26
    scores = {(a, b): s for a, b, s in zip(pairs.w1, pairs.w2, pairs.score, strict=True)}
    assert scores["cartel", "sell"] == pytest.approx(math.log2(2 * 26 / (2 * 2)))
    assert scores["drug", "cross"] == pytest.approx(math.log2(26 / (3 * 2)))
    assert collocations(ed, U).values.tolist()[0][:3] == ["cartel", "sell", 2]
    assert list(collocations(ed, U, measure="likelihood", min_freq=1).columns) == [
        "w1",
        "w2",
        "count",
        "score",
    ]
    with pytest.raises(ValueError, match="unknown measure"):
        collocations(ed, U, measure="dice")  # type: ignore[arg-type]


def test_a_pair_across_a_comma_is_not_adjacent() -> None:
    ed = toy_edition({"a": [["Mexico, United States face war on drugs.", "Mexico face it."]]})
    units = TermUnits(phrases=(("united", "states"),), sources=("register",))
    found = set(zip(*collocations(ed, units, min_freq=1)[["w1", "w2"]].values.T, strict=True))
    assert ("united states", "face") in found
    assert ("mexico", "face") in found  # in the second sentence only
    assert ("mexico", "united states") not in found  # a comma between
    assert ("war", "drug") not in found  # "on" between: removed after pairing


def test_kwic_by_hand() -> None:
    lines = kwic(toy_edition(TOY), U, "cartels", width=10)
    assert lines.values.tolist() == [
        ["p1.1", "p1", "", "Cartels", " sell drug"],
        ["p1.2", "p1", "rugs. The ", "cartel", " sells gun"],
    ]
    assert len(kwic(toy_edition(TOY), U, "the")) == 3
    assert kwic(toy_edition(TOY), U, "absent").empty
    assert kwic(toy_edition(TOY), U, "America")["keyword"].tolist() == ["U.S."]


def test_dispersion_by_hand() -> None:
    ed = toy_edition(TOY)
    reading = dispersion(ed, U, ["drugs"])
    assert reading[["term", "position", "line", "sentence_id"]].values.tolist() == [
        ["drug", 2, 4, "p1.1"],
        ["drug", 11, 2, "p2.1"],
        ["drug", 20, 1, "p2.2"],
    ]
    assert reading["fraction"].tolist() == pytest.approx([2 / 21, 11 / 21, 20 / 21])
    # W has the sentences backwards: p2.2 (6 tokens), p2.1 (4), p1.2 (8), p1.1 (3)
    witness = dispersion(ed, U, ["drug"], order="witness")
    assert witness[["position", "sentence_id"]].values.tolist() == [
        [5, "p2.2"],
        [6, "p2.1"],
        [20, "p1.1"],
    ]
    with pytest.raises(ValueError, match="unknown order"):
        dispersion(ed, U, ["drug"], order="random")  # type: ignore[arg-type]


def test_section_trends_by_hand() -> None:
    trends = section_trends(toy_edition(TOY), U, ["drug", "the", "absent"])
    assert trends[["section", "term", "count"]].values.tolist() == [
        ["a", "absent", 0],
        ["a", "drug", 1],
        ["a", "the", 2],
        ["b", "absent", 0],
        ["b", "drug", 2],
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
    freq, totals = term_frequencies(ed, U), token_totals(ed, U)
    sids = [s.id for s in ed.sections]
    assert freq["count"].sum() == totals["terms"].sum()
    assert (freq[sids].sum(axis=1) == freq["count"]).all()
    assert freq[sids].sum().tolist() == totals["terms"].tolist()
    assert freq["per_1000"].tolist() == pytest.approx(
        (freq["count"] * 1000 / totals["tokens"].sum()).tolist()
    )
    trends = section_trends(ed, U, freq["term"])
    for sid in sids:
        by_term = trends[trends.section == sid].set_index("term")["count"]
        assert by_term[freq["term"]].tolist() == freq[sid].tolist()


@PROPERTY
@given(EDITIONS)
def test_kwic_finds_every_occurrence(ed: Edition) -> None:
    freq = term_frequencies(ed, U)
    texts = {s.id: s.text for s in ed.sentences}
    for term, count in zip(freq["term"], freq["count"], strict=True):
        lines = kwic(ed, U, term)
        assert len(lines) == count
        assert all(k in texts[s] for s, k in zip(lines.sentence_id, lines.keyword, strict=True))


@PROPERTY
@given(EDITIONS)
def test_keyness_keeps_overused_terms(ed: Edition) -> None:
    key = keyness(ed, U, min_count=1, min_g2=0)
    assert (key["g2"] >= 0).all()
    # with no occurrence in the rest, Log Ratio reads 0.5 for 0 and may fall to 0 or below
    assert (key.loc[key["count_rest"] > 0, "log_ratio"] > 0).all()
    assert (key["per_1000_section"] > key["per_1000_rest"]).all()


@PROPERTY
@given(EDITIONS)
def test_both_orders_hold_the_same_occurrences(ed: Edition) -> None:
    terms = term_frequencies(ed, U)["term"].tolist()
    reading = dispersion(ed, U, terms)
    witness = dispersion(ed, U, terms, order="witness")
    key = ["term", "token", "sentence_id", "line"]
    assert Counter(map(tuple, reading[key].values.tolist())) == Counter(
        map(tuple, witness[key].values.tolist())
    )
    assert len(reading) == term_frequencies(ed, U)["count"].sum()


# --------------------------------------------------------------------------- the edition


def test_inflections_count_together(edition: Edition, units: TermUnits) -> None:
    freq = term_frequencies(edition, units).set_index("term")
    assert "cartels" not in freq.index
    # "cartel" and "cartels" stand 30 times, "Sinaloa cartel" (not a name: a
    # lower-case word) included
    assert freq.loc["cartel", "count"] == len(kwic(edition, units, "cartels")) == 30
    assert set(kwic(edition, units, "cartel")["keyword"]) == {"cartel", "cartels"}


def test_multiword_names_count_as_one_term(edition: Edition, units: TermUnits) -> None:
    freq = term_frequencies(edition, units).set_index("term")["count"]
    texts = " ".join(s.text for s in edition.sentences)
    # hand-checked: "Pena Nieto" stands 9 times in the reading text (twice as
    # "Enrique Pena Nieto"), always as the president's name
    assert texts.count("Pena Nieto") == 9
    assert freq["pena nieto"] == 9
    # the country: United States 32, U.S. 25, America 5 (one of them in "Latin
    # America"), less the 5 U.S. that open the name of an agency: 56
    america = len(re.findall(r"\bAmerica\b(?!s)", texts))
    agencies = len(re.findall(r"U\.S\. (?:DEA|Department|Drug|Treasury)", texts))
    assert (texts.count("United States"), texts.count("U.S."), america) == (32, 25, 5)
    assert (texts.count("Latin America"), agencies) == (1, 5)
    assert freq["united states"] == 56
    assert freq.index[0] == "united states"
    for part in ("united", "states", "u.s.", "america", "nieto"):
        assert part not in freq.index
    assert len(kwic(edition, units, "U.S.")) == 56


def test_kwic_of_public_does_not_show_publicity(edition: Edition, units: TermUnits) -> None:
    keywords = set(kwic(edition, units, "public")["keyword"])
    assert keywords == {"public"}
    assert set(kwic(edition, units, "publicity")["keyword"]) == {"publicity"}


def test_collocations_stand_side_by_side(edition: Edition, units: TermUnits) -> None:
    sentences = {s.id: s.text.lower() for s in edition.sentences}
    pairs = collocations(edition, units, measure="likelihood")
    joined = " ".join(sentences.values())
    # "drug trade" stands side by side; "continued operate" (the old top PMI pair,
    # "continued to operate") does not
    assert ("drug", "trade") in set(zip(pairs.w1, pairs.w2, strict=True))
    assert "drug trade" in joined
    every = collocations(edition, units, measure="pmi", min_freq=1)
    assert ("continue", "operate") not in set(zip(every.w1, every.w2, strict=True))


def test_kwic_cites_the_sentences_of_the_edition(edition: Edition, units: TermUnits) -> None:
    texts = {s.id: s.text for s in edition.sentences}
    lines = kwic(edition, units, "escape")
    assert lines["sentence_id"].tolist() == sorted(
        lines["sentence_id"], key=lambda sid: [int(x) for x in sid[1:].split(".")]
    )
    for row in lines.itertuples():
        assert row.keyword in texts[row.sentence_id]
        assert row.sentence_id.startswith(f"{row.paragraph_id}.")


def test_dispersion_in_witness_order(edition: Edition, units: TermUnits) -> None:
    reading = dispersion(edition, units, ["mexico", "guzman"])
    witness = dispersion(edition, units, ["mexico", "guzman"], order="witness")
    assert len(reading) == len(witness) == 95
    assert witness["line"].is_monotonic_increasing
    assert sorted(witness["sentence_id"]) == sorted(reading["sentence_id"])


def test_golden_token_totals(edition: Edition, units: TermUnits, dataframe_regression) -> None:
    dataframe_regression.check(token_totals(edition, units), basename="token_totals")


def test_golden_term_frequencies(edition: Edition, units: TermUnits, dataframe_regression) -> None:
    dataframe_regression.check(
        term_frequencies(edition, units), basename="term_frequencies", default_tolerance=TOLERANCE
    )


def test_golden_keyness(edition: Edition, units: TermUnits, dataframe_regression) -> None:
    dataframe_regression.check(
        keyness(edition, units), basename="keyness", default_tolerance=TOLERANCE
    )


def test_golden_english_keyness(edition: Edition, units: TermUnits, dataframe_regression) -> None:
    dataframe_regression.check(
        english_keyness(edition, units), basename="english_keyness", default_tolerance=TOLERANCE
    )


def test_golden_lemma_merges(edition: Edition, units: TermUnits, dataframe_regression) -> None:
    dataframe_regression.check(lemma_merges(edition, units), basename="lemma_merges")


@pytest.mark.parametrize("measure", ["pmi", "likelihood"])
def test_golden_collocations(
    edition: Edition, units: TermUnits, dataframe_regression, measure: str
) -> None:
    frame = collocations(edition, units, measure=measure)  # type: ignore[arg-type]
    dataframe_regression.check(
        frame, basename=f"collocations_{measure}", default_tolerance=TOLERANCE
    )


def test_frames_are_deterministic(edition: Edition, units: TermUnits) -> None:
    pd.testing.assert_frame_equal(keyness(edition, units), keyness(edition, units))
    pd.testing.assert_frame_equal(
        tfidf_by_section(edition, units), tfidf_by_section(edition, units)
    )
