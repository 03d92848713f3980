"""The daily Prefect flow: land, dbt build (one task run per dbt node), compact, notify.

Each step is a task with retries for transient service errors only; a data error (a
rejected drop, a failing model or test, a bad compacted file) stops the flow at once and
leaves the published result as it was.
"""

import datetime
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from prefect import flow, task
from prefect_dbt import PrefectDbtRunner, PrefectDbtSettings

from flows.compact import Compacted, compact
from flows.daily import RunSummary, notification_for, quarantine_counts, result_rows
from flows.lake import LocalLake
from flows.landing import LandingReport, land_drop
from flows.notify import built_row_counts, new_run_id, send_local
from flows.retry import retry_transient
from flows.settings import Settings
from flows.transform import TransformError, dbt_environment, run_results

RETRY_DELAYS = [2, 10, 30]


@task(retries=3, retry_delay_seconds=RETRY_DELAYS, retry_condition_fn=retry_transient)
def land(settings: Settings, source: str, date: datetime.date) -> LandingReport:
    """Check the drop's files and land them in the raw zone."""
    settings.prepare_lake()
    return land_drop(source, LocalLake(settings.lake), date)


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
    """`dbt build` through prefect-dbt: every model and test is its own task run."""
    state = settings.lake / ".dbt"
    runner = PrefectDbtRunner(
        settings=PrefectDbtSettings(
            project_dir=settings.project_dir,
            profiles_dir=settings.project_dir,
            target_path=state / "target",
        ),
        raise_on_failure=False,
    )
    args = ["build", "--log-path", str(state / "logs")]
    if settings.quarantine_max_share is not None:
        args += ["--vars", f"{{quarantine_max_share: {settings.quarantine_max_share}}}"]
    with _dbt_environment(settings):
        result = runner.invoke(args)
    if not result.success:
        failed = [r for r in run_results(settings) if r.status in ("error", "fail")]
        lines = [f"  {r.name}: {r.status}: {r.message}" for r in failed] or [
            f"  {result.exception}"
        ]
        raise TransformError("dbt build failed:\n" + "\n".join(lines))


@task(retries=3, retry_delay_seconds=RETRY_DELAYS, retry_condition_fn=retry_transient)
def publish(settings: Settings, compactor: str) -> Compacted:
    """Compact result_table into one sorted file and publish it."""
    return compact(settings, compactor)


@task(retries=3, retry_delay_seconds=RETRY_DELAYS, retry_condition_fn=retry_transient)
def notify(settings: Settings, summary: RunSummary) -> Path:
    """Tell data scientists what was published."""
    return send_local(settings, notification_for(summary, built_row_counts(settings)))


@flow(name="reorder-daily")
def daily(
    source: str,
    date: datetime.date,
    lake: str = "lake",
    compactor: str = "duckdb",
    quarantine_max_share: float | None = None,
) -> RunSummary:
    """One daily run of the pipeline over a local lake."""
    settings = Settings(lake=Path(lake), quarantine_max_share=quarantine_max_share)
    seconds: dict[str, float] = {}
    started = datetime.datetime.now()
    landing = land(settings, source, date)
    seconds["land"] = _since(started)

    started = datetime.datetime.now()
    build_models(settings)
    seconds["dbt_build"] = _since(started)

    started = datetime.datetime.now()
    published = publish(settings, compactor)
    seconds["compact"] = _since(started)

    summary = RunSummary(
        run_id=new_run_id(),
        date=date,
        landing=landing,
        nodes=run_results(settings),
        quarantined=quarantine_counts(settings),
        result_rows=result_rows(settings),
        published=published,
        seconds=seconds,
    )
    notify(settings, summary)
    return summary


def _since(started: datetime.datetime) -> float:
    return (datetime.datetime.now() - started).total_seconds()
