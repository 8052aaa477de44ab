#!/usr/bin/env python3
"""Build the real-world labelled pair corpus in this directory.

Provenance documentation: this is the exact script that produced texts/,
distractors/ and pairs.csv from the git mirrors below.  It is deterministic
(no randomness except a fixed-seed RNG; output order is sorted).  CI does not
run it.  Mirrors are bare git dirs brought in with the search tool's `fetch`.
"""

import csv
import hashlib
import html
import os
import random
import re
import shutil
import subprocess
from collections import defaultdict

# ---- sources: (bare git dir, commit) -------------------------------------
MSRP_GIT = "/work/.mirror/Pzeyang+Paraphrase_Identification/repo"
MSRP_COMMIT = (
    "dc1755eb1a4755ca310f97209391f1f5c06e2fd1"  # github.com/Pzeyang/Paraphrase_Identification
)
MSRP_FILES = ["msr_paraphrase_train.txt", "msr_paraphrase_test.txt"]

MOHLER_GIT = "/work/.mirror/dbbrandt+short_answer_granding_capstone_project/repo"
MOHLER_COMMIT = "c240cee64509b35009c0da789675e66f049fe2d8"  # github.com/dbbrandt/short_answer_granding_capstone_project
MOHLER_DIR = "data/source_data/ShortAnswerGrading_v2.0/data"

WIKI_GIT = "/work/.mirror/Tylogi+TyloQuant/repo"
WIKI_COMMIT = "7989d038b13ca737da11a95fb90e77ae059f33c0"  # github.com/Tylogi/TyloQuant
WIKI_FILE = "data/wikitext-2-raw/wiki.test.raw"

OUT = os.path.dirname(os.path.abspath(__file__))

# ---- parameters ----------------------------------------------------------
MSRP_POS_PARAS = 260  # reuse paragraphs (5 sentence pairs each)
MSRP_SENTS_PER_PARA = 5  # reuse paragraphs
MSRP_NEG_SENTS_PER_PARA = 4  # independent-event paragraphs (few clean negatives)
MSRP_NEG_MAX_JACCARD = 0.35  # independent-event: token-set Jaccard below this
MOHLER_MIN_WORDS = 25
MOHLER_PAIRS_PER_Q = 6
WIKI_MIN_WORDS = 60
WIKI_PAIRS_PER_ARTICLE = 3
N_DISTRACTORS = 600
NOREUSE_MAX_SHARED_NGRAM = 5  # no-reuse pairs may not share any word 5-gram
# (msrp-neg: 4-gram; wikitext: 6-gram, see below)


def show(git, commit, path):
    raw = subprocess.run(
        ["git", "--git-dir", git, "show", f"{commit}:{path}"], check=True, capture_output=True
    ).stdout
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # some Mohler raw files are Windows-1252
        return raw.decode("cp1252", errors="strict")


def toks(s):
    return re.findall(r"[a-z0-9]+", s.lower())


def ngrams(t, n):
    return {tuple(t[i : i + n]) for i in range(len(t) - n + 1)}


def longest_shared_run(a, b):
    """Length (in tokens) of the longest common contiguous token run."""
    ta, tb = toks(a), toks(b)
    best, prev = 0, [0] * (len(tb) + 1)
    for x in ta:
        cur = [0] * (len(tb) + 1)
        for j, y in enumerate(tb):
            if x == y:
                cur[j + 1] = prev[j] + 1
                if cur[j + 1] > best:
                    best = cur[j + 1]
        prev = cur
    return best


def split_of(key):
    return "dev" if hashlib.sha1(key.encode()).digest()[0] % 2 == 0 else "validation"


files = {}  # relpath -> text


def put(rel, text):
    if rel in files:
        assert files[rel] == text, rel
    files[rel] = text
    return rel


pairs = []  # dicts


# ---------------------------------------------------------------- MSRP -----
def msrp_rows():
    rows = []
    for f in MSRP_FILES:
        for line in show(MSRP_GIT, MSRP_COMMIT, f).splitlines()[1:]:
            p = line.split("\t")
            if len(p) == 5:
                rows.append((f.split("_")[-1][:-4], p[0], p[1], p[2], p[3], p[4]))
    return rows


def build_msrp():
    rows = msrp_rows()
    used_ids, used_norm = set(), set()

    def fresh(r):
        ids = {r[2], r[3]}
        norms = {" ".join(toks(r[4])), " ".join(toks(r[5]))}
        if ids & used_ids or norms & used_norm:
            return False
        used_ids.update(ids)
        used_norm.update(norms)
        return True

    # reuse: positive pairs
    pos = [r for r in rows if r[1] == "1"]
    pos_ok = [r for r in pos if fresh(r)]
    # independent-event: negative pairs with no shared word 4-gram, low overlap
    neg = []
    for r in rows:
        if r[1] != "0":
            continue
        a, b = toks(r[4]), toks(r[5])
        if ngrams(a, 4) & ngrams(b, 4):
            continue
        if len(set(a) & set(b)) / len(set(a) | set(b)) >= MSRP_NEG_MAX_JACCARD:
            continue
        if fresh(r):
            neg.append(r)
    rng = random.Random(20240611)
    rng.shuffle(pos_ok)
    rng.shuffle(neg)
    k = MSRP_SENTS_PER_PARA
    # negative paragraphs: greedy grouping so that the assembled A and B
    # paragraphs share no word 4-gram across sentence boundaries either
    # (formulaic wire sentences, e.g. stock-index reports, recur in MSRP).
    neg_groups, open_groups = [], []
    for r in neg:
        for g in open_groups:
            a = toks(" ".join(x[4] for x in g) + " " + r[4])
            b = toks(" ".join(x[5] for x in g) + " " + r[5])
            if not (ngrams(a, 4) & ngrams(b, 4)):
                g.append(r)
                if len(g) == MSRP_NEG_SENTS_PER_PARA:
                    open_groups.remove(g)
                    neg_groups.append(g)
                break
        else:
            open_groups.append([r])
    for kind, lst, limit in (("pos", pos_ok, MSRP_POS_PARAS), ("neg", neg, 10**9)):
        if kind == "pos":
            groups = [lst[i : i + k] for i in range(0, len(lst) - k + 1, k)][:limit]
        else:
            groups = neg_groups
        for gi, g in enumerate(groups):
            pid = f"{kind}{gi:04d}"
            a = " ".join(r[4] for r in g)
            b = " ".join(r[5] for r in g)
            ra = put(f"texts/msrp/{pid}_a.txt", a + "\n")
            rb = put(f"texts/msrp/{pid}_b.txt", b + "\n")
            ids = ";".join(f"{r[2]}/{r[3]}" for r in g)
            if kind == "pos":
                pairs.append(
                    dict(
                        a=ra,
                        b=rb,
                        expect="reuse",
                        set="reuse",
                        split=split_of("msrp:" + pid),
                        source="msrp",
                        note=f"MSRP Quality=1 x{k}; sentence ids {ids}",
                    )
                )
            else:
                pairs.append(
                    dict(
                        a=ra,
                        b=rb,
                        expect="no-reuse",
                        set="independent-event",
                        split=split_of("msrp:" + pid),
                        source="msrp",
                        note=f"MSRP Quality=0, no shared 4-gram, Jaccard<{MSRP_NEG_MAX_JACCARD} x{len(g)}; sentence ids {ids}",
                    )
                )
    return len(pos_ok), len(neg)


# -------------------------------------------------------------- Mohler -----
def clean_answer(s):
    s = re.sub(r"<br\s*/?>", "\n", s, flags=re.I)  # HTML line breaks are markup
    s = html.unescape(s)
    return "\n".join(x.strip() for x in s.split("\n") if x.strip())


def build_mohler():
    qids = [
        q
        for q in show(MOHLER_GIT, MOHLER_COMMIT, f"{MOHLER_DIR}/docs/files").split()
        if not q.startswith("#")
    ]
    ref = {}
    for line in show(MOHLER_GIT, MOHLER_COMMIT, f"{MOHLER_DIR}/raw/answers").splitlines():
        if line.strip():
            q, _, t = line.partition(" ")
            ref[q] = t
    n = 0
    for q in qids:
        answers = []
        for i, line in enumerate(
            show(MOHLER_GIT, MOHLER_COMMIT, f"{MOHLER_DIR}/raw/{q}").splitlines()
        ):
            pre, _, t = line.partition(" ")
            assert pre == q, (q, line[:20])
            t = clean_answer(t)
            if len(toks(t)) >= MOHLER_MIN_WORDS:
                answers.append((i, t))
        # drop answers that copy >= 6 consecutive words of the instructor answer:
        # students quoting the textbook/instructor wording would make two answers
        # share a common source, i.e. not independent.
        rt = toks(ref.get(q, ""))
        answers = [(i, t) for i, t in answers if not (ngrams(toks(t), 6) & ngrams(rt, 6))]
        # dedupe identical answers
        seen, uniq = set(), []
        for i, t in answers:
            key = " ".join(toks(t))
            if key not in seen:
                seen.add(key)
                uniq.append((i, t))
        made, use = 0, defaultdict(int)
        for x in range(len(uniq)):
            for y in range(x + 1, len(uniq)):
                if made >= MOHLER_PAIRS_PER_Q:
                    break
                (i, ti), (j, tj) = uniq[x], uniq[y]
                if use[i] >= 2 or use[j] >= 2:
                    continue
                if ngrams(toks(ti), NOREUSE_MAX_SHARED_NGRAM) & ngrams(
                    toks(tj), NOREUSE_MAX_SHARED_NGRAM
                ):
                    continue
                ra = put(f"texts/mohler/{q}.{i}.txt", ti + "\n")
                rb = put(f"texts/mohler/{q}.{j}.txt", tj + "\n")
                use[i] += 1
                use[j] += 1
                made += 1
                n += 1
                pairs.append(
                    dict(
                        a=ra,
                        b=rb,
                        expect="no-reuse",
                        set="short-answer",
                        split=split_of("mohler:" + q),
                        source="mohler",
                        note=f"question {q}, student answers {i} and {j}",
                    )
                )
    return n


# ------------------------------------------------------------ WikiText -----
def detok_markers(s):
    # WikiText's @-@ / @,@ / @.@ are tokenisation markup for in-word hyphens and
    # number separators; restore them.  Other spacing is left as the source has it.
    return s.replace(" @-@ ", "-").replace(" @,@ ", ",").replace(" @.@ ", ".")


def wiki_articles():
    arts, cur, sec = [], None, None
    for line in show(WIKI_GIT, WIKI_COMMIT, WIKI_FILE).split("\n"):
        s = line.strip()
        if not s:
            continue
        m = re.fullmatch(r"((?:= )+)(.*?)((?: =)+)", s)  # "= T =", "= = S = =", ...
        if m and m.group(1).count("=") == m.group(3).count("="):
            lvl = m.group(1).count("=")
            if lvl == 1:
                cur = {"title": m.group(2), "paras": []}
                arts.append(cur)
                sec = "(lead)"
            elif lvl == 2:
                sec = m.group(2)
            continue
        if cur is not None:
            cur["paras"].append((sec, detok_markers(s)))
    return arts


def slug(s):
    return re.sub(r"[^A-Za-z0-9]+", "_", s).strip("_")[:50]


def build_wiki():
    arts = wiki_articles()
    n, pool = 0, []
    for art in arts:
        t = slug(art["title"])
        body = [
            (k, sec, p)
            for k, (sec, p) in enumerate(art["paras"])
            if sec != "(lead)" and len(p.split()) >= WIKI_MIN_WORDS
        ]
        used, made = set(), 0
        for x in range(len(body)):
            for y in range(len(body) - 1, x, -1):  # pair early with late sections
                if made >= WIKI_PAIRS_PER_ARTICLE:
                    break
                (i, si, pi), (j, sj, pj) = body[x], body[y]
                if si == sj or i in used or j in used:
                    continue
                if ngrams(toks(pi), 6) & ngrams(toks(pj), 6):
                    continue
                ra = put(f"texts/wikitext/{t}.p{i:03d}.txt", pi + "\n")
                rb = put(f"texts/wikitext/{t}.p{j:03d}.txt", pj + "\n")
                used.update((i, j))
                made += 1
                n += 1
                pairs.append(
                    dict(
                        a=ra,
                        b=rb,
                        expect="no-reuse",
                        set="same-topic",
                        split=split_of("wikitext:" + art["title"]),
                        source="wikitext",
                        note=f"article '{art['title']}': sections '{si}' vs '{sj}'",
                    )
                )
        for k, _sec, p in body:
            if k not in used:
                pool.append((t, k, p))
    return n, pool


def main():
    for d in ("texts", "distractors"):
        shutil.rmtree(os.path.join(OUT, d), ignore_errors=True)
    npos, nneg = build_msrp()
    build_mohler()
    _nw, pool = build_wiki()

    # distractors: unused WikiText body paragraphs, none sharing an 8-gram with any pair text
    pair_ng = set()
    for t in files.values():
        pair_ng |= ngrams(toks(t), 8)
    rng = random.Random(7)
    rng.shuffle(pool)
    dist = []
    for t, k, p in pool:
        if len(dist) >= N_DISTRACTORS:
            break
        if ngrams(toks(p), 8) & pair_ng:
            continue
        dist.append((f"distractors/wikitext_{t}.p{k:03d}.txt", p + "\n"))

    # sanity checks on no-reuse pairs
    for pr in pairs:
        if pr["expect"] == "no-reuse":
            run = longest_shared_run(files[pr["a"]], files[pr["b"]])
            assert run < 6, (pr, run)

    for rel, text in list(files.items()) + dist:
        path = os.path.join(OUT, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    pairs.sort(key=lambda p: (p["set"], p["source"], p["a"], p["b"]))
    with open(os.path.join(OUT, "pairs.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(
            fh,
            fieldnames=["a", "b", "expect", "set", "split", "source", "note"],
            lineterminator="\n",
        )
        w.writeheader()
        w.writerows(pairs)
    cnt = defaultdict(int)
    for p in pairs:
        cnt[(p["set"], p["source"], p["split"])] += 1
    for k in sorted(cnt):
        print(*k, cnt[k])
    print(
        "pairs",
        len(pairs),
        "texts",
        len(files),
        "distractors",
        len(dist),
        "msrp pos/neg pairs available",
        npos,
        nneg,
    )


if __name__ == "__main__":
    main()
