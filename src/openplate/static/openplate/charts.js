/* What the pages' charts share: the design system's colours as Chart.js wants them, and dates
   written the way the rest of the page writes them. Loaded before the page's own chart script. */
window.OpenPlateCharts = (function () {
  "use strict";

  function colour(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function shortDate(iso) {
    var parts = iso.split("-").map(Number);
    var day = new Date(parts[0], parts[1] - 1, parts[2]);
    return day.toLocaleDateString(undefined, { month: "short", day: "numeric" });
  }

  return { colour: colour, shortDate: shortDate };
})();
