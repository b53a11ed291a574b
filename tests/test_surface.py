"""The public surface is pinned: changing it is a decision, not an accident."""

from __future__ import annotations

import xborder
from xborder.graph import errors


def test_public_names_are_pinned():
    assert sorted(xborder.__all__) == sorted([
        "AmbiguousLocation", "InvalidDate", "KnowledgeBase", "KnowledgeBaseError",
        "NoApplicableRule", "Resolution", "SourceError", "UnknownLocation",
        "UnknownOrganisation", "UnknownService", "ValidationFailed", "XborderError",
        "XborderInputError", "__version__",
    ])
    for name in xborder.__all__:
        assert hasattr(xborder, name)


def test_error_classes_carry_distinct_status_exit_code_and_type():
    classes = [getattr(errors, n) for n in errors.__all__]
    for cls in classes:
        assert issubclass(cls, errors.XborderError)
        assert 400 <= cls.status < 600
        assert cls.exit_code >= 1
    slugs = [cls.slug for cls in classes]
    assert len(slugs) == len(set(slugs))
    input_errors = [c for c in classes if issubclass(c, errors.XborderInputError)]
    assert all(c.status < 500 for c in input_errors)
