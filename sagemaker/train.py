"""Train the reorder model in SageMaker's script mode; locally the same file runs as a
subprocess with the same environment.

    SM_CHANNEL_TRAIN       folder of parquet files: result_table lines of training users
    SM_CHANNEL_VALIDATION  folder of parquet files: lines of other users (none in common)
    SM_MODEL_DIR           where the model goes: xgboost-model.json, features.txt,
                           metrics.json, feature_importance.json, curves.json (the
                           validation's ROC, precision-recall and calibration tables)
    SM_OUTPUT_DATA_DIR     where the report goes: report.html (and metrics.json again)

Hyperparameters arrive as `--name value` arguments, as SageMaker passes them; `--features`
names another feature list than features.txt (a trial of new features). The model is
XGBoost `binary:logistic` with the `hist` tree method, early-stopped on the validation
users' log loss, saved as XGBoost JSON (loaded by the same XGBoost minor version locally and
in the 3.0-5 framework container). Imports only its siblings and what the container has.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from evaluation import curves, evaluate
from report import render

FEATURES_FILE = Path(__file__).resolve().with_name("features.txt")
LABEL = "reordered"
MODEL_FILE = "xgboost-model.json"


def read_features(path: Path = FEATURES_FILE) -> list[str]:
    """The feature names, in order; '#' starts a comment."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return [line for line in lines if line]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    environ = os.environ.get
    parser.add_argument("--train", default=environ("SM_CHANNEL_TRAIN"))
    parser.add_argument("--validation", default=environ("SM_CHANNEL_VALIDATION"))
    parser.add_argument("--model_dir", default=environ("SM_MODEL_DIR"))
    parser.add_argument("--output_data_dir", default=environ("SM_OUTPUT_DATA_DIR"))
    parser.add_argument(
        "--features",
        type=Path,
        default=FEATURES_FILE,
        help="the feature list, one column per line (default features.txt)",
    )
    parser.add_argument("--max_depth", type=int, default=6)
    parser.add_argument("--eta", type=float, default=0.1)
    parser.add_argument("--num_round", type=int, default=300)
    parser.add_argument("--early_stopping_rounds", type=int, default=20)
    parser.add_argument("--subsample", type=float, default=0.8)
    parser.add_argument("--colsample_bytree", type=float, default=0.8)
    parser.add_argument("--min_child_weight", type=float, default=10)
    parser.add_argument("--max_bin", type=int, default=256)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--nthread", type=int, default=0, help="0: every core")
    args = parser.parse_args(argv)
    for name in ("train", "validation", "model_dir", "output_data_dir"):
        if not getattr(args, name):
            parser.error(f"--{name} (or its SM_* environment variable) is required")
    return args


def read_channel(folder: str, columns: list[str]) -> pd.DataFrame:
    """Every parquet file of a channel folder, those columns only."""
    files = sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix == ".parquet")
    if not files:
        raise SystemExit(f"train.py: no parquet files in channel folder {folder}")
    return pd.concat((pd.read_parquet(f, columns=columns) for f in files), ignore_index=True)


def train(args: argparse.Namespace) -> dict:
    started = time.perf_counter()
    features = read_features(args.features)
    columns = ["user_id", "order_id", *features, LABEL]
    training = read_channel(args.train, columns)
    validation = read_channel(args.validation, columns)
    shared = np.intersect1d(training["user_id"].unique(), validation["user_id"].unique())
    if shared.size:
        raise SystemExit(f"train.py: {shared.size} users are in both channels, e.g. {shared[0]}")
    for name, frame in (("train", training), ("validation", validation)):
        if frame[LABEL].isna().any():
            raise SystemExit(f"train.py: the {name} channel has lines without a label")

    # QuantileDMatrix bins the features once: far less memory than a DMatrix for `hist`.
    dtrain = xgb.QuantileDMatrix(
        training[features], label=training[LABEL], feature_names=features,
        max_bin=args.max_bin,
    )  # fmt: skip
    dvalid = xgb.QuantileDMatrix(
        validation[features], label=validation[LABEL], feature_names=features, ref=dtrain
    )
    params = {
        "objective": "binary:logistic",
        "tree_method": "hist",
        "eval_metric": ["auc", "logloss"],  # the last one decides early stopping
        "max_depth": args.max_depth,
        "eta": args.eta,
        "subsample": args.subsample,
        "colsample_bytree": args.colsample_bytree,
        "min_child_weight": args.min_child_weight,
        "max_bin": args.max_bin,
        "seed": args.seed,
        "nthread": args.nthread or os.cpu_count() or 1,
    }
    booster = xgb.train(
        params,
        dtrain,
        num_boost_round=args.num_round,
        evals=[(dvalid, "validation")],
        early_stopping_rounds=args.early_stopping_rounds,
        verbose_eval=50,
    )
    best = booster.best_iteration
    scores = booster.predict(dvalid, iteration_range=(0, best + 1))
    metrics = evaluate(validation, scores) | {
        "best_iteration": int(best),
        "training_lines": len(training),
        "training_seconds": round(time.perf_counter() - started, 1),
        "xgboost_version": xgb.__version__,
    }
    importances = booster.get_score(importance_type="gain")

    model_dir, output_dir = Path(args.model_dir), Path(args.output_data_dir)
    model_dir.mkdir(parents=True, exist_ok=True)
    output_dir.mkdir(parents=True, exist_ok=True)
    # Keep only the trees up to the best round, so every reader scores the same way.
    booster[: best + 1].save_model(model_dir / MODEL_FILE)
    shutil.copyfile(args.features, model_dir / "features.txt")
    for folder in (model_dir, output_dir):
        (folder / "metrics.json").write_text(json.dumps(metrics, indent=2, sort_keys=True))
    (model_dir / "feature_importance.json").write_text(
        json.dumps(importances, indent=2, sort_keys=True)
    )
    validation_curves = curves(validation, scores)
    # Beside the model, so the registry keeps them for the dashboard's calibration charts.
    (model_dir / "curves.json").write_text(json.dumps(validation_curves, sort_keys=True))
    (output_dir / "report.html").write_text(
        render(metrics, validation_curves, importances, "Reorder model")
    )
    return metrics


def main(argv: list[str]) -> int:
    metrics = train(parse_args(argv))
    print(json.dumps({"metrics": metrics}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
