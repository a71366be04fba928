"""Figures of the actors: the co-mention heatmap, and how actors are drawn as markers.

:func:`comention_heatmap` draws a co-mention matrix computed elsewhere
(:mod:`analysis.measures.comentions`). The markers of the co-mention network
(:mod:`analysis.site.figures.network`) take their colour from the type of actor
(:data:`TYPE_COLOURS`), their size from the number of mentions
(:func:`node_sizes`) and the place of their label from :func:`label_places`.
Plotly reads some HTML in hover text and tick labels (``<b>``, ``<br>``,
entities), so every piece of register text is passed through
:func:`analysis.site.markup.escape` before it reaches the figure.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from analysis.site.display import name_figure
from analysis.site.figures.palette import HEAT, OKABE_ITO
from analysis.site.markup import escape

__all__ = [
    "TYPE_COLOURS",
    "comention_heatmap",
    "label_places",
    "node_sizes",
]

#: Colours of the types of actor (Okabe-Ito, safe for colour-blind readers).
TYPE_COLOURS: dict[str, str] = {
    "person": OKABE_ITO["blue"].light,
    "organisation": OKABE_ITO["vermillion"].light,
    "government": OKABE_ITO["orange"].light,
    "group": OKABE_ITO["pink"].light,
    "place": OKABE_ITO["green"].light,
}


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


#: The size of the network's plotting area, in pixels, that label placement assumes.
_PLOT_PX = (680.0, 520.0)
_LABEL_PX = (6.2, 14.0)  # width of a character and height of a line at font size 11
_PLACES = ("top center", "bottom center", "middle right", "middle left")
#: A label over another label costs this many times a label over a marker; the gap (px)
#: kept around a placed label absorbs the error of the estimated label widths.
_LABEL_WEIGHT = 10.0
_LABEL_GAP = 5.0
#: With ``inside``, a label cut by the edge of the plot costs most of all.
_OUTSIDE_WEIGHT = 1000.0
#: The space (px) plotly leaves between a marker and its text.
_TEXT_PAD = 3.0


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def label_places(
    points: Sequence[tuple[float, float]],
    sizes: Sequence[float],
    labels: Sequence[str],
    *,
    ranges: tuple[tuple[float, float], ...],
    plot_px: tuple[float, float] = _PLOT_PX,
    inside: bool = False,
) -> list[str]:
    """A ``textposition`` for each labelled point that keeps labels off each other.

    Greedy and deterministic: points are taken by decreasing marker size (then
    in order); each label goes to the first of top, bottom, right or left
    where it overlaps least (in estimated pixels) the markers and the labels
    already placed (with a gap around them), an overlap of labels costing
    :data:`_LABEL_WEIGHT` times one of a label and a marker. With ``inside``,
    the part of a label that would stand outside the plot (``plot_px``) counts
    as overlap too, :data:`_OUTSIDE_WEIGHT` times. An empty label gets ``"top center"``.
    """
    (x0, x1), (y0, y1) = ranges
    sx = plot_px[0] / ((x1 - x0) or 1.0)
    sy = plot_px[1] / ((y1 - y0) or 1.0)
    centres = [((x - x0) * sx, (y - y0) * sy) for x, y in points]
    plot = (0.0, 0.0, plot_px[0], plot_px[1])
    obstacles = [
        (cx - r, cy - r, cx + r, cy + r)
        for (cx, cy), r in zip(centres, (s / 2 for s in sizes), strict=True)
    ]
    placed: list[tuple[float, float, float, float]] = []  # the labels placed, with a gap
    places = ["top center"] * len(points)
    for k in sorted(range(len(points)), key=lambda k: (-sizes[k], k)):
        if not labels[k]:
            continue
        (cx, cy), r = centres[k], sizes[k] / 2 + _TEXT_PAD
        w, h = len(labels[k]) * _LABEL_PX[0], _LABEL_PX[1]
        boxes = {
            "top center": (cx - w / 2, cy + r, cx + w / 2, cy + r + h),
            "bottom center": (cx - w / 2, cy - r - h, cx + w / 2, cy - r),
            "middle right": (cx + r, cy - h / 2, cx + r + w, cy + h / 2),
            "middle left": (cx - r - w, cy - h / 2, cx - r, cy + h / 2),
        }
        others = [o for j, o in enumerate(obstacles) if j != k]
        cost = {
            p: (
                sum(_overlap(box, o) for o in others)
                + _LABEL_WEIGHT * sum(_overlap(box, o) for o in placed)
                + (_OUTSIDE_WEIGHT * (_overlap(box, box) - _overlap(box, plot)) if inside else 0.0),
                _PLACES.index(p),
            )
            for p, box in boxes.items()
        }
        best = min(_PLACES, key=cost.__getitem__)
        places[k] = best
        a, b, c, d = boxes[best]
        placed.append((a - _LABEL_GAP, b - _LABEL_GAP, c + _LABEL_GAP, d + _LABEL_GAP))
    return places


def comention_heatmap(
    matrix: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    value_label: str = "sentences with both",
    name: str = "actors-heatmap",
) -> go.Figure:
    """Draw a square co-mention matrix (:func:`analysis.measures.comentions.comention_matrix`).

    Rows and columns keep the matrix's order; ``labels`` maps its ids to the
    names shown (escaped; they must differ). The diagonal (an actor with
    itself) is left blank. Hovering a cell gives both names and its value.
    """
    ids = list(matrix.index)
    if list(matrix.columns) != ids:
        raise ValueError("the matrix must have the same actors, in the same order, on both axes")
    shown = [escape((labels or {}).get(i, i)) for i in ids]
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
            colorscale=[[at, shade.light] for at, shade in HEAT],
            xgap=1,
            ygap=1,
            hovertemplate=(
                f"%{{y}} \u2013 %{{x}}<br>{escape(value_label)}: %{{z:.3~g}}<extra></extra>"
            ),
            colorbar={"title": {"text": escape(value_label), "side": "right"}},
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
