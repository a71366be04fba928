"""HTML fragments for the book's pages, with every piece of text escaped.

Pages display the objects these functions return (they have ``_repr_html_``);
the text of the witness or the register never reaches HTML unescaped, so a
quotation mark, ``<``, ``&`` or a Markdown construct shows literally.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "Html",
    "chooser",
    "data_table",
    "details",
    "escape",
    "figure_menus",
    "figure_text",
    "join",
    "link",
    "place_link",
    "plural",
]

#: Where the reading text lies, seen from a page in ``book/analyses/``.
TEXT_PAGE = "../text.html"


@dataclass(frozen=True)
class Html:
    """A fragment of HTML that notebooks display as it is."""

    text: str

    def _repr_html_(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def escape(value: Any) -> str:
    """Escape ``value`` for HTML text and attributes and for plotly text: the one escaper.

    ``& < >`` and both quotation marks become entities; ``"`` is written
    ``&#34;`` (not ``&quot;``, which plotly.js shows as it stands), so the same
    string serves an HTML attribute and a plotly hover box. ``None`` is empty.

    >>> escape('a<&"b')
    'a&lt;&amp;&#34;b'
    """
    return html.escape("" if value is None else str(value), quote=True).replace("&quot;", "&#34;")


_e = escape


def link(text: Any, href: str, *, title: str = "") -> Html:
    """An ``<a>`` element; text, address and title are escaped.

    >>> str(link("<p12.3>", "../text.html#p12.3", title='say "hi"'))
    '<a href="../text.html#p12.3" title="say &#34;hi&#34;">&lt;p12.3&gt;</a>'
    """
    t = f' title="{_e(title)}"' if title else ""
    return Html(f'<a href="{_e(href)}"{t}>{_e(text)}</a>')


def join(parts: Sequence[Html | str], sep: str = ", ") -> Html:
    """Join fragments (escaping plain strings) with ``sep`` (escaped too)."""
    return Html(_e(sep).join(p.text if isinstance(p, Html) else _e(p) for p in parts))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "table"


def data_table(
    frame: pd.DataFrame,
    *,
    name: str,
    caption: str,
    columns: Mapping[str, str] | None = None,
    cells: Mapping[str, Callable[[Any], Html | str]] | None = None,
    links: Mapping[str, str] | None = None,
    searchable: bool = False,
    number_format: str = "{:,.3g}",
) -> Html:
    """Render ``frame`` as an accessible HTML table, optionally with a search box.

    ``columns`` maps column names to headers (and chooses and orders them);
    ``cells`` maps a column to a function giving its cell (an :class:`Html` is
    kept as it is, anything else is escaped); ``links`` maps a column to an
    address template, ``{}`` standing for the cell's value, and makes the cell
    a link (``{"sentence_id": "../text.html#{}"}``). A searchable table gets a labelled
    ``<input>`` that filters its rows (``edition.js``), reachable by keyboard.

    >>> df = pd.DataFrame({"term": ["<b>"], "count": [3]})
    >>> "&lt;b&gt;" in str(data_table(df, name="t", caption="Terms"))
    True

    A missing value shows as a dash:

    >>> gaps = pd.DataFrame({"next": [12, None], "note": ["", None]})
    >>> cells = str(data_table(gaps, name="g", caption="Gaps"))
    >>> cells.count("<td>\u2014</td>"), "nan" in cells, "None" in cells
    (2, False, False)
    """
    columns = dict(columns or {c: c for c in frame.columns})
    cells = dict(cells or {})
    for col, template in (links or {}).items():
        cells[col] = _linker(template)
    table_id = f"table-{_slug(name)}"
    out = []
    if searchable:
        out.append(
            f'<p class="table-search"><label for="{table_id}-q">Search the table: </label>'
            f'<input type="search" id="{table_id}-q" data-filter-table="{table_id}" '
            f'autocomplete="off"></p>'
        )
    out.append(f'<table class="edition-table" id="{table_id}"><caption>{_e(caption)}</caption>')
    out.append(
        "<thead><tr>"
        + "".join(f'<th scope="col">{_e(h)}</th>' for h in columns.values())
        + "</tr></thead><tbody>"
    )
    for record in frame.to_dict("records"):
        row = []
        for col in columns:
            value = record[col]
            if col in cells:
                shown = cells[col](value)
                text = shown.text if isinstance(shown, Html) else _e(shown)
            elif pd.api.types.is_scalar(value) and pd.isna(value):
                text = "\u2014"  # nothing to show: a dash, never "nan" or "None"
            elif isinstance(value, bool | np.bool_):
                text = "yes" if value else "no"
            elif isinstance(value, float):
                text = _e(number_format.format(value))
            else:
                text = _e(value)
            row.append(f"<td>{text}</td>")
        out.append("<tr>" + "".join(row) + "</tr>")
    out.append("</tbody></table>")
    return Html("".join(out))


def plural(n: int, noun: str, nouns: str = "") -> str:
    """``n`` and the noun, in the singular for 1 and in the plural otherwise.

    >>> plural(1, "sentence"), plural(3, "paragraph"), plural(1_200, "entry", "entries")
    ('1 sentence', '3 paragraphs', '1,200 entries')
    """
    return f"{n:,} {noun if n == 1 else nouns or noun + 's'}"


def place_link(address: str) -> Html:
    """A link, seen from ``book/analyses/``, to a sentence or a witness line, named in words.

    >>> str(place_link("text.html#p12.3"))
    '<a href="../text.html#p12.3">reading text, ¶\xa012.3</a>'
    >>> str(place_link("witness.html#w347"))
    '<a href="../witness.html#w347">witness W, line 347</a>'
    """
    page, _, anchor = address.partition("#")
    if page == "text.html" and anchor.startswith("p"):
        words = f"reading text, \u00b6\u00a0{anchor[1:]}"
    elif page == "witness.html" and anchor.startswith("w"):
        words = f"witness W, line {anchor[1:]}"
    else:
        raise ValueError(f"{address}: not a sentence of the text or a line of the witness")
    return link(words, f"../{address}")


def _linker(template: str) -> Callable[[Any], Html]:
    return lambda value: link(value, template.format(value))


def details(summary: str, inner: Html) -> Html:
    """A ``<details>`` element (keyboard-operable) around ``inner``."""
    return Html(f"<details><summary>{_e(summary)}</summary>{inner.text}</details>")


def figure_text(
    frame: pd.DataFrame,
    *,
    name: str,
    caption: str,
    columns: Mapping[str, str] | None = None,
    cells: Mapping[str, Callable[[Any], Html | str]] | None = None,
    links: Mapping[str, str] | None = None,
) -> Html:
    """The text equivalent of a figure: its data as a table inside ``<details>``."""
    return details(
        f"The data of this figure as a table ({len(frame)} rows)",
        data_table(
            frame, name=f"{name}-data", caption=caption, columns=columns, cells=cells, links=links
        ),
    )


def chooser(
    name: str, label: str, options: Sequence[tuple[str, str, Html]], *, deferred: bool = False
) -> Html:
    """A labelled ``<select>`` that shows the panel of the chosen option (``edition.js``).

    ``options`` are ``(key, label, panel)``; the first is shown at first. Without
    JavaScript every panel stays visible, so nothing is lost.

    With ``deferred``, a filter field narrows the options (by their labels, and
    by the panels' text once loaded), and the site moves the panels out of the
    page into a script file of its own, loaded when a reader first chooses or
    filters (:mod:`analysis.site.deferred`); in a notebook they stay in place.
    Each panel is then followed by the marker :data:`PANEL_END`.
    """
    slug = _slug(name)
    out = [
        f'<p class="chooser"><label for="chooser-{slug}">{_e(label)} </label>'
        f'<select id="chooser-{slug}" data-chooser="{slug}">'
    ]
    out += [f'<option value="{_e(key)}">{_e(text)}</option>' for key, text, _ in options]
    out.append("</select></p>")
    if deferred:
        out.insert(
            0,
            f'<p class="chooser chooser-filter"><label for="filter-{slug}">Filter: </label>'
            f'<input type="search" id="filter-{slug}" data-filter-chooser="{slug}" '
            f'placeholder="a name or a word of the evidence"></p>',
        )
        out.append(f'<div class="chooser-panels" data-deferred="{slug}">')
    end = PANEL_END if deferred else ""
    out += [
        f'<div data-chooser-panel="{slug}" data-key="{_e(key)}">{panel.text}</div>{end}'
        for key, _, panel in options
    ]
    if deferred:
        out.append(f"</div>{DEFERRED_END}")
    return Html("".join(out))


#: Marks the end of a deferred panel (:func:`chooser`), for :mod:`analysis.site.deferred`.
PANEL_END = "<!--/deferred-panel-->"
#: Marks the end of the panels of a deferred chooser.
DEFERRED_END = "<!--/deferred-panels-->"


def figure_menus(fig: Any) -> Html:
    """Keyboard controls (labelled ``<select>``) that mirror a figure's dropdown menus.

    Plotly draws its own menus in SVG, out of reach of the keyboard. Each
    ``<select>`` applies what the corresponding menu button does, and the two
    stay in step both ways (``edition.js`` reads the buttons from the figure
    on the page, so only the labels are repeated here). ``fig`` is a plotly
    figure named through :func:`analysis.site.display.name_figure`.

    >>> import plotly.graph_objects as go
    >>> from analysis.site.display import name_figure
    >>> fig = name_figure(go.Figure(layout={"updatemenus": [{"name": "window",
    ...     "buttons": [{"label": "<a>", "method": "restyle", "args": ["visible", [True]]}]}]}),
    ...     "demo")
    >>> '<option value="0" selected>&lt;a&gt;</option>' in str(figure_menus(fig))
    True
    """
    from analysis.site.display import figure_id

    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    target = figure_id(str(meta.get("name", "")))
    out = [f'<p class="chooser figure-menus" data-figure-menus="{_e(target)}">']
    for k, menu in enumerate(fig.layout.updatemenus or ()):
        label = (menu.name or f"menu {k + 1}").replace("-", " ").capitalize()
        select_id = f"{target}-menu-{k}"
        out.append(
            f'<label for="{_e(select_id)}">{_e(label)}: </label>'
            f'<select id="{_e(select_id)}" data-menu="{k}">'
        )
        out += [
            f'<option value="{i}"{" selected" if i == (menu.active or 0) else ""}>'
            # plotly labels are HTML already: unescape once so as not to escape twice
            f"{_e(html.unescape(button.label or ''))}</option>"
            for i, button in enumerate(menu.buttons)
        ]
        out.append("</select> ")
    out.append("</p>")
    return Html("".join(out))
