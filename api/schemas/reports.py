"""Change reports, timelines, leg bases (``api/routes_changes.py``), the page's routes (suggest,
maps, transfer register: ``api/web.py``) and SPARQL JSON results (``api/sparql.py``).

The page's and the SPARQL routes are declared in modules of their own; what their OpenAPI
entries lack (path-parameter descriptions, response schemas, the media types they really send)
is said here, in :data:`OPERATIONS`, and applied by :func:`xborder.api.schemas.install`.
"""

from __future__ import annotations

from typing import Any

from xborder.api.schemas.base import (
    DATE,
    INT,
    NDATE,
    NSTR,
    STATUS,
    STR,
    STRS,
    Schema,
    array,
    component,
    nullable,
    obj,
    ref,
)

__all__ = ["OPERATIONS"]

# -- change reports and timelines ---------------------------------------------------------------

_PLACE_OR_NULL = nullable(ref("Place"))
_ENTITY = obj({"id": STR, "name": STR, "country": NSTR})
_SIDE = {"anyOf": [{"type": "null"}, STATUS, _ENTITY],
         "description": "a transfer status (transfer and law changes), the controller (a "
                        "controller change), or null where the flow exists on one date only"}
component("ChangeCause", obj(
    {"kind": STR, "text": STR},
    {"name": STR, "date": NDATE, "url": NSTR, "instrument": NSTR,
     "quotes": array(nullable(obj(
         {"document": STR, "section": STR, "quote": STR, "url": STR, "title": STR,
          "version": NSTR, "rule": STR, "controller": STR, "controller_name": STR})),
         "a controller change: the policy sentence before and after (null: no rule)")},
    description="Why it changed: `judgment` (with its name and date), `instrument-ended`, "
                "`instrument-began`, `regime`, `law`, `policy` (a new policy version), "
                "`controller-rule`, `flow` (the leg exists on one date only) or `other`."))
component("ChangeGroup", obj(
    {"what": STR,
     "flow": nullable(obj({"leg": NSTR, "from": _PLACE_OR_NULL, "to": _PLACE_OR_NULL},
                          description="the leg; `from` is `users` for the users' own legs")),
     "before": _SIDE, "after": _SIDE, "cause": ref("ChangeCause"), "locations": STRS,
     "services": STRS, "count": INT},
    description="Locations whose answer changed the same way for the same cause: `what` is "
                "`controller`, `transfer` (a leg's status) or `law` (same status, another "
                "law)."))
component("ChangeReport", obj(
    {"organisation": obj({"id": STR, "name": STR}),
     "service": nullable(obj({"id": STR, "name": STR})),
     "before": DATE, "after": DATE, "rows": INT,
     "groups": array(ref("ChangeGroup"))},
    description="What changed for an organisation between two dates, grouped by flow, "
                "before → after and cause."))
component("Timeline", obj(
    {"from": STR, "to": STR,
     "steps": array(obj(
         {"from": DATE, "to": NDATE, "status": STATUS, "basis": STR, "law": NSTR,
          "regime": NSTR, "sources": array(ref("SourceLink"))},
         {"ended_by": ref("EndedBy")},
         description="one period with the same status, instruments and law"))},
    description="What allowed transfers from one place to another over time."))

# -- what each leg rests on ---------------------------------------------------------------------

component("Instrument", obj(
    {"id": STR, "kind": STR, "name": STR, "celex": NSTR, "url": STR, "source": STR,
     "scope": NSTR, "valid_from": NDATE, "valid_to": NDATE, "window": STR,
     "confidence": ref("Confidence")},
    {"note": STR, "duties": array(ref("Duty")), "ended_by": ref("EndedBy")},
    description="An instrument a leg rests on: name, CELEX number, link, scope limit (null: "
                "none), validity window and source confidence."))
component("LegBasis", obj(
    {"status": STATUS, "plain": STR, "regime": NSTR, "law": NSTR,
     "authority": nullable(ref("Authority")), "adequacy": array(ref("Instrument")),
     "safeguards": array(obj({"kind": STR, "label": STR,
                              "instruments": array(ref("Instrument"))})),
     "derogations": INT, "out_of_scope": INT,
     "ended": nullable(obj({"id": STR, "instrument": NSTR, "scope": STR, "last_day": NDATE,
                            "ended_by": ref("EndedBy"), "text": STR},
                           description="the last decision that covered the destination, "
                                       "when a judgment or act ended it")),
     "duties": array(obj({"text": STR, "valid_from": NDATE, "valid_to": NDATE,
                          "source": ref("LawSource"), "applies_to": STRS})),
     "confidence": nullable(ref("Confidence")), "caveats": STRS},
    description="What one leg rests on, in one plain-language line (`plain`) and in detail."))
component("Basis", obj(
    {"at": DATE, "location": STR, "organisation": obj({"id": STR, "name": STR}),
     "legs": array(nullable(ref("LegBasis")), "one per leg of the resolution, in order"),
     "services": array({"anyOf": [
         obj({"service": obj({"id": STR, "name": STR}), "controller": ref("Controller"),
              "rule": ref("RuleRef")}),
         obj({"service": obj({"id": STR, "name": STR}), "controller": {"type": "null"},
              "problem": STR}),
     ]}, "asked without a service: the controller for each service")},
    description="What each leg of a resolution rests on, and the controller per service."))

# -- the page's routes --------------------------------------------------------------------------

component("Suggestions", obj(
    {"query": STR, "suggestions": array(ref("Place"))},
    description="Jurisdictions whose code or name starts with what was typed."))
_FLAT = ("at", "organisation", "service", "leg", "from", "from_name", "to", "to_name",
         "controller", "controller_id", "controller_country", "recipient", "recipient_id",
         "status", "regime", "mechanism", "instrument", "scope", "valid_from", "valid_to",
         "confidence", "source", "source_section", "source_quote", "source_url",
         "legal_source", "plain", "explanation", "caveats", "gap")
component("RegisterRow", obj(
    {**dict.fromkeys(_FLAT, STR), "location": NSTR, "service_id": NSTR,
     "organisation_id": STR, "recipient_kind": NSTR,
     "mechanisms": array(obj({"kind": STR, "name": NSTR, "instrument": NSTR, "scope": NSTR,
                              "valid_from": NDATE, "valid_to": NDATE, "source": NSTR}))},
    description="One leg of the transfer register: the CSV columns as text (empty: none; "
                "lists joined with `; `), plus the user's location and the mechanisms as "
                "structured data."))
component("TransferRegister", obj({"count": INT, "rows": array(ref("RegisterRow"))},
                                  description="The transfer register: one row per leg."))

# -- SPARQL 1.1 Query Results JSON Format (W3C Recommendation, 2013) -----------------------------

_TERM = obj({"type": {"type": "string", "enum": ["uri", "literal", "bnode", "typed-literal"]},
             "value": STR}, {"xml:lang": STR, "datatype": STR})
component("SparqlResults", obj(
    {"head": obj({}, {"vars": STRS, "link": STRS})},
    {"results": obj({"bindings": array({"type": "object", "additionalProperties": _TERM})}),
     "boolean": {"type": "boolean"}},
    description="SPARQL 1.1 Query Results JSON: `results.bindings` for SELECT, `boolean` for "
                "ASK."))

_ORG = {"description": "Organisation id or name.", "examples": {"id": {"value": "huawei"}}}
_MAP_PARAMS = {"org": _ORG}


_SPARQL = {"content": {"application/sparql-results+json": {"schema": ref("SparqlResults")},
                       "application/ld+json": {"schema": ref("JsonLdGraph")}}}

OPERATIONS: dict[tuple[str, str], dict[str, Any]] = {
    ("get", "/v1/suggest"): {
        "content": {"application/json": {"schema": ref("Suggestions")}}},
    ("get", "/v1/maps/{org}.html"): {
        "parameters": _MAP_PARAMS, "description": "A self-contained HTML page (no network "
                                                  "needed)",
        "content": {"text/html": {"schema": {"type": "string"}}}},
    ("get", "/v1/maps/{org}/world.svg"): {
        "parameters": _MAP_PARAMS, "description": "An SVG image with a tooltip per country "
                                                  "and arc",
        "content": {"image/svg+xml": {"schema": {"type": "string"}}}},
    ("get", "/v1/maps/{org}.graphml"): {
        "parameters": _MAP_PARAMS, "description": "A GraphML document (sent as an attachment)",
        "content": {"application/graphml+xml": {"schema": {"type": "string"}}}},
    ("get", "/v1/register/{org}.{fmt}"): {
        "parameters": {"org": _ORG, "fmt": {
            "description": "`csv` (one line per leg, as an attachment) or `json`.",
            "schema": {"type": "string", "enum": ["csv", "json"]},
            "examples": {"CSV": {"value": "csv"}, "JSON": {"value": "json"}}}},
        "description": "The register as JSON, or as CSV with the columns of `RegisterRow`",
        "content": {"application/json": {"schema": ref("TransferRegister")},
                    "text/csv": {"schema": {"type": "string"}}}},
    ("get", "/sparql"): _SPARQL,
    ("post", "/sparql"): _SPARQL,
}
"""Per operation of another module: parameter descriptions (merged into the parameter), the
200 response's description, and its content (each media type replaced; the JSON media type
that FastAPI adds by default is dropped where the route never sends it)."""


def apply(spec: dict[str, Any]) -> None:
    """Complete the operations of :data:`OPERATIONS` in ``spec``."""
    for (method, path), patch in OPERATIONS.items():
        op = spec.get("paths", {}).get(path, {}).get(method)
        if op is None:
            continue
        for param in op.get("parameters", []):
            extra: Schema = patch.get("parameters", {}).get(param["name"], {})
            for key, value in extra.items():
                if key == "schema":
                    param["schema"] = {**param.get("schema", {}), **value}
                else:
                    param.setdefault(key, value)
        ok = op.setdefault("responses", {}).setdefault("200", {})
        if "description" in patch:
            ok["description"] = patch["description"]
        content = ok.setdefault("content", {})
        if "content" in patch:
            if not content.get("application/json", {}).get("schema") and \
                    "application/json" not in patch["content"]:
                content.pop("application/json", None)
            for media, entry in patch["content"].items():
                content[media] = {**content.get(media, {}), **entry}
