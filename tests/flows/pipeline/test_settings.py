"""The settings a run passes to dbt agree with what dbt uses when run by hand."""

import re
from pathlib import Path

import pytest

from flows.pipeline.settings import DUCKDB_MEMORY_LIMIT, PROJECT_DIR, Settings
from flows.pipeline.transform import dbt_environment


def test_the_profile_defaults_to_the_runs_duckdb_memory_limit() -> None:
    profile = (PROJECT_DIR / "profiles.yml").read_text()
    default = re.search(r"env_var\('REORDER_DUCKDB_MEMORY_LIMIT', '([^']+)'\)", profile)
    assert default is not None and default.group(1) == DUCKDB_MEMORY_LIMIT


def test_a_run_passes_its_duckdb_memory_limit_to_dbt(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("REORDER_DUCKDB_MEMORY_LIMIT", raising=False)
    assert (
        dbt_environment(Settings(lake=tmp_path))["REORDER_DUCKDB_MEMORY_LIMIT"]
        == DUCKDB_MEMORY_LIMIT
    )
    monkeypatch.setenv("REORDER_DUCKDB_MEMORY_LIMIT", "2GB")
    assert dbt_environment(Settings(lake=tmp_path))["REORDER_DUCKDB_MEMORY_LIMIT"] == "2GB"
