"""The model's and the daily runs' health as table rows, from files the pipeline writes:
each registered version's metrics.json and curves.json, models/deployed.json, and the
notifications of published runs (one JSON object each)."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator

from flows.pipeline.registry import Registry

METRICS = (
    "roc_auc", "pr_auc", "log_loss", "f1", "mean_order_f1", "threshold",
    "baseline_up_order_rate_roc_auc", "baseline_last_basket_mean_order_f1",
    "validation_lines", "training_lines", "training_seconds",
)  # fmt: skip
CALIBRATIONS = {"calibration_deciles": "decile", "calibration": "score_tenth"}


def trained_at(version: str) -> datetime.datetime | None:
    """When a version was trained, from its name (20261125T020312Z-1a2b3c4d); None for a
    name of another shape."""
    try:
        return datetime.datetime.strptime(version.split("-")[0], "%Y%m%dT%H%M%SZ")
    except ValueError:
        return None


def model_versions(registry: Registry) -> list[dict]:
    """One row per registered version, oldest first: when it was trained, whether it is the
    deployed one, and its validation metrics (None where an older version lacks one)."""
    deployment = registry.deployment()
    deployed = deployment.version if deployment else None
    rows = []
    for version in registry.versions():
        metrics = registry.metrics(version)
        rows.append(
            {
                "version": version,
                "trained_at": trained_at(version),
                "deployed": version == deployed,
                **{name: metrics.get(name) for name in METRICS},
            }
        )
    return rows


def calibration(registry: Registry) -> list[dict]:
    """Predicted against observed reorder rate for every version that kept its curves:
    per decile of its validation lines ranked by score, and per tenth of the score range
    (which is also the score distribution)."""
    rows = []
    for version in registry.versions():
        key = f"{registry.model_prefix(version)}/curves.json"
        if not registry.lake.exists(key):
            continue  # trained before the model kept its curves
        with registry.lake.open(key) as stream:
            curves = json.loads(stream.read())
        for table, grouping in CALIBRATIONS.items():
            for number, (predicted, observed, lines) in enumerate(curves.get(table, []), 1):
                rows.append(
                    {
                        "version": version,
                        "grouping": grouping,
                        "bin": number,
                        "mean_predicted": predicted,
                        "observed_rate": observed,
                        "lines": lines,
                    }
                )
    return rows


def run_rows(notifications: Iterable[dict]) -> Iterator[tuple[str, dict]]:
    """Each published run's rows, as (table, row): `daily_runs` (one per run), and per run
    `run_steps` (seconds per step), `run_landed_rows` (rows landed per table) and
    `run_quarantined_rows` (rows quarantined per table and rule)."""
    for note in notifications:
        run = {"run_id": note["run_id"], "date": datetime.date.fromisoformat(note["date"])}
        seconds = note.get("seconds", {})
        model = note.get("model") or {}  # None on a run without training
        yield (
            "daily_runs",
            {
                **run,
                "subject": note.get("subject"),
                "published_rows": note.get("published_rows"),
                "landed_rows": sum(note.get("landed_rows", {}).values()),
                "quarantined_rows": sum(
                    sum(rules.values()) for rules in note.get("quarantined_rows", {}).values()
                ),
                "seconds": round(sum(seconds.values()), 3),
                # the version this run trained, and whether it passed the gate
                "model": model.get("version"),
                "model_deployed": model.get("deployed"),
            },
        )
        for step, value in seconds.items():
            yield "run_steps", {**run, "step": step, "seconds": value}
        for table, rows in note.get("landed_rows", {}).items():
            yield "run_landed_rows", {**run, "source_table": table, "rows": rows}
        for table, rules in note.get("quarantined_rows", {}).items():
            for rule, rows in rules.items():
                yield (
                    "run_quarantined_rows",
                    {**run, "source_table": table, "rule": rule, "rows": rows},
                )
