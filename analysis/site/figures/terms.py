"""Figures of the essay's vocabulary: frequencies, distinctive terms, trends, dispersion.

Every function takes frames computed by :mod:`analysis.measures.terms` (and section
labels from :func:`analysis.site.pages.sections.section_labels`) and only draws.
Text that reaches the chart (terms, headings, tokens as written) is escaped
with :func:`analysis.site.markup.escape`, since plotly.js reads a few HTML tags in labels and
hover boxes.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.site.display import name_figure
from analysis.site.figures.palette import BLUE, FAINT, OKABE_ITO, OLIVE, RED
from analysis.site.markup import escape

__all__ = [
    "SECTION_AXIS",
    "distinctive_terms",
    "section_ticks",
    "term_dispersion",
    "term_trends",
    "top_terms",
]

BAR = BLUE.light
KEY = RED.light
TFIDF = OLIVE.light
BOUNDARY = FAINT.light
#: Settings of an x axis whose ticks are the sections (:func:`section_ticks`): level, small.
SECTION_AXIS = {"tickangle": 0, "tickfont": {"size": 10}, "automargin": True}
#: Line colours of the trend chart, colour-blind safe (Okabe and Ito), in a fixed order.
PALETTE = tuple(
    OKABE_ITO[hue].light
    for hue in ("blue", "vermillion", "green", "pink", "orange", "sky", "black")
)
#: Dash styles of the trend lines, so that lines differ without colour too.
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")


def _wrapped(label: str, width: int = 12) -> str:
    """``label`` escaped, its lines of at most ``width`` characters joined by ``<br>``."""
    return "<br>".join(escape(line) for line in textwrap.wrap(label, width) or [""])


def section_ticks(sections: Sequence[str], labels: Mapping[str, str]) -> list[str]:
    """Tick labels of the sections: number and heading, escaped, wrapped with ``<br>``.

    >>> section_ticks(["s1", "s2"], {"s1": "Opening", "s2": "Who <governs>?"})
    ['1. Opening', '2. Who<br>&lt;governs&gt;?']
    """
    return [_wrapped(f"{k}. {labels.get(sid, sid)}") for k, sid in enumerate(sections, 1)]


def top_terms(frequencies: pd.DataFrame, *, n: int = 20) -> go.Figure:
    """Bar chart of the ``n`` most frequent terms, from :func:`~.terms.term_frequencies`.

    One horizontal bar per term, most frequent on top; the hover box gives the
    count and the rate per 1,000 word tokens.
    """
    top = frequencies.head(n)
    hover = [
        f"<b>{escape(r.term)}</b><br>{r.count:,} occurrences<br>{r.per_1000:.2f} per 1,000 words"
        for r in top.itertuples()
    ]
    fig = go.Figure(
        go.Bar(
            x=top["count"].tolist(),
            y=[escape(t) for t in top["term"]],
            orientation="h",
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            marker={"color": BAR},
            name="occurrences",
        )
    )
    fig.update_layout(
        height=max(300, 22 * len(top) + 80),
        margin={"t": 10, "r": 10, "b": 50, "l": 110},
        xaxis={"title": "occurrences in the reading text"},
        yaxis={"autorange": "reversed", "type": "category"},
        template="plotly_white",
        showlegend=False,
    )
    return name_figure(fig, "terms-top")


def distinctive_terms(
    keyness: pd.DataFrame, tfidf: pd.DataFrame, *, labels: Mapping[str, str], n: int = 10
) -> go.Figure:
    """Distinctive terms of one section at a time, chosen from a menu.

    Left, the terms of :func:`analysis.measures.terms.keyness` by G2 (hover: counts,
    rates and Log Ratio); right, the ``n`` terms of highest tf-idf
    (:func:`analysis.measures.terms.tfidf_by_section`). Sections follow ``labels``'
    order; two traces per section, those of the first visible at first.
    """
    sections = list(labels)
    fig = make_subplots(
        rows=1, cols=2, horizontal_spacing=0.22, subplot_titles=("keyness (G2)", "tf-idf")
    )
    for k, sid in enumerate(sections):
        key = keyness[keyness["section"] == sid].head(n)
        top = tfidf[tfidf["section"] == sid].head(n)
        where = escape(labels[sid])
        key_hover = [
            f"<b>{escape(r.term)}</b> in {where}<br>{r.count_section} here, {r.count_rest} "
            f"in the rest<br>{r.per_1000_section:.2f} vs {r.per_1000_rest:.2f} per 1,000 words"
            f"<br>G2 {r.g2:.2f}, Log Ratio {r.log_ratio:.2f}"
            for r in key.itertuples()
        ]
        tfidf_hover = [
            f"<b>{escape(r.term)}</b> in {where}<br>{r.count} occurrences<br>"
            f"tf {r.tf:.4f} \u00d7 idf {r.idf:.3f} = {r.tfidf:.4f}"
            for r in top.itertuples()
        ]
        fig.add_trace(
            go.Bar(
                x=key["g2"].tolist(),
                y=[escape(t) for t in key["term"]],
                orientation="h",
                customdata=key_hover,
                hovertemplate="%{customdata}<extra></extra>",
                marker={"color": KEY},
                name=f"G2: {where}",
                visible=k == 0,
                meta=sid,
            ),
            row=1,
            col=1,
        )
        fig.add_trace(
            go.Bar(
                x=top["tfidf"].tolist(),
                y=[escape(t) for t in top["term"]],
                orientation="h",
                customdata=tfidf_hover,
                hovertemplate="%{customdata}<extra></extra>",
                marker={"color": TFIDF},
                name=f"tf-idf: {where}",
                visible=k == 0,
                meta=sid,
            ),
            row=1,
            col=2,
        )
    buttons = [
        {
            "label": escape(f"{k + 1}. {labels[sid]}"),
            "method": "restyle",
            "args": [{"visible": [j // 2 == k for j in range(2 * len(sections))]}],
        }
        for k, sid in enumerate(sections)
    ]
    fig.update_layout(
        height=460,
        margin={"t": 90, "r": 10, "b": 50, "l": 100},
        template="plotly_white",
        showlegend=False,
        updatemenus=[
            {
                "name": "section",
                "type": "dropdown",
                "buttons": buttons,
                "active": 0,
                "x": 0,
                "xanchor": "left",
                "y": 1.22,
                "yanchor": "top",
            }
        ],
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title_text="G2 (log-likelihood)", row=1, col=1)
    fig.update_xaxes(title_text="tf-idf", row=1, col=2)
    return name_figure(fig, "terms-distinctive")


def term_trends(
    trends: pd.DataFrame, *, labels: Mapping[str, str], terms: Sequence[str] | None = None
) -> go.Figure:
    """Rate per 1,000 word tokens of each term across the sections (one line per term).

    ``trends`` is :func:`analysis.measures.terms.section_trends`; ``terms`` orders the
    lines and the legend (default: order of first row). Clicking a term in the
    legend hides or shows its line.
    """
    sections = list(labels)
    ticks = section_ticks(sections, labels)
    order = list(terms) if terms is not None else list(dict.fromkeys(trends["term"]))
    fig = go.Figure()
    for k, term in enumerate(order):
        rows = trends[trends["term"] == term].set_index("section").reindex(sections)
        hover = [
            f"<b>{escape(term)}</b> in {escape(labels[sid])}<br>"
            f"{int(r.count)} occurrences, {r.per_1000:.2f} per 1,000 words"
            for sid, r in zip(sections, rows.itertuples(), strict=True)
        ]
        fig.add_trace(
            go.Scatter(
                x=list(range(1, len(sections) + 1)),
                y=rows["per_1000"].tolist(),
                mode="lines+markers",
                name=escape(term),
                customdata=hover,
                hovertemplate="%{customdata}<extra></extra>",
                line={
                    "color": PALETTE[k % len(PALETTE)],
                    "dash": DASHES[k % len(DASHES)],
                    "width": 2,
                },
                marker={"size": 7},
            )
        )
    fig.update_layout(
        height=460,
        margin={"t": 20, "r": 10, "b": 90, "l": 60},
        template="plotly_white",
        xaxis={
            "tickmode": "array",
            "tickvals": list(range(1, len(sections) + 1)),
            "ticktext": ticks,
            "title": "",
            **SECTION_AXIS,
        },
        yaxis={"title": "per 1,000 words of the section", "rangemode": "tozero"},
        legend={"title": {"text": "term (click to hide)"}},
    )
    return name_figure(fig, "terms-trends")


def term_dispersion(
    dispersion: pd.DataFrame,
    totals: pd.DataFrame,
    *,
    labels: Mapping[str, str],
    terms: Sequence[str] | None = None,
) -> go.Figure:
    """Dispersion plot: a tick for each occurrence of a term along the reading text.

    ``dispersion`` is :func:`analysis.measures.terms.dispersion` (reading order),
    ``totals`` :func:`analysis.measures.terms.token_totals`, whose word tokens per
    section place the dotted section boundaries. ``terms`` orders the rows
    (top to bottom; default: order of first occurrence).
    """
    order = list(terms) if terms is not None else list(dict.fromkeys(dispersion["term"]))
    fig = go.Figure()
    for term in order:
        rows = dispersion[dispersion["term"] == term]
        hover = [
            f"<b>{escape(r.token)}</b> ({escape(term)})<br>word {r.position + 1:,}"
            f" ({r.fraction:.0%} of the text)<br>sentence {escape(r.sentence_id)}, "
            f"line {r.line} of W"
            for r in rows.itertuples()
        ]
        fig.add_trace(
            go.Scatter(
                x=rows["position"].tolist(),
                y=[escape(term)] * len(rows),
                mode="markers",
                name=escape(term),
                customdata=hover,
                hovertemplate="%{customdata}<extra></extra>",
                marker={"symbol": "line-ns-open", "size": 16, "line": {"width": 2}, "color": BAR},
            )
        )
    starts = totals["tokens"].cumsum().shift(fill_value=0).tolist()
    shapes, notes = [], []
    for k, (sid, start) in enumerate(zip(totals["section"], starts, strict=True), 1):
        if k > 1:
            shapes.append(
                {
                    "type": "line",
                    "xref": "x",
                    "yref": "paper",
                    "x0": start,
                    "x1": start,
                    "y0": 0,
                    "y1": 1,
                    "line": {"color": BOUNDARY, "dash": "dot", "width": 1},
                }
            )
        notes.append(
            {
                "x": start,
                "y": 1,
                "xref": "x",
                "yref": "paper",
                "yanchor": "bottom",
                "xanchor": "left",
                "showarrow": False,
                "text": f"\u00a7{k}",
                "hovertext": escape(labels.get(sid, sid)),
                "font": {"size": 11},
            }
        )
    fig.update_layout(
        height=max(260, 34 * len(order) + 110),
        margin={"t": 30, "r": 10, "b": 50, "l": 110},
        template="plotly_white",
        showlegend=False,
        shapes=shapes,
        annotations=notes,
        xaxis={
            "title": "position in the reading text (word tokens)",
            "rangemode": "tozero",
            "range": [0, int(totals["tokens"].sum())],
        },
        yaxis={"autorange": "reversed", "type": "category"},
    )
    return name_figure(fig, "terms-dispersion")
