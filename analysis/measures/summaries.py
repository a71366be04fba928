"""Summarise each section by its most central sentences (TextRank).

The summary of a section is extractive: it quotes, verbatim and in the order of
the text, the ``k`` sentences that TextRank (Mihalcea & Tarau 2004, "TextRank:
Bringing Order into Texts", EMNLP) ranks highest among the sentences of that
section. The method:

* each sentence becomes the list of its terms (:func:`analysis.measures.tokens.term_tokens`:
  folded word tokens without stopwords), each reduced to its Snowball stem;
* two sentences are joined by an edge weighted by :func:`sentence_similarity`;
* the sentences are ranked by weighted PageRank over that graph (networkx, fixed
  tolerance and iteration limit), ties broken by reading order.

Every pair of sentences of a section is compared, so the cost grows with the
square of the number of sentences *per section* and linearly with the number of
sections. The essay's longest section has 30 sentences.

:func:`summaries_record` turns the summaries and the section statistics
(:func:`analysis.measures.statistics.section_statistics`) into the JSON-ready content
of ``summaries.json``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import networkx as nx
import pandas as pd

from analysis.measures.tokens import stem, term_tokens
from analysis.text.edition import Edition, Section, Sentence

__all__ = [
    "SectionSummary",
    "rank_sentences",
    "sentence_similarity",
    "summaries_record",
    "summarize",
]

#: PageRank stops when the scores change by less than this (in sum), or fails
#: after ``_MAX_ITER`` iterations; both are fixed so that scores are reproducible.
_TOL = 1e-10
_MAX_ITER = 1000
#: Scores equal to this many decimal places are ties, resolved by reading order.
_TIE_DIGITS = 12
#: Decimal places of the scores in :func:`summaries_record`.
_RECORD_DIGITS = 6

_stem = lru_cache(maxsize=None)(stem)


@dataclass(frozen=True)
class SectionSummary:
    """The top-ranked sentences of a section, in the order of the text.

    ``sentences`` holds ``(sentence_id, text)`` pairs, the text exactly as
    :attr:`analysis.text.edition.Sentence.text`; ``scores`` and ``ranks`` (1 = the
    most central sentence of the section) are aligned with them.
    """

    section_id: str
    heading: str | None
    sentences: tuple[tuple[str, str], ...]
    scores: tuple[float, ...]
    ranks: tuple[int, ...]


def sentence_similarity(a_terms: Sequence[str], b_terms: Sequence[str]) -> float:
    """Return the TextRank similarity of two sentences given as lists of terms.

    Mihalcea & Tarau (2004), section 4.1::

        similarity(A, B) = |{w : w in A and w in B}| / (ln |A| + ln |B|)

    The numerator counts the *distinct* terms the two sentences share; ``|A|``
    and ``|B|`` are the numbers of terms in each, repeats included. The
    normalisation keeps long sentences from being favoured merely for their
    length. A sentence of one term or none has similarity 0 with every other
    (its logarithm is 0, and the measure is undefined for two such sentences).
    The base of the logarithm scales every edge alike and so does not change
    the ranking; the natural logarithm is used.

    >>> round(sentence_similarity(["cartel", "leader", "escap"],
    ...                           ["cartel", "leader", "prison", "tunnel"]), 6)
    0.804859
    >>> sentence_similarity(["cartel"], ["cartel", "leader"])
    0.0
    """
    if len(a_terms) <= 1 or len(b_terms) <= 1:
        return 0.0
    shared = len(set(a_terms) & set(b_terms))
    return shared / (math.log(len(a_terms)) + math.log(len(b_terms)))


def _sentence_terms(text: str) -> list[str]:
    """The stemmed terms of a sentence, in order, repeats kept."""
    return [_stem(t) for t in term_tokens(text)]


def rank_sentences(
    sentences: Sequence[Sentence], *, damping: float = 0.85
) -> list[tuple[str, float]]:
    """Rank ``sentences`` (those of one section, in reading order) by TextRank.

    Returns ``(sentence_id, score)`` for every sentence, highest score first;
    scores equal to 12 decimal places keep reading order. The scores are the
    weighted PageRank (``damping`` is its alpha) of a graph with one node per
    sentence and an edge of weight :func:`sentence_similarity` between every
    two sentences with a positive similarity; they sum to 1. A sentence that
    shares no term with any other still gets the teleportation share.

    >>> from analysis.text.edition import Sentence
    >>> texts = ["Guzman dug a tunnel.", "The cartel paid bribes.",
    ...          "Guzman's cartel paid bribes and dug a tunnel.", "It rained."]
    >>> sentences = [Sentence(f"p1.{k}", k, "p1", t, 0, len(t), ())
    ...              for k, t in enumerate(texts, start=1)]
    >>> [sid for sid, _ in rank_sentences(sentences)]
    ['p1.3', 'p1.1', 'p1.2', 'p1.4']
    """
    if not 0 < damping < 1:
        raise ValueError(f"damping must be between 0 and 1 (exclusive), not {damping}")
    if not sentences:
        return []
    terms = [_sentence_terms(s.text) for s in sentences]
    graph = nx.Graph()
    graph.add_nodes_from(range(len(sentences)))
    for i in range(len(sentences)):
        for j in range(i + 1, len(sentences)):
            weight = sentence_similarity(terms[i], terms[j])
            if weight > 0:
                graph.add_edge(i, j, weight=weight)
    scores = nx.pagerank(graph, alpha=damping, weight="weight", tol=_TOL, max_iter=_MAX_ITER)
    order = sorted(range(len(sentences)), key=lambda i: (-round(scores[i], _TIE_DIGITS), i))
    return [(sentences[i].id, float(scores[i])) for i in order]


def _section_sentences(section: Section) -> list[Sentence]:
    return [s for p in section.paragraphs for s in p.sentences]


def summarize(edition: Edition, *, k: int = 3, damping: float = 0.85) -> list[SectionSummary]:
    """Summarise every section by its ``k`` top-ranked sentences (all of a shorter section).

    Sentences are ranked within their section by :func:`rank_sentences`; the
    summary gives the chosen ones in the order of the text. One summary per
    section, in section order.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    summaries = []
    for section in edition.sections:
        sentences = _section_sentences(section)
        position = {s.id: i for i, s in enumerate(sentences)}
        ranked = rank_sentences(sentences, damping=damping)
        chosen = sorted(
            ((sid, score, rank) for rank, (sid, score) in enumerate(ranked[:k], start=1)),
            key=lambda c: position[c[0]],
        )
        summaries.append(
            SectionSummary(
                section_id=section.id,
                heading=section.heading,
                sentences=tuple((sid, sentences[position[sid]].text) for sid, _, _ in chosen),
                scores=tuple(score for _, score, _ in chosen),
                ranks=tuple(rank for _, _, rank in chosen),
            )
        )
    return summaries


def _plain(value: Any) -> Any:
    """A JSON-ready form of a cell: numpy scalars as Python ones, tuples as lists, NaN as None."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def summaries_record(
    edition: Edition, summaries: Sequence[SectionSummary], statistics: pd.DataFrame
) -> dict[str, Any]:
    """Return the summaries and statistics as JSON-ready data (``summaries.json``).

    ``{"method": ..., "sections": [...]}`` with one entry per section of
    ``edition``, in section order: ``id``, ``n``, ``heading``, ``sentences``
    (``id``, ``text``, ``score`` rounded to 6 places and ``rank``, in text
    order) and ``statistics`` (the section's row of ``statistics`` without its
    id, number and heading; missing if the frame has no row for it). A summary
    of a section that is not in the edition raises :class:`ValueError`.
    """
    by_section = {s.section_id: s for s in summaries}
    unknown = sorted(set(by_section) - {s.id for s in edition.sections})
    if unknown:
        raise ValueError(f"a summary names section '{unknown[0]}', which is not in the edition")
    rows = {}
    if len(statistics):
        if "section_id" not in statistics.columns:
            raise ValueError("the statistics frame has no column 'section_id'")
        rows = {r["section_id"]: r for r in statistics.to_dict("records")}
    sections = []
    for section in edition.sections:
        summary = by_section.get(section.id)
        entry: dict[str, Any] = {"id": section.id, "n": section.n, "heading": section.heading}
        entry["sentences"] = (
            []
            if summary is None
            else [
                {"id": sid, "text": text, "score": round(score, _RECORD_DIGITS), "rank": rank}
                for (sid, text), score, rank in zip(
                    summary.sentences, summary.scores, summary.ranks, strict=True
                )
            ]
        )
        row = rows.get(section.id)
        entry["statistics"] = (
            None
            if row is None
            else {
                key: _plain(value)
                for key, value in row.items()
                if key not in ("section_id", "n", "heading")
            }
        )
        sections.append(entry)
    return {
        "method": (
            "TextRank (Mihalcea & Tarau 2004): weighted PageRank over the sentences "
            "of each section, edges weighted by shared stemmed terms / "
            "(ln |A| + ln |B|); top sentences quoted in text order"
        ),
        "sections": sections,
    }
