"""The API as an AWS Lambda function behind API Gateway, through Mangum.

Configured by the environment, from the stack's outputs:
    REORDER_LAKE_URI           the lake, s3://bucket (published file, registry)
    REORDER_ENDPOINT_NAME      the SageMaker endpoint serving the deployed model
    REORDER_ATHENA_SCHEMA      the Glue database where dbt keeps product_catalog
    REORDER_PAGE_ORIGIN        the public page's website origin (allowed by CORS), optional
    REORDER_SECRET_ARN         the stack's Secrets Manager secret of the API keys and admin
                               token, {"api_keys": [...], "admin_token": "..."}, optional
and guarded by the REORDER_* policy variables of api/policy.py (API keys, admin token, rate
and body limits), the secret's keys and token taking the place of REORDER_API_KEYS and
REORDER_ADMIN_TOKEN. POST /admin/rollback answers 501 here: `reorder model rollback --target
aws` moves the SageMaker endpoint and the registry together.
The app is built on the first request and kept for the container's life.
"""

from __future__ import annotations

import functools
import json
import os
from typing import Any

from api.app import Services, create_app
from api.catalog import Catalog
from api.deployed import Registry
from api.endpoint import SageMakerEndpoint
from api.features import FeatureStore
from api.policy import ApiPolicy, PolicyError

PUBLISHED = "sandbox/result_table/result_table.parquet"


def catalog_location(schema: str) -> str:
    """Where dbt-athena keeps product_catalog now (each build moves it)."""
    import boto3

    table = boto3.client("glue").get_table(DatabaseName=schema, Name="product_catalog")
    return table["Table"]["StorageDescriptor"]["Location"]


def secret_settings(arn: str) -> dict[str, str]:
    """REORDER_API_KEYS and REORDER_ADMIN_TOKEN as the secret holds them."""
    import boto3

    text = boto3.client("secretsmanager").get_secret_value(SecretId=arn)["SecretString"]
    try:
        secret = json.loads(text)
    except ValueError:
        raise PolicyError(f"the secret {arn} is not JSON") from None
    keys, token = secret.get("api_keys", []), secret.get("admin_token") or ""
    if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
        raise PolicyError(f"the secret {arn}: api_keys must be a list of strings")
    if not isinstance(token, str):
        raise PolicyError(f"the secret {arn}: admin_token must be a string")
    return {"REORDER_API_KEYS": ",".join(keys), "REORDER_ADMIN_TOKEN": token}


def build_app() -> Any:
    environment = dict(os.environ)
    if environment.get("REORDER_SECRET_ARN"):
        environment |= secret_settings(environment["REORDER_SECRET_ARN"])
    # First: a bad setting fails before the slow part.
    policy = ApiPolicy.from_environment(environment)
    lake = os.environ["REORDER_LAKE_URI"].rstrip("/")
    services = Services(
        store=FeatureStore(f"{lake}/{PUBLISHED}"),
        catalog=Catalog(catalog_location(os.environ["REORDER_ATHENA_SCHEMA"])),
        registry=Registry(lake),
        endpoint=SageMakerEndpoint(os.environ["REORDER_ENDPOINT_NAME"]),
    )
    origin = os.environ.get("REORDER_PAGE_ORIGIN", "").rstrip("/")
    return create_app(services, page_origins=(origin,) if origin else (), policy=policy)


@functools.cache
def _adapter() -> Any:
    # Built once per Lambda container: warm requests skip reading the file's index.
    from mangum import Mangum

    return Mangum(build_app(), lifespan="off")


def handler(event: dict, context: Any) -> dict:
    return _adapter()(event, context)
