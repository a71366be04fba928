"""The edition's pages in a browser: anchors, figures, search, keyboard."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from analysis.text.edition import load_edition

if TYPE_CHECKING:
    from conftest import Visit

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "_build" / "screenshots"

#: The margin note of a paragraph (the aside before it) is in view and on top at its
#: top left corner: nothing (the page's header) covers it.
_NOTE_SHOWN_JS = """id => {
  const note = document.getElementById(id).previousElementSibling;
  const box = note.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + 2, box.top + 2);
  return box.top >= 0 && top !== null && note.contains(top);
}"""


def _non_blank(png: bytes) -> bool:
    """True if a PNG's pixel data has enough distinct values to show content."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data = 8, b""
    while pos < len(png):
        length = int.from_bytes(png[pos : pos + 4], "big")
        kind = png[pos + 4 : pos + 8]
        if kind == b"IDAT":
            data += png[pos + 8 : pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(data)
    return len(set(raw)) > 32 and sum(1 for b in raw[::7] if b not in (0, 255)) > len(raw) // 700


@pytest.fixture(scope="module")
def edition():
    return load_edition()


def test_paragraph_and_sentence_anchors_resolve(visit: Callable[[str], Visit], edition) -> None:
    """Every paragraph of the reading text, and every sentence, has its anchor; a
    paragraph's witness lines open with the keyboard."""
    record = visit("text.html#p12")
    page = record.page
    assert page.evaluate("() => document.querySelector(':target')?.id") == "p12"
    ids = set(page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)"))
    missing = [p.id for p in edition.paragraphs if p.id not in ids]
    missing += [s.id for s in edition.sentences if s.id not in ids]
    assert missing == []
    box = page.locator("#p12").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    summary = page.locator("details.witness-lines summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("details.witness-lines").first.get_attribute("open") is not None
    # On a phone a paragraph's margin note stands above it: a jump to the paragraph
    # shows the note too, not hidden under the page's header.
    page.set_viewport_size({"width": 390, "height": 800})
    page.evaluate("() => { location.hash = '#p14'; }")
    page.wait_for_function(_NOTE_SHOWN_JS, arg="p14")
    assert record.problems == []


def test_witness_line_leads_to_its_paragraph(visit: Callable[[str], Visit]) -> None:
    """Line 53 of W, which completes a sentence of paragraph 5, links there and back."""
    record = visit("witness.html#w53")
    link = record.page.locator("#w53 a.wdest")
    assert link.get_attribute("href") == "text.html#p5"
    link.click()
    record.page.wait_for_url("**/text.html#p5")
    assert record.page.evaluate("() => document.querySelector(':target')?.id") == "p5"
    back = record.page.locator("#p5").locator("xpath=preceding-sibling::aside[1]")
    assert "53\u201371" in back.inner_text()


def test_apparatus_entries_link_both_ways(visit: Callable[[str], Visit], edition) -> None:
    """Apparatus and reading text link to each other, and both run a1, a2, ... in reading order."""
    record = visit("apparatus.html")
    page = record.page
    for entry in edition.apparatus:
        assert page.locator(f"[id='{entry.id}']").count() == 1, entry.id
    emendation = next(e for e in edition.apparatus if e.type == "emendation")
    hrefs = page.locator(f"[id='{emendation.id}'] a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert "witness.html#w247" in hrefs
    assert any(h.startswith("text.html#p14") for h in hrefs)
    listed = page.evaluate(
        "() => [...document.querySelectorAll('[id]')].map(e => e.id).filter(i => /^a\\d+$/.test(i))"
    )
    assert listed == [e.id for e in edition.apparatus]
    text = visit("text.html")
    marks = text.page.locator(f"a.app-mark[href='apparatus.html#{emendation.id}']")
    assert marks.count() >= 1
    assert emendation.note[:30] in (marks.first.get_attribute("title") or "")
    # The marks of the reading text, read top to bottom, are a1, a2, ...
    in_order = text.page.locator(
        ".heading-source a.app-mark, p.edition-paragraph a.app-mark"
    ).evaluate_all("links => links.map(a => a.textContent)")
    marked = [e.id for e in edition.apparatus if e.type != "normalisation"]
    assert in_order == marked == [f"a{n}" for n in range(1, len(marked) + 1)]
    assert record.problems == text.problems == []


def test_search_finds_words_of_the_essay(visit: Callable[[str], Visit]) -> None:
    """Offline search finds a word that only the essay has, on the reading text."""
    record = visit("search.html?q=Wachovia")
    links = record.page.locator("#search-results li a")
    links.first.wait_for()
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    assert any(h.split("?")[0].split("#")[0] == "text.html" for h in hrefs), hrefs


@pytest.mark.parametrize("path", ["text.html", "analyses/actors.html"])
def test_screenshots_are_not_blank(visit: Callable[[str], Visit], path: str) -> None:
    record = visit(path)
    record.page.set_viewport_size({"width": 1280, "height": 900})
    if path.startswith("analyses/"):
        record.page.wait_for_selector(".js-plotly-plot .main-svg")
        record.page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    png = record.page.screenshot()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / (path.replace("/", "-").replace(".html", ".png"))).write_bytes(png)
    assert _non_blank(png)


def test_blank_png_is_detected() -> None:
    """The non-blank check itself fails on a blank image."""
    width, height = 64, 32
    raw = b"".join(b"\x00" + b"\xff" * (width * 3) for _ in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")
        )

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(
            b"IHDR", width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
        )
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    assert not _non_blank(png)


@pytest.mark.parametrize("path", ["analyses/terms.html", "analyses/actors.html"])
def test_figure_menus_work_from_the_keyboard(visit: Callable[[str], Visit], path: str) -> None:
    """The select under a figure does what the figure's own (SVG) menu does."""
    record = visit(path)
    page = record.page
    box = page.locator("[data-figure-menus]").first
    target = box.get_attribute("data-figure-menus")
    page.wait_for_selector(f"#{target} .main-svg")
    state = (
        f"() => JSON.stringify([document.getElementById('{target}').data.map("
        "t => [t.visible, t.opacity]), document.getElementById('"
        f"{target}').layout.updatemenus[0].active])"
    )
    before = page.evaluate(state)
    select = box.locator("select").first
    select.focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_function(f"before => ({state})() !== before", arg=before)
    assert page.evaluate(state) != before
    assert record.problems == []
