"""Write the PAN13 validation split and the CI gate subset (run once; the outputs are committed).

validation: every pair whose suspicious document's sha1 is 0 mod 5 (about 20% of the corpus);
gate: from the validation split, 80 pairs per class drawn with a fixed seed; for the summary
class, 60 pairs with a case and 20 without (few summary pairs hold a case).

Run: .venv/bin/python scripts/make_pan13_splits.py [CORPUS_DIR]
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "benchmarks"


def in_validation(susp: str) -> bool:
    return int(hashlib.sha1(susp.encode()).hexdigest(), 16) % 5 == 0


def read_pairs(path: Path) -> list[tuple[str, str]]:
    return [(a, b) for a, b in (line.split() for line in path.read_text().splitlines() if line)]


def has_case(folder: Path, pair: tuple[str, str]) -> bool:
    truth = folder / f"{pair[0][:-4]}-{pair[1][:-4]}.xml"
    return 'name="plagiarism"' in truth.read_text(encoding="utf-8")


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/pan13-train")
    folders = sorted(d for d in root.iterdir() if d.is_dir() and (d / "pairs").is_file())
    gate: list[tuple[str, str]] = []
    for folder in folders:
        pairs = [p for p in read_pairs(folder / "pairs") if in_validation(p[0])]
        random.Random(13).shuffle(pairs)
        if folder.name.startswith("05"):
            with_case = [p for p in pairs if has_case(folder, p)]
            without = [p for p in pairs if not has_case(folder, p)]
            pairs = with_case[:60] + without[:20]
        gate += sorted(pairs[:80])
    (HERE / "pan13-gate.pairs").write_text("".join(f"{a} {b}\n" for a, b in gate))
    validation = [p for p in read_pairs(root / "pairs") if in_validation(p[0])]
    (HERE / "pan13-validation.pairs").write_text("".join(f"{a} {b}\n" for a, b in validation))
    print(f"gate {len(gate)} pairs, validation {len(validation)} pairs")


if __name__ == "__main__":
    main()
