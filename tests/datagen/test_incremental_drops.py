"""Daily drops: together exactly the snapshot's rows, each day a valid drop on its own."""

import datetime
import gzip
from collections import Counter
from pathlib import Path

import pytest

from datagen.generate import CATALOG_FILES, DROP_FILES, DropSpec, generate_drop
from datagen.incremental import day_dates, generate_days, user_groups

SPEC = DropSpec(users=300, products=1000, seed=3)
FIRST = datetime.date(2026, 11, 23)
DATES = ["2026-11-23", "2026-11-24", "2026-11-25"]
HISTORY_FILES = ("orders", "order_products__prior", "order_products__train")


def _rows(path: Path) -> list[str]:
    """A file's data rows as written (no header)."""
    return path.read_text().splitlines()[1:]


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("snapshot")
    generate_drop(SPEC, folder)
    return folder


@pytest.fixture(scope="module")
def days(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("days")
    generate_days(SPEC, folder, FIRST, 3)
    return folder


@pytest.fixture(scope="module")
def user_of_order(snapshot: Path) -> dict[str, str]:
    return dict(row.split(",")[:2] for row in _rows(snapshot / "orders.csv"))


def test_each_day_is_a_complete_drop_in_a_dated_folder(snapshot: Path, days: Path) -> None:
    assert sorted(p.name for p in days.iterdir()) == DATES
    for date in DATES:
        names = sorted(p.name for p in (days / date).iterdir())
        assert names == sorted(f"{name}.csv" for name in DROP_FILES), date
        for name in DROP_FILES:
            header = (days / date / f"{name}.csv").read_text().splitlines()[0]
            assert header == (snapshot / f"{name}.csv").read_text().splitlines()[0]


def test_catalog_files_are_the_snapshots_every_day(snapshot: Path, days: Path) -> None:
    for date in DATES:
        for name in CATALOG_FILES:
            day_bytes = (days / date / f"{name}.csv").read_bytes()
            assert day_bytes == (snapshot / f"{name}.csv").read_bytes(), (date, name)


def test_days_together_hold_exactly_the_snapshots_rows(snapshot: Path, days: Path) -> None:
    for name in HISTORY_FILES:
        together = Counter(row for date in DATES for row in _rows(days / date / f"{name}.csv"))
        assert together == Counter(_rows(snapshot / f"{name}.csv")), name


def test_each_day_is_the_snapshot_with_other_users_left_out(
    snapshot: Path, days: Path, user_of_order: dict[str, str]
) -> None:
    """So each day keeps the snapshot's sort order (orders by user, lines by order_id)."""
    groups = [range(1, 101), range(101, 201), range(201, 301)]
    for date, users in zip(DATES, groups, strict=True):
        for name in HISTORY_FILES:
            expected = [
                row
                for row in _rows(snapshot / f"{name}.csv")
                if int(user_of_order[row.split(",")[0]]) in users
            ]
            assert _rows(days / date / f"{name}.csv") == expected, (date, name)


def test_each_day_holds_whole_histories_of_its_own_users(days: Path) -> None:
    seen_users: set[str] = set()
    for date in DATES:
        orders = [row.split(",") for row in _rows(days / date / "orders.csv")]
        users = {order[1] for order in orders}
        assert users and not users & seen_users, date
        seen_users |= users
        # One train or test order per user, and it is the user's last.
        numbers: dict[str, list[int]] = {user: [] for user in users}
        last: dict[str, int] = {}
        for _, user, eval_set, number, *_ in orders:
            numbers[user].append(int(number))
            if eval_set != "prior":
                assert user not in last, (date, user)
                last[user] = int(number)
        assert set(last) == users, date
        for user, found in numbers.items():
            assert sorted(found) == list(range(1, len(found) + 1)), (date, user)
            assert last[user] == len(found), (date, user)
        # Every line's order is in the same day, prior lines of prior orders, train of train.
        eval_set_of = {order[0]: order[2] for order in orders}
        for eval_set in ("prior", "train"):
            for row in _rows(days / date / f"order_products__{eval_set}.csv"):
                assert eval_set_of.get(row.split(",")[0]) == eval_set, (date, row)
    assert len(seen_users) == SPEC.users


def test_same_arguments_give_byte_identical_days_also_gzipped(tmp_path: Path, days: Path) -> None:
    zipped = DropSpec(users=SPEC.users, products=SPEC.products, seed=SPEC.seed, gzip=True)
    generate_days(zipped, tmp_path / "one", FIRST, 3)
    generate_days(zipped, tmp_path / "two", FIRST, 3)
    for date in DATES:
        for name in DROP_FILES:
            packed = (tmp_path / "one" / date / f"{name}.csv.gz").read_bytes()
            assert packed == (tmp_path / "two" / date / f"{name}.csv.gz").read_bytes()
            assert gzip.decompress(packed) == (days / date / f"{name}.csv").read_bytes()
    hidden = [p for p in (tmp_path / "one").rglob("*") if p.name.startswith(".")]
    assert not hidden, "no partial files are left behind"


def test_one_day_is_the_snapshot(tmp_path: Path, snapshot: Path) -> None:
    summary = generate_days(SPEC, tmp_path, FIRST, 1)
    assert [day.folder for day in summary.days] == [tmp_path / "2026-11-23"]
    for name in DROP_FILES:
        written = (tmp_path / "2026-11-23" / f"{name}.csv").read_bytes()
        assert written == (snapshot / f"{name}.csv").read_bytes(), name


def test_summary_counts_each_days_rows_and_users(tmp_path: Path) -> None:
    summary = generate_days(SPEC, tmp_path, FIRST, 3)
    assert [day.date.isoformat() for day in summary.days] == DATES
    assert [day.user_ids for day in summary.days] == [
        range(1, 101), range(101, 201), range(201, 301),
    ]  # fmt: skip
    for day in summary.days:
        for name in DROP_FILES:
            assert day.rows[name] == len(_rows(day.folder / f"{name}.csv")), (day.date, name)


def test_users_are_cut_into_consecutive_groups_as_equal_as_possible() -> None:
    assert user_groups(10, 3) == [range(0, 3), range(3, 6), range(6, 10)]
    assert user_groups(4, 4) == [range(i, i + 1) for i in range(4)]
    assert user_groups(7, 1) == [range(7)]
    sizes = [len(group) for group in user_groups(206_209, 7)]
    assert sum(sizes) == 206_209 and max(sizes) - min(sizes) <= 1


@pytest.mark.parametrize("bad_days", [0, 11])
def test_days_must_be_from_one_to_the_number_of_users(bad_days: int) -> None:
    with pytest.raises(ValueError, match="days must be from 1 to the number of users"):
        user_groups(10, bad_days)


def test_dates_may_not_run_past_year_9999(tmp_path: Path) -> None:
    assert day_dates(datetime.date(2026, 12, 31), 2) == [
        datetime.date(2026, 12, 31), datetime.date(2027, 1, 1),
    ]  # fmt: skip
    with pytest.raises(ValueError, match="run past"):
        generate_days(SPEC, tmp_path / "late", datetime.date(9999, 12, 30), 3)
    assert not (tmp_path / "late").exists(), "checked before anything is written"


def test_days_are_the_same_when_written_in_many_small_blocks(
    tmp_path: Path, days: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Full-scale days span several buffers; a small buffer checks the cuts between them
    (it must still hold the biggest basket, 145 lines)."""
    monkeypatch.setattr("datagen.csv_files._ROWS_PER_BUFFER", 200)
    generate_days(SPEC, tmp_path, FIRST, 3)
    for date in DATES:
        for name in DROP_FILES:
            small_blocks = (tmp_path / date / f"{name}.csv").read_bytes()
            assert small_blocks == (days / date / f"{name}.csv").read_bytes(), (date, name)


def test_one_user_a_day_gives_valid_drops_even_without_train_lines(tmp_path: Path) -> None:
    spec = DropSpec(users=6, products=200, seed=2)
    generate_drop(spec, tmp_path / "snapshot")
    summary = generate_days(spec, tmp_path / "days", FIRST, 6)
    assert [day.user_ids for day in summary.days] == [range(u, u + 1) for u in range(1, 7)]
    assert any(day.rows["order_products__train"] == 0 for day in summary.days)
    for name in HISTORY_FILES:
        together = Counter(row for day in summary.days for row in _rows(day.folder / f"{name}.csv"))
        assert together == Counter(_rows(tmp_path / "snapshot" / f"{name}.csv")), name
