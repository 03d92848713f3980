"""infra/template.yaml: cfn-lint, the template's structure, and a deployment into moto.

moto's CloudFormation (5.2) creates the S3 bucket (with its encryption only), the SNS topic and
the IAM roles (with their inline policies only). It skips AWS::Glue::Database, AWS::Glue::Job,
AWS::Athena::WorkGroup and AWS::SNS::Subscription with a warning, and ignores the bucket's
LifecycleConfiguration and PublicAccessBlockConfiguration and the roles' ManagedPolicyArns.
Those parts are checked on the parsed template; the moto tests assert what moto makes, and the
few checks of what it does not make mark themselves xfail while moto lacks the feature.
"""

from __future__ import annotations

import ast
import json
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cfnlint.api import ManualArgs, lint_file
from cfnlint.decode.decode import decode_str

from api.policy import MIN_ADMIN_TOKEN

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "infra" / "template.yaml"
REGION = "us-east-1"
OUTPUTS = (
    "LakeBucket",
    "LakeUri",
    "AthenaWorkGroup",
    "AthenaSchema",
    "AthenaRawSchema",
    "GlueJobName",
    "GlueScriptUri",
    "NotificationTopicArn",
    "GlueRoleArn",
    "SageMakerRoleArn",
    "PageBucket",
    "PageUrl",
    "Region",
    "ApiUrl",
    "ApiSecretArn",
)
# Outputs of resources made only when a parameter asks for them.
CONDITIONAL_OUTPUTS = {"ApiUrl": "HasApi", "ApiSecretArn": "HasApi"}
LAKE_ARN = {"Fn::GetAtt": ["LakeBucket", "Arn"]}
OBJECTS_ARN = "arn:${AWS::Partition}:s3:::${LakeBucket}/"  # + "<zone>/*" in a Fn::Sub
# What each role may touch in the lake: object prefixes it reads, of which those it writes.
ROLE_ZONES = {
    "GlueRole": ({"sandbox", "code"}, {"sandbox"}),
    "SageMakerRole": ({"models", "sandbox", "code"}, {"models"}),
    "ApiFunctionRole": ({"sandbox", "models"}, set()),
}
S3_WRITE = {"s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"}
STACK_TIMEOUT_S = 20.0

# moto warns for every resource type it skips, each time it parses the template.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Tried to parse AWS.*not supported by moto's CloudFormation implementation"
)


# --- the template as cfn-lint reads it --------------------------------------------------------


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    # cfn-lint's decoder understands the short tags (!Ref, !Sub, !GetAtt) that yaml.safe_load
    # rejects, and turns them into their long form ({"Ref": ...}, {"Fn::Sub": ...}).
    parsed, errors = decode_str(TEMPLATE.read_text())
    assert not errors, [str(e) for e in errors]
    assert parsed is not None
    return parsed


def resource(template: dict[str, Any], logical_id: str, type_: str) -> dict[str, Any]:
    res = template["Resources"][logical_id]
    assert res["Type"] == type_
    return res["Properties"]


def test_cfn_lint_finds_nothing() -> None:
    # Errors, warnings and informational checks, all offline (cfn-lint ships its schemas).
    # `python -m cfnlint` does not work (no __main__); the API does.
    matches = lint_file(TEMPLATE, ManualArgs(regions=[REGION], include_checks=["I"]))
    assert [str(m) for m in matches] == []


def test_describes_itself(template: dict[str, Any]) -> None:
    assert template["Description"].strip()
    parts = template["Metadata"]["Parts"]
    assert set(parts) == set(template["Resources"])
    assert all(text.strip() for text in parts.values())


def test_parameters(template: dict[str, Any]) -> None:
    params = template["Parameters"]
    assert set(params) == {
        "LakeBucketName",
        "NotificationEmail",
        "GlueScriptKey",
        "AthenaSchema",
        "AthenaRawSchema",
        "RawRetentionDays",
        "ApiCodeKey",
        "ApiMemoryMB",
        "ApiRateLimit",
        "ApiBurstLimit",
    }
    assert "Default" not in params["LakeBucketName"]
    assert params["NotificationEmail"]["Type"] == "String"
    assert params["NotificationEmail"]["Default"] == ""
    assert params["GlueScriptKey"]["Default"] == "code/glue_spark/compact_result.py"
    assert params["AthenaSchema"]["Default"] == "reorder"
    assert params["AthenaRawSchema"]["Default"] == "reorder_raw"
    assert params["RawRetentionDays"]["Type"] == "Number"
    assert params["RawRetentionDays"]["Default"] == 90
    # The default script key is where the repository's Glue script lands under code/.
    assert (ROOT / params["GlueScriptKey"]["Default"].removeprefix("code/")).is_file()


def test_bucket_is_private_encrypted_and_unversioned(template: dict[str, Any]) -> None:
    bucket = resource(template, "LakeBucket", "AWS::S3::Bucket")
    assert bucket["BucketName"] == {"Ref": "LakeBucketName"}
    assert bucket["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True,
        "BlockPublicPolicy": True,
        "IgnorePublicAcls": True,
        "RestrictPublicBuckets": True,
    }
    (rule,) = bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert rule["ServerSideEncryptionByDefault"] == {"SSEAlgorithm": "AES256"}
    assert "VersioningConfiguration" not in bucket
    assert template["Resources"]["LakeBucket"]["DeletionPolicy"] == "Retain"


def test_bucket_lifecycle_rules(template: dict[str, Any]) -> None:
    rules = resource(template, "LakeBucket", "AWS::S3::Bucket")["LifecycleConfiguration"]["Rules"]
    assert all(rule["Status"] == "Enabled" for rule in rules)
    expiring = {rule["Prefix"]: rule["ExpirationInDays"] for rule in rules if "Prefix" in rule}
    assert expiring == {
        "raw/.staging/": 1,
        "sandbox/result_table_staging/": 1,
        "input/": 7,
        "athena-results/": 7,
        "raw/": {"Ref": "RawRetentionDays"},
        "rejected/": {"Ref": "RawRetentionDays"},
    }
    (abort,) = [rule for rule in rules if "AbortIncompleteMultipartUpload" in rule]
    assert "Prefix" not in abort  # the whole bucket
    assert abort["AbortIncompleteMultipartUpload"] == {"DaysAfterInitiation": 1}


def test_athena_workgroup(template: dict[str, Any]) -> None:
    group = resource(template, "AthenaWorkGroup", "AWS::Athena::WorkGroup")
    assert group["Name"] == "reorder"
    config = group["WorkGroupConfiguration"]
    assert config["EnforceWorkGroupConfiguration"] is True
    assert config["ResultConfiguration"]["OutputLocation"] == {
        "Fn::Sub": "s3://${LakeBucket}/athena-results/"
    }
    assert "EngineVersion" not in config  # AWS's default


def test_glue_databases(template: dict[str, Any]) -> None:
    for logical_id, parameter in (
        ("AthenaDatabase", "AthenaSchema"),
        ("AthenaRawDatabase", "AthenaRawSchema"),
    ):
        database = resource(template, logical_id, "AWS::Glue::Database")
        assert database["CatalogId"] == {"Ref": "AWS::AccountId"}
        assert database["DatabaseInput"]["Name"] == {"Ref": parameter}


def test_glue_job(template: dict[str, Any]) -> None:
    job = resource(template, "CompactResultJob", "AWS::Glue::Job")
    assert job["Name"] == "reorder-compact-result"
    assert job["Role"] == {"Fn::GetAtt": ["GlueRole", "Arn"]}
    assert job["Command"] == {
        "Name": "glueetl",
        "PythonVersion": "3",
        "ScriptLocation": {"Fn::Sub": "s3://${LakeBucket}/${GlueScriptKey}"},
    }
    assert job["GlueVersion"] == "5.0"
    assert isinstance(job["GlueVersion"], str)
    assert (job["WorkerType"], job["NumberOfWorkers"]) == ("G.1X", 2)
    assert (job["Timeout"], job["MaxRetries"]) == (30, 0)
    assert job["DefaultArguments"] == {
        "--input_path": {"Fn::Sub": "s3://${LakeBucket}/sandbox/result_table_parts/"},
        "--output_path": {"Fn::Sub": "s3://${LakeBucket}/sandbox/result_table/"},
        "--file_name": "result_table.parquet",
        "--job-language": "python",
        "--enable-metrics": "true",
    }


def test_notification_topic_and_optional_subscription(template: dict[str, Any]) -> None:
    topic = resource(template, "NotificationTopic", "AWS::SNS::Topic")
    assert topic["TopicName"] == "reorder-notifications"
    assert "Subscription" not in topic
    subscription = template["Resources"]["NotificationEmailSubscription"]
    assert subscription["Condition"] == "HasNotificationEmail"
    assert subscription["Properties"] == {
        "TopicArn": {"Ref": "NotificationTopic"},
        "Protocol": "email",
        "Endpoint": {"Ref": "NotificationEmail"},
    }
    assert template["Conditions"]["HasNotificationEmail"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "NotificationEmail"}, ""]}]
    }


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def zone_of(arn: Any) -> str:
    """The lake zone of an object ARN written as Fn::Sub on the lake bucket, else fail."""
    assert isinstance(arn, dict), arn
    assert set(arn) == {"Fn::Sub"}, arn
    text = arn["Fn::Sub"]
    assert isinstance(text, str), arn
    assert text.startswith(OBJECTS_ARN), arn
    assert text.endswith("/*"), arn
    zone = text.removeprefix(OBJECTS_ARN).removesuffix("/*")
    assert zone and "/" not in zone and "*" not in zone, arn
    return zone


@pytest.mark.parametrize(
    ("logical_id", "service", "managed"),
    [
        ("GlueRole", "glue.amazonaws.com", "service-role/AWSGlueServiceRole"),
        ("SageMakerRole", "sagemaker.amazonaws.com", "AmazonEC2ContainerRegistryReadOnly"),
        ("ApiFunctionRole", "lambda.amazonaws.com", "service-role/AWSLambdaBasicExecutionRole"),
    ],
)
def test_role_reaches_only_its_lake_prefixes(
    template: dict[str, Any], logical_id: str, service: str, managed: str
) -> None:
    role = resource(template, logical_id, "AWS::IAM::Role")
    (trust,) = role["AssumeRolePolicyDocument"]["Statement"]
    assert trust["Principal"] == {"Service": service}
    assert trust["Action"] == "sts:AssumeRole"
    assert role["ManagedPolicyArns"] == [
        {"Fn::Sub": f"arn:${{AWS::Partition}}:iam::aws:policy/{managed}"}
    ]
    readable, writable = ROLE_ZONES[logical_id]
    read, written, listed = set(), set(), set()
    for policy in role["Policies"]:
        for statement in policy["PolicyDocument"]["Statement"]:
            assert statement["Effect"] == "Allow"
            actions = set(as_list(statement["Action"]))
            s3_actions = {a for a in actions if a.startswith("s3:")}
            if not s3_actions:
                continue
            assert s3_actions == actions, "S3 and other actions share a statement"
            assert not any("*" in a for a in s3_actions), s3_actions
            resources = as_list(statement["Resource"])
            assert "*" not in resources
            if s3_actions & {"s3:ListBucket", "s3:GetBucketLocation"}:
                assert resources == [LAKE_ARN]
                if "s3:ListBucket" in s3_actions:
                    prefixes = statement["Condition"]["StringLike"]["s3:prefix"]
                    listed |= {p.removesuffix("/*") for p in prefixes}
                    assert all(p.endswith("/*") for p in prefixes)
                continue
            zones = {zone_of(arn) for arn in resources}
            read |= zones
            if s3_actions & S3_WRITE:
                written |= zones
    assert read == readable
    assert written == writable
    assert listed == readable


def test_no_s3_wildcard_anywhere(template: dict[str, Any]) -> None:
    # The only "*" resource in the template is CloudWatch's PutMetricData, which has no
    # resource-level permissions (narrowed by a namespace condition instead).
    for logical_id, res in template["Resources"].items():
        for policy in res.get("Properties", {}).get("Policies", []):
            for statement in policy["PolicyDocument"]["Statement"]:
                if "*" in as_list(statement["Resource"]):
                    actions = as_list(statement["Action"])
                    assert actions == ["cloudwatch:PutMetricData"], (logical_id, statement)
                    assert statement["Condition"]["StringLike"]["cloudwatch:namespace"]


def test_every_output_is_exported(template: dict[str, Any]) -> None:
    outputs = template["Outputs"]
    assert tuple(outputs) == OUTPUTS
    for name, output in outputs.items():
        assert output["Description"].strip()
        assert output.get("Condition") == CONDITIONAL_OUTPUTS.get(name)
        assert output["Export"] == {"Name": {"Fn::Sub": f"${{AWS::StackName}}-{name}"}}
    assert outputs["LakeBucket"]["Value"] == {"Ref": "LakeBucket"}
    assert outputs["LakeUri"]["Value"] == {"Fn::Sub": "s3://${LakeBucket}"}
    assert outputs["GlueScriptUri"]["Value"] == {"Fn::Sub": "s3://${LakeBucket}/${GlueScriptKey}"}
    assert outputs["NotificationTopicArn"]["Value"] == {"Ref": "NotificationTopic"}
    assert outputs["GlueRoleArn"]["Value"] == {"Fn::GetAtt": ["GlueRole", "Arn"]}
    assert outputs["SageMakerRoleArn"]["Value"] == {"Fn::GetAtt": ["SageMakerRole", "Arn"]}
    assert outputs["Region"]["Value"] == {"Ref": "AWS::Region"}


def test_name_outputs_match_their_resources(template: dict[str, Any]) -> None:
    # These outputs give the names rather than a Ref (see the template): keep them in step.
    res = template["Resources"]
    outputs = {name: output["Value"] for name, output in template["Outputs"].items()}
    assert outputs["AthenaWorkGroup"] == res["AthenaWorkGroup"]["Properties"]["Name"]
    assert outputs["GlueJobName"] == res["CompactResultJob"]["Properties"]["Name"]
    assert outputs["AthenaSchema"] == res["AthenaDatabase"]["Properties"]["DatabaseInput"]["Name"]
    raw_name = res["AthenaRawDatabase"]["Properties"]["DatabaseInput"]["Name"]
    assert outputs["AthenaRawSchema"] == raw_name


# --- deployed into moto ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def aws(moto_endpoint: str) -> Iterator[Any]:
    """boto3 against the moto server, with fake credentials, for this module's tests only."""
    with pytest.MonkeyPatch.context() as mp:
        for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_REGION"):
            mp.delenv(name, raising=False)
        mp.setenv("AWS_ACCESS_KEY_ID", "testing")
        mp.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        mp.setenv("AWS_DEFAULT_REGION", REGION)
        mp.setenv("AWS_ENDPOINT_URL", moto_endpoint)
        mp.setenv("AWS_EC2_METADATA_DISABLED", "true")
        import boto3

        yield boto3.session.Session()


@dataclass(frozen=True)
class Stack:
    name: str
    bucket: str
    email: str
    outputs: dict[str, dict[str, str]]


def wait_for(cfn: Any, name: str, done: set[str]) -> str:
    """Poll the stack's status until it leaves *_IN_PROGRESS, within STACK_TIMEOUT_S."""
    deadline = time.monotonic() + STACK_TIMEOUT_S
    while True:
        status = cfn.describe_stacks(StackName=name)["Stacks"][0]["StackStatus"]
        if not status.endswith("_IN_PROGRESS"):
            assert status in done, f"stack {name}: {status}"
            return status
        assert time.monotonic() < deadline, f"stack {name} still {status}"
        time.sleep(0.2)


# One stack at a time (module scope, one per parameter): the topic, workgroup and job have
# fixed names, so two stacks of this template cannot live in one account and region.
@pytest.fixture(scope="module", params=["", "ops@example.com"], ids=["no-email", "email"])
def stack(request: pytest.FixtureRequest, aws: Any) -> Iterator[Stack]:
    cfn = aws.client("cloudformation")
    suffix = uuid.uuid4().hex[:8]
    name, bucket = f"reorder-test-{suffix}", f"reorder-lake-test-{suffix}"
    parameters = [{"ParameterKey": "LakeBucketName", "ParameterValue": bucket}]
    if request.param:
        parameters.append({"ParameterKey": "NotificationEmail", "ParameterValue": request.param})
    cfn.create_stack(
        StackName=name,
        TemplateBody=TEMPLATE.read_text(),
        Parameters=parameters,
        Capabilities=["CAPABILITY_IAM"],
    )
    try:
        wait_for(cfn, name, {"CREATE_COMPLETE"})
        described = cfn.describe_stacks(StackName=name)["Stacks"][0]
        outputs = {o["OutputKey"]: o for o in described.get("Outputs", [])}
        yield Stack(name, bucket, request.param, outputs)
    finally:
        # The next parameter's stack needs the topic name back. The bucket stays (Retain).
        cfn.delete_stack(StackName=name)
        try:
            wait_for(cfn, name, {"DELETE_COMPLETE"})
        except cfn.exceptions.ClientError as error:
            if "does not exist" not in str(error):  # a deleted stack is gone by name
                raise


def test_stack_outputs(aws: Any, stack: Stack) -> None:
    values = {key: output["OutputValue"] for key, output in stack.outputs.items()}
    account = aws.client("sts").get_caller_identity()["Account"]
    assert values["LakeBucket"] == stack.bucket
    assert values["LakeUri"] == f"s3://{stack.bucket}"
    assert values["NotificationTopicArn"] == (
        f"arn:aws:sns:{REGION}:{account}:reorder-notifications"
    )
    assert values["GlueScriptUri"] == f"s3://{stack.bucket}/code/glue_spark/compact_result.py"
    assert values["Region"] == REGION
    for key in ("GlueRoleArn", "SageMakerRoleArn"):
        assert values[key].startswith(f"arn:aws:iam::{account}:role/")
    # Given as names, these are reported although moto skips the resources themselves.
    assert values["AthenaWorkGroup"] == "reorder"
    assert values["AthenaSchema"] == "reorder"
    assert values["AthenaRawSchema"] == "reorder_raw"
    assert values["GlueJobName"] == "reorder-compact-result"
    assert set(values) == set(OUTPUTS) - set(CONDITIONAL_OUTPUTS)  # no ApiCodeKey given
    # Exports from list_exports: describe_stacks's ExportName is unreliable in moto, which finds
    # it by the output's value (AthenaWorkGroup and AthenaSchema are both "reorder").
    # (moto also lists the exports of outputs whose condition is false, with no value.)
    exports = {
        e["Name"]: e.get("Value") for e in aws.client("cloudformation").list_exports()["Exports"]
    }
    expected = {f"{stack.name}-{key}": value for key, value in values.items()}
    assert {name: exports.get(name) for name in expected} == expected


def test_bucket_is_created_encrypted(aws: Any, stack: Stack) -> None:
    s3 = aws.client("s3")
    s3.head_bucket(Bucket=stack.bucket)
    rules = s3.get_bucket_encryption(Bucket=stack.bucket)["ServerSideEncryptionConfiguration"]
    assert [r["ApplyServerSideEncryptionByDefault"] for r in rules["Rules"]] == [
        {"SSEAlgorithm": "AES256"}
    ]


def test_bucket_lifecycle_in_moto(aws: Any, stack: Stack) -> None:
    s3 = aws.client("s3")
    try:
        rules = s3.get_bucket_lifecycle_configuration(Bucket=stack.bucket)["Rules"]
    except s3.exceptions.ClientError as error:
        if error.response["Error"]["Code"] != "NoSuchLifecycleConfiguration":
            raise
        pytest.xfail("moto's CloudFormation ignores the bucket's LifecycleConfiguration")
    expiring = {
        r.get("Filter", {}).get("Prefix", r.get("Prefix")): r["Expiration"]["Days"]
        for r in rules
        if "Expiration" in r
    }
    assert expiring == {
        "raw/.staging/": 1,
        "sandbox/result_table_staging/": 1,
        "input/": 7,
        "athena-results/": 7,
        "raw/": 90,
    }


def test_bucket_public_access_block_in_moto(aws: Any, stack: Stack) -> None:
    s3 = aws.client("s3")
    try:
        block = s3.get_public_access_block(Bucket=stack.bucket)["PublicAccessBlockConfiguration"]
    except s3.exceptions.ClientError as error:
        if error.response["Error"]["Code"] != "NoSuchPublicAccessBlockConfiguration":
            raise
        pytest.xfail("moto's CloudFormation ignores the bucket's PublicAccessBlockConfiguration")
    assert all(block.values()) and len(block) == 4


def test_topic_exists(aws: Any, stack: Stack) -> None:
    arn = stack.outputs["NotificationTopicArn"]["OutputValue"]
    attributes = aws.client("sns").get_topic_attributes(TopicArn=arn)["Attributes"]
    assert attributes["TopicArn"] == arn
    assert attributes["DisplayName"] == "Reorder pipeline"


def test_email_subscription_only_when_set(aws: Any, stack: Stack) -> None:
    arn = stack.outputs["NotificationTopicArn"]["OutputValue"]
    subscriptions = aws.client("sns").list_subscriptions_by_topic(TopicArn=arn)["Subscriptions"]
    if not stack.email:
        assert subscriptions == []
        return
    if not subscriptions:
        pytest.xfail("moto's CloudFormation has no AWS::SNS::Subscription")
    assert [(s["Protocol"], s["Endpoint"]) for s in subscriptions] == [("email", stack.email)]


@pytest.mark.parametrize(
    ("output", "service", "policy_name", "zones"),
    [
        ("GlueRoleArn", "glue.amazonaws.com", "lake-sandbox-and-code", {"sandbox", "code"}),
        (
            "SageMakerRoleArn",
            "sagemaker.amazonaws.com",
            "lake-models-and-logs",
            {"models", "sandbox", "code"},
        ),
    ],
)
def test_role_and_inline_policy_exist(
    aws: Any, stack: Stack, output: str, service: str, policy_name: str, zones: set[str]
) -> None:
    iam = aws.client("iam")
    role_name = stack.outputs[output]["OutputValue"].rsplit("/", 1)[1]
    role = iam.get_role(RoleName=role_name)["Role"]
    (trust,) = role["AssumeRolePolicyDocument"]["Statement"]
    assert trust["Principal"] == {"Service": service}
    assert iam.list_role_policies(RoleName=role_name)["PolicyNames"] == [policy_name]
    document = iam.get_role_policy(RoleName=role_name, PolicyName=policy_name)["PolicyDocument"]
    if isinstance(document, str):
        # moto keeps a policy that CloudFormation gave it as a dict as the dict's repr, not
        # JSON, so botocore cannot decode it and hands back the string.
        document = ast.literal_eval(document)
    # Sub and GetAtt resolved: every S3 resource is the lake bucket or one of its zones.
    bucket_arn = f"arn:aws:s3:::{stack.bucket}"
    seen = set()
    for statement in document["Statement"]:
        if not any(a.startswith("s3:") for a in as_list(statement["Action"])):
            continue
        for arn in as_list(statement["Resource"]):
            assert arn == bucket_arn or arn.startswith(f"{bucket_arn}/"), arn
            if arn != bucket_arn:
                seen.add(arn.removeprefix(f"{bucket_arn}/").removesuffix("/*"))
    assert seen == zones


def test_page_bucket_is_a_website_anyone_may_read_and_no_more(template: dict[str, Any]) -> None:
    bucket = resource(template, "PageBucket", "AWS::S3::Bucket")
    assert bucket["WebsiteConfiguration"] == {"IndexDocument": "index.html"}
    blocks = bucket["PublicAccessBlockConfiguration"]
    assert blocks["BlockPublicAcls"] and blocks["IgnorePublicAcls"]  # public by policy only
    policy = resource(template, "PageBucketPolicy", "AWS::S3::BucketPolicy")
    [statement] = policy["PolicyDocument"]["Statement"]
    assert (statement["Effect"], statement["Principal"], statement["Action"]) == (
        "Allow", "*", "s3:GetObject"
    )  # fmt: skip
    assert statement["Resource"] == {"Fn::Sub": "${PageBucket.Arn}/*"}


# --- the prediction API: Lambda behind an HTTP API, made once its package is uploaded --------


def statements_of(role: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        statement["Sid"]: statement
        for policy in role["Policies"]
        for statement in policy["PolicyDocument"]["Statement"]
    }


def test_the_api_exists_only_with_its_package(template: dict[str, Any]) -> None:
    assert template["Conditions"]["HasApi"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "ApiCodeKey"}, ""]}]
    }
    api_parts = {
        "ApiFunctionRole", "ApiFunction", "HttpApi", "ApiIntegration", "ApiRoute", "ApiStage",
        "ApiInvokePermission", "ApiSecret",
    }  # fmt: skip
    conditional = {
        logical_id
        for logical_id, res in template["Resources"].items()
        if res.get("Condition") == "HasApi"
    }
    assert conditional == api_parts
    assert template["Parameters"]["ApiCodeKey"]["Default"] == ""


def test_the_function_runs_the_packaged_handler_with_the_stacks_names(
    template: dict[str, Any],
) -> None:
    from api import lambda_handler
    from flows.aws.api_package import PYTHON_VERSION

    function = resource(template, "ApiFunction", "AWS::Lambda::Function")
    assert function["Runtime"] == f"python{PYTHON_VERSION}"
    assert function["Architectures"] == ["x86_64"]
    module, name = function["Handler"].rsplit(".", 1)
    assert module == lambda_handler.__name__ and callable(getattr(lambda_handler, name))
    assert function["Code"] == {"S3Bucket": {"Ref": "LakeBucket"}, "S3Key": {"Ref": "ApiCodeKey"}}
    assert function["Timeout"] < 30  # API Gateway's own limit
    variables = function["Environment"]["Variables"]
    assert variables == {
        "REORDER_LAKE_URI": {"Fn::Sub": "s3://${LakeBucket}"},
        "REORDER_ENDPOINT_NAME": {"Fn::Sub": "${AWS::StackName}-model"},
        "REORDER_ATHENA_SCHEMA": {"Ref": "AthenaSchema"},
        "REORDER_PAGE_ORIGIN": {"Fn::GetAtt": ["PageBucket", "WebsiteURL"]},
        "REORDER_SECRET_ARN": {"Ref": "ApiSecret"},
    }
    # The handler reads exactly these variables (its docstring lists them).
    assert all(variable in lambda_handler.__doc__ for variable in variables)


def test_the_function_role_reads_and_invokes_only_what_the_api_needs(
    template: dict[str, Any],
) -> None:
    role = resource(template, "ApiFunctionRole", "AWS::IAM::Role")
    actions = {
        action
        for policy in role["Policies"]
        for statement in policy["PolicyDocument"]["Statement"]
        for action in as_list(statement["Action"])
    }
    assert actions == {
        "s3:GetObject", "s3:ListBucket", "glue:GetTable", "sagemaker:InvokeEndpoint",
        "secretsmanager:GetSecretValue",
    }  # fmt: skip
    assert as_list(statements_of(role)["ReadApiSecret"]["Resource"]) == [{"Ref": "ApiSecret"}]
    secret = resource(template, "ApiSecret", "AWS::SecretsManager::Secret")
    generated = secret["GenerateSecretString"]
    assert json.loads(generated["SecretStringTemplate"]) == {"api_keys": []}
    assert generated["GenerateStringKey"] == "admin_token"
    assert generated["PasswordLength"] >= MIN_ADMIN_TOKEN
    statements = statements_of(role)
    endpoint = "${AWS::Region}:${AWS::AccountId}:endpoint/${AWS::StackName}-model"
    assert as_list(statements["InvokeTheModel"]["Resource"]) == [
        {"Fn::Sub": f"arn:${{AWS::Partition}}:sagemaker:{endpoint}"}
    ]
    tables = [resource["Fn::Sub"] for resource in statements["FindProductCatalog"]["Resource"]]
    assert tables[-1].endswith(":table/${AthenaSchema}/product_catalog")


def test_the_http_api_sends_every_request_to_the_function_throttled(
    template: dict[str, Any],
) -> None:
    api = resource(template, "HttpApi", "AWS::ApiGatewayV2::Api")
    assert api["ProtocolType"] == "HTTP" and "Target" not in api  # no quick-create stage
    integration = resource(template, "ApiIntegration", "AWS::ApiGatewayV2::Integration")
    assert integration["IntegrationType"] == "AWS_PROXY"
    assert integration["IntegrationUri"] == {"Fn::GetAtt": ["ApiFunction", "Arn"]}
    assert integration["PayloadFormatVersion"] == "2.0"  # the format Mangum is tested with
    route = resource(template, "ApiRoute", "AWS::ApiGatewayV2::Route")
    assert route["RouteKey"] == "$default"
    assert route["Target"] == {"Fn::Sub": "integrations/${ApiIntegration}"}
    stage = resource(template, "ApiStage", "AWS::ApiGatewayV2::Stage")
    assert (stage["StageName"], stage["AutoDeploy"]) == ("$default", True)
    assert stage["DefaultRouteSettings"] == {
        "ThrottlingRateLimit": {"Ref": "ApiRateLimit"},
        "ThrottlingBurstLimit": {"Ref": "ApiBurstLimit"},
    }
    permission = resource(template, "ApiInvokePermission", "AWS::Lambda::Permission")
    assert permission["Principal"] == "apigateway.amazonaws.com"
    assert permission["FunctionName"] == {"Ref": "ApiFunction"}
    assert permission["SourceArn"]["Fn::Sub"].endswith(":${HttpApi}/*")
    url = template["Outputs"]["ApiUrl"]["Value"]["Fn::Sub"]
    assert url == "https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"
