"""How `reorder bench` measures a stage: one process, its wall time, and the peak resident
memory and the CPU seconds of its whole process tree (dbt's, training's and Spark's JVM
included), sampled. CPU seconds over wall seconds is how many cores the stage kept busy: once
that is every core of the machine, only less work makes the stage faster.

A program stage runs to its end (`measure`); a server stage runs while the benchmark drives
load at it and is then stopped, whatever happened (`measure_server`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from flows.pipeline.children import tied_to_this_process

if TYPE_CHECKING:
    import psutil

SAMPLE_SECONDS = 0.05
STOP_SECONDS = 15  # a stopped server gets this long to exit before it is killed
# Spark binds to the machine's address unless told otherwise; the benchmark stays local.
ENVIRONMENT = {"SPARK_LOCAL_IP": "127.0.0.1"}

# Called at every sample: seconds since the stage started, peak bytes so far.
Watch = Callable[[float, int], None]


class BenchError(RuntimeError):
    """A stage failed, or a baseline's tables differ from the pipeline's."""


@dataclass(frozen=True)
class Measured:
    stage: str
    seconds: float
    peak_bytes: int
    cpu_seconds: float = 0.0  # user and system, the tree's processes summed
    detail: dict = field(default_factory=dict)  # what the stage reported of itself

    @property
    def cores_busy(self) -> float:
        return self.cpu_seconds / self.seconds if self.seconds > 0 else 0.0


def _tree(pid: int) -> list[psutil.Process]:
    import psutil

    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


class _Sampler:
    """The peak resident bytes of one process tree, the CPU seconds each of its processes
    was last seen to have used, and every descendant seen in it (to stop them even once
    their parent is gone and they are no longer its children). A process's last sampling
    interval of CPU, and a process shorter than one, are missed: a Spark JVM is never waited
    for by its parent, so the kernel's account of waited children would miss it whole."""

    def __init__(self, pid: int, watch: Watch | None) -> None:
        self.pid = pid
        self.watch = watch
        self.started = time.perf_counter()
        self.peak = 0
        self.cpu: dict[int, float] = {}
        self.seen: dict[int, psutil.Process] = {}

    def measured(self, stage: str, seconds: float, detail: dict) -> Measured:
        """What was sampled, as the stage's measurement."""
        cpu_seconds = sum(self.cpu.values())
        return Measured(stage, round(seconds, 2), self.peak, round(cpu_seconds, 2), detail)

    def _sample(self, processes: list[psutil.Process]) -> int:
        """The tree's resident bytes now; each process's CPU seconds so far noted."""
        import psutil

        total = 0
        for process in processes:
            try:
                with process.oneshot():
                    total += process.memory_info().rss
                    used = process.cpu_times()
            except psutil.NoSuchProcess:
                continue
            self.cpu[process.pid] = used.user + used.system  # its own, not its children's
        return total

    def run_while(self, running: Callable[[], bool]) -> None:
        while running():
            processes = _tree(self.pid)
            self.seen.update((process.pid, process) for process in processes[1:])
            self.peak = max(self.peak, self._sample(processes))
            if self.watch is not None:
                self.watch(time.perf_counter() - self.started, self.peak)
            time.sleep(SAMPLE_SECONDS)

    def stop(self, process: subprocess.Popen) -> None:
        """Terminate the root, then kill the descendants seen that outlive it."""
        import psutil

        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        # psutil refuses to signal a process whose pid was reused by another since.
        _, alive = psutil.wait_procs(list(self.seen.values()), timeout=STOP_SECONDS)
        for child in alive:
            try:
                child.kill()
            except psutil.NoSuchProcess:
                continue


def measure(
    stage: str, code: str, arguments: list[str], watch: Watch | None = None,
    cwd: Path | None = None,
) -> Measured:  # fmt: skip
    """Run `code` in a fresh Python with `arguments` (in `cwd`, or this directory); its last
    stdout line, JSON, is its detail. Wall time and the peak of the process tree's resident
    memory, sampled."""
    measured, said = measure_command(stage, [sys.executable, "-c", code, *arguments], watch, cwd)
    return replace(measured, detail=json.loads(said[-1]) if said else {})


def measure_command(
    stage: str, command: list[str], watch: Watch | None = None, cwd: Path | None = None
) -> tuple[Measured, list[str]]:
    """Run `command` (in `cwd`, or this directory) as a user would; returns what was
    measured, with no detail, and the lines it wrote to stdout."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            tied_to_this_process(command),
            stdout=out, stderr=err, env={**os.environ, **ENVIRONMENT}, cwd=cwd,
        )  # fmt: skip
        sampler = _Sampler(process.pid, watch)
        try:
            sampler.run_while(lambda: process.poll() is None)
        except BaseException:  # interrupted: nothing of the stage goes on running
            sampler.stop(process)
            raise
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        said, errors = out.read().strip().splitlines(), err.read()
    if process.returncode != 0:
        raise BenchError(f"{stage} failed (exit {process.returncode}):\n{errors[-2000:]}")
    return sampler.measured(stage, seconds, {}), said


def measure_server(
    stage: str,
    command: list[str],
    drive: Callable[[Callable[[], bool]], dict],
    watch: Watch | None = None,
    environment: dict[str, str] | None = None,
) -> Measured:
    """Start the server `command`, call `drive(alive)` in a thread while its tree is sampled,
    then stop it and its children in every case. The wall time runs from the start to the
    end of `drive`, whose dict is the detail."""
    with tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        # A file, not a pipe: a pipe nobody reads would block the server once full.
        process = subprocess.Popen(
            tied_to_this_process(command), stdout=subprocess.DEVNULL, stderr=err,
            env=environment or {**os.environ, **ENVIRONMENT},
        )  # fmt: skip
        sampler = _Sampler(process.pid, watch)
        try:
            with ThreadPoolExecutor(max_workers=1) as pool:
                driving = pool.submit(drive, lambda: process.poll() is None)
                try:
                    sampler.run_while(lambda: not driving.done())
                except BaseException:  # interrupted: a stopped server ends the driver
                    sampler.stop(process)
                    raise
                seconds = time.perf_counter() - started
                exited = process.poll()
                try:
                    detail = driving.result()
                except BenchError as error:
                    err.seek(0)
                    raise BenchError(f"{stage}: {error}\n{err.read()[-2000:]}") from None
        finally:
            sampler.stop(process)
    if exited is not None:
        raise BenchError(f"{stage}: the server exited (status {exited}) while under load")
    # The load's clients are this process: the server's tree alone is counted.
    return sampler.measured(stage, seconds, detail)
