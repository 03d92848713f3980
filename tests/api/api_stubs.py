"""Stand-ins for the API's tests: an endpoint whose answers (or failures) the test chooses,
and a clock that moves only when told."""

from collections.abc import Callable, Sequence

from fastapi import FastAPI

# `app_for(policy=..., clock=..., **services)`, the fixture of tests/api/conftest.py.
AppFor = Callable[..., FastAPI]


class StubEndpoint:
    """Answers `probability` for every row, or raises `error`."""

    def __init__(self, probability: float = 0.5, error: Exception | None = None) -> None:
        self.probability = probability
        self.error = error
        self.calls = 0

    async def predict(self, rows: Sequence[Sequence[float | None]]) -> list[float]:
        self.calls += 1
        if self.error is not None:
            raise self.error
        return [self.probability] * len(rows)


class FakeClock:
    """A monotonic clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
