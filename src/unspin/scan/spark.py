"""The corpus scan on PySpark (``unspin scan --engine spark``): the same library functions
as the local engine, distributed. Documents' keys are computed in ``mapPartitions``
(``index.keys.text_windows``, as the index computed them); the capped key self-join and
its sums are Spark SQL; the pair scores are the same order-free function
(``scan.candidates.pair_score``); each document's best partners are kept
by ``kept_pairs``; each candidate pair is verified in ``mapPartitions`` by one ``Comparer``
per partition (``scan.job.verify_pairs``). So the edges and families are the local
engine's, pair for pair.

The index folder must be readable by every executor (a shared file system on a cluster)."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..errors import ConfigError, ScanError
from ..index import Index
from ..index.keys import IndexParams, text_windows
from ..index.records import unpacked_text
from .candidates import (
    copy_groups,
    kept_pairs,
    key_signature,
    key_weight,
    pair_score,
    shared_with_first,
)
from .verify import verify_pairs

if TYPE_CHECKING:
    from pyspark import SparkContext


def spark_context(master: str | None) -> SparkContext:
    """A Spark context on ``master`` (``local[2]`` unless given); a clear error when
    PySpark or Java is missing."""
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError:
        raise ConfigError(
            "the spark engine needs PySpark: pip install 'unspin[spark]' (and Java 17)"
        ) from None
    conf = SparkConf().setAppName("unspin scan").setMaster(master or "local[2]")
    conf = conf.set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
    # the workers run this Python, which has unspin, unless told otherwise (a cluster's
    # executors need it installed: spark-submit with the wheel, docs/scan.md)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    try:
        sc = SparkContext.getOrCreate(conf)
    except Exception as exc:  # Java missing or the master unreachable: said in one line
        raise ConfigError(f"could not start Spark on {master or 'local[2]'}: {exc}") from None
    sc.setLogLevel("ERROR")
    return sc


def spark_failed(exc: BaseException) -> ScanError:
    """A failed Spark job as one line: the Python error its worker raised, else Spark's."""
    text = str(exc)
    found = re.findall(r"\n(\w+(?:Error|Exception): [^\n]*)", text)
    return ScanError(f"the Spark job failed: {found[-1] if found else text.splitlines()[0]}")


def _windows_of(
    rows: Iterable[tuple[int, bytes]], config: Config, params: IndexParams
) -> Iterator[tuple[int, list[set[int]]]]:
    """(document, its windows' keys) for every document of a partition."""
    for rowid, packed in rows:
        yield rowid, text_windows(unpacked_text(packed), config, params)[0]


def _postings(doc: tuple[int, list[set[int]]]) -> Iterator[tuple[int, tuple[int, int]]]:
    """(key, (document, window)) for every window of a document."""
    rowid, windows = doc
    for w, keys in enumerate(windows):
        for k in keys:
            yield k, (rowid, w)


def _signature(doc: tuple[int, list[set[int]]]) -> Iterator[tuple[int, Any]]:
    """The document's ``key_signature``, when it has keys."""
    rowid, windows = doc
    keys = sorted(set().union(*windows)) if windows else []
    if keys:
        yield rowid, key_signature(keys)


def spark_candidate_pairs(
    sc: SparkContext, index: Index, cap: int, per_document: int, copy_jaccard: float
) -> tuple[list[tuple[int, int]], dict[str, int]]:
    """``scan.candidates.candidate_pairs`` on Spark: the same pairs."""
    from pyspark import StorageLevel

    config, params = index.config, index.params
    rows = index.conn.execute("SELECT id, text FROM docs ORDER BY id").fetchall()
    n_docs = max(1, len(rows))
    slices = max(2, sc.defaultParallelism)
    windows = (
        sc.parallelize(rows, slices)
        .mapPartitions(lambda part: _windows_of(part, config, params))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    try:
        copies = copy_groups(dict(windows.flatMap(_signature).collect()), copy_jaccard)
    except Exception as exc:  # a worker's error, or Spark's: one line
        raise spark_failed(exc) from None
    left_out = sc.broadcast(
        {m: frozenset(keys.tolist()) for m, keys in shared_with_first(index, copies).items()}
    )

    def joins(kv: tuple[int, tuple[int, int]]) -> bool:
        return kv[0] not in left_out.value.get(kv[1][0], ())

    postings = windows.flatMap(_postings).filter(joins).distinct()
    try:
        df = postings.map(lambda kv: (kv[0], kv[1][0])).distinct().countByKey()
    except Exception as exc:  # a worker's error, or Spark's: one line
        raise spark_failed(exc) from None
    weights = {k: key_weight(n_docs, d) for k, d in df.items() if 2 <= d <= cap}
    try:
        scores, joined = _scores(sc, postings, weights, config)
    except Exception as exc:  # a worker's error, or Spark's: one line
        raise spark_failed(exc) from None
    kept = kept_pairs(scores, per_document, copies)
    left_out.unpersist()
    windows.unpersist()
    return kept, {
        "copies": len(copies),
        "joined_keys": len(weights),
        **joined,
        "scored_pairs": len(scores),
        "candidate_pairs": len(kept),
    }


def _scores(
    sc: SparkContext,
    postings: Any,
    weights: dict[int, float],
    config: Config,
) -> tuple[dict[tuple[int, int], float], dict[str, int]]:
    """The pair scores of ``scan.candidates.pair_scores``, the join and its sums in Spark
    SQL (on the JVM: a Python RDD join of tens of millions of window pairs is slow). The
    weights are multiples of 2**-24, so Spark's sums of them are exact in any order; a
    window of a keeps its best window of b by the largest sum (the value, sum to
    ``candidate_power``, grows with it), and the last step, ``pair_score`` of each pair's
    values, runs in Python, as the local engine's does."""
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    spark = SparkSession.builder.getOrCreate()
    table = spark.createDataFrame(
        postings.map(lambda kv: (kv[0], kv[1][0], kv[1][1])), "key long, doc long, win long"
    )
    weighted = spark.createDataFrame(list(weights.items()), "key long, weight double")
    capped = table.join(F.broadcast(weighted), "key").persist()
    left = capped.select("key", F.col("doc").alias("da"), F.col("win").alias("wa"), "weight")
    right = capped.select("key", F.col("doc").alias("db"), F.col("win").alias("wb"))
    pairs = left.join(right, "key").where(F.col("da") < F.col("db"))
    windows = (
        pairs.groupBy("da", "wa", "db", "wb")
        .agg(F.count(F.lit(1)).alias("n"), F.sum("weight").alias("s"))
        .where(F.col("n") >= config.candidate_min_shared)
        .groupBy("da", "db", "wa")
        .agg(F.max("s").alias("s"))
        .groupBy("da", "db")
        .agg(F.collect_list("s").alias("sums"))
    )
    power = config.candidate_power
    scores = {
        (int(r["da"]), int(r["db"])): pair_score([float(x) ** power for x in r["sums"]], config)
        for r in windows.toLocalIterator()
    }
    joined = {"postings": capped.count(), "window_pairs": pairs.count()}
    capped.unpersist()
    return scores, joined


def spark_verified(
    sc: SparkContext,
    index: Index,
    config: Config,
    batches: list[list[tuple[str, str]]],
    reports: Path,
) -> Iterator[list[dict[str, Any]]]:
    """Each batch's shard lines, in order: one batch per partition, one ``Comparer`` per
    partition (the index opened there read-only); the pair reports written into ``reports``
    (on a cluster, shared storage, as the index is)."""

    path = str(index.path)

    def verify(part: Iterable[list[tuple[str, str]]]) -> Iterator[list[dict[str, Any]]]:
        from ..index.searcher import PreparedCache
        from ..pipeline import Comparer

        with Index.open(path, config=config) as local:
            comparer, cache = Comparer(config), PreparedCache(64)
            for batch in part:
                yield verify_pairs(local, comparer, cache, batch, reports)

    if not batches:
        return
    try:
        yield from sc.parallelize(batches, len(batches)).mapPartitions(verify).toLocalIterator()
    except Exception as exc:  # a worker's error, or Spark's: one line
        raise spark_failed(exc) from None
