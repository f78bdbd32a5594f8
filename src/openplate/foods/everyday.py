"""Everyday names of foods in USDA's words: "ketchup" is "catsup", "oatmeal" is "cereals oats".

The table is `data/foods/everyday_names.csv` (columns `everyday,usda_words,reason`; its README
says where each row comes from). It maps words to words, never to food ids, so the search still
ranks what the words find and a person's own and logged foods keep their place.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

TABLE = "everyday_names.csv"
# An everyday name is matched as whole words: no letter or digit may touch it on either side.
EDGE_BEFORE = r"(?<![a-z0-9])"
EDGE_AFTER = r"(?![a-z0-9])"
# Names the parser must not split at "and", "with" or "&" ("mac and cheese" is one food).
SEPARATOR = re.compile(r"(?<![a-z0-9])(and|with)(?![a-z0-9])|&")


@dataclass(frozen=True)
class EverydayName:
    everyday: str  # as people type it, lower case
    usda_words: str  # the words SR24's names use for it
    reason: str  # why these words: which SR24 food they find, or why the row exists


@functools.cache
def table() -> tuple[EverydayName, ...]:
    """Every row of the shipped table, read once."""
    source = resources.files("openplate").joinpath("data", "foods", TABLE)
    with source.open(encoding="utf-8", newline="") as lines:
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
def _replacements() -> tuple[re.Pattern[str], dict[str, str]]:
    words = {row.everyday: row.usda_words for row in table()}
    # Longest first, so that "diet coke" wins over "coke" and "2% milk" over "milk".
    names = sorted(words, key=lambda name: (-len(name), name))
    alternatives = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
    pattern = re.compile(f"{EDGE_BEFORE}(?:{alternatives}){EDGE_AFTER}", re.IGNORECASE)
    return pattern, words


def usda_words(text: str) -> str:
    """`text` with each everyday name in it (whole words, any case) replaced by USDA's words
    for it, longest name first; every other character is kept as it was."""
    pattern, words = _replacements()
    return pattern.sub(lambda match: words[" ".join(match.group(0).lower().split())], text)


def names_with_separators() -> list[str]:
    """The everyday names that hold "and", "with" or "&" ("mac and cheese", "pb&j"): a parser
    splitting a phrase into foods at those words should keep these whole."""
    return sorted(row.everyday for row in table() if SEPARATOR.search(row.everyday))
