"""The daily Prefect flow under a test harness, and which failures its tasks retry."""

import datetime
import json
import shutil
from pathlib import Path

import duckdb
import pytest
from botocore.exceptions import ClientError, EndpointConnectionError

from datagen.generate import DropSpec, generate_drop
from flows.pipeline.landing import LandingError
from flows.pipeline.retry import is_transient, retry_transient

DATE = datetime.date(2026, 11, 25)


@pytest.fixture(scope="module")
def drop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("drop")
    generate_drop(DropSpec(users=150, products=1000, seed=9), folder)
    return folder


def test_the_flow_lands_builds_publishes_and_notifies(
    prefect_harness, drop: Path, tmp_path: Path
) -> None:
    from flows.daily.flow import reorder_daily

    state = reorder_daily(str(drop), DATE, str(tmp_path), return_state=True)
    summary = state.result()
    parts = duckdb.sql(f"select * from '{tmp_path}/sandbox/result_table_parts/*.parquet'")
    published = duckdb.sql(f"select * from '{summary.published.location}'").fetchall()
    assert sorted(parts.fetchall()) == sorted(published) and published
    assert summary.published.rows == len(published)
    assert summary.quarantined == {}
    assert summary.nodes and not [n for n in summary.nodes if n.status in ("error", "fail")]
    [line] = (tmp_path / "outbox" / "notifications.jsonl").read_text().splitlines()
    notification = json.loads(line)
    assert notification["run_id"] == summary.run_id
    assert notification["published"] == summary.published.location
    assert notification["published_rows"] == len(published)
    assert notification["built_rows"]["result_table"] == len(published)
    prior = duckdb.sql(
        f"select count(*) from '{tmp_path}/curated/order_products_prior/**/*.parquet'"
    )
    assert notification["built_rows"]["order_products_prior"] == prior.fetchall()[0][0]
    lines = (drop / "order_products__prior.csv").read_text().count("\n") - 1
    assert notification["landed_rows"]["order_products__prior"] == lines
    assert notification["quarantined_rows"] == {}
    assert set(notification["seconds"]) == {"land", "dbt_build", "compact", "train", "release"}
    assert notification["model"]["deployed"] is True

    # The Prefect UI shows every dbt node as a task run of the flow run, linked to its parents.
    runs = _task_runs(state.state_details.flow_run_id)
    nodes = {name: run for name, run in runs.items() if name.split(" ")[0] in DBT_KINDS}
    assert len(nodes) == len(summary.nodes)
    assert {run.state_type.value for run in nodes.values()} == {"COMPLETED"}
    upstream = {str(i.id) for i in nodes["model result_table"].task_inputs["upstream"]}
    assert str(nodes["model up_features"].id) in upstream
    assert {"land", "compact", "notify"} <= {name.rsplit("-", 1)[0] for name in runs}


DBT_KINDS = ("model", "test", "unit_test", "seed", "snapshot", "exposure")


def _task_runs(flow_run_id) -> dict:
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    found: dict = {}
    with get_client(sync_client=True) as client:
        while True:
            page = client.read_task_runs(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])),
                offset=len(found), limit=200,
            )  # fmt: skip
            found |= {run.name: run for run in page}
            if len(page) < 200:
                return found


def test_a_rejected_drop_stops_the_flow_without_retrying(
    prefect_harness, drop: Path, tmp_path: Path
) -> None:
    from flows.daily.flow import reorder_daily

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "aisles.csv").write_text("aisle_id,aisle\n1,x\n")
    with pytest.raises(LandingError, match=r"departments\.csv"):
        reorder_daily(str(bad), DATE, str(tmp_path / "lake"))
    assert not (tmp_path / "lake" / "sandbox" / "result_table").exists()


@pytest.mark.parametrize(
    ("error", "retried"),
    [
        (LandingError(["orders.csv: missing"]), False),
        (ClientError({"Error": {"Code": "SlowDown"}}, "PutObject"), True),
    ],
)
def test_tasks_retry_a_failed_state_only_for_a_transient_error(
    error: Exception, retried: bool
) -> None:
    from prefect.states import Failed

    assert retry_transient(None, None, Failed(data=error)) is retried


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (ClientError({"Error": {"Code": "ThrottlingException"}}, "StartJobRun"), True),
        (ClientError({"Error": {"Code": "SlowDown"}}, "PutObject"), True),
        (ClientError({"Error": {"Code": "AccessDenied"}}, "PutObject"), False),
        (EndpointConnectionError(endpoint_url="https://glue"), True),
        (LandingError(["orders.csv: missing"]), False),
        (ValueError("bad row"), False),
    ],
)
def test_only_transient_service_errors_are_retried(error: Exception, transient: bool) -> None:
    assert is_transient(error) is transient


def test_a_failing_dbt_test_stops_the_flow_before_publication(
    prefect_harness, drop: Path, tmp_path: Path
) -> None:
    from flows.daily.flow import reorder_daily
    from flows.pipeline.transform import TransformError

    lake = tmp_path / "lake"
    first = reorder_daily(str(drop), DATE, str(lake))
    published = Path(first.published.location).read_bytes()
    bad = tmp_path / "bad"
    shutil.copytree(drop, bad)
    orders = (bad / "orders.csv").read_text().splitlines(keepends=True)
    # An eval_set typo: one order quarantined, and its lines with it (a snapshot, the day
    # holds no other copy of the order).
    orders[1] = orders[1].replace(",prior,", ",priro,")
    (bad / "orders.csv").write_text("".join(orders))

    state = reorder_daily(
        str(bad), DATE + datetime.timedelta(days=1), str(lake), "duckdb", 0.0, return_state=True
    )
    with pytest.raises(TransformError, match="quarantine"):
        state.result()
    assert Path(first.published.location).read_bytes() == published
    assert len((lake / "outbox" / "notifications.jsonl").read_text().splitlines()) == 1
    # In Prefect, the failing test's task run failed with dbt's message; every other node's
    # run ended too (none is left running).
    runs = _task_runs(state.state_details.flow_run_id)
    states = {name: run.state_type.value for name, run in runs.items()}
    [failed] = [name for name, kind in states.items() if kind == "FAILED" and name[:5] == "test "]
    assert "quarantine" in failed and "Got 2 results" in runs[failed].state.message
    nodes = [kind for name, kind in states.items() if name.split(" ")[0] in DBT_KINDS]
    assert len(nodes) > 100 and set(nodes) <= {"COMPLETED", "FAILED", "CANCELLED"}
