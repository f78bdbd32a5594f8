"""Build the shipped food file from USDA SR24 as Debian's `cronometer` package carries it.

    python scripts/build_food_data.py [JAR] [--output PATH]

JAR is cronometer's `usda_sr24.jar`: a zip with one XML file per food (amounts per 100 g) and two
indexes, `foods.index` (the SR24 foods) and `deprecated.index` (foods of earlier releases that
cronometer keeps for old diaries). The output is `src/openplate/data/foods/usda_sr24.jsonl.gz`,
one JSON object a food, sorted by id; rebuilding from the same jar gives the same bytes.
src/openplate/data/foods/README.md describes the format and what this script changes.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click

from openplate.foods.nutrients import BY_SOURCE_NAME, NUTRIENTS

USAGE_ERROR = 2

# Where Debian installs the jar, then where the README's `apt-get download` recipe extracts it.
DEFAULT_JARS = (
    Path("/usr/share/cronometer/usda_sr24.jar"),
    Path("/tmp/cron/x/usr/share/cronometer/usda_sr24.jar"),
)
DEFAULT_OUTPUT = (
    Path(__file__).resolve().parent.parent / "src/openplate/data/foods/usda_sr24.jsonl.gz"
)

# SR24's food groups (its FD_GROUP file, FdGrp_Cd and FdGrp_Desc), keyed by the first two
# digits of the group code. An NDB number's first two digits are its group's, with the
# exceptions below.
SR24_FOOD_GROUPS = {
    "01": "Dairy and Egg Products",
    "02": "Spices and Herbs",
    "03": "Baby Foods",
    "04": "Fats and Oils",
    "05": "Poultry Products",
    "06": "Soups, Sauces, and Gravies",
    "07": "Sausages and Luncheon Meats",
    "08": "Breakfast Cereals",
    "09": "Fruits and Fruit Juices",
    "10": "Pork Products",
    "11": "Vegetables and Vegetable Products",
    "12": "Nut and Seed Products",
    "13": "Beef Products",
    "14": "Beverages",
    "15": "Finfish and Shellfish Products",
    "16": "Legumes and Legume Products",
    "17": "Lamb, Veal, and Game Products",
    "18": "Baked Products",
    "19": "Sweets",
    "20": "Cereal Grains and Pasta",
    "21": "Fast Foods",
    "22": "Meals, Entrees, and Side Dishes",
    "25": "Snacks",
    "35": "American Indian/Alaska Native Foods",
    "36": "Restaurant Foods",
}
# NDB numbers that start with no group code. Where every SR24 food under such a start is of
# one kind (checked by reading all their names), it is given that group; 42, 43 and 44 mix
# many kinds (spreads, baby foods, candies, meatless foods...) and get no group ("").
EXTRA_PREFIX_GROUPS = {
    "23": "Beef Products",  # 386 beef cuts
    "27": "Soups, Sauces, and Gravies",  # soups, salsas, pasta sauce, cheese dip
    "31": "Vegetables and Vegetable Products",  # tomato and V8 juices, canned chili peppers
    "48": "Cereal Grains and Pasta",  # vital wheat gluten
    "80": "Finfish and Shellfish Products",  # frog legs
    "83": "Finfish and Shellfish Products",  # salted mackerel
    "90": "Finfish and Shellfish Products",  # scallops, snail
    "93": "Finfish and Shellfish Products",  # green turtle
}
FOOD_GROUPS = SR24_FOOD_GROUPS | EXTRA_PREFIX_GROUPS

# SR24 gives nutrient amounts to 3 decimals; rounding there only removes float noise from
# cronometer's computed sums (0.10200000000000001 g omega-3 in egg is 0.102).
DECIMALS = 3


class InvalidInput(Exception):
    """The input is not a cronometer food jar, or a food in it cannot be read."""


@dataclass(frozen=True)
class Food:
    id: str
    name: str
    group: str
    nutrients: dict[str, float]  # key -> amount per 100 g, in the registry's order
    servings: list[tuple[str, float]]  # ("1 cup, chopped", grams), in the source's order


@dataclass
class Summary:
    written: int = 0
    deprecated: int = 0
    without_nutrients: list[str] = field(default_factory=list)


def food_group(ndb: str) -> str:
    """The food group's name for an NDB number; "" when its first two digits tell none."""
    return FOOD_GROUPS.get(ndb[:2], "")


def format_amount(amount: float) -> str:
    """1.0 -> "1", 0.5 -> "0.5", 0.333 -> "0.333" (SR24 gives at most 3 decimals)."""
    return f"{amount:.{DECIMALS}f}".rstrip("0").rstrip(".")


# Notes in SR24's measure names that are for its compilers, not for a person choosing a serving:
# a reference to another food by its NDB number ("0.5 cup From 19211"), and the year of the
# label it was read from ("1 tablespoon Hershey's label 2011", "2 cookie 2011 label").
SOURCE_NOTES = re.compile(
    r"\s*\bfrom\s+\d{5}\b(?!\s*(?:g|oz|lb|ml)\b)"  # five digits: an NDB number, not grams
    r"|\s*\b(?:label\s+(?:19|20)\d\d|(?:19|20)\d\d\s+label)\b",
    re.IGNORECASE,
)
# Spaces SR24 leaves inside brackets and before commas: "1 roast ( yield from 1247 g raw meat )",
# '1 slice , 3/4"'.
STRAY_SPACE = re.compile(r"(?<=\()\s+|\s+(?=[),])")


def serving_name(amount: float, name: str) -> str:
    return f"{format_amount(amount)} {clean_measure(name)}"


def clean_measure(name: str) -> str:
    """A measure's name as a person reads it: without SR24's notes to itself and stray spaces."""
    return STRAY_SPACE.sub("", SOURCE_NOTES.sub("", clean_text(name)))


def clean_text(text: str) -> str:
    """One space between words: SR24 has stray doubled spaces ("ribeye  petite roast")."""
    return " ".join(text.split())


def parse_index(data: bytes) -> set[str]:
    """The NDB numbers listed in a cronometer index (`01001|Butter, salted` lines)."""
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise InvalidInput(f"an index is not UTF-8 text: {error}") from None
    return {line.split("|", 1)[0].strip() for line in lines if line.strip()}


def parse_food(data: bytes, entry: str = "food") -> Food:
    """One cronometer food XML document (amounts per 100 g) as a Food."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise InvalidInput(f"{entry} is not well-formed XML: {error}") from error
    if root.tag != "food" or not root.get("uid") or root.get("name") is None:
        raise InvalidInput(f"{entry} is not a cronometer food (<food uid=... name=...>)")
    ndb = root.get("uid", "")
    return Food(
        id=ndb,
        name=clean_text(root.get("name", "")),
        group=food_group(ndb),
        nutrients=_nutrients(root, entry),
        servings=_servings(root, entry),
    )


def _servings(root: ET.Element, entry: str) -> list[tuple[str, float]]:
    return [
        (serving_name(_number(m, "amount", entry), m.get("name", "")), _number(m, "grams", entry))
        for m in root.iter("measure")
    ]


def _nutrients(root: ET.Element, entry: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for element in root.iter("nutrient"):
        source_name = element.get("name", "")
        nutrient = BY_SOURCE_NAME.get(source_name)
        if nutrient is None:
            raise InvalidInput(f"{entry}: unknown nutrient {source_name!r}")
        if nutrient.key in found:
            raise InvalidInput(f"{entry}: nutrient {source_name!r} given twice")
        found[nutrient.key] = round(_number(element, "amount", entry), DECIMALS)
    return {n.key: found[n.key] for n in NUTRIENTS if n.key in found}


def _number(element: ET.Element, attribute: str, entry: str) -> float:
    text = element.get(attribute, "")
    try:
        return float(text)
    except ValueError:
        raise InvalidInput(f"{entry}: {element.tag} {attribute}={text!r} is not a number") from None


def to_json_line(food: Food) -> str:
    record = {
        "id": food.id,
        "name": food.name,
        "group": food.group,
        "nutrients": food.nutrients,
        "servings": [list(serving) for serving in food.servings],
    }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def open_jar(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise InvalidInput(f"{path}: no such file")
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InvalidInput(f"{path} is not a zip file (a cronometer .jar)") from None


def food_entries(jar: zipfile.ZipFile) -> list[str]:
    entries = sorted(name for name in jar.namelist() if name.lower().endswith(".xml"))
    if not entries:
        raise InvalidInput(f"{jar.filename} holds no food XML files")
    return entries


def deprecated_ids(jar: zipfile.ZipFile) -> set[str]:
    """The foods of earlier releases: listed in `deprecated.index` and not in `foods.index`.

    In SR24's jar 28 numbers are in both: the number's old food was deprecated, and the jar's
    file for it holds the SR24 food (named as in `foods.index`), which is kept.
    """
    return _index(jar, "deprecated.index") - _index(jar, "foods.index")


def _index(jar: zipfile.ZipFile, basename: str) -> set[str]:
    for name in jar.namelist():
        if name.rsplit("/", 1)[-1] == basename:
            return parse_index(jar.read(name))
    return set()


def read_foods(jar: zipfile.ZipFile, entries: Iterable[str], summary: Summary) -> Iterator[Food]:
    """The jar's current foods, counting what is left out in `summary`."""
    deprecated = deprecated_ids(jar)
    for entry in entries:
        food = parse_food(jar.read(entry), entry)
        if food.id in deprecated:
            summary.deprecated += 1
        elif not food.nutrients:
            summary.without_nutrients.append(food.id)
        else:
            yield food


def write_gzip(lines: Iterable[str], output: Path) -> None:
    """Write lines gzipped with no name and mtime 0, so the same lines give the same bytes."""
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=output.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as packed:
            for line in lines:
                packed.write(line.encode("utf-8"))
        os.chmod(temporary, 0o644)
        os.replace(temporary, output)
    except BaseException:
        os.unlink(temporary)
        raise


def build(jar_path: Path, output: Path) -> Summary:
    """Read the jar, write its foods sorted by id to `output`, and say what was left out."""
    summary = Summary()
    with open_jar(jar_path) as jar:
        entries = food_entries(jar)
        with click.progressbar(entries, label="Reading foods", file=sys.stderr) as bar:
            foods = sorted(read_foods(jar, bar, summary), key=lambda food: food.id)
    _check_unique(foods)
    summary.written = len(foods)
    write_gzip((to_json_line(food) for food in foods), output)
    return summary


def _check_unique(foods: list[Food]) -> None:
    for before, after in itertools.pairwise(foods):
        if before.id == after.id:
            raise InvalidInput(f"food {after.id} is in the jar twice")


def describe(summary: Summary, output: Path) -> str:
    size = output.stat().st_size
    empty = ", ".join(summary.without_nutrients) or "none"
    return (
        f"Wrote {summary.written:,} foods to {output}: {size / 1e6:.1f} MB ({size:,} bytes). "
        f"Left out {summary.deprecated:,} deprecated foods and "
        f"{len(summary.without_nutrients)} without nutrients ({empty})."
    )


def default_jar() -> Path:
    return next((path for path in DEFAULT_JARS if path.exists()), DEFAULT_JARS[0])


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("jar", type=click.Path(path_type=Path), required=False)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUTPUT,
    show_default=True,
    help="Where to write the gzipped JSON lines.",
)
def main(jar: Path | None, output: Path) -> None:
    """Build the shipped food file from cronometer's usda_sr24.jar (default: Debian's)."""
    try:
        summary = build(jar or default_jar(), output)
    except InvalidInput as error:
        click.echo(f"build_food_data: error: {error}", err=True)
        sys.exit(USAGE_ERROR)
    click.echo(describe(summary, output))


if __name__ == "__main__":
    main()
