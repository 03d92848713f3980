"""`reorder bench` on a small drop: every stage measured, the baselines checked equal to the
published result, results written; and the check itself catches a difference."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

from flows.bench import differing_rows, measure
from flows.cli import main


def _table(path: Path, rows: list[tuple]) -> None:
    values = ", ".join(f"({u}, {p}, {r!r}, '{e}')" for u, p, r, e in rows)
    duckdb.sql(
        "copy (select user_id, product_id, cast(ratio as double) as ratio, eval_set from "
        f"(values {values}) as t(user_id, product_id, ratio, eval_set)) "
        f"to '{path}' (format parquet)"
    )


def test_differences_beyond_rounding_and_missing_rows_are_counted(tmp_path: Path) -> None:
    published = tmp_path / "published.parquet"
    _table(published, [(1, 1, 0.1 + 0.2, "train"), (1, 2, 2.5, "train"), (2, 1, 1.0, "test")])
    same, other = tmp_path / "same", tmp_path / "other"
    same.mkdir()
    other.mkdir()
    _table(same / "part.parquet", [(1, 1, 0.3, "train"), (1, 2, 2.5, "train"), (2, 1, 1.0, "test")])
    _table(other / "part.parquet", [(1, 1, 0.3, "test"), (1, 2, 2.6, "train")])
    assert differing_rows(published, same) == 0
    assert differing_rows(published, other) == 3  # eval_set, ratio, and a missing row


def test_a_stage_is_measured_with_its_children_and_reports_itself() -> None:
    code = (
        "import json, subprocess, sys\n"
        "subprocess.run([sys.executable, '-c', 'b = bytearray(200_000_000); import time; "
        "time.sleep(0.5)'], check=True)\n"
        "print(json.dumps({'done': True}))\n"
    )
    measured = measure("child", code, [])
    assert measured.detail == {"done": True}
    assert measured.peak_bytes > 200_000_000  # the child's memory counts
    assert measured.seconds >= 0.5


@pytest.mark.slow
def test_bench_measures_every_stage_and_checks_the_baselines(tmp_path: Path) -> None:
    out, drop = tmp_path / "bench", tmp_path / "drop"
    argv = ["bench", "--users", "150", "--drop", str(drop), "--out", str(out),
            "--spark-memory", "1g"]  # fmt: skip
    assert main(argv) == 0
    results = json.loads((out / "results.json").read_text())
    stages = {stage["stage"]: stage for stage in results["stages"]}
    assert list(stages) == ["generate", "pipeline", "pandas", "spark"]
    assert all(s["seconds"] > 0 and s["peak_bytes"] > 0 for s in stages.values())
    assert stages["pipeline"]["detail"]["published_rows"] > 0
    assert set(stages["pipeline"]["detail"]["steps"]) == {"land", "dbt_build", "compact"}
    assert results["ratios"]["pandas"] > 0 and results["cpus"] == os.cpu_count()
    assert "| pipeline |" in (out / "results.md").read_text()
    # A second run reuses the drop: no generate stage.
    assert main(argv) == 0
    again = json.loads((out / "results.json").read_text())
    assert [stage["stage"] for stage in again["stages"]] == ["pipeline", "pandas", "spark"]
