"""`reorder dashboard`: the analyst dashboard of a local lake, built into <lake>/dashboard/
and served on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flows.dashboard.build import Dashboard, build_dashboard
from flows.dashboard.export import local_marts, read_notifications
from flows.local.outbox import OUTBOX
from flows.pipeline.lake import LocalLake
from flows.pipeline.registry import Registry

HOST = "127.0.0.1"


def dashboard_folder(lake: Path) -> Path:
    return lake / "dashboard"


def build_local_dashboard(lake: Path) -> Dashboard:
    """The dashboard of the lake's marts, registry and outbox, in <lake>/dashboard/."""
    return build_dashboard(
        local_marts(lake),
        Registry(LocalLake(lake)),
        read_notifications(lake / OUTBOX),
        dashboard_folder(lake),
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # a request log per chart file would drown the command's own output


def site_server(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    """A server of a built site's folder on 127.0.0.1:port (port 0: a free one)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    return http.server.ThreadingHTTPServer((HOST, port), handler)


@contextmanager
def serving(site: Path) -> Iterator[str]:
    """The site served from a thread on a free port of 127.0.0.1, while the block runs;
    yields its URL (for the benchmark's and the tests' browser)."""
    server = site_server(site, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
