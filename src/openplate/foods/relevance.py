"""How well food search puts the food a person means first, measured on a fixed set of queries.

Each case is a query and the foods that are acceptable as its first result: the plain, most
commonly eaten form (for "milk", cow's milk at any fat level, not sheep milk or buttermilk).
The set lives in `tests/foods/relevance.json`; `benchmarks/search_relevance.py` and
`tests/foods/test_relevance.py` score the real search against it. Foods are named by source id
(the NDB number for USDA foods), so the set does not depend on database keys.

Metrics, each between 0 and 1, higher is better:
- top-1 accuracy: the share of queries whose first result is acceptable;
- top-3 hit rate: the share with an acceptable result among the first three;
- MRR@10: the mean over queries of 1/rank of the first acceptable result, 0 when none is in the
  first ten (mean reciprocal rank; Voorhees, TREC-8 Question Answering Track Report, 1999).

The scoring is pure Python: the search is passed in. `search_shipped_foods` adapts the real
search, importing Django only when called.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# Results looked at per query: a person reads about one screen of them.
CUTOFF = 10
TOP_K = 3

Search = Callable[[str], Sequence[str]]  # a query to source ids, best first


@dataclass(frozen=True)
class Case:
    query: str
    acceptable: frozenset[str]  # source ids, any of which is a right first result
    note: str = ""


@dataclass(frozen=True)
class Outcome:
    case: Case
    results: tuple[str, ...]  # the first CUTOFF source ids the search returned
    rank: int | None  # 1-based rank of the first acceptable result, None if not in results

    @property
    def first(self) -> str | None:
        return self.results[0] if self.results else None

    @property
    def reciprocal_rank(self) -> float:
        return 0.0 if self.rank is None else 1.0 / self.rank


@dataclass(frozen=True)
class RelevanceReport:
    outcomes: tuple[Outcome, ...]
    top1: float
    top3: float
    mrr: float

    @property
    def failures(self) -> list[Outcome]:
        """The queries whose first result is not acceptable, in the order of the cases."""
        return [outcome for outcome in self.outcomes if outcome.rank != 1]


def load_cases(path: Path | str) -> list[Case]:
    """The cases in a JSON file: a list of {"query", "acceptable": [source ids], "note"}."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(raw, list):
        raise ValueError(f"{path}: expected a JSON list of cases")
    cases = [_case(item, f"{path}, case {number}") for number, item in enumerate(raw, 1)]
    queries = [case.query for case in cases]
    repeated = sorted({query for query in queries if queries.count(query) > 1})
    if repeated:
        raise ValueError(f"{path}: queries listed more than once: {', '.join(repeated)}")
    return cases


def _case(item: object, where: str) -> Case:
    if not isinstance(item, dict):
        raise ValueError(f"{where}: expected an object")
    query, acceptable, note = item.get("query"), item.get("acceptable"), item.get("note", "")
    if not isinstance(query, str) or not query.strip():
        raise ValueError(f"{where}: 'query' must be a non-empty string")
    if (
        not isinstance(acceptable, list)
        or not acceptable
        or not all(isinstance(source_id, str) for source_id in acceptable)
    ):
        raise ValueError(f"{where} ({query!r}): 'acceptable' must be a non-empty list of strings")
    if not isinstance(note, str):
        raise ValueError(f"{where} ({query!r}): 'note' must be a string")
    return Case(query=query, acceptable=frozenset(acceptable), note=note)


def score(cases: Iterable[Case], search: Search) -> RelevanceReport:
    """Run `search` on every case and measure how early an acceptable food comes."""
    outcomes = tuple(_outcome(case, search(case.query)) for case in cases)
    if not outcomes:
        raise ValueError("no cases to score")
    count = len(outcomes)
    return RelevanceReport(
        outcomes=outcomes,
        top1=sum(o.rank == 1 for o in outcomes) / count,
        top3=sum(o.rank is not None and o.rank <= TOP_K for o in outcomes) / count,
        mrr=sum(o.reciprocal_rank for o in outcomes) / count,
    )


def _outcome(case: Case, results: Sequence[str]) -> Outcome:
    shown = tuple(results[:CUTOFF])
    rank = next(
        (position for position, found in enumerate(shown, 1) if found in case.acceptable), None
    )
    return Outcome(case=case, results=shown, rank=rank)


def search_shipped_foods(query: str) -> list[str]:
    """The real food search as a `Search`: source ids of the first CUTOFF foods, for no user."""
    from openplate.foods.search import search_foods

    return [food.source_id for food in search_foods(query, limit=CUTOFF)]
