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
    const panels = document.querySelectorAll(`[data-chooser-panel="${select.dataset.chooser}"]`);
    const show = () => {
      for (const panel of panels) panel.hidden = panel.dataset.key !== select.value;
    };
    select.addEventListener("change", show);
    show();
  }
});
