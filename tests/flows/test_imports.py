"""A run picks its target's steps and loads only their code; the command line loads the
heavy modules (pandas, numba's compiler, Prefect, dbt) only in the commands that use them.
A command's start pays for every module it imports."""

import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows.daily.run import steps_for


def _modules_loaded_by(code: str) -> set[str]:
    """Every module a fresh interpreter holds after running `code`."""
    listed = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(listed.stdout.split())


def test_a_local_run_loads_neither_the_aws_target_nor_pandas() -> None:
    # pandas alone took a second of every local run's start, for nothing it used
    loaded = _modules_loaded_by("from flows.daily.run import steps_for\nsteps_for('local')")

    assert "flows.local.steps" in loaded
    assert "flows.aws.steps" not in loaded
    assert "pandas" not in loaded


def test_compaction_checks_the_file_order_without_loading_pandas(tmp_path: Path) -> None:
    # pyarrow's to_numpy imports pandas on first use: a second of the run
    file = tmp_path / "keys.parquet"
    keys = {"user_id": pa.array([1, 2], pa.int64()), "product_id": pa.array([5, 1], pa.int64())}
    pq.write_table(pa.table(keys), file)
    check = f"from flows.local.compaction import in_published_order as ok\nassert ok({str(file)!r})"

    assert "pandas" not in _modules_loaded_by(check)


@pytest.mark.parametrize("heavy", ["pandas", "numba", "prefect", "dbt"])
def test_the_command_line_loads_what_one_command_needs_only_when_it_runs(heavy: str) -> None:
    # `reorder --help` and every command's start: the generator's numba, the benchmark's
    # pandas, the flow's Prefect and dbt load inside the commands that use them
    assert heavy not in _modules_loaded_by("import flows.cli.main")


def test_each_target_has_its_own_steps_and_an_unknown_one_is_refused() -> None:
    local, aws = steps_for("local"), steps_for("aws")

    assert local.land.__module__ == "flows.local.steps"
    assert aws.land.__module__ == "flows.aws.steps"
    with pytest.raises(ValueError, match="unknown target 'gcp'"):
        steps_for("gcp")
