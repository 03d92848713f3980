"""`reorder bench` on a small drop: every stage measured (the API's server stopped after its
load), the baselines' tables checked equal to the pipeline's, results written as JSON,
Markdown and a chart; scales and skipped stages; and the checks themselves."""

from __future__ import annotations

import datetime
import json
import socket
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import psutil
import pytest

from datagen.generate import DropSpec, generate_drop
from flows.bench.conditions import checkout_commit
from flows.bench.measure import measure, measure_server
from flows.bench.report import write_results
from flows.bench.revision import checked_out, commit_of
from flows.bench.stages import wait_for_health
from flows.bench.suite import (
    BenchError,
    LoadBounds,
    Tick,
    day_ratios,
    differing_rows,
    effective_skip,
    run_bench,
    scale_plan,
)
from flows.cli.main import main
from flows.local.serve import free_port

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CONTRACT_TABLES = [
    "order_products_prior", "user_features_1", "user_features_2", "up_features",
    "prd_features", "result_table",
]  # fmt: skip


def _table(path: Path, rows: list[tuple]) -> None:
    values = ", ".join(f"({u}, {p}, {r!r}, '{e}')" for u, p, r, e in rows)
    duckdb.sql(
        "copy (select user_id, product_id, cast(ratio as double) as ratio, eval_set from "
        f"(values {values}) as t(user_id, product_id, ratio, eval_set)) "
        f"to '{path}' (format parquet)"
    )


def _closed(url: str) -> bool:
    host, port = url.removeprefix("http://").split(":")
    try:
        socket.create_connection((host, int(port)), timeout=1).close()
    except OSError:
        return True
    return False


@pytest.fixture(scope="module")
def drop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """150 users, as `reorder bench --users 150` generates them."""
    folder = tmp_path_factory.mktemp("drops") / "bench-150"
    generate_drop(DropSpec(users=150, seed=0), folder)
    return folder


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
    with pytest.raises(BenchError, match="cannot compare"):
        differing_rows(published, tmp_path / "missing")


def test_a_stage_is_measured_with_its_children_and_reports_itself() -> None:
    code = (
        "import json, subprocess, sys\n"
        "subprocess.run([sys.executable, '-c', 'b = bytearray(200_000_000); import time; "
        "time.sleep(0.5)'], check=True)\n"
        "print(json.dumps({'done': True}))\n"
    )
    watched: list[tuple[float, int]] = []
    measured = measure("child", code, [], lambda seconds, peak: watched.append((seconds, peak)))
    assert measured.detail == {"done": True}
    assert measured.peak_bytes > 200_000_000  # the child's memory counts
    assert measured.seconds >= 0.5
    assert len(watched) > 1 and watched[-1][1] == measured.peak_bytes  # live, as it runs


def test_cpu_counts_children_whether_or_not_they_are_waited_for() -> None:
    # The second child burns CPU and ends while its parent, which never waits for it, lives
    # on: as a Spark JVM does. The kernel's account of waited children would miss it.
    burn = "import time; end = time.process_time() + 0.6\nwhile time.process_time() < end: pass"
    code = (
        "import subprocess, sys, time\n"
        f"subprocess.run([sys.executable, '-c', {burn!r}], check=True)\n"
        f"unwaited = subprocess.Popen([sys.executable, '-c', {burn!r}])\n"
        "time.sleep(1.5)\n"
    )
    measured = measure("child", code, [])
    assert 1.0 <= measured.cpu_seconds < 1.0 + measured.seconds * 2  # both children, roughly
    assert measured.cores_busy == pytest.approx(measured.cpu_seconds / measured.seconds)


def test_a_server_is_stopped_even_when_driving_it_fails() -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)]
    pids: list[int] = []

    def drive(alive: Callable[[], bool]) -> dict:
        for process in psutil.process_iter(["cmdline"]):
            line = process.info["cmdline"] or []
            if "http.server" in line and str(port) in line:
                pids.append(process.pid)
        # http.server has no /health: the bounded wait gives up.
        wait_for_health(url, alive, seconds=2)
        return {}

    with pytest.raises(BenchError, match="did not answer /health"):
        measure_server("api", command, drive)
    assert _closed(url)
    assert pids and not any(psutil.pid_exists(pid) for pid in pids)


def test_scales_are_distinct_user_counts_with_their_own_drops(tmp_path: Path) -> None:
    scales = scale_plan(1000, [1, 0.1, 0.25, 0.5, 0.1004], tmp_path / "full")
    assert [s.users for s in scales] == [100, 250, 500, 1000]
    assert [s.drop for s in scales] == [
        *(tmp_path / f"bench-{users}" for users in (100, 250, 500)),
        tmp_path / "full",
    ]
    with pytest.raises(ValueError, match="fractions"):
        scale_plan(1000, [0, 1], tmp_path / "full")
    assert effective_skip(["train", "pandas"]) == ["train", "api", "pandas"]
    with pytest.raises(ValueError, match="cannot skip pipeline"):
        effective_skip(["pipeline"])


def test_another_commit_is_checked_out_beside_this_one_and_removed(tmp_path: Path) -> None:
    with checked_out("HEAD", tmp_path / "head") as revision:
        assert revision.commit == commit_of("HEAD")
        assert (revision.folder / "dbt_project.yml").is_file()
    assert not revision.folder.exists()
    with pytest.raises(BenchError, match="--against no-such-rev: no such commit"):
        commit_of("no-such-rev")


@pytest.mark.parametrize(
    "bad", [["--skip", "pipeline"], ["--scales", "0,1"], ["--scales", "x"], ["--days", "0"]]
)
def test_bad_bench_arguments_are_usage_errors(bad: list[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["bench", *bad])
    assert exited.value.code == 2


def test_the_days_stage_compares_later_days_of_each_kind() -> None:
    def day(seconds: float) -> dict:
        return {"seconds": seconds}

    series = {"snapshot": [day(100), day(110), day(90)], "delta": [day(95), day(40), day(60)]}
    assert day_ratios(series) == {
        "snapshot_last_over_first": 0.9,
        "delta_over_snapshot": 0.5,  # (40 + 60) / (110 + 90): days after the first only
    }


@pytest.mark.slow
def test_every_stage_is_measured_checked_and_reported(drop: Path, tmp_path: Path) -> None:
    ticks: list[Tick] = []
    result = run_bench(
        150, drop, tmp_path / "work", spark_memory="1g", report=ticks.append, scales=[1],
        load=LoadBounds(clients=2, seconds=1, requests=100), against="HEAD", days=1,
    )  # fmt: skip
    order = [
        "pipeline", "against", "days", "contract", "train", "api", "dashboard", "pandas", "spark",
    ]  # fmt: skip
    assert [m.stage for m in result.stages] == order  # the drop was there: no generate
    # Progress: every stage numbered in turn of the same total, live while it ran, then done.
    assert {(t.number, t.stage) for t in ticks} == set(enumerate(order, start=1))
    assert {t.total for t in ticks} == {len(order)}
    for number in range(1, len(order) + 1):
        mine = [t for t in ticks if t.number == number]
        assert mine[-1].done and not any(t.done for t in mine[:-1])
        assert any(t.peak_bytes > 0 and not t.done for t in mine)

    stages = {m.stage: m for m in result.stages}
    assert all(m.seconds > 0 and m.peak_bytes > 0 and m.cpu_seconds > 0 for m in result.stages)
    assert stages["pipeline"].detail["published_rows"] > 0
    # The committed pipeline, from its own checkout, published the same rows.
    assert stages["against"].detail["commit"] == commit_of("HEAD")
    assert stages["against"].detail["published_differing_rows"] == 0
    assert not (tmp_path / "work" / "against").exists()  # its checkout is gone
    # The feed as snapshots and as deltas (one day each here: the two series' mechanics; what
    # days after the first publish is test_drop_kinds.py's), each run timed on its own, the
    # stage their sum; both publish the pipeline stage's drop.
    days = stages["days"].detail
    for series in (days["snapshot"], days["delta"]):
        [day] = series
        assert day["date"] == "2026-11-25" and day["seconds"] > 0 and day["staging_seconds"] > 0
        assert day["published_rows"] == stages["pipeline"].detail["published_rows"]
    every = [day["seconds"] for day in days["snapshot"] + days["delta"]]
    assert stages["days"].seconds == pytest.approx(sum(every))
    assert days["snapshot_last_over_first"] == 1 and days["delta_over_snapshot"] is None
    pruned = stages["pipeline"].detail["pruning"]
    for question in ("department", "season"):
        scan = pruned[question]["partitioned"]
        assert scan["files_read"] == 1 < scan["files_matched"], question
        assert 0 < scan["bytes_read"] < pruned[question]["table_bytes"], question
    assert set(stages["contract"].detail["nodes"]) < set(stages["pipeline"].detail["nodes"])
    assert stages["train"].detail["training_lines"] > 0
    for baseline in ("pandas", "spark"):
        assert stages[baseline].detail["checked_equal"] == CONTRACT_TABLES
    api = stages["api"].detail
    assert set(api["endpoints"]) == {
        "POST /predict",
        "GET /users/{id}/suggestions",
        "GET /users/{id}/suggestions?department_id=N",
    }
    for endpoint in api["endpoints"].values():
        assert endpoint["errors"] == 0 and 0 < endpoint["requests"] <= 100
    assert _closed(api["url"])  # the server is stopped once its stage is over
    shown = stages["dashboard"].detail
    assert shown["build_seconds"] > 0 and shown["site_bytes"] > 0
    assert sorted(shown["interactive_seconds"]) == sorted(shown["page_bytes"])
    assert "index.html" in shown["interactive_seconds"]
    assert all(0 < seconds < 60 for seconds in shown["interactive_seconds"].values())
    assert not (tmp_path / "work" / "scale-150").exists()  # each scale's outputs go

    out = tmp_path / "out"
    json_path, table_path, chart = write_results(result, out)
    data = json.loads(json_path.read_text())
    table = table_path.read_text()
    seconds = {stage["stage"]: stage["seconds"] for stage in data["stages"]}
    for baseline in ("pandas", "spark"):
        for basis in ("contract", "pipeline"):
            ratio = round(seconds[baseline] / seconds[basis], 2)
            assert data["ratios"][f"vs_{basis}"][baseline] == ratio
            assert f"{ratio:.2f}x" in table
    assert "| pipeline | `reorder run --no-train`: drop to published result_table" in table
    assert "| stage | what | wall s | CPU s | cores busy | peak GB |" in table
    assert all(s["cpu_seconds"] > 0 for s in data["scaling"][0]["stages"].values())
    breakdown = data["pipeline_breakdown"]
    assert breakdown["tests"] > 0 and breakdown["test_nodes"] > 0
    assert {"result_table", "order_products_prior"} <= set(breakdown["models"])
    assert "| dbt model `result_table` |" in table and "dbt tests, " in table
    assert "| dbt model `product_catalog` (not in contract) |" in table
    assert "| POST /predict | " in table
    assert "## The dashboard" in table and "| index.html | " in table
    side_by_side = table.split("## Side by side")[1].split("\n## ")[0].splitlines()
    [row] = [line for line in side_by_side if line.startswith("| 150 | ")]
    assert row.endswith("| 0 |")  # no published row differs
    assert "## Day after day" in table and "| 1 | 2026-11-25 | " in table
    assert "## Partition pruning" in table and "result_by_department | 1 of " in table
    assert [entry["users"] for entry in data["scaling"]] == [150]
    assert chart.read_bytes().startswith(PNG_SIGNATURE) and chart.stat().st_size > 0
    conditions = data["conditions"]
    assert conditions["commit"] == checkout_commit()
    assert datetime.datetime.fromisoformat(conditions["measured_at"]).tzinfo is not None
    assert len(conditions["reference_seconds"]) == 2 and min(conditions["reference_seconds"]) > 0
    assert f"at commit {conditions['commit']}. The reference workload" in table
