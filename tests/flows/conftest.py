"""A small good drop, and a lake where it is published with a deployed model: the starting
point of the bad-input corpus and the crash-safety cases."""

import datetime
from pathlib import Path

import pytest

from datagen.generate import DropSpec, generate_drop
from flows.daily.run import run_daily
from flows.pipeline.settings import Settings

DAY_0 = datetime.date(2026, 11, 24)


@pytest.fixture(scope="session")
def base_drop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    drop = tmp_path_factory.mktemp("base-drop")
    generate_drop(DropSpec(users=150, products=800, seed=5), drop)
    return drop


@pytest.fixture(scope="session")
def published_lake(base_drop: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Day 0 landed, built, published, and its model trained and deployed. Read-only."""
    lake = tmp_path_factory.mktemp("published-lake")
    run_daily(Settings(lake=lake), base_drop, DAY_0)
    return lake


@pytest.fixture(scope="session")
def published_date() -> datetime.date:
    """The date `base_drop` is published as in `published_lake`."""
    return DAY_0
