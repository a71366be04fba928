"""Tests for analysis.site.figures.terms: traces, values from the frames, escaped hover text."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.site.figures import terms as figures
from analysis.site.markup import escape

HOSTILE = 'a<&"b'
ESCAPED = "a&lt;&amp;&#34;b"
LABELS = {"s1": "Opening", "s2": 'Who <governs> "here" & now?'}


def _texts(fig: go.Figure) -> list[str]:
    """Every string plotly.js would read as text: hover, ticks, names, buttons, annotations."""
    out: list[str] = []
    for trace in fig.data:
        out.append(trace.name or "")
        for values in (trace.customdata, trace.y, trace.x):
            if values is None:
                continue
            for v in values:
                out.extend(map(str, v) if isinstance(v, list | tuple) else [str(v)])
    layout = fig.layout.to_plotly_json()
    for axis in ("xaxis", "xaxis2", "yaxis", "yaxis2"):
        out.extend(map(str, layout.get(axis, {}).get("ticktext", []) or []))
    for menu in layout.get("updatemenus", []):
        out.extend(b["label"] for b in menu["buttons"])
    out.extend(a.get("hovertext", "") or "" for a in layout.get("annotations", []))
    return out


def _assert_escaped(fig: go.Figure) -> None:
    texts = _texts(fig)
    assert not any(HOSTILE in t for t in texts)
    assert not any("<governs>" in t or '"here"' in t for t in texts)
    assert any(ESCAPED in t for t in texts)


@pytest.fixture
def frequencies() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "term": ["mexico", HOSTILE, "drug"],
            "count": [10, 4, 2],
            "per_1000": [20.0, 8.0, 4.0],
            "s1": [6, 4, 0],
            "s2": [4, 0, 2],
        }
    )


@pytest.fixture
def keyness() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "section": ["s1", "s1", "s2"],
            "term": [HOSTILE, "mexico", "drug"],
            "count_section": [4, 6, 2],
            "count_rest": [0, 4, 0],
            "per_1000_section": [16.0, 24.0, 8.0],
            "per_1000_rest": [0.0, 16.0, 0.0],
            "g2": [9.5, 4.1, 5.0],
            "log_ratio": [4.0, 0.6, 3.0],
        }
    )


@pytest.fixture
def tfidf() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "section": ["s1", "s1", "s2", "s2"],
            "term": ["mexico", HOSTILE, "drug", "mexico"],
            "count": [6, 4, 2, 4],
            "tf": [0.024, 0.016, 0.008, 0.016],
            "idf": [1.0, 1.4, 1.4, 1.0],
            "tfidf": [0.024, 0.0224, 0.0112, 0.016],
        }
    )


def test_the_one_escaper_writes_entities_plotly_reads() -> None:
    assert escape(HOSTILE) == ESCAPED
    assert escape("it\u2019s") == "it\u2019s"
    assert "&quot;" not in escape('"')  # plotly.js shows &quot; as it stands


def test_section_ticks_number_escape_and_wrap() -> None:
    ticks = figures.section_ticks(list(LABELS), LABELS)
    assert ticks[0] == "1. Opening"
    assert "&lt;governs&gt;" in ticks[1] and "<br>" in ticks[1]
    assert "<governs>" not in ticks[1]


def test_top_terms(frequencies: pd.DataFrame) -> None:
    fig = figures.top_terms(frequencies, n=2)
    assert fig.layout.meta == {"name": "terms-top"}
    (bar,) = fig.data
    assert list(bar.x) == [10, 4]
    assert list(bar.y) == ["mexico", ESCAPED]
    assert "10 occurrences" in bar.customdata[0] and "20.00 per 1,000" in bar.customdata[0]
    _assert_escaped(fig)


def test_distinctive_terms(keyness: pd.DataFrame, tfidf: pd.DataFrame) -> None:
    fig = figures.distinctive_terms(keyness, tfidf, labels=LABELS, n=10)
    assert fig.layout.meta == {"name": "terms-distinctive"}
    assert len(fig.data) == 4
    assert [t.visible for t in fig.data] == [True, True, False, False]
    assert [t.meta for t in fig.data] == ["s1", "s1", "s2", "s2"]
    assert list(fig.data[0].x) == [9.5, 4.1]
    assert list(fig.data[1].x) == [0.024, 0.0224]
    assert list(fig.data[2].x) == [5.0]
    assert "Log Ratio 4.00" in fig.data[0].customdata[0]
    buttons = fig.layout.updatemenus[0].buttons
    assert [b.label for b in buttons] == ["1. Opening", escape("2. " + LABELS["s2"])]
    assert buttons[1].args[0]["visible"] == [False, False, True, True]
    _assert_escaped(fig)


def test_term_trends() -> None:
    trends = pd.DataFrame(
        {
            "section": ["s1", "s1", "s2", "s2"],
            "term": [HOSTILE, "mexico", HOSTILE, "mexico"],
            "count": [1, 3, 0, 2],
            "per_1000": [2.0, 6.0, 0.0, 4.0],
        }
    )
    fig = figures.term_trends(trends, labels=LABELS, terms=["mexico", HOSTILE])
    assert fig.layout.meta == {"name": "terms-trends"}
    assert [t.name for t in fig.data] == ["mexico", ESCAPED]
    assert list(fig.data[0].y) == [6.0, 4.0]
    assert list(fig.data[1].y) == [2.0, 0.0]
    assert list(fig.data[0].x) == [1, 2]
    assert "0 occurrences" in fig.data[1].customdata[1]
    _assert_escaped(fig)


def test_term_dispersion() -> None:
    positions = pd.DataFrame(
        {
            "term": ["mexico", HOSTILE, "mexico"],
            "token": ["Mexico", HOSTILE, "Mexico"],
            "position": [0, 5, 12],
            "fraction": [0.0, 0.25, 0.6],
            "line": [1, 2, 4],
            "paragraph_id": ["p1", "p1", "p2"],
            "sentence_id": ["p1.1", "p1.2", "p2.1"],
        }
    )
    totals = pd.DataFrame({"section": ["s1", "s2"], "tokens": [8, 12], "terms": [4, 6]})
    fig = figures.term_dispersion(positions, totals, labels=LABELS, terms=[HOSTILE, "mexico"])
    assert fig.layout.meta == {"name": "terms-dispersion"}
    assert [t.name for t in fig.data] == [ESCAPED, "mexico"]
    assert list(fig.data[1].x) == [0, 12]
    assert list(fig.data[0].x) == [5]
    assert "sentence p1.2" in fig.data[0].customdata[0]
    assert [s.x0 for s in fig.layout.shapes] == [8]
    assert list(fig.layout.xaxis.range) == [0, 20]
    _assert_escaped(fig)


def test_figures_are_deterministic(
    frequencies: pd.DataFrame, keyness: pd.DataFrame, tfidf: pd.DataFrame
) -> None:
    assert figures.top_terms(frequencies).to_json() == figures.top_terms(frequencies).to_json()
    first = figures.distinctive_terms(keyness, tfidf, labels=LABELS).to_json()
    assert first == figures.distinctive_terms(keyness, tfidf, labels=LABELS).to_json()


def test_figures_from_the_edition(edition) -> None:
    """The figures draw the frames analysis.measures.terms computes from the witness."""
    from analysis.measures import terms
    from analysis.site.pages.sections import section_labels

    labels = section_labels(edition)
    frequencies = terms.term_frequencies(edition)
    fig = figures.top_terms(frequencies, n=20)
    assert list(fig.data[0].x) == frequencies["count"].head(20).tolist()
    top = frequencies["term"].head(3).tolist()
    trends = terms.section_trends(edition, top)
    fig = figures.term_trends(trends, labels=labels, terms=top)
    for trace, term in zip(fig.data, top, strict=True):
        rows = trends[trends["term"] == term]
        assert list(trace.y) == rows["per_1000"].tolist()
        assert sum(rows["count"]) == int(frequencies.set_index("term").loc[term, "count"])
