"""Which failures are worth a retry: transient service errors, never data errors."""

from typing import Any

# Error codes AWS services answer when a call may succeed if simply tried again.
TRANSIENT_AWS_CODES = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "SlowDown",
        "ServiceUnavailable",
        "InternalError",
        "InternalFailure",
        "RequestTimeout",
        "ConcurrentRunsExceededException",
    }
)


def is_transient(error: BaseException) -> bool:
    """True for a throttled, unavailable or unreachable service; False for everything else."""
    transient = getattr(error, "transient", None)  # flows.aws.services.AwsError decided already
    if isinstance(transient, bool):
        return transient
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        code = response.get("Error", {}).get("Code", "")
        return code in TRANSIENT_AWS_CODES
    names = {cls.__name__ for cls in type(error).__mro__}
    return bool(names & {"EndpointConnectionError", "ConnectTimeoutError", "ReadTimeoutError"})


def retry_transient(task: Any, task_run: Any, state: Any) -> bool:
    """Prefect retry condition: retry the task only when it failed transiently."""
    try:
        state.result()
    except Exception as error:
        return is_transient(error)
    return False
