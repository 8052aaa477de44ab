"""The semantic candidate channel: sentence embeddings of the indexed documents' units.

The anchor keys find a source by the rare words a passage keeps. A passage sent through a
chain of machine translators, or heavily reworded, can keep none that the index keys, and
its source is then never a candidate (PAN13 train: 14 of the 2,000 sources of the
translation and random-obfuscation classes, each aligned when the pair is compared, were
never among a search's candidates; with this round, 3). The bundled sentence model reads
through that: each indexed unit (sentence) is embedded once, in a pass of its own
(``unspin index embed``: resumable, slower than adding), and stored in the index beside
the document, so a removal deletes its vectors in the same transaction. A search embeds
the query units that no verified hit's matches explain and asks for the documents holding
a unit, or two adjacent units, whose meaning is close (cosine ``Config.semantic_cosine``): those
become candidates, verified by the aligner like the others.

The lookup is exact (a matrix product over every stored vector, in chunks), so results are
reproducible and a removed document can never come back. Its cost grows with the vectors
stored: docs/index.md states it. Its memory is bounded by ``Config.semantic_memory_mb``
(about 927,000 units by default; past it the round is skipped with a warning); an index
kept on disk (faiss IVF-PQ, say) is the way past that.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np
import numpy.typing as npt

from ..config import Config
from ..text import make_document

# stored precision: float16 halves the bytes of float32 and moves a cosine by < 0.001
DTYPE = np.float16
# cosines computed at a time (query vectors × stored vectors): bounds the score matrix
# (64 MB of float32) whatever the index's size
CHUNK_CELLS = 1 << 24

# two opposite units sum to (nearly) nothing: their pair is the zero vector, close to nothing
OPPOSITE = 1e-6

FloatArray = npt.NDArray[np.float32]


def lookup_bytes(units: int, docs: int, dim: int) -> int:
    """Memory ``VectorMatrix`` takes for ``units`` stored vectors of ``docs`` documents: one
    float32 row, a document id and a pair's inverse norm per unit, a document's end, plus the
    float16 blobs read to build it."""
    return units * (4 * dim + 8 + 4) + docs * 8 + units * 2 * dim


def pack(vectors: FloatArray) -> bytes:
    """A document's unit vectors as stored (float16, row after row)."""
    return np.ascontiguousarray(vectors, dtype=DTYPE).tobytes()


def unpack(blob: bytes, dim: int) -> FloatArray:
    """The inverse of ``pack``: an ``(n, dim)`` float32 array."""
    return np.frombuffer(blob, dtype=DTYPE).reshape(-1, dim).astype(np.float32)


def unit_texts(text: str, config: Config) -> list[str]:
    """The units (sentences) of ``text`` as the text stage cuts them for a search."""
    return [s.span.of(text) for s in make_document("", text, config).segments]


def with_pairs(vectors: FloatArray, positions: Sequence[int] | None = None) -> FloatArray:
    """``vectors`` of units followed by a vector for each pair of adjacent units: the
    normalised sum, close to the embedding of the two sentences read together (a sentence
    split in two, or two merged into one, matches its counterpart through a pair).
    ``positions``: the units' positions in their text (default: consecutive); only units
    next to each other there make a pair."""
    at = list(range(len(vectors))) if positions is None else list(positions)
    left = [k for k in range(len(at) - 1) if at[k + 1] == at[k] + 1]
    if not left:
        return vectors
    sums = vectors[left] + vectors[[k + 1 for k in left]]
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    pairs = np.divide(sums, norms, out=np.zeros_like(sums), where=norms > OPPOSITE)
    return np.vstack([vectors, pairs]).astype(np.float32, copy=False)


def _inverse_norms(sums: FloatArray) -> FloatArray:
    """1 / the length of each row of ``sums`` (pairs of unit vectors added), 0 where that is
    at most ``OPPOSITE``: the pair is the zero vector, as ``with_pairs`` makes it."""
    norms = np.linalg.norm(sums, axis=1)
    inverse: FloatArray = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > OPPOSITE)
    return inverse


class VectorMatrix:
    """Every stored unit vector of an index in one float32 matrix, with the document row id
    of each; built once per index state (``generation``). A pair of adjacent units is
    looked up without a row of its own: its vector is the normalised sum of the two
    (``with_pairs``), so its cosine with a query vector is the sum of theirs divided by the
    length of that sum (kept per row, for the pair it starts): the cosines rows for pairs
    would give, in about half the memory and half the product.

    Written here rather than taken from an ANN library: an exact product needs no second
    file kept in step with the database, its results are reproducible, and a removed
    document is gone from the next search. At PAN13's size (126k units, 190 MB) it costs
    about 0.15 s for a query's 100 vectors; its memory is bounded by
    ``Config.semantic_memory_mb`` (the index counts ``lookup_bytes`` before building it),
    and past that an index kept on disk is the way (docs/index.md, "Not built yet")."""

    def __init__(self, generation: int, dim: int, rows: Sequence[tuple[int, bytes]]) -> None:
        self.generation = generation
        self.dim = dim
        # filled in place, so that building takes no more memory than the result
        # (``lookup_bytes``): a document's units at a time
        sizes = [len(blob) // (2 * dim) if dim else 0 for _, blob in rows]
        total = sum(sizes)
        self.matrix: FloatArray = np.zeros((total, dim), dtype=np.float32)
        self.docs: npt.NDArray[np.int64] = np.zeros(total, dtype=np.int64)
        # per row, 1 / the length of its sum with the next row (0 where the next row is
        # another document's), and the rows that end a document (they start no pair)
        self.pair_inv: FloatArray = np.zeros(total, dtype=np.float32)
        self.lasts: npt.NDArray[np.int64] = np.zeros(sum(1 for n in sizes if n), np.int64)
        at = ended = 0
        for (doc, blob), size in zip(rows, sizes, strict=True):
            if not size:
                continue
            units = self.matrix[at : at + size]
            units[:] = unpack(blob, dim)
            self.docs[at : at + size] = doc
            self.pair_inv[at : at + size - 1] = _inverse_norms(units[:-1] + units[1:])
            at += size
            self.lasts[ended] = at - 1
            ended += 1

    def __len__(self) -> int:
        """Vectors looked up: units and pairs of adjacent units."""
        return 2 * len(self.docs) - len(self.lasts)

    def nearest(
        self, queries: FloatArray, threshold: float, skip: Collection[int] = ()
    ) -> tuple[dict[int, float], dict[int, float], dict[int, int]]:
        """For the query vectors (one text's units and pairs): ``(best, local, found)``:
        each document with a vector at cosine ``threshold`` or more from one of them, and
        its best cosine; ``local``: the documents that are the closest match of some query
        vector, with that cosine (a minor source is the nearest of its own passage);
        ``found``: how many query vectors each document of ``best`` is that close to.
        The documents in ``skip`` (row ids) are left out, of ``local`` too: a query
        vector's closest match is then the closest of the others."""
        if not len(self) or not len(queries):
            return {}, {}, {}
        # unit rows at a time; their pairs add as many scores again
        step = max(1, CHUNK_CELLS // (2 * len(queries)))
        units = len(self.docs)
        top = np.full(len(queries), -1.0, dtype=np.float32)
        top_doc = np.full(len(queries), -1, dtype=np.int64)
        skipped = np.fromiter(skip, dtype=np.int64, count=len(skip))
        hit_rows: list[npt.NDArray[np.int64]] = []
        hit_docs: list[npt.NDArray[np.int64]] = []
        hit_cos: list[FloatArray] = []
        for start in range(0, units, step):
            end = min(units, start + step)
            # one row more: the pair starting on the chunk's last row ends on it
            scores = queries @ self.matrix[start : min(units, end + 1)].T
            width = scores.shape[1]
            # a pair's cosine from its two units': the sum of two shifted views, no gathering
            pairs = (scores[:, :-1] + scores[:, 1:]) * self.pair_inv[start : start + width - 1]
            lo, hi = np.searchsorted(self.lasts, [start, start + width - 1])
            pairs[:, self.lasts[lo:hi] - start] = -2.0
            owners = self.docs[start : start + width]
            held = np.isin(owners, skipped) if len(skipped) else None
            for block, docs in (
                (scores[:, : end - start], owners[: end - start]),
                (pairs, owners[: width - 1]),
            ):
                if not block.shape[1]:
                    continue
                if held is not None:
                    block[:, held[: block.shape[1]]] = -2.0
                rows, cols = np.nonzero(block >= threshold)
                hit_rows.append(rows)
                hit_docs.append(docs[cols])
                hit_cos.append(block[rows, cols])
                arg = block.argmax(axis=1)
                value = block[np.arange(len(queries)), arg]
                better = value > top
                top[better] = value[better]
                top_doc[better] = docs[arg[better]]
        rows, docs, cos = (
            np.concatenate(hit_rows),
            np.concatenate(hit_docs),
            np.concatenate(hit_cos),
        )
        ids, inverse = np.unique(docs, return_inverse=True)
        best_cos = np.full(len(ids), -2.0, dtype=np.float32)
        np.maximum.at(best_cos, inverse, cos)
        # query vectors close to each document: distinct (document, query vector) pairs
        pairs = np.unique(inverse.astype(np.int64) * len(queries) + rows)
        found = np.bincount(pairs // len(queries), minlength=len(ids))
        best = dict(zip(ids.tolist(), best_cos.tolist(), strict=True))
        local: dict[int, float] = {}
        for doc, value in zip(top_doc.tolist(), top.tolist(), strict=True):
            if value >= threshold and value > local.get(doc, -1.0):
                local[doc] = value
        return best, local, dict(zip(ids.tolist(), found.tolist(), strict=True))
