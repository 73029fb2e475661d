"""``warta dates``: JSON with offsets into the input exactly as given."""

from __future__ import annotations

import io
import json
import sys

import pytest

from warta.cli import main


def _run(args: list[str], stdin: bytes, capsys: pytest.CaptureFixture[str], monkeypatch) -> tuple[int, list]:  # type: ignore[no-untyped-def,type-arg]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(["dates", "-", *args])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_offsets_into_raw_text_with_crlf(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = "Judul\r\n\r\n  Banjir melanda Kamis (13/1) pagi.\r\nRapat akan digelar 19 Januari."
    code, out = _run(["--published", "2022-01-14", "--language", "id"], text.encode(), capsys, monkeypatch)
    assert code == 0
    assert [(o["text"], o["type"], o["value"]) for o in out] == [
        ("Kamis (13/1) pagi", "TIME", "2022-01-13TMO"),
        ("19 Januari", "DATE", "2022-01-19"),
    ]
    for o in out:
        assert text[o["start"] : o["end"]] == o["text"]
        assert set(o) >= {"text", "start", "end", "type", "value"}


def test_no_dates_is_an_empty_list_and_exit_1(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, out = _run(["--language", "id"], b"Tidak ada tanggal di sini.", capsys, monkeypatch)
    assert (code, out) == (1, [])


def test_bad_published_is_a_usage_error(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x")))
    assert main(["dates", "-", "--published", "13/1/2022"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_file_input_and_mismatch_note(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "a.txt"
    f.write_text("Rapat digelar Kamis (6/12).", encoding="utf-8")
    assert main(["dates", str(f), "--published", "2021-12-10", "--language", "id"]) == 0
    (o,) = json.loads(capsys.readouterr().out)
    assert o["value"] == "2021-12-09" and o["status"] == "weekday_mismatch" and "Thursday" in o["note"]
