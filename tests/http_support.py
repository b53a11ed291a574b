"""What the HTTP tests share: the test client (imported quietly) and the problem constants."""

from __future__ import annotations

import warnings

from xborder.graph.errors import PROBLEM_BASE

with warnings.catch_warnings():  # starlette warns that httpx2 is preferred; httpx still works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PROBLEM = "application/problem+json"
TYPE = PROBLEM_BASE

__all__ = ["PROBLEM", "TYPE", "TestClient"]
