"""The lake's store under `s3://bucket/prefix`: the Lake interface over a boto3 S3 client."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from typing import Any, BinaryIO

from flows.pipeline.lake import Lake, Readable

DELETE_BATCH = 1000  # the most keys one S3 DeleteObjects call accepts

# A boto3 S3 client; typed loosely because the S3 type stubs are not installed.
S3Client = Any


def _join(*parts: str) -> str:
    return "/".join(part.strip("/") for part in parts if part.strip("/"))


class S3Lake(Lake):
    """A lake under `s3://bucket/prefix`; publishing copies staged objects in, then prunes."""

    def __init__(self, bucket: str, prefix: str, client: S3Client) -> None:
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self._client = client

    def __repr__(self) -> str:
        return f"S3Lake('s3://{_join(self.bucket, self.prefix)}')"

    def _key(self, key: str) -> str:
        return _join(self.prefix, key)

    @contextmanager
    def open(self, key: str) -> Iterator[BinaryIO]:
        response = self._client.get_object(Bucket=self.bucket, Key=self._key(key))
        with closing(response["Body"]) as body:
            yield body

    def write(self, key: str, stream: Readable) -> None:
        # upload_fileobj reads a stream without seek sequentially, in part-sized reads.
        self._client.upload_fileobj(stream, self.bucket, self._key(key))

    def exists(self, key: str) -> bool:
        try:
            self._client.head_object(Bucket=self.bucket, Key=self._key(key))
        except self._client.exceptions.ClientError as error:
            if error.response["Error"]["Code"] in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    def list_keys(self, prefix: str = "") -> list[str]:
        folder = self._key(prefix)
        start = len(self.prefix) + 1 if self.prefix else 0
        pages = self._client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=f"{folder}/" if folder else ""
        )
        keys = (item["Key"] for page in pages for item in page.get("Contents", []))
        # Keys ending in "/" are console "folder" markers, not objects.
        return sorted(key[start:] for key in keys if not key.endswith("/"))

    def delete_prefix(self, prefix: str) -> None:
        self._delete(self.list_keys(prefix))

    def _delete(self, keys: list[str]) -> None:
        for start in range(0, len(keys), DELETE_BATCH):
            batch = [{"Key": self._key(key)} for key in keys[start : start + DELETE_BATCH]]
            response = self._client.delete_objects(
                Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True}
            )
            if response.get("Errors"):
                first = response["Errors"][0]
                raise OSError(f"s3://{self.bucket}/{first['Key']}: {first['Message']}")

    def publish(self, moves: Mapping[str, str]) -> None:
        # S3 has no rename: copy every staged object over its final key first (each key is
        # replaced atomically), then delete the old keys the new partitions do not have.
        # A failure during the copies can leave some partitions new and some old; landing
        # the same drop again repairs that.
        stale: list[str] = []
        for staged, target in moves.items():
            old = set(self.list_keys(target))
            for key in self.list_keys(staged):
                final = _join(target, key.removeprefix(_join(staged)))
                self._copy(key, final)
                old.discard(final)
            stale.extend(sorted(old))
        self._delete(stale)

    def _copy(self, source: str, final: str) -> None:
        # The managed copy switches to multipart for objects over 5 GB.
        self._client.copy(
            {"Bucket": self.bucket, "Key": self._key(source)}, self.bucket, self._key(final)
        )


def s3_client() -> S3Client:
    """A boto3 S3 client from the environment (credentials, region, AWS_ENDPOINT_URL)."""
    import boto3  # only the aws extra installs boto3; a local lake never needs it

    return boto3.client("s3")


def s3_lake(location: str, client: S3Client | None = None) -> S3Lake:
    """The lake at `s3://bucket/prefix`, through `client` or one made from the environment."""
    bucket, _, prefix = location.removeprefix("s3://").partition("/")
    if not bucket:
        raise ValueError(f"{location}: an S3 location needs a bucket, as in s3://bucket/prefix")
    return S3Lake(bucket, prefix, client if client is not None else s3_client())
