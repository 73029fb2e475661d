"""Guess what kind of document some bytes are, from a file extension, a content type or the
first few kilobytes (for stdin, URLs and files without a known extension)."""

from __future__ import annotations

import json
import os
import re

from .common import Kind
from .decode import bom_encoding

_EXTENSIONS: dict[str, Kind] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".json": "json",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
}

_CONTENT_TYPES: dict[str, Kind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "application/json": "json",
    "text/json": "json",
    "application/x-ndjson": "jsonl",
    "application/ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
    "application/jsonlines": "jsonl",
}

_FEED_ROOT = re.compile(r"<(?:[\w-]+:)?(?:rss|feed|RDF)[\s>/]")
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h[1-6]|section|main)[\s>/]",
    re.IGNORECASE,
)


def kind_for_path(path: str) -> Kind | None:
    """The kind a file extension announces, or ``None`` for no/unknown extension."""
    return _EXTENSIONS.get(os.path.splitext(path)[1].lower())


def kind_for_content_type(content_type: str | None) -> Kind | None:
    """The kind an HTTP ``Content-Type`` announces (``None`` for text/plain and unknown types:
    servers label JSONL and feeds as text/plain or octet-stream too often to trust it)."""
    if not content_type:
        return None
    media = content_type.split(";", 1)[0].strip().lower()
    if media in _CONTENT_TYPES:
        return _CONTENT_TYPES[media]
    if media.endswith("+json"):
        return "json"
    if media.endswith("+xml"):
        return "feed"
    return None


def _head_text(head: bytes) -> str:
    """The first few KB as text, only for looking at (lossy is fine here, never for content)."""
    encoding = bom_encoding(head) or "utf-8"
    return head[:8192].decode(encoding, errors="replace").lstrip("\ufeff \t\r\n")


def sniff_kind(head: bytes) -> Kind:
    """Guess the kind of a document from its first bytes; plain text when nothing else fits."""
    text = _head_text(head)
    if text.startswith("["):
        return "json"
    if text.startswith("{"):
        first_line = text.split("\n", 1)[0]
        try:
            # One complete object on the first line: JSON Lines (a one-line JSON file reads
            # the same either way).
            return "jsonl" if isinstance(json.loads(first_line), dict) else "json"
        except ValueError:
            return "json"
    if text.startswith("<"):
        # Skip the XML declaration, comments and doctype to find the root element.
        probe = text[:4096]
        root = _FEED_ROOT.search(probe)
        html = _HTML_START.search(probe)
        if root and (html is None or root.start() < html.start()):
            return "feed"
        if html:
            return "html"
        if probe.startswith("<?xml"):
            return "feed"
        return "html"
    return "txt"
