/* The progress page's charts, drawn with the vendored Chart.js from the data the page embeds
   with json_script (#progress-data), and the weekly report's print button. Each chart has a
   text summary beside it in the page, so nothing here is the only way to read the numbers. */
(function () {
  "use strict";

  function printButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  }

  var colour = window.OpenPlateCharts.colour;
  var shortDate = window.OpenPlateCharts.shortDate;

  function baseOptions(unit) {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      plugins: {
        legend: { position: "bottom", labels: { boxWidth: 12 } },
        tooltip: {
          callbacks: {
            title: function (items) { return items.length ? shortDate(items[0].label) : ""; },
            label: function (item) {
              if (item.parsed.y === null) { return null; }
              return item.dataset.label + ": " + item.parsed.y.toLocaleString() + " " + unit;
            },
          },
        },
      },
      scales: {
        x: {
          ticks: {
            maxTicksLimit: 7,
            maxRotation: 0,
            callback: function (value) { return shortDate(this.getLabelForValue(value)); },
          },
          grid: { display: false },
        },
      },
    };
  }

  function weightChart(canvas, data, unit) {
    var accent = colour("--accent", "#2f7d4f");
    var muted = colour("--muted", "#5b6770");
    var datasets = [
      {
        label: "Weigh-ins",
        data: data.weight,
        showLine: false,
        pointRadius: 3,
        pointBackgroundColor: muted,
        borderColor: muted,
      },
      {
        label: "Trend",
        data: data.trend,
        borderColor: accent,
        backgroundColor: accent,
        pointRadius: 0,
        borderWidth: 2.5,
        spanGaps: true,
      },
    ];
    if (data.forecast.some(function (value) { return value !== null; })) {
      datasets.push({
        label: "Forecast",
        data: data.forecast,
        borderColor: colour("--protein", "#3b7dd8"),
        borderDash: [6, 4],
        pointRadius: 0,
        borderWidth: 1.5,
        spanGaps: true,
      });
    }
    if (data.goal.length) {
      datasets.push({
        label: "Goal weight",
        data: data.goal,
        borderColor: colour("--carbohydrate", "#e0a526"),
        borderDash: [2, 3],
        pointRadius: 0,
        borderWidth: 1.5,
      });
    }
    var options = baseOptions(unit);
    options.scales.y = { grace: "5%", title: { display: true, text: unit } };
    return new Chart(canvas, { type: "line", data: { labels: data.labels, datasets: datasets }, options: options });
  }

  function caloriesChart(canvas, data) {
    var options = baseOptions("kcal");
    options.scales.y = { beginAtZero: true, title: { display: true, text: "kcal" } };
    return new Chart(canvas, {
      data: {
        labels: data.labels,
        datasets: [
          {
            type: "bar",
            label: "Eaten",
            data: data.eaten,
            backgroundColor: colour("--accent", "#2f7d4f"),
            order: 2,
          },
          {
            type: "line",
            label: "Budget",
            data: data.budget,
            borderColor: colour("--danger", "#b3261e"),
            pointRadius: 0,
            borderWidth: 2,
            stepped: true,
            order: 1,
          },
        ],
      },
      options: options,
    });
  }

  function macrosChart(canvas, data) {
    return new Chart(canvas, {
      type: "doughnut",
      data: {
        labels: data.labels,
        datasets: [{
          data: data.grams,
          backgroundColor: [
            colour("--protein", "#3b7dd8"),
            colour("--carbohydrate", "#e0a526"),
            colour("--fat", "#c8553d"),
          ],
        }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { position: "right" },
          tooltip: {
            callbacks: {
              label: function (item) {
                return item.label + ": " + item.parsed + " g (" + data.percent[item.dataIndex] + " % of kcal)";
              },
            },
          },
        },
      },
    });
  }

  function charts() {
    var source = document.getElementById("progress-data");
    if (!source || typeof Chart === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var weight = document.getElementById("weight-chart");
    var calories = document.getElementById("calories-chart");
    var macros = document.getElementById("macros-chart");
    if (weight) { weightChart(weight, data.weight, data.unit); }
    if (calories) { caloriesChart(calories, data.calories); }
    if (macros && data.macros.grams.some(function (grams) { return grams > 0; })) {
      macrosChart(macros, data.macros);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    printButtons();
    charts();
  });
})();
