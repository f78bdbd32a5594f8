"""How well plain-words logging reads what a person ate, measured on a fixed set of phrases.

Each case is a phrase a person would type ("2 large eggs and a slice of whole wheat toast") and
the items it names, in the order written: for each, the foods that are acceptable for its words
(source ids, the NDB number for USDA foods) and the grams its amount weighs, taken from the USDA
household measures ("1 large" egg is 50 g) or from the unit written (8 oz is 226.8 g). A case may
also list words that name no food ("blorptang"), which the parser should report as unparsed. The
set lives in `tests/foods/phrases.json`; `benchmarks/parse_accuracy.py` and
`tests/foods/test_phrase_accuracy.py` score the real parser against it.

The metric, accuracy, is the share of expected items that the parser read right: with an
acceptable food and grams within GRAMS_TOLERANCE (15 %) of the expected grams. Each expected item
is paired with at most one parsed item, and each parsed item with at most one expected item, in
three passes over the expected items in phrase order:

1. the first unpaired parsed item that is right for it (acceptable food, grams within tolerance);
2. then, for the items still unpaired, the first unpaired parsed item with an acceptable food
   (its grams are wrong);
3. then the items still unpaired take the parsed items still unpaired, in order (the food is
   wrong); an expected item left over is missing, a parsed item left over is extra.

So the order in which the parser returns items does not change the score, and a parser that
splits "coffee with milk" into two items or one is judged on what each item is. Alongside the
accuracy the report counts missing and extra items and how many of the expected-unparsed words
were reported (an expected word counts as reported when one of the parser's unparsed texts
contains it, ignoring case and spacing).

The scoring is pure Python: the parser is passed in. `parse_with_shipped_foods` adapts the real
parser, importing Django only when called.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

# How far the grams may be from the expected grams, as a share of them: household measures of
# acceptable foods differ about this much (a slice of bread is 25-29 g, a medium egg 44 g and a
# large one 50 g), and a 15 % error in a serving is within what food labels may be off by.
GRAMS_TOLERANCE: Final = 0.15
_ROUNDING: Final = 1e-9  # so that exactly 15 % off counts as within, whatever the float error

CASE_KEYS: Final = frozenset({"phrase", "items", "unparsed", "note"})
ITEM_KEYS: Final = frozenset({"text", "acceptable", "grams", "source", "note"})

Verdict = Literal["correct", "wrong grams", "wrong food", "missing"]
ParsedItem = tuple[str | None, float | None]  # (source id, grams) of one item the parser read


@dataclass(frozen=True)
class Parsed:
    """What a parser read from a phrase: its items in order, and the words it could not read."""

    items: Sequence[ParsedItem]
    unparsed: Sequence[str] = ()


# A phrase to what the parser read; a bare sequence of items means nothing was left unparsed.
Parse = Callable[[str], Parsed | Sequence[ParsedItem]]


@dataclass(frozen=True)
class ExpectedItem:
    text: str  # the words of the phrase that name it: "2 large eggs"
    acceptable: frozenset[str]  # source ids, any of which is a right food
    grams: float
    source: str  # where the grams come from: "SR24 01123 '1 large' = 50 g × 2"
    note: str = ""


@dataclass(frozen=True)
class Case:
    phrase: str
    items: tuple[ExpectedItem, ...]
    unparsed: tuple[str, ...] = ()  # words that name no food, to be reported as unparsed
    note: str = ""


@dataclass(frozen=True)
class ItemOutcome:
    case: Case
    expected: ExpectedItem
    got: ParsedItem | None  # the parsed item paired with it; None when missing
    verdict: Verdict

    @property
    def correct(self) -> bool:
        return self.verdict == "correct"


@dataclass(frozen=True)
class CaseOutcome:
    case: Case
    parsed: Parsed
    items: tuple[ItemOutcome, ...]
    extra: tuple[ParsedItem, ...]  # parsed items paired with no expected item
    unparsed_reported: tuple[str, ...]  # the case's expected-unparsed words that were reported


@dataclass(frozen=True)
class AccuracyReport:
    outcomes: tuple[CaseOutcome, ...]
    accuracy: float  # correct items / expected items
    expected: int  # expected items
    correct: int
    missing: int
    extra: int
    unparsed_expected: int  # words expected to be reported as unparsed
    unparsed_reported: int  # of those, how many were

    @property
    def items(self) -> list[ItemOutcome]:
        """Every expected item's outcome, in the order of the cases."""
        return [item for outcome in self.outcomes for item in outcome.items]

    @property
    def failures(self) -> list[ItemOutcome]:
        """The expected items not read right, in the order of the cases."""
        return [item for item in self.items if not item.correct]

    def count(self, verdict: Verdict) -> int:
        return sum(item.verdict == verdict for item in self.items)

    @property
    def unparsed_rate(self) -> float | None:
        """The share of expected-unparsed words that were reported; None if none were expected."""
        if not self.unparsed_expected:
            return None
        return self.unparsed_reported / self.unparsed_expected


def load_cases(path: Path | str) -> list[Case]:
    """The cases in a JSON file: a list of {"phrase", "items": [{"text", "acceptable": [source
    ids], "grams", "source", "note"}], "unparsed": [words], "note"}. Raises ValueError naming the
    case and the field at fault."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}: not valid JSON: {error}") from None
    if not isinstance(raw, list):
        raise ValueError(f"{path}: expected a JSON list of cases")
    cases = [_case(item, f"{path}, case {number}") for number, item in enumerate(raw, 1)]
    phrases = [case.phrase for case in cases]
    repeated = sorted({phrase for phrase in phrases if phrases.count(phrase) > 1})
    if repeated:
        raise ValueError(f"{path}: phrases listed more than once: {', '.join(repeated)}")
    return cases


def _case(raw: object, where: str) -> Case:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: expected an object")
    phrase = raw.get("phrase")
    if not isinstance(phrase, str) or not phrase.strip():
        raise ValueError(f"{where}: 'phrase' must be a non-empty string")
    where = f"{where} ({phrase!r})"
    unknown = sorted(set(raw) - CASE_KEYS)
    if unknown:
        raise ValueError(f"{where}: unknown keys {', '.join(unknown)}")
    items, unparsed, note = raw.get("items"), raw.get("unparsed", []), raw.get("note", "")
    if not isinstance(items, list):
        raise ValueError(f"{where}: 'items' must be a list")
    if not isinstance(unparsed, list) or not all(_text(word) for word in unparsed):
        raise ValueError(f"{where}: 'unparsed' must be a list of non-empty strings")
    if not items and not unparsed:
        raise ValueError(f"{where}: expects no items and nothing unparsed")
    if not isinstance(note, str):
        raise ValueError(f"{where}: 'note' must be a string")
    for word in unparsed:
        if _normal(word) not in _normal(phrase):
            raise ValueError(f"{where}: unparsed {word!r} is not in the phrase")
    expected = tuple(
        _item(item, phrase, f"{where}, item {number}") for number, item in enumerate(items, 1)
    )
    return Case(phrase=phrase, items=expected, unparsed=tuple(unparsed), note=note)


def _item(raw: object, phrase: str, where: str) -> ExpectedItem:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: expected an object")
    unknown = sorted(set(raw) - ITEM_KEYS)
    if unknown:
        raise ValueError(f"{where}: unknown keys {', '.join(unknown)}")
    text, acceptable, grams = raw.get("text"), raw.get("acceptable"), raw.get("grams")
    source, note = raw.get("source"), raw.get("note", "")
    if not _text(text):
        raise ValueError(f"{where}: 'text' must be a non-empty string")
    assert isinstance(text, str)
    if _normal(text) not in _normal(phrase):
        raise ValueError(f"{where}: 'text' {text!r} is not in the phrase")
    if (
        not isinstance(acceptable, list)
        or not acceptable
        or not all(_text(source_id) for source_id in acceptable)
    ):
        raise ValueError(f"{where} ({text!r}): 'acceptable' must be a non-empty list of strings")
    if len(set(acceptable)) != len(acceptable):
        raise ValueError(f"{where} ({text!r}): 'acceptable' lists a food more than once")
    if (
        not isinstance(grams, int | float)
        or isinstance(grams, bool)
        or not math.isfinite(grams)
        or grams <= 0
    ):
        raise ValueError(f"{where} ({text!r}): 'grams' must be a number above 0")
    if not _text(source):
        raise ValueError(f"{where} ({text!r}): 'source' must say where the grams come from")
    if not isinstance(note, str):
        raise ValueError(f"{where} ({text!r}): 'note' must be a string")
    assert isinstance(source, str)
    return ExpectedItem(
        text=text, acceptable=frozenset(acceptable), grams=float(grams), source=source, note=note
    )


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def grams_within(got: float | None, expected: float) -> bool:
    """True when `got` grams are within GRAMS_TOLERANCE of `expected` (15 % off is within)."""
    if got is None or not math.isfinite(got):
        return False
    return abs(got - expected) <= GRAMS_TOLERANCE * expected + _ROUNDING


def score(cases: Iterable[Case], parse: Parse) -> AccuracyReport:
    """Parse every case's phrase and measure how many expected items were read right."""
    outcomes = tuple(_outcome(case, _as_parsed(parse(case.phrase))) for case in cases)
    if not outcomes:
        raise ValueError("no cases to score")
    items = [item for outcome in outcomes for item in outcome.items]
    if not items:
        raise ValueError("no expected items to score")
    correct = sum(item.correct for item in items)
    return AccuracyReport(
        outcomes=outcomes,
        accuracy=correct / len(items),
        expected=len(items),
        correct=correct,
        missing=sum(item.verdict == "missing" for item in items),
        extra=sum(len(outcome.extra) for outcome in outcomes),
        unparsed_expected=sum(len(outcome.case.unparsed) for outcome in outcomes),
        unparsed_reported=sum(len(outcome.unparsed_reported) for outcome in outcomes),
    )


def _as_parsed(result: Parsed | Sequence[ParsedItem]) -> Parsed:
    if isinstance(result, Parsed):
        return result
    return Parsed(items=tuple(result))


def _outcome(case: Case, parsed: Parsed) -> CaseOutcome:
    got = tuple(parsed.items)
    pairs, free = _pair(case.items, got)
    items = tuple(
        ItemOutcome(case=case, expected=item, got=None, verdict="missing")
        if pair is None
        else ItemOutcome(case=case, expected=item, got=got[pair[0]], verdict=pair[1])
        for item, pair in zip(case.items, pairs, strict=True)
    )
    reported = [_normal(text) for text in parsed.unparsed]
    return CaseOutcome(
        case=case,
        parsed=parsed,
        items=items,
        extra=tuple(got[index] for index in free),
        unparsed_reported=tuple(
            word for word in case.unparsed if any(_normal(word) in text for text in reported)
        ),
    )


def _pair(
    expected: Sequence[ExpectedItem], got: Sequence[ParsedItem]
) -> tuple[list[tuple[int, Verdict] | None], list[int]]:
    """Each expected item's parsed item (by index) and verdict, or None when missing; and the
    parsed items left unpaired. The three passes of the module docstring."""
    free = list(range(len(got)))
    pairs: list[tuple[int, Verdict] | None] = [None] * len(expected)
    for verdict, fits in _PASSES:
        for position, item in enumerate(expected):
            if pairs[position] is not None:
                continue
            found = next((index for index in free if fits(item, got[index])), None)
            if found is not None:
                free.remove(found)
                pairs[position] = (found, verdict)
    return pairs, free


def _right(item: ExpectedItem, got: ParsedItem) -> bool:
    return got[0] in item.acceptable and grams_within(got[1], item.grams)


def _acceptable_food(item: ExpectedItem, got: ParsedItem) -> bool:
    return got[0] in item.acceptable


def _anything(item: ExpectedItem, got: ParsedItem) -> bool:
    return True


_PASSES: Final[tuple[tuple[Verdict, Callable[[ExpectedItem, ParsedItem], bool]], ...]] = (
    ("correct", _right),
    ("wrong grams", _acceptable_food),
    ("wrong food", _anything),
)


def parse_with_shipped_foods(text: str) -> Parsed:
    """The real parser as a `Parse`: each item's source id and grams, for no user."""
    from openplate.foods.parse import parse_foods

    result = parse_foods(text)
    return Parsed(
        items=tuple((item.food.source_id, float(item.grams)) for item in result.items),
        unparsed=tuple(result.unparsed),
    )
