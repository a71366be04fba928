"""Figures of the essay's sections: their size and the actors each one names.

The functions take frames computed by :mod:`analysis.measures.statistics` and
:mod:`analysis.site.pages.sections` and only draw; text put into the chart is escaped with
:func:`analysis.site.figures.terms.escape`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.site.display import name_figure
from analysis.site.figures.palette import BLUE, HEAT, OKABE_ITO
from analysis.site.figures.terms import SECTION_AXIS, section_ticks
from analysis.site.markup import escape, plural

__all__ = ["actor_mentions", "section_sizes"]

WORDS = BLUE.light
SENTENCES = OKABE_ITO["vermillion"].light
PARAGRAPHS = OKABE_ITO["green"].light


def section_sizes(stats: pd.DataFrame, *, labels: Mapping[str, str]) -> go.Figure:
    """Words (top panel) and sentences and paragraphs (bottom panel) of each section.

    ``stats`` is :func:`analysis.measures.statistics.section_statistics`, ``labels``
    maps section ids to headings in reading order
    (:func:`analysis.site.pages.sections.section_labels`). The hover box of every bar
    gives the section and its three counts.
    """
    rows = stats.set_index("section_id").reindex(list(labels))
    ticks = section_ticks(list(labels), labels)
    hover = [
        f"<b>{escape(f'{k}. {labels[sid]}')}</b><br>{int(r.words):,} words, "
        f"{plural(int(r.sentences), 'sentence')}, {plural(int(r.paragraphs), 'paragraph')}"
        for k, (sid, r) in enumerate(zip(labels, rows.itertuples(), strict=True), 1)
    ]
    fig = make_subplots(
        rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08, row_heights=[0.55, 0.45]
    )
    series = (
        ("words", "words", WORDS, 1),
        ("sentences", "sentences", SENTENCES, 2),
        ("paragraphs", "paragraphs", PARAGRAPHS, 2),
    )
    for column, name, colour, row in series:
        fig.add_trace(
            go.Bar(
                x=ticks,
                y=[int(v) for v in rows[column]],
                name=name,
                marker={"color": colour},
                customdata=hover,
                hovertemplate="%{customdata}<extra></extra>",
            ),
            row=row,
            col=1,
        )
    fig.update_layout(
        height=520,
        margin={"t": 20, "r": 10, "b": 90, "l": 60},
        template="plotly_white",
        barmode="group",
        legend={"orientation": "h", "y": 1.06, "x": 0},
    )
    fig.update_xaxes(type="category", **SECTION_AXIS)
    fig.update_yaxes(title_text="word tokens", row=1, col=1)
    fig.update_yaxes(title_text="sentences, paragraphs", row=2, col=1)
    return name_figure(fig, "sections-sizes")


def actor_mentions(counts: pd.DataFrame, *, labels: Mapping[str, str]) -> go.Figure:
    """Heatmap of mentions: actors (rows, most mentioned on top) by section (columns).

    ``counts`` is :func:`analysis.site.pages.sections.actor_section_counts`;
    ``labels`` maps section ids to headings, in reading order. Each cell shows
    its count; the hover box names the actor and the section.
    """
    sections = list(labels)
    actors = list(dict.fromkeys(counts["actor_id"]))
    names = dict(zip(counts["actor_id"], counts["name"], strict=True))
    cell = counts.set_index(["actor_id", "section"])["mentions"]
    z = [[int(cell.get((a, s), 0)) for s in sections] for a in actors]
    hover = [
        [
            f"<b>{escape(names[a])}</b><br>{escape(f'{k}. {labels[s]}')}<br>"
            f"{z[i][k - 1]} mention{'s' if z[i][k - 1] != 1 else ''}"
            for k, s in enumerate(sections, 1)
        ]
        for i, a in enumerate(actors)
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=section_ticks(sections, labels),
            y=[escape(names[a]) for a in actors],
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=[[at, shade.light] for at, shade in HEAT],
            zmin=0,
            texttemplate="%{z}",
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": "mentions", "side": "right"}},
        )
    )
    fig.update_layout(
        height=max(320, 34 * len(actors) + 140),
        margin={"t": 20, "r": 10, "b": 90, "l": 170},
        template="plotly_white",
        xaxis={"type": "category", **SECTION_AXIS},
        yaxis={"type": "category", "autorange": "reversed"},
    )
    return name_figure(fig, "sections-actors")
