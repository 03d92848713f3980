"""How much of a partitioned table a query reads, from DuckDB's own profile of the query:
the parquet files it opened and the bytes it read, beside what the same question costs
without the partitions.

    department  one department's rows of the published result: from the one
                result_table file (no partitions) and from result_by_department/
    season      one season's prior lines from order_products_prior/ (partitioned by
                order_season), against the bytes of the whole table
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from flows.pipeline.compaction import PUBLISHED

BY_DEPARTMENT = "sandbox/result_by_department"
PRIOR_LINES = "curated/order_products_prior"


@dataclass(frozen=True)
class Scan:
    """What one query read: files opened of the files it matched, and bytes read."""

    files_read: int
    files_matched: int
    bytes_read: int


def _scans(node: dict) -> Iterator[dict]:
    if node.get("type") == "TABLE_SCAN":
        yield node.get("extra_info", {})
    for child in node.get("children", []):
        yield from _scans(child)


def scan(sql: str) -> Scan:
    """Run `sql` in a fresh in-memory DuckDB with profiling on, and read its profile."""
    import duckdb

    with tempfile.TemporaryDirectory() as folder, duckdb.connect() as db:
        profile = Path(folder) / "profile.json"
        db.execute("pragma enable_profiling = 'json'")
        db.execute(f"pragma profiling_output = '{profile}'")
        db.execute(sql).fetchall()
        db.execute("pragma disable_profiling")
        report = json.loads(profile.read_text())
    files_read = files_matched = 0
    for operator in report["operator"]:
        for info in _scans(operator):
            read = int(info.get("Total Files Read", 1))
            # "Scanning Files: 1/21" once a glob matched several files
            matched = info.get("Scanning Files", f"{read}/{read}").split("/")[1]
            files_read, files_matched = files_read + read, files_matched + int(matched)
    return Scan(files_read, files_matched, int(report["io"]["total_bytes_read"]))


def hive_files(folder: Path) -> str:
    """Every parquet file under `folder`, Hive partitions read back as columns."""
    return f"read_parquet('{folder}/**/*.parquet', hive_partitioning = true)"


def _value(sql: str) -> object:
    import duckdb

    [(value,)] = duckdb.sql(sql).fetchall()
    return value


def department_query(source: str, department_id: int) -> str:
    """What a catalog page asks of the result: one department's rows, a few columns."""
    return (
        f"select user_id, product_id, up_order_rate from {source} "
        f"where department_id = {department_id}"
    )


def season_query(source: str, season: str) -> str:
    """What a seasonal analysis asks of the history: one season's lines per product."""
    return (
        f"select product_id, count(*) as lines from {source} "
        f"where order_season = '{season}' group by product_id"
    )


def _folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*.parquet"))


def pruning(lake: Path) -> dict:
    """Both questions on a built lake, for its largest department and for winter."""
    published, by_department = f"'{lake / PUBLISHED}'", hive_files(lake / BY_DEPARTMENT)
    department = int(_value(
        f"select department_id from {by_department} group by department_id "
        "order by count(*) desc, department_id limit 1"
    ))  # fmt: skip
    prior = hive_files(lake / PRIOR_LINES)
    return {
        "department": {
            "department_id": department,
            "published_file": asdict(scan(department_query(published, department))),
            "partitioned": asdict(scan(department_query(by_department, department))),
            "table_bytes": _folder_bytes(lake / BY_DEPARTMENT),
        },
        "season": {
            "order_season": "winter",
            "partitioned": asdict(scan(season_query(prior, "winter"))),
            "table_bytes": _folder_bytes(lake / PRIOR_LINES),
        },
    }
