"""The model endpoint the API calls: the local endpoint over HTTP, or a SageMaker endpoint.

Both take rows of feature values in the model's feature order, sent as text/csv (SageMaker's
hosting contract) and answer one probability per row.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

import httpx


class EndpointError(RuntimeError):
    """The endpoint did not answer with one probability per row."""


def to_csv(rows: Sequence[Sequence[float | None]]) -> str:
    return "".join(
        ",".join("" if v is None or (isinstance(v, float) and math.isnan(v)) else repr(v)
                 for v in row) + "\n"
        for row in rows
    )  # fmt: skip


def from_csv(body: str, expected: int) -> list[float]:
    values = [float(line) for line in body.split()]
    if len(values) != expected:
        raise EndpointError(f"the endpoint answered {len(values)} values for {expected} rows")
    return values


class Endpoint(Protocol):
    async def predict(self, rows: Sequence[Sequence[float | None]]) -> list[float]: ...


class LocalEndpoint:
    """sagemaker/local_endpoint.py at a URL on this machine."""

    def __init__(self, url: str) -> None:
        self._client = httpx.AsyncClient(base_url=url, timeout=10.0)

    async def predict(self, rows: Sequence[Sequence[float | None]]) -> list[float]:
        body = to_csv(rows)
        for attempt in range(2):
            try:
                response = await self._client.post(
                    "/invocations", content=body,
                    headers={"Content-Type": "text/csv", "Accept": "text/csv"},
                )  # fmt: skip
                break
            except httpx.TransportError as error:
                # A kept-alive connection the server just closed: one new try, then give up.
                if attempt == 1:
                    raise EndpointError(f"the endpoint is not answering: {error!r}") from error
        if response.status_code != 200:
            raise EndpointError(f"the endpoint answered {response.status_code}: {response.text}")
        return from_csv(response.text, len(rows))

    async def close(self) -> None:
        await self._client.aclose()


class SageMakerEndpoint:
    """A SageMaker real-time endpoint, through sagemaker-runtime's InvokeEndpoint."""

    def __init__(self, name: str, client: object | None = None) -> None:
        if client is None:
            import boto3

            client = boto3.client("sagemaker-runtime")
        self.name = name
        self._client = client

    async def predict(self, rows: Sequence[Sequence[float | None]]) -> list[float]:
        import asyncio

        def invoke() -> str:
            response = self._client.invoke_endpoint(  # type: ignore[attr-defined]
                EndpointName=self.name, ContentType="text/csv", Accept="text/csv",
                Body=to_csv(rows).encode(),
            )  # fmt: skip
            return response["Body"].read().decode()

        return from_csv(await asyncio.to_thread(invoke), len(rows))
