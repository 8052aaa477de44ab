"""Benchmark: the on-disk index at scale, beside datasketch's in-memory ``MinHashLSH``.

The corpus is synthetic, made from PAN13 train:
- every sentence of its source and suspicious documents goes into one pool;
- document i is 12–20 sentences made with a seeded generator, each the first half of one
  pool sentence and the second half of another (news length, about 2 kB; no two documents
  share a sentence by chance);
- every rare word (wordfreq Zipf < 3) is replaced by a made-up name drawn by Zipf's law from
  10M names, so that rare words recur across documents as names do in news: drawn from the
  pool alone, a million documents hold each of its rare words a thousand times or more.

The queries are obfuscated copies of indexed documents, one kind per query in turn:
- **copy**: 6 consecutive sentences of the document, verbatim, inside 6 unrelated sentences;
- **spun**: the same, with each word of the copied part dropped (10%) or swapped with its
  neighbour (10%), the PAN random-obfuscation operations;
- **partial**: 3 consecutive sentences inside 12 unrelated ones.

Printed, for each corpus size and both systems: ingest docs/s (unspin's key pass on
``--jobs`` processes while one writes; the time spent making the synthetic documents is
taken out for both systems), size (on disk for unspin,
pickled for datasketch), query latency p50 / p95 / p99 (unspin split into candidate
generation and verification of the top 5, one round), recall@1 of the source per query kind,
and peak RSS of the process.

datasketch runs with 128 permutations, threshold 0.3, on word 3-shingles, the usual
near-duplicate setup; its recall shows what word shingles keep of a spun passage inside a
longer text.

Run: .venv/bin/python benchmarks/index.py --sizes 10000 100000 [--queries 300]
(datasketch is one of unspin's dependencies: the scan groups copies with it).
"""

from __future__ import annotations

import argparse
import functools
import gc
import multiprocessing
import pickle
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import wordfreq

from unspin.config import DEFAULT_CONFIG, Config
from unspin.index import Index, IndexParams, search
from unspin.index.ingest import Doc, add_stream
from unspin.index.searcher import PreparedCache

HERE = Path(__file__).parent
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
KINDS = ("copy", "spun", "partial")


def _pool(corpus: Path) -> list[str]:
    pool = []
    for folder in ("src", "susp"):
        for path in sorted((corpus / folder).glob("*.txt")):
            text = " ".join(path.read_text(encoding="utf-8", errors="replace").split())
            pool.extend(s for s in SENTENCE.split(text) if 40 <= len(s) <= 300)
    return pool


SYLLABLES = "ka lo mi ren tu vas zo bel dri fen gor hul jas kel mor nix".split()
NAMES = 10_000_000  # the made-up vocabulary that rare words are drawn from
RARE_ZIPF = 3.0  # wordfreq Zipf frequency under which a word counts as rare


@functools.lru_cache(maxsize=1 << 20)
def _is_rare(word: str) -> bool:
    core = word.strip(".,;:!?\"'()[]").lower()
    return core.isalpha() and wordfreq.zipf_frequency(core, "en") < RARE_ZIPF


def _name(rank: int) -> str:
    out = []
    while True:
        rank, digit = divmod(rank, len(SYLLABLES))
        out.append(SYLLABLES[digit])
        if not rank:
            return "".join(out).capitalize()


def _doc(pool: list[str], i: int) -> list[str]:
    """Document i: 12-20 sentences, each the first half of one pool sentence joined to the
    second half of another, so that no two documents share a sentence by chance (a pool of
    165k sentences drawn a million times would repeat each one a hundred times).

    Each rare word (wordfreq Zipf < 3: names, technical terms) is then replaced by a made-up
    name of rank ``NAMES ** u`` (u uniform: P(rank) ~ 1/rank, Zipf's law over 10M names).
    Without this, a million documents drawn from PAN13's 3.6M words hold every rare word of
    the pool a thousand times or more, a corpus with no rare words at all; with it, rare words
    recur across documents as names do in news."""
    rng = random.Random(i)
    out = []
    for _ in range(rng.randint(12, 20)):
        head = pool[rng.randrange(len(pool))].split()
        tail = pool[rng.randrange(len(pool))].split()
        words = head[: len(head) // 2] + tail[len(tail) // 2 :]
        out.append(" ".join(_name(int(NAMES ** rng.random())) if _is_rare(w) else w for w in words))
    return out


def _spin(sentences: list[str], rng: random.Random) -> list[str]:
    out = []
    for s in sentences:
        words = s.split()
        kept = [w for w in words if rng.random() > 0.1]
        for k in range(len(kept) - 1):
            if rng.random() < 0.1:
                kept[k], kept[k + 1] = kept[k + 1], kept[k]
        out.append(" ".join(kept))
    return out


def _query(pool: list[str], n_docs: int, q: int) -> tuple[str, int, str]:
    rng = random.Random(10_000_019 + q)
    target = rng.randrange(n_docs)
    kind = KINDS[q % len(KINDS)]
    doc = _doc(pool, target)
    size = 3 if kind == "partial" else 6
    start = rng.randrange(max(1, len(doc) - size))
    part = doc[start : start + size]
    if kind == "spun":
        part = _spin(part, rng)
    # unrelated sentences, made as the corpus's are (from documents that are not indexed)
    filler = _doc(pool, 1_000_000_007 + q)[: 12 if kind == "partial" else 6]
    cut = rng.randrange(len(filler) + 1)
    return " ".join(filler[:cut] + part + filler[cut:]), target, kind


def _shingles(text: str) -> set[bytes]:
    words = text.lower().split()
    return {" ".join(words[i : i + 3]).encode() for i in range(max(1, len(words) - 2))}


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000


def _pcts(values: list[float], digits: int) -> str:
    return "/".join(f"{_pct(values, q):.{digits}f}" for q in (0.5, 0.95, 0.99))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _text(pool: list[str], i: int) -> str:
    return " ".join(_doc(pool, i))


def run_unspin(
    pool: list[str],
    n: int,
    queries: list[tuple[str, int, str]],
    root: Path,
    jobs: int,
    params: IndexParams,
) -> None:
    config = DEFAULT_CONFIG.with_overrides(use_model=False)
    index = Index.create(root / f"ix{n}", config=config, params=params)
    made = [0.0]  # making the synthetic documents is not ingest: its time is taken out

    def docs() -> Iterator[Doc]:
        for b in range(0, n, 1000):
            t = time.perf_counter()
            made_now = [
                (_text(pool, i), f"doc{i}", f"doc{i}", None) for i in range(b, min(n, b + 1000))
            ]
            made[0] += time.perf_counter() - t
            yield from made_now

    start = time.perf_counter()
    add_stream(index, docs(), jobs=jobs)  # as unspin index add writes, checkpoint included
    ingest = time.perf_counter() - start - made[0]
    size = index.stats().bytes_on_disk
    # this process holds the sentence pool and the made-up names (millions of objects): a
    # full garbage collection scans them all, which would stall a query now and then and is
    # the benchmark's cost, not the index's; freezing them keeps the collector off them
    gc.collect()
    gc.freeze()
    gen, ver, hits = [], [], {k: [0, 0] for k in KINDS}
    cache = PreparedCache(512)
    for text, target, kind in queries:
        result = search(index, text, top=1, candidates=5, cache=cache, rounds=1)
        gen.append(result.timings["candidates"])
        ver.append(result.timings["verify"])
        hits[kind][1] += 1
        hits[kind][0] += bool(result.hits) and result.hits[0].doc_id == f"doc{target}"
    index.close()
    print(
        f"  unspin      ingest {n / ingest:7.0f} docs/s  size {size / 1e6:8.1f} MB  "
        f"candidates p50/p95/p99 {_pcts(gen, 1)} ms  verify p50/p95/p99 {_pcts(ver, 0)} ms  "
        + "  ".join(f"r@1 {k} {h[0] / h[1]:.3f}" for k, h in hits.items())
        + f"  peak RSS {_rss_mb():.0f} MB"
    )
    requery(root / f"ix{n}", queries, config)


def requery(path: Path, queries: list[tuple[str, int, str]], config: Config) -> None:
    """Candidate generation again, in a new process (its own SQLite cache; the OS still holds
    the file): the queries above ran in the process that had just written the index, while
    the kernel was still writing back its pages."""
    ctx = multiprocessing.get_context("forkserver")
    with ctx.Pool(1) as pool:
        gen = pool.apply(_candidate_times, (path, [q[0] for q in queries], config))
    print(f"  unspin      candidates in a new process p50/p95/p99 {_pcts(gen, 1)} ms")


def _candidate_times(path: Path, texts: list[str], config: Config) -> list[float]:
    index = Index.open(path, config=config)
    out = []
    for text in texts:
        t = time.perf_counter()
        index.candidates(text, 5)
        out.append(time.perf_counter() - t)
    index.close()
    return out


def run_datasketch(pool: list[str], n: int, queries: list[tuple[str, int, str]]) -> None:
    from datasketch import MinHash, MinHashLSH

    def minhash(text: str) -> MinHash:
        m = MinHash(num_perm=128)
        m.update_batch(list(_shingles(text)))
        return m

    lsh = MinHashLSH(threshold=0.3, num_perm=128)
    made = 0.0
    start = time.perf_counter()
    for i in range(n):
        t = time.perf_counter()
        text = _text(pool, i)
        made += time.perf_counter() - t
        lsh.insert(f"doc{i}", minhash(text))
    ingest = time.perf_counter() - start - made
    size = len(pickle.dumps(lsh))
    lat, hits = [], {k: [0, 0] for k in KINDS}
    for text, target, kind in queries:
        t = time.perf_counter()
        found = lsh.query(minhash(text))
        lat.append(time.perf_counter() - t)
        hits[kind][1] += 1
        hits[kind][0] += f"doc{target}" in found
    print(
        f"  datasketch  ingest {n / ingest:7.0f} docs/s  size {size / 1e6:8.1f} MB  "
        f"query p50/p95/p99 {_pcts(lat, 1)} ms  "
        + "  ".join(f"found {k} {h[0] / h[1]:.3f}" for k, h in hits.items())
        + f"  peak RSS {_rss_mb():.0f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=str(HERE.parent.parent / "shared/data/pan13-train"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--no-unspin", action="store_true", help="run datasketch alone")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the key pass")
    parser.add_argument("--keep", action="store_true", help="keep the indexes (path printed)")
    parser.add_argument(
        "--pairs-per-unit", type=int, default=0, help="index pair keys (IndexParams)"
    )
    args = parser.parse_args()
    pool = _pool(Path(args.corpus))
    print(f"sentence pool: {len(pool)} sentences from PAN13 train")
    root = Path(tempfile.mkdtemp())
    try:
        for n in args.sizes:
            queries = [_query(pool, n, q) for q in range(args.queries)]
            print(f"{n} documents, {len(queries)} queries:")
            if not args.no_unspin:
                params = IndexParams(pairs_per_unit=args.pairs_per_unit)
                run_unspin(pool, n, queries, root, args.jobs, params)
            if not args.no_peer:
                run_datasketch(pool, n, queries)
    finally:
        if args.keep:
            print(f"indexes kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
