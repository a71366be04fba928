"""Choices and escaped HTML for the terms page (``book/analyses/terms.md``).

The page calls these functions and displays what they return; it defines no
function of its own. The rules that pick the terms a figure follows are here,
computed from the frames of :mod:`analysis.measures.terms`, so the page never names a
term by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pandas as pd

from analysis.measures.terms import kwic
from analysis.measures.units import TermUnits
from analysis.site import markup
from analysis.site.markup import Html
from analysis.text.edition import Edition

__all__ = [
    "collocation_table",
    "dispersion_terms",
    "distinctive_frame",
    "distinctive_table",
    "english_table",
    "frequency_table",
    "key_terms",
    "kwic_chooser",
    "kwic_table",
    "sentence_link",
    "trend_terms",
]


def sentence_link(sentence_id: str) -> Html:
    """Link a sentence id to its sentence in the reading text.

    >>> str(sentence_link("p12.3"))
    '<a href="../text.html#p12.3" title="Sentence p12.3 in the reading text">p12.3</a>'
    """
    return markup.link(
        sentence_id,
        f"{markup.TEXT_PAGE}#{sentence_id}",
        title=f"Sentence {sentence_id} in the reading text",
    )


def trend_terms(frequencies: pd.DataFrame, *, n: int = 6) -> list[str]:
    """The ``n`` most frequent terms (``frequencies`` is sorted by -count, term).

    >>> trend_terms(pd.DataFrame({"term": ["b", "a", "c"], "count": [2, 2, 5]}), n=2)
    ['c', 'a']
    """
    top = frequencies.sort_values(["count", "term"], ascending=[False, True], kind="stable")
    return top["term"].head(n).tolist()


def key_terms(keyness: pd.DataFrame, sections: Sequence[str]) -> list[str]:
    """The most distinctive term of each section (highest G2, then term), without repeats.

    Sections without a distinctive term add none; a term already chosen for an
    earlier section gives way to the section's next one.

    >>> k = pd.DataFrame({"section": ["s1", "s1", "s2"], "term": ["x", "y", "x"],
    ...                   "g2": [9.0, 4.0, 8.0]})
    >>> key_terms(k, ["s1", "s2", "s3"])
    ['x']
    >>> key_terms(k.assign(g2=[4.0, 9.0, 8.0]), ["s1", "s2"])
    ['y', 'x']
    """
    chosen: list[str] = []
    for sid in sections:
        rows = keyness[keyness["section"] == sid].sort_values(
            ["g2", "term"], ascending=[False, True], kind="stable"
        )
        term = next((t for t in rows["term"] if t not in chosen), None)
        if term is not None:
            chosen.append(term)
    return chosen


def dispersion_terms(frequent: Sequence[str], key: Sequence[str]) -> list[str]:
    """The frequent terms, then the key terms not among them: the rows of the dispersion plot.

    >>> dispersion_terms(["a", "b"], ["c", "a"])
    ['a', 'b', 'c']
    """
    return list(dict.fromkeys([*frequent, *key]))


def _fixed(places: int) -> Callable[[float], str]:
    """A cell formatter with ``places`` decimal places; a missing value shows as a dash.

    >>> _fixed(2)(3.14159), _fixed(0)(float("nan"))
    ('3.14', '\u2013')
    """
    return lambda v: "\u2013" if pd.isna(v) else f"{v:.{places}f}"


def _section_columns(labels: Mapping[str, str]) -> dict[str, str]:
    return {sid: f"{k}. {label}" for k, (sid, label) in enumerate(labels.items(), 1)}


def frequency_table(frequencies: pd.DataFrame, *, labels: Mapping[str, str]) -> Html:
    """Every term with its count, rate per 1,000 words and count in each section, searchable."""
    columns = {
        "term": "term",
        "count": "count",
        "per_1000": "per 1,000 words",
        **_section_columns(labels),
    }
    return markup.data_table(
        frequencies,
        name="terms-all",
        searchable=True,
        columns=columns,
        caption=f"All {len(frequencies):,} terms of the reading text, most frequent first",
        cells={"per_1000": _fixed(2)},
    )


def _with_labels(frame: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    numbered = _section_columns(labels)
    return frame.assign(section=frame["section"].map(lambda s: numbered.get(s, s)))


def distinctive_frame(
    keyness: pd.DataFrame, tfidf: pd.DataFrame, *, sections: Sequence[str], n: int = 10
) -> pd.DataFrame:
    """The data of the distinctive-terms figure: each section's top ``n`` by G2 and by tf-idf.

    One row per (section, term) shown in either panel: ``count_section``, the
    other keyness columns (missing when the term is not among the section's
    top ``n`` by G2) and
    ``tfidf`` (missing when not among its top ``n`` by tf-idf). Sorted by
    section order, then -G2 (missing last), -tf-idf, term.
    """
    key = keyness.groupby("section", sort=False).head(n)
    top = tfidf.groupby("section", sort=False).head(n)[["section", "term", "count", "tfidf"]]
    both = key.merge(top, on=["section", "term"], how="outer")
    rank = {sid: k for k, sid in enumerate(sections)}
    both = both.assign(
        _rank=both["section"].map(rank),
        count_section=both["count_section"].fillna(both["count"]).astype("int64"),
    ).drop(columns="count")
    return both.sort_values(
        ["_rank", "g2", "tfidf", "term"],
        ascending=[True, False, False, True],
        na_position="last",
        kind="stable",
        ignore_index=True,
    ).drop(columns="_rank")


def distinctive_table(frame: pd.DataFrame, *, labels: Mapping[str, str]) -> Html:
    """Text equivalent of the distinctive-terms figure (:func:`distinctive_frame`)."""
    return markup.figure_text(
        _with_labels(frame, labels),
        name="terms-distinctive",
        caption="Distinctive terms of each section: keyness against the rest of the text "
        "(G2, Log Ratio) and tf-idf; a dash where the term is not among the "
        "section's top terms by that measure",
        columns={
            "section": "section",
            "term": "term",
            "count_section": "in the section",
            "count_rest": "in the rest",
            "g2": "G2",
            "log_ratio": "Log Ratio",
            "tfidf": "tf-idf",
        },
        cells={
            "count_rest": _fixed(0),
            "g2": _fixed(2),
            "log_ratio": _fixed(2),
            "tfidf": _fixed(4),
        },
    )


def collocation_table(
    collocations: pd.DataFrame, *, name: str, caption: str, score: str, n: int = 15
) -> Html:
    """The ``n`` best-scored pairs of adjacent terms; ``score`` heads the score column."""
    return markup.data_table(
        collocations.head(n),
        name=name,
        caption=caption,
        columns={"w1": "first term", "w2": "second term", "count": "pairs", "score": score},
        cells={"score": _fixed(2)},
    )


def english_table(english: pd.DataFrame, *, n: int = 25) -> Html:
    """The ``n`` terms of highest score against English (``english_keyness``)."""
    return markup.data_table(
        english.head(n),
        name="terms-english",
        caption=f"The {min(n, len(english))} terms that most set the essay apart from English",
        columns={
            "term": "term",
            "count": "count",
            "per_million_text": "per million (essay)",
            "per_million_english": "per million (English)",
            "score": "score",
            "log_ratio": "Log Ratio",
        },
        cells={
            "per_million_text": _fixed(0),
            "per_million_english": _fixed(2),
            "score": _fixed(2),
            "log_ratio": _fixed(2),
        },
    )


def kwic_table(frame: pd.DataFrame, *, term: str) -> Html:
    """A keyword-in-context table (:func:`~analysis.measures.terms.kwic`), linked to sentences."""
    return markup.data_table(
        frame,
        name=f"kwic-{term}",
        caption=f"Every occurrence of \u201c{term}\u201d in reading order ({len(frame)})",
        columns={"sentence_id": "sentence", "left": "before", "keyword": "term", "right": "after"},
        cells={"sentence_id": sentence_link},
    )


def trim_context(frame: pd.DataFrame, *, width: int) -> pd.DataFrame:
    """Cut the contexts of :func:`~analysis.measures.terms.kwic` at whole words, marking cuts "…".

    A context of ``width`` characters was cut inside the paragraph: the part
    word before the first space (left) or after the last space (right) is
    dropped and replaced by an ellipsis. Shorter contexts reach the
    paragraph's edge and are kept whole.

    >>> f = pd.DataFrame({"left": ["ab cd ", "x "], "keyword": ["k", "k"],
    ...                   "right": [" ef gh", "."]})
    >>> trim_context(f, width=6)[["left", "right"]].values.tolist()
    [['… cd ', ' ef …'], ['x ', '.']]
    """

    def left(text: str) -> str:
        cut = text.find(" ")
        return f"…{text[cut:]}" if len(text) >= width and cut >= 0 else text

    def right(text: str) -> str:
        cut = text.rfind(" ")
        return f"{text[: cut + 1]}…" if len(text) >= width and cut >= 0 else text

    return frame.assign(left=frame["left"].map(left), right=frame["right"].map(right))


def kwic_chooser(
    edition: Edition, units: TermUnits, terms: Sequence[str], *, width: int = 50
) -> Html:
    """A chooser over ``terms``; each panel is the term's keyword-in-context table."""
    options = []
    for term in terms:
        frame = trim_context(kwic(edition, units, term, width=width), width=width)
        options.append((term, f"{term} ({len(frame)})", kwic_table(frame, term=term)))
    return markup.chooser("kwic", "Show the contexts of", options)
