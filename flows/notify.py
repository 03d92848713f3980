"""Notification: tell data scientists what the run published.

The message carries the run id, the date, row counts per table, quarantined rows per rule,
the published location and the duration of each step. Locally it is appended as one JSON
line to <lake>/outbox/notifications.jsonl, the stand-in for the SNS topic used on AWS.
"""

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flows.settings import Settings


@dataclass(frozen=True)
class Notification:
    subject: str
    body: dict[str, Any]


def new_run_id() -> str:
    return uuid.uuid4().hex


def outbox_path(settings: Settings) -> Path:
    return settings.lake / "outbox" / "notifications.jsonl"


def send_local(settings: Settings, notification: Notification) -> Path:
    """Append the notification as one JSON line; one write, so lines never interleave."""
    path = outbox_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"subject": notification.subject, **notification.body}, sort_keys=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(descriptor, (line + "\n").encode())
    finally:
        os.close(descriptor)
    return path
