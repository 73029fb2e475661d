"""``http(s)://`` inputs: fetch with urllib, decode, and read by content type.

Failures become one-line reasons ("HTTP 404", "timed out after 10s", "cannot connect: ...").
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message

from ..config import Config
from ..errors import InputError
from .common import SINGLE_ARTICLE_KINDS, Item, Kind, Origin, one_line, too_large
from .dispatch import check_size, decode_document, read_document
from .feed import PageFetcher
from .html import Extracted
from .sniff import kind_for_content_type, kind_for_path, sniff_kind

_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
_CHUNK = 1 << 16


def is_url(item: str) -> bool:
    """True for ``http://`` and ``https://`` inputs."""
    return item[:8].lower().startswith(("http://", "https://"))


class FetchError(InputError):
    """A request failed; ``network`` is true when the server could not be reached at all
    (connection refused, DNS, timeout) as opposed to answering with an error."""

    def __init__(self, reason: str, network: bool) -> None:
        super().__init__(reason)
        self.network = network


@dataclass(frozen=True)
class Fetched:
    """A response body and what the server said about it."""

    url: str  # after redirects
    body: bytes
    content_type: str | None
    charset: str | None


def _user_agent() -> str:
    from .. import __version__  # at call time: the package is fully imported by then

    return f"warta/{__version__}"


def _reason(exc: BaseException, timeout: float) -> str:
    """A one-line reason for a failed request."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code}" + (f" {one_line(str(exc.reason), 80)}" if exc.reason else "")
    if isinstance(exc, urllib.error.URLError):
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            return f"timed out after {timeout:g}s"
        return f"cannot connect: {one_line(str(exc.reason), 200)}"
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return f"timed out after {timeout:g}s"
    if isinstance(exc, http.client.HTTPException):
        return f"bad HTTP response ({one_line(type(exc).__name__ + ' ' + str(exc), 150)})"
    return f"cannot fetch: {one_line(str(exc) or type(exc).__name__, 200)}"


def _read_body(resp: http.client.HTTPResponse, limit: int, deadline: float, timeout: float) -> bytes:
    """Read at most ``limit`` bytes, raising once the whole response takes longer than the
    timeout (urllib's timeout is per socket read: a server trickling bytes would never trip it)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = resp.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise InputError(too_large(size, limit, "max_url_bytes", "response") + " or more")
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise FetchError(f"timed out after {timeout:g}s", network=True)


def _decompress(body: bytes, encoding: str, limit: int) -> bytes:
    """Undo a Content-Encoding the server applied although we asked for identity."""
    wbits = {"gzip": 31, "x-gzip": 31, "deflate": 15}.get(encoding)
    if wbits is None:
        raise InputError(f"unsupported Content-Encoding {encoding!r}")
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise InputError(f"cannot decompress response ({exc})") from None
    if len(out) > limit:
        raise InputError(too_large(len(out), limit, "max_url_bytes", "response") + " or more")
    return out


def fetch(url: str, config: Config) -> Fetched:
    """GET ``url``; raises ``InputError`` with a one-line reason on any failure."""
    timeout = config.url_timeout
    request = urllib.request.Request(
        url,
        headers={"User-Agent": _user_agent(), "Accept": _ACCEPT, "Accept-Encoding": "identity"},
    )
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            body = _read_body(resp, config.max_url_bytes, deadline, timeout)
            headers: Message = resp.headers
            final_url = resp.geturl()
    except InputError:
        raise
    except (OSError, http.client.HTTPException, ValueError) as exc:
        # URLError/HTTPError/timeouts are OSErrors; ValueError covers malformed URLs.
        reason = _reason(exc, timeout)
        network = not isinstance(exc, urllib.error.HTTPError) and not reason.startswith("bad")
        raise FetchError(reason, network) from None
    encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", ""):
        body = _decompress(body, encoding, config.max_url_bytes)
    return Fetched(
        url=final_url,
        body=body,
        content_type=headers.get_content_type() if headers.get("Content-Type") else None,
        charset=headers.get_content_charset(),
    )


def _kind(fetched: Fetched) -> Kind:
    """Kind from the content type, then the URL's extension, then the body itself."""
    declared = kind_for_content_type(fetched.content_type)
    sniffed = sniff_kind(fetched.body[:8192])
    if declared == "feed" and sniffed == "html":
        return "html"  # XHTML pages served as application/xml
    if declared == "html" and sniffed == "feed":
        return "feed"  # feeds served as text/html by misconfigured servers
    if declared is not None:
        return declared
    by_path = kind_for_path(urllib.parse.urlsplit(fetched.url).path)
    return by_path if by_path is not None else sniffed


def page_fetcher(config: Config) -> PageFetcher:
    """A fetcher for feed entries' pages that stops trying after two network failures in a row
    (offline, or the site dropping us: no point waiting out a timeout per entry).  An HTTP error
    or an unextractable page only loses that one entry's page."""
    failures = 0

    def fetch_page(link: str) -> Extracted | None:
        nonlocal failures
        if failures >= 2 or not is_url(link):
            return None
        from .html import extract_html

        try:
            fetched = fetch(link, config)
            markup = decode_document(fetched.body, fetched.charset, html=True)
            found = extract_html(markup, fetched.url)
        except FetchError as exc:
            failures = failures + 1 if exc.network else 0
            return None
        except InputError:
            failures = 0
            return None
        failures = 0
        return found

    return fetch_page


def read_url(url: str, config: Config) -> Iterator[Item]:
    """Yield the articles at ``url``: one for a page or text, one per entry or record for
    feeds and JSON.  Raises ``InputError`` when the URL cannot be fetched or used."""
    fetched = fetch(url, config)
    kind = _kind(fetched)
    if kind in SINGLE_ARTICLE_KINDS:
        check_size(len(fetched.body), kind, config, "response")
    origin = Origin(label=url, url=fetched.url)
    yield from read_document(
        fetched.body,
        kind,
        origin,
        declared=fetched.charset,
        single_format="url",
        fetch_page=page_fetcher(config) if kind == "feed" else None,
    )
