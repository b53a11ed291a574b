"""JSON Schemas of the answers and the parameters, for the OpenAPI document.

The answers are built by the core as plain dicts and serialised by orjson (no response models on
the hot paths), so their shapes are written down here; ``tests/test_fuzz_api.py`` checks every
response against them.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "BATCH_REQUEST",
    "BATCH_RESPONSE",
    "COMPACT",
    "OBJECT",
    "OBJECT_LIST",
    "RESOLUTION",
    "ROUTING_TABLE",
    "TRANSFER",
    "path_param",
    "query_param",
]

_STR = {"type": "string"}
_NSTR = {"type": ["string", "null"]}
_DATE = {"type": "string", "format": "date"}
OBJECT: dict[str, Any] = {"type": "object"}
OBJECT_LIST: dict[str, Any] = {"type": "array", "items": OBJECT}


def query_param(name: str, description: str, *, required: bool = False,
                max_length: int | None = None, schema: dict[str, Any] | None = None,
                examples: dict[str, Any] | None = None) -> dict[str, Any]:
    """An OpenAPI query parameter (``examples`` maps a label to a value)."""
    if schema is None:
        schema = {"type": "string"}
        if max_length is not None:
            schema["maxLength"] = max_length
    param: dict[str, Any] = {"name": name, "in": "query", "required": required,
                             "description": description, "schema": schema}
    if examples:
        param["examples"] = {label: {"value": value} for label, value in examples.items()}
    return param


def path_param(name: str, description: str, max_length: int = 200,
               examples: dict[str, Any] | None = None) -> dict[str, Any]:
    param = query_param(name, description, required=True, max_length=max_length,
                        examples=examples)
    param["in"] = "path"
    param["schema"]["minLength"] = 1
    return param


_CONTROLLER = {"type": "object", "required": ["id", "name", "country"],
               "properties": {"id": _STR, "name": _STR, "country": _STR,
                              "country_name": _STR}}
_SOURCE = {"type": "object", "required": ["document", "section", "quote", "url"],
           "properties": {"document": _STR, "section": _NSTR, "quote": _NSTR, "url": _STR}}
_STEP = {"type": "object", "required": ["step", "source"],
         "properties": {"step": _STR, "source": _NSTR}}
_LEG = {"type": "object", "required": ["leg", "from", "to", "status", "gap"],
        "properties": {"leg": {"enum": ["user-to-controller", "controller-to-recipient"]},
                       "from": _STR, "to": _NSTR, "status": _STR, "regime": _NSTR,
                       "mechanisms": OBJECT_LIST, "explanation": _STR,
                       "caveats": {"type": "array", "items": _STR},
                       "policy_claims": OBJECT_LIST, "gap": _NSTR, "recipient": OBJECT}}

RESOLUTION: dict[str, Any] = {
    "type": "object",
    "required": ["at", "location", "organisation", "controller", "rule", "explanation",
                 "sources", "alternatives", "caveats", "transfers"],
    "properties": {
        "at": _DATE,
        "location": {"type": "object", "required": ["input", "code", "name", "chain"],
                     "properties": {"input": _STR, "code": _STR, "name": _STR,
                                    "matched": _STR, "chain": {"type": "array",
                                                               "items": _STEP}}},
        "organisation": {"type": "object", "required": ["id", "name"],
                         "properties": {"id": _STR, "name": _STR}},
        "service": {"type": ["object", "null"]},
        "controller": _CONTROLLER,
        "rule": {"type": "object", "required": ["id", "default", "document", "section"],
                 "properties": {"id": _STR, "default": {"type": "boolean"},
                                "document": _STR, "section": _STR, "valid": OBJECT}},
        "explanation": _STR,
        "sources": {"type": "array", "items": _SOURCE},
        "alternatives": OBJECT_LIST,
        "caveats": {"type": "array", "items": _STR},
        "transfers": {"type": "array", "items": _LEG},
    },
    "example": {
        "at": "2017-06-01",
        "location": {"input": "RE", "code": "RE", "name": "Réunion",
                     "matched": "ISO 3166-1 alpha-2 code", "chain": [
                         {"step": "RE (Réunion) is part of FR (France); …", "source": "…"}]},
        "organisation": {"id": "huawei", "name": "Huawei"},
        "service": {"id": "consumer-cloud", "name": "Huawei Consumer Cloud Services"},
        "controller": {"id": "huawei-technologies-deutschland",
                       "name": "Huawei Technologies Deutschland GmbH", "country": "DE",
                       "country_name": "Germany"},
        "rule": {"id": "10.1", "default": False, "document": "huawei-privacy-policy-2016",
                 "section": "10", "valid": {"from": "2016-09-01", "to": None}},
        "explanation": "RE → part of FR → FR in EEA since 1994-01-01 → rule 10.1 (section 10) "
                       "→ Huawei Technologies Deutschland GmbH",
        "sources": [], "alternatives": [], "caveats": [], "transfers": [],
    },
}

COMPACT: dict[str, Any] = {
    "type": "object",
    "required": ["at", "location", "controller", "rule", "caveat_count",
                 "alternative_controllers"],
    "properties": {
        "at": _DATE,
        "location": {"type": "object", "required": ["input", "code", "name"],
                     "properties": {"input": _STR, "code": _STR, "name": _STR}},
        "controller": {"type": "object", "required": ["id", "name", "country"],
                       "properties": {"id": _STR, "name": _STR, "country": _STR}},
        "rule": {"type": "object", "required": ["id", "default"],
                 "properties": {"id": _STR, "default": {"type": "boolean"}}},
        "caveat_count": {"type": "integer", "minimum": 0},
        "alternative_controllers": {"type": "array", "items": _STR},
    },
    "additionalProperties": False,
}

_BATCH_ITEM = {"type": "object", "required": ["location"],
               "properties": {"location": {"type": "string", "maxLength": 200},
                              "service": {"type": ["string", "null"], "maxLength": 200},
                              "org": {"type": ["string", "null"], "maxLength": 200},
                              "at": {"type": ["string", "null"], "maxLength": 32}}}
BATCH_REQUEST: dict[str, Any] = {
    "type": "object", "required": ["items"],
    "properties": {"items": {"type": "array", "maxItems": 10_000, "items": _BATCH_ITEM}},
    "example": {"items": [
        {"location": "RE", "service": "consumer-cloud", "at": "2017-06-01"},
        {"location": "81.2.69.160", "service": "consumer-cloud", "at": "2017-06-01"},
        {"location": "Atlantis"}]},
}
BATCH_RESPONSE: dict[str, Any] = {
    "type": "object", "required": ["count", "results"],
    "properties": {
        "count": {"type": "integer"},
        "results": {"type": "array", "items": {
            "type": "object", "required": ["ok"],
            "properties": {"ok": {"type": "boolean"},
                           "result": {"oneOf": [RESOLUTION, COMPACT]},
                           "problem": {"$ref": "#/components/schemas/Problem"}}}},
    },
}
ROUTING_TABLE: dict[str, Any] = {
    "type": "object", "required": ["organisation", "at", "knowledge_base", "count", "rows"],
    "properties": {
        "organisation": _STR, "at": _DATE, "knowledge_base": _STR,
        "count": {"type": "integer"},
        "rows": {"type": "array", "items": {
            "type": "object", "required": ["location", "service", "controller", "rule"],
            "properties": {"location": _STR, "location_name": _STR, "service": _NSTR,
                           "controller": _NSTR, "controller_name": _NSTR,
                           "controller_country": _NSTR, "rule": _NSTR,
                           "default_rule": {"type": ["boolean", "null"]},
                           "caveat_count": {"type": "integer"},
                           "alternative_count": {"type": "integer"}, "error": _NSTR}}},
    },
}
_PLACE = {"type": "object", "required": ["code", "name"],
          "properties": {"code": _STR, "name": _STR, "input": _STR}}
TRANSFER: dict[str, Any] = {
    "type": "object",
    "required": ["from", "to", "at", "regime", "status", "mechanisms", "derogations",
                 "explanation", "caveats"],
    "properties": {
        "from": _PLACE, "to": _PLACE, "at": _DATE, "regime": {"type": ["object", "null"]},
        "status": {"enum": ["same-area", "adequacy", "safeguards-required",
                            "no-general-restriction", "unknown"]},
        "mechanisms": OBJECT_LIST, "derogations": OBJECT_LIST, "out_of_scope": OBJECT_LIST,
        "restrictions": OBJECT_LIST, "explanation": _STR, "chain": OBJECT_LIST,
        "caveats": {"type": "array", "items": _STR}, "policy_claims": OBJECT_LIST,
    },
}
