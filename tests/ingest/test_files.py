"""Plain text files, folders, stdin, and the per-input failure rules."""

from __future__ import annotations

import builtins
import os
from pathlib import Path
from typing import Any

import pytest

from warta.config import Config
from warta.model import RawArticle, Skipped

from .helpers import NEWS_TEXT, articles, assert_one_line, news_html, read, skipped


def test_txt_file_is_one_article_with_the_whole_text(tmp_path: Path) -> None:
    path = tmp_path / "banjir.txt"
    path.write_text(NEWS_TEXT, encoding="utf-8")
    [item] = read([path])
    assert isinstance(item, RawArticle)
    assert item.format == "txt"
    assert item.text == NEWS_TEXT  # the title stays in: the cleaner takes it out
    assert item.id == item.path == str(path)
    assert item.title is None


def test_text_is_normalised(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    # CRLF, a bell, a form feed, and a decomposed "é" (e + combining acute).
    path.write_bytes("Judul\r\nIsi be\x07rita\x0cCafe\u0301 baru.\r\n".encode())
    [item] = read([path])
    assert isinstance(item, RawArticle)
    assert item.text == "Judul\nIsi berita\nCafé baru.\n"


def test_nul_in_jsonl_text_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Isi\\u0000 be\\u0007rita\\r\\nbaru."}\n', encoding="utf-8")
    [item] = read([path])
    assert isinstance(item, RawArticle)
    assert item.text == "Isi berita\nbaru."


def test_folder_is_read_recursively_in_sorted_order_without_hidden_entries(
    tmp_path: Path,
) -> None:
    root = tmp_path / "in"
    for rel in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.txt", "z.txt", ".hidden.txt",
                ".git/config.txt", "sub/.cache/e.txt"]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Berita {rel}\nIsi berita.\n", encoding="utf-8")
    items = read([root])
    assert [i.id for i in articles(items)] == [
        os.path.join(str(root), rel)
        for rel in ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt", "z.txt"]
    ]
    assert not skipped(items)


def test_unknown_extension_text_and_sniffed_html(tmp_path: Path) -> None:
    (tmp_path / "README").write_text(NEWS_TEXT, encoding="utf-8")
    (tmp_path / "page.php").write_text(news_html(), encoding="utf-8")
    items = read([tmp_path / "README", tmp_path / "page.php"])
    assert [i.format for i in articles(items)] == ["txt", "html"]


def test_stdin_plain_text() -> None:
    [item] = read(["-"], stdin=NEWS_TEXT.encode("utf-8"))
    assert isinstance(item, RawArticle)
    assert (item.id, item.format, item.text, item.path) == ("-", "txt", NEWS_TEXT, None)


def test_stdin_jsonl_is_streamed_across_the_sniffing_buffer() -> None:
    # Long enough that a line straddles the first 64 KB read.
    lines = [f'{{"id": "n{i}", "text": "Berita nomor {i}. {"x" * 300}"}}' for i in range(400)]
    items = read(["-"], stdin=("\n".join(lines) + "\n").encode())
    got = articles(items)
    assert [a.id for a in got] == [f"n{i}" for i in range(400)]
    assert all(a.format == "jsonl" for a in got)
    assert not skipped(items)


def test_stdin_html_and_empty_stdin() -> None:
    [item] = read(["-"], stdin=news_html().encode())
    assert isinstance(item, RawArticle) and item.format == "html"
    assert read(["-"], stdin=b"  \n") == [Skipped("-", "empty input")]


def test_stdin_feed_json_array_and_utf16() -> None:
    from .helpers import RSS

    assert [i.format for i in articles(read(["-"], stdin=RSS.encode()))] == ["feed", "feed"]
    [item] = read(["-"], stdin=b'[{"id": "j", "text": "Isi."}]')
    assert isinstance(item, RawArticle) and item.id == "j"
    [item] = read(["-"], stdin=NEWS_TEXT.encode("utf-16"))
    assert isinstance(item, RawArticle) and item.text == NEWS_TEXT


def test_stdin_defaults_to_sys_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    class FakeStdin:
        buffer = io.BytesIO(NEWS_TEXT.encode())

    monkeypatch.setattr(sys, "stdin", FakeStdin)
    [item] = read(["-"])
    assert isinstance(item, RawArticle) and item.text == NEWS_TEXT


def test_missing_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert read([missing]) == [Skipped(missing, "no such file or directory")]


def test_empty_and_whitespace_only_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n")
    items = read([tmp_path / "empty.txt", tmp_path / "blank.txt"])
    assert [(s.input, s.reason) for s in skipped(items)] == [
        (str(tmp_path / "empty.txt"), "empty file"),
        (str(tmp_path / "blank.txt"), "empty file"),
    ]


def test_binary_file(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    for name in ("image.png", "photo.txt", "noext"):
        (tmp_path / name).write_bytes(png)
    items = read([tmp_path / "image.png", tmp_path / "photo.txt", tmp_path / "noext"])
    assert [s.reason for s in skipped(items)] == ["binary file (not text)"] * 3


def test_control_heavy_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "x.dat"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 0x41, 0x42]) * 500)
    assert read([path]) == [Skipped(str(path), "binary file (not text)")]


def test_huge_single_article_file_is_skipped_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: instant, no disk use
    [item] = read([path])
    assert isinstance(item, Skipped)
    assert item.reason == "file is 52.4 MB, over the 5.0 MB limit (max_article_bytes)"


def test_file_limit_applies_to_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text('{"text": "Isi berita."}\n' * 100, encoding="utf-8")
    [item] = read([path], Config(max_file_bytes=1000))
    assert isinstance(item, Skipped)
    assert item.reason == "file is 2.4 kB, over the 1.0 kB limit (max_file_bytes)"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, where chmod 000 does not stop reading: fake the error instead.
    path = tmp_path / "secret.txt"
    path.write_text(NEWS_TEXT, encoding="utf-8")
    real_open = builtins.open

    def fake_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    assert read([path]) == [Skipped(str(path), "permission denied")]


def test_every_bad_input_gives_one_skipped_and_the_rest_are_read(tmp_path: Path) -> None:
    good1 = tmp_path / "good1.txt"
    good1.write_text(NEWS_TEXT, encoding="utf-8")
    good2 = tmp_path / "good2.html"
    good2.write_text(news_html(), encoding="utf-8")
    bad = {
        "missing.txt": None,
        "empty.txt": b"",
        "binary.txt": b"\x00\x01\x02" * 100,
        "broken.html": b"<html><body><div",
        "bad.json": b"{not json",
        "notfeed.xml": b"<?xml version='1.0'?><urlset><url>x</url></urlset>",
    }
    for name, data in bad.items():
        if data is not None:
            (tmp_path / name).write_bytes(data)
    inputs = [good1, *(tmp_path / n for n in bad), good2]
    items = read(inputs)
    assert [a.id for a in articles(items)] == [str(good1), str(good2)]
    skips = skipped(items)
    assert [s.input for s in skips] == [str(tmp_path / n) for n in bad]
    for s in skips:
        assert_one_line(s.reason)
