"""Matches: unit pairs chosen greedily, one to one, seeded by the strongest scores and
extended along the diagonal to the units around them."""

from __future__ import annotations

from ..config import Config
from ..prepared import PreparedText
from .scores import ScoredPairs

# unit matches with, for each matched unit of a (of b), its partner in b (in a)
Seeded = tuple[set[tuple[int, int]], dict[int, int], dict[int, int]]


def _seeded(a: PreparedText, b: PreparedText, scored: ScoredPairs, config: Config) -> Seeded:
    """Greedy one-to-one matches above threshold, then adjacent units (splits and merges)."""
    t = config.match_threshold
    lex = scored.lexical

    def support(i: int, j: int) -> float:
        """How well the diagonal neighbours of (i, j) match: a unit repeated elsewhere in
        the other text is claimed by the copy whose neighbours are copies too."""
        before = lex[i - 1, j - 1] if i > 0 and j > 0 else 0.0
        after = lex[i + 1, j + 1] if i + 1 < lex.shape[0] and j + 1 < lex.shape[1] else 0.0
        return float(max(before, after))

    w = config.context_weight
    seeds = sorted(
        (
            (s + w * support(i, j), i, j)
            for (i, j), s in scored.score.items()
            if s >= t and min(a.unit_weight(i), b.unit_weight(j)) >= config.min_unit_weight
        ),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    used_a: dict[int, int] = {}
    used_b: dict[int, int] = {}
    for _, i, j in seeds:
        if i not in used_a and j not in used_b:
            used_a[i] = j
            used_b[j] = i
    matches = set(used_a.items())
    # a sentence split in two (or two merged into one): the neighbour of a matched unit that
    # shares content with the same partner joins the match
    near = [d for d in range(-config.merge_window, config.merge_window + 1) if d]
    for i, j in sorted(matches):
        for nj in (j + d for d in near):
            if 0 <= nj < len(b) and nj not in used_b and lex[i, nj] >= config.merge_threshold:
                matches.add((i, nj))
                used_b[nj] = i
        for ni in (i + d for d in near):
            if 0 <= ni < len(a) and ni not in used_a and lex[ni, j] >= config.merge_threshold:
                matches.add((ni, j))
                used_a[ni] = j
    return matches, used_a, used_b


def _extended(
    a: PreparedText,
    b: PreparedText,
    scored: ScoredPairs,
    config: Config,
    seeded: Seeded,
    skip: bool,
) -> list[tuple[int, int]]:
    """Extension: the units just before and after a match, in both texts, join it when they
    share enough words; repeated, so a passage grows outward one unit pair at a time. With
    ``skip``, a step may also pass over one unit on one side. ``seeded`` is not modified."""
    lex = scored.lexical
    matches, used_a, used_b = set(seeded[0]), dict(seeded[1]), dict(seeded[2])
    frontier = sorted(matches)
    while frontier:
        grown = []
        for i, j in frontier:
            for di in (-1, 1):
                # the diagonal first; then, with skip, over a unit the copier dropped or added
                steps = [(di, di)] + ([(di, 2 * di), (2 * di, di)] if skip else [])
                for si, sj in steps:
                    ni, nj = i + si, j + sj
                    if not (0 <= ni < len(a) and 0 <= nj < len(b)):
                        continue
                    if ni in used_a or nj in used_b or lex[ni, nj] < config.extend_threshold:
                        continue
                    matches.add((ni, nj))
                    used_a[ni], used_b[nj] = nj, ni
                    grown.append((ni, nj))
                    break
        frontier = grown
    return sorted(matches)


def select_matches(
    a: PreparedText, b: PreparedText, scored: ScoredPairs, config: Config, *, skip: bool = False
) -> list[tuple[int, int]]:
    """Greedy one-to-one matches above threshold, then adjacent units (splits and merges),
    then extension; with ``skip``, extension may also step over one unit on one side."""
    return _extended(a, b, scored, config, _seeded(a, b, scored, config), skip)
