"""Train the summary scorer (logistic regression) on IndoSum folds 1-4 and write its weights.

Each article is prepared by Warta exactly as ``bench/summarize.py`` does; every summary
candidate (Warta's own sentence split) gets the features of ``warta.summarize.features`` and the
label 1 when it matches a sentence IndoSum marks as extractive (``gold_labels``): the same text,
or one containing the other (whitespace aside).  Plain numpy: standardised features, L2-regularised
logistic regression by full-batch gradient descent (deterministic; no random init).  Fold 5 is
never read here: it is the held-out evaluation of ``bench/summarize.py``.

    .venv/bin/python bench/train_summary.py            # writes src/warta/models/summary_lr.json
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from _common import REPO  # first: it moves HOME and caches to a temp folder
from summarize import indosum_text, read_indosum
from warta.config import Config
from warta.errors import InputError
from warta.model import RawArticle
from warta.pipeline import prepare_article
from warta.summarize import analyse
from warta.summarize.features import FEATURES

OUT = REPO / "src" / "warta" / "models" / "summary_lr.json"


def _squash(t: str) -> str:
    return " ".join(t.split())


def dataset(folds: list[int], held_out: int = 5) -> tuple[np.ndarray, np.ndarray, int]:
    """Feature rows, labels and the number of articles of IndoSum ``folds`` (ids seen once).

    The dev folds share some articles (93 of fold 5's ids are also in folds 1-4): every id of
    the ``held_out`` fold is left out, so the evaluation fold stays unseen."""
    config = Config(language="id")
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    seen: set[str] = {row["id"] for row in read_indosum(held_out)}
    excluded = len(seen)
    for fold in folds:
        for row in read_indosum(fold):
            if row["id"] in seen:
                continue
            seen.add(row["id"])
            pairs = zip(row["paragraphs"], row["gold_labels"], strict=False)
            gold = [_squash(" ".join(s)) for para, labels in pairs
                    for s, keep in zip(para, labels, strict=False) if keep]
            raw = RawArticle(id=row["id"], text=indosum_text(row["paragraphs"]), format="jsonl",
                             language="id")
            try:
                art = prepare_article(raw, config)
            except InputError:
                continue
            an = analyse([art])
            cands, x = an.cands, an.x
            if not cands:
                continue
            y = np.array([1.0 if any(g == (t := _squash(c.text)) or (len(g) > 20 and g in t)
                                     or (len(t) > 20 and t in g) for g in gold) else 0.0
                          for c in cands])
            xs.append(x)
            ys.append(y)
    return np.vstack(xs), np.concatenate(ys), len(seen) - excluded


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 3000, lr: float = 0.5) -> dict[str, object]:
    """L2 logistic regression on standardised ``x``; the weights file as a dict."""
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std == 0] = 1.0
    z = (x - mean) / std
    w = np.zeros(z.shape[1])
    b = 0.0
    n = len(y)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        g = p - y
        w -= lr * (z.T @ g / n + l2 * w)
        b -= lr * float(g.mean())
    return {"features": list(FEATURES), "mean": mean.tolist(), "std": std.tolist(),
            "weights": [round(v, 6) for v in w.tolist()], "bias": round(b, 6)}


def main() -> None:
    """Build the training set from folds 1-4, fit, write the weights file."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--l2", type=float, default=1e-3)
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--folds", default="1,2,3,4", help="training folds (tuning: 1,2,3)")
    p.add_argument("--held-out", type=int, default=5, help="fold whose ids are never trained on")
    args = p.parse_args()
    t0 = time.perf_counter()
    folds = [int(f) for f in args.folds.split(",")]
    x, y, n = dataset(folds, args.held_out)
    model = fit(x, y, args.l2)
    model["trained_on"] = (f"IndoSum dev folds {args.folds} (no id of fold {args.held_out}): "
                           f"{n} articles, {len(y)} candidate sentences, {int(y.sum())} positive")
    model["license_of_data"] = "CC BY-SA 4.0"
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"{model['trained_on']}; wrote {args.out} in {time.perf_counter() - t0:.0f}s")
    for name, wt in zip(FEATURES, model["weights"], strict=False):  # type: ignore[call-overload]
        print(f"  {name:20} {wt:+.3f}")


if __name__ == "__main__":
    main()
