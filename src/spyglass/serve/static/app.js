/* Spyglass pages: draw Vega-Lite charts from data-spec attributes. No inline script, no eval:
   Vega runs with its expression interpreter (ast: true) so the CSP can forbid 'unsafe-eval'. */
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
        renderer: "canvas",
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
