"""Named-entity tagging: the shipped CRF model for Indonesian, rules for other languages.

The CRF (``models/ner-id.weights.json.gz``, see ``models/MODEL_CARD.md``) is trained by
``scripts/train_ner.py``.  For English and other languages there is no model that may be shipped
or downloaded here, so :func:`rule_spans` tags runs of capitalised words and types them with cue
words (titles -> PERSON, organisation words and all-caps acronyms -> ORGANIZATION, place
prepositions -> LOCATION, else MISC).  Its limits: sentence-initial names are missed when the
next word is not capitalised, lower-case names are never found, and types are guesses where no
cue word is near.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ...models import model_file
from .conll import SETS
from .features import (
    cue_words,
    edge_features,
    neighbour_features,
    own_features,
    position_features,
    sentence_features,
    shape,
)
from .office import split_jurisdiction
from .tokens import Token, tokenize
from .weights import CrfWeights, crfsuite_tagger, load

#: The shipped CRF: its weights exported from the CRFsuite model (see :mod:`.weights`).
MODEL_FILE = "ner-id.weights.json.gz"
#: Languages the CRF model serves (Indonesian and the close Malay).
MODEL_LANGUAGES = frozenset({"id", "ms"})

Span = tuple[int, int, str]  # token start, token end (exclusive), type
Vector = np.ndarray[Any, np.dtype[np.float64]]
#: Set by :func:`use_model`: another model file instead of the shipped one.
_model_path: Path | None = None


def use_model(path: Path | None) -> None:
    """Tag with the model at ``path`` (None: the shipped one): a weights file, or a CRFsuite
    ``.crfsuite`` file tagged through CRFsuite (training checks and old-vs-new benchmarks)."""
    global _model_path
    _model_path = path
    for cached in (_weights, _scheme_weights, _crfsuite, _type_vectors, _edge_vectors):
        cached.cache_clear()


@functools.cache
def _weights() -> CrfWeights:
    with model_file(MODEL_FILE, _model_path) as path:
        return load(path)


@functools.cache
def _scheme_weights(scheme: str | None) -> CrfWeights:
    # The weights with ``scheme``'s copies folded in: features are then built without copies.
    return _weights().for_scheme(scheme, SETS)


@functools.cache
def _crfsuite() -> Any:
    if _model_path is None:
        raise ValueError("no CRFsuite model file set (use_model)")
    return crfsuite_tagger(_model_path, "tagging with a CRFsuite model file")


# Label-weight sums per word type, the same split as the feature caches in .features.
@functools.lru_cache(maxsize=262144)
def _type_vectors(word: str, language: str, scheme: str | None) -> Vector:
    # Row 0: the word's own features; rows 1-4: what it adds as the neighbour at -2, -1, +1, +2.
    # The uncached feature functions: this cache holds the sums, the strings are not kept.
    return _scheme_weights(scheme).group_sums(
        [own_features.__wrapped__(word, None), *neighbour_features.__wrapped__(word, language, None)])


@functools.cache
def _edge_vectors(scheme: str | None) -> Vector:
    return _scheme_weights(scheme).group_sums(edge_features(None))


def _emissions(words: Sequence[str], language: str, scheme: str | None) -> Vector:
    # Token × label scores: the token's own vector plus its neighbours' contributions at -2,
    # -1, +1, +2 (an edge vector where there is none) plus its position features.
    weights = _scheme_weights(scheme)
    vec = np.stack([_type_vectors(w, language, scheme) for w in words])
    edge = _edge_vectors(scheme)
    out = vec[:, 0].copy()
    out[2:] += vec[:-2, 1]
    out[:2] += edge[0]
    out[1:] += vec[:-1, 2]
    out[:1] += edge[1]
    out[:-1] += vec[1:, 3]
    out[-1:] += edge[2]
    out[:-2] += vec[2:, 4]
    out[-2:] += edge[3]
    lows = [w.lower() for w in words]
    shapes = [shape(w) for w in words]
    tokens: list[int] = []
    rows: list[int] = []
    for i in range(len(words)):
        found = weights.rows(position_features(i, words, lows, shapes, None))
        tokens.extend([i] * len(found))
        rows.extend(found)
    if rows:
        np.add.at(out, tokens, weights.matrix[rows])
    return out


def bio_spans(labels: Sequence[str]) -> list[Span]:
    """Spans of a BIO label sequence, in order (a stray I- starts a span)."""
    out: list[Span] = []
    start, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        prefix, _, typ = label.partition("-")
        if start >= 0 and (prefix != "I" or typ != kind):
            out.append((start, i, kind))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, kind = i, typ
    return out


#: The pipeline's setting: cased text follows idner-news-2k's conventions (news), lower-case
#: text NERP's (the one lower-case set); chosen on the dev parts (docs/benchmarks.md section 6).
AUTO = "auto"
CASED_SCHEME, LOWER_SCHEME = "idner", "nerp"


def is_cased(words: Sequence[str]) -> bool:
    """A capital after the first word: the sentence is not all lower case."""
    return any(w[:1].isupper() for w in words[1:])


def crf_labels(words: Sequence[str], language: str = "id", scheme: str | None = AUTO) -> list[str]:
    """BIO labels of a tokenized sentence from the shipped CRF model.

    ``scheme``: a training set's name (``nergrit``, ``nerp``, ``idner``) follows that set's
    label conventions; None uses only the features all sets share; ``auto`` (the pipeline)
    picks by casing.
    """
    return crf_labels_many([words], language, scheme)[0]


def crf_labels_many(sentences: Sequence[Sequence[str]], language: str = "id",
                    scheme: str | None = AUTO, model: str = "crf") -> list[list[str]]:
    """:func:`crf_labels` of several sentences (one decoding pass for all: faster).

    ``model="contextual"`` adds the e5 word-vector scorer to the CRF's label scores
    (:mod:`.ctxner`; needs the ``embed`` extra, about 100× slower)."""
    picks = [(CASED_SCHEME if is_cased(w) else LOWER_SCHEME) if scheme == AUTO else scheme
             for w in sentences]
    if _model_path is not None and _model_path.suffix == ".crfsuite":
        return [list(_crfsuite().tag(sentence_features(w, language, p))) if w else []
                for w, p in zip(sentences, picks, strict=True)]
    found = [_emissions(w, language, p) for w, p in zip(sentences, picks, strict=True) if w]
    if model == "contextual":
        from .ctxner import bonuses

        present = [w for w in sentences if w]
        found = [e + b for e, b in zip(found, bonuses(
            present, [is_cased(w) for w in present], _weights().labels), strict=True)]
    elif model != "crf":
        raise ValueError(f"unknown NER model {model!r}")
    labels = iter(_weights().decode_many(found))
    return [next(labels) if w else [] for w in sentences]


def rule_spans(words: Sequence[str], language: str = "en") -> list[Span]:
    """Capitalisation + cue-word tagging (the non-Indonesian fallback and the bench baseline)."""
    titles, orgs, places = cue_words(language)
    out: list[Span] = []
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        if not (w[:1].isupper() and w[:1].isalpha()):
            i += 1
            continue
        j = i + 1
        while j < n and ((words[j][:1].isupper() and words[j][:1].isalpha())
                         or (words[j] in ("-", "of", "dan", "de", "van", "bin", "binti")
                             and j + 1 < n and words[j + 1][:1].isupper())):
            j += 1
        run = list(words[i:j])
        lows = [r.lower() for r in run]
        # Leading title words belong to the cue, not the name ("Presiden Joko Widodo").
        k = 0
        while k < len(run) - 1 and lows[k].rstrip(".") in titles:
            k += 1
        if i == 0 and j - i == 1 and not w.isupper():
            i = j  # a lone capitalised first word is usually just the sentence start
            continue
        if lows[0] in titles and len(run) == 1:
            i = j
            continue
        before = words[i - 1].lower() if i else ""
        if k or before.rstrip(".") in titles:
            kind = "PERSON"
        elif any(x in orgs for x in lows) or (len(run) == 1 and w.isupper() and len(w) >= 2):
            kind = "ORGANIZATION"
        elif before in places:
            kind = "LOCATION"
        elif len(run) in (2, 3):
            kind = "PERSON"
        else:
            kind = "MISC"
        out.append((i + k, j, kind))
        i = j
    return out


def cased_only(words: Sequence[str], found: list[Span]) -> list[Span]:
    """Drop spans without a capital letter when the sentence is cased (a capital after its
    first word): the model also learned from all-lower-case text (NERP), but in cased news an
    all-lower-case "name" is nearly always a common word ("hangus")."""
    if not is_cased(words):
        return found
    return [sp for sp in found if any(c.isupper() for w in words[sp[0]:sp[1]] for c in w)]


def tag_words(words: Sequence[str], language: str = "id", scheme: str | None = AUTO,
              model: str = "crf") -> list[Span]:
    """Entity spans over the words of one sentence for ``language`` (see :func:`crf_labels`)."""
    return tag_many([words], language, scheme, model)[0]


def tag_many(sentences: Sequence[Sequence[str]], language: str = "id",
             scheme: str | None = AUTO, model: str = "crf") -> list[list[Span]]:
    """:func:`tag_words` of several sentences, decoded in one pass."""
    if language not in MODEL_LANGUAGES:
        return [rule_spans(w, language) for w in sentences]
    return [cased_only(w, bio_spans(labels))
            for w, labels in zip(sentences, crf_labels_many(sentences, language, scheme, model),
                                 strict=True)]


def tag_tokens(tokens: Sequence[Token], language: str) -> list[Span]:
    """Entity spans over ``tokens`` (one sentence) for ``language``."""
    return tag_words([t.text for t in tokens], language)


def tag_sentences(sentences: Sequence[Sequence[Token]], language: str,
                  model: str = "crf") -> list[list[Span]]:
    """:func:`tag_tokens` of each sentence, the CRF decoding them in one pass."""
    return tag_many([[t.text for t in tokens] for tokens in sentences], language, AUTO, model)


def find_entities(text: str, language: str = "id",
                  model: str = "crf") -> list[tuple[str, int, int, str]]:
    """``(text, start, end, type)`` of each entity in ``text`` (offsets into ``text``).

    ``text`` is tagged line by line; long lines are cut at sentence-ending punctuation so a
    sequence never grows past what the model saw in training. ``model``: ``crf`` or
    ``contextual`` (see :func:`crf_labels_many`).
    """
    found: list[tuple[int, int, str]] = []
    chunks = _chunks(tokenize(text))
    for chunk, spans in zip(chunks, tag_sentences(chunks, language, model), strict=True):
        for s, e, kind in spans:
            found.append((chunk[s].start, chunk[e - 1].end, kind))
    return [(text[s:e], s, e, kind) for s, e, kind in split_jurisdiction(found, text, language)]


def _chunks(tokens: list[Token]) -> list[list[Token]]:
    chunks: list[list[Token]] = []
    current: list[Token] = []
    for t in tokens:
        current.append(t)
        if t.text in (".", "!", "?") or len(current) >= 200:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks
