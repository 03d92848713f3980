"""The API as a Lambda function (Mangum) against moto: the published file and the registry in
S3, product names from the catalog's Glue location, probabilities from a SageMaker endpoint
(moto answers invoke_endpoint with the bodies queued on its moto-api)."""

import importlib.util
import json
import subprocess
import sys
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import boto3
import duckdb
import pytest
import requests

from flows.aws.s3_lake import S3Lake
from flows.pipeline.lake import LocalLake

BUCKET = "reorder-lambda-lake"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def lambda_env(fake_aws_for_module: str, trained_lake: Path) -> Iterator[str]:
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=BUCKET)
    lake, local = S3Lake(BUCKET, "", s3), LocalLake(trained_lake)
    folders = ("sandbox/result_table", "sandbox/product_catalog", "models")
    for key in [key for folder in folders for key in local.list_keys(folder)]:
        with local.open(key) as body:
            lake.write(key, body)
    glue = boto3.client("glue")
    glue.create_database(DatabaseInput={"Name": "reorder_lambda"})
    glue.create_table(DatabaseName="reorder_lambda", TableInput={
        "Name": "product_catalog",
        "StorageDescriptor": {"Location": f"s3://{BUCKET}/sandbox/product_catalog"},
    })  # fmt: skip
    from api import lambda_handler

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REORDER_LAKE_URI", f"s3://{BUCKET}")
        patch.setenv("REORDER_ENDPOINT_NAME", "reorder-model")
        patch.setenv("REORDER_ATHENA_SCHEMA", "reorder_lambda")
        lambda_handler._adapter.cache_clear()
        yield fake_aws_for_module
        lambda_handler._adapter.cache_clear()


def _event(method: str, path: str, body: dict | None = None) -> dict:
    """An API Gateway HTTP API (payload 2.0) event."""
    return {
        "version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": "",
        "headers": {"content-type": "application/json", "host": "api.example"},
        "requestContext": {"http": {"method": method, "path": path, "sourceIp": "192.0.2.1",
                                    "protocol": "HTTP/1.1", "userAgent": "test"},
                           "stage": "$default"},
        "body": json.dumps(body) if body is not None else None, "isBase64Encoded": False,
    }  # fmt: skip


def _published_pair(lake: Path, offset: int) -> tuple[int, int]:
    published = lake / "sandbox/result_table/result_table.parquet"
    [pair] = duckdb.sql(
        f"select user_id, product_id from '{published}' limit 1 offset {offset}"
    ).fetchall()
    return pair


def _answer_next_invocation(moto: str, probability: float) -> None:
    """What moto's SageMaker endpoint answers the next new request body with."""
    queued = requests.post(
        f"{moto}/moto-api/static/sagemaker/endpoint-results",
        json={"results": [{"Body": f"{probability}\n", "ContentType": "text/csv"}]}, timeout=5,
    )  # fmt: skip
    assert queued.status_code == 201


def test_predict_through_the_lambda_handler(lambda_env: str, trained_lake: Path) -> None:
    from api.lambda_handler import handler

    user, product = _published_pair(trained_lake, 0)
    _answer_next_invocation(lambda_env, 0.8125)
    answer = handler(_event("POST", "/predict", {"user_id": user, "product_id": product}), None)
    assert answer["statusCode"] == 200, answer["body"]
    body = json.loads(answer["body"])
    assert body["probability"] == 0.8125 and body["likely"] is True
    health = json.loads(handler(_event("GET", "/health"), None)["body"])
    assert health["model_version"] == body["model_version"]
    missing = handler(_event("POST", "/predict", {"user_id": 999999, "product_id": 1}), None)
    assert missing["statusCode"] == 404


def test_product_search_reads_the_catalog_where_glue_says(lambda_env: str) -> None:
    from api.lambda_handler import handler

    event = _event("GET", "/products")
    event["rawQueryString"] = "query=ba&limit=3"
    found = json.loads(handler(event, None)["body"])
    assert 0 < len(found) <= 3 and all("ba" in p["product_name"].lower() for p in found)


# --- the package `reorder publish-api` uploads ---------------------------------------------------

# What Lambda's python3.11 runtime provides besides the standard library.
RUNTIME_PACKAGES = ("boto3", "botocore", "s3transfer", "jmespath", "dateutil", "urllib3", "six")
GLIBC_OF_THE_RUNTIME = (2, 26)  # Amazon Linux 2


def _platform_glibc(tag: str) -> tuple[int, int] | None:
    """(2, 17) for manylinux2014_x86_64 or manylinux_2_17_x86_64; None for a pure wheel."""
    if tag.endswith("-any"):
        return None
    platform = tag.rsplit("-", 1)[1]
    if platform.startswith("manylinux2014"):
        return (2, 17)
    major, minor = platform.removeprefix("manylinux_").split("_")[:2]
    return (int(major), int(minor))


def test_the_lambda_pins_follow_the_lock_but_for_the_binary_wheels() -> None:
    import tomllib

    from flows.aws.api_package import LAMBDA_REQUIREMENTS

    locked = {
        package["name"]: package["version"]
        for package in tomllib.loads((ROOT / "uv.lock").read_text())["package"]
    }
    pinned = dict(
        line.split("==") for line in LAMBDA_REQUIREMENTS.read_text().splitlines()
        if "==" in line and not line.lstrip().startswith("#")
    )  # fmt: skip
    roots = [
        line.split(">")[0].split("<")[0].strip()
        for line in (ROOT / "api" / "lambda-requirements.in").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert set(roots) <= set(pinned)
    differing = {name for name, version in pinned.items() if locked.get(name) != version}
    assert differing <= {"numpy", "pyarrow"}, "run `make lambda-lock`"


def test_the_package_fits_lambda_and_loads_on_its_runtime(lambda_package: Path) -> None:
    from flows.aws.api_package import UNZIPPED_LIMIT_BYTES

    with zipfile.ZipFile(lambda_package) as archive:
        entries = archive.infolist()
        names = {entry.filename for entry in entries}
        wheels = [
            archive.read(name).decode() for name in names if name.endswith(".dist-info/WHEEL")
        ]
    assert sum(entry.file_size for entry in entries) <= UNZIPPED_LIMIT_BYTES
    assert "api/lambda_handler.py" in names
    assert not {name.split("/")[0] for name in names} & set(RUNTIME_PACKAGES)
    tags = [line.split(": ")[1] for wheel in wheels for line in wheel.splitlines()
            if line.startswith("Tag: ")]  # fmt: skip
    assert len(wheels) >= 10 and tags
    needed = {glibc for glibc in map(_platform_glibc, tags) if glibc is not None}
    assert needed and max(needed) <= GLIBC_OF_THE_RUNTIME


def test_the_same_files_make_the_same_package(lambda_package: Path, tmp_path: Path) -> None:
    from flows.aws.api_package import build_package, package_key

    again = build_package(tmp_path / "again.zip")
    assert package_key(again) == package_key(lambda_package)
    assert package_key(lambda_package).startswith("code/api/")


def test_the_packaged_handler_answers_with_only_the_runtimes_packages(
    lambda_env: str, lambda_package: Path, trained_lake: Path, tmp_path: Path
) -> None:
    # Run the handler from the unzipped package in a fresh interpreter that sees the package
    # and the runtime's own libraries, never this project's environment.
    code = tmp_path / "task"
    with zipfile.ZipFile(lambda_package) as archive:
        archive.extractall(code)
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    for name in RUNTIME_PACKAGES:
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin is not None
        source = Path(spec.origin)
        source = source.parent if source.name == "__init__.py" else source
        (runtime / source.name).symlink_to(source)
    # Another pair than the first test's: moto answers the same request body the same way.
    user, product = _published_pair(trained_lake, 7)
    _answer_next_invocation(lambda_env, 0.25)
    events = [
        _event("GET", "/health"),
        _event("POST", "/predict", {"user_id": user, "product_id": product}),
    ]
    script = (
        "import json, sys\n"
        f"sys.path[:0] = [{str(code)!r}, {str(runtime)!r}]\n"
        "from api.lambda_handler import handler\n"
        "import numpy, pyarrow\n"
        "answers = [handler(event, None) for event in json.loads(sys.stdin.read())]\n"
        "print(json.dumps({'answers': answers, 'files': [numpy.__file__, pyarrow.__file__]}))\n"
    )
    # -I -S: no site-packages, no PYTHONPATH; the AWS_* variables still point boto3 at moto.
    ran = subprocess.run(
        [sys.executable, "-I", "-S", "-c", script], input=json.dumps(events),
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr[-3000:]
    result = json.loads(ran.stdout.splitlines()[-1])
    assert all(Path(file).is_relative_to(code) for file in result["files"])
    health, predicted = result["answers"]
    assert health["statusCode"] == 200 and json.loads(health["body"])["status"] == "ok"
    assert predicted["statusCode"] == 200, predicted["body"]
    assert json.loads(predicted["body"])["probability"] == 0.25


def test_the_stacks_secret_closes_the_prediction_routes_to_callers_without_a_key(
    lambda_env: str, trained_lake: Path
) -> None:
    from api import lambda_handler
    from api.lambda_handler import handler

    secrets = boto3.client("secretsmanager")
    key = "reorder-test-key-0123456789"
    arn = secrets.create_secret(
        Name=f"reorder-lambda-api-{uuid.uuid4().hex[:8]}",
        SecretString=json.dumps({"api_keys": [key], "admin_token": "t" * 40}),
    )["ARN"]
    user, product = _published_pair(trained_lake, 3)
    _answer_next_invocation(lambda_env, 0.5)
    body = {"user_id": user, "product_id": product}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REORDER_SECRET_ARN", arn)
        lambda_handler._adapter.cache_clear()
        try:
            refused = handler(_event("POST", "/predict", body), None)
            keyed = _event("POST", "/predict", body)
            keyed["headers"]["x-api-key"] = key
            answered = handler(keyed, None)
        finally:
            lambda_handler._adapter.cache_clear()
    assert refused["statusCode"] == 401
    assert answered["statusCode"] == 200, answered["body"]
    assert json.loads(answered["body"])["probability"] == 0.5


def test_a_secret_that_is_not_the_expected_json_is_named(lambda_env: str) -> None:
    from api.lambda_handler import secret_settings
    from api.policy import PolicyError

    secrets = boto3.client("secretsmanager")
    arn = secrets.create_secret(
        Name=f"reorder-lambda-bad-{uuid.uuid4().hex[:8]}",
        SecretString=json.dumps({"api_keys": "one-key"}),
    )["ARN"]
    with pytest.raises(PolicyError, match="api_keys must be a list of strings"):
        secret_settings(arn)
    assert secret_settings(
        secrets.create_secret(
            Name=f"reorder-lambda-ok-{uuid.uuid4().hex[:8]}",
            SecretString=json.dumps({"api_keys": ["a", "b"], "admin_token": "t" * 20}),
        )["ARN"]
    ) == {"REORDER_API_KEYS": "a,b", "REORDER_ADMIN_TOKEN": "t" * 20}
