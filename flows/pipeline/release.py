"""The quality gate and the release of a trained model.

A model is deployed only when its validation ROC AUC clears a floor and is not worse than
the deployed model's by more than a tolerance. Otherwise the deployed model keeps serving
and the decision says why; either way the new version stays in the registry.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flows.pipeline.registry import Registry


@dataclass(frozen=True)
class GatePolicy:
    min_roc_auc: float = 0.70
    max_roc_auc_drop: float = 0.01  # how much worse than the deployed model is tolerated

    def __post_init__(self) -> None:
        if not 0 <= self.min_roc_auc <= 1 or not 0 <= self.max_roc_auc_drop <= 1:
            raise ValueError("gate thresholds are ROC AUC values, between 0 and 1")


@dataclass(frozen=True)
class Release:
    version: str  # the version trained by this run
    metrics: dict
    passed: bool
    reason: str
    deployed: str | None  # the version serving after the release


def judge(metrics: dict, deployed_metrics: dict | None, policy: GatePolicy) -> tuple[bool, str]:
    """Whether a model with `metrics` may replace the deployed one, and why."""
    auc = metrics["roc_auc"]
    if auc < policy.min_roc_auc:
        return False, f"ROC AUC {auc:.4f} is below the floor {policy.min_roc_auc:.4f}"
    if deployed_metrics is not None:
        serving = deployed_metrics["roc_auc"]
        if auc < serving - policy.max_roc_auc_drop:
            return False, (
                f"ROC AUC {auc:.4f} is worse than the deployed model's {serving:.4f} by more "
                f"than {policy.max_roc_auc_drop:.4f}"
            )
        return True, f"ROC AUC {auc:.4f} (deployed model: {serving:.4f})"
    return True, f"ROC AUC {auc:.4f}, the first model deployed"


def release(
    registry: Registry,
    version: str,
    policy: GatePolicy,
    serve: Callable[[str], None] = lambda version: None,
) -> Release:
    """Gate the registered `version` and, if it passes, deploy it: `serve` puts it behind
    the endpoint first, then the registry records it as deployed."""
    metrics = registry.metrics(version)
    current = registry.deployment()
    deployed_metrics = None if current is None else registry.metrics(current.version)
    passed, reason = judge(metrics, deployed_metrics, policy)
    if not passed:
        serving = None if current is None else current.version
        return Release(version, metrics, passed=False, reason=reason, deployed=serving)
    serve(version)
    registry.deploy(version)
    return Release(version, metrics, passed=True, reason=reason, deployed=version)
