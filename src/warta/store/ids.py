"""Content-hash article ids: the same article ingested twice gets the same id, so it is stored
once whatever the input called it."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ..model import RawArticle

_SPACE = re.compile(r"\s+")


def normalize_for_hash(text: str) -> str:
    """NFC, case-folded, whitespace collapsed: re-encoded or re-wrapped copies hash alike."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def content_id(raw: RawArticle) -> str:
    """``sha256(normalized text)`` (the URL too when the text is empty), 24 hex digits.

    The raw text, not the cleaned body, is hashed: it is known before the (costly) cleaning, so
    a re-ingest skips known articles without preparing them, and it does not move when the
    cleaner's rules change.
    """
    key = normalize_for_hash(raw.text) or normalize_for_hash(raw.url or raw.id)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
