"""A model calibrated before v2 (stored as v1 wrote it) still loads and still scores as v1."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

from ssi_desktop.core.model_v1 import MODEL_V1
from ssi_desktop.core.parameters import DEFAULT_PARAMS, MODELS, ModelParams
from ssi_desktop.core.records import ActivityEntry
from ssi_desktop.core.scoring import score
from ssi_desktop.storage.store import Store


def v1_calibrated() -> dict:
    """The document a v1 calibration wrote: v1's terms, other weights, its own label."""
    data = {**MODEL_V1, "version": "v1-calibrated"}
    data["terms"] = [{**t, "weight": t["weight"] * (1.5 if t["name"] == "comments" else 1)}
                     for t in MODEL_V1["terms"]]  # fmt: skip
    return data


def test_a_v1_calibration_loads_labelled_v1_and_scores_as_v1(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.set_params(ModelParams.from_dict(v1_calibrated()), {"readings_used": 6})
    before = hashlib.sha256(store_path.read_bytes()).hexdigest()
    with Store.open(store_path) as store:
        params = store.params()
        assert params.version == "v1-calibrated" and params.family == "v1"
        assert params.to_dict()["terms"] == v1_calibrated()["terms"]
        assert store.params_info() == {"readings_used": 6}
    assert hashlib.sha256(store_path.read_bytes()).hexdigest() == before  # nothing rewritten
    # It scores as v1 did: no warm start, so the first day of steady comments starts low.
    start = date(2025, 1, 1)
    entries = [ActivityEntry.create(start + timedelta(days=i), {"engage.comments": 2})
               for i in range(60)]  # fmt: skip
    v1 = score(entries, params=params, end=start + timedelta(days=59))
    v2 = score(entries, end=start + timedelta(days=59))
    assert v1.pillars[0, 2] < 0.1 * v1.pillars[-1, 2]
    assert v2.pillars[0, 2] > 0.9 * v2.pillars[-1, 2]


def test_a_store_without_calibration_uses_v2(store_path: Path) -> None:
    with Store.open(store_path) as store:
        assert store.params() == DEFAULT_PARAMS == MODELS["v2"]
