"""The transformation step says why dbt failed: the failing nodes, or, when dbt stopped
before running any, its own explanation."""

import shutil
from pathlib import Path

import pytest

from flows.pipeline.settings import PROJECT_DIR, Settings
from flows.pipeline.transform import TransformError, dbt_build, why_dbt_stopped


def test_a_project_that_does_not_parse_fails_the_build_with_dbt_s_reason(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for part in ("dbt_project.yml", "profiles.yml", "models", "macros", "tests/dbt"):
        source = PROJECT_DIR / part
        copy = shutil.copytree if source.is_dir() else shutil.copyfile
        (project / part).parent.mkdir(parents=True, exist_ok=True)
        copy(source, project / part)
    (project / "models" / "broken.sql").write_text("select * from {{ ref('no_such_model') }}")

    with pytest.raises(TransformError) as failed:
        dbt_build(Settings(lake=tmp_path / "lake", project_dir=project))

    # the error's kind and the line naming the model and what it refers to
    assert "Compilation Error" in str(failed.value)
    assert "depends on a node named 'no_such_model' which was not found" in str(failed.value)


def test_the_reason_is_dbt_s_last_error_with_its_explanation_and_no_more() -> None:
    output = "\n".join(
        [
            "02:54:25  Running with dbt=1.11.16",
            "02:54:26  Encountered an error:",
            "Runtime Error",
            "  a first problem",
            "",
            "02:54:27  Encountered an error:",
            "Compilation Error",
            *(f"  detail {number}" for number in range(20)),
        ]
    )

    reason = why_dbt_stopped(output)

    assert reason[:3] == ["02:54:27  Encountered an error:", "Compilation Error", "  detail 0"]
    assert len(reason) == 12


def test_output_without_dbt_s_error_header_still_gives_its_error_lines() -> None:
    output = "loading\nProfile Error: no such target\nmore\nDatabase Error: cannot open"

    assert why_dbt_stopped(output) == [
        "Profile Error: no such target",
        "Database Error: cannot open",
    ]
