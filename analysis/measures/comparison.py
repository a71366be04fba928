"""What the order changes: the same measures on the witness order and the reading order.

:func:`analysis.text.order.witness_order_edition` reads *W* block by block as the
extraction printed it; each measure here is computed on that reading and on
the reading text, and compared as two sets of results. A measure whose sets
agree does not depend on the reconstruction; one that disagrees does, and the
differences say how.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

import pandas as pd

from analysis.measures.comentions import comentions
from analysis.measures.mentions import find_mentions
from analysis.measures.terms import collocations, dispersion, term_frequencies
from analysis.text.edition import Edition
from analysis.text.order import witness_order_edition
from analysis.text.register import Register

__all__ = [
    "COMPARISON_COLUMNS",
    "comention_differences",
    "difference_evidence",
    "dispersion_pairs",
    "order_comparison",
]

COMPARISON_COLUMNS = (
    "measure",
    "unit",
    "reading",
    "witness",
    "shared",
    "only_reading",
    "only_witness",
    "agreement",
    "depends_on_order",
)

#: How many top terms and collocations are compared.
TOP = 25


def _row(measure: str, unit: str, reading: set[Hashable], witness: set[Hashable]) -> dict:
    shared = len(reading & witness)
    union = len(reading | witness)
    agreement = shared / union if union else 1.0
    return {
        "measure": measure,
        "unit": unit,
        "reading": len(reading),
        "witness": len(witness),
        "shared": shared,
        "only_reading": len(reading - witness),
        "only_witness": len(witness - reading),
        "agreement": round(agreement, 4),
        "depends_on_order": agreement < 1.0,
    }


def _pairs(
    edition: Edition, register: Register, window: str, *, associated_only: bool = False
) -> set[tuple[str, str]]:
    table = comentions(find_mentions(edition, register), window=window, edition=edition)
    if associated_only:
        table = table[table["associated"]]
    return set(zip(table["actor_a"], table["actor_b"], strict=True))


def order_comparison(edition: Edition, register: Register) -> pd.DataFrame:
    """Compare measures computed on the reading order and on the witness order.

    Each row compares two sets with the Jaccard agreement (shared / union):
    the sentences (their texts), the top :data:`TOP` terms with their counts,
    the mentions per actor, the top :data:`TOP` collocations by likelihood
    ratio, the pairs of co-mentioned actors within a sentence and within a
    paragraph (a block of *W*), and the pairs of each window that pass the
    association test (:func:`analysis.measures.comentions.comentions`).
    ``depends_on_order`` is True when the sets differ.
    """
    witness = witness_order_edition(edition)
    measures: list[tuple[str, str, Callable[[Edition], set[Hashable]]]] = [
        ("sentences", "sentence texts", lambda ed: {s.text for s in ed.sentences}),
        (
            "term frequencies",
            f"top {TOP} terms with their counts",
            lambda ed: set(
                term_frequencies(ed).head(TOP)[["term", "count"]].itertuples(index=False, name=None)
            ),
        ),
        (
            "actor mentions",
            "actors with their mention counts",
            lambda ed: set(find_mentions(ed, register)["actor_id"].value_counts().items()),
        ),
        (
            "collocations",
            f"top {TOP} bigrams by likelihood ratio",
            lambda ed: set(
                collocations(ed, measure="likelihood")
                .head(TOP)[["w1", "w2"]]
                .itertuples(index=False, name=None)
            ),
        ),
        (
            "co-mentions in a sentence",
            "pairs of actors",
            lambda ed: _pairs(ed, register, "sentence"),
        ),
        (
            "co-mentions in a paragraph",
            "pairs of actors (a paragraph, or a block of W)",
            lambda ed: _pairs(ed, register, "paragraph"),
        ),
        (
            "associated pairs in a sentence",
            "pairs of actors named together more than chance predicts",
            lambda ed: _pairs(ed, register, "sentence", associated_only=True),
        ),
        (
            "associated pairs in a paragraph",
            "pairs of actors named together more than chance predicts",
            lambda ed: _pairs(ed, register, "paragraph", associated_only=True),
        ),
    ]
    rows = [
        _row(name, unit, compute(edition), compute(witness)) for name, unit, compute in measures
    ]
    return pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))


def comention_differences(
    edition: Edition, register: Register, *, window: str = "sentence"
) -> pd.DataFrame:
    """The co-mentioned pairs found in only one of the two orders, with their evidence.

    Columns: ``actor_a``, ``actor_b``, ``found_in`` (``"reading"`` or
    ``"witness"``), ``count`` and ``evidence`` (sentence ids of that order:
    ``p12.3`` in the reading text, ``b7.2`` for the second sentence of the
    seventh block of *W*). Sorted by order found in, then by descending count
    and the pair.
    """
    witness = witness_order_edition(edition)
    tables = {
        name: comentions(find_mentions(ed, register), window=window, edition=ed)
        for name, ed in (("reading", edition), ("witness", witness))
    }
    keys = {name: set(zip(t["actor_a"], t["actor_b"], strict=True)) for name, t in tables.items()}
    rows = []
    for name, other in (("reading", "witness"), ("witness", "reading")):
        only = keys[name] - keys[other]
        for row in tables[name].itertuples(index=False):
            if (row.actor_a, row.actor_b) in only:
                rows.append(
                    {
                        "actor_a": row.actor_a,
                        "actor_b": row.actor_b,
                        "found_in": name,
                        "count": row.count,
                        "evidence": tuple(row.evidence),
                    }
                )
    frame = pd.DataFrame(rows, columns=["actor_a", "actor_b", "found_in", "count", "evidence"])
    return frame.sort_values(
        ["found_in", "count", "actor_a", "actor_b"],
        ascending=[True, False, True, True],
        kind="stable",
        ignore_index=True,
    )


def difference_evidence(edition: Edition, differences: pd.DataFrame) -> pd.DataFrame:
    """One row per evidence sentence of :func:`comention_differences`, with its text.

    Columns: ``actor_a``, ``actor_b``, ``found_in``, ``sentence_id``, ``text``
    and ``where``, the page anchor of the sentence: ``text.html#p12.3`` for the
    reading text, ``witness.html#w<first line>`` for a sentence of the witness
    order, which exists only in *W*.
    """
    witness = witness_order_edition(edition)
    sentences = {
        "reading": {s.id: s for s in edition.sentences},
        "witness": {s.id: s for s in witness.sentences},
    }
    rows = []
    for row in differences.itertuples(index=False):
        for sid in row.evidence:
            s = sentences[row.found_in][sid]
            where = (
                f"text.html#{sid}" if row.found_in == "reading" else f"witness.html#w{s.lines[0]}"
            )
            rows.append(
                {
                    "actor_a": row.actor_a,
                    "actor_b": row.actor_b,
                    "found_in": row.found_in,
                    "sentence_id": sid,
                    "text": s.text,
                    "where": where,
                }
            )
    return pd.DataFrame(
        rows, columns=["actor_a", "actor_b", "found_in", "sentence_id", "text", "where"]
    )


def dispersion_pairs(edition: Edition, terms: list[str]) -> pd.DataFrame:
    """Each occurrence of ``terms`` with its place in the reading text and in W.

    Columns: ``term``, ``token``, ``sentence_id``, ``line`` (of *W*),
    ``reading`` and ``witness`` (its position as a fraction of each text), in
    reading order.
    """
    reading = dispersion(edition, terms, order="reading")
    witness = dispersion(edition, terms, order="witness")
    key = ["term", "sentence_id", "line", "token"]
    reading = reading.assign(k=reading.groupby(key).cumcount())
    witness = witness.assign(k=witness.groupby(key).cumcount())
    merged = reading.merge(
        witness[[*key, "k", "fraction"]],
        on=[*key, "k"],
        suffixes=("_reading", "_witness"),
        validate="one_to_one",
    )
    return merged.rename(columns={"fraction_reading": "reading", "fraction_witness": "witness"})[
        ["term", "token", "sentence_id", "line", "reading", "witness"]
    ]
