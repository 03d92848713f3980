"""`reorder publish-dashboard`: the analyst dashboard of the S3 lake, built on this machine
and uploaded to the stack's website bucket under dashboard/.

The marts' files are found through the Glue catalog (dbt-athena moves a table on every
build) and downloaded: they are small counts, a few MB at full scale. The runs come from the
records the aws target's notify step keeps in the lake's runs/ zone, since SNS keeps no
history of what it sent.
"""

from __future__ import annotations

import io
import json
import mimetypes
import shutil
from pathlib import Path
from typing import Any

from flows.aws.model import registry_for
from flows.aws.s3_lake import S3Lake, s3_lake
from flows.aws.services import table_location
from flows.aws.stack import AwsStack
from flows.dashboard.build import Dashboard, build_dashboard
from flows.dashboard.export import MARTS, ExportError
from flows.pipeline.notify import Notification, notification_record
from flows.pipeline.tables import is_data

RUNS = "runs"  # the lake's zone of run records
DASHBOARD_PREFIX = "dashboard/"


def run_record_key(body: dict) -> str:
    """Where a published run's notification is kept: runs/<date>/<run id>.json."""
    return f"{RUNS}/{body['date']}/{body['run_id']}.json"


def keep_run_record(lake: S3Lake, notification: Notification) -> str:
    """Write the notification as the local outbox does, one JSON object per run."""
    key = run_record_key(notification.body)
    lake.write(key, io.BytesIO(notification_record(notification).encode()))
    return key


def run_records(lake: S3Lake) -> list[dict]:
    """Every kept run record, in date order; one that is not JSON is an error naming it."""
    records = []
    for key in lake.list_keys(RUNS):
        with lake.open(key) as stream:
            body = stream.read()
        try:
            records.append(json.loads(body))
        except json.JSONDecodeError as error:
            raise ExportError(
                f"s3://{lake.bucket}/{key}: not a JSON run record ({error.msg})"
            ) from None
    return records


def download_marts(s3: Any, glue: Any, stack: AwsStack, folder: Path) -> dict[str, list[Path]]:
    """Each mart's current files, from where the catalog says they are, into `folder`."""
    marts: dict[str, list[Path]] = {}
    for mart in MARTS:
        table = s3_lake(table_location(glue, stack.athena_schema, mart), s3)
        target = folder / mart
        target.mkdir(parents=True, exist_ok=True)
        marts[mart] = []
        for number, key in enumerate(k for k in table.list_keys() if is_data(k)):
            path = target / f"part-{number:05d}.parquet"  # Athena's files have no extension
            with table.open(key) as stream, path.open("wb") as out:
                shutil.copyfileobj(stream, out)
            marts[mart].append(path)
    return marts


def upload_site(s3: Any, bucket: str, site: Path) -> list[str]:
    """Every file of the built site under dashboard/, with its content type; returns the
    keys. Pages first-uploaded would reference a bundle not there yet, so the bundle goes
    first and the pages after it."""
    files = sorted(site.iterdir(), key=lambda path: (path.suffix == ".html", path.name))
    keys = []
    for path in files:
        key = DASHBOARD_PREFIX + path.name
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        s3.upload_file(
            str(path), bucket, key,
            ExtraArgs={"ContentType": content_type, "CacheControl": "max-age=300"},
        )  # fmt: skip
        keys.append(key)
    return keys


def publish_dashboard(
    s3: Any, glue: Any, stack: AwsStack, work: Path
) -> tuple[Dashboard, list[str]]:
    """Build the S3 lake's dashboard in `work` and upload its site; returns the build and
    the keys written to the website bucket."""
    marts = download_marts(s3, glue, stack, work / "marts")
    records = run_records(S3Lake(stack.bucket, "", s3))
    dashboard = build_dashboard(marts, registry_for(stack), records, work / "dashboard")
    return dashboard, upload_site(s3, stack.page_bucket, dashboard.site.path)
