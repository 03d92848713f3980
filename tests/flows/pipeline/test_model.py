"""The model registry, the quality gate and `reorder model`, and the flow's train and release
steps: a model that fails the gate leaves the deployed one serving and the notification
says why."""

import datetime
import json
import shutil
from pathlib import Path

import pytest

from flows.cli.main import main
from flows.daily.run import run_daily
from flows.pipeline.lake import LocalLake
from flows.pipeline.landing import HEADERS
from flows.pipeline.registry import Registry, RegistryError, new_version
from flows.pipeline.release import GatePolicy, judge, release
from flows.pipeline.settings import Settings


def _registry_with(tmp_path: Path, aucs: dict[str, float]) -> Registry:
    """A registry whose versions have only metrics, with the given ROC AUCs."""
    registry = Registry(LocalLake(tmp_path))
    for version, auc in aucs.items():
        model = tmp_path / "work" / version
        model.mkdir(parents=True)
        (model / "metrics.json").write_text(json.dumps({"roc_auc": auc, "pr_auc": 0.4,
                                                        "mean_order_f1": 0.3}))  # fmt: skip
        report = tmp_path / "work" / f"{version}.html"
        report.write_text("<html></html>")
        registry.add(version, model, report)
    return registry


@pytest.mark.parametrize(
    ("auc", "deployed", "passed", "reason"),
    [
        (0.65, None, False, "below the floor 0.7000"),
        (0.80, None, True, "the first model deployed"),
        (0.80, 0.805, True, "deployed model: 0.8050"),
        (0.80, 0.82, False, "worse than the deployed model's 0.8200 by more than 0.0100"),
    ],
)
def test_the_gate_needs_the_floor_and_at_most_the_tolerated_drop(
    auc: float, deployed: float | None, passed: bool, reason: str
) -> None:
    deployed_metrics = None if deployed is None else {"roc_auc": deployed}
    verdict, why = judge({"roc_auc": auc}, deployed_metrics, GatePolicy())
    assert verdict is passed and reason in why


def test_deploy_and_rollback_walk_the_history(tmp_path: Path) -> None:
    registry = _registry_with(tmp_path, {"v1": 0.80, "v2": 0.81, "v3": 0.82})
    assert registry.deployment() is None and registry.versions() == ["v1", "v2", "v3"]
    for version in ("v1", "v2", "v3"):
        registry.deploy(version)
    assert registry.rollback().version == "v2"
    assert registry.rollback().version == "v1"
    with pytest.raises(RegistryError, match="no earlier deployed model"):
        registry.rollback()
    with pytest.raises(RegistryError, match="no model version 'v9'"):
        registry.deploy("v9")


def test_a_model_failing_the_gate_is_kept_but_not_served(tmp_path: Path) -> None:
    registry = _registry_with(tmp_path, {"good": 0.83, "worse": 0.79})
    assert release(registry, "good", GatePolicy()).passed
    served: list[str] = []
    outcome = release(registry, "worse", GatePolicy(), serve=served.append)
    assert not outcome.passed and outcome.deployed == "good" and served == []
    assert registry.deployment().version == "good"  # type: ignore[union-attr]
    assert "worse" in registry.versions()


def test_reorder_model_list_and_rollback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = _registry_with(tmp_path, {"v1": 0.80, "v2": 0.81})
    registry.deploy("v1")
    registry.deploy("v2")
    assert main(["model", "list", "--lake", str(tmp_path)]) == 0
    listed = capsys.readouterr().err.splitlines()
    assert listed[0].startswith("  v1  ROC AUC 0.8000") and listed[1].startswith("* v2")
    assert main(["model", "rollback", "--lake", str(tmp_path)]) == 0
    assert "deployed v1 again (was v2)" in capsys.readouterr().err
    assert main(["model", "rollback", "--lake", str(tmp_path)]) == 1
    assert "no earlier deployed model" in capsys.readouterr().err


def test_versions_sort_by_training_time() -> None:
    early = new_version("aaaa1111", datetime.datetime(2026, 11, 25, 2, 0, tzinfo=datetime.UTC))
    late = new_version("0000ffff", datetime.datetime(2026, 11, 26, 2, 0, tzinfo=datetime.UTC))
    assert early == "20261125T020000Z-aaaa1111" and early < late


def test_a_run_whose_model_fails_the_gate_publishes_but_keeps_the_deployed_model(
    trained_lake: Path, tmp_path: Path
) -> None:
    lake = tmp_path / "lake"
    shutil.copytree(trained_lake, lake)
    registry = Registry(LocalLake(lake))
    serving = registry.deployment()
    assert serving is not None
    drop = tmp_path / "drop"
    for table in HEADERS:
        [landed] = (lake / "raw" / table).glob("dt=*/*.csv")
        (drop / landed.name).parent.mkdir(exist_ok=True)
        shutil.copyfile(landed, drop / landed.name)
    strict = Settings(lake=lake, gate=GatePolicy(min_roc_auc=0.99))
    summary = run_daily(strict, drop, datetime.date(2026, 11, 26))
    assert summary.model is not None and not summary.model.passed
    assert registry.deployment() == serving
    assert summary.model.version in registry.versions()
    notification = json.loads(
        (lake / "outbox" / "notifications.jsonl").read_text().splitlines()[-1]
    )
    assert notification["model"]["deployed"] is False
    assert "below the floor 0.9900" in notification["model"]["gate"]
    assert notification["model"]["serving"] == serving.version
    assert notification["subject"].endswith(f"model {summary.model.version} not deployed")


def test_a_failed_training_says_the_result_was_published_and_keeps_the_model(
    prefect_harness, trained_lake: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    lake = tmp_path / "lake"
    shutil.copytree(trained_lake, lake)
    serving = Registry(LocalLake(lake)).deployment()
    failing = tmp_path / "train.py"
    failing.write_text("import sys\nsys.exit('train.py: out of memory')\n")
    monkeypatch.setattr("flows.local.training.TRAIN_SCRIPT", failing)
    drop = tmp_path / "drop"
    drop.mkdir()
    for table in HEADERS:
        [landed] = (lake / "raw" / table).glob("dt=*/*.csv")
        shutil.copyfile(landed, drop / landed.name)
    capsys.readouterr()
    code = main(["run", "--input", str(drop), "--date", "2026-11-27", "--lake", str(lake)])
    said = capsys.readouterr().err
    assert code == 1
    assert "result_table was published, but no new model was trained" in said
    assert "train.py: out of memory" in said
    assert Registry(LocalLake(lake)).deployment() == serving
