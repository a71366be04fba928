"""The colours of the figures' data, each with its value for the light and the dark theme.

Every colour a reader must see (a bar, a line, a marker, the ends of a heatmap's
scale) reaches 3:1 against the page in both themes (WCAG 2.1, 1.4.11 "non-text
contrast"): against white in the light theme, against the dark theme's page
(pydata-sphinx-theme, about ``#14181e``, on which the figures' transparent paper
shows through) in the dark one. The hues are kept from colour-blind-safe
palettes: ColorBrewer's RdBu, RdGy, Blues and Dark2 (Cynthia Brewer,
colorbrewer2.org) and Okabe and Ito's eight colours (jfly.uni-koeln.de/color);
where a palette's colour falls under 3:1, a darker variant of its hue serves the
light theme and a lighter one the dark theme.

The figures are drawn with the light values (JupyterLab shows them so);
:data:`DARK` reaches the site's pages once, beside the plotly templates
(:func:`analysis.site.display.templates_js`), and ``edition.js`` swaps each
trace's colours for their dark values in the dark theme and back in the light one.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "BLUE",
    "DARK",
    "DARK2",
    "EDGE",
    "FAINT",
    "GREY",
    "HEAT",
    "NEGATIVE_EDGE",
    "OKABE_ITO",
    "OLIVE",
    "RED",
    "Shade",
]


class Shade(NamedTuple):
    """One colour of the figures: its value in the light theme and in the dark theme."""

    light: str
    dark: str


#: RdBu's blue and red: the two sides of every comparison (kept / moved, agree / disagree).
BLUE = Shade("#2166ac", "#6ba3d6")
RED = Shade("#b2182b", "#ef6f6c")
#: RdGy's grey: headings among sentences.
GREY = Shade("#4d4d4d", "#bababa")
#: A third colour beside blue and red (the tf-idf bars).
OLIVE = Shade("#4d7c0f", "#8fbf3f")
#: Guide lines (section boundaries, the diagonal of equal places): seen, but quiet.
FAINT = Shade("#767676", "#999999")

#: Okabe and Ito's colours by name; orange, sky blue and black are darkened (light theme)
#: or lightened (dark theme) where they fall under 3:1.
OKABE_ITO: dict[str, Shade] = {
    "blue": Shade("#0072b2", "#0072b2"),
    "vermillion": Shade("#d55e00", "#d55e00"),
    "green": Shade("#009e73", "#009e73"),
    "pink": Shade("#cc79a7", "#cc79a7"),
    "orange": Shade("#a87300", "#e69f00"),
    "sky": Shade("#2d87c0", "#56b4e9"),
    "black": Shade("#000000", "#e0e0e0"),
}

#: ColorBrewer's Dark2, in order; its green is darkened for the light theme.
DARK2: tuple[Shade, ...] = (
    Shade("#1b9e77", "#1b9e77"),
    Shade("#d95f02", "#d95f02"),
    Shade("#7570b3", "#7570b3"),
    Shade("#e7298a", "#e7298a"),
    Shade("#5a931a", "#66a61e"),
    Shade("#a6761d", "#a6761d"),
)

#: The network's edges (translucent, so that crossings show): positive and negative.
EDGE = Shade("rgba(60, 60, 60, 0.7)", "rgba(200, 200, 200, 0.7)")
NEGATIVE_EDGE = Shade("rgba(178, 24, 43, 0.7)", "rgba(239, 111, 108, 0.7)")

#: The sequential scale of the heatmaps (Blues): from fewer to more, both ends seen on the
#: page, so that no cell vanishes into it; in the dark theme more is lighter.
HEAT: tuple[tuple[float, Shade], ...] = (
    (0.0, Shade("#4292c6", "#3b7dbf")),
    (0.5, Shade("#2171b5", "#9ecae1")),
    (1.0, Shade("#08306b", "#f7fbff")),
)


def _key(colour: str) -> str:
    """A colour as ``edition.js`` looks it up: lower case, without spaces."""
    return colour.lower().replace(" ", "")


#: Every light value and the dark value that replaces it in the dark theme.
DARK: dict[str, str] = {
    _key(shade.light): shade.dark
    for shade in (
        BLUE,
        RED,
        GREY,
        OLIVE,
        FAINT,
        *OKABE_ITO.values(),
        *DARK2,
        EDGE,
        NEGATIVE_EDGE,
        *(shade for _, shade in HEAT),
    )
}
