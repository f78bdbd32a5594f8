"""`openplate parse "TEXT"`: what plain words say was eaten, food by food, without logging it.

With `--json`: `{"items": [{"text", "food_id", "source_id", "name", "quantity", "unit", "grams",
"kcal", "note", "candidates"}], "unparsed": [...]}`, the keys of POST /api/parse; they are a
contract for scripts: add keys, never rename them.
"""

from __future__ import annotations

import json

import click

from openplate.cli.database import prepare_database


@click.command()
@click.argument("text")
@click.option("--user", "username", help="Read as this person: their own and usual foods first.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def parse(text: str, username: str | None, as_json: bool) -> None:
    """The foods, amounts and calories in TEXT, such as "2 eggs and a slice of toast"."""
    if not text.strip():
        raise click.UsageError("TEXT is empty: say what was eaten, as in '2 eggs and toast'")
    prepare_database(verbose=False)
    from openplate.foods.parse import ParseError, parse_foods

    user_id, history = _person(username)
    try:
        result = parse_foods(text, user_id=user_id, recent_food_ids=history)
    except ParseError as error:
        raise click.UsageError(f"TEXT: {error}") from None
    if as_json:
        click.echo(json.dumps(result.as_json(), indent=2))
        return
    for item in result.items:
        amount = f"{item.quantity:g} × {item.unit}"
        click.echo(f"{item.text}\n  {item.food.name} [{item.food.source_id or item.food.pk}]")
        click.echo(f"  {amount} = {item.grams:,.0f} g, {item.kcal:,.0f} kcal")
        if item.note:
            click.echo(f"  ({item.note})")
    for words in result.unparsed:
        click.echo(f"{words}\n  not understood: no food matches these words")
    if result.items:
        click.echo(f"Total: {result.kcal:,.0f} kcal")


def _person(username: str | None) -> tuple[int | None, dict[int, float]]:
    if username is None:
        return None, {}
    from django.contrib.auth.models import User

    from openplate.diary.services import food_history

    user = User.objects.filter(username=username).first()
    if user is None:
        raise click.UsageError(f"no user named {username!r}")
    return user.pk, food_history(user)
