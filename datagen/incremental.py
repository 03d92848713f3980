"""A sequence of daily drops that together deliver one snapshot's rows.

Day d of N holds the d-th of N consecutive groups of user_ids, each user with their whole
history (every order and every prior and train line of those orders), so each day is a valid
drop on its own and the N days hold exactly the rows of `generate_drop` for the same spec. The
catalog files (aisles, departments, products) come whole every day, as dimension tables
usually do. The simulation runs once; each day's orders and lines files are the snapshot's
files with the other users' rows left out, so they are sorted the same way and byte-identical
for the same arguments.
"""

import datetime
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from datagen.csv_files import copy_file, write_lines, write_orders
from datagen.generate import (
    CATALOG_FILES,
    DROP_FILES,
    DropSpec,
    Progress,
    Simulation,
    catalog_writers,
    file_suffix,
    ignore_progress,
    simulate,
)


@dataclass(frozen=True)
class DayDrop:
    """One day's drop: its date and folder, whose histories it holds, its row counts."""

    date: datetime.date
    folder: Path
    user_ids: range
    rows: dict[str, int]


@dataclass
class SequenceSummary:
    """The days written, in date order, and timings of the whole sequence."""

    folder: Path
    days: list[DayDrop] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def user_groups(n_users: int, days: int) -> list[range]:
    """User indices 0..n_users-1 cut into `days` consecutive groups whose sizes differ by at
    most one (later groups take the extra users)."""
    if not 1 <= days <= n_users:
        raise ValueError(f"days must be from 1 to the number of users ({n_users}), got {days}")
    bounds = [day * n_users // days for day in range(days + 1)]
    return [range(lo, hi) for lo, hi in itertools.pairwise(bounds)]


def day_dates(first_date: datetime.date, days: int) -> list[datetime.date]:
    """`days` consecutive dates from first_date."""
    try:
        return [first_date + datetime.timedelta(days=day) for day in range(days)]
    except OverflowError:
        raise ValueError(f"{days} days from {first_date} run past {datetime.date.max}") from None


def generate_days(
    spec: DropSpec,
    out: Path,
    first_date: datetime.date,
    days: int,
    progress: Progress = ignore_progress,
) -> SequenceSummary:
    """Write `days` complete drops into out/<YYYY-MM-DD>/, one per date from first_date.

    Reports the stages of generate_drop; "files" counts all days' files.
    """
    # Check everything before the minutes of simulation at full scale.
    groups = user_groups(spec.users, days)
    dates = day_dates(first_date, days)
    out.mkdir(parents=True, exist_ok=True)
    drawn = simulate(spec, progress)
    summary = SequenceSummary(folder=out, seconds=dict(drawn.seconds))

    started = time.perf_counter()
    suffix = file_suffix(spec)
    total = days * len(DROP_FILES)
    progress("files", 0, total)
    for day, (date, users) in enumerate(zip(dates, groups, strict=True)):
        folder = out / date.isoformat()
        rows = write_day(
            drawn, folder, out / dates[0].isoformat() if day else None,
            _history_writers(drawn, users), suffix,
            lambda done, day=day: progress("files", day * len(DROP_FILES) + done, total),
        )  # fmt: skip
        user_ids = range(users.start + 1, users.stop + 1)
        summary.days.append(DayDrop(date, folder, user_ids, rows))
    summary.seconds["files"] = time.perf_counter() - started
    return summary


def write_day(
    drawn: Simulation,
    folder: Path,
    first_day: Path | None,
    history: dict[str, Callable[[Path], int]],
    suffix: str,
    files_done: Callable[[int], None],
) -> dict[str, int]:
    """One day's six files in `folder`, and the rows of each: the catalog drawn on the first
    day (`first_day` None) and copied from its folder on the others, since it is the same
    every day, and the orders and lines files from `history`. Calls files_done(n) after the
    n-th file."""
    folder.mkdir(exist_ok=True)
    catalog = catalog_writers(drawn.catalog) if first_day is None else _copies(first_day)
    writers: dict[str, Callable[[Path], int | None]] = {**catalog, **history}
    rows: dict[str, int] = {}
    for done, name in enumerate(DROP_FILES, start=1):
        written = writers[name](folder / f"{name}{suffix}")
        rows[name] = drawn.rows[name] if written is None else written
        files_done(done)
    return rows


def _copies(source: Path) -> dict[str, Callable[[Path], None]]:
    """Writers that copy the catalog files of an earlier day's folder."""
    return {name: lambda path: copy_file(source / path.name, path) for name in CATALOG_FILES}


def _history_writers(drawn: Simulation, users: range) -> dict[str, Callable[[Path], int]]:
    """Writers of the orders and lines files holding just these users' rows."""
    orders = drawn.orders
    if len(users) == orders.user_start.size - 1:  # everyone: the snapshot's writers
        return {
            "orders": lambda path: write_orders(path, orders),
            "order_products__prior": lambda path: write_lines(path, drawn.prior),
            "order_products__train": lambda path: write_lines(path, drawn.train),
        }
    # A user's orders are one run of the orders file; the lines files go by order_id.
    first, stop = orders.user_start[users.start], orders.user_start[users.stop]
    order_ids = np.sort(orders.order_id[first:stop])
    return {
        "orders": lambda path: write_orders(path, orders, users),
        "order_products__prior": lambda path: write_lines(path, drawn.prior, order_ids),
        "order_products__train": lambda path: write_lines(path, drawn.train, order_ids),
    }
