"""How well food search puts the food a person means first. Run:

    .venv/bin/python benchmarks/search_relevance.py [--cases PATH]

Scores `openplate.foods.search.search_foods` against tests/foods/relevance.json (see
`openplate.foods.relevance` for the metrics) and prints the metrics and every query whose first
result is not acceptable. Uses the real settings; without OPENPLATE_DATA_DIR it works in a
temporary data folder, migrated and loaded with the shipped foods, and deletes it afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

CASES = Path(__file__).resolve().parent.parent / "tests" / "foods" / "relevance.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES, help="relevance JSON file")
    args = parser.parse_args(argv)
    os.environ["DJANGO_SETTINGS_MODULE"] = "openplate.settings"
    if os.environ.get("OPENPLATE_DATA_DIR"):
        return run(args.cases)
    with tempfile.TemporaryDirectory(prefix="openplate-relevance-") as data_dir:
        os.environ["OPENPLATE_DATA_DIR"] = data_dir
        return run(args.cases)


def run(cases_path: Path) -> int:
    from openplate.cli.database import prepare_database

    prepare_database(verbose=False)

    from openplate.foods import relevance
    from openplate.foods.models import Food

    cases = relevance.load_cases(cases_path)
    report = relevance.score(cases, relevance.search_shipped_foods)
    names = dict(Food.objects.filter(source=Food.Source.USDA).values_list("source_id", "name"))

    def name(source_id: str | None) -> str:
        return "(no results)" if source_id is None else names.get(source_id, source_id)

    print(f"Search relevance on {len(cases)} queries ({cases_path.name})")
    print(f"  top-1 accuracy  {report.top1:.3f}")
    print(f"  top-3 hit rate  {report.top3:.3f}")
    print(f"  MRR@{relevance.CUTOFF}          {report.mrr:.3f}")
    print(f"\nFirst result not acceptable: {len(report.failures)} queries")
    for outcome in report.failures:
        rank = "none in top 10" if outcome.rank is None else f"first acceptable at {outcome.rank}"
        print(f"\n{outcome.case.query!r} ({rank})")
        print(f"  first:      {name(outcome.first)}")
        for number, source_id in enumerate(sorted(outcome.case.acceptable)):
            label = "acceptable:" if number == 0 else ""
            print(f"  {label:<11} {source_id} {name(source_id)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
