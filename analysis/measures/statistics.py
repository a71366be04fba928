"""Describe each section in figures: its size, most mentioned actors and most distinctive terms.

:func:`section_statistics` tabulates, for every section of the edition, its
number of words, sentences and paragraphs and the range of its paragraph
numbers; given frames computed elsewhere (the mentions of
:func:`analysis.measures.mentions.find_mentions`, the keyness of
:func:`analysis.measures.terms.keyness`), it adds each section's most mentioned
actors and most distinctive terms. The sections page shows the table and
``summaries.json`` (:func:`analysis.measures.summaries.summaries_record`) carries it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd

from analysis.measures.tokens import is_word, word_tokens
from analysis.text.decisions import APPARATUS_TYPES
from analysis.text.edition import Edition

__all__ = ["STATISTICS_COLUMNS", "edition_counts", "section_statistics"]

#: Columns of :func:`section_statistics` that are always present; ``top_actors``
#: and ``top_terms`` follow when their frames are given.
STATISTICS_COLUMNS: tuple[str, ...] = (
    "section_id",
    "n",
    "heading",
    "words",
    "sentences",
    "paragraphs",
    "first_paragraph",
    "last_paragraph",
)


def _require(frame: pd.DataFrame, columns: tuple[str, ...], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"the {what} frame has no column {', '.join(map(repr, missing))}")


def _top_actors(mentions: pd.DataFrame, top: int) -> dict[str, tuple[str, ...]]:
    """The ``top`` most mentioned actors of each section, ties broken by actor id."""
    _require(mentions, ("actor_id", "section_id"), "mentions")
    counts = Counter(zip(mentions["section_id"], mentions["actor_id"], strict=True))
    ranked: dict[str, list[tuple[int, str]]] = {}
    for (sid, actor), n in counts.items():
        ranked.setdefault(sid, []).append((-n, actor))
    return {sid: tuple(actor for _, actor in sorted(pairs)[:top]) for sid, pairs in ranked.items()}


def _top_terms(keyness: pd.DataFrame, top: int) -> dict[str, tuple[str, ...]]:
    """The ``top`` terms of each section with the highest positive G2, ties broken by term."""
    _require(keyness, ("section", "term", "g2"), "keyness")
    ranked: dict[str, list[tuple[float, str]]] = {}
    for sid, term, g2 in zip(keyness["section"], keyness["term"], keyness["g2"], strict=True):
        if g2 > 0:
            ranked.setdefault(sid, []).append((-float(g2), term))
    return {sid: tuple(term for _, term in sorted(pairs)[:top]) for sid, pairs in ranked.items()}


def section_statistics(
    edition: Edition,
    *,
    mentions: pd.DataFrame | None = None,
    keyness: pd.DataFrame | None = None,
    top: int = 3,
) -> pd.DataFrame:
    """Tabulate the size of each section, with its top actors and terms when given.

    One row per section, in section order, with the columns of
    :data:`STATISTICS_COLUMNS`: the section's id, number and heading (missing, NaN, for
    the opening); ``words``, its word tokens (the tokens of
    :func:`analysis.measures.tokens.word_tokens` with a letter or digit, counted sentence
    by sentence: punctuation excluded, stopwords, numbers and split-off clitics
    included, as the denominators of :mod:`analysis.measures.terms`); the numbers of
    sentences and paragraphs, and the numbers (``Paragraph.n``) of its first and
    last paragraph.

    ``mentions`` (a frame with ``actor_id`` and ``section_id`` columns, as
    :func:`analysis.measures.mentions.find_mentions` returns) adds ``top_actors``: a
    tuple of the ``top`` most mentioned actor ids, by descending number of
    mentions, then id. ``keyness`` (columns ``section``, ``term``, ``g2``, as
    :func:`analysis.measures.terms.keyness` returns) adds ``top_terms``: the ``top``
    terms with the highest positive G2, then by term. A section with no
    mention or no key term gets an empty tuple. Nothing is computed here from
    the frames but these rankings.
    """
    actors = _top_actors(mentions, top) if mentions is not None else None
    terms = _top_terms(keyness, top) if keyness is not None else None
    rows = []
    for section in edition.sections:
        sentences = [s for p in section.paragraphs for s in p.sentences]
        row: dict[str, Any] = {
            "section_id": section.id,
            "n": section.n,
            "heading": section.heading,
            "words": sum(1 for s in sentences for t in word_tokens(s.text) if is_word(t)),
            "sentences": len(sentences),
            "paragraphs": len(section.paragraphs),
            "first_paragraph": section.paragraphs[0].n if section.paragraphs else None,
            "last_paragraph": section.paragraphs[-1].n if section.paragraphs else None,
        }
        if actors is not None:
            row["top_actors"] = actors.get(section.id, ())
        if terms is not None:
            row["top_terms"] = terms.get(section.id, ())
        rows.append(row)
    extra = (("top_actors", actors), ("top_terms", terms))
    columns = [*STATISTICS_COLUMNS, *(c for c, found in extra if found is not None)]
    return pd.DataFrame(rows, columns=columns)


def edition_counts(edition: Edition) -> dict[str, int]:
    """Numbers about the edition that pages quote (through the ``edition-count`` role)."""
    counts = {
        "witness-lines": len(edition.witness.lines),
        "witness-text-lines": len(edition.line_places()),
        "sections": len(edition.sections),
        "headed-sections": sum(1 for s in edition.sections if s.heading),
        "paragraphs": len(edition.paragraphs),
        "sentences": len(edition.sentences),
        "apparatus": len(edition.apparatus),
        "blocks": sum(
            1
            for k in range(1, len(edition.witness.lines) + 1)
            if not edition.witness.is_blank(k) and (k == 1 or edition.witness.is_blank(k - 1))
        ),
    }
    for kind in APPARATUS_TYPES:
        counts[f"apparatus-{kind}"] = sum(1 for e in edition.apparatus if e.type == kind)
    for e in edition.apparatus:
        if e.type == "normalisation" and e.rule:
            counts[f"lines-{e.rule}"] = len(e.lines)
    return counts
