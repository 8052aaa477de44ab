"""Frozen result types shared by every stage: spans, documents, passages, edits, verdicts.

Every offset is a Python ``str`` index into the text exactly as the user gave it (after decoding),
half-open ``[start, end)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

PassageKind = Literal["verbatim", "near-verbatim", "paraphrase", "shared-quotation"]
EditKind = Literal["synonym", "substitution", "reorder", "insertion", "deletion", "punctuation"]
VerdictLabel = Literal[
    "identical",
    "near-duplicate",
    "spun-copy",
    "paraphrased-copy",
    "partial-reuse",
    "same-topic",
    "unrelated",
]
# the labels that say one text reuses the other, and those that say it is a copy as a whole
REUSE_LABELS: frozenset[str] = frozenset(
    {"identical", "near-duplicate", "spun-copy", "paraphrased-copy", "partial-reuse"}
)
COPY_LABELS: frozenset[str] = frozenset(
    {"identical", "near-duplicate", "spun-copy", "paraphrased-copy"}
)
Side = Literal["a", "b"]
Original = Literal["a", "b", "undetermined"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` in an original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A region that is not article text (dateline, syndication marker, disclaimer …)."""

    span: Span
    reason: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence (or clause of a long sentence) of the article body."""

    span: Span
    paragraph: int


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in a text, with where it was found and how it was read."""

    span: Span
    date: str  # ISO 8601, YYYY-MM-DD
    source: str  # e.g. "dateline", "id-line", "body"


@dataclass(frozen=True, slots=True)
class DateClaim:
    """A claim about when a document was published, with where it comes from.

    ``source`` is one of ``html-meta`` (meta tags, JSON-LD, ``<time>``: what the publisher
    declared), ``url`` (a date in the page's address), ``page-text`` (a date found anywhere in
    the page), ``dateline`` / ``id-line`` / ``body`` (in the extracted text), ``field`` (a JSONL
    field) and ``crawl`` (the WARC record's date). ``kind`` is ``published`` or ``not-after``
    (a crawl date bounds the publication date; it is not one). ``confidence`` in [0, 1] says
    how much the source is usually worth, not how sure this one is."""

    date: str  # ISO 8601, YYYY-MM-DD
    source: str
    confidence: float
    detail: str = ""
    kind: Literal["published", "not-after"] = "published"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a document's text came from: the original bytes' identity and the metadata read
    with the text. Offsets always refer to the extracted text (``Document.text``)."""

    format: str  # text, html, warc, jsonl
    sha256: str  # of the original bytes (the file, the WARC payload, the JSONL line)
    size: int  # of the original bytes
    url: str | None = None  # where it was fetched (a WARC record's URL), else its canonical URL
    canonical_url: str | None = None  # the URL the page declares as its own
    title: str | None = None
    author: str | None = None
    site: str | None = None
    language: str | None = None
    encoding: str | None = None
    dates: tuple[DateClaim, ...] = ()
    removed_chars: int = 0  # characters of markup and page furniture left out (HTML)
    replaced_chars: int = 0  # stray NULs in a text, each replaced by U+FFFD


@dataclass(frozen=True, slots=True)
class CharacterEdit:
    """A character changed to evade matching: a look-alike letter from another script
    (``kind`` ``look-alike``: Cyrillic о for Latin o) or an invisible character inside a word
    (``invisible``). Matching reads ``read_as`` (empty: left out) in place of ``text``, the
    characters at ``span`` as given. A meaning-neutral edit, never a substitution."""

    span: Span
    kind: str
    text: str
    read_as: str


@dataclass(frozen=True, slots=True)
class Document:
    """A text as unspin sees it: the user's text plus what the text stage found in it."""

    name: str
    text: str
    sha256: str
    segments: tuple[Segment, ...]
    boilerplate: tuple[Boilerplate, ...]
    dates: tuple[DateMention, ...] = ()
    origin: Origin | None = None
    # characters changed to evade matching (``text.normalize``), in text order
    manipulation: tuple[CharacterEdit, ...] = ()
    # the parts of the text outside the ``Config.max_aligned_chars`` examined (the end of a
    # long text; in a search, what lies around the part of a long source that was
    # examined): read, kept, not examined
    unexamined: tuple[Span, ...] = ()

    @property
    def body_chars(self) -> int:
        """Non-whitespace characters outside boilerplate (the denominator of coverage)."""
        return sum(1 for s in self.segments for c in s.span.of(self.text) if not c.isspace())


@dataclass(frozen=True, slots=True)
class Match:
    """One aligned unit pair (a sentence or clause group in each text) with its evidence."""

    a: Span
    b: Span
    score: float
    lexical: float
    semantic: float | None


@dataclass(frozen=True, slots=True)
class Passage:
    """A maximal run of aligned units, contiguous in both texts."""

    a: Span
    b: Span
    score: float
    kind: PassageKind
    similarity: float  # token-level similarity of the two sides, 0..1
    matches: tuple[Match, ...]


@dataclass(frozen=True, slots=True)
class Edit:
    """One typed difference inside an aligned passage; an insertion has an empty ``a`` span."""

    kind: EditKind
    a: Span
    b: Span
    a_text: str
    b_text: str
    passage: int
    meaning_change: bool = False
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """One observation about which text is the original; ``favours`` names that text."""

    kind: str
    detail: str
    favours: Side | None
    weight: float


@dataclass(frozen=True, slots=True)
class Verdict:
    """The relation between two texts, with coverage and the original-text decision."""

    label: VerdictLabel
    coverage_a: float
    coverage_b: float
    original: Original
    evidence: tuple[Evidence, ...]
    summary: str
    # P(reuse) from the calibrated model (``evidence.ReuseModel.probability``): 1 for identical
    # texts, 0 where no passage but shared quotations (if any) was found
    confidence: float = 0.0
    # passages of shared quotations: shown, not counted as reuse (``Config.count_quotations``)
    quotations: int = 0


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything ``unspin.compare`` found about a pair; what every report renders."""

    a: Document
    b: Document
    passages: tuple[Passage, ...]
    edits: tuple[Edit, ...]
    verdict: Verdict
    timings: dict[str, float] = field(default_factory=dict)
    # the language of each text (``text.language.main_language``: ``en``, ``zh``…, ``und``)
    languages: tuple[str, str] = ("und", "und")


def covered_chars(span: Span, spans: Sequence[Span]) -> int:
    """Characters of ``span`` inside ``spans`` (disjoint, as ``verdict.merge_spans`` gives
    them)."""
    return sum(max(0, min(s.end, span.end) - max(s.start, span.start)) for s in spans)
