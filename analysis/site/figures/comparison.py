"""Figures comparing the measures on the witness order and on the reading order."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.site.display import name_figure
from analysis.site.figures.palette import BLUE, DARK2, RED
from analysis.site.markup import escape

__all__ = ["agreement_chart", "dispersion_comparison"]

SAME = BLUE.light
DIFFERENT = RED.light


def agreement_chart(comparison: pd.DataFrame) -> go.Figure:
    """Bar per measure: the share of results the two orders have in common.

    ``comparison`` is :func:`analysis.measures.comparison.order_comparison`.
    """
    rows = comparison.iloc[::-1]
    colours = [DIFFERENT if d else SAME for d in rows["depends_on_order"]]
    hover = [
        f"{escape(m)}<br>{escape(u)}<br>reading order: {r}, witness order: {w}"
        f"<br>shared: {s}, agreement {a:.0%}"
        for m, u, r, w, s, a in zip(
            rows["measure"],
            rows["unit"],
            rows["reading"],
            rows["witness"],
            rows["shared"],
            rows["agreement"],
            strict=True,
        )
    ]
    fig = go.Figure(
        go.Bar(
            x=rows["agreement"],
            y=[escape(m) for m in rows["measure"]],
            orientation="h",
            marker={"color": colours},
            text=[f"{a:.0%}" for a in rows["agreement"]],
            textposition="auto",
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    fig.update_layout(
        height=360,
        margin={"t": 10, "r": 10, "b": 50, "l": 10},
        xaxis={
            "title": "agreement<br>(shared / all results)",
            "range": [0, 1],
            "tickformat": ".0%",
        },
        template="plotly_white",
    )
    return name_figure(fig, "order-agreement")


def dispersion_comparison(reading: pd.DataFrame, witness: pd.DataFrame) -> go.Figure:
    """Where chosen terms occur, along the reading text (top) and along W (bottom).

    Both frames come from :func:`analysis.measures.terms.dispersion` (``order="reading"``
    and ``order="witness"``); positions are shown as fractions of the text.
    """
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.12,
        subplot_titles=("reading order", "order of the witness W"),
    )
    terms = list(dict.fromkeys(reading["term"]))
    palette = [shade.light for shade in DARK2]
    for row, frame in ((1, reading), (2, witness)):
        for i, term in enumerate(terms):
            hits = frame[frame["term"] == term]
            fig.add_trace(
                go.Scatter(
                    x=hits["fraction"],
                    y=[escape(term)] * len(hits),
                    mode="markers",
                    name=escape(term),
                    legendgroup=term,
                    showlegend=row == 1,
                    marker={
                        "symbol": "line-ns-open",
                        "size": 14,
                        "color": palette[i % len(palette)],
                    },
                    text=[
                        f"{escape(str(t))} \u00b7 {escape(str(s))} \u00b7 W line {ln}"
                        for t, s, ln in zip(
                            hits["token"], hits["sentence_id"], hits["line"], strict=True
                        )
                    ],
                    hovertemplate="%{text}<extra></extra>",
                ),
                row=row,
                col=1,
            )
    fig.update_xaxes(
        range=[0, 1], tickformat=".0%", title_text="position in the text", row=2, col=1
    )
    fig.update_layout(
        height=480,
        margin={"t": 40, "r": 10, "b": 50, "l": 10},
        template="plotly_white",
        legend={"orientation": "h", "y": -0.2},
    )
    return name_figure(fig, "order-dispersion")
