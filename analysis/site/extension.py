"""The Sphinx extension of the edition's website (the one ``_config.yml`` lists).

It registers, in one place, everything the pages need from the package: the
directives and the ``edition-count`` role of the edition's pages
(:func:`analysis.site.directives.add_directives`), the data page's downloads
(:func:`analysis.site.downloads.add_downloads`), the methods page's
``method-value`` role and bibliography style (:mod:`analysis.site.pages.methods`)
plotly.js for the pages with figures
(:func:`analysis.site.display.add_plotly`) and the accent-folding search index
(:func:`analysis.site.search.add_search`).
"""

from __future__ import annotations

from typing import Any

from analysis import __version__
from analysis.site.directives import add_directives
from analysis.site.display import add_plotly
from analysis.site.downloads import add_downloads
from analysis.site.pages.methods import MethodValue
from analysis.site.search import add_search

__all__ = ["setup"]


def setup(app: Any) -> dict[str, Any]:
    """Sphinx entry point: register the edition's directives, roles, downloads and plotly.js."""
    add_directives(app)
    add_downloads(app)
    app.add_role("method-value", MethodValue())
    add_plotly(app)
    add_search(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
