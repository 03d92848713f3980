"""sagemaker/inference.py's hosting functions, and the local endpoint that serves them over
SageMaker's HTTP contract (`GET /ping`, `POST /invocations`)."""

import importlib.util
import json
import shutil
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import duckdb
import numpy as np
import pytest

from flows.local.serve import local_endpoint
from flows.pipeline.lake import LocalLake
from flows.pipeline.registry import Registry

SAGEMAKER = Path(__file__).resolve().parents[2] / "sagemaker"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SAGEMAKER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


inference = _module("inference")


@pytest.fixture(scope="module")
def model_dir(trained_lake: Path) -> Path:
    deployment = Registry(LocalLake(trained_lake)).deployment()
    assert deployment is not None
    return trained_lake / "models" / deployment.version / "model"


@pytest.fixture(scope="module")
def lines(trained_lake: Path, model_dir: Path) -> list[dict]:
    """A few published lines, each with its features."""
    published = f"{trained_lake}/sandbox/result_table/result_table.parquet"
    frame = duckdb.sql(f"select * from '{published}' order by user_id, product_id limit 5").df()
    return frame.to_dict("records")


def test_csv_and_json_requests_score_the_same_as_the_booster(
    model_dir: Path, lines: list[dict]
) -> None:
    model = inference.model_fn(str(model_dir))
    rows = [[line[name] for name in model.features] for line in lines]
    expected = model.booster.predict(
        inference.xgb.DMatrix(np.asarray(rows, dtype=np.float32), feature_names=model.features)
    )
    text = "\n".join(",".join("" if v is None else str(v) for v in row) for row in rows)
    by_csv = inference.predict_fn(inference.input_fn(text, "text/csv"), model)
    body = json.dumps({"instances": [{n: line[n] for n in model.features} for line in lines]})
    by_json = inference.predict_fn(inference.input_fn(body, "application/json"), model)
    assert np.allclose(by_csv, expected) and np.allclose(by_json, expected)
    answer, content_type = inference.output_fn(by_json, "application/json")
    assert content_type == "application/json"
    assert np.allclose(json.loads(answer)["predictions"], expected)
    answer, content_type = inference.output_fn(by_csv, "text/csv")
    assert content_type == "text/csv" and len(answer.splitlines()) == len(lines)


def test_a_missing_feature_is_scored_as_missing(model_dir: Path, lines: list[dict]) -> None:
    model = inference.model_fn(str(model_dir))
    partial = {name: lines[0][name] for name in model.features[1:]}
    [probability] = inference.predict_fn([partial], model)
    assert 0 < probability < 1


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        ("1,2,3", "text/csv", "instance 1: expected 26 feature values"),
        ("1,x" + ",1" * 24, "text/csv", "line 1: 'x' is not a number"),
        ('{"instances": [{"up_orders": 1, "colour": 2}]}', "application/json",
         "unknown features colour"),
        ('{"rows": []}', "application/json", 'an "instances" list'),
        ('{"instances": []}', "application/json", "no instances"),
        ("up_orders=1", "application/x-www-form-urlencoded", "send text/csv or application/json"),
    ],
)  # fmt: skip
def test_bad_requests_are_refused_with_the_reason(
    model_dir: Path, body: str, content_type: str, message: str
) -> None:
    model = inference.model_fn(str(model_dir))
    with pytest.raises(inference.RequestError, match=message):
        inference.predict_fn(inference.input_fn(body, content_type), model)


@pytest.fixture
def endpoint(trained_lake: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The local endpoint over a copy of the lake's registry; yields its URL and registry."""
    registry = tmp_path / "models"
    shutil.copytree(trained_lake / "models", registry)
    with local_endpoint(registry) as url:
        yield url, registry


def _invoke(url: str, body: str, content_type: str, accept: str = "text/csv") -> tuple[int, str]:
    request = urllib.request.Request(
        f"{url}/invocations", data=body.encode(), method="POST",
        headers={"Content-Type": content_type, "Accept": accept},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_local_endpoint_speaks_the_hosting_contract(
    endpoint: tuple[str, Path], model_dir: Path, lines: list[dict]
) -> None:
    url, _ = endpoint
    with urllib.request.urlopen(f"{url}/ping", timeout=5) as ping:
        assert ping.status == 200
    model = inference.model_fn(str(model_dir))
    instances = [{name: line[name] for name in model.features} for line in lines]
    status, answer = _invoke(url, json.dumps({"instances": instances}), "application/json",
                             "application/json")  # fmt: skip
    assert status == 200
    expected = inference.predict_fn(instances, model)
    assert np.allclose(json.loads(answer)["predictions"], expected, atol=1e-6)
    status, answer = _invoke(url, "1,2,3", "text/csv")
    assert status == 400 and "expected 26 feature values" in answer


def test_the_local_endpoint_follows_a_rollback_without_restarting(
    endpoint: tuple[str, Path], lines: list[dict]
) -> None:
    url, registry_dir = endpoint
    registry = Registry(LocalLake(registry_dir.parent))
    first = registry.deployment()
    assert first is not None
    model = inference.model_fn(str(registry_dir / first.version / "model"))
    row = ",".join(str(lines[0][name]) for name in model.features)
    _, before = _invoke(url, row, "text/csv")
    # A second version whose model is a different one: the same files, fewer trees.
    second = registry_dir / "20991231T000000Z-second"
    shutil.copytree(registry_dir / first.version, second)
    model.booster[:1].save_model(second / "model" / "xgboost-model.json")
    registry.deploy(second.name)
    _, after_deploy = _invoke(url, row, "text/csv")
    registry.rollback()
    _, after_rollback = _invoke(url, row, "text/csv")
    assert after_deploy != before
    assert after_rollback == before
