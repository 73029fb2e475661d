"""Text: language detection, sentence splitting, tokens and stems.

STUB: the text helper replaces this.
"""

from __future__ import annotations

import re

from ..model import Sentence

_SENT = re.compile(r"[^.!?\n]+[.!?]*")
_WORD = re.compile(r"\w+", re.UNICODE)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ("und" when there is too little text)."""
    return "id"


def split_sentences(body: str, language: str) -> list[Sentence]:
    """Sentences of ``body`` with character spans into it; paragraphs are separated by newlines."""
    out: list[Sentence] = []
    offset = 0
    for para_no, para in enumerate(body.split("\n")):
        for m in _SENT.finditer(para):
            s = m.group().strip()
            if s:
                start = offset + m.start() + (len(m.group()) - len(m.group().lstrip()))
                out.append(Sentence(s, start, start + len(s), para_no))
        offset += len(para) + 1
    return out


def content_terms(text: str, language: str) -> list[str]:
    """Lower-cased, stemmed content words of ``text`` (stopwords and punctuation removed)."""
    return [w.lower() for w in _WORD.findall(text) if len(w) > 2]


def name_terms(text: str) -> list[str]:
    """Capitalised-name spans of ``text`` (an entity proxy until NER lands), lower-cased."""
    return [m.group().lower() for m in re.finditer(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", text)]
