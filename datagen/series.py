"""A daily feed: one simulated history revealed over consecutive dates, as snapshots or deltas.

The simulation runs once, for every customer's whole history (datagen/generate.py). Walking
back from the last day, each earlier day hides what arrived after it. Every day brings the
next order of about `returning_share` of the orders' count in returning customers (which
makes each one's previous last order a prior order) and `new_share` of the customers as new
ones, each with their history until then. A customer's last visible order is their train or
test order, as in the real data; a test order's lines stay unknown until a later order
makes it a prior one.

A day is written as
  snapshot  every row visible that day, the six files as `reorder generate` writes them;
  delta     what the day changed: the orders rows of the customers who returned or are new
            (a returning customer's previous last order, now prior, and the new one), the
            lines of the orders that became prior, the new train orders' lines, and the
            catalog whole. The first day's delta holds the first snapshot's rows.

Landed in date order, the deltas hold per key exactly the rows of the last day's snapshot
(what `tests/datagen/test_series.py` checks), so both series publish the same result.
"""

import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from datagen.baskets import Lines
from datagen.calibration import PUBLISHED
from datagen.csv_files import write_lines, write_orders
from datagen.customers import EVAL_PRIOR, EVAL_TEST, EVAL_TRAIN, Orders
from datagen.generate import (
    DROP_FILES,
    DropSpec,
    Progress,
    Simulation,
    file_suffix,
    ignore_progress,
    simulate,
)
from datagen.incremental import day_dates, write_day

SERIES_KINDS = ("snapshot", "delta")


@dataclass(frozen=True)
class SeriesSpec:
    """A daily feed of `days` drops from `first_date`, each a snapshot or a delta."""

    drop: DropSpec
    first_date: datetime.date
    days: int = 10
    kind: str = "snapshot"
    returning_share: float = 0.01  # of the orders: returning customers' next orders a day
    new_share: float = 0.001  # of the customers: new ones a day

    def __post_init__(self) -> None:
        if self.kind not in SERIES_KINDS:
            raise ValueError(f"kind must be snapshot or delta, got {self.kind!r}")
        if self.days < 1:
            raise ValueError(f"days must be at least 1, got {self.days}")
        for name in ("returning_share", "new_share"):
            if not 0 <= getattr(self, name) < 1:
                raise ValueError(f"{name} must be from 0 to below 1, got {getattr(self, name)}")


@dataclass(frozen=True)
class SeriesDay:
    """One day written: its date, folder and rows per file, and who it brought."""

    date: datetime.date
    folder: Path
    rows: dict[str, int]
    returning: int  # customers whose next order arrived that day
    new: int  # customers first seen that day


@dataclass
class SeriesSummary:
    folder: Path
    kind: str
    days: list[SeriesDay] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def visible_orders(
    n_orders: np.ndarray, days: int, returning: int, new: int, rng: np.random.Generator
) -> np.ndarray:
    """How many of each customer's orders are visible on each day: (days, customers).

    The last day shows every order. Each day before it hides the orders of `new` customers
    seen first on the day after it and the last order of `returning` other customers; a
    customer keeps at least the fewest orders the real data has (4) once seen.
    """
    visible = np.empty((days, len(n_orders)), np.int32)
    visible[-1] = n_orders
    fewest = PUBLISHED.min_orders_per_user
    for day in range(days - 1, 0, -1):
        earlier = visible[day].copy()
        seen = np.flatnonzero(earlier > 0)
        # At least one customer stays for the first day.
        arriving = rng.choice(seen, size=min(new, len(seen) - 1), replace=False)
        earlier[arriving] = 0
        can_return = np.flatnonzero(earlier > fewest)
        back = rng.choice(can_return, size=min(returning, len(can_return)), replace=False)
        earlier[back] -= 1
        visible[day - 1] = earlier
    return visible


def generate_series(
    spec: SeriesSpec, out: Path, progress: Progress = ignore_progress
) -> SeriesSummary:
    """Write the feed's drops into out/<YYYY-MM-DD>/, one per day; reports the stages of
    generate_drop, "files" counting every day's files."""
    dates = day_dates(spec.first_date, spec.days)
    out.mkdir(parents=True, exist_ok=True)
    drawn = simulate(spec.drop, progress)
    summary = SeriesSummary(folder=out, kind=spec.kind, seconds=dict(drawn.seconds))
    started = time.perf_counter()
    feed = _Feed(drawn)
    rng = np.random.default_rng(np.random.SeedSequence([spec.drop.seed, spec.days]))
    returning = round(spec.returning_share * drawn.orders.n_orders)
    new = round(spec.new_share * feed.n_users)
    visible = visible_orders(feed.n_orders, spec.days, returning, new, rng)

    suffix = file_suffix(spec.drop)
    total = spec.days * len(DROP_FILES)
    progress("files", 0, total)
    for day, date in enumerate(dates):
        folder = out / date.isoformat()
        before = visible[day - 1] if day else np.zeros_like(visible[day])
        shown = before if spec.kind == "delta" else np.zeros_like(before)
        rows = write_day(
            drawn, folder, out / dates[0].isoformat() if day else None,
            feed.writers(shown, visible[day]), suffix,
            lambda done, day=day: progress("files", day * len(DROP_FILES) + done, total),
        )  # fmt: skip
        changed = visible[day] != before
        summary.days.append(
            SeriesDay(
                date, folder, rows,
                returning=int((changed & (before > 0)).sum()),
                new=int((changed & (before == 0)).sum()),
            )
        )  # fmt: skip
    summary.seconds["files"] = time.perf_counter() - started
    return summary


class _Feed:
    """The simulated history, and the rows a day shows of it."""

    def __init__(self, drawn: Simulation) -> None:
        orders = drawn.orders
        self.orders = orders
        self.n_orders = np.diff(orders.user_start).astype(np.int32)
        self.n_users = len(self.n_orders)
        # A customer's final last order says whether they are a train or a test customer.
        self.is_train = orders.eval_set[orders.user_start[1:] - 1] == EVAL_TRAIN
        # Every simulated line, by order_id (each order's lines are in one of the two files).
        every = [np.concatenate(columns) for columns in zip(drawn.prior, drawn.train, strict=True)]
        by_order = np.argsort(every[0], kind="stable")
        self.lines = Lines(*(column[by_order] for column in every))

    def writers(self, before: np.ndarray, after: np.ndarray) -> dict[str, Callable[[Path], int]]:
        """Writers of the orders and lines files that take a lake holding the `before`
        visible orders of each customer to holding the `after` ones (before all zero: the
        whole day)."""
        orders = self.orders
        user = orders.user_index
        number = orders.order_number
        last = number == after[user]
        eval_set = np.where(
            last, np.where(self.is_train[user], EVAL_TRAIN, EVAL_TEST), EVAL_PRIOR
        ).astype(np.int8)
        changed = (after != before)[user]
        # A changed customer's rows from their previous last order on (now prior) to the new.
        rows = changed & (number >= np.maximum(before[user], 1)) & (number <= after[user])
        prior = rows & ~last
        train = rows & last & (eval_set == EVAL_TRAIN)
        return {
            "orders": lambda path: write_orders(path, _subset(orders, rows, eval_set)),
            "order_products__prior": lambda path: write_lines(
                path, self.lines, np.sort(orders.order_id[prior])
            ),
            "order_products__train": lambda path: write_lines(
                path, self.lines, np.sort(orders.order_id[train])
            ),
        }


def _subset(orders: Orders, rows: np.ndarray, eval_set: np.ndarray) -> Orders:
    """The orders where `rows` holds, with their eval_set as the day shows it; still sorted
    by user_id, then order_number."""
    per_user = np.bincount(orders.user_index[rows], minlength=orders.user_start.size - 1)
    return Orders(
        order_id=orders.order_id[rows],
        user_index=orders.user_index[rows],
        order_number=orders.order_number[rows],
        eval_set=eval_set[rows],
        order_dow=orders.order_dow[rows],
        order_hour_of_day=orders.order_hour_of_day[rows],
        days_since_prior_order=orders.days_since_prior_order[rows],
        basket_size=orders.basket_size[rows],
        user_start=np.concatenate([[0], np.cumsum(per_user)]),
    )
