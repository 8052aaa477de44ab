"""Planted copies: how well ``unspin scan`` finds the families of copies made by a spinner,
beside MinHash-LSH dedup (datasketch) on the same corpus.

    .venv/bin/python benchmarks/scan_planted.py [--base 1000] [--planted 150] [--jobs 2]
        [--work DIR]

The corpus: ``--base`` source documents of PAN13 train (each cut to its first 3,000
characters, at a sentence end), and for ``--planted`` of them two derived copies each, made
here by our own spinner on the source's text (seeded, so every run makes the same corpus):

- ``light``: a line of the copier's own added, 5 % of the content words swapped for a
  WordNet synonym;
- ``spun``: 30 % of the content words swapped;
- ``moved``: 30 % swapped and a third of the neighbouring sentences swapped in order, and
  some sentences' clauses turned around;
- ``dropped``: 30 % of the sentences dropped and 15 % of the words swapped.

A planted source and its two copies are one true family. Scored over pairs of documents:
recall, the true pairs (the three pairs of each family) that end in one predicted family;
precision, the pairs of each predicted family that are true (a base document is in no true
family with any other, so two unrelated sources in one family count against it). unspin:
``unspin scan`` of the corpus (lexical evidence, ``--no-model``, its default key cap), its
families. MinHash-LSH: datasketch's ``MinHashLSH`` over each document's word 5-shingles (128
permutations), at two thresholds, the documents it finds similar joined into clusters (what
text-dedup and datatrove's MinHash stage do).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from unspin.fingerprint import STOPWORDS
from unspin.lexicon import shared_lexicon
from unspin.scan.candidates import components

ROOT = Path(__file__).resolve().parent.parent
PAN = ROOT.parent / "shared" / "data" / "pan13-train"
UNSPIN = ROOT / ".venv" / "bin" / "unspin"
KINDS = ("light", "spun", "moved", "dropped")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
_WORD = re.compile(r"[A-Za-z]+")


def _cut(text: str, limit: int = 3000) -> str:
    if len(text) <= limit:
        return text.strip()
    end = max(text.rfind(". ", 0, limit), text.rfind(".\n", 0, limit))
    return text[: end + 1 if end > limit // 2 else limit].strip()


def _swap_words(text: str, share: float, rng: random.Random) -> str:
    lexicon = shared_lexicon()

    def swap(m: re.Match[str]) -> str:
        w = m.group(0)
        if len(w) < 4 or w.lower() in STOPWORDS or w[0].isupper() or rng.random() >= share:
            return w
        options = lexicon.synonyms(w.lower())[:3]
        return rng.choice(options) if options else w

    return _WORD.sub(swap, text)


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def _move(text: str, rng: random.Random) -> str:
    sents = _sentences(text)
    for k in range(0, len(sents) - 1, 2):
        if rng.random() < 1 / 3:
            sents[k], sents[k + 1] = sents[k + 1], sents[k]
    out = []
    for s in sents:
        head, sep, tail = s.partition(", ")
        if sep and head and len(tail) > 1 and tail.endswith(".") and rng.random() < 0.3:
            s = tail[:-1][0].upper() + tail[:-1][1:] + ", " + head[0].lower() + head[1:] + "."
        out.append(s)
    return " ".join(out)


def _drop(text: str, rng: random.Random) -> str:
    sents = _sentences(text)
    kept = [s for s in sents if rng.random() >= 0.3] or sents[:1]
    return " ".join(kept)


def spin(text: str, kind: str, rng: random.Random) -> str:
    """One derived copy of ``text`` (see the module's list of kinds)."""
    if kind == "light":
        return _swap_words(text, 0.05, rng) + "\n\nRepublished with permission."
    if kind == "spun":
        return _swap_words(text, 0.30, rng)
    if kind == "moved":
        return _move(_swap_words(text, 0.30, rng), rng)
    return _drop(_swap_words(text, 0.15, rng), rng)


def build(folder: Path, base: int, planted: int) -> dict[str, int]:
    """Write the corpus into ``folder``; the true family of each planted document."""
    rng = random.Random(26)
    sources = sorted((PAN / "src").glob("*.txt"))[:base]
    chosen = set(rng.sample(range(len(sources)), planted))
    family: dict[str, int] = {}
    for k, path in enumerate(sources):
        text = _cut(path.read_text(encoding="utf-8", errors="replace"))
        (folder / path.name).write_text(text, encoding="utf-8")
        if k in chosen:
            family[path.name] = k
            for kind in rng.sample(KINDS, 2):
                name = f"copy-{kind}-{path.stem}.txt"
                (folder / name).write_text(spin(text, kind, rng), encoding="utf-8")
                family[name] = k
    return family


def scores(clusters: list[list[str]], family: dict[str, int]) -> tuple[float, float, int]:
    """(pair recall, pair precision, predicted pairs) of ``clusters`` against ``family``."""
    truth = defaultdict(list)
    for name, f in family.items():
        truth[f].append(name)
    true_pairs = {frozenset(p) for members in truth.values() for p in combinations(members, 2)}
    found = {frozenset(p) for c in clusters for p in combinations(sorted(c), 2)}
    hit = len(true_pairs & found)
    return hit / len(true_pairs), (hit / len(found) if found else 1.0), len(found)


def _shingles(text: str) -> set[bytes]:
    words = text.lower().split()
    return {" ".join(words[i : i + 5]).encode() for i in range(max(1, len(words) - 4))}


def minhash_clusters(folder: Path, threshold: float) -> tuple[list[list[str]], float]:
    start = time.perf_counter()
    names = sorted(p.name for p in folder.glob("*.txt"))
    sets = [_shingles((folder / n).read_text(encoding="utf-8")) for n in names]
    hashes = MinHash.bulk(sets, num_perm=128)
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    for k, m in enumerate(hashes):
        lsh.insert(k, m)
    found = [(k, other) for k, m in enumerate(hashes) for other in lsh.query(m) if other != k]
    labels = components(len(names), found)
    groups = defaultdict(list)
    for n, label in zip(names, labels, strict=True):
        groups[label].append(n)
    return [g for g in groups.values() if len(g) > 1], time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=int, default=1000)
    parser.add_argument("--planted", type=int, default=150)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, help="Keep the corpus and the scan here.")
    args = parser.parse_args()
    if not PAN.is_dir():
        sys.exit(f"{PAN}: the PAN13 training corpus is not beside the checkout")
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        corpus, out = work / "corpus", work / "scan"
        corpus.mkdir(parents=True, exist_ok=True)
        family = build(corpus, args.base, args.planted)
        docs = len(list(corpus.glob("*.txt")))
        print(f"corpus: {docs} documents, {args.planted} planted families of 3")
        start = time.perf_counter()
        subprocess.run(
            [
                str(UNSPIN),
                "scan",
                str(corpus),
                "--out",
                str(out),
                "--no-model",
                "--jobs",
                str(args.jobs),
            ],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        took = time.perf_counter() - start
        stats = json.loads((out / "stats.json").read_text())
        ours = [
            [Path(d).name for d in json.loads(line)["documents"]]
            for line in (out / "families.jsonl").open(encoding="utf-8")
        ]
        rows = [("unspin scan", *scores(ours, family), took)]
        for threshold in (0.5, 0.3):
            clusters, t = minhash_clusters(corpus, threshold)
            rows.append((f"MinHash-LSH {threshold}", *scores(clusters, family), t))
        by_kind = defaultdict(lambda: [0, 0])
        where = {n: k for k, c in enumerate(ours) for n in c}
        for name in family:
            if name.startswith("copy-"):
                kind = name.split("-")[1]
                source = name.split("-", 2)[2]
                by_kind[kind][1] += 1
                by_kind[kind][0] += int(name in where and where.get(source) == where[name])
    print(
        f"unspin: {stats['candidate_pairs']} candidate pairs, {stats['edges']} edges, "
        f"{stats['families']} families; candidates {stats['timings_s']['candidates']} s, "
        f"verification {stats['timings_s']['verify']} s ({stats['pairs_per_s_verify']} pairs/s)"
    )
    print(f"{'method':<18} {'pair recall':>11} {'precision':>9} {'pairs':>6} {'seconds':>8}")
    for name, recall, precision, pairs, t in rows:
        print(f"{name:<18} {recall:>11.3f} {precision:>9.3f} {pairs:>6} {t:>8.1f}")
    print(
        "unspin, copies joined to their source, by kind: "
        + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(by_kind.items()))
    )


if __name__ == "__main__":
    main()
