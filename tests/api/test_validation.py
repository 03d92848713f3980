"""Every bad request is 422 naming the field and the reason, never 500; a failure nobody
expected is 500 with a request id and no trace, and the trace is logged."""

import json
import logging
from collections.abc import Iterator

import pytest
from api_stubs import AppFor, StubEndpoint
from fastapi.testclient import TestClient

from api.app import FLOAT32_MAX
from api.deployed import NoModelError


@pytest.fixture
def client(app_for: AppFor) -> Iterator[TestClient]:
    with TestClient(app_for()) as client:
        yield client


def _fields(response: object) -> list[tuple[list[str], str]]:
    detail = response.json()["detail"]  # type: ignore[attr-defined]
    assert isinstance(detail, list) and detail
    return [([str(part) for part in error["loc"]], error["msg"]) for error in detail]


@pytest.mark.parametrize(
    ("body", "field", "reason"),
    [
        ({"user_id": "12", "product_id": 1}, "user_id", "valid integer"),
        ({"user_id": 1.5, "product_id": 1}, "user_id", "valid integer"),
        ({"user_id": True, "product_id": 1}, "user_id", "valid integer"),
        ({"user_id": None, "product_id": 1}, "user_id", "valid integer"),
        ({"user_id": 1, "product_id": [1]}, "product_id", "valid integer"),
        ({"user_id": 1, "product_id": 2**31}, "product_id", "less than or equal"),
        ({"user_id": -5, "product_id": 1}, "user_id", "greater than or equal"),
        ({"user_id": 1}, "product_id", "required"),
        ({"user_id": 1, "product_id": 1, "store": 3}, "store", "not permitted"),
    ],
)
def test_a_bad_pair_is_422_naming_the_field_and_the_reason(
    client: TestClient, body: dict, field: str, reason: str
) -> None:
    response = client.post("/predict", json=body)
    assert response.status_code == 422
    [(loc, msg)] = _fields(response)
    assert loc == ["body", field] and reason in msg


def test_an_integral_float_is_an_integer_as_json_schema_says(
    client: TestClient, published_pair: dict[str, int]
) -> None:
    as_floats = {name: float(value) for name, value in published_pair.items()}
    answer = client.post("/predict", json=as_floats)
    assert answer.status_code == 200
    assert answer.json()["user_id"] == published_pair["user_id"]


def test_a_bad_item_of_a_batch_is_named_by_its_position(client: TestClient) -> None:
    items = [{"user_id": 1, "product_id": 1}, {"user_id": "2", "product_id": 1}]
    response = client.post("/predict/batch", json={"items": items})
    assert response.status_code == 422
    assert [loc for loc, _ in _fields(response)] == [["body", "items", "1", "user_id"]]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"user_id": 1, "product_id": ', "JSON decode error"),
        (b'{"user_id": 1, "product_id": "\xff"}', "not UTF-8"),
        (b'{"user_id": ' + b"9" * 5000 + b', "product_id": 1}', "not JSON this API can read"),
        (b"[1, 2]", "valid dictionary"),
        (b"null", "required"),
    ],
    ids=["cut short", "not utf-8", "5000 digits", "an array", "null"],
)
def test_a_body_that_is_not_a_json_object_is_422_saying_why(
    client: TestClient, body: bytes, reason: str
) -> None:
    response = client.post("/predict", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    [(loc, msg)] = _fields(response)
    assert loc[0] == "body" and reason in msg


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (1e39, "float32"),  # the endpoint would score it as infinity and fail: was a 503
        (-FLOAT32_MAX * 1.01, "float32"),
        (True, "valid number"),
        ("3", "valid number"),
    ],
)
def test_a_feature_value_that_cannot_be_scored_is_422(
    client: TestClient, value: object, reason: str
) -> None:
    features = client.get("/health").json()["features"]
    response = client.post("/predict/features", json={"features": {features[0]: value}})
    assert response.status_code == 422
    [(loc, msg)] = _fields(response)
    assert loc == ["body", "features", features[0]] and reason in msg


def test_non_finite_json_numbers_are_422(client: TestClient) -> None:
    features = client.get("/health").json()["features"]
    body = f'{{"features": {{"{features[0]}": NaN}}}}'.encode()
    response = client.post(
        "/predict/features", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422 and "finite" in _fields(response)[0][1]


@pytest.mark.parametrize(
    ("url", "loc"),
    [
        ("/users/0/suggestions", ["path", "user_id"]),
        ("/users/2147483648/suggestions", ["path", "user_id"]),
        ("/users/one/suggestions", ["path", "user_id"]),
        ("/users/1/suggestions?limit=0", ["query", "limit"]),
        ("/users/1/suggestions?limit=201", ["query", "limit"]),
        ("/products?query=a", ["query", "query"]),
        ("/products?query=ban&limit=51", ["query", "limit"]),
        ("/products", ["query", "query"]),
    ],
)
def test_bad_path_and_query_parameters_are_422(client: TestClient, url: str, loc: list) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert [field for field, _ in _fields(response)] == [loc]


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def error_log() -> Iterator[_Records]:
    # Our own handler: the suite may run with `-p no:logging`, without caplog.
    handler = _Records()
    logger = logging.getLogger("api.errors")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def test_an_unexpected_failure_is_500_with_a_request_id_and_the_trace_only_in_the_log(
    app_for: AppFor, published_pair: dict[str, int], error_log: _Records
) -> None:
    failing = StubEndpoint(error=RuntimeError("secret detail from /srv/model"))
    with TestClient(app_for(endpoint=failing)) as client:
        response = client.post("/predict", json=published_pair)
    assert failing.calls == 1
    assert response.status_code == 500
    body = response.json()
    assert set(body) == {"detail", "request_id"} and body["detail"] == "internal error"
    assert response.headers["x-request-id"] == body["request_id"]
    assert "secret" not in response.text and "Traceback" not in response.text
    [record] = error_log.records
    assert body["request_id"] in record.getMessage() and "/predict" in record.getMessage()
    assert record.exc_info is not None and "secret detail" in str(record.exc_info[1])


def test_a_failing_registry_is_500_too_but_no_model_is_503(app_for: AppFor) -> None:
    class Broken:
        def deployed(self) -> None:
            raise OSError("disk on fire")

    class Empty:
        def deployed(self) -> None:
            raise NoModelError("no model is deployed yet")

    with TestClient(app_for(registry=Broken())) as client:
        assert client.get("/users/1/suggestions").status_code == 500
    with TestClient(app_for(registry=Empty())) as client:
        answer = client.get("/users/1/suggestions")
    assert answer.status_code == 503 and answer.json() == {"detail": "no model is deployed yet"}


def test_on_lambda_an_unexpected_failure_is_the_same_500(
    app_for: AppFor, published_pair: dict[str, int], error_log: _Records
) -> None:
    from mangum import Mangum

    handler = Mangum(app_for(endpoint=StubEndpoint(error=KeyError("x"))), lifespan="off")
    event = {
        "version": "2.0", "routeKey": "$default", "rawPath": "/predict", "rawQueryString": "",
        "headers": {"content-type": "application/json", "host": "api.example"},
        "requestContext": {"http": {"method": "POST", "path": "/predict", "sourceIp": "192.0.2.1",
                                    "protocol": "HTTP/1.1", "userAgent": "test"},
                           "stage": "$default"},
        "body": json.dumps(published_pair), "isBase64Encoded": False,
    }  # fmt: skip
    answer = handler(event, None)
    assert answer["statusCode"] == 500
    assert json.loads(answer["body"])["detail"] == "internal error"
    assert len(error_log.records) == 1
