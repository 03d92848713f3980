"""Feature lookup in the published result_table file, with no database.

The file is sorted by user_id, product_id, so one read of its user_id column gives every
user's rows as one contiguous range. A request then reads only the row groups holding that
range (a few recently read ones are kept), from a local path or from S3 alike.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.fs as pafs
import pyarrow.parquet as pq

CACHED_ROW_GROUPS = 16


@dataclass(frozen=True)
class UserLines:
    """One user's published lines: the columns asked for, one row per candidate product."""

    user_id: int
    table: pa.Table  # sorted by product_id

    def product_row(self, product_id: int) -> dict | None:
        products = self.table.column("product_id").to_numpy()
        index = int(np.searchsorted(products, product_id))
        if index == len(products) or products[index] != product_id:
            return None
        return self.table.slice(index, 1).to_pylist()[0]


class FeatureStore:
    """The published lines of any user, by user_id."""

    def __init__(self, location: str, columns: list[str]) -> None:
        filesystem, path = (
            pafs.FileSystem.from_uri(location)
            if "://" in location
            else (pafs.LocalFileSystem(), location)
        )
        self.location = location
        self.columns = list(dict.fromkeys(["user_id", "product_id", *columns]))
        self._file = pq.ParquetFile(filesystem.open_input_file(path))
        metadata = self._file.metadata
        self.rows = metadata.num_rows
        # Row offsets where each row group starts, and every row's user_id.
        sizes = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
        self._starts = np.concatenate([[0], np.cumsum(sizes)])
        users = self._file.read(columns=["user_id"]).column("user_id")
        self._users = users.to_numpy()
        if not bool(np.all(self._users[:-1] <= self._users[1:])):
            raise ValueError(f"{location}: not sorted by user_id, as the published file is")
        self._lock = threading.Lock()
        self._cache: OrderedDict[int, pa.Table] = OrderedDict()

    def user(self, user_id: int) -> UserLines | None:
        """The user's lines, or None for a user not in the file."""
        first = int(np.searchsorted(self._users, user_id, side="left"))
        end = int(np.searchsorted(self._users, user_id, side="right"))
        if first == end:
            return None
        groups = range(
            int(np.searchsorted(self._starts, first, side="right")) - 1,
            int(np.searchsorted(self._starts, end - 1, side="right")),
        )
        pieces = []
        for group in groups:
            table = self._row_group(group)
            start = max(first, int(self._starts[group])) - int(self._starts[group])
            stop = min(end, int(self._starts[group + 1])) - int(self._starts[group])
            pieces.append(table.slice(start, stop - start))
        lines = pa.concat_tables(pieces)
        order = pc.sort_indices(lines, sort_keys=[("product_id", "ascending")])
        return UserLines(user_id=user_id, table=lines.take(order))

    def _row_group(self, group: int) -> pa.Table:
        with self._lock:
            if group in self._cache:
                self._cache.move_to_end(group)
                return self._cache[group]
        table = self._file.read_row_group(group, columns=self.columns)
        with self._lock:
            self._cache[group] = table
            while len(self._cache) > CACHED_ROW_GROUPS:
                self._cache.popitem(last=False)
        return table
