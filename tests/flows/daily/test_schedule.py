"""The daily schedule: what `reorder schedule` serves and what prefect.yaml deploys agree."""

import importlib
from pathlib import Path

import pytest
import yaml
from prefect.flows import Flow

from flows.cli.main import main
from flows.daily.flow import DEFAULT_CRON, daily_deployment, reorder_daily

ROOT = Path(__file__).resolve().parents[3]


def test_served_deployment_runs_the_flow_daily_at_0200_utc(tmp_path: Path) -> None:
    deployment = daily_deployment(str(tmp_path), compactor="spark")
    [schedule] = deployment.schedules
    assert schedule.schedule.cron == DEFAULT_CRON == "0 2 * * *"
    assert schedule.schedule.timezone == "UTC"
    assert deployment.parameters == {
        "lake": str(tmp_path.resolve()),
        "target": "local",
        "compactor": "spark",
    }
    assert deployment.entrypoint == "flows/daily/flow.py:reorder_daily"


def test_the_aws_deployment_names_its_stack_and_no_local_compactor(tmp_path: Path) -> None:
    deployment = daily_deployment(str(tmp_path), target="aws", stack="reorder-prod")
    assert deployment.parameters == {
        "lake": str(tmp_path.resolve()),
        "target": "aws",
        "stack": "reorder-prod",
    }


def test_a_custom_cron_is_served(tmp_path: Path) -> None:
    [schedule] = daily_deployment(str(tmp_path), cron="30 5 * * *").schedules
    assert schedule.schedule.cron == "30 5 * * *"


def test_prefect_yaml_deploys_the_same_flow_on_the_same_cron_for_both_targets() -> None:
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    deployments = {d["name"]: d for d in config["deployments"]}
    assert set(deployments) == {"reorder-daily", "reorder-daily-aws"}
    for deployment in deployments.values():
        path, name = deployment["entrypoint"].split(":")
        module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
        assert isinstance(getattr(module, name), Flow)
        assert deployment["schedules"] == [{"cron": DEFAULT_CRON, "timezone": "UTC"}]
        assert deployment["work_pool"]["name"] == "reorder-pool"
        # Every parameter is one the flow takes.
        assert set(deployment["parameters"]) <= set(reorder_daily.parameters.properties)
    assert deployments["reorder-daily-aws"]["parameters"]["target"] == "aws"


def test_reorder_schedule_serves_the_aws_deployment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = []
    monkeypatch.setattr("prefect.serve", lambda *deployments: served.extend(deployments))
    args = ["schedule", "--target", "aws", "--stack", "reorder-prod", "--lake", str(tmp_path)]
    assert main([*args, "--cron", "15 3 * * *", "--no-train", "--drop", "delta"]) == 0
    [deployment] = served
    assert deployment.parameters["stack"] == "reorder-prod"
    assert deployment.parameters["train"] is False
    assert deployment.parameters["drop"] == "delta"
    assert deployment.schedules[0].schedule.cron == "15 3 * * *"
