"""One error hierarchy for the core, the CLI and the HTTP API.

Every error carries the HTTP status the API answers with, the exit code the CLI ends with, and a
stable problem ``type`` slug (RFC 9457); the faces only translate, they never decide::

    XborderError                      (500, exit 1)   base class; never raised bare
    ├── XborderInputError             (400, exit 2)   the question is malformed
    │   ├── InvalidDate               (400, exit 2)   not an ISO date, or out of range
    │   ├── UnknownLocation           (404, exit 3)   no jurisdiction matches; candidates listed
    │   ├── AmbiguousLocation         (409, exit 3)   several jurisdictions match; candidates listed
    │   ├── UnplaceableLocation       (422, exit 3)   an IP address or coordinates that cannot be
    │   │                                             placed (private range, open sea …)
    │   ├── UnknownService            (404, exit 4)   no service of the organisation matches
    │   ├── UnknownOrganisation       (404, exit 4)   no such organisation, or none named
    │   └── NoApplicableRule          (404, exit 5)   the knowledge base holds no rule for that date
    └── KnowledgeBaseError            (500, exit 6)   the knowledge base itself is broken
        ├── SourceError               (500, exit 6)   an authoring file is malformed (file, line)
        └── ValidationFailed          (500, exit 7)   the graph does not conform to the SHACL shapes
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "AmbiguousLocation",
    "InvalidDate",
    "KnowledgeBaseError",
    "NoApplicableRule",
    "SourceError",
    "UnknownLocation",
    "UnknownOrganisation",
    "UnknownService",
    "UnplaceableLocation",
    "ValidationFailed",
    "XborderError",
    "XborderInputError",
]

PROBLEM_BASE = "https://w3id.org/xborder/problems/"


class XborderError(Exception):
    """Base class of every error xborder raises on purpose."""

    status: int = 500
    exit_code: int = 1
    slug: str = "internal"
    title: str = "Internal error"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra: dict[str, Any] = extra

    @property
    def type(self) -> str:
        return PROBLEM_BASE + self.slug

    def to_problem(self) -> dict[str, Any]:
        """The RFC 9457 problem object (without ``instance``, which the HTTP face adds)."""
        problem: dict[str, Any] = {
            "type": self.type,
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        problem.update(self.extra)
        return problem


class XborderInputError(XborderError):
    status = 400
    exit_code = 2
    slug = "invalid-input"
    title = "Invalid input"


class InvalidDate(XborderInputError):
    slug = "invalid-date"
    title = "Invalid date"


class _WithCandidates(XborderInputError):
    def __init__(self, detail: str, candidates: Sequence[dict[str, str]] = (), **extra: Any):
        super().__init__(detail, candidates=list(candidates), **extra)

    @property
    def candidates(self) -> list[dict[str, str]]:
        return list(self.extra["candidates"])


class UnknownLocation(_WithCandidates):
    status = 404
    exit_code = 3
    slug = "unknown-location"
    title = "Unknown location"


class AmbiguousLocation(_WithCandidates):
    status = 409
    exit_code = 3
    slug = "ambiguous-location"
    title = "Ambiguous location"


class UnplaceableLocation(XborderInputError):
    """Well-formed, but says nothing about where a user is: a private or reserved IP address,
    an address the GeoIP database does not hold, coordinates in the open sea. ``reason`` is a
    stable token (``non-public-address``, ``not-in-database``, ``no-country``,
    ``coordinates-unsupported``)."""

    status = 422
    exit_code = 3
    slug = "unplaceable-location"
    title = "Location cannot be placed"


class UnknownService(_WithCandidates):
    status = 404
    exit_code = 4
    slug = "unknown-service"
    title = "Unknown service"


class UnknownOrganisation(_WithCandidates):
    status = 404
    exit_code = 4
    slug = "unknown-organisation"
    title = "Unknown organisation"


class NoApplicableRule(XborderInputError):
    status = 404
    exit_code = 5
    slug = "no-applicable-rule"
    title = "No rule in force"


class KnowledgeBaseError(XborderError):
    status = 500
    exit_code = 6
    slug = "knowledge-base"
    title = "Knowledge base error"


class SourceError(KnowledgeBaseError):
    """An authoring file is malformed; ``file`` and ``place`` say where."""

    slug = "source-error"
    title = "Malformed knowledge-base source"

    def __init__(self, detail: str, file: str, place: str = "", **extra: Any) -> None:
        where = f"{file}:{place}" if place else file
        super().__init__(f"{where}: {detail}", file=file, place=place, **extra)
        self.file = file
        self.place = place


class ValidationFailed(KnowledgeBaseError):
    exit_code = 7
    slug = "validation-failed"
    title = "Knowledge base does not conform to its shapes"

    def __init__(self, detail: str, violations: Sequence[str] = ()) -> None:
        super().__init__(detail, violations=list(violations))
        self.violations = list(violations)
