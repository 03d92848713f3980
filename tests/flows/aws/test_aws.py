"""The AWS steps against a moto server on 127.0.0.1: the Glue job run and the SNS message.

moto records a Glue job run but does not execute its script (CI runs the script itself on
local PySpark, tests/flows/local/test_compaction.py); here the calls and their polling are
checked.
"""

import json
from typing import Any

import pytest

from flows.aws.services import publish_sns, run_glue_job
from flows.pipeline.compaction import CompactionError
from flows.pipeline.notify import Notification


@pytest.fixture
def aws(fake_aws: str) -> Any:
    import boto3

    return boto3.session.Session(region_name="us-east-1")


NOTIFICATION = Notification(
    subject="reorder: result_table for 2026-11-25 published (1,234 rows)",
    body={
        "run_id": "abc123",
        "date": "2026-11-25",
        "published": "s3://lake/sandbox/result_table/result_table.parquet",
        "published_rows": 1234,
        "built_rows": {"result_table": 1234},
        "quarantined_rows": {"orders": {"eval_set_unknown": 2}},
        "seconds": {"land": 1.0, "dbt_build": 70.0, "compact": 9.0},
    },
)


def test_sns_message_reads_for_a_person_and_carries_attributes_for_machines(aws: Any) -> None:
    sns, sqs = aws.client("sns"), aws.client("sqs")
    # Names of this test's own: the moto server is shared by the whole session.
    topic = sns.create_topic(Name="test-aws-notifications")["TopicArn"]
    queue = sqs.create_queue(QueueName="test-aws-data-scientists")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn)

    publish_sns(sns, topic, NOTIFICATION)

    [message] = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10)["Messages"]
    envelope = json.loads(message["Body"])
    assert envelope["Subject"] == NOTIFICATION.subject
    assert "orders: eval_set_unknown 2" in envelope["Message"]
    assert "published: s3://lake/sandbox/result_table/result_table.parquet" in envelope["Message"]
    attributes = envelope["MessageAttributes"]
    assert attributes["run_id"]["Value"] == "abc123"
    assert attributes["published_rows"] == {"Type": "Number", "Value": "1234"}
    sns.delete_topic(TopicArn=topic)
    sqs.delete_queue(QueueUrl=queue)


def test_glue_job_run_is_started_with_glue_style_arguments_and_awaited(aws: Any) -> None:
    glue = aws.client("glue")
    glue.create_job(
        Name="test-aws-compact-result",
        Role="arn:aws:iam::123456789012:role/glue",
        Command={"Name": "glueetl", "ScriptLocation": "s3://lake/code/compact_result.py"},
        GlueVersion="5.0",
    )
    run_id = run_glue_job(
        glue, "test-aws-compact-result", {"input_path": "s3://lake/parts"}, poll_seconds=0,
        sleep=lambda _: None,
    )  # fmt: skip
    run = glue.get_job_run(JobName="test-aws-compact-result", RunId=run_id)["JobRun"]
    assert run["Arguments"] == {"--input_path": "s3://lake/parts"}
    glue.delete_job(JobName="test-aws-compact-result")


class FakeGlue:
    """A Glue client whose run goes through the given states."""

    def __init__(self, states: list[str], error: str | None = None) -> None:
        self.states, self.error, self.stopped = states, error, False

    def start_job_run(self, **_: Any) -> dict:
        return {"JobRunId": "jr_1"}

    def get_job_run(self, **_: Any) -> dict:
        state = self.states.pop(0) if len(self.states) > 1 else self.states[0]
        return {"JobRun": {"JobRunState": state, "ErrorMessage": self.error}}

    def batch_stop_job_run(self, **_: Any) -> None:
        self.stopped = True


def test_a_failed_glue_run_names_the_job_and_the_reason() -> None:
    glue = FakeGlue(["RUNNING", "FAILED"], error="AnalysisException: path does not exist")
    with pytest.raises(CompactionError, match="reorder-compact-result run jr_1 ended FAILED"):
        run_glue_job(glue, "reorder-compact-result", {}, poll_seconds=1, sleep=lambda _: None)


def test_a_glue_run_past_its_timeout_is_stopped() -> None:
    glue = FakeGlue(["RUNNING"])
    with pytest.raises(CompactionError, match="still RUNNING after 30 s"):
        run_glue_job(glue, "job", {}, timeout_seconds=30, poll_seconds=10, sleep=lambda _: None)
    assert glue.stopped
