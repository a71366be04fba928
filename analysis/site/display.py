"""Show plotly figures on the edition's pages, offline and deterministically.

The pages are MyST notebooks executed by myst-nb. Plotly's default renderer
there emits only ``application/vnd.plotly.v1+json``, which the site cannot
show, and its ``notebook`` renderers inline 4.8 MB of plotly.js or fetch it from
a CDN. This module does two things instead:

* in the kernel, a plotly renderer named ``edition`` turns a figure into a
  MIME bundle of two representations: a small ``text/html`` fragment made by
  :func:`plotly.io.to_html` with neither plotly.js nor MathJax inside, and
  with a ``div`` id derived from the figure's name, so the same figure always
  gives the same HTML; and plotly's own ``application/vnd.plotly.v1+json``.
  myst-nb has no renderer for the plotly type and keeps the HTML for the
  site; JupyterLab, Notebook 7 and VS Code pick the plotly type and draw the
  figure offline with the extension that ships with plotly (the HTML alone
  draws nothing there: their pages do not load plotly.js);
* in Sphinx (through :mod:`analysis.site.extension`),
  ``plotly.min.js`` is copied from the installed plotly package to
  ``_static/plotly.min.js`` and loaded by the pages that hold a figure, and by
  no other page, with ``_static/plotly-templates.js`` (:data:`TEMPLATES_JS`):
  plotly's own light and dark templates, which ``edition.js`` applies to the
  figures when the reader switches the theme, and the dark values of the
  figures' data colours (:data:`analysis.site.figures.palette.DARK`), which it
  swaps in for the light ones in the dark theme.

A page activates the renderer once and then shows figures as usual::

    from analysis.site import display
    display.activate()
    fig = display.name_figure(fig, "terms-top")
    fig.show()
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import plotly
import plotly.graph_objects as go
import plotly.io as pio
from plotly.io.base_renderers import MimetypeRenderer, PlotlyRenderer

from analysis.site.figures.palette import DARK

__all__ = [
    "PLOTLY_CONFIG",
    "PLOTLY_JS",
    "PLOTLY_MIME",
    "RENDERER_NAME",
    "EditionRenderer",
    "SiteMimeRender",
    "activate",
    "add_plotly",
    "figure_html",
    "figure_id",
    "name_figure",
    "plotly_js_path",
    "templates_js",
]

RENDERER_NAME = "edition"
"""Name under which the renderer is registered in ``plotly.io.renderers``."""

PLOTLY_JS = "plotly.min.js"
"""File name of plotly.js in the site's ``_static`` folder."""

TEMPLATES_JS = "plotly-templates.js"
"""File name, in ``_static``, of the figures' templates for the light and dark themes."""

#: The plotly templates of each theme of the site; the dark one lets the page show through.
THEME_TEMPLATES = {"light": "plotly_white", "dark": "plotly_dark"}

PLOTLY_MIME = "application/vnd.plotly.v1+json"
"""Plotly's own MIME type, drawn by Jupyter's plotly extension."""

PLOTLY_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "responsive": True,
}
"""plotly.js configuration shared by every figure of the edition."""

_FIGURE_MARKER = 'class="plotly-graph-div"'
_DEFAULT_HEIGHT = "450px"
_used_ids: set[str] = set()


def figure_id(name: str) -> str:
    """Return the HTML id of the figure called ``name``.

    The prefix ``plotly-`` keeps it apart from the ids of the page's
    ``figure`` elements, which MyST names ``fig-...``: the caption's figure
    ``fig-terms-top`` wraps the plot ``plotly-terms-top``.

    >>> figure_id("Terms: top 20")
    'plotly-terms-top-20'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if not slug:
        raise ValueError(f"figure name {name!r} has no letter or digit")
    return f"plotly-{slug}"


def name_figure(fig: go.Figure, name: str) -> go.Figure:
    """Record ``name`` in ``fig.layout.meta`` and return ``fig``.

    The name fixes the figure's HTML id and the file name of its PNG download.

    >>> name_figure(go.Figure(), "actors").layout.meta
    {'name': 'actors'}
    """
    figure_id(name)  # reject a name that gives no id before touching fig
    meta = fig.layout.meta
    if meta is None:
        meta = {}
    elif not isinstance(meta, dict):
        raise ValueError("fig.layout.meta is already used for something other than a dict")
    fig.update_layout(meta={**meta, "name": name})
    return fig


def _figure_dict(fig: go.Figure | dict[str, Any]) -> dict[str, Any]:
    return fig.to_plotly_json() if isinstance(fig, go.Figure) else fig


def _name_of(fig_dict: dict[str, Any]) -> str:
    meta = fig_dict.get("layout", {}).get("meta")
    if isinstance(meta, dict) and isinstance(meta.get("name"), str):
        return meta["name"]
    # An unnamed figure is named by its content: still stable from run to run.
    content = json.dumps(fig_dict, sort_keys=True, cls=plotly.utils.PlotlyJSONEncoder)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:12]


def _unique(div_id: str) -> str:
    """Return ``div_id``, suffixed if it was already used in this kernel (one page)."""
    candidate, n = div_id, 1
    while candidate in _used_ids:
        n += 1
        candidate = f"{div_id}-{n}"
    _used_ids.add(candidate)
    return candidate


def _config(name: str) -> dict[str, Any]:
    """Return the plotly.js configuration of the figure called ``name``."""
    download_name = figure_id(name).removeprefix("plotly-")
    return {**PLOTLY_CONFIG, "toImageButtonOptions": {"filename": download_name}}


def figure_html(fig: go.Figure | dict[str, Any], *, div_id: str | None = None) -> str:
    """Return the HTML fragment that shows ``fig`` once ``Plotly`` is loaded.

    The fragment holds the figure's data and a call to ``Plotly.newPlot``; it
    neither includes nor fetches plotly.js or MathJax. ``div_id`` defaults to
    :func:`figure_id` of the figure's name (see :func:`name_figure`).
    """
    fig_dict = _figure_dict(fig)
    name = _name_of(fig_dict)
    return pio.to_html(
        fig_dict,
        config=_config(name),
        include_plotlyjs=False,
        include_mathjax=False,
        full_html=False,
        div_id=div_id or figure_id(name),
        default_height=_DEFAULT_HEIGHT,
        validate=False,
    )


class EditionRenderer(MimetypeRenderer):
    """Plotly renderer that emits :func:`figure_html` and plotly's own MIME type."""

    def to_mimebundle(self, fig_dict: dict[str, Any]) -> dict[str, Any]:
        """Return the MIME bundle for one figure: ``text/html`` and :data:`PLOTLY_MIME`."""
        name = _name_of(fig_dict)
        html = figure_html(fig_dict, div_id=_unique(figure_id(name)))
        # PlotlyRenderer adds the configuration to the dict it is given: a copy.
        plotly_json = PlotlyRenderer(config=_config(name)).to_mimebundle(dict(fig_dict))
        return {"text/html": html, PLOTLY_MIME: plotly_json[PLOTLY_MIME]}


def activate() -> None:
    """Register the ``edition`` renderer and make it plotly's default."""
    pio.renderers[RENDERER_NAME] = EditionRenderer()
    pio.renderers.default = RENDERER_NAME


def plotly_js_path() -> Path:
    """Return the path of the plotly.js bundle shipped in the installed plotly."""
    path = Path(plotly.__file__).parent / "package_data" / PLOTLY_JS
    if not path.is_file():
        raise FileNotFoundError(f"{path}: plotly.js is missing from the plotly package")
    return path


class SiteMimeRender:
    """myst-nb mime renderer (entry point ``myst_nb.mime_renderers``): plotly's type is for Jupyter.

    myst-nb renders every type of an output's bundle before choosing one; it
    has no renderer of its own for :data:`PLOTLY_MIME` and would warn
    (``mystnb.unknown_mime_type``, an error under ``-W``). This one renders it
    to nothing and takes it out of every builder's priorities, so that the site
    shows the ``text/html`` of the same bundle.
    """

    mime_priority_overrides: ClassVar[Sequence[tuple[str, str, int | None]]] = [
        ("*", PLOTLY_MIME, None)
    ]

    @staticmethod
    def handle_mime(renderer: Any, data: Any, inline: bool) -> list[Any] | None:
        """Render :data:`PLOTLY_MIME` to no node; leave every other type to myst-nb."""
        return [] if data.mime_type == PLOTLY_MIME else None


# Sphinx extension -----------------------------------------------------------


def _add_static_file(app: Any) -> None:
    """Have Sphinx copy plotly.js from the plotly package into ``_static``."""
    app.config.html_static_path.append(str(plotly_js_path()))


def templates_js() -> str:
    """The script that gives ``edition.js`` plotly's template of each theme, and dark colours.

    The dark template draws on a transparent paper, so that the page's own dark
    background shows through. ``EDITION_PLOTLY_COLOURS`` maps each light data
    colour of the figures (lower case, without spaces) to its dark value.
    """
    templates: dict[str, Any] = {}
    for theme, name in sorted(THEME_TEMPLATES.items()):
        template = pio.templates[name].to_plotly_json()
        if theme == "dark":
            layout = template.setdefault("layout", {})
            layout["paper_bgcolor"] = "rgba(0,0,0,0)"
            layout["plot_bgcolor"] = "rgba(0,0,0,0)"
        templates[theme] = template
    text = json.dumps(templates, sort_keys=True, separators=(",", ":"))
    colours = json.dumps(DARK, sort_keys=True, separators=(",", ":"))
    return (
        f"window.EDITION_PLOTLY_TEMPLATES = {text};\nwindow.EDITION_PLOTLY_COLOURS = {colours};\n"
    )


def _write_templates(app: Any, exception: Exception | None) -> None:
    """Write :func:`templates_js` into the site's ``_static`` folder."""
    if exception is None and app.builder.format == "html":
        (Path(app.outdir) / "_static" / TEMPLATES_JS).write_text(templates_js(), encoding="utf-8")


def _add_script(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Load plotly.js and the themes' templates, synchronously, on a page with a figure."""
    if doctree is not None and _FIGURE_MARKER in context.get("body", ""):
        app.add_js_file(PLOTLY_JS)
        app.add_js_file(TEMPLATES_JS)


def add_plotly(app: Any) -> None:
    """Serve plotly.js, from ``_static``, to the pages that show figures."""
    app.connect("builder-inited", _add_static_file)
    app.connect("html-page-context", _add_script)
    app.connect("build-finished", _write_templates)
