"""Request body limits: 413 with a JSON detail for a declared or a streamed body over the
route's limit, room for a batch of 1,000 pairs, and 422 (not 413) past 1,000 items."""

import json
from collections.abc import Iterator

import httpx
import pytest
from api_stubs import AppFor
from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

from api.app import MAX_BATCH
from api.limits import BodyLimit
from api.policy import ApiPolicy

LARGEST = 2**31 - 1
JSON = {"Content-Type": "application/json"}


def _largest_batch(items: int = MAX_BATCH) -> bytes:
    pairs = [{"user_id": LARGEST, "product_id": LARGEST}] * items
    return json.dumps({"items": pairs}, indent=2).encode()


@pytest.fixture
def client(app_for: AppFor) -> Iterator[TestClient]:
    with TestClient(app_for()) as client:
        yield client


def test_a_full_batch_of_the_largest_ids_fits_even_indented(client: TestClient) -> None:
    body = _largest_batch()
    policy = ApiPolicy()
    assert policy.max_body_bytes < len(body) <= policy.max_batch_body_bytes
    answer = client.post("/predict/batch", content=body, headers=JSON)
    assert answer.status_code == 200 and len(answer.json()["predictions"]) == MAX_BATCH
    # The same size is too much for a route that takes one pair.
    too_big = client.post("/predict", content=body, headers=JSON)
    assert too_big.status_code == 413
    said = "the request body is over this route's limit of 65536 bytes"
    assert too_big.json() == {"detail": said}


def test_one_item_too_many_is_422_not_413(client: TestClient) -> None:
    compact = json.dumps({"items": [{"user_id": LARGEST, "product_id": LARGEST}] * 1001})
    response = client.post("/predict/batch", content=compact, headers=JSON)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "items"]


def test_a_streamed_body_over_the_limit_is_413(app_for: AppFor) -> None:
    policy = ApiPolicy(rate_per_second=0, max_body_bytes=1000)

    def chunks() -> Iterator[bytes]:
        yield b'{"features": {'
        for number in range(100):
            yield f'"f{number}": 1.0, '.encode()

    with TestClient(app_for(policy=policy)) as client:
        response = client.post("/predict/features", content=chunks(), headers=JSON)
    assert "content-length" not in response.request.headers
    assert response.status_code == 413 and "1000 bytes" in response.json()["detail"]


def _call(limit: int, headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> tuple:
    """BodyLimit over an app that echoes the body's size; what was read and answered."""
    import asyncio

    read: list[int] = []
    sent: list[Message] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        message = await receive()
        body = message["body"]
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": str(len(body)).encode()})

    async def receive() -> Message:
        index = len(read)
        read.append(index)
        more = index < len(chunks) - 1
        return {"type": "http.request", "body": chunks[index], "more_body": more}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/predict", "headers": headers}
    asyncio.run(BodyLimit(app, default=limit, by_path={})(scope, receive, send))
    return len(read), sent[0]["status"], sent[1]["body"]


def test_a_chunked_body_is_refused_as_soon_as_it_passes_the_limit() -> None:
    read, status, _ = _call(100, [], [b"x" * 40] * 10)
    assert (read, status) == (3, 413)  # 120 bytes after the third chunk: the rest is never read


def test_a_body_within_the_limit_reaches_the_app_whole() -> None:
    read, status, body = _call(100, [(b"content-length", b"100")], [b"x" * 50] * 2)
    assert (read, status, body) == (2, 200, b"100")


def test_a_declared_length_over_the_limit_is_refused_before_reading() -> None:
    read, status, _ = _call(100, [(b"content-length", b"101")], [b"x" * 101])
    assert (read, status) == (0, 413)


@pytest.mark.parametrize("declared", [b"-1", b"ten", b" 5", b"1_0"])
def test_a_content_length_that_is_not_a_number_is_400(declared: bytes) -> None:
    read, status, body = _call(100, [(b"content-length", declared)], [b"x"])
    assert (read, status) == (0, 400) and b"Content-Length" in body


def test_the_served_api_refuses_a_chunked_body_over_the_limit(served: str) -> None:
    # Through uvicorn: a body with no Content-Length is cut off at the limit, not buffered.
    def chunks() -> Iterator[bytes]:
        yield b'{"user_id": 1, "product_id": 1, "pad": "'
        for _ in range(100):
            yield b"x" * 1024
        yield b'"}'

    response = httpx.post(
        f"{served}/predict", content=chunks(), headers=JSON,
        timeout=10,
    )  # fmt: skip
    assert response.request.headers["transfer-encoding"] == "chunked"
    assert response.status_code == 413 and "65536 bytes" in response.json()["detail"]
