"""Error answers: their shape in the OpenAPI document, and the last resort for a failure
no route expected (the client gets 500 with a request id and no trace; the log gets the
traceback under the same id)."""

from __future__ import annotations

import logging
import uuid

from fastapi.exception_handlers import http_exception_handler
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("api.errors")


class Problem(BaseModel):
    detail: str


class CatchAll:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception:
            request_id = uuid.uuid4().hex
            log.exception("request %s: %s %s failed", request_id, scope["method"], scope["path"])
            if started:
                raise  # half an answer is out: only the server can end it, by closing
            response = JSONResponse(
                status_code=500,
                content={"detail": "internal error", "request_id": request_id},
                headers={"X-Request-ID": request_id},
            )
            await response(scope, receive, send)


async def unreadable_body(request: Request, error: HTTPException) -> Response:
    """FastAPI answers 400 "There was an error parsing the body" for a body json.loads
    cannot read past its syntax (not UTF-8, a number of thousands of digits): 422 saying
    why, like any other invalid body. Other HTTP errors are answered as usual."""
    cause = error.__cause__
    if error.status_code != 400 or cause is None:
        return await http_exception_handler(request, error)
    said = (
        "the body is not UTF-8 text"
        if isinstance(cause, UnicodeDecodeError)
        else f"the body is not JSON this API can read: {str(cause)[:100]}"
    )
    return JSONResponse(
        status_code=422,
        content={"detail": [{"type": "json_invalid", "loc": ["body"], "msg": said}]},
    )
