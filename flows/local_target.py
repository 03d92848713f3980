"""The local target's steps: a lake folder, DuckDB through dbt, a local compactor, the outbox."""

import datetime
from collections.abc import Mapping
from pathlib import Path

from flows.compact import Compacted, compact
from flows.lake import LocalLake
from flows.landing import LandingReport, land_drop
from flows.notify import Notification, send_local
from flows.settings import Settings
from flows.steps import Steps
from flows.tables import local_locations
from flows.transform import dbt_build


def inbox(settings: Settings, date: datetime.date) -> str:
    return str(settings.lake / "input" / date.isoformat())


def land(settings: Settings, source: str | Path, date: datetime.date) -> LandingReport:
    """Check the drop's files and land them in the lake folder's raw zone."""
    settings.prepare_lake()
    return land_drop(source, LocalLake(settings.lake), date)


def publish(settings: Settings) -> Compacted:
    return compact(settings, settings.compactor)


def locate(settings: Settings) -> Mapping[str, str]:
    return local_locations(settings.lake)


def notify(settings: Settings, notification: Notification) -> str:
    return str(send_local(settings, notification))


LOCAL_STEPS = Steps(
    inbox=inbox, land=land, build=dbt_build, publish=publish, locate=locate, notify=notify
)
