"""Calls to AWS services that the aws target's steps make: clients, errors, the Glue job,
the Glue catalog, S3 uploads and the SNS topic.

boto3 clients are passed in, so that the caller decides credentials and endpoints once.
A failed call is raised as AwsError naming the service, the operation and the reason, and
saying whether trying again may help (the flow retries only those); a Glue run that ends in
failure or takes too long raises CompactionError naming the job and the reason.
"""

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flows.pipeline.compaction import CompactionError
from flows.pipeline.notify import Notification
from flows.pipeline.retry import is_transient

GLUE_DONE = {"SUCCEEDED"}
GLUE_FAILED = {"FAILED", "ERROR", "TIMEOUT", "STOPPED", "EXPIRED"}
SNS_SUBJECT_LIMIT = 100  # SNS refuses longer e-mail subjects


class AwsError(RuntimeError):
    """An AWS call failed; `transient` when trying again later may succeed."""

    def __init__(self, message: str, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient

    def __reduce__(self) -> tuple:  # keep `transient` when Prefect pickles a failed state
        return (type(self), (str(self), self.transient))


@contextmanager
def aws_call(service: str) -> Iterator[None]:
    """Raise a failed call to `service` as AwsError naming the service and the reason."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        yield
    except ClientError as error:
        detail = error.response.get("Error", {})
        raise AwsError(
            f"{service} {error.operation_name} failed: "
            f"{detail.get('Code', 'error')}: {detail.get('Message', '')}".rstrip(": "),
            transient=is_transient(error),
        ) from error
    except BotoCoreError as error:
        raise AwsError(f"{service} failed: {error}", transient=is_transient(error)) from error


def aws_client(service: str, region: str | None = None) -> Any:
    """A boto3 client from the environment's credentials, retrying throttled calls itself
    a few times before the error reaches the flow."""
    import boto3  # only the aws extra installs boto3
    from botocore.config import Config

    return boto3.client(service, region_name=region, config=Config(retries={"mode": "standard"}))


def split_s3_uri(uri: str) -> tuple[str, str]:
    """s3://bucket/key -> (bucket, key)."""
    bucket, _, key = uri.removeprefix("s3://").partition("/")
    return bucket, key


def upload_file(s3: Any, path: Path, uri: str) -> None:
    """Put a local file at an s3:// URL (one object, replaced whole)."""
    bucket, key = split_s3_uri(uri)
    s3.upload_file(str(path), bucket, key)


def table_location(glue: Any, database: str, table: str) -> str:
    """Where a catalog table's files are (dbt-athena moves a table on every build)."""
    found = glue.get_table(DatabaseName=database, Name=table)["Table"]
    return found["StorageDescriptor"]["Location"].rstrip("/")


def run_glue_job(
    glue: Any,
    job_name: str,
    arguments: dict[str, str],
    timeout_seconds: float = 1800,
    poll_seconds: float = 10,
    sleep: Callable[[float], None] = time.sleep,
) -> str:
    """Start the Glue job with `--name value` arguments and wait for it; return the run id."""
    run_id = glue.start_job_run(
        JobName=job_name, Arguments={f"--{name}": value for name, value in arguments.items()}
    )["JobRunId"]
    waited = 0.0
    while True:
        run = glue.get_job_run(JobName=job_name, RunId=run_id)["JobRun"]
        state = run["JobRunState"]
        if state in GLUE_DONE:
            return run_id
        if state in GLUE_FAILED:
            reason = run.get("ErrorMessage") or state
            raise CompactionError(f"Glue job {job_name} run {run_id} ended {state}: {reason}")
        if waited >= timeout_seconds:
            glue.batch_stop_job_run(JobName=job_name, JobRunIds=[run_id])
            raise CompactionError(
                f"Glue job {job_name} run {run_id} still {state} after {timeout_seconds:.0f} s; "
                "stopped"
            )
        sleep(poll_seconds)
        waited += poll_seconds


def _model_line(model: dict | None) -> str:
    if model is None:
        return "model: none trained in this run"
    verdict = "deployed" if model["deployed"] else "NOT deployed"
    return (
        f"model {model['version']}: ROC AUC {model['metrics']['roc_auc']:.4f}, "
        f"{verdict} ({model['gate']}); serving {model['serving'] or 'nothing'}"
    )


def publish_sns(sns: Any, topic_arn: str, notification: Notification) -> str:
    """Publish to the topic: a subject and text a person reads, attributes for machines."""
    body = notification.body
    text = "\n".join(
        [
            notification.subject,
            "",
            f"run {body['run_id']} for {body['date']}",
            f"published: {body['published']} ({body['published_rows']:,} rows)",
            "rows per table: "
            + ", ".join(f"{t} {n:,}" for t, n in body.get("built_rows", {}).items()),
            "quarantined: "
            + (
                "; ".join(
                    f"{table}: " + ", ".join(f"{rule} {n:,}" for rule, n in rules.items())
                    for table, rules in body["quarantined_rows"].items()
                )
                or "nothing"
            ),
            _model_line(body.get("model")),
            "seconds: " + ", ".join(f"{s} {v:.1f}" for s, v in body["seconds"].items()),
            "",
            json.dumps(body, sort_keys=True),
        ]
    )
    attributes = {
        "run_id": {"DataType": "String", "StringValue": body["run_id"]},
        "date": {"DataType": "String", "StringValue": body["date"]},
        "published_rows": {"DataType": "Number", "StringValue": str(body["published_rows"])},
    }
    return sns.publish(
        TopicArn=topic_arn,
        Subject=notification.subject[:SNS_SUBJECT_LIMIT],
        Message=text,
        MessageAttributes=attributes,
    )["MessageId"]
