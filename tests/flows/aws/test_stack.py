"""Reading the stack's outputs, and the errors an operator sees when the stack is not right."""

from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError

from flows.aws.stack import OUTPUTS, AwsStack, StackError, deploy_stack, read_stack

TEMPLATE = Path(__file__).resolve().parents[3] / "infra" / "template.yaml"
VALUES = {key: f"value-of-{key}" for key in OUTPUTS} | {"LakeUri": "s3://lake-bucket"}


class FakeCloudFormation:
    """describe_stacks answers with the given stacks in turn (the last one repeats)."""

    def __init__(self, *stacks: dict | None, defaults: dict[str, str | None] | None = None) -> None:
        self.stacks, self.created, self.updated = list(stacks), False, False
        self.defaults = defaults or {}
        self.sent: dict = {}

    def describe_stacks(self, StackName: str) -> dict:
        stack = self.stacks.pop(0) if len(self.stacks) > 1 else self.stacks[0]
        if stack is None:
            error = {"Error": {"Code": "ValidationError", "Message": "does not exist"}}
            raise ClientError(error, "DescribeStacks")
        return {"Stacks": [stack]}

    def create_stack(self, **_: Any) -> None:
        self.created = True

    def update_stack(self, **arguments: Any) -> None:
        self.updated, self.sent = True, arguments

    def get_template_summary(self, TemplateBody: str) -> dict:
        return {
            "Parameters": [
                {"ParameterKey": key, "DefaultValue": value} for key, value in self.defaults.items()
            ]
        }

    @property
    def meta(self) -> Any:
        return type("Meta", (), {"region_name": "eu-west-1"})


def _stack(status: str = "CREATE_COMPLETE", outputs: dict[str, str] = VALUES) -> dict:
    return {
        "StackStatus": status,
        "Outputs": [{"OutputKey": key, "OutputValue": value} for key, value in outputs.items()],
    }


def test_every_output_fills_its_field() -> None:
    stack = read_stack(FakeCloudFormation(_stack()), "reorder")
    assert stack == AwsStack(name="reorder", **{OUTPUTS[k]: v for k, v in VALUES.items()})
    assert stack.bucket == "lake-bucket"


def test_a_missing_stack_says_how_to_create_it() -> None:
    with pytest.raises(StackError, match=r"'reorder' does not exist in eu-west-1.*reorder deploy"):
        read_stack(FakeCloudFormation(None), "reorder")


def test_a_stack_that_is_not_ready_is_refused() -> None:
    with pytest.raises(StackError, match="is ROLLBACK_COMPLETE, not ready"):
        read_stack(FakeCloudFormation(_stack("ROLLBACK_COMPLETE")), "reorder")


def test_missing_outputs_are_named() -> None:
    outputs = {k: v for k, v in VALUES.items() if k not in ("GlueJobName", "Region")}
    with pytest.raises(StackError, match="lacks the outputs GlueJobName, Region"):
        read_stack(FakeCloudFormation(_stack(outputs=outputs)), "reorder")


def test_deploy_creates_a_new_stack_and_waits_for_it() -> None:
    cloudformation = FakeCloudFormation(None, _stack("CREATE_IN_PROGRESS"), _stack())
    stack = deploy_stack(cloudformation, "reorder", TEMPLATE, {}, poll_seconds=0)
    assert cloudformation.created and not cloudformation.updated
    assert stack.lake_uri == "s3://lake-bucket"


def test_a_failed_update_names_the_status_and_reason() -> None:
    failed = _stack("UPDATE_ROLLBACK_COMPLETE") | {"StackStatusReason": "bucket name taken"}
    cloudformation = FakeCloudFormation(_stack(), failed)
    with pytest.raises(StackError, match="ended UPDATE_ROLLBACK_COMPLETE: bucket name taken"):
        deploy_stack(cloudformation, "reorder", TEMPLATE, {}, poll_seconds=0)
    assert cloudformation.updated


def test_an_update_keeps_the_values_set_before_and_lets_defaults_follow_the_template() -> None:
    current = _stack() | {
        "Parameters": [
            {"ParameterKey": "LakeBucketName", "ParameterValue": "my-lake"},
            {"ParameterKey": "NotificationEmail", "ParameterValue": "ops@example.com"},
            {"ParameterKey": "ApiMemoryMB", "ParameterValue": "6144"},
            {"ParameterKey": "Removed", "ParameterValue": "gone from the template"},
        ]
    }
    defaults = {"LakeBucketName": None, "NotificationEmail": "", "ApiMemoryMB": "6144"}
    cloudformation = FakeCloudFormation(current, defaults=defaults)
    deploy_stack(cloudformation, "reorder", TEMPLATE, {"ApiCodeKey": "code/api/a.zip"})
    sent = {p["ParameterKey"]: p["ParameterValue"] for p in cloudformation.sent["Parameters"]}
    assert sent == {
        "LakeBucketName": "my-lake",
        "NotificationEmail": "ops@example.com",
        "ApiCodeKey": "code/api/a.zip",
    }
