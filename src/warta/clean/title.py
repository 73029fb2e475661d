"""Headlines: which first line of a plain-text dump is the title, and its repeats in the body."""

from __future__ import annotations

import re

from .dateline import split_dateline
from .rules import Rules

#: A first line longer than this (in words) is a body paragraph, not a headline.
MAX_HEADLINE_WORDS = 30
_NON_WORD = re.compile(r"[\W_]+")


def looks_like_headline(line: str, rules: Rules) -> bool:
    """Whether the first real line of a dump can be its headline.

    It cannot when it is long (a lead paragraph of a dump without a title) or starts with a
    dateline ("JAKARTA, KOMPAS.com - ...").
    """
    if len(line.split()) > MAX_HEADLINE_WORDS:
        return False
    return split_dateline(line, rules) is None


def title_key(text: str) -> str:
    """A comparison key for headlines: case-folded words, punctuation and spacing ignored."""
    return _NON_WORD.sub(" ", text.casefold()).strip()
