"""The tables a run reports on, read where they live: a local folder or an S3 prefix.

Row counts come from the parquet footers and quarantined rows from the quarantine table's
two label columns, through pyarrow, so that both targets report the same way without
querying a SQL engine. Files are listed and opened one by one with pyarrow.parquet:
pyarrow.dataset would import pandas, a second of every run's start for a few footers.
"""

from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path

import pyarrow.fs as pafs
import pyarrow.parquet as pq

# The curated, feature and result tables, by dbt model name.
BUILT_TABLES = (
    "order_products_prior",
    "user_features_1",
    "user_features_2",
    "up_features",
    "prd_features",
    "result_table",
)
QUARANTINE_TABLE = "stg_instacart__quarantine"

# Their folders in a local lake (on Athena the Glue catalog says where each one is).
LOCAL_FOLDERS: Mapping[str, str] = {
    "order_products_prior": "curated/order_products_prior",
    "user_features_1": "features/user_features_1",
    "user_features_2": "features/user_features_2",
    "up_features": "features/up_features",
    "prd_features": "features/prd_features",
    "result_table": "sandbox/result_table_parts",
    QUARANTINE_TABLE: "quarantine/rows",
}

# How a writer names its temporary files, markers and their folders, never data (Athena
# writes data files without an extension, so data is every other file).
_NOT_DATA = (".", "_")


def is_data(key: str) -> bool:
    """Whether a file (a path or key, its folders included) holds a table's data."""
    return not any(part.startswith(_NOT_DATA) for part in key.split("/") if part)


def local_locations(lake: Path) -> dict[str, str]:
    """Where each reported table's parquet files are in a local lake."""
    return {table: str(lake / folder) for table, folder in LOCAL_FOLDERS.items()}


def _parquet_files(location: str) -> Iterator[tuple[pafs.FileSystem, str]]:
    """The file at `location`, or each data file under it (a folder or s3:// prefix), in
    name order. A missing location raises FileNotFoundError."""
    # pyarrow takes a local folder as a URI too, once it is absolute
    uri = location if "://" in location else str(Path(location).resolve())
    filesystem, path = pafs.FileSystem.from_uri(uri)
    kind = filesystem.get_file_info(path).type
    if kind == pafs.FileType.NotFound:
        raise FileNotFoundError(f"no table at {location}")
    if kind == pafs.FileType.File:
        yield filesystem, path
        return
    found = filesystem.get_file_info(pafs.FileSelector(path, recursive=True))
    for info in sorted(found, key=lambda info: info.path):
        if info.type == pafs.FileType.File and is_data(info.path[len(path) :]):
            yield filesystem, info.path


def count_rows(location: str) -> int:
    """Rows in a parquet file, or in the files under a folder or s3:// prefix (their footers
    only)."""
    total = 0
    for filesystem, path in _parquet_files(location):
        with filesystem.open_input_file(path) as file:
            total += pq.ParquetFile(file).metadata.num_rows
    return total


def built_row_counts(locations: Mapping[str, str]) -> dict[str, int]:
    """Rows of every curated, feature and result table."""
    return {table: count_rows(locations[table]) for table in BUILT_TABLES}


def quarantine_counts(locations: Mapping[str, str]) -> dict[tuple[str, str], int]:
    """Quarantined rows per (source table, rule)."""
    counts: Counter[tuple[str, str]] = Counter()
    for filesystem, path in _parquet_files(locations[QUARANTINE_TABLE]):
        with filesystem.open_input_file(path) as file:
            rows = pq.ParquetFile(file).read(columns=["source_table", "quarantine_rule"])
        counts.update(
            (table, rule)
            for table, rule in zip(
                rows["source_table"].to_pylist(), rows["quarantine_rule"].to_pylist(), strict=True
            )
            # dbt-duckdb writes an empty table as one row of NULLs: count named rules only.
            if rule is not None
        )
    return dict(sorted(counts.items()))
