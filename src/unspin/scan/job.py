"""The corpus scan: candidates from the index's keys (``scan.candidates``), each verified by
the aligner with the decision ``unspin compare`` makes, in shards written atomically (a
shard file is its own completion marker: a scan killed at any moment and run again, or run
again after documents were added, verifies only the pairs no shard holds), then the
verified edges joined into families (``scan.families``) and written out.

The CLI and the Spark job are thin callers of ``scan_index``'s parts."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import InputError
from ..index import Index
from ..index.records import stored_meta
from ..index.searcher import PreparedCache
from ..pipeline import Comparer
from ..text.origin import origin_from_dict
from .candidates import candidate_pairs
from .families import families
from .summary import summary_html
from .verify import dumps, verify_pairs, write_atomic

SCAN_FORMAT = 1
# date claims a family's original may be told by: what the publisher or the feed declared
_TRUSTED_DATES = frozenset({"html-meta", "field", "url"})


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """How a scan looks: ``key_cap``, the most documents one key may join (a key held by
    more is a topic word of the corpus); ``per_document``, the best partners each document
    keeps; ``copy_jaccard``, the estimated Jaccard of two documents' key sets at which they
    are grouped as copies of one text before the join (``candidates.copy_groups``);
    ``shard_pairs``, pairs verified per shard; ``jobs``, verifying processes."""

    key_cap: int = 100
    per_document: int = 10
    copy_jaccard: float = 0.8
    shard_pairs: int = 100
    jobs: int = 2
    # ``local`` (``jobs`` processes) or ``spark`` (on ``master``, ``local[2]`` unless given):
    # the same results, so either may resume the other's scan
    engine: str = "local"
    master: str | None = None

    def settings(self, config: Config) -> str:
        """What a scan's results depend on, hashed: a folder holds one scan's shards."""
        wanted = {
            "key_cap": self.key_cap,
            "per_document": self.per_document,
            "copy_jaccard": self.copy_jaccard,
        }
        blob = json.dumps([wanted, asdict(config)], sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


Progress = Callable[[str, int, int], None]  # stage, done, total


# --- verification, one process each (``ProcessPoolExecutor``) -------------------------

_WORKER: dict[str, Any] = {}


def _start_worker(index_dir: str, config: Config, reports: Path) -> None:
    _WORKER["reports"] = reports
    _WORKER["index"] = Index.open(index_dir, config=config)
    _WORKER["comparer"] = Comparer(config)
    _WORKER["cache"] = PreparedCache(64)


def _verify_shard(pairs: list[tuple[str, str]]) -> list[dict[str, Any]]:
    return verify_pairs(
        _WORKER["index"], _WORKER["comparer"], _WORKER["cache"], pairs, _WORKER["reports"]
    )


# --- the job -----------------------------------------------------------------------------


def _trusted_date(meta: dict[str, Any]) -> str | None:
    origin = origin_from_dict(meta.get("origin")) if meta else None
    claims = [
        d.date
        for d in (origin.dates if origin else ())
        if d.kind == "published" and d.source in _TRUSTED_DATES
    ]
    return min(claims, default=None)


def _documents(index: Index) -> tuple[dict[int, str], list[dict[str, Any]]]:
    """Row id → document id, and the lines of ``documents.jsonl`` (family added later):
    the documents, then the aliases (a text added again under another id: ``copy_of``)."""
    rows = index.conn.execute("SELECT id, ext_id, name, sha256, meta FROM docs ORDER BY id")
    ids: dict[int, str] = {}
    docs = []
    sha_of = {}
    for rowid, ext_id, name, sha, meta in rows:
        ids[rowid] = ext_id
        sha_of[ext_id] = sha
        date = _trusted_date(stored_meta(meta)) if meta else None
        docs.append({"id": ext_id, "name": name, "sha256": sha, "date": date, "copy_of": None})
    for alias, of, name, meta in index.aliases():
        docs.append({"id": alias, "name": name, "sha256": sha_of[of],
                     "date": _trusted_date(meta), "copy_of": of})
    return ids, docs


def _shard_lines(folder: Path) -> Iterator[dict[str, Any]]:
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for k, line in enumerate(f, 1):
                try:
                    record = json.loads(line)
                    yield {"a": record["a"], "b": record["b"], **record}
                except (ValueError, KeyError, TypeError) as exc:
                    raise InputError(
                        f"{path}:{k}: a damaged shard ({exc}); delete it to verify its pairs again"
                    ) from None


def _chunked(items: list[tuple[str, str]], size: int) -> list[list[tuple[str, str]]]:
    return [items[k : k + size] for k in range(0, len(items), size)]


def scan_index(
    index: Index,
    out: str | Path,
    options: ScanOptions | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Scan ``index`` into folder ``out``: ``documents.jsonl``, ``edges.jsonl``,
    ``families.jsonl`` and ``stats.json`` (returned). Pairs verified by an earlier scan
    into the same folder, with the same settings, are not verified again."""
    options = options or ScanOptions()
    config = index.config
    out = Path(out)
    shards = out / "shards"
    reports = out / "pairs"
    for folder in (shards, reports):
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.tmp"):
            stale.unlink()  # being written when the last scan was killed
    settings = options.settings(config)
    manifest = out / "scan.json"
    if manifest.exists():
        try:
            held = json.loads(manifest.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(f"{manifest}: not a scan's manifest ({exc})") from None
        if (
            not isinstance(held, dict)
            or held.get("settings") != settings
            or held.get("format") != SCAN_FORMAT
        ):
            raise InputError(
                f"{out}: holds a scan made with other settings; scan into another folder"
            )
    else:
        write_atomic(
            manifest,
            [dumps({"format": SCAN_FORMAT, "settings": settings, "options": asdict(options)})],
        )
    report = progress or (lambda stage, done, total: None)
    timings: dict[str, float] = {}

    clock = time.perf_counter()
    ids, docs = _documents(index)
    report("documents", len(docs), len(docs))
    timings["documents"] = time.perf_counter() - clock

    sc = None
    if options.engine == "spark":
        from .spark import spark_candidate_pairs, spark_context

        sc = spark_context(options.master)
    clock = time.perf_counter()
    if sc is not None:
        rowid_pairs, join = spark_candidate_pairs(
            sc, index, options.key_cap, options.per_document, options.copy_jaccard
        )
    else:
        rowid_pairs, join = candidate_pairs(
            index, options.key_cap, options.per_document, options.copy_jaccard
        )
    # an alias holds its document's text: the pair is verified (identical) as any other
    copies = [(d["id"], d["copy_of"]) for d in docs if d["copy_of"] is not None]
    pairs = sorted(
        {(ids[a], ids[b]) if ids[a] < ids[b] else (ids[b], ids[a]) for a, b in rowid_pairs}
        | {(a, b) if a < b else (b, a) for a, b in copies}
    )
    report("candidates", len(pairs), len(pairs))
    timings["candidates"] = time.perf_counter() - clock

    clock = time.perf_counter()
    done = {(line["a"], line["b"]): line for line in _shard_lines(shards)}
    todo = [p for p in pairs if p not in done]
    reused = len(pairs) - len(todo)
    number = max((int(p.stem) for p in shards.glob("*.jsonl")), default=-1) + 1
    batches = _chunked(todo, options.shard_pairs)
    verified = reused
    report("verify", verified, len(pairs))
    if batches:
        if sc is not None:
            from .spark import spark_verified

            results = spark_verified(sc, index, config, batches, reports)
        else:
            results = _verified(index, config, batches, options.jobs, reports)
        for lines in results:
            write_atomic(shards / f"{number:06d}.jsonl", (dumps(x) for x in lines))
            number += 1
            for line in lines:
                done[line["a"], line["b"]] = line
            verified += len(lines)
            report("verify", verified, len(pairs))
    timings["verify"] = time.perf_counter() - clock

    clock = time.perf_counter()
    current = set(pairs)
    edges = [done[p]["edge"] for p in sorted(current) if done[p]["edge"] is not None]
    dates = {d["id"]: d["date"] for d in docs}
    found = families(edges, dates)
    family_of = {m: f["id"] for f in found for m in f["documents"]}
    for d in docs:
        d["family"] = family_of.get(d["id"])
    write_atomic(out / "documents.jsonl", (dumps(d) for d in docs))
    write_atomic(out / "edges.jsonl", (dumps(e) for e in edges))
    write_atomic(out / "families.jsonl", (dumps(f) for f in found))
    write_atomic(out / "index.html", [summary_html(docs, edges, found)])
    timings["families"] = time.perf_counter() - clock
    report("families", len(found), len(found))

    labels: dict[str, int] = {}
    for p in current:
        label = done[p]["label"]
        labels[label] = labels.get(label, 0) + 1
    stats = {
        "engine": options.engine,
        "documents": len(docs),
        "join": join,
        "candidate_pairs": len(pairs),
        "verified_now": len(todo),
        "verified_before": reused,
        "verdicts": dict(sorted(labels.items())),
        "edges": len(edges),
        "families": len(found),
        "largest_family": max((f["size"] for f in found), default=0),
        "timings_s": {k: round(v, 3) for k, v in timings.items()},
        "documents_per_s_candidates": round(len(docs) / max(timings["candidates"], 1e-9), 1),
        "pairs_per_s_verify": round(len(todo) / max(timings["verify"], 1e-9), 2),
    }
    write_atomic(out / "stats.json", [json.dumps(stats, indent=1, sort_keys=True)])
    return stats


def _verified(
    index: Index,
    config: Config,
    batches: list[list[tuple[str, str]]],
    jobs: int,
    reports: Path,
) -> Iterator[list[dict[str, Any]]]:
    """Each batch's shard lines, in order: in ``jobs`` processes, or in this one."""
    if jobs < 2 or len(batches) < 2:
        comparer = Comparer(config)
        cache = PreparedCache(64)
        for batch in batches:
            yield verify_pairs(index, comparer, cache, batch, reports)
        return
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(str(index.path), config, reports)
    ) as pool:
        yield from pool.map(_verify_shard, batches)
