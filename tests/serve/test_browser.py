"""The web pages in real headless Chromium (Debian's, driven by Playwright; never downloaded)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from warta.config import Config
from warta.store import open_store

ARTIFACTS = Path(__file__).resolve().parents[2] / "tests" / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
TOKEN = "browser-test-token"


def _chromium() -> str:
    for path in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or ""):
        if path and os.access(path, os.X_OK):
            return path
    pytest.skip("no chromium found (make test installs Debian's chromium with apt-get)")


@pytest.fixture
def server(example_db: str) -> Iterator[str]:
    """``warta serve``'s app under uvicorn on an ephemeral loopback port."""
    import uvicorn

    from warta.serve import create_app

    config = Config(db=example_db)
    app = create_app(open_store(example_db, config), config, token=TOKEN)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)
    sock.close()


@pytest.fixture
def browser() -> Iterator[Any]:
    exe = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (dev extra)")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=FLAGS)
        yield b
        b.close()


def test_citation_opens_the_cited_sentence(server: str, browser: Any) -> None:
    page = browser.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(server + "/")
    links = page.locator("a.story-link")
    assert links.count() == 2
    page.fill("input[name=q]", "pengungsi")
    page.click("form.search button")
    page.wait_for_load_state()
    assert "q=pengungsi" in page.url
    page.locator("a.story-link").first.click()
    page.wait_for_load_state()
    assert page.locator("h2").first.inner_text()  # the headline
    cite = page.locator("ol.summary a.cite").first
    href = cite.get_attribute("href")
    assert href and href.startswith("#")
    cite.click()
    target = page.locator(":target")
    assert target.count() == 1 and target.get_attribute("id") == href[1:]
    assert target.is_visible() and target.evaluate("e => e.closest('article.source') !== null")
    background = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # highlighted
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]  # scrolled into view
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story-citation.png"), full_page=False)
    # The coverage chart: one dot per dated article; a dot opens its source.
    dots = page.locator("svg.coverage circle")
    assert dots.count() == page.locator("article.source").count()
    page.locator("svg.coverage a").last.click()
    assert page.locator(":target").evaluate("e => e.matches('article.source')")
    page.locator("svg.coverage").screenshot(path=str(ARTIFACTS / "coverage-chart.png"))
    assert not failed


def test_hostile_article_does_not_run(server: str, browser: Any) -> None:
    import httpx

    evil = {
        "id": "evil",
        "title": "<script>window.pwned=1;alert('t')</script> Banjir rob",
        "published": "2024-06-01",
        "url": "javascript:window.pwned=4;alert('u')",
        "text": "Banjir rob <img src=x onerror=\"window.pwned=2;alert('i')\"> merendam pesisir Muara. "
                "<script>window.pwned=3;alert('s')</script> Ratusan rumah warga terendam air laut.",
    }
    resp = httpx.post(server + "/articles", json=evil, headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 201, resp.text
    sid = resp.json()["stories"][0]
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/stories/{sid}.html")
    page.wait_for_load_state("load")
    assert page.evaluate("() => window.pwned") is None
    assert dialogs == []
    assert page.locator("script").count() == 0 and page.locator("article img").count() == 0
    assert "<script>window.pwned=3" in page.locator("article.source").inner_text()
    page.locator("article.source h4 a").first.click()  # a javascript: URL: CSP blocks it
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.pwned") is None and dialogs == []
    page.goto(server + "/?q=rob")
    assert page.evaluate("() => window.pwned") is None and dialogs == []
    assert "<script>" in page.locator("a.story-link").first.inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "hostile-list.png"))
