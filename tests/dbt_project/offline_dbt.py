"""dbt run from the tests for the athena target, with no AWS reachable and nothing shared:
what it writes goes under a folder of the test's own."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class DbtRun:
    result: subprocess.CompletedProcess[str]
    target: Path

    def check(self) -> DbtRun:
        assert self.result.returncode == 0, (
            f"{' '.join(self.result.args[3:])} exited {self.result.returncode}\n"
            f"{self.result.stdout[-4000:]}\n{self.result.stderr[-4000:]}"
        )
        return self


def run_dbt(args: list[str], folder: Path, env: dict[str, str] | None = None) -> DbtRun:
    """dbt with no AWS access and no shared state: everything it writes goes under folder."""
    clean = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("AWS_", "DBT_", "REORDER_"))
    }
    clean.update(
        AWS_EC2_METADATA_DISABLED="true",
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_REGION="us-east-1",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_CONFIG_FILE=str(folder / "no-aws-config"),
        AWS_SHARED_CREDENTIALS_FILE=str(folder / "no-aws-credentials"),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
        DO_NOT_TRACK="1",
        REORDER_LAKE=str(folder / "lake"),
        **(env or {}),
    )
    target = folder / "target"
    command = [sys.executable, "-m", "dbt.cli.main", *args]
    command += ["--target", "athena", "--project-dir", str(REPO), "--profiles-dir", str(REPO)]
    command += ["--target-path", str(target), "--log-path", str(folder / "logs")]
    result = subprocess.run(
        command, cwd=folder, env=clean, capture_output=True, text=True, timeout=180, check=False
    )
    return DbtRun(result, target)
