"""The layout shows the data flow: each module imports only from its layer or earlier ones,
each third-party library has one home, and docs/architecture.md names every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import ROOT

PACKAGE = ROOT / "src" / "warmreach"
#: the layers of docs/architecture.md, first to last (a package stands for its modules)
LAYERS = [
    {"errors", "text", "_gc", "_lazy", "dates", "sheets", "atomic", "cachefolder", "progress"},
    {"model"},
    {"schema", "synthetic"},
    {"matching"},
    {"networkfile", "validation", "postings"},
    {"graph"},
    {"scoring"},
    {"gaps", "jobs"},
    {"plan", "log", "importers", "review"},
    {"reports", "render", "page"},
    {"cli", "__init__", "__main__"},
]
#: the only places each third-party library may be imported from
HOMES = {
    "yaml": {"networkfile"},
    "ruamel": {"networkfile"},
    "rapidfuzz": {"matching"},
    "spellchecker": {"matching"},
    "numpy": {"graph"},
    "networkx": {"graph"},
    "matplotlib": {"render"},
    "typer": {"cli"},
    "rich": {"reports", "cli"},
}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _unit(path: Path) -> str:
    """The layer unit of a module: its top-level package or module name."""
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def _layer(unit: str) -> int:
    (found,) = (index for index, layer in enumerate(LAYERS) if unit in layer)
    return found


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_imports_point_down_the_flow(path: Path) -> None:
    own = _layer(_unit(path))
    for name in _imports(path):
        if name == "warmreach" or not name.startswith("warmreach."):
            continue
        imported = name.split(".")[1]
        assert _layer(imported) <= own, f"{path.name} imports {name}"


@pytest.mark.parametrize("path", _modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_each_library_is_imported_in_its_home_only(path: Path) -> None:
    for name in _imports(path):
        library = name.split(".")[0]
        if library in HOMES:
            assert _unit(path) in HOMES[library], f"{path.name} imports {library}"


def test_the_architecture_doc_names_every_module() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for path in _modules():
        name = path.relative_to(PACKAGE).as_posix()
        assert f"`{name}`" in text or (
            path.name == "__init__.py" and f"`{path.parent.name}/`" in text
        ), name


def _module_of(name: str) -> Path | None:
    """The file of a ``warmreach.…`` module name (a package's ``__init__.py``)."""
    parts = name.split(".")[1:]
    if not parts:
        return PACKAGE / "__init__.py"
    base = PACKAGE.joinpath(*parts)
    for found in (base.with_suffix(".py"), base / "__init__.py"):
        if found.exists():
            return found
    return None


def test_no_module_imports_itself_back_even_inside_a_layer() -> None:
    """No cycles among modules, counting imports inside functions too (a same-layer cycle
    is invisible to the layer test above)."""
    import networkx as nx

    graph = nx.DiGraph()
    for path in _modules():
        graph.add_node(path)
        for name in _imports(path):
            if name != "warmreach" and not name.startswith("warmreach."):
                continue
            target = _module_of(name)
            if target is not None and target != path:
                graph.add_edge(path, target)
    cycles = [[str(p.relative_to(PACKAGE)) for p in cycle] for cycle in nx.simple_cycles(graph)]
    assert cycles == []


def test_no_module_over_500_lines_and_no_class_over_250() -> None:
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 500, path
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                assert length <= 250, f"{path.name}: {node.name} has {length} lines"
