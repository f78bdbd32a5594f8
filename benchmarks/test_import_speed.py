"""Speed of `openplate foods import`: an Open Food Facts CSV export of 100,000 products.

Run: pytest benchmarks/test_import_speed.py --benchmark-enable -s (prints rows/s). Without
--benchmark-enable (as in CI) each benchmark runs once on 2,000 rows, which keeps it working
without timing anything. Figures in docs/PERFORMANCE.md.
"""

import csv
import random

import pytest

from openplate.foods.importers.saving import import_file
from openplate.foods.models import Food, Serving

pytestmark = pytest.mark.django_db

BENCHMARK_ROWS = 100_000
CHECK_ROWS = 2_000
# A slice of the real export's ~200 columns: the ones the importer reads, and some it skips.
COLUMNS = [
    "code",
    "url",
    "creator",
    "created_t",
    "product_name",
    "generic_name",
    "quantity",
    "brands",
    "categories",
    "countries",
    "ingredients_text",
    "serving_size",
    "serving_quantity",
    "nutriscore_grade",
    "energy-kj_100g",
    "energy-kcal_100g",
    "energy_100g",
    "fat_100g",
    "saturated-fat_100g",
    "trans-fat_100g",
    "cholesterol_100g",
    "carbohydrates_100g",
    "sugars_100g",
    "fiber_100g",
    "proteins_100g",
    "salt_100g",
    "sodium_100g",
    "vitamin-a_100g",
    "vitamin-d_100g",
    "vitamin-c_100g",
    "potassium_100g",
    "calcium_100g",
    "iron_100g",
]
WORDS = (
    "chocolate",
    "hazelnut",
    "spread",
    "oat",
    "drink",
    "greek",
    "yogurt",
    "strawberry",
    "granola",
    "bar",
    "whole",
    "wheat",
    "bread",
    "peanut",
    "butter",
    "crunchy",
    "tomato",
    "soup",
    "basil",
    "pesto",
    "green",
    "tea",
    "orange",
    "juice",
    "dark",
    "roast",
    "coffee",
    "cheddar",
    "cheese",
    "sliced",
    "ham",
    "chicken",
    "breast",
    "rice",
    "crackers",
    "sea",
    "salt",
    "crisps",
    "vanilla",
    "ice",
    "cream",
)
BRANDS = ("Acme", "Brightfield", "Nordkost", "La Huerta", "Golden Mill", "")


def write_off_export(path, rows, seed=2026):
    """An OFF-style tab-separated export; every tenth product gives energy in kJ only and every
    seventh salt without sodium, as real products do."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        for i in range(rows):
            kcal = rng.uniform(20, 600)
            salt = rng.uniform(0, 3)
            grams = rng.choice((15, 30, 40, 125, 250))
            writer.writerow(
                [
                    f"{3_000_000_000_000 + i * 7:013d}",
                    f"https://world.openfoodfacts.org/product/{i}",
                    "openfoodfacts-contributors",
                    "1589000000",
                    " ".join(rng.sample(WORDS, rng.randint(2, 5))).capitalize(),
                    "",
                    "400 g",
                    rng.choice(BRANDS),
                    "en:snacks,en:sweet-snacks",
                    "France,Germany",
                    "sugar, hazelnuts 13%, skimmed milk powder 8.7%, cocoa 7.4%, emulsifier",
                    f"{grams} g",
                    grams,
                    rng.choice("abcde"),
                    f"{kcal * 4.184:.0f}",
                    "" if i % 10 == 0 else f"{kcal:.0f}",
                    f"{kcal * 4.184:.0f}",
                    f"{rng.uniform(0, 40):.1f}",
                    f"{rng.uniform(0, 15):.1f}",
                    "0",
                    f"{rng.uniform(0, 0.2):.4f}",
                    f"{rng.uniform(0, 70):.1f}",
                    f"{rng.uniform(0, 50):.1f}",
                    f"{rng.uniform(0, 10):.1f}",
                    f"{rng.uniform(0, 30):.1f}",
                    f"{salt:.2f}",
                    "" if i % 7 == 0 else f"{salt / 2.5:.3f}",
                    f"{rng.uniform(0, 0.001):.6f}",
                    f"{rng.uniform(0, 0.00001):.7f}",
                    f"{rng.uniform(0, 0.05):.4f}",
                    f"{rng.uniform(0, 0.5):.4f}",
                    f"{rng.uniform(0, 0.3):.4f}",
                    f"{rng.uniform(0, 0.005):.5f}",
                ]
            )


def row_count(benchmark):
    return CHECK_ROWS if benchmark.disabled else BENCHMARK_ROWS


def report(benchmark, rows, what):
    if benchmark.stats is not None:
        rate = rows / benchmark.stats.stats.min
        benchmark.extra_info["rows_per_second"] = round(rate)
        rounds = benchmark.stats.stats.rounds
        print(f"\n{what}: {rows:,} rows, {rate:,.0f} rows/s (best of {rounds})")


def forget_imported_products():
    Serving.objects.filter(food__source=Food.Source.OPEN_FOOD_FACTS).delete()
    Food.objects.filter(source=Food.Source.OPEN_FOOD_FACTS).delete()


def test_import_of_new_products(benchmark, tmp_path):
    rows = row_count(benchmark)
    export = tmp_path / "products.csv"
    write_off_export(export, rows)

    def setup():
        forget_imported_products()
        return (("off-csv", export), {})

    result = benchmark.pedantic(import_file, setup=setup, rounds=3)
    assert (result.created, result.updated, result.bad_rows) == (rows, 0, 0)
    report(benchmark, rows, "new products")


def test_reimport_updates_every_product(benchmark, tmp_path):
    rows = row_count(benchmark)
    export = tmp_path / "products.csv"
    write_off_export(export, rows)
    import_file("off-csv", export)
    result = benchmark.pedantic(import_file, args=("off-csv", export), rounds=3)
    assert (result.created, result.updated) == (0, rows)
    report(benchmark, rows, "re-import")
