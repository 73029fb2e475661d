import json
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest

from warta.cli import main

SCHEMA = json.loads(resources.files("warta").joinpath("schema/digest.schema.json").read_text())

ARTICLE = (
    "Banjir bandang landa Sukamaju\n"
    "Banjir bandang melanda Kecamatan Cibereum, Kabupaten Sukamaju, pada Kamis pagi. "
    "Ribuan warga mengungsi ke masjid dan balai desa.\n"
    "BPBD mengerahkan perahu karet untuk mengevakuasi warga yang terjebak.\n"
)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    return tmp_path


def test_digest_json_to_stdout_is_valid_and_reports_skips(folder, capsys):
    assert main(["digest", str(folder), "--format", "json", "--no-progress"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert [a["id"] for s in data["stories"] for a in s["articles"]] == [str(folder / "a.txt")]
    assert [s["input"] for s in data["skipped"]] == [str(folder / "empty.txt")]
    assert "skipped" in err and "Traceback" not in err


def test_output_file_and_formats(folder, tmp_path, capsys):
    for fmt in ("json", "md", "html"):
        target = tmp_path / f"out.{fmt}"
        assert main(["digest", str(folder / "a.txt"), "-f", fmt, "-o", str(target)]) == 0
        assert target.read_text(encoding="utf-8").strip()
    assert capsys.readouterr().out == ""


def test_exit_1_when_nothing_readable(tmp_path, capsys):
    assert main(["digest", str(tmp_path / "missing.txt")]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["skipped"][0]["reason"]
    assert "Traceback" not in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["digest"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["digest", "x", "--format", "pdf"])
    assert exc.value.code == 2
    assert main(["digest", "x", "--story-threshold", "7"]) == 2
    err = capsys.readouterr().err
    assert "story_threshold" in err and "Traceback" not in err


def test_explain_lists_removed_lines(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE + "Baca juga: Harga cabai naik lagi\n", encoding="utf-8")
    assert main(["digest", str(tmp_path), "--explain", "--no-progress"]) == 0
    out, err = capsys.readouterr()
    assert "Baca juga: Harga cabai naik lagi" in err
    removed = json.loads(out)["stories"][0]["articles"][0]["removed"]
    assert any(r["text"].startswith("Baca juga") for r in removed)


def test_stdin_and_console_script(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "warta", "digest", "-", "--format", "md"],
        input=ARTICLE.encode("utf-8"), capture_output=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert "Banjir bandang" in proc.stdout.decode("utf-8")


def test_unwritable_output_is_one_line_error(folder, tmp_path, capsys):
    assert main(["digest", str(folder / "a.txt"), "-o", str(tmp_path / "no" / "dir" / "x.json")]) == 1
    err = capsys.readouterr().err
    assert "error" in err and "Traceback" not in err


def test_annotators_option_selects_and_refuses_unknown(folder, capsys):
    assert main(["digest", str(folder / "a.txt"), "--annotators", "none", "-q"]) == 0
    story = json.loads(capsys.readouterr().out)["stories"][0]
    assert story["entities"] == [] and story["timeline"] == []
    assert main(["digest", str(folder / "a.txt"), "--annotators", "dates,ner", "-q"]) == 2
    err = capsys.readouterr().err
    assert "unknown annotator(s): ner" in err and "Traceback" not in err


def test_output_file_gets_ordinary_permissions(folder, tmp_path):
    import os
    import stat

    target = tmp_path / "brief.md"
    old = os.umask(0o022)
    try:
        assert main(["digest", str(folder / "a.txt"), "-f", "md", "-o", str(target), "-q"]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
