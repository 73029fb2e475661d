"""The opt-in contextual NER mode: e5 word vectors scored per label, mixed into the CRF.

A small network (one hidden ReLU layer; or a multinomial logistic regression, no hidden layer;
``scripts/ner_contextual.py``, trained on the NER sets' train parts) reads each word's
contextual vector (:mod:`.contextual`) and gives log p(label | vector); the tagger adds
``alpha`` times that to the CRF's per-token label scores and decodes with the CRF's transitions
unchanged (``weights.CrfWeights.decode_many``). Cased and lower-case sentences may have their
own scorer and alpha, like the CRF's ``auto`` setting (the shipped file uses one scorer and one
alpha for both, the best on dev).

A per-type ``bias`` (optional) is added to the B- and I- labels of a type after that: the rare
types (NERP's EVENT and PRODUCT) are under-predicted, and a bias chosen on dev recovers some.

File (``models/ner-id-contextual.json.gz``): gzip JSON ``{"format", "labels", "layers",
"context", "alpha": {"cased", "lower"}, optional "bias": {type: float}, "scorers":
{"cased"|"lower": {"coef" (labels × inputs), "intercept", optional "hidden_w" (features ×
hidden), "hidden_b"}}}``; the feature
standardisation is folded into the first layer; a scorer given as the string ``"cased"`` is the
cased one (stored once).
"""

from __future__ import annotations

import functools
import gzip
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ...models import model_file

FORMAT = "warta-ner-ctx-1"
SCORER_FILE = "ner-id-contextual.json.gz"

Matrix = np.ndarray[Any, np.dtype[np.float64]]
#: Lowest log-probability a label gets: a label the scorer never saw is unlikely, not impossible
#: (the same floor was used when alpha was tuned).
FLOOR = -30.0


@dataclass(frozen=True)
class LabelScorer:
    """Label scores over word features: log-softmax of ``h @ coef.T + intercept``, where ``h``
    is ``relu(features @ hidden_w + hidden_b)`` (or the features, without a hidden layer)."""

    coef: Matrix  # labels × inputs
    intercept: Matrix  # labels
    hidden_w: Matrix | None = None  # features × hidden units
    hidden_b: Matrix | None = None

    def log_proba(self, x: Matrix) -> Matrix:
        """Log p(label | features) per row of ``x`` (words × features)."""
        if self.hidden_w is not None and self.hidden_b is not None:
            x = np.maximum(x @ self.hidden_w + self.hidden_b, 0.0)
        z = x @ self.coef.T + self.intercept
        z = z - z.max(axis=1, keepdims=True)
        out: Matrix = np.maximum(z - np.log(np.exp(z).sum(axis=1, keepdims=True)), FLOOR)
        return out


@dataclass(frozen=True)
class ContextualModel:
    """What the contextual mode adds to the CRF: the layers read, the scorers and their weight."""

    labels: tuple[str, ...]  # the CRF's label order
    layers: tuple[int, ...]  # encoder layers averaged into a word's vector
    context: int  # 1: the left and right neighbours' vectors are features too
    scorers: dict[str, LabelScorer]  # "cased", "lower"
    alpha: dict[str, float]
    bias: dict[str, float] = field(default_factory=dict)  # entity type -> added to B-/I-

    def bias_vector(self) -> Matrix:
        """The per-label bias (the model's label order): ``bias[type]`` on B-type and I-type."""
        out = np.zeros(len(self.labels))
        for j, label in enumerate(self.labels):
            out[j] = self.bias.get(label.partition("-")[2], 0.0) if label != "O" else 0.0
        return out

    def features(self, vectors: np.ndarray[Any, Any]) -> Matrix:
        """Words × features from one sentence's ``words × layers × hidden`` vectors."""
        x: Matrix = np.asarray(vectors, dtype=np.float64).mean(axis=1)
        if not self.context:
            return x
        left, right = np.zeros_like(x), np.zeros_like(x)
        left[1:], right[:-1] = x[:-1], x[1:]
        return np.concatenate([x, left, right], axis=1)

    def bonus(self, vectors: np.ndarray[Any, Any], cased: bool) -> Matrix:
        """alpha × log p(label | word) for one sentence (words × labels, the CRF's order)."""
        kind = "cased" if cased else "lower"
        if not len(vectors):
            return np.zeros((0, len(self.labels)))
        out: Matrix = self.alpha[kind] * self.scorers[kind].log_proba(self.features(vectors))
        return out + self.bias_vector() if self.bias else out


def save(model: ContextualModel, path: Path) -> Path:
    """Write ``model`` as gzip JSON (6 significant digits; no name, mtime 0: reproducible)."""
    def rounded(a: Matrix) -> Any:
        return json.loads(json.dumps(np.asarray(a).round(6).tolist()))

    def scorer(s: LabelScorer) -> dict[str, Any]:
        out = {"coef": rounded(s.coef), "intercept": rounded(s.intercept)}
        if s.hidden_w is not None and s.hidden_b is not None:
            out.update(hidden_w=rounded(s.hidden_w), hidden_b=rounded(s.hidden_b))
        return out

    scorers: dict[str, Any] = {"cased": scorer(model.scorers["cased"])}
    same = model.scorers["lower"] is model.scorers["cased"]
    scorers["lower"] = "cased" if same else scorer(model.scorers["lower"])
    doc = {"format": FORMAT, "labels": list(model.labels), "layers": list(model.layers),
           "context": model.context, "alpha": model.alpha, "scorers": scorers}
    if model.bias:
        doc["bias"] = model.bias
    data = json.dumps(doc, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as fh:
        fh.write(data)
    return path


def load(path: Path) -> ContextualModel:
    """Read a file written by :func:`save`."""
    doc = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    if doc.get("format") != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} file")
    def array(v: Any) -> Matrix | None:
        return None if v is None else np.array(v, dtype=np.float64)

    scorers: dict[str, LabelScorer] = {}
    for kind in ("cased", "lower"):
        v = doc["scorers"][kind]
        if isinstance(v, str):  # stored once under the kind it names
            scorers[kind] = scorers[v]
            continue
        scorers[kind] = LabelScorer(np.array(v["coef"], dtype=np.float64),
                                    np.array(v["intercept"], dtype=np.float64),
                                    array(v.get("hidden_w")), array(v.get("hidden_b")))
    return ContextualModel(tuple(doc["labels"]), tuple(doc["layers"]), int(doc["context"]),
                           scorers, {k: float(v) for k, v in doc["alpha"].items()},
                           {k: float(v) for k, v in doc.get("bias", {}).items()})


#: Set by :func:`use_scorer`: another scorer file instead of the shipped one.
_scorer_path: Path | None = None


def use_scorer(path: Path | None) -> None:
    """Tag with the scorer at ``path`` (None: the shipped one); tests and benchmarks."""
    global _scorer_path
    _scorer_path = path
    shipped.cache_clear()


@functools.cache
def shipped() -> ContextualModel:
    """The scorer the contextual mode uses."""
    with model_file(SCORER_FILE, _scorer_path) as path:
        return load(path)


def bonuses(sentences: Sequence[Sequence[str]], cased: Sequence[bool], labels: Sequence[str]
            ) -> list[Matrix]:
    """alpha × log p(label | e5 vector) per word of each sentence (needs the ``embed`` extra)."""
    from .contextual import encoder

    enc = encoder()  # first: without the extra, the error names it
    model = shipped()
    if set(labels) != set(model.labels):
        raise ValueError("the contextual scorer was trained for other CRF labels")
    order = [model.labels.index(label) for label in labels]  # the CRF's label order
    vectors = enc.word_vectors(sentences, model.layers)
    return [model.bonus(v, c)[:, order] for v, c in zip(vectors, cased, strict=True)]
