// Behaviour of the edition's pages, without any library: filtering of searchable
// tables (accents and case folded), choosers, figure menus, figures that follow the
// theme and the width of the screen, quoting and citing the reading text, and
// accent-folded site search.
"use strict";

/** Text without diacritics, in lower case: "Guzmán" and "GUZMAN" both give "guzman". */
const fold = (text) =>
  text.normalize("NFD").replace(/\p{Mark}/gu, "").toLowerCase();

// Site search (Sphinx): the index holds folded words (analysis.site.search), so the
// query is folded too before Sphinx searches. Called before Sphinx's own handler.
function foldSearch() {
  if (typeof Search === "undefined" || !Search.query || Search.editionFolded) return;
  const query = Search.query;
  Search.query = (text) => query.call(Search, fold(text));
  Search.editionFolded = true;
}

const isDark = () => document.documentElement.dataset.theme === "dark";

// Figures: plotly's template and data colours of the theme, and a layout for narrow
// screens (legend below the plot, the figure's own menus and their captions left to the
// labelled selects under it).
const NARROW = 640;
const figureState = new WeakMap();

function layoutFor(gd) {
  const state = figureState.get(gd);
  const templates = window.EDITION_PLOTLY_TEMPLATES || {};
  const update = {};
  const template = templates[isDark() ? "dark" : "light"];
  if (template) update.template = template;
  const narrow = spaceOf(gd) < NARROW;
  const menus = (gd.layout.updatemenus || []).length;
  const mirrored = document.querySelector(`[data-figure-menus="${gd.id}"]`) !== null;
  for (let k = 0; k < menus; k++) {
    update[`updatemenus[${k}].visible`] = !(narrow && mirrored);
  }
  // A menu's caption is the annotation named as the menu: it shows and hides with it.
  const named = new Set((gd.layout.updatemenus || []).map((m) => m.name).filter(Boolean));
  (gd.layout.annotations || []).forEach((note, k) => {
    if (named.has(note.name)) update[`annotations[${k}].visible`] = !(narrow && mirrored);
  });
  if (narrow) {
    update["legend.orientation"] = "h";
    update["legend.x"] = 0;
    update["legend.xanchor"] = "left";
    update["legend.y"] = -0.15;
    update["legend.yanchor"] = "top";
    update["margin.l"] = Math.min(state.margin.l ?? 80, 40);
    update["margin.r"] = Math.min(state.margin.r ?? 80, 10);
    update["margin.t"] = mirrored ? Math.min(state.margin.t ?? 100, 40) : state.margin.t;
    update["font.size"] = 11;
    if ((gd.layout.legend || {}).title) update["legend.title.side"] = "top";
  } else {
    if ((gd.layout.legend || {}).title) update["legend.title.side"] = state.legendTitleSide;
    for (const key of ["orientation", "x", "xanchor", "y", "yanchor"]) {
      update[`legend.${key}`] = state.legend[key];
    }
    for (const key of ["l", "r", "t"]) update[`margin.${key}`] = state.margin[key];
    update["font.size"] = state.fontSize;
  }
  for (const axis of Object.keys(gd.layout).filter((k) => /^[xy]axis\d*$/.test(k))) {
    update[`${axis}.automargin`] = true;
  }
  Object.assign(update, heatmapLayout(gd, narrow));
  return update;
}

// The width a figure has to itself: that of the box around it (the figure itself may be
// wider, a heatmap on a phone, and scroll inside that box).
const spaceOf = (gd) => (gd.parentElement || gd).clientWidth;

// A label as drawn: without plotly's markup, an entity one character.
const plainLength = (label) =>
  String(label)
    .replace(/<[^>]+>/g, "")
    .replace(/&[^;\s]+;/g, "x").length;

// A heatmap on a phone keeps a column wide enough for its label, written upwards, and
// room for the longest row label and the colour bar: the figure grows as wide as that
// needs and scrolls sideways inside its box (the page does not). Elsewhere the figure
// takes its box's width and its axes their own tick angle.
function heatmapLayout(gd, narrow) {
  const state = figureState.get(gd);
  const heatmaps = gd.data.filter((trace) => trace.type === "heatmap");
  if (!heatmaps.length) return {};
  const update = {};
  let least = 0;
  for (const trace of heatmaps) {
    const xaxis = `xaxis${(trace.xaxis || "x").slice(1)}`;
    if (!state.tickangles.has(xaxis)) {
      state.tickangles.set(xaxis, (gd.layout[xaxis] || {}).tickangle);
    }
    update[`${xaxis}.tickangle`] = narrow ? -90 : state.tickangles.get(xaxis);
    const columns = trace.x || (trace.z[0] || []);
    const lines = Math.max(1, ...columns.map((c) => String(c).split("<br>").length));
    const rows = trace.y || trace.z.map((_, k) => k);
    const longest = Math.max(0, ...rows.map(plainLength));
    least = Math.max(least, columns.length * Math.max(20, 14 * lines + 6) + 6.5 * longest + 160);
  }
  const width = Math.ceil(least);
  const grow = narrow && width > spaceOf(gd);
  gd.style.minWidth = grow ? `${width}px` : "";
  update.width = grow ? width : null;
  return update;
}

// Traces that carry other labels for a phone (meta.narrow: text and textposition) show
// them on a narrow screen and their own labels otherwise.
function labelsFor(gd, narrow) {
  const state = figureState.get(gd);
  const traces = [];
  const text = [];
  const textposition = [];
  gd.data.forEach((trace, k) => {
    const phone = trace.meta && trace.meta.narrow;
    if (!phone) return;
    if (!state.labels.has(k)) {
      state.labels.set(k, { text: trace.text, textposition: trace.textposition });
    }
    const own = state.labels.get(k);
    traces.push(k);
    text.push(narrow ? phone.text : own.text);
    textposition.push(narrow ? phone.textposition : own.textposition);
  });
  if (!traces.length) return Promise.resolve();
  return Plotly.restyle(gd, { text, textposition }, traces);
}

// The figures' data colours: drawn with their light values; in the dark theme each one
// that has a dark value (window.EDITION_PLOTLY_COLOURS, analysis.site.figures.palette)
// is swapped for it, and the figure's own colours come back in the light theme.
const COLOURED = ["marker.color", "line.color", "colorscale"];

function colourOf(trace, key) {
  const [head, tail] = key.split(".");
  return tail ? (trace[head] || {})[tail] : trace[head];
}

function darkColour(colour) {
  if (typeof colour !== "string") return colour;
  const dark = (window.EDITION_PLOTLY_COLOURS || {})[colour.toLowerCase().replace(/\s/g, "")];
  return dark || colour;
}

function darkValue(key, value) {
  if (key === "colorscale") {
    return Array.isArray(value) ? value.map(([at, colour]) => [at, darkColour(colour)]) : value;
  }
  return Array.isArray(value) ? value.map(darkColour) : darkColour(value);
}

function coloursFor(gd, dark) {
  const state = figureState.get(gd);
  if (!state.colours) {
    state.colours = gd.data.map((trace) =>
      Object.fromEntries(COLOURED.map((key) => [key, colourOf(trace, key)])),
    );
  }
  const theme = dark ? "dark" : "light";
  if ((state.colourTheme || "light") === theme) return Promise.resolve();
  state.colourTheme = theme;
  return COLOURED.reduce((done, key) => {
    const traces = [];
    const values = [];
    state.colours.forEach((own, k) => {
      if (own[key] === undefined) return;
      traces.push(k);
      values.push(dark ? darkValue(key, own[key]) : own[key]);
    });
    return traces.length ? done.then(() => Plotly.restyle(gd, { [key]: values }, traces)) : done;
  }, Promise.resolve());
}

function restyleFigure(gd) {
  if (!figureState.has(gd)) {
    const legend = gd.layout.legend || {};
    figureState.set(gd, {
      legend: {
        orientation: legend.orientation,
        x: legend.x,
        xanchor: legend.xanchor,
        y: legend.y,
        yanchor: legend.yanchor,
      },
      margin: { ...(gd.layout.margin || {}) },
      legendTitleSide: ((gd.layout.legend || {}).title || {}).side,
      fontSize: (gd.layout.font || {}).size,
      labels: new Map(),
      tickangles: new Map(),
    });
  }
  const theme = isDark() ? "dark" : "light";
  const layout = spaceOf(gd) < NARROW ? "narrow" : "wide";
  return Plotly.relayout(gd, layoutFor(gd))
    .then(() => coloursFor(gd, theme === "dark"))
    .then(() => labelsFor(gd, layout === "narrow"))
    .then(() => {
      // What the figure shows now, for the reader's tools and the tests.
      gd.dataset.theme = theme;
      gd.dataset.layout = layout;
    });
}

function restyleFigures() {
  if (typeof Plotly === "undefined") return [];
  return [...document.querySelectorAll(".js-plotly-plot")].map(restyleFigure);
}

// A box that scrolls sideways (a wide table) can be scrolled from the keyboard.
function markScrollingBoxes() {
  const boxes = document.querySelectorAll(
    "table.edition-table, .pst-scrollable-table-container, .bd-content div.cell_output .output, " +
      ".bd-content pre",
  );
  for (const box of boxes) {
    // The theme sets tabindex -1 on boxes that did not scroll when the page loaded.
    if (box.scrollWidth > box.clientWidth) {
      if (box.tabIndex < 0 || !box.hasAttribute("tabindex")) {
        box.dataset.scrollFocus = box.getAttribute("tabindex") ?? "";
        box.tabIndex = 0;
      }
    } else if ("scrollFocus" in box.dataset) {
      const before = box.dataset.scrollFocus;
      if (before === "") box.removeAttribute("tabindex");
      else box.setAttribute("tabindex", before);
      delete box.dataset.scrollFocus;
    }
  }
}

// A cell of running text (a sentence) keeps a readable measure: its table scrolls instead.
function markLongCells() {
  for (const cell of document.querySelectorAll("table.edition-table td")) {
    if (cell.textContent.length > 80) cell.classList.add("long-text");
  }
}

// Quoting: a copy from the reading text gives its words only, without paragraph
// numbers, apparatus marks, margin notes or buttons.
const APART = ".para-number, .app-mark, aside, details, .print-notes, button, .heading-source";

function copiedText(range) {
  const box = document.createElement("div");
  box.appendChild(range.cloneContents());
  for (const el of box.querySelectorAll(APART)) el.remove();
  const paragraphs = [...box.querySelectorAll(".edition-paragraph, h1, h2, h3, h4")];
  const words = (el) => el.textContent.replace(/\s+/g, " ").trim();
  if (paragraphs.length === 0) return words(box);
  return paragraphs.map(words).filter((t) => t).join("\n\n");
}

function onCopy(event) {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
  const range = selection.getRangeAt(0);
  const start = range.startContainer.parentElement || range.startContainer;
  const end = range.endContainer.parentElement || range.endContainer;
  const text = document.querySelector(".bd-article");
  if (!document.getElementById("edition-citation") || !text) return;
  if (!(text.contains(start) || text.contains(end))) return;
  const data = event.clipboardData;
  if (!data) return;
  data.setData("text/plain", copiedText(range));
  event.preventDefault();
}

// Citing: a button on each paragraph and sentence copies its citation, with the
// absolute address of its anchor (html_baseurl of _config.yml).
function citation(record, label, anchor) {
  return `${record.dataset.prefix}${label}, ${record.dataset.url}#${anchor}.`;
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("aria-hidden", "true");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    return done;
  }
}

function addCiteButtons() {
  const record = document.getElementById("edition-citation");
  if (!record) return;
  const status = document.createElement("p");
  status.className = "cite-status";
  status.setAttribute("role", "status");
  document.body.appendChild(status);
  let timer = 0;
  const button = (cls, text, name, cite) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = `cite ${cls}`;
    b.textContent = text;
    b.setAttribute("aria-label", name);
    b.title = name;
    b.dataset.citation = cite;
    b.addEventListener("click", async () => {
      const ok = await copyText(cite);
      status.textContent = ok ? `Citation copied: ${cite}` : `Citation: ${cite}`;
      b.classList.add("copied");
      clearTimeout(timer);
      timer = setTimeout(() => {
        status.textContent = "";
        b.classList.remove("copied");
      }, 6000);
    });
    return b;
  };
  for (const p of document.querySelectorAll(".edition-paragraph")) {
    const n = p.id.slice(1);
    const number = p.querySelector(".para-number");
    const cite = citation(record, `\u00b6 ${n}`, p.id);
    const b = button("cite-paragraph", "cite", `Copy the citation of paragraph ${n}`, cite);
    (number || p.firstChild).after(b);
    for (const s of p.querySelectorAll(".sentence")) {
      const k = s.id.split(".")[1];
      const label = `\u00b6 ${n}, sentence ${k}`;
      s.appendChild(
        button("cite-sentence", `${n}.${k}`, `Copy the citation of paragraph ${n}, sentence ${k}`,
          citation(record, label, s.id)),
      );
    }
  }
}

// Landmarks and roles: the theme's primary sidebar (the site's title and navigation)
// is a landmark; the references of the methods page are items of their list
// (docutils gives them the deprecated role doc-biblioentry).
function fixRoles() {
  const sidebar = document.querySelector(".bd-sidebar-primary");
  if (sidebar && !sidebar.hasAttribute("role")) {
    sidebar.setAttribute("role", "complementary");
    sidebar.setAttribute("aria-label", "Site navigation");
  }
  for (const entry of document.querySelectorAll('[role="doc-biblioentry"]')) {
    entry.setAttribute("role", "listitem");
  }
}

// A paragraph reached by its address (text.html#p14) shows its margin note too: below
// 1200 px the note stands inline above the paragraph, where the jump would hide it
// under the page's header.
function showTargetNote() {
  const target = document.querySelector("p.edition-paragraph:target");
  const note = target && target.previousElementSibling;
  if (note && note.matches("aside.paragraph-margin") && getComputedStyle(note).float === "none") {
    note.scrollIntoView();
  }
}

document.addEventListener("DOMContentLoaded", () => {
  foldSearch();
  fixRoles();
  window.addEventListener("load", showTargetNote);
  window.addEventListener("hashchange", showTargetNote);
  for (const input of document.querySelectorAll("input[data-filter-table]")) {
    const table = document.getElementById(input.dataset.filterTable);
    if (!table) continue;
    const rows = [...table.tBodies[0].rows].map((row) => [row, fold(row.textContent)]);
    input.addEventListener("input", () => {
      const q = fold(input.value.trim());
      for (const [row, text] of rows) row.hidden = q !== "" && !text.includes(q);
    });
  }
  // Selects that mirror a plotly figure's dropdown menus (analysis.site.markup.figure_menus):
  // choosing an option does what the menu's button does, and a click on the menu
  // updates the select.
  for (const box of document.querySelectorAll("[data-figure-menus]")) {
    const gd = document.getElementById(box.dataset.figureMenus);
    if (!gd || typeof Plotly === "undefined") continue;
    const selects = [...box.querySelectorAll("select[data-menu]")];
    for (const select of selects) {
      select.addEventListener("change", () => {
        const k = Number(select.dataset.menu);
        const i = Number(select.value);
        const button = gd.layout.updatemenus[k].buttons[i];
        const [first, second, third] = button.args || [];
        if (button.method === "restyle") Plotly.restyle(gd, first, second);
        else if (button.method === "relayout") Plotly.relayout(gd, first);
        else if (button.method === "update") Plotly.update(gd, first, second, third);
        Plotly.relayout(gd, { [`updatemenus[${k}].active`]: i });
      });
    }
    if (gd.on) {
      gd.on("plotly_buttonclicked", (event) => {
        const k = gd.layout.updatemenus.indexOf(event.menu);
        const select = selects.find(
          (s) => Number(s.dataset.menu) === (k < 0 ? event.menu._index : k),
        );
        if (select) select.value = String(event.active);
      });
    }
  }
  for (const select of document.querySelectorAll("select[data-chooser]")) {
    const slug = select.dataset.chooser;
    const box = document.querySelector(`[data-deferred="${slug}"][data-src]`);
    if (box) {
      deferredChooser(select, box);
      continue;
    }
    const panels = document.querySelectorAll(`[data-chooser-panel="${slug}"]`);
    const show = () => {
      for (const panel of panels) panel.hidden = panel.dataset.key !== select.value;
      markScrollingBoxes();
    };
    select.addEventListener("change", show);
    show();
  }
  addCiteButtons();
  markLongCells();
  document.addEventListener("copy", onCopy);
  // A figure laid out for a phone may scroll in its box: the boxes are marked after it.
  markScrollingBoxes();
  Promise.all(restyleFigures()).then(markScrollingBoxes);
  new MutationObserver(restyleFigures).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["data-theme"],
  });
  let resizing = 0;
  let width = window.innerWidth;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(async () => {
      if (window.innerWidth !== width) {
        width = window.innerWidth;
        await Promise.all(restyleFigures());
      }
      markScrollingBoxes();
      // The width the page has adapted to, for the reader's tools and the tests.
      document.documentElement.dataset.laidOut = String(window.innerWidth);
    }, 100);
  });
});

// A chooser whose panels the site keeps in a script file of their own
// (analysis.site.deferred): the file is loaded, by a <script> element so that it
// works from file:// too, when the reader first chooses, filters, or asks for it.
function deferredChooser(select, box) {
  const slug = select.dataset.chooser;
  let loading = null;
  const load = () => {
    loading ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = box.dataset.src;
      script.onload = () => resolve((window.editionPanels || {})[slug] || {});
      script.onerror = () => reject(new Error(`${box.dataset.src}: not loaded`));
      document.head.appendChild(script);
    });
    return loading;
  };
  const texts = new Map();
  const textOf = (panels, key) => {
    if (!texts.has(key)) {
      const div = document.createElement("div");
      div.innerHTML = panels[key] || "";
      texts.set(key, fold(div.textContent));
    }
    return texts.get(key);
  };
  const show = async () => {
    box.setAttribute("aria-busy", "true");
    try {
      const panels = await load();
      box.innerHTML = select.value in panels
        ? `<div data-chooser-panel="${slug}">${panels[select.value]}</div>` : "";
    } catch (error) {
      box.textContent = `The evidence could not be loaded (${error.message}).`;
    }
    box.removeAttribute("aria-busy");
  };
  select.addEventListener("change", show);
  const filter = document.querySelector(`input[data-filter-chooser="${slug}"]`);
  if (filter) {
    const status = document.createElement("span");
    status.className = "filter-status";
    status.setAttribute("role", "status");
    filter.after(status);
    filter.addEventListener("input", async () => {
      const q = fold(filter.value.trim());
      const panels = q ? await load() : {};
      let shown = 0;
      for (const option of select.options) {
        option.hidden = q !== "" && !fold(option.text).includes(q) && !textOf(panels, option.value).includes(q);
        if (!option.hidden) shown += 1;
      }
      status.textContent = q ? ` ${shown} of ${select.options.length}` : "";
      if (select.selectedOptions[0]?.hidden) {
        const first = [...select.options].find((o) => !o.hidden);
        if (first) {
          select.value = first.value;
          show();
        }
      }
    });
  }
  // Until the reader asks, the box offers to load the evidence of the chosen option.
  const ask = document.createElement("button");
  ask.type = "button";
  ask.className = "load-panels";
  ask.textContent = "Show the evidence of the chosen pair";
  ask.addEventListener("click", show);
  box.prepend(ask);
}
