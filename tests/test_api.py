"""The public surface: a curated, sorted ``__all__``, and one exception tree."""

from __future__ import annotations

import unspin
from unspin import errors


def _isort_key(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions: the order ruff's RUF022 keeps."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted_and_complete() -> None:
    assert list(unspin.__all__) == sorted(unspin.__all__, key=_isort_key)
    for name in unspin.__all__:
        assert hasattr(unspin, name), name


def test_every_error_is_an_unspin_error() -> None:
    for name in ("InputError", "ModelError", "ConfigError"):
        assert issubclass(getattr(errors, name), errors.UnspinError)


def test_config_rejects_unknown_fields() -> None:
    try:
        unspin.DEFAULT_CONFIG.with_overrides(no_such_field=1)
    except unspin.ConfigError as exc:
        assert "no_such_field" in str(exc)
    else:
        raise AssertionError("expected ConfigError")
