"""The API as a Lambda function (Mangum) against moto: the published file and the registry in
S3, product names from the catalog's Glue location, probabilities from a SageMaker endpoint
(moto answers invoke_endpoint with the bodies queued on its moto-api)."""

import json
from collections.abc import Iterator
from pathlib import Path

import boto3
import duckdb
import pytest
import requests

from flows.lake import LocalLake, S3Lake

BUCKET = "reorder-lambda-lake"


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


def test_predict_through_the_lambda_handler(lambda_env: str, trained_lake: Path) -> None:
    from api.lambda_handler import handler

    published = trained_lake / "sandbox/result_table/result_table.parquet"
    [(user, product)] = duckdb.sql(
        f"select user_id, product_id from '{published}' limit 1"
    ).fetchall()
    queued = requests.post(
        f"{lambda_env}/moto-api/static/sagemaker/endpoint-results",
        json={"results": [{"Body": "0.8125\n", "ContentType": "text/csv"}]}, timeout=5,
    )  # fmt: skip
    assert queued.status_code == 201
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
