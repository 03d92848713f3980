"""The Glue script reads Glue's `--name value` arguments and refuses incomplete ones."""

import runpy
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "glue_spark" / "compact_result.py"
parse_args = runpy.run_path(str(SCRIPT))["parse_args"]


def test_glue_style_arguments_are_read_with_glue_s_own_ones() -> None:
    args = parse_args(
        [
            "--JOB_NAME",
            "compact",
            "--input_path",
            "s3://lake/parts",
            "--output_path",
            "s3://lake/out",
        ]
    )
    assert args == {
        "file_name": "result_table.parquet",
        "JOB_NAME": "compact",
        "input_path": "s3://lake/parts",
        "output_path": "s3://lake/out",
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--input_path", "parts"], "--output_path is required"),
        (["--input_path"], "--input_path needs a value"),
    ],
)
def test_missing_arguments_stop_the_job_with_the_argument_named(
    argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit, match=message):
        parse_args(argv)
