"""What the order changes: the same measures on both orders."""

from __future__ import annotations

import pytest

from analysis.measures.comparison import (
    COMPARISON_COLUMNS,
    comention_differences,
    difference_evidence,
    dispersion_pairs,
    order_comparison,
)
from analysis.text.edition import Edition


@pytest.fixture(scope="module")
def comparison(edition: Edition, register):
    return order_comparison(edition, register)


def test_counts_do_not_depend_on_the_order(comparison) -> None:
    by = comparison.set_index("measure")
    assert list(comparison.columns) == list(COMPARISON_COLUMNS)
    assert not by.loc["term frequencies", "depends_on_order"]
    assert by.loc["term frequencies", "agreement"] == 1.0


def test_a_phrase_across_a_break_of_w_loses_its_mention(edition: Edition, register) -> None:
    """ "the highest echelons of the Mexican / government" and "in / court" run across blocks."""
    from analysis.measures.mentions import find_mentions
    from analysis.text.order import witness_order_edition

    reading = find_mentions(edition, register)["actor_id"].value_counts()
    witness = find_mentions(witness_order_edition(edition), register)["actor_id"].value_counts()
    lost = (reading - witness.reindex(reading.index, fill_value=0)).loc[lambda d: d != 0]
    assert lost.to_dict() == {"mexican-government": 1, "courts": 1}
    by = order_comparison(edition, register).set_index("measure")
    assert by.loc["actor mentions", "depends_on_order"]
    assert not by.loc["associated pairs in a sentence", "depends_on_order"]


def test_neighbourhood_measures_do(comparison, edition: Edition) -> None:
    by = comparison.set_index("measure")
    assert by.loc["sentences", "depends_on_order"]
    assert by.loc["sentences", "reading"] == len(edition.sentences)
    assert by.loc["co-mentions in a paragraph", "depends_on_order"]
    for row in comparison.itertuples():
        assert row.shared + row.only_reading == row.reading
        assert row.shared + row.only_witness == row.witness
        assert 0.0 <= row.agreement <= 1.0


def test_differences_come_with_their_sentences(edition: Edition, register) -> None:
    differences = comention_differences(edition, register)
    assert len(differences) > 0
    evidence = difference_evidence(edition, differences)
    assert set(evidence["found_in"]) <= {"reading", "witness"}
    for row in evidence.itertuples():
        if row.found_in == "reading":
            assert row.where == f"text.html#{row.sentence_id}"
        else:
            assert row.where.startswith("witness.html#w") and row.sentence_id.startswith("b")


def test_dispersion_pairs_keep_every_occurrence(edition: Edition) -> None:
    pairs = dispersion_pairs(edition, ["cartels", "guzman"])
    assert len(pairs) > 50
    assert pairs[["reading", "witness"]].notna().all().all()
    assert ((pairs["reading"] >= 0) & (pairs["reading"] <= 1)).all()
