"""The transformation step: `dbt build` of the project at the repository root (and `dbt run`,
models only, for the benchmark).

dbt runs in a child process with the lake passed through the environment, so that nothing
of one run (environment, dbt's global flags) leaks into the caller or the next run.
"""

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from flows.pipeline.children import tied_to_this_process
from flows.pipeline.settings import Settings, duckdb_memory_limit


class TransformError(RuntimeError):
    """dbt build failed; the message lists the failing nodes and what they said."""


@dataclass(frozen=True)
class NodeResult:
    name: str
    status: str
    seconds: float
    message: str | None
    kind: str = "model"  # dbt's resource type: model, test, unit_test, ...


# The daily build: models and data tests. dbt's unit tests check the SQL, not the day's data,
# so they run where the SQL changes (`make test`, an engineer's own `dbt build`), as dbt
# recommends, and not on every daily run.
DAILY_BUILD = ("build", "--exclude-resource-type", "unit_test")


def dbt_environment(settings: Settings) -> dict[str, str]:
    """The environment variables profiles.yml and the sources read."""
    environment = {
        **os.environ,
        "REORDER_LAKE": str(settings.lake),
        "REORDER_DBT_TARGET": "local",
        "REORDER_DUCKDB_MEMORY_LIMIT": duckdb_memory_limit(),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    if settings.stack is not None:  # the athena target, on the stack's resources
        environment |= {
            "REORDER_DBT_TARGET": "athena",
            "REORDER_LAKE_URI": settings.stack.lake_uri,
            "REORDER_ATHENA_SCHEMA": settings.stack.athena_schema,
            "REORDER_ATHENA_RAW_SCHEMA": settings.stack.athena_raw_schema,
            "REORDER_ATHENA_WORK_GROUP": settings.stack.athena_work_group,
            "AWS_REGION": settings.stack.region,
        }
    return environment


def dbt_command(settings: Settings, *args: str) -> list[str]:
    """A dbt command line for this project, its artifacts kept under the lake."""
    return [str(Path(sys.executable).with_name("dbt")), *dbt_arguments(settings, *args)]


def dbt_arguments(settings: Settings, *args: str) -> list[str]:
    """dbt's arguments for this project (for its command line or its in-process runner):
    `args`, then where the project is and where its artifacts go under the lake."""
    state = settings.state_dir
    arguments = [
        *args,
        "--project-dir", str(settings.project_dir),
        "--profiles-dir", str(settings.project_dir),
        "--target-path", str(state / "target"),
        "--log-path", str(state / "logs"),
    ]  # fmt: skip
    if settings.quarantine_max_share is not None:
        share = {"quarantine_max_share": settings.quarantine_max_share}
        arguments += ["--vars", json.dumps(share)]
    return arguments


def dbt_failed(command: str, lines: list[str]) -> TransformError:
    """The error of a dbt command that failed, one indented line per reason."""
    return TransformError(f"dbt {command} failed:\n" + "\n".join(f"  {line}" for line in lines))


def run_results(settings: Settings) -> list[NodeResult]:
    """Every node of the last dbt invocation, from its run_results.json."""
    path = settings.state_dir / "target" / "run_results.json"
    if not path.exists():
        return []
    results = json.loads(path.read_text())["results"]
    return [
        NodeResult(
            name=result["unique_id"].split(".", 2)[-1],
            status=result["status"],
            seconds=float(result.get("execution_time") or 0.0),
            message=result.get("message"),
            kind=result["unique_id"].split(".", 1)[0],
        )
        for result in results
    ]


def run_dbt(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """Run one dbt command over the lake in a child process, its output captured."""
    return subprocess.run(
        tied_to_this_process(dbt_command(settings, *args)),
        env=dbt_environment(settings),
        cwd=settings.project_dir,
        capture_output=True,
        text=True,
        check=False,
    )


def dbt_build(settings: Settings, select: str | None = None) -> list[NodeResult]:
    """The daily build (models and data tests); raise TransformError naming what failed."""
    return _dbt_nodes(settings, DAILY_BUILD, select)


def run_models(settings: Settings, select: str | None = None) -> list[NodeResult]:
    """Run the models only, no tests: what `reorder bench` times as the work the baselines
    also do. Raise TransformError naming what failed."""
    return _dbt_nodes(settings, ("run",), select)


def _dbt_nodes(
    settings: Settings, command: tuple[str, ...], select: str | None
) -> list[NodeResult]:
    settings.prepare_lake()
    completed = run_dbt(settings, *command, *(["--select", select] if select else []))
    results = run_results(settings) if completed.returncode in (0, 1) else []
    if completed.returncode != 0:
        raise dbt_failed(command[0], failure_lines(results) or why_dbt_stopped(completed.stdout))
    return results


def why_dbt_stopped(output: str, most: int = 12) -> list[str]:
    """What dbt said when it stopped before running nodes (a project that does not parse,
    a profile it cannot use): its last error and the lines explaining it."""
    lines = [line for line in output.splitlines() if line.strip()]
    starts = [number for number, line in enumerate(lines) if "Encountered an error" in line]
    if starts:
        return lines[starts[-1] :][:most]
    return [line for line in lines if "rror" in line][-5:]


# What a failing node means, where dbt's own message ("Got 1 result") does not say.
EXPLAINED = {
    "test_stg_instacart__quarantine__share_within_limit": (
        "more of a source table's rows broke a rule than quarantine_max_share allows; "
        "stg_instacart__quarantine (quarantine/rows/ in the lake) holds each row, its file "
        "and the rule"
    ),
}


def failure_lines(results: list[NodeResult]) -> list[str]:
    """One line per failed node: its name, status and message, and what it means."""
    lines = []
    for result in results:
        if result.status in ("error", "fail"):
            meaning = EXPLAINED.get(result.name.split(".")[0])
            lines.append(
                f"{result.name}: {result.status}: {result.message}"
                + (f" ({meaning})" if meaning else "")
            )
    return lines
