"""Search: candidate documents from the anchor keys, each verified by the aligner.

The cut-off is the aligner's, not a score threshold: a candidate is returned only when
``unspin compare`` finds reuse (a verdict in ``REUSE_LABELS``: identical, near-duplicate,
spun-copy, paraphrased-copy or partial-reuse, by the calibrated decision). Documents that
merely share the topic share rare words too and may be candidates, but no passage aligns, or
too little to show reuse, so they are not returned (weaker evidence makes a lead). Hits are
ranked by the characters of the query they explain, then by how closely their passages keep
its wording, then by candidate score; a hit whose source holds the same text as a better
one's follows it as its copy (one page mirrored on several sites is one family). In a text
stitched from several sources, a passage of one hit that only bridges a stretch another hit
has evidence for is split there (``_attributed_hits``).

Below the cut-off, candidates turned down whose matches still share a few rare words with a
part of the query no hit explains come back apart, as unconfirmed leads (``Lead``,
``SearchResult.leads``), ranked after every hit and never given a reuse verdict.
"""

from __future__ import annotations

import functools
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from .._types import (
    COPY_LABELS,
    REUSE_LABELS,
    Comparison,
    Document,
    Origin,
    Passage,
    Span,
    VerdictLabel,
    covered_chars,
)
from ..align import align_prepared, attributed, leads
from ..config import Config
from ..embed import Embedder
from ..errors import VectorBudgetError
from ..pipeline import Comparer
from ..prepared import PreparedText, embed_units, prepare
from ..text import make_document
from ..text.boilerplate import line_hashes
from ..text.document import examined_length
from ..text.normalize import Normalized, normalize_part
from ..text.origin import origin_from_dict
from ..verdict import merge_spans
from .keys import unit_keys, window_ranges, windows_of
from .records import Candidate
from .store import Index
from .vectors import with_pairs


@dataclass(frozen=True, slots=True)
class Hit:
    """One verified source of the query."""

    doc_id: str
    name: str
    candidate_score: float
    comparison: Comparison  # a = the query, b = the indexed document
    # whether the pair alone, by the rules of a verdict on one pair (the index's
    # configuration, as ``unspin compare``), also shows reuse; False: only the weaker
    # evidence a search keeps (``Config.for_search``) found it
    standalone: bool = True
    # the better hit whose source holds the same text as this one's where both explain the
    # query (one page on another site, or a rewrite keeping most of its wording:
    # ``_families``); None: this hit leads its family
    copy_of: str | None = None

    @property
    def reused_chars(self) -> int:
        """Characters of the query inside a reused passage."""
        return _query_chars(self.comparison.passages)

    @property
    def closeness(self) -> float:
        """Characters of the query in reused passages, each weighted by its passage's token
        similarity: of two sources explaining the same characters, the one whose wording
        the query keeps more of is the likelier direct source (the other is often a
        rewrite of it, or a page on the same facts)."""
        return _closeness(self.comparison.passages)


@dataclass(frozen=True, slots=True)
class Lead:
    """A candidate the aligner did not verify whose matches share a few rare words with a
    part of the query no verified hit explains (``align.leads``): a translated or heavily
    reworded source often looks like this, and so does a page on the same topic. It is for
    a reader to check: ranked below every hit, with no reuse verdict."""

    doc_id: str
    name: str
    candidate_score: float
    passages: tuple[Passage, ...]  # the unconfirmed clusters of matches (a = the query)
    comparison: Comparison  # the pair as the aligner saw it: no passage, no reuse verdict

    @property
    def label(self) -> VerdictLabel:
        return self.comparison.verdict.label

    @property
    def chars(self) -> int:
        """Characters of the query inside its passages."""
        return _query_chars(self.passages)

    @property
    def closeness(self) -> float:
        """As ``Hit.closeness``, over its passages."""
        return _closeness(self.passages)


def _query_chars(passages: Sequence[Passage]) -> int:
    """Characters of the query (side a) inside ``passages``, each counted once."""
    return sum(len(s) for s in merge_spans([p.a for p in passages]))


def _closeness(passages: Sequence[Passage]) -> float:
    """Characters of the query in ``passages``, each weighted by its passage's token
    similarity."""
    return sum(len(p.a) * p.similarity for p in passages)


def _matched(hits: Sequence[Hit]) -> list[Span]:
    """The query's characters inside the hits' unit matches, merged (a passage's span also
    covers the units it bridges between two matches: another source's may be there)."""
    return merge_spans([m.a for h in hits for p in h.comparison.passages for m in p.matches])


def _mostly_open(span: Span, covered: Sequence[Span]) -> bool:
    """Whether ``covered`` (merged) covers less than half of ``span``."""
    return covered_chars(span, covered) * 2 < len(span)


@dataclass
class SearchResult:
    hits: list[Hit]
    candidates: int
    timings: dict[str, float] = field(default_factory=dict)
    # unconfirmed leads, best first, ranked below every hit (``Lead``)
    leads: list[Lead] = field(default_factory=list)
    # what the search could not do, one line each (the semantic round skipped, and why)
    warnings: list[str] = field(default_factory=list)


class PreparedCache:
    """Indexed documents already through the text stage, least recently used dropped: a
    long-lived searcher (the server, a batch of queries) prepares a popular source once.
    Safe to share between threads (two may prepare one document at once; one copy is kept)."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self.docs: OrderedDict[str, PreparedText] = OrderedDict()
        self._lock = threading.Lock()

    def get(
        self,
        index: Index,
        doc_id: str,
        comparer: Comparer,
        keys: frozenset[int] = frozenset(),
    ) -> PreparedText:
        """Indexed document ``doc_id`` through the text stage. A document too long to
        examine whole is examined where most of ``keys`` (the query's) are in it
        (``Index.found_part``), so that a long document is searched by its windows."""
        limit = comparer.config.max_aligned_chars
        found = index.found_part(doc_id, keys, limit * 4 // 5) if keys else None
        key = doc_id if found is None else f"{doc_id}@{found[0]}"
        with self._lock:
            hit = self.docs.get(key)
            if hit is not None:
                self.docs.move_to_end(key)
                return hit
        stored = index.get(doc_id)
        part = None
        if found is not None:
            # from the start of the line the part begins in (or a little before it)
            line = stored.text.rfind("\n", max(0, found[0] - limit // 10), found[0])
            start = line + 1 if line >= 0 else found[0]
            part = Span(start, examined_length(stored.text, limit, start))
        # the stored document with its provenance (dates for the verdict) and the lines
        # learned as boilerplate in its site or feed
        prepared = comparer.prepare(
            stored.text,
            stored.name or stored.doc_id,
            origin_from_dict(stored.meta.get("origin")),
            index.recurring(line_hashes(stored.text)),
            part,
        )
        with self._lock:
            self.docs[key] = prepared
            if len(self.docs) > self.size:
                self.docs.popitem(last=False)
        return prepared


@dataclass(frozen=True, slots=True)
class SearchOptions:
    """How far a search looks (``Searcher``).

    - ``top``: at most this many families of hits, and this many leads;
    - ``candidates``: documents verified in the first round (each later round up to half as
      many);
    - ``rounds``: rounds of candidates from the keys: with ``rounds`` ≥ 2, when the first
      round's hits explain part of the query, up to half as many new candidates are verified,
      from the windows no verified passage covers: half the documents that best match one
      such window (``Index.candidates_for(local=0.5)``), the rest the best over all of them.
      A text stitched from many sources has its minor sources crowded out of the first round
      by its major ones. Those rounds key the query's units by ``Config.search_wide_keys``
      times as many rare words as the index keys a document's. Each round runs while the one
      before found a new source: most queries stop after the second;
    - ``semantic``: when the index holds vectors (``Index.embed``) and the comparer a model,
      a last round embeds the query units no verified hit's matches explain, and verifies up
      to half as many candidates again, the documents with a unit close in meaning
      (``Index.semantic_candidates``): a translated or heavily reworded passage can keep no
      rare word the keys would find. Its time is ``timings["semantic"]``;
    - ``with_leads`` (and ``Config.lead_weight`` set): the candidates the aligner did not
      verify but whose matches share a few rare words with a part of the query that no hit
      explains are returned as ``SearchResult.leads``, at most ``top``, below every hit.
    """

    top: int = 5
    candidates: int = 20
    rounds: int = 4
    semantic: bool = True
    with_leads: bool = True


@functools.lru_cache(maxsize=8)
def search_comparer(config: Config) -> Comparer:
    """The comparer that verifies the candidates of an index made with ``config``: its rules
    as a search verifies (``Config.for_search``), made once per configuration in a process,
    so the sentence model and the lexicon load once, not on every query."""
    return Comparer(config.for_search())


@dataclass
class _Query:
    """One query's state through the rounds of ``Searcher.search``."""

    doc: Document
    norm: Normalized
    prepared: PreparedText
    seen: set[str]
    keys: frozenset[int] = frozenset()  # the query's keys, to find its part of a long source
    hits: list[Hit] = field(default_factory=list)
    sources: dict[str, PreparedText] = field(default_factory=dict)
    pending: list[Lead] = field(default_factory=list)
    verified: int = 0
    warnings: list[str] = field(default_factory=list)


class Searcher:
    """Finds the indexed documents a text reuses, each verified by the aligner.

    ``comparer`` (default: ``search_comparer(index.config)``) verifies the candidates; made
    with ``config.for_search()``, it keeps the weaker evidence a ranked search can weigh and
    a verdict on one pair cannot. ``cache`` keeps indexed documents through the text stage
    across queries (a long-lived searcher: the server, a batch of queries). One
    ``Searcher`` may serve several threads at once (``Index`` and ``PreparedCache`` are
    thread-safe).
    """

    def __init__(
        self,
        index: Index,
        comparer: Comparer | None = None,
        options: SearchOptions = SearchOptions(),
        cache: PreparedCache | None = None,
    ) -> None:
        self.index = index
        self.comparer = comparer or search_comparer(index.config)
        self.options = options
        self.cache = cache

    def search(
        self,
        text: str,
        *,
        name: str = "query",
        origin: Origin | None = None,
        exclude: Iterable[str] = (),
    ) -> SearchResult:
        """The indexed documents ``text`` reuses, verified, best first: at most ``top``
        families, each a source followed by the other documents holding its text there
        (``Hit.copy_of``, ``_families``); the documents ``exclude`` names are never
        candidates (a document searched against the index that holds it).
        ``origin``: where the query came from (its dates count in the verdicts). Lines the
        index has learned as boilerplate are left out of matching on both sides."""
        index, comparer, options = self.index, self.comparer, self.options
        cache = self.cache if self.cache is not None else PreparedCache(0)
        clock = time.perf_counter()
        # the query goes through the text stage once, for its keys and for the aligner (its
        # segments are the index's when the comparer segments as the index does)
        norm = normalize_part(text, 0, examined_length(text, comparer.config.max_aligned_chars))
        recurring = index.recurring(line_hashes(text))
        doc = make_document(name, text, index.config, norm, origin, recurring)
        windows = windows_of(unit_keys(doc.segments, norm, index.params), index.params)
        excluded = set(exclude)
        found = index.candidates_for(windows, options.candidates, exclude=excluded)
        gen = time.perf_counter() - clock
        clock = time.perf_counter()
        embedder = comparer.embedder if options.semantic else None
        vectors = embedder is not None and index.has_vectors()
        if not found and not vectors:
            return SearchResult([], 0, {"candidates": gen, "verify": 0.0})
        if comparer.config.max_unit_words == index.config.max_unit_words:
            prepared = prepare(doc, norm, comparer.config)
        else:
            prepared = comparer.prepare(text, name, origin, recurring)
        q = _Query(
            doc, norm, prepared, excluded | {c.doc_id for c in found}, frozenset().union(*windows)
        )
        self._verify(q, found, cache)
        second = self._wide_rounds(q, cache)
        meaning = self._semantic_round(q, embedder, cache) if vectors else 0.0
        hits = self._ranked(q)
        verify_time = time.perf_counter() - clock - second - meaning
        timings = {"candidates": gen + second, "verify": verify_time}
        if vectors:
            timings["semantic"] = meaning
        leads = open_leads(q.pending, q.hits, options.top)
        return SearchResult(hits, q.verified, timings, leads, q.warnings)

    def _verify(self, q: _Query, cands: list[Candidate], cache: PreparedCache) -> int:
        """Align each candidate with the query: a reuse verdict makes a hit, the rest may
        make a lead. Returns how many hits were added."""
        comparer = self.comparer
        before = len(q.hits)
        for cand in cands:
            source = cache.get(self.index, cand.doc_id, comparer, q.keys)
            comparison, alignment = comparer.compare_aligned(q.prepared, source)
            if comparison.verdict.label in REUSE_LABELS:
                q.hits.append(Hit(cand.doc_id, source.doc.name, cand.score, comparison))
                q.sources[cand.doc_id] = source
            elif self.options.with_leads and comparer.config.lead_weight:
                # passages the calibrated decision turned down (too little wording beyond
                # names and topic words) are leads too, never a hit with a reuse verdict
                unconfirmed = [
                    *comparison.passages,
                    *leads(q.prepared, source, alignment, comparer.config),
                ]
                if unconfirmed:
                    lead = Lead(
                        cand.doc_id, source.doc.name, cand.score, tuple(unconfirmed), comparison
                    )
                    q.pending.append(lead)
        q.verified += len(cands)
        return len(q.hits) - before

    def _wide_rounds(self, q: _Query, cache: PreparedCache) -> float:
        """The rounds after the first (``SearchOptions.rounds``), each while the one before
        found a new source; returns the time spent making their candidates."""
        index = self.index
        added = len(q.hits)
        spent = 0.0
        wide_windows: list[set[int]] = []
        wide_ranges: list[tuple[int, int]] = []
        for _ in range(self.options.rounds - 1):
            if not added:
                break
            clock = time.perf_counter()
            if not wide_windows:
                # the further rounds key the query more widely than the index keys a
                # document: a reworded sentence may have lost (or gained) its rarest words,
                # and a source unit's few keys are then among the query unit's next rarest
                wide = replace(
                    index.params,
                    keys_per_unit=index.config.search_wide_keys * index.params.keys_per_unit,
                    numbers_per_unit=index.config.search_wide_keys * index.params.numbers_per_unit,
                )
                wide_units = unit_keys(q.doc.segments, q.norm, wide)
                wide_windows = windows_of(wide_units, wide)
                wide_ranges = window_ranges(wide_units, wide)
            rest = _unexplained(wide_windows, wide_ranges, q.doc, q.hits)
            if not rest or len(rest) == len(wide_windows):
                spent += time.perf_counter() - clock
                break
            # half the best unverified matches of single unexplained windows (a minor
            # source is the closest match of its own passage, however low its score over
            # the whole query), the rest the best over all of them (one reusing several)
            limit = max(1, self.options.candidates // 2)
            more = index.candidates_for(rest, limit, local=0.5, exclude=q.seen)
            spent += time.perf_counter() - clock
            q.seen.update(c.doc_id for c in more)
            added = self._verify(q, more, cache)
        return spent

    def _semantic_round(self, q: _Query, embedder: Embedder | None, cache: PreparedCache) -> float:
        """The round of candidates close in meaning to the units no hit explains
        (``SearchOptions.semantic``); returns the time spent making them."""
        assert embedder is not None
        index = self.index
        clock = time.perf_counter()
        index.check_model(embedder.model_id)  # another model's vectors mean nothing here
        more: list[Candidate] = []
        try:
            index.load_vectors()
            open_units = _unexplained_units(q.prepared, q.hits, self.comparer.config)
        except VectorBudgetError as err:
            q.warnings.append(str(err))
            open_units = []
        if open_units:
            # the query's embeddings are kept in ``prepared``: the aligner reads them again
            embed_units(embedder, [(q.prepared, open_units)])
            asked = with_pairs(q.prepared.embeddings(open_units, embedder), open_units)
            limit = max(1, self.options.candidates // 2)
            more = index.semantic_candidates(
                asked, limit, threshold=index.config.semantic_cosine, exclude=q.seen
            )
        spent = time.perf_counter() - clock
        q.seen.update(c.doc_id for c in more)
        self._verify(q, more, cache)
        return spent

    def _ranked(self, q: _Query) -> list[Hit]:
        """The hits attributed, ranked and gathered into families, each told whether the
        pair alone shows reuse too."""
        index, comparer = self.index, self.comparer
        hits = _attributed_hits(q.hits, q.prepared, q.sources, comparer)
        hits.sort(key=lambda h: (-h.reused_chars, -h.closeness, -h.candidate_score, h.doc_id))
        q.hits = hits
        hits = _families(hits, q.sources, index.config, self.options.top)
        if comparer.config != index.config:  # verified by other rules than a pair verdict's
            hits = [
                _judged_alone(h, q.prepared, q.sources[h.doc_id], index.config, comparer)
                for h in hits
            ]
        return hits


def search(
    index: Index,
    text: str,
    *,
    name: str = "query",
    top: int = 5,
    candidates: int = 20,
    comparer: Comparer | None = None,
    cache: PreparedCache | None = None,
    origin: Origin | None = None,
    rounds: int = 4,
    semantic: bool = True,
    with_leads: bool = True,
    exclude: Iterable[str] = (),
) -> SearchResult:
    """One search of ``index`` (``Searcher.search``, options as ``SearchOptions``)."""
    options = SearchOptions(top, candidates, rounds, semantic, with_leads)
    return Searcher(index, comparer, options, cache).search(
        text, name=name, origin=origin, exclude=exclude
    )


def open_leads(pending: list[Lead], hits: list[Hit], top: int) -> list[Lead]:
    """The best ``top`` of ``pending``, each with only its passages that the hits' matches
    cover less than half of: where a verified source explains the query, a lead adds
    nothing. Ranked as hits are: by the query characters they hold, then by how closely
    they keep its wording, then by candidate score."""
    covered = _matched(hits)
    out = []
    for lead in pending:
        kept = tuple(p for p in lead.passages if _mostly_open(p.a, covered))
        if kept:
            out.append(replace(lead, passages=kept))
    out.sort(key=lambda x: (-x.chars, -x.closeness, -x.candidate_score, x.doc_id))
    return out[:top]


def _judged_alone(
    hit: Hit, query: PreparedText, source: PreparedText, pair: Config, comparer: Comparer
) -> Hit:
    """``hit`` with ``standalone`` set: whether the pair alone, aligned by ``pair`` (the
    index's configuration: a verdict on one pair), has a passage too. Only the hits
    returned are aligned again, and only when the search verified by other rules."""
    embedder = comparer.embedder if pair.use_model else None
    alone = bool(align_prepared(query, source, pair, embedder).passages)
    return hit if alone else replace(hit, standalone=False)


def _families(
    hits: list[Hit], sources: dict[str, PreparedText], pair: Config, top: int
) -> list[Hit]:
    """The best ``top`` families of ``hits`` (sorted best first), each its lead followed by
    its copies (``Hit.copy_of`` set). A corpus often holds one page several times (a
    syndicated article, a mirrored encyclopedia entry): the query's source is then any of
    them, and a reader wants them together, not as rivals ranked apart by a few characters.
    A hit joins the first better lead that explains most of the same query characters
    (``Config.family_overlap``) when the two sources' texts there (at least a passage long) are a
    copy of each other keeping most of its wording (``Config.family_similarity``): that
    is a verdict on one pair of documents, so it is made by ``pair``, the rules of
    ``unspin compare`` (words only: copies keep their words), not by a search's weaker
    evidence. Only hits that overlap a lead are compared, and only their texts there, so
    this costs little beside the verification of the candidates."""
    judge = Comparer(replace(pair, use_model=False))
    leads: list[Hit] = []
    members: dict[str, list[Hit]] = {}
    spans = {h.doc_id: merge_spans([p.a for p in h.comparison.passages]) for h in hits}
    for hit in hits:
        lead = next((x for x in leads if _same_text(hit, x, spans, sources, judge)), None)
        if lead is None:
            if len(leads) < top:
                leads.append(hit)
                members[hit.doc_id] = [hit]
            continue
        members[lead.doc_id].append(replace(hit, copy_of=lead.doc_id))
    return [h for lead in leads for h in members[lead.doc_id]]


def _same_text(
    hit: Hit,
    lead: Hit,
    spans: dict[str, list[Span]],
    sources: dict[str, PreparedText],
    judge: Comparer,
) -> bool:
    """Whether ``hit``'s source holds the same text as ``lead``'s where both explain the
    query (see ``_families``)."""
    both = [
        Span(max(a.start, b.start), min(a.end, b.end))
        for a in spans[hit.doc_id]
        for b in spans[lead.doc_id]
        if a.overlaps(b)
    ]
    shared = sum(len(s) for s in both)  # the spans of each hit are disjoint (merged)
    if not shared or shared < judge.config.family_overlap * hit.reused_chars:
        return False
    a, b = _text_at(lead, both, sources), _text_at(hit, both, sources)
    # a line or two in common (a site's furniture, a heading) is no family, as it is no
    # passage of a verdict on one pair
    if min(len(a), len(b)) < judge.config.min_passage_chars:
        return False
    comparison = judge.compare(a, b, lead.doc_id, hit.doc_id)
    if comparison.verdict.label not in COPY_LABELS:
        return False
    chars = sum(len(p.a) for p in comparison.passages)
    kept = sum(len(p.a) * p.similarity for p in comparison.passages)
    return kept >= judge.config.family_similarity * chars


def _text_at(hit: Hit, region: list[Span], sources: dict[str, PreparedText]) -> str:
    """The source's text that ``hit``'s matches align with ``region`` of the query: in each
    passage, from the first such match to the last, in the source."""
    text = sources[hit.doc_id].doc.text
    parts = []
    for p in hit.comparison.passages:
        inside = [m.b for m in p.matches if covered_chars(m.a, region)]
        if inside:
            parts.append(text[min(s.start for s in inside) : max(s.end for s in inside)])
    return "\n\n".join(parts)


def _unexplained(
    windows: list[set[int]], ranges: list[tuple[int, int]], doc: Document, hits: list[Hit]
) -> list[set[int]]:
    """The keys of the query windows that verified passages cover less than half of."""
    covered = merge_spans([p.a for h in hits for p in h.comparison.passages])
    rest = []
    for keys, (start, end) in zip(windows, ranges, strict=True):
        window = Span(doc.segments[start].span.start, doc.segments[end - 1].span.end)
        if _mostly_open(window, covered):
            rest.append(keys)
    return rest


def _unexplained_units(query: PreparedText, hits: list[Hit], config: Config) -> list[int]:
    """The query's units with content (``Config.min_unit_weight``) that the verified hits'
    matches cover less than half of (a passage's span also covers the units it bridges
    between two matches: another source's may be there, ``_attributed_hits``)."""
    covered = _matched(hits)
    return [
        i
        for i, segment in enumerate(query.doc.segments)
        if query.unit_weight(i) >= config.min_unit_weight and _mostly_open(segment.span, covered)
    ]


def _attributed_hits(
    hits: list[Hit], query: PreparedText, sources: dict[str, PreparedText], comparer: Comparer
) -> list[Hit]:
    """The hits with each passage split where another hit's matches explain a stretch it
    only bridges (``align.attributed``): in a text stitched from several sources, each part
    is credited to the source that has evidence there. A hit left with no reused passage is
    dropped."""
    if len(hits) < 2:
        return hits
    evidence = [_matched([h]) for h in hits]
    out = []
    for k, hit in enumerate(hits):
        others = merge_spans([s for x, spans in enumerate(evidence) if x != k for s in spans])
        source = sources[hit.doc_id]
        passages = attributed(query, source, hit.comparison.passages, others, comparer.config)
        if passages == list(hit.comparison.passages):
            out.append(hit)
            continue
        comparison = comparer.explain(query, source, passages)
        if comparison.verdict.label in REUSE_LABELS:
            out.append(replace(hit, comparison=comparison))
    return out
