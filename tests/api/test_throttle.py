"""Per-client rate limits: token buckets on an injected clock (no sleeping), 429 with
Retry-After past the limit, clients told apart by valid API key or address (API Gateway's
sourceIp through Mangum), memory bounded, /health and loopback never limited."""

import json
import threading
from dataclasses import replace

import pytest
from api_stubs import AppFor, FakeClock, StubEndpoint
from fastapi.testclient import TestClient

from api.app import Services, create_app
from api.policy import ApiPolicy
from api.throttle import TokenBuckets

KEY = "key-of-a-partner-0001"


def test_a_bucket_allows_its_burst_then_one_request_per_refill() -> None:
    clock = FakeClock()
    buckets = TokenBuckets(rate=2.0, burst=3, max_clients=10, clock=clock)
    assert [buckets.take("a") for _ in range(3)] == [0, 0, 0]
    assert buckets.take("a") == pytest.approx(0.5)
    assert buckets.take("b") == 0  # another client has its own bucket
    clock.advance(0.25)
    assert buckets.take("a") == pytest.approx(0.25)  # a refused request takes nothing
    clock.advance(0.25)
    assert buckets.take("a") == 0
    assert buckets.take("a") > 0


def test_idle_buckets_are_forgotten_and_the_client_count_is_capped() -> None:
    clock = FakeClock()
    buckets = TokenBuckets(rate=1.0, burst=2, max_clients=3, clock=clock)
    for client in "abcde":
        buckets.take(client)
    assert len(buckets) == 3  # a and b, the least recently seen, were dropped
    buckets.take("c")
    clock.advance(1.5)
    buckets.take("f")
    assert len(buckets) == 3  # none idle yet (a bucket refills in 2 s): the cap dropped d
    clock.advance(2.0)
    buckets.take("g")
    assert len(buckets) == 1  # every other bucket was full again: the same as none


def test_threads_taking_at_once_get_exactly_the_burst() -> None:
    buckets = TokenBuckets(rate=1.0, burst=100, max_clients=10, clock=FakeClock())
    granted: list[int] = []

    def client() -> None:
        granted.append(sum(buckets.take("same") == 0 for _ in range(50)))

    threads = [threading.Thread(target=client) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(granted) == 100


def test_past_the_limit_is_429_with_retry_after_until_the_clock_moves(app_for: AppFor) -> None:
    clock = FakeClock()
    app = app_for(policy=ApiPolicy(rate_per_second=0.5, rate_burst=2), clock=clock)
    with TestClient(app) as client:
        assert [client.get("/products?query=ba").status_code for _ in range(2)] == [200, 200]
        refused = client.get("/products?query=ba")
        assert refused.status_code == 429
        assert refused.headers["retry-after"] == "2"  # one token at 0.5/s
        assert "too many requests" in refused.json()["detail"]
        assert all(client.get("/health").status_code == 200 for _ in range(20))
        clock.advance(2)
        assert client.get("/products?query=ba").status_code == 200
        assert client.get("/products?query=ba").status_code == 429


def test_a_valid_key_has_its_own_bucket_and_made_up_keys_share_the_address(
    app_for: AppFor,
) -> None:
    policy = ApiPolicy(rate_per_second=1, rate_burst=2, api_keys=frozenset({KEY}))
    with TestClient(app_for(policy=policy, clock=FakeClock())) as client:
        made_up = [
            client.get("/products?query=ba", headers={"X-API-Key": f"guess-{n}"}).status_code
            for n in range(3)
        ]
        assert made_up == [200, 200, 429]
        keyed = [
            client.get("/products?query=ba", headers={"X-API-Key": KEY}).status_code
            for _ in range(3)
        ]
        assert keyed == [200, 200, 429]


def test_loopback_clients_are_exempt_by_default_and_on_request_only(app_for: AppFor) -> None:
    limited = ApiPolicy(rate_per_second=1, rate_burst=1)
    local = ("127.0.0.1", 50000)
    with TestClient(app_for(policy=limited, clock=FakeClock()), client=local) as client:
        assert {client.get("/products?query=ba").status_code for _ in range(20)} == {200}
    no_exemption = ApiPolicy(rate_per_second=1, rate_burst=1, rate_exempt=frozenset())
    with TestClient(app_for(policy=no_exemption, clock=FakeClock()), client=local) as client:
        statuses = [client.get("/products?query=ba").status_code for _ in range(2)]
    assert statuses == [200, 429]


def _event(source_ip: str) -> dict:
    """An API Gateway HTTP API (payload 2.0) event for GET /products?query=ba."""
    return {
        "version": "2.0", "routeKey": "$default", "rawPath": "/products",
        "rawQueryString": "query=ba", "headers": {"host": "api.example"},
        "requestContext": {"http": {"method": "GET", "path": "/products", "sourceIp": source_ip,
                                    "protocol": "HTTP/1.1", "userAgent": "test"},
                           "stage": "$default"},
        "body": None, "isBase64Encoded": False,
    }  # fmt: skip


def test_behind_api_gateway_the_source_ip_is_the_client(app_for: AppFor) -> None:
    from mangum import Mangum

    policy = ApiPolicy(rate_per_second=1, rate_burst=2)
    handler = Mangum(app_for(policy=policy, clock=FakeClock()), lifespan="off")
    first = [handler(_event("198.51.100.7"), None)["statusCode"] for _ in range(3)]
    other = handler(_event("203.0.113.9"), None)
    assert first == [200, 200, 429] and other["statusCode"] == 200
    assert json.loads(other["body"])  # products found, from the catalog


def test_a_browser_on_the_page_origin_can_read_a_refusal(lake_services: Services) -> None:
    policy = ApiPolicy(rate_per_second=1, rate_burst=1)
    app = create_app(
        replace(lake_services, endpoint=StubEndpoint()), page_origins=("http://page.example",),
        policy=policy, clock=FakeClock(),
    )  # fmt: skip
    origin = {"Origin": "http://page.example"}
    with TestClient(app) as client:
        preflight = client.options(
            "/predict", headers={**origin, "Access-Control-Request-Method": "POST",
                                 "Access-Control-Request-Headers": "content-type,x-api-key"},
        )  # fmt: skip
        # The preflight is answered before the rate limit: it takes no token.
        allowed, refused = [client.get("/products?query=ba", headers=origin) for _ in range(2)]
    assert preflight.status_code == 200 and allowed.status_code == 200
    assert "x-api-key" in preflight.headers["access-control-allow-headers"].lower()
    assert refused.status_code == 429
    assert refused.headers["access-control-allow-origin"] == "http://page.example"
    assert "retry-after" in refused.headers["access-control-expose-headers"].lower()
