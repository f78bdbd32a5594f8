"""How numbers read on the pages: whole calories with thousands separators, grams to a tenth."""

from __future__ import annotations

from django import template

from openplate.science import units

register = template.Library()


@register.filter
def kcal(value: float | None) -> str:
    """1234.6 -> "1,235"; None -> "—"."""
    if value is None:
        return "—"
    return f"{round(value):,}"


@register.filter
def amount(value: float | None) -> str:
    """Grams and other amounts: 12.34 -> "12.3", 5.0 -> "5", 0.004 -> "0"."""
    if value is None:
        return "—"
    if abs(value) >= 100:
        return f"{round(value):,}"
    return f"{value:.1f}".rstrip("0").rstrip(".") or "0"


@register.filter
def quantity(value: float) -> str:
    """A serving count: 1.0 -> "1", 0.5 -> "0.5", 1.333333 -> "1.33"."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


@register.filter
def kg_and_lb(value: float | None) -> str:
    """A weight lifted, in both units, for pages that do not know the person's: 60 -> "60 kg
    (132 lb)"."""
    if value is None:
        return "—"
    return f"{amount(value)} kg ({amount(units.lb_from_kg(value))} lb)"
