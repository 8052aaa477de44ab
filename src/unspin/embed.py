"""Sentence embeddings: the bundled int8 all-MiniLM-L6-v2 (ONNX) and a model-free fake for tests.

Run time needs only numpy, onnxruntime and tokenizers; the model files are package data in
``unspin/_model`` (produced once by ``scripts/export_model.py``).
"""

from __future__ import annotations

import hashlib
import os
import threading
import zlib
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import numpy.typing as npt

from .errors import ModelError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

__all__ = ["Embedder", "HashingEmbedder", "OnnxMiniLMEmbedder", "l2_normalise"]

FloatArray = npt.NDArray[np.float32]

MODEL_FILE = "minilm-l6-v2-int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
MODEL_ID_PREFIX = "all-MiniLM-L6-v2-int8-pc:"


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors; identified by ``model_id``."""

    @property
    def model_id(self) -> str:
        """Stable identifier of the model and its weights (indexes store it to spot staleness)."""
        ...

    @property
    def dim(self) -> int:
        """Length of each embedding vector."""
        ...

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """Embed ``texts``: float32 array of shape ``(len(texts), dim)``, rows of unit length."""
        ...


def l2_normalise(x: FloatArray) -> FloatArray:
    """Scale each row to unit length (all-zero rows stay zero)."""
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    result: FloatArray = (x / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)
    return result


def _check_texts(texts: Sequence[str]) -> None:
    """Reject a bare string, which would otherwise be embedded character by character."""
    if isinstance(texts, str):
        raise TypeError("encode() takes a sequence of strings, not a single string")


def _default_model_dir() -> Path:
    """The package-data folder holding the bundled model."""
    return Path(str(files("unspin") / "_model"))


def _sha256_file(path: Path) -> str:
    """Hex sha256 of a file, or ModelError when it cannot be read."""
    h = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError as e:
        raise ModelError(f"cannot read sentence model {path}: {e.strerror or e}") from e
    return h.hexdigest()


def _one_line(e: BaseException) -> str:
    """First non-empty line of an exception's message, for one-line errors."""
    for line in str(e).splitlines():
        if line.strip():
            return line.strip()
    return type(e).__name__


class _Loaded:
    """The tokenizer and ONNX session, created together on first use."""

    __slots__ = ("session", "tokenizer")

    def __init__(self, tokenizer: Tokenizer, session: Any) -> None:
        self.tokenizer = tokenizer
        self.session = session


class OnnxMiniLMEmbedder:
    """all-MiniLM-L6-v2, int8 per-channel ONNX, mean-pooled; construction is free, loading is lazy.

    Texts are tokenised once, sorted by token length (ties by position) and run in fixed batches,
    so the same input list always gives bit-identical output (int8 activation scales depend on the
    batch, so batching must be reproducible).
    """

    dim: int = 384

    def __init__(
        self,
        model_path: str | os.PathLike[str] | None = None,
        tokenizer_path: str | os.PathLike[str] | None = None,
        *,
        threads: int | None = None,
        batch_size: int = 32,
        max_tokens: int = 256,
    ) -> None:
        model_dir = _default_model_dir()
        self._model_path = Path(model_path) if model_path is not None else model_dir / MODEL_FILE
        self._tokenizer_path = (
            Path(tokenizer_path) if tokenizer_path is not None else model_dir / TOKENIZER_FILE
        )
        if threads is None:
            threads = min(2, os.cpu_count() or 1)
        if threads < 1 or batch_size < 1 or max_tokens < 2:
            raise ValueError("threads and batch_size must be >= 1, max_tokens >= 2")
        self.threads = threads
        self.batch_size = batch_size
        self.max_tokens = max_tokens
        self._digest: str | None = None
        self._loaded: _Loaded | None = None
        self._lock = threading.Lock()

    @property
    def model_path(self) -> Path:
        """Path of the ONNX file this embedder uses."""
        return self._model_path

    @property
    def model_id(self) -> str:
        """``all-MiniLM-L6-v2-int8-pc:`` + 12 hex digits of the ONNX file's sha256 (hashed once)."""
        if self._digest is None:
            self._digest = _sha256_file(self._model_path)
        return MODEL_ID_PREFIX + self._digest[:12]

    def load(self) -> None:
        """Load tokenizer and model now (otherwise done on first ``encode``); raises ModelError."""
        self._ensure_loaded()

    def _ensure_loaded(self) -> _Loaded:
        """Create the tokenizer and the inference session once, thread-safely."""
        loaded = self._loaded
        if loaded is not None:
            return loaded
        with self._lock:
            if self._loaded is None:
                self._loaded = self._load()
            return self._loaded

    def _load(self) -> _Loaded:
        """Read the files; any failure becomes a one-line ModelError."""
        from tokenizers import Tokenizer

        for path in (self._model_path, self._tokenizer_path):
            if not path.is_file():
                raise ModelError(f"sentence model file missing: {path} (reinstall unspin)")
        try:
            import onnxruntime as ort  # type: ignore[import-untyped,unused-ignore]
        except ImportError as e:  # pragma: no cover - hard dependency
            raise ModelError(f"onnxruntime is not importable: {_one_line(e)}") from e
        try:
            tokenizer = Tokenizer.from_file(str(self._tokenizer_path))
        except Exception as e:
            raise ModelError(f"cannot load tokenizer {self._tokenizer_path}: {_one_line(e)}") from e
        # The shipped tokenizer.json pads/truncates everything to 128: override both.
        tokenizer.enable_truncation(self.max_tokens)
        tokenizer.no_padding()  # padding is done per batch in _feeds (pad_id 0 = [PAD])
        try:
            data = self._model_path.read_bytes()
        except OSError as e:
            raise ModelError(
                f"cannot read sentence model {self._model_path}: {e.strerror or e}"
            ) from e
        if self._digest is None:
            self._digest = hashlib.sha256(data).hexdigest()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = self.threads
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.log_severity_level = 3
        try:
            session = ort.InferenceSession(
                data, sess_options=opts, providers=["CPUExecutionProvider"]
            )
        except Exception as e:
            raise ModelError(
                f"cannot load sentence model {self._model_path}: {_one_line(e)}"
            ) from e
        names = {i.name for i in session.get_inputs()}
        if not {"input_ids", "attention_mask", "token_type_ids"} <= names:
            raise ModelError(
                f"sentence model {self._model_path} has unexpected inputs {sorted(names)}"
            )
        return _Loaded(tokenizer, session)

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """Embed ``texts`` in input order: float32 ``(len(texts), 384)``, L2-normalised rows."""
        _check_texts(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        loaded = self._ensure_loaded()
        encodings = loaded.tokenizer.encode_batch(list(texts))
        ids = [e.ids for e in encodings]
        types = [e.type_ids for e in encodings]
        order = sorted(range(len(ids)), key=lambda i: (len(ids[i]), i))
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            feeds = _feeds([ids[i] for i in rows], [types[i] for i in rows])
            (hidden,) = loaded.session.run(["last_hidden_state"], feeds)
            out[rows] = _mean_pool(np.asarray(hidden, dtype=np.float32), feeds["attention_mask"])
        return l2_normalise(out)


def _feeds(ids: list[list[int]], types: list[list[int]]) -> dict[str, npt.NDArray[np.int64]]:
    """Right-pad one batch with [PAD]=0 to its longest member: the three int64 model inputs."""
    width = max(len(x) for x in ids)
    input_ids = np.zeros((len(ids), width), dtype=np.int64)
    token_types = np.zeros((len(ids), width), dtype=np.int64)
    mask = np.zeros((len(ids), width), dtype=np.int64)
    for r, (row, trow) in enumerate(zip(ids, types, strict=True)):
        input_ids[r, : len(row)] = row
        token_types[r, : len(trow)] = trow
        mask[r, : len(row)] = 1
    return {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": token_types}


def _mean_pool(hidden: FloatArray, mask: npt.NDArray[np.int64]) -> FloatArray:
    """Average the token vectors that the attention mask marks as real."""
    m = mask.astype(np.float32)
    summed = np.einsum("btd,bt->bd", hidden, m)
    counts = np.maximum(m.sum(axis=1, keepdims=True), 1e-9)
    result: FloatArray = (summed / counts).astype(np.float32, copy=False)
    return result


class HashingEmbedder:
    """Deterministic model-free fake: character-trigram counts hashed into ``dim`` buckets.

    Shares surface form, not meaning; for tests and for injecting into code that needs an Embedder.
    """

    def __init__(self, dim: int = 256) -> None:
        if dim < 1:
            raise ValueError("dim must be >= 1")
        self.dim = dim
        self.model_id = f"hashing-trigram-{dim}"

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """Embed ``texts``: float32 ``(len(texts), dim)``, L2-normalised rows."""
        _check_texts(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for r, text in enumerate(texts):
            s = "  " + " ".join(text.lower().split()) + "  "
            for k in range(len(s) - 2):
                out[r, zlib.crc32(s[k : k + 3].encode("utf-8")) % self.dim] += 1.0
        return l2_normalise(out)
