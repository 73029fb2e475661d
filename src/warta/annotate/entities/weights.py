"""The CRF's weights in a small file of Warta's own, and Viterbi decoding over them.

Why not tag with CRFsuite itself: its model file keeps a hashed dictionary of every attribute
string next to the weights (6.5 MB for 74 k attributes), and handing it ~55 attribute strings
per token cost as much as computing them. A linear-chain CRF scores a token's label as the sum
of the weights of the token's attributes, so the sum of everything that depends on one word type
(its own features, and what it contributes as a neighbour at each of the four offsets) is
computed once per type and cached; a sentence then adds a handful of cached vectors per token
and runs Viterbi over the 11 labels. The labels are CRFsuite's (weights are kept to the 6
decimals CRFsuite's dump prints; ``tests/annotate/test_ner_weights.py`` checks agreement).

File (``models/ner-id.weights.json.gz``, written by :func:`export` from the CRFsuite model
that ``scripts/train_ner.py`` trains): gzip JSON ``{"format", "labels", "transitions" (from ×
to), "attributes": {attribute: [[label index, weight], ...]}}``.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import MissingExtraError

FORMAT = "warta-crf-1"


Matrix = np.ndarray[Any, np.dtype[np.float64]]


@dataclass(frozen=True)
class CrfWeights:
    """Labels, transitions (from × to), and one row of label weights per attribute."""

    labels: tuple[str, ...]
    transitions: Matrix
    index: dict[str, int]  # attribute -> its row in ``matrix``
    matrix: Matrix  # (attributes + 1) × labels: the last row is zeros (see group_sums)

    def rows(self, attrs: Iterable[str]) -> list[int]:
        """Rows of the attributes in ``attrs`` the model knows (the others weigh nothing)."""
        return [r for r in map(self.index.get, attrs) if r is not None]  # one lookup each

    def for_scheme(self, scheme: str | Mapping[str, float] | None, schemes: Iterable[str]) -> CrfWeights:
        """The weights as tagging with ``scheme`` sees them, keyed by plain attributes.

        Training adds ``<scheme>|<attribute>`` copies of every attribute (see
        ``features.sentence_features``); a token's score under ``scheme`` is the plain weight plus
        the copy's. Folding the copy into the plain row here halves the lookups per token and
        spares building the copy strings; the copies of every scheme in ``schemes`` are dropped.
        ``scheme`` may also weigh several schemes' copies (``{"idner": 0.5, "nergrit": 0.5}``).
        """
        mix = {scheme: 1.0} if isinstance(scheme, str) else dict(scheme or {})
        prefixes = tuple(f"{x}|" for x in schemes)
        index: dict[str, int] = {}
        plain: list[int] = []
        folded: list[tuple[str, int, float]] = []
        for attr, row in self.index.items():
            if attr.startswith(prefixes):
                name, _, base = attr.partition("|")
                if mix.get(name):
                    folded.append((base, row, mix[name]))
            else:
                index[attr] = len(plain)
                plain.append(row)
        for base, _row, _w in folded:
            index.setdefault(base, len(index))  # a base only a copy has weights for
        matrix = np.zeros((len(index) + 1, len(self.labels)))  # + the zero row
        matrix[: len(plain)] = self.matrix[plain]
        for base, row, weight in folded:
            matrix[index[base]] += weight * self.matrix[row]
        return CrfWeights(self.labels, self.transitions, index, matrix)

    def group_sums(self, groups: Sequence[Iterable[str]]) -> Matrix:
        """One row of summed label weights per group of attributes (len(groups) × labels):
        one gather and one reduction for all groups."""
        get = self.index.get
        zero = len(self.matrix) - 1  # the zero row starts every group: none is empty
        rows: list[int] = []
        starts: list[int] = []
        for attrs in groups:
            starts.append(len(rows))
            rows.append(zero)
            rows.extend([r for r in map(get, attrs) if r is not None])
        return np.add.reduceat(self.matrix[rows], starts, axis=0)

    def decode(self, emissions: Matrix) -> list[str]:
        """Best label sequence for the per-token label scores ``emissions`` (n × labels).

        Ties go to the lower label index, as in CRFsuite's Viterbi.
        """
        n = len(emissions)
        if not n:
            return []
        back = np.zeros((n, len(self.labels)), dtype=np.intp)
        score = emissions[0]
        trans = self.transitions
        for t in range(1, n):
            cand = score[:, None] + trans  # previous label × next label
            back[t] = cand.argmax(axis=0)
            score = cand.max(axis=0) + emissions[t]
        path = [int(score.argmax())]
        for t in range(n - 1, 0, -1):
            path.append(int(back[t, path[-1]]))
        return [self.labels[i] for i in reversed(path)]

    def decode_many(self, emissions: Sequence[Matrix]) -> list[list[str]]:
        """:meth:`decode` for several sequences at once: one Viterbi over a padded batch, so the
        per-step numpy overhead is paid once per position rather than once per sentence."""
        if len(emissions) <= 1:
            return [self.decode(e) for e in emissions]
        lengths = np.array([len(e) for e in emissions])
        n_seq, n_lab, longest = len(emissions), len(self.labels), int(lengths.max(initial=0))
        batch = np.zeros((n_seq, max(longest, 1), n_lab))
        for k, e in enumerate(emissions):
            batch[k, :len(e)] = e
        back = np.zeros((longest, n_seq, n_lab), dtype=np.intp)
        score = batch[:, 0].copy()
        trans = self.transitions[None]
        for t in range(1, longest):
            cand = score[:, :, None] + trans  # sequence × previous × next
            back[t] = cand.argmax(axis=1)  # (read back only up to each sequence's end)
            # A sequence that has ended keeps its final score.
            score = np.where((lengths > t)[:, None], cand.max(axis=1) + batch[:, t], score)
        out: list[list[str]] = []
        for k, n in enumerate(lengths.tolist()):
            if not n:
                out.append([])
                continue
            path = [int(score[k].argmax())]
            for t in range(n - 1, 0, -1):
                path.append(int(back[t, k, path[-1]]))
            out.append([self.labels[i] for i in reversed(path)])
        return out


def crfsuite_tagger(path: Path, what: str) -> Any:
    """A CRFsuite tagger opened on ``path`` (python-crfsuite, the ``train`` extra: ``what``
    names the task in the error when it is missing)."""
    try:
        import pycrfsuite
    except ImportError:
        raise MissingExtraError(f"{what} needs python-crfsuite: pip install 'warta[train]'") from None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def export(crfsuite_model: Path, out: Path) -> Path:
    """Write the weights of a CRFsuite model file to ``out`` (gzip JSON, deterministic)."""
    tagger = crfsuite_tagger(crfsuite_model, "exporting a CRFsuite model")
    info = tagger.info()
    labels: list[str] = tagger.labels()
    index = {label: i for i, label in enumerate(labels)}
    trans = [[0.0] * len(labels) for _ in labels]
    for (src, dst), weight in info.transitions.items():
        trans[index[src]][index[dst]] = weight
    attrs: dict[str, list[list[float]]] = {}
    for (attr, label), weight in sorted(info.state_features.items()):
        attrs.setdefault(attr, []).append([index[label], weight])
    doc = {"format": FORMAT, "labels": labels, "transitions": trans, "attributes": attrs}
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as fh:
        fh.write(data)  # no name, mtime 0: the same model gives the same bytes
    return out


def load(path: Path) -> CrfWeights:
    """Read a weights file written by :func:`export`."""
    doc = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    if doc.get("format") != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} weights file")
    attrs: dict[str, list[list[float]]] = doc["attributes"]
    matrix = np.zeros((len(attrs) + 1, len(doc["labels"])))  # + the zero row
    index: dict[str, int] = {}
    for row, (attr, pairs) in enumerate(attrs.items()):
        index[attr] = row
        for label, weight in pairs:
            matrix[row, int(label)] = weight
    return CrfWeights(tuple(doc["labels"]), np.array(doc["transitions"], dtype=np.float64),
                      index, matrix)
