"""Writing the six CSVs byte for byte in the real download's format.

The two big files (orders, order lines) are formatted by compiled loops into byte buffers,
a few million rows at a time: the csv module would take minutes at full scale. The small
ones go through the csv module, which quotes product names exactly where needed.
Files are written under a temporary name and renamed, so a reader never sees half a file.
"""

import csv
import gzip
import io
from collections.abc import Callable, Iterator
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


@njit(cache=True)
def _format_lines(buf, lo, hi, order_id, product_id, add_to_cart_order, reordered):
    pos = 0
    for row in range(lo, hi):
        pos = _put_int(buf, pos, order_id[row])
        buf[pos] = 44
        pos = _put_int(buf, pos + 1, product_id[row])
        buf[pos] = 44
        pos = _put_int(buf, pos + 1, add_to_cart_order[row])
        buf[pos] = 44
        buf[pos + 1] = 48 + reordered[row]
        buf[pos + 2] = 10
        pos += 3
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
    path: Path, header: str, n_rows: int, bytes_per_row: int, fill: Callable[..., int]
) -> None:
    buf = np.empty(_ROWS_PER_BUFFER * bytes_per_row, dtype=np.uint8)
    with _published(path) as out:
        out.write(header.encode() + b"\n")
        for lo in range(0, n_rows, _ROWS_PER_BUFFER):
            end = fill(buf, lo, min(lo + _ROWS_PER_BUFFER, n_rows))
            out.write(buf[:end].data)


def write_lines(path: Path, lines: Lines) -> None:
    """order_products__prior.csv or order_products__train.csv."""
    _write_big(
        path, LINES_HEADER, lines.order_id.size, 32,
        lambda buf, lo, hi: _format_lines(
            buf, lo, hi, lines.order_id, lines.product_id, lines.add_to_cart_order, lines.reordered
        ),
    )  # fmt: skip


def write_orders(path: Path, orders: Orders) -> None:
    """orders.csv, sorted by user_id then order_number."""
    user_id = orders.user_index + 1
    _write_big(
        path, ORDERS_HEADER, orders.n_orders, 48,
        lambda buf, lo, hi: _format_orders(
            buf, lo, hi, orders.order_id, user_id, orders.eval_set, _EVAL_SET_BYTES,
            orders.order_number, orders.order_dow, orders.order_hour_of_day,
            orders.days_since_prior_order,
        ),
    )  # fmt: skip


def write_table(path: Path, header: list[str], rows: list[tuple]) -> None:
    """A small table through the csv module: quotes only where a value needs it."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    with _published(path) as out:
        out.write(text.getvalue().encode("utf-8"))
