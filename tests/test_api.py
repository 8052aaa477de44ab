"""The public surface: a curated, sorted ``__all__``, and one exception tree."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import types
from pathlib import Path

import pytest

import unspin
import unspin.index
from unspin import errors

PACKAGES = (unspin, unspin.index)


def _isort_key(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions: the order ruff's RUF022 keeps."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted_and_complete() -> None:
    assert list(unspin.__all__) == sorted(unspin.__all__, key=_isort_key)
    for name in unspin.__all__:
        assert hasattr(unspin, name), name


def _public(module: types.ModuleType) -> set[str]:
    """The names a package's namespace offers, less its submodules (bound by import)."""
    return {
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_all_matches_the_public_names_both_ways(package: types.ModuleType) -> None:
    assert _public(package) == set(package.__all__) - {"__version__"}


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_no_module_is_shadowed_by_a_name(package: types.ModuleType) -> None:
    """``unspin.index.search`` is one thing: no submodule bears the name of a function or
    class its package exports."""
    submodules = {m.name for m in pkgutil.iter_modules(package.__path__)}
    assert not submodules & set(package.__all__)


def test_the_exception_tree() -> None:
    """Every error unspin raises on purpose is an ``UnspinError``, defined in ``errors`` and
    exported at the top, in this tree."""
    tree = {
        "InputError": errors.UnspinError,
        "ModelError": errors.UnspinError,
        "ConfigError": errors.UnspinError,
        "StoreError": errors.UnspinError,
        "VectorBudgetError": errors.UnspinError,
        "ScanError": errors.UnspinError,
        "CorruptIndexError": errors.StoreError,
        "BadRecordError": errors.StoreError,
        "LockTimeoutError": errors.StoreError,
        "DiskFullError": errors.UnspinError,
        "StorageIOError": errors.UnspinError,
    }
    defined = {
        name
        for name, value in vars(errors).items()
        if inspect.isclass(value) and issubclass(value, BaseException)
    }
    assert defined == {"UnspinError", *tree}
    assert errors.UnspinError.__bases__ == (Exception,)
    for name, parent in tree.items():
        cls = getattr(errors, name)
        assert cls.__bases__ == (parent,), name
        assert getattr(unspin, name) is cls and name in unspin.__all__
    # no other module defines an exception class of its own
    root = Path(unspin.__file__).parent
    for path in root.rglob("*.py"):
        if path.name == "errors.py" and path.parent == root:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {ast.unparse(b) for b in node.bases}
                assert not any(b.endswith(("Error", "Exception")) for b in bases), (
                    f"{path.name}: {node.name}"
                )


def test_every_module_imports() -> None:
    for info in pkgutil.walk_packages(unspin.__path__, "unspin."):
        importlib.import_module(info.name)


def test_config_rejects_unknown_fields() -> None:
    try:
        unspin.DEFAULT_CONFIG.with_overrides(no_such_field=1)
    except unspin.ConfigError as exc:
        assert "no_such_field" in str(exc)
    else:
        raise AssertionError("expected ConfigError")


def test_every_config_field_is_in_one_stage_in_order() -> None:
    from dataclasses import fields

    from unspin.config import STAGES, Config

    staged = [name for names in STAGES.values() for name in names]
    assert staged == [f.name for f in fields(Config)]


def test_date_trust_reads_the_table() -> None:
    from unspin.config import DEFAULT_CONFIG

    table = dict(DEFAULT_CONFIG.date_confidence)
    assert DEFAULT_CONFIG.date_trust("crawl") == table["crawl"] == max(table.values())
    assert DEFAULT_CONFIG.date_trust("nowhere") == min(table.values())
    tight = DEFAULT_CONFIG.with_overrides(date_confidence=(("url", 0.2), ("body", 0.1)))
    assert tight.date_trust("url") == 0.2 and tight.date_trust("crawl") == 0.1
