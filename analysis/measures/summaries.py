"""Summarise each section by the sentences that state its claim, with a method chosen by test.

The summary of a section is extractive: it quotes, verbatim and in the order of
the text, the ``k`` sentences that a method ranks highest among the sentences
of that section. :data:`METHODS` holds four general methods, none with a
setting of its own for a section:

* ``textrank``: TextRank (Mihalcea & Tarau 2004), below;
* ``lexrank``: LexRank (Erkan & Radev 2004), in sumy's implementation: PageRank
  over the cosine similarities of tf-idf vectors, edges below 0.1 dropped;
* ``centroid``: the centroid method (Radev et al. 2004): each sentence scored
  by the cosine of its tf-idf vector (idf over all the sentences of the
  essay) with the section's centroid, the mean of its sentences' vectors;
* ``position``: the position method of Baxendale (1958) and Edmundson (1969):
  a paragraph's first sentence states its topic, so sentences rank by their
  place in their paragraph, first sentences first, then by reading order.

:func:`method_comparison` measures each against the editor's reference
(:mod:`analysis.text.claims`): the share of the reference sentences that the
method's ``k`` sentences include (recall), and the average precision of its
whole ranking. :func:`best_method` picks the method with the highest mean
recall, then mean average precision, then name.

TextRank:

* each sentence becomes the list of its terms (:func:`analysis.measures.tokens.term_tokens`:
  folded word tokens without stopwords), each reduced to its lemma;
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
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from analysis.measures.tokens import STOPWORDS, lemma, term_tokens
from analysis.text.claims import SectionClaims
from analysis.text.edition import Edition, Section, Sentence

__all__ = [
    "METHODS",
    "METHOD_DESCRIPTIONS",
    "SectionSummary",
    "best_method",
    "method_comparison",
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

_lemma = lru_cache(maxsize=None)(lemma)


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

    >>> round(sentence_similarity(["cartel", "leader", "escape"],
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
    """The lemmatised terms of a sentence, in order, repeats kept."""
    return [m for m in map(_lemma, term_tokens(text)) if m not in STOPWORDS]


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


class _Terms:
    """A sumy tokenizer that gives a sentence's lemmatised terms (no nltk data needed)."""

    @staticmethod
    def to_words(text: str) -> list[str]:
        return _sentence_terms(text)

    @staticmethod
    def to_sentences(text: str) -> list[str]:
        return [text]


def _lexrank(sentences: Sequence[Sentence], context: Sequence[Sentence]) -> list[tuple[str, float]]:
    """LexRank (sumy): the ranking read from its top-1, top-2 ... choices.

    Sentences without a term (which sumy cannot compare) rank last, in reading order.
    """
    # sumy is imported where it is used: it imports nltk, which takes a second.
    from sumy.models.dom import ObjectDocumentModel
    from sumy.models.dom import Paragraph as SumyParagraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.summarizers.lex_rank import LexRankSummarizer

    terms = _Terms()
    rated = [i for i, s in enumerate(sentences) if terms.to_words(s.text)]
    model = ObjectDocumentModel(
        [SumyParagraph([SumySentence(sentences[i].text, terms) for i in rated])]
    )
    by_text: dict[str, list[int]] = {}
    for i in rated:
        by_text.setdefault(sentences[i].text.strip(), []).append(i)
    summarizer = LexRankSummarizer()
    order: list[int] = []
    with np.errstate(divide="ignore", invalid="ignore"):
        for count in range(1, len(rated) + 1):
            chosen = {i for c in summarizer(model, count) for i in by_text[str(c)]}
            order.extend(sorted(chosen - set(order)))
    order.extend(i for i in range(len(sentences)) if i not in order)
    n = len(sentences)
    return [(sentences[i].id, (n - r) / n) for r, i in enumerate(order)]


def _vectors(texts: Sequence[str], idf: dict[str, float]) -> list[dict[str, float]]:
    return [{t: c * idf[t] for t, c in Counter(_sentence_terms(text)).items()} for text in texts]


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _centroid(
    sentences: Sequence[Sentence], context: Sequence[Sentence]
) -> list[tuple[str, float]]:
    """The centroid method: cosine of each sentence's tf-idf vector with the section's mean."""
    df = Counter(t for s in context for t in set(_sentence_terms(s.text)))
    idf = {t: math.log(len(context) / n) for t, n in df.items()}
    vectors = _vectors([s.text for s in sentences], idf)
    centroid: Counter[str] = Counter()
    for v in vectors:
        centroid.update(v)
    mean = {t: w / len(vectors) for t, w in centroid.items()}
    scores = [_cosine(v, mean) for v in vectors]
    order = sorted(range(len(sentences)), key=lambda i: (-round(scores[i], _TIE_DIGITS), i))
    return [(sentences[i].id, scores[i]) for i in order]


def _position(
    sentences: Sequence[Sentence], context: Sequence[Sentence]
) -> list[tuple[str, float]]:
    """The position method: first sentences of paragraphs first, then reading order."""
    order = sorted(range(len(sentences)), key=lambda i: (sentences[i].n, i))
    return [(sentences[i].id, 1.0 / sentences[i].n) for i in order]


def _textrank(
    sentences: Sequence[Sentence], context: Sequence[Sentence]
) -> list[tuple[str, float]]:
    return rank_sentences(sentences)


#: The summarising methods compared, by name: each ranks the sentences of a
#: section (given all the sentences of the essay, which the centroid method
#: uses for its idf) and returns ``(sentence_id, score)``, best first.
METHODS: dict[str, Callable[[Sequence[Sentence], Sequence[Sentence]], list[tuple[str, float]]]] = {
    "textrank": _textrank,
    "lexrank": _lexrank,
    "centroid": _centroid,
    "position": _position,
}


def _ranked(edition: Edition, method: str) -> dict[str, list[tuple[str, float]]]:
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; use one of {', '.join(METHODS)}")
    context = list(edition.sentences)
    return {
        section.id: METHODS[method](_section_sentences(section), context)
        for section in edition.sections
    }


def summarize(edition: Edition, *, k: int = 3, method: str = "textrank") -> list[SectionSummary]:
    """Summarise every section by its ``k`` top-ranked sentences (all of a shorter section).

    Sentences are ranked within their section by ``method`` (a name of
    :data:`METHODS`); the summary gives the chosen ones in the order of the
    text. One summary per section, in section order.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    ranked_all = _ranked(edition, method)
    summaries = []
    for section in edition.sections:
        sentences = _section_sentences(section)
        position = {s.id: i for i, s in enumerate(sentences)}
        ranked = ranked_all[section.id]
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


def _average_precision(ranking: Sequence[str], reference: set[str]) -> float:
    """Mean of the precision at the rank of each reference sentence.

    >>> _average_precision(["a", "b", "c", "d"], {"a", "c"})
    0.8333333333333333
    """
    hits, total = 0, 0.0
    for rank, sid in enumerate(ranking, start=1):
        if sid in reference:
            hits += 1
            total += hits / rank
    return total / len(reference) if reference else 0.0


def method_comparison(
    edition: Edition, claims: Sequence[SectionClaims], *, k: int = 3
) -> pd.DataFrame:
    """Measure every method of :data:`METHODS` against the editor's reference.

    One row per method and section with a reference: ``reference`` (how many
    sentences), ``found`` (how many of them are among the method's ``k``),
    ``recall`` (found / reference), ``average_precision`` (of the method's
    whole ranking of the section) and ``ranks`` (the rank of each reference
    sentence, in reading order). Sorted by method order, then section order.
    """
    rows = []
    for method in METHODS:
        ranked = _ranked(edition, method)
        for entry in claims:
            ranking = [sid for sid, _ in ranked[entry.section_id]]
            reference = [c.id for c in entry.sentences]
            found = len(set(ranking[:k]) & set(reference))
            rows.append(
                {
                    "method": method,
                    "section": entry.section_id,
                    "reference": len(reference),
                    "found": found,
                    "recall": found / len(reference),
                    "average_precision": _average_precision(ranking, set(reference)),
                    "ranks": tuple(ranking.index(sid) + 1 for sid in reference),
                }
            )
    columns = ["method", "section", "reference", "found", "recall", "average_precision", "ranks"]
    return pd.DataFrame(rows, columns=columns)


def best_method(comparison: pd.DataFrame) -> str:
    """The method of highest mean recall, then mean average precision, then name.

    >>> best_method(pd.DataFrame({"method": ["a", "a", "b", "b"], "recall": [1, 0, 0.5, 0.5],
    ...                           "average_precision": [1, 0, 0.6, 0.6]}))
    'b'
    """
    means = comparison.groupby("method")[["recall", "average_precision"]].mean()
    ranked = sorted(means.itertuples(), key=lambda r: (-r.recall, -r.average_precision, r.Index))
    return str(ranked[0].Index)


def _plain(value: Any) -> Any:
    """A JSON-ready form of a cell: numpy scalars as Python ones, tuples as lists, NaN as None."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


#: One line on each method of :data:`METHODS`, for ``summaries.json`` and the pages.
METHOD_DESCRIPTIONS: dict[str, str] = {
    "textrank": "TextRank (Mihalcea & Tarau 2004): weighted PageRank over the sentences of "
    "a section, edges weighted by shared lemmas / (ln |A| + ln |B|)",
    "lexrank": "LexRank (Erkan & Radev 2004, sumy): PageRank over tf-idf cosine "
    "similarities of a section's sentences, edges below 0.1 dropped",
    "centroid": "centroid (Radev et al. 2004): cosine of each sentence's tf-idf vector "
    "with the mean vector of its section",
    "position": "position (Baxendale 1958; Edmundson 1969): the first sentences of "
    "paragraphs first, then reading order",
}


def summaries_record(
    edition: Edition,
    summaries: Sequence[SectionSummary],
    statistics: pd.DataFrame,
    *,
    method: str = "textrank",
    claims: Sequence[SectionClaims] = (),
    comparison: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """Return the summaries, the editor's reference and statistics as JSON-ready data.

    ``{"method": ..., "methods_compared": [...], "sections": [...]}``:
    ``method`` names the method of the summaries (``description`` says what it
    does); ``methods_compared`` gives, for each method of ``comparison``
    (:func:`method_comparison`), its mean recall and average precision. One
    entry per section of ``edition``, in section order: ``id``, ``n``,
    ``heading``, ``sentences`` (``id``, ``text``, ``score`` rounded to 6 places
    and ``rank``, in text order), ``reference`` (the editor's sentences:
    ``id``, ``text``, ``reason``, in text order), ``agreement`` (``found`` of
    ``reference`` sentences are in the summary; null without a reference) and
    ``statistics`` (the section's row of ``statistics`` without its id, number
    and heading; missing if the frame has no row for it). A summary of a
    section that is not in the edition raises :class:`ValueError`.
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
    by_claims = {c.section_id: c for c in claims}
    texts = {s.id: s.text for s in edition.sentences}
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
        chosen = {sid for sid, _ in summary.sentences} if summary else set()
        ref = by_claims.get(section.id)
        entry["reference"] = (
            []
            if ref is None
            else [{"id": c.id, "text": texts[c.id], "reason": c.reason} for c in ref.sentences]
        )
        entry["agreement"] = (
            None
            if ref is None
            else {
                "found": sum(1 for c in ref.sentences if c.id in chosen),
                "reference": len(ref.sentences),
            }
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
    compared = []
    if comparison is not None and len(comparison):
        means = comparison.groupby("method", sort=False)[["recall", "average_precision"]].mean()
        compared = [
            {
                "method": name,
                "recall": round(float(r.recall), _RECORD_DIGITS),
                "average_precision": round(float(r.average_precision), _RECORD_DIGITS),
            }
            for name, r in means.iterrows()
        ]
    return {
        "method": method,
        "description": METHOD_DESCRIPTIONS[method] + "; top sentences quoted in text order",
        "methods_compared": compared,
        "sections": sections,
    }
