"""`reorder deploy` and `reorder run --target aws` end to end, against a moto server.

The stack is deployed from infra/template.yaml with `reorder deploy`; the resources moto's
CloudFormation skips (Glue databases and job, Athena workgroup) are then created here as
CloudFormation creates them on AWS. The run is the real command: landing into the S3 lake,
the raw tables created through Athena by dbt, the Glue job started and awaited, the result
read back from S3 and the SNS message, all on moto. moto executes no Athena SQL and no Glue
script, so tests/flows/aws/aws_standins.py does their work on S3 and in the catalog.
"""

import datetime
import json
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pyarrow.dataset as ds
import pytest
from aws_standins import AthenaBuild, GlueRun, SageMakerTraining, moto_updates_endpoints
from botocore.awsrequest import AWSResponse

from datagen.generate import DropSpec, generate_drop
from flows.aws.s3_lake import S3Lake
from flows.aws.stack import AwsStack, read_stack
from flows.cli.main import main
from flows.pipeline.compaction import GLUE_SCRIPT
from flows.pipeline.lake import LocalLake
from flows.pipeline.tables import BUILT_TABLES

STACK = "reorder-e2e"
BUCKET = "reorder-e2e-lake"
DROPS = "reorder-e2e-drops"
DATE = "2026-11-25"
RESULT = f"s3://{BUCKET}/sandbox/result_table/result_table.parquet"

pytestmark = pytest.mark.filterwarnings(
    "ignore:Tried to parse AWS.*not supported by moto's CloudFormation implementation"
)


@dataclass
class World:
    stack: AwsStack
    drop: Path
    lake: Path  # the runs' local state
    queue: str  # an SQS queue subscribed to the stack's topic
    athena: AthenaBuild
    glue: GlueRun


def _created_as_cloudformation_would(stack: AwsStack) -> None:
    # moto's state is the process's: another module may have made some of these already.
    glue, athena = boto3.client("glue"), boto3.client("athena")
    for database in (stack.athena_schema, stack.athena_raw_schema):
        with suppress(glue.exceptions.AlreadyExistsException):
            glue.create_database(DatabaseInput={"Name": database})
    with suppress(glue.exceptions.AlreadyExistsException):
        glue.create_job(
            Name=stack.glue_job_name,
            Role="arn:aws:iam::123456789012:role/reorder-glue",
            Command={"Name": "glueetl", "ScriptLocation": stack.glue_script_uri},
            GlueVersion="5.0",
        )
    groups = [group["Name"] for group in athena.list_work_groups()["WorkGroups"]]
    if stack.athena_work_group not in groups:
        athena.create_work_group(
            Name=stack.athena_work_group,
            Configuration={"ResultConfiguration": {"OutputLocation": f"s3://{BUCKET}/results/"}},
        )


@contextmanager
def _subscribed_queue(topic_arn: str) -> Iterator[str]:
    """An SQS queue subscribed to the topic while in use (the topic's name is the stack's
    fixed one, which other modules' stacks share on the same moto server)."""
    sqs, sns = boto3.client("sqs"), boto3.client("sns")
    queue = sqs.create_queue(QueueName="reorder-e2e-data-scientists")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])
    subscription = sns.subscribe(
        TopicArn=topic_arn, Protocol="sqs", Endpoint=arn["Attributes"]["QueueArn"]
    )["SubscriptionArn"]
    try:
        yield queue
    finally:
        sns.unsubscribe(SubscriptionArn=subscription)
        sqs.delete_queue(QueueUrl=queue)


@pytest.fixture(scope="module")
def world(
    fake_aws_for_module: str, prefect_harness, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    deploy = ["deploy", "--stack", STACK, "--bucket", BUCKET, "--email", "data-team@example.com"]
    assert main(deploy) == 0
    stack = read_stack(boto3.client("cloudformation"), STACK)
    _created_as_cloudformation_would(stack)
    drop = tmp_path_factory.mktemp("drop")
    generate_drop(DropSpec(users=150, products=1000, seed=21), drop)
    boto3.client("s3").create_bucket(Bucket=DROPS)
    drops = S3Lake(DROPS, DATE, boto3.client("s3"))
    for key in LocalLake(drop).list_keys():
        with LocalLake(drop).open(key) as body:
            drops.write(key, body)
    athena, glue = AthenaBuild(tmp_path_factory.mktemp("athena")), GlueRun()
    with pytest.MonkeyPatch.context() as patch, _subscribed_queue(stack.topic_arn) as queue:
        patch.setattr("flows.daily.flow.build_models", athena)
        patch.setattr("flows.aws.steps.run_glue_job", glue)
        yield World(
            stack=stack,
            drop=drop,
            lake=tmp_path_factory.mktemp("state"),
            queue=queue,
            athena=athena,
            glue=glue,
        )


def _run(
    world: World,
    *extra: str,
    source: str = f"s3://{DROPS}/{DATE}",
    train: bool = False,
    date: str = DATE,
) -> int:
    return main(
        [
            "run", "--target", "aws", "--stack", STACK, "--input", source, "--date", date,
            "--lake", str(world.lake), *([] if train else ["--no-train"]), *extra,
        ]
    )  # fmt: skip


def _messages(world: World) -> list[dict]:
    sqs = boto3.client("sqs")
    received = sqs.receive_message(QueueUrl=world.queue, MaxNumberOfMessages=10)
    for message in received.get("Messages", []):
        sqs.delete_message(QueueUrl=world.queue, ReceiptHandle=message["ReceiptHandle"])
    return [json.loads(message["Body"]) for message in received.get("Messages", [])]


@pytest.fixture(scope="module")
def first_run(world: World) -> dict:
    """The first run's exit status and SNS messages."""
    return {"code": _run(world), "messages": _messages(world)}


def _published_rows() -> list[dict]:
    return ds.dataset(RESULT, format="parquet").to_table().to_pylist()


def test_deploy_reads_back_every_output_the_run_needs(world: World) -> None:
    assert world.stack.lake_uri == f"s3://{BUCKET}"
    assert world.stack.glue_script_uri == f"s3://{BUCKET}/code/glue_spark/compact_result.py"
    assert world.stack.topic_arn.endswith(":reorder-notifications")


def _parameters() -> dict[str, str]:
    [described] = boto3.client("cloudformation").describe_stacks(StackName=STACK)["Stacks"]
    return {p["ParameterKey"]: p["ParameterValue"] for p in described["Parameters"]}


def test_deploying_again_updates_the_stack_in_place(world: World) -> None:
    assert main(["deploy", "--stack", STACK, "--bucket", BUCKET]) == 0
    assert read_stack(boto3.client("cloudformation"), STACK) == world.stack
    # Parameters the command was not given keep their values.
    assert _parameters()["NotificationEmail"] == "data-team@example.com"


def test_the_run_publishes_one_file_of_the_built_rows_sorted_by_user_and_product(
    world: World, first_run: dict
) -> None:
    assert first_run["code"] == 0
    built = ds.dataset(world.athena.locations["result_table"], format="parquet").to_table()
    published = _published_rows()
    assert len(published) == built.num_rows > 0
    keys = [(row["user_id"], row["product_id"]) for row in published]
    assert keys == sorted(keys)
    assert sorted(keys) == sorted(
        zip(built["user_id"].to_pylist(), built["product_id"].to_pylist(), strict=True)
    )


def test_the_drop_lands_byte_for_byte_in_the_s3_raw_zone(world: World, first_run: dict) -> None:
    lake = S3Lake(BUCKET, "", boto3.client("s3"))
    for key in LocalLake(world.drop).list_keys():
        table = key.removesuffix(".csv")
        with lake.open(f"raw/{table}/dt={DATE}/{key}") as landed:
            assert landed.read() == (world.drop / key).read_bytes()


def test_the_raw_tables_are_created_through_athena_in_the_stacks_workgroup(
    world: World, first_run: dict
) -> None:
    athena = boto3.client("athena")
    ids = athena.list_query_executions(WorkGroup=world.stack.athena_work_group)
    queries = [
        athena.get_query_execution(QueryExecutionId=i)["QueryExecution"]["Query"]
        for i in ids["QueryExecutionIds"]
    ]
    raw = world.stack.athena_raw_schema
    for table in ("aisles", "departments", "products", "orders", "order_products__prior"):
        assert any(f"create external table if not exists {raw}.{table} (" in q for q in queries)
    assert any(f"location 's3://{BUCKET}/raw/orders/'" in q for q in queries)


def test_the_glue_job_runs_this_versions_script_on_the_catalogs_location(
    world: World, first_run: dict
) -> None:
    script = boto3.client("s3").get_object(Bucket=BUCKET, Key="code/glue_spark/compact_result.py")
    assert script["Body"].read() == GLUE_SCRIPT.read_bytes()
    run = boto3.client("glue").get_job_run(
        JobName=world.stack.glue_job_name, RunId=world.glue.run_ids[0]
    )["JobRun"]
    assert run["Arguments"] == {
        "--input_path": world.athena.locations["result_table"],
        "--output_path": f"s3://{BUCKET}/sandbox/result_table",
        "--file_name": "result_table.parquet",
    }


def test_data_scientists_get_one_sns_message_with_the_counts(world: World, first_run: dict) -> None:
    [message] = first_run["messages"]
    body = json.loads(message["Message"].rsplit("\n", 1)[-1])
    built = {
        table: ds.dataset(location, format="parquet").count_rows()
        for table, location in world.athena.locations.items()
        if table in BUILT_TABLES  # the reported tables (not the quarantine, not the marts)
    }
    assert body["built_rows"] == built
    assert body["published"] == RESULT
    assert body["published_rows"] == built["result_table"]
    orders = (world.drop / "orders.csv").read_text().splitlines()[1:]
    assert body["landed_rows"]["orders"] == len(orders)
    assert message["MessageAttributes"]["date"]["Value"] == DATE


@contextmanager
def _failing(operation: str, code: str, times: int) -> Iterator[list[str]]:
    """Answer the first `times` calls of `operation` (e.g. sns.Publish) with error `code`,
    before they leave the process; yields the list of calls made."""
    calls: list[str] = []

    def answer(**_: Any) -> tuple[AWSResponse, dict] | None:
        calls.append(operation)
        if len(calls) > times:
            return None  # let the call through to moto
        error = {"Error": {"Code": code, "Message": "injected by the test"}}
        return AWSResponse("https://injected", 400, {}, None), error

    events = boto3._get_default_session().events
    events.register(f"before-call.{operation}", answer)
    try:
        yield calls
    finally:
        events.unregister(f"before-call.{operation}", answer)


def test_a_throttled_sns_publish_is_retried_and_delivered_once(
    world: World, first_run: dict
) -> None:
    # This run lands the same drop from a local folder, as an operator may.
    with _failing("sns.Publish", "Throttling", times=1) as calls:
        assert _run(world, source=str(world.drop)) == 0
    assert len(calls) == 2
    assert len(_messages(world)) == 1


def test_a_denied_glue_call_stops_the_run_naming_the_service_and_the_reason(
    world: World, first_run: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    s3 = boto3.client("s3")
    before = s3.head_object(Bucket=BUCKET, Key="sandbox/result_table/result_table.parquet")
    capsys.readouterr()
    with _failing("glue.StartJobRun", "AccessDeniedException", times=99) as calls:
        assert _run(world) == 1
    assert len(calls) == 1  # not retried
    said = capsys.readouterr().err
    assert "what was published before stays" in said
    assert "glue StartJobRun failed: AccessDeniedException: injected by the test" in said
    after = s3.head_object(Bucket=BUCKET, Key="sandbox/result_table/result_table.parquet")
    assert after["ETag"] == before["ETag"]
    assert _messages(world) == []


def test_a_stack_that_does_not_exist_is_named(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert _run(world, "--stack", "reorder-missing") == 1
    assert "stack 'reorder-missing' does not exist" in capsys.readouterr().err


def _corrupt_non_utf8(drop: Path) -> None:
    path = drop / "products.csv"
    lines = path.read_bytes().split(b"\n")
    lines[4] += b"\xff"
    path.write_bytes(b"\n".join(lines))


def _corrupt_header(drop: Path) -> None:
    path = drop / "orders.csv"
    header, rest = path.read_text().split("\n", 1)
    path.write_text(header.replace("order_id,user_id", "user_id,order_id") + "\n" + rest)


def _corrupt_every_tenth_line(drop: Path) -> None:
    path = drop / "order_products__prior.csv"
    lines = path.read_text().splitlines(keepends=True)
    for index in range(1, len(lines), 10):
        lines[index] = "x" + lines[index]
    path.write_text("".join(lines))


def _lake_objects() -> dict[str, str]:
    """Every object of the S3 lake's published and landed zones, with its ETag."""
    s3, found = boto3.client("s3"), {}
    for prefix in ("raw/", "sandbox/result_table/", "models/"):
        listed = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
        found |= {item["Key"]: item["ETag"] for item in listed.get("Contents", [])}
    return found


@pytest.mark.parametrize(
    ("corrupt", "says"),
    [
        (_corrupt_non_utf8, "products.csv, line 5: not valid UTF-8"),
        (_corrupt_header, "orders.csv, line 1: header is"),
        (_corrupt_every_tenth_line, "quarantine_max_share"),
    ],
    ids=["not UTF-8", "header swapped", "a tenth of the lines bad"],
)
def test_a_bad_drop_in_s3_leaves_the_s3_lake_as_it_was(
    world: World,
    first_run: dict,
    corrupt: Any,
    says: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    drop = tmp_path / "drop"
    shutil.copytree(world.drop, drop)
    corrupt(drop)
    prefix = f"bad-{uuid.uuid4().hex[:8]}"
    bad = S3Lake(DROPS, prefix, boto3.client("s3"))
    for key in LocalLake(drop).list_keys():
        with LocalLake(drop).open(key) as body:
            bad.write(key, body)
    before = _lake_objects()
    capsys.readouterr()
    # The next day: a drop that lands and then fails the build replaces no landed file.
    assert _run(world, source=f"s3://{DROPS}/{prefix}", date="2026-11-26") == 1
    assert says in capsys.readouterr().err
    after = _lake_objects()
    assert {key: after.get(key) for key in before} == before
    assert not any(key.startswith("sandbox/result_table/") for key in set(after) - set(before))
    assert _messages(world) == []
    # A drop that landed and failed the build is taken out again, so it spoils no later run.
    assert not [key for key in after if "dt=2026-11-26" in key]


def test_a_run_while_another_holds_the_s3_lease_is_refused(
    world: World, first_run: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    from flows.aws.run_lock import s3_run_lock

    before = _lake_objects()
    capsys.readouterr()
    with s3_run_lock(boto3.client("s3"), BUCKET, datetime.date(2026, 11, 25)):
        assert _run(world) == 1
    assert f"another run holds the lake s3://{BUCKET}" in capsys.readouterr().err
    assert _lake_objects() == before


def test_scheduled_aws_runs_find_the_drop_in_the_buckets_input_folder(world: World) -> None:
    from flows.aws.steps import inbox
    from flows.pipeline.settings import Settings

    settings = Settings(lake=world.lake, target="aws", stack=world.stack)
    assert inbox(settings, datetime.date(2026, 11, 25)) == f"s3://{BUCKET}/input/2026-11-25"


@pytest.fixture(scope="module")
def trained_runs(world: World, first_run: dict, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Two runs that train on SageMaker (through the stand-in), then a rollback."""
    from flows.aws import model as aws_model

    training = SageMakerTraining(tmp_path_factory.mktemp("sagemaker"))
    forget_update = moto_updates_endpoints()
    sagemaker = boto3.client("sagemaker")
    endpoint = aws_model.endpoint_name(world.stack)
    configs = []
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("flows.aws.model.train", training)
            patch.setattr("flows.aws.model.TRAINING_TIMEOUT_S", 0)
            patch.setattr("flows.aws.model.HOSTING_TIMEOUT_S", 0)
            codes = [_run(world, train=True), _run(world, train=True)]
            configs.append(sagemaker.describe_endpoint(EndpointName=endpoint))
            codes.append(main(["model", "rollback", "--target", "aws", "--stack", STACK]))
            configs.append(sagemaker.describe_endpoint(EndpointName=endpoint))
    finally:
        forget_update()
    return {"codes": codes, "jobs": training.jobs, "endpoints": configs,
            "messages": _messages(world)}  # fmt: skip


def test_training_runs_in_a_sagemaker_job_in_script_mode(world: World, trained_runs: dict) -> None:
    from flows.aws import model as aws_model

    assert trained_runs["codes"] == [0, 0, 0]
    job = trained_runs["jobs"][0]
    assert job["HyperParameters"]["sagemaker_program"] == '"train.py"'
    assert "xgboost" in job["AlgorithmSpecification"]["TrainingImage"]
    assert aws_model.FRAMEWORK_VERSION in job["AlgorithmSpecification"]["TrainingImage"]
    channels = {c["ChannelName"]: c for c in job["InputDataConfig"]}
    assert set(channels) == {"train", "validation"}
    users = []
    for channel in channels.values():
        uri = channel["DataSource"]["S3DataSource"]["S3Uri"]
        assert uri.startswith(f"s3://{BUCKET}/models/")
        users.append(set(ds.dataset(uri, format="parquet").to_table()["user_id"].to_pylist()))
    assert users[0] and users[1] and not users[0] & users[1]


def test_trained_models_are_registered_in_the_s3_lake(world: World, trained_runs: dict) -> None:
    from flows.aws import model as aws_model

    registry = aws_model.registry_for(world.stack)
    versions = registry.versions()
    assert len(versions) == 2
    for version in versions:
        assert registry.metrics(version)["roc_auc"] > 0.7
        lake = S3Lake(BUCKET, f"models/{version}", boto3.client("s3"))
        assert {"model.tar.gz", "report.html", "model/xgboost-model.json",
                "model/features.txt"} <= set(lake.list_keys())  # fmt: skip


def test_the_endpoint_is_created_then_updated_in_place_and_rolled_back(
    world: World, trained_runs: dict
) -> None:
    from flows.aws import model as aws_model

    first, second = (aws_model.job_name(v) for v in
                     aws_model.registry_for(world.stack).versions())  # fmt: skip
    after_two_runs, after_rollback = trained_runs["endpoints"]
    assert after_two_runs["EndpointConfigName"] == second
    assert after_rollback["EndpointConfigName"] == first
    assert after_two_runs["EndpointArn"] == after_rollback["EndpointArn"]  # the same endpoint
    model = boto3.client("sagemaker").describe_model(ModelName=second)
    assert model["PrimaryContainer"]["Environment"]["SAGEMAKER_PROGRAM"] == "inference.py"
    assert model["PrimaryContainer"]["ModelDataUrl"].endswith(
        f"models/{second.removeprefix('reorder-')}/model.tar.gz"
    )


def test_the_notification_names_the_deployed_model(trained_runs: dict) -> None:
    bodies = [json.loads(m["Message"].rsplit("\n", 1)[-1]) for m in trained_runs["messages"]]
    assert len(bodies) == 2
    assert all(body["model"]["deployed"] for body in bodies)
    assert bodies[1]["model"]["serving"] == bodies[1]["model"]["version"]


def test_each_run_is_kept_in_the_lake_as_the_notification_sent(
    world: World, trained_runs: dict
) -> None:
    s3 = boto3.client("s3")
    listed = s3.list_objects_v2(Bucket=world.stack.bucket, Prefix="runs/")["Contents"]
    records = [
        json.loads(s3.get_object(Bucket=world.stack.bucket, Key=item["Key"])["Body"].read())
        for item in listed
    ]
    kept = {record["run_id"]: record for record in records}
    for message in trained_runs["messages"]:  # its text opens with the subject, ends with the body
        text = message["Message"]
        body = json.loads(text.rsplit("\n", 1)[-1])
        assert kept[body["run_id"]] == {"subject": text.split("\n", 1)[0], **body}
    assert all(item["Key"] == f"runs/{r['date']}/{r['run_id']}.json"
               for item, r in zip(listed, records, strict=True))  # fmt: skip


def test_the_dashboard_is_built_from_the_s3_lake_and_published_beside_the_page(
    world: World, trained_runs: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    from flows.aws import model as aws_model
    from flows.dashboard.pages import PAGES

    assert main(["publish-dashboard", "--stack", STACK]) == 0
    said = capsys.readouterr().err
    assert f"{world.stack.page_url.rstrip('/')}/dashboard/index.html" in said
    s3 = boto3.client("s3")
    bucket = world.stack.page_bucket
    for page in PAGES:
        head = s3.head_object(Bucket=bucket, Key=f"dashboard/{page.slug}.html")
        assert head["ContentType"] == "text/html"
    assert s3.head_object(Bucket=bucket, Key="dashboard/vega.js")["ContentType"] == (
        "text/javascript"
    )
    # the model page carries every version of the S3 registry, the runs page every kept run
    model = s3.get_object(Bucket=bucket, Key="dashboard/model.html")["Body"].read().decode()
    assert all(v in model for v in aws_model.registry_for(world.stack).versions())
    runs = s3.get_object(Bucket=bucket, Key="dashboard/runs.html")["Body"].read().decode()
    assert "No published run yet" not in runs
    listed = s3.list_objects_v2(Bucket=world.stack.bucket, Prefix="runs/")["Contents"]
    assert listed and all(item["Key"].split("/")[1] in runs for item in listed)  # the dates


def test_the_page_is_published_to_the_website_bucket_pointing_at_the_api(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    from flows.aws.page import WEB_DIR

    bucket = world.stack.page_bucket
    assert main(["publish-page", "--stack", STACK, "--api-url", "https://api.example/"]) == 0
    assert world.stack.page_url in capsys.readouterr().err
    s3 = boto3.client("s3")
    index = s3.get_object(Bucket=bucket, Key="index.html")
    assert index["ContentType"] == "text/html"
    assert index["Body"].read() == (WEB_DIR / "index.html").read_bytes()
    assert s3.head_object(Bucket=bucket, Key="static/app.js")["ContentType"] == "text/javascript"
    config = s3.get_object(Bucket=bucket, Key="static/config.js")["Body"].read().decode()
    assert config == 'window.REORDER_API = "https://api.example";\n'
    assert main(["publish-page", "--stack", STACK, "--api-url", "api.example"]) == 2
    try:
        website = s3.get_bucket_website(Bucket=bucket)
    except s3.exceptions.ClientError:
        pytest.xfail("moto's CloudFormation ignores the bucket's WebsiteConfiguration")
    assert website["IndexDocument"] == {"Suffix": "index.html"}


# --- the API on Lambda: last, since it adds the ApiUrl output to the stack -------------------


def _function() -> dict:
    cloudformation = boto3.client("cloudformation")
    [function] = [
        resource["PhysicalResourceId"]
        for resource in cloudformation.list_stack_resources(StackName=STACK)[
            "StackResourceSummaries"
        ]
        if resource["LogicalResourceId"] == "ApiFunction"
    ]
    return boto3.client("lambda").get_function(FunctionName=function)


def test_publish_api_runs_the_package_on_lambda_with_the_stacks_names(
    world: World, lambda_package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import base64
    import hashlib

    from flows.aws.api_package import package_key
    from flows.aws.model import endpoint_name

    assert main(["publish-api", "--stack", STACK, "--package", str(lambda_package)]) == 0
    key = package_key(lambda_package)
    body = boto3.client("s3").get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert body == lambda_package.read_bytes()
    parameters = _parameters()
    assert parameters["ApiCodeKey"] == key
    assert parameters["NotificationEmail"] == "data-team@example.com"  # kept
    function = _function()
    configuration = function["Configuration"]
    assert configuration["CodeSha256"] == base64.b64encode(hashlib.sha256(body).digest()).decode()
    assert (configuration["Runtime"], configuration["Handler"]) == (
        "python3.11", "api.lambda_handler.handler"
    )  # fmt: skip
    variables = configuration["Environment"]["Variables"]
    # moto's CloudFormation has no Secrets Manager, so it leaves REORDER_SECRET_ARN out;
    # tests/infra checks it on the template, tests/api/test_lambda.py the handler reading it.
    variables.pop("REORDER_SECRET_ARN", None)
    assert variables == {
        "REORDER_LAKE_URI": world.stack.lake_uri,
        "REORDER_ENDPOINT_NAME": endpoint_name(world.stack),
        "REORDER_ATHENA_SCHEMA": world.stack.athena_schema,
        "REORDER_PAGE_ORIGIN": world.stack.page_url,
    }
    stack = read_stack(boto3.client("cloudformation"), STACK)
    assert stack.api_url is not None and stack.api_url in capsys.readouterr().err
    assert stack.api_url.startswith("https://")
    assert stack.api_url.endswith(".execute-api.us-east-1.amazonaws.com")


def test_publishing_the_same_package_again_uploads_and_changes_nothing(
    world: World, lambda_package: Path
) -> None:
    before = _function()["Configuration"]["CodeSha256"]
    assert main(["publish-api", "--stack", STACK, "--package", str(lambda_package)]) == 0
    listed = boto3.client("s3").list_objects_v2(Bucket=BUCKET, Prefix="code/api/")
    assert [item["Key"] for item in listed["Contents"]] == [_parameters()["ApiCodeKey"]]
    assert _function()["Configuration"]["CodeSha256"] == before


def test_the_page_points_at_the_stacks_api_by_default(world: World) -> None:
    assert main(["publish-page", "--stack", STACK]) == 0
    stack = read_stack(boto3.client("cloudformation"), STACK)
    config = boto3.client("s3").get_object(Bucket=stack.page_bucket, Key="static/config.js")
    assert config["Body"].read().decode() == f"window.REORDER_API = {json.dumps(stack.api_url)};\n"
    if "${HttpApi}" in str(stack.api_url):
        pytest.xfail("moto's CloudFormation has no AWS::ApiGatewayV2::Api, so no API id")


def test_a_missing_package_is_named(world: World, tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nowhere.zip"
    assert main(["publish-api", "--stack", STACK, "--package", str(missing)]) == 1
    assert str(missing) in capsys.readouterr().err
