"""RSS and Atom feed files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from warta.model import RawArticle, Skipped

from .helpers import ATOM, RSS, articles, read, skipped


def test_rss_feed(tmp_path: Path) -> None:
    path = tmp_path / "nasional.rss"
    path.write_text(RSS, encoding="utf-8")
    items = read([path])
    first, second = articles(items)
    assert first.id == first.url == "https://kabarkota.example/berita/banjir-jakarta"
    assert first.format == "feed" and first.path == str(path)
    assert first.title == "Banjir Rendam 45 RT di Jakarta"
    assert first.source == "Kabar Kota - Nasional"
    assert first.published == dt.date(2024, 1, 15)
    assert first.author == "Rina Wulandari"
    assert first.language == "id"
    # content:encoded (longer) wins over the description; HTML becomes lines of text.
    assert first.text == (
        "Hujan deras menyebabkan banjir di sejumlah wilayah.\n"
        "BPBD mencatat 45 RT terendam & 1.200 warga mengungsi."
    )
    # No <link>: the permalink guid is the link; escaped HTML in <description> is converted.
    assert second.id == second.url == "https://kabarkota.example/berita/cabai"
    assert second.text == "Harga cabai rawit naik menjadi Rp 80.000 per kilogram."
    assert skipped(items) == [
        Skipped("https://kabarkota.example/berita/kosong", "feed entry has no text")
    ]


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "news.atom"
    path.write_text(ATOM, encoding="utf-8")
    first, second = articles(read([path]))
    assert first.id == first.url == "https://citynews.example/floods"
    assert first.published == dt.date(2024, 1, 15)
    assert first.author == "Jane Doe"
    assert first.source == "City News"
    assert first.language == "en"
    assert first.text == "Heavy rain flooded 45 neighbourhoods.\nAbout 1,200 residents were evacuated."
    assert second.id == "tag:citynews.example,2024:2" and second.url is None
    assert second.text == "Prices of chilli rose sharply this week."
    assert second.published == dt.date(2024, 1, 16)


def test_feed_is_sniffed_without_extension_and_entry_ids_fall_back(tmp_path: Path) -> None:
    path = tmp_path / "feed"
    path.write_text(
        "<rss version='2.0'><channel><title>T</title>"
        "<item><title>A</title><description>Isi berita &amp; nbsp&nbsp;rusak</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    [item] = read([path])
    assert isinstance(item, RawArticle)
    assert item.id == f"{path}#1"
    assert item.text.startswith("Isi berita &")


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text("<?xml version='1.0'?><urlset><url><loc>x</loc></url></urlset>")
    assert read([path]) == [Skipped(str(path), "XML is not an RSS or Atom feed")]


def test_rdf_feed(tmp_path: Path) -> None:
    path = tmp_path / "a.rdf"
    path.write_text(
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>Old</title></channel>"
        "<item><title>X</title><link>https://o.example/x</link>"
        "<description>Isi lama.</description><dc:date>2003-12-13T18:30:02Z</dc:date></item>"
        "</rdf:RDF>"
    )
    [item] = read([path])
    assert isinstance(item, RawArticle)
    assert (item.id, item.text, item.published) == ("https://o.example/x", "Isi lama.",
                                                   dt.date(2003, 12, 13))
