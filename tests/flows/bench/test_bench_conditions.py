"""A bench result says which commit it measured (tests/flows/bench/test_bench.py: when it ran and
how fast the machine was then)."""

import subprocess
from pathlib import Path

from flows.bench.conditions import checkout_commit


def _git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _committed(folder: Path, files: dict[str, str]) -> str:
    """A git repository in `folder` with `files` committed; its short HEAD."""
    _git(folder, "init", "-q")
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    _git(folder, "add", ".")
    _git(folder, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "one")
    return _git(folder, "rev-parse", "--short=12", "HEAD")


def test_the_commit_is_the_checkout_s_head_marked_when_tracked_files_changed(
    tmp_path: Path,
) -> None:
    head = _committed(tmp_path, {"model.sql": "select 1\n"})

    assert checkout_commit(tmp_path) == head
    (tmp_path / "notes.txt").write_text("untracked: not part of what was measured\n")
    assert checkout_commit(tmp_path) == head
    (tmp_path / "model.sql").write_text("select 2\n")
    assert checkout_commit(tmp_path) == f"{head}+changes"


def test_outside_a_checkout_the_commit_is_unknown(tmp_path: Path) -> None:
    assert checkout_commit(tmp_path) is None


def test_changes_in_the_results_folder_do_not_mark_the_commit(tmp_path: Path) -> None:
    # An earlier run's results, rewritten and not yet committed, are not what is measured.
    files = {"bench/results.md": "# an earlier run\n", "model.sql": "select 1\n"}
    head = _committed(tmp_path, files)

    (tmp_path / "bench" / "results.md").write_text("# another run\n")
    assert checkout_commit(tmp_path, leaving_out=tmp_path / "bench") == head
    assert checkout_commit(tmp_path) == f"{head}+changes"
    # A results folder outside the checkout leaves nothing out.
    assert checkout_commit(tmp_path, leaving_out=tmp_path.parent / "elsewhere") == f"{head}+changes"
    (tmp_path / "model.sql").write_text("select 2\n")
    assert checkout_commit(tmp_path, leaving_out=tmp_path / "bench") == f"{head}+changes"
