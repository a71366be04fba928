"""Figures of the order of the witness against the reading order."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from analysis.site.display import name_figure
from analysis.site.figures.palette import BLUE, FAINT, GREY, RED
from analysis.site.markup import escape

__all__ = ["order_map", "segments_trace"]

MOVED = RED.light
KEPT = BLUE.light
HEADING = GREY.light


def segments_trace(
    xs: list[Any],
    ys: list[Any],
    texts: list[str | None],
    *,
    name: str,
    colour: str,
    width: int,
    size: int,
) -> go.Scatter:
    """One trace of line segments (points separated by None), each with its hover text."""
    return go.Scatter(
        x=xs,
        y=ys,
        mode="lines+markers",
        name=name,
        text=texts,
        hovertemplate="%{text}<extra></extra>",
        line={"color": colour, "width": width},
        marker={"size": size, "color": colour},
    )


def order_map(segments: pd.DataFrame, *, total_lines: int) -> go.Figure:
    """Map each segment from its place in W (x) to its place in the reading text (y).

    ``segments`` is :func:`analysis.text.order.order_segments`. A segment on the
    diagonal's slope stands where W has it; a red one was moved by the editor.
    """
    fig = go.Figure()
    for kind, colour, label in (
        ("kept", KEPT, "kept in place"),
        ("moved", MOVED, "moved (transposition)"),
        ("heading", HEADING, "heading"),
    ):
        if kind == "heading":
            rows = segments[segments["kind"] == "heading"]
        else:
            rows = segments[
                (segments["kind"] == "paragraph") & (segments["moved"] == (kind == "moved"))
            ]
        xs: list[float | None] = []
        ys: list[float | None] = []
        texts: list[str | None] = []
        for row in rows.itertuples():
            where = (
                f"\u00b6 {escape(str(row.paragraphs)).replace(';', ', ')}"
                if row.paragraphs
                else "heading"
            )
            hover = (
                f"W lines {row.first_line}\u2013{row.last_line} \u2192 reading lines "
                f"{row.reading_start + 1}\u2013{row.reading_end + 1} ({where})"
            )
            xs += [row.first_line, row.last_line, None]
            ys += [row.reading_start + 1, row.reading_end + 1, None]
            texts += [hover, hover, None]
        fig.add_trace(segments_trace(xs, ys, texts, name=label, colour=colour, width=4, size=6))
    fig.add_trace(
        go.Scatter(
            x=[1, total_lines],
            y=[1, len(range(int(segments["reading_end"].max()) + 1))],
            mode="lines",
            name="same order",
            hoverinfo="skip",
            line={"color": FAINT.light, "dash": "dot", "width": 1},
        )
    )
    fig.update_layout(
        height=520,
        margin={"t": 20, "r": 10, "b": 50, "l": 60},
        xaxis={"title": "line of the witness W"},
        yaxis={"title": "position in the reading text (lines)", "autorange": "reversed"},
        legend={"orientation": "h", "y": -0.15},
        template="plotly_white",
    )
    return name_figure(fig, "order-map")
