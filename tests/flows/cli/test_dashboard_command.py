"""`reorder dashboard`: built from a lake into <lake>/dashboard/, served on 127.0.0.1; a
lake whose marts were never built is told what to run."""

import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from flows.cli.main import main
from flows.dashboard.pages import PAGES
from flows.local.serve import free_port


@pytest.fixture
def lake(trained_lake: Path, tmp_path: Path) -> Path:
    """What the dashboard reads of the trained lake, copied so it can be written to."""
    copy = tmp_path / "lake"
    for zone in ("marts", "models", "outbox"):
        shutil.copytree(trained_lake / zone, copy / zone)
    return copy


def test_dashboard_builds_every_page_into_the_lake(
    lake: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dashboard", "--lake", str(lake), "--no-serve"]) == 0
    assert "built the dashboard in" in capsys.readouterr().err
    site = lake / "dashboard" / "site"
    assert sorted(path.name for path in site.iterdir()) == sorted(
        [*(f"{page.slug}.html" for page in PAGES), "vega.js"]
    )
    assert (lake / "dashboard" / "dashboard.duckdb").is_file()


def test_a_lake_without_marts_is_told_to_build_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dashboard", "--lake", str(tmp_path), "--no-serve"]) == 1
    said = capsys.readouterr().err
    assert "no parquet files for the marts dashboard_kpis" in said
    assert "reorder run" in said


def test_dashboard_serves_the_site_on_127_0_0_1(lake: Path, tmp_path: Path) -> None:
    port = free_port()
    log = (tmp_path / "stderr.txt").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "dashboard", "--lake", str(lake), "--port", str(port)],
        stderr=log,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    index = answer.read().decode()
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "stderr.txt").read_text()
                assert time.monotonic() < deadline, "the dashboard did not answer in 60 s"
                time.sleep(0.2)
        assert "<h1>Reorder behaviour</h1>" in index
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/vega.js", timeout=5) as answer:
            assert answer.headers["Content-Type"] == "text/javascript"
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert (
        f"serving the dashboard on http://127.0.0.1:{port}" in (tmp_path / "stderr.txt").read_text()
    )


def test_serving_without_a_build_needs_one_built_before(
    lake: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dashboard", "--lake", str(lake), "--no-build", "--no-serve"]) == 1
    assert "no dashboard built in" in capsys.readouterr().err
    assert main(["dashboard", "--lake", str(lake), "--no-serve"]) == 0
    assert main(["dashboard", "--lake", str(lake), "--no-build", "--no-serve"]) == 0
