"""A daily run on a named target: its steps chosen once, then the pipeline run with them."""

import datetime
from pathlib import Path

from flows.pipeline.run import RunSummary, run_pipeline
from flows.pipeline.settings import Settings
from flows.pipeline.steps import Steps


def steps_for(target: str) -> Steps:
    """The implementation of every step on `target` (local or aws). Only that target's module
    is imported: a local run has no use for the AWS clients and their data libraries."""
    if target == "local":
        from flows.local.steps import LOCAL_STEPS

        return LOCAL_STEPS
    if target == "aws":
        from flows.aws.steps import AWS_STEPS

        return AWS_STEPS
    raise ValueError(f"unknown target {target!r}: local or aws")


def run_daily(
    settings: Settings, source: str | Path, date: datetime.date, steps: Steps | None = None
) -> RunSummary:
    """One daily run of `source` as the drop of `date` (flows/pipeline/run.py says what it
    does), with the settings' target's steps unless given (flows/daily/flow.py passes them
    as Prefect tasks)."""
    return run_pipeline(settings, source, date, steps or steps_for(settings.target))
