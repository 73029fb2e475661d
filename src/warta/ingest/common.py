"""Small helpers shared by the ingest readers: where an input came from, one-line reasons,
sizes, languages and dates."""

from __future__ import annotations

import datetime as dt
import email.utils
import errno
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..errors import InputError
from ..model import RawArticle, Skipped

#: What a reader yields: an article, or an input (or part of one) that could not be used.
Item = RawArticle | Skipped

#: The kinds of document ingest knows how to read.
Kind = Literal["txt", "html", "json", "jsonl", "feed"]

#: Kinds that hold exactly one article (limited by ``max_article_bytes``, not ``max_file_bytes``).
SINGLE_ARTICLE_KINDS: frozenset[str] = frozenset({"txt", "html"})


@dataclass(frozen=True)
class Origin:
    """Where a document came from.  ``label`` is the input as the user gave it (a path, a URL or
    ``-``); it becomes the article id of single-article inputs and ``Skipped.input``."""

    label: str
    path: str | None = None
    url: str | None = None


def one_line(message: str, limit: int = 300) -> str:
    """Collapse a message to one line of at most ``limit`` characters (reasons are shown in
    tables and logs, where a newline or a page of text breaks the layout)."""
    text = " ".join(message.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_size(n: int) -> str:
    """Bytes as a short decimal size ("52.4 MB"), matching how the config limits are written."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


def too_large(size: int, limit: int, option: str, what: str) -> str:
    """The reason for an input over a size limit; names the option so the user can raise it."""
    return f"{what} is {format_size(size)}, over the {format_size(limit)} limit ({option})"


def os_reason(exc: OSError) -> str:
    """A one-line reason for an OS error, without the Python class name or the repeated path."""
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links"
    return one_line(exc.strerror or str(exc) or type(exc).__name__)


_LANG = re.compile(r"[A-Za-z]{2,3}")


def normalize_language(value: object) -> str | None:
    """``"id-ID"`` / ``"en_US"`` / ``"ID"`` -> ``"id"`` / ``"en"``; anything else -> ``None``.

    Only the primary subtag matters downstream (per-language data is keyed by ISO 639 code).
    """
    if not isinstance(value, str):
        return None
    primary = re.split(r"[-_\s]", value.strip(), maxsplit=1)[0]
    return primary.lower() if _LANG.fullmatch(primary) else None


def parse_iso_date(value: str) -> dt.date:
    """An ISO 8601 date or datetime string -> its calendar date.  Raises ``ValueError``.

    The date is taken as written (in the writer's time zone), not converted to UTC: a Jakarta
    article stamped ``2024-01-05T06:00+07:00`` was published on the 5th for its readers.
    """
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    # fromisoformat rejects a few common spellings: "2024-01-05 10:00:00 WIB", "2024-01-05Z".
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T\s]\d|Z$)", text)
    if match:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    raise ValueError(f"not an ISO date: {value!r}")


def parse_any_date(value: str | None) -> dt.date | None:
    """A date in ISO 8601 or RFC 822 form (as feeds write them) -> date; ``None`` when unknown."""
    if not value or not value.strip():
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError, IndexError):
        return None


def guarded(label: str, items: Iterator[Item]) -> Iterator[Item]:
    """Pass ``items`` through, turning an expected failure into one ``Skipped(label, reason)``
    so that one bad input never stops the run."""
    try:
        yield from items
    except InputError as exc:
        yield Skipped(label, one_line(str(exc)))
    except OSError as exc:
        yield Skipped(label, os_reason(exc))
    except (ValueError, RecursionError, MemoryError) as exc:
        # Parsers can still fail in ways no check foresaw; report, do not crash the batch.
        yield Skipped(label, f"cannot read: {one_line(type(exc).__name__ + ': ' + str(exc), 200)}")
