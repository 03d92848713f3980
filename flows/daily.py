"""One daily run: land the drop, build the dbt models over the lake, publish the result."""

import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from flows.compact import Compacted, compact
from flows.lake import LocalLake
from flows.landing import LandingReport, land_drop
from flows.notify import Notification, built_row_counts, new_run_id, send_local
from flows.settings import Settings
from flows.transform import NodeResult, dbt_build, run_results


@dataclass(frozen=True)
class RunSummary:
    """What a run did: rows landed, nodes built, rows quarantined per table and rule, and
    the file it published."""

    run_id: str
    date: datetime.date
    landing: LandingReport
    nodes: list[NodeResult]
    quarantined: dict[tuple[str, str], int]
    published: Compacted
    seconds: dict[str, float] = field(default_factory=dict)


def quarantine_counts(settings: Settings) -> dict[tuple[str, str], int]:
    """Quarantined rows per (source table, rule), from the quarantine zone's parquet."""
    # dbt-duckdb writes an empty table as one row of NULLs: count named rules only.
    rows = duckdb.sql(
        f"select source_table, quarantine_rule, count(*) "
        f"from '{settings.lake}/quarantine/rows/*.parquet' "
        "where quarantine_rule is not null group by all order by all"
    ).fetchall()
    return {(table, rule): count for table, rule, count in rows}


def land(settings: Settings, source: str | Path, date: datetime.date) -> LandingReport:
    """Check the drop's files and land them in the raw zone."""
    settings.prepare_lake()
    return land_drop(source, LocalLake(settings.lake), date)


def notify(settings: Settings, summary: RunSummary) -> Path:
    """Tell data scientists what was published."""
    return send_local(settings, notification_for(summary, built_row_counts(settings)))


@dataclass(frozen=True)
class Steps:
    """How each step runs: plain functions here, Prefect tasks in flows/flow.py."""

    land: Callable[[Settings, str | Path, datetime.date], LandingReport]
    build: Callable[[Settings], object]
    publish: Callable[[Settings, str], Compacted]
    notify: Callable[[Settings, RunSummary], Path]


PLAIN_STEPS = Steps(land=land, build=dbt_build, publish=compact, notify=notify)


def run_daily(
    settings: Settings,
    source: str | Path,
    date: datetime.date,
    compactor: str = "duckdb",
    steps: Steps = PLAIN_STEPS,
) -> RunSummary:
    """Land `source` as the drop of `date`, build every model, publish result_table as one
    file and notify; raise on any failure, leaving the previously published file in place."""
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    landing = steps.land(settings, source, date)
    seconds["land"] = time.perf_counter() - started

    started = time.perf_counter()
    steps.build(settings)
    seconds["dbt_build"] = time.perf_counter() - started

    started = time.perf_counter()
    published = steps.publish(settings, compactor)
    seconds["compact"] = time.perf_counter() - started
    summary = RunSummary(
        run_id=new_run_id(),
        date=date,
        landing=landing,
        nodes=run_results(settings),
        quarantined=quarantine_counts(settings),
        published=published,
        seconds=seconds,
    )
    steps.notify(settings, summary)
    return summary


def notification_for(summary: RunSummary, built_rows: dict[str, int]) -> Notification:
    """What data scientists are told about a published run."""
    quarantined: dict[str, dict[str, int]] = {}
    for (table, rule), count in summary.quarantined.items():
        quarantined.setdefault(table, {})[rule] = count
    return Notification(
        subject=f"reorder: result_table for {summary.date} published "
        f"({summary.published.rows:,} rows)",
        body={
            "run_id": summary.run_id,
            "date": summary.date.isoformat(),
            "landed_rows": {f.table: f.rows for f in summary.landing.files},
            "built_rows": built_rows,
            "quarantined_rows": quarantined,
            "published": str(summary.published.path),
            "published_rows": summary.published.rows,
            "seconds": {step: round(value, 3) for step, value in summary.seconds.items()},
        },
    )
