"""The curated public API and the error tree stay tidy and documented."""

from __future__ import annotations

import dignity
from dignity import errors


def test_all_is_sorted_and_importable() -> None:
    assert list(dignity.__all__) == sorted(dignity.__all__)
    for name in dignity.__all__:
        assert hasattr(dignity, name), name


def test_every_error_has_a_unique_code_documented_in_the_tree() -> None:
    codes = [cls.code for cls in errors.ERROR_CLASSES]
    assert len(codes) == len(set(codes))
    doc = errors.__doc__ or ""
    for cls in errors.ERROR_CLASSES:
        assert cls.__name__ in doc, cls.__name__
        assert cls.code in doc, cls.__name__
        assert 400 <= cls.http_status < 600
    assert set(errors.ERROR_CLASSES) == {
        obj
        for obj in vars(errors).values()
        if isinstance(obj, type) and issubclass(obj, errors.DignityError)
    }
