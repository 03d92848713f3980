"""The AWS side of a run, as the CloudFormation stack of infra/template.yaml describes it.

The aws target reads every name it needs (bucket, Athena workgroup and schemas, Glue job,
SNS topic, roles) from the stack's outputs once, at the start of a run, so that nothing is
configured twice.
"""

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_STACK = "reorder"
READY = {"CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE"}


class StackError(RuntimeError):
    """The stack is missing, not ready, or lacks an output the pipeline needs."""


@dataclass(frozen=True)
class AwsStack:
    """The stack's outputs, named as the pipeline uses them."""

    name: str
    region: str
    lake_uri: str  # s3://bucket
    athena_work_group: str
    athena_schema: str
    athena_raw_schema: str
    glue_job_name: str
    glue_script_uri: str
    topic_arn: str
    sagemaker_role_arn: str
    page_bucket: str
    page_url: str
    api_url: str | None = None  # once `reorder publish-api` has given the stack its API

    @property
    def bucket(self) -> str:
        return self.lake_uri.removeprefix("s3://").split("/", 1)[0]


# Output key in infra/template.yaml -> AwsStack field.
OUTPUTS = {
    "Region": "region",
    "LakeUri": "lake_uri",
    "AthenaWorkGroup": "athena_work_group",
    "AthenaSchema": "athena_schema",
    "AthenaRawSchema": "athena_raw_schema",
    "GlueJobName": "glue_job_name",
    "GlueScriptUri": "glue_script_uri",
    "NotificationTopicArn": "topic_arn",
    "SageMakerRoleArn": "sagemaker_role_arn",
    "PageBucket": "page_bucket",
    "PageUrl": "page_url",
}
# Outputs a stack has only in some configurations.
OPTIONAL_OUTPUTS = {"ApiUrl": "api_url"}


def read_stack(cloudformation: Any, name: str) -> AwsStack:
    """The named stack's outputs; StackError says what is missing and what to do."""
    from botocore.exceptions import ClientError

    try:
        [stack] = cloudformation.describe_stacks(StackName=name)["Stacks"]
    except ClientError as error:
        if "does not exist" not in str(error):
            raise
        raise StackError(
            f"CloudFormation stack {name!r} does not exist in "
            f"{cloudformation.meta.region_name}: create it with `reorder deploy --stack {name}`"
        ) from None
    status = stack["StackStatus"]
    if status not in READY:
        raise StackError(f"CloudFormation stack {name!r} is {status}, not ready for a run")
    outputs = {
        output["OutputKey"]: output["OutputValue"]
        for output in stack.get("Outputs", [])
        if output.get("OutputValue")
    }
    missing = sorted(set(OUTPUTS) - set(outputs))
    if missing:
        raise StackError(
            f"CloudFormation stack {name!r} lacks the outputs {', '.join(missing)}: "
            "update it from infra/template.yaml"
        )
    optional = {field: outputs[key] for key, field in OPTIONAL_OUTPUTS.items() if key in outputs}
    return AwsStack(
        name=name, **{field: outputs[key] for key, field in OUTPUTS.items()}, **optional
    )


def deploy_stack(
    cloudformation: Any,
    name: str,
    template: Path,
    parameters: dict[str, str],
    timeout_seconds: float = 1800,
    poll_seconds: float = 10,
) -> AwsStack:
    """Create the stack, or update it in place, from `template`; wait until it is ready.

    An update keeps every value set before that `parameters` does not change: deploying the
    stack again must not take away its API or its e-mail subscription. Parameters left at the
    template's default are left out, so they follow the template's default.
    """
    from botocore.exceptions import ClientError

    body = template.read_text()
    try:
        [current] = cloudformation.describe_stacks(StackName=name)["Stacks"]
    except ClientError as error:
        if "does not exist" not in str(error):
            raise
        current = None
    values = _values_set_before(cloudformation, body, current) if current else {}
    values.update(parameters)
    arguments = {
        "StackName": name,
        "TemplateBody": body,
        "Parameters": [
            {"ParameterKey": key, "ParameterValue": value} for key, value in values.items()
        ],
        "Capabilities": ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"],
    }
    exists = current is not None
    updating = exists
    try:
        if exists:
            cloudformation.update_stack(**arguments)
        else:
            cloudformation.create_stack(**arguments, OnFailure="ROLLBACK")
    except ClientError as error:
        if "No updates are to be performed" not in str(error):
            raise
        updating = False  # already as the template says
    waited = 0.0
    while True:
        [stack] = cloudformation.describe_stacks(StackName=name)["Stacks"]
        status = stack["StackStatus"]
        if status in READY and not (updating and status == "UPDATE_ROLLBACK_COMPLETE"):
            return read_stack(cloudformation, name)
        if not status.endswith("_IN_PROGRESS"):
            reason = stack.get("StackStatusReason") or "see the stack's events"
            raise StackError(f"CloudFormation stack {name!r} ended {status}: {reason}")
        if waited >= timeout_seconds:
            raise StackError(f"CloudFormation stack {name!r} still {status} after {waited:.0f} s")
        time.sleep(poll_seconds)
        waited += poll_seconds


def _values_set_before(cloudformation: Any, body: str, stack: dict) -> dict[str, str]:
    """The stack's parameter values that differ from the template's defaults (the template
    has no NoEcho parameter, so describe_stacks shows every value)."""
    summary = cloudformation.get_template_summary(TemplateBody=body)["Parameters"]
    defaults = {p["ParameterKey"]: str(p.get("DefaultValue")) for p in summary}
    return {
        parameter["ParameterKey"]: parameter["ParameterValue"]
        for parameter in stack.get("Parameters", [])
        if parameter["ParameterKey"] in defaults
        and parameter["ParameterValue"] != defaults[parameter["ParameterKey"]]
    }
