/* The expenditure page's chart, drawn with the vendored Chart.js from the data the page embeds
   with json_script (#expenditure-data): the daily expenditure with its band, the intake that
   counted and the intake of days left out. The page says the same in words beside it. */
(function () {
  "use strict";

  var colour = window.OpenPlateCharts.colour;
  var shortDate = window.OpenPlateCharts.shortDate;

  function chart(canvas, data) {
    var accent = colour("--accent", "#2f7d4f");
    var muted = colour("--muted", "#5b6770");
    var line = colour("--protein", "#3b7dd8");
    return new Chart(canvas, {
      data: {
        labels: data.labels,
        datasets: [
          { type: "line", label: "Band, low", data: data.low, borderWidth: 0, pointRadius: 0, fill: false, order: 3 },
          {
            type: "line", label: "Band, high", data: data.high, borderWidth: 0, pointRadius: 0,
            fill: "-1", backgroundColor: "rgba(59, 125, 216, 0.18)", order: 3,
          },
          { type: "line", label: "Expenditure", data: data.expenditure, borderColor: line, backgroundColor: line, borderWidth: 2.5, pointRadius: 0, order: 1 },
          { type: "bar", label: "Intake counted", data: data.intake, backgroundColor: accent, order: 2 },
          { type: "bar", label: "Left out", data: data.left_out, backgroundColor: muted, order: 2 },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: {
            position: "bottom",
            labels: { boxWidth: 12, filter: function (item) { return item.text.indexOf("Band") !== 0; } },
          },
          tooltip: {
            callbacks: {
              title: function (items) { return items.length ? shortDate(items[0].label) : ""; },
              label: function (item) {
                if (item.parsed.y === null) { return null; }
                return item.dataset.label + ": " + item.parsed.y.toLocaleString() + " kcal";
              },
            },
          },
        },
        scales: {
          x: {
            stacked: true,
            ticks: {
              maxTicksLimit: 7,
              maxRotation: 0,
              callback: function (value) { return shortDate(this.getLabelForValue(value)); },
            },
            grid: { display: false },
          },
          y: { beginAtZero: true, title: { display: true, text: "kcal" } },
        },
      },
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var source = document.getElementById("expenditure-data");
    var canvas = document.getElementById("expenditure-chart");
    if (!source || !canvas || typeof Chart === "undefined") { return; }
    chart(canvas, JSON.parse(source.textContent));
  });
})();
