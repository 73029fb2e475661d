import json

import pytest

from warta.cli import main

RECORDS = [
    {"id": "a", "cluster": "x", "text": "Banjir bandang melanda Kecamatan Cibereum pada Kamis pagi.\n"
     "Ribuan warga mengungsi ke masjid dan balai desa terdekat."},
    {"id": "b", "cluster": "x", "text": "Banjir bandang melanda Kecamatan Cibereum pada Kamis pagi hari.\n"
     "BPBD mengerahkan perahu karet untuk evakuasi warga."},
    {"id": "c", "cluster": 7, "text": "Kebakaran hebat melanda pasar induk kota pada Sabtu malam.\n"
     "Petugas pemadam kebakaran datang terlambat ke lokasi."},
    {"id": "d", "text": "Berita tanpa grup ini cukup panjang untuk satu kalimat utuh."},
]


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


def test_group_by_writes_one_jsonl_line_per_group(jsonl, capsys):
    assert main(["summarize", str(jsonl), "--group-by", "cluster", "--no-progress"]) == 0
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["group"] for r in lines] == ["x", 7]
    assert lines[0]["articles"] == 2
    first = lines[0]["summary"][0]
    assert {c["article"] for c in first["citations"]} == {"a", "b"}
    assert "no 'cluster' field" in err


def test_one_story_json_with_sentence_budget(jsonl, capsys):
    assert main(["summarize", str(jsonl), "--max-sentences", "2", "--format", "json",
                 "--no-progress"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 4 and len(data["summary"]) == 2


def test_tiny_word_budget_gives_a_reason_not_a_crash(jsonl, capsys):
    assert main(["summarize", str(jsonl), "--max-words", "2", "--no-progress"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["summary"] == [] and "budget of 2 words" in err


def test_budget_options_are_exclusive_and_validated(jsonl, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["summarize", str(jsonl), "--max-words", "5", "--max-sentences", "2"])
    assert exc.value.code == 2
    assert main(["summarize", str(jsonl), "--max-words", "0", "--no-progress"]) == 2


def test_nothing_readable(tmp_path, capsys):
    empty = tmp_path / "e.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["summarize", str(empty), "--no-progress"]) == 1
    assert json.loads(capsys.readouterr().out)["summary"] == []


def test_group_by_a_known_attribute_and_dates(tmp_path, capsys):
    path = tmp_path / "d.jsonl"
    rows = [dict(r, published="2024-01-0" + str(i + 1)) for i, r in enumerate(RECORDS[:2])]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["summarize", str(path), "--group-by", "published", "--format", "json",
                 "--no-progress"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [g["group"] for g in data] == ["2024-01-01", "2024-01-02"]
