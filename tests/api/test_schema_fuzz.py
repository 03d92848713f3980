"""Schemathesis against the app over the trained lake and the real local endpoint: requests
generated from the OpenAPI document, valid and invalid, and no answer may be a server error
or break the document's promises (status codes, response schemas, content types).

Bounded: a few dozen examples per operation and mode, well under a minute on 2 cores.
Each operation is a test of its own, drawing cases from its schemathesis strategy
(`schemathesis.pytest.from_fixture` breaks on pytest 9: it sets `Function._nodeid`).
"""

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from api.admin import RollbackError
from api.app import create_app
from api.policy import ApiPolicy
from flows.local.serve import WEB_DIR, local_endpoint, services_for

# No rate limit (the fuzzer is one client in a hurry); admin on, and its token sent to the
# admin routes, so they run.
TOKEN = "fuzz-admin-token-0123456789"
POLICY = ApiPolicy(rate_per_second=0, admin_token=TOKEN)
OPERATIONS = [
    ("POST", "/predict"),
    ("POST", "/predict/batch"),
    ("POST", "/predict/features"),
    ("GET", "/users/{user_id}/suggestions"),
    ("GET", "/products"),
    ("GET", "/departments"),
    ("GET", "/health"),
    ("POST", "/admin/reload"),
    ("POST", "/admin/rollback"),
]


def _nothing_to_roll_back() -> str:
    raise RollbackError("no earlier deployed model to roll back to")


@pytest.fixture(scope="module")
def fuzzed_schema(trained_lake: Path) -> Iterator[schemathesis.BaseSchema]:
    with local_endpoint(trained_lake / "models") as url:
        # The session's lake is shared and read-only: a rollback that finds nothing to roll
        # back to (no rollback at all would be 501, by design a 5xx).
        services = replace(services_for(trained_lake, url), rollback=_nothing_to_roll_back)
        app = create_app(services, web_dir=WEB_DIR, policy=POLICY)
        yield schemathesis.openapi.from_asgi("/openapi.json", app)


def test_every_operation_is_fuzzed(fuzzed_schema: schemathesis.BaseSchema) -> None:
    documented = {
        (result.ok().method.upper(), result.ok().path)
        for result in fuzzed_schema.get_all_operations()
    }
    assert documented == set(OPERATIONS)


# Every operation with each generation mode, but /health and /departments negative: with no
# parameters, there is nothing to make invalid.
WITHOUT_PARAMETERS = {"/health", "/departments"}
CASES = [
    (method, path, mode)
    for method, path in OPERATIONS
    for mode in schemathesis.GenerationMode
    if not (path in WITHOUT_PARAMETERS and mode is schemathesis.GenerationMode.NEGATIVE)
]


@pytest.mark.parametrize(("method", "path", "mode"), CASES, ids=str)
def test_no_generated_request_gets_a_server_error(
    fuzzed_schema: schemathesis.BaseSchema, method: str, path: str,
    mode: schemathesis.GenerationMode,
) -> None:  # fmt: skip
    operation = fuzzed_schema[path][method]
    # Feature names come from the deployed model, which can change while the app runs: the
    # document cannot list them, so a schema-valid made-up name is rightly 422 there.
    excluded = [schemathesis.checks.positive_data_acceptance] if path == "/predict/features" else []
    headers = {"Authorization": f"Bearer {TOKEN}"} if path.startswith("/admin/") else None

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=50, deadline=None, derandomize=True, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )  # fmt: skip
    def call(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=headers, excluded_checks=excluded)

    call()
