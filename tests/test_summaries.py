"""Extractive summaries, the methods compared with the editor's reference, the record."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from toys import STAR, toy_edition

from analysis.measures.statistics import section_statistics
from analysis.measures.summaries import (
    METHODS,
    best_method,
    method_comparison,
    rank_sentences,
    sentence_similarity,
    summaries_record,
    summarize,
)
from analysis.text.claims import Claim, SectionClaims, load_claims
from analysis.text.edition import Edition, Sentence

GOLDEN = Path(__file__).parent / "golden" / "summaries"


def sentences_of(*texts: str) -> list[Sentence]:
    """Sentences p1.1, p1.2, ... of one paragraph (offsets are not read by the ranking)."""
    return [Sentence(f"p1.{k}", k, "p1", t, 0, len(t), ()) for k, t in enumerate(texts, start=1)]


# --- the similarity, by hand ------------------------------------------------------------------


def test_similarity_by_hand() -> None:
    # 2 shared terms (cartel, leader); |A| = 3, |B| = 4: 2 / (ln 3 + ln 4) = 2 / ln 12
    a, b = ["cartel", "leader", "escape"], ["cartel", "leader", "prison", "tunnel"]
    assert sentence_similarity(a, b) == pytest.approx(2 / math.log(12))
    assert sentence_similarity(a, b) == pytest.approx(0.804859, abs=1e-6)
    assert sentence_similarity(b, a) == sentence_similarity(a, b)


def test_similarity_counts_shared_terms_once_and_lengths_with_repeats() -> None:
    # shared: {cartel} = 1; |A| = 3 (cartel twice), |B| = 2
    assert sentence_similarity(["cartel", "cartel", "drug"], ["cartel", "gun"]) == pytest.approx(
        1 / (math.log(3) + math.log(2))
    )


@pytest.mark.parametrize("a", [[], ["cartel"]])
def test_similarity_is_zero_for_a_sentence_of_one_term_or_none(a: list[str]) -> None:
    assert sentence_similarity(a, ["cartel", "leader"]) == 0.0
    assert sentence_similarity(["cartel", "leader"], a) == 0.0
    assert sentence_similarity(a, a) == 0.0


def test_similarity_is_zero_without_shared_terms() -> None:
    assert sentence_similarity(["guzman", "tunnel"], ["cartel", "bribe"]) == 0.0


# --- the ranking ------------------------------------------------------------------------------


def test_the_sentence_that_joins_the_others_ranks_first() -> None:
    # The third sentence shares guzman/tunnel with the first and paid/bribes with the
    # second; these two share nothing, and the fourth shares nothing with any.
    sentences = sentences_of(
        "Guzman dug tunnels.",
        "The cartel paid bribes.",
        "Guzman paid bribes for tunnels.",
        "It rained in Sinaloa.",
    )
    ranked = rank_sentences(sentences)
    assert [sid for sid, _ in ranked] == ["p1.3", "p1.1", "p1.2", "p1.4"]
    assert sum(score for _, score in ranked) == pytest.approx(1)


def test_pagerank_of_a_star_by_hand() -> None:
    # A star of three nodes with equal weights (2 / (ln 4 + ln 3) on both edges):
    # hub h = (1-d)/3 + d * 2l, leaf l = (1-d)/3 + d * h/2  =>  h = (1+2d) / (3(1+d)).
    sentences = sentences_of(
        "Guzman dug tunnels.", "Guzman paid bribes for tunnels.", "The cartel paid bribes."
    )
    scores = dict(rank_sentences(sentences, damping=0.85))
    assert scores["p1.2"] == pytest.approx(2.7 / 5.55, abs=1e-8)  # 0.486486
    assert scores["p1.1"] == pytest.approx((1 - 2.7 / 5.55) / 2, abs=1e-8)
    assert scores["p1.1"] == scores["p1.3"]


def test_ties_keep_reading_order() -> None:
    sentences = sentences_of("It rained.", "Guzman fled.", "Cartels sell drugs.")
    ranked = rank_sentences(sentences)
    assert [sid for sid, _ in ranked] == ["p1.1", "p1.2", "p1.3"]
    assert [score for _, score in ranked] == pytest.approx([1 / 3] * 3)


def test_rank_edge_cases() -> None:
    assert rank_sentences([]) == []
    assert rank_sentences(sentences_of("Alone.")) == [("p1.1", pytest.approx(1.0))]
    with pytest.raises(ValueError, match="damping"):
        rank_sentences(sentences_of("Alone."), damping=1.0)


# --- summaries --------------------------------------------------------------------------------


def test_summary_of_a_toy_edition() -> None:
    summaries = summarize(toy_edition(STAR), k=1)
    assert [s.section_id for s in summaries] == ["one", "two"]
    assert summaries[0].sentences == (("p2.1", "Guzman paid bribes for tunnels."),)
    assert summaries[0].ranks == (1,)
    assert summaries[1].sentences == (("p3.1", "Short section."),)
    assert summaries[1].heading == "Two"


def test_summary_sentences_are_in_text_order_not_rank_order() -> None:
    summary = summarize(toy_edition(STAR), k=2)[0]
    assert [sid for sid, _ in summary.sentences] == ["p1.1", "p2.1"]
    assert summary.ranks == (2, 1)
    assert summary.scores[1] > summary.scores[0]


def test_k_must_be_positive() -> None:
    with pytest.raises(ValueError, match="k must be"):
        summarize(toy_edition(STAR), k=0)


WORDS = [
    "guzman",
    "cartel",
    "tunnel",
    "prison",
    "bribes",
    "mexico",
    "drugs",
    "guns",
    "the",
    "and",
    "of",
    "escaped",
    "escape",
]
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
SECTIONS = st.lists(
    st.lists(st.lists(SENTENCE, min_size=1, max_size=5), min_size=1, max_size=3),
    min_size=1,
    max_size=4,
).map(lambda sections: {f"s{k}": paras for k, paras in enumerate(sections, start=1)})


def check_summaries(edition: Edition, k: int) -> None:
    """Every summary sentence is a sentence of its section, verbatim, in text order; k holds."""
    summaries = summarize(edition, k=k)
    assert [s.section_id for s in summaries] == [s.id for s in edition.sections]
    for section, summary in zip(edition.sections, summaries, strict=True):
        own = [s for p in section.paragraphs for s in p.sentences]
        position = {s.id: i for i, s in enumerate(own)}
        text = {s.id: s.text for s in own}
        ids = [sid for sid, _ in summary.sentences]
        assert len(ids) == min(k, len(own))
        assert all(text[sid] == quoted for sid, quoted in summary.sentences)
        assert [position[sid] for sid in ids] == sorted({position[sid] for sid in ids})
        assert sorted(summary.ranks) == list(range(1, len(ids) + 1))
        top = [sid for sid, _ in rank_sentences(own)[:k]]
        assert set(ids) == set(top)


@settings(max_examples=60, deadline=None)
@given(sections=SECTIONS, k=st.integers(min_value=1, max_value=6))
def test_summaries_quote_their_section_in_text_order(sections: dict, k: int) -> None:
    check_summaries(toy_edition(sections), k)


@pytest.mark.parametrize("k", [1, 3, 5, 14, 40])
def test_summaries_of_the_edition_quote_it_in_text_order(edition: Edition, k: int) -> None:
    check_summaries(edition, k)


def test_summaries_are_deterministic(edition: Edition) -> None:
    assert summarize(edition) == summarize(edition)
    assert summarize(edition, k=5) == summarize(edition, k=5)


@pytest.mark.parametrize("method", list(METHODS))
@settings(max_examples=20, deadline=None)
@given(sections=SECTIONS)
def test_every_method_ranks_every_sentence_once(method: str, sections: dict) -> None:
    edition = toy_edition(sections)
    for summary, section in zip(
        summarize(edition, k=40, method=method), edition.sections, strict=True
    ):
        own = [s.id for p in section.paragraphs for s in p.sentences]
        assert sorted(sid for sid, _ in summary.sentences) == sorted(own)
        assert sorted(summary.ranks) == list(range(1, len(own) + 1))


def test_position_method_by_hand() -> None:
    # STAR: p1.1 p1.2 / p2.1 p2.2 in section one: first sentences of paragraphs first
    summary = summarize(toy_edition(STAR), k=2, method="position")[0]
    assert [sid for sid, _ in summary.sentences] == ["p1.1", "p2.1"]
    assert summary.ranks == (1, 2)


#: One section of four sentences: a, b, c (which joins a and b) and d (about nothing else).
BRIDGE = {
    "one": [
        [
            "Guzman dug tunnels.",
            "The cartel paid bribes.",
            "Guzman's cartel paid bribes and dug tunnels.",
            "It rained.",
        ]
    ]
}


def test_centroid_method_by_hand() -> None:
    # terms: a = guzman tunnel, b = cartel bribe, c = guzman tunnel cartel bribe,
    # d = rain. idf over the four: ln(4/2) for the first four terms, ln 4 for rain.
    # centroid = (a + b + c + d) / 4: c, which holds every shared term, is nearest
    ed = toy_edition(BRIDGE)
    summary = summarize(ed, k=1, method="centroid")[0]
    assert summary.sentences[0][0] == "p1.3"
    w = math.log(2)
    # c = (w, w, w, w) over guzman dig tunnel cartel pay bribe (6 terms of weight w)
    # is the sum of a and b; the centroid is (2c + d) / 4 with d = (ln 4) on "rain"
    c = [w] * 6
    centroid = [2 * w / 4] * 6 + [math.log(4) / 4]
    cos = sum(x * y for x, y in zip([*c, 0], centroid, strict=True)) / (
        math.sqrt(sum(x * x for x in c)) * math.sqrt(sum(y * y for y in centroid))
    )
    assert summary.scores[0] == pytest.approx(cos)


def test_lexrank_prefers_the_sentence_that_joins_the_others() -> None:
    ed = toy_edition(BRIDGE)
    assert summarize(ed, k=1, method="lexrank")[0].sentences[0][0] == "p1.3"
    with pytest.raises(ValueError, match="unknown method"):
        summarize(ed, method="luhn")


def test_method_comparison_by_hand() -> None:
    # STAR section one, reference p1.2 and p2.1; the position method ranks
    # p1.1 p2.1 p1.2 p2.2: with k = 2 it finds p2.1 (recall 1/2); average
    # precision (1/2 + 2/3) / 2 = 7/12
    claims = (SectionClaims("one", (Claim("p1.2", "x"), Claim("p2.1", "y"))),)
    table = method_comparison(toy_edition(STAR), claims, k=2).set_index("method")
    assert list(table.index) == list(METHODS)
    row = table.loc["position"]
    assert (row["found"], row["reference"]) == (1, 2)
    assert row["recall"] == pytest.approx(0.5)
    assert row["average_precision"] == pytest.approx(7 / 12)
    assert row["ranks"] == (3, 2)


def test_best_method_by_recall_then_average_precision_then_name() -> None:
    frame = pd.DataFrame(
        {
            "method": ["a", "b", "c"],
            "recall": [0.5, 0.5, 0.4],
            "average_precision": [0.3, 0.6, 0.9],
        }
    )
    assert best_method(frame) == "b"
    assert best_method(frame.assign(average_precision=[0.6, 0.6, 0.9])) == "a"


def test_the_editions_best_method_and_its_agreement(edition: Edition) -> None:
    comparison = method_comparison(edition, load_claims(edition))
    assert len(comparison) == len(METHODS) * len(edition.sections)
    assert comparison["found"].le(comparison["reference"]).all()
    means = comparison.groupby("method")["recall"].mean()
    assert best_method(comparison) == means.idxmax()


# --- the record -------------------------------------------------------------------------------


def test_record_is_plain_json(edition: Edition) -> None:
    stats = section_statistics(
        edition, mentions=pd.DataFrame({"actor_id": ["guzman"], "section_id": ["opening"]})
    )
    record = summaries_record(edition, summarize(edition), stats)
    again = json.loads(json.dumps(record, ensure_ascii=False))
    assert again == record
    first = record["sections"][0]
    assert first["statistics"]["top_actors"] == ["guzman"]
    assert record["sections"][1]["statistics"]["top_actors"] == []
    texts = {s.id: s.text for s in edition.sentences}
    assert all(texts[s["id"]] == s["text"] for sec in record["sections"] for s in sec["sentences"])


def test_record_refuses_a_foreign_summary(edition: Edition) -> None:
    foreign = summarize(toy_edition(STAR))
    with pytest.raises(ValueError, match="section 'one'"):
        summaries_record(edition, foreign, section_statistics(edition))


def test_record_sets_the_reference_beside_the_summary(edition: Edition) -> None:
    claims = load_claims(edition)
    record = summaries_record(
        edition,
        summarize(edition, method="position"),
        section_statistics(edition),
        method="position",
        claims=claims,
        comparison=method_comparison(edition, claims),
    )
    assert record["method"] == "position"
    assert [m["method"] for m in record["methods_compared"]] == list(METHODS)
    for section, entry in zip(record["sections"], claims, strict=True):
        chosen = {s["id"] for s in section["sentences"]}
        reference = [c["id"] for c in section["reference"]]
        assert reference == [c.id for c in entry.sentences]
        assert section["agreement"] == {
            "found": len(chosen & set(reference)),
            "reference": len(reference),
        }
    # the opening is section 1 (book/data.md once said 0)
    assert record["sections"][0]["n"] == 1


def test_golden_summaries(edition: Edition, data_regression) -> None:
    claims = load_claims(edition)
    comparison = method_comparison(edition, claims, k=3)
    method = best_method(comparison)
    record = summaries_record(
        edition,
        summarize(edition, k=3, method=method),
        section_statistics(edition),
        method=method,
        claims=claims,
        comparison=comparison,
    )
    data_regression.check(record, fullpath=GOLDEN / "summaries.yml")
