"""Notification: tell data scientists what the run published.

The message carries the run id, the date, row counts per table, quarantined rows per rule,
the published location and the duration of each step. Each target sends it its own way: the
local outbox file (flows/local/outbox.py) or the SNS topic (flows/aws/services.py).
"""

import json
import uuid
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Notification:
    subject: str
    body: dict[str, Any]


def new_run_id() -> str:
    return uuid.uuid4().hex


def notification_record(notification: Notification) -> str:
    """The notification as one JSON object, its subject beside the body's fields: what the
    local outbox and the S3 lake's runs/ zone keep of each published run."""
    return json.dumps({"subject": notification.subject, **notification.body}, sort_keys=True)
