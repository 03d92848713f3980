"""Snapshots and deltas, day after day: a daily feed (datagen/series.py) run one day at a
time publishes, byte for byte, what one build of its last snapshot publishes, whether the
days come as whole snapshots or as deltas."""

import datetime
from pathlib import Path

import pytest

from datagen.generate import DropSpec
from datagen.series import SeriesSpec, generate_series
from flows.daily.run import run_daily
from flows.pipeline.settings import Settings

FIRST = datetime.date(2026, 11, 23)
DAYS = 3
PUBLISHED = "sandbox/result_table/result_table.parquet"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    spec = DropSpec(users=300, products=800, seed=8)
    folders = {}
    for kind in ("snapshot", "delta"):
        folders[kind] = tmp_path_factory.mktemp(kind)
        generate_series(SeriesSpec(spec, FIRST, DAYS, kind), folders[kind])
    return folders


@pytest.fixture(scope="module")
def from_scratch(feeds: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The last day's snapshot, built once on a new lake."""
    lake = tmp_path_factory.mktemp("from-scratch")
    last = FIRST + datetime.timedelta(days=DAYS - 1)
    run_daily(Settings(lake=lake, train=False), feeds["snapshot"] / last.isoformat(), last)
    return (lake / PUBLISHED).read_bytes()


@pytest.mark.parametrize("kind", ["snapshot", "delta"])
def test_days_built_one_by_one_publish_what_one_build_of_the_last_snapshot_does(
    kind: str, feeds: dict[str, Path], from_scratch: bytes, tmp_path: Path
) -> None:
    settings = Settings(lake=tmp_path, train=False, drop_kind=kind)
    published = []
    for day in range(DAYS):
        date = FIRST + datetime.timedelta(days=day)
        summary = run_daily(settings, feeds[kind] / date.isoformat(), date)
        assert summary.quarantined == {}, date  # superseded rows are not bad rows
        published.append((tmp_path / PUBLISHED).read_bytes())
    assert published[-1] == from_scratch
    assert len(set(published)) == DAYS  # each day brought something
