"""Reading the PAN text-alignment corpus: pairs files, truth XML and detection XML.

A PAN XML file describes one suspicious document (the root's ``reference``) and holds one
``<feature>`` per passage; ``name="plagiarism"`` marks a truth case and
``name="detected-plagiarism"`` a detection. Every other feature (``about``, ``md5``, ...) is
ignored. Offsets and lengths count characters of the decoded text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

TRUTH = "plagiarism"
DETECTION = "detected-plagiarism"

_PAIR_XML = re.compile(r"^(suspicious-document\d+)-(source-document\d+)\.xml$")
_ATTRS = ("this_offset", "this_length", "source_offset", "source_length")


@dataclass(frozen=True, slots=True)
class Case:
    """One passage: ``[this_offset, this_offset + this_length)`` of the suspicious document
    taken from ``[source_offset, source_offset + source_length)`` of the source."""

    this_offset: int
    this_length: int
    source_offset: int
    source_length: int

    @property
    def this_end(self) -> int:
        return self.this_offset + self.this_length

    @property
    def source_end(self) -> int:
        return self.source_offset + self.source_length


@dataclass(frozen=True, slots=True)
class PairTruth:
    """One corpus pair: suspicious and source file names (as in the pairs file) and its cases."""

    susp: str
    src: str
    cases: tuple[Case, ...]
    class_name: str = ""
    susp_path: Path | None = field(default=None, compare=False)
    src_path: Path | None = field(default=None, compare=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.susp, self.src)


def _parse_root(path: Path) -> ET.Element:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a PAN XML file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"{path}: malformed XML ({exc})") from None
    if root.tag != "document":
        raise InputError(f"{path}: not a PAN file (root element <{root.tag}>, not <document>)")
    return root


def _case(path: Path, feature: ET.Element) -> Case:
    values: list[int] = []
    for attr in _ATTRS:
        raw = feature.get(attr)
        if raw is None:
            raise InputError(f"{path}: a {feature.get('name')!r} feature has no {attr}")
        try:
            value = int(raw.strip())
        except ValueError:
            raise InputError(f"{path}: {attr}={raw!r} is not an integer") from None
        if value < 0:
            raise InputError(f"{path}: {attr}={raw!r} is negative")
        values.append(value)
    return Case(*values)


def _features(path: Path, name: str) -> tuple[str | None, list[tuple[str | None, Case]]]:
    """The root's reference and, for each feature called ``name``, its source and case."""
    root = _parse_root(path)
    found = [
        (f.get("source_reference"), _case(path, f))
        for f in root.iter("feature")
        if f.get("name") == name
    ]
    return root.get("reference"), found


def read_features(path: Path | str, name: str = TRUTH) -> list[Case]:
    """The cases of every feature called ``name`` in a PAN XML file, in file order."""
    return [case for _, case in _features(Path(path), name)[1]]


def read_detections_dir(
    directory: Path | str, names: tuple[str, ...] = (DETECTION,)
) -> dict[tuple[str, str], list[Case]]:
    """Detections from a folder (searched recursively) of PAN XML files, keyed by
    (suspicious, source) reference.

    The references come from inside each file (the root's ``reference`` and each feature's
    ``source_reference``); a file without detections contributes an empty list under the pair
    its name gives (``suspicious-documentX-source-documentY.xml``), if it gives one. Files not
    ending in ``.xml`` are skipped. ``names`` are the feature names read, the first one a file
    has wins: ``(DETECTION, TRUTH)`` reads a truth folder as detections, so it can be scored
    against itself.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(f"{directory}: not a directory of detection files")
    out: dict[tuple[str, str], list[Case]] = {}
    for path in sorted(directory.rglob("*.xml")):
        if not path.is_file():
            continue
        reference: str | None = None
        found: list[tuple[str | None, Case]] = []
        for name in names:
            reference, found = _features(path, name)
            if found:
                break
        if not found:
            m = _PAIR_XML.match(path.name)
            if m:
                out.setdefault((m.group(1) + ".txt", m.group(2) + ".txt"), [])
            continue
        if not reference:
            raise InputError(f"{path}: the <document> element has no reference")
        for source, case in found:
            if not source:
                raise InputError(f"{path}: a detected-plagiarism feature has no source_reference")
            out.setdefault((reference, source), []).append(case)
    return out


def read_pairs(path: Path | str) -> list[tuple[str, str]]:
    """The (suspicious, source) file names of a PAN pairs file, one pair a line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such pairs file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read pairs file ({exc})") from None
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 2:
            raise InputError(f"{path}:{number}: expected 'suspicious source', got {line!r}")
        pairs.append((parts[0], parts[1]))
    return pairs


def _stem(name: str) -> str:
    return name[: -len(".txt")] if name.endswith(".txt") else name


def truth_name(susp: str, src: str) -> str:
    """PAN's file name for a pair: ``<susp stem>-<src stem>.xml``."""
    return f"{_stem(Path(susp).name)}-{_stem(Path(src).name)}.xml"


def load_corpus(
    root: Path | str, pairs_file: Path | str | None = None, class_name: str | None = None
) -> list[PairTruth]:
    """The pairs of a PAN corpus with their class folder and truth cases.

    ``root`` holds ``src/``, ``susp/``, a top-level ``pairs`` and one folder per class (each
    with its own ``pairs`` and one truth XML per pair). By default every pair of the top-level
    ``pairs`` is loaded; ``class_name`` picks a class folder's ``pairs`` instead, and
    ``pairs_file`` names any pairs file (the top-level one, a class folder's, or a subset).
    A pair's truth file is looked for in the pairs file's own folder first, then in every
    class folder. A missing document or truth file raises ``InputError`` naming it.
    """
    root = Path(root)
    if not root.is_dir():
        raise InputError(f"{root}: not a PAN corpus folder")
    if pairs_file is not None:
        pairs_path = Path(pairs_file)
    elif class_name is not None:
        pairs_path = root / class_name / "pairs"
    else:
        pairs_path = root / "pairs"
    folders: list[Path] = []
    if class_name is not None:
        folders.append(root / class_name)
    if pairs_path.parent.resolve() != root.resolve():
        folders.append(pairs_path.parent)
    folders.extend(sorted(d for d in root.iterdir() if d.is_dir() and (d / "pairs").is_file()))
    out: list[PairTruth] = []
    for susp, src in read_pairs(pairs_path):
        susp_path, src_path = root / "susp" / susp, root / "src" / src
        for doc in (susp_path, src_path):
            if not doc.is_file():
                raise InputError(f"{doc}: no such document (named in {pairs_path})")
        name = truth_name(susp, src)
        truth = next((d / name for d in folders if (d / name).is_file()), None)
        if truth is None:
            raise InputError(f"{name}: no truth file for this pair under {root}")
        out.append(
            PairTruth(
                susp=susp,
                src=src,
                cases=tuple(read_features(truth, TRUTH)),
                class_name=truth.parent.name,
                susp_path=susp_path,
                src_path=src_path,
            )
        )
    return out
