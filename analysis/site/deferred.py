"""Panels that a page loads on demand: the long lists of a chooser, kept out of the page.

A chooser made with ``deferred=True`` (:func:`analysis.site.markup.chooser`)
carries all its panels in the notebook's output. When Sphinx writes a page,
:func:`defer_panels` takes them out of its body and
:func:`panels_script` makes of them a script file, which ``edition.js`` loads
(with a ``<script>`` element, so it works from ``file://`` too) when a reader
first chooses or filters. The page keeps the ``<select>`` with every option,
so every choice stays visible and searchable, and a link to the data file.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping

from analysis.site.markup import DEFERRED_END, PANEL_END

__all__ = ["NOSCRIPT", "defer_panels", "panels_script"]

#: What a reader without JavaScript sees in place of the panels.
NOSCRIPT = (
    "<noscript><p>These panels load with JavaScript; the same evidence is in the "
    "data files of the page <em>Data</em>.</p></noscript>"
)

_PANELS = re.compile(
    r'<div class="chooser-panels" data-deferred="(?P<slug>[\w-]+)">(?P<panels>.*?)'
    + re.escape(DEFERRED_END),
    re.S,
)
_PANEL = re.compile(
    r'<div data-chooser-panel="[\w-]+" data-key="(?P<key>[^"]*)">(?P<html>.*?)</div>'
    + re.escape(PANEL_END),
    re.S,
)


def defer_panels(body: str, src: str) -> tuple[str, dict[str, dict[str, str]]]:
    """Take the deferred panels out of a page's ``body``.

    Returns the body, where each chooser's panels are replaced by an empty
    container that names the script file ``src`` (``{slug}`` in it is the
    chooser's), and the panels by chooser and key.

    >>> body = ('<div class="chooser-panels" data-deferred="p">'
    ...         '<div data-chooser-panel="p" data-key="a">A</div><!--/deferred-panel-->'
    ...         '</div><!--/deferred-panels-->')
    >>> page, panels = defer_panels(body, "x-{slug}.js")
    >>> page.startswith('<div class="chooser-panels" data-deferred="p" data-src="x-p.js">'), panels
    (True, {'p': {'a': 'A'}})
    """
    found: dict[str, dict[str, str]] = {}

    def replace(match: re.Match[str]) -> str:
        slug = match["slug"]
        found[slug] = {html.unescape(m["key"]): m["html"] for m in _PANEL.finditer(match["panels"])}
        return (
            f'<div class="chooser-panels" data-deferred="{slug}" '
            f'data-src="{src.format(slug=slug)}">{NOSCRIPT}</div>'
        )

    return _PANELS.sub(replace, body), found


def panels_script(slug: str, panels: Mapping[str, str]) -> str:
    """The script file of a chooser's panels: it files them under ``slug`` for ``edition.js``.

    >>> print(panels_script("p", {"a": "<b>A</b>"}), end="")
    window.editionPanels = window.editionPanels || {};
    window.editionPanels["p"] = {"a": "<b>A</b>"};
    """
    data = json.dumps(dict(panels), ensure_ascii=False, sort_keys=False)
    return (
        "window.editionPanels = window.editionPanels || {};\n"
        f"window.editionPanels[{json.dumps(slug)}] = {data};\n"
    )
