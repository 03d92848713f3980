"""Request body limits, as ASGI middleware: 413 for a body over its route's limit.

A declared Content-Length over the limit is refused before any byte is read; a body sent
without one (chunked) is counted as it arrives and refused once past the limit. The body
is read here, up to the limit, and handed on whole: the routes read whole bodies anyway.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyLimit:
    def __init__(self, app: ASGIApp, default: int, by_path: Mapping[str, int]) -> None:
        self.app = app
        self.default = default
        self.by_path = dict(by_path)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.by_path.get(scope["path"], self.default)
        declared = Headers(scope=scope).get("content-length")
        if declared is not None:
            if not declared.isdigit():  # isdigit: no sign, no spaces, no underscores
                await _refuse(400, "Content-Length is not a number", scope, receive, send)
                return
            if int(declared) > limit:
                await _refuse(413, _too_large(limit), scope, receive, send)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away before sending its body: nobody to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _refuse(413, _too_large(limit), scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body: Message | None = {"type": "http.request", "body": b"".join(chunks)}

        async def replay() -> Message:
            nonlocal body
            if body is not None:
                message, body = body, None
                return message
            return await receive()  # after the body: only the disconnect is left

        await self.app(scope, replay, send)


def _too_large(limit: int) -> str:
    return f"the request body is over this route's limit of {limit} bytes"


async def _refuse(status: int, detail: str, scope: Scope, receive: Receive, send: Send) -> None:
    # Close the connection: the rest of the body is never read.
    response = JSONResponse({"detail": detail}, status_code=status, headers={"Connection": "close"})
    await response(scope, receive, send)
