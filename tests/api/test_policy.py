"""The API's policy from REORDER_* variables: defaults, parsing, and refusals that name the
variable; `reorder serve` and the Lambda handler read it before loading anything."""

from pathlib import Path

import pytest

from api.policy import DEFAULT_POLICY, ApiPolicy, PolicyError

EVERYTHING = {
    "REORDER_API_KEYS": " key-one, key-two ,,",
    "REORDER_ADMIN_TOKEN": "  admin-token-0123456789  ",
    "REORDER_RATE_PER_SECOND": "2.5",
    "REORDER_RATE_BURST": "5",
    "REORDER_RATE_EXEMPT": "10.0.0.1, 10.0.0.2",
    "REORDER_MAX_BODY_BYTES": "1000",
    "REORDER_MAX_BATCH_BODY_BYTES": "2000",
}


def test_the_defaults() -> None:
    assert ApiPolicy.from_environment({}) == DEFAULT_POLICY == ApiPolicy(
        api_keys=frozenset(), admin_token=None, rate_per_second=20.0, rate_burst=40,
        rate_exempt=frozenset({"127.0.0.1", "::1"}), max_clients=10_000,
        max_body_bytes=65536, max_batch_body_bytes=131072,
    )  # fmt: skip
    empty = ApiPolicy.from_environment(dict.fromkeys(EVERYTHING, ""))
    assert empty == ApiPolicy(rate_exempt=frozenset())  # set empty: nobody is exempt


def test_every_variable_is_read() -> None:
    policy = ApiPolicy.from_environment(EVERYTHING)
    assert policy == ApiPolicy(
        api_keys=frozenset({"key-one", "key-two"}), admin_token="admin-token-0123456789",
        rate_per_second=2.5, rate_burst=5, rate_exempt=frozenset({"10.0.0.1", "10.0.0.2"}),
        max_body_bytes=1000, max_batch_body_bytes=2000,
    )  # fmt: skip
    assert policy.rate_limited
    assert not ApiPolicy.from_environment({"REORDER_RATE_PER_SECOND": "0"}).rate_limited


def test_the_process_environment_is_read_when_called_never_at_import(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REORDER_API_KEYS", "from-the-process")
    assert ApiPolicy.from_environment().api_keys == {"from-the-process"}
    assert DEFAULT_POLICY.api_keys == frozenset()


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("REORDER_RATE_PER_SECOND", "fast", "REORDER_RATE_PER_SECOND='fast' is not a number"),
        ("REORDER_RATE_PER_SECOND", "nan", "not a finite number"),
        ("REORDER_RATE_PER_SECOND", "-1", "must not be negative"),
        ("REORDER_RATE_BURST", "1.5", "REORDER_RATE_BURST='1.5' is not a whole number"),
        ("REORDER_RATE_BURST", "0", "at least 1"),
        ("REORDER_MAX_BODY_BYTES", "64k", "REORDER_MAX_BODY_BYTES='64k' is not a whole number"),
        ("REORDER_MAX_BATCH_BODY_BYTES", "0", "at least 1 byte"),
        ("REORDER_ADMIN_TOKEN", "short", "16 characters or more"),
    ],
)
def test_a_bad_value_is_refused_naming_why(name: str, value: str, said: str) -> None:
    with pytest.raises(PolicyError, match="REORDER_\\* API settings") as refused:
        ApiPolicy.from_environment({name: value})
    assert said in str(refused.value)


def test_serve_refuses_a_bad_policy_before_starting_anything(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from flows.local import serve

    def no_endpoint(*args: object, **kwargs: object) -> None:
        raise AssertionError("the endpoint must not start")

    monkeypatch.setattr(serve, "local_endpoint", no_endpoint)
    monkeypatch.setenv("REORDER_RATE_BURST", "lots")
    with pytest.raises(serve.ServeError, match="REORDER_RATE_BURST='lots'"):
        serve.serve(tmp_path)


def test_the_lambda_refuses_a_bad_policy_before_reading_the_lake(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from api import lambda_handler

    monkeypatch.delenv("REORDER_LAKE_URI", raising=False)  # read after the policy, if at all
    monkeypatch.setenv("REORDER_ADMIN_TOKEN", "too-short")
    with pytest.raises(PolicyError, match="16 characters"):
        lambda_handler.build_app()
