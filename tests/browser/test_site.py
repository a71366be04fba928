"""The built site works offline in a browser: pages, figures and search."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest

if TYPE_CHECKING:
    from conftest import Visit

# Everything here needs the built site; `-m "not browser"` leaves it out.
pytestmark = pytest.mark.browser


def test_site_has_pages(site_pages: list[str]) -> None:
    """The page list the browser tests walk has the home and search pages."""
    assert {"index.html", "search.html", "analyses/terms.html"} <= set(site_pages)


def test_plotly_js_only_where_figures_are(site_dir: Path, site_pages: list[str]) -> None:
    """plotly.js is served locally and loaded by figure pages only."""
    assert (site_dir / "_static" / "plotly.min.js").is_file()
    for path in site_pages:
        html = (site_dir / path).read_text(encoding="utf-8")
        loads_plotly = "_static/plotly.min.js" in html
        has_figure = 'class="plotly-graph-div"' in html
        assert loads_plotly == has_figure, path


def test_no_execution_reports(site_dir: Path) -> None:
    """No page failed to execute (myst-nb would leave reports in the site)."""
    assert not (site_dir / "reports").exists()


def _searchable_word(site: Path) -> tuple[str, str]:
    """Return a word from a page title in the search index, and that page's name."""
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    docname, title = sorted(zip(index["docnames"], index["titles"], strict=True))[0]
    words = sorted(re.findall(r"[A-Za-z]{4,}", title), key=lambda w: (-len(w), w))
    assert words, f"title {title!r} of {docname} has no word to search for"
    return words[0], docname


def test_search_finds_a_page(site_dir: Path, visit: Callable[[str], Visit]) -> None:
    """Sphinx search, offline, finds the page whose title holds the word."""
    word, docname = _searchable_word(site_dir)
    record = visit(f"search.html?q={quote(word)}")
    links = record.page.locator("#search-results li a")
    links.first.wait_for()
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    assert any(href.split("#")[0].split("?")[0] == f"{docname}.html" for href in hrefs), hrefs
    assert record.problems == []
