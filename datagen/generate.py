"""One synthetic drop: the six Instacart CSVs, byte-identical for the same arguments."""

import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from datagen.baskets import Lines, simulate_lines
from datagen.calibration import FULL_SCALE_PRODUCTS, FULL_SCALE_USERS
from datagen.catalog import Catalog, build_catalog
from datagen.csv_files import write_lines, write_orders, write_table
from datagen.customers import Orders, draw_customers, draw_orders
from datagen.seasons import HEMISPHERES, days_before_last_order, winter_strength
from datagen.vocabulary import AISLES, DEPARTMENTS

DROP_FILES = (
    "aisles",
    "departments",
    "products",
    "orders",
    "order_products__prior",
    "order_products__train",
)
CATALOG_FILES = DROP_FILES[:3]

# Progress is reported as (stage, done, total) in units of the stage.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DropSpec:
    """What to generate. Everything the bytes depend on is here."""

    users: int = FULL_SCALE_USERS
    products: int = FULL_SCALE_PRODUCTS
    seed: int = 0
    gzip: bool = False
    # The date the drop is delivered as: every customer's last order falls on it, and
    # seasonal products follow the season of each order's date. None: no seasons.
    date: datetime.date | None = None
    hemisphere: str = "southern"

    def __post_init__(self) -> None:
        if self.users < 1:
            raise ValueError(f"users must be at least 1, got {self.users}")
        if self.seed < 0:
            raise ValueError(f"seed must be a non-negative integer, got {self.seed}")
        if self.hemisphere not in HEMISPHERES:
            raise ValueError(f"hemisphere must be southern or northern, got {self.hemisphere!r}")


@dataclass
class DropSummary:
    """Row counts and timings of a generated drop."""

    folder: Path
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Simulation:
    """Every row of a drop, in file order, before it is written."""

    catalog: Catalog
    orders: Orders
    prior: Lines
    train: Lines
    seconds: dict[str, float]

    @property
    def rows(self) -> dict[str, int]:
        return {
            "aisles": len(AISLES),
            "departments": len(DEPARTMENTS),
            "products": self.catalog.n_products,
            "orders": self.orders.n_orders,
            "order_products__prior": self.prior.order_id.size,
            "order_products__train": self.train.order_id.size,
        }


def ignore_progress(stage: str, done: int, total: int) -> None:
    return None


def file_suffix(spec: DropSpec) -> str:
    return ".csv.gz" if spec.gzip else ".csv"


def simulate(spec: DropSpec, progress: Progress = ignore_progress) -> Simulation:
    """Draw the catalog, customers, orders and order lines of `spec`, reporting the
    "catalog" and "baskets" stages."""
    seconds: dict[str, float] = {}
    # Independent streams per part: changing how one part draws leaves the others alone.
    catalog_rng, customer_rng, order_rng = (
        np.random.default_rng(s) for s in np.random.SeedSequence(spec.seed).spawn(3)
    )

    started = time.perf_counter()
    progress("catalog", 0, 1)
    catalog = build_catalog(spec.products, catalog_rng)
    customers = draw_customers(spec.users, catalog.aisle_popularity, customer_rng)
    orders = draw_orders(customers, order_rng)
    progress("catalog", 1, 1)
    seconds["catalog_and_orders"] = time.perf_counter() - started

    started = time.perf_counter()
    chunks = max(1, min(50, spec.users // 2000))
    progress("baskets", 0, spec.users)
    winter = None
    if spec.date is not None:
        days = days_before_last_order(orders.days_since_prior_order, orders.user_start)
        winter = winter_strength(days, spec.date, spec.hemisphere)
    prior, train = simulate_lines(
        catalog, customers, orders, spec.seed, chunks,
        on_chunk=lambda done: progress("baskets", done, spec.users), winter=winter,
    )  # fmt: skip
    seconds["baskets"] = time.perf_counter() - started
    return Simulation(catalog, orders, prior, train, seconds)


def catalog_writers(catalog: Catalog) -> dict[str, Callable[[Path], None]]:
    """Writers of the three catalog files (aisles, departments, products) by name."""
    return {
        "aisles": lambda p: write_table(
            p, ["aisle_id", "aisle"], [(a.aisle_id, a.name) for a in AISLES]
        ),
        "departments": lambda p: write_table(
            p, ["department_id", "department"], [(d.department_id, d.name) for d in DEPARTMENTS]
        ),
        "products": lambda p: write_table(
            p,
            ["product_id", "product_name", "aisle_id", "department_id"],
            [
                (i + 1, name, int(catalog.aisle_id[i]), int(catalog.department_id[i]))
                for i, name in enumerate(catalog.product_names)
            ],
        ),
    }


def generate_drop(spec: DropSpec, out: Path, progress: Progress = ignore_progress) -> DropSummary:
    """Write the six CSVs of one drop into `out` (created if missing)."""
    out.mkdir(parents=True, exist_ok=True)
    suffix = file_suffix(spec)
    drawn = simulate(spec, progress)
    summary = DropSummary(folder=out, rows=drawn.rows, seconds=dict(drawn.seconds))

    started = time.perf_counter()
    writers: dict[str, Callable[[Path], object]] = {
        **catalog_writers(drawn.catalog),
        "orders": lambda p: write_orders(p, drawn.orders),
        "order_products__prior": lambda p: write_lines(p, drawn.prior),
        "order_products__train": lambda p: write_lines(p, drawn.train),
    }
    for done, name in enumerate(DROP_FILES):
        progress("files", done, len(DROP_FILES))
        writers[name](out / f"{name}{suffix}")
    progress("files", len(DROP_FILES), len(DROP_FILES))
    summary.seconds["files"] = time.perf_counter() - started
    return summary
