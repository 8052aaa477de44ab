"""Tests of unspin.report.html: the self-contained side-by-side HTML report."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import unspin
from unspin import (
    Boilerplate,
    Comparison,
    Document,
    Edit,
    Evidence,
    Match,
    Passage,
    Span,
    Verdict,
)
from unspin.pipeline import Comparer
from unspin.report.html import PALETTE_SIZE, render_html

DEMO = Path(unspin.__file__).parent / "demo"
SCRIPT = "<script>alert(1)</script>"
HOSTILE_A = (
    f"Mayor Smith & the council said {SCRIPT} the budget of 5 million dollars was approved on "
    "Monday.\n\nThe vote was unanimous & final after a long debate in the chamber, the clerk "
    'said. Residents welcomed the decision <a href="http://evil.example/x">here</a>.'
)
HOSTILE_B = (
    f"Mayor Smith & the council stated {SCRIPT} the budget of 9 million dollars was approved on "
    "Monday.\n\nThe vote was unanimous & final after a lengthy debate in the chamber, the clerk "
    'said. Residents welcomed the choice <a href="http://evil.example/x">here</a>.'
)
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}
SKIP_CLASSES = {"bp-label", "mc-pt"}  # markup the report adds inside the texts


class Page(HTMLParser):
    """Parses the report strictly: balanced tags, and what each text column and section holds."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.regions: dict[str, int] = {}  # element id -> stack depth while inside it
        self.text: dict[str, list[str]] = {"text-a": [], "text-b": [], "meaning-changes": []}
        self.colours: dict[str, dict[str, set[str]]] = {"text-a": {}, "text-b": {}}
        self.attrs: list[tuple[str, str]] = []
        self.scripts = 0
        self.csp: list[str] = []
        self.skip_depth: int | None = None

    def inside(self, region: str) -> bool:
        return region in self.regions and len(self.stack) >= self.regions[region]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.attrs.extend((k, v or "") for k, v in attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp.append(a.get("content", ""))
        if tag in VOID:
            return
        self.stack.append(tag)
        if a.get("id") in self.text:
            self.regions[a["id"]] = len(self.stack)
        classes = set(a.get("class", "").split())
        if self.skip_depth is None and classes & SKIP_CLASSES:
            self.skip_depth = len(self.stack)
        for column, seen in self.colours.items():
            if self.inside(column) and "data-m" in a:
                colour = {c for c in classes if re.fullmatch(r"c\d+", c)}
                assert len(colour) == 1, a
                for token in a["data-m"].split():
                    seen.setdefault(token, set()).update(colour)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack, f"stray </{tag}>"
        assert self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1]}>"
        if self.skip_depth == len(self.stack):
            self.skip_depth = None
        for region, depth in list(self.regions.items()):
            if depth == len(self.stack):
                del self.regions[region]
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for region, parts in self.text.items():
            if self.inside(region) and (self.skip_depth is None or region == "meaning-changes"):
                parts.append(data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert parser.stack == ["html"] or parser.stack == [], parser.stack
    return parser


@pytest.fixture(scope="module")
def comparer() -> Comparer:
    return Comparer()


@pytest.fixture(scope="module")
def seed(comparer: Comparer) -> tuple[Comparison, str]:
    c = comparer.compare_files(DEMO / "seed_000_syndicated.txt", DEMO / "seed_002_spun.txt")
    return c, render_html(c)


@pytest.fixture(scope="module")
def hostile(comparer: Comparer) -> tuple[Comparison, str]:
    c = comparer.compare(HOSTILE_A, HOSTILE_B, "<b>a&amp;</b>", 'b"><script>x</script>')
    return c, render_html(c)


def synthetic() -> Comparison:
    """Overlapping matches, boilerplate, nested and empty edits, CRLF and astral characters."""
    a_text = "DATELINE\r\nThe mayor & 3 aides 🎉 left <i>early</i>.\r\n\r\nThen rain."
    b_text = "The mayor & 4 aides 🎉 left quickly.\nThen it rained <b>hard</b>."
    a = Document("a.txt", a_text, "", (), (Boilerplate(Span(0, 8), "dateline"),))
    b = Document("b.txt", b_text, "", (), ())
    matches = (
        Match(Span(10, 50), Span(0, 35), 0.9, 0.8, 0.95),
        Match(Span(44, 64), Span(30, 63), 0.7, 0.5, None),  # overlaps the first one
    )
    passage = Passage(Span(10, 64), Span(0, 63), 0.8, "paraphrase", 0.7, matches)
    edits = (
        Edit("deletion", Span(32, 50), Span(27, 27), "left <i>early</i>.", "", 0),
        Edit("reorder", Span(32, 36), Span(22, 26), "left", "left", 0),  # inside the deletion
        Edit("synonym", Span(22, 23), Span(12, 13), "3", "4", 0, True, "number changed: 3 → 4"),
        Edit("insertion", Span(63, 63), Span(51, 62), "", "<b>hard</b>", 0, True, "added <b>"),
        Edit("substitution", Span(0, 200), Span(0, 500), "x", "y", 0),  # past the end: clamped
    )
    verdict = Verdict(
        "near-duplicate",
        0.9,
        0.95,
        "undetermined",
        (Evidence("k<i>", "d&<script>", None, 0.0),),
        "s<script>",
    )
    return Comparison(a, b, (passage,), edits, verdict)


def test_seed_page_parses_and_has_the_parts(seed: tuple[Comparison, str]) -> None:
    c, page = seed
    parsed = parse(page)
    assert page.startswith("<!DOCTYPE html>")
    for anchor in ('id="meaning-changes"', 'id="text-a"', 'id="text-b"', 'id="passages"'):
        assert anchor in page
    assert (
        page.index('id="meaning-changes"')
        < page.index('id="text-a"')
        < page.index('id="text-b"')
        < page.index('id="passages"')
    )
    assert c.verdict.label.replace("-", " ") in page
    assert parsed.scripts == 1


def test_texts_round_trip(seed: tuple[Comparison, str], hostile: tuple[Comparison, str]) -> None:
    for c, page in (seed, hostile, (synthetic(), render_html(synthetic()))):
        parsed = parse(page)
        assert "".join(parsed.text["text-a"]) == c.a.text
        assert "".join(parsed.text["text-b"]) == c.b.text


def test_meaning_changes_listed(
    seed: tuple[Comparison, str], hostile: tuple[Comparison, str]
) -> None:
    for c, page in (seed, hostile, (synthetic(), render_html(synthetic()))):
        listed = "".join(parse(page).text["meaning-changes"])
        changes = [(i, e) for i, e in enumerate(c.edits) if e.meaning_change]
        assert changes, "the fixtures should all contain meaning changes"
        for i, edit in changes:
            assert edit.a_text in listed and edit.b_text in listed
            assert edit.reason and edit.reason in listed
            assert f'href="#ea{i}"' in page and f'href="#eb{i}"' in page
            assert f'id="ea{i}"' in page and f'id="eb{i}"' in page
    assert len(re.findall(r'class="mc-item"', seed[1])) == sum(
        e.meaning_change for e in seed[0].edits
    )


def test_match_colours_pair_up(seed: tuple[Comparison, str]) -> None:
    c, page = seed
    colours = parse(page).colours
    n = 0
    for k, passage in enumerate(c.passages):
        for j, m in enumerate(passage.matches):
            token = f"{k}-{j}"
            expected = {f"c{n % PALETTE_SIZE}"}
            n += 1
            if not (len(m.a) and len(m.b)):
                continue
            assert colours["text-a"].get(token) == expected, token
            assert colours["text-b"].get(token) == expected, token
    assert n > PALETTE_SIZE  # the palette cycles on the seed pair


def test_hostile_text_is_escaped(hostile: tuple[Comparison, str]) -> None:
    _, page = hostile
    parsed = parse(page)
    assert SCRIPT not in page
    assert "<script>x" not in page and "<b>a&amp;" not in page
    assert page.count("<script") == 1 and parsed.scripts == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp; the council" in page
    assert " & " not in page.split('id="text-a"')[1].split("</main>")[0]
    assert '<a href="http' not in page


def test_synthetic_overlaps() -> None:
    c = synthetic()
    page = render_html(c)
    parsed = parse(page)
    assert "<i>early" not in page and "<b>hard" not in page and "s<script>" not in page
    # The overlap of the two matches shows one colour; both tokens stay hoverable.
    assert 'data-m="0-0 0-1"' in page
    # The moved word inside the deleted stretch is shown as moved, not as deleted.
    assert re.search(r'class="frag m c0 e-reo"[^>]*>left<', page)
    # An insertion point with a meaning change is visible in a.
    assert 'class="anc mc-pt frag" id="ea3"' in page
    assert parsed.colours["text-a"]["0-0"] == parsed.colours["text-b"]["0-0"] == {"c0"}
    assert "c1" in parsed.colours["text-a"]["0-1"] and "c1" in parsed.colours["text-b"]["0-1"]


def test_no_external_resources(
    seed: tuple[Comparison, str], hostile: tuple[Comparison, str]
) -> None:
    seed_page = seed[1]
    assert "http://" not in seed_page and "https://" not in seed_page
    assert "@import" not in seed_page and "url(" not in seed_page
    for _, page in (seed, hostile):
        parsed = parse(page)
        for name, value in parsed.attrs:
            if name in {"src", "href", "action", "srcset", "poster", "data"}:
                assert value.startswith("#"), (name, value)
        assert len(parsed.csp) == 1 and parsed.csp[0].startswith("default-src 'none';")
        assert "unsafe-inline" not in parsed.csp[0]


def test_no_passages() -> None:
    doc_a = Document("a", "alpha & beta", "", (), ())
    doc_b = Document("b", "gamma", "", (), ())
    verdict = Verdict("unrelated", 0.0, 0.0, "undetermined", (), "nothing shared")
    page = render_html(Comparison(doc_a, doc_b, (), (), verdict))
    parsed = parse(page)
    assert "Meaning changes: none found" in page and "No aligned passages." in page
    assert "".join(parsed.text["text-a"]) == "alpha & beta"
