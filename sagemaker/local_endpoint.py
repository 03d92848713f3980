"""A local endpoint: SageMaker's hosting contract over HTTP, with inference.py's functions.

    python sagemaker/local_endpoint.py --registry lake/models [--port 8080]

`GET /ping` answers 200 once a model is loaded; `POST /invocations` scores the body with
input_fn, predict_fn and output_fn, as SageMaker's XGBoost container does. The model is the
registry's deployed one (<registry>/deployed.json names its version); a deploy or rollback
that rewrites that file is picked up by the next request, so the endpoint never restarts.
Binds to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from inference import Model, RequestError, input_fn, model_fn, output_fn, predict_fn

MAX_BODY = 5 * 1024 * 1024  # SageMaker's own limit for a real-time invocation payload


class DeployedModel:
    """The registry's deployed model, reloaded when deployed.json changes."""

    def __init__(self, registry: Path) -> None:
        self.pointer = registry / "deployed.json"
        self.registry = registry
        self._lock = threading.Lock()
        self._seen: int | None = None
        self._model: Model | None = None

    def get(self) -> Model | None:
        try:
            stamp = self.pointer.stat().st_mtime_ns
        except FileNotFoundError:
            return None
        with self._lock:
            if stamp != self._seen:
                version = json.loads(self.pointer.read_text())["version"]
                self._model = model_fn(str(self.registry / version / "model"))
                self._seen = stamp
            return self._model


def handler_for(deployed: DeployedModel) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: the API reuses its connections
        # Headers and body leave in two writes: with Nagle's algorithm the second one waits
        # for the client's delayed ACK, 40 ms a request.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:
            pass  # one line per request would drown a load test's output

        def _answer(self, status: HTTPStatus, body: str, content_type: str) -> None:
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path != "/ping":
                self._answer(HTTPStatus.NOT_FOUND, "not found\n", "text/plain")
            elif deployed.get() is None:
                self._answer(HTTPStatus.SERVICE_UNAVAILABLE, "no model deployed\n", "text/plain")
            else:
                self._answer(HTTPStatus.OK, "\n", "text/plain")

        def do_POST(self) -> None:
            if self.path != "/invocations":
                self._answer(HTTPStatus.NOT_FOUND, "not found\n", "text/plain")
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._answer(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "body too large\n", "text/plain")
                return
            body = self.rfile.read(length)
            model = deployed.get()
            if model is None:
                self._answer(HTTPStatus.SERVICE_UNAVAILABLE, "no model deployed\n", "text/plain")
                return
            try:
                rows = input_fn(body, self.headers.get("Content-Type", ""))
                answer, content_type = output_fn(
                    predict_fn(rows, model), self.headers.get("Accept", "")
                )
            except RequestError as error:
                self._answer(HTTPStatus.BAD_REQUEST, f"{error}\n", "text/plain")
                return
            self._answer(HTTPStatus.OK, answer, content_type)

    return Handler


class EndpointServer(ThreadingHTTPServer):
    daemon_threads = True  # a stuck client never holds the endpoint open at exit
    request_queue_size = 128  # the default 5 resets connections under a burst of requests


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Serve the deployed model locally.")
    parser.add_argument("--registry", type=Path, required=True, help="the lake's models/ folder")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    server = ThreadingHTTPServer(
        ("127.0.0.1", args.port), handler_for(DeployedModel(args.registry))
    )
    print(f"local endpoint on http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
