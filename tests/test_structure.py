"""The package's shape: data flows one way, so no module imports one that imports it back.

The import graph counts every ``import`` and ``from … import`` inside ``src/unspin``,
including those inside functions and under ``TYPE_CHECKING``: a cycle hidden in a function
is still two rooms that each need the other.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "unspin"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported(node: ast.AST, module: str, is_package: bool, known: set[str]) -> set[str]:
    """The package modules ``node`` (an import statement in ``module``) names."""
    out: set[str] = set()
    if isinstance(node, ast.Import):
        out.update(alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = module.split(".")
            if not is_package:
                base = base[:-1]
            base = base[: len(base) - (node.level - 1)]
            target = ".".join([*base, node.module] if node.module else base)
        else:
            target = node.module or ""
        out.add(target)
        # ``from . import x`` and ``from .pkg import mod`` name modules too
        out.update(f"{target}.{alias.name}" for alias in node.names)
    return {name for name in out if name in known}


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    known = {_module_name(p) for p in paths}
    graph: dict[str, set[str]] = {}
    for path in paths:
        module = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges: set[str] = set()
        for node in ast.walk(tree):
            edges |= _imported(node, module, path.name == "__init__.py", known)
        # a package's own ``__init__`` is imported with any of its modules: not an edge
        graph[module] = {m for m in edges if m != module and not module.startswith(m + ".")}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        order[node] = low[node] = len(order)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in order:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], order[nxt])
        if low[node] == order[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in order:
            visit(node)
    return found


# The rooms, lowest first (docs/design.md): a module may import its own layer and those below,
# never one above. A module's layer is that of the longest name here it falls under.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("unspin._types", "unspin.errors", "unspin.config", "unspin.lexicon", "unspin.embed"),
    ("unspin.text",),  # reading, extraction, normalisation, segmentation
    ("unspin.fingerprint", "unspin.prepared"),  # a text's units and their features
    # storage and candidate scoring, no verdicts
    (
        "unspin.index.schema",
        "unspin.index.keys",
        "unspin.index.entries",
        "unspin.index.candidates",
        "unspin.index.vectors",
        "unspin.index.records",
        "unspin.index.writes",
        "unspin.index.vector_store",
        "unspin.index.upkeep",
        "unspin.index.store",
    ),
    ("unspin.align", "unspin.diff", "unspin.evidence", "unspin.verdict"),  # one pair's steps
    ("unspin.pipeline",),  # the pair pipeline: Comparer
    ("unspin.index", "unspin.index.ingest", "unspin.index.searcher"),
    ("unspin.eval",),
    ("unspin.report",),  # renders results, decides nothing
    ("unspin", "unspin.cli", "unspin.cliutil", "unspin.index.cli", "unspin.eval.cli"),
)


def layer_of(module: str) -> int:
    best, rank = "", -1
    for k, names in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > len(best):
                best, rank = name, k
    assert rank >= 0, f"{module} is in no layer: add it to LAYERS and docs/design.md"
    return rank


def test_each_room_imports_only_its_own_layer_and_those_below() -> None:
    upward = [
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        for target in sorted(targets)
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def test_an_upward_import_is_found() -> None:
    assert layer_of("unspin.index.store") < layer_of("unspin.pipeline")
    assert layer_of("unspin.text.sources") < layer_of("unspin.index.store")
    assert layer_of("unspin.index.cli") == layer_of("unspin.cli")


def test_the_graph_sees_the_package() -> None:
    graph = import_graph()
    assert "unspin.index.searcher" in graph["unspin.index.cli"]
    assert "unspin.index.store" in graph["unspin.index.searcher"]
    assert "unspin.prepared" in graph["unspin.align.aligner"]


def test_cycles_are_found() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle() -> None:
    assert cycles(import_graph()) == []
