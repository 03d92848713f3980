"""A dashboard build: the data file (flows/dashboard/export.py), then the static site over
it (flows/dashboard/site.py), in one folder: <out>/dashboard.duckdb and <out>/site/."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from flows.dashboard.export import Exported, export_dashboard
from flows.dashboard.site import Site, build_site
from flows.pipeline.registry import Registry

DATABASE = "dashboard.duckdb"
SITE = "site"


@dataclass(frozen=True)
class Dashboard:
    data: Exported
    site: Site
    seconds: float


def build_dashboard(
    marts: Mapping[str, Sequence[Path]],
    registry: Registry,
    notifications: Iterable[dict],
    out: Path,
) -> Dashboard:
    started = time.perf_counter()
    data = export_dashboard(marts, registry, notifications, out / DATABASE)
    site = build_site(data.path, out / SITE)
    return Dashboard(data=data, site=site, seconds=time.perf_counter() - started)
