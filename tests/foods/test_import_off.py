"""Importing Open Food Facts exports (CSV and JSONL): units converted, updates in place, and a bad
row refusing the whole file unless skip_bad."""

import gzip
import json
import re
import subprocess
import sys

import pytest

from openplate.foods.importers import off_csv, off_jsonl
from openplate.foods.importers.rows import BadRow, UnreadableFile
from openplate.foods.importers.saving import MAX_REPORTED, BadRowsFound, import_file
from openplate.foods.models import Food, Serving
from openplate.foods.search import search_foods

pytestmark = pytest.mark.django_db

HEADER = [
    "code",
    "url",
    "product_name",
    "brands",
    "serving_size",
    "serving_quantity",
    "energy-kcal_100g",
    "energy_100g",
    "proteins_100g",
    "carbohydrates_100g",
    "sugars_100g",
    "fat_100g",
    "saturated-fat_100g",
    "trans-fat_100g",
    "fiber_100g",
    "cholesterol_100g",
    "sodium_100g",
    "salt_100g",
    "potassium_100g",
    "calcium_100g",
    "iron_100g",
    "vitamin-c_100g",
    "vitamin-a_100g",
    "vitamin-d_100g",
]
SPREAD = {
    "code": "3017620422003",
    "url": "https://world.openfoodfacts.org/product/3017620422003",
    "product_name": "Hazelnut spread",
    "brands": "Ferrero",
    "serving_size": "15 g",
    "serving_quantity": "15",
    "energy-kcal_100g": "539",
    "energy_100g": "2252",
    "proteins_100g": "6.3",
    "carbohydrates_100g": "57.5",
    "sugars_100g": "56.3",
    "fat_100g": "30.9",
    "saturated-fat_100g": "10.6",
    "trans-fat_100g": "0",
    "fiber_100g": "3.4",
    "cholesterol_100g": "0.002",
    "sodium_100g": "0.0428",
    "salt_100g": "0.107",
    "calcium_100g": "0.108",
    "iron_100g": "0.0043",
    "vitamin-c_100g": "0.0012",
}
OAT_DRINK = {  # energy in kJ only, salt without sodium, vitamins A and D
    "code": "7394376616037",
    "product_name": 'Oat drink "barista"',
    "brands": "Oatly",
    "serving_size": "1 cup (240 ml)",
    "serving_quantity": "240",
    "energy_100g": "250",
    "fat_100g": "3",
    "salt_100g": "0.1",
    "potassium_100g": "0.12",
    "vitamin-a_100g": "0.00006",
    "vitamin-d_100g": "0.0000011",
}


def write_tsv(path, products, header=HEADER):
    lines = ["\t".join(header)]
    lines += ["\t".join(product.get(column, "") for column in header) for product in products]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def nutrients_of(code):
    return Food.objects.get(source="off", source_id=code).nutrients


def test_it_converts_off_grams_to_the_registrys_units(tmp_path):
    result = import_file("off-csv", write_tsv(tmp_path / "products.csv", [SPREAD]))
    assert (result.created, result.updated, result.bad_rows) == (1, 0, 0)
    food = Food.objects.get(source="off", source_id="3017620422003")
    assert (food.name, food.brand, food.barcode) == ("Hazelnut spread", "Ferrero", "3017620422003")
    assert (food.energy_kcal, food.protein_g, food.carbohydrate_g, food.fat_g) == (
        539,
        6.3,
        57.5,
        30.9,
    )
    assert food.owner is None
    assert food.nutrients == {
        "energy_kcal": 539,
        "protein_g": 6.3,
        "carbohydrate_g": 57.5,
        "sugars_g": 56.3,
        "fat_g": 30.9,
        "saturated_fat_g": 10.6,
        "trans_fat_g": 0,
        "fiber_g": 3.4,
        "cholesterol_mg": 2,  # OFF gives grams: 0.002 g
        "sodium_mg": 42.8,  # sodium_100g wins over salt_100g
        "calcium_mg": 108,
        "iron_mg": 4.3,
        "vitamin_c_mg": 1.2,
    }
    # "15 g" names nothing a person would recognise: it would show as "15 g = 15 g".
    assert [(s.name, s.grams) for s in food.servings.all()] == [("1 serving", 15)]


def test_it_reads_kj_salt_and_vitamins_in_iu(tmp_path):
    import_file("off-csv", write_tsv(tmp_path / "products.csv", [OAT_DRINK]))
    nutrients = nutrients_of("7394376616037")
    assert nutrients["energy_kcal"] == pytest.approx(250 / 4.184, rel=1e-5)
    assert nutrients["sodium_mg"] == pytest.approx(100 / 2.5)  # 0.1 g salt is 0.04 g sodium
    assert nutrients["potassium_mg"] == pytest.approx(120)
    assert nutrients["vitamin_a_iu"] == pytest.approx(60 * 3.333, rel=1e-3)  # 60 µg retinol
    assert nutrients["vitamin_d_iu"] == pytest.approx(1.1 * 40)  # 1.1 µg
    assert "protein_g" not in nutrients  # absent stays absent, not 0
    food = Food.objects.get(source_id="7394376616037")
    assert food.protein_g is None
    assert food.name == 'Oat drink "barista"'  # the export quotes nothing
    assert [(s.name, s.grams) for s in food.servings.all()] == [("1 cup (240 ml)", 240)]


def test_reimport_updates_the_same_rows_and_replaces_servings(tmp_path):
    import_file("off-csv", write_tsv(tmp_path / "first.csv", [SPREAD, OAT_DRINK]))
    ids = dict(Food.objects.filter(source="off").values_list("source_id", "pk"))
    changed = {**SPREAD, "product_name": "Hazelnut cocoa spread", "energy-kcal_100g": "540"}
    changed.update(serving_size="1 tbsp", serving_quantity="19")
    result = import_file("off-csv", write_tsv(tmp_path / "second.csv", [changed, OAT_DRINK]))
    assert (result.created, result.updated) == (0, 2)
    assert dict(Food.objects.filter(source="off").values_list("source_id", "pk")) == ids
    spread = Food.objects.get(pk=ids["3017620422003"])
    assert (spread.name, spread.energy_kcal) == ("Hazelnut cocoa spread", 540)
    assert [(s.name, s.grams) for s in Serving.objects.filter(food=spread)] == [("1 tbsp", 19)]
    assert spread.updated > spread.created


def test_search_finds_products_by_their_names_after_each_import(tmp_path):
    import_file("off-csv", write_tsv(tmp_path / "first.csv", [SPREAD]))
    assert "Hazelnut spread" in [food.name for food in search_foods("hazelnut spread")]
    renamed = {**SPREAD, "product_name": "Gianduja cream"}
    import_file("off-csv", write_tsv(tmp_path / "second.csv", [renamed]))
    assert [food.name for food in search_foods("gianduja")] == ["Gianduja cream"]
    assert "Hazelnut spread" not in [food.name for food in search_foods("hazelnut spread")]


def test_one_bad_row_imports_nothing(tmp_path):
    import_file("off-csv", write_tsv(tmp_path / "first.csv", [SPREAD]))
    before = list(Food.objects.filter(source="off").values_list("pk", "energy_kcal", "updated"))
    bad = {**OAT_DRINK, "fat_100g": "lots"}
    changed = {**SPREAD, "energy-kcal_100g": "100"}
    with pytest.raises(BadRowsFound) as refused:
        import_file("off-csv", write_tsv(tmp_path / "second.csv", [changed, bad]))
    assert [str(problem) for problem in refused.value.result.problems] == [
        "line 3, fat_100g: 'lots' is not a number"
    ]
    after = list(Food.objects.filter(source="off").values_list("pk", "energy_kcal", "updated"))
    assert after == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"product_name": ""}, "line 2, product_name: missing"),
        ({"energy-kcal_100g": "", "energy_100g": ""}, "line 2, energy-kcal_100g: missing"),
        ({"energy-kcal_100g": "2255"}, "line 2, energy-kcal_100g: 2255 is more than 900 kcal"),
        ({"energy-kcal_100g": "", "energy_100g": "4000"}, "line 2, energy_100g: 4000 kJ (956"),
        ({"energy-kcal_100g": "nan"}, "line 2, energy-kcal_100g: 'nan' is not a number"),
        ({"proteins_100g": "-1"}, "line 2, proteins_100g: -1 is negative"),
        ({"sugars_100g": "101"}, "line 2, sugars_100g: 101 is more than 100 g per 100 g"),
        ({"sodium_100g": "120"}, "line 2, sodium_100g: 120 is more than 100 g per 100 g"),
        ({"code": "30176204X2003"}, "line 2, code: '30176204X2003' is not a barcode"),
        ({"code": ""}, "line 2, code: missing"),
        ({"serving_quantity": "-15"}, "line 2, serving_quantity: -15 is not more than 0"),
        ({"product_name": "x" * 256}, "line 2, product_name: longer than 255 characters"),
    ],
)
def test_a_bad_row_is_named_by_line_and_field(tmp_path, change, message):
    path = write_tsv(tmp_path / "products.csv", [{**SPREAD, **change}])
    rows = list(off_csv.read(path))
    assert len(rows) == 1
    assert isinstance(rows[0], BadRow)
    assert str(rows[0]).startswith(message)


def test_a_code_twice_in_one_file_is_a_bad_row(tmp_path):
    path = write_tsv(tmp_path / "products.csv", [SPREAD, OAT_DRINK, SPREAD])
    problems = [row for row in off_csv.read(path) if isinstance(row, BadRow)]
    assert [str(p) for p in problems] == ["line 4, code: 3017620422003 was on line 2 already"]


def test_skip_bad_imports_the_good_rows_and_counts_the_bad(tmp_path):
    bad = [{**OAT_DRINK, "code": f"1{i:012d}", "fat_100g": "-1"} for i in range(MAX_REPORTED + 5)]
    path = write_tsv(tmp_path / "products.csv", [SPREAD, *bad, OAT_DRINK])
    result = import_file("off-csv", path, skip_bad=True)
    assert (result.created, result.updated, result.bad_rows) == (2, 0, MAX_REPORTED + 5)
    assert len(result.problems) == MAX_REPORTED
    assert str(result.problems[0]) == "line 3, fat_100g: -1 is negative"
    assert set(Food.objects.filter(source="off").values_list("source_id", flat=True)) == {
        "3017620422003",
        "7394376616037",
    }


def test_without_skip_bad_reading_stops_after_enough_bad_rows(tmp_path):
    bad = [{**SPREAD, "code": f"1{i:012d}", "fat_100g": "-1"} for i in range(MAX_REPORTED * 2)]
    with pytest.raises(BadRowsFound) as refused:
        import_file("off-csv", write_tsv(tmp_path / "products.csv", bad))
    assert refused.value.result.bad_rows == MAX_REPORTED
    assert refused.value.stopped


def test_a_row_with_too_few_fields_is_a_bad_row(tmp_path):
    path = write_tsv(tmp_path / "products.csv", [SPREAD])
    path.write_text(path.read_text() + "123\tshort\n")
    rows = list(off_csv.read(path))
    assert str(rows[1]) == f"line 3: has 2 fields, the header has {len(HEADER)}"


def test_a_gzipped_export_is_read_as_it_is(tmp_path):
    plain = write_tsv(tmp_path / "products.csv", [SPREAD, OAT_DRINK])
    packed = tmp_path / "products.csv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert import_file("off-csv", packed).created == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "products.csv is empty"),
        ("name,kcal_per_100g\nEgg,143\n", "is not an Open Food Facts CSV export: it has no code"),
        ("code\tproduct_name\tfat_100g\n1\tx\t1\n", "has no energy column"),
    ],
)
def test_a_file_that_is_no_export_is_refused_as_a_whole(tmp_path, content, message):
    path = tmp_path / "products.csv"
    path.write_text(content)
    with pytest.raises(UnreadableFile, match=re.escape(message)):
        import_file("off-csv", path)


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = write_tsv(tmp_path / "products.csv", [SPREAD])
    path.write_bytes(path.read_bytes().replace(b"Hazelnut", b"Haseln\xfc\xdf"))
    with pytest.raises(UnreadableFile, match="is not UTF-8 text"):
        import_file("off-csv", path)
    assert not Food.objects.filter(source="off").exists()


def jsonl_product(fields):
    """An OFF CSV row as the JSONL export gives it: numbers as numbers, in `nutriments`."""
    top = {"code", "product_name", "brands", "serving_size", "serving_quantity"}
    product = {key: value for key, value in fields.items() if key in top}
    product["nutriments"] = {
        key: float(value) for key, value in fields.items() if key.endswith("_100g") and value
    }
    return product


def write_jsonl(path, products):
    path.write_text("".join(json.dumps(product) + "\n" for product in products))
    return path


def test_jsonl_gives_the_same_foods_as_csv(tmp_path):
    import_file("off-csv", write_tsv(tmp_path / "products.csv", [SPREAD, OAT_DRINK]))
    from_csv = {food.source_id: food.nutrients for food in Food.objects.filter(source="off")}
    products = [jsonl_product(SPREAD), jsonl_product(OAT_DRINK)]
    result = import_file("off-jsonl", write_jsonl(tmp_path / "products.jsonl", products))
    assert (result.created, result.updated) == (0, 2)
    from_jsonl = {food.source_id: food.nutrients for food in Food.objects.filter(source="off")}
    assert from_jsonl == from_csv


def test_jsonl_bad_lines_are_named(tmp_path):
    good = jsonl_product(SPREAD)
    nutriments = good["nutriments"]
    path = tmp_path / "products.jsonl"
    path.write_text(
        json.dumps(good)
        + "\n\n{not json\n"
        + json.dumps({**jsonl_product(OAT_DRINK), "nutriments": []})
        + "\n"
        + json.dumps({**good, "code": "12345678", "nutriments": {**nutriments, "fat_100g": True}})
        + "\n"
    )
    assert [str(row) for row in off_jsonl.read(path) if isinstance(row, BadRow)] == [
        "line 3: is not a JSON object",
        "line 4, nutriments: is not a JSON object",
        "line 5, fat_100g: True is not a number",
    ]


def test_a_jsonl_file_that_starts_with_no_json_is_refused(tmp_path):
    path = write_tsv(tmp_path / "products.jsonl", [SPREAD])
    with pytest.raises(UnreadableFile, match="is not JSON Lines"):
        import_file("off-jsonl", path)


def test_a_numeric_jsonl_code_is_read_as_digits(tmp_path):
    product = {**jsonl_product(SPREAD), "code": 3017620422003}
    import_file("off-jsonl", write_jsonl(tmp_path / "products.jsonl", [product]))
    assert Food.objects.filter(source="off", barcode="3017620422003").exists()


def test_progress_is_reported_in_lines(tmp_path):
    products = [{**SPREAD, "code": f"{i:013d}"} for i in range(1, 2_501)]
    seen = []
    import_file("off-csv", write_tsv(tmp_path / "products.csv", products), progress=seen.append)
    assert sum(seen) == 2_000 + 1  # every 1,000 rows; the header is line 1


def test_the_readers_import_without_django():
    """`openplate foods` lists the formats before Django is set up, and readers never need it."""
    code = (
        "import sys, openplate.foods.importers; "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
