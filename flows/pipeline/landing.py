"""Landing: copy a day's drop into the raw zone, after file-level checks, bytes unchanged.

Each file is streamed once: checked chunk by chunk while it is copied into a hidden staging
area of the lake, then all six partitions are swapped in together, with the drop's kind
recorded beside them (raw/drops/dt=<date>/drop.csv). A drop lands whole or not at all.
Row-level checks (types, ranges) belong to the SQL staging layer, not here.

A drop is a snapshot (it replaces every table's contents: staging reads from the latest
snapshot on) or a delta (its rows add to or replace, by key, what the drops before it hold).
A delta dated before the latest landed drop is refused: the days after it were built
without it, and its rows would otherwise win over theirs.
"""

from __future__ import annotations

import codecs
import datetime
import io
import uuid
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO

from flows.pipeline.lake import Lake, lake_for
from flows.pipeline.settings import DROP_KINDS

CHUNK_SIZE = 1 << 20
REJECTED = "rejected"  # drops that landed but failed the build, kept for inspection
KEPT = "raw/.kept"  # a date's earlier files, while the drop replacing them is not yet built
STAGING = "raw/.staging"  # in the lake itself, so a local swap is a rename on one filesystem
EXTENSIONS = (".csv.gz", ".csv")
HEADERS: Mapping[str, str] = MappingProxyType(
    {
        "aisles": "aisle_id,aisle",
        "departments": "department_id,department",
        "products": "product_id,product_name,aisle_id,department_id",
        "orders": "order_id,user_id,eval_set,order_number,order_dow,order_hour_of_day,"
        "days_since_prior_order",
        "order_products__prior": "order_id,product_id,add_to_cart_order,reordered",
        "order_products__train": "order_id,product_id,add_to_cart_order,reordered",
    }
)

# The record of each landed date's kind, a raw table of its own that staging reads (the
# `landing` source); it moves with the date's files when they are kept aside or rejected.
DROP_RECORD = "drops"
RECORD_FILE = "drop.csv"
RAW_TABLES = (*HEADERS, DROP_RECORD)

_BOM = b"\xef\xbb\xbf"
_HEADER_LIMIT = 4096  # far beyond any valid header; bounds memory on a file without newlines
# A real line is under 200 bytes; DuckDB's CSV reader stops at 2,000,000 with a message that
# names neither the line nor the delivered file, so landing refuses long lines first.
MAX_LINE_BYTES = 1 << 20
_SHOWN_HEADER = 200
_GZIP_WBITS = 16 + zlib.MAX_WBITS  # zlib reads the gzip wrapper and checks its CRC and length


class LandingError(ValueError):
    """A drop failed its file checks; `problems` holds one message per problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class LandedFile:
    table: str
    key: str  # lake key, e.g. raw/orders/dt=2026-11-25/orders.csv.gz
    size_bytes: int  # as delivered (compressed for .csv.gz)
    rows: int  # data rows, header excluded


@dataclass(frozen=True)
class LandingReport:
    source: str
    date: datetime.date
    files: tuple[LandedFile, ...]  # one per table, in HEADERS order
    replaced: bool = False  # the date had been landed before, and this drop replaced it
    kind: str = "snapshot"  # one of DROP_KINDS

    def file(self, table: str) -> LandedFile:
        return next(landed for landed in self.files if landed.table == table)


def raw_partition(table: str, date: datetime.date) -> str:
    """The raw-zone prefix of one table's partition for one day."""
    return f"raw/{table}/dt={date.isoformat()}"


def drop_record(date: datetime.date) -> str:
    """The lake key of the record of the date's drop kind."""
    return f"{raw_partition(DROP_RECORD, date)}/{RECORD_FILE}"


def land_drop(
    source: str | Path, lake: Lake, date: datetime.date, kind: str = "snapshot"
) -> LandingReport:
    """Check a drop folder (local path or s3:// URL) and land it as `date`'s raw partitions,
    recorded as a drop of `kind` (snapshot or delta).

    Raises LandingError listing every file problem found, or why a delta cannot land on
    that date; the raw zone is then unchanged.
    """
    _require_plain_date(date)
    if kind not in DROP_KINDS:
        raise ValueError(f"drop kind must be one of {', '.join(DROP_KINDS)}, got {kind!r}")
    drop = lake_for(source)
    names = drop.list_keys()
    if not names:
        raise LandingError([f"{source}: no files found (the drop folder is missing or empty)"])
    chosen, problems = _choose_files(names)
    lake.delete_prefix(STAGING)  # what a killed run left; the run lock keeps out live ones
    _settle_kept(lake, date)
    if kind == "delta":
        problems.extend(_delta_date_problems(source, lake, date))
    run = f"{STAGING}/{uuid.uuid4().hex}"
    try:
        files = []
        for table, name in chosen.items():
            staged = f"{_staged(run, table, date)}/{name}"
            check = _stage_file(drop, name, HEADERS[table], lake, staged)
            problems.extend(check.problems)
            files.append(LandedFile(table, f"{raw_partition(table, date)}/{name}", *check.sizes))
        if problems:
            raise LandingError(problems)
        record = io.BytesIO(f"kind\n{kind}\n".encode())
        lake.write(f"{_staged(run, DROP_RECORD, date)}/{RECORD_FILE}", record)
        replaced = any(lake.list_keys(raw_partition(table, date)) for table in HEADERS)
        keeping = replaced and date.isoformat() not in _kept_dates(lake)
        if keeping:  # until the new drop is built: if it fails, they go back (reject_drop)
            _move(lake, {raw_partition(t, date): _kept(t, date) for t in RAW_TABLES})
        try:
            lake.publish({_staged(run, t, date): raw_partition(t, date) for t in RAW_TABLES})
        except BaseException:
            if keeping:  # the publish undid itself; the raw zone gets its files back
                _move(lake, {_kept(t, date): raw_partition(t, date) for t in RAW_TABLES})
            raise
    finally:
        lake.delete_prefix(run)
    return LandingReport(str(source), date, tuple(files), replaced, kind)


def landed_dates(lake: Lake) -> list[str]:
    """The dates (YYYY-MM-DD) with a drop in the raw zone, oldest first."""
    return sorted(
        {
            key.split("/")[2].removeprefix("dt=")
            for table in HEADERS
            for key in lake.list_keys(f"raw/{table}/")
        }
    )


def _delta_date_problems(source: str | Path, lake: Lake, date: datetime.date) -> list[str]:
    latest = max(landed_dates(lake), default=None)
    if latest is None or latest <= date.isoformat():
        return []
    return [
        f"{source}: a delta for {date} is older than the latest landed drop ({latest}); "
        "the days after it were built without it. Deliver its rows in a delta for a date "
        f"from {latest} on, or a snapshot"
    ]


def accept_drop(lake: Lake, date: datetime.date) -> None:
    """The date's drop is built and published: the files it replaced are not needed."""
    for table in RAW_TABLES:
        lake.delete_prefix(_kept(table, date))


def reject_drop(lake: Lake, date: datetime.date) -> str:
    """Move the date's landed files out of the raw zone into rejected/, where the next runs
    do not read them, and put back the files it replaced, if any; returns where they went."""
    day = date.isoformat()
    _move(lake, {raw_partition(t, date): f"{REJECTED}/{t}/dt={day}" for t in RAW_TABLES})
    _move(lake, {_kept(t, date): raw_partition(t, date) for t in RAW_TABLES})
    return REJECTED


def _kept(table: str, date: datetime.date | str) -> str:
    day = date if isinstance(date, str) else date.isoformat()
    return f"{KEPT}/{table}/dt={day}"


def _kept_dates(lake: Lake) -> set[str]:
    """Dates with files kept aside: raw/.kept/<table>/dt=<date>/<file>."""
    return {key.split("/")[3].removeprefix("dt=") for key in lake.list_keys(KEPT)}


def _settle_kept(lake: Lake, date: datetime.date) -> None:
    """Files another date's run kept aside and a crash left there: back into the raw zone if
    the date has nothing landed (the crash came between the two moves), else dropped (the
    newer drop is what later runs build on)."""
    for day in _kept_dates(lake) - {date.isoformat()}:
        if any(lake.list_keys(f"raw/{table}/dt={day}") for table in HEADERS):
            for table in RAW_TABLES:
                lake.delete_prefix(_kept(table, day))
        else:
            _move(lake, {_kept(t, day): f"raw/{t}/dt={day}" for t in RAW_TABLES})


def _move(lake: Lake, moves: dict[str, str]) -> None:
    """Move the prefixes that hold anything (a local lake renames; S3 copies, then the
    originals are deleted)."""
    present = {source: target for source, target in moves.items() if lake.list_keys(source)}
    if present:
        lake.publish(present)
    for source in present:
        lake.delete_prefix(source)


def _staged(run: str, table: str, date: datetime.date) -> str:
    return f"{run}/{table}/dt={date.isoformat()}"


def _require_plain_date(date: datetime.date) -> None:
    # A datetime is a date too, but its isoformat() would put a time into the partition name.
    if isinstance(date, datetime.datetime) or not isinstance(date, datetime.date):
        raise TypeError(f"date must be a datetime.date, got {date!r}")


def _table_of(name: str) -> str | None:
    for extension in EXTENSIONS:
        if name.endswith(extension) and name.removesuffix(extension) in HEADERS:
            return name.removesuffix(extension)
    return None


def _choose_files(names: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """The one file per table, and the problems with the set of names."""
    found: dict[str, list[str]] = {table: [] for table in HEADERS}
    unknown = []
    for name in names:
        table = _table_of(name)
        if table is None:
            unknown.append(name)
        else:
            found[table].append(name)
    chosen: dict[str, str] = {}
    problems = []
    for table, candidates in found.items():
        if not candidates:
            problems.append(f"{table}.csv: missing (expected {table}.csv or {table}.csv.gz)")
        elif len(candidates) > 1:
            problems.append(f"{' and '.join(candidates)}: both delivered; send exactly one")
        else:
            chosen[table] = candidates[0]
    problems.extend(
        f"{name}: unknown file; a drop holds only {', '.join(HEADERS)} as .csv or .csv.gz"
        for name in unknown
    )
    return chosen, problems


def _stage_file(drop: Lake, name: str, header: str, lake: Lake, key: str) -> _FileCheck:
    check = _FileCheck(name, header)
    with drop.open(name) as stream:
        lake.write(key, _CheckedStream(stream, check))
    check.finish()
    return check


class _CheckedStream:
    """Hands a source stream's bytes on unchanged while a _FileCheck inspects them."""

    def __init__(self, stream: BinaryIO, check: _FileCheck) -> None:
        self._stream = stream
        self._check = check

    def read(self, size: int = -1, /) -> bytes:
        if size < 0:  # "to the end", as io streams do; landing's writers always pass a size
            return b"".join(iter(lambda: self.read(CHUNK_SIZE), b""))
        if self._check.broken:  # the rest cannot be checked; the drop will not land anyway
            return b""
        chunk = _read_full(self._stream, size)
        self._check.feed(chunk)
        return chunk


def _read_full(stream: BinaryIO, size: int) -> bytes:
    # S3 multipart upload needs full-sized parts, so a short read must not end a part early.
    chunk = stream.read(size)
    if len(chunk) in (0, size):
        return chunk
    parts = [chunk]
    missing = size - len(chunk)
    while missing and (more := stream.read(missing)):
        parts.append(more)
        missing -= len(more)
    return b"".join(parts)


class _FileCheck:
    """File-level checks on one delivered file, fed chunk by chunk as it streams past."""

    def __init__(self, name: str, header: str) -> None:
        self.name = name
        self.problems: list[str] = []
        self.broken = False  # the gzip stream is unreadable past this point
        self._header = header
        self._size = 0  # bytes as delivered
        self._text_size = 0  # bytes of CSV text (decompressed)
        self._newlines = 0
        self._since_newline = 0  # bytes of the line under way
        self._long_line_seen = False
        self._last = b""
        self._head: bytearray | None = bytearray()  # the header line until its newline
        self._utf8 = codecs.getincrementaldecoder("utf-8")()
        self._utf8_pending = False  # a multi-byte character continues in the next chunk
        self._utf8_ok = True
        self._inflater = zlib.decompressobj(_GZIP_WBITS) if name.endswith(".gz") else None
        self._gzip = self._inflater is not None

    @property
    def sizes(self) -> tuple[int, int]:
        """Bytes as delivered and data rows (newlines minus the header, last line counted)."""
        lines = self._newlines + (self._text_size > 0 and self._last != b"\n")
        return self._size, max(lines - 1, 0)

    def feed(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._gzip:
            self._inflate(chunk)
        else:
            self._text(chunk)

    def finish(self) -> None:
        if self._size == 0:
            self._problem(None, "empty file (0 bytes)")
            return
        if self._gzip and self._inflater is not None and not self.broken:
            self._problem(None, f"truncated gzip stream after line {self._newlines}")
            self.broken = True
        if self.broken:
            return  # the text of a broken stream stops early: nothing more to say about it
        self._finish_utf8()
        if self._head is not None and self._text_size:
            self._check_header(bytes(self._head))
        if self._text_size == 0:
            self._problem(None, "empty file (no header after decompression)")
        elif self.sizes[1] == 0:
            self._problem(None, "no data rows (header only)")

    def _problem(self, line: int | None, text: str) -> None:
        where = self.name if line is None else f"{self.name}, line {line}"
        self.problems.append(f"{where}: {text}")

    def _inflate(self, data: bytes) -> None:
        # Output is taken at most CHUNK_SIZE at a time, so a gzip bomb cannot fill memory.
        while not self.broken:
            if self._inflater is None:
                # Between gzip members: zero padding may follow, then another member.
                data = data.lstrip(b"\0")
                if not data:
                    return
                self._inflater = zlib.decompressobj(_GZIP_WBITS)
            try:
                out = self._inflater.decompress(data, CHUNK_SIZE)
            except zlib.error as error:
                self._problem(None, f"corrupt gzip stream after line {self._newlines} ({error})")
                self.broken = True
                return
            self._text(out)
            if self._inflater.eof:
                data = self._inflater.unused_data
                self._inflater = None
            else:
                data = self._inflater.unconsumed_tail
                if not data and len(out) < CHUNK_SIZE:
                    return

    def _text(self, data: bytes) -> None:
        if not data:
            return
        if self._head is not None:
            self._collect_header(data)
        if self._utf8_ok:
            self._check_utf8(data)
        if not self._long_line_seen:
            self._check_line_lengths(data)
        self._newlines += data.count(b"\n")
        self._text_size += len(data)
        self._last = data[-1:]

    def _check_line_lengths(self, data: bytes) -> None:
        first = data.find(b"\n")
        if first < 0:
            self._since_newline += len(data)
            if self._since_newline > MAX_LINE_BYTES:
                self._long_line(self._newlines + 1)
            return
        if self._since_newline + first > MAX_LINE_BYTES:
            self._long_line(self._newlines + 1)
        elif len(data) > MAX_LINE_BYTES:  # only a chunk this big can hold a long line inside
            for index, line in enumerate(data[first + 1 :].split(b"\n")[:-1]):
                if len(line) > MAX_LINE_BYTES:
                    self._long_line(self._newlines + 2 + index)
                    break
        self._since_newline = len(data) - data.rfind(b"\n") - 1

    def _long_line(self, line: int) -> None:
        self._long_line_seen = True
        self._problem(line, f"line longer than {MAX_LINE_BYTES:,} bytes (no valid line is)")

    def _collect_header(self, data: bytes) -> None:
        assert self._head is not None
        end = data.find(b"\n", 0, _HEADER_LIMIT)
        if end < 0:
            self._head += data[:_HEADER_LIMIT]
            if len(self._head) < _HEADER_LIMIT:
                return
            line = bytes(self._head)
        else:
            line = bytes(self._head + data[:end])
        self._check_header(line)

    def _check_header(self, line: bytes) -> None:
        self._head = None
        text = line.removeprefix(_BOM).removesuffix(b"\r").decode("utf-8", "replace")
        if text != self._header:
            shown = text if len(text) <= _SHOWN_HEADER else text[:_SHOWN_HEADER] + "..."
            self._problem(1, f'header is "{shown}" but must be "{self._header}"')

    def _check_utf8(self, data: bytes) -> None:
        if not self._utf8_pending and data.isascii():
            return  # the fast path: ASCII is valid UTF-8
        pending = len(self._utf8.getstate()[0])
        try:
            self._utf8.decode(data)
        except UnicodeDecodeError as error:
            # error.start counts from the bytes held back from the previous chunk.
            offset = max(error.start - pending, 0)
            line = self._newlines + data.count(b"\n", 0, offset) + 1
            self._problem(line, f"not valid UTF-8 (byte 0x{error.object[error.start]:02x})")
            self._utf8_ok = False
            return
        self._utf8_pending = bool(self._utf8.getstate()[0])

    def _finish_utf8(self) -> None:
        if not (self._utf8_ok and self._utf8_pending):
            return
        try:
            self._utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            last_line = self._newlines + (self._last != b"\n")
            self._problem(last_line, "not valid UTF-8 (the file ends inside a character)")
