"""Compaction publishes ONE sorted parquet file, the same way with DuckDB and with the Glue
script on local PySpark, and never replaces the published file with a bad one."""

import datetime
import itertools
import shutil
from pathlib import Path

import duckdb
import hypothesis
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import strategies as st

from datagen.generate import DropSpec, generate_drop
from flows.daily.run import run_daily
from flows.local.compaction import compact, in_published_order, parts_folder, published_folder
from flows.pipeline.compaction import CompactionError
from flows.pipeline.settings import Settings


@pytest.fixture(scope="module")
def built_lake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A lake whose dbt build has run, result_table published once by DuckDB."""
    drop = tmp_path_factory.mktemp("drop")
    generate_drop(DropSpec(users=200, products=1500, seed=5), drop)
    lake = tmp_path_factory.mktemp("lake")
    run_daily(Settings(lake=lake), drop, datetime.date(2026, 11, 25))
    return lake


def _rows(path: Path | str) -> list[tuple]:
    return duckdb.sql(f"select * from '{path}'").fetchall()


def _codecs(path: Path | str) -> set[str]:
    metadata = pq.ParquetFile(path).metadata
    return {
        metadata.row_group(group).column(column).compression
        for group in range(metadata.num_row_groups)
        for column in range(metadata.num_columns)
    }


def _copy_lake(lake: Path, tmp_path: Path) -> Settings:
    copy = tmp_path / "lake"
    shutil.copytree(lake / "sandbox", copy / "sandbox")
    return Settings(lake=copy)


def test_published_file_is_one_file_sorted_with_every_row(built_lake: Path) -> None:
    settings = Settings(lake=built_lake)
    files = list(published_folder(settings).iterdir())
    assert [f.name for f in files] == ["result_table.parquet"]
    published = _rows(files[0])
    parts = _rows(f"{parts_folder(settings)}/*.parquet")
    assert sorted(parts) == sorted(published)
    keys = [(row[0], row[1]) for row in published]
    assert keys == sorted(keys)
    schema = "describe from '{}'"
    assert (
        duckdb.sql(schema.format(files[0])).fetchall()
        == duckdb.sql(schema.format(f"{parts_folder(settings)}/*.parquet")).fetchall()
    )


def test_the_glue_script_on_pyspark_publishes_the_same_rows_in_the_same_order(
    built_lake: Path, tmp_path: Path
) -> None:
    settings = _copy_lake(built_lake, tmp_path)
    by_duckdb = _rows(published_folder(settings) / "result_table.parquet")
    result = compact(settings, "spark")
    assert result.rows == len(by_duckdb)
    assert _rows(result.location) == by_duckdb
    assert [f.name for f in published_folder(settings).iterdir()] == ["result_table.parquet"]
    # The DuckDB file it replaced is kept as the previous version.
    previous = settings.lake / "sandbox" / "result_table_previous" / "result_table.parquet"
    assert _rows(previous) == by_duckdb
    assert not (settings.lake / "sandbox" / "result_table_staging").exists()


def test_a_second_publication_keeps_the_first_as_previous(built_lake: Path, tmp_path: Path) -> None:
    settings = _copy_lake(built_lake, tmp_path)
    first = (published_folder(settings) / "result_table.parquet").read_bytes()
    compact(settings)
    previous = settings.lake / "sandbox" / "result_table_previous" / "result_table.parquet"
    assert previous.read_bytes() == first


@pytest.mark.parametrize("engine", ["duckdb", "spark"])
def test_a_failing_compaction_leaves_the_published_file_in_place(
    built_lake: Path, tmp_path: Path, engine: str
) -> None:
    settings = _copy_lake(built_lake, tmp_path)
    published = published_folder(settings) / "result_table.parquet"
    before = published.read_bytes()
    for part in parts_folder(settings).glob("*.parquet"):
        part.write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(CompactionError):
        compact(settings, engine)
    assert published.read_bytes() == before
    assert [f.name for f in published_folder(settings).iterdir()] == ["result_table.parquet"]


def test_one_file_in_order_is_published_as_it_is(built_lake: Path, tmp_path: Path) -> None:
    settings = _copy_lake(built_lake, tmp_path)
    [part] = parts_folder(settings).glob("*.parquet")  # dbt wrote result_table in file order
    compact(settings)
    published = published_folder(settings) / "result_table.parquet"
    assert published.read_bytes() == part.read_bytes()
    assert _codecs(published) == {"ZSTD"}


@pytest.mark.parametrize("files", [1, 2])
def test_parts_out_of_order_are_sorted(built_lake: Path, tmp_path: Path, files: int) -> None:
    settings = _copy_lake(built_lake, tmp_path)
    [part] = parts_folder(settings).glob("*.parquet")
    rows = _rows(part)
    shuffled = tmp_path / "shuffled.parquet"
    duckdb.sql(f"copy (select * from '{part}' order by hash(user_id, product_id)) to '{shuffled}'")
    part.unlink()
    half = len(rows) // 2
    for number, where in enumerate(["true"] if files == 1 else [f"rn <= {half}", f"rn > {half}"]):
        duckdb.sql(
            f"copy (select * exclude (rn) from (select *, row_number() over () as rn "
            f"from '{shuffled}') where {where}) to '{parts_folder(settings)}/part-{number}.parquet'"
        )
    result = compact(settings)
    published = _rows(result.location)
    assert [(row[0], row[1]) for row in published] == sorted((row[0], row[1]) for row in rows)
    assert sorted(published) == sorted(rows) and result.rows == len(rows)
    assert _codecs(result.location) == {"ZSTD"}  # as dbt writes it, though the parts were not


_KEY_PART = st.one_of(st.none(), st.integers(0, 3))


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(
    keys=st.lists(st.tuples(_KEY_PART, _KEY_PART), max_size=12),
    batch_rows=st.integers(1, 5),
)
def test_the_order_check_agrees_with_comparing_each_row_to_the_one_before(
    tmp_path_factory: pytest.TempPathFactory, keys: list[tuple], batch_rows: int
) -> None:
    # Small batches, so that a row and the one before it often fall in different batches.
    file = tmp_path_factory.mktemp("keys") / "keys.parquet"
    columns = {
        name: pa.array([key[place] for key in keys], pa.int64())
        for place, name in enumerate(["user_id", "product_id"])
    }
    pq.write_table(pa.table(columns), file, row_group_size=3)

    strictly_ordered = all(None not in key for key in keys) and all(
        before < after for before, after in itertools.pairwise(keys)
    )
    assert in_published_order(file, batch_rows) == strictly_ordered


def test_keys_of_another_type_are_not_compared_so_the_file_is_sorted_instead(
    tmp_path: Path,
) -> None:
    file = tmp_path / "keys.parquet"
    keys = {"user_id": pa.array([1, 2], pa.int32()), "product_id": pa.array([1, 1], pa.int32())}
    pq.write_table(pa.table(keys), file)

    assert not in_published_order(file)
