"""The daily feed: snapshots that grow by returning and new customers, and deltas that,
applied by key in date order, hold exactly the last snapshot's rows."""

import datetime
from pathlib import Path

import numpy as np
import pytest

from datagen.generate import DROP_FILES, DropSpec, generate_drop
from datagen.series import SeriesSpec, generate_series, visible_orders

SPEC = DropSpec(users=400, products=1000, seed=4)
FIRST = datetime.date(2026, 11, 23)
DAYS = 4
KEYS = {  # the columns each file's rows are replaced by
    "orders": 1,
    "order_products__prior": 2,
    "order_products__train": 2,
}


def _rows(path: Path) -> list[str]:
    return path.read_text().splitlines()[1:]


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folders = {}
    for kind in ("snapshot", "delta"):
        folders[kind] = tmp_path_factory.mktemp(kind)
        spec = SeriesSpec(SPEC, FIRST, DAYS, kind, returning_share=0.01, new_share=0.01)
        summary = generate_series(spec, folders[kind])
        assert [day.date for day in summary.days] == [
            FIRST + datetime.timedelta(days=day) for day in range(DAYS)
        ]
        assert all(day.returning > 0 and day.new == 4 for day in summary.days[1:])
    return folders


def _folder(feed: Path, day: int) -> Path:
    return feed / (FIRST + datetime.timedelta(days=day)).isoformat()


def test_the_last_snapshot_is_the_drop_of_every_order(feeds: dict, tmp_path: Path) -> None:
    generate_drop(SPEC, tmp_path)
    last = _folder(feeds["snapshot"], DAYS - 1)
    for name in DROP_FILES:
        assert (last / f"{name}.csv").read_bytes() == (tmp_path / f"{name}.csv").read_bytes()


def test_each_snapshot_grows_by_new_orders_and_moves_a_last_order_into_prior(
    feeds: dict,
) -> None:
    for day in range(1, DAYS):
        before, after = (_folder(feeds["snapshot"], d) for d in (day - 1, day))
        orders_before = {row.split(",")[0]: row for row in _rows(before / "orders.csv")}
        orders_after = {row.split(",")[0]: row for row in _rows(after / "orders.csv")}
        assert orders_before.keys() < orders_after.keys()  # nothing leaves
        moved = [
            order for order, row in orders_before.items()
            if row.split(",")[2] in ("train", "test") and orders_after[order] != row
        ]  # fmt: skip
        assert moved and all(orders_after[order].split(",")[2] == "prior" for order in moved)
        # Each customer keeps one last order, train or test.
        last = [row.split(",")[1] for row in orders_after.values() if "prior" not in row]
        assert len(last) == len(set(last))


def test_deltas_applied_by_key_in_date_order_give_the_last_snapshot(feeds: dict) -> None:
    for name, width in KEYS.items():
        held: dict[tuple[str, ...], str] = {}
        for day in range(DAYS):
            for row in _rows(_folder(feeds["delta"], day) / f"{name}.csv"):
                held[tuple(row.split(",")[:width])] = row
        last = _rows(_folder(feeds["snapshot"], DAYS - 1) / f"{name}.csv")
        if name == "order_products__train":  # a delta cannot delete: later orders supersede
            orders = {
                row.split(",")[0]: row.split(",")[2]
                for row in _rows(_folder(feeds["snapshot"], DAYS - 1) / "orders.csv")
            }
            held = {key: row for key, row in held.items() if orders[key[0]] == "train"}
        assert sorted(held.values()) == sorted(last), name
    # A delta after the first day is small: about 1% of the orders and their lines.
    first = len(_rows(_folder(feeds["delta"], 0) / "orders.csv"))
    for day in range(1, DAYS):
        assert len(_rows(_folder(feeds["delta"], day) / "orders.csv")) < 0.2 * first


def test_the_walk_back_keeps_four_orders_and_one_customer() -> None:
    rng = np.random.default_rng(0)
    n_orders = np.array([4, 5, 9, 30], np.int32)
    visible = visible_orders(n_orders, 6, returning=3, new=2, rng=rng)
    assert (visible[-1] == n_orders).all()
    assert ((visible == 0) | (visible >= 4)).all()
    assert (np.diff(visible, axis=0) >= 0).all()  # orders only arrive
    assert (visible[0] > 0).sum() >= 1


def test_a_bad_series_is_refused() -> None:
    with pytest.raises(ValueError, match="kind must be snapshot or delta"):
        SeriesSpec(SPEC, FIRST, kind="full")
    with pytest.raises(ValueError, match="days must be at least 1"):
        SeriesSpec(SPEC, FIRST, days=0)
