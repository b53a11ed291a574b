"""The OpenAPI document is one a client can be generated from: every operation summarised and
described, every parameter described, every 200 JSON body a named, precise schema — and real
answers match those schemas, with no property left undocumented.

The schemas stay open to new properties (``additionalProperties`` is not set), so a client
built from them keeps working when an answer grows; the checks here are stricter: each object
schema is closed before real bodies are validated against it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from http_support import PROBLEM, TestClient

from xborder.api.http import create_app

METHODS = ("get", "post", "put", "delete", "patch")
JSON_MEDIA = ("application/json", "application/sparql-results+json", "application/ld+json")


@pytest.fixture(scope="module")
def client(kb: Any) -> Iterator[TestClient]:
    with TestClient(create_app(kb)) as c:
        yield c


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:
    r = client.get("/openapi.json")
    assert r.status_code == 200
    data: dict[str, Any] = r.json()
    return data


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in METHODS:
                yield method, path, op


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with its top-level ``$ref`` (and a lone ``allOf`` wrapper) followed."""
    while True:
        if "$ref" in schema:
            node: Any = spec
            for part in schema["$ref"].removeprefix("#/").split("/"):
                node = node[part]
            schema = node
        elif list(schema.get("allOf", ())) and len(schema["allOf"]) == 1 and \
                "properties" not in schema:
            schema = schema["allOf"][0]
        else:
            return schema


def json_200(op: dict[str, Any]) -> dict[str, dict[str, Any]]:
    content = op["responses"].get("200", {}).get("content", {})
    return {m: c for m, c in content.items() if m in JSON_MEDIA or m.endswith("+json")}


# -- (1) every operation and parameter is described ---------------------------------------------

def test_every_operation_has_a_summary_a_description_and_described_parameters(spec):
    ops = list(operations(spec))
    assert len(ops) >= 30
    missing = []
    for method, path, op in ops:
        for key in ("summary", "description"):
            if not str(op.get(key, "")).strip():
                missing.append(f"{method.upper()} {path}: no {key}")
        for p in op.get("parameters", []):
            if not str(p.get("description", "")).strip():
                missing.append(f"{method.upper()} {path}: parameter {p['name']} undescribed")
            if "schema" not in p:
                missing.append(f"{method.upper()} {path}: parameter {p['name']} has no schema")
    assert not missing, "\n".join(missing)


def test_operations_with_input_document_their_problems(spec):
    """Input can be malformed: each such operation documents a 400 problem; every 4xx response
    documented is an RFC 9457 problem; FastAPI's validation-error body is never promised."""
    problem = {"$ref": "#/components/schemas/Problem"}
    for method, path, op in operations(spec):
        responses = op["responses"]
        if op.get("parameters") or op.get("requestBody"):
            assert "400" in responses, f"{method} {path}"
        for status, r in responses.items():
            if status.startswith("4"):
                assert r.get("content", {}).get(PROBLEM, {}).get("schema") == problem, \
                    f"{method} {path} {status}"
                assert set(r["content"]) == {PROBLEM}, f"{method} {path} {status}"
    assert "HTTPValidationError" not in json.dumps(spec)


def test_every_response_names_its_media_types(spec):
    """Non-JSON answers (CSV, GraphML, HTML, SVG, Turtle …) say what they are."""
    for method, path, op in operations(spec):
        ok = op["responses"]["200"]
        assert ok.get("description"), f"{method} {path}"
        assert ok.get("content"), f"{method} {path}: no media type"
        for media, c in ok["content"].items():
            assert c.get("schema"), f"{method} {path} {media}: no schema"


# -- (2) no 200 JSON body is a bare object -----------------------------------------------------

def _bare(spec: dict[str, Any], schema: dict[str, Any], where: str, seen: set[str],
          out: list[str]) -> None:
    """Collect the places under ``schema`` that are objects of unknown shape."""
    if "$ref" in schema:
        if schema["$ref"] in seen or schema["$ref"].endswith("/Problem"):
            return  # a problem's own shape is api/problems.py's
        seen.add(schema["$ref"])
    schema = resolve(spec, schema)
    types = schema.get("type")
    types = [types] if isinstance(types, str) else list(types or [])
    if "object" in types and not schema.get("properties") and \
            not isinstance(schema.get("additionalProperties"), dict):
        out.append(where)
    if "array" in types and not schema.get("items"):
        out.append(where + "[]: no items")
    for key in ("anyOf", "oneOf", "allOf"):
        for i, sub in enumerate(schema.get(key, ())):
            _bare(spec, sub, f"{where}/{key}{i}", seen, out)
    for name, sub in schema.get("properties", {}).items():
        _bare(spec, sub, f"{where}.{name}", seen, out)
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            _bare(spec, schema[key], f"{where}/{key}", seen, out)


def test_no_json_answer_is_a_bare_object(spec):
    bare: list[str] = []
    for method, path, op in operations(spec):
        for media, c in json_200(op).items():
            _bare(spec, c["schema"], f"{method.upper()} {path} {media}", set(), bare)
    assert not bare, "\n".join(bare)


def test_answers_are_named_components(spec):
    """A generated client gets named types: each 200 JSON body is a component (or a list of
    components, or a choice between them), and every reference resolves."""
    names = spec["components"]["schemas"]
    for method, path, op in operations(spec):
        for media, c in json_200(op).items():
            s = c["schema"]
            s = s.get("items", s)
            refs = [x["$ref"] for x in s.get("oneOf", [s]) if "$ref" in x]
            assert refs, f"{method.upper()} {path} {media}: not a named schema"
    text = json.dumps(spec)
    for name in {part.split('"')[0] for part in text.split('"#/components/schemas/')[1:]}:
        assert name in names, name


def test_every_schema_is_valid_json_schema_and_every_tag_is_declared(spec):
    """OpenAPI 3.1 schemas are JSON Schema 2020-12: each component passes the metaschema; each
    operation's tags are declared (with a description) at the top."""
    for name, schema in spec["components"]["schemas"].items():
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"components/schemas/{name}: {exc.message}")
    declared = {t["name"]: t.get("description") for t in spec.get("tags", [])}
    for method, path, op in operations(spec):
        for tag in op.get("tags", []):
            assert declared.get(tag), f"{method.upper()} {path}: tag {tag!r} not declared"


# -- (3) real answers validate against their documented schemas --------------------------------

def closed(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``spec`` in which every object schema with properties admits no others."""
    out = copy.deepcopy(spec)

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict) and "additionalProperties" not in node \
                    and node.get("title") != "Problem":
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(out["components"])
    walk(out["paths"])
    return out


def documented(spec: dict[str, Any], method: str, path: str, media: str) -> dict[str, Any]:
    content = spec["paths"][path][method]["responses"]["200"]["content"]
    assert media in content, f"{method.upper()} {path} does not document {media}"
    return {"components": spec["components"], "allOf": [content[media]["schema"]]}


def check(spec: dict[str, Any], method: str, path: str, response: Any) -> None:
    """``response`` is a documented 200 whose body matches its schema."""
    assert response.status_code == 200, (path, response.text[:300])
    media = response.headers["content-type"].split(";")[0]
    schema = documented(spec, method, path, media)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = list(validator.iter_errors(response.json()))
    assert not errors, f"{method.upper()} {path}:\n" + "\n".join(
        _explain(e) for e in errors[:5])


def _explain(error: jsonschema.ValidationError) -> str:
    """The deepest reasons of an error (a failed ``oneOf`` says little by itself)."""
    leaves = [error]
    while any(e.context for e in leaves):
        leaves = [c for e in leaves for c in (e.context or [e])]
    deepest = sorted(leaves, key=lambda e: -len(e.absolute_path))[:4]
    return "\n".join(f"  at {e.json_path}: {e.message[:200]}" for e in deepest)


@pytest.fixture(scope="module")
def strict(spec: dict[str, Any]) -> dict[str, Any]:
    return closed(spec)


AT = "2020-07-17"
GETS: list[tuple[str, str, dict[str, Any]]] = [
    ("/healthz", "/healthz", {}),
    ("/readyz", "/readyz", {}),
    ("/v1/version", "/v1/version", {}),
    ("/v1/resolve", "/v1/resolve", {"location": "RE", "service": "consumer-cloud",
                                    "at": "2017-06-01", "org": "huawei"}),
    ("/v1/resolve", "/v1/resolve", {"location": "Réunion", "service": "cloud", "org": "huawei",
                                    "at": "2017-06-01", "view": "compact"}),
    ("/v1/resolve", "/v1/resolve", {"location": "GB", "org": "huawei", "at": "2020-06-01"}),
    ("/v1/resolve", "/v1/resolve", {"location": "ES-CN", "org": "huawei", "at": AT,
                                    "transfers": "false"}),
    ("/v1/resolve", "/v1/resolve", {"location": "81.2.69.160", "org": "huawei", "at": AT}),
    ("/v1/resolve", "/v1/resolve", {"location": "48.5734,7.7521", "org": "google",
                                    "at": "2024-01-01"}),
    ("/v1/routing-table", "/v1/routing-table", {"org": "huawei", "at": "2017-06-01"}),
    ("/v1/transfers", "/v1/transfers", {"from": "DE", "to": "US", "at": AT}),
    ("/v1/transfers", "/v1/transfers", {"from": "DE", "to": "US", "at": "2017-06-01",
                                        "org": "huawei"}),
    ("/v1/transfers", "/v1/transfers", {"from": "GB", "to": "CN", "at": "2021-01-01"}),
    ("/v1/transfers", "/v1/transfers", {"from": "CH", "to": "JP", "at": "2024-01-01"}),
    ("/v1/transfers", "/v1/transfers", {"from": "US", "to": "DE", "at": AT}),
    ("/v1/transfers", "/v1/transfers", {"from": "FR", "to": "DE", "at": AT}),
    ("/v1/resolve/organisations", "/v1/resolve/organisations", {"location": "DE", "at": AT}),
    ("/v1/resolve/organisations", "/v1/resolve/organisations",
     {"location": "US", "at": "2024-01-01", "org": ["huawei", "google"]}),
    ("/v1/organisations", "/v1/organisations", {}),
    ("/v1/entities", "/v1/entities", {}),
    ("/v1/entities", "/v1/entities", {"org": "huawei"}),
    ("/v1/entities/{entity_id}", "/v1/entities/huawei-technologies-deutschland", {}),
    ("/v1/services", "/v1/services", {}),
    ("/v1/services/{service}", "/v1/services/consumer-cloud", {"org": "huawei"}),
    ("/v1/services/{service}", "/v1/services/https://www.hihonor.com/us", {}),
    ("/v1/jurisdictions", "/v1/jurisdictions", {}),
    ("/v1/jurisdictions/{location}", "/v1/jurisdictions/RE", {}),
    ("/v1/jurisdictions/{location}", "/v1/jurisdictions/RE", {"at": AT}),
    ("/v1/jurisdictions/{location}", "/v1/jurisdictions/GB", {"at": "2021-06-01"}),
    ("/v1/jurisdictions/{location}", "/v1/jurisdictions/EEA", {}),
    ("/v1/jurisdictions/{location}", "/v1/jurisdictions/FR-75C", {"at": AT}),
    ("/v1/regimes", "/v1/regimes", {}),
    ("/v1/adequacy", "/v1/adequacy", {}),
    ("/v1/adequacy", "/v1/adequacy", {"regime": "EU", "destination": "US", "at": AT}),
    ("/v1/export", "/v1/export", {"format": "jsonld"}),
    ("/v1/changes", "/v1/changes", {"before": "2020-07-15", "after": AT, "org": "huawei"}),
    ("/v1/changes", "/v1/changes", {"before": "2020-12-31", "after": "2021-01-01",
                                    "org": "huawei", "service": "cloud"}),
    ("/v1/changes", "/v1/changes", {"before": "2017-01-01", "after": "2023-01-01",
                                    "org": "huawei"}),
    ("/v1/timeline", "/v1/timeline", {"from": "DE", "to": "US"}),
    ("/v1/timeline", "/v1/timeline", {"from": "GB", "to": "CN", "start": "2015-01-01"}),
    ("/v1/basis", "/v1/basis", {"location": "RE", "org": "huawei", "at": AT}),
    ("/v1/basis", "/v1/basis", {"location": "DE", "org": "huawei", "service": "cloud",
                                "at": AT}),
    ("/v1/suggest", "/v1/suggest", {"q": "Réun"}),
    ("/v1/suggest", "/v1/suggest", {"q": "De", "limit": 25}),
    ("/v1/register/{org}.{fmt}", "/v1/register/huawei.json", {"at": AT}),
    ("/v1/register/{org}.{fmt}", "/v1/register/huawei.json",
     {"at": "2017-06-01", "location": "DE", "service": "cloud"}),
    ("/sparql", "/sparql", {"query": "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20"}),
    ("/sparql", "/sparql", {"query": "ASK { ?s ?p ?o }"}),
    ("/sparql", "/sparql", {"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 20",
                            "format": "jsonld"}),
]


@pytest.mark.parametrize(("path", "url", "params"), GETS,
                         ids=[f"{u}?{'&'.join(f'{k}={v}' for k, v in p.items())}"
                              for _, u, p in GETS])
def test_real_answers_match_their_schema(client, strict, path, url, params):
    headers = {"Accept": "application/sparql-results+json"} if path == "/sparql" else {}
    check(strict, "get", path, client.get(url, params=params, headers=headers))


def test_every_organisation_regime_and_entity_matches(client, strict, kb):
    """Each organisation and regime in the knowledge base, and a sample of entities."""
    for org in sorted(kb.model.organisations):
        check(strict, "get", "/v1/organisations/{org}", client.get(f"/v1/organisations/{org}"))
    for regime in sorted(kb.law.regimes):
        check(strict, "get", "/v1/regimes/{regime_id}", client.get(f"/v1/regimes/{regime}"))
    for entity in sorted(kb.model.entities)[::7]:
        check(strict, "get", "/v1/entities/{entity_id}", client.get(f"/v1/entities/{entity}"))


def test_every_organisations_resolution_matches(client, strict):
    """One full answer per organisation (with its policy version and legs) and per service."""
    rows = client.get("/v1/resolve/organisations", params={"location": "DE", "at": AT}).json()
    asked = 0
    for row in rows:
        for answer in row["answers"]:
            if "error" in answer:
                continue
            params = {"location": "DE", "org": row["organisation"]["id"], "at": AT}
            if answer["service"]:
                params["service"] = answer["service"]
            check(strict, "get", "/v1/resolve", client.get("/v1/resolve", params=params))
            asked += 1
    assert asked >= 20


def test_a_batch_matches_its_schema(client, strict):
    body = {"items": [{"location": "RE", "service": "consumer-cloud", "org": "huawei",
                       "at": "2017-06-01"},
                      {"location": "Middle-earth", "org": "huawei"},
                      {"location": "Korea", "org": "huawei"}]}
    for view in ("full", "compact"):
        r = client.post("/v1/resolve/batch", params={"view": view}, json=body)
        check(strict, "post", "/v1/resolve/batch", r)
        assert [x["ok"] for x in r.json()["results"]] == [True, False, False]


def test_the_check_fails_on_a_wrong_schema(client, strict):
    """The checks bite: an undocumented property, a wrong type or a missing required
    property in the documented schema is reported."""
    r = client.get("/v1/transfers", params={"from": "DE", "to": "US", "at": AT})
    check(strict, "get", "/v1/transfers", r)
    for break_it in (lambda s: s["properties"].pop("coverage"),
                     lambda s: s["properties"].update(status={"type": "integer"}),
                     lambda s: s["required"].append("nonexistent")):
        wrong = copy.deepcopy(strict)
        break_it(wrong["components"]["schemas"]["Transfer"])
        with pytest.raises(AssertionError):
            check(wrong, "get", "/v1/transfers", r)


def test_documented_media_types_are_the_ones_sent(client, spec):
    """CSV, GraphML, HTML, SVG and Turtle answers come with a media type the document names."""
    for path, url, params in [
        ("/v1/routing-table", "/v1/routing-table", {"org": "huawei", "format": "csv"}),
        ("/v1/changes", "/v1/changes", {"before": "2020-07-15", "after": AT, "org": "huawei",
                                        "format": "csv"}),
        ("/v1/export", "/v1/export", {"format": "ttl"}),
        ("/v1/export", "/v1/export", {"format": "nt"}),
        ("/v1/register/{org}.{fmt}", "/v1/register/huawei.csv", {"at": AT}),
        ("/v1/maps/{org}.graphml", "/v1/maps/huawei.graphml", {"at": AT, "service": "cloud"}),
        ("/v1/maps/{org}/world.svg", "/v1/maps/huawei/world.svg", {"at": AT}),
        ("/v1/maps/{org}.html", "/v1/maps/huawei.html", {"at": AT, "service": "cloud"}),
    ]:
        r = client.get(url, params=params)
        assert r.status_code == 200, (url, r.text[:200])
        media = r.headers["content-type"].split(";")[0]
        content = spec["paths"][path]["get"]["responses"]["200"]["content"]
        assert media in content, (path, media, list(content))
        assert content[media]["schema"] == {"type": "string"}, (path, media)
