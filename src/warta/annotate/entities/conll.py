"""Read the Indonesian NER sets (CoNLL-style BIO) and map their label schemes onto ours.

Used by the training script and the benchmark only; tagging never reads these files.
NERGrit: PERSON/PLACE/ORGANISATION; NERP: PPL/PLC/IND/EVT/FNB; idner-news-2k: PER/LOC/ORG.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

#: Source label -> our type.  NERP's IND is "institution"; FNB "food and beverage" (a product).
LABEL_MAP: dict[str, str] = {
    "PERSON": "PERSON", "PPL": "PERSON", "PER": "PERSON",
    "PLACE": "LOCATION", "PLC": "LOCATION", "LOC": "LOCATION",
    "ORGANISATION": "ORGANIZATION", "IND": "ORGANIZATION", "ORG": "ORGANIZATION",
    "EVT": "EVENT", "FNB": "PRODUCT",
}

#: Set name -> (folder under indo_ner/, training files, test file, our types it annotates).
SETS: dict[str, tuple[str, tuple[str, ...], str, tuple[str, ...]]] = {
    "nergrit": ("indonlu_nergrit", ("train.txt", "valid.txt"), "test.txt",
                ("PERSON", "LOCATION", "ORGANIZATION")),
    "nerp": ("indonlu_nerp", ("train.txt", "valid.txt"), "test.txt",
             ("PERSON", "LOCATION", "ORGANIZATION", "EVENT", "PRODUCT")),
    "idner": ("idner_news_2k", ("train.txt", "dev.txt"), "test.txt",
              ("PERSON", "LOCATION", "ORGANIZATION")),
}

Sentence = tuple[list[str], list[str]]


def map_label(label: str) -> str:
    """``B-PPL`` -> ``B-PERSON``; unknown types become ``O``."""
    if label == "O" or "-" not in label:
        return "O"
    prefix, _, kind = label.partition("-")
    mapped = LABEL_MAP.get(kind)
    return f"{prefix}-{mapped}" if mapped and prefix in ("B", "I") else "O"


def read_conll(path: Path) -> Iterator[Sentence]:
    """Sentences of a CoNLL file (token first column, label last; blank line between)."""
    words: list[str] = []
    labels: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if words:
                    yield words, labels
                words, labels = [], []
                continue
            words.append(parts[0])
            labels.append(map_label(parts[-1]) if len(parts) > 1 else "O")
    if words:
        yield words, labels


def spans(labels: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` of a BIO sequence (a stray I- starts a span)."""
    from .tagger import bio_spans  # the one BIO decoder; imported late (tagger loads the model)

    return set(bio_spans(labels))
