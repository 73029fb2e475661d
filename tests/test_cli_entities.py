import io
import json
import sys

from warta.cli import main


def test_entities_from_file_with_offsets(tmp_path, capsys):
    text = "Presiden Joko Widodo tiba di Jakarta.\r\nKPK memeriksa Retno Marsudi."
    path = tmp_path / "t.txt"
    path.write_bytes(text.encode("utf-8"))
    assert main(["entities", str(path), "--language", "id"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {"text": "Joko Widodo", "start": 9, "end": 20, "type": "PERSON"} in found
    for item in found:
        assert text[item["start"]:item["end"]] == item["text"]


def test_entities_from_stdin_and_empty(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert main(["entities", "-"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_entities_bad_input(tmp_path, capsys):
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    assert main(["entities", str(bad)]) != 0
    assert main(["entities", str(tmp_path / "missing.txt")]) != 0
