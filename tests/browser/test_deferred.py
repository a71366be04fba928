"""Pages stay under 400 KB: long panels load on demand, over HTTP and from ``file://``."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser

if TYPE_CHECKING:
    from conftest import Visit

pytestmark = pytest.mark.browser

#: The most a page of the site may weigh, its HTML alone.
PAGE_LIMIT = 400 * 1024
PAIRS = "analyses/actors.html"
PANELS = "_static/deferred/analyses--actors-actor-pair.js"


def test_every_page_is_under_the_size_limit(browser: Browser, server: str, site_pages) -> None:
    context = browser.new_context()
    try:
        sizes = {p: len(context.request.get(f"{server}/{p}").body()) for p in site_pages}
    finally:
        context.close()
    assert len(sizes) >= 12
    assert {p: n for p, n in sizes.items() if n > PAGE_LIMIT} == {}


def _panels(site_dir: Path) -> dict[str, str]:
    text = (site_dir / PANELS).read_text(encoding="utf-8")
    return json.loads(text.split("] = ", 1)[1].rstrip().rstrip(";"))


def _words(html: str) -> set[str]:
    return set(re.findall(r"[a-z]{7,}", re.sub(r"<[^>]+>", " ", html).lower()))


def test_panels_load_when_asked_and_filter_by_their_words(
    site_dir: Path, visit: Callable[[str], Visit]
) -> None:
    """The evidence of a pair, and the network's pair tables, load when a reader asks."""
    panels = _panels(site_dir)
    assert len(panels) > 50
    v = visit(PAIRS)
    page = v.page
    content = page.content()
    assert 'data-chooser-panel="actor-pair"' not in content
    assert 'data-chooser-panel="actors-network-pairs"' not in content
    loaded = page.evaluate("() => 'editionPanels' in window")
    select = page.locator("select#chooser-actor-pair")
    options = select.locator("option")
    keys = options.evaluate_all("os => os.map(o => o.value)")
    assert sorted(keys) == sorted(panels)

    box = page.locator('[data-deferred="actor-pair"]')
    assert not loaded, "the evidence was loaded before the reader asked for it"
    box.get_by_role("button", name="Show the evidence of the chosen pair").click()
    box.locator("ol.evidence q").first.wait_for()
    assert box.locator("ol.evidence li").count() >= 1

    # A pair whose evidence has a word that no label and no other pair has.
    labels = " ".join(options.evaluate_all("os => os.map(o => o.text)")).lower()
    words = {k: _words(h) for k, h in panels.items()}
    unique = {
        k: sorted(
            w
            for w in words[k] - set().union(*(words[o] for o in panels if o != k))
            if w not in labels
        )
        for k in keys[1:]
    }
    last, word = next((k, ws[0]) for k, ws in unique.items() if ws)

    select.select_option(last)
    page.wait_for_function(
        "k => document.querySelector('[data-deferred=\"actor-pair\"]').innerHTML.length > 0 "
        "&& window.editionPanels['actor-pair'][k] !== undefined",
        arg=last,
    )
    first_name = panels[last].split("</a>", 1)[0].rsplit(">", 1)[1]
    assert first_name in box.inner_text()

    select.select_option(keys[0])
    page.fill("#filter-actor-pair", word)
    page.wait_for_function(
        "() => [...document.querySelectorAll('#chooser-actor-pair option')]"
        ".filter(o => !o.hidden).length === 1"
    )
    assert select.input_value() == last

    # The text equivalent of the network: one table per window, loaded on demand.
    page.locator("details", has=page.locator("#chooser-actors-network-pairs")).locator(
        "summary"
    ).click()
    page.select_option("select#chooser-actors-network-pairs", "paragraph")
    tables = page.locator('[data-deferred="actors-network-pairs"]')
    tables.locator("table").first.wait_for()
    header = tables.locator("table").first.locator("th").all_inner_texts()
    assert "associated" in header and "p" in header
    assert tables.locator("td", has_text="yes").count() >= 1
    assert v.problems == []


def test_pair_evidence_loads_from_file_urls(browser: Browser, site_dir: Path) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((site_dir / PAIRS).resolve().as_uri())
        page.select_option("select#chooser-actor-pair", index=1)
        page.locator('[data-deferred="actor-pair"] ol.evidence q').first.wait_for()
        assert errors == []
    finally:
        context.close()
