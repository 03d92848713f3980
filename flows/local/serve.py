"""`reorder serve`: the local endpoint and the API with its page, over one local lake.

The endpoint (sagemaker/local_endpoint.py) runs as a child process on a free port of
127.0.0.1 and follows the registry's deployed model; the API runs in this process under
uvicorn and calls it. Both stop together.

The API's policy comes from the REORDER_* variables (api/policy.py); by default nothing from
127.0.0.1 is rate limited, so the page and a load test run unthrottled. POST /admin/rollback
rolls the lake's registry back, as `reorder model rollback` does: the local endpoint follows.
"""

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from api.admin import RollbackError
from api.app import Services, create_app
from api.catalog import Catalog
from api.deployed import Registry
from api.endpoint import LocalEndpoint
from api.features import FeatureStore
from api.policy import ApiPolicy, PolicyError
from flows.pipeline.compaction import PUBLISHED
from flows.pipeline.lake import LocalLake
from flows.pipeline.registry import Registry as ModelRegistry
from flows.pipeline.registry import RegistryError
from flows.pipeline.settings import PROJECT_DIR

ENDPOINT_SCRIPT = PROJECT_DIR / "sagemaker" / "local_endpoint.py"
WEB_DIR = PROJECT_DIR / "web"
CATALOG = "sandbox/product_catalog"
HOST = "127.0.0.1"


class ServeError(RuntimeError):
    """What is needed to serve is missing."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@contextmanager
def local_endpoint(registry: Path, port: int | None = None) -> Iterator[str]:
    """The local endpoint as a child process; yields its URL once it accepts connections."""
    port = port or free_port()
    process = subprocess.Popen(
        [sys.executable, str(ENDPOINT_SCRIPT), "--registry", str(registry), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection((HOST, port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    said = process.stderr.read() if process.stderr else ""
                    raise ServeError(f"the local endpoint did not start:\n{said}") from None
                time.sleep(0.1)
        yield f"http://{HOST}:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def rollback_for(lake: Path) -> Callable[[], str]:
    """Deploy the previous model again in the local lake's registry; its version."""
    registry = ModelRegistry(LocalLake(lake))

    def rollback() -> str:
        try:
            return registry.rollback().version
        except RegistryError as error:
            raise RollbackError(str(error)) from None

    return rollback


def services_for(lake: Path, endpoint_url: str) -> Services:
    published = lake / PUBLISHED
    if not published.is_file():
        raise ServeError(f"nothing published in {lake}: run `reorder run` first")
    catalog = lake / CATALOG
    return Services(
        store=FeatureStore(str(published)),
        catalog=Catalog(str(catalog) if catalog.is_dir() else None),
        registry=Registry(str(lake)),
        endpoint=LocalEndpoint(endpoint_url),
        rollback=rollback_for(lake),
    )


def _exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def serve(lake: Path, port: int = 8000) -> None:
    """Serve the API and the page on 127.0.0.1:`port` until interrupted or terminated."""
    import uvicorn

    lake = lake.resolve()
    try:
        policy = ApiPolicy.from_environment()
    except PolicyError as error:
        raise ServeError(str(error)) from None
    # uvicorn shuts down on SIGTERM and then raises it again: with this handler in place
    # that unwinds through `local_endpoint`, which stops the endpoint too.
    signal.signal(signal.SIGTERM, _exit)
    with local_endpoint(lake / "models") as endpoint_url:
        app = create_app(services_for(lake, endpoint_url), web_dir=WEB_DIR, policy=policy)
        uvicorn.run(app, host=HOST, port=port, log_level="warning")
