"""The co-mention network of the actors, with menus for the window and the measure.

:func:`comention_network` takes frames computed elsewhere
(:mod:`analysis.measures.mentions`, :mod:`analysis.measures.comentions`,
:mod:`analysis.measures.network`)
and only draws them: the actors as markers coloured by type, sized by
mentions and labelled clear of each other (:mod:`analysis.site.figures.actors`),
the co-mentions as edges whose width follows the measure chosen. Plotly reads
some HTML in hover text and node labels (``<b>``, ``<br>``, entities), so
every piece of register text is passed through :func:`analysis.site.markup.escape` before it
reaches the figure.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from analysis.site.display import name_figure
from analysis.site.figures.actors import TYPE_COLOURS, label_places, node_sizes
from analysis.site.figures.palette import EDGE, NEGATIVE_EDGE
from analysis.site.markup import escape

__all__ = ["ASSOCIATED", "MEASURE_LABELS", "PHONE_PLOT_PX", "WINDOW_LABELS", "comention_network"]

#: How the menus and hover texts name the windows and the measures.
WINDOW_LABELS: dict[str, str] = {"sentence": "same sentence", "paragraph": "same paragraph"}
MEASURE_LABELS: dict[str, str] = {
    "count": "count",
    "associated": "associated pairs (G2)",
    "dice": "Dice",
    "pmi": "PMI",
    "g2": "G2",
}

#: The menu entry that keeps only the pairs that pass the association test,
#: drawn by their G2 (:func:`analysis.measures.comentions.comentions`).
ASSOCIATED = "associated"
#: The plot of the network on a phone (390 px wide), in pixels: where its labels must fit.
PHONE_PLOT_PX = (320.0, 460.0)

_EDGE_COLOUR = EDGE.light
_NEGATIVE_COLOUR = NEGATIVE_EDGE.light


def _width_classes(
    values: Sequence[float], *, classes: int, widths: tuple[float, float]
) -> list[tuple[int, float]]:
    """Put each value in one of ``classes`` equal intervals; return (class, line width)."""
    low, high = min(values), max(values)
    out = []
    for v in values:
        frac = 1.0 if high == low else (v - low) / (high - low)
        k = min(int(frac * classes), classes - 1)
        out.append((k, round(widths[0] + (widths[1] - widths[0]) * k / max(classes - 1, 1), 3)))
    return out


def _format(measure: str, value: float) -> str:
    return str(int(value)) if measure == "count" else f"{value:.3g}"


def comention_network(
    actor_table: pd.DataFrame,
    comention_tables: Mapping[str, pd.DataFrame],
    layout_positions: Mapping[str, tuple[float, float]],
    *,
    measures: Sequence[str] = ("count", ASSOCIATED, "pmi", "g2"),
    label_min_mentions: int = 3,
    phone_labels: int = 8,
    classes: int = 5,
    widths: tuple[float, float] = (0.8, 8.0),
    name: str = "actors-network",
) -> go.Figure:
    """Draw the actors as a network whose edges are their co-mentions.

    ``actor_table`` is :func:`analysis.measures.mentions.actor_table` (``id``, ``name``,
    ``type``, ``mentions``); ``comention_tables`` maps a window (``sentence``,
    ``paragraph``) to :func:`analysis.measures.comentions.comentions` for it;
    ``layout_positions`` gives every actor's ``(x, y)``
    (:func:`analysis.measures.network.layout`), so the nodes stay in place whatever the
    reader chooses. Node area grows with mentions (:func:`node_sizes`); actors
    with at least ``label_min_mentions`` mentions are labelled, and on a phone
    the ``phone_labels`` most mentioned (every node has its hover box).

    For every (window, measure) there is one set of line traces, the edges
    grouped into ``classes`` line widths by the measure (equal intervals
    between its smallest and largest value; negative values, PMI below
    chance, dotted red). The measure :data:`ASSOCIATED` draws only the pairs
    whose ``associated`` column is true, by their G2: the raw count shows who
    is named together most, this who is named together more than chance.
    For every window an invisible marker at each edge's middle carries the
    hover text: the pair, the number of windows with both, every measure and
    whether the pair is associated. Two dropdown menus choose the window (through the
    traces' ``visible``) and the measure (through the line traces'
    ``opacity``), independently of each other. Each trace's ``meta`` names its
    ``role`` (``edges``, ``edge-hover``, ``nodes``, ``labels``), window and measure.
    """
    missing = sorted(set(actor_table["id"]) - set(layout_positions))
    if missing:
        raise ValueError(f"no layout position for actor '{missing[0]}'")
    names = {i: escape(n) for i, n in zip(actor_table["id"], actor_table["name"], strict=True)}
    windows = list(comention_tables)
    fig = go.Figure()
    for window in windows:
        table = comention_tables[window]
        for measure in measures:
            fig.add_traces(
                _edge_lines(
                    table, measure, window, layout_positions, classes=classes, widths=widths
                )
            )
        fig.add_trace(_edge_hover(table, window, measures, names, layout_positions))
    edge_count = len(fig.data)
    nodes, ranges = _node_traces(
        actor_table,
        names,
        comention_tables,
        layout_positions,
        label_min_mentions=label_min_mentions,
        phone_labels=phone_labels,
    )
    fig.add_traces(nodes)
    _add_menus(fig, windows, measures, edge_count)
    fig.update_layout(
        height=640,
        template="plotly_white",
        hovermode="closest",
        margin={"t": 70, "r": 10, "b": 10, "l": 10},
        xaxis={"visible": False, "range": list(ranges[0])},
        yaxis={"visible": False, "range": list(ranges[1])},
        legend={"title": {"text": "type"}, "orientation": "h", "y": -0.02},
    )
    return name_figure(fig, name)


def _node_traces(
    actor_table: pd.DataFrame,
    names: Mapping[str, str],
    comention_tables: Mapping[str, pd.DataFrame],
    layout_positions: Mapping[str, tuple[float, float]],
    *,
    label_min_mentions: int,
    phone_labels: int,
) -> tuple[list[go.Scatter], tuple[tuple[float, float], tuple[float, float]]]:
    """One marker trace per type of actor, one trace of labels, and the axis ranges.

    Markers are sized by mentions (:func:`node_sizes`); actors with at least
    ``label_min_mentions`` mentions are labelled where the label is clear of
    the others (:func:`label_places`); the hover box gives the type, the
    mentions and the degree in each window. The labels are one trace of text
    above the markers; for a phone, its ``meta["narrow"]`` holds other labels:
    the ``phone_labels`` most mentioned actors only (ties by id), placed in a
    plot of :data:`PHONE_PLOT_PX` and kept inside it.
    """
    ids = list(actor_table["id"])
    sizes = dict(zip(ids, node_sizes(list(actor_table["mentions"])), strict=True))
    xs = [layout_positions[i][0] for i in ids]
    ys = [layout_positions[i][1] for i in ids]
    pad_x, pad_y = 0.12 * ((max(xs) - min(xs)) or 1), 0.06 * ((max(ys) - min(ys)) or 1)
    ranges = ((min(xs) - pad_x, max(xs) + pad_x), (min(ys) - pad_y, max(ys) + pad_y))
    shown = {
        i: names[i] if m >= label_min_mentions else ""
        for i, m in zip(ids, actor_table["mentions"], strict=True)
    }
    most = actor_table.sort_values(["mentions", "id"], ascending=[False, True])["id"]
    phone = {i: names[i] if i in set(most[:phone_labels]) else "" for i in ids}

    def placed(labels: Mapping[str, str], **options: Any) -> dict[str, str]:
        texts = [html.unescape(labels[i]) for i in ids]
        points, marks = list(zip(xs, ys, strict=True)), [sizes[i] for i in ids]
        return dict(zip(ids, label_places(points, marks, texts, **options), strict=True))

    places = placed(shown, ranges=ranges)
    phone_places = placed(phone, ranges=ranges, plot_px=PHONE_PLOT_PX, inside=True)
    degree = {
        w: pd.concat([t["actor_a"], t["actor_b"]]).value_counts()
        for w, t in comention_tables.items()
    }
    traces = []
    for kind, colour in TYPE_COLOURS.items():
        rows = actor_table[actor_table["type"] == kind].sort_values("id")
        if rows.empty:
            continue
        hover = [
            f"<b>{names[r.id]}</b><br>{escape(r.type)}<br>mentions: {int(r.mentions)}"
            "<br>degree (actors co-mentioned): "
            + ", ".join(f"{int(degree[w].get(r.id, 0))} in the {escape(w)}" for w in degree)
            for r in rows.itertuples(index=False)
        ]
        traces.append(
            go.Scatter(
                x=[layout_positions[i][0] for i in rows["id"]],
                y=[layout_positions[i][1] for i in rows["id"]],
                mode="markers",
                name=kind,
                legendgroup=kind,
                marker={
                    "size": [sizes[i] for i in rows["id"]],
                    "color": colour,
                    # opaque (plotly draws sized markers at 0.7), so the colour keeps its contrast
                    "opacity": 1,
                    "line": {"color": "white", "width": 1},
                    "sizemode": "diameter",
                },
                hovertext=hover,
                hoverinfo="text",
                meta={"role": "nodes", "type": kind},
            )
        )
    # The labels, drawn above every marker so that no marker hides one.
    traces.append(
        go.Scatter(
            x=xs,
            y=ys,
            # markers as large as the nodes', unseen, so that labels stand off them as placed
            mode="markers+text",
            marker={"size": [sizes[i] for i in ids], "opacity": 0, "sizemode": "diameter"},
            text=[shown[i] for i in ids],
            textposition=[places[i] for i in ids],
            textfont={"size": 11},  # the colour of the theme's template (edition.js)
            hoverinfo="skip",
            showlegend=False,
            meta={
                "role": "labels",
                # the labels of a phone, which edition.js swaps in on a narrow screen
                "narrow": {
                    "text": [phone[i] for i in ids],
                    "textposition": [phone_places[i] for i in ids],
                },
            },
        )
    )
    return traces, ranges


def _edge_lines(
    table: pd.DataFrame,
    measure: str,
    window: str,
    pos: Mapping[str, tuple[float, float]],
    *,
    classes: int,
    widths: tuple[float, float],
) -> list[go.Scatter]:
    """The line traces of one (window, measure): one per width class and sign."""
    meta = {"window": window, "measure": measure, "role": "edges"}
    if measure == ASSOCIATED:
        table, measure = table[table["associated"]], "g2"
    rows = table.sort_values(["actor_a", "actor_b"]).to_dict("records")
    if not rows:
        return [go.Scatter(x=[], y=[], mode="lines", showlegend=False, hoverinfo="skip", meta=meta)]
    width_of = _width_classes([float(r[measure]) for r in rows], classes=classes, widths=widths)
    groups: dict[tuple[bool, int, float], tuple[list, list]] = {}
    for r, (k, width) in zip(rows, width_of, strict=True):
        (xa, ya), (xb, yb) = pos[r["actor_a"]], pos[r["actor_b"]]
        xs, ys = groups.setdefault((float(r[measure]) < 0, k, width), ([], []))
        xs += [xa, xb, None]
        ys += [ya, yb, None]
    return [
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            showlegend=False,
            hoverinfo="skip",
            line={
                "width": width,
                "color": _NEGATIVE_COLOUR if negative else _EDGE_COLOUR,
                "dash": "dot" if negative else "solid",
            },
            meta={**meta, "width_class": k, "negative": negative},
        )
        for (negative, k, width), (xs, ys) in sorted(groups.items())
    ]


def _edge_hover(
    table: pd.DataFrame,
    window: str,
    measures: Sequence[str],
    names: Mapping[str, str],
    pos: Mapping[str, tuple[float, float]],
) -> go.Scatter:
    """An invisible marker at the middle of each edge of a window, with its hover text.

    The text gives the pair, the number of windows with both and every measure.
    """
    rows = table.sort_values(["actor_a", "actor_b"]).to_dict("records")
    mid_x, mid_y, hover = [], [], []
    for r in rows:
        (xa, ya), (xb, yb) = pos[r["actor_a"]], pos[r["actor_b"]]
        mid_x.append(round((xa + xb) / 2, 4))
        mid_y.append(round((ya + yb) / 2, 4))
        values = " \u00b7 ".join(
            f"{MEASURE_LABELS.get(m, m)} {_format(m, r[m])}"
            for m in measures
            if m not in ("count", ASSOCIATED)
        )
        test = ""
        if "associated" in r:
            verdict = "associated" if r["associated"] else "not associated"
            test = f"<br>{verdict} (expected {r['expected']:.2g}, p = {r['p_value']:.2g})"
        hover.append(
            f"{names[r['actor_a']]} \u2013 {names[r['actor_b']]}<br>"
            f"{WINDOW_LABELS.get(window, window)}: {int(r['count'])}"
            + (f"<br>{values}" if values else "")
            + test
        )
    return go.Scatter(
        x=mid_x,
        y=mid_y,
        mode="markers",
        showlegend=False,
        hovertext=hover,
        hoverinfo="text",
        marker={"size": 10, "opacity": 0, "color": "#000000"},
        meta={"window": window, "role": "edge-hover"},
    )


def _add_menus(
    fig: go.Figure, windows: Sequence[str], measures: Sequence[str], edge_count: int
) -> None:
    """The window and measure menus, each captioned by an annotation of its name.

    At first the first window and the first measure are shown. ``edition.js``
    hides a menu on a narrow screen, where labelled selects stand in for it
    (:func:`analysis.site.markup.figure_menus`), and hides its caption with it:
    the caption is the annotation named as the menu.
    """
    edges = fig.data[:edge_count]
    indices = list(range(edge_count))
    lines = [k for k, t in enumerate(edges) if t.meta["role"] == "edges"]
    for trace in edges:
        trace.visible = trace.meta["window"] == windows[0]
        if trace.meta["role"] == "edges":
            trace.opacity = 1 if trace.meta["measure"] == measures[0] else 0

    window_buttons = [
        {
            "label": WINDOW_LABELS.get(w, w),
            "method": "restyle",
            "args": [{"visible": [t.meta["window"] == w for t in edges]}, indices],
        }
        for w in windows
    ]
    measure_buttons = [
        {
            "label": MEASURE_LABELS.get(m, m),
            "method": "restyle",
            "args": [
                {"opacity": [1 if edges[k].meta["measure"] == m else 0 for k in lines]},
                lines,
            ],
        }
        for m in measures
    ]
    common = {
        "type": "dropdown",
        "direction": "down",
        "showactive": True,
        "active": 0,
        "xanchor": "left",
        "yanchor": "bottom",
        "y": 1.02,
        "pad": {"r": 4, "t": 0},
    }
    fig.update_layout(
        updatemenus=[
            {**common, "name": "window", "buttons": window_buttons, "x": 0.09},
            {**common, "name": "measure", "buttons": measure_buttons, "x": 0.47},
        ],
        annotations=[
            {
                "name": "window",  # a menu's caption, shown and hidden with it (edition.js)
                "text": "window:",
                "x": 0,
                "y": 1.035,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
            },
            {
                "name": "measure",  # a menu's caption, shown and hidden with it (edition.js)
                "text": "measure:",
                "x": 0.33,
                "y": 1.035,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
            },
        ],
    )
