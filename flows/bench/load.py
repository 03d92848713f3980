"""A bounded load run against the API: a fixed number of concurrent clients send requests
for at most `seconds` and at most `max_requests`, and every answer is timed.

Used by the tests (small, to check that nothing fails under concurrency) and by the
benchmark (to measure requests per second and latency percentiles); never by a timed test.
Every answer of 400 or more counts as an error, 429 (rate limited) too: `reorder serve` does
not rate limit 127.0.0.1 by default (REORDER_RATE_EXEMPT), and `headers` can carry an
X-API-Key when the API requires one.
"""

import asyncio
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import httpx
import numpy as np

# One request: method, path, JSON body (None for none).
Request = tuple[str, str, dict | None]


@dataclass(frozen=True)
class LoadResult:
    requests: int
    errors: dict[int, int]  # status code (0: no answer) -> count
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


async def _run(
    base_url: str, request_for: Callable[[int], Request], clients: int, seconds: float,
    max_requests: int, headers: Mapping[str, str],
) -> LoadResult:  # fmt: skip
    latencies: list[float] = []
    errors: dict[int, int] = {}
    sent = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(
        base_url=base_url, limits=limits, timeout=10.0, headers=dict(headers)
    ) as client:

        async def worker() -> None:
            nonlocal sent
            while sent < max_requests and time.perf_counter() < deadline:
                method, path, body = request_for(sent)
                sent += 1
                started = time.perf_counter()
                try:
                    response = await client.request(method, path, json=body)
                    status = response.status_code
                except httpx.HTTPError:
                    status = 0
                latencies.append(time.perf_counter() - started)
                if status >= 400 or status == 0:
                    errors[status] = errors.get(status, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    millis = np.asarray(latencies) * 1000 if latencies else np.zeros(1)
    return LoadResult(
        requests=len(latencies),
        errors=errors,
        seconds=elapsed,
        p50_ms=float(np.percentile(millis, 50)),
        p99_ms=float(np.percentile(millis, 99)),
    )


def run_load(
    base_url: str, request_for: Callable[[int], Request], clients: int = 16,
    seconds: float = 10.0, max_requests: int = 20_000, headers: Mapping[str, str] | None = None,
) -> LoadResult:  # fmt: skip
    """Load the API at `base_url` with `clients` concurrent clients; bounded in time and count.
    `headers` go with every request."""
    return asyncio.run(_run(base_url, request_for, clients, seconds, max_requests, headers or {}))
