"""The answers: a resolution (and its compact view), a batch, the routing table and a transfer.

Written from what the core returns (``Resolution.to_dict``, ``Leg.to_dict``,
``Transfer.to_dict``, ``routes_routing.routing_rows``); ``tests/test_openapi.py`` checks real
answers against them, undocumented properties included.
"""

from __future__ import annotations

from typing import Any

from xborder.api.schemas.base import (
    BOOL,
    DATE,
    INT,
    NSTR,
    STATUS,
    STR,
    STRS,
    array,
    component,
    nullable,
    obj,
    ref,
)

__all__ = ["BATCH_REQUEST", "BATCH_RESPONSE", "COMPACT", "RESOLUTION", "ROUTING_TABLE",
           "TRANSFER"]

_SOURCE = component("AnswerSource", obj(
    {"document": STR, "section": NSTR, "quote": NSTR, "url": STR},
    description="A source of an answer: the policy sentence (section and quote) or an "
                "official text (section and quote null)."))
component("PolicyVersion", obj(
    {"document": STR, "title": STR, "version": NSTR, "from": {"type": ["string", "null"],
                                                              "format": "date"},
     "to": {"type": ["string", "null"], "format": "date"},
     "first_seen": {"type": ["string", "null"], "format": "date"},
     "last_seen": {"type": ["string", "null"], "format": "date"}, "url": STR,
     "archived_url": NSTR,
     "status": {"type": "string", "enum": ["in-force", "gap", "unconfirmed"]}},
    {"gap": obj({"after": obj({"document": STR, "version": NSTR, "last_seen": DATE}),
                 "before": obj({"document": STR, "version": NSTR,
                                "from": {"type": ["string", "null"], "format": "date"}})},
                description="with `status: gap`: the last sighting of this version and the "
                            "next version known")},
    description="The policy version in force: its stated dates, when archived copies show it "
                "(`first_seen`, `last_seen`), and whether an archived copy confirms it on the "
                "date asked (`in-force`), the date falls between two versions (`gap`) or "
                "after the last copy seen (`unconfirmed`)."))
component("Alternative", obj(
    {"controller": ref("EntityRef"), "rule": STR, "reason": STR},
    description="Another controller under another reading of the policy, and why."))
component("RecipientRef", obj(
    {"id": STR, "kind": STR, "name": STR, "entities": STRS, "location_basis": NSTR,
     "source": ref("PolicySentence")},
    description="A recipient the policy names (affiliates, service providers …)."))
component("PolicyClaim", obj(
    {"kind": STR, "name": STR, "section": STR, "quote": STR},
    description="A safeguard the organisation's policy claims for its transfers."))
component("MechanismBrief", obj(
    {"kind": STR, "instrument": NSTR, "scope": NSTR,
     "valid_from": {"type": ["string", "null"], "format": "date"},
     "valid_to": {"type": ["string", "null"], "format": "date"}},
    description="An adequacy decision or safeguard a leg may rest on, in brief."))
component("Leg", obj(
    {"leg": {"type": "string", "enum": ["user-to-controller", "controller-to-recipient"]},
     "from": STR, "to": NSTR, "status": STATUS, "regime": NSTR,
     "mechanisms": array(ref("MechanismBrief")), "explanation": STR, "caveats": STRS,
     "policy_claims": array(ref("PolicyClaim")), "gap": NSTR},
    {"recipient": ref("RecipientRef")},
    description="One transfer of the flow (user → controller, controller → recipient), "
                "evaluated: `to` is null when the policy does not say where the recipients "
                "are; `gap` says what the policy fails to claim."))

RESOLUTION: dict[str, Any] = component("Resolution", {
    **obj({
        "at": DATE,
        "location": obj({"input": STR, "code": STR, "name": STR, "matched": STR,
                         "chain": array(ref("Step"))}),
        "organisation": obj({"id": STR, "name": STR}),
        "service": nullable(obj({"id": STR, "name": STR})),
        "controller": ref("Controller"),
        "rule": ref("RuleRef"),
        "policy": nullable(ref("PolicyVersion")),
        "explanation": STR,
        "sources": array(_SOURCE),
        "alternatives": array(ref("Alternative")),
        "caveats": STRS,
        "transfers": array(ref("Leg"), "empty with `transfers=false`"),
    }, description="Who is the data controller, by which rule and policy sentence, and what "
                   "lets the data cross each border (the same JSON as "
                   "`xborder resolve --json`)."),
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
        "policy": None,
        "explanation": "RE → part of FR → FR in EEA since 1994-01-01 → rule 10.1 (section 10) "
                       "→ Huawei Technologies Deutschland GmbH",
        "sources": [], "alternatives": [], "caveats": [], "transfers": [],
    },
})

COMPACT: dict[str, Any] = component("CompactResolution", {
    **obj({
        "at": DATE,
        "location": obj({"input": STR, "code": STR, "name": STR}),
        "controller": ref("EntityRef"),
        "rule": obj({"id": STR, "default": BOOL}),
        "caveat_count": INT,
        "alternative_controllers": array(STR, "ids of the other controllers under other "
                                              "readings"),
    }, description="`view=compact`: the controller only (ask `view=full` for the reasons)."),
    "additionalProperties": False,
})

_BATCH_ITEM = {"type": "object", "required": ["location"],
               "properties": {"location": {"type": "string", "maxLength": 200},
                              "service": {"type": ["string", "null"], "maxLength": 200},
                              "org": {"type": ["string", "null"], "maxLength": 200},
                              "at": {"type": ["string", "null"], "maxLength": 32}}}
BATCH_REQUEST: dict[str, Any] = component("BatchRequest", {
    "type": "object", "required": ["items"],
    "properties": {"items": {"type": "array", "maxItems": 10_000, "items": _BATCH_ITEM}},
    "example": {"items": [
        {"location": "RE", "service": "consumer-cloud", "at": "2017-06-01"},
        {"location": "81.2.69.160", "service": "consumer-cloud", "at": "2017-06-01"},
        {"location": "Middle-earth"}]},
})
BATCH_RESPONSE: dict[str, Any] = component("BatchResponse", obj({
    "count": INT,
    "results": array({"oneOf": [
        obj({"ok": {"const": True},
             "result": {"oneOf": [ref("Resolution"), ref("CompactResolution")]}}),
        obj({"ok": {"const": False}, "problem": ref("Problem")}),
    ]}, "one per item, in order: the answer, or the problem of that item"),
}, description="The answers of a batch, in the order of its items."))

ROUTING_TABLE: dict[str, Any] = component("RoutingTable", obj({
    "organisation": STR, "at": DATE, "knowledge_base": STR, "count": INT,
    "rows": array(obj({
        "location": STR, "location_name": STR, "service": NSTR, "controller": NSTR,
        "controller_name": NSTR, "controller_country": NSTR, "rule": NSTR,
        "default_rule": {"type": ["boolean", "null"]}, "caveat_count": INT,
        "alternative_count": INT, "error": NSTR}, description="one jurisdiction × service; "
                                                                "`error` (a problem slug) when "
                                                                "no controller is named")),
}, description="Every jurisdiction × (no service named, each service) → its controller, for "
               "one organisation and date."))

_CHAIN = array(ref("Step"))
component("TransferCoverage", obj(
    {"regime": NSTR, "law": NSTR, "instruments": STRS,
     "confidence": nullable(ref("Confidence"))},
    description="What an answer rests on: the regime, its law, the instruments evaluated and "
                "the weakest confidence among their sources."))
TRANSFER: dict[str, Any] = component("Transfer", obj({
    "from": obj({"code": STR, "name": STR, "input": STR}),
    "to": obj({"code": STR, "name": STR, "input": STR}),
    "at": DATE,
    "regime": nullable(obj({
        "id": STR, "name": STR,
        "law": nullable(obj({"name": STR, "iri": NSTR, "source": ref("SourceLink")})),
        "authority": nullable(ref("Authority"))})),
    "status": STATUS,
    "mechanisms": array({"anyOf": [ref("AdequacyDecision"), ref("Mechanism")]},
                        "the adequacy decisions, then the safeguards usable on that date"),
    "derogations": array(ref("Mechanism")),
    "out_of_scope": array(ref("Mechanism")),
    "restrictions": array(ref("Restriction")),
    "explanation": STR,
    "chain": _CHAIN,
    "caveats": STRS,
    "coverage": ref("TransferCoverage"),
    "other_regimes": array(obj({"regime": NSTR, "status": STATUS, "explanation": STR,
                                "coverage": ref("TransferCoverage")}),
                           "the other regimes covering the exporter (the strictest decides)"),
}, {"policy_claims": array(obj({"kind": STR, "name": STR, "source": ref("PolicySentence")}),
                           "with `org`: the safeguards its policy claims")},
    description="May data go from one place to another on a date, and on what basis (the "
                "same JSON as `xborder transfers --json`)."))
