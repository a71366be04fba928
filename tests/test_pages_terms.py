"""Tests for analysis.site.pages.terms: the rules that pick terms, and the escaped HTML."""

from __future__ import annotations

import re

import pandas as pd

from analysis.measures import terms
from analysis.site.pages import terms as term_page
from analysis.site.pages.sections import section_labels

HOSTILE = 'a<&"b'


def test_sentence_link() -> None:
    assert str(term_page.sentence_link("p3.2")) == (
        '<a href="../text.html#p3.2" title="Sentence p3.2 in the reading text">p3.2</a>'
    )


def test_trend_terms_break_ties_by_term() -> None:
    frame = pd.DataFrame({"term": ["b", "a", "c", "d"], "count": [2, 2, 5, 1]})
    assert term_page.trend_terms(frame, n=3) == ["c", "a", "b"]


def test_key_terms_one_per_section_without_repeats() -> None:
    keyness = pd.DataFrame(
        {
            "section": ["s1", "s1", "s2", "s2", "s3"],
            "term": ["x", "y", "x", "z", "w"],
            "g2": [9.0, 4.0, 8.0, 8.0, 1.0],
        }
    )
    assert term_page.key_terms(keyness, ["s2", "s1", "s3", "s4"]) == ["x", "y", "w"]


def test_dispersion_terms() -> None:
    assert term_page.dispersion_terms(["a", "b"], ["b", "c", "a", "d"]) == ["a", "b", "c", "d"]


def test_trim_context_cuts_at_words() -> None:
    frame = pd.DataFrame(
        {"left": ["xyz abc ", "ab "], "keyword": ["k", "k"], "right": [" def ghi", " d"]}
    )
    out = term_page.trim_context(frame, width=8)
    assert out["left"].tolist() == ["\u2026 abc ", "ab "]
    assert out["right"].tolist() == [" def \u2026", " d"]


def test_distinctive_frame_joins_both_measures() -> None:
    keyness = pd.DataFrame(
        {
            "section": ["s1", "s2"],
            "term": ["x", "y"],
            "count_section": [3, 4],
            "count_rest": [0, 1],
            "per_1000_section": [1.0, 2.0],
            "per_1000_rest": [0.0, 0.1],
            "g2": [9.0, 7.0],
            "log_ratio": [3.0, 2.0],
        }
    )
    tfidf = pd.DataFrame(
        {
            "section": ["s1", "s1", "s2"],
            "term": ["z", "x", "q"],
            "count": [5, 3, 2],
            "tf": [0.5, 0.3, 0.2],
            "idf": [1.0, 1.0, 1.0],
            "tfidf": [0.5, 0.3, 0.2],
        }
    )
    frame = term_page.distinctive_frame(keyness, tfidf, sections=["s1", "s2"], n=10)
    assert frame[["section", "term"]].values.tolist() == [
        ["s1", "x"],
        ["s1", "z"],
        ["s2", "y"],
        ["s2", "q"],
    ]
    assert frame["count_section"].tolist() == [3, 5, 4, 2]
    assert pd.isna(frame.loc[1, "g2"]) and pd.isna(frame.loc[2, "tfidf"])
    html = str(term_page.distinctive_table(frame, labels={"s1": "One", "s2": "Two"}))
    assert "1. One" in html and "\u2013" in html


def test_tables_escape_terms() -> None:
    frequencies = pd.DataFrame({"term": [HOSTILE], "count": [2], "per_1000": [1.5], "s1": [2]})
    html = str(term_page.frequency_table(frequencies, labels={"s1": "Opening"}))
    assert HOSTILE not in html and "a&lt;&amp;&#34;b" in html
    assert 'type="search"' in html and "1. Opening" in html
    pairs = pd.DataFrame({"w1": [HOSTILE], "w2": ["x"], "count": [2], "score": [3.14159]})
    html = str(term_page.collocation_table(pairs, name="c", caption="c", score="PMI"))
    assert HOSTILE not in html and "3.14" in html


def test_kwic_chooser_links_every_line(edition) -> None:
    keyness = terms.keyness(edition)
    key = term_page.key_terms(keyness, list(section_labels(edition)))
    html = str(term_page.kwic_chooser(edition, key[:2]))
    assert html.count("data-chooser-panel=") == 2
    ids = {s.id for s in edition.sentences}
    linked = re.findall(r'href="\.\./text\.html#([^"]+)"', html)
    expected = sum(len(terms.kwic(edition, t)) for t in key[:2])
    assert len(linked) == expected and set(linked) <= ids
