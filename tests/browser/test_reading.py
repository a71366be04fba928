"""Reading, quoting and citing on any screen, in light and dark, and in print.

Every page is opened once and checked at each width of :data:`WIDTHS` for
horizontal overflow, and with axe-core (bundled by axe-playwright-python, no
network) in both themes at the widths of :data:`AXE_WIDTHS`; axe-core does not see
plotly's marks, so the colours the figures draw their data in are read from plotly and
must reach 3:1 on the page in both themes (WCAG 1.4.11). The reading text
is checked for clean copies, absolute citations and print; the search and the
table filters for accent folding.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from analysis.text.edition import load_edition

if TYPE_CHECKING:
    from conftest import Visit

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
WIDTHS = (390, 768, 1024, 1280, 1400)
AXE_WIDTHS = (390, 1400)
THEMES = ("light", "dark")
#: The pages that must draw plotly figures (any other page may too).
FIGURE_PAGES = (
    "witness.html",
    "analyses/terms.html",
    "analyses/actors.html",
    "analyses/sections.html",
    "analyses/order.html",
    "analyses/reorder.html",
)

# The page and the theme's containers of the article: none may scroll sideways (a wide
# table or output scrolls inside its own box instead, which is not checked here).
_OVERFLOW_JS = """() => {
  const boxes = [document.documentElement, ...document.querySelectorAll(
    '.bd-main, .bd-article-container, .bd-article, .bd-content')];
  return boxes.filter(b => b.scrollWidth > b.clientWidth + 1)
    .map(b => `${b.tagName}.${b.className}: ${b.scrollWidth} > ${b.clientWidth}`);
}"""

# Rows of long repeated structures past the first few, removed from the page after the
# first axe run (light, narrow), which checks every element: they share their markup and
# classes with the rows kept, and checking them in every run would take minutes. They
# are removed rather than excluded, because axe-core's exclusion of thousands of nodes
# costs more than checking them (a minute on the terms page).
_SAMPLED = [
    ".bd-article tbody > tr:nth-child(n+13)",
    ".bd-article li:nth-child(n+9)",
    "div.witness > p.wline:nth-child(n+61):not(:has(.stray-space))",
    "section.register-entry:nth-of-type(n+6)",
]
_REMOVE_JS = """selectors => selectors.forEach(
  s => document.querySelectorAll(s).forEach(node => node.remove()))"""

# At a phone's width, the texts of every figure that a reader must read (tick labels,
# axis titles, legend and colour-bar titles) that are cut by the figure's box or by a
# box around it that clips (a box that scrolls sideways clips nothing sideways: what
# stands past its edge is scrolled to); and, for each heatmap, its columns, the column
# labels drawn and the pairs of them that overlap.
_CLIPPED_JS = """() => {
  const TEXTS = ['.xtick text', '.ytick text', '.legendtitletext', '.cbtitle text',
    '[class^="g-x"][class$="title"] text', '[class^="g-y"][class$="title"] text'].join(', ');
  const cut = [];
  const heatmaps = [];
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    const box = gd.getBoundingClientRect();
    let [left, top, right, bottom] = [box.left, box.top, box.right, box.bottom];
    for (let el = gd.parentElement; el && el !== document.body; el = el.parentElement) {
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (!['visible', 'auto', 'scroll'].includes(style.overflowX)) {
        left = Math.max(left, r.left); right = Math.min(right, r.right);
      }
      if (style.overflowY !== 'visible') {
        top = Math.max(top, r.top); bottom = Math.min(bottom, r.bottom);
      }
    }
    for (const t of gd.querySelectorAll(TEXTS)) {
      const r = t.getBoundingClientRect();
      if (!t.textContent.trim() || r.width === 0) continue;
      if (r.left < left - 1 || r.right > right + 1 || r.top < top - 1 || r.bottom > bottom + 1) {
        cut.push(`${gd.id}: "${t.textContent}" [${Math.round(r.left)}, ${Math.round(r.right)}]`
          + ` outside [${Math.round(left)}, ${Math.round(right)}]`);
      }
    }
    for (const t of gd._fullData.filter(t => t.type === 'heatmap' && t.visible === true)) {
      const labels = [...gd.querySelectorAll(
        `.subplot.${t.xaxis}${t.yaxis} .xaxislayer-above .xtick text`)]
        .map(l => ({text: l.textContent, r: l.getBoundingClientRect()}));
      const overlaps = [];
      labels.forEach((a, i) => labels.slice(i + 1).forEach(b => {
        const apart = a.r.right <= b.r.left + 1 || b.r.right <= a.r.left + 1
          || a.r.bottom <= b.r.top + 1 || b.r.bottom <= a.r.top + 1;
        if (!apart) overlaps.push(`${a.text} / ${b.text}`);
      }));
      heatmaps.push({figure: gd.id, columns: (t.x || t.z[0]).length, drawn: labels.length,
                     overlaps});
    }
  }
  return {cut, heatmaps};
}"""

_HEADINGS_JS = """() => [...document.querySelectorAll(
  'main h1, main h2, main h3, main h4, main h5, main h6')]
  .filter(h => h.offsetParent !== null).map(h => Number(h.tagName[1]))"""

_NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"

_FIGURES_JS = """theme => [...document.querySelectorAll('.js-plotly-plot')]
  .every(gd => gd.dataset.theme === theme)"""


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture(scope="module")
def base_url() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return config["html"]["baseurl"]


def _set_theme(page, theme: str) -> None:
    page.evaluate("t => { document.documentElement.dataset.theme = t; }", theme)
    if page.locator(".js-plotly-plot").count():
        page.wait_for_function(_FIGURES_JS, arg=theme)


#: axe-core's options: violations only, and no fetching of the stylesheets again (axe
#: resolves the theme's ``@import`` against the page, not the stylesheet, and asks the
#: server for files that do not exist; the one rule that reads them, css-orientation-lock,
#: is then left out).
_AXE_OPTIONS = {"resultTypes": ["violations"], "preload": False}


def _violations(axe: Axe, page) -> list[str]:
    results = axe.run(page, options=_AXE_OPTIONS)
    return [
        f"{v['id']} ({len(v['nodes'])}): {v['nodes'][0]['target']} "
        f"{v['nodes'][0]['failureSummary'].splitlines()[-1].strip()}"
        for v in results.response["violations"]
    ]


def _check_figures(page, *, required: bool) -> None:
    """Every figure is drawn by plotly.js (and themed), captioned, and has its data as a table."""
    figures = page.locator(".plotly-graph-div").count()
    assert figures >= required
    if figures:
        page.wait_for_function(
            """n => document.querySelectorAll('.js-plotly-plot[data-theme] .main-svg')
              .length >= n""",
            arg=figures,
        )
        captions = page.locator("figure figcaption")
        assert captions.count() >= figures
        assert re.match(r"Fig\. \d+ ", captions.first.inner_text())
        assert page.locator("table.edition-table").count() >= figures


def _clipped_figure_texts(page) -> dict[str, list[str]]:
    """What of the figures a phone cannot read: texts cut by a box, heatmap columns
    without their label, and heatmap column labels drawn over each other."""
    drawn = page.evaluate(_CLIPPED_JS)
    found = {}
    if drawn["cut"]:
        found["cut"] = drawn["cut"]
    for heatmap in drawn["heatmaps"]:
        if heatmap["drawn"] != heatmap["columns"] or heatmap["overlaps"]:
            found.setdefault("heatmaps", []).append(str(heatmap))
    return found


def _lay_out(page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    # edition.js marks the width it has laid the page out for (figures, scroll boxes).
    page.wait_for_function("w => document.documentElement.dataset.laidOut === String(w)", arg=width)


def test_page_fits_every_width_and_passes_axe(
    visit: Callable[[str], Visit], axe: Axe, site_page: str
) -> None:
    """Each page, in one visit: it loads cleanly, its headings are in order, its figures
    are drawn, it never scrolls sideways, and axe-core finds nothing, light or dark,
    narrow or wide; on a wide screen the figures' data colours reach 3:1 in both themes.

    A wide table or output scrolls inside its own box (which is not an overflow
    of the page); everything else fits. The widths are all checked on the whole
    page; the axe runs after the first see the page without the rows of
    :data:`_SAMPLED`. ``site_page`` runs through every page of the built site
    (see conftest).
    """
    record = visit(site_page)
    page = record.page
    # Colours are checked as they end, not halfway through the theme's transitions.
    page.add_style_tag(content=_NO_TRANSITIONS)
    levels = page.evaluate(_HEADINGS_JS)
    if site_page not in ("search.html", "genindex.html"):
        assert levels[:1] == [1] and levels.count(1) == 1, levels
        for a, b in itertools.pairwise(levels):
            assert b <= a + 1, levels
    _check_figures(page, required=site_page in FIGURE_PAGES)
    overflow = {}
    clipped = {}
    for width in WIDTHS:
        _lay_out(page, width)
        wide = page.evaluate(_OVERFLOW_JS)
        if wide:
            overflow[width] = wide
        if width == WIDTHS[0]:
            clipped = _clipped_figure_texts(page)
    found = []
    for width in AXE_WIDTHS:
        _lay_out(page, width)
        for theme in THEMES:
            _set_theme(page, theme)
            found += [f"{width} px, {theme}: {v}" for v in _violations(axe, page)]
            if width == AXE_WIDTHS[-1]:
                # axe-core does not see plotly's marks: their colours are read here
                found += [f"{theme}, figure: {w}" for w in _weak_marks(page)]
            page.evaluate(_REMOVE_JS, _SAMPLED)
    _set_theme(page, "light")
    assert overflow == {}
    assert clipped == {}
    assert found == []
    assert record.problems == []


# Per figure: its menus (the layout's state and the headers drawn), the annotations that
# caption them (text ending in a colon) and the annotation texts drawn.
_MENUS_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => ({
  id: gd.id,
  menus: Object.fromEntries((gd.layout.updatemenus || [])
    .map(m => [m.name, m.visible !== false])),
  drawnMenus: gd.querySelectorAll('.updatemenu-header').length,
  captions: (gd.layout.annotations || []).filter(a => /:\\s*$/.test(a.text))
    .map(a => ({name: a.name, text: a.text, visible: a.visible !== false})),
  drawn: [...gd.querySelectorAll('.annotation-text')].map(t => t.textContent),
}))"""


# Helpers of the colour checks: a CSS colour as the browser computes it (``rgb()`` or
# ``rgba()``), and the colour a figure stands on (its paper, or, where the paper is
# transparent, the first opaque background around the figure).
_GROUND_JS = """
  const rgba = c => { const d = document.createElement('i'); d.style.color = c;
    document.body.append(d); const v = getComputedStyle(d).color; d.remove(); return v; };
  const clear = c => /^rgba\\(.*,\\s*0\\)$/.test(c) || c === 'transparent';
  const groundOf = gd => { let ground = rgba(gd._fullLayout.paper_bgcolor);
    for (let el = gd; clear(ground) && el; el = el.parentElement) {
      ground = getComputedStyle(el).backgroundColor; }
    return ground; };
"""

# The network's node labels: their fills, and the colour they stand on.
_LABELS_JS = (
    "id => {"
    + _GROUND_JS
    + """  const gd = document.getElementById(id);
  return {ground: groundOf(gd), fills: [...gd.querySelectorAll('.textpoint text')]
    .map(t => getComputedStyle(t).fill)};
}"""
)

# The colours every figure draws its data in, as plotly resolved them (gd._fullData):
# markers (single or per point) and lines of the traces shown, with the opacity they are
# drawn at, and the two ends of a heatmap's colour scale; each with the figure's ground.
# Unseen markers (opacity 0, which carry hover text or place labels) draw nothing.
_MARKS_JS = (
    "() => {"
    + _GROUND_JS
    + """  const marks = [];
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    const ground = groundOf(gd);
    for (const t of gd._fullData) {
      if (t.visible !== true) continue;
      const add = (what, colours, opacity) => {
        for (const c of [colours].flat()) {
          if (typeof c === 'string' && opacity > 0) {
            marks.push({figure: gd.id, trace: `${t.name || t.type} ${what}`,
                        colour: rgba(c), opacity, ground});
          }
        }
      };
      const opacity = t.opacity ?? 1;
      if (t.type === 'heatmap') {
        const scale = t.colorscale;
        add('scale', [scale[0][1], scale[scale.length - 1][1]], opacity);
        continue;
      }
      const mode = t.mode || '';
      if (t.type === 'bar' || mode.includes('markers')) {
        const m = t.marker || {};
        add('marker', m.color, opacity * (typeof m.opacity === 'number' ? m.opacity : 1));
      }
      if (mode.includes('lines') && t.line && t.line.width > 0) {
        add('line', t.line.color, opacity);
      }
    }
  }
  return marks;
}"""
)


def _luminance(colour: str) -> float:
    """The relative luminance (WCAG 2) of a CSS ``rgb()`` or ``rgba()`` colour."""
    channels = [int(float(v)) / 255 for v in re.findall(r"[\d.]+", colour)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _over(colour: str, ground: str, *, opacity: float = 1.0) -> str:
    """The ``rgb()`` colour seen where ``colour`` (perhaps translucent) is drawn on ``ground``."""
    values = [float(v) for v in re.findall(r"[\d.]+", colour)]
    alpha = (values[3] if len(values) > 3 else 1.0) * opacity
    below = [float(v) for v in re.findall(r"[\d.]+", ground)[:3]]
    mixed = [round(alpha * a + (1 - alpha) * b) for a, b in zip(values[:3], below, strict=True)]
    return f"rgb({mixed[0]}, {mixed[1]}, {mixed[2]})"


def _weak_marks(page) -> list[str]:
    """The data colours of the page's figures that fall under 3:1 on their ground (WCAG 1.4.11)."""
    weak = []
    for mark in page.evaluate(_MARKS_JS):
        seen = _over(mark["colour"], mark["ground"], opacity=mark["opacity"])
        ratio = _contrast(seen, mark["ground"])
        if ratio < 3:
            weak.append(f"{mark['figure']} {mark['trace']} {seen} on {mark['ground']}: {ratio:.2f}")
    return sorted(set(weak))


# The boxes of the network's drawn node labels, and of its plot area (which clips them).
_LABEL_BOXES_JS = """id => {
  const gd = document.getElementById(id);
  const box = e => { const r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom]; };
  const size = gd._fullLayout._size, [left, top] = box(gd);
  return {plot: [left + size.l, top + size.t, left + size.l + size.w, top + size.t + size.h],
    labels: [...gd.querySelectorAll('.textpoint text')]
    .filter(t => t.textContent).map(t => [t.textContent, box(t)])};
}"""


def _check_captions(page, *, shown: bool) -> int:
    """The captions of the figure menus show exactly when their menus do; return how many."""
    captioned = 0
    for figure in page.evaluate(_MENUS_JS):
        for caption in figure["captions"]:
            captioned += 1
            assert caption["name"] in figure["menus"], figure
            assert figure["menus"][caption["name"]] is shown, figure
            assert caption["visible"] is shown, figure
            assert (caption["text"] in figure["drawn"]) is shown, figure
        if figure["captions"]:
            assert (figure["drawnMenus"] > 0) is shown, figure
            # the labelled selects stand in for the menus at every width
            selects = page.locator(f"[data-figure-menus='{figure['id']}'] select")
            assert selects.count() > 0 and selects.first.is_visible()
    return captioned


def _check_legible(page, network: str) -> None:
    """The labels of the network's main nodes reach AA contrast on the figure."""
    labels = page.evaluate(_LABELS_JS, network)
    fills = [f for f in labels["fills"] if f]
    assert len(fills) >= 5, labels
    weak = {f: round(_contrast(f, labels["ground"]), 2) for f in set(fills)}
    assert all(ratio >= 4.5 for ratio in weak.values()), (labels["ground"], weak)


def _check_narrow(page, ids: list[str]) -> None:
    """Every figure's box fits a phone (a heatmap may scroll inside it), its legend below
    the plot, its plotly menus given way to selects."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.js-plotly-plot')]"
        ".every(gd => gd.dataset.layout === 'narrow')"
    )
    for gd in ids:
        state = page.evaluate(
            """id => { const gd = document.getElementById(id);
              return {width: gd.parentElement.getBoundingClientRect().right,
                      legend: gd._fullLayout.legend ? gd._fullLayout.legend.orientation : 'h',
                      menus: (gd._fullLayout.updatemenus || []).map(m => m.visible)}; }""",
            gd,
        )
        assert state["width"] <= 390, (gd, state)
        assert state["legend"] == "h", (gd, state)
        if page.locator(f"[data-figure-menus='{gd}']").count():
            assert not any(state["menus"]), (gd, state)


def _check_phone_labels(page, network: str) -> int:
    """Each drawn label of the network lies whole inside the plot, clear of the others."""
    drawn = page.evaluate(_LABEL_BOXES_JS, network)
    left, _, right, _ = drawn["plot"]
    for text, (a, _, b, _) in drawn["labels"]:
        assert left <= a and b <= right, (text, a, b, drawn["plot"])
    for (s, p), (t, q) in itertools.combinations(drawn["labels"], 2):
        apart = p[2] <= q[0] or q[2] <= p[0] or p[3] <= q[1] or q[3] <= p[1]
        assert apart, (s, p, t, q)
    return len(drawn["labels"])


def test_figures_follow_the_theme_and_narrow_screens(visit: Callable[[str], Visit]) -> None:
    """The actors page's figures, in one visit, on a desktop and a phone, light and dark.

    The figures switch template with the theme; the network's node labels reach
    AA contrast in both themes. On a phone every figure lays out again (legend
    below, within the screen), the network labels fewer nodes, each whole and
    clear of the others, and the menus give way to labelled selects, their
    captions ("window:", "measure:") going with them; on a desktop both show.
    """
    record = visit("analyses/actors.html")
    page = record.page
    page.wait_for_selector(".js-plotly-plot[data-theme='light']")
    ids = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot')].map(g => g.id)")
    network = page.locator("[data-figure-menus]").first.get_attribute("data-figure-menus")
    font = "id => document.getElementById(id)._fullLayout.font.color"
    fonts = {}
    labelled = {}
    captioned = 0
    for width in (1400, 390):
        _lay_out(page, width)
        for theme in THEMES:
            _set_theme(page, theme)
            fonts[width, theme] = [page.evaluate(font, i) for i in ids]
            _check_legible(page, network)
            captioned += _check_captions(page, shown=width == 1400)
        if width == 390:
            _check_narrow(page, ids)
            labelled[width] = _check_phone_labels(page, network)
        else:
            labelled[width] = len(page.evaluate(_LABEL_BOXES_JS, network)["labels"])
    # Back on a wide screen, the menus and their captions return.
    _lay_out(page, 1400)
    captioned += _check_captions(page, shown=True)
    for width in (1400, 390):
        light, dark = fonts[width, "light"], fonts[width, "dark"]
        assert all(a != b for a, b in zip(light, dark, strict=True)), (light, dark)
    assert 5 <= labelled[390] < labelled[1400], labelled
    assert captioned >= 10  # the network's two captions, five times over
    assert record.problems == []


def _copy(page, selector_from: str, selector_to: str) -> str:
    """Select from the start of one element to the end of another, copy, return the text."""
    return page.evaluate(
        """([a, b]) => {
          const range = document.createRange();
          range.setStartBefore(document.querySelector(a));
          range.setEndAfter(document.querySelector(b));
          const selection = document.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          const data = new DataTransfer();
          document.dispatchEvent(new ClipboardEvent('copy', {clipboardData: data,
            bubbles: true, cancelable: true}));
          return data.getData('text/plain');
        }""",
        [selector_from, selector_to],
    )


def test_copied_text_has_the_essays_words_only(visit: Callable[[str], Visit]) -> None:
    """Copying paragraphs (numbers, marks, margin notes and all) gives their words only."""
    edition = load_edition()
    marked = [
        p
        for p in edition.paragraphs
        if any(
            e.anchor and e.anchor[0] == p.id and e.type != "normalisation"
            for e in edition.apparatus
        )
    ]
    first = marked[0]
    following = edition.paragraphs[edition.paragraphs.index(first) + 1]
    page = visit("text.html").page
    copied = _copy(page, f"[id='{first.id}']", f"[id='{following.id}']")
    expected = "\n\n".join(" ".join(p.text.split()) for p in (first, following))
    assert copied == expected
    assert "\u00b6" not in copied and not re.search(r"\ba\d+\b", copied)
    sentence = first.sentences[-1]
    assert _copy(page, f"[id='{sentence.id}']", f"[id='{sentence.id}']") == " ".join(
        sentence.text.split()
    )


def test_cite_buttons_copy_absolute_citations(
    visit: Callable[[str], Visit], browser, server: str, base_url: str
) -> None:
    """The cite buttons of a paragraph and a sentence copy a citation with its absolute URL."""
    edition = load_edition()
    paragraph = edition.paragraphs[10]
    sentence = paragraph.sentences[1]
    work = edition.decisions.work
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    try:
        page = context.new_page()
        page.goto(f"{server}/text.html", wait_until="networkidle")
        page.locator(f"[id='{paragraph.id}'] button.cite-paragraph").click()
        cited = page.evaluate("() => navigator.clipboard.readText()")
        assert cited.startswith(f"{work['author']}, \u201c{work['title']},\u201d")
        assert cited.endswith(f"\u00b6 {paragraph.n}, {base_url}text.html#{paragraph.id}.")
        assert f"Citation copied: {cited}" in page.locator("p.cite-status").inner_text()
        page.locator(f"[id='{sentence.id}'] button.cite-sentence").click()
        cited = page.evaluate("() => navigator.clipboard.readText()")
        assert cited.endswith(
            f"\u00b6 {paragraph.n}, sentence 2, {base_url}text.html#{sentence.id}."
        )
        assert re.search(r"https://\S+#p\d+\.\d+\.$", cited)
        page.goto(f"{server}/index.html", wait_until="networkidle")
        example = page.locator(".citation-example a").get_attribute("href") or ""
        assert example.startswith(base_url) and example.startswith("https://")
    finally:
        context.close()


def test_printing_the_text_keeps_numbers_and_notes(visit: Callable[[str], Visit]) -> None:
    """In print, the text keeps its paragraph numbers and apparatus notes, not the navigation."""
    edition = load_edition()
    entry = next(e for e in edition.apparatus if e.type == "emendation")
    page = visit("text.html").page
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 800, "height": 1100})
    visible = "s => [...document.querySelectorAll(s)].some(e => e.offsetParent !== null)"
    for hidden in (".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary", "button.cite"):
        assert not page.evaluate(visible, hidden), hidden
    assert page.locator(".para-number").first.is_visible()
    assert page.locator("aside.paragraph-margin").first.is_visible()
    notes = page.locator(".print-notes", has_text=f"{entry.id} (")
    assert notes.count() == 1 and notes.first.is_visible()
    assert " ".join(entry.note.split()) in notes.first.inner_text()
    margin = page.locator("aside.paragraph-margin").first.bounding_box()
    assert margin is not None and margin["x"] + margin["width"] <= 800
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    page.emulate_media(media="screen")
    assert not page.locator(".print-notes").first.is_visible()


@pytest.mark.parametrize(("query", "page_name"), [("Guzman", "register"), ("Guzmán", "text")])
def test_search_folds_accents(visit: Callable[[str], Visit], query: str, page_name: str) -> None:
    """The text spells "Guzman", the register "Guzmán": either spelling finds both pages."""
    record = visit(f"search.html?q={quote(query)}")
    links = record.page.locator("#search-results li a")
    links.first.wait_for()
    hrefs = {
        (links.nth(i).get_attribute("href") or "").split("?")[0].split("#")[0]
        for i in range(links.count())
    }
    assert {"text.html", "register.html"} <= hrefs, hrefs
    assert f"{page_name}.html" in hrefs
    assert record.problems == []


def test_table_filter_folds_accents_and_knows_the_text_forms(
    visit: Callable[[str], Visit],
) -> None:
    """The actor table's search finds Guzmán as "guzman", "GUZMÁN" and "Chapo"."""
    page = visit("analyses/actors.html").page
    box = page.locator("input[data-filter-table='table-actors']")
    rows = page.locator("#table-actors tbody tr:not([hidden])")
    total = rows.count()
    for query in ("guzman", "GUZMÁN", "Chapo"):
        box.fill(query)
        assert 1 <= rows.count() < total, query
        assert "Guzmán" in rows.first.inner_text(), query
    box.fill("")
    assert rows.count() == total


def test_register_files_persons_by_surname_with_mentions_in_context(
    visit: Callable[[str], Visit],
) -> None:
    """Persons by surname; each mention shows words around it and links to its sentence."""
    page = visit("register.html").page
    persons = page.locator("#persons section.register-entry")
    ids = persons.evaluate_all("sections => sections.map(s => s.id)")
    assert ids.index("actor-guzman") < ids.index("actor-pena-nieto")
    item = page.locator("#actor-guzman ul.register-contexts li").first
    link = item.locator("a").first
    assert re.fullmatch(r"text\.html#p\d+\.\d+", link.get_attribute("href") or "")
    words = item.inner_text().split()
    assert len(words) >= 4 and item.locator("em").count() == 1


def test_apparatus_notes_keep_their_quotation_marks(site_dir: Path) -> None:
    """The notes that quote the text (the joins at 255/285 and 507/526, which open their
    quotation on a space) show their quotation marks as written."""
    edition = load_edition()
    page = html.unescape((site_dir / "apparatus.html").read_text(encoding="utf-8"))
    quoting = [e for e in edition.apparatus if '"' in e.note]
    assert {(255, 285), (507, 526)} <= {e.lines for e in quoting}
    for entry in quoting:
        assert entry.note in page, entry.id
