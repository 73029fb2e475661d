"""Sentence scores: a learned logistic regression over :data:`features.FEATURES` when its weights
file is present and valid, else fixed weights; plus multi-source support for stories with
several independent outlets."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

import numpy as np

from .features import FEATURES

#: The shipped model (see ``src/warta/models/summary_lr.md`` for its card).
MODEL_FILE = "summary_lr.json"
#: Share of a multi-source sentence's score that comes from support by other outlets.
SUPPORT_WEIGHT = 0.4
#: Fixed weights over FEATURES used when no model is available (hand-set, news-lead heavy).
FALLBACK = np.array([0.35, 0.10, 0.10, -0.05, 0.25, 0.10, 0.05, -0.05])


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression over standardised features: ``sigmoid(((x - mean) / std) @ w + b)``."""

    mean: np.ndarray
    std: np.ndarray
    weights: np.ndarray
    bias: float

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Probability-like scores in (0, 1), one per row of ``x``."""
        z = ((x - self.mean) / self.std) @ self.weights + self.bias
        out: np.ndarray = 1.0 / (1.0 + np.exp(-z))
        return out

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LinearModel:
        """Parse the weights file; raises ValueError when it does not fit :data:`FEATURES`."""
        if tuple(data.get("features", ())) != FEATURES:  # type: ignore[arg-type]
            raise ValueError("model features do not match the code's FEATURES")
        arrays = [np.asarray(data[k], dtype=np.float64) for k in ("mean", "std", "weights")]
        if any(a.shape != (len(FEATURES),) for a in arrays):
            raise ValueError("model arrays have the wrong length")
        std = np.where(arrays[1] > 0, arrays[1], 1.0)
        return cls(arrays[0], std, arrays[2], float(data["bias"]))  # type: ignore[arg-type]


@functools.cache
def shipped_model() -> LinearModel | None:
    """The bundled model, or ``None`` when the file is absent (then :data:`FALLBACK` is used)."""
    path = resources.files("warta.models").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    return LinearModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def base_scores(x: np.ndarray, model: LinearModel | None) -> np.ndarray:
    """Single-document salience of each row of the feature matrix ``x``."""
    if model is not None:
        return model.predict(x)
    out: np.ndarray = x @ FALLBACK
    return out


def combine(base: np.ndarray, support: np.ndarray, n_sources: int) -> np.ndarray:
    """Mix salience with multi-source support (support only counts with 2+ sources)."""
    if n_sources < 2:
        return base
    scale = base.max() if base.size and base.max() > 0 else 1.0
    out: np.ndarray = (1 - SUPPORT_WEIGHT) * base / scale + SUPPORT_WEIGHT * support
    return out
