"""`dbt build` in the daily flow, each dbt node reported as a task run of the flow run.

prefect-dbt's runner runs every node as a Prefect task in a thread of its own, and every
such thread builds Prefect's settings (its TOML files and environment) and an HTTP client
with a fresh TLS context again, as does every dbt log line without a node: on 154 nodes
that was most of the flow's extra time (docs/performance.md). Here dbt runs once, in this
process, and one reporter thread with one client records what dbt says of each node:
a task run in Running when dbt starts the node, with the upstream nodes' task runs as its
inputs (the flow run's graph), then Completed, Failed or Cancelled (skipped) with dbt's
message when it finishes. dbt is never held up by the API: its callback only
puts the event on a queue.
"""

from __future__ import annotations

import json
import queue
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dbt_common.events.base_types import EventMsg
from prefect import Task
from prefect.client.orchestration import get_client
from prefect.client.schemas.objects import TaskRunResult
from prefect.states import Cancelled, Completed, Failed, Running, State

FAILED = {"error", "fail", "runtime error"}
SKIPPED = {"skipped"}


@dataclass(frozen=True)
class NodeEvent:
    kind: str  # "start" or "finish"
    unique_id: str
    name: str
    resource_type: str
    status: str = ""
    message: str = ""


def node_event(event: EventMsg) -> NodeEvent | None:
    """What the reporter needs of a dbt event: a node starting or finishing, else None."""
    kind = {"NodeStart": "start", "NodeFinished": "finish"}.get(event.info.name)
    if kind is None:
        return None
    node = event.data.node_info
    message = ""
    if kind == "finish" and event.data.HasField("run_result"):
        message = event.data.run_result.message
    return NodeEvent(
        kind=kind,
        unique_id=node.unique_id,
        name=node.node_name,
        resource_type=node.resource_type,
        status=node.node_status,
        message=message,
    )


def final_state(event: NodeEvent) -> State:
    message = event.message or event.status
    if event.status in FAILED:
        return Failed(message=message)
    if event.status in SKIPPED:
        return Cancelled(message=f"skipped: {message}")
    return Completed(message=message)


class NodeReporter:
    """Task runs of `flow_run_id` for the dbt nodes it hears of, written from one thread
    with one client; each lists its parents' task runs (from dbt's `manifest`) as inputs."""

    def __init__(self, flow_run_id: uuid.UUID, manifest: Path) -> None:
        self.flow_run_id = flow_run_id
        self.manifest = manifest
        self.events: queue.Queue[NodeEvent | None] = queue.Queue()
        self.task_runs: dict[str, uuid.UUID] = {}
        self.errors: list[str] = []  # reporting problems: never a reason to fail the build
        self._tasks: dict[str, Task] = {}
        self._parents: dict[str, list[str]] | None = None
        self._thread = threading.Thread(target=self._report, name="dbt-node-reporter")

    def callback(self, event: EventMsg) -> None:
        """dbt's callback: queue the node events, nothing else."""
        found = node_event(event)
        if found is not None:
            self.events.put(found)

    def _task(self, resource_type: str) -> Task:
        # One Task per kind of node: its name is the task key the UI groups runs by.
        if resource_type not in self._tasks:
            self._tasks[resource_type] = Task(fn=_dbt_node, name=f"dbt {resource_type}")
        return self._tasks[resource_type]

    def _inputs(self, unique_id: str) -> dict[str, list[Any]]:
        if self._parents is None:  # written by dbt's parse, before any node starts
            nodes = json.loads(self.manifest.read_text())
            self._parents = {
                key: list(node.get("depends_on", {}).get("nodes", []))
                for section in ("nodes", "unit_tests")
                for key, node in nodes.get(section, {}).items()
            }
        upstream = [
            TaskRunResult(id=self.task_runs[parent])
            for parent in self._parents.get(unique_id, [])
            if parent in self.task_runs
        ]
        return {"upstream": upstream} if upstream else {}

    def _report(self) -> None:
        with get_client(sync_client=True) as client:
            while (event := self.events.get()) is not None:
                try:
                    if event.kind == "start":
                        run = client.create_task_run(
                            task=self._task(event.resource_type),
                            flow_run_id=self.flow_run_id,
                            dynamic_key=event.unique_id,
                            name=f"{event.resource_type} {event.name}",
                            state=Running(),
                            task_inputs=self._inputs(event.unique_id),
                        )
                        self.task_runs[event.unique_id] = run.id
                    elif event.unique_id in self.task_runs:
                        client.set_task_run_state(
                            self.task_runs[event.unique_id], final_state(event), force=True
                        )
                except Exception as error:  # the API's trouble is not the build's
                    self.errors.append(f"{event.unique_id}: {error}")

    @contextmanager
    def running(self) -> Iterator[NodeReporter]:
        """Report while the block runs; every queued event is written before it returns."""
        self._thread.start()
        try:
            yield self
        finally:
            self.events.put(None)
            self._thread.join()


def _dbt_node() -> None:
    """What a node's task would run: dbt runs the node itself, this only names the task."""
