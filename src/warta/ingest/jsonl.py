"""JSON Lines and JSON files: one article per object.

This is the fast path (whole corpora arrive as JSONL), so the per-record work is one
``json.loads`` and a few dict look-ups; HTML extraction only runs for records that carry
``html`` instead of ``text``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import InputError
from ..model import RawArticle, Skipped
from .common import Item, Origin, normalize_language, one_line, parse_iso_date
from .decode import decode_bytes, decode_text, normalize_text

_KNOWN = frozenset(
    {"id", "text", "html", "title", "url", "source", "published", "language", "author"}
)


def _opt_str(obj: dict[str, Any], key: str, extra: dict[str, Any]) -> str | None:
    """An optional string field.  Numbers are stringified, lists of strings joined (authors),
    ``{"name": ...}`` objects (NewsAPI's ``source``) give their name; any other shape is kept
    in ``extra`` rather than failing the whole article over a metadata field."""
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return normalize_text(value) if value else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip()) or None
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        extra[key] = value
        return value["name"].strip() or None
    extra[key] = value
    return None


def record_article(
    obj: dict[str, Any], default_id: str, origin: Origin, fmt: str = "jsonl"
) -> RawArticle:
    """A RawArticle from one JSON object.  Raises ``InputError`` for a record that cannot be an
    article (no text, a bad ``published`` value, ...)."""
    raw_id = obj.get("id")
    if raw_id is None or raw_id == "":
        article_id = default_id
    elif isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool):
        article_id = str(raw_id)
    else:
        raise InputError(f"'id' must be a string or an integer, not {type(raw_id).__name__}")

    published = None
    raw_date = obj.get("published")
    if raw_date is not None and raw_date != "":
        if not isinstance(raw_date, str):
            raise InputError(f"bad 'published' value {raw_date!r}: not an ISO date string")
        try:
            published = parse_iso_date(raw_date)
        except ValueError:
            raise InputError(f"bad 'published' value {raw_date[:40]!r}: not an ISO date") from None

    text = obj.get("text")
    html = obj.get("html")
    if text is not None and not isinstance(text, str):
        raise InputError(f"'text' must be a string, not {type(text).__name__}")
    if html is not None and not isinstance(html, str):
        raise InputError(f"'html' must be a string, not {type(html).__name__}")
    extra = {k: v for k, v in obj.items() if k not in _KNOWN}
    article = RawArticle(
        id=article_id,
        text="",
        format=fmt,
        path=origin.path,
        url=_opt_str(obj, "url", extra),
        html=html,
        title=_opt_str(obj, "title", extra),
        source=_opt_str(obj, "source", extra),
        published=published,
        language=normalize_language(obj.get("language")),
        author=_opt_str(obj, "author", extra),
        extra=extra,
    )
    if text is not None and text.strip():
        article.text = normalize_text(text)
    elif html is not None and html.strip():
        from .html import extract_html  # lazy: keeps trafilatura off the text-only path

        found = extract_html(html, article.url)
        article.text = found.text
        # The record's own fields win; the page fills what the record left out.
        article.title = article.title or found.title
        article.source = article.source or found.source
        article.published = article.published or found.published
        article.author = article.author or found.author
        article.url = article.url or found.url
        article.language = article.language or found.language
    elif text is not None or html is not None:
        raise InputError("'text' is empty")
    else:
        raise InputError("missing 'text' (or 'html') field")
    if obj.get("language") is not None and article.language is None:
        article.extra["language"] = obj["language"]  # kept, not silently lost
    return article


def _parse_line(line: bytes | str) -> Any:
    """``json.loads`` of one line; lines that are not UTF-8 are decoded by detection first
    (JSON must be UTF-8, but hand-made files are not always)."""
    try:
        return json.loads(line)
    except UnicodeDecodeError:
        assert isinstance(line, bytes)
        return json.loads(decode_bytes(line))


def iter_jsonl(lines: Iterable[bytes | str], origin: Origin, fmt: str = "jsonl") -> Iterator[Item]:
    """Yield one article per JSON line.  A bad line yields one ``Skipped`` (``path:line``) and
    the rest of the file goes on; blank lines are ignored."""
    label = origin.label
    for line_no, line in enumerate(lines, start=1):
        if line_no == 1:
            line = line.removeprefix(b"\xef\xbb\xbf") if isinstance(line, bytes) else line.lstrip(
                "\ufeff"
            )
        if not line.strip():
            continue
        where = f"{label}:{line_no}"
        try:
            obj = _parse_line(line)
        except ValueError as exc:
            yield Skipped(where, f"not valid JSON ({one_line(str(exc), 120)})")
            continue
        except RecursionError:
            yield Skipped(where, "JSON nested too deeply")
            continue
        except InputError as exc:
            yield Skipped(where, one_line(str(exc)))
            continue
        yield _record_or_skip(obj, f"{label}#{line_no}", where, origin, fmt)


def iter_json(data: bytes, origin: Origin, fmt: str = "jsonl") -> Iterator[Item]:
    """Yield the articles of a JSON document: an array of objects, one object, or
    ``{"articles": [...]}``.  A document that is really JSON Lines is read as such."""
    text = decode_text(data)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            # Several top-level values: a JSON Lines file with a .json name.
            # split("\n"), not splitlines(): JSON strings may hold a raw U+2028.
            yield from iter_jsonl(text.split("\n"), origin, fmt)
            return
        raise InputError(f"not valid JSON ({one_line(str(exc), 120)})") from None
    if isinstance(doc, dict) and isinstance(doc.get("articles"), list):
        records: list[Any] = doc["articles"]
    elif isinstance(doc, dict):
        yield record_article(doc, origin.label, origin, fmt)
        return
    elif isinstance(doc, list):
        records = doc
    else:
        raise InputError(f"JSON holds a {type(doc).__name__}, not articles")
    for index, obj in enumerate(records):
        yield _record_or_skip(obj, f"{origin.label}#{index}", f"{origin.label}[{index}]", origin, fmt)


def _record_or_skip(obj: Any, article_id: str, where: str, origin: Origin, fmt: str) -> Item:
    """The article of one JSON record, or the one-line reason it cannot be one."""
    if not isinstance(obj, dict):
        return Skipped(where, f"not a JSON object (a {type(obj).__name__})")
    try:
        return record_article(obj, article_id, origin, fmt)
    except InputError as exc:
        return Skipped(where, one_line(str(exc)))
