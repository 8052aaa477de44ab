"""One configuration object with every tunable default in one place, in sections by stage
of the pipeline (``STAGES``).

The CLI, the (future) server and the Spark job all read the same ``Config``; nothing else holds
thresholds. Fields are flat (``config.match_threshold``) so that one override names one field
(``with_overrides``); ``STAGES`` says which stage reads each.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Config:
    """Thresholds and limits of the comparison pipeline."""

    # --- input: reading and extracting documents --------------------------------------
    # input: one document's bytes; one web page's bytes (extraction time grows with them); a
    # gzip stream's bytes once expanded (a small .gz can expand without bound: a gzip bomb)
    max_input_bytes: int = 64 * 1024 * 1024
    max_page_bytes: int = 16 * 1024 * 1024
    max_expanded_bytes: int = 1024 * 1024 * 1024
    # a web page with more tags than this is not read (extraction time grows with them)
    max_page_tags: int = 250_000
    # seconds to wait for a process to open a named pipe (FIFO) given as an input for writing
    fifo_wait_s: float = 30.0
    # a line that recurs in this many documents of one site or feed in an index is page
    # furniture (a footer, a disclaimer, a share bar): it is left out of matching
    learned_boilerplate_docs: int = 5

    # --- units: segmentation and the lexical features of units ------------------------
    # segmentation: sentences longer than this many words are split at clause boundaries
    max_unit_words: int = 40
    # a pair's texts are aligned up to this many characters each (cut at the last line break
    # before it); the rest is reported as not examined (Document.unexamined): the memory of
    # a comparison stays bounded, about 1 GB, whatever the texts' length
    max_aligned_chars: int = 2_000_000
    # weights of the lexical channels: content stems, character 4-grams of content words
    lexical_weights: tuple[float, float] = (0.6, 0.4)
    # content stems lose weight as they recur in their own document: weight * df ** -this
    local_rarity: float = 0.25

    # --- matching: unit matches: lexical scores, the sentence model, seeding and extension ---
    # alignment: two texts with more unit pairs than this (about 2,000 units each) are not
    # scored pair by pair: only the pairs sharing a stem that at most candidate_key_units
    # units of each text hold, and the pairs within candidate_reach units of those, are
    # (memory and time then grow with the texts' length, not the product of their lengths)
    max_dense_cells: int = 4_000_000
    candidate_key_units: int = 8
    candidate_reach: int = 2
    # alignment: units with less rarity-weighted content than this never seed a match alone
    # (nor are looked up by a search's semantic round): a few rare words
    min_unit_weight: float = 4.0
    # alignment: a unit pair is a match when its combined score reaches this
    match_threshold: float = 0.40
    # lexical score above which the model is not consulted (the pair is clearly the same content)
    lexical_sure: float = 0.70
    # lexical score below which the model is not consulted (the pair is clearly unrelated)
    lexical_floor: float = 0.25
    # weight of the semantic (embedding) score in the combined score when it is consulted
    semantic_weight: float = 0.6
    # model cosines are rescaled so that semantic_floor → 0 and semantic_top → 1
    semantic_floor: float = 0.60
    semantic_top: float = 0.90
    # candidate units per unit examined with the model
    semantic_candidates: int = 2
    # consult the bundled sentence model (all-MiniLM-L6-v2, ONNX) for unit pairs the words
    # leave undecided; off: words alone (--no-model)
    use_model: bool = True
    # the model is consulted only for pairs whose words found a convincing match but no
    # passage (the words decide the rest); True consults it for every undecided unit pair
    model_everywhere: bool = False
    # a unit within this many units of a match's partner joins the match (a sentence split in
    # two, or two merged into one) when its lexical score with the matched unit reaches this
    merge_window: int = 2
    merge_threshold: float = 0.4
    # weight of a candidate's diagonal neighbours' score when matches are chosen greedily
    context_weight: float = 0.25
    # lexical score at which the units next to a match (in both texts) extend it
    extend_threshold: float = 0.20
    # extension may also step over one unit on one side (a sentence the copier dropped or
    # added); the summary reading is still built from diagonal steps only
    extend_skip: bool = True
    # an unmatched unit just past a passage's end joins it when this share of its content
    # weight is in the other side's end unit (a compressed sentence); 0 turns this off
    edge_containment: float = 0.35

    # --- passages: matches grouped into passages, and the rules that keep a passage ---
    # units (sentences) that may separate two matches of one passage, on each side
    passage_gap: int = 4
    # a passage is kept when its mean match score or its token similarity reaches these
    # (a verdict on one pair; a search keeps weaker evidence: ``for_search``)
    passage_score: float = 0.5
    passage_similarity: float = 0.3
    # a passage that is not summary-shaped needs at least this token similarity whatever
    # its score: a spun or translated copy keeps a fifth of its words, a passage on the same
    # topic by another writer need not
    paraphrase_similarity: float = 0.2
    # passages shorter than this (characters, on either side) are dropped as shared phrases,
    # unless at least short_passage_chars long and keeping short_similarity of the wording
    # (with the usual score): a sentence or two copied and lightly reworded keeps its
    # words in order, two writers sharing a phrase do not share a dozen words around it
    # (as long as min_passage_chars: off, as for a verdict on one pair; a search keeps them)
    min_passage_chars: int = 150
    short_passage_chars: int = 150
    short_similarity: float = 0.6
    # ... or, where the pair has no other passage, lone_short_chars long and keeping
    # lone_short_similarity of the wording (docs/alignment.md row W; as short_similarity:
    # off)
    lone_short_chars: int = 60
    lone_short_similarity: float = 0.6
    # a passage those rules turn down is kept when rescue_matches unit pairs match and the
    # sides share this much rarity-weighted content (0 turns this off), that share being
    # rescue_containment of the smaller side's: a copy with its words shuffled keeps its
    # rare words but not their order; such a passage may be as short as rescue_min_chars
    rescue_weight: float = 15.0
    rescue_matches: int = 3
    rescue_containment: float = 0.5
    rescue_min_chars: int = 100
    # a passage whose b side is this many times longer than its a side is a summary: matches
    # adjacent in a but far apart in b are joined
    summary_ratio: float = 3.0
    # ... but not this many times longer: two or three sentences do not summarise a whole
    # chapter, and such a join is a passage stretched to a stray match far off in b
    summary_max_ratio: float = 20.0
    # summary reading: match clusters grouped when within this many units of each other in a
    # alone (a summary keeps its own order, not b's); when its passages are summary-shaped
    # as a whole, the pair is read as a summary of b
    summary_gap: int = 4
    # ... counting only match clusters this long (characters, each side): a heading is not
    # a part of a summary
    summary_part_chars: int = 50
    # a summary-shaped passage needs at least this many unit matches in the summary reading
    # (the pair as a whole is summary-shaped), and more where it stands alone in an ordinary
    # reading: two sentences on one topic, far apart in b, look like a tiny summary
    summary_matches: int = 2
    summary_matches_alone: int = 3
    # a summary whose matches span at least this share of b's body summarises all of b
    summary_whole: float = 0.4
    # a near-verbatim ordinary passage of at least this many unit matches rules the summary
    # reading out (a copier who pastes does not summarise); one or two verbatim sentences are
    # what an extractive summary keeps
    summary_block_matches: int = 3
    # verbatim pairs: an exact common run of words this long (characters) marks a pair whose
    # reuse is copy-and-paste; its passages are then cut to their exact runs, grouped when
    # the text between two runs is at most verbatim_gap characters on both sides, and
    # passages without such a run are dropped as coincidental shared phrases
    verbatim_run_chars: int = 256
    verbatim_piece_chars: int = 40
    verbatim_gap: int = 40
    # ... when the runs cover this share of the passage (a translated passage can hold one
    # long stretch that came back word for word; a pasted one is nearly all runs)
    verbatim_cover: float = 0.97
    # ... and when such passages make up this share of the pair's passages (characters in a)
    verbatim_share: float = 0.35
    # partial-alignment score (0-100) needed to trim a passage's outer sentences
    trim_alignment: float = 90.0
    # passage kinds by token similarity of the two sides
    verbatim_similarity: float = 0.97
    near_verbatim_similarity: float = 0.80

    # --- verdict: evidence and the pair's verdict -------------------------------------
    # passages of quoted speech shared by both texts count as reuse (off: two reports of
    # one event quote the same speaker; ``evidence.mark_quotations``)
    count_quotations: bool = False
    # a passage is a shared quotation when at least quoted_share of its matched characters is
    # quoted speech on both sides, and on one side at most framing_chars lie outside the
    # quotations (a reporter's own lead-in; a copy reproduces the quotation with the prose
    # around it, and that prose keeps the passage reuse) ...
    quoted_share: float = 0.5
    framing_chars: int = 300
    # ... unless the prose around the quotation is itself shared: at least framing_words
    # words outside the quotations on each side, and at least framing_trigrams of the smaller
    # side's word trigrams found in the other side's (two reporters frame one quotation in
    # their own words; a copy takes the framing with it)
    framing_words: int = 8
    framing_trigrams: float = 0.5
    # two texts fill one template with other facts ("X finished the race in N seconds ...",
    # written twice for two athletes) when their reused passages put at least this many
    # names or numbers in place of others, more than the names and numbers they keep
    template_slots: int = 6
    # a reused pair is a copy when its passages cover at least this share of the shorter text
    copy_coverage: float = 0.50
    # P(reuse) at which a pair with passages is called reuse; None: the shipped model's own
    # (``_model/reuse.json``); 0 calls every pair with a passage reuse (the rules alone)
    reuse_threshold: float | None = None
    # a pair that is not reuse is called same-topic when the texts share at least this many
    # named entities (else unrelated)
    same_topic_entities: int = 3
    # a synonym swap is unnatural when the new word is this much rarer (Zipf frequency), and a
    # copy is machine-spun when it holds at least unnatural_min of them (or spin artefacts)
    unnatural_zipf_drop: float = 1.0
    unnatural_min: int = 3
    # spin artefacts (garbled punctuation, unbalanced quotes) mark the spun side of a pair when
    # its reused passages hold at least spin_artefacts_min of them, at spin_artefacts_ratio
    # times the other side's rate per 1,000 characters (that rate taken as at least
    # spin_artefacts_floor: a clean side has none)
    spin_artefacts_min: int = 2
    spin_artefacts_ratio: float = 3.0
    spin_artefacts_floor: float = 0.1
    # which text is the original: each kind of evidence counts this much for the side it
    # favours (a publication date half as much when either text's dates contradict each
    # other), and a side is the original when it leads by original_margin
    original_weights: tuple[tuple[str, float], ...] = (
        ("spin-artefacts", 2.0),
        ("character-manipulation", 2.0),
        ("entity-consistency", 1.5),
        ("context", 1.5),
        ("publication-date", 1.0),
        ("crawl-date", 1.0),
    )
    original_margin: float = 1.5
    # context evidence: the text within context_units units of the reused passages (at
    # least context_min_units of it on each side), and how much more of the passages' words
    # one side's shares than the other's, as a ratio and a difference, to count
    context_units: int = 8
    context_min_units: int = 3
    context_ratio: float = 2.0
    context_margin: float = 0.1
    # a text covered this much by the passages, while the other is covered less than
    # containment_whole, is reported as perhaps an excerpt (evidence for neither side)
    containment_part: float = 0.9
    containment_whole: float = 0.6
    # how far a publication date is trusted, by where it was found: the crawl's own date (an
    # upper bound), the page's markup, a JSONL date field, the page's address, a dateline
    # at the top of the text, an id-line, anywhere in the body or the page
    date_confidence: tuple[tuple[str, float], ...] = (
        ("crawl", 1.0),
        ("html-meta", 0.9),
        ("field", 0.8),
        ("url", 0.7),
        ("dateline", 0.6),
        ("id-line", 0.5),
        ("body", 0.3),
        ("page-text", 0.3),
    )
    # dates trusted this much or more contradict each other when over a day apart
    trusted_date_confidence: float = 0.5

    # --- search: searching an index: candidates, verification, families, leads --------
    # the weaker evidence a search keeps (``for_search``): each hit is ranked against the
    # others and shown with its passages, where a verdict on one pair stands alone and must
    # not call two pages on one topic reuse (docs/alignment.md rows T, U, W and X: most of
    # the obfuscated sources a search would otherwise miss have only such evidence; with
    # these rules, 10 of PAN13's 1,000 no-plagiarism pairs get a detection, 5 without)
    search_passage_score: float = 0.45
    search_short_passage_chars: int = 80
    search_lone_short_similarity: float = 0.5
    # search: a stretch of at least this many characters of the query inside one source's
    # passage, with no match to that source but matched to another source, is the other
    # source's: the passage is split there (a text stitched from several sources)
    attribution_gap: int = 100
    # search: a cluster of matches that makes no passage is shown as an unconfirmed lead
    # (``align.leads``, ranked below every verified source) when its matched units share
    # this much rarity-weighted content: as much as one unit needs to seed a match alone
    # (``min_unit_weight``), a few rare words; 0 turns leads off
    lead_weight: float = 4.0
    # search: the semantic round's exact lookup holds every stored vector of the index in
    # memory (float32 units, with the float16 rows read to build it: about 2.3 KB per
    # embedded unit at 384 dimensions); past this many MiB it is not loaded and the round is
    # skipped with a warning, so a searching process's memory stays bounded (docs/index.md)
    semantic_memory_mb: int = 2048
    # search: the semantic round's candidates hold a unit (or two adjacent units) at least
    # this close in meaning (cosine) to one of the query's units no hit explains
    semantic_cosine: float = 0.65
    # search: a key held by more documents than this share of the index (and at least
    # common_key_min_docs documents) is a topic word of the corpus: it is not looked up
    common_key_share: float = 0.05
    common_key_min_docs: int = 50
    # search: a query reads its keys' postings rarest first, up to this many documents per
    # query key in all: the keys left out are the commonest, of least weight, and the
    # lookup's cost is bounded by the query's length whatever the size of the index
    postings_per_key: int = 500
    # search: the rounds after the first key the query's units by this many times as many
    # rare words as the index keys a document's (a reworded sentence may have lost its
    # rarest words, and a source unit's few keys are then among the query unit's next)
    search_wide_keys: int = 2
    # search candidates: a document's window counts for a query window when they share at
    # least candidate_min_shared keys (one rare word in common is chance); its value is the
    # shared keys' weight to the power candidate_power (a passage's keys together outweigh
    # as many scattered over the document), and a document scores the sum of its
    # candidate_top_windows best windows (a long document on the topic does not outweigh a
    # short copy)
    candidate_min_shared: int = 2
    candidate_power: float = 2.0
    candidate_top_windows: int = 3
    # search families: a hit is compared with a better one for being a copy of the same text
    # when at least family_overlap of the query characters it explains are explained by the
    # better one too, and is its copy when the two sources' texts there keep at least
    # family_similarity of each other's wording (token similarity, weighted by passage
    # length): mirrors and syndicated copies keep nearly all of it, a spun copy more than
    # half; two pages restating the same facts keep less (PAN13: 0.22-0.38)
    family_overlap: float = 0.5
    family_similarity: float = 0.5

    def date_trust(self, source: str) -> float:
        """How far a date found in ``source`` is trusted (``date_confidence``; a source not
        named there as little as the least trusted)."""
        table = dict(self.date_confidence)
        return table.get(source, min(table.values()))

    def original_weight(self, kind: str) -> float:
        """How much evidence of ``kind`` counts for the original (``original_weights``)."""
        return dict(self.original_weights)[kind]

    def for_search(self) -> Config:
        """This configuration as a search verifies its candidates: with the ``search_``
        fields in place of the ones they name."""
        return replace(
            self,
            passage_score=self.search_passage_score,
            short_passage_chars=self.search_short_passage_chars,
            lone_short_similarity=self.search_lone_short_similarity,
        )

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with some fields replaced; unknown names are a ``ConfigError``."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ConfigError(f"unknown configuration field(s): {', '.join(unknown)}")
        return replace(self, **overrides)


# the fields of each stage of the pipeline, in the order of ``Config``'s sections
STAGES: dict[str, tuple[str, ...]] = {
    "input": (
        "max_input_bytes",
        "max_page_bytes",
        "max_expanded_bytes",
        "max_page_tags",
        "fifo_wait_s",
        "learned_boilerplate_docs",
    ),
    "units": (
        "max_unit_words",
        "max_aligned_chars",
        "lexical_weights",
        "local_rarity",
    ),
    "matching": (
        "max_dense_cells",
        "candidate_key_units",
        "candidate_reach",
        "min_unit_weight",
        "match_threshold",
        "lexical_sure",
        "lexical_floor",
        "semantic_weight",
        "semantic_floor",
        "semantic_top",
        "semantic_candidates",
        "use_model",
        "model_everywhere",
        "merge_window",
        "merge_threshold",
        "context_weight",
        "extend_threshold",
        "extend_skip",
        "edge_containment",
    ),
    "passages": (
        "passage_gap",
        "passage_score",
        "passage_similarity",
        "paraphrase_similarity",
        "min_passage_chars",
        "short_passage_chars",
        "short_similarity",
        "lone_short_chars",
        "lone_short_similarity",
        "rescue_weight",
        "rescue_matches",
        "rescue_containment",
        "rescue_min_chars",
        "summary_ratio",
        "summary_max_ratio",
        "summary_gap",
        "summary_part_chars",
        "summary_matches",
        "summary_matches_alone",
        "summary_whole",
        "summary_block_matches",
        "verbatim_run_chars",
        "verbatim_piece_chars",
        "verbatim_gap",
        "verbatim_cover",
        "verbatim_share",
        "trim_alignment",
        "verbatim_similarity",
        "near_verbatim_similarity",
    ),
    "verdict": (
        "count_quotations",
        "quoted_share",
        "framing_chars",
        "framing_words",
        "framing_trigrams",
        "template_slots",
        "copy_coverage",
        "reuse_threshold",
        "same_topic_entities",
        "unnatural_zipf_drop",
        "unnatural_min",
        "spin_artefacts_min",
        "spin_artefacts_ratio",
        "spin_artefacts_floor",
        "original_weights",
        "original_margin",
        "context_units",
        "context_min_units",
        "context_ratio",
        "context_margin",
        "containment_part",
        "containment_whole",
        "date_confidence",
        "trusted_date_confidence",
    ),
    "search": (
        "search_passage_score",
        "search_short_passage_chars",
        "search_lone_short_similarity",
        "attribution_gap",
        "lead_weight",
        "semantic_memory_mb",
        "semantic_cosine",
        "common_key_share",
        "common_key_min_docs",
        "postings_per_key",
        "search_wide_keys",
        "candidate_min_shared",
        "candidate_power",
        "candidate_top_windows",
        "family_overlap",
        "family_similarity",
    ),
}

DEFAULT_CONFIG = Config()
