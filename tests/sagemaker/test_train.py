"""sagemaker/train.py in script mode: what it writes, how good the model is on held-out users
against the two baselines, and what it refuses."""

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import xgboost as xgb

from flows.local.training import TRAIN_SCRIPT, write_channels
from flows.pipeline.lake import LocalLake
from flows.pipeline.registry import Registry

FEATURES = [
    line.strip()
    for line in (TRAIN_SCRIPT.parent / "features.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.fixture(scope="module")
def deployed(trained_lake: Path) -> tuple[Path, dict]:
    registry = Registry(LocalLake(trained_lake))
    deployment = registry.deployment()
    assert deployment is not None
    return trained_lake / "models" / deployment.version, registry.metrics(deployment.version)


def test_the_feature_list_is_result_table_columns_without_keys_or_label(trained_lake: Path) -> None:
    columns = [c[0] for c in duckdb.sql(
        f"describe from '{trained_lake}/sandbox/result_table/result_table.parquet'"
    ).fetchall()]  # fmt: skip
    assert set(FEATURES) < set(columns)
    assert not {"user_id", "product_id", "order_id", "eval_set", "reordered"} & set(FEATURES)
    assert len(FEATURES) == len(set(FEATURES)) == 26


def test_the_model_beats_both_baselines_on_held_out_users(deployed: tuple[Path, dict]) -> None:
    _, metrics = deployed
    assert metrics["roc_auc"] > metrics["baseline_up_order_rate_roc_auc"] + 0.03
    assert metrics["mean_order_f1"] > metrics["baseline_last_basket_mean_order_f1"] + 0.02
    assert 0 < metrics["threshold"] < 1 and 0 < metrics["pr_auc"] < 1
    assert metrics["validation_orders"] > 100


def test_the_model_folder_holds_what_serving_needs(deployed: tuple[Path, dict]) -> None:
    folder, metrics = deployed
    names = sorted(p.name for p in (folder / "model").iterdir())
    assert names == [
        "curves.json", "feature_importance.json", "features.txt", "metrics.json",
        "xgboost-model.json",
    ]  # fmt: skip
    booster = xgb.Booster()
    booster.load_model(folder / "model" / "xgboost-model.json")
    assert booster.feature_names == FEATURES
    assert booster.num_boosted_rounds() == metrics["best_iteration"] + 1
    importance = json.loads((folder / "model" / "feature_importance.json").read_text())
    assert set(importance) <= set(FEATURES) and importance


def test_the_model_keeps_its_calibration_by_decile_and_by_score(
    deployed: tuple[Path, dict],
) -> None:
    folder, metrics = deployed
    curves = json.loads((folder / "model" / "curves.json").read_text())
    deciles, by_score = curves["calibration_deciles"], curves["calibration"]
    assert len(deciles) == 10
    for table in (deciles, by_score):
        assert sum(lines for _, _, lines in table) == metrics["validation_lines"]
        assert all(0 <= predicted <= 1 and 0 <= observed <= 1 for predicted, observed, _ in table)
    sizes = [lines for _, _, lines in deciles]
    assert max(sizes) - min(sizes) <= 1  # equal counts
    predicted = [value for value, _, _ in deciles]
    assert predicted == sorted(predicted)
    # a useful model's top decile reorders far more often than its bottom one
    assert deciles[-1][1] > deciles[0][1] + 0.2


def test_the_report_shows_the_model_beside_its_baselines(deployed: tuple[Path, dict]) -> None:
    folder, metrics = deployed
    report = (folder / "report.html").read_text()
    assert f"{metrics['roc_auc']:.4f}" in report
    assert f"{metrics['baseline_last_basket_mean_order_f1']:.4f}" in report
    assert report.count("<svg") == 3  # ROC, precision-recall, calibration
    assert "NOT better" not in report


def _train(channels: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "SM_CHANNEL_TRAIN": str(channels / "train"),
        "SM_CHANNEL_VALIDATION": str(channels / "validation"),
        "SM_MODEL_DIR": str(out / "model"),
        "SM_OUTPUT_DATA_DIR": str(out / "output"),
    }
    return subprocess.run(
        [sys.executable, str(TRAIN_SCRIPT), *args], env=environment, capture_output=True,
        text=True, check=False,
    )  # fmt: skip


def test_channels_split_users_and_hyperparameters_arrive_as_arguments(
    trained_lake: Path, tmp_path: Path
) -> None:
    published = f"{trained_lake}/sandbox/result_table/result_table.parquet"
    train, validation = write_channels(published, tmp_path / "channels")
    users = [
        {row[0] for row in duckdb.sql(f"select distinct user_id from '{c}/*.parquet'").fetchall()}
        for c in (train, validation)
    ]
    assert users[0] and users[1] and not users[0] & users[1]
    completed = _train(tmp_path / "channels", tmp_path, "--num_round", "3", "--max_depth", "2")
    assert completed.returncode == 0, completed.stderr
    booster = xgb.Booster()
    booster.load_model(tmp_path / "model" / "xgboost-model.json")
    assert booster.num_boosted_rounds() <= 3


def test_a_user_in_both_channels_is_refused(trained_lake: Path, tmp_path: Path) -> None:
    published = f"{trained_lake}/sandbox/result_table/result_table.parquet"
    write_channels(published, tmp_path / "channels")
    leak = tmp_path / "channels" / "validation" / "leak.parquet"
    duckdb.sql(f"copy (select * from '{tmp_path}/channels/train/*.parquet' limit 5) to '{leak}'")
    completed = _train(tmp_path / "channels", tmp_path)
    assert completed.returncode != 0
    assert "users are in both channels" in completed.stderr
