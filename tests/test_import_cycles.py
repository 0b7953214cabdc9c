"""No import circles in ``kg``: every module imports in a fresh interpreter, and the graph of module-level
``kg`` imports (read with ast; imports under ``if TYPE_CHECKING:`` and inside functions do not count) has
no cycle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import networkx as nx

import kg

ROOT = Path(kg.__file__).resolve().parent


def _modules() -> dict[str, Path]:
    """Every module of ``kg`` by dotted name (a package by its ``__init__.py``)."""
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _module_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports run when the module is imported: top level, and inside if/try/with at top level."""
    out: list[ast.Import | ast.ImportFrom] = []

    def walk(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                out.append(node)
            elif isinstance(node, ast.If):
                if not _is_type_checking(node.test):
                    walk(node.body)
                walk(node.orelse)
            elif isinstance(node, ast.Try):
                for block in (node.body, node.orelse, node.finalbody, *[h.body for h in node.handlers]):
                    walk(block)
            elif isinstance(node, (ast.With, ast.ClassDef)):
                walk(node.body)

    walk(tree.body)
    return out


def _ancestors(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(2, len(parts))]  # without "kg" itself


def import_graph() -> nx.DiGraph:
    """Edges importer -> imported between ``kg`` modules, including the packages an import initialises."""
    modules = _modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in _module_level_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
                continue
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets.add(base)
            targets.update(f"{base}.{alias.name}" for alias in node.names)
        own = set(_ancestors(name)) | {name}
        for target in targets:
            if target not in modules or target == "kg":
                continue
            for step in [*_ancestors(target), target]:
                if step not in own:
                    graph.add_edge(name, step)
    return graph


def test_graph_reader_sees_imports() -> None:
    graph = import_graph()
    assert graph.has_edge("kg.cli.main", "kg.cli.common") or any(
        target.startswith("kg.cli.") for target in graph.successors("kg.cli.main")
    )
    assert graph.has_edge("kg.api", "kg.desk.records")
    assert graph.has_edge("kg.api", "kg.desk")  # importing kg.desk.records runs kg/desk/__init__.py


def test_a_cycle_is_found_and_named() -> None:
    graph = import_graph()
    graph.add_edge("kg.desk.records", "kg.api")  # kg.api imports kg.desk.records at module level
    cycle = nx.find_cycle(graph, source="kg.api")
    assert {"kg.api", "kg.desk.records"} <= {edge[0] for edge in cycle}


def test_no_import_cycles_in_kg() -> None:
    graph = import_graph()
    cycles = sorted((sorted(c) for c in nx.simple_cycles(graph)), key=len)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles[:10])


def test_every_module_imports_in_a_fresh_interpreter() -> None:
    names = sorted(_modules())
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as error:\n"
        "        print(f'{name}: {type(error).__name__}: {error}')\n"
        "        sys.exit(1)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
