"""The look-ups (``api/routes_lookup.py``) and the service routes (health, readiness, version):
organisations, legal entities, services, jurisdictions, regimes and their coverage, adequacy
decisions, and the controller at every organisation."""

from __future__ import annotations

from xborder.api.schemas.base import (
    BOOL,
    DATE,
    INT,
    NDATE,
    NSTR,
    STR,
    STRS,
    Schema,
    array,
    component,
    nullable,
    obj,
    ref,
)

__all__ = ["extend"]


def extend(base: Schema, required: dict[str, Schema], description: str) -> Schema:
    """``base`` with more required properties (a new schema: no ``allOf``, so a generated
    client gets one flat type)."""
    out = obj({**base["properties"], **required}, description=description)
    out["required"] = [*base["required"], *required]
    return out


# -- service ------------------------------------------------------------------------------------

component("Health", obj({"status": {"const": "ok"}},
                        description="The process answers."))
component("Readiness", obj(
    {"status": {"const": "ready"}, "version": STR, "origin": STR, "triples": INT,
     "organisations": STRS, "jurisdictions": INT},
    description="The knowledge base is loaded: its version (content hash), where it was "
                "read from, its size, the organisations it holds and the number of "
                "jurisdictions."))
component("Loading", obj({"status": {"const": "loading"}},
                         description="No knowledge base loaded yet."))
component("Version", obj(
    {"xborder": STR, "knowledge_base": STR,
     "geoip": obj({"source": STR, "date": NDATE},
                  description="the IP database and the date of its data")},
    description="The server's version, the knowledge base's content hash and the GeoIP "
                "database's date."))

# -- organisations, entities, services ----------------------------------------------------------

_ORG = obj({"id": STR, "name": STR, "aliases": STRS,
            "services": array(obj({"id": STR, "name": STR})),
            "entities": array(ref("EntityRef"))},
           description="An organisation: the services its policies cover and its legal "
                       "entities.")
component("OrganisationSummary", _ORG)
component("PolicyDocument", obj(
    {"id": STR, "title": STR, "url": STR, "version": NSTR, "valid": ref("Valid"),
     "issuer": STR, "archived_url": NSTR, "archived_on": NDATE},
    description="A policy document: its stated window, issuer, and the archived copy read "
                "(`archived_on`: the last day a copy shows it in force)."))
component("ControllerRule", obj(
    {"id": STR, "controller": STR, "services": STRS, "locations": STRS, "except": STRS,
     "default": BOOL, "valid": ref("Valid"), "note": NSTR, "source": ref("PolicySentence")},
    description="A controller rule as read from the policy: which entity controls the data "
                "of users in `locations` (but not in `except`) for `services` (empty: all)."))
component("RecipientClause", obj(
    {"id": STR, "kind": STR, "name": STR, "entities": STRS, "locations": STRS,
     "location_basis": NSTR, "source": ref("PolicySentence")},
    description="Recipients the policy names, and where it says they are (`*`: anywhere)."))
component("SafeguardClause", obj(
    {"id": STR, "kind": STR, "name": STR, "source": ref("PolicySentence")},
    description="A safeguard the policy claims (SCCs, BCRs, consent …)."))
component("Organisation", extend(_ORG, {
    "documents": array(ref("PolicyDocument")), "rules": array(ref("ControllerRule")),
    "recipients": array(ref("RecipientClause")), "safeguards": array(ref("SafeguardClause"))},
    "An organisation with its policy documents, controller rules, recipients and claimed "
    "safeguards."))
_ENTITY = obj({"id": STR, "name": STR, "country": STR, "organisation": STR,
               "locality": NSTR, "address": NSTR},
              description="A legal entity of an organisation.")
component("Entity", _ENTITY)
component("EntityDetail", extend(_ENTITY, {"controller_in_rules": STRS},
                                 "A legal entity and the controller rules that name it."))
_SERVICE = obj({"id": STR, "organisation": STR, "name": STR, "aliases": STRS, "domains": STRS},
               description="A service of an organisation: names and web domains it is known "
                           "by.")
component("Service", _SERVICE)
component("ServiceDetail", extend(_SERVICE, {"rules": STRS},
                                  "A service and the ids of the controller rules that may "
                                  "apply to it."))
component("OrganisationAnswer", obj(
    {"organisation": obj({"id": STR, "name": STR}),
     "depends_on_service": BOOL,
     "answers": array({"anyOf": [
         obj({"service": NSTR, "service_name": NSTR, "controller": ref("Controller"),
              "rule": ref("RuleRef"), "policy": nullable(ref("PolicyVersion")),
              "caveats": STRS}),
         obj({"service": {"type": "null"}, "error": STR},
             description="no controller named for that place and date: why"),
     ]}, "no service named first, then each service")},
    description="One organisation's controller for a user in one place on one date."))

# -- jurisdictions ------------------------------------------------------------------------------

_KIND = {"type": "string", "enum": ["country", "subdivision", "region", "group"]}
_JURISDICTION = obj({"code": STR, "name": STR, "kind": _KIND, "part_of": NSTR},
                    description="A country, territory, subdivision or group (EU, EEA).")
component("JurisdictionSummary", _JURISDICTION)
_DATED = {"valid": ref("Valid"), "source": ref("LawSource")}
component("JurisdictionDetail", obj(
    {**_JURISDICTION["properties"], "parts": STRS,
     "memberships": array(obj({"group": STR, **_DATED})),
     "law_applications": array(obj({
         "groups": STRS, "applies": BOOL, "kind": STR, "basis": STR, "uncertainty": NSTR,
         **_DATED}), "whether a group's law applies in this territory, over time")},
    {"members": array(obj({"member": STR, **_DATED}), "a group's members over time"),
     "at": DATE,
     "groups": {"type": "object", "description": "with `at`: its standing in each group",
                "additionalProperties": obj({"member": BOOL, "law_applies": BOOL,
                                             "chain": array(ref("Step")), "caveats": STRS})},
     "regimes": array(obj({"id": STR, "name": STR, "chain": array(ref("Step"))}),
                      "with `at`: the transfer regimes covering it")},
    description="A jurisdiction with its memberships and law applications over time; a "
                "group lists its `members`; with `at`, a place also gets its standing on "
                "that date."))

# -- regimes ------------------------------------------------------------------------------------

_COUNTS = {"type": "object", "additionalProperties": INT}
component("RegimeCoverage", obj(
    {"id": STR, "name": STR, "authority": nullable(ref("Authority")), "period": ref("Valid"),
     "laws": array(obj({"name": STR, "valid": ref("Valid"), "general_restriction": BOOL,
                        "confidence": ref("Confidence")})),
     "area": STRS, "adequacy_entries": INT,
     "mechanisms": {**_COUNTS, "description": "counts by kind"},
     "restrictions": INT,
     "confidence": {**_COUNTS, "description": "how many sources are verified or secondary"},
     "not_encoded": array(obj({"valid": ref("Valid"), "missing": STR,
                               "source": ref("SourceLink")}),
                          "periods whose transfer rules are known to be missing"),
     "eea_efta_unconfirmed": STRS, "note": NSTR},
    description="What is encoded of a regime and for which period, and what is not."))
_REGIME = obj({
    "id": STR, "name": STR, "general_restriction": BOOL,
    "laws": array(obj({"name": STR, "iri": NSTR, **_DATED})),
    "areas": array(obj({"place": STR, **_DATED})),
    "note": NSTR, "authority": nullable(ref("Authority")), "coverage": ref("RegimeCoverage")},
    description="A transfer regime (GDPR, UK GDPR, …): its laws and area over time.")
component("Regime", _REGIME)
component("RegimeDetail", extend(_REGIME, {
    "adequacy": array(ref("AdequacyDecision")), "mechanisms": array(ref("Mechanism")),
    "restrictions": array(ref("Restriction"))},
    "A regime with its adequacy decisions, transfer mechanisms and targeted restrictions."))

# -- the RDF export as JSON-LD ------------------------------------------------------------------

_TERM: Schema = {"type": "object", "minProperties": 1,
                 "properties": {"@id": STR, "@value": {}, "@type": STR, "@language": STR},
                 "description": "a node reference (`@id`) or a literal (`@value`)"}
component("JsonLdGraph", array(
    {"type": "object", "required": ["@id"],
     "properties": {"@id": STR, "@type": STRS},
     "additionalProperties": array(_TERM),
     "description": "one node: its IRI, its types, and each property (a full IRI) with its "
                    "values"},
    "The knowledge-base graph in expanded JSON-LD: one object per node."))
