"""Training and serving on SageMaker, through the SageMaker Python SDK (v2).

Training: the channels are written from the published file into the lake's models/ zone, and
the `sagemaker.xgboost.XGBoost` estimator runs sagemaker/train.py in script mode in the
XGBoost 3.0-5 framework container. Its model and report come back into the registry.
Serving: the stack's endpoint is created on the first deploy and updated in place after
that, with sagemaker/inference.py as its entry point.

The SDK is imported only here, inside the functions (it takes seconds to import).
"""

import os
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow.compute as pc
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from flows.aws.s3_lake import S3Lake
from flows.aws.services import split_s3_uri
from flows.aws.stack import AwsStack
from flows.pipeline.registry import Registry
from flows.pipeline.settings import PROJECT_DIR
from flows.pipeline.training import USER_HASH, VALIDATION_PER_MILLE, TrainingError

SOURCE_DIR = PROJECT_DIR / "sagemaker"
FRAMEWORK_VERSION = "3.0-5"  # XGBoost 3.0, the version the project pins
TRAINING_INSTANCE = "ml.m5.2xlarge"
HOSTING_INSTANCE = "ml.m5.large"
TRAINING_TIMEOUT_S = 3600
HOSTING_TIMEOUT_S = 1800


SDK_CONFIG = Path(__file__).with_name("sagemaker_sdk.yaml")


def configure_sdk() -> None:
    """Before the SDK is imported (it reads these then): no usage reporting, no notice."""
    os.environ.setdefault("SAGEMAKER_USER_CONFIG_OVERRIDE", str(SDK_CONFIG))
    os.environ.setdefault("SAGEMAKER_SUPPRESS_V2_WARNING", "1")


def sagemaker_session(stack: AwsStack) -> Any:
    configure_sdk()
    import boto3

    import sagemaker

    return sagemaker.Session(
        boto_session=boto3.Session(region_name=stack.region), default_bucket=stack.bucket
    )


def job_name(version: str) -> str:
    """SageMaker's names allow letters, digits and hyphens, 63 at most."""
    return f"reorder-{version}"[:63]


def endpoint_name(stack: AwsStack) -> str:
    return f"{stack.name}-model"


def write_channels(published: str, channels: str) -> dict[str, str]:
    """The train and validation channels under `channels` (s3://...), split by user as
    flows/local/training.py does. The published file is read one row group at a time, and each
    channel file is written locally first, then uploaded whole."""
    import boto3

    source_fs, source = pafs.FileSystem.from_uri(published)
    reader = pq.ParquetFile(source_fs.open_input_file(source))
    uris = {name: f"{channels}/{name}" for name in ("train", "validation")}
    with tempfile.TemporaryDirectory() as folder:
        files = {name: Path(folder) / f"{name}.parquet" for name in uris}
        schema = reader.schema_arrow
        writers = {name: pq.ParquetWriter(path, schema) for name, path in files.items()}
        try:
            for group in range(reader.num_row_groups):
                table = reader.read_row_group(group)
                table = table.filter(pc.equal(table["eval_set"], "train"))
                users = table["user_id"].to_numpy()
                validation = (users * USER_HASH) % 1000 < VALIDATION_PER_MILLE
                writers["validation"].write_table(table.filter(validation))
                writers["train"].write_table(table.filter(np.logical_not(validation)))
        finally:
            for writer in writers.values():
                writer.close()
        s3 = boto3.client("s3")
        for name, path in files.items():
            bucket, key = split_s3_uri(f"{uris[name]}/part-0.parquet")
            s3.upload_file(str(path), bucket, key)
    return uris


def _wait(
    describe: Callable[[], dict], status_key: str, done: str, what: str, timeout_s: float,
    poll_s: float,
) -> dict:  # fmt: skip
    waited = 0.0
    while True:
        found = describe()
        status = found[status_key]
        if status == done:
            return found
        if status in ("Failed", "Stopped"):
            reason = found.get("FailureReason", status)
            raise TrainingError(f"SageMaker {what} ended {status}: {reason}")
        if waited >= timeout_s:
            raise TrainingError(f"SageMaker {what} still {status} after {timeout_s:.0f} s")
        time.sleep(poll_s)
        waited += poll_s


def train(stack: AwsStack, channels: dict[str, str], version: str, poll_s: float = 30) -> dict:
    """Run the training job and wait for it; returns its description."""
    configure_sdk()
    from sagemaker.inputs import TrainingInput
    from sagemaker.xgboost import XGBoost

    session = sagemaker_session(stack)
    estimator = XGBoost(
        entry_point="train.py",
        source_dir=str(SOURCE_DIR),
        framework_version=FRAMEWORK_VERSION,
        py_version="py3",
        role=stack.sagemaker_role_arn,
        instance_count=1,
        instance_type=TRAINING_INSTANCE,
        output_path=f"{stack.lake_uri}/models/{version}/training",
        code_location=f"{stack.lake_uri}/code/sagemaker",
        sagemaker_session=session,
    )
    inputs = {
        name: TrainingInput(uri, content_type="application/x-parquet")
        for name, uri in channels.items()
    }
    name = job_name(version)
    estimator.fit(inputs, wait=False, job_name=name)
    client = session.sagemaker_client
    return _wait(
        lambda: client.describe_training_job(TrainingJobName=name), "TrainingJobStatus",
        "Completed", f"training job {name}", TRAINING_TIMEOUT_S, poll_s,
    )  # fmt: skip


def register(stack: AwsStack, registry: Registry, job: dict, version: str) -> None:
    """Unpack the job's model and report into the registry; keep the model archive beside
    them for hosting."""
    import boto3

    s3 = boto3.client("s3", region_name=stack.region)
    model_archive = job["ModelArtifacts"]["S3ModelArtifacts"]
    output_archive = model_archive.rsplit("/", 1)[0] + "/output.tar.gz"
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for uri, into in ((model_archive, work / "model"), (output_archive, work / "output")):
            bucket, key = split_s3_uri(uri)
            archive = work / f"{into.name}.tar.gz"
            s3.download_file(bucket, key, str(archive))
            with tarfile.open(archive) as tar:
                tar.extractall(into, filter="data")
        registry.add(version, work / "model", work / "output" / "report.html")
        bucket, key = split_s3_uri(model_archive)
        s3.copy({"Bucket": bucket, "Key": key}, stack.bucket, f"models/{version}/model.tar.gz")


def deploy(stack: AwsStack, version: str, poll_s: float = 30) -> None:
    """Put `version` behind the stack's endpoint: create the endpoint the first time, update
    it in place afterwards (SageMaker keeps serving the old model until the new one is up)."""
    configure_sdk()
    from sagemaker.xgboost import XGBoostModel

    session = sagemaker_session(stack)
    name, endpoint = job_name(version), endpoint_name(stack)
    model = XGBoostModel(
        model_data=f"{stack.lake_uri}/models/{version}/model.tar.gz",
        role=stack.sagemaker_role_arn,
        entry_point="inference.py",
        source_dir=str(SOURCE_DIR),
        framework_version=FRAMEWORK_VERSION,
        py_version="py3",
        code_location=f"{stack.lake_uri}/code/sagemaker",
        sagemaker_session=session,
        name=name,
    )
    client = session.sagemaker_client
    if not _exists(client.list_endpoints(NameContains=endpoint)["Endpoints"], "Endpoint", endpoint):
        model.deploy(
            initial_instance_count=1, instance_type=HOSTING_INSTANCE, endpoint_name=endpoint,
            wait=False,
        )  # fmt: skip
    else:
        if not _exists(client.list_models(NameContains=name)["Models"], "Model", name):
            model.create(instance_type=HOSTING_INSTANCE)
        configs = client.list_endpoint_configs(NameContains=name)["EndpointConfigs"]
        if not _exists(configs, "EndpointConfig", name):
            session.create_endpoint_config(
                name=name, model_name=name, initial_instance_count=1,
                instance_type=HOSTING_INSTANCE,
            )  # fmt: skip
        session.update_endpoint(endpoint, name, wait=False)
    _wait(
        lambda: client.describe_endpoint(EndpointName=endpoint), "EndpointStatus", "InService",
        f"endpoint {endpoint}", HOSTING_TIMEOUT_S, poll_s,
    )  # fmt: skip


def _exists(listed: list[dict], kind: str, name: str) -> bool:
    # NameContains matches longer names too: compare whole names.
    return any(item[f"{kind}Name"] == name for item in listed)


def registry_for(stack: AwsStack) -> Registry:
    import boto3

    return Registry(S3Lake(stack.bucket, "", boto3.client("s3", region_name=stack.region)))
