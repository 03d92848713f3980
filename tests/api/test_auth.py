"""API keys for the prediction routes, the admin token for /admin/*, both declared in the
OpenAPI document; the admin actions reload and roll back the deployed model."""

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_stubs import AppFor
from fastapi.testclient import TestClient

from api.admin import RollbackError
from api.deployed import Registry
from api.policy import ApiPolicy
from flows.local.serve import rollback_for
from flows.pipeline.lake import LocalLake
from flows.pipeline.registry import Registry as ModelRegistry

KEY, OTHER_KEY = "key-of-a-partner-0001", "key-of-a-partner-0002"
TOKEN = "admin-token-0123456789abcdef"
KEYED = ApiPolicy(rate_per_second=0, api_keys=frozenset({KEY, OTHER_KEY}), admin_token=TOKEN)
ADMIN = {"Authorization": f"Bearer {TOKEN}"}
PREDICTION_ROUTES = [
    ("POST", "/predict", {"user_id": 1, "product_id": 1}),
    ("POST", "/predict/batch", {"items": [{"user_id": 1, "product_id": 1}]}),
    ("POST", "/predict/features", {"features": {}}),
    ("GET", "/users/1/suggestions", None),
]


@pytest.fixture
def keyed(app_for: AppFor) -> Iterator[TestClient]:
    with TestClient(app_for(policy=KEYED)) as client:
        yield client


@pytest.mark.parametrize(("method", "path", "body"), PREDICTION_ROUTES)
def test_prediction_routes_need_a_valid_key_when_keys_are_set(
    keyed: TestClient, method: str, path: str, body: dict | None
) -> None:
    def call(headers: dict) -> int:
        return keyed.request(method, path, json=body, headers=headers).status_code

    missing = keyed.request(method, path, json=body)
    assert missing.status_code == 401 and missing.json()["detail"] == "X-API-Key header missing"
    assert missing.headers["www-authenticate"] == "APIKey"
    assert call({"X-API-Key": "key-of-a-partner-0003"}) == 401
    assert call({"X-API-Key": KEY[:-1]}) == 401
    assert call({"X-API-Key": "é".encode("latin-1")}) == 401  # type: ignore[dict-item]
    assert call({"X-API-Key": KEY}) not in (401, 403)
    assert call({"X-API-Key": OTHER_KEY}) not in (401, 403)


def test_the_page_search_health_and_docs_stay_open(keyed: TestClient) -> None:
    for path in ("/", "/static/app.js", "/products?query=ba", "/health", "/docs", "/openapi.json"):
        assert keyed.get(path).status_code == 200, path


def test_without_keys_the_prediction_routes_are_open(app_for: AppFor) -> None:
    with TestClient(app_for()) as client:
        assert client.post("/predict", json={"user_id": 1, "product_id": 1}).status_code == 404


def _security(document: dict, method: str, path: str) -> list:
    return document["paths"][path][method.lower()].get("security", [])


def test_the_document_declares_the_schemes_where_they_apply(
    keyed: TestClient, app_for: AppFor
) -> None:
    document = keyed.get("/openapi.json").json()
    schemes = document["components"]["securitySchemes"]
    assert schemes["ApiKey"] == {
        "type": "apiKey", "in": "header", "name": "X-API-Key",
        "description": "one of the keys set in REORDER_API_KEYS",
    }  # fmt: skip
    assert schemes["AdminToken"]["type"] == "http" and schemes["AdminToken"]["scheme"] == "bearer"
    for method, path, _ in PREDICTION_ROUTES:
        documented = path.replace("/1/", "/{user_id}/")
        assert _security(document, method, documented) == [{"ApiKey": []}]
    assert _security(document, "GET", "/products") == []
    assert _security(document, "GET", "/health") == []
    assert _security(document, "POST", "/admin/rollback") == [{"AdminToken": []}]
    with TestClient(app_for()) as open_client:
        open_document = open_client.get("/openapi.json").json()
    assert "ApiKey" not in open_document["components"]["securitySchemes"]
    assert _security(open_document, "POST", "/predict") == []


def test_admin_actions_are_disabled_without_a_token(app_for: AppFor) -> None:
    with TestClient(app_for()) as client:
        for path in ("/admin/reload", "/admin/rollback"):
            answer = client.post(path, headers=ADMIN)
            assert answer.status_code == 403
            assert answer.json()["detail"].startswith("admin actions are disabled")


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong-token-0123456789"}, {"Authorization": f"Basic {TOKEN}"},
     {"Authorization": TOKEN}, {"X-API-Key": KEY}],
    ids=["none", "wrong", "basic", "bare", "api key"],
)  # fmt: skip
def test_admin_actions_need_the_bearer_token(keyed: TestClient, headers: dict) -> None:
    answer = keyed.post("/admin/reload", headers=headers)
    assert answer.status_code == 401 and answer.headers["www-authenticate"] == "Bearer"


def test_rollback_is_501_where_the_api_cannot_do_it(keyed: TestClient) -> None:
    answer = keyed.post("/admin/rollback", headers=ADMIN)
    assert answer.status_code == 501 and "reorder model rollback" in answer.json()["detail"]


@pytest.fixture
def two_versions(trained_lake: Path, tmp_path: Path) -> tuple[Path, str, str]:
    """A lake with the trained model's registry and a second version of it deployed after."""
    lake = tmp_path / "lake"
    shutil.copytree(trained_lake / "models", lake / "models")
    first = json.loads((lake / "models/deployed.json").read_text())["version"]
    second = f"{first[:-1]}x"
    shutil.copytree(lake / "models" / first, lake / "models" / second)
    ModelRegistry(LocalLake(lake)).deploy(second)
    return lake, first, second


def test_reload_reads_the_pointer_now(app_for: AppFor, two_versions: tuple) -> None:
    lake, first, second = two_versions
    registry = Registry(str(lake), refresh_seconds=3600)
    with TestClient(app_for(policy=KEYED, registry=registry)) as client:
        assert client.get("/health").json()["model_version"] == second
        ModelRegistry(LocalLake(lake)).rollback()
        assert client.get("/health").json()["model_version"] == second  # cached for an hour
        answer = client.post("/admin/reload", headers=ADMIN)
        assert answer.status_code == 200 and answer.json() == {"model_version": first}
        assert client.get("/health").json()["model_version"] == first


def test_rollback_deploys_the_previous_model_and_the_api_follows_at_once(
    app_for: AppFor, two_versions: tuple
) -> None:
    lake, first, second = two_versions
    app = app_for(
        policy=KEYED, registry=Registry(str(lake), refresh_seconds=3600),
        rollback=rollback_for(lake),
    )  # fmt: skip
    with TestClient(app) as client:
        assert client.get("/health").json()["model_version"] == second
        answer = client.post("/admin/rollback", headers=ADMIN)
        assert answer.status_code == 200 and answer.json() == {"model_version": first}
        assert client.get("/health").json()["model_version"] == first
        assert ModelRegistry(LocalLake(lake)).deployment().version == first  # type: ignore[union-attr]
        again = client.post("/admin/rollback", headers=ADMIN)
    assert again.status_code == 409
    assert again.json() == {"detail": "no earlier deployed model to roll back to"}


def test_a_rollback_error_from_elsewhere_is_409_with_its_message(app_for: AppFor) -> None:
    def refuse() -> str:
        raise RollbackError("the endpoint is updating; try again")

    with TestClient(app_for(policy=KEYED, rollback=refuse)) as client:
        answer = client.post("/admin/rollback", headers=ADMIN)
    assert answer.status_code == 409 and answer.json()["detail"] == (
        "the endpoint is updating; try again"
    )
