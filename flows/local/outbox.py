"""The local stand-in for the SNS topic: each notification appended as one JSON line to
<lake>/outbox/notifications.jsonl."""

import os
from pathlib import Path

from flows.pipeline.notify import Notification, notification_record
from flows.pipeline.settings import Settings

OUTBOX = Path("outbox") / "notifications.jsonl"  # in the lake


def outbox_path(settings: Settings) -> Path:
    return settings.lake / OUTBOX


def send_local(settings: Settings, notification: Notification) -> Path:
    """Append the notification as one JSON line; one write, so lines never interleave."""
    path = outbox_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = notification_record(notification)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(descriptor, (line + "\n").encode())
    finally:
        os.close(descriptor)
    return path
