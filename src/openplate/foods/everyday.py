"""Everyday names of foods in USDA's words: "ketchup" is "catsup", "oatmeal" is "cereals oats".

The table is `data/foods/everyday_names.csv` (columns `everyday,usda_words,reason`; its README
says where each row comes from). It maps words to words, never to food ids, so the search still
ranks what the words find and a person's own and logged foods keep their place.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from importlib import resources

TABLE = "everyday_names.csv"
# An everyday name is matched as whole words: no letter or digit may touch it on either side.
EDGE_BEFORE = r"(?<![a-z0-9])"
EDGE_AFTER = r"(?![a-z0-9])"
WORD = re.compile(r"[a-z0-9]+")
# Names the parser must not split at "and", "with" or "&" ("mac and cheese" is one food).
SEPARATOR = re.compile(r"(?<![a-z0-9])(and|with)(?![a-z0-9])|&")


@dataclass(frozen=True)
class EverydayName:
    everyday: str  # as people type it, lower case
    usda_words: str  # the words SR24's names use for it
    reason: str  # why these words: which SR24 food they find, or why the row exists

    @property
    def is_default(self) -> bool:
        """Whether the row only picks the plain form of a food its own words already name
        ("milk" is "milk whole", "potato" is "potatoes flesh skin raw"): such a row applies
        to the name alone, since other words ("milk chocolate", "bread crumbs") say which
        form is meant. The other rows are other words for the food ("ketchup" is "catsup")
        and apply wherever the name is found."""
        usda = WORD.findall(self.usda_words.lower())
        return all(
            any(found.startswith(word) for found in usda) for word in WORD.findall(self.everyday)
        )


@functools.cache
def table() -> tuple[EverydayName, ...]:
    """Every row of the shipped table, read once."""
    source = resources.files("openplate").joinpath("data", "foods", TABLE)
    lines = source.read_text(encoding="utf-8").splitlines()
    rows = tuple(
        EverydayName(
            everyday=" ".join(row["everyday"].lower().split()),
            usda_words=" ".join(row["usda_words"].split()),
            reason=row["reason"].strip(),
        )
        for row in csv.DictReader(lines)
    )
    names = [row.everyday for row in rows]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(f"{TABLE}: everyday names listed more than once: {', '.join(repeated)}")
    return rows


@functools.cache
def _rows_by_name() -> dict[str, EverydayName]:
    return {row.everyday: row for row in table()}


@functools.cache
def _synonyms() -> re.Pattern[str]:
    # Longest first, so that "diet coke" wins over "coke" and "soda water" over "soda".
    names = sorted(
        (row.everyday for row in table() if not row.is_default), key=lambda n: (-len(n), n)
    )
    alternatives = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
    return re.compile(f"{EDGE_BEFORE}(?:{alternatives}){EDGE_AFTER}", re.IGNORECASE)


def usda_words(text: str) -> str:
    """`text` in USDA's words: all of it when it is an everyday name ("milk" is "milk whole");
    else each everyday name in it that is another word for a food (whole words, any case,
    longest first) replaced by USDA's words ("ketchup packet" is "catsup packet"), every other
    character kept as it was."""
    rows = _rows_by_name()
    alone = rows.get(" ".join(text.lower().split()))
    if alone is not None:
        return alone.usda_words
    return _synonyms().sub(
        lambda match: rows[" ".join(match.group(0).lower().split())].usda_words, text
    )


def names_with_separators() -> list[str]:
    """The everyday names that hold "and", "with" or "&" ("mac and cheese", "pb&j"): a parser
    splitting a phrase into foods at those words should keep these whole."""
    return sorted(row.everyday for row in table() if SEPARATOR.search(row.everyday))


def names_starting_with(words: Collection[str]) -> list[str]:
    """The everyday names whose first word is one of `words` ("big mac" and "quarter pounder" for
    the words of sizes and amounts): a parser reading an amount and a size first should keep
    these whole."""
    return sorted(row.everyday for row in table() if row.everyday.split()[0] in words)


def names_completing(words: list[str]) -> list[EverydayName]:
    """The everyday names that `words` are the start of, their last word unfinished: "chick"
    starts "chicken", "chicken bre" "chicken breast"; a name the words already are is none."""
    *before, last = words
    return [
        row
        for row, name in _names_as_words()
        if len(name) == len(words)
        and name[:-1] == tuple(before)
        and name[-1].startswith(last)
        and name[-1] != last
    ]


@functools.cache
def _names_as_words() -> tuple[tuple[EverydayName, tuple[str, ...]], ...]:
    return tuple((row, tuple(WORD.findall(row.everyday))) for row in table())
