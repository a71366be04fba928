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
  // A select that switches a plotly figure between views: each option's value
  // is the JSON list of its traces' visibility.
  for (const select of document.querySelectorAll("select[data-plotly-views]")) {
    const target = document.getElementById(select.dataset.plotlyViews);
    if (!target || typeof Plotly === "undefined") continue;
    select.addEventListener("change", () => {
      Plotly.restyle(target, { visible: JSON.parse(select.value) });
    });
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
