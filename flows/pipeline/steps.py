"""The steps of a daily run, as one interface with an implementation per target.

flows/local/steps.py and flows/aws/steps.py each fill it in; flows/daily/flow.py wraps an
implementation's steps as Prefect tasks. A run chooses its implementation once, by target
(flows/daily/run.py).
"""

import datetime
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from flows.pipeline.compaction import Compacted
from flows.pipeline.landing import LandingReport
from flows.pipeline.notify import Notification
from flows.pipeline.release import Release
from flows.pipeline.settings import Settings


@dataclass(frozen=True)
class Steps:
    """How each step runs on one target."""

    lock: Callable[[Settings, datetime.date], AbstractContextManager[object]]  # one run per lake
    inbox: Callable[[Settings, datetime.date], str]  # where a scheduled run finds the drop
    land: Callable[[Settings, str | Path, datetime.date], LandingReport]
    reject: Callable[[Settings, datetime.date], str]  # a landed drop out of raw/: where to
    accept: Callable[[Settings, datetime.date], None]  # built: drop the files it replaced
    build: Callable[[Settings], object]
    publish: Callable[[Settings], Compacted]
    train: Callable[[Settings, Compacted, str], None]  # registers the model as the version
    release: Callable[[Settings, str], Release]  # the quality gate, then deployment
    locate: Callable[[Settings], Mapping[str, str]]  # table -> its parquet files' location
    notify: Callable[[Settings, Notification], str]  # returns where the message went
