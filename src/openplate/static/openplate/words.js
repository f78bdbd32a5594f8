// The check-and-log page: each row's calories follow its quantity and serving as they change,
// and choosing another food weighs it again from the words (the form's "Update amounts"). In
// numbers-light mode the page shows no calories, and only each row's grams follow.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("words-form");
  if (!form) return;
  const rows = [...form.querySelectorAll(".word-row")];

  // data-kcal is the food's kcal per 100 g; each serving option carries its grams.
  function rowKcal(row) {
    if (!row.querySelector("input[type=checkbox]").checked) return 0;
    const quantity = parseFloat(row.querySelector(".row-quantity").value) || 0;
    const serving = row.querySelector(".row-serving").selectedOptions[0];
    const grams = quantity * parseFloat(serving ? serving.dataset.grams : "0");
    row.querySelector(".row-grams").textContent = `(${Math.round(grams)} g)`;
    return (grams * parseFloat(row.dataset.kcal)) / 100;
  }

  function update() {
    let total = 0;
    for (const row of rows) {
      const kcal = rowKcal(row);
      const shown = row.querySelector(".row-kcal");
      if (shown) shown.textContent = `${Math.round(kcal).toLocaleString()} kcal`;
      total += kcal;
    }
    const shownTotal = document.getElementById("words-total");
    if (shownTotal) shownTotal.textContent = `${Math.round(total).toLocaleString()} kcal`;
  }

  update(); // a quantity typed before this script ran counts too
  form.addEventListener("input", update);
  form.addEventListener("change", (event) => {
    if (event.target.classList.contains("row-food")) {
      form.querySelector("button[value=update]").click();
    } else {
      update();
    }
  });
});
