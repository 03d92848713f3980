"""Another commit of this project, checked out beside it for `reorder bench --against REV`:
its pipeline stage runs from that checkout on the same drop, in the same bench run, so that a
change's cost is measured side by side rather than across days of a noisy machine.

The checkout is a detached git worktree. Its stage runs with the checkout as the working
directory, where `python -c` looks first, so that its own `flows`, `datagen` and dbt project
are the ones imported; the installed libraries are this checkout's.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flows.bench.conditions import git_output
from flows.bench.measure import BenchError
from flows.pipeline.settings import PROJECT_DIR


@dataclass(frozen=True)
class Revision:
    name: str  # as given: a tag, a branch, HEAD~3, a hash
    commit: str  # its abbreviated hash
    folder: Path  # where it is checked out


def _git(folder: Path, *args: str) -> str:
    try:
        return git_output(folder, *args)
    except subprocess.CalledProcessError as error:
        said = (error.stderr or error.stdout or "").strip()
        raise BenchError(f"git {' '.join(args)}: {said}") from None


def commit_of(name: str, project: Path = PROJECT_DIR) -> str:
    """The abbreviated hash `name` names in this project's history; BenchError if none."""
    try:
        return _git(project, "rev-parse", "--verify", "--quiet", "--short=12", f"{name}^{{commit}}")
    except BenchError:
        raise BenchError(f"--against {name}: no such commit in {project}") from None


@contextmanager
def checked_out(name: str, folder: Path, project: Path = PROJECT_DIR) -> Iterator[Revision]:
    """`name` checked out at `folder` while the block runs, then removed from disk and from
    git's list of worktrees, whatever happened."""
    commit = commit_of(name, project)
    _git(project, "worktree", "add", "--detach", str(folder), commit)
    try:
        yield Revision(name, commit, folder)
    finally:
        _git(project, "worktree", "remove", "--force", str(folder))
