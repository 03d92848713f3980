"""The PySpark baseline computes the same contract as the pandas one, table by table and
cell by cell: on the hand-worked tiny drop and on a generated drop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from test_pandas_contract import DROP_CSV, _write_drop

from datagen.generate import DropSpec, generate_drop
from flows.bench.baselines import pandas_contract, spark_contract

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    session = spark_contract.local_session(memory="1g")
    yield session
    session.stop()


def _same_as_pandas(spark: object, drop: Path) -> None:
    expected = pandas_contract.compute_contract(pandas_contract.read_drop(drop))
    computed = spark_contract.to_pandas(
        spark_contract.compute_contract(spark_contract.read_drop(spark, drop))
    )
    assert list(computed) == list(expected)
    for table, frame in expected.items():
        assert len(frame) > 0, table
        # Means may differ in the last bit between the two engines' summation orders.
        pd.testing.assert_frame_equal(computed[table], frame, check_exact=False, rtol=1e-12)


def test_the_hand_worked_drop_gives_the_pandas_contract(spark: object, tmp_path: Path) -> None:
    _write_drop(tmp_path)
    assert any(name.endswith(".gz") for name in DROP_CSV)  # gzip read as well
    _same_as_pandas(spark, tmp_path)


def test_a_generated_drop_gives_the_pandas_contract(spark: object, tmp_path: Path) -> None:
    generate_drop(DropSpec(users=300, products=1000, seed=4), tmp_path)
    _same_as_pandas(spark, tmp_path)


def test_the_tables_are_written_as_parquet_folders(spark: object, tmp_path: Path) -> None:
    drop, out = tmp_path / "drop", tmp_path / "out"
    drop.mkdir()
    _write_drop(drop)
    tables = spark_contract.compute_contract(spark_contract.read_drop(spark, drop))
    spark_contract.write_contract(tables, out)
    expected = pandas_contract.compute_contract(pandas_contract.read_drop(drop))
    for table, frame in expected.items():
        written = pd.read_parquet(out / table)
        assert sorted(written.columns) == sorted(frame.columns)
        assert len(written) == len(frame)
