"""Tokenization for the tagger, with character offsets so spans map back to the input text."""

from __future__ import annotations

import re
from typing import NamedTuple

# Words (letters/digits with inner hyphens, dots in numbers and apostrophes), else single symbols.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)


class Token(NamedTuple):
    """A token and its offsets ``[start, end)`` in the text it came from (a NamedTuple: built
    for every token of every sentence, and a tuple is several times cheaper than a frozen
    dataclass)."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` in order, with offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
