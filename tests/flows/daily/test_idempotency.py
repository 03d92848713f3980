"""Idempotency: the same day run again publishes the same bytes, and daily incremental drops
publish what one drop of their union publishes."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from datagen.generate import DropSpec, generate_drop
from datagen.incremental import generate_days
from flows.daily.run import run_daily
from flows.pipeline.settings import Settings

PUBLISHED = "sandbox/result_table/result_table.parquet"
FIRST_DAY = datetime.date(2026, 11, 23)

pytestmark = pytest.mark.slow


def test_running_the_same_day_again_publishes_the_same_bytes(
    base_drop: Path, published_lake: Path, published_date: datetime.date, tmp_path: Path
) -> None:
    lake = tmp_path / "lake"
    shutil.copytree(published_lake, lake)
    again = run_daily(Settings(lake=lake, train=False), base_drop, published_date)
    assert (lake / PUBLISHED).read_bytes() == (published_lake / PUBLISHED).read_bytes()
    assert again.published.rows > 0
    # The day's raw partition was replaced, not added to: one copy of each file.
    assert len(list((lake / "raw" / "orders").glob("dt=*/*"))) == 1


def test_daily_incremental_drops_publish_what_their_union_publishes(tmp_path: Path) -> None:
    spec = DropSpec(users=300, products=800, seed=11)
    days = tmp_path / "days"
    generate_days(spec, days, FIRST_DAY, 3)
    snapshot = tmp_path / "snapshot"
    generate_drop(spec, snapshot)

    daily = tmp_path / "daily-lake"
    for offset in range(3):
        date = FIRST_DAY + datetime.timedelta(days=offset)
        settings = Settings(lake=daily, train=False, drop_kind="delta")
        run_daily(settings, days / date.isoformat(), date)
    once = tmp_path / "snapshot-lake"
    last_day = FIRST_DAY + datetime.timedelta(days=2)
    run_daily(Settings(lake=once, train=False), snapshot, last_day)

    assert (daily / PUBLISHED).read_bytes() == (once / PUBLISHED).read_bytes()
