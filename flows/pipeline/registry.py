"""The model registry: every trained version under the lake's models/ zone, and which one
is deployed.

    models/<version>/model/     xgboost-model.json, features.txt, metrics.json,
                                feature_importance.json (what the endpoint loads),
                                curves.json (the validation's curves and calibration)
    models/<version>/report.html
    models/deployed.json        {"version": ..., "history": [older deployed versions]}

The same on a local lake and on S3 (flows/pipeline/lake.py, flows/aws/s3_lake.py).
deployed.json is one object replaced whole, so readers (the local endpoint, the API) see the
old deployment or the new one. Rolling back deploys the version deployed before the current
one.
"""

from __future__ import annotations

import datetime
import io
import json
from dataclasses import dataclass
from pathlib import Path

from flows.pipeline.lake import Lake

ZONE = "models"
POINTER = f"{ZONE}/deployed.json"
MARKER = "metrics.json"  # written last: a version with it is complete


class RegistryError(RuntimeError):
    """The registry cannot do what was asked (no such version, nothing to roll back to)."""


@dataclass(frozen=True)
class Deployment:
    version: str
    history: tuple[str, ...]  # versions deployed before, oldest first


def new_version(run_id: str, now: datetime.datetime | None = None) -> str:
    """A version name that sorts by training time: 20261125T020312Z-1a2b3c4d."""
    now = now or datetime.datetime.now(datetime.UTC)
    return f"{now:%Y%m%dT%H%M%SZ}-{run_id[:8]}"


class Registry:
    def __init__(self, lake: Lake) -> None:
        self.lake = lake

    def model_prefix(self, version: str) -> str:
        return f"{ZONE}/{version}/model"

    def add(self, version: str, model_dir: Path, report: Path) -> None:
        """Copy a trained model folder and its report in as `version`.

        metrics.json goes last: a version exists once it is there (`versions`), so a copy
        cut short leaves no version that looks complete.
        """
        files = sorted(model_dir.iterdir(), key=lambda path: (path.name == MARKER, path.name))
        with report.open("rb") as stream:
            self.lake.write(f"{ZONE}/{version}/report.html", stream)
        for path in files:
            with path.open("rb") as stream:
                self.lake.write(f"{self.model_prefix(version)}/{path.name}", stream)

    def versions(self) -> list[str]:
        """Every registered version, oldest first."""
        # models/<version>/model/metrics.json; folders starting with "." are work in progress
        parts = [key.split("/") for key in self.lake.list_keys(ZONE)]
        return sorted(
            {
                part[1]
                for part in parts
                if len(part) == 4 and part[2:] == ["model", MARKER] and not part[1].startswith(".")
            }
        )

    def metrics(self, version: str) -> dict:
        key = f"{self.model_prefix(version)}/metrics.json"
        if not self.lake.exists(key):
            raise RegistryError(f"no model version {version!r} in {self.lake!r}")
        with self.lake.open(key) as stream:
            return json.loads(stream.read())

    def deployment(self) -> Deployment | None:
        if not self.lake.exists(POINTER):
            return None
        with self.lake.open(POINTER) as stream:
            pointer = json.loads(stream.read())
        return Deployment(version=pointer["version"], history=tuple(pointer["history"]))

    def deploy(self, version: str) -> Deployment:
        """Make `version` the deployed one; the current one goes into the history."""
        if not self.lake.exists(f"{self.model_prefix(version)}/metrics.json"):
            raise RegistryError(f"no model version {version!r} to deploy in {self.lake!r}")
        current = self.deployment()
        history = () if current is None else (*current.history, current.version)
        return self._point(Deployment(version=version, history=history))

    def rollback(self) -> Deployment:
        """Deploy again the version deployed before the current one."""
        current = self.deployment()
        if current is None or not current.history:
            raise RegistryError("no earlier deployed model to roll back to")
        return self._point(Deployment(version=current.history[-1], history=current.history[:-1]))

    def _point(self, deployment: Deployment) -> Deployment:
        body = json.dumps({"version": deployment.version, "history": list(deployment.history)})
        self.lake.write(POINTER, io.BytesIO(body.encode()))
        return deployment
