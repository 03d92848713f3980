"""How the API protects itself, from the environment: API keys, the admin token, per-client
rate limits and request body limits.

    REORDER_API_KEYS              comma-separated keys; when set, prediction routes need one
                                  in X-API-Key (default: none, the routes are open)
    REORDER_ADMIN_TOKEN           the bearer token of /admin/*, 16 characters or more
                                  (default: none, admin actions are disabled)
    REORDER_RATE_PER_SECOND       requests a client may make per second, sustained; 0 turns
                                  rate limiting off (default 20)
    REORDER_RATE_BURST            requests a client may make at once (default 40)
    REORDER_RATE_EXEMPT           comma-separated client addresses never rate limited
                                  (default 127.0.0.1,::1: this machine's own clients; set
                                  but empty: none)
    REORDER_MAX_BODY_BYTES        the largest request body (default 65536)
    REORDER_MAX_BATCH_BODY_BYTES  the largest body of POST /predict/batch (default 131072)
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass

MIN_ADMIN_TOKEN = 16
LOOPBACK = frozenset({"127.0.0.1", "::1"})


class PolicyError(ValueError):
    """An environment variable of the policy has a value it cannot take."""


@dataclass(frozen=True)
class ApiPolicy:
    api_keys: frozenset[str] = frozenset()
    admin_token: str | None = None
    rate_per_second: float = 20.0
    rate_burst: int = 40
    # Clients never rate limited, by address. Loopback by default: `reorder serve` binds to
    # 127.0.0.1, where every client is this machine's user (the page, a load test) and one
    # shared bucket would only throttle them; behind API Gateway no client is loopback.
    rate_exempt: frozenset[str] = LOOPBACK
    # Buckets kept at most; the least recently seen client is forgotten first.
    max_clients: int = 10_000
    max_body_bytes: int = 64 * 1024
    # 1,000 pairs of the largest ids take about 48 KB compact and 75 KB indented.
    max_batch_body_bytes: int = 128 * 1024

    def __post_init__(self) -> None:
        if self.admin_token is not None and len(self.admin_token) < MIN_ADMIN_TOKEN:
            raise PolicyError(f"the admin token must be {MIN_ADMIN_TOKEN} characters or more")
        if self.rate_per_second < 0 or self.rate_burst < 1 or self.max_clients < 1:
            raise PolicyError("rates must not be negative, and burst and clients at least 1")
        if self.max_body_bytes < 1 or self.max_batch_body_bytes < 1:
            raise PolicyError("body limits must be at least 1 byte")

    @property
    def rate_limited(self) -> bool:
        return self.rate_per_second > 0

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> ApiPolicy:
        """The policy the REORDER_* variables describe; defaults for those unset or empty,
        but REORDER_RATE_EXEMPT set empty exempts nobody."""
        env = os.environ if environ is None else environ
        default = cls()
        token = env.get("REORDER_ADMIN_TOKEN", "").strip()
        exempt = env.get("REORDER_RATE_EXEMPT")
        try:
            return cls(
                api_keys=frozenset(_list(env.get("REORDER_API_KEYS", ""))),
                admin_token=token or None,
                rate_per_second=_number(env, "REORDER_RATE_PER_SECOND", default.rate_per_second),
                rate_burst=_whole(env, "REORDER_RATE_BURST", default.rate_burst),
                rate_exempt=default.rate_exempt if exempt is None else frozenset(_list(exempt)),
                max_body_bytes=_whole(env, "REORDER_MAX_BODY_BYTES", default.max_body_bytes),
                max_batch_body_bytes=_whole(
                    env, "REORDER_MAX_BATCH_BODY_BYTES", default.max_batch_body_bytes
                ),
            )
        except PolicyError as error:
            raise PolicyError(f"REORDER_* API settings: {error}") from None


DEFAULT_POLICY = ApiPolicy()


def _list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    text = env.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        raise PolicyError(f"{name}={text!r} is not a number") from None
    if not math.isfinite(value):
        raise PolicyError(f"{name}={text!r} is not a finite number")
    return value


def _whole(env: Mapping[str, str], name: str, default: int) -> int:
    text = env.get(name, "").strip()
    if not text:
        return default
    try:
        return int(text)
    except ValueError:
        raise PolicyError(f"{name}={text!r} is not a whole number") from None
