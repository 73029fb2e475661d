"""``warta ingest``, ``warta search`` and ``warta serve`` (argument handling and errors)."""

from __future__ import annotations

import builtins
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from warta.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = str(REPO / "examples" / "banjir")


def test_ingest_then_search(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "w.db")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["ingest", EXAMPLE, str(tmp_path / "empty.txt"), "--db", db, "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "9 article(s) stored" in err and "1 skipped" in err and "skipped" in err
    assert main(["ingest", EXAMPLE, "--db", db, "--no-progress"]) == 0
    assert "0 article(s) stored, 9 already stored" in capsys.readouterr().err
    assert main(["search", "pengungsi", "--db", db]) == 0
    out, err = capsys.readouterr()
    assert "Sukamaju" in out and "1 story(ies) match" in err
    assert main(["search", "tsunami", "--db", db]) == 1


def test_ingest_progress_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", EXAMPLE, "--db", str(tmp_path / "w.db"), "--progress"]) == 0
    assert "warta: ingesting:" in capsys.readouterr().err


def test_nothing_to_ingest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "w.db")]) == 1


def test_newer_database_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "new.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    for argv in (["ingest", EXAMPLE], ["search", "banjir"], ["serve"]):
        assert main([*argv, "--db", str(db)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "newer than this Warta supports" in err, err


def test_search_of_a_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "banjir", "--db", str(tmp_path / "none.db")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_serve_without_the_extra_names_the_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_import = builtins.__import__

    def no_fastapi(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] in {"fastapi", "uvicorn"}:
            raise ImportError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_fastapi)
    assert main(["serve", "--db", str(tmp_path / "w.db")]) == 1
    assert "pip install 'warta[serve]'" in capsys.readouterr().err


def test_serve_runs_uvicorn_on_the_given_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    monkeypatch.delenv("WARTA_TOKEN", raising=False)
    assert main(["serve", "--db", str(tmp_path / "w.db"), "--port", "8123"]) == 0
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert "read-only" in capsys.readouterr().err
