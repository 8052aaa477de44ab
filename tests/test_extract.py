"""Real-world input: web pages, WARC, JSONL, gzip; bad input; learned boilerplate; dates."""

from __future__ import annotations

import gzip
import html
import io
import itertools
import json
import re
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DEMO, LEXICAL, PAN_SRC, SEED_A, SEED_B
from unspin import compare
from unspin.cli import main
from unspin.config import DEFAULT_CONFIG
from unspin.errors import InputError
from unspin.index import Index, search
from unspin.pipeline import Comparer
from unspin.text.boilerplate import find_boilerplate, line_hash
from unspin.text.extract import Extracted, Skipped, decode_html, extract_html, sniff
from unspin.text.sources import ReadOptions, read_inputs, read_one

# --------------------------------------------------------------------------- a made-up site

NAV = ["Home", "World", "Business", "Science", "Sport", "Opinion", "Travel", "Podcasts"]
MOST_READ = [
    "Council approves new harbour wall after winter storms",
    "Local bakery wins national award for its rye loaf",
    "Ferry timetable changes announced for the summer season",
    "Five walks along the estuary you should try this spring",
    "School choir to sing at the cathedral on Sunday",
]
FOOTER = [
    "The Harbor Courier is published by Harbor Media Group Ltd, 12 Quay Street, Port Ellis.",
    "Sign up for our morning briefing and get the day's top stories from the coast delivered "
    "to your inbox before breakfast, every weekday, free of charge.",
    "We use cookies to improve your experience on our site and to show you relevant "
    "advertising. By continuing to browse you agree to our use of cookies.",
    "The Harbor Courier is a member of the Independent Press Standards Organisation. If you "
    "have a complaint about our editorial content, please contact our readers' editor.",
    "Copyright 2024 Harbor Media Group. All rights reserved. Reproduction in whole or in part "
    "without written permission is prohibited.",
    "About us | Contact | Advertise with us | Terms and conditions | Privacy policy | Careers",
]


def _articles(n: int) -> list[list[str]]:
    """``n`` articles with no text in common: the opening paragraphs of PAN13 source
    documents 60 apart (neighbours share topics, and some share passages), or generated prose
    when the corpus is absent."""
    out: list[list[str]] = []
    if PAN_SRC.is_dir():
        for path in sorted(PAN_SRC.glob("*.txt"))[::60]:
            text = path.read_text(encoding="utf-8", errors="replace")
            paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if len(p) > 200]
            if len(paras) >= 3:
                out.append(paras[:4])
            if len(out) == n:
                return out
    import random

    words = "harbour ferry storm council bakery choir estuary lighthouse tide gull".split()
    for k in range(len(out), n):
        rng = random.Random(k)
        out.append(
            [
                " ".join(f"{rng.choice(words)}{rng.randint(0, 99999)}" for _ in range(60)) + "."
                for _ in range(3)
            ]
        )
    return out


def site_page(k: int, paragraphs: list[str]) -> str:
    """A page of the made-up site: header, menu, the article, a sidebar, a long footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    most = "".join(f'<li><a href="/story/{i}">{t}</a></li>' for i, t in enumerate(MOST_READ))
    foot = "".join(f"<p>{html.escape(line)}</p>" for line in FOOTER)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Story {k} | The Harbor Courier</title>
<link rel="canonical" href="https://harbor-courier.example/news/2024/03/{k % 28 + 1:02d}/story-{k}">
</head><body>
<header><div class="logo">The Harbor Courier</div><nav><ul>{nav}</ul></nav></header>
<main><article><h1>Story number {k}</h1>
<div class="byline">By Staff Reporter</div>
<div class="article-body">{body}</div></article>
<aside class="sidebar"><h3>Most read</h3><ol>{most}</ol>
<div class="newsletter">{html.escape(FOOTER[1])}</div></aside></main>
<footer>{foot}</footer></body></html>"""


def _seed_page(text: str) -> str:
    """Seed 000 as a syndication site renders it: each line a paragraph, inside a page."""
    lines = [f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip()]
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>What Trump\'s '
        "North Korea Diplomacy Says About His Russia Strategy</title></head><body>"
        '<div id="top"><a href="/">MENAFN</a> <form><input name="q"> Search</form></div>'
        '<div class="story">' + "\n".join(lines) + "</div>"
        "<footer><p>Copyright MENAFN. All rights reserved.</p></footer></body></html>"
    )


def _passages(c: object) -> list[tuple[str, int, int]]:
    """A comparison's passages as (a's text with spaces normalised, b's span)."""
    return [
        (" ".join(p.a.of(c.a.text).split()), p.b.start, p.b.end)  # type: ignore[attr-defined]
        for p in c.passages  # type: ignore[attr-defined]
    ]


# --------------------------------------------------------------------------- sniffing, decoding


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    ],
)
def test_a_file_named_html_is_read_by_its_bytes(tmp_path: Path, data: bytes, what: str) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(data + bytes(range(256)) * 4)
    got = list(read_inputs([str(page)], ReadOptions()))
    assert len(got) == 1 and isinstance(got[0], Skipped)
    assert what in got[0].reason


def test_sniff_tells_html_from_text() -> None:
    assert sniff(b"<!doctype html><html><p>x</p></html>", "a.txt") == "html"
    assert sniff(b"  <!-- c --><HTML lang=en>", "a") == "html"
    assert sniff(b"<p>Hello</p>", "page.htm") == "html"
    assert sniff(b"Plain prose, not <b>markup</b>.", "a.txt") == "text"
    assert sniff(b"WARC/1.1\r\n", "x") == "warc"
    assert sniff(b'{"text": "x"}', "feed.jsonl") == "jsonl"
    assert sniff(b'{"text": "x"}\n{"text": "y"}\n', "export.json") == "jsonl"
    assert sniff(b"{not json} but prose", "notes.txt") == "text"


def test_page_encodings_declared_undeclared_and_unsupported() -> None:
    russian = "Это статья о погоде в Москве, написанная для проверки кодировки страницы."
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{russian}</p></body></html>'
    text, codec = decode_html(page.encode("cp1251"), "ru.html")
    assert russian in text and codec == "cp1251"
    french = "Ça a été une journée très agréable à Genève, où l'été est doux et le lac calme. "
    undeclared = f"<html><body><p>{french * 3}</p></body></html>".encode("latin-1")
    text, _ = decode_html(undeclared, "fr.html")
    assert french in text
    klingon = b'<html><head><meta charset="x-klingon"></head><body>\xff\xfe\xfa</body></html>'
    with pytest.raises(InputError, match="x-klingon"):
        decode_html(klingon, "k.html")


# --------------------------------------------------------------------------- bad input batch


def _warc(records: list[tuple[str, bytes, str, str]]) -> bytes:
    """A gzip'd WARC of (url, payload, content type, status) responses, written by warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, payload, ctype, status in records:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(payload),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-03-01T12:00:00Z"},
        )
        writer.write_record(record)
    return out.getvalue()


def _article_page(k: int) -> bytes:
    return site_page(k, _articles(k + 1)[k]).encode("utf-8")


def test_bad_inputs_are_skipped_with_reasons_and_the_rest_is_read(tmp_path: Path) -> None:
    files_ = {
        "good.html": _article_page(0),
        "fake.html": b"%PDF-1.4\n" + b"\x00\x01" * 200,
        "image.html": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
        "empty.html": b"",
        "blank.html": b"<html><body>   </body></html>",
        "nested.html": b"<html><body>" + b"<div>" * 100_000 + b"text" + b"</div>" * 100_000,
        "klingon.html": b'<html><head><meta charset="x-klingon"></head><body>\xff\xfe</body>',
        "bomb.txt.gz": gzip.compress(b"\x00" * (12 << 20)),
        "feed.jsonl": b'{"text": "A line of a feed that is long enough to read."}\n'
        b'{"title": "x"}\nnot json\n',
    }
    for name, data in files_.items():
        (tmp_path / name).write_bytes(data)
    good = [("https://a.example/1", _article_page(1), "text/html; charset=utf-8", "200 OK")] * 2
    crawl = _warc(
        [
            *good,
            ("https://a.example/logo.png", b"\x89PNG....", "image/png", "200 OK"),
            (
                "https://a.example/gone",
                b"<html><body>Not found</body></html>",
                "text/html",
                "404 Not Found",
            ),
            ("https://a.example/3", _article_page(2), "text/html", "200 OK"),
        ]
    )
    (tmp_path / "crawl.warc.gz").write_bytes(crawl)
    (tmp_path / "cut.warc.gz").write_bytes(crawl[: len(crawl) - 300])
    config = DEFAULT_CONFIG.with_overrides(max_expanded_bytes=8 << 20)
    got = list(read_inputs([str(tmp_path)], ReadOptions(config=config)))
    docs = [g for g in got if isinstance(g, Extracted)]
    skipped = {
        g.name.removeprefix(str(tmp_path) + "/"): g.reason for g in got if isinstance(g, Skipped)
    }
    assert sorted(d.name.removeprefix(str(tmp_path) + "/") for d in docs) == sorted(
        [
            "crawl.warc.gz#https://a.example/1",
            "crawl.warc.gz#https://a.example/1",
            "crawl.warc.gz#https://a.example/3",
            "cut.warc.gz#https://a.example/1",
            "cut.warc.gz#https://a.example/1",
            "feed.jsonl:1",
            "good.html",
        ]
    )
    assert "PDF" in skipped["fake.html"] and "PNG" in skipped["image.html"]
    assert "empty" in skipped["empty.html"] and "no main text" in skipped["blank.html"]
    assert "no main text" in skipped["nested.html"] or "nested" in skipped["nested.html"]
    assert "x-klingon" in skipped["klingon.html"]
    assert "limit" in skipped["bomb.txt.gz"]
    assert "no text field" in skipped["feed.jsonl:2"] and "JSON" in skipped["feed.jsonl:3"]
    assert "image/png" in skipped["crawl.warc.gz#https://a.example/logo.png"]
    assert "404" in skipped["crawl.warc.gz#https://a.example/gone"]
    assert "truncated" in skipped["cut.warc.gz#https://a.example/3"]
    record = next(d for d in docs if d.name.endswith("crawl.warc.gz#https://a.example/3"))
    assert record.origin.format == "warc" and record.origin.url == "https://a.example/3"
    assert any(c.source == "crawl" and c.date == "2024-03-01" for c in record.origin.dates)


def test_extract_cli_reports_counts_and_never_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "good.html").write_bytes(_article_page(3))
    (tmp_path / "fake.html").write_bytes(b"%PDF-1.4\n" + b"\x00" * 50)
    result = CliRunner().invoke(main, ["extract", "--json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["type"] for r in rows] == ["skipped", "document"]
    doc = rows[1]
    assert doc["origin"]["format"] == "html" and doc["origin"]["url"].endswith("story-3")
    assert FOOTER[0] not in doc["text"] and MOST_READ[0] not in doc["text"]
    assert "read 1 document(s), skipped 1" in result.stderr
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "fake.html")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines()[-1].startswith("unspin: error: no document read")


# --------------------------------------------------------------------------- seed in HTML


def test_seed_in_html_gives_the_same_verdict_and_passages(tmp_path: Path) -> None:
    page = tmp_path / "seed_000.html"
    page.write_text(_seed_page(SEED_A), encoding="utf-8")
    b = str(DEMO / "seed_002_spun.txt")
    comparer = Comparer(LEXICAL)
    as_text = comparer.compare_files(str(DEMO / "seed_000_syndicated.txt"), b)
    as_page = comparer.compare_files(str(page), b)
    assert as_page.a.origin is not None and as_page.a.origin.format == "html"
    assert as_page.verdict.label == as_text.verdict.label == "spun-copy"
    assert as_page.verdict.original == as_text.verdict.original
    assert _passages(as_page) == _passages(as_text)
    # the wrapper's dateline / ID line conflict is still seen in the extracted text
    assert any(e.kind == "date-conflict" for e in as_page.verdict.evidence)


# --------------------------------------------------------------------------- learned boilerplate


def _site_texts(n: int) -> list[str]:
    return ["\n\n".join([*paras, *FOOTER, *MOST_READ]) for paras in _articles(n)]


def _hits_among_others(index: Index, texts: list[str], ids: list[str]) -> list[tuple[str, str]]:
    found = []
    for doc_id, text in zip(ids, texts, strict=True):
        for hit in search(index, text, name=doc_id, candidates=10).hits:
            if hit.doc_id != doc_id:
                found.append((doc_id, hit.doc_id))
    return found


def test_a_shared_footer_is_learned_and_never_makes_copies(tmp_path: Path) -> None:
    """50 texts of one site share a long footer and sidebar: with the site known, the
    footer is learned and no text finds another; without it (the control), the footer alone
    makes them match, so the learning is what keeps them apart."""
    texts = _site_texts(50)
    ids = [f"p{k}" for k in range(50)]
    with Index.create(tmp_path / "learned", config=LEXICAL) as index:
        index.add_many(
            [(t, i, i, {"site": "harbor-courier.example"}) for t, i in zip(texts, ids, strict=True)]
        )
        assert index.stats().learned_lines >= len(FOOTER) + len(MOST_READ) - 1
        assert index.check() == []
        assert _hits_among_others(index, texts, ids) == []
        # the seed's spun copy with the site's footer: its source, spun-copy, nothing else
        index.add(SEED_A, name="seed_000", doc_id="seed_000", meta={"site": "menafn.example"})
        query = SEED_B + "\n\n" + "\n\n".join(FOOTER)
        hits = search(index, query, name="seed_002+footer").hits
        assert [h.doc_id for h in hits] == ["seed_000"]
        assert hits[0].comparison.verdict.label == "spun-copy"
        # rm forgets what the removed documents taught
        for i in ids[:47]:
            index.rm(i)
        assert index.stats().learned_lines == 0 and index.check() == []
    with Index.create(tmp_path / "control", config=LEXICAL) as index:
        index.add_many([(t, i, i, {}) for t, i in zip(texts[:12], ids[:12], strict=True)])
        assert _hits_among_others(index, texts[:12], ids[:12])


def test_a_footer_added_to_seed_002_does_not_change_the_verdict() -> None:
    plain = compare(SEED_A, SEED_B, config=LEXICAL)
    footed = compare(SEED_A, SEED_B + "\n\n" + "\n\n".join(FOOTER), config=LEXICAL)
    assert footed.verdict.label == plain.verdict.label == "spun-copy"
    assert footed.verdict.original == plain.verdict.original
    assert _passages(footed) == _passages(plain)


def test_fifty_pages_of_one_site_added_by_the_cli_find_no_copy(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    articles = _articles(50)
    for k, paras in enumerate(articles):
        (site / f"story-{k:02d}.html").write_text(site_page(k, paras), encoding="utf-8")
    ix = tmp_path / "ix"
    runner = CliRunner()
    assert runner.invoke(main, ["index", "create", str(ix)]).exit_code == 0
    result = runner.invoke(main, ["index", "add", str(ix), str(site)])
    assert result.exit_code == 0 and "added 50," in result.output, result.output
    with Index.open(ix, config=LEXICAL) as index:
        for k in range(50):
            page = read_one(str(site / f"story-{k:02d}.html"))
            hits = search(index, page.text, name=page.name, origin=page.origin).hits
            assert [h.doc_id for h in hits] == [page.name], (k, [h.doc_id for h in hits])


@settings(max_examples=60, deadline=None)
@given(
    lines=st.lists(st.text(alphabet="ab cD1.,", min_size=0, max_size=12), min_size=1, max_size=12),
    picks=st.sets(st.integers(0, 11)),
)
def test_recurring_lines_are_exactly_the_learned_ones(lines: list[str], picks: set[int]) -> None:
    text = "\n".join(lines)
    learned = {line_hash(lines[i]) for i in picks if i < len(lines)} - {None}
    marks = find_boilerplate(text, frozenset(h for h in learned if h is not None))
    recurring = [b for b in marks if b.reason == "recurring"]
    for b in recurring:
        assert line_hash(b.span.of(text)) in learned
        assert "\n" not in b.span.of(text)
    expected = sum(1 for line in lines if line.strip() and line_hash(line) in learned)
    # unless the learned lines are most of the text (a copy of others in its feed)
    held = sum(len(line.strip()) for line in lines if line.strip() and line_hash(line) in learned)
    if held * 2 > sum(len(line.strip()) for line in lines):
        expected = 0
    assert len(recurring) == expected
    spans = sorted(b.span for b in marks)
    assert all(x.end <= y.start for x, y in itertools.pairwise(spans))


# --------------------------------------------------------------------------- dates


def test_date_claims_and_contradictions() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2023-05-14T08:30:00Z">'
        '<link rel="canonical" href="https://news.example/2021/11/08/story"></head><body><article>'
        + "<p>A paragraph of the article that is long enough to be kept by the extractor.</p>" * 4
        + "</article></body></html>"
    ).encode()
    got = extract_html(page, "p.html")
    claims = {(c.source, c.date) for c in got.origin.dates}
    assert ("html-meta", "2023-05-14") in claims and ("url", "2021-11-08") in claims
    comparer = Comparer(LEXICAL)
    c = comparer.compare(got.text, SEED_A, "p", "seed", got.origin, None)
    conflicts = [e.detail for e in c.verdict.evidence if e.kind == "date-conflict"]
    assert any("html-meta says 2023-05-14 but its url says 2021-11-08" in d for d in conflicts)
    assert any("dateline is suspect" in d for d in conflicts)


def test_jsonl_gz_feed_with_fields(tmp_path: Path) -> None:
    lines = [
        {
            "id": "n1",
            "url": "https://feed.example/a",
            "date": "2022-02-03T10:00:00Z",
            "text": "First story of the feed, long enough to be a document.",
            "lang": "en",
        },
        {"id": "n2", "html": _article_page(4).decode(), "url": "https://feed.example/b"},
    ]
    feed = tmp_path / "feed.jsonl.gz"
    feed.write_bytes(gzip.compress("\n".join(json.dumps(x) for x in lines).encode()))
    got = list(read_inputs([str(feed)], ReadOptions(id_field="id", html_field="html")))
    assert [type(g).__name__ for g in got] == ["Extracted", "Extracted"]
    first, second = got
    assert isinstance(first, Extracted) and isinstance(second, Extracted)
    assert first.doc_id == "n1" and first.fields["lang"] == "en"
    assert ("field", "2022-02-03") in {(c.source, c.date) for c in first.origin.dates}
    assert first.origin.site == "feed.example"
    assert second.origin.format == "jsonl" and FOOTER[0] not in second.text


def test_compare_refuses_a_container_of_many(tmp_path: Path) -> None:
    crawl = tmp_path / "c.warc.gz"
    page = ("https://a.example/1", _article_page(5), "text/html", "200 OK")
    crawl.write_bytes(_warc([page, page]))
    result = CliRunner().invoke(
        main, ["compare", "--no-model", str(crawl), str(DEMO / "seed_002_spun.txt")]
    )
    assert result.exit_code == 1 and "more than one document" in result.stderr


# --------------------------------------------------------------------------- the test corpus

CORPUS = Path(__file__).parent / "data/extract"


def test_extraction_quality_on_the_test_pages() -> None:
    """Mean character F1 of the main text over the 32 pages of varied layouts (news, blogs,
    syndication wrappers, ad-heavy, AMP, old tables; 7 languages, 3 encodings) is at least
    0.9, and the most trusted date claim is right (or absent on an undated page) on at
    least 90% of them (benchmarks/extract.py prints the table)."""
    from rapidfuzz.distance import Indel

    from unspin.text import make_document
    from unspin.verdict import publication

    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    f1s, dates_right = [], 0
    for name, want in expected.items():
        got = read_one(str(CORPUS / "pages" / name))
        f1s.append(
            Indel.normalized_similarity(" ".join(got.text.split()), " ".join(want["text"].split()))
        )
        best, _ = publication(make_document(name, got.text, LEXICAL, origin=got.origin), LEXICAL)
        dates_right += (best.date if best else None) == want["date"]
        if want["language"] != "en":
            assert got.origin.language and got.origin.language.startswith(want["language"])
    assert len(f1s) == 32
    assert sum(f1s) / len(f1s) >= 0.9, sorted(f1s)
    assert dates_right >= 0.9 * len(expected)


def test_the_test_crawls() -> None:
    got = list(read_inputs([str(CORPUS / "crawl.warc.gz")], ReadOptions()))
    docs = [g for g in got if isinstance(g, Extracted)]
    reasons = [g.reason for g in got if isinstance(g, Skipped)]
    assert len(docs) == 5 and all(d.origin.format == "warc" for d in docs)
    assert {d.origin.encoding for d in docs} >= {"cp1251"}  # from the HTTP header
    assert sum("request record" in r for r in reasons) == 5
    assert any("image/png" in r for r in reasons) and any("application/pdf" in r for r in reasons)
    assert any("404" in r for r in reasons)
    cut = list(read_inputs([str(CORPUS / "truncated.warc.gz")], ReadOptions()))
    assert [type(g).__name__ for g in cut if not getattr(g, "reason", "").startswith("WARC ")] == [
        "Extracted",
        "Extracted",
        "Skipped",
    ]
    assert "truncated" in cut[-1].reason  # type: ignore[union-attr]


def test_index_add_reads_a_crawl_and_counts_what_it_skips(tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    runner = CliRunner()
    assert runner.invoke(main, ["index", "create", str(ix)]).exit_code == 0
    crawl = str(CORPUS / "crawl.warc.gz")
    result = runner.invoke(
        main, ["index", "add", str(ix), crawl, str(CORPUS / "truncated.warc.gz")]
    )
    assert result.exit_code == 0, result.output
    assert "added 7, already in 0, rejected 12" in result.stdout
    assert "WARC request record, not a response (x5" in result.stderr
    assert "truncated WARC record" in result.stderr
    with Index.open(ix, config=LEXICAL) as index:
        url = "https://dailyharbor.example/local/ferry-terminal-upgrade-approved"
        stored = index.get(url)
        assert stored.meta["origin"]["format"] == "warc" and stored.meta["site"]
        assert any(d["source"] == "crawl" for d in stored.meta["origin"]["dates"])
        page = read_one(str(CORPUS / "pages/01_harbor_council_ferry.html"))
        hits = search(index, page.text, origin=page.origin).hits
        assert hits and hits[0].doc_id == url and hits[0].comparison.verdict.label == "identical"


def test_pages_extracted_in_workers_come_back_in_order_and_equal() -> None:
    inputs = [
        str(CORPUS / "pages"),
        str(CORPUS / "crawl.warc.gz"),
        str(CORPUS / "truncated.warc.gz"),
    ]
    here = list(read_inputs(inputs, ReadOptions()))
    there = list(read_inputs(inputs, ReadOptions(), jobs=2))
    assert len(here) == len(there) > 40
    assert here == there


_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<html>",
        "<body>",
        "<script>",
        "<!--",
        "-->",
        "<meta ",
        'charset="',
        "utf-8",
        '">',
        "<",
        ">",
        "&amp;",
        "&#0;",
        "\x00",
        "é",
        " words of a page ",
        "<article>",
        "</article>",
        "<title>",
        "\n",
        "\ufeff",
        "<![CDATA[",
        "]]>",
        "<table><tr><td>",
    ]
)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=60),
    st.sampled_from(["latin-1", "utf-8"]),
)
def test_any_bytes_give_a_page_or_a_reason(pieces: list[str], encoding: str) -> None:
    data = "".join(pieces).encode(encoding, "replace")
    try:
        got = extract_html(data, "fuzz.html")
    except InputError as exc:
        assert str(exc).startswith("fuzz.html: ")
    else:
        assert got.text.strip() and got.origin.sha256 and got.origin.size == len(data)


def test_json_of_extracted_texts_validates_against_the_schema(tmp_path: Path) -> None:
    import jsonschema

    from unspin.report.json import comparison_to_dict

    schema = json.loads((files("unspin") / "report" / "compare.schema.json").read_text())
    crawl = tmp_path / "one.warc.gz"
    crawl.write_bytes(
        _warc([("https://a.example/2024/02/03/x", _article_page(6), "text/html", "200 OK")])
    )
    page = CORPUS / "pages/16_ru_biblioteka_cp1251.html"
    result = Comparer(LEXICAL).compare_files(str(crawl), str(page))
    data = comparison_to_dict(result)
    jsonschema.validate(data, schema)
    assert {d["source"] for d in data["a"]["origin"]["dates"]} >= {"url", "crawl"}
    assert data["b"]["origin"]["encoding"] == "cp1251"


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_is_read_up_to_the_stream_limit_and_kept_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """stdin is spooled (memory, then a temporary file past a few MB): a text within the
    limits comes back byte for byte; one over ``max_input_bytes`` is refused with its size,
    read no further than one byte past it; a container (JSONL) is read up to
    ``max_expanded_bytes``, and not further."""
    config = DEFAULT_CONFIG.with_overrides(max_input_bytes=20_000_000)
    text = "A sentence of plain prose, written to be read from standard input. " * 200_000
    monkeypatch.setattr("sys.stdin", _Stdin(text.encode()))
    (got,) = read_inputs(["-"], ReadOptions(config=config))
    # 13.6 MB: past the in-memory part of the spool
    assert isinstance(got, Extracted) and got.text == text
    monkeypatch.setattr("sys.stdin", _Stdin(text.encode()))
    tight = config.with_overrides(max_input_bytes=1_000_000)
    (refused,) = read_inputs(["-"], ReadOptions(config=tight))
    assert isinstance(refused, Skipped) and "over the 1,000,000-byte limit" in refused.reason
    expanded = tight.with_overrides(max_expanded_bytes=2_000_000)
    stream = _Stdin(b"x" * 3_000_000)
    monkeypatch.setattr("sys.stdin", stream)
    list(read_inputs(["-"], ReadOptions(config=expanded)))
    assert stream.buffer.tell() == 1_000_001
    record = b'{"text": "A sentence of plain prose read from a feed."}\n'
    stream = _Stdin(record * 60_000)
    monkeypatch.setattr("sys.stdin", stream)
    list(read_inputs(["-"], ReadOptions(config=expanded)))
    assert stream.buffer.tell() == 2_000_001
