"""The prediction API over a trained lake, calling the real local endpoint over HTTP."""

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from api.app import MAX_BATCH, create_app
from flows.local.serve import WEB_DIR, local_endpoint, services_for

PUBLISHED = "sandbox/result_table/result_table.parquet"


@pytest.fixture(scope="module")
def client(trained_lake: Path) -> Iterator[TestClient]:
    with local_endpoint(trained_lake / "models") as url:
        app = create_app(services_for(trained_lake, url), web_dir=WEB_DIR)
        with TestClient(app) as client:
            yield client


@pytest.fixture(scope="module")
def a_line(trained_lake: Path) -> dict:
    published = trained_lake / PUBLISHED
    row = duckdb.sql(f"select * from '{published}' where up_orders > 2 limit 1").df()
    return row.to_dict("records")[0]


def test_predict_answers_a_published_pair(client: TestClient, a_line: dict) -> None:
    pair = {"user_id": int(a_line["user_id"]), "product_id": int(a_line["product_id"])}
    answer = client.post("/predict", json=pair).json()
    assert answer["user_id"] == pair["user_id"] and 0 < answer["probability"] < 1
    assert answer["likely"] == (answer["probability"] >= answer["threshold"])
    assert answer["history"]["up_orders"] == a_line["up_orders"]
    assert answer["model_version"] == client.get("/health").json()["model_version"]


def test_the_same_pair_scores_the_same_from_typed_features(
    client: TestClient, a_line: dict
) -> None:
    pair = {"user_id": int(a_line["user_id"]), "product_id": int(a_line["product_id"])}
    by_pair = client.post("/predict", json=pair).json()
    features = {name: a_line[name] for name in client.get("/health").json()["features"]}
    by_features = client.post("/predict/features", json={"features": features}).json()
    assert by_features["probability"] == pytest.approx(by_pair["probability"], abs=1e-6)


def test_an_unknown_pair_is_404_and_null_in_a_batch(client: TestClient, a_line: dict) -> None:
    known = {"user_id": int(a_line["user_id"]), "product_id": int(a_line["product_id"])}
    unknown = {"user_id": 999_999, "product_id": 1}
    assert client.post("/predict", json=unknown).status_code == 404
    answer = client.post("/predict/batch", json={"items": [unknown, known, unknown]}).json()
    first, second, third = answer["predictions"]
    assert first["probability"] is None and first["error"] == "unknown pair"
    assert second["product_id"] == known["product_id"] and 0 < second["probability"] < 1
    assert third["error"] == "unknown pair"


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/predict", {"user_id": 0, "product_id": 1}, "user_id"),
        ("/predict", {"user_id": "one", "product_id": 1}, "user_id"),
        ("/predict", {"user_id": 1}, "product_id"),
        ("/predict", {"user_id": 1, "product_id": 1, "extra": 1}, "extra"),
        ("/predict/batch", {"items": []}, "items"),
        ("/predict/batch", {"items": [{"user_id": 1, "product_id": 1}] * (MAX_BATCH + 1)},
         "items"),
        ("/predict/features", {"features": {"colour": 1}}, "colour"),
    ],
)  # fmt: skip
def test_invalid_input_is_422_naming_the_field(
    client: TestClient, path: str, body: dict, field: str
) -> None:
    response = client.post(path, json=body)
    assert response.status_code == 422
    assert any(field in [str(part) for part in error["loc"]] for error in response.json()["detail"])


def test_suggestions_rank_the_users_candidates_and_mark_the_best_basket(
    client: TestClient, trained_lake: Path, a_line: dict
) -> None:
    user = int(a_line["user_id"])
    answer = client.get(f"/users/{user}/suggestions", params={"limit": 5}).json()
    candidates = duckdb.sql(
        f"select count(*) from '{trained_lake / PUBLISHED}' where user_id = {user}"
    ).fetchall()[0][0]
    probabilities = [p["probability"] for p in answer["products"]]
    assert len(probabilities) == min(5, candidates)
    assert probabilities == sorted(probabilities, reverse=True)
    ranked = [p["product_id"] for p in answer["products"]]
    assert answer["basket"] == ranked[: len(answer["basket"])] or len(answer["basket"]) > 5
    assert 0 < answer["expected_f1"] <= 1
    assert client.get("/users/999999/suggestions").status_code == 404
    assert client.get("/users/0/suggestions").status_code == 422


def test_the_page_and_the_openapi_document_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "Will they reorder it?" in page.text
    assert client.get("/static/app.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/predict", "/predict/batch", "/predict/features", "/users/{user_id}/suggestions",
            "/health"} <= set(paths)  # fmt: skip


def test_only_the_page_origin_may_call_from_a_browser(trained_lake: Path) -> None:
    from api.endpoint import LocalEndpoint

    services = services_for(trained_lake, "http://127.0.0.1:9")  # no endpoint needed here
    assert isinstance(services.endpoint, LocalEndpoint)
    app = create_app(services, page_origins=("http://page.example",))
    with TestClient(app) as client:
        preflight = {"Access-Control-Request-Method": "POST"}
        allowed = client.options("/predict", headers={"Origin": "http://page.example", **preflight})
        other = client.options("/predict", headers={"Origin": "http://evil.example", **preflight})
    assert allowed.headers["access-control-allow-origin"] == "http://page.example"
    assert "access-control-allow-origin" not in other.headers
