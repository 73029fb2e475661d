import json

from warta.cli import main

A = (
    "Banjir bandang landa Sukamaju\nBanjir bandang melanda Kecamatan Cibereum, Kabupaten Sukamaju, "
    "pada Kamis pagi. Ribuan warga mengungsi ke masjid dan balai desa. BPBD mengerahkan perahu karet "
    "untuk mengevakuasi warga yang terjebak banjir di Cibereum.\n"
)
B = (
    "Kebakaran Pasar Kembang\nKebakaran hebat melanda Pasar Kembang di Kota Larangan pada Kamis "
    "malam. Sebanyak 12 mobil pemadam dikerahkan. Ratusan kios pedagang hangus terbakar.\n"
)


def test_cluster_json_contract(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["cluster", str(tmp_path), "--format", "json", "--no-progress"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"stories", "skipped"}
    assert all(set(s) == {"id", "title", "articles", "duplicates", "topic"} for s in data["stories"])
    first = data["stories"][0]
    assert sorted(first["articles"]) == sorted([str(tmp_path / "a.txt"), str(tmp_path / "copy.txt")])
    assert first["duplicates"] == [[str(tmp_path / "a.txt"), str(tmp_path / "copy.txt")]]
    assert [s["input"] for s in data["skipped"]] == [str(tmp_path / "empty.txt")]


def test_cluster_nothing_readable_exits_1(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["cluster", str(tmp_path), "--no-progress", "-q"]) == 1
