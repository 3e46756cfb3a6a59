"""Property-based requests from the OpenAPI document (schemathesis): no input makes a 5xx, and every
list answers the envelope its OpenAPI model documents.

Requests carry a valid token so the handlers behind auth are exercised too, except ingest:
generated URLs would make the fetcher resolve random host names, and tests use no network
(its handler is covered by test_api). A modest number of examples keeps the run short.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from .conftest import make_app, make_database

_folder = Path(__import__("tempfile").mkdtemp(prefix="spyglass-schema-"))
DATABASE = make_database(_folder)
APP = make_app(DATABASE)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP, headers={"Host": "127.0.0.1"})

pytestmark = pytest.mark.slow


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: schemathesis.Case) -> None:
    headers = {"Host": "127.0.0.1"}
    if case.path != "/api/v1/ingest":
        headers["Authorization"] = f"Bearer {DATABASE.token}"
    case.call_and_validate(headers=headers, checks=[not_a_server_error])


# Every list endpoint answers what its OpenAPI model says: {items, total, limit, offset} (serve.api.Page).
lists = schema.include(method="GET", path_regex=r"^/api/v1/(cases|articles|search|entities|watch)$|/audit$")


@lists.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_lists_answer_their_documented_envelope(case: schemathesis.Case) -> None:
    response = case.call_and_validate(headers={"Host": "127.0.0.1"},
                                      checks=[not_a_server_error, response_schema_conformance])
    if response.status_code == 200:
        assert {"items", "total", "limit", "offset"} <= set(response.json())
