"""What a run reports on its tables: rows from the parquet footers under a location, and
quarantined rows by table and rule. The S3 side is exercised by
tests/flows/aws/test_aws_run.py."""

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows.pipeline.tables import QUARANTINE_TABLE, count_rows, quarantine_counts


def _write(path: Path, rows: dict[str, list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(rows), path)


def test_rows_are_counted_in_every_data_file_under_a_folder_and_in_no_marker(
    tmp_path: Path,
) -> None:
    table = tmp_path / "table"
    _write(table / "data_0.parquet", {"id": [1, 2, 3]})
    _write(table / "part" / "20261125_0001", {"id": [4, 5]})  # as Athena names its files
    _write(table / "_temporary" / "data_1.parquet", {"id": [6]})  # a writer's unfinished work
    _write(table / ".hidden.parquet", {"id": [7]})
    (table / "_SUCCESS").write_text("")

    assert count_rows(str(table)) == 5
    assert count_rows(str(table / "data_0.parquet")) == 3  # one file is a location too


def test_a_missing_location_is_an_error_not_zero_rows(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no table at"):
        count_rows(str(tmp_path / "nothing"))


def test_quarantined_rows_are_counted_by_table_and_rule_across_files(tmp_path: Path) -> None:
    rows = tmp_path / "quarantine"
    _write(
        rows / "data_0.parquet",
        {
            "source_table": ["orders", "orders", "products"],
            "quarantine_rule": ["order_id_invalid", "order_id_invalid", "product_unknown"],
        },
    )
    _write(
        rows / "data_1.parquet",
        {
            "source_table": ["orders", None],
            "quarantine_rule": ["order_dow_out_of_range", None],  # an empty table's NULL row
        },
    )

    counts = quarantine_counts({QUARANTINE_TABLE: str(rows)})

    assert counts == {
        ("orders", "order_dow_out_of_range"): 1,
        ("orders", "order_id_invalid"): 2,
        ("products", "product_unknown"): 1,
    }
    assert list(counts) == sorted(counts)
