"""Decoding: BOMs, UTF-8, legacy code pages, declared charsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.errors import InputError
from warta.ingest.decode import decode_bytes, normalize_text
from warta.model import RawArticle

from .helpers import read

CP1252_TEXT = (
    "Jakarta – Presiden mengatakan “banjir” di Bekasi merugikan warga. Kerugian mencapai €2 "
    "juta.\nCafé Mañana ditutup sementara.\n"
)
LATIN1_TEXT = (
    "Bogotá, Réunion: Café Mañana à Jakarta. Élève naïve façade.\n"
    "Pemerintah daerah menyatakan status siaga.\n"
)


def _read_one(path: Path) -> RawArticle:
    [item] = read([path])
    assert isinstance(item, RawArticle), item
    return item


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (CP1252_TEXT, "cp1252"),
        (LATIN1_TEXT, "latin-1"),
        (CP1252_TEXT, "utf-16"),  # Python writes a BOM
        (CP1252_TEXT, "utf-8-sig"),
        (CP1252_TEXT, "utf-8"),
    ],
)
def test_encodings_are_decoded_correctly(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    assert _read_one(path).text == text


def test_html_meta_charset_is_used_for_legacy_pages(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        f"<title>Café</title></head><body><article><p>{CP1252_TEXT * 3}</p></article></body>"
        "</html>"
    )
    path = tmp_path / "a.html"
    path.write_bytes(page.encode("cp1252"))
    assert "Mañana" in _read_one(path).text


def test_utf8_wins_over_a_wrong_declaration() -> None:
    assert decode_bytes("Café “baru”".encode(), declared="iso-8859-1") == "Café “baru”"


def test_declared_charset_is_used_when_not_utf8() -> None:
    assert decode_bytes("Żółć".encode("iso-8859-2"), declared="iso-8859-2") == "Żółć"


def test_bad_bom_data_is_undecodable() -> None:
    with pytest.raises(InputError, match=r"^cannot decode text \(utf-16"):
        decode_bytes(b"\xff\xfeA\x00B")  # odd number of bytes after the BOM


def test_normalize_text_keeps_tabs_and_newlines() -> None:
    assert normalize_text("a\tb\r\nc\rd\x1b\u0085e\ufeff") == "a\tb\nc\nde"
