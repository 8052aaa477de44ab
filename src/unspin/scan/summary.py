"""The static HTML summary of a scan (``OUT/index.html``): the families, largest first, each
with its original, syndication groups and derivation tree, each edge linking to its pair
report (``OUT/pairs/``). Self-contained: no script, no external resource."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from .verify import report_name

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;
color:#1a1a1a;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-top:1px solid #ccc;
padding-top:1rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.2rem .6rem;text-align:left;
border-bottom:1px solid #e2e2e2}th{background:#f2f2f2}
ul.tree{list-style:none;padding-left:1.2rem}ul.tree li::before{content:"└ ";color:#666}
.label{font-weight:600}.muted{color:#555}a{color:#0645ad}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _edge_key(edge: Mapping[str, Any]) -> str:
    return f"{edge['a']}|{edge['b']}"


def _tree(
    node: str, children: Mapping[str, list[tuple[str, str | None]]], links: Mapping[str, str]
) -> str:
    items = []
    for child, edge in children.get(node, []):
        link = f' <a href="{_e(links[edge])}">pair report</a>' if edge and edge in links else ""
        items.append(f"<li>{_e(child)}{link}{_tree(child, children, links)}</li>")
    return f'<ul class="tree">{"".join(items)}</ul>' if items else ""


def summary_html(
    docs: Sequence[Mapping[str, Any]],
    edges: Sequence[Mapping[str, Any]],
    families: Sequence[Mapping[str, Any]],
) -> str:
    """The summary page of a scan's documents, edges and families."""

    names = {d["id"]: d.get("name") or d["id"] for d in docs}
    links = {_edge_key(e): f"pairs/{report_name(e['a'], e['b'])}" for e in edges}
    by_family: dict[int, list[Mapping[str, Any]]] = {}
    family_of = {m: f["id"] for f in families for m in f["documents"]}
    for e in edges:
        by_family.setdefault(family_of[e["a"]], []).append(e)
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        "<meta http-equiv=Content-Security-Policy content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        f"<title>unspin scan: {len(families)} families</title><style>{_CSS}</style></head><body>",
        f"<h1>unspin scan</h1><p>{len(docs)} documents, {len(edges)} verified reuse edges, "
        f"{len(families)} families, largest first.</p>",
    ]
    for f in families:
        original = (
            f"original: <span class=label>{_e(names.get(f['original'], f['original']))}</span>"
            f" (by {_e(f['original_by'])})"
            if f["original"]
            else "original: <span class=label>undetermined</span>"
        )
        parts.append(
            f'<h2 id="family-{f["id"]}">Family {f["id"]}: {f["size"]} documents, '
            f"{f['edges']} edges</h2><p>{original}</p>"
        )
        for group in f["syndication_groups"]:
            parts.append(
                "<p class=muted>syndication group (identical or near-identical copies): "
                + ", ".join(_e(m) for m in group)
                + "</p>"
            )
        if f["original"]:
            children: dict[str, list[tuple[str, str | None]]] = {}
            for t in f["tree"]:
                children.setdefault(t["parent"], []).append((t["child"], t["edge"]))
            parts.append(f"<p>derivation tree</p><ul class=tree><li>{_e(f['original'])}"
                         f"{_tree(f['original'], children, links)}</li></ul>")
        rows = "".join(
            f"<tr><td>{_e(e['a'])}</td><td>{_e(e['b'])}</td><td class=label>{_e(e['label'])}"
            f"</td><td>{e['confidence']:.0%}</td><td>{e['coverage']['a']:.0%} / "
            f"{e['coverage']['b']:.0%}</td><td>{_e(e['original'])}</td>"
            f'<td><a href="{_e(links[_edge_key(e)])}">pair report</a></td></tr>'
            for e in by_family.get(f["id"], [])
        )
        parts.append(
            "<table><tr><th>a</th><th>b</th><th>verdict</th><th>confidence</th>"
            f"<th>coverage a / b</th><th>original</th><th></th></tr>{rows}</table>"
        )
    parts.append("</body></html>")
    return "\n".join(parts)
