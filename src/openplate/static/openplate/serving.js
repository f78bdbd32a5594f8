// The serving form: calories and macros follow the quantity and serving as they change, before
// anything is saved. #serving-facts holds the food's amounts per 100 g and each serving's grams.
// In numbers-light mode the page has no #serving-total, and only the grams follow.
document.addEventListener("DOMContentLoaded", () => {
  const facts = document.getElementById("serving-facts");
  const total = document.getElementById("serving-total");
  if (!facts) return;
  const { per_100g: per100g, servings } = JSON.parse(facts.textContent);
  const form = document.getElementById("serving-grams").closest("form");
  const quantity = form.querySelector("[name=quantity]");
  const serving = form.querySelector("[name=serving]");

  const grams = (value) => (value >= 10 ? Math.round(value) : Math.round(value * 10) / 10);

  function update() {
    const amount = parseFloat(quantity.value);
    const weight = amount > 0 ? amount * (servings[serving.value] || 0) : 0;
    const share = weight / 100;
    const macros = ["protein", "carbohydrate", "fat"]
      .filter((name) => per100g[name] !== null && per100g[name] !== undefined)
      .map((name) => `${grams(per100g[name] * share).toLocaleString()} g ${name}`);
    if (total) total.value = [`${Math.round(per100g.kcal * share).toLocaleString()} kcal`, ...macros].join(" · ");
    const portion = `${grams(weight).toLocaleString()} g`;
    document.getElementById("serving-grams").textContent = total ? `(${portion})` : portion;
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
});
