"""The deployed model as the API sees it: its version, features and threshold, read from the
registry in the lake (models/deployed.json and the version's model files), local or on S3.

Re-read when the pointer changes, at most once per `refresh_seconds`, so a deploy or a
rollback reaches the API without a restart; `reload` re-reads it at once (POST /admin/reload).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass

import pyarrow.fs as pafs


class NoModelError(RuntimeError):
    """No model is deployed yet."""


@dataclass(frozen=True)
class DeployedModel:
    version: str
    features: list[str]
    threshold: float
    metrics: dict


def _filesystem(root: str) -> tuple[pafs.FileSystem, str]:
    if "://" in root:
        return pafs.FileSystem.from_uri(root)
    return pafs.LocalFileSystem(), root


class Registry:
    """Reads the lake's models/ zone."""

    def __init__(self, lake: str, refresh_seconds: float = 5.0) -> None:
        self._fs, root = _filesystem(lake)
        self._models = f"{root.rstrip('/')}/models"
        self._refresh = refresh_seconds
        self._lock = threading.Lock()
        self._checked = -float("inf")
        self._current: DeployedModel | None = None

    def _read(self, path: str) -> str:
        with self._fs.open_input_stream(path) as stream:
            return stream.read().decode()

    def deployed(self) -> DeployedModel:
        with self._lock:
            if time.monotonic() - self._checked >= self._refresh:
                self._reload()
            if self._current is None:
                raise NoModelError("no model is deployed yet")
            return self._current

    def reload(self) -> DeployedModel | None:
        """Read the pointer now, not at the next refresh; None when no model is deployed."""
        with self._lock:
            self._reload()
            return self._current

    def _reload(self) -> None:
        self._current = self._load()
        self._checked = time.monotonic()

    def _load(self) -> DeployedModel | None:
        try:
            version = json.loads(self._read(f"{self._models}/deployed.json"))["version"]
        except FileNotFoundError:
            return None
        if self._current is not None and self._current.version == version:
            return self._current
        folder = f"{self._models}/{version}/model"
        lines = (
            line.split("#", 1)[0].strip()
            for line in self._read(f"{folder}/features.txt").splitlines()
        )
        metrics = json.loads(self._read(f"{folder}/metrics.json"))
        return DeployedModel(
            version=version,
            features=[line for line in lines if line],
            threshold=float(metrics["threshold"]),
            metrics=metrics,
        )
