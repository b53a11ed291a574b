"""The public surface is pinned: changing it is a decision, not an accident.

Every error class xborder defines — found by walking the subclasses of ``XborderError`` after
importing every module that defines one, so a new class cannot be missed — has a pinned slug,
HTTP status and exit code; slugs are distinct; the README's table says what the classes do."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import xborder
from xborder.graph import errors

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["xborder.graph.errors", "xborder.graph.store", "xborder.graph.live",
           "xborder.api.problems", "xborder.api.sparql", "xborder.api.http"]
# class → (slug, HTTP status, exit code)
PINNED = {
    "xborder.graph.errors.XborderError": ("internal", 500, 1),
    "xborder.graph.errors.XborderInputError": ("invalid-input", 400, 2),
    "xborder.graph.errors.InvalidDate": ("invalid-date", 400, 2),
    "xborder.graph.errors._WithCandidates": ("invalid-input", 400, 2),
    "xborder.graph.errors.UnknownLocation": ("unknown-location", 404, 3),
    "xborder.graph.errors.AmbiguousLocation": ("ambiguous-location", 409, 3),
    "xborder.graph.errors.UnplaceableLocation": ("unplaceable-location", 422, 3),
    "xborder.graph.errors.UnknownService": ("unknown-service", 404, 4),
    "xborder.graph.errors.UnknownOrganisation": ("unknown-organisation", 404, 4),
    "xborder.graph.errors.NoApplicableRule": ("no-applicable-rule", 404, 5),
    "xborder.graph.errors.KnowledgeBaseError": ("knowledge-base", 500, 6),
    "xborder.graph.errors.SourceError": ("source-error", 500, 6),
    "xborder.graph.errors.ValidationFailed": ("validation-failed", 500, 7),
    "xborder.graph.store.base.StoreError": ("store-error", 500, 6),
    "xborder.graph.live.BuildFailed": ("internal", 500, 1),
    "xborder.api.problems.BodyTooLarge": ("body-too-large", 413, 2),
    "xborder.api.problems.NotAcceptable": ("not-acceptable", 406, 2),
    "xborder.api.problems.UnknownResource": ("unknown-resource", 404, 2),
    "xborder.api.problems.Busy": ("busy", 429, 2),
    "xborder.api.sparql.Forbidden": ("sparql-update-forbidden", 403, 2),
    "xborder.api.sparql.ServiceForbidden": ("sparql-service-forbidden", 403, 2),
    "xborder.api.sparql.SparqlSyntaxError": ("sparql-syntax", 400, 2),
    "xborder.api.sparql.UnsupportedMediaType": ("unsupported-media-type", 415, 2),
    "xborder.api.sparql.EngineUnavailable": ("sparql-unavailable", 503, 1),
}
# Classes that share a slug on purpose: a private base, and the reload failure that carries the
# slug of whatever failed in the child process.
SHARED = {"xborder.graph.errors._WithCandidates", "xborder.graph.live.BuildFailed"}
# Problems the HTTP layer sends without an error class.
HTTP_ONLY = {"invalid-request", "not-found", "method-not-allowed", "http-error", "internal",
             "sparql-timeout", "sparql-result-too-large", "sparql-too-expensive",
             "request-timeout", "url-too-long", "headers-too-large"}


def error_classes() -> dict[str, type[errors.XborderError]]:
    for module in MODULES:
        importlib.import_module(module)
    found: dict[str, type[errors.XborderError]] = {}
    stack: list[type[errors.XborderError]] = [errors.XborderError]
    while stack:
        cls = stack.pop()
        found[f"{cls.__module__}.{cls.__qualname__}"] = cls
        stack.extend(cls.__subclasses__())
    return {name: cls for name, cls in found.items() if name.startswith("xborder.")}


def test_public_names_are_pinned():
    assert sorted(xborder.__all__) == sorted([
        "AmbiguousLocation", "InvalidDate", "KnowledgeBase", "KnowledgeBaseError",
        "NoApplicableRule", "Resolution", "SourceError", "UnknownLocation",
        "UnknownOrganisation", "UnknownService", "ValidationFailed", "XborderError",
        "XborderInputError", "__version__",
    ])
    for name in xborder.__all__:
        assert hasattr(xborder, name)


def test_every_error_class_is_pinned_with_its_slug_status_and_exit_code():
    classes = error_classes()
    assert sorted(classes) == sorted(PINNED), "an error class was added or removed: pin it"
    for name, cls in classes.items():
        assert (cls.slug, cls.status, cls.exit_code) == PINNED[name], name
        assert 400 <= cls.status < 600 and cls.exit_code >= 1
        if issubclass(cls, errors.XborderInputError):
            assert cls.status < 500 and cls.exit_code >= 2, name


def test_slugs_are_distinct_and_well_formed():
    slugs = [slug for name, (slug, _, _) in PINNED.items() if name not in SHARED]
    assert len(slugs) == len(set(slugs))
    assert not set(slugs) & (HTTP_ONLY - {"internal"})
    for slug in {*slugs, *HTTP_ONLY}:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", slug), slug


def test_the_readme_table_says_what_the_classes_do():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (`[^|]+`) \| (\d{3}) \| (\d+) \|", readme, re.M)
    assert rows, "the README's table of exit codes and problem types is missing"
    by_slug = {slug: (status, code) for slug, status, code in PINNED.values()}
    for cell, status, code in rows:
        for slug in re.findall(r"`([a-z-]+)`", cell):
            assert by_slug[slug] == (int(status), int(code)), slug
    http_only = re.search(r"^HTTP only: (.*?)\n\n", readme, re.M | re.S)
    assert http_only
    for slug in re.findall(r"`([a-z-]+)`", http_only.group(1)):
        assert slug in by_slug or slug in HTTP_ONLY, slug
