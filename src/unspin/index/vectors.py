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
a unit, or two adjacent units, whose meaning is close (cosine ``SEMANTIC_COSINE``): those
become candidates, verified by the aligner like the others.

The lookup is exact (a matrix product over every stored vector, in chunks), so results are
reproducible and a removed document can never come back. Its cost grows with the vectors
stored: docs/index.md states it; an approximate index (hnswlib, faiss) saved beside the
database is the way past a few million units.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np
import numpy.typing as npt

from ..config import Config
from ..text import make_document

# a query unit (or pair of adjacent units) and an indexed one this close by the model's
# cosine make the indexed document a candidate (PAN13 train, simulated: 0.65 made
# candidates of 10 of the 14 sources the keys missed, at most 6.7 more candidates per
# query; 0.70: 9, 3.3; 0.60: 11, 13.3); the aligner then decides, as for every candidate
SEMANTIC_COSINE = 0.65
# stored precision: float16 halves the bytes of float32 and moves a cosine by < 0.001
DTYPE = np.float16
# cosines computed at a time (query vectors × stored vectors): bounds the score matrix
# (64 MB of float32) whatever the index's size
CHUNK_CELLS = 1 << 24

FloatArray = npt.NDArray[np.float32]


def lookup_bytes(units: int, docs: int, dim: int) -> int:
    """Memory ``VectorMatrix`` takes for ``units`` stored vectors of ``docs`` documents: one
    float32 row and one document id per unit and per pair of adjacent units, plus the
    float16 blobs read to build it."""
    rows = max(0, 2 * units - docs)
    return rows * (4 * dim + 8) + units * 2 * dim


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
    pairs = vectors[left] + vectors[[k + 1 for k in left]]
    pairs /= np.maximum(np.linalg.norm(pairs, axis=1, keepdims=True), 1e-12)
    return np.vstack([vectors, pairs]).astype(np.float32, copy=False)


class VectorMatrix:
    """Every stored vector (units and adjacent pairs) of an index in one float32 matrix,
    with the document row id of each; built once per index state (``generation``).

    Written here rather than taken from an ANN library: an exact product needs no second
    file kept in step with the database, its results are reproducible, and a removed
    document is gone from the next search. At PAN13's size (249k vectors, 382 MB) it costs
    about 0.2 s for a query's 100 vectors; past a few million units a graph index (hnswlib,
    faiss) is the way (docs/index.md, "Not built yet")."""

    def __init__(self, generation: int, dim: int, rows: Sequence[tuple[int, bytes]]) -> None:
        self.generation = generation
        self.dim = dim
        # filled in place, so that building takes no more memory than the result
        # (``lookup_bytes``): a document's units and pairs at a time
        sizes = [2 * (len(blob) // (2 * dim)) - 1 if dim and blob else 0 for _, blob in rows]
        total = sum(max(0, n) for n in sizes)
        self.matrix: FloatArray = np.zeros((total, dim), dtype=np.float32)
        self.docs: npt.NDArray[np.int64] = np.zeros(total, dtype=np.int64)
        at = 0
        for (doc, blob), size in zip(rows, sizes, strict=True):
            if size <= 0:
                continue
            vectors = with_pairs(unpack(blob, dim))
            self.matrix[at : at + size] = vectors
            self.docs[at : at + size] = doc
            at += size

    def __len__(self) -> int:
        return len(self.docs)

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
        step = max(1, CHUNK_CELLS // len(queries))
        top = np.full(len(queries), -1.0, dtype=np.float32)
        top_doc = np.full(len(queries), -1, dtype=np.int64)
        skipped = np.fromiter(skip, dtype=np.int64, count=len(skip))
        hit_rows: list[npt.NDArray[np.int64]] = []
        hit_docs: list[npt.NDArray[np.int64]] = []
        hit_cos: list[FloatArray] = []
        for start in range(0, len(self), step):
            docs = self.docs[start : start + step]
            scores = queries @ self.matrix[start : start + step].T
            if len(skipped):
                scores[:, np.isin(docs, skipped)] = -2.0
            rows, cols = np.nonzero(scores >= threshold)
            hit_rows.append(rows)
            hit_docs.append(docs[cols])
            hit_cos.append(scores[rows, cols])
            arg = scores.argmax(axis=1)
            value = scores[np.arange(len(queries)), arg]
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
