"""JSON Schemas of the answers and the parameters, for the OpenAPI document.

The answers are built by the core as plain dicts and serialised by orjson (no response models on
the hot paths), so their shapes are written down here, each a named component
(``#/components/schemas/<Name>``) that the routes refer to with :func:`ref`.
``tests/test_openapi.py`` checks real answers against them (undocumented properties included),
and ``tests/test_fuzz_api.py`` checks every fuzzed response.

- :mod:`~xborder.api.schemas.base`: helpers and the shapes every answer shares;
- :mod:`~xborder.api.schemas.answers`: resolve, batch, routing table, transfers;
- :mod:`~xborder.api.schemas.lookup`: look-ups, health, readiness, version;
- :mod:`~xborder.api.schemas.reports`: changes, timeline, basis, the page's routes, SPARQL.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from xborder.api.problems import PROBLEM
from xborder.api.schemas import lookup, reports
from xborder.api.schemas.answers import (
    BATCH_REQUEST,
    BATCH_RESPONSE,
    COMPACT,
    RESOLUTION,
    ROUTING_TABLE,
    TRANSFER,
)
from xborder.api.schemas.base import (
    COMPONENTS,
    OBJECT,
    OBJECT_LIST,
    array,
    path_param,
    query_param,
    ref,
)

__all__ = [
    "BATCH_REQUEST",
    "BATCH_RESPONSE",
    "COMPACT",
    "COMPONENTS",
    "OBJECT",
    "OBJECT_LIST",
    "RESOLUTION",
    "ROUTING_TABLE",
    "TRANSFER",
    "array",
    "install",
    "json_response",
    "path_param",
    "prune",
    "query_param",
    "ref",
]

assert lookup and reports  # their components are registered on import


def json_response(schema: dict[str, Any], description: str = "OK",
                  example: Any = None) -> dict[str, Any]:
    """An OpenAPI ``200`` response entry: JSON of ``schema`` (a :func:`ref`, usually)."""
    media: dict[str, Any] = {"schema": schema}
    if example is not None:
        media["example"] = example
    return {"description": description, "content": {"application/json": media}}


def install(spec: dict[str, Any]) -> None:
    """Add the components to ``spec`` and complete the operations declared elsewhere
    (:data:`~xborder.api.schemas.reports.OPERATIONS`)."""
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in COMPONENTS.items():
        schemas[name] = copy.deepcopy(schema)
    reports.apply(spec)
    for item in spec.get("paths", {}).values():
        for op in item.values():
            if isinstance(op, dict) and "responses" in op:
                _own_422(op["responses"])


def prune(spec: dict[str, Any]) -> None:
    """Drop FastAPI's validation-error components once no operation refers to them (after its
    422 responses are replaced by problems)."""
    schemas = spec.get("components", {}).get("schemas", {})
    if "#/components/schemas/HTTPValidationError" not in json.dumps(spec.get("paths", {})):
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)


def _own_422(responses: dict[str, Any]) -> None:
    """FastAPI documents a 422 validation error on every operation with parameters; this API
    sends validation errors as 400 problems. An operation that lists its problems itself keeps
    its own 422 (or none); the others get the problem 422 from ``xborder.api.http``."""
    fastapi = responses.get("422", {}).get("content", {}).get("application/json", {})
    if "HTTPValidationError" not in str(fastapi.get("schema", "")):
        return
    content = responses["422"]["content"]
    if PROBLEM in content:
        del content["application/json"]
    elif any(PROBLEM in r.get("content", {}) for r in responses.values()):
        del responses["422"]
