"""scripts/build_food_data.py on a small jar made here, and the food file it built that we ship."""

import gzip
import importlib.util
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
from click.testing import CliRunner

from openplate.foods.nutrients import BY_KEY, BY_SOURCE_NAME, NUTRIENTS, UNITS

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "src/openplate/data/foods/usda_sr24.jsonl.gz"


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "build_food_data", ROOT / "scripts/build_food_data.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


build_food_data = _load_script()


def food_xml(uid, name, measures=(), nutrients=()):
    parts = [f'<food uid="{uid}" fcf="9.02" pcf="4.36" name={quoteattr(name)} ccf="3.68">']
    parts += [f'<measure amount="{a}" name={quoteattr(n)} grams="{g}"/>' for a, n, g in measures]
    parts += [f'<nutrient amount="{a}" name="{n}"/>' for n, a in nutrients]
    return "".join([*parts, "</food>"])


EGG = food_xml(
    "01123",
    "Egg, whole, raw, fresh",
    measures=[("1.0", "large", "50.0"), ("0.333", "cup (4.86 large eggs)", "81.0")],
    nutrients=[
        ("Energy", "143.0"),
        ("Protein", "12.56"),
        ("Fiber", "0.0"),
        ("Vitamin A", "540.0"),
        ("Omega-3", "0.10200000000000001"),
    ],
)
BEEF = food_xml(
    "23001",
    "Beef, ribeye  petite roast, raw",
    measures=[("4.0", "oz", "113.0")],
    nutrients=[("Energy", "150.0"), ("Fat", "5.1")],
)
TOFU_YOGURT = food_xml("43476", "Tofu yogurt", nutrients=[("Energy", "94.0")])
BANANA = food_xml(
    "09040",
    "Bananas, raw",
    measures=[("1.0", 'medium (7" to 7-7/8" long)', "118.0")],
    nutrients=[("Energy", "89.0")],
)
OLD_MILK = food_xml("01075", "Milk substitutes, fluid", nutrients=[("Energy", "61.0")])
RENUMBERED = food_xml("03813", "Infant formula, ready-to-feed", nutrients=[("Energy", "68.0")])
CALCULATOR = food_xml("23999", "Beef, ground beef calculator")


def make_jar(path, entries):
    with zipfile.ZipFile(path, "w") as jar:
        for name, text in entries.items():
            jar.writestr(name, text)
    return path


@pytest.fixture
def jar(tmp_path):
    return make_jar(
        tmp_path / "usda_sr24.jar",
        {
            "META-INF/MANIFEST.MF": "Manifest-Version: 1.0\n",
            "usda_sr24/23001.xml": BEEF,
            "usda_sr24/01123.xml": EGG,
            "usda_sr24/09040.xml": BANANA,
            "usda_sr24/43476.xml": TOFU_YOGURT,
            "usda_sr24/01075.xml": OLD_MILK,
            "usda_sr24/03813.xml": RENUMBERED,
            "usda_sr24/23999.xml": CALCULATOR,
            "usda_sr24/foods.index": "01123|Egg\r\n03813|Infant formula\r\n09040|Bananas\r\n",
            "usda_sr24/deprecated.index": "01075|MILK SUBSTITUTES\r\n03813|INF FORMULA,RTF\r\n",
        },
    )


def built(jar, output):
    build_food_data.build(jar, output)
    with gzip.open(output, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def test_it_writes_the_current_foods_sorted_by_id(jar, tmp_path):
    foods = built(jar, tmp_path / "foods.jsonl.gz")
    # 01075 is deprecated; 03813 is in both indexes and kept; 23999 has no nutrients.
    assert [food["id"] for food in foods] == ["01123", "03813", "09040", "23001", "43476"]


def test_it_parses_names_nutrients_and_servings(jar, tmp_path):
    egg = built(jar, tmp_path / "foods.jsonl.gz")[0]
    assert egg == {
        "id": "01123",
        "name": "Egg, whole, raw, fresh",
        "group": "Dairy and Egg Products",
        "nutrients": {
            "energy_kcal": 143.0,
            "protein_g": 12.56,
            "fiber_g": 0.0,  # a zero the source states is kept; absent nutrients are left out
            "vitamin_a_iu": 540.0,
            "omega_3_g": 0.102,  # the float noise of cronometer's sum is rounded away
        },
        "servings": [["1 large", 50.0], ["0.333 cup (4.86 large eggs)", 81.0]],
    }


def test_it_writes_compact_lines(jar, tmp_path):
    output = tmp_path / "foods.jsonl.gz"
    build_food_data.build(jar, output)
    first = gzip.decompress(output.read_bytes()).decode().splitlines()[0]
    assert first.startswith('{"id":"01123","name":"Egg, whole, raw, fresh","group":')


def test_it_tidies_doubled_spaces_in_names(jar, tmp_path):
    beef = built(jar, tmp_path / "foods.jsonl.gz")[3]
    assert beef["name"] == "Beef, ribeye petite roast, raw"


def test_it_builds_the_same_bytes_twice(jar, tmp_path):
    build_food_data.build(jar, tmp_path / "a.jsonl.gz")
    build_food_data.build(jar, tmp_path / "b.jsonl.gz")
    assert (tmp_path / "a.jsonl.gz").read_bytes() == (tmp_path / "b.jsonl.gz").read_bytes()


@pytest.mark.parametrize(
    ("ndb", "group"),
    [
        ("01123", "Dairy and Egg Products"),
        ("09040", "Fruits and Fruit Juices"),
        ("25000", "Snacks"),
        ("35072", "American Indian/Alaska Native Foods"),
        ("36000", "Restaurant Foods"),
        ("23001", "Beef Products"),  # beef cuts numbered outside the group codes
        ("27000", "Soups, Sauces, and Gravies"),
        ("43476", ""),  # 42, 43 and 44 mix many kinds of food
        ("99999", ""),
    ],
)
def test_it_names_the_food_group_from_the_ndb_number(ndb, group):
    assert build_food_data.food_group(ndb) == group


@pytest.mark.parametrize(
    ("amount", "name", "serving"),
    [
        (1.0, "large", "1 large"),
        (1.0, "cup, chopped", "1 cup, chopped"),
        (0.5, "cup", "0.5 cup"),
        (0.333, "cup", "0.333 cup"),
        (12.0, "fl oz", "12 fl oz"),
        (3.527, "oz", "3.527 oz"),
        (1.0, "serving  (3 oz)", "1 serving (3 oz)"),
        # SR24's notes to itself carry no meaning to a person choosing a serving.
        (0.5, "cup From 19211", "0.5 cup"),
        (1.0, "tablespoon Hershey's label 2011", "1 tablespoon Hershey's"),
        (2.0, "cookie 2011 label", "2 cookie"),
        (1.0, "roast ( yield from 1247 g raw meat )", "1 roast (yield from 1247 g raw meat)"),
        (1.0, 'slice , 3/4"', '1 slice, 3/4"'),
        # What looks like them but means something stays.
        (
            1.0,
            "unit (yield from 1 lb ready-to-cook chicken)",
            "1 unit (yield from 1 lb ready-to-cook chicken)",
        ),
        (1.0, "roast (yield from 1601 g raw meat)", "1 roast (yield from 1601 g raw meat)"),
        (1.0, "bottle Beech-Nut Stage 2 (4 fl oz)", "1 bottle Beech-Nut Stage 2 (4 fl oz)"),
    ],
)
def test_it_names_servings_by_amount_and_measure(amount, name, serving):
    assert build_food_data.serving_name(amount, name) == serving


def test_it_reads_both_index_line_endings():
    assert build_food_data.parse_index(b"01001|Butter\r\n01002|Butter, whipped\n\n") == {
        "01001",
        "01002",
    }


def test_it_refuses_an_unknown_nutrient():
    with pytest.raises(build_food_data.InvalidInput, match="unknown nutrient 'Vitamin Q'"):
        build_food_data.parse_food(food_xml("01001", "Butter", nutrients=[("Vitamin Q", "1")]))


def test_it_refuses_malformed_xml():
    with pytest.raises(build_food_data.InvalidInput, match="not well-formed XML"):
        build_food_data.parse_food(b"<food uid='01001'", "usda_sr24/01001.xml")


def refusal(tmp_path, path):
    result = CliRunner().invoke(
        build_food_data.main, [str(path), "--output", str(tmp_path / "out.jsonl.gz")]
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert not (tmp_path / "out.jsonl.gz").exists()
    return result.stderr.splitlines()


def test_it_refuses_a_file_that_is_not_a_zip(tmp_path):
    path = tmp_path / "usda_sr24.jar"
    path.write_text("not a zip")
    message = f"build_food_data: error: {path} is not a zip file (a cronometer .jar)"
    assert refusal(tmp_path, path) == [message]


def test_it_refuses_a_zip_without_food_xml(tmp_path):
    path = make_jar(tmp_path / "empty.jar", {"META-INF/MANIFEST.MF": "Manifest-Version: 1.0\n"})
    assert refusal(tmp_path, path) == [f"build_food_data: error: {path} holds no food XML files"]


def test_it_refuses_a_missing_file(tmp_path):
    path = tmp_path / "missing.jar"
    assert refusal(tmp_path, path) == [f"build_food_data: error: {path}: no such file"]


def test_it_prints_a_summary(jar, tmp_path):
    output = tmp_path / "foods.jsonl.gz"
    result = CliRunner().invoke(build_food_data.main, [str(jar), "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Wrote 5 foods to {output}: ")
    assert "Left out 1 deprecated foods and 1 without nutrients (23999)." in result.stdout


# The nutrient registry.

REQUIRED_KEYS = [
    "energy_kcal",
    "protein_g",
    "carbohydrate_g",
    "fiber_g",
    "sugars_g",
    "fat_g",
    "saturated_fat_g",
    "trans_fat_g",
    "cholesterol_mg",
    "sodium_mg",
    "potassium_mg",
    "calcium_mg",
    "iron_mg",
    "vitamin_a_iu",
    "vitamin_c_mg",
    "vitamin_d_iu",
]


def test_the_registry_starts_as_a_nutrition_label():
    keys = [nutrient.key for nutrient in NUTRIENTS]
    assert keys[:3] == ["energy_kcal", "protein_g", "carbohydrate_g"]
    assert all(key in BY_KEY for key in REQUIRED_KEYS)


def test_the_registry_has_unique_keys_and_source_names_and_known_units():
    assert len(BY_KEY) == len(BY_SOURCE_NAME) == len(NUTRIENTS) == 71
    assert {nutrient.unit for nutrient in NUTRIENTS} == set(UNITS)


def test_the_registry_imports_without_django():
    code = (
        "import sys, openplate.foods.nutrients; "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# The shipped file, built from Debian's cronometer 0.9.9+dfsg1-1 usda_sr24.jar.


@pytest.fixture(scope="module")
def shipped():
    with gzip.open(SHIPPED, "rt", encoding="utf-8") as lines:
        return {food["id"]: food for food in map(json.loads, lines)}


def test_the_shipped_file_has_every_sr24_food(shipped):
    # SR24 documents 7,906 food items; the jar's other 951 are from earlier releases.
    assert len(shipped) == 7906


def test_every_shipped_food_has_energy_and_a_name(shipped):
    assert all("energy_kcal" in food["nutrients"] and food["name"] for food in shipped.values())


def test_every_shipped_nutrient_is_in_the_registry(shipped):
    keys = {key for food in shipped.values() for key in food["nutrients"]}
    assert keys <= set(BY_KEY)


# SR24's published values, per 100 g; the file carries them unchanged, so the tolerance only
# covers the float round trip.
REFERENCE = [
    ("01123", "energy_kcal", 143.0),
    ("01123", "protein_g", 12.56),
    ("01123", "cholesterol_mg", 372.0),
    ("01123", "sodium_mg", 142.0),
    ("01123", "vitamin_a_iu", 540.0),
    ("01123", "vitamin_d_iu", 82.0),
    ("09040", "energy_kcal", 89.0),
    ("09040", "potassium_mg", 358.0),
    ("11124", "energy_kcal", 41.0),
    ("11124", "vitamin_a_iu", 16706.0),
    ("11124", "beta_carotene_ug", 8285.0),
]


@pytest.mark.parametrize(("ndb", "key", "value"), REFERENCE)
def test_shipped_foods_have_sr24_values(shipped, ndb, key, value):
    assert shipped[ndb]["nutrients"][key] == pytest.approx(value, abs=1e-9)


@pytest.mark.parametrize(
    ("ndb", "name", "group", "serving"),
    [
        ("01123", "Egg, whole, raw, fresh", "Dairy and Egg Products", ["1 large", 50.0]),
        (
            "09040",
            "Bananas, raw",
            "Fruits and Fruit Juices",
            ['1 medium (7" to 7-7/8" long)', 118.0],
        ),
        ("11124", "Carrots, raw", "Vegetables and Vegetable Products", ["1 medium", 61.0]),
    ],
)
def test_shipped_foods_have_sr24_names_groups_and_servings(shipped, ndb, name, group, serving):
    food = shipped[ndb]
    assert (food["name"], food["group"]) == (name, group)
    assert serving in food["servings"]


def test_shipped_servings_are_named_as_the_build_names_them(shipped):
    # The shipped file is the build's output: no serving keeps a note or a stray space that
    # `clean_measure` removes.
    names = [name for food in shipped.values() for name, _ in food["servings"]]
    amount_and_measure = [name.split(" ", 1) for name in names]
    assert all(
        build_food_data.clean_measure(measure) == measure for _, measure in amount_and_measure
    )


def test_a_pudding_serving_no_longer_names_another_foods_ndb_number(shipped):
    # SR24 gives banana pudding's half cup as "0.5 cup From 19211": a reference, by NDB number,
    # to another food (one not even in SR24).
    pudding = shipped["19122"]
    assert pudding["name"].startswith("Puddings, banana, dry mix, regular, prepared with")
    assert pudding["servings"] == [["0.5 cup", 142.0]]
    cocoa = [name for name, _ in shipped["19860"]["servings"]]
    assert cocoa == [
        "1 tablespoon Ghirardelli",
        "1 tablespoon Hershey's",
        "1 container Ghirardelli",
    ]
