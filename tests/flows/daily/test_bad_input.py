"""The bad-input corpus: drops with one defect each, delivered the day after a good one.

Each case copies a lake where day 0 is published and its model deployed, corrupts a copy of
day 0's drop in one way and runs day 1 with it, as a delta: staging reads both days, the
lake's history, and a bad row of day 1 meets day 0's good one of the same key. The outcome
is one of:

    Rejected     the run fails naming the file, the line and the problem; the published
                 result_table, the deployed model and every landed file are as before
    Quarantined  the run publishes; exactly these rows are quarantined, by table and rule
    Accepted     the run publishes with nothing quarantined

In every case the model deployed before stays deployed (these runs do not train).
"""

from __future__ import annotations

import datetime
import gzip
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from flows.daily.run import run_daily
from flows.pipeline.landing import LandingError
from flows.pipeline.run import RunSummary
from flows.pipeline.settings import Settings
from flows.pipeline.transform import TransformError

DAY_1 = datetime.date(2026, 11, 25)
# One user of the 150 holds about 1% of the train lines: the limit leaves room for the cases'
# few bad rows, counted in both drops, and still stops a tenth of the lines gone bad.
MAX_SHARE = 0.05
PUBLISHED = "sandbox/result_table/result_table.parquet"
DEPLOYED = "models/deployed.json"

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Rejected:
    """The run fails; its message holds each of these texts."""

    says: tuple[str, ...]
    error: type[Exception] = LandingError


@dataclass(frozen=True)
class Quarantined:
    """These rows, plus the lines of the quarantined orders `orders` finds in the drop."""

    rows: dict[tuple[str, str], int]
    orders: Callable[[Path], set[str]] = lambda drop: set()


@dataclass(frozen=True)
class Accepted:
    check: Callable[[Path, RunSummary], None] | None = None


Outcome = Rejected | Quarantined | Accepted


# --- ways to corrupt a drop ---------------------------------------------------------------


def _lines(drop: Path, table: str) -> list[str]:
    return (drop / f"{table}.csv").read_text().splitlines(keepends=True)


def _write(drop: Path, table: str, lines: list[str]) -> None:
    (drop / f"{table}.csv").write_text("".join(lines))


def replace_field(table: str, line: int, column: int, value: str) -> Callable[[Path], None]:
    """Line `line` of the file (the header is line 1), field `column` (0-based)."""

    def corrupt(drop: Path) -> None:
        lines = _lines(drop, table)
        fields = lines[line - 1].rstrip("\n").split(",")
        fields[column] = value
        lines[line - 1] = ",".join(fields) + "\n"
        _write(drop, table, lines)

    return corrupt


def append_line(table: str, text: str) -> Callable[[Path], None]:
    def corrupt(drop: Path) -> None:
        _write(drop, table, [*_lines(drop, table), text + "\n"])

    return corrupt


def repeat_line(table: str, line: int) -> Callable[[Path], None]:
    def corrupt(drop: Path) -> None:
        lines = _lines(drop, table)
        _write(drop, table, [*lines, lines[line - 1]])

    return corrupt


def set_header(table: str, header: str) -> Callable[[Path], None]:
    def corrupt(drop: Path) -> None:
        _write(drop, table, [header + "\n", *_lines(drop, table)[1:]])

    return corrupt


def remove(table: str) -> Callable[[Path], None]:
    return lambda drop: (drop / f"{table}.csv").unlink()


def truncate(table: str, keep_bytes: int) -> Callable[[Path], None]:
    def corrupt(drop: Path) -> None:
        path = drop / f"{table}.csv"
        path.write_bytes(path.read_bytes()[:keep_bytes])

    return corrupt


def gzip_truncated(table: str) -> Callable[[Path], None]:
    def corrupt(drop: Path) -> None:
        path = drop / f"{table}.csv"
        packed = gzip.compress(path.read_bytes())
        path.unlink()
        path.with_suffix(".csv.gz").write_bytes(packed[: len(packed) // 2])

    return corrupt


def raw_bytes(table: str, line: int, data: bytes) -> Callable[[Path], None]:
    """Append `data` to the end of line `line` (before its newline)."""

    def corrupt(drop: Path) -> None:
        path = drop / f"{table}.csv"
        lines = path.read_bytes().split(b"\n")
        lines[line - 1] += data
        path.write_bytes(b"\n".join(lines))

    return corrupt


def bom_and_crlf(table: str) -> Callable[[Path], None]:
    def corrupt(drop: Path) -> None:
        path = drop / f"{table}.csv"
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))

    return corrupt


def product_name(line: int, name: str) -> Callable[[Path], None]:
    """A product's name as a CSV writer quotes it."""

    def corrupt(drop: Path) -> None:
        lines = _lines(drop, "products")
        product_id, _, rest = lines[line - 1].partition(",")
        ids = rest.rstrip("\n").rsplit(",", 2)[1:]
        quoted = '"' + name.replace('"', '""') + '"'
        lines[line - 1] = ",".join([product_id, quoted, *ids]) + "\n"
        _write(drop, "products", lines)

    return corrupt


def extra_file(name: str) -> Callable[[Path], None]:
    return lambda drop: (drop / name).write_text("notes\n")


def last_orders_of_user_1(drop: Path) -> set[str]:
    return {
        line.split(",")[0]
        for line in _lines(drop, "orders")[1:]
        if line.split(",")[1] == "1" and line.split(",")[2] in ("train", "test")
    }


def order_lines(drop: Path, orders: set[str]) -> dict[tuple[str, str], int]:
    """(lines table, "order_quarantined") -> how many lines of `orders` the drop holds."""
    counts = {}
    for table in (PRIOR, "order_products__train"):
        found = sum(line.split(",")[0] in orders for line in _lines(drop, table)[1:])
        if found:
            counts[(table, "order_quarantined")] = found
    return counts


def spoil_every_tenth_line(drop: Path) -> None:
    lines = _lines(drop, PRIOR)
    for index in range(1, len(lines), 10):
        order_id, _, rest = lines[index].partition(",")
        lines[index] = f"{order_id},x{rest[rest.index(',') :]}"
    _write(drop, PRIOR, lines)


def second_train_order(drop: Path) -> None:
    """User 1 gets a second train order (order_number beyond their last)."""
    append_line("orders", "9000001,1,train,99,1,10,7.0")(drop)


def drop_last_order_of_user_1(drop: Path) -> None:
    """User 1's train or test order is not delivered (nor its lines)."""
    orders = _lines(drop, "orders")
    [last] = [line for line in orders[1:] if line.split(",")[1] == "1" and
              line.split(",")[2] in ("train", "test")]  # fmt: skip
    _write(drop, "orders", [line for line in orders if line != last])
    order_id = last.split(",")[0]
    train = _lines(drop, "order_products__train")
    _write(drop, "order_products__train", [x for x in train if x.split(",")[0] != order_id])


# --- the corpus -----------------------------------------------------------------------------

ORDERS_HEADER = (
    "order_id,user_id,eval_set,order_number,order_dow,order_hour_of_day,days_since_prior_order"
)
PRIOR = "order_products__prior"

CASES: dict[str, tuple[Callable[[Path], None], Outcome]] = {
    # whole files
    "missing file": (remove("aisles"), Rejected(("aisles", "missing"))),
    "empty file": (truncate("departments", 0), Rejected(("departments.csv", "empty file"))),
    "header only": (truncate("aisles", 15), Rejected(("aisles.csv", "no data rows"))),
    "unknown extra file": (extra_file("readme.txt"), Rejected(("readme.txt",))),
    "truncated gzip": (gzip_truncated("orders"), Rejected(("orders.csv.gz", "truncated gzip"))),
    # headers
    "columns swapped": (
        set_header("orders", ORDERS_HEADER.replace("order_id,user_id", "user_id,order_id")),
        Rejected(("orders.csv, line 1", "header is")),
    ),
    "column missing": (
        set_header(PRIOR, "order_id,product_id,add_to_cart_order"),
        Rejected((f"{PRIOR}.csv, line 1", "header is")),
    ),
    "column extra": (
        set_header("aisles", "aisle_id,aisle,note"),
        Rejected(("aisles.csv, line 1", "header is")),
    ),
    # bytes
    "not UTF-8": (
        raw_bytes("products", 5, b"\xff"),
        Rejected(("products.csv, line 5", "not valid UTF-8")),
    ),
    "BOM and CRLF": (bom_and_crlf("orders"), Accepted()),
    "commas and quotes in a name": (
        product_name(2, 'Chips, "Salted", 200g'),
        Accepted(),
    ),
    # values
    "non-integer id": (
        replace_field(PRIOR, 2, 1, "12x"),
        Quarantined({(PRIOR, "product_id_invalid"): 1}),
    ),
    "negative id": (
        replace_field(PRIOR, 3, 0, "-7"),
        Quarantined({(PRIOR, "order_id_invalid"): 1}),
    ),
    "reordered not 0 or 1": (
        replace_field(PRIOR, 4, 3, "2"),
        Quarantined({(PRIOR, "reordered_not_0_or_1"): 1}),
    ),
    "add_to_cart_order zero": (
        replace_field(PRIOR, 5, 2, "0"),
        Quarantined({(PRIOR, "add_to_cart_order_invalid"): 1}),
    ),
    "dow out of range": (
        replace_field("orders", 3, 4, "7"),
        Quarantined({("orders", "order_dow_out_of_range"): 1}),
    ),
    "hour out of range": (
        replace_field("orders", 3, 5, "24"),
        Quarantined({("orders", "order_hour_of_day_out_of_range"): 1}),
    ),
    "days out of range": (
        replace_field("orders", 3, 6, "31.0"),
        Quarantined({("orders", "days_since_prior_order_out_of_range"): 1}),
    ),
    "days empty on a later order": (
        replace_field("orders", 3, 6, ""),
        Quarantined({("orders", "days_since_prior_order_missing_on_later_order"): 1}),
    ),
    "eval_set typo": (
        replace_field("orders", 3, 2, "priro"),
        Quarantined({("orders", "eval_set_unknown"): 1}),
    ),
    "aisle id not a number": (
        replace_field("products", 4, 2, "x"),
        Quarantined({("products", "aisle_id_invalid"): 1}),
    ),
    "unknown aisle": (
        replace_field("products", 4, 2, "999"),
        Quarantined({("products", "aisle_unknown"): 1}),
    ),
    "unknown department": (
        replace_field("products", 4, 3, "999"),
        Quarantined({("products", "department_unknown"): 1}),
    ),
    "line of an unknown order": (
        append_line(PRIOR, "8999999,1,1,0"),
        Quarantined({(PRIOR, "order_unknown"): 1}),
    ),
    "line of an unknown product": (
        append_line(PRIOR, "1,999999,9,0"),
        Quarantined({(PRIOR, "product_unknown"): 1}),
    ),
    "exact duplicate line": (repeat_line(PRIOR, 2), Accepted()),
    "duplicate order_id with other content": (
        append_line("orders", "1737,1,prior,1,5,12,"),
        Quarantined({("orders", "order_id_conflicting_duplicate"): 2}, lambda drop: {"1737"}),
    ),
    "a user with two train orders": (
        second_train_order,
        # the user's train order as day 0 and day 1 delivered it, and the new one
        Quarantined({("orders", "user_has_several_last_orders"): 3}, last_orders_of_user_1),
    ),
    "a user with no train or test order": (drop_last_order_of_user_1, Accepted()),
    "a tenth of the lines bad": (
        spoil_every_tenth_line,
        Rejected(("quarantine_max_share", "stg_instacart__quarantine"), TransformError),
    ),
    "a 10 MB line": (
        product_name(3, "x" * (10 * 1024 * 1024)),
        Rejected(("products.csv, line 3: line longer than 1,048,576 bytes",)),
    ),
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("corpus")


def _fresh_copy(published: Path, lake: Path) -> None:
    """`lake` as `published` is, at the same path every case and keeping its own dbt state:
    dbt then parses the project again only when its path changes (a third of a build)."""
    if lake.exists():
        for path in lake.iterdir():
            if path.name != ".dbt":
                shutil.rmtree(path) if path.is_dir() else path.unlink()
    for path in published.iterdir():
        if path.name == ".dbt" and (lake / ".dbt").exists():
            continue
        copy = shutil.copytree if path.is_dir() else shutil.copy2
        copy(path, lake / path.name)


@pytest.fixture(scope="module")
def day_0(published_lake: Path) -> dict[str, bytes]:
    return {name: (published_lake / name).read_bytes() for name in (PUBLISHED, DEPLOYED)}


def _landed(lake: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(lake)): p.read_bytes() for p in (lake / "raw").rglob("*") if p.is_file()
    }


@pytest.mark.parametrize("case", CASES)
def test_a_bad_drop(
    case: str,
    base_drop: Path,
    published_lake: Path,
    day_0: dict[str, bytes],
    workspace: Path,
    tmp_path: Path,
) -> None:
    corrupt, outcome = CASES[case]
    drop, lake = tmp_path / "drop", workspace / "lake"
    shutil.copytree(base_drop, drop)
    lake.mkdir(exist_ok=True)
    _fresh_copy(published_lake, lake)
    corrupt(drop)
    landed_before = _landed(lake)
    settings = Settings(lake=lake, train=False, quarantine_max_share=MAX_SHARE, drop_kind="delta")

    if isinstance(outcome, Rejected):
        with pytest.raises(outcome.error) as failed:
            run_daily(settings, drop, DAY_1)
        for text in outcome.says:
            assert text in str(failed.value), str(failed.value)[:2000]
        assert {name: (lake / name).read_bytes() for name in day_0} == day_0
        landed = _landed(lake)
        assert landed == landed_before  # nothing lost; nothing of the bad drop left in raw/
        if outcome.error is TransformError:  # it landed, failed the build, was moved aside
            assert "moved out of the raw zone" in " ".join(failed.value.__notes__)
            assert (lake / "rejected" / "orders" / f"dt={DAY_1}").is_dir()
        return

    summary = run_daily(settings, drop, DAY_1)
    assert (lake / DEPLOYED).read_bytes() == day_0[DEPLOYED]
    assert _landed(lake).items() >= landed_before.items()
    quarantined = {key: n for key, n in summary.quarantined.items() if n}
    if isinstance(outcome, Quarantined):
        # An order quarantined takes its lines with it, in day 0's drop as in this one.
        lines = Counter(order_lines(drop, outcome.orders(drop)))
        lines.update(order_lines(base_drop, outcome.orders(drop)))
        assert quarantined == outcome.rows | dict(lines)
    else:
        assert quarantined == {}
        if outcome.check is not None:
            outcome.check(lake, summary)
    [(published,)] = duckdb.sql(f"select count(*) from '{lake / PUBLISHED}'").fetchall()
    assert published == summary.published.rows > 0


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 25
    assert {type(outcome) for _, outcome in CASES.values()} == {Rejected, Quarantined, Accepted}


def test_a_bad_drop_delivered_again_for_a_landed_date_puts_the_earlier_files_back(
    base_drop: Path,
    published_lake: Path,
    published_date: datetime.date,
    day_0: dict[str, bytes],
    workspace: Path,
    tmp_path: Path,
) -> None:
    drop, lake = tmp_path / "drop", workspace / "lake"
    shutil.copytree(base_drop, drop)
    lake.mkdir(exist_ok=True)
    _fresh_copy(published_lake, lake)
    spoil_every_tenth_line(drop)
    landed_before = _landed(lake)
    settings = Settings(lake=lake, train=False, quarantine_max_share=MAX_SHARE)
    with pytest.raises(TransformError) as failed:
        run_daily(settings, drop, published_date)  # the published day, delivered again
    assert "are back in the raw zone" in " ".join(failed.value.__notes__)
    assert _landed(lake) == landed_before
    assert {name: (lake / name).read_bytes() for name in day_0} == day_0
    rejected = lake / "rejected" / PRIOR / f"dt={published_date}" / f"{PRIOR}.csv"
    assert rejected.read_bytes() == (drop / f"{PRIOR}.csv").read_bytes()
