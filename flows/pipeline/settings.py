"""Run settings: built once at the edge (the command line) and passed down to every step."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from flows.pipeline.release import GatePolicy

if TYPE_CHECKING:  # the aws target's stack outputs, carried to its steps
    from flows.aws.stack import AwsStack

PROJECT_DIR = Path(__file__).resolve().parents[2]  # the dbt project is the repository root
LAKE_ZONES = (
    "raw", "staging", "quarantine", "curated", "features", "marts", "sandbox", "models", "outbox",
)  # fmt: skip
TARGETS = ("local", "aws")
COMPACTORS = ("duckdb", "spark")
DROP_KINDS = ("snapshot", "delta")
# DuckDB spills to disk beyond this, in dbt (profiles.yml) and in compaction alike. With dbt's
# own process on top (about 0.4 GB) a run stays within 4 GB; at full scale 3GB made the prior
# lines spill 0.6 to 0.8 GB and the pipeline 2 s slower.
DUCKDB_MEMORY_LIMIT = "3.5GB"


def duckdb_memory_limit() -> str:
    """DuckDB's memory limit for the pipeline: REORDER_DUCKDB_MEMORY_LIMIT, else the default."""
    return os.environ.get("REORDER_DUCKDB_MEMORY_LIMIT") or DUCKDB_MEMORY_LIMIT


@dataclass(frozen=True)
class Settings:
    """Where the lake is and how the run may behave.

    On the local target `lake` is the lake itself; on the aws target the lake is the
    stack's bucket and `lake` keeps only the run's local state (dbt's artifacts and logs).
    """

    lake: Path
    target: str = "local"
    compactor: str = "duckdb"  # local only: on aws the Glue job compacts
    quarantine_max_share: float | None = None  # None: the dbt project's default
    stack: AwsStack | None = None  # the aws target's stack outputs
    train: bool = True  # train, gate and deploy a model after publishing
    drop_kind: str = "snapshot"  # what the run's drop is: snapshot or delta (landing.py)
    gate: GatePolicy = field(default_factory=GatePolicy)
    project_dir: Path = PROJECT_DIR

    def __post_init__(self) -> None:
        # dbt and DuckDB resolve relative paths against the working directory: pin it now.
        object.__setattr__(self, "lake", Path(self.lake).resolve())
        if self.target not in TARGETS:
            raise ValueError(f"target must be one of {', '.join(TARGETS)}, got {self.target!r}")
        if self.compactor not in COMPACTORS:
            raise ValueError(
                f"compactor must be one of {', '.join(COMPACTORS)}, got {self.compactor!r}"
            )
        if (self.target == "aws") != (self.stack is not None):
            raise ValueError("the aws target, and only it, needs the stack's outputs")
        if self.drop_kind not in DROP_KINDS:
            raise ValueError(
                f"drop kind must be one of {', '.join(DROP_KINDS)}, got {self.drop_kind!r}"
            )
        if self.quarantine_max_share is not None and not 0 <= self.quarantine_max_share <= 1:
            raise ValueError(
                f"quarantine max share must be between 0 and 1, got {self.quarantine_max_share}"
            )

    @property
    def state_dir(self) -> Path:
        """dbt's target folder and logs for runs over this lake."""
        return self.lake / ".dbt"

    def prepare_lake(self) -> None:
        """Create the local lake's zone folders (DuckDB writes into them but does not create
        them), or on aws the local state folder."""
        zones = LAKE_ZONES if self.target == "local" else ()
        for zone in zones:
            (self.lake / zone).mkdir(parents=True, exist_ok=True)
        self.state_dir.mkdir(parents=True, exist_ok=True)
