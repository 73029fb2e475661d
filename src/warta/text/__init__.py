"""Text: language detection, sentence splitting, tokens and stems.

The public functions live in submodules and are re-exported here:

* :func:`detect_language` (:mod:`.language`): py3langid on a short sample, plus marker words
  for close pairs (Indonesian vs Malay) from ``lang/<code>/language_hints.toml``;
* :func:`split_sentences` (:mod:`.sentences`): sentences with exact spans into the body;
* :func:`tokenize`, :func:`content_terms`, :func:`name_terms` (:mod:`.terms`).
"""

from __future__ import annotations

from .language import detect_language
from .sentences import split_sentences
from .terms import content_terms, name_terms, tokenize

__all__ = ["content_terms", "detect_language", "name_terms", "split_sentences", "tokenize"]
