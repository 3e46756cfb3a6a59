/* Spyglass pages: draw Vega-Lite charts from data-spec attributes. No inline script, no eval:
   Vega runs with its expression interpreter (ast: true) so the CSP can forbid 'unsafe-eval'.
   Charts are SVG: labels stay text (zoomable, found by the browser's search, read by screen
   readers and by the browser tests), and the specs' "container" width redraws them to fit. */
(function () {
  "use strict";

  function drawCharts(root) {
    if (typeof window.vegaEmbed !== "function" || typeof window.vega === "undefined") return;
    root.querySelectorAll(".chart[data-spec]").forEach(function (el) {
      if (el.dataset.drawn) return;
      el.dataset.drawn = "1";
      var spec;
      try { spec = JSON.parse(el.dataset.spec); } catch (e) { return; }
      window.vegaEmbed(el, spec, {
        actions: false,
        renderer: "svg",
        ast: true,
        expr: window.vega.expressionInterpreter,
        defaultStyle: false,
        tooltip: false
      }).catch(function (err) { el.textContent = "chart could not be drawn: " + err; });
    });
  }

  if (window.htmx) {
    window.htmx.onLoad(drawCharts);
  } else {
    document.addEventListener("DOMContentLoaded", function () { drawCharts(document); });
  }
})();
