"""The local target's steps: a lake folder, DuckDB through dbt, a local compactor, training
in a subprocess, the registry in the lake, the outbox file."""

import datetime
import shutil
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path

from flows.local.compaction import compact
from flows.local.outbox import send_local
from flows.local.run_lock import local_run_lock
from flows.local.training import train_locally
from flows.pipeline.compaction import Compacted
from flows.pipeline.lake import LocalLake
from flows.pipeline.landing import LandingReport, accept_drop, land_drop, reject_drop
from flows.pipeline.notify import Notification
from flows.pipeline.registry import ZONE, Registry
from flows.pipeline.release import Release, release
from flows.pipeline.settings import Settings
from flows.pipeline.steps import Steps
from flows.pipeline.tables import local_locations
from flows.pipeline.transform import dbt_build


def inbox(settings: Settings, date: datetime.date) -> str:
    return str(settings.lake / "input" / date.isoformat())


def land(settings: Settings, source: str | Path, date: datetime.date) -> LandingReport:
    """Check the drop's files and land them in the lake folder's raw zone."""
    settings.prepare_lake()
    return land_drop(source, LocalLake(settings.lake), date, settings.drop_kind)


def reject(settings: Settings, date: datetime.date) -> str:
    """Move the date's drop out of the raw zone (it failed the build)."""
    return str(settings.lake / reject_drop(LocalLake(settings.lake), date))


def accept(settings: Settings, date: datetime.date) -> None:
    accept_drop(LocalLake(settings.lake), date)


def publish(settings: Settings) -> Compacted:
    return compact(settings, settings.compactor)


def _registry(settings: Settings) -> Registry:
    return Registry(LocalLake(settings.lake))


def train(settings: Settings, published: Compacted, version: str) -> None:
    """Train with sagemaker/train.py in a subprocess and register the model."""
    work = settings.lake / ZONE / ".training" / version
    shutil.rmtree(work.parent, ignore_errors=True)  # what a killed run left (runs take a lock)
    try:
        trained = train_locally(published.location, work)
        _registry(settings).add(version, trained.model_dir, trained.report)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        with suppress(OSError):
            work.parent.rmdir()  # once no other training is under way


def release_model(settings: Settings, version: str) -> Release:
    """Gate the model; if it passes, deploy it (the local endpoint follows the registry)."""
    return release(_registry(settings), version, settings.gate)


def locate(settings: Settings) -> Mapping[str, str]:
    return local_locations(settings.lake)


def notify(settings: Settings, notification: Notification) -> str:
    return str(send_local(settings, notification))


LOCAL_STEPS = Steps(
    lock=lambda settings, date: local_run_lock(settings.lake, date),
    inbox=inbox,
    land=land,
    reject=reject,
    accept=accept,
    build=dbt_build,
    publish=publish,
    train=train,
    release=release_model,
    locate=locate,
    notify=notify,
)
