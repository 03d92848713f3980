"""The local target's compaction: result_table's parquet parts become ONE parquet file,
sorted by user_id and product_id, published to sandbox/result_table/ the same way by either
engine.

DuckDB compacts by default on one machine (seconds at full scale); `spark` runs the Glue job
script, glue_spark/compact_result.py, on local PySpark, exactly as Glue runs it on AWS.
Both write beside the published file, count its rows against the parts, keep the current
file as sandbox/result_table_previous/ and then swap the new one in with one rename.

On the local target dbt already writes result_table as one file in the published order
(its `file_order_by`): DuckDB then checks that order and publishes a copy of that file instead
of sorting 13 million wide rows again. Parts in any other shape are sorted.
"""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from flows.pipeline.children import tied_to_this_process
from flows.pipeline.compaction import (
    FILE_NAME,
    GLUE_SCRIPT,
    ORDER,
    Compacted,
    CompactionError,
)
from flows.pipeline.settings import PROJECT_DIR, Settings, duckdb_memory_limit


def parts_folder(settings: Settings) -> Path:
    return settings.lake / "sandbox" / "result_table_parts"


def published_folder(settings: Settings) -> Path:
    return settings.lake / "sandbox" / "result_table"


def compact_with_duckdb(settings: Settings) -> Compacted:
    parts = f"{parts_folder(settings)}/*.parquet"
    published = published_folder(settings)
    staging = published.parent / "result_table_staging"
    shutil.rmtree(staging, ignore_errors=True)  # what a killed run left (runs take a lock)
    staged = staging / f"{uuid.uuid4().hex}.parquet"
    staged.parent.mkdir(parents=True, exist_ok=True)
    try:
        with duckdb.connect(config={"memory_limit": duckdb_memory_limit()}) as db:
            expected = db.sql(f"select count(*) from '{parts}'").fetchall()[0][0]
            files = sorted(parts_folder(settings).glob("*.parquet"))
            if len(files) == 1 and in_published_order(files[0]):
                shutil.copyfile(files[0], staged)
            else:
                db.sql(
                    f"copy (select * from '{parts}' order by {', '.join(ORDER)}) "
                    f"to '{staged}' (format parquet, {write_options()})"
                )
            rows = db.sql(f"select count(*) from '{staged}'").fetchall()[0][0]
            same_schema = (
                db.sql(f"describe from '{staged}'").fetchall()
                == db.sql(f"describe from '{parts}'").fetchall()
            )
        if rows != expected:
            raise CompactionError(f"compacted file has {rows} rows but the parts have {expected}")
        if not same_schema:
            raise CompactionError("compacted file's schema differs from the parts'")
        return Compacted(location=str(_publish(staged, published)), rows=rows)
    except duckdb.Error as error:
        raise CompactionError(f"DuckDB could not compact {parts}: {error}") from error
    finally:
        staged.unlink(missing_ok=True)
        _remove_if_empty(staged.parent)


def write_options() -> str:
    """How a sorted copy is written: the options dbt writes result_table with, from the
    project's vars (result_table_parquet in dbt_project.yml), as a COPY clause."""
    project = yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text())
    options = project["vars"]["result_table_parquet"]
    return ", ".join(f"{name} {value}" for name, value in options.items())


def in_published_order(file: Path, batch_rows: int = 1 << 20) -> bool:
    """Whether the file's rows follow ORDER strictly (so its keys are also unique and not
    NULL): each row's key against the one before it, in the file's own row order.

    Only the key columns are read, a batch at a time, and compared as arrays: DuckDB would
    need a window ordered by the row number, a sort of 13 million rows already in order.
    Keys that are not BIGINT are not compared: such a file is sorted instead.
    """
    parquet = pq.ParquetFile(file)
    if any(parquet.schema_arrow.field(column).type != pa.int64() for column in ORDER):
        return False
    previous: tuple | None = None  # the last key of the batch before
    for batch in parquet.iter_batches(batch_size=batch_rows, columns=list(ORDER)):
        if any(column.null_count for column in batch.columns):
            return False
        keys = [_int64_values(column) for column in batch.columns]
        if previous is not None and tuple(key[0] for key in keys) <= previous:
            return False
        # Each row against the one before: later when, at the first column where they
        # differ, its value is greater.
        later = np.zeros(batch.num_rows - 1, dtype=bool)
        same_so_far = np.ones(batch.num_rows - 1, dtype=bool)
        for key in keys:
            later |= same_so_far & (key[1:] > key[:-1])
            same_so_far &= key[1:] == key[:-1]
        if not later.all():
            return False
        previous = tuple(key[-1] for key in keys)
    return True


def _int64_values(column: pa.Array) -> np.ndarray:
    """An int64 column's values as a numpy array over the same memory. (pyarrow's to_numpy
    would import pandas first: a second of the run.)"""
    values = np.frombuffer(column.buffers()[1], dtype=np.int64)
    return values[column.offset : column.offset + len(column)]


def compact_with_spark(settings: Settings) -> Compacted:
    published = published_folder(settings)
    completed = subprocess.run(
        tied_to_this_process(
            [
                sys.executable,
                str(GLUE_SCRIPT),
                "--input_path",
                str(parts_folder(settings)),
                "--output_path",
                str(published),
                "--file_name",
                FILE_NAME,
            ]
        ),
        env={**os.environ, "SPARK_LOCAL_IP": "127.0.0.1", "PYSPARK_PYTHON": sys.executable},
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        reason = [line for line in completed.stderr.splitlines() if "Error" in line][-3:]
        raise CompactionError("the Glue script failed on local PySpark:\n" + "\n".join(reason))
    target = published / FILE_NAME
    with duckdb.connect() as db:
        rows = db.sql(f"select count(*) from '{target}'").fetchall()[0][0]
    return Compacted(location=str(target), rows=rows)


def compact(settings: Settings, engine: str = "duckdb") -> Compacted:
    """Compact and publish with `engine` (duckdb or spark)."""
    if engine == "spark":
        return compact_with_spark(settings)
    return compact_with_duckdb(settings)


def _publish(staged: Path, published: Path) -> Path:
    """Keep the current file as the previous version, then rename the new one into place."""
    current = published / FILE_NAME
    if current.exists():
        previous = published.parent / "result_table_previous" / FILE_NAME
        previous.parent.mkdir(parents=True, exist_ok=True)
        partial = previous.with_name(f".{FILE_NAME}.partial")
        partial.unlink(missing_ok=True)  # left by a run killed here
        os.link(current, partial)  # the same bytes, no copy; renamed over the older one
        partial.replace(previous)
    published.mkdir(parents=True, exist_ok=True)
    staged.replace(current)
    return current


def _remove_if_empty(folder: Path) -> None:
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
