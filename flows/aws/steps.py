"""The aws target's steps: the S3 lake, Athena through dbt, the Glue job and the SNS topic.

Every name comes from the stack's outputs (flows/aws/stack.py). boto3 is imported only when a
step runs, so the local target never needs the aws extra.
"""

import datetime
from collections.abc import Mapping
from contextlib import AbstractContextManager
from pathlib import Path

from flows.aws import model as aws_model
from flows.aws.dashboard import keep_run_record
from flows.aws.run_lock import s3_run_lock
from flows.aws.s3_lake import S3Lake
from flows.aws.services import (
    aws_call,
    aws_client,
    publish_sns,
    run_glue_job,
    table_location,
    upload_file,
)
from flows.aws.stack import AwsStack, read_stack
from flows.pipeline.compaction import FILE_NAME, GLUE_SCRIPT, Compacted
from flows.pipeline.landing import LandingReport, accept_drop, land_drop, reject_drop
from flows.pipeline.notify import Notification
from flows.pipeline.release import Release, release
from flows.pipeline.settings import Settings
from flows.pipeline.steps import Steps
from flows.pipeline.tables import BUILT_TABLES, QUARANTINE_TABLE, count_rows
from flows.pipeline.transform import TransformError, dbt_build, run_dbt, why_dbt_stopped


def _stack(settings: Settings) -> AwsStack:
    if settings.stack is None:
        raise ValueError("the aws target needs the stack's outputs")
    return settings.stack


def read_target_stack(name: str) -> AwsStack:
    """The named stack's outputs, from CloudFormation in the environment's region."""
    with aws_call("cloudformation"):
        return read_stack(aws_client("cloudformation"), name)


def inbox(settings: Settings, date: datetime.date) -> str:
    return f"{_stack(settings).lake_uri}/input/{date.isoformat()}"


def land(settings: Settings, source: str | Path, date: datetime.date) -> LandingReport:
    """Check the drop's files and land them in the S3 lake's raw zone, then make sure the
    raw zone's Athena tables exist (partition projection reads new days by itself)."""
    stack = _stack(settings)
    with aws_call("s3"):
        lake = S3Lake(stack.bucket, "", aws_client("s3", stack.region))
        report = land_drop(source, lake, date, settings.drop_kind)
    settings.prepare_lake()
    completed = run_dbt(settings, "run-operation", "create_raw_tables")
    if completed.returncode != 0:
        said = why_dbt_stopped(completed.stdout)
        raise TransformError("creating the raw tables on Athena failed:\n" + "\n".join(said))
    return report


def publish(settings: Settings) -> Compacted:
    """Run the Glue job on result_table's files; it publishes them as one file."""
    stack = _stack(settings)
    with aws_call("s3"):
        # The job runs the script of this version of the pipeline, uploaded each run.
        upload_file(aws_client("s3", stack.region), GLUE_SCRIPT, stack.glue_script_uri)
    glue = aws_client("glue", stack.region)
    published = f"{stack.lake_uri}/sandbox/result_table"
    with aws_call("glue"):
        parts = table_location(glue, stack.athena_schema, "result_table")
        run_glue_job(
            glue,
            stack.glue_job_name,
            {"input_path": parts, "output_path": published, "file_name": FILE_NAME},
        )
    location = f"{published}/{FILE_NAME}"
    return Compacted(location=location, rows=count_rows(location))


def train(settings: Settings, published: Compacted, version: str) -> None:
    """Train in a SageMaker training job on channels in the lake; register the model."""
    stack = _stack(settings)
    with aws_call("s3"):
        channels = aws_model.write_channels(
            published.location, f"{stack.lake_uri}/models/{version}/channels"
        )
    with aws_call("sagemaker"):
        job = aws_model.train(stack, channels, version)
    with aws_call("s3"):
        aws_model.register(stack, aws_model.registry_for(stack), job, version)


def release_model(settings: Settings, version: str) -> Release:
    """Gate the model; if it passes, put it behind the stack's SageMaker endpoint."""
    stack = _stack(settings)

    def serve(passed: str) -> None:
        with aws_call("sagemaker"):
            aws_model.deploy(stack, passed)

    with aws_call("s3"):
        return release(aws_model.registry_for(stack), version, settings.gate, serve=serve)


def locate(settings: Settings) -> Mapping[str, str]:
    """Where the catalog says each reported table's files are."""
    stack = _stack(settings)
    glue = aws_client("glue", stack.region)
    with aws_call("glue"):
        return {
            table: table_location(glue, stack.athena_schema, table)
            for table in (*BUILT_TABLES, QUARANTINE_TABLE)
        }


def notify(settings: Settings, notification: Notification) -> str:
    """Publish to the topic, and keep the run's record in the lake for the dashboard."""
    stack = _stack(settings)
    with aws_call("s3"):
        key = keep_run_record(
            S3Lake(stack.bucket, "", aws_client("s3", stack.region)), notification
        )
    with aws_call("sns"):
        message_id = publish_sns(aws_client("sns", stack.region), stack.topic_arn, notification)
    return f"{stack.topic_arn} (message {message_id}; kept as s3://{stack.bucket}/{key})"


def lock(settings: Settings, date: datetime.date) -> AbstractContextManager[object]:
    """The S3 lake's run lease (flows/aws/run_lock.py)."""
    stack = _stack(settings)
    return s3_run_lock(aws_client("s3", stack.region), stack.bucket, date)


def reject(settings: Settings, date: datetime.date) -> str:
    """Move the date's drop out of the S3 raw zone (it failed the build)."""
    stack = _stack(settings)
    with aws_call("s3"):
        where = reject_drop(S3Lake(stack.bucket, "", aws_client("s3", stack.region)), date)
    return f"{stack.lake_uri}/{where}"


def accept(settings: Settings, date: datetime.date) -> None:
    stack = _stack(settings)
    with aws_call("s3"):
        accept_drop(S3Lake(stack.bucket, "", aws_client("s3", stack.region)), date)


AWS_STEPS = Steps(
    lock=lock,
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
