"""Importing OpenPlate's own CSV (docs/foods-import.md): nutrients by registry key, per 100 g."""

import re

import pytest

from openplate.foods.importers import generic_csv
from openplate.foods.importers.rows import BadRow, UnreadableFile
from openplate.foods.importers.saving import BadRowsFound, import_file
from openplate.foods.models import Food

pytestmark = pytest.mark.django_db

GRANOLA = (
    "source_id,name,brand,barcode,kcal_per_100g,protein_g,fat_g,sodium_mg,vitamin_d_iu,"
    "serving_name,serving_grams\n"
    "granola-1,Granola with honey,Mill & Co,4006381333931,471,10.5,18.2,35,0,1 cup,56\n"
)


def write(tmp_path, text, name="foods.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def bad_rows(path):
    return [str(row) for row in generic_csv.read(path) if isinstance(row, BadRow)]


def test_it_imports_every_column(tmp_path):
    result = import_file("csv", write(tmp_path, GRANOLA))
    assert (result.created, result.updated) == (1, 0)
    food = Food.objects.get(source="csv", source_id="granola-1")
    assert (food.name, food.brand, food.barcode) == (
        "Granola with honey",
        "Mill & Co",
        "4006381333931",
    )
    assert food.nutrients == {
        "energy_kcal": 471,
        "protein_g": 10.5,
        "fat_g": 18.2,
        "sodium_mg": 35,
        "vitamin_d_iu": 0,
    }
    assert (food.energy_kcal, food.protein_g, food.fat_g, food.carbohydrate_g) == (
        471,
        10.5,
        18.2,
        None,
    )
    assert [(s.name, s.grams) for s in food.servings.all()] == [("1 cup", 56)]


def test_reimport_updates_by_source_id(tmp_path):
    import_file("csv", write(tmp_path, GRANOLA))
    food_id = Food.objects.get(source="csv", source_id="granola-1").pk
    text = "source_id,name,kcal_per_100g\ngranola-1,Granola,460\ngranola-2,Muesli,360\n"
    result = import_file("csv", write(tmp_path, text))
    assert (result.created, result.updated) == (1, 1)
    food = Food.objects.get(pk=food_id)
    assert (food.name, food.brand, food.energy_kcal, food.barcode) == ("Granola", "", 460, "")
    assert food.nutrients == {"energy_kcal": 460}  # the file's row replaces the food's values
    assert not food.servings.exists()


def test_the_header_may_be_in_any_order_with_a_byte_order_mark(tmp_path):
    path = write(tmp_path, "\ufeffkcal_per_100g , name,source_id\n52,Apple,apple\n\n")
    import_file("csv", path)
    assert Food.objects.get(source="csv", source_id="apple").energy_kcal == 52


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("source_id,name,kcal_per_100g,protien_g", "unknown column 'protien_g'"),
        ("source_id,name,energy_kcal", "energy goes in the kcal_per_100g column"),
        ("source_id,name", "has no kcal_per_100g column"),
        ("name,kcal_per_100g", "has no source_id column"),
        ("source_id,name,kcal_per_100g,name", "has two name columns"),
        ("source_id;name;kcal_per_100g", "unknown column 'source_id;name;kcal_per_100g'"),
    ],
)
def test_a_header_the_format_does_not_know_refuses_the_file(tmp_path, header, message):
    with pytest.raises(UnreadableFile, match=re.escape(message)):
        import_file("csv", write(tmp_path, f"{header}\n"))


def test_an_empty_file_is_refused(tmp_path):
    with pytest.raises(UnreadableFile, match=re.escape("foods.csv is empty")):
        import_file("csv", write(tmp_path, ""))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (",Apple,52,,,", "line 2, source_id: missing"),
        ("a, ,52,,,", "line 2, name: missing"),
        ("a,Apple,,,,", "line 2, kcal_per_100g: missing"),
        ("a,Apple,fifty,,,", "line 2, kcal_per_100g: 'fifty' is not a number"),
        (
            "a,Apple,901,,,",
            "line 2, kcal_per_100g: 901 is more than 900 kcal per 100 g, more than pure fat",
        ),
        ("a,Apple,-1,,,", "line 2, kcal_per_100g: -1 is negative"),
        ("a,Apple,52,100001,,", "line 2, sodium_mg: 100001 is more than 100 g per 100 g"),
        ("a,Apple,52,,1 cup,", "line 2, serving_grams: missing, and serving_name is given"),
        ("a,Apple,52,,,182", "line 2, serving_name: missing, and serving_grams is given"),
        ("a,Apple,52,,1 cup,0", "line 2, serving_grams: 0 is not more than 0"),
        ("a,Apple,52,,1 crate,5001", "line 2, serving_grams: 5001 g is more than 5000 g"),
        ("a,Apple,52,,,,", "line 2: has 7 fields, the header has 6"),
    ],
)
def test_a_bad_row_is_named_by_line_and_field(tmp_path, row, message):
    header = "source_id,name,kcal_per_100g,sodium_mg,serving_name,serving_grams"
    assert bad_rows(write(tmp_path, f"{header}\n{row}\n")) == [message]


@pytest.mark.parametrize(
    ("barcode", "message"),
    [
        ("400-638", "line 2, barcode: '400-638' is not a barcode: only digits"),
        ("４００６", "line 2, barcode: '４００６' is not a barcode: only digits"),
        ("1" * 33, f"line 2, barcode: {'1' * 33} is longer than a barcode (32 digits)"),
    ],
)
def test_a_barcode_is_digits(tmp_path, barcode, message):
    text = f"source_id,name,kcal_per_100g,barcode\na,Apple,52,{barcode}\n"
    assert bad_rows(write(tmp_path, text)) == [message]


def test_vitamin_a_in_iu_is_checked_as_grams(tmp_path):
    # 100 g of retinol is 333 million IU; a label's 10,000 IU (3 mg) is fine.
    text = "source_id,name,kcal_per_100g,vitamin_a_iu\na,Liver,135,10000\nb,Oil,884,4e8\n"
    assert bad_rows(write(tmp_path, text)) == [
        "line 3, vitamin_a_iu: 4e+08 is more than 100 g per 100 g"
    ]


def test_lines_are_counted_across_quoted_line_breaks(tmp_path):
    text = 'source_id,name,kcal_per_100g\na,"Bread,\nwhole wheat",247\nb,Butter,-717\n'
    assert bad_rows(write(tmp_path, text)) == ["line 4, kcal_per_100g: -717 is negative"]


def test_a_source_id_twice_is_a_bad_row(tmp_path):
    text = "source_id,name,kcal_per_100g\na,Apple,52\nb,Pear,57\na,Apple again,52\n"
    assert bad_rows(write(tmp_path, text)) == ["line 4, source_id: a was on line 2 already"]


def test_a_bad_row_imports_nothing(tmp_path):
    text = "source_id,name,kcal_per_100g\na,Apple,52\nb,Pear,lots\n"
    with pytest.raises(BadRowsFound):
        import_file("csv", write(tmp_path, text))
    assert not Food.objects.filter(source="csv", source_id="a").exists()
