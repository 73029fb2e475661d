"""Shared helpers for the ingest tests."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from warta.config import Config
from warta.ingest import read_inputs
from warta.model import RawArticle, Skipped

NEWS_TEXT = (
    "Banjir Rendam Ribuan Rumah di Bekasi\n"
    "Bekasi - Banjir merendam ribuan rumah di Kota Bekasi, Jawa Barat, pada Senin pagi.\n"
    "Kepala BPBD mengatakan ketinggian air mencapai satu meter di beberapa perumahan.\n"
)


def read(
    inputs: Sequence[str | Path], config: Config | None = None, stdin: bytes | None = None
) -> list[RawArticle | Skipped]:
    """Everything ingest yields for ``inputs``, as a list."""
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_inputs([str(i) for i in inputs], config or Config(), stdin=stream))


def articles(items: list[RawArticle | Skipped]) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


def skipped(items: list[RawArticle | Skipped]) -> list[Skipped]:
    return [i for i in items if isinstance(i, Skipped)]


def assert_one_line(reason: str) -> None:
    assert reason and "\n" not in reason and "Traceback" not in reason, reason

PARAGRAPHS = [
    "Jakarta - Hujan deras yang mengguyur Jakarta sejak Minggu malam menyebabkan banjir di "
    "sejumlah wilayah. Badan Penanggulangan Bencana Daerah (BPBD) DKI Jakarta mencatat 45 RT "
    "terendam dengan ketinggian air antara 30 sentimeter hingga 1,2 meter.",
    "Kepala Pelaksana BPBD DKI Jakarta, Isnawa Adji, mengatakan petugas telah dikerahkan untuk "
    "mengevakuasi warga yang terdampak. Sebanyak 1.200 warga kini mengungsi di masjid, sekolah, "
    "dan balai warga terdekat.",
    "Menurut Badan Meteorologi, Klimatologi, dan Geofisika (BMKG), hujan dengan intensitas "
    "sedang hingga lebat masih berpotensi terjadi hingga tiga hari ke depan. Warga diminta "
    "tetap waspada terhadap kemungkinan banjir susulan.",
    "Pemerintah Provinsi DKI Jakarta juga menyiagakan pompa air di titik-titik rawan genangan. "
    "Dinas Sumber Daya Air menyebut 487 pompa stasioner dan 400 pompa mobile telah dioperasikan "
    "sejak Senin dini hari.",
]


def news_html(title: str = "Banjir Rendam 45 RT di Jakarta, 1.200 Warga Mengungsi") -> str:
    """A small but realistic news page: menus, share buttons, related links, footer."""
    body = "\n".join(f"      <p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <title>{title} - Kabar Kota</title>
  <meta property="og:title" content="{title}">
  <meta property="og:site_name" content="Kabar Kota">
  <meta property="og:url" content="https://kabarkota.example/berita/banjir-jakarta">
  <meta property="article:published_time" content="2024-01-15T08:30:00+07:00">
  <meta name="author" content="Rina Wulandari">
  <link rel="canonical" href="https://kabarkota.example/berita/banjir-jakarta">
  <style>body {{ font-family: sans-serif; }}</style>
  <script>var ads = [];</script>
</head>
<body>
  <header><nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a>
    <a href="/olahraga">Olahraga</a> <a href="/login">Masuk</a></nav></header>
  <main>
    <article>
      <h1>{title}</h1>
      <div class="byline">Rina Wulandari - Senin, 15 Januari 2024 08:30 WIB</div>
{body}
      <div class="share">Bagikan: Facebook Twitter WhatsApp</div>
    </article>
    <aside><h3>Berita Terkait</h3><ul><li><a href="/a">Harga cabai naik</a></li>
      <li><a href="/b">Jadwal KRL berubah</a></li></ul></aside>
  </main>
  <footer><p>&copy; 2024 Kabar Kota. Hak cipta dilindungi.</p></footer>
</body>
</html>
"""


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Kabar Kota - Nasional</title>
  <link>https://kabarkota.example/</link>
  <language>id-ID</language>
  <item>
    <title>Banjir Rendam 45 RT di Jakarta</title>
    <link>https://kabarkota.example/berita/banjir-jakarta</link>
    <guid isPermaLink="false">kk-1001</guid>
    <pubDate>Mon, 15 Jan 2024 08:30:00 +0700</pubDate>
    <dc:creator>Rina Wulandari</dc:creator>
    <description>Ringkasan singkat.</description>
    <content:encoded><![CDATA[<p>Hujan deras menyebabkan banjir di sejumlah wilayah.</p>
<p>BPBD mencatat 45 RT terendam &amp; 1.200 warga mengungsi.</p>]]></content:encoded>
  </item>
  <item>
    <title>Harga Cabai Naik</title>
    <guid>https://kabarkota.example/berita/cabai</guid>
    <pubDate>Tue, 16 Jan 2024 10:00:00 +0700</pubDate>
    <description>&lt;p&gt;Harga cabai rawit naik menjadi Rp 80.000 per kilogram.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Tanpa isi</title>
    <link>https://kabarkota.example/berita/kosong</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>City News</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2024-01-16T10:00:00Z</updated>
  <entry>
    <title>Floods hit Jakarta</title>
    <link rel="alternate" href="https://citynews.example/floods"/>
    <link rel="edit" href="https://citynews.example/edit/1"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2024-01-15T01:30:00Z</published>
    <updated>2024-01-16T09:00:00Z</updated>
    <author><name>Jane Doe</name></author>
    <summary>Short teaser.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Heavy rain flooded
      45 neighbourhoods.</p><p>About 1,200 residents were evacuated.</p></div></content>
  </entry>
  <entry>
    <title>No link here</title>
    <id>tag:citynews.example,2024:2</id>
    <updated>2024-01-16T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Prices of chilli rose sharply this week.&lt;/p&gt;</content>
  </entry>
</feed>
"""
