"""Build the word-cluster map the NER model uses as features (src/warta/models/word-clusters-id.tsv).

Unsupervised, from unlabelled Indonesian text only: the IndoSum dev folds 01-04 (CC BY-SA 4.0;
fold 05 is left out because it is the held-out fold of the summary and facts benchmarks) and the
words of the NER training parts (train + valid/dev of NERGrit and NERP, Apache-2.0, and
idner-news-2k, MIT; labels are not read, test parts never).  Steps, all deterministic:

1. lower-cased tokens, words seen at least ``--min-count`` times form the vocabulary;
2. co-occurrence counts in a +-2 window against the most frequent ``--contexts`` words;
3. positive PMI (context distribution smoothed with alpha 0.75), TruncatedSVD to ``--dim``
   dimensions (fixed random state), rows L2-normalised;
4. k-means (fixed random state) at each granularity of ``--k``; every word gets one cluster id
   per granularity.

Output: one line per word, ``word<TAB>c64<TAB>c256<TAB>c1024``, sorted by word.

    .venv/bin/pip install -e '.[dev,bench]'     # numpy, scipy, scikit-learn (build time only)
    .venv/bin/python scripts/build_word_clusters.py
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def _indosum_sentences(path: Path, folds: set[str]) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("fold") not in folds:
                continue
            for para in row["paragraphs"]:
                for sent in para:
                    yield sent.lower().split()


def _ner_sentences(data: Path) -> Iterator[list[str]]:
    from warta.annotate.entities.conll import SETS, read_conll

    for folder, parts, _test, _types in SETS.values():
        for part in parts:
            for words, _labels in read_conll(data / folder / part):
                yield [w.lower() for w in words]


def main() -> int:
    import numpy as np
    from scipy import sparse
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path,
                    default=ROOT / "src" / "warta" / "models" / "word-clusters-id.tsv")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--contexts", type=int, default=10000)
    ap.add_argument("--dim", type=int, default=200)
    ap.add_argument("--k", default="64,256,1024")
    args = ap.parse_args()
    t0 = time.perf_counter()
    sents = list(_indosum_sentences(DATA / "indosum_devfolds" / "indosum_dev_all_folds.jsonl",
                                    {"01", "02", "03", "04"}))
    sents += list(_ner_sentences(DATA / "indo_ner"))
    counts = Counter(w for s in sents for w in s)
    # Ties broken by the word itself so the vocabulary order is stable across runs.
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    vocab = [w for w, c in ranked if c >= args.min_count]
    index = {w: i for i, w in enumerate(vocab)}
    ctx_index = {w: i for i, (w, _c) in enumerate(ranked[: args.contexts])}
    rows: list[int] = []
    cols: list[int] = []
    for s in sents:
        ids = [index.get(w, -1) for w in s]
        cids = [ctx_index.get(w, -1) for w in s]
        for i, wi in enumerate(ids):
            if wi < 0:
                continue
            for j in range(max(0, i - 2), min(len(s), i + 3)):
                if j != i and cids[j] >= 0:
                    rows.append(wi)
                    cols.append(cids[j])
    m = sparse.coo_matrix((np.ones(len(rows)), (rows, cols)),
                          shape=(len(vocab), len(ctx_index))).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    ctx = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    ctx_p = ctx / ctx.sum()
    coo = m.tocoo()
    pmi = np.log((coo.data / total) / ((row_sum[coo.row] / total) * ctx_p[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    vecs = TruncatedSVD(n_components=args.dim, random_state=0).fit_transform(ppmi)
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
    ks = [int(k) for k in args.k.split(",")]
    labels = [KMeans(n_clusters=k, n_init=1, random_state=0).fit_predict(vecs) for k in ks]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for w in sorted(vocab):
            i = index[w]
            fh.write(w + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n")
    print(f"{len(sents)} sentences, {sum(counts.values())} tokens, vocabulary {len(vocab)}, "
          f"k {ks}; wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) "
          f"in {time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
