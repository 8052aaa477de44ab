"""The pipeline of one pair: text stage → alignment → edits → verdict, with stage timings.

``Comparer`` holds what is expensive to load (the sentence model, WordNet) so a long-lived
process (the CLI's batch modes, the server, a Spark executor) loads it once; ``compare`` is the
one-call API over a shared default ``Comparer``.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from ._types import Comparison, Origin, Passage, Span
from .align import AlignmentResult, align_prepared
from .config import DEFAULT_CONFIG, Config
from .diff import EditTyper, passage_edits
from .embed import Embedder, OnnxMiniLMEmbedder
from .evidence import mark_quotations
from .lexicon import Lexicon
from .prepared import PreparedText, prepare
from .text import make_document
from .text.document import examined_length
from .text.normalize import normalize_part
from .text.sources import ReadOptions, read_one
from .verdict import decide


class Comparer:
    """Compares pairs of texts; owns the model and lexicon (injected for tests)."""

    def __init__(
        self,
        config: Config = DEFAULT_CONFIG,
        embedder: Embedder | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        self.config = config
        self._embedder = embedder
        self._embedder_lock = threading.Lock()  # threads sharing a comparer load one model
        self.typer = EditTyper(lexicon)

    @property
    def embedder(self) -> Embedder | None:
        """The sentence model, created on first use unless the config turns it off."""
        if not self.config.use_model:
            return None
        if self._embedder is None:
            with self._embedder_lock:
                if self._embedder is None:
                    self._embedder = OnnxMiniLMEmbedder()
        return self._embedder

    def prepare(
        self,
        text: str,
        name: str,
        origin: Origin | None = None,
        recurring: frozenset[int] = frozenset(),
        part: Span | None = None,
    ) -> PreparedText:
        """``text`` through the text stage. A text longer than ``Config.max_aligned_chars``
        is examined up to a line break before it, or over ``part`` where given (the part of
        a long source a search found the query in, at most that long)."""
        if part is None:
            part = Span(0, examined_length(text, self.config.max_aligned_chars))
        norm = normalize_part(text, part.start, part.end)
        doc = make_document(name, text, self.config, norm, origin, recurring)
        return prepare(doc, norm, self.config)

    def compare_prepared(self, a: PreparedText, b: PreparedText) -> Comparison:
        return self.compare_aligned(a, b)[0]

    def compare_aligned(
        self, a: PreparedText, b: PreparedText
    ) -> tuple[Comparison, AlignmentResult]:
        """The comparison of two prepared texts, with the aligner's evidence behind it (its
        matches, also those that made no passage: a search's leads, ``align.leads``)."""
        timings: dict[str, float] = {}
        start = time.perf_counter()
        result = align_prepared(a, b, self.config, self.embedder)
        timings["align"] = time.perf_counter() - start
        return self.explain(a, b, result.passages, timings), result

    def explain(
        self,
        a: PreparedText,
        b: PreparedText,
        passages: Sequence[Passage],
        timings: dict[str, float] | None = None,
    ) -> Comparison:
        """The comparison of ``a`` and ``b`` made of ``passages`` (found by the aligner,
        perhaps refined since): their typed edits and the verdict."""
        timings = {} if timings is None else timings
        start = time.perf_counter()
        passages = mark_quotations(a, b, passages, self.config)
        edits = passage_edits(self.typer, a, b, passages)
        timings["edits"] = time.perf_counter() - start
        start = time.perf_counter()
        verdict = decide(a, b, passages, edits, self.config)
        timings["verdict"] = time.perf_counter() - start
        return Comparison(
            a.doc,
            b.doc,
            tuple(passages),
            tuple(edits),
            verdict,
            timings,
            (a.language(), b.language()),
        )

    def compare(
        self,
        a: str,
        b: str,
        a_name: str = "a",
        b_name: str = "b",
        a_origin: Origin | None = None,
        b_origin: Origin | None = None,
    ) -> Comparison:
        """Compare two texts given as strings (``*_origin``: where each came from)."""
        start = time.perf_counter()
        pa, pb = self.prepare(a, a_name, a_origin), self.prepare(b, b_name, b_origin)
        text_time = time.perf_counter() - start
        result = self.compare_prepared(pa, pb)
        result.timings["text"] = text_time
        result.timings["total"] = sum(result.timings.values())
        return result

    def compare_files(self, a: str | Path, b: str | Path) -> Comparison:
        """Read and compare two inputs (``-`` is stdin for one of them): texts, web pages, or
        a WARC / JSONL file holding one document; each is extracted as ``unspin extract``
        shows it."""
        options = ReadOptions(config=self.config)
        ea, eb = read_one(str(a), options), read_one(str(b), options)
        return self.compare(ea.text, eb.text, ea.name, eb.name, ea.origin, eb.origin)


@functools.cache
def default_comparer() -> Comparer:
    """The process-wide ``Comparer`` with default settings (model loaded on first use)."""
    return Comparer()


def compare(
    a: str, b: str, *, a_name: str = "a", b_name: str = "b", config: Config | None = None
) -> Comparison:
    """Compare two texts: passages, typed edits, verdict. The CLI renders exactly this."""
    comparer = default_comparer() if config is None else Comparer(config)
    return comparer.compare(a, b, a_name, b_name)
