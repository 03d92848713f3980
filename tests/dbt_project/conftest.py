"""Makes this folder's helper modules (athena_rules, offline_dbt) importable from its tests,
and compiles the project for the athena target once for all of them."""

import sys
from pathlib import Path

import pytest

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)


# Offline there is no Athena to ask for the latest snapshot's date (macros/staged_drops.sql).
FIRST_STAGED_DT = "2026-11-25"


@pytest.fixture(scope="session")
def athena_compile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`dbt compile --target athena` once per session; its target folder."""
    from offline_dbt import run_dbt

    folder = tmp_path_factory.mktemp("athena_compile")
    dated = ["--vars", f"{{first_staged_dt: '{FIRST_STAGED_DT}'}}"]
    return run_dbt(["compile", "--no-populate-cache", *dated], folder).check().target
