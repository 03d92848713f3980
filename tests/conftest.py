"""Fixtures shared across the test folders."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Debian's Chromium, which `make bootstrap` installs (playwright cannot download one here).
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Headless Chromium through playwright, for the page's and the dashboard's tests."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect server for the whole session (it takes seconds to start)."""
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness():
        yield


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """One moto server on 127.0.0.1 for the session, stopped at its end."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def _point_boto3_at(endpoint: str, folder: Path, patch: pytest.MonkeyPatch) -> None:
    # A fresh default session: every boto3 client is made from these variables.
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_CONFIG_FILE": str(folder / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(folder / "no-aws-credentials"),
    }.items():
        patch.setenv(name, value)
    patch.delenv("AWS_PROFILE", raising=False)
    import boto3

    patch.setattr(boto3, "DEFAULT_SESSION", None)


@pytest.fixture
def fake_aws(moto_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every boto3 client made in the test talks to the moto server with fake credentials
    and ignores the user's AWS configuration; returns the endpoint."""
    _point_boto3_at(moto_endpoint, tmp_path, monkeypatch)
    return moto_endpoint


@pytest.fixture(scope="module")
def fake_aws_for_module(
    moto_endpoint: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """`fake_aws` for every test of a module (for state built once and then checked)."""
    with pytest.MonkeyPatch.context() as patch:
        _point_boto3_at(moto_endpoint, tmp_path_factory.mktemp("aws"), patch)
        yield moto_endpoint


@pytest.fixture(scope="session")
def trained_lake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A lake after one plain daily run (no Prefect) on 1,500 generated users: the published
    result_table and a trained, deployed model. Read-only: copy it to change it."""
    import datetime

    from datagen.generate import DropSpec, generate_drop
    from flows.daily.run import run_daily
    from flows.pipeline.settings import Settings

    drop = tmp_path_factory.mktemp("trained-drop")
    generate_drop(DropSpec(users=1500, products=3000, seed=3), drop)
    lake = tmp_path_factory.mktemp("trained-lake")
    run_daily(Settings(lake=lake), drop, datetime.date(2026, 11, 25))
    return lake


@pytest.fixture(scope="session")
def served(trained_lake: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`reorder serve` over the trained lake, on a free port of 127.0.0.1; yields its URL."""
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    from flows.local.serve import free_port

    port = free_port()
    # A file, not a pipe: a pipe nobody reads would block the server once full.
    said = tmp_path_factory.mktemp("serve") / "stderr.txt"
    log = said.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", "--lake", str(trained_lake),
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=log,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/health", timeout=1)
                break
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None, said.read_text()
                assert time.monotonic() < deadline, "reorder serve did not answer in 60 s"
                time.sleep(0.2)
        yield url
    finally:
        import psutil

        children = psutil.Process(process.pid).children(recursive=True)
        process.terminate()
        process.wait(timeout=15)
        log.close()
        # Stopping `reorder serve` stops its endpoint too: nothing is left running.
        _, alive = psutil.wait_procs(children, timeout=15)
        assert children and not alive, f"left running: {alive}"


@pytest.fixture(scope="session")
def lambda_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The API's Lambda package, built once (uv installs the pinned manylinux2014 wheels)."""
    from flows.aws.api_package import build_package

    return build_package(tmp_path_factory.mktemp("lambda-package") / "api.zip")
