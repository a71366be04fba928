// Behaviour of the edition's pages, without any library: filtering of
// searchable tables, and choosers that show one of several panels.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll("input[data-filter-table]")) {
    const table = document.getElementById(input.dataset.filterTable);
    if (!table) continue;
    input.addEventListener("input", () => {
      const q = input.value.trim().toLowerCase();
      for (const row of table.tBodies[0].rows) {
        row.hidden = q !== "" && !row.textContent.toLowerCase().includes(q);
      }
    });
  }
  // Selects that mirror a plotly figure's dropdown menus (analysis.markup.figure_menus):
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
        const select = selects.find((s) => Number(s.dataset.menu) === (k < 0 ? event.menu._index : k));
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
    };
    select.addEventListener("change", show);
    show();
  }
});

// Text folded for finding: no accents, lower case ("Guzmán" finds "guzman").
function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

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
