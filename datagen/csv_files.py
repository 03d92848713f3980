"""Writing the six CSVs byte for byte in the real download's format.

The two big files (orders, order lines) are formatted by compiled loops into byte buffers,
a few million rows at a time: the csv module would take minutes at full scale. The small
ones go through the csv module, which quotes product names exactly where needed.
The big writers can also write part of a file's rows (one group of users' orders and lines),
in the same order, for a drop that holds only those users.
Files are written under a temporary name and renamed, so a reader never sees half a file.
"""

import csv
import gzip
import io
import itertools
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import numpy as np
from numba import njit

from datagen.baskets import Lines
from datagen.customers import NO_DAYS, Orders

ORDERS_HEADER = (
    "order_id,user_id,eval_set,order_number,order_dow,order_hour_of_day,days_since_prior_order"
)
LINES_HEADER = "order_id,product_id,add_to_cart_order,reordered"
_ROWS_PER_BUFFER = 1 << 21
_EVAL_SET_BYTES = np.frombuffer(b"prior\0train\0test\0\0", dtype=np.uint8).reshape(3, 6)


@njit(cache=True, inline="always")
def _put_int(buf, pos, value):
    """Write a non-negative integer in decimal at buf[pos:], return the position after it."""
    if value == 0:
        buf[pos] = 48
        return pos + 1
    digits = 0
    rest = value
    while rest > 0:
        digits += 1
        rest //= 10
    end = pos + digits
    while value > 0:
        end -= 1
        buf[end] = 48 + value % 10
        value //= 10
    return pos + digits


@njit(cache=True, inline="always")
def _put_line(buf, pos, row, order_id, product_id, add_to_cart_order, reordered):
    """Write one order line at buf[pos:], return the position after it."""
    pos = _put_int(buf, pos, order_id[row])
    buf[pos] = 44
    pos = _put_int(buf, pos + 1, product_id[row])
    buf[pos] = 44
    pos = _put_int(buf, pos + 1, add_to_cart_order[row])
    buf[pos] = 44
    buf[pos + 1] = 48 + reordered[row]
    buf[pos + 2] = 10
    return pos + 3


@njit(cache=True)
def _format_lines(buf, lo, hi, order_id, product_id, add_to_cart_order, reordered):
    pos = 0
    for row in range(lo, hi):
        pos = _put_line(buf, pos, row, order_id, product_id, add_to_cart_order, reordered)
    return pos


@njit(cache=True)
def _format_line_ranges(
    buf, lo, hi, starts, stops, order_id, product_id, add_to_cart_order, reordered
):  # fmt: skip
    """Rows starts[i]:stops[i] for i in lo..hi: the lines of some orders, in file order."""
    pos = 0
    for item in range(lo, hi):
        for row in range(starts[item], stops[item]):
            pos = _put_line(buf, pos, row, order_id, product_id, add_to_cart_order, reordered)
    return pos


@njit(cache=True)
def _format_orders(
    buf, lo, hi, order_id, user_id, eval_set, eval_set_bytes, order_number, order_dow,
    order_hour_of_day, days_since_prior_order,
):  # fmt: skip
    pos = 0
    for row in range(lo, hi):
        pos = _put_int(buf, pos, order_id[row])
        buf[pos] = 44
        pos = _put_int(buf, pos + 1, user_id[row])
        buf[pos] = 44
        pos += 1
        name = eval_set_bytes[eval_set[row]]
        for c in name:
            if c == 0:
                break
            buf[pos] = c
            pos += 1
        buf[pos] = 44
        pos = _put_int(buf, pos + 1, order_number[row])
        buf[pos] = 44
        pos = _put_int(buf, pos + 1, order_dow[row])
        buf[pos] = 44
        # Hours are zero-padded ("08") and days written as floats ("15.0") in the real file.
        hour = order_hour_of_day[row]
        buf[pos + 1] = 48 + hour // 10
        buf[pos + 2] = 48 + hour % 10
        buf[pos + 3] = 44
        pos += 4
        days = days_since_prior_order[row]
        if days != NO_DAYS:
            pos = _put_int(buf, pos, days)
            buf[pos] = 46
            buf[pos + 1] = 48
            pos += 2
        buf[pos] = 10
        pos += 1
    return pos


@contextmanager
def _published(path: Path) -> Iterator[BinaryIO]:
    """Open a binary stream for path: gzip if it ends in .gz (no timestamp, so the bytes
    depend on the content alone), written beside it and renamed into place on success."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("wb") as raw:
            if path.suffix == ".gz":
                with gzip.GzipFile(
                    filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=1
                ) as z:
                    yield z
            else:
                yield raw
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def _write_big(
    path: Path, header: str, bounds: Sequence[int], bytes_per_row: int, fill: Callable[..., int]
) -> None:
    """Header, then fill(buf, lo, hi) for each block between consecutive bounds; a block
    holds at most _ROWS_PER_BUFFER rows."""
    buf = np.empty(_ROWS_PER_BUFFER * bytes_per_row, dtype=np.uint8)
    with _published(path) as out:
        out.write(header.encode() + b"\n")
        for lo, hi in itertools.pairwise(bounds):
            end = fill(buf, lo, hi)
            out.write(buf[:end].data)


def _row_blocks(first: int, stop: int) -> list[int]:
    """Bounds cutting rows first..stop-1 into blocks of _ROWS_PER_BUFFER."""
    return [*range(first, stop, _ROWS_PER_BUFFER), stop]


def _range_blocks(sizes: np.ndarray) -> list[int]:
    """Bounds cutting consecutive row ranges (each one order's lines, so far smaller than a
    buffer) into blocks of at most _ROWS_PER_BUFFER rows."""
    ends = np.cumsum(sizes)
    bounds = [0]
    while bounds[-1] < len(sizes):
        done = int(ends[bounds[-1] - 1]) if bounds[-1] else 0
        cut = int(np.searchsorted(ends, done + _ROWS_PER_BUFFER, side="right"))
        bounds.append(max(cut, bounds[-1] + 1))
    return bounds


def write_lines(path: Path, lines: Lines, only_orders: np.ndarray | None = None) -> int:
    """order_products__prior.csv or order_products__train.csv; returns the rows written.

    With only_orders (order ids, ascending), just those orders' lines, still in file order.
    """
    columns = (lines.order_id, lines.product_id, lines.add_to_cart_order, lines.reordered)
    if only_orders is None:
        _write_big(
            path, LINES_HEADER, _row_blocks(0, lines.order_id.size), 32,
            lambda buf, lo, hi: _format_lines(buf, lo, hi, *columns),
        )  # fmt: skip
        return lines.order_id.size
    # The file is sorted by order_id, so each order's lines are one run found by bisection:
    # memory per order, not per line.
    starts = np.searchsorted(lines.order_id, only_orders, side="left")
    stops = np.searchsorted(lines.order_id, only_orders, side="right")
    has_lines = stops > starts
    starts, stops = starts[has_lines], stops[has_lines]
    _write_big(
        path, LINES_HEADER, _range_blocks(stops - starts), 32,
        lambda buf, lo, hi: _format_line_ranges(buf, lo, hi, starts, stops, *columns),
    )  # fmt: skip
    return int((stops - starts).sum())


def write_orders(path: Path, orders: Orders, users: range | None = None) -> int:
    """orders.csv, sorted by user_id then order_number; returns the rows written.

    With users (user indices, a step-1 range), just their orders: one contiguous run.
    """
    user_id = orders.user_index + 1
    if users is None:
        first, stop = 0, orders.n_orders
    else:
        first, stop = int(orders.user_start[users.start]), int(orders.user_start[users.stop])
    _write_big(
        path, ORDERS_HEADER, _row_blocks(first, stop), 48,
        lambda buf, lo, hi: _format_orders(
            buf, lo, hi, orders.order_id, user_id, orders.eval_set, _EVAL_SET_BYTES,
            orders.order_number, orders.order_dow, orders.order_hour_of_day,
            orders.days_since_prior_order,
        ),
    )  # fmt: skip
    return stop - first


def write_table(path: Path, header: list[str], rows: list[tuple]) -> None:
    """A small table through the csv module: quotes only where a value needs it."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    with _published(path) as out:
        out.write(text.getvalue().encode("utf-8"))


def copy_file(source: Path, path: Path) -> None:
    """A byte-for-byte copy of a written file, published the same way (whole or not at all)."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        shutil.copyfile(source, partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
