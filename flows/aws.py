"""The AWS implementations of the publish and notify steps: the Glue job and the SNS topic.

boto3 clients are passed in, so that the caller decides credentials and endpoints once.
Errors from AWS are raised as they are (the flow retries the transient ones); a Glue run
that ends in failure or takes too long raises CompactionError naming the job and reason.
"""

import json
import time
from collections.abc import Callable
from typing import Any

from flows.compact import CompactionError
from flows.notify import Notification

GLUE_DONE = {"SUCCEEDED"}
GLUE_FAILED = {"FAILED", "ERROR", "TIMEOUT", "STOPPED", "EXPIRED"}
SNS_SUBJECT_LIMIT = 100  # SNS refuses longer e-mail subjects


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
