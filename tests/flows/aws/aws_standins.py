"""Stand-ins for the engines moto does not run: Athena SQL, Glue job scripts and SageMaker
training containers.

moto answers their API calls but executes neither SQL nor scripts. To run the aws target end
to end, these do what the engines would do to S3 and to the Glue catalog, with the project's
own local implementations:

- `AthenaBuild` replaces `dbt build` on the athena target: it copies the S3 lake's raw zone
  into a local lake, builds the same models there with dbt on DuckDB, then puts each table
  the run reports on in a new <uuid>/ under its folder in the S3 lake, with a Glue catalog
  table pointing there, as dbt-athena does (a new location on every build).
- `GlueRun` replaces the Spark work of a Glue job run: after the real `run_glue_job` call
  against moto, it sorts the input parts into one parquet file staged beside the published
  folder and hands it to the Glue script's own `publish`, whose S3 code runs against moto.
- `SageMakerTraining` does the training container's work after the real SDK call, and
  `moto_updates_endpoints` adds the UpdateEndpoint call moto lacks.

What verifies them instead: the athena-compiled SQL is checked by
tests/dbt_project/test_athena_portability.py, the Glue script runs on local PySpark in
tests/flows/local/test_compaction.py, and sagemaker/train.py and inference.py run locally in
tests/sagemaker/.
"""

import importlib.util
import os
import subprocess
import sys
import tarfile
import uuid
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import boto3
import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from flows.aws import services as aws
from flows.aws.s3_lake import S3Lake
from flows.dashboard.export import MARTS
from flows.pipeline.compaction import GLUE_SCRIPT
from flows.pipeline.lake import LocalLake
from flows.pipeline.settings import Settings
from flows.pipeline.tables import LOCAL_FOLDERS, local_locations
from flows.pipeline.transform import dbt_build


def glue_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compact_result", GLUE_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class AthenaBuild:
    """`build` of the aws target, as Athena would leave S3 and the catalog."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.locations: dict[str, str] = {}  # table -> S3 location of the last build
        self._built: dict[tuple, Path] = {}  # raw zone listing -> local lake built from it

    def __call__(self, settings: Settings) -> None:
        assert settings.stack is not None
        stack, s3, glue = settings.stack, boto3.client("s3"), boto3.client("glue")
        local = self._local_build(S3Lake(stack.bucket, "", s3))
        folders = {**LOCAL_FOLDERS, **{mart: f"marts/{mart}" for mart in MARTS}}
        # the dashboard's marts too: dbt builds them on Athena like every other model
        marts = {mart: str(local / "marts" / mart) for mart in MARTS}
        for table, folder in {**local_locations(local), **marts}.items():
            prefix = f"{folders[table]}/{uuid.uuid4().hex}"
            # a partitioned table's files keep their <column>=<value>/ folders
            for part in sorted(Path(folder).rglob("*.parquet")):
                key = f"{prefix}/{part.relative_to(folder).as_posix()}"
                s3.upload_file(str(part), stack.bucket, key)
            location = f"{stack.lake_uri}/{prefix}"
            _register(glue, stack.athena_schema, table, location)
            self.locations[table] = location

    def _local_build(self, lake: S3Lake) -> Path:
        raw = [key for key in lake.list_keys("raw") if not key.startswith("raw/.staging/")]
        # Keys and contents: a date landed again keeps its keys with new bytes.
        s3 = boto3.client("s3")
        listing = tuple((key, s3.head_object(Bucket=lake.bucket, Key=key)["ETag"])
                        for key in raw)  # fmt: skip
        if listing not in self._built:
            local = self.workdir / f"lake-{len(self._built)}"
            for key in raw:
                with lake.open(key) as body:
                    LocalLake(local).write(key, body)
            dbt_build(Settings(lake=local))
            self._built[listing] = local
        return self._built[listing]


def _register(glue: Any, database: str, table: str, location: str) -> None:
    table_input = {
        "Name": table,
        "TableType": "EXTERNAL_TABLE",
        "StorageDescriptor": {"Location": location, "Columns": []},
    }
    try:
        glue.update_table(DatabaseName=database, TableInput=table_input)
    except glue.exceptions.EntityNotFoundException:
        glue.create_table(DatabaseName=database, TableInput=table_input)


class GlueRun:
    """`run_glue_job`, followed by the job's work as the Glue script would do it."""

    def __init__(self) -> None:
        self.script = glue_script()
        self.run_ids: list[str] = []

    def __call__(self, glue: Any, job_name: str, arguments: dict[str, str], **_: Any) -> str:
        run_id = aws.run_glue_job(glue, job_name, arguments, poll_seconds=0, sleep=lambda _: None)
        self.run_ids.append(run_id)
        output = arguments["output_path"].rstrip("/")
        staging = f"{output}_staging/{uuid.uuid4().hex}"
        rows = ds.dataset(arguments["input_path"], format="parquet").to_table()
        rows = rows.sort_by([("user_id", "ascending"), ("product_id", "ascending")])
        staged = f"{staging}/part-00000.parquet"
        filesystem, path = pafs.FileSystem.from_uri(staged)
        pq.write_table(rows, path, filesystem=filesystem, compression="zstd")
        store = self.script.Store(output)
        self.script.publish(store, staged, output, arguments["file_name"])
        store.remove(staging)
        return run_id


class SageMakerTraining:
    """`aws_model.train`, followed by the training container's work as SageMaker does it:
    the real SDK call creates the job on moto (which marks it Completed at once), then
    sagemaker/train.py runs here on the channels read back from S3, and its model and output
    folders are put where SageMaker puts them, as model.tar.gz and output.tar.gz."""

    def __init__(self, workdir: Path) -> None:
        from flows.aws import model as aws_model

        self.workdir = workdir
        self.jobs: list[dict] = []
        self._train = aws_model.train  # the real one, before it is patched with this

    def __call__(self, stack: Any, channels: dict[str, str], version: str, **_: Any) -> dict:
        from flows.aws import model as aws_model

        job = self._train(stack, channels, version, poll_s=0)
        work = self.workdir / version
        environment = {**os.environ}
        for name, uri in channels.items():
            bucket, prefix = uri.removeprefix("s3://").split("/", 1)
            lake = S3Lake(bucket, prefix, boto3.client("s3"))
            for key in lake.list_keys():
                with lake.open(key) as body:
                    LocalLake(work / "channels" / name).write(key, body)
            environment[f"SM_CHANNEL_{name.upper()}"] = str(work / "channels" / name)
        environment |= {"SM_MODEL_DIR": str(work / "model"),
                        "SM_OUTPUT_DATA_DIR": str(work / "output")}  # fmt: skip
        subprocess.run(
            [sys.executable, str(aws_model.SOURCE_DIR / "train.py")], env=environment,
            check=True, capture_output=True,
        )  # fmt: skip
        model_archive = job["ModelArtifacts"]["S3ModelArtifacts"]
        for folder, uri in (
            ("model", model_archive),
            ("output", model_archive.rsplit("/", 1)[0] + "/output.tar.gz"),
        ):
            archive = work / f"{folder}.tar.gz"
            with tarfile.open(archive, "w:gz") as tar:
                for path in sorted((work / folder).iterdir()):
                    tar.add(path, arcname=path.name)
            bucket, key = uri.removeprefix("s3://").split("/", 1)
            boto3.client("s3").upload_file(str(archive), bucket, key)
        self.jobs.append(job)
        return job


def moto_updates_endpoints() -> Callable[[], None]:
    """Teach the moto server in this process UpdateEndpoint, which it lacks: the endpoint
    takes the new endpoint configuration, as SageMaker's does once the update is done.
    Returns the function that takes it back."""
    from moto.core.responses import ActionResult
    from moto.sagemaker.responses import SageMakerResponse

    def update_endpoint(self: Any) -> Any:
        backend = self.sagemaker_backend
        endpoint = backend.endpoints[self._get_param("EndpointName")]
        config = backend.endpoint_configs[self._get_param("EndpointConfigName")]
        endpoint.endpoint_config_name = config.endpoint_config_name
        endpoint.production_variants = config.production_variants
        return ActionResult({"EndpointArn": endpoint.arn})

    SageMakerResponse.update_endpoint = update_endpoint  # type: ignore[attr-defined]
    return lambda: delattr(SageMakerResponse, "update_endpoint")
