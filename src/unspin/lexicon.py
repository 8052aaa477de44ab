"""WordNet lookups for edit typing: are two words synonyms, antonyms, or neither?

Reads the WordNet 3.0 database files that Debian's ``wordnet-base`` package installs in
``/usr/share/wordnet`` (``UNSPIN_WORDNET_DIR`` overrides). A small reader is written here
because nltk's reader only opens its own allow-listed ``nltk_data`` folders and needs a
``lexnames`` file Debian does not ship; the format is simple (a synset offset is a byte offset in
``data.POS``), so the reader stays short. Without the files the lexicon reports itself
unavailable and substitutions are typed without it.
"""

from __future__ import annotations

import functools
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

DEFAULT_WORDNET_DIR = "/usr/share/wordnet"
_POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
_RULES = {
    "n": [
        ("s", ""),
        ("ses", "s"),
        ("xes", "x"),
        ("zes", "z"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
        ("ies", "y"),
    ],
    "v": [
        ("s", ""),
        ("ies", "y"),
        ("es", "e"),
        ("es", ""),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
    ],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}
# pointers that make two synsets close enough to count a swap between them as a synonym
_NEAR = frozenset({"@", "@i", "~", "~i", "&", "$", "^", "+", "\\", "="})
# pointers through whose target two synsets count as siblings (satellites of one adjective head)
_SIBLING = frozenset({"&"})


@dataclass(frozen=True, slots=True)
class _Synset:
    words: tuple[str, ...]
    pointers: tuple[tuple[str, int, str, int, int], ...]  # symbol, offset, pos, src, dst


def _line_at(fd: int, offset: int) -> bytes:
    """The line of a file that starts at ``offset``, read with ``pread``: it neither uses nor
    moves the file's offset, which a process forked after the file was opened shares with
    its parent (a seek and a read there raced with the other's, and read half lines)."""
    chunks: list[bytes] = []
    size = 4096
    while True:
        chunk = os.pread(fd, size, offset)
        end = chunk.find(b"\n")
        if end >= 0 or not chunk:
            chunks.append(chunk if end < 0 else chunk[:end])
            return b"".join(chunks)
        chunks.append(chunk)
        offset += len(chunk)


@dataclass
class Lexicon:
    """Lazy WordNet reader; loads the index on first use and caches synsets it reads."""

    root: Path = field(
        default_factory=lambda: Path(os.environ.get("UNSPIN_WORDNET_DIR", DEFAULT_WORDNET_DIR))
    )
    _index: dict[str, dict[str, tuple[int, ...]]] | None = None
    _exceptions: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    _files: dict[str, IO[bytes]] = field(default_factory=dict)
    _synsets: dict[tuple[str, int], _Synset] = field(default_factory=dict)
    # one reader may serve several threads (a server's): loading and the data files' seek
    # and read are done under this lock
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def available(self) -> bool:
        return all((self.root / f"data.{name}").is_file() for name in _POS_FILES.values())

    def _load(self) -> dict[str, dict[str, tuple[int, ...]]]:
        if self._index is not None:
            return self._index
        with self._lock:
            if self._index is None:
                self._index = self._read_index()
            return self._index

    def _read_index(self) -> dict[str, dict[str, tuple[int, ...]]]:
        index: dict[str, dict[str, tuple[int, ...]]] = {}
        if self.available:
            for pos, name in _POS_FILES.items():
                table: dict[str, tuple[int, ...]] = {}
                with open(self.root / f"index.{name}", encoding="utf-8", errors="replace") as fh:
                    for line in fh:
                        if line.startswith(" "):
                            continue
                        parts = line.split()
                        n_synsets, n_ptrs = int(parts[2]), int(parts[3])
                        offsets = parts[6 + n_ptrs : 6 + n_ptrs + n_synsets]
                        table[parts[0]] = tuple(int(o) for o in offsets)
                index[pos] = table
                exc: dict[str, tuple[str, ...]] = {}
                exc_path = self.root / f"{name}.exc"
                if exc_path.is_file():
                    with open(exc_path, encoding="utf-8", errors="replace") as fh:
                        for line in fh:
                            parts = line.split()
                            if len(parts) >= 2:
                                exc[parts[0]] = tuple(parts[1:])
                self._exceptions[pos] = exc
        return index

    def lemmas(self, word: str) -> list[tuple[str, str]]:
        """``(lemma, pos)`` base forms of ``word`` found in WordNet (morphy's rules)."""
        index = self._load()
        w = word.lower().replace(" ", "_")
        out: list[tuple[str, str]] = []
        for pos, table in index.items():
            forms = {w, *self._exceptions.get(pos, {}).get(w, ())}
            for suffix, repl in _RULES[pos]:
                if w.endswith(suffix) and len(w) > len(suffix):
                    forms.add(w[: -len(suffix)] + repl)
            out.extend((f, pos) for f in sorted(forms) if f in table)
        return out

    def _synset(self, pos: str, offset: int) -> _Synset:
        key = (pos, offset)
        cached = self._synsets.get(key)
        if cached is not None:
            return cached
        with self._lock:
            fh = self._files.get(pos)
            if fh is None:
                fh = self._files[pos] = open(self.root / f"data.{_POS_FILES[pos]}", "rb")  # noqa: SIM115
        line = _line_at(fh.fileno(), offset)
        parts = line.decode("utf-8", "replace").split(" | ")[0].split()
        n_words = int(parts[3], 16)
        words = tuple(parts[4 + 2 * k].lower() for k in range(n_words))
        k = 4 + 2 * n_words
        n_ptrs = int(parts[k])
        pointers = []
        for p in range(n_ptrs):
            sym, off, ppos, st = parts[k + 1 + 4 * p : k + 5 + 4 * p]
            pointers.append(
                (sym, int(off), "a" if ppos == "s" else ppos, int(st[:2], 16), int(st[2:], 16))
            )
        synset = _Synset(words, tuple(pointers))
        self._synsets[key] = synset
        return synset

    def _synsets_of(self, word: str) -> dict[tuple[str, int], str]:
        index = self._load()
        return {(pos, off): lemma for lemma, pos in self.lemmas(word) for off in index[pos][lemma]}

    def synonyms(self, word: str) -> list[str]:
        """The other one-word lemmas of ``word``'s senses (for each part of speech, its
        senses in WordNet's order, the most frequent first), without repeats."""
        found: list[str] = []
        own = {lemma for lemma, _ in self.lemmas(word)}
        for key in self._synsets_of(word):
            for w in self._synset(*key).words:
                if "_" not in w and w.isalpha() and w not in own and w not in found:
                    found.append(w)
        return found

    def same_lemma(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` are inflections of one word (says/said, talks/talk)."""
        return bool({lem for lem, _ in self.lemmas(a)} & {lem for lem, _ in self.lemmas(b)})

    def are_synonyms(self, a: str, b: str) -> bool:
        """Whether the two words share a sense or have senses one WordNet link apart."""
        sa, sb = self._synsets_of(a), self._synsets_of(b)
        if not sa or not sb:
            return False
        if sa.keys() & sb.keys():
            return True
        near_a = self._neighbours(sa)
        if near_a & sb.keys():
            return True
        # co-hyponyms and satellites of one adjective head: two hops through a shared synset
        return bool(near_a & self._neighbours(sb, _SIBLING))

    def _neighbours(
        self, synsets: dict[tuple[str, int], str], symbols: frozenset[str] = _NEAR
    ) -> set[tuple[str, int]]:
        return {
            (pos, off)
            for key in synsets
            for sym, off, pos, _, _ in self._synset(*key).pointers
            if sym in symbols
        }

    def are_antonyms(self, a: str, b: str) -> bool:
        """Whether WordNet lists a sense of ``a`` and a sense of ``b`` as antonyms."""
        sb = self._synsets_of(b)
        if not sb:
            return False
        for key, lemma in self._synsets_of(a).items():
            synset = self._synset(*key)
            for sym, off, pos, src, _ in synset.pointers:
                if sym != "!" or (pos, off) not in sb:
                    continue
                if src == 0 or synset.words[src - 1] == lemma:
                    return True
        return False

    @property
    def files_open(self) -> int:
        """How many of the WordNet data files are open (they are opened on first use)."""
        return len(self._files)

    def close(self) -> None:
        """Close the data files (under the lock: a reader of the shared lexicon may be
        between its seek and its read; a later read opens the file again)."""
        with self._lock:
            for fh in self._files.values():
                fh.close()
            self._files.clear()


def shared_lexicon() -> Lexicon:
    """One reader per WordNet folder for the whole process: reading WordNet's index takes
    about 0.15 s and 100 MB, which a comparer made per request (a search through
    ``Index.search`` without a comparer, say) must not pay each time."""
    return _lexicon_at(Path(os.environ.get("UNSPIN_WORDNET_DIR", DEFAULT_WORDNET_DIR)))


@functools.cache
def _lexicon_at(root: Path) -> Lexicon:
    return Lexicon(root)
