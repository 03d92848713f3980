"""What compaction publishes, on either target: result_table as ONE parquet file, sorted by
its key, in sandbox/result_table/. The local target compacts with DuckDB or the Glue script
on local PySpark (flows/local/compaction.py), the aws target with the Glue job."""

from dataclasses import dataclass

from flows.pipeline.settings import PROJECT_DIR

FILE_NAME = "result_table.parquet"
PUBLISHED = f"sandbox/result_table/{FILE_NAME}"  # the published file, in a local lake
ORDER = ("user_id", "product_id")  # the published file's sort key, unique per row
GLUE_SCRIPT = PROJECT_DIR / "glue_spark" / "compact_result.py"


class CompactionError(RuntimeError):
    """The compacted file could not be written or verified; nothing was published."""


@dataclass(frozen=True)
class Compacted:
    location: str  # the published file: a local path or an s3:// URL
    rows: int
