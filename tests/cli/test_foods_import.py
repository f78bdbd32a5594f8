"""`openplate foods import`, through the command line, on the test database: each test's
imports are rolled back after it."""

import json

import pytest

from tests.cli.runner import openplate

pytestmark = pytest.mark.django_db

HEADER = "code\tproduct_name\tbrands\tserving_size\tserving_quantity\tenergy_100g\tfat_100g\n"


def ean13(body):
    """The 12 digits `body` and their check digit (a leading 2: for internal use)."""
    weighted = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str((10 - weighted % 10) % 10)


def off_export(path, *rows):
    path.write_text(HEADER + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return str(path)


def product(code, fat="3.2"):
    return [code, "Seeded crispbread", "Knusper", "2 slices (25 g)", "25", "1600", fat]


def test_it_shows_progress_and_a_summary(tmp_path):
    export = off_export(
        tmp_path / "products.csv", product(ean13("200000000001")), product(ean13("200000000002"))
    )
    result = openplate("foods", "import", "off-csv", export)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Imported 2 foods: 2 new, 0 updated.\n"
    assert "Importing products.csv" in result.stderr


def test_an_imported_product_is_found_by_its_barcode(tmp_path):
    code = ean13("200000000003")
    export = off_export(tmp_path / "products.csv", product(code))
    assert openplate("foods", "import", "off-csv", export).returncode == 0
    found = openplate("foods", "barcode", code, "--json")
    assert found.returncode == 0, found.stderr
    food = json.loads(found.stdout)
    assert (food["source"], food["source_id"], food["barcode"]) == ("off", code, code)
    assert (food["name"], food["brand"]) == ("Seeded crispbread", "Knusper")
    assert food["kcal_per_100g"] == pytest.approx(1600 / 4.184, rel=1e-5)
    assert food["servings"] == [{"name": "2 slices (25 g)", "grams": 25}]


def test_a_upc_a_product_is_found_by_its_12_digits(tmp_path):
    code = ean13("012345678901")  # an EAN-13 that is "0" and a UPC-A, as OFF stores them
    export = off_export(tmp_path / "products.csv", product(code))
    assert openplate("foods", "import", "off-csv", export).returncode == 0
    assert openplate("foods", "barcode", code[1:]).returncode == 0


def test_importing_again_updates_the_same_food(tmp_path):
    code = ean13("200000000004")
    openplate("foods", "import", "off-csv", off_export(tmp_path / "a.csv", product(code)))
    before = json.loads(openplate("foods", "show", f"off:{code}", "--json").stdout)
    export = off_export(tmp_path / "b.csv", product(code, fat="4.5"))
    result = openplate("foods", "import", "off-csv", export)
    assert result.stdout == "Imported 1 food: 0 new, 1 updated.\n"
    after = json.loads(openplate("foods", "show", f"off:{code}", "--json").stdout)
    assert after["id"] == before["id"]
    assert after["fat_g_per_100g"] == 4.5


def test_a_bad_row_imports_nothing_and_says_where(tmp_path):
    good, bad = ean13("200000000005"), ean13("200000000006")
    export = off_export(tmp_path / "products.csv", product(good), product(bad, fat="lots"))
    result = openplate("foods", "import", "off-csv", export)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-2:] == [
        "line 3, fat_100g: 'lots' is not a number",
        "openplate: error: nothing imported: 1 bad row (--skip-bad imports the good rows)",
    ]
    assert openplate("foods", "barcode", good).returncode == 1


def test_skip_bad_imports_the_rest_and_reports_what_it_skipped(tmp_path):
    good, bad = ean13("200000000007"), ean13("200000000008")
    export = off_export(tmp_path / "products.csv", product(bad, fat="-1"), product(good))
    result = openplate("foods", "import", "off-csv", export, "--skip-bad")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Imported 1 food: 1 new, 0 updated; 1 row skipped.\n"
    assert "skipped line 2, fat_100g: -1 is negative" in result.stderr.splitlines()
    assert openplate("foods", "barcode", good).returncode == 0
    assert openplate("foods", "barcode", bad).returncode == 1


def test_our_own_csv_is_imported_under_its_source_ids(tmp_path):
    source_id = "lentil-stew"
    path = tmp_path / "mine.csv"
    path.write_text(
        "source_id,name,kcal_per_100g,protein_g,serving_name,serving_grams\n"
        f"{source_id},Lentil stew,116,9,1 bowl,300\n"
    )
    result = openplate("foods", "import", "csv", str(path))
    assert result.stdout == "Imported 1 food: 1 new, 0 updated.\n", result.stderr
    food = json.loads(openplate("foods", "show", f"csv:{source_id}", "--json").stdout)
    assert (food["name"], food["kcal_per_100g"], food["protein_g_per_100g"]) == (
        "Lentil stew",
        116,
        9,
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["off-csv", "{csv}"], "is not an Open Food Facts CSV export"),
        (["off-jsonl", "{csv}"], "is not JSON Lines"),
        (["xml", "{csv}"], "Invalid value for 'FORMAT'"),
        (["csv", "{missing}"], "does not exist"),
    ],
)
def test_a_file_it_cannot_read_is_refused_in_one_line(tmp_path, arguments, message):
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text("source_id,name,kcal_per_100g\na,Apple,52\n")
    paths = {"csv": str(csv_file), "missing": str(tmp_path / "nothing.csv")}
    result = openplate("foods", "import", *[a.format(**paths) for a in arguments])
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("openplate: error: ")
    assert message in lines[0]
