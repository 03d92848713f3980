"""Crash safety and one run at a time.

Every case starts from a lake where a day is published and a model deployed, runs the next
day in a child process and kills it with SIGKILL inside one stage (tests/flows/daily/
crash_driver.py says where). Then: nothing published changed, no partial file is where
readers look, no child of the run is left working, the lock is free, and running the day
again gives the same result_table, byte for byte, as a run that was never killed.
"""

from __future__ import annotations

import datetime
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from datagen.generate import DropSpec
from datagen.incremental import generate_days
from flows.cli.main import main
from flows.daily.run import run_daily
from flows.local.run_lock import local_run_lock
from flows.pipeline.lake import LocalLake
from flows.pipeline.registry import Registry
from flows.pipeline.run_lock import RunLockedError
from flows.pipeline.settings import Settings

DAY_0, DAY_1 = datetime.date(2026, 11, 24), datetime.date(2026, 11, 25)
DRIVER = Path(__file__).with_name("crash_driver.py")
PUBLISHED = Path("sandbox/result_table")
DEPLOYED = "models/deployed.json"
AFTER_PUBLICATION = {"train", "register", "release"}  # stages after result_table is out
MODEL_FILES = {"xgboost-model.json", "features.txt", "metrics.json", "feature_importance.json"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def drops(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two days of incremental drops: each day brings new customers' histories."""
    out = tmp_path_factory.mktemp("days")
    generate_days(DropSpec(users=300, products=800, seed=5), out, DAY_0, 2)
    return out / DAY_0.isoformat(), out / DAY_1.isoformat()


@pytest.fixture(scope="module")
def day_0_lake(drops: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Day 0 published and its model deployed."""
    lake = tmp_path_factory.mktemp("day0-lake")
    run_daily(Settings(lake=lake), drops[0], DAY_0)
    return lake


@pytest.fixture(scope="module")
def day_1_result(day_0_lake: Path, drops: tuple[Path, Path], tmp_path_factory) -> bytes:
    """The published file of day 1 run on day 0's lake with no crash."""
    lake = tmp_path_factory.mktemp("reference") / "lake"
    shutil.copytree(day_0_lake, lake)
    run_daily(Settings(lake=lake, train=False, drop_kind="delta"), drops[1], DAY_1)
    return (lake / PUBLISHED / "result_table.parquet").read_bytes()


def _snapshot(lake: Path) -> dict[str, bytes]:
    """What readers see: the published folder's files and the deployed model's pointer."""
    seen = {str(p.relative_to(lake)): p.read_bytes() for p in (lake / PUBLISHED).iterdir()}
    seen[DEPLOYED] = (lake / DEPLOYED).read_bytes()
    return seen


def _children_of_run(lake: Path) -> list[str]:
    """Processes whose command line names the lake (dbt, train.py), other than this one."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if str(lake) in command:
            found.append(f"{proc.name}: {command[:200]}")
    return found


def _wait_until_no_children(lake: Path, seconds: float = 10.0) -> list[str]:
    deadline = time.monotonic() + seconds
    while (left := _children_of_run(lake)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


@pytest.mark.parametrize(
    "point",
    ["land", "land-publish", "build", "compact", "compact-link", "train", "register", "release"],
)
def test_a_run_killed_inside_a_stage_leaves_nothing_half_done(
    point: str,
    day_0_lake: Path,
    drops: tuple[Path, Path],
    day_1_result: bytes,
    tmp_path: Path,
) -> None:
    lake = tmp_path / "lake"
    shutil.copytree(day_0_lake, lake)
    before = _snapshot(lake)
    versions_before = Registry(LocalLake(lake)).versions()
    killed = subprocess.run(
        [sys.executable, str(DRIVER), str(lake), str(drops[1]), DAY_1.isoformat(), point,
         "1" if point in AFTER_PUBLICATION else "0"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]

    assert _wait_until_no_children(lake) == []
    after = _snapshot(lake)
    assert after.pop(DEPLOYED) == before.pop(DEPLOYED)  # the deployed model serves on
    if point in AFTER_PUBLICATION:  # day 1 is out, whole; day 0 kept as the previous version
        assert after[f"{PUBLISHED}/result_table.parquet"] == day_1_result
    else:  # day 0 stays published
        assert after == before
    registry = Registry(LocalLake(lake))
    for version in registry.versions():  # a listed version is whole
        assert {p.name for p in (lake / "models" / version / "model").iterdir()} >= MODEL_FILES
    with local_run_lock(lake, DAY_1):  # free: the kernel released the killed run's lock
        pass

    # Training again only where the kill hit training itself: registering and deploying a
    # new model after a crash is the same code as after any run.
    again = run_daily(
        Settings(lake=lake, train=point == "train", drop_kind="delta"), drops[1], DAY_1
    )
    assert (lake / PUBLISHED / "result_table.parquet").read_bytes() == day_1_result
    assert sorted(p.name for p in (lake / PUBLISHED).iterdir()) == ["result_table.parquet"]
    assert not (lake / "raw" / ".staging").exists()
    if point == "train":
        assert again.model is not None
        # A model the killed run registered whole stays, never deployed; the new one is in.
        assert {*versions_before, again.model.version} <= set(registry.versions())


def test_a_second_run_on_the_same_lake_is_refused_naming_the_first(
    prefect_harness: None,
    day_0_lake: Path,
    drops: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture,
) -> None:
    lake = tmp_path / "lake"
    shutil.copytree(day_0_lake, lake)
    before = _snapshot(lake)
    with local_run_lock(lake, DAY_1):
        with pytest.raises(RunLockedError, match=rf"pid {os.getpid()} .*started"):
            run_daily(Settings(lake=lake, train=False, drop_kind="delta"), drops[1], DAY_1)
        code = main(["run", "--input", str(drops[1]), "--date", DAY_1.isoformat(),
                     "--lake", str(lake), "--no-train"])  # fmt: skip
    assert code == 1
    said = capsys.readouterr().err
    assert "another run holds the lake" in said and "2026-11-25" in said
    assert _snapshot(lake) == before
    assert not (lake / "raw" / "orders" / f"dt={DAY_1}").exists()  # nothing was landed
