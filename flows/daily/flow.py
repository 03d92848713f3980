"""The daily Prefect flow: land, dbt build (a task run per dbt node), compact, train,
release (the quality gate, then deployment), notify.

Each step is a task with retries for transient service errors only; a data error (a
rejected drop, a failing model or test, a bad compacted file) stops the flow at once and
leaves the published result as it was.
"""

import datetime
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.context import FlowRunContext
from prefect.schedules import Cron

from flows.aws.stack import DEFAULT_STACK, AwsStack
from flows.daily.dbt_tasks import NodeReporter
from flows.daily.run import run_daily, steps_for
from flows.pipeline.release import GatePolicy
from flows.pipeline.retry import retry_transient
from flows.pipeline.run import RunSummary
from flows.pipeline.settings import Settings
from flows.pipeline.steps import Steps
from flows.pipeline.transform import (
    DAILY_BUILD,
    dbt_arguments,
    dbt_environment,
    dbt_failed,
    failure_lines,
    run_results,
)

RETRY_DELAYS = [2, 10, 30]


@contextmanager
def _dbt_environment(settings: Settings) -> Iterator[None]:
    """dbt runs in this process under the flow: set its variables for the call only."""
    saved = dict(os.environ)
    os.environ.update(dbt_environment(settings))
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def build_models(settings: Settings) -> None:
    """`dbt build` in this process; under a flow run, every node is reported as a task run
    of it (flows/daily/dbt_tasks.py)."""
    # Imported once Prefect has set up its logging: dbt's usage tracker calls
    # logging.basicConfig() when imported, which would otherwise print Prefect's records raw.
    from dbt.cli.main import dbtRunner

    flow_run = FlowRunContext.get()
    reporter = (
        NodeReporter(flow_run.flow_run.id, settings.state_dir / "target" / "manifest.json")
        if flow_run is not None and flow_run.flow_run is not None
        else None
    )
    with _dbt_environment(settings), reporter.running() if reporter else nullcontext():
        runner = dbtRunner(callbacks=[reporter.callback] if reporter else [])
        result = runner.invoke(dbt_arguments(settings, *DAILY_BUILD))
    if reporter is not None and reporter.errors:
        get_run_logger().warning(
            "%d dbt nodes were not reported to Prefect, the first: %s",
            len(reporter.errors), reporter.errors[0],
        )  # fmt: skip
    if not result.success:
        raise dbt_failed("build", failure_lines(run_results(settings)) or [str(result.exception)])


def _retried(step: Callable, name: str) -> Callable:
    """A step as a Prefect task, retried with backoff on transient errors only."""
    return task(
        step,
        name=name,
        retries=3,
        retry_delay_seconds=RETRY_DELAYS,
        retry_condition_fn=retry_transient,
    )


def prefect_steps(steps: Steps) -> Steps:
    """A target's steps as Prefect tasks; dbt in the flow, a task run per node."""
    return Steps(
        lock=steps.lock,
        inbox=steps.inbox,
        land=_retried(steps.land, "land"),
        reject=_retried(steps.reject, "reject"),
        accept=_retried(steps.accept, "accept"),
        build=build_models,
        publish=_retried(steps.publish, "compact"),
        train=_retried(steps.train, "train"),
        release=_retried(steps.release, "release"),
        locate=_retried(steps.locate, "locate"),
        notify=_retried(steps.notify, "notify"),
    )


def _stack_outputs(target: str, stack: str) -> AwsStack | None:
    """The aws target's stack outputs; its code loads only for an aws run."""
    if target != "aws":
        return None
    from flows.aws.steps import read_target_stack

    return read_target_stack(stack)


DEFAULT_CRON = "0 2 * * *"  # daily at 02:00 UTC


@flow(name="reorder-daily")
def reorder_daily(
    source: str | None = None,
    date: datetime.date | None = None,
    lake: str = "lake",
    compactor: str = "duckdb",
    quarantine_max_share: float | None = None,
    target: str = "local",
    stack: str = DEFAULT_STACK,
    train: bool = True,
    min_roc_auc: float = GatePolicy.min_roc_auc,
    max_roc_auc_drop: float = GatePolicy.max_roc_auc_drop,
    drop: str = "snapshot",
) -> RunSummary:
    """One daily run on `target`. Scheduled runs pass no source or date: the drop is then
    the target's inbox for today (UTC): <lake>/input/<date>/, or input/<date>/ in the
    stack's bucket."""
    settings = Settings(
        lake=Path(lake),
        target=target,
        compactor=compactor,
        quarantine_max_share=quarantine_max_share,
        stack=_stack_outputs(target, stack),
        train=train,
        gate=GatePolicy(min_roc_auc=min_roc_auc, max_roc_auc_drop=max_roc_auc_drop),
        drop_kind=drop,
    )
    steps = steps_for(target)
    date = date or datetime.datetime.now(datetime.UTC).date()
    return run_daily(settings, source or steps.inbox(settings, date), date, prefect_steps(steps))


def daily_deployment(
    lake: str,
    cron: str = DEFAULT_CRON,
    compactor: str = "duckdb",
    target: str = "local",
    stack: str = DEFAULT_STACK,
    train: bool = True,
    drop: str = "snapshot",
):
    """The deployment `reorder schedule` serves: the flow on a daily cron, in UTC."""
    parameters: dict[str, str | bool] = {"lake": str(Path(lake).resolve()), "target": target}
    if not train:
        parameters["train"] = False
    if drop != "snapshot":
        parameters["drop"] = drop
    if target == "aws":
        parameters["stack"] = stack
    else:
        parameters["compactor"] = compactor
    return reorder_daily.to_deployment(
        name="reorder-daily",
        schedules=[Cron(cron, timezone="UTC")],
        parameters=parameters,
        description="Land the day's drop from the target's input/<date>/, build, publish, notify.",
    )
