"""Fuzz the whole OpenAPI schema with schemathesis: valid and invalid requests to every
operation; zero server errors, every response documented and conforming to its schema.

Bounded: a few dozen examples per operation and mode (the suite stays well under a minute on two
cores); the SPARQL time limit is short so that a random query cannot stall the run.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from xborder import KnowledgeBase
from xborder.api.http import create_app

APP = create_app(KnowledgeBase.load(), sparql_timeout=2.0, sparql_max_results=500)
# Invalid input is rejected with a 4xx problem; 413 (a body or batch over the limit) included.
CONFIG = SchemathesisConfig.from_dict({"checks": {"negative_data_rejection": {
    "expected-statuses": ["400", "403", "404", "405", "406", "409", "413", "415", "422",
                          "429"]}}})
schema = schemathesis.openapi.from_asgi("/openapi.json", APP, config=CONFIG)



@schemathesis.serializer("application/sparql-query")
def _sparql_query(ctx: Any, value: Any) -> bytes:
    """SPARQL query bodies go as text (invalid UTF-8 included, when generated)."""
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8", "surrogatepass")


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance, negative_data_rejection]


@schema.parametrize()
@settings(max_examples=50, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema_and_never_fails(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)
