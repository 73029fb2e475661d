"""JSON Lines and JSON files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from warta.model import RawArticle, Skipped

from .helpers import articles, assert_one_line, news_html, read, skipped


def _write_lines(path: Path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_jsonl_records_ids_fields_and_bad_lines(tmp_path: Path) -> None:
    p = _write_lines(
        tmp_path / "a.jsonl",
        [
            json.dumps({"id": 7, "text": "Isi satu.", "title": "Satu", "url": "https://x.id/1",
                        "source": "Kompas", "published": "2024-01-15T08:30:00+07:00",
                        "language": "id-ID", "author": "Rina", "category": "nasional",
                        "tags": ["banjir"]}),
            json.dumps({"text": "Tanpa id."}),
            "",
            "{not json",
            "[1, 2]",
            json.dumps({"id": "x", "title": "tanpa teks"}),
            json.dumps({"id": "y", "text": "Tanggal rusak.", "published": "kemarin"}),
            json.dumps({"id": "z", "text": "Tanggal saja.", "published": "2024-02-01"}),
            "   ",
            json.dumps({"id": "e", "text": "  "}),
        ],
    )
    items = read([p])
    got = articles(items)
    assert [a.id for a in got] == ["7", f"{p}#2", "z"]
    first = got[0]
    assert first.format == "jsonl" and first.path == p
    assert (first.title, first.url, first.source, first.author) == (
        "Satu", "https://x.id/1", "Kompas", "Rina"
    )
    assert first.published == dt.date(2024, 1, 15)
    assert first.language == "id"
    assert first.extra == {"category": "nasional", "tags": ["banjir"]}
    assert got[2].published == dt.date(2024, 2, 1)
    skips = skipped(items)
    assert [s.input for s in skips] == [f"{p}:4", f"{p}:5", f"{p}:6", f"{p}:7", f"{p}:10"]
    reasons = [s.reason for s in skips]
    assert reasons[0].startswith("not valid JSON")
    assert reasons[1] == "not a JSON object (a list)"
    assert reasons[2] == "missing 'text' (or 'html') field"
    assert reasons[3] == "bad 'published' value 'kemarin': not an ISO date"
    assert reasons[4] == "'text' is empty"
    for r in reasons:
        assert_one_line(r)


def test_jsonl_html_field_goes_through_extraction(tmp_path: Path) -> None:
    p = _write_lines(tmp_path / "a.jsonl", [json.dumps({"id": "h", "html": news_html(),
                                                        "source": "Sumber Sendiri"})])
    [item] = read([p])
    assert isinstance(item, RawArticle)
    assert "BPBD" in item.text and "Beranda" not in item.text
    assert item.source == "Sumber Sendiri"  # the record's own field wins
    assert item.published == dt.date(2024, 1, 15)  # the page fills the rest
    assert item.html is not None


def test_jsonl_with_bom_crlf_and_legacy_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(
        b'\xef\xbb\xbf{"id": "a", "text": "Satu."}\r\n'
        + '{"id": "b", "text": "Café Mañana."}\r\n'.encode("cp1252")
    )
    items = read([path])
    assert [(a.id, a.text) for a in articles(items)] == [("a", "Satu."), ("b", "Café Mañana.")]


def test_json_array_object_and_articles_key(tmp_path: Path) -> None:
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([{"text": "Satu."}, 5, {"id": "b", "text": "Dua."}]))
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Sendiri.", "title": "T"}))
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"articles": [{"id": "w", "text": "Terbungkus."}]}))
    items = read([arr, one, wrapped])
    assert [a.id for a in articles(items)] == [f"{arr}#0", "b", str(one), "w"]
    assert skipped(items) == [Skipped(f"{arr}[1]", "not a JSON object (a int)")]


def test_json_file_holding_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text('{"id": "a", "text": "Satu."}\n{"id": "b", "text": "Dua."}\n')
    assert [a.id for a in articles(read([path]))] == ["a", "b"]


def test_bad_json_file_is_one_skip(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[{"text": "Satu."}, ')
    [item] = read([path])
    assert isinstance(item, Skipped) and item.reason.startswith("not valid JSON")


def test_text_with_line_separator_is_not_split(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"a": 1}\n{"id": "s", "text": "Satu\u2028dua."}\n', encoding="utf-8")
    items = read([path])
    assert [a.id for a in articles(items)] == ["s"]


def test_newsapi_style_metadata_objects_do_not_fail_the_article(tmp_path: Path) -> None:
    record = {"source": {"id": None, "name": "Kompas"}, "author": {"x": 1}, "text": "Isi."}
    p = _write_lines(tmp_path / "a.jsonl", [json.dumps(record)])
    [item] = read([p])
    assert isinstance(item, RawArticle)
    assert item.source == "Kompas" and item.author is None
    assert item.extra == {"source": record["source"], "author": {"x": 1}}


def test_deeply_nested_line_is_one_skip(tmp_path: Path) -> None:
    p = _write_lines(tmp_path / "a.jsonl", ["[" * 100_000, json.dumps({"text": "Isi."})])
    items = read([p])
    assert len(articles(items)) == 1 and len(skipped(items)) == 1
