"""Per-client rate limiting: a token bucket per client, as ASGI middleware.

A client is its API key when it sends a valid one, else its address (behind API Gateway,
Mangum puts the caller's sourceIp there). An invalid key counts as no key: otherwise each
made-up key would get a fresh bucket. Over the limit: 429 with Retry-After.

On AWS Lambda each instance keeps its own buckets; API Gateway's stage throttling is the
limit over all of them.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from api.auth import API_KEY_HEADER, key_id, matching_key
from api.policy import ApiPolicy

Clock = Callable[[], float]
NOT_LIMITED = frozenset({"/health"})


class TokenBuckets:
    """`burst` tokens per client, refilled at `rate` a second; a request takes one.

    Memory is bounded: a bucket idle long enough to be full again is the same as none and
    is dropped, and past `max_clients` the least recently seen client is forgotten.
    """

    def __init__(
        self, rate: float, burst: int, max_clients: int, clock: Clock = time.monotonic
    ) -> None:
        self._rate, self._burst, self._max = rate, burst, max_clients
        self._clock = clock
        self._idle = burst / rate  # seconds after which any bucket is full again
        self._lock = threading.Lock()  # no await inside: safe for threads and tasks alike
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # tokens, when

    def __len__(self) -> int:
        return len(self._buckets)

    def take(self, client: str) -> float:
        """0 if `client` may go ahead (a token is taken), else the seconds until it may."""
        with self._lock:
            now = self._clock()
            while self._buckets:
                oldest, (_, seen) = next(iter(self._buckets.items()))
                if now - seen < self._idle:
                    break
                del self._buckets[oldest]
            tokens, seen = self._buckets.pop(client, (float(self._burst), now))
            tokens = min(float(self._burst), tokens + (now - seen) * self._rate)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / self._rate
            self._buckets[client] = (tokens - 1 if wait == 0 else tokens, now)
            if len(self._buckets) > self._max:
                self._buckets.popitem(last=False)
            return wait


def client_of(scope: Scope, policy: ApiPolicy) -> str:
    key = Headers(scope=scope).get(API_KEY_HEADER)
    if key is not None and policy.api_keys:
        matched = matching_key(policy.api_keys, key)
        if matched is not None:
            return f"key:{key_id(matched)}"
    return f"address:{_address(scope)}"


def _address(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class RateLimit:
    def __init__(self, app: ASGIApp, policy: ApiPolicy, clock: Clock = time.monotonic) -> None:
        self.app = app
        self.policy = policy
        self.buckets = TokenBuckets(
            policy.rate_per_second, policy.rate_burst, policy.max_clients, clock
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["path"] in NOT_LIMITED
            or _address(scope) in self.policy.rate_exempt
        ):
            await self.app(scope, receive, send)
            return
        wait = self.buckets.take(client_of(scope, self.policy))
        if wait == 0:
            await self.app(scope, receive, send)
            return
        seconds = max(1, math.ceil(wait))
        response = JSONResponse(
            status_code=429,
            content={"detail": f"too many requests: retry in {seconds} s"},
            headers={"Retry-After": str(seconds)},
        )
        await response(scope, receive, send)
