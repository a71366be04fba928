"""The witness order, the proposed order and the editor's order of the blocks, side by side."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.site.display import name_figure
from analysis.site.figures.order import segments_trace
from analysis.site.figures.palette import BLUE, GREY, RED

__all__ = ["order_lanes"]

AGREE = BLUE.light
DISAGREE = RED.light
HEADING = GREY.light
LANES = ("witness W", "proposed", "editor")


def order_lanes(ranks: pd.DataFrame, *, disagreeing: set[int]) -> go.Figure:
    """One line per block through its rank in W, in the proposal and in the editor's order.

    ``ranks`` is :func:`analysis.measures.reordering.block_ranks`;
    ``disagreeing`` holds the blocks (1-based) after which tool and editor
    read on differently (red); headings are grey.
    """
    fig = go.Figure()
    groups = (
        ("agree", AGREE, "proposal and editor read on alike"),
        ("disagree", DISAGREE, "proposal and editor read on differently"),
        ("heading", HEADING, "heading"),
    )
    for kind, colour, label in groups:
        xs: list[str | None] = []
        ys: list[float | None] = []
        texts: list[str | None] = []
        for row in ranks.itertuples():
            row_kind = (
                "heading" if row.heading else ("disagree" if row.block in disagreeing else "agree")
            )
            if row_kind != kind:
                continue
            hover = (
                f"block {row.block}: W lines {row.first_line}\u2013{row.last_line}<br>"
                f"rank in W {row.witness_rank}, proposed {row.proposed_rank}, "
                f"editor {row.editor_rank}"
            )
            xs += [*LANES, None]
            ys += [row.witness_rank, row.proposed_rank, row.editor_rank, None]
            texts += [hover, hover, hover, None]
        fig.add_trace(segments_trace(xs, ys, texts, name=label, colour=colour, width=2, size=7))
    fig.update_layout(
        height=640,
        margin={"t": 20, "r": 10, "b": 50, "l": 60},
        xaxis={"title": "order", "categoryorder": "array", "categoryarray": list(LANES)},
        yaxis={"title": "rank of the block", "autorange": "reversed"},
        legend={"orientation": "h", "y": -0.1},
        template="plotly_white",
    )
    return name_figure(fig, "reorder-lanes")
