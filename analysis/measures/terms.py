"""Term frequencies, keyness, tf-idf, collocations, concordances and dispersion.

What is counted (:mod:`analysis.measures.tokens` makes the tokens):

* the reading text: the paragraphs, sentence by sentence (headings are not counted);
* the denominator of every rate is the number of *word tokens* (stopwords,
  numbers and split-off clitics included, punctuation excluded) of the whole
  text or of the section;
* terms are word tokens without stopwords, counted by *group* of inflected
  forms (:func:`analysis.measures.tokens.group_terms` over the whole text), so that
  ``cartel`` and ``cartels`` count together under the more frequent form;
* :func:`collocations` is the exception: it pairs the folded forms as written.

Every function returns a tidy :class:`pandas.DataFrame` sorted by explicit keys.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Literal, NamedTuple

import pandas as pd
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

from analysis.measures.association import G2_CRITICAL_05, log_likelihood_g2, log_ratio, per_thousand
from analysis.measures.tokens import STOPWORDS, fold, group_terms, is_word, stem, token_spans
from analysis.text.edition import Edition, Paragraph

__all__ = [
    "collocations",
    "dispersion",
    "keyness",
    "kwic",
    "section_trends",
    "term_frequencies",
    "tfidf_by_section",
    "token_totals",
]


class _Token(NamedTuple):
    """A word token of the reading text; ``start`` and ``end`` index its paragraph's text."""

    paragraph: Paragraph
    sentence_id: str
    line: int
    text: str
    start: int
    end: int
    folded: str
    stem: str | None  # None for stopwords


_stem = lru_cache(maxsize=None)(stem)


def _stretch(p: Paragraph, first: int, last: int) -> Iterator[_Token]:
    """The word tokens of ``p.text[first:last]``, each with its sentence and witness line."""
    starts = [s.start for s in p.sentences]
    line_starts = [a for _, a, _ in p.line_offsets]
    for a, b in token_spans(p.text[first:last]):
        text, start = p.text[first + a : first + b], first + a
        if is_word(text):
            folded = fold(text)
            sentence = p.sentences[bisect.bisect_right(starts, start) - 1]
            line = p.line_offsets[bisect.bisect_right(line_starts, start) - 1][0]
            yield _Token(
                p,
                sentence.id,
                line,
                text,
                start,
                first + b,
                folded,
                None if folded in STOPWORDS else _stem(folded),
            )


def _reading_tokens(edition: Edition) -> list[_Token]:
    """All word tokens of the reading text in reading order, sentence by sentence."""
    return [t for p in edition.paragraphs for s in p.sentences for t in _stretch(p, s.start, s.end)]


def _witness_tokens(edition: Edition) -> list[_Token]:
    """The same tokens line by line in the order of W, each line in its established form."""
    places = sorted(edition.line_places().items())
    lines = ((edition.paragraph(pid), line) for line, (kind, pid) in places if kind == "paragraph")
    return [
        t for p, line in lines for n, a, b in p.line_offsets if n == line for t in _stretch(p, a, b)
    ]


def _labels(tokens: list[_Token]) -> dict[str, str]:
    """Map each stem of the text to the label of its group of inflected forms."""
    forms = group_terms(t.folded for t in tokens if t.stem is not None)
    return {stem(form): label for form, label in forms.items()}


def _section_ids(edition: Edition) -> list[str]:
    return [s.id for s in edition.sections]


def _frame(
    rows: list[dict],
    columns: list[str],
    by: list[str],
    *,
    descending: tuple[str, ...] = (),
    sections: list[str] | None = None,
) -> pd.DataFrame:
    """A frame of ``rows`` sorted by the columns ``by``; ``section`` sorts in ``sections`` order."""
    return pd.DataFrame(rows, columns=columns).sort_values(
        by,
        ascending=[c not in descending for c in by],
        kind="stable",
        ignore_index=True,
        key=lambda c: c.map(sections.index) if c.name == "section" and sections else c,
    )


def _counts(edition: Edition) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """Term-group counts per (label, section) and word tokens per section."""
    tokens = _reading_tokens(edition)
    labels = _labels(tokens)
    counts = Counter((labels[t.stem], t.paragraph.section_id) for t in tokens if t.stem)
    return counts, Counter(t.paragraph.section_id for t in tokens)


def _margin(counts: Counter[tuple[str, str]], axis: int) -> Counter[str]:
    """Totals of ``counts`` by term (``axis`` 0) or by section (``axis`` 1)."""
    margin = Counter[str]()
    for key, n in counts.items():
        margin[key[axis]] += n
    return margin


def token_totals(edition: Edition) -> pd.DataFrame:
    """Count word tokens and term tokens per section (columns section, tokens, terms).

    These are the denominators of every rate in this module; rows are in section order.
    """
    counts, sizes = _counts(edition)
    terms = _margin(counts, 1)
    return pd.DataFrame(
        [
            {"section": sid, "tokens": sizes[sid], "terms": terms[sid]}
            for sid in _section_ids(edition)
        ],
        columns=["section", "tokens", "terms"],
    )


def term_frequencies(edition: Edition) -> pd.DataFrame:
    """Count each term group in the whole text and in each section.

    Columns: ``term`` (the group label), ``count``, ``per_1000`` (per 1,000 word
    tokens of the whole text) and one count column per section id, in section
    order. Rows are sorted by (-count, term).
    """
    counts, sizes = _counts(edition)
    sids, total = _section_ids(edition), sum(sizes.values())
    rows = []
    for term in sorted(_margin(counts, 0)):
        by_section = {sid: counts[term, sid] for sid in sids}
        count = sum(by_section.values())
        rows.append(
            {"term": term, "count": count, "per_1000": per_thousand(count, total), **by_section}
        )
    return _frame(
        rows, ["term", "count", "per_1000", *sids], ["count", "term"], descending=("count",)
    )


def keyness(
    edition: Edition, *, min_count: int = 3, min_g2: float = G2_CRITICAL_05
) -> pd.DataFrame:
    """Find the terms each section uses distinctly more than the rest of the text.

    For a term and a section, the 2x2 table of
    :func:`~analysis.measures.association.log_likelihood_g2` is ``a`` = the
    term in the section, ``b`` = the term in the rest, ``c`` and
    ``d`` = the other word tokens of the section and of the rest. A row is kept
    when the term occurs at least ``min_count`` times in the section, more often
    there than in the rest (relative to their word tokens) and with ``g2 >=
    min_g2`` (3.84: p < 0.05 for one test). ``log_ratio`` is the effect size.

    Columns: section, term, count_section, count_rest, per_1000_section,
    per_1000_rest, g2, log_ratio; sorted by (section order, -g2, term).
    """
    counts, sizes = _counts(edition)
    totals, total = _margin(counts, 0), sum(sizes.values())
    rows = []
    for sid in _section_ids(edition):
        size, rest = sizes[sid], total - sizes[sid]
        for term in sorted(totals):
            a = counts[term, sid]
            b = totals[term] - a
            if a < min_count or a * rest <= b * size:
                continue
            g2 = log_likelihood_g2(a, b, size - a, rest - b)
            if g2 >= min_g2:
                rows.append(
                    {
                        "section": sid,
                        "term": term,
                        "count_section": a,
                        "count_rest": b,
                        "per_1000_section": per_thousand(a, size),
                        "per_1000_rest": per_thousand(b, rest),
                        "g2": g2,
                        "log_ratio": log_ratio(a, b, size, rest),
                    }
                )
    columns = [
        "section",
        "term",
        "count_section",
        "count_rest",
        "per_1000_section",
        "per_1000_rest",
        "g2",
        "log_ratio",
    ]
    return _frame(
        rows, columns, ["section", "g2", "term"], descending=("g2",), sections=_section_ids(edition)
    )


def tfidf_by_section(edition: Edition) -> pd.DataFrame:
    """Weigh each term group in each section by tf-idf, the sections being the documents.

    ``tf`` = count in the section / word tokens of the section; ``idf`` =
    ln((1 + n) / (1 + df)) + 1 with n sections, df of which use the term
    (scikit-learn's smoothed idf: a term in every section keeps its tf);
    ``tfidf`` = tf * idf, not normalised. Columns: section, term, count, tf,
    idf, tfidf; rows with count > 0, sorted by (section order, -tfidf, term).
    """
    counts, sizes = _counts(edition)
    sids = _section_ids(edition)
    df = Counter(label for label, _ in counts)
    rows = []
    for (term, sid), count in counts.items():
        tf = count / sizes[sid]
        idf = math.log((1 + len(sids)) / (1 + df[term])) + 1
        rows.append(
            {"section": sid, "term": term, "count": count, "tf": tf, "idf": idf, "tfidf": tf * idf}
        )
    return _frame(
        rows,
        ["section", "term", "count", "tf", "idf", "tfidf"],
        ["section", "tfidf", "term"],
        descending=("tfidf",),
        sections=sids,
    )


def collocations(
    edition: Edition, *, min_freq: int = 2, measure: Literal["pmi", "likelihood"] = "pmi"
) -> pd.DataFrame:
    """Score the pairs of adjacent terms with nltk's bigram association measures.

    Stopwords are removed *before* pairing, so ``war on drugs`` gives the pair
    (war, drugs); pairs never run across a sentence boundary. Terms are the
    folded forms as written (not grouped). Pairs seen fewer than ``min_freq``
    times are dropped. ``measure`` is ``"pmi"`` (nltk's binary PMI) or
    ``"likelihood"`` (nltk's Dunning G2). Columns: w1, w2, count, score;
    sorted by (-score, -count, w1, w2).
    """
    scorers = {"pmi": BigramAssocMeasures.pmi, "likelihood": BigramAssocMeasures.likelihood_ratio}
    if measure not in scorers:
        raise ValueError(f"unknown measure {measure!r}; use 'pmi' or 'likelihood'")
    sentences: dict[str, list[str]] = {}
    for t in _reading_tokens(edition):
        if t.stem is not None:
            sentences.setdefault(t.sentence_id, []).append(t.folded)
    finder = BigramCollocationFinder.from_documents(sentences.values())
    finder.apply_freq_filter(min_freq)
    rows = [
        {"w1": w1, "w2": w2, "count": finder.ngram_fd[w1, w2], "score": score}
        for (w1, w2), score in finder.score_ngrams(scorers[measure])
    ]
    return _frame(
        rows,
        ["w1", "w2", "count", "score"],
        ["score", "count", "w1", "w2"],
        descending=("score", "count"),
    )


def _matchers(tokens: list[_Token], terms: Iterable[str]) -> dict[str, Callable[[_Token], bool]]:
    """Map the label of each term's group to a test for its tokens (a stopword: itself only)."""
    labels, tests = _labels(tokens), {}
    for folded in map(fold, terms):
        if folded in STOPWORDS:
            tests[folded] = lambda t, word=folded: t.folded == word
        else:
            key = _stem(folded)
            tests[labels.get(key, folded)] = lambda t, key=key: t.stem == key
    return tests


def kwic(edition: Edition, term: str, *, width: int = 40) -> pd.DataFrame:
    """List every occurrence of ``term``'s group in reading order, with its context.

    ``term`` may be any form of the group (``cartel`` finds ``cartels`` too); a
    stopword matches only itself. ``left`` and ``right`` are up to ``width``
    characters of the paragraph around the token, as written. Columns:
    sentence_id, paragraph_id, left, keyword, right.
    """
    tokens = _reading_tokens(edition)
    (match,) = _matchers(tokens, [term]).values()
    rows = []
    for t in filter(match, tokens):
        text = t.paragraph.text
        rows.append(
            {
                "sentence_id": t.sentence_id,
                "paragraph_id": t.paragraph.id,
                "left": text[max(0, t.start - width) : t.start],
                "keyword": t.text,
                "right": text[t.end : t.end + width],
            }
        )
    return pd.DataFrame(rows, columns=["sentence_id", "paragraph_id", "left", "keyword", "right"])


def dispersion(
    edition: Edition, terms: Iterable[str], *, order: Literal["reading", "witness"] = "reading"
) -> pd.DataFrame:
    """Locate every occurrence of each term's group along the text, for dispersion plots.

    ``position`` is the 0-based offset among the word tokens of the text, taken
    in reading order or, with ``order="witness"``, witness line by witness line
    in the order of W; ``fraction`` is position / number of word tokens. Columns:
    term (group label), token, position, fraction, line (witness line),
    paragraph_id, sentence_id; sorted by (position, term).
    """
    if order not in ("reading", "witness"):
        raise ValueError(f"unknown order {order!r}; use 'reading' or 'witness'")
    reading = _reading_tokens(edition)
    tokens = reading if order == "reading" else _witness_tokens(edition)
    wanted = _matchers(reading, terms)
    rows = []
    for position, t in enumerate(tokens):
        for label in (label for label, match in wanted.items() if match(t)):
            rows.append(
                {
                    "term": label,
                    "token": t.text,
                    "position": position,
                    "fraction": position / len(tokens),
                    "line": t.line,
                    "paragraph_id": t.paragraph.id,
                    "sentence_id": t.sentence_id,
                }
            )
    columns = ["term", "token", "position", "fraction", "line", "paragraph_id", "sentence_id"]
    return _frame(rows, columns, ["position", "term"])


def section_trends(edition: Edition, terms: Iterable[str]) -> pd.DataFrame:
    """Give the rate per 1,000 word tokens of each term's group in each section.

    Columns: section, term (group label), count, per_1000; one row per section
    and term (zeros included), sorted by (section order, term).
    """
    tokens = _reading_tokens(edition)
    sizes = Counter(t.paragraph.section_id for t in tokens)
    rows = []
    for label, match in _matchers(tokens, terms).items():
        found = Counter(t.paragraph.section_id for t in filter(match, tokens))
        rows.extend(
            {
                "section": sid,
                "term": label,
                "count": found[sid],
                "per_1000": per_thousand(found[sid], sizes[sid]),
            }
            for sid in _section_ids(edition)
        )
    return _frame(
        rows,
        ["section", "term", "count", "per_1000"],
        ["section", "term"],
        sections=_section_ids(edition),
    )
