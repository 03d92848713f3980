"""Admin actions, behind the admin token (api/auth.py):

POST /admin/reload      read the deployed model's pointer now, not at the next refresh
POST /admin/rollback    deploy again the model deployed before the current one
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field

from api.auth import admin_check
from api.deployed import Registry
from api.errors import Problem
from api.policy import ApiPolicy


class RollbackError(RuntimeError):
    """The rollback could not be done (nothing to roll back to); the message says why."""


class AdminAnswer(BaseModel):
    model_version: Annotated[
        str | None, Field(description="the deployed model now; null when there is none")
    ]


def admin_routes(
    registry: Registry, rollback: Callable[[], str] | None, policy: ApiPolicy
) -> APIRouter:
    router = APIRouter(
        prefix="/admin", tags=["admin"], dependencies=[Depends(admin_check(policy))],
        responses={401: {"model": Problem, "description": "no valid admin token"},
                   403: {"model": Problem, "description": "admin actions are disabled"}},
    )  # fmt: skip
    one_at_a_time = threading.Lock()  # two rollbacks at once would skip a version

    @router.post("/reload", response_model=AdminAnswer)
    def reload() -> AdminAnswer:
        model = registry.reload()
        return AdminAnswer(model_version=None if model is None else model.version)

    @router.post(
        "/rollback", response_model=AdminAnswer,
        responses={409: {"model": Problem, "description": "nothing to roll back to"},
                   501: {"model": Problem, "description": "not available in this deployment"}},
    )  # fmt: skip
    def roll_back() -> AdminAnswer:
        if rollback is None:
            raise HTTPException(
                501, "rollback is not available in this deployment: run `reorder model "
                "rollback --target aws`, which moves the endpoint and the registry together",
            )  # fmt: skip
        with one_at_a_time:
            try:
                version = rollback()
            except RollbackError as error:
                raise HTTPException(409, str(error)) from None
            registry.reload()
        return AdminAnswer(model_version=version)

    return router
