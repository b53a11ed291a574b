"""Building blocks of the JSON Schemas: helpers, the parameter helpers, and the small shapes
every answer shares (a validity window, a legal source, a policy sentence, an explanation step,
an adequacy decision, a transfer mechanism …).

Each named shape is a component of the OpenAPI document (``#/components/schemas/<Name>``);
answers refer to it with :func:`ref`, so a generated client gets one named type per shape.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "BOOL",
    "COMPONENTS",
    "DATE",
    "INT",
    "NDATE",
    "NSTR",
    "OBJECT",
    "OBJECT_LIST",
    "STATUS",
    "STR",
    "STRS",
    "array",
    "component",
    "nullable",
    "obj",
    "path_param",
    "query_param",
    "ref",
]

Schema = dict[str, Any]

STR: Schema = {"type": "string"}
NSTR: Schema = {"type": ["string", "null"]}
INT: Schema = {"type": "integer", "minimum": 0}
BOOL: Schema = {"type": "boolean"}
DATE: Schema = {"type": "string", "format": "date"}
NDATE: Schema = {"type": ["string", "null"], "format": "date"}
STRS: Schema = {"type": "array", "items": STR}
# A bare object and a list of them: what the OpenAPI document said before it said more. Kept
# for callers outside this package; no 200 response uses them (tests/test_openapi.py checks).
OBJECT: Schema = {"type": "object"}
OBJECT_LIST: Schema = {"type": "array", "items": OBJECT}

COMPONENTS: dict[str, Schema] = {}
"""Every named schema, by component name; :func:`xborder.api.schemas.install` adds them to
the OpenAPI document."""


def ref(name: str) -> Schema:
    """A reference to the component ``name``."""
    return {"$ref": f"#/components/schemas/{name}"}


def component(name: str, schema: Schema) -> Schema:
    """Register ``schema`` as the component ``name`` and return it."""
    if name in COMPONENTS and COMPONENTS[name] is not schema:
        raise ValueError(f"two schemas are named {name}")
    schema.setdefault("title", name)
    COMPONENTS[name] = schema
    return schema


def nullable(schema: Schema) -> Schema:
    """``schema`` or null."""
    t = schema.get("type")
    if t is None or "enum" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    types = [t] if isinstance(t, str) else list(t)
    return {**schema, "type": [*types, "null"]}


def array(items: Schema, description: str | None = None) -> Schema:
    out: Schema = {"type": "array", "items": items}
    if description:
        out["description"] = description
    return out


def obj(required: dict[str, Schema], optional: dict[str, Schema] | None = None,
        description: str | None = None) -> Schema:
    """An object with ``required`` properties (always present, maybe null) and ``optional``
    ones (present only in some answers)."""
    out: Schema = {"type": "object", "required": list(required),
                   "properties": {**required, **(optional or {})}}
    if description:
        out["description"] = description
    return out


def query_param(name: str, description: str, *, required: bool = False,
                max_length: int | None = None, schema: Schema | None = None,
                examples: dict[str, Any] | None = None) -> Schema:
    """An OpenAPI query parameter (``examples`` maps a label to a value)."""
    if schema is None:
        schema = {"type": "string"}
        if max_length is not None:
            schema["maxLength"] = max_length
    param: Schema = {"name": name, "in": "query", "required": required,
                     "description": description, "schema": schema}
    if examples:
        param["examples"] = {label: {"value": value} for label, value in examples.items()}
    return param


def path_param(name: str, description: str, max_length: int = 200,
               examples: dict[str, Any] | None = None) -> Schema:
    param = query_param(name, description, required=True, max_length=max_length,
                        examples=examples)
    param["in"] = "path"
    param["schema"]["minLength"] = 1
    return param


# -- shared shapes ------------------------------------------------------------------------------

component("TransferStatus", {
    "type": "string",
    "enum": ["same-area", "adequacy", "safeguards-required", "no-general-restriction",
             "unknown"],
    "description": "What a transfer needs: nothing (`same-area`, `no-general-restriction`), "
                   "nothing beyond the decision (`adequacy`, within its scope), a safeguard "
                   "or derogation (`safeguards-required`), or no rules encoded (`unknown`)."})
component("Confidence", {
    "type": "string", "enum": ["verified", "secondary"],
    "description": "`verified`: read in the official text; `secondary`: from a secondary "
                   "source only."})
STATUS = ref("TransferStatus")
component("Valid", obj(
    {"from": NDATE, "to": NDATE},
    description="A validity window; null: open-ended on that side."))
component("LawSource", obj(
    {"title": STR, "url": STR, "celex": NSTR, "confidence": ref("Confidence")},
    description="An official text: its title, link, CELEX number (EU law) and how it was "
                "read."))
component("SourceLink", obj({"title": STR, "url": STR}, description="A titled link."))
component("PolicySentence", obj(
    {"document": STR, "section": STR, "quote": STR, "url": STR},
    description="The sentence of a privacy policy an answer rests on (the archived copy's URL "
                "where there is one)."))
component("Step", obj(
    {"step": STR, "source": NSTR},
    description="One link of an explanation chain, with the URL of the source that backs it."))
component("Place", obj({"code": STR, "name": STR}, description="A jurisdiction: code and "
                                                              "name."))
component("Authority", obj({"name": STR, "url": STR},
                           description="The supervisory authority of a regime."))
component("EntityRef", obj(
    {"id": STR, "name": STR, "country": STR},
    description="A legal entity: id, name and ISO 3166-1 country of establishment."))
component("Controller", obj(
    {"id": STR, "name": STR, "country": STR, "country_name": STR},
    description="The legal entity that is the data controller."))
component("RuleRef", obj(
    {"id": STR, "default": BOOL, "document": STR, "section": STR, "valid": ref("Valid")},
    description="The controller rule that decides an answer: its id, whether it is the "
                "policy's default, the document and section it is read from, and the window "
                "in which it and its document are in force."))
component("EndedBy", obj(
    {"name": STR, "date": DATE, "url": STR, "source": ref("LawSource")},
    description="What ended an instrument before its time: a judgment (C-311/18) or a "
                "repeal, with its date."))
component("Duty", obj(
    {"text": STR, "valid_from": NDATE, "valid_to": NDATE, "source": ref("LawSource")},
    description="What an exporter relying on a mechanism must also do (a transfer impact "
                "assessment, supplementary measures), from a date, with its source."))
_ADEQUACY_PROPS: dict[str, Schema] = {
    "kind": STR, "id": STR, "instrument": NSTR, "scope": STR, "destination": STR,
    "valid_from": NDATE, "valid_to": NDATE, "iri": NSTR, "source": ref("LawSource"),
    "confidence": ref("Confidence"), "note": NSTR}
component("AdequacyDecision", obj(
    _ADEQUACY_PROPS,
    {"ended_by": ref("EndedBy"), "regime": STR, "uncertainty": NSTR},
    description="An adequacy decision (or an equivalent finding) of a regime for one "
                "destination, its scope and window; `ended_by` when a judgment or act ended "
                "it. Look-ups add the `regime` and the `uncertainty`."))
component("Mechanism", obj(
    {"kind": STR, "id": STR, "name": STR, "instrument": NSTR, "scope": NSTR,
     "valid_from": NDATE, "valid_to": NDATE, "article": NSTR, "iri": NSTR,
     "source": ref("LawSource"), "confidence": ref("Confidence")},
    {"grandfathered_to": DATE, "note": STR, "duties": array(ref("Duty"))},
    description="A transfer mechanism or derogation (SCCs, BCRs, consent …): the article and "
                "instrument, its window (`grandfathered_to`: existing contracts stay valid "
                "until then) and the duties that come with it."))
component("Restriction", obj(
    {"kind": STR, "id": STR, "scope": STR, "destinations": STRS, "instrument": NSTR,
     "valid_from": NDATE, "valid_to": NDATE, "source": ref("LawSource"), "note": NSTR},
    description="A targeted rule restricting transfers to some destinations."))
