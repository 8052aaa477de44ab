"""A self-contained static HTML page of a ``Comparison`` for a newsroom reviewer.

The page has no external resources (inline CSS, a few lines of inline JS guarded by a
Content-Security-Policy that allows only that script): a verdict header, the meaning changes
first, the two texts side by side with each aligned unit pair in the same colour in both
columns, typed edits marked inside them, boilerplate struck through, a passages table and a
legend.

Markup is built by a boundary sweep: every text is cut at all span boundaries and each piece
is escaped and wrapped in one flat ``<span>`` carrying the classes of every span active over
it, so overlapping spans never produce broken nesting and untrusted text is never interpreted.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Iterable
from dataclasses import dataclass

from .._types import Comparison, Document, Edit, Evidence, Side

__all__ = ["render_html"]

PALETTE_SIZE = 8

_PALETTE = (
    "#ffe3a3",  # amber
    "#c7ebc9",  # green
    "#c4def9",  # blue
    "#e6cdf0",  # lavender
    "#ffd3c2",  # peach
    "#bfeaf0",  # cyan
    "#f9cfe0",  # pink
    "#e2efc4",  # lime
)

_EDIT_CLASS = {
    "substitution": "e-sub",
    "synonym": "e-syn",
    "insertion": "e-ins",
    "deletion": "e-del",
    "reorder": "e-reo",
    "punctuation": "e-pun",
}

_LABEL_CLASS = {
    "identical": "v-hi",
    "near-duplicate": "v-hi",
    "spun-copy": "v-hi",
    "paraphrased-copy": "v-hi",
    "partial-reuse": "v-mid",
    "same-topic": "v-lo",
    "unrelated": "v-none",
}

_CSS = (
    """
:root{--ink:#1d1d1f;--muted:#6b6b73;--line:#e2e2e6;--red:#c62828;--redbg:#fdecec}
*{box-sizing:border-box}
body{margin:0;background:#fafafa;color:var(--ink);
 font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
main{max-width:1500px;margin:0 auto;padding:20px 28px 48px}
h1{font-size:13px;font-weight:600;letter-spacing:.08em;text-transform:uppercase;
 color:var(--muted);margin:0 0 6px}
h2{font-size:18px;margin:22px 0 10px}
section>h2:first-child,header>h2:first-child{margin-top:0}
section,header{background:#fff;border:1px solid var(--line);border-radius:10px;
 padding:16px 20px;margin-bottom:18px}
.verdict{display:inline-block;font-size:34px;font-weight:800;letter-spacing:.01em;
 padding:2px 14px;border-radius:8px;margin:2px 0 8px}
.v-hi{background:#fde0dc;color:#9f1d12}.v-mid{background:#fff0cc;color:#7a4b00}
.v-lo{background:#dfeafc;color:#163f7a}.v-none{background:#ececef;color:#45454d}
.summary{font-size:17px;margin:0 0 12px}
.facts{display:flex;flex-wrap:wrap;gap:10px 32px;margin:6px 0 12px}
.fact .k{display:block;font-size:12px;color:var(--muted);text-transform:uppercase;
 letter-spacing:.05em}
.fact .v{font-size:20px;font-weight:650}
.fact meter{width:140px;height:10px;margin-left:6px}
.name{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:13px;
 overflow-wrap:anywhere}
.evidence{margin:4px 0 0;padding-left:18px}
.evidence li{margin:3px 0}
.ev-kind{font-weight:600}
.fav{display:inline-block;font-size:12px;padding:0 7px;border-radius:9px;margin-left:6px;
 background:#ececef;color:#45454d;white-space:nowrap}
.fav-a,.fav-b{background:#dff3e3;color:#185c27}
.weight{color:var(--muted);font-size:12px;margin-left:4px}
#meaning-changes{border:2px solid var(--red);background:var(--redbg)}
#meaning-changes h2{color:var(--red);margin-top:0}
#meaning-changes.none{border-color:var(--line);background:#fff}
#meaning-changes.none h2{color:var(--ink)}
.mc-list{margin:0;padding-left:22px}
.mc-list li{margin:6px 0;font-size:16px}
.mc-a{background:#fff;border:1px solid #e8b4b4;padding:0 5px;border-radius:4px;
 text-decoration:line-through;text-decoration-color:#c6282880}
.mc-b{background:#fff;border:1px solid var(--red);padding:0 5px;border-radius:4px;
 color:var(--red);font-weight:700}
.mc-reason{color:#7f1d1d}
.mc-meta{color:var(--muted);font-size:12px}
.mc-list a,.ptable a{color:#1a4fa0}
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:22px}
.col h3{margin:0 0 8px;font-size:15px;display:flex;gap:8px;align-items:baseline;
 flex-wrap:wrap;border-bottom:1px solid var(--line);padding-bottom:6px}
.side{display:inline-block;min-width:22px;text-align:center;font-weight:800;
 background:var(--ink);color:#fff;border-radius:5px;padding:0 6px}
.role{font-size:12px;padding:0 7px;border-radius:9px;background:#ececef;color:#45454d}
.role.orig{background:#dff3e3;color:#185c27}.role.copy{background:#fde0dc;color:#9f1d12}
.text{white-space:pre-wrap;overflow-wrap:anywhere;max-width:78ch;
 font:16px/1.65 Georgia,"DejaVu Serif",serif}
.m{border-radius:3px;cursor:pointer}
"""
    + "".join(f".c{i}{{background:{c}}}\n" for i, c in enumerate(_PALETTE))
    + """
.m.hl{background-image:linear-gradient(#0000001f,#0000001f);box-shadow:0 2px 0 #333}
.e-sub{text-decoration:underline dotted #444;text-decoration-thickness:2px;
 text-underline-offset:3px}
.e-syn{text-decoration:underline dotted #8a8a8a;text-decoration-thickness:2px;
 text-underline-offset:3px}
.e-ins{text-decoration:underline solid #2e7d32;text-decoration-thickness:2px;
 text-underline-offset:3px;color:#1b5e20}
.e-del{text-decoration:line-through #e65100;text-decoration-thickness:2px;color:#8a3b00}
.e-reo{text-decoration:underline dashed #1565c0;text-decoration-thickness:1.5px;
 text-underline-offset:3px}
.e-pun{text-decoration:underline wavy #9e9e9e;text-underline-offset:3px}
.mc{font-weight:800;color:var(--red);outline:2px solid var(--red);outline-offset:1px;
 background:#ffd6d6;text-decoration:none}
.mc-pt{color:var(--red);font-weight:800;user-select:none}
.flash{animation:flash 1.6s ease-out 1}
@keyframes flash{0%,40%{box-shadow:0 0 0 6px #ff525299}100%{box-shadow:0 0 0 0 #ff525200}}
.bp{background:#f0f0f0;color:#9a9a9a;text-decoration:line-through #b0b0b0}
.bp-label{font:600 10px/1 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;
 color:#777;background:#e6e6e6;border-radius:3px;padding:1px 4px;margin-right:4px;
 vertical-align:2px;user-select:none;white-space:nowrap}
.anc{scroll-margin-top:35vh}
.ptable{border-collapse:collapse;font-size:14px}
.ptable th,.ptable td{border-bottom:1px solid var(--line);padding:5px 12px;text-align:left}
.ptable td.num{text-align:right;font-variant-numeric:tabular-nums}
.legend{display:flex;flex-wrap:wrap;gap:8px 22px;font-size:14px;margin:0;padding:0;
 list-style:none}
.legend .sample{font:15px Georgia,"DejaVu Serif",serif;padding:0 3px}
.muted{color:var(--muted)}
footer{color:var(--muted);font-size:12px;text-align:center}
@media (max-width:900px){.cols{grid-template-columns:1fr}}
@media print{.m.hl{outline:none}section,header{break-inside:auto}}
"""
)

_JS = """
(function(){
var cur=[],key=null;
function clear(){for(var i=0;i<cur.length;i++){cur[i].classList.remove('hl');}cur=[];key=null;}
document.addEventListener('mouseover',function(ev){
var t=ev.target;var el=(t instanceof Element)?t.closest('[data-m]'):null;
var k=el?el.getAttribute('data-m'):null;if(k===key){return;}clear();if(!el){return;}key=k;
k.split(' ').forEach(function(tok){
document.querySelectorAll('[data-m~="'+tok+'"]').forEach(function(n){
n.classList.add('hl');cur.push(n);});});});
document.addEventListener('click',function(ev){
var t=ev.target;var a=(t instanceof Element)?t.closest('a[data-e]'):null;if(!a){return;}
var e=a.getAttribute('data-e');
document.querySelectorAll('.frag[data-e~="'+e+'"]').forEach(function(n){
n.classList.remove('flash');void n.offsetWidth;n.classList.add('flash');});});
})();
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


@dataclass(frozen=True, slots=True)
class _Mark:
    """One span to show in one text: its CSS classes, tooltip line and hover/flash keys."""

    start: int
    end: int
    classes: tuple[str, ...]
    title: str
    match: str | None = None  # data-m token: the aligned pair, the same in both columns
    edit: int | None = None  # data-e token: a meaning change, for the list's links
    is_edit: bool = False


def _clamp(start: int, end: int, n: int) -> tuple[int, int]:
    start = min(max(start, 0), n)
    return start, min(max(end, start), n)


def _sweep(text: str, marks: list[_Mark], points: dict[int, list[str]]) -> str:
    """The escaped text with every elementary piece wrapped in the classes active over it.

    ``points`` holds ready markup (anchors, labels) to emit before the piece starting there.
    """
    n = len(text)
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    bounds = {0, n}
    for k, mark in enumerate(marks):
        s, e = _clamp(mark.start, mark.end, n)
        if s == e:
            continue
        starts.setdefault(s, []).append(k)
        ends.setdefault(e, []).append(k)
        bounds.update((s, e))
    bounds.update(p for p in points if 0 <= p <= n)
    order = sorted(bounds)
    active: set[int] = set()
    out: list[str] = []
    for i, pos in enumerate(order):
        active.difference_update(ends.get(pos, ()))
        active.update(starts.get(pos, ()))
        out.extend(points.get(pos, ()))
        if i + 1 == len(order):
            break
        piece = _e(text[pos : order[i + 1]])
        if not active:
            out.append(piece)
            continue
        out.append(_open_piece([marks[k] for k in sorted(active)]))
        out.append(piece)
        out.append("</span>")
    return "".join(out)


def _open_piece(active: list[_Mark]) -> str:
    classes: list[str] = ["frag"]
    matches = [m for m in active if m.match is not None]
    if matches:
        classes.extend(matches[0].classes)  # one colour even if aligned units overlap
    classes.extend(c for m in active if m.match is None and not m.is_edit for c in m.classes)
    edits = [m for m in active if m.is_edit]
    if edits:
        # An edit nested in another (a moved phrase inside a deleted stretch) shows as itself.
        innermost = min(edits, key=lambda m: m.end - m.start)
        classes.extend(c for c in innermost.classes if c != "mc")
        if any(m.edit is not None for m in edits):
            classes.append("mc")
    attrs = [f'class="{_e(" ".join(classes))}"']
    if matches:
        attrs.append(f'data-m="{_e(" ".join(m.match for m in matches if m.match))}"')
    flagged = [str(m.edit) for m in active if m.edit is not None]
    if flagged:
        attrs.append(f'data-e="{" ".join(flagged)}"')
    title = "\n".join(m.title for m in active if m.title)
    if title:
        attrs.append(f'title="{_e(title)}"')
    return f"<span {' '.join(attrs)}>"


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def _quoted(text: str) -> str:
    return f"“{text}”" if text else "∅"


def _edit_title(edit: Edit) -> str:
    title = f"{edit.kind}: {_quoted(edit.a_text)} → {_quoted(edit.b_text)}"
    if edit.meaning_change:
        title += f"\nMEANING CHANGE: {edit.reason or 'flagged'}"
    return title


def _side_marks(c: Comparison, side: Side) -> tuple[list[_Mark], dict[int, list[str]]]:
    doc = c.a if side == "a" else c.b
    n = len(doc.text)
    marks: list[_Mark] = []
    points: dict[int, list[str]] = {}

    def point(pos: int, markup: str) -> None:
        points.setdefault(min(max(pos, 0), n), []).append(markup)

    colour = 0
    for k, passage in enumerate(c.passages):
        pspan = passage.a if side == "a" else passage.b
        point(pspan.start, f'<span class="anc" id="p{side}{k}"></span>')
        for j, m in enumerate(passage.matches):
            span = m.a if side == "a" else m.b
            sem = "n/a" if m.semantic is None else f"{m.semantic:.2f}"
            title = (
                f"passage {k} ({passage.kind}) · unit pair {j + 1}/{len(passage.matches)}: "
                f"score {m.score:.2f}, lexical {m.lexical:.2f}, semantic {sem}"
            )
            marks.append(
                _Mark(span.start, span.end, ("m", f"c{colour % PALETTE_SIZE}"), title, f"{k}-{j}")
            )
            colour += 1
    for bp in doc.boilerplate:
        marks.append(_Mark(bp.span.start, bp.span.end, ("bp",), f"boilerplate: {bp.reason}"))
        point(bp.span.start, f'<span class="bp-label">{_e(bp.reason)}</span>')
    for i, edit in enumerate(c.edits):
        span = edit.a if side == "a" else edit.b
        classes = (_EDIT_CLASS.get(edit.kind, "e-sub"),) + (("mc",) if edit.meaning_change else ())
        key = i if edit.meaning_change else None
        marks.append(
            _Mark(span.start, span.end, classes, _edit_title(edit), edit=key, is_edit=True)
        )
        if edit.meaning_change and not len(span):
            point(
                span.start,
                f'<span class="anc mc-pt frag" id="e{side}{i}" data-e="{i}" '
                f'title="{_e(_edit_title(edit))}">‸</span>',
            )
        else:
            point(span.start, f'<span class="anc" id="e{side}{i}"></span>')
    return marks, points


def _side_name(c: Comparison, side: Side | None) -> str:
    if side is None:
        return "neither"
    doc = c.a if side == "a" else c.b
    return f"{side} ({doc.name})"


def _evidence(c: Comparison, items: Iterable[Evidence]) -> str:
    rows = []
    for ev in items:
        fav = (
            f'<span class="fav fav-{ev.favours}">favours {_e(_side_name(c, ev.favours))}</span>'
            if ev.favours
            else '<span class="fav">neutral</span>'
        )
        rows.append(
            f'<li><span class="ev-kind">{_e(ev.kind)}</span> — {_e(ev.detail)} {fav}'
            f'<span class="weight">weight {ev.weight:g}</span></li>'
        )
    if not rows:
        return '<p class="muted">No evidence either way.</p>'
    return '<ul class="evidence">' + "".join(rows) + "</ul>"


def _header(c: Comparison) -> str:
    v = c.verdict
    if v.original == "undetermined":
        original = '<span class="v">undetermined</span>'
    else:
        doc = c.a if v.original == "a" else c.b
        original = f'<span class="v">{v.original}</span> <span class="name">{_e(doc.name)}</span>'
    facts = [
        f'<div class="fact"><span class="k">coverage of a</span><span class="v">'
        f'{_pct(v.coverage_a)}</span><meter min="0" max="1" value="{v.coverage_a:.4f}">'
        f"</meter></div>",
        f'<div class="fact"><span class="k">coverage of b</span><span class="v">'
        f'{_pct(v.coverage_b)}</span><meter min="0" max="1" value="{v.coverage_b:.4f}">'
        f"</meter></div>",
        f'<div class="fact"><span class="k">original</span>{original}</div>',
        f'<div class="fact"><span class="k">passages · edits</span><span class="v">'
        f"{len(c.passages)} · {len(c.edits)}</span></div>",
    ]
    label_class = _LABEL_CLASS.get(v.label, "v-none")
    return (
        "<header>"
        "<h1>unspin · how b was derived from a</h1>"
        f'<div class="verdict {label_class}">{_e(v.label.replace("-", " "))}</div>'
        f'<p class="summary">{_e(v.summary)}</p>'
        f'<p class="muted">a: <span class="name">{_e(c.a.name)}</span> · '
        f'b: <span class="name">{_e(c.b.name)}</span></p>'
        f'<div class="facts">{"".join(facts)}</div>'
        f"<h2>Evidence on which text is the original</h2>{_evidence(c, v.evidence)}"
        "</header>"
    )


def _meaning_changes(c: Comparison) -> str:
    items = []
    for i, edit in enumerate(c.edits):
        if not edit.meaning_change:
            continue
        items.append(
            f'<li class="mc-item" id="mc{i}">'
            f'<span class="mc-a">{_e(edit.a_text) or "∅"}</span> → '
            f'<span class="mc-b">{_e(edit.b_text) or "∅"}</span> '
            f'<span class="mc-reason">{_e(edit.reason or "meaning change")}</span> '
            f'<span class="mc-meta">({_e(edit.kind)}, passage {edit.passage}, '
            f"a {edit.a.start}–{edit.a.end}, b {edit.b.start}–{edit.b.end})</span> "
            f'<a href="#ea{i}" data-e="{i}">show in a</a> · '
            f'<a href="#eb{i}" data-e="{i}">show in b</a></li>'
        )
    if not items:
        return (
            '<section id="meaning-changes" class="none"><h2>Meaning changes: none found</h2>'
            '<p class="muted">No edit in the aligned passages was flagged as changing the '
            "meaning (named entities, numbers, negation, quotations).</p></section>"
        )
    return (
        f'<section id="meaning-changes"><h2>Meaning changes ({len(items)})</h2>'
        f'<ol class="mc-list">{"".join(items)}</ol></section>'
    )


def _role(c: Comparison, side: Side) -> str:
    if c.verdict.original == "undetermined" or not c.passages:
        return ""
    if c.verdict.original == side:
        return '<span class="role orig">original</span>'
    return '<span class="role copy">derived</span>'


def _origin(doc: Document) -> str:
    """Where the text came from, when it was extracted from a page, a crawl or a feed (the
    text shown, and every offset, is the extracted text)."""
    o = doc.origin
    if o is None or o.format == "text":
        return ""
    parts = [f"extracted from {_e(o.format)} ({o.size:,} bytes)"]
    if o.title:
        parts.append(f"title: {_e(o.title)}")
    if o.url:
        parts.append(f"url: {_e(o.url)}")
    if o.site:
        parts.append(f"site: {_e(o.site)}")
    for claim in o.dates:
        what = "published" if claim.kind == "published" else "crawled"
        parts.append(f"{what} {_e(claim.date)} ({_e(claim.source)})")
    return f'<p class="muted origin">{" · ".join(parts)}</p>'


def _column(c: Comparison, side: Side, doc: Document) -> str:
    marks, points = _side_marks(c, side)
    coverage = c.verdict.coverage_a if side == "a" else c.verdict.coverage_b
    return (
        f'<div class="col" id="col-{side}"><h3><span class="side">{side}</span>'
        f'<span class="name">{_e(doc.name)}</span>{_role(c, side)}'
        f'<span class="muted">{len(doc.text)} chars · {_pct(coverage)} covered</span></h3>'
        f"{_origin(doc)}"
        f'<div class="text" id="text-{side}">{_sweep(doc.text, marks, points)}</div></div>'
    )


def _passages(c: Comparison) -> str:
    if not c.passages:
        return (
            '<section id="passages"><h2>Passages</h2>'
            '<p class="muted">No aligned passages.</p></section>'
        )
    rows = []
    for k, p in enumerate(c.passages):
        n_edits = sum(1 for e in c.edits if e.passage == k)
        n_mc = sum(1 for e in c.edits if e.passage == k and e.meaning_change)
        rows.append(
            f'<tr><td class="num">{k}</td><td>{_e(p.kind)}</td>'
            f'<td class="num">{p.score:.3f}</td><td class="num">{p.similarity:.3f}</td>'
            f'<td><a href="#pa{k}">{p.a.start}–{p.a.end}</a></td>'
            f'<td><a href="#pb{k}">{p.b.start}–{p.b.end}</a></td>'
            f'<td class="num">{len(p.matches)}</td><td class="num">{n_edits}</td>'
            f'<td class="num">{n_mc}</td></tr>'
        )
    return (
        '<section id="passages"><h2>Passages</h2><table class="ptable"><thead><tr>'
        "<th>id</th><th>kind</th><th>score</th><th>similarity</th><th>a span</th>"
        "<th>b span</th><th>unit pairs</th><th>edits</th><th>meaning changes</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _legend() -> str:
    items = [
        '<span class="sample m c0">aligned</span> <span class="sample m c1">unit</span> '
        '<span class="sample m c2">pairs</span>: the same colour in both columns '
        "(hover one to outline its partner)",
        '<span class="sample e-sub">substitution</span> / '
        '<span class="sample e-syn">synonym</span>',
        '<span class="sample e-ins">insertion</span> (in b)',
        '<span class="sample e-del">deletion</span> (from a)',
        '<span class="sample e-reo">moved</span> (reorder)',
        '<span class="sample e-pun">punctuation</span>',
        '<span class="sample mc">meaning change</span>',
        '<span class="bp-label">reason</span><span class="sample bp">boilerplate</span> '
        "(not article text)",
        '<span class="sample">unmarked text</span>: not aligned',
    ]
    return (
        '<section id="legend"><h2>Legend</h2><ul class="legend">'
        + "".join(f"<li>{i}</li>" for i in items)
        + "</ul></section>"
    )


def render_html(comparison: Comparison) -> str:
    """The whole report as one self-contained HTML document (no I/O, no external resources)."""
    c = comparison
    csp = (
        f"default-src 'none'; style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_JS)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    total = c.timings.get("total")
    footer = "generated by unspin" + (f" · compared in {total:.2f} s" if total else "")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>unspin: {_e(c.verdict.label)} — {_e(c.a.name)} vs {_e(c.b.name)}</title>"
        f"<style>{_CSS}</style></head><body><main>"
        + _header(c)
        + _meaning_changes(c)
        + '<section id="texts"><h2>The two texts</h2><div class="cols">'
        + _column(c, "a", c.a)
        + _column(c, "b", c.b)
        + "</div></section>"
        + _passages(c)
        + _legend()
        + f"<footer>{_e(footer)}</footer>"
        + f"</main><script>{_JS}</script></body></html>\n"
    )
