"""Run settings: built once at the edge (the command line) and passed down to every step."""

from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent  # the dbt project is the repository root
LAKE_ZONES = ("raw", "quarantine", "curated", "features", "sandbox", "models", "outbox")


@dataclass(frozen=True)
class Settings:
    """Where the lake is and how the run may behave."""

    lake: Path
    target: str = "local"
    quarantine_max_share: float | None = None  # None: the dbt project's default
    project_dir: Path = PROJECT_DIR

    def __post_init__(self) -> None:
        # dbt and DuckDB resolve relative paths against the working directory: pin it now.
        object.__setattr__(self, "lake", Path(self.lake).resolve())
        if self.quarantine_max_share is not None and not 0 <= self.quarantine_max_share <= 1:
            raise ValueError(
                f"quarantine max share must be between 0 and 1, got {self.quarantine_max_share}"
            )

    def prepare_lake(self) -> None:
        """Create the lake's zone folders (DuckDB writes into them but does not create them)."""
        for zone in LAKE_ZONES:
            (self.lake / zone).mkdir(parents=True, exist_ok=True)
