"""Who may call: an API key in X-API-Key for the prediction routes (when keys are set), a
bearer token for the admin routes. Secrets are compared in constant time.

The checks are FastAPI dependencies over FastAPI's security classes, so the OpenAPI
document declares the schemes and /docs lets a reader authorize. (No postponed annotations
here: FastAPI must evaluate the closures' Security(...) annotations.)
"""

import hashlib
import hmac
from collections.abc import Awaitable, Callable, Iterable
from typing import Annotated

from fastapi import HTTPException, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from api.policy import ApiPolicy

API_KEY_HEADER = "X-API-Key"


def _same(given: str, expected: str) -> bool:
    # Bytes: compare_digest refuses str with non-ASCII characters, which a header may hold.
    return hmac.compare_digest(given.encode(), expected.encode())


def matching_key(keys: Iterable[str], given: str | None) -> str | None:
    """The configured key `given` is, if any; every key is compared, so the time taken
    does not tell which one nearly matched."""
    found = None
    for key in keys:
        if given is not None and _same(given, key):
            found = key
    return found


def key_id(key: str) -> str:
    """A name for a key that is not the key (for rate limiting by key)."""
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def api_key_check(policy: ApiPolicy) -> Callable[..., Awaitable[None]] | None:
    """The prediction routes' dependency: 401 without a valid key. None when no keys are
    configured, so the routes are open and the document claims no scheme."""
    if not policy.api_keys:
        return None
    header = APIKeyHeader(
        name=API_KEY_HEADER, scheme_name="ApiKey", auto_error=False,
        description="one of the keys set in REORDER_API_KEYS",
    )  # fmt: skip

    async def require_api_key(key: Annotated[str | None, Security(header)]) -> None:
        if matching_key(policy.api_keys, key) is None:
            said = "a valid X-API-Key header is required" if key else "X-API-Key header missing"
            raise HTTPException(401, said, headers={"WWW-Authenticate": "APIKey"})

    return require_api_key


def admin_check(policy: ApiPolicy) -> Callable[..., Awaitable[None]]:
    """The admin routes' dependency: 403 when no admin token is configured, 401 without it."""
    bearer = HTTPBearer(
        scheme_name="AdminToken", auto_error=False,
        description="Authorization: Bearer <REORDER_ADMIN_TOKEN>",
    )  # fmt: skip

    async def require_admin(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
    ) -> None:
        if policy.admin_token is None:
            raise HTTPException(403, "admin actions are disabled: no REORDER_ADMIN_TOKEN is set")
        if credentials is None or not _same(credentials.credentials, policy.admin_token):
            raise HTTPException(
                401, "a valid admin token is required (Authorization: Bearer <token>)",
                headers={"WWW-Authenticate": "Bearer"},
            )  # fmt: skip

    return require_admin
