"""`reorder publish-page`: the public page onto the stack's S3 website bucket, pointed at the
API's URL (web/config.js is written with it; everything else is copied as it is)."""

import json
import mimetypes
from typing import Any

from flows.pipeline.settings import PROJECT_DIR

WEB_DIR = PROJECT_DIR / "web"
# Bucket key -> file in web/: the layout `reorder serve` serves, so one page works in both.
PAGE_FILES = {
    "index.html": "index.html",
    "static/app.js": "app.js",
    "static/style.css": "style.css",
}


def publish_page(s3: Any, bucket: str, api_url: str) -> list[str]:
    """Upload the page with content types a browser accepts; returns the keys written."""
    for key, name in PAGE_FILES.items():
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        s3.upload_file(
            str(WEB_DIR / name), bucket, key,
            ExtraArgs={"ContentType": content_type, "CacheControl": "max-age=300"},
        )  # fmt: skip
    config = f"window.REORDER_API = {json.dumps(api_url.rstrip('/'))};\n"
    s3.put_object(
        Bucket=bucket, Key="static/config.js", Body=config.encode(),
        ContentType="text/javascript", CacheControl="max-age=60",
    )  # fmt: skip
    return [*PAGE_FILES, "static/config.js"]
