"""URL inputs, against a local server on 127.0.0.1 only."""

from __future__ import annotations

import datetime as dt
import json
import socket

import pytest

import warta
from warta.config import Config
from warta.model import RawArticle, Skipped

from .conftest import LocalServer, Route
from .helpers import NEWS_TEXT, RSS, articles, assert_one_line, news_html, read, skipped


def test_url_html_page(server: LocalServer) -> None:
    server.routes["/berita/1"] = Route(news_html().encode())
    url = server.url("/berita/1")
    [item] = read([url])
    assert isinstance(item, RawArticle)
    assert (item.id, item.format) == (url, "url")
    assert item.title == "Banjir Rendam 45 RT di Jakarta, 1.200 Warga Mengungsi"
    assert item.published == dt.date(2024, 1, 15)
    assert "BPBD" in item.text
    assert server.user_agents == [f"warta/{warta.__version__}"]


def test_url_charset_from_header(server: LocalServer) -> None:
    server.routes["/a.txt"] = Route("Café Mañana – dibuka.".encode("cp1252"),
                                    "text/plain; charset=windows-1252")
    [item] = read([server.url("/a.txt")])
    assert isinstance(item, RawArticle) and item.text == "Café Mañana – dibuka."


def test_url_feed_fetches_teaser_pages(server: LocalServer) -> None:
    feed = RSS.replace("https://kabarkota.example", server.base)
    server.routes["/feed"] = Route(feed.encode(), "application/rss+xml")
    server.routes["/berita/banjir-jakarta"] = Route(news_html().encode())
    # /berita/cabai is a 404: its feed text is kept.
    items = read([server.url("/feed")])
    first, second = articles(items)
    assert first.format == "feed"
    assert "Isnawa Adji" in first.text  # from the fetched page, not the feed teaser
    assert second.text.startswith("Harga cabai rawit")
    assert len(skipped(items)) == 1  # the entry with no text and a 404 page


def test_url_feed_served_as_html_is_still_a_feed(server: LocalServer) -> None:
    # Entry links point at the local server (404s), never at a real host.
    feed = RSS.replace("https://kabarkota.example", server.base)
    server.routes["/rss"] = Route(feed.encode(), "text/html")
    items = read([server.url("/rss")])
    assert [a.format for a in articles(items)] == ["feed", "feed"]


def test_url_jsonl(server: LocalServer) -> None:
    body = "\n".join(json.dumps({"id": f"r{i}", "text": f"Isi {i}."}) for i in range(3))
    server.routes["/data"] = Route(body.encode(), "application/x-ndjson")
    server.routes["/data.jsonl"] = Route(body.encode(), "text/plain")
    items = read([server.url("/data"), server.url("/data.jsonl")])
    assert [a.id for a in articles(items)] == ["r0", "r1", "r2"] * 2


def test_url_http_error(server: LocalServer) -> None:
    url = server.url("/missing")
    [item] = read([url])
    assert item == Skipped(url, "HTTP 404 Not Found")


def test_url_timeout(server: LocalServer) -> None:
    server.routes["/slow"] = Route(b"late", "text/plain", delay=2.0)
    url = server.url("/slow")
    assert read([url], Config(url_timeout=0.3)) == [Skipped(url, "timed out after 0.3s")]


def test_url_connection_refused() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x"
    [item] = read([url])
    assert isinstance(item, Skipped) and item.reason.startswith("cannot connect: ")
    assert_one_line(item.reason)


def test_url_too_large(server: LocalServer) -> None:
    server.routes["/big"] = Route(b"a" * 200_000, "text/plain")
    [item] = read([server.url("/big")], Config(max_url_bytes=100_000))
    assert isinstance(item, Skipped)
    assert item.reason.startswith("response is ") and "max_url_bytes" in item.reason


def test_url_failures_do_not_stop_other_inputs(server: LocalServer) -> None:
    server.routes["/ok"] = Route(NEWS_TEXT.encode(), "text/plain; charset=utf-8")
    items = read([server.url("/nope"), server.url("/ok")])
    assert [type(i).__name__ for i in items] == ["Skipped", "RawArticle"]


def test_teaser_fetching_stops_when_the_network_is_down(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warta.ingest import url as url_module

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    items = "".join(
        f"<item><title>T{i}</title><link>{dead}/{i}</link><description>Teaser {i}.</description>"
        "</item>"
        for i in range(5)
    )
    server.routes["/feed.xml"] = Route(
        f"<rss><channel><title>F</title>{items}</channel></rss>".encode(), "text/xml"
    )
    calls: list[str] = []
    real_fetch = url_module.fetch

    def counting_fetch(url: str, config: Config) -> url_module.Fetched:
        calls.append(url)
        return real_fetch(url, config)

    monkeypatch.setattr(url_module, "fetch", counting_fetch)
    got = articles(read([server.url("/feed.xml")]))
    assert [a.text for a in got] == [f"Teaser {i}." for i in range(5)]
    assert len(calls) == 3  # the feed, then two failed pages, then no more tries
