"""One daily run over a target's steps: land the drop, build the dbt models, publish the
result, train a model, deploy it if it passes the quality gate, notify.

The run is the same on both targets: it knows only the step interface (flows/pipeline/steps.py);
flows/daily/ chooses the implementation.
"""

import datetime
import time
from dataclasses import dataclass, field
from pathlib import Path

from flows.pipeline.compaction import Compacted
from flows.pipeline.landing import LandingReport
from flows.pipeline.notify import Notification, new_run_id
from flows.pipeline.registry import new_version
from flows.pipeline.release import Release
from flows.pipeline.settings import Settings
from flows.pipeline.steps import Steps
from flows.pipeline.tables import built_row_counts, quarantine_counts
from flows.pipeline.transform import NodeResult, run_results


@dataclass(frozen=True)
class RunSummary:
    """What a run did: rows landed, nodes built, rows per built table, rows quarantined per
    table and rule, and the file it published."""

    run_id: str
    date: datetime.date
    landing: LandingReport
    nodes: list[NodeResult]
    built_rows: dict[str, int]
    quarantined: dict[tuple[str, str], int]
    published: Compacted
    model: Release | None = None  # None when the run did not train
    seconds: dict[str, float] = field(default_factory=dict)


def run_pipeline(
    settings: Settings, source: str | Path, date: datetime.date, steps: Steps
) -> RunSummary:
    """Land `source` as the drop of `date`, build every model, publish result_table as one
    file, train a model and deploy it if it passes the gate (unless `settings.train` is off),
    and notify, each with `steps`. Raise on any failure, leaving the previously published
    file and the deployed model in place. Another run on the same lake is refused
    (RunLockedError) before anything is touched."""
    with steps.lock(settings, date):
        return _run_locked(settings, source, date, steps)


def _run_locked(
    settings: Settings, source: str | Path, date: datetime.date, steps: Steps
) -> RunSummary:
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    landing = steps.land(settings, source, date)
    seconds["land"] = time.perf_counter() - started

    try:
        started = time.perf_counter()
        steps.build(settings)
        seconds["dbt_build"] = time.perf_counter() - started

        started = time.perf_counter()
        published = steps.publish(settings)
        seconds["compact"] = time.perf_counter() - started
    except Exception as error:
        # Out of the raw zone, so that it spoils no later run; what it replaced goes back.
        where = steps.reject(settings, date)
        error.add_note(f"the drop of {date} was moved out of the raw zone to {where}")
        if landing.replaced:
            error.add_note(f"the files landed for {date} before it are back in the raw zone")
        raise
    steps.accept(settings, date)

    run_id = new_run_id()
    model = None
    if settings.train:
        started = time.perf_counter()
        version = new_version(run_id)
        steps.train(settings, published, version)
        seconds["train"] = time.perf_counter() - started
        started = time.perf_counter()
        model = steps.release(settings, version)
        seconds["release"] = time.perf_counter() - started

    locations = steps.locate(settings)
    summary = RunSummary(
        run_id=run_id,
        date=date,
        landing=landing,
        nodes=run_results(settings),
        built_rows=built_row_counts(locations),
        quarantined=quarantine_counts(locations),
        published=published,
        model=model,
        seconds=seconds,
    )
    steps.notify(settings, notification_for(summary))
    return summary


def notification_for(summary: RunSummary) -> Notification:
    """What data scientists are told about a published run."""
    quarantined: dict[str, dict[str, int]] = {}
    for (table, rule), count in summary.quarantined.items():
        quarantined.setdefault(table, {})[rule] = count
    subject = (
        f"reorder: result_table for {summary.date} published ({summary.published.rows:,} rows)"
    )
    if summary.model is not None:
        outcome = "deployed" if summary.model.passed else "not deployed"
        subject += f"; model {summary.model.version} {outcome}"
    return Notification(
        subject=subject,
        body={
            "run_id": summary.run_id,
            "date": summary.date.isoformat(),
            "landed_rows": {f.table: f.rows for f in summary.landing.files},
            "built_rows": summary.built_rows,
            "quarantined_rows": quarantined,
            "published": summary.published.location,
            "published_rows": summary.published.rows,
            "model": None if summary.model is None else model_report(summary.model),
            "seconds": {step: round(value, 3) for step, value in summary.seconds.items()},
        },
    )


# The metrics a notification carries; the rest are in the model's metrics.json and report.
NOTIFIED_METRICS = (
    "roc_auc", "pr_auc", "log_loss", "threshold", "f1", "mean_order_f1",
    "baseline_up_order_rate_roc_auc", "baseline_last_basket_mean_order_f1",
)  # fmt: skip


def model_report(model: Release) -> dict:
    """What a notification says of the model this run trained."""
    return {
        "version": model.version,
        "metrics": {name: model.metrics[name] for name in NOTIFIED_METRICS},
        "deployed": model.passed,
        "gate": model.reason,
        "serving": model.deployed,
    }
