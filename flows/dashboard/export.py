"""One DuckDB file with everything the dashboard shows: the marts as dbt built them, the
registry's versions and calibration, and the published runs (flows/dashboard/health.py).

The file is written beside its destination and moved over it whole, so a dashboard build
never reads a half-written file. It is written in DuckDB's v1.2 storage format, so that an
analyst's older DuckDB (or a BI tool's, such as Evidence's Node bindings) opens it too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from flows.dashboard.health import calibration, model_versions, run_rows
from flows.pipeline.registry import Registry

MARTS = (
    "dashboard_kpis", "reorder_lines", "basket_sizes", "days_between_orders",
    "top_reordered_products",
)  # fmt: skip
STORAGE_VERSION = "v1.2.0"

# The health tables' columns, so that a lake without a model or a run still has them.
HEALTH_COLUMNS: dict[str, dict[str, str]] = {
    "model_versions": {
        "version": "varchar", "trained_at": "timestamp", "deployed": "boolean",
        "roc_auc": "double", "pr_auc": "double", "log_loss": "double", "f1": "double",
        "mean_order_f1": "double", "threshold": "double",
        "baseline_up_order_rate_roc_auc": "double",
        "baseline_last_basket_mean_order_f1": "double", "validation_lines": "bigint",
        "training_lines": "bigint", "training_seconds": "double",
    },
    "model_calibration": {
        "version": "varchar", "grouping": "varchar", "bin": "bigint",
        "mean_predicted": "double", "observed_rate": "double", "lines": "bigint",
    },
    "daily_runs": {
        "run_id": "varchar", "date": "date", "subject": "varchar", "published_rows": "bigint",
        "landed_rows": "bigint", "quarantined_rows": "bigint", "seconds": "double",
        "model": "varchar", "model_deployed": "boolean",
    },
    "run_steps": {"run_id": "varchar", "date": "date", "step": "varchar", "seconds": "double"},
    "run_landed_rows": {
        "run_id": "varchar", "date": "date", "source_table": "varchar", "rows": "bigint",
    },
    "run_quarantined_rows": {
        "run_id": "varchar", "date": "date", "source_table": "varchar", "rule": "varchar",
        "rows": "bigint",
    },
}  # fmt: skip


class ExportError(RuntimeError):
    """The lake lacks what the dashboard needs (a mart never built, say)."""


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: dict[str, int]  # per table


def read_notifications(path: Path) -> list[dict]:
    """The published runs of a local outbox (one JSON object per line); none if it is
    missing. A line that is not JSON is an error naming the file and line."""
    if not path.exists():
        return []
    notes = []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip():
            continue
        try:
            notes.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise ExportError(f"{path}:{number}: not a JSON notification ({error.msg})") from None
    return notes


def _quoted(path: Path | str) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _write_rows(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[dict]) -> None:
    columns = HEALTH_COLUMNS[table]
    con.execute(
        f"create table dashboard.{table} ("
        + ", ".join(f"{name} {kind}" for name, kind in columns.items())
        + ")"
    )
    if rows:
        placeholders = ", ".join("?" for _ in columns)
        con.executemany(
            f"insert into dashboard.{table} values ({placeholders})",
            [[row.get(name) for name in columns] for row in rows],
        )


def export_dashboard(
    marts: Mapping[str, Sequence[Path]],
    registry: Registry,
    notifications: Iterable[dict],
    out: Path,
) -> Exported:
    """Write `out`: each mart from its parquet files, then the health tables."""
    missing = [name for name in MARTS if not marts.get(name)]
    if missing:
        raise ExportError(
            "no parquet files for the marts " + ", ".join(missing)
            + ": build them first (reorder run, or dbt build -s marts)"
        )  # fmt: skip
    health: dict[str, list[dict]] = {table: [] for table in HEALTH_COLUMNS}
    health["model_versions"] = model_versions(registry)
    health["model_calibration"] = calibration(registry)
    for table, row in run_rows(notifications):
        health[table].append(row)

    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.unlink(missing_ok=True)
    con = duckdb.connect()
    try:
        con.execute(f"attach {_quoted(partial)} as dashboard (storage_version '{STORAGE_VERSION}')")
        for name in MARTS:
            files = ", ".join(_quoted(path) for path in marts[name])
            con.execute(f"create table dashboard.{name} as select * from read_parquet([{files}])")
        for table, rows in health.items():
            _write_rows(con, table, rows)
        counts = {
            table: con.execute(f"select count(*) from dashboard.{table}").fetchone()[0]
            for table in (*MARTS, *HEALTH_COLUMNS)
        }
        con.execute("detach dashboard")
    finally:
        con.close()
    partial.replace(out)
    return Exported(path=out, rows=counts)


def local_marts(lake: Path) -> dict[str, list[Path]]:
    """Each mart's parquet files in a local lake's marts/ zone."""
    return {name: sorted((lake / "marts" / name).glob("*.parquet")) for name in MARTS}
