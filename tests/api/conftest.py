"""The API's services over the trained lake with a stand-in endpoint (tests/api/api_stubs.py):
the real published file, catalog and registry, and probabilities (or failures) chosen by the
test, with no endpoint process."""

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pytest
from api_stubs import AppFor, StubEndpoint
from fastapi import FastAPI

from api.app import Services, create_app
from api.policy import ApiPolicy
from api.throttle import Clock
from flows.local.serve import WEB_DIR, services_for

PUBLISHED = "sandbox/result_table/result_table.parquet"
UNLIMITED = ApiPolicy(rate_per_second=0)


@pytest.fixture(scope="module")
def lake_services(trained_lake: Path) -> Services:
    """Read-only: tests take a `dataclasses.replace` of it."""
    services = services_for(trained_lake, "http://127.0.0.1:9")  # this endpoint is never called
    return replace(services, endpoint=StubEndpoint(), rollback=None)


@pytest.fixture(scope="module")
def published_pair(trained_lake: Path) -> dict[str, int]:
    [(user, product)] = duckdb.sql(
        f"select user_id, product_id from '{trained_lake / PUBLISHED}' limit 1"
    ).fetchall()
    return {"user_id": int(user), "product_id": int(product)}


@pytest.fixture
def app_for(lake_services: Services) -> AppFor:
    """The app over the lake with a fresh stub endpoint (or the services given), the page,
    and no rate limit unless the policy sets one."""

    def build(
        policy: ApiPolicy = UNLIMITED, clock: Clock = time.monotonic, **changes: Any
    ) -> FastAPI:
        services = replace(lake_services, **{"endpoint": StubEndpoint(), **changes})
        return create_app(services, web_dir=WEB_DIR, policy=policy, clock=clock)

    return build
