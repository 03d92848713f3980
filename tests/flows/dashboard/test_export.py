"""The dashboard's DuckDB file: the marts as built, the registry's versions and calibration,
the published runs; a bad outbox line or a missing mart is an error that names it."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import duckdb
import pytest

from flows.dashboard.export import (
    MARTS,
    ExportError,
    export_dashboard,
    local_marts,
    read_notifications,
)
from flows.dashboard.health import trained_at
from flows.pipeline.lake import LocalLake
from flows.pipeline.registry import Registry

OLD, NEW = "20261201T020000Z-aaaaaaaa", "20261202T020000Z-bbbbbbbb"


def _marts(lake: Path) -> None:
    """Each mart as one small parquet file: the export copies whatever dbt wrote."""
    con = duckdb.connect()
    for number, name in enumerate(MARTS, 1):
        folder = lake / "marts" / name
        folder.mkdir(parents=True)
        con.execute(
            f"copy (select range as id, {number} as mart from range({number})) "
            f"to '{folder / 'data_0.parquet'}' (format parquet)"
        )


def _version(lake: Path, version: str, roc_auc: float, curves: dict | None) -> None:
    model = lake / "work" / version
    model.mkdir(parents=True)
    (model / "metrics.json").write_text(json.dumps({"roc_auc": roc_auc, "validation_lines": 10}))
    if curves is not None:
        (model / "curves.json").write_text(json.dumps(curves))
    report = lake / "work" / f"{version}.html"
    report.write_text("<html></html>")
    Registry(LocalLake(lake)).add(version, model, report)


def _note(date: str, run_id: str, quarantined: dict, model: dict | None) -> dict:
    return {
        "run_id": run_id,
        "date": date,
        "subject": f"reorder: result_table for {date} published",
        "landed_rows": {"orders": 100, "products": 20},
        "quarantined_rows": quarantined,
        "published_rows": 90,
        "seconds": {"land": 1.5, "dbt_build": 30.0},
        "model": model,
    }


@pytest.fixture
def lake(tmp_path: Path) -> Path:
    lake = tmp_path / "lake"
    _marts(lake)
    _version(lake, OLD, 0.80, curves=None)  # trained before the model kept its curves
    deciles = [[0.05 * i, 0.05 * i + 0.01, 1] for i in range(1, 11)]
    _version(lake, NEW, 0.83, curves={"calibration_deciles": deciles, "calibration": deciles[:3]})
    Registry(LocalLake(lake)).deploy(OLD)
    Registry(LocalLake(lake)).deploy(NEW)
    outbox = lake / "outbox" / "notifications.jsonl"
    outbox.parent.mkdir(parents=True)
    quarantined = {"orders": {"order_dow_out_of_range": 3, "eval_set_unknown": 1}}
    notes = [
        _note("2026-12-01", "r1", {}, {"version": OLD, "deployed": True}),
        _note("2026-12-02", "r2", quarantined, None),
    ]
    outbox.write_text("".join(json.dumps(note) + "\n" for note in notes))
    return lake


def _export(lake: Path, out: Path):
    return export_dashboard(
        local_marts(lake),
        Registry(LocalLake(lake)),
        read_notifications(lake / "outbox" / "notifications.jsonl"),
        out,
    )


def test_the_marts_are_copied_whole(lake: Path, tmp_path: Path) -> None:
    exported = _export(lake, tmp_path / "dashboard.duckdb")
    con = duckdb.connect(str(exported.path), read_only=True)
    for number, name in enumerate(MARTS, 1):
        assert con.execute(f"select count(*), min(mart) from {name}").fetchone() == (number, number)
        assert exported.rows[name] == number


def test_every_version_with_its_metrics_and_the_deployed_one(lake: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(_export(lake, tmp_path / "d.duckdb").path), read_only=True)
    rows = con.execute(
        "select version, trained_at, deployed, roc_auc, validation_lines "
        "from model_versions order by version"
    ).fetchall()
    assert rows == [
        (OLD, datetime.datetime(2026, 12, 1, 2), False, 0.80, 10),
        (NEW, datetime.datetime(2026, 12, 2, 2), True, 0.83, 10),
    ]


def test_calibration_of_the_versions_that_kept_their_curves(lake: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(_export(lake, tmp_path / "d.duckdb").path), read_only=True)
    rows = con.execute(
        "select version, grouping, count(*), min(bin), max(bin), "
        "round(max(mean_predicted), 6), sum(lines) "
        "from model_calibration group by all order by grouping"
    ).fetchall()
    assert rows == [(NEW, "decile", 10, 1, 10, 0.5, 10), (NEW, "score_tenth", 3, 1, 3, 0.15, 3)]


def test_each_run_with_its_steps_landed_and_quarantined_rows(lake: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(_export(lake, tmp_path / "d.duckdb").path), read_only=True)
    runs = con.execute(
        "select date, landed_rows, quarantined_rows, seconds, model, model_deployed "
        "from daily_runs order by date"
    ).fetchall()
    assert runs == [
        (datetime.date(2026, 12, 1), 120, 0, 31.5, OLD, True),
        (datetime.date(2026, 12, 2), 120, 4, 31.5, None, None),
    ]
    assert con.execute("select count(*), sum(seconds) from run_steps").fetchone() == (4, 63.0)
    assert con.execute("select rule, rows from run_quarantined_rows order by rule").fetchall() == [
        ("eval_set_unknown", 1),
        ("order_dow_out_of_range", 3),
    ]


def test_a_lake_without_models_or_runs_still_has_every_table(tmp_path: Path) -> None:
    lake = tmp_path / "lake"
    _marts(lake)
    exported = _export(lake, tmp_path / "d.duckdb")
    assert exported.rows["model_versions"] == exported.rows["daily_runs"] == 0
    con = duckdb.connect(str(exported.path), read_only=True)
    assert con.execute("select count(*) from model_calibration").fetchone() == (0,)


def test_a_missing_mart_is_named_and_the_old_file_kept(lake: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.duckdb"
    _export(lake, out)
    before = out.read_bytes()
    for path in (lake / "marts" / "basket_sizes").iterdir():
        path.unlink()
    with pytest.raises(ExportError, match="basket_sizes: build them first"):
        _export(lake, out)
    assert out.read_bytes() == before


def test_a_bad_outbox_line_names_the_file_and_line(tmp_path: Path) -> None:
    outbox = tmp_path / "notifications.jsonl"
    outbox.write_text('{"run_id": "r1", "date": "2026-12-01"}\n{not json\n')
    with pytest.raises(ExportError, match=r"notifications.jsonl:2: not a JSON notification"):
        read_notifications(outbox)


def test_a_version_name_gives_its_training_time() -> None:
    assert trained_at(NEW) == datetime.datetime(2026, 12, 2, 2)
    assert trained_at("handmade") is None
