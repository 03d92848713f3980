"""Object storage for the lake: one small interface, and its local folder implementation
(the S3 one is the aws target's, flows/aws/s3_lake.py).

Keys are relative, "/"-separated paths such as `raw/orders/dt=2026-11-25/orders.csv`; a
prefix names a folder (`raw/orders/dt=2026-11-25`) and never matches a sibling that merely
starts with the same characters. The same interface reads drop folders, so landing works
unchanged from a local drop or an `s3://bucket/prefix` drop.
"""

from __future__ import annotations

import os
import shutil
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Protocol

COPY_CHUNK = 1 << 20


class Readable(Protocol):
    """What `Lake.write` consumes: a binary stream read front to back, b"" at the end."""

    def read(self, size: int = -1, /) -> bytes: ...


class Lake(ABC):
    """A store of objects under relative keys."""

    @abstractmethod
    def open(self, key: str) -> AbstractContextManager[BinaryIO]:
        """Open an object for streaming reads."""

    @abstractmethod
    def write(self, key: str, stream: Readable) -> None:
        """Write an object from a stream, replacing any object under that key."""

    @abstractmethod
    def exists(self, key: str) -> bool:
        """Whether an object is stored under exactly this key."""

    @abstractmethod
    def list_keys(self, prefix: str = "") -> list[str]:
        """Keys under a folder prefix ("" for all), sorted."""

    @abstractmethod
    def delete_prefix(self, prefix: str) -> None:
        """Delete every object under a folder prefix; no error when there is none."""

    @abstractmethod
    def publish(self, moves: Mapping[str, str]) -> None:
        """Make each target prefix hold exactly what its staged prefix holds.

        `moves` maps staged prefix -> target prefix, both in this lake (a local lake
        renames, so staging must share the lake's filesystem). Whatever a target held
        before is removed; other prefixes are untouched. Staged objects may be consumed.
        """


class LocalLake(Lake):
    """A lake in a local folder; publishing swaps directories by rename."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def __repr__(self) -> str:
        return f"LocalLake({str(self.root)!r})"

    def _path(self, key: str) -> Path:
        return self.root / key if key else self.root

    @contextmanager
    def open(self, key: str) -> Iterator[BinaryIO]:
        with self._path(key).open("rb") as stream:
            yield stream

    def write(self, key: str, stream: Readable) -> None:
        # Written beside and renamed into place, as S3 replaces an object: a reader sees the
        # old object or the new one, never a part.
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.partial")
        try:
            with partial.open("wb") as out:
                while chunk := stream.read(COPY_CHUNK):
                    out.write(chunk)
                out.flush()
                # Durable before it is renamed: a rename must never expose unwritten data.
                os.fsync(out.fileno())
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def list_keys(self, prefix: str = "") -> list[str]:
        base = self._path(prefix)
        if not base.is_dir():
            return []
        return sorted(
            path.relative_to(self.root).as_posix() for path in base.rglob("*") if path.is_file()
        )

    def delete_prefix(self, prefix: str) -> None:
        path = self._path(prefix)
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        self._prune_empty_parents(path.parent)

    def _prune_empty_parents(self, folder: Path) -> None:
        # S3 has no empty folders; pruning keeps both lakes listing the same.
        while folder != self.root and folder.is_relative_to(self.root):
            try:
                folder.rmdir()
            except OSError:
                return
            folder = folder.parent

    def publish(self, moves: Mapping[str, str]) -> None:
        # Move every old partition aside and every staged one in; undo all on any failure,
        # so the targets stay as they were. A reader may briefly miss a partition between
        # its two renames (no atomic directory exchange here), never see a half-written one.
        done: list[tuple[Path, Path]] = []
        asides: list[Path] = []
        try:
            for staged, target in moves.items():
                source, final = self._path(staged), self._path(target)
                aside = source.with_name(source.name + ".replaced")
                if final.exists():
                    _rename(final, aside, done)
                    asides.append(aside)
                final.parent.mkdir(parents=True, exist_ok=True)
                _rename(source, final, done)
        except BaseException:
            _undo(done)
            raise
        for folder in {final.parent for _, final in done}:
            _fsync_dir(folder)
        for aside in asides:
            shutil.rmtree(aside, ignore_errors=True)


def _rename(source: Path, final: Path, done: list[tuple[Path, Path]]) -> None:
    source.rename(final)
    done.append((source, final))


def _undo(done: list[tuple[Path, Path]]) -> None:
    # Best effort, newest first: one rename that cannot be undone must not stop the others.
    for source, final in reversed(done):
        try:
            final.rename(source)
        except OSError:
            continue


def _fsync_dir(folder: Path) -> None:
    # Persist the renames themselves, not only the files' contents.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def lake_for(location: str | Path, client: Any = None) -> Lake:
    """The lake (or drop folder) at a local path or an `s3://bucket/prefix` URL; an S3 one
    uses `client` (a boto3 S3 client), else one made from the environment."""
    text = str(location)
    if not text.startswith("s3://"):
        return LocalLake(Path(text))
    # A drop may be delivered to S3 whichever target runs: its store is the aws target's.
    from flows.aws.s3_lake import s3_lake

    return s3_lake(text, client)
