"""Figures of the actors: the co-mention network and the co-mention heatmap.

Both take frames computed elsewhere (:mod:`analysis.actors`,
:mod:`analysis.comentions`, :mod:`analysis.network`) and only draw them.
Plotly reads some HTML in hover text, tick labels and node labels (``<b>``,
``<br>``, entities), so every piece of register text is passed through
:func:`html.escape` before it reaches the figure.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from ..display import name_figure

__all__ = [
    "MEASURE_LABELS",
    "TYPE_COLOURS",
    "WINDOW_LABELS",
    "comention_heatmap",
    "comention_network",
    "label_places",
    "node_sizes",
]

#: Colours of the types of actor (Okabe-Ito, safe for colour-blind readers).
TYPE_COLOURS: dict[str, str] = {
    "person": "#0072B2",
    "organisation": "#D55E00",
    "place": "#009E73",
    "group": "#CC79A7",
}

#: How the menus and hover texts name the windows and the measures.
WINDOW_LABELS: dict[str, str] = {"sentence": "same sentence", "paragraph": "same paragraph"}
MEASURE_LABELS: dict[str, str] = {"count": "count", "dice": "Dice", "pmi": "PMI", "g2": "G2"}

_EDGE_COLOUR = "rgba(60, 60, 60, 0.55)"
_NEGATIVE_COLOUR = "rgba(178, 24, 43, 0.55)"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def node_sizes(
    mentions: Sequence[int], *, smallest: float = 8.0, largest: float = 34.0
) -> list[float]:
    """Marker diameters whose areas grow with the number of mentions.

    The diameter goes with the square root of the mentions, scaled so that
    the most mentioned actor gets ``largest``; no marker is below ``smallest``.

    >>> node_sizes([1, 4, 16], smallest=2, largest=40)
    [10.0, 20.0, 40.0]
    """
    top = max(mentions, default=0)
    if top <= 0:
        return [smallest for _ in mentions]
    return [round(max(smallest, largest * math.sqrt(max(m, 0) / top)), 3) for m in mentions]


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


def _number(value: float) -> str:
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:.3g}"


#: The size of the network's plotting area, in pixels, that label placement assumes.
_PLOT_PX = (680.0, 520.0)
_LABEL_PX = (6.2, 14.0)  # width of a character and height of a line at font size 11
_PLACES = ("top center", "bottom center", "middle right", "middle left")


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def label_places(
    points: Sequence[tuple[float, float]],
    sizes: Sequence[float],
    labels: Sequence[str],
    *,
    ranges: tuple[tuple[float, float], ...],
    plot_px: tuple[float, float] = _PLOT_PX,
) -> list[str]:
    """A ``textposition`` for each labelled point that keeps labels off each other.

    Greedy and deterministic: points are taken by decreasing marker size (then
    in order); each label goes to the first of top, bottom, right or left
    where it overlaps least (in estimated pixels) the markers and the labels
    already placed. An empty label gets ``"top center"``.
    """
    (x0, x1), (y0, y1) = ranges
    sx = plot_px[0] / ((x1 - x0) or 1.0)
    sy = plot_px[1] / ((y1 - y0) or 1.0)
    centres = [((x - x0) * sx, (y - y0) * sy) for x, y in points]
    obstacles = [
        (cx - r, cy - r, cx + r, cy + r)
        for (cx, cy), r in zip(centres, (s / 2 for s in sizes), strict=True)
    ]
    places = ["top center"] * len(points)
    for k in sorted(range(len(points)), key=lambda k: (-sizes[k], k)):
        if not labels[k]:
            continue
        (cx, cy), r = centres[k], sizes[k] / 2
        w, h = len(labels[k]) * _LABEL_PX[0], _LABEL_PX[1]
        boxes = {
            "top center": (cx - w / 2, cy + r, cx + w / 2, cy + r + h),
            "bottom center": (cx - w / 2, cy - r - h, cx + w / 2, cy - r),
            "middle right": (cx + r, cy - h / 2, cx + r + w, cy + h / 2),
            "middle left": (cx - r - w, cy - h / 2, cx - r, cy + h / 2),
        }
        others = [o for j, o in enumerate(obstacles) if j != k]
        best = min(
            _PLACES, key=lambda p: (sum(_overlap(boxes[p], o) for o in others), _PLACES.index(p))
        )
        places[k] = best
        obstacles.append(boxes[best])
    return places


def _format(measure: str, value: float) -> str:
    return str(int(value)) if measure == "count" else f"{value:.3g}"


def comention_network(
    actor_table: pd.DataFrame,
    comention_tables: Mapping[str, pd.DataFrame],
    layout_positions: Mapping[str, tuple[float, float]],
    *,
    measures: Sequence[str] = ("count", "dice", "pmi", "g2"),
    label_min_mentions: int = 3,
    classes: int = 5,
    widths: tuple[float, float] = (0.8, 8.0),
    name: str = "actors-network",
) -> go.Figure:
    """Draw the actors as a network whose edges are their co-mentions.

    ``actor_table`` is :func:`analysis.actors.actor_table` (``id``, ``name``,
    ``type``, ``mentions``); ``comention_tables`` maps a window (``sentence``,
    ``paragraph``) to :func:`analysis.comentions.comentions` for it;
    ``layout_positions`` gives every actor's ``(x, y)``
    (:func:`analysis.network.layout`), so the nodes stay in place whatever the
    reader chooses. Node area grows with mentions (:func:`node_sizes`); actors
    with at least ``label_min_mentions`` mentions are labelled.

    For every (window, measure) there is one set of line traces, the edges
    grouped into ``classes`` line widths by the measure (equal intervals
    between its smallest and largest value; negative values, PMI below
    chance, dotted red). For every window an invisible marker at each edge's
    middle carries the hover text: the pair, the number of windows with both
    and every measure. Two dropdown menus choose the window (through the
    traces' ``visible``) and the measure (through the line traces'
    ``opacity``), independently of each other. Each trace's ``meta`` names its
    ``role`` (``edges``, ``edge-hover``, ``nodes``), window and measure.
    """
    missing = sorted(set(actor_table["id"]) - set(layout_positions))
    if missing:
        raise ValueError(f"no layout position for actor '{missing[0]}'")
    names = {i: _e(n) for i, n in zip(actor_table["id"], actor_table["name"], strict=True)}
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
    degree = {
        w: pd.concat([t["actor_a"], t["actor_b"]]).value_counts()
        for w, t in comention_tables.items()
    }
    sizes = dict(zip(actor_table["id"], node_sizes(list(actor_table["mentions"])), strict=True))
    ids = list(actor_table["id"])
    xs = [layout_positions[i][0] for i in ids]
    ys = [layout_positions[i][1] for i in ids]
    pad_x, pad_y = 0.12 * ((max(xs) - min(xs)) or 1), 0.06 * ((max(ys) - min(ys)) or 1)
    ranges = ((min(xs) - pad_x, max(xs) + pad_x), (min(ys) - pad_y, max(ys) + pad_y))
    shown = {
        i: names[i] if m >= label_min_mentions else ""
        for i, m in zip(ids, actor_table["mentions"], strict=True)
    }
    places = dict(
        zip(
            ids,
            label_places(
                list(zip(xs, ys, strict=True)),
                [sizes[i] for i in ids],
                [html.unescape(shown[i]) for i in ids],
                ranges=ranges,
            ),
            strict=True,
        )
    )
    for kind, colour in TYPE_COLOURS.items():
        rows = actor_table[actor_table["type"] == kind].sort_values("id")
        if rows.empty:
            continue
        hover = []
        for r in rows.itertuples(index=False):
            partners = ", ".join(f"{int(degree[w].get(r.id, 0))} in the {_e(w)}" for w in windows)
            hover.append(
                f"<b>{names[r.id]}</b><br>{_e(r.type)}<br>mentions: {int(r.mentions)}"
                f"<br>degree (actors co-mentioned): {partners}"
            )
        fig.add_trace(
            go.Scatter(
                x=[layout_positions[i][0] for i in rows["id"]],
                y=[layout_positions[i][1] for i in rows["id"]],
                mode="markers+text",
                name=kind,
                legendgroup=kind,
                marker={
                    "size": [sizes[i] for i in rows["id"]],
                    "color": colour,
                    "line": {"color": "white", "width": 1},
                    "sizemode": "diameter",
                },
                text=[shown[i] for i in rows["id"]],
                textposition=[places[i] for i in rows["id"]],
                textfont={"size": 11, "color": "#1a1a1a"},
                hovertext=hover,
                hoverinfo="text",
                meta={"role": "nodes", "type": kind},
            )
        )
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
    rows = table.sort_values(["actor_a", "actor_b"]).to_dict("records")
    meta = {"window": window, "measure": measure, "role": "edges"}
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
            f"{MEASURE_LABELS.get(m, m)} {_format(m, r[m])}" for m in measures if m != "count"
        )
        hover.append(
            f"{names[r['actor_a']]} \u2013 {names[r['actor_b']]}<br>"
            f"{WINDOW_LABELS.get(window, window)}: {int(r['count'])}"
            + (f"<br>{values}" if values else "")
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
    """The window and measure menus; at first the first window and the first measure."""
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


def comention_heatmap(
    matrix: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    value_label: str = "sentences with both",
    name: str = "actors-heatmap",
) -> go.Figure:
    """Draw a square co-mention matrix (:func:`analysis.comentions.comention_matrix`).

    Rows and columns keep the matrix's order; ``labels`` maps its ids to the
    names shown (escaped; they must differ). The diagonal (an actor with
    itself) is left blank. Hovering a cell gives both names and its value.
    """
    ids = list(matrix.index)
    if list(matrix.columns) != ids:
        raise ValueError("the matrix must have the same actors, in the same order, on both axes")
    shown = [_e((labels or {}).get(i, i)) for i in ids]
    if len(set(shown)) != len(shown):
        raise ValueError("two actors of the matrix have the same label")
    z = [
        [None if r == c else float(matrix.iat[r, c]) for c in range(len(ids))]
        for r in range(len(ids))
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=shown,
            y=shown,
            hoverongaps=False,
            colorscale="Blues",
            xgap=1,
            ygap=1,
            hovertemplate=f"%{{y}} \u2013 %{{x}}<br>{_e(value_label)}: %{{z:.3~g}}<extra></extra>",
            colorbar={"title": {"text": _e(value_label)}},
        )
    )
    side = 260 + 18 * len(ids)
    fig.update_layout(
        height=side,
        template="plotly_white",
        margin={"t": 20, "r": 10, "b": 10, "l": 10},
        xaxis={"side": "top", "tickangle": -45, "showgrid": False},
        yaxis={"autorange": "reversed", "showgrid": False},
    )
    return name_figure(fig, name)
