"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from warta.ingest.html import html_to_text, maybe_html_to_text
from warta.model import RawArticle, Skipped

from .helpers import PARAGRAPHS, news_html, read


def test_html_page_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "banjir.html"
    markup = news_html()
    path.write_text(markup, encoding="utf-8")
    [item] = read([path])
    assert isinstance(item, RawArticle)
    assert item.format == "html"
    assert item.id == item.path == str(path)
    assert item.html == markup
    assert item.title == "Banjir Rendam 45 RT di Jakarta, 1.200 Warga Mengungsi"
    assert item.source == "Kabar Kota"
    assert item.published == dt.date(2024, 1, 15)
    assert item.author == "Rina Wulandari"
    assert item.url == "https://kabarkota.example/berita/banjir-jakarta"
    assert item.language == "id"
    lines = item.text.split("\n")
    for paragraph in PARAGRAPHS:  # each paragraph kept whole, on its own line
        assert paragraph in lines
    for boilerplate in ("Beranda", "Olahraga", "var ads", "font-family", "Hak cipta"):
        assert boilerplate not in item.text


def test_htm_extension(tmp_path: Path) -> None:
    path = tmp_path / "a.HTM"
    path.write_text(news_html(), encoding="utf-8")
    [item] = read([path])
    assert isinstance(item, RawArticle) and item.format == "html"


def test_broken_html_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div", encoding="utf-8")
    assert read([path]) == [Skipped(str(path), "no article text found in HTML")]


def test_html_to_text_for_feed_snippets() -> None:
    fragment = "<p>Satu &amp; dua</p><script>x()</script><ul><li>tiga</li><li>empat</li></ul>"
    assert html_to_text(fragment) == "Satu & dua\ntiga\nempat"
    assert maybe_html_to_text("Baris satu\nBaris dua ") == "Baris satu\nBaris dua"
