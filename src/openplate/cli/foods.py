"""`openplate foods`: search and inspect the food database, and import foods into it.

The JSON keys are a contract for people who script against them: add keys, never rename them.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from openplate.cli.database import load_foods_with_progress, prepare_database
from openplate.foods.importers import READERS

if TYPE_CHECKING:
    from openplate.foods.models import Food

NOT_FOUND = 1
GTIN_LENGTHS = (8, 12, 13, 14)


@click.group()
def foods() -> None:
    """Search and inspect the food database, and import foods into it."""


@foods.command()
@click.argument("query")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def search(query: str, limit: int, as_json: bool) -> None:
    """Foods matching QUERY, the plain food first."""
    prepare_database(verbose=False)
    from openplate.foods.search import search_foods

    found = search_foods(query, limit=limit)
    if as_json:
        click.echo(json.dumps([food_summary(food) for food in found], indent=2))
        return
    if not found:
        click.echo(f"No food matches {query!r}.")
        return
    for food in found:
        serving = next(iter(food.servings.all()), None)
        per = f", {serving.name} = {serving.grams:g} g" if serving else ""
        click.echo(f"{food.pk:>6}  {food.name}  ({food.energy_kcal:g} kcal/100 g{per})")


@foods.command()
@click.argument("reference")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def show(reference: str, as_json: bool) -> None:
    """Every nutrient of one food, per 100 g.

    REFERENCE is a USDA NDB number (01123), SOURCE:SOURCE_ID (off:3017620422003), the
    database id (42), or id:42 when an id could be read as an NDB number.
    """
    prepare_database(verbose=False)
    _print_food(_resolve(reference), as_json)


@foods.command()
@click.argument("code")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def barcode(code: str, as_json: bool) -> None:
    """The food with barcode CODE (EAN-8, UPC-A, EAN-13 or GTIN-14)."""
    digits = _valid_gtin(code)
    prepare_database(verbose=False)
    from openplate.foods.models import Food

    # A UPC-A code is an EAN-13 with a leading zero; match either way of writing it.
    variants = {digits, digits.lstrip("0"), digits.zfill(13), digits.zfill(14)}
    food = Food.objects.filter(barcode__in=variants, owner__isnull=True).first()
    if food is None:
        raise click.ClickException(f"no food has barcode {digits}")
    _print_food(food, as_json)


@foods.command()
@click.option("--force", is_flag=True, help="Reload even if this data is loaded already.")
def load(force: bool) -> None:
    """Load (or update) the USDA foods shipped with OpenPlate."""
    prepare_database(verbose=False)
    load_foods_with_progress(force=force)


@foods.command("import", short_help="Import foods from an Open Food Facts export or a CSV.")
@click.argument("file_format", metavar="FORMAT", type=click.Choice(list(READERS)))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--skip-bad",
    is_flag=True,
    help="Import the good rows and report the bad ones (without it, a bad row imports nothing).",
)
def import_foods(file_format: str, file: Path, skip_bad: bool) -> None:
    """Import foods from FILE: an Open Food Facts export, or a CSV of your own.

    FORMAT is off-csv or off-jsonl (Open Food Facts' exports, gzipped or not) or csv
    (OpenPlate's CSV; see docs/foods-import.md). Importing a file again updates its foods in
    place.
    """
    prepare_database(verbose=False)
    from django.db import DatabaseError

    from openplate.foods.importers import read
    from openplate.foods.importers.rows import UnreadableFile, count_lines
    from openplate.foods.importers.saving import BadRowsFound, save

    try:
        rows = read(file_format, file)  # a file of another format fails here, before the bar
        with click.progressbar(
            length=max(count_lines(file), 1), label=f"Importing {file.name}", file=sys.stderr
        ) as bar:
            result = save(rows, skip_bad=skip_bad, progress=bar.update)
    except UnreadableFile as error:
        raise click.UsageError(str(error)) from None
    except DatabaseError as error:
        raise click.ClickException(f"cannot import: {str(error).strip()}") from None
    except BadRowsFound as refused:
        for problem in refused.result.problems:
            click.echo(str(problem), err=True)
        found = _counted(refused.result.bad_rows, "bad row")
        if refused.stopped:
            found += ", and reading stopped there"
        raise click.UsageError(
            f"nothing imported: {found} (--skip-bad imports the good rows)"
        ) from None
    for problem in result.problems:
        click.echo(f"skipped {problem}", err=True)
    if result.bad_rows > len(result.problems):
        unlisted = result.bad_rows - len(result.problems)
        click.echo(f"skipped {_counted(unlisted, 'more row')}", err=True)
    skipped = f"; {_counted(result.bad_rows, 'row')} skipped" if result.bad_rows else ""
    click.echo(
        f"Imported {_counted(result.imported, 'food')}: {result.created:,} new, "
        f"{result.updated:,} updated{skipped}."
    )


def _counted(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def food_summary(food: Food) -> dict[str, Any]:
    return {
        "id": food.pk,
        "source": food.source,
        "source_id": food.source_id,
        "name": food.name,
        "group": food.group,
        "brand": food.brand,
        "barcode": food.barcode,
        "kcal_per_100g": food.energy_kcal,
        "protein_g_per_100g": food.protein_g,
        "carbohydrate_g_per_100g": food.carbohydrate_g,
        "fat_g_per_100g": food.fat_g,
        "servings": [{"name": s.name, "grams": s.grams} for s in food.servings.all()],
    }


def food_detail(food: Food) -> dict[str, Any]:
    from openplate.foods.nutrients import NUTRIENTS

    nutrients = [
        {"key": n.key, "name": n.label, "amount": food.nutrients[n.key], "unit": n.unit}
        for n in NUTRIENTS
        if n.key in food.nutrients
    ]
    return {**food_summary(food), "nutrients_per_100g": nutrients}


def _print_food(food: Food, as_json: bool) -> None:
    detail = food_detail(food)
    if as_json:
        click.echo(json.dumps(detail, indent=2))
        return
    click.echo(f"{food.name}  [{food.source}:{food.source_id or food.pk}]")
    for serving in detail["servings"]:
        click.echo(f"  serving: {serving['name']} = {serving['grams']:g} g")
    click.echo("  per 100 g:")
    for nutrient in detail["nutrients_per_100g"]:
        click.echo(f"    {nutrient['name']:<32} {nutrient['amount']:>10g} {nutrient['unit']}")


def _resolve(reference: str) -> Food:
    from openplate.foods.models import Food

    public = Food.objects.filter(owner__isnull=True)
    if match := re.fullmatch(r"id:(\d+)", reference):
        food = public.filter(pk=int(match[1])).first()
    elif match := re.fullmatch(r"([a-z]+):(.+)", reference):
        food = public.filter(source=match[1], source_id=match[2]).first()
    elif re.fullmatch(r"\d{5}", reference) and (
        usda := public.filter(source=Food.Source.USDA, source_id=reference).first()
    ):
        food = usda
    elif reference.isdigit():
        food = public.filter(pk=int(reference)).first()
    else:
        raise click.BadParameter(
            "give an NDB number (01123), SOURCE:SOURCE_ID or an id", param_hint="REFERENCE"
        )
    if food is None:
        raise click.ClickException(f"no food {reference}")
    return food


def _valid_gtin(code: str) -> str:
    digits = re.sub(r"[\s-]", "", code)
    if not digits.isdigit() or len(digits) not in GTIN_LENGTHS:
        raise click.BadParameter(
            f"{code!r} is not a barcode: expected 8, 12, 13 or 14 digits", param_hint="CODE"
        )
    body, check = digits[:-1], int(digits[-1])
    weighted = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    if (10 - weighted % 10) % 10 != check:
        raise click.BadParameter(f"{digits} fails its check digit", param_hint="CODE")
    return digits
