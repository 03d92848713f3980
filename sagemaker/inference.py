"""Serve the reorder model: the four functions of SageMaker's XGBoost hosting contract.

SageMaker's framework container calls them on an endpoint; sagemaker/local_endpoint.py
calls the same ones behind the same HTTP contract (`GET /ping`, `POST /invocations`).

Requests carry feature values in the model's feature order (features.txt in the model):
- text/csv: one line per instance, the values comma-separated (empty for missing);
- application/json: {"instances": [[values...], ...]} or {"instances": [{name: value}, ...]}
  (a missing name is a missing value; an unknown name is an error).
Answers are one probability per instance: text/csv, one per line, or application/json,
{"predictions": [p, ...]}.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import xgboost as xgb

MODEL_FILE = "xgboost-model.json"
CSV, JSON = "text/csv", "application/json"


class RequestError(ValueError):
    """The request cannot be scored; the message says why (the server answers 400)."""


@dataclass(frozen=True)
class Model:
    booster: xgb.Booster
    features: list[str]
    threshold: float


def model_fn(model_dir: str) -> Model:
    folder = Path(model_dir)
    booster = xgb.Booster()
    booster.load_model(folder / MODEL_FILE)
    lines = (line.split("#", 1)[0].strip() for line in (folder / "features.txt").open())
    features = [line for line in lines if line]
    metrics = json.loads((folder / "metrics.json").read_text())
    return Model(booster=booster, features=features, threshold=float(metrics["threshold"]))


def _number(text: str, where: str) -> float:
    if text.strip() == "":
        return math.nan
    try:
        return float(text)
    except ValueError:
        raise RequestError(f"{where}: {text!r} is not a number") from None


def input_fn(request_body: bytes | str, request_content_type: str) -> list:
    """The request's instances, parsed: each a list of values or a {feature: value} dict.
    (The container passes no model here: predict_fn checks them against its features.)"""
    text = request_body.decode() if isinstance(request_body, bytes) else request_body
    content_type = (request_content_type or "").split(";")[0].strip()
    if content_type == CSV:
        rows = [row for row in csv.reader(io.StringIO(text)) if row]
        return [[_number(v, f"line {n}") for v in row] for n, row in enumerate(rows, start=1)]
    if content_type == JSON:
        try:
            instances = json.loads(text)["instances"]
        except (ValueError, KeyError, TypeError):
            raise RequestError('expected a JSON object with an "instances" list') from None
        if not isinstance(instances, list):
            raise RequestError('"instances" must be a list')
        return instances
    raise RequestError(f"content type {request_content_type!r}: send {CSV} or {JSON}")


def _row(instance: object, number: int, features: list[str]) -> list[float]:
    if isinstance(instance, dict):
        unknown = sorted(set(instance) - set(features))
        if unknown:
            raise RequestError(f"instance {number}: unknown features {', '.join(unknown)}")
        instance = [instance.get(name) for name in features]
    if not isinstance(instance, list) or len(instance) != len(features):
        raise RequestError(f"instance {number}: expected {len(features)} feature values")
    return [
        math.nan if value is None else _number(str(value), f"instance {number}")
        for value in instance
    ]


def predict_fn(input_data: list, model: Model) -> np.ndarray:
    """The reorder probability of each instance."""
    if not input_data:
        raise RequestError("no instances to score")
    rows = [_row(instance, n, model.features) for n, instance in enumerate(input_data, 1)]
    matrix = xgb.DMatrix(
        np.asarray(rows, dtype=np.float32), feature_names=model.features, missing=math.nan
    )
    return model.booster.predict(matrix)


def output_fn(prediction: np.ndarray, accept: str) -> tuple[str, str]:
    """The answer body and its content type (CSV unless JSON is asked for)."""
    if (accept or "").split(";")[0].strip() == JSON:
        return json.dumps({"predictions": [float(p) for p in prediction]}), JSON
    return "".join(f"{float(p):.6f}\n" for p in prediction), CSV
