"""The tables a run reports on, read where they live: a local folder or an S3 prefix.

Row counts come from the parquet footers and quarantined rows from the quarantine table's
two label columns, through pyarrow, so that both targets report the same way without
querying a SQL engine.
"""

from collections.abc import Mapping
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.dataset as ds

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


def local_locations(lake: Path) -> dict[str, str]:
    """Where each reported table's parquet files are in a local lake."""
    return {table: str(lake / folder) for table, folder in LOCAL_FOLDERS.items()}


def count_rows(location: str) -> int:
    """Rows in the parquet files under a folder or s3:// prefix (their footers only)."""
    return ds.dataset(location, format="parquet").count_rows()


def built_row_counts(locations: Mapping[str, str]) -> dict[str, int]:
    """Rows of every curated, feature and result table."""
    return {table: count_rows(locations[table]) for table in BUILT_TABLES}


def quarantine_counts(locations: Mapping[str, str]) -> dict[tuple[str, str], int]:
    """Quarantined rows per (source table, rule)."""
    rows = ds.dataset(locations[QUARANTINE_TABLE], format="parquet").to_table(
        columns=["source_table", "quarantine_rule"],
        # dbt-duckdb writes an empty table as one row of NULLs: count named rules only.
        filter=pc.field("quarantine_rule").is_valid(),
    )
    counts = rows.group_by(["source_table", "quarantine_rule"]).aggregate([([], "count_all")])
    return {
        (table, rule): count
        for table, rule, count in sorted(
            zip(
                counts["source_table"].to_pylist(),
                counts["quarantine_rule"].to_pylist(),
                counts["count_all"].to_pylist(),
                strict=True,
            )
        )
    }
