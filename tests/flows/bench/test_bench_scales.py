"""`reorder bench` over two scales with stages skipped: its own file, so that the test suite's
two workers run it beside the other whole-bench test, not after it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from datagen.generate import DropSpec, generate_drop
from flows.bench.suite import has_drop
from flows.cli.main import main

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def drop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """150 users, as `reorder bench --users 150` generates them."""
    folder = tmp_path_factory.mktemp("drops") / "bench-150"
    generate_drop(DropSpec(users=150, seed=0), folder)
    return folder


@pytest.mark.slow
def test_bench_runs_each_scale_and_skips_what_it_is_told(drop: Path, tmp_path: Path) -> None:
    out = tmp_path / "bench"
    argv = ["bench", "--users", "150", "--scales", "0.5,1", "--drop", str(drop),
            "--out", str(out), "--skip", "days,contract,train,dashboard,spark"]  # fmt: skip
    assert main(argv) == 0
    data = json.loads((out / "results.json").read_text())
    scaling = data["scaling"]
    assert [entry["users"] for entry in scaling] == [75, 150]
    assert [entry["fraction"] for entry in scaling] == [0.5, 1.0]
    # The smaller scale's drop is generated beside the given one; the given one is reused.
    assert list(scaling[0]["stages"]) == ["generate", "pipeline", "pandas"]
    assert list(scaling[1]["stages"]) == ["pipeline", "pandas"]
    smaller = drop.parent / "bench-75"
    assert has_drop(smaller) and scaling[0]["drop"] == str(smaller)
    # api needs train's model
    assert data["skipped"] == ["days", "contract", "train", "api", "dashboard", "spark"]
    assert [stage["stage"] for stage in data["stages"]] == ["pipeline", "pandas"]
    assert data["users"] == 150 and data["drop"] == str(drop)
    assert list(data["ratios"]) == ["vs_pipeline"]  # no contract stage to divide by
    table = (out / "results.md").read_text()
    assert "skipped: days, contract, train, api, dashboard, spark" in table
    assert "| 0.5 | 75 | " in table and "| 1 | 150 | " in table
    assert "÷ contract" not in table and "## Training" not in table
    chart = (out / "results.png").read_bytes()
    assert chart.startswith(PNG_SIGNATURE) and len(chart) > len(PNG_SIGNATURE)
