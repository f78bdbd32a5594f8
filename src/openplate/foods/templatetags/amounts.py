"""How an amount of food reads on the pages: `{% load amounts %}`, then `{{ entry|entry_amount }}`
or `{% serving_amount quantity serving grams %}`, both `servings.amount_text`."""

from __future__ import annotations

from typing import Any

from django import template

from openplate.foods.servings import amount_text

register = template.Library()


@register.simple_tag
def serving_amount(how_many: float, serving: str, grams: float | None) -> str:
    """ "150 g", "4 oz", "2 × large egg" (`amount_text`)."""
    return amount_text(how_many, serving, grams)


@register.filter
def entry_amount(entry: Any) -> str:
    """What an entry (or anything with quantity, serving and grams) logged; "quick add" for a
    quick add."""
    if getattr(entry, "is_quick_add", False):
        return "quick add"
    return amount_text(entry.quantity, entry.serving, entry.grams)
