"""Reuse families from verified edges: connected components, their syndication groups
(identical and near-identical copies), their original and a derivation tree. Written here:
the original's choice (a date first, then the pairs' direction evidence) is unspin's own."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from typing import Any

# verdicts that make two documents copies of one text (one syndication group)
SYNDICATED = frozenset({"identical", "near-duplicate"})


class _Sets:
    """Union-find over hashable ids (path halving; the smaller id is the root: stable)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _components(members: Sequence[str], links: Sequence[tuple[str, str]]) -> list[list[str]]:
    sets = _Sets()
    for m in members:
        sets.find(m)
    for a, b in links:
        sets.union(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for m in members:
        groups[sets.find(m)].append(m)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def families(
    edges: Sequence[Mapping[str, Any]], dates: Mapping[str, str | None]
) -> list[dict[str, Any]]:
    """The families of ``edges`` (each with ``a``, ``b``, ``label``, ``original``: "a", "b"
    or "undetermined"), largest first; ``dates``: each document's earliest trustworthy
    publication date (ISO), or None."""
    docs = sorted({e["a"] for e in edges} | {e["b"] for e in edges})
    components = _components(docs, [(e["a"], e["b"]) for e in edges])
    where = {m: k for k, members in enumerate(components) for m in members}
    own: list[list[Mapping[str, Any]]] = [[] for _ in components]
    for e in edges:
        own[where[e["a"]]].append(e)
    found = [_family(m, own[k], dates) for k, m in enumerate(components)]
    found.sort(key=lambda f: (-len(f["documents"]), f["documents"][0]))
    for k, f in enumerate(found):
        f["id"] = k
    return found


def _family(
    members: list[str], edges: list[Mapping[str, Any]], dates: Mapping[str, str | None]
) -> dict[str, Any]:
    groups = _components(
        members, [(e["a"], e["b"]) for e in edges if e["label"] in SYNDICATED]
    )
    original, by = _original(members, edges, dates)
    return {
        "documents": members,
        "size": len(members),
        "edges": len(edges),
        "syndication_groups": [g for g in groups if len(g) > 1],
        "original": original,
        "original_by": by,
        "tree": _tree(original, members, edges) if original else [],
    }


def _original(
    members: list[str], edges: list[Mapping[str, Any]], dates: Mapping[str, str | None]
) -> tuple[str | None, str]:
    """The family's original: the earliest trustworthy date where one member has it alone;
    else the member the pairs' direction evidence names the original of most often and the
    copy of none; else undetermined (None)."""
    dated = sorted((d, m) for m in members if (d := dates.get(m)))
    if dated and (len(dated) == 1 or dated[0][0] < dated[1][0]):
        return dated[0][1], "date"
    wins: dict[str, int] = defaultdict(int)
    losses: dict[str, int] = defaultdict(int)
    for e in edges:
        if e["original"] in ("a", "b"):
            winner = e[e["original"]]
            loser = e["b"] if winner == e["a"] else e["a"]
            wins[winner] += 1
            losses[loser] += 1
    ranked = sorted((-wins[m], m) for m in members if wins[m] and not losses[m])
    if ranked and (len(ranked) == 1 or ranked[0][0] < ranked[1][0]):
        return ranked[0][1], "direction"
    return None, "undetermined"


def _tree(
    root: str, members: list[str], edges: list[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """A derivation tree from the original: breadth first over the edges, an edge whose
    direction is decided followed only from its original, an undetermined one either way;
    members it does not reach hang from the root, marked."""
    out_links: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for k, e in enumerate(edges):
        a, b = e["a"], e["b"]
        if e["original"] in ("a", "undetermined"):
            out_links[a].append((b, k))
        if e["original"] in ("b", "undetermined"):
            out_links[b].append((a, k))
    seen = {root}
    tree: list[dict[str, Any]] = []
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for child, k in sorted(out_links[node]):
            if child not in seen:
                seen.add(child)
                tree.append({"parent": node, "child": child, "edge": _edge_id(edges[k])})
                queue.append(child)
    for m in members:
        if m not in seen:
            tree.append({"parent": root, "child": m, "edge": None})
    return tree


def _edge_id(edge: Mapping[str, Any]) -> str:
    return f"{edge['a']}|{edge['b']}"
