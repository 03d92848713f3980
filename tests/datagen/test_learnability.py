"""Reorders in a generated drop are predictable from history about as well as in real data."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import xgboost as xgb
from sklearn.metrics import roc_auc_score

from datagen.calibration import PUBLISHED
from flows.bench.baselines.pandas_contract import compute_contract, read_drop

NOT_FEATURES = {"user_id", "product_id", "order_id", "eval_set", "reordered"}


def _held_out_auc(result: pd.DataFrame, feature: str | None = None) -> float:
    """ROC AUC on a quarter of the train users, the model fit on the other three quarters."""
    labelled = result[result["eval_set"] == "train"]
    users = labelled["user_id"].unique()
    held_out = np.random.default_rng(0).choice(users, len(users) // 4, replace=False)
    test = labelled["user_id"].isin(held_out).to_numpy()
    features = [c for c in labelled.columns if c not in NOT_FEATURES]
    x = labelled[features].astype(np.float64)
    y = labelled["reordered"].astype(np.int64)
    if feature is not None:
        return float(roc_auc_score(y[test], x.loc[test, feature]))
    model = xgb.XGBClassifier(
        n_estimators=250, max_depth=6, learning_rate=0.1, subsample=0.8,
        colsample_bytree=0.8, tree_method="hist", n_jobs=2, random_state=0,
    )  # fmt: skip
    model.fit(x[~test], y[~test])
    return float(roc_auc_score(y[test], model.predict_proba(x[test])[:, 1]))


def test_gradient_boosting_reaches_real_data_auc_on_held_out_users(sample_drop: Path) -> None:
    result = compute_contract(read_drop(sample_drop))["result_table"]
    labelled = result[result["eval_set"] == "train"]
    # About one in ten candidate products is reordered, as in the real data (9.8%).
    assert 0.07 <= labelled["reordered"].mean() <= 0.13
    auc = _held_out_auc(result)
    assert auc == pytest.approx(PUBLISHED.heldout_auc, abs=0.05)  # 0.78 to 0.88
    # History carries the signal, but no single feature gives it all away.
    assert _held_out_auc(result, "up_order_rate") < auc - 0.02
