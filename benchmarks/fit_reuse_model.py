"""Fit the calibrated reuse decision (``unspin.evidence``) and write ``_model/reuse.json``.

    .venv/bin/python benchmarks/fit_reuse_model.py [--pan ../shared/data/pan13-train]
        [--pairs benchmarks/realworld/pairs.csv] [--jobs 2] [--features CACHE.jsonl]

Training pairs: PAN13 train (a pair with a plagiarism case is reuse; class 01 is not) and
the dev split of the real-world corpus (``benchmarks/realworld``; its validation split is
never read here). Only pairs where the aligner found a reused passage are fitted: the
others are not reuse whatever the model says. Each pair's features are those of
``evidence.pair_features`` on the default configuration's passages. The two corpora are
weighted equally in total and, within each, the two classes equally (PAN13 has four
thousand reused pairs and a handful of negatives with a passage; the real world is where
same-topic texts meet).

The fit is scipy's L-BFGS-B on a weighted log-loss with the coefficients bounded at 0
(see ``fit``); the package itself only reads the coefficients.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import sys
from collections.abc import Iterator
from pathlib import Path

from unspin._types import Passage
from unspin.align import align_prepared
from unspin.config import DEFAULT_CONFIG
from unspin.eval.pan import load_corpus
from unspin.eval.run import PairAligner
from unspin.evidence import FEATURES, Features, counted, mark_quotations, pair_features
from unspin.pipeline import Comparer
from unspin.prepared import PreparedText
from unspin.text.sources import ReadOptions, read_one
from unspin.verdict import coverage

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "src" / "unspin" / "_model" / "reuse.json"
# P(reuse) at which a pair is called reuse: above one half, because a false accusation is
# the worst error and a missed copy the second worst (docs/realworld.md: at 0.5, 3 of the
# validation split's 34 independent-event pairs are called reuse; at 0.7, none)
THRESHOLD = 0.7
# the least weight the pairs that are not reuse carry within a corpus (see ``fit``)
NEGATIVE_SHARE = 0.1

_aligner: PairAligner | None = None


def _init() -> None:
    global _aligner
    _aligner = PairAligner(DEFAULT_CONFIG)


def _row(features: object, **extra: object) -> dict[str, object]:
    out = {name: getattr(features, name) for name in FEATURES}
    out.update(extra)
    return out


def _features(a: PreparedText, b: PreparedText, passages: list[Passage]) -> Features | None:
    """The pair's features over the passages the default configuration counts, as
    ``verdict.decide`` weighs them, or None when it has none."""
    reused = counted(passages, DEFAULT_CONFIG.count_quotations)
    if not reused:
        return None
    cov_a = coverage(a.doc, [p.a for p in reused])
    cov_b = coverage(b.doc, [p.b for p in reused])
    return pair_features(a, b, reused, cov_a, cov_b)


def _pan_one(pair: object) -> dict[str, object] | None:
    assert _aligner is not None
    a, b, passages = _aligner.align(pair, {})  # type: ignore[arg-type]
    f = _features(a, b, list(passages))
    if f is None:
        return None
    cls = pair.class_name  # type: ignore[attr-defined]
    return _row(f, corpus="pan13", set=cls, y=int(not cls.startswith("01")), key=list(pair.key))  # type: ignore[attr-defined]


def _real_one(item: tuple[str, str, str, str]) -> dict[str, object] | None:
    assert _aligner is not None
    a_path, b_path, expect, set_name = item
    comparer: Comparer = _aligner.comparer
    options = ReadOptions(config=comparer.config)
    ea, eb = read_one(a_path, options), read_one(b_path, options)
    a = comparer.prepare(ea.text, ea.name, ea.origin)
    b = comparer.prepare(eb.text, eb.name, eb.origin)
    passages = mark_quotations(
        a, b, align_prepared(a, b, comparer.config, comparer.embedder).passages, comparer.config
    )
    f = _features(a, b, passages)
    if f is None:
        return None
    return _row(f, corpus="realworld", set=set_name, y=int(expect == "reuse"), key=[a_path, b_path])


def _real_items(pairs: Path, split: str) -> Iterator[tuple[str, str, str, str]]:
    with pairs.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["split"] == split:
                yield (
                    str(pairs.parent / row["a"]),
                    str(pairs.parent / row["b"]),
                    row["expect"],
                    row["set"],
                )


def collect(pan: Path | None, pairs: Path | None, jobs: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    with multiprocessing.get_context("spawn").Pool(jobs, initializer=_init) as pool:
        if pan is not None:
            for i, r in enumerate(pool.imap(_pan_one, load_corpus(pan), chunksize=8)):
                if r is not None:
                    rows.append(r)
                if i % 500 == 0:
                    print(f"pan13: {i} pairs", file=sys.stderr)
        if pairs is not None:
            for r in pool.imap(_real_one, list(_real_items(pairs, "dev")), chunksize=4):
                if r is not None:
                    rows.append(r)
    return rows


# the one feature whose coefficient may be negative: two texts on one story are aligned
# sentence by sentence, weakly, from end to end (the smaller text all covered, at a low
# similarity), while a copy's weak passages sit inside texts that also differ; a whole copy
# still scores by its similarity, trigrams and run of units (tests/test_evidence.py)
FREE = ("coverage_min",)


def fit(rows: list[dict[str, object]], l2: float = 1.0) -> dict[str, object]:
    """A weighted logistic fit whose coefficients are ≥ 0 but for ``FREE``: more shared
    evidence never lowers P(reuse). Wholly unconstrained, the fit learns the corpora's
    make-up instead (PAN13's reused passages are a small part of a long source, so a high
    coverage of the larger text would count against reuse, and a whole copy would be called
    independent)."""
    import numpy as np
    from scipy.optimize import minimize

    x = np.array([[float(r[n]) for n in FEATURES] for r in rows])  # type: ignore[arg-type]
    y = np.array([int(r["y"]) for r in rows])  # type: ignore[call-overload]
    corpus = [str(r["corpus"]) for r in rows]
    weight = np.zeros(len(rows))
    groups = sorted(set(corpus))
    for c in groups:
        in_corpus = np.array([k == c for k in corpus])
        for label in (0, 1):
            mask = in_corpus & (y == label)
            if mask.any():
                # each corpus weighs the same; within one, a class weighs its share of the
                # corpus's pairs, but never less than NEGATIVE_SHARE (PAN13's few negatives
                # with a passage would otherwise not count at all)
                share = max(mask.sum() / in_corpus.sum(), NEGATIVE_SHARE if label == 0 else 0)
                weight[mask] = share / (len(groups) * mask.sum())
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        t = z @ w + b
        p = 1.0 / (1.0 + np.exp(-t))
        # log(1 + e^t) - y t, stably
        ll = np.logaddexp(0.0, t) - y * t
        value = float(weight @ ll) + 0.5 * l2 * float(w @ w) / len(rows)
        g = weight * (p - y)
        grad = np.append(z.T @ g + l2 * w / len(rows), g.sum())
        return value, grad

    bounds = [(None, None) if n in FREE else (0.0, None) for n in FEATURES] + [(None, None)]
    result = minimize(loss, np.zeros(len(FEATURES) + 1), jac=True, bounds=bounds, method="L-BFGS-B")
    w, b = result.x[:-1], result.x[-1]
    prob = 1.0 / (1.0 + np.exp(-(z @ w + b)))
    for c in groups:
        for label in (0, 1):
            mask = np.array([k == c for k in corpus]) & (y == label)
            if mask.any():
                called = int((prob[mask] >= THRESHOLD).sum())
                print(f"{c} y={label}: {mask.sum()} pairs with a passage, {called} called reuse")
    return {
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in w],
        "intercept": round(float(b), 6),
        "threshold": THRESHOLD,
        "trained_on": {c: int(sum(k == c for k in corpus)) for c in groups},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pan", type=Path, default=ROOT.parent / "shared/data/pan13-train")
    ap.add_argument("--pairs", type=Path, default=ROOT / "benchmarks/realworld/pairs.csv")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--features", type=Path, help="cache of the features (JSONL): read if present")
    ap.add_argument("--no-pan", action="store_true")
    ap.add_argument("--collect-only", action="store_true", help="write --features, do not fit")
    args = ap.parse_args()
    if args.features and args.features.exists():
        rows = [json.loads(line) for line in args.features.read_text().splitlines()]
    else:
        pan = None if args.no_pan else args.pan
        pairs = args.pairs if args.pairs.exists() else None
        rows = collect(pan, pairs, args.jobs)
        if args.features:
            args.features.write_text("".join(json.dumps(r) + "\n" for r in rows))
    if args.collect_only:
        return
    model = fit(rows)
    MODEL.write_text(json.dumps(model, indent=1) + "\n")
    print(f"wrote {MODEL}: coef {model['coef']}, intercept {model['intercept']}")


if __name__ == "__main__":
    main()
