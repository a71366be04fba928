"""Term frequencies, keyness, tf-idf, collocations, concordances and dispersion.

What is counted (:mod:`analysis.measures.tokens` makes the tokens,
:mod:`analysis.measures.units` the multiword terms):

* the reading text: the paragraphs, sentence by sentence (headings are not counted);
* *tokens* are the word tokens of the text (stopwords, numbers and split-off
  clitics included, punctuation excluded), a multiword term (``pena nieto``,
  ``united states``) counting as one; they are the denominators of every rate,
  in the whole text or in a section;
* *terms* are the tokens that are not stopwords, each counted under its
  lemma (:func:`analysis.measures.tokens.lemma`: ``cartel`` and ``cartels``
  count as ``cartel``) or, for a multiword term or a form of
  :data:`analysis.measures.units.SAME_TERM`, under its name.

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

from analysis.measures.association import G2_CRITICAL_05, log_likelihood_g2, log_ratio, per_thousand
from analysis.measures.tokens import STOPWORDS, fold, is_word, lemma, token_spans
from analysis.measures.units import TermUnits, adjacent_pairs
from analysis.text.edition import Edition, Paragraph

__all__ = [
    "ENGLISH_SMOOTHING",
    "collocations",
    "dispersion",
    "english_keyness",
    "keyness",
    "kwic",
    "lemma_merges",
    "section_trends",
    "term_frequencies",
    "tfidf_by_section",
    "token_totals",
]

#: Kilgarriff's smoothing constant ``k``, per million tokens, of :func:`english_keyness`.
ENGLISH_SMOOTHING = 100.0


class _Token(NamedTuple):
    """A token of the reading text; ``start`` and ``end`` index its paragraph's text.

    A multiword term is one token. ``folded`` is its folded text, its words
    separated by a space; ``term`` is its term, None for a stopword or a
    punctuation mark; ``word`` tells a word (or multiword term) from a mark.
    """

    paragraph: Paragraph
    sentence_id: str
    line: int
    text: str
    start: int
    end: int
    folded: str
    term: str | None
    word: bool


_lemma = lru_cache(maxsize=None)(lemma)


def _stretch(p: Paragraph, first: int, last: int, units: TermUnits) -> Iterator[_Token]:
    """The tokens of ``p.text[first:last]`` (marks included), each with its sentence and line."""
    starts = [s.start for s in p.sentences]
    line_starts = [a for _, a, _ in p.line_offsets]
    spans = [(first + a, first + b) for a, b in token_spans(p.text[first:last])]
    folded = [fold(p.text[a:b]) for a, b in spans]
    for i, j, name in units.spans(folded):
        start, end = spans[i][0], spans[j - 1][1]
        words = [f for f in folded[i:j] if is_word(f)]
        word = bool(words)
        if j - i > 1 or name != folded[i]:
            term: str | None = name
        elif not word or name in STOPWORDS or _lemma(name) in STOPWORDS:
            term = None  # a mark, a stopword, or a form of one ("did", "doing")
        else:
            term = _lemma(name)
        sentence = p.sentences[bisect.bisect_right(starts, start) - 1]
        line = p.line_offsets[bisect.bisect_right(line_starts, start) - 1][0]
        yield _Token(
            p, sentence.id, line, p.text[start:end], start, end, " ".join(words), term, word
        )


def _sentence_tokens(edition: Edition, units: TermUnits) -> list[list[_Token]]:
    """The tokens of each sentence of the reading text (marks included), in reading order."""
    return [
        list(_stretch(p, s.start, s.end, units)) for p in edition.paragraphs for s in p.sentences
    ]


def _reading_tokens(edition: Edition, units: TermUnits) -> list[_Token]:
    """All word tokens of the reading text in reading order, sentence by sentence."""
    return [t for sentence in _sentence_tokens(edition, units) for t in sentence if t.word]


def _witness_tokens(edition: Edition, units: TermUnits) -> list[_Token]:
    """The same tokens in the order of W: by witness line, then place in the line.

    Each token is placed on the witness line where it begins, so that a
    multiword term broken across two lines of W is one token in both orders.
    """
    reading = _reading_tokens(edition, units)
    places = sorted(edition.line_places())
    rank = {line: k for k, line in enumerate(places)}
    return sorted(reading, key=lambda t: (rank[t.line], t.start))


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


def _counts(edition: Edition, units: TermUnits) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """Term counts per (term, section) and tokens per section."""
    tokens = _reading_tokens(edition, units)
    counts = Counter((t.term, t.paragraph.section_id) for t in tokens if t.term)
    return counts, Counter(t.paragraph.section_id for t in tokens)


def _margin(counts: Counter[tuple[str, str]], axis: int) -> Counter[str]:
    """Totals of ``counts`` by term (``axis`` 0) or by section (``axis`` 1)."""
    margin = Counter[str]()
    for key, n in counts.items():
        margin[key[axis]] += n
    return margin


def token_totals(edition: Edition, units: TermUnits) -> pd.DataFrame:
    """Count tokens and term tokens per section (columns section, tokens, terms).

    These are the denominators of every rate in this module; rows are in section order.
    """
    counts, sizes = _counts(edition, units)
    terms = _margin(counts, 1)
    return pd.DataFrame(
        [
            {"section": sid, "tokens": sizes[sid], "terms": terms[sid]}
            for sid in _section_ids(edition)
        ],
        columns=["section", "tokens", "terms"],
    )


def term_frequencies(edition: Edition, units: TermUnits) -> pd.DataFrame:
    """Count each term in the whole text and in each section.

    Columns: ``term`` (a lemma or a multiword term), ``count``, ``per_1000`` (per
    1,000 tokens of the whole text) and one count column per section id, in section
    order. Rows are sorted by (-count, term).
    """
    counts, sizes = _counts(edition, units)
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
    edition: Edition, units: TermUnits, *, min_count: int = 3, min_g2: float = G2_CRITICAL_05
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
    counts, sizes = _counts(edition, units)
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


def tfidf_by_section(edition: Edition, units: TermUnits) -> pd.DataFrame:
    """Weigh each term in each section by tf-idf, the sections being the documents.

    ``tf`` = count in the section / word tokens of the section; ``idf`` =
    ln((1 + n) / (1 + df)) + 1 with n sections, df of which use the term
    (scikit-learn's smoothed idf: a term in every section keeps its tf);
    ``tfidf`` = tf * idf, not normalised. Columns: section, term, count, tf,
    idf, tfidf; rows with count > 0, sorted by (section order, -tfidf, term).
    """
    counts, sizes = _counts(edition, units)
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


def english_keyness(
    edition: Edition,
    units: TermUnits,
    *,
    min_count: int = 3,
    smoothing: float = ENGLISH_SMOOTHING,
) -> pd.DataFrame:
    """Find the terms that set the essay apart from English at large (wordfreq).

    The reference is wordfreq's frequency of each form in English (its
    ``word_frequency``, a blend of Wikipedia, subtitles, news, books, web text
    and social media; a multiword term is looked up as the phrase), summed
    over the forms the text has of the term (``cartel`` and ``cartels``;
    ``united states``, ``u.s.`` and ``america``). Both rates are per million
    tokens; the score is Kilgarriff's "simple maths" ratio ``(per_million_text
    + k) / (per_million_english + k)`` with ``k`` = ``smoothing``, which
    favours terms frequent in the essay and rarer in English without letting
    the rarest words of English dominate. Terms seen fewer than ``min_count``
    times are left out. ``log_ratio`` is the binary log of the ratio of the
    two rates (missing when wordfreq does not know the term).

    Columns: term, count, per_million_text, per_million_english, score,
    log_ratio; sorted by (-score, term).
    """
    from wordfreq import word_frequency  # imported where used: it loads its lists

    tokens = _reading_tokens(edition, units)
    counts = Counter(t.term for t in tokens if t.term)
    forms: dict[str, set[str]] = {}
    for t in tokens:
        if t.term:
            forms.setdefault(t.term, set()).add(t.folded)
    total = len(tokens)
    rows = []
    for term in sorted(counts):
        if counts[term] < min_count:
            continue
        text_rate = 1e6 * counts[term] / total
        english = 1e6 * sum(word_frequency(f, "en") for f in sorted(forms[term]))
        rows.append(
            {
                "term": term,
                "count": counts[term],
                "per_million_text": text_rate,
                "per_million_english": english,
                "score": (text_rate + smoothing) / (english + smoothing),
                "log_ratio": math.log2(text_rate / english) if english > 0 else math.nan,
            }
        )
    columns = ["term", "count", "per_million_text", "per_million_english", "score", "log_ratio"]
    return _frame(rows, columns, ["score", "term"], descending=("score",))


def lemma_merges(edition: Edition, units: TermUnits) -> pd.DataFrame:
    """List every form the lemmatizer counts under another term, with its count.

    One row per form of a single-word term whose lemma is not the form itself
    or is shared with another form: columns lemma, form, count (of the form in
    the reading text), forms (how many forms the lemma brings together);
    sorted by (lemma, form).
    """
    tokens = [t for t in _reading_tokens(edition, units) if t.term and " " not in t.folded]
    found = Counter((t.term, t.folded) for t in tokens if t.folded not in units.same)
    by_lemma = Counter(term for term, _ in found)
    rows = [
        {"lemma": term, "form": form, "count": n, "forms": by_lemma[term]}
        for (term, form), n in sorted(found.items())
        if form != term or by_lemma[term] > 1
    ]
    return pd.DataFrame(rows, columns=["lemma", "form", "count", "forms"])


def collocations(
    edition: Edition,
    units: TermUnits,
    *,
    min_freq: int = 2,
    measure: Literal["pmi", "likelihood"] = "pmi",
) -> pd.DataFrame:
    """Score the pairs of adjacent terms with nltk's bigram association measures.

    A pair is two tokens side by side in a sentence
    (:func:`~analysis.measures.units.adjacent_pairs`):
    no punctuation mark between them and no sentence boundary; a multiword term
    is one token. Pairs with a stopword are removed *after* pairing, so "war on
    drugs" gives no pair. Each token is counted as its term (lemma or
    multiword term). Pairs seen fewer than ``min_freq`` times are dropped.
    ``measure`` is ``"pmi"`` (nltk's binary PMI) or ``"likelihood"`` (nltk's
    Dunning G2). Columns: w1, w2, count, score; sorted by (-score, -count, w1, w2).
    """
    from nltk.collocations import BigramAssocMeasures  # imported where used: it takes a second

    scorers = {"pmi": BigramAssocMeasures.pmi, "likelihood": BigramAssocMeasures.likelihood_ratio}
    if measure not in scorers:
        raise ValueError(f"unknown measure {measure!r}; use 'pmi' or 'likelihood'")
    documents = [
        [t.term or t.folded or t.text for t in sentence]
        for sentence in _sentence_tokens(edition, units)
    ]
    finder = adjacent_pairs(documents)
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


def _matchers(units: TermUnits, terms: Iterable[str]) -> dict[str, Callable[[_Token], bool]]:
    """Map each term (any of its forms) to a test for its tokens (a stopword: itself only)."""
    tests = {}
    for folded in map(fold, terms):
        if folded in STOPWORDS:
            tests[folded] = lambda t, word=folded: t.folded == word and t.term is None
        else:
            key = units.same.get(folded, folded)
            key = key if " " in key or key != folded else _lemma(folded)
            tests[key] = lambda t, key=key: t.term == key
    return tests


def kwic(edition: Edition, units: TermUnits, term: str, *, width: int = 40) -> pd.DataFrame:
    """List every occurrence of ``term`` in reading order, with its context.

    ``term`` may be any form of the term (``cartels`` finds ``cartel`` too); a
    stopword matches only itself. ``left`` and ``right`` are up to ``width``
    characters of the paragraph around the token, as written. Columns:
    sentence_id, paragraph_id, left, keyword, right.
    """
    tokens = _reading_tokens(edition, units)
    (match,) = _matchers(units, [term]).values()
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
    edition: Edition,
    units: TermUnits,
    terms: Iterable[str],
    *,
    order: Literal["reading", "witness"] = "reading",
) -> pd.DataFrame:
    """Locate every occurrence of each term along the text, for dispersion plots.

    ``position`` is the 0-based offset among the tokens of the text, taken
    in reading order or, with ``order="witness"``, witness line by witness line
    in the order of W; ``fraction`` is position / number of tokens. Columns:
    term, token, position, fraction, line (witness line),
    paragraph_id, sentence_id; sorted by (position, term).
    """
    if order not in ("reading", "witness"):
        raise ValueError(f"unknown order {order!r}; use 'reading' or 'witness'")
    tokens = (
        _reading_tokens(edition, units) if order == "reading" else _witness_tokens(edition, units)
    )
    wanted = _matchers(units, terms)
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


def section_trends(edition: Edition, units: TermUnits, terms: Iterable[str]) -> pd.DataFrame:
    """Give the rate per 1,000 tokens of each term in each section.

    Columns: section, term, count, per_1000; one row per section
    and term (zeros included), sorted by (section order, term).
    """
    tokens = _reading_tokens(edition, units)
    sizes = Counter(t.paragraph.section_id for t in tokens)
    rows = []
    for label, match in _matchers(units, terms).items():
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
