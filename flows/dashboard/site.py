"""The dashboard as a static site: one HTML page per page of flows/dashboard/pages.py, and
the Vega libraries once, as vl-convert bundles them, so the pages need no network.

The site is written into a folder beside its destination and swapped in whole: a reader of
the old site never sees half of the new one, and a failed build leaves the old one.
"""

from __future__ import annotations

import datetime
import html
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import vl_convert

from flows.dashboard.pages import PAGES, query_for

BUNDLE = "vega.js"
TEMPLATE = Path(__file__).with_name("page.html")


@dataclass(frozen=True)
class Site:
    path: Path
    pages: tuple[str, ...]  # file names
    bytes: int


def _navigation(current: str) -> str:
    links = []
    for page in PAGES:
        here = ' aria-current="page"' if page.slug == current else ""
        links.append(f'<a href="{page.slug}.html"{here}>{html.escape(page.title)}</a>')
    return "\n      ".join(links)


def _page_html(template: str, slug: str, title: str, summary: str, spec: dict, built: str) -> str:
    return (
        template.replace("{{title}}", html.escape(title))
        .replace("{{summary}}", html.escape(summary))
        .replace("{{navigation}}", _navigation(slug))
        .replace("{{built}}", html.escape(built))
        .replace("{{bundle}}", BUNDLE)
        # </ inside the JSON would end the script element early
        .replace("{{spec}}", json.dumps(spec).replace("</", "<\\/"))
    )


def build_site(database: Path, out: Path) -> Site:
    """Write the site for the exported DuckDB file `database` to the folder `out`."""
    built = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    partial = out.with_name(f".{out.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        with duckdb.connect(str(database), read_only=True) as con:
            query, template = query_for(con), TEMPLATE.read_text()
            for page in PAGES:
                spec = page.chart(query).to_dict()
                document = _page_html(template, page.slug, page.title, page.summary, spec, built)
                (partial / f"{page.slug}.html").write_text(document)
        (partial / BUNDLE).write_text(vl_convert.javascript_bundle())
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    _swap(partial, out)
    return Site(
        path=out,
        pages=tuple(f"{page.slug}.html" for page in PAGES),
        bytes=sum(path.stat().st_size for path in out.iterdir()),
    )


def _swap(new: Path, out: Path) -> None:
    """Put the folder `new` where `out` is, keeping the old one until the new is in place."""
    old = out.with_name(f".{out.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.replace(old)
    new.replace(out)
    shutil.rmtree(old, ignore_errors=True)
