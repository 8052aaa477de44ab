"""Benchmark: source retrieval on PAN13 train with the on-disk index.

Indexes every source document, searches every suspicious document (or those of ``--pairs``),
verifies each candidate with the aligner, and reports per obfuscation class the rank of each
pair's source:
- **listed**: among the verified hits, with the suspicious document's other listed sources
  (pairs with a case) removed — the issue's measure;
- **pair region**: among the verified hits whose passages overlap any of this pair's cases in
  the suspicious document, ordered by the characters of those cases they cover (one rank
  per pair, as the listed measure);
- **family**: as pair region, with each copy of another hit's text (``Hit.copy_of``) ranked
  as the lead of its family, as the search shows it: the source or another document holding
  its text (one page mirrored on several sites) found first;
- **region**: among the verified hits whose passages overlap this case in the suspicious
  document, ordered by the characters of the case they cover (one rank per case);
- **with leads**: as family, with the search's unconfirmed leads (``SearchResult.leads``)
  ranked after every verified hit that covers the pair's cases, among themselves as the
  hits are: a source the aligner cannot verify but the search still shows, below the
  verified ones.
In both region measures, ties are broken as the search breaks them: by those characters
weighted by their passages' token similarity; and, as in the first measure, the suspicious
document's other listed sources are removed from the ranking (PAN13's source collection
holds copies of one page on several sites: two listed sources of one suspicious document
can both hold the text of one of its cases).
PAN13's suspicious documents also reuse sources that the train pairs do not list (their
pairs belong to the test corpus): such a source is a true hit, but it outranks a listed one
in the first measure.
Class-01 pairs count how often their (unrelated) source comes back with a copy verdict, with
any reuse verdict, and as a lead.

The semantic channel (``unspin index embed``) is on by default: the sources' units are
embedded first when the index has no vectors (the pass's rate is printed); ``--no-semantic``
searches by the keys only, as before it.

Run: .venv/bin/python benchmarks/index_pan13.py [--index DIR] [--pairs FILE] [--jobs N]
     [--candidates K] [--rounds R] [--no-model] [--no-semantic] [--dump FILE] [--hits FILE]
"""

from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from unspin._types import COPY_LABELS
from unspin.config import DEFAULT_CONFIG, Config
from unspin.errors import InputError
from unspin.eval.pan import Case, PairTruth, load_corpus
from unspin.index import Index, PreparedCache, search, search_comparer
from unspin.pipeline import Comparer
from unspin.text.document import text_sha256

HERE = Path(__file__).parent
COPY = COPY_LABELS

_index: Index | None = None
_comparer: Comparer | None = None
_cache = PreparedCache(512)
_args: tuple[Path, Path, int, int, bool] | None = None


def _init(
    index_dir: Path, corpus: Path, candidates: int, config: Config, rounds: int, semantic: bool
) -> None:
    global _index, _comparer, _args
    _index = Index.open(index_dir, config=config)
    _comparer = search_comparer(_index.config)  # the search's rules (Config.for_search)
    _args = (index_dir, corpus, candidates, rounds, semantic)


Spans = list[tuple[int, int, float]]  # a passage's span in the query and its similarity


Hits = list[tuple[str, str, Spans, bool, str | None]]  # id, verdict, passages, standalone, copy_of
Leads = list[tuple[str, str, Spans]]  # id, verdict, unconfirmed passages


def _search_one(susp: str) -> tuple[str, Hits, Leads, dict]:
    assert _index is not None and _args is not None
    text = (_args[1] / "susp" / susp).read_text(encoding="utf-8")
    result = search(
        _index,
        text,
        name=susp,
        top=1000,
        candidates=_args[2],
        comparer=_comparer,
        cache=_cache,
        rounds=_args[3],
        semantic=_args[4],
    )
    hits = [
        (
            h.doc_id,
            h.comparison.verdict.label,
            [(p.a.start, p.a.end, p.similarity) for p in h.comparison.passages],
            h.standalone,
            h.copy_of,
        )
        for h in result.hits
    ]
    leads = [
        (x.doc_id, x.label, [(p.a.start, p.a.end, p.similarity) for p in x.passages])
        for x in result.leads
    ]
    return susp, hits, leads, result.timings


def _rank(
    hits: Hits, me: str, cases: Sequence[Case], others: set[str], families: bool = False
) -> int:
    order, me = _order(hits, me, cases, others, families)
    return order.index(me) + 1 if me in order else 0


def _rank_with_leads(
    hits: Hits, leads: Leads, me: str, cases: Sequence[Case], others: set[str]
) -> int:
    """The family rank of ``me`` among the hits; where it is not among them, its rank among
    the leads, after every hit that covers ``cases`` (the search shows leads below hits)."""
    order, lead = _order(hits, me, cases, others, True)
    if lead in order:
        return order.index(lead) + 1
    as_hits: Hits = [(d, label, spans, False, None) for d, label, spans in leads]
    rank = _rank(as_hits, me, cases, others)
    return len(order) + rank if rank else 0


def _order(
    hits: Hits, me: str, cases: Sequence[Case], others: set[str], families: bool
) -> tuple[list[str], str]:
    """The hits whose passages overlap ``cases`` in the query, ordered by the characters of
    the cases they cover; ties (two sources covering the same characters, often a page and
    a rewrite of it) by those characters weighted by their passages' token similarity, as
    the search orders hits; with ``me`` as ranked (its family's lead, with ``families``).
    ``_rank`` gives ``me``'s place in that order, 0 when it covers none. ``others``: the
    query's other listed sources, left out of the ranking. ``families``:
    a copy of another hit's text (``Hit.copy_of``) is ranked as its family's lead, and
    only leads are ranked (the search shows a family as one result); a copy of one of
    ``others`` holds that source's text and is left out with it, unless it is ``me``."""
    lead_of = {h[0]: h[4] for h in hits if len(h) > 4 and h[4] is not None} if families else {}
    if me in lead_of and lead_of[me] not in others:
        me = lead_of[me]
    cover: dict[str, tuple[int, float]] = {}
    for doc_id, _, spans, *_ in hits:
        if doc_id in others or (doc_id in lead_of and doc_id != me):
            continue
        chars, close = 0, 0.0
        for s, e, similarity in spans:
            for case in cases:
                inside = max(0, min(e, case.this_end) - max(s, case.this_offset))
                chars += inside
                close += inside * similarity
        if chars > 0:
            cover[doc_id] = (chars, close)
    return sorted(cover, key=lambda d: (-cover[d][0], -cover[d][1])), me


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=str(HERE.parent.parent / "shared/data/pan13-train"))
    parser.add_argument("--index", default=None, help="reuse this index of the sources")
    parser.add_argument("--pairs", default=None)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--candidates", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=4, help="candidate rounds (see search)")
    parser.add_argument("--no-model", action="store_true")
    parser.add_argument(
        "--no-semantic", action="store_true", help="candidates by the keys only (no vectors)"
    )
    parser.add_argument("--dump", default=None, help="write every query's hits here (JSON)")
    parser.add_argument(
        "--hits", default=None, help="score the hits a previous --dump wrote, without searching"
    )
    args = parser.parse_args()
    corpus = Path(args.corpus)
    config = DEFAULT_CONFIG.with_overrides(use_model=not args.no_model)
    truth: list[PairTruth] = load_corpus(corpus, args.pairs)

    tmp = None
    if args.index and (Path(args.index) / "index.sqlite").exists():
        index_dir = Path(args.index)
    else:
        index_dir = Path(args.index) if args.index else Path(tempfile.mkdtemp()) / "ix"
        tmp = None if args.index else index_dir.parent
        index = Index.create(index_dir, config=config)
        files = sorted((corpus / "src").glob("*.txt"))
        start = time.perf_counter()
        rejected = 0
        for i in range(0, len(files), 200):
            batch = [
                (f.read_text(encoding="utf-8"), f.name, f.name, None) for f in files[i : i + 200]
            ]
            try:
                index.add_many(batch)
            except InputError:
                for doc in batch:
                    try:
                        index.add(doc[0], name=doc[1], doc_id=doc[2])
                    except InputError:
                        rejected += 1
        wall = time.perf_counter() - start
        stats = index.stats()
        print(
            f"indexed {len(files)} sources in {wall:.1f} s ({len(files) / wall:.0f} docs/s): "
            f"{stats.documents} documents ({len(files) - stats.documents - rejected} duplicate "
            f"texts, {rejected} rejected), {stats.postings} postings, "
            f"{stats.bytes_on_disk / 1e6:.1f} MB"
        )
        index.close()

    semantic = not args.no_semantic and not args.no_model
    if semantic and not args.hits:
        with Index.open(index_dir, config=config) as index:
            embedder = search_comparer(index.config).embedder
            assert embedder is not None
            start = time.perf_counter()
            docs, units = index.embed(embedder)
            wall = time.perf_counter() - start
            if docs:
                print(
                    f"embedded {units} units of {docs} documents in {wall:.1f} s "
                    f"({units / wall:.0f} units/s, {docs / wall:.1f} docs/s)"
                )
            index.checkpoint()
    # a source whose text equals another's is indexed once, under the first name
    with Index.open(index_dir, config=config) as index:
        by_sha = {d.sha256: d.doc_id for d in index.export()}

    def canon(name: str) -> str:
        return by_sha.get(text_sha256((corpus / "src" / name).read_text(encoding="utf-8")), name)

    by_susp: dict[str, list[PairTruth]] = collections.defaultdict(list)
    for p in truth:
        by_susp[p.susp].append(p)
    start = time.perf_counter()
    results: dict[str, Hits] = {}
    leads_of: dict[str, Leads] = collections.defaultdict(list)
    timings: list[dict] = []
    if args.hits:
        # a previous run's hits, scored again (a change to the measures, not to the search);
        # dumps before 2026-11-25 hold the hits alone, without leads
        dumped = json.loads(Path(args.hits).read_text(encoding="utf-8"))
        if set(dumped) == {"hits", "leads"}:
            results, leads_of = dumped["hits"], collections.defaultdict(list, dumped["leads"])
        else:
            results = dumped
    else:
        ctx = multiprocessing.get_context("forkserver")
        init_args = (index_dir, corpus, args.candidates, config, args.rounds, semantic)
        with ctx.Pool(args.jobs, _init, init_args) as pool:
            for susp, hits, leads, t in pool.imap_unordered(
                _search_one, sorted(by_susp), chunksize=4
            ):
                results[susp] = hits
                leads_of[susp] = leads
                timings.append(t)
    wall = time.perf_counter() - start
    if args.dump:
        dump = {"hits": results, "leads": leads_of}
        Path(args.dump).write_text(json.dumps(dump), encoding="utf-8")

    # hits that explain no listed case: sources the train pairs do not list
    unlisted = unlisted_near = all_hits = weak = 0
    for susp, pairs in by_susp.items():
        regions = [(c.this_offset, c.this_end) for p in pairs for c in p.cases]
        for _, label, spans, *alone in results[susp]:
            all_hits += 1
            weak += alone[:1] == [False]  # dumps before 2026-11-24 did not say
            if not any(s < e2 and s2 < e for s, e, _ in spans for s2, e2 in regions):
                unlisted += 1
                unlisted_near += label in COPY
    listed: dict[str, list[int]] = collections.defaultdict(list)
    region: dict[str, list[int]] = collections.defaultdict(list)
    pair_region: dict[str, list[int]] = collections.defaultdict(list)
    family: dict[str, list[int]] = collections.defaultdict(list)
    with_leads: dict[str, list[int]] = collections.defaultdict(list)
    clean_copy = clean_reuse = clean_weak = clean_total = clean_lead = 0
    for susp, pairs in by_susp.items():
        hits = results[susp]
        true_ids = {canon(p.src) for p in pairs if p.cases}
        for p in pairs:
            me = canon(p.src)
            if not p.cases:
                if p.class_name.startswith("01"):
                    clean_total += 1
                    got = [h for h in hits if h[0] == me]
                    clean_reuse += bool(got)
                    clean_weak += bool(got and list(got[0][3:4]) == [False])
                    clean_copy += bool(got and got[0][1] in COPY)
                    clean_lead += any(x[0] == me for x in leads_of[susp])
                continue
            ranking = [h[0] for h in hits if h[0] == me or h[0] not in true_ids]
            listed[p.class_name].append(ranking.index(me) + 1 if me in ranking else 0)
            others = true_ids - {me}
            pair_region[p.class_name].append(_rank(hits, me, p.cases, others))
            family[p.class_name].append(_rank(hits, me, p.cases, others, families=True))
            with_leads[p.class_name].append(
                _rank_with_leads(hits, leads_of[susp], me, p.cases, others)
            )
            for case in p.cases:
                region[p.class_name].append(_rank(hits, me, [case], others))

    if args.hits:
        print(f"scored the hits of {len(by_susp)} suspicious documents from {args.hits}")
    else:
        print(
            f"searched {len(by_susp)} suspicious documents in {wall:.1f} s "
            f"({len(by_susp) / wall:.1f} queries/s, {args.jobs} processes, "
            f"{args.candidates} candidates verified each, "
            f"model {'off' if args.no_model else 'on'}, "
            f"semantic round {'on' if semantic else 'off'})"
        )
        gen = [t["candidates"] for t in timings]
        ver = [t["verify"] for t in timings]
        print(
            f"latency ms: candidates p50 {_pct(gen, 0.5):.1f} p95 {_pct(gen, 0.95):.1f} "
            f"p99 {_pct(gen, 0.99):.1f}; verification p50 {_pct(ver, 0.5):.0f} "
            f"p95 {_pct(ver, 0.95):.0f} p99 {_pct(ver, 0.99):.0f} "
            f"(mean {statistics.mean(ver) * 1000:.0f})"
        )
        sem = [t["semantic"] for t in timings if "semantic" in t]
        if sem:
            print(
                f"semantic round ms (query units embedded, vectors looked up): p50 "
                f"{_pct(sem, 0.5):.0f} p95 {_pct(sem, 0.95):.0f} p99 {_pct(sem, 0.99):.0f} "
                f"(mean {statistics.mean(sem) * 1000:.0f})"
            )
    print(
        "class                         pairs  listed r@1  r@5   pair region r@1  r@5"
        "   family r@1  r@5    cases  region r@1  r@5   with leads r@1  r@5"
    )
    for name in sorted(listed):
        lr, pr, fr, rr = listed[name], pair_region[name], family[name], region[name]
        wl = with_leads[name]

        def at(r: list[int], k: int) -> float:
            return sum(1 for x in r if 0 < x <= k) / len(r)

        print(
            f"{name:<28} {len(lr):6d}  {at(lr, 1):.3f}  {at(lr, 5):.3f}  "
            f"{at(pr, 1):.3f}  {at(pr, 5):.3f}  {at(fr, 1):.3f}  {at(fr, 5):.3f}  "
            f"{len(rr):6d}  {at(rr, 1):.3f}  {at(rr, 5):.3f}  {at(wl, 1):.3f}  {at(wl, 5):.3f}"
        )
    print(
        f"verified hits: {all_hits}; {unlisted} of them overlap no listed case of their "
        f"query ({unlisted_near} with a copy verdict); {weak} weak (the pair alone, "
        "compared as by unspin compare, shows no reuse)"
    )
    all_leads = sum(len(x) for x in leads_of.values())
    print(
        f"unconfirmed leads: {all_leads} ({all_leads / max(1, len(by_susp)):.2f} per query); "
        f"{sum(1 for x in leads_of.values() if x)} queries have one"
    )
    if clean_total:
        print(
            f"class-01 pairs: source returned with a copy verdict in {clean_copy} of "
            f"{clean_total}, with any reuse verdict in {clean_reuse} ({clean_weak} of them "
            f"weak), as an unconfirmed lead in {clean_lead}"
        )
    if tmp is not None:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
