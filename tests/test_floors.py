"""The package's floors (docs/architecture.md), read from the code itself: every import between
the top-level parts of `openplate` goes down to a lower floor, never sideways or up, and
`openplate.science` imports only the standard library, NumPy and itself.

Every import counts: at the top of a module, inside a function (a lazy import), under
`TYPE_CHECKING`, and a module named in a string to `import_module`, `import_string` or a URL
conf's `include`.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "openplate"

# From the bottom up. A part imports only from the floors below its own.
FLOORS: tuple[tuple[str, ...], ...] = (
    ("science",),  # pure: units, energy, dynamics, nutrition, every constant once
    ("core", "templatetags"),  # dates, checks, API and form helpers, converters, config
    ("foods", "accounts"),  # the food database; the person, profile and goal
    ("body",),  # weight and water
    ("exercise",),  # exercise, burned at the body's weight
    ("guides",),  # articles, offered after exercise
    ("diary",),  # the day: food, its summary with exercise, water and the guides offered
    ("coach",),  # the person's own energy, read from the diary and the scale; check-ins
    ("progress", "yourdata"),  # read over everything: charts, reports; export, deletion
    ("api", "views", "settings", "apps"),  # the one API; the project's own pages; settings
    ("urls", "cli", "wsgi"),  # the doors: the URL conf, the command line, the WSGI app
    ("__main__",),  # python -m openplate
)
# The package itself (`openplate/__init__.py`) holds only the version; any part may read it.
ROOT = "__init__"
SCIENCE_MAY_IMPORT = frozenset({"numpy"})
STRING_IMPORTERS = frozenset({"import_module", "import_string", "include"})


@dataclass(frozen=True)
class Import:
    source: Path
    line: int
    module: str  # the imported module, absolute: "openplate.diary.services"

    @property
    def where(self) -> str:
        return f"{self.source.relative_to(PACKAGE.parent)}:{self.line}"


def part_of(module: str) -> str:
    """The top-level part of `openplate` a module belongs to ("diary" for
    "openplate.diary.views"); "__init__" for the package itself."""
    names = module.split(".")
    return names[1] if len(names) > 1 else ROOT


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    names = list(relative.parts)
    if names[-1] == "__init__":
        names.pop()
    return ".".join(names)


def imports_of(path: Path) -> Iterator[Import]:
    """Every module `path` imports, lazy and string imports included."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(path, node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            if base == "openplate" or not node.module:
                # `from openplate import x` or `from . import x`: x may be a module of its own.
                for alias in node.names:
                    yield Import(path, node.lineno, _module_or_attribute(base, alias.name))
            else:
                yield Import(path, node.lineno, base)
        elif isinstance(node, ast.Call) and _called_name(node) in STRING_IMPORTERS:
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield Import(path, node.lineno, first.value)


def _module_or_attribute(package: str, name: str) -> str:
    """`package.name` when that is a module or package, else `package` (name is an attribute,
    such as `__version__`)."""
    folder = PACKAGE.parent.joinpath(*package.split("."))
    if (folder / f"{name}.py").exists() or (folder / name / "__init__.py").exists():
        return f"{package}.{name}"
    return package


def _called_name(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def package_modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def all_imports() -> list[Import]:
    return [found for path in package_modules() for found in imports_of(path)]


def parts_on_disk() -> set[str]:
    return {part_of(module_name(path)) for path in package_modules()}


def floor_of() -> dict[str, int]:
    return {part: level for level, parts in enumerate(FLOORS) for part in parts}


def upward_or_sideways(imports: Iterable[Import], floors: Mapping[str, int]) -> list[str]:
    """Each import between parts that does not go to a lower floor, said as a sentence."""
    wrong = []
    for found in imports:
        if not found.module.startswith("openplate"):
            continue
        source, target = part_of(module_name(found.source)), part_of(found.module)
        if target in (source, ROOT):
            continue
        if floors[target] >= floors[source]:
            way = "sideways" if floors[target] == floors[source] else "up"
            wrong.append(f"{found.where}: {source} imports {found.module} ({way})")
    return wrong


def cycles(edges: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one part (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(part: str) -> None:
        index[part] = low[part] = len(index)
        stack.append(part)
        for other in sorted(edges.get(part, ())):
            if other not in index:
                visit(other)
                low[part] = min(low[part], low[other])
            elif other in stack:
                low[part] = min(low[part], index[other])
        if low[part] == index[part]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == part:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for part in sorted(edges):
        if part not in index:
            visit(part)
    return found


def part_graph(imports: Iterable[Import]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for found in imports:
        if found.module.startswith("openplate"):
            source, target = part_of(module_name(found.source)), part_of(found.module)
            if target not in (source, ROOT):
                edges.setdefault(source, set()).add(target)
    return edges


# --- the rules ---------------------------------------------------------------------------------


def test_every_part_of_the_package_is_on_a_floor():
    placed = {part for parts in FLOORS for part in parts}
    unplaced = parts_on_disk() - placed - {ROOT}
    assert not unplaced, f"put {sorted(unplaced)} on a floor in FLOORS and docs/architecture.md"
    assert len(placed) == sum(len(parts) for parts in FLOORS), "a part is on two floors"


def test_imports_between_parts_only_go_down():
    wrong = upward_or_sideways(all_imports(), floor_of())
    assert not wrong, "imports that do not go down a floor:\n" + "\n".join(wrong)


def test_there_is_no_import_cycle_between_parts():
    assert cycles(part_graph(all_imports())) == []


def test_the_package_root_imports_nothing_of_its_own():
    root = list(imports_of(PACKAGE / "__init__.py"))
    assert [found.module for found in root if found.module.startswith("openplate")] == []


def test_the_science_imports_only_the_standard_library_numpy_and_itself():
    outside = []
    for path in sorted((PACKAGE / "science").rglob("*.py")):
        for found in imports_of(path):
            top = found.module.split(".")[0]
            if found.module.startswith("openplate.science") or found.module == "openplate":
                continue
            if top in sys.stdlib_module_names or top in SCIENCE_MAY_IMPORT:
                continue
            outside.append(f"{found.where}: {found.module}")
    assert not outside, "the science imports outside itself:\n" + "\n".join(outside)


# --- the checker itself catches what it should -------------------------------------------------


def write(folder: Path, relative: str, text: str) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.fixture
def fake_package(tmp_path, monkeypatch):
    """A package laid out like openplate, for checking the checker."""
    root = tmp_path / "openplate"
    monkeypatch.setattr(f"{__name__}.PACKAGE", root)
    write(root, "__init__.py", "")
    return root


def test_it_reads_lazy_relative_type_checking_and_string_imports(fake_package):
    write(fake_package, "diary/services.py", "")
    write(fake_package, "cli/__init__.py", "")
    path = write(
        fake_package,
        "diary/views.py",
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from openplate.progress.models import X\n"
        "def view():\n    from ..yourdata import export\n"
        "from . import services\n"
        "from openplate import __version__, cli\n"
        "urlpatterns = [include('openplate.guides.urls')]\n",
    )
    assert sorted(found.module for found in imports_of(path)) == [
        "openplate",
        "openplate.cli",
        "openplate.diary.services",
        "openplate.guides.urls",
        "openplate.progress.models",
        "openplate.yourdata",
        "typing",
    ]


def test_it_finds_an_import_that_goes_up_even_a_lazy_one(fake_package):
    lazy = "def rank():\n    from openplate.diary import services\n"
    write(fake_package, "foods/search.py", lazy)
    write(fake_package, "diary/services.py", "from openplate.foods import search\n")
    wrong = upward_or_sideways(all_imports(), floor_of())
    assert wrong == ["openplate/foods/search.py:2: foods imports openplate.diary (up)"]
    assert cycles(part_graph(all_imports())) == [["diary", "foods"]]


def test_it_finds_an_import_sideways_on_one_floor(fake_package):
    write(fake_package, "accounts/models.py", "from openplate.foods.models import Food\n")
    wrong = upward_or_sideways(all_imports(), floor_of())
    assert wrong == ["openplate/accounts/models.py:1: accounts imports openplate.foods.models "
                     "(sideways)"]  # fmt: skip
