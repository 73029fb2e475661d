"""Language detection: py3langid plus the Indonesian/Malay hints."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from warta.text import detect_language

ID_NEWS = (
    "Ketua MPR Zulkifli Hasan menyesalkan kisruh yang terjadi antara pelaku transportasi online "
    "dan tradisional. Ia menyarankan pertemuan antara pemerintah dan para pengemudi karena "
    "masalah itu belum selesai, kata dia di Gedung DPR, Senin (27/3)."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ID_NEWS, "id"),
        ("Polisi menangkap dua orang tersangka karena mencuri motor di Jakarta kemarin.", "id"),
        ("The police arrested two suspects on Monday after a string of burglaries in the city.", "en"),
        ("La policía detuvo el lunes a dos sospechosos tras una serie de robos en la ciudad.", "es"),
        ("La police a arrêté lundi deux suspects après une série de cambriolages dans la ville.", "fr"),
        ("Menteri berkata bahawa kerajaan akan membantu rakyat yang terjejas kerana banjir.", "ms"),
    ],
)
def test_languages(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_malay_looking_indonesian_is_indonesian() -> None:
    # py3langid alone answers "ms" for this one; "pemerintah" marks Indonesian.
    text = "Presiden mengatakan pemerintah akan membantu rakyat yang terkena banjir."
    assert detect_language(text) == "id"


@pytest.mark.parametrize("text", ["", "   ", "Halo", "OK 123", "12.000 / 3,5 %", "Jokowi ke Bogor"])
def test_too_little_text_is_und(text: str) -> None:
    assert detect_language(text) == "und"


def test_long_text_uses_a_sample_and_is_fast() -> None:
    texts = [ID_NEWS * 20] * 200
    detect_language(texts[0])
    start = time.perf_counter()
    assert all(detect_language(t) == "id" for t in texts)
    assert time.perf_counter() - start < 2.0  # >= 100/s even on a slow CI machine


def test_indosum_is_indonesian(shared_data: Path) -> None:
    path = shared_data / "indosum_devfolds" / "indosum_dev_all_folds.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    bodies = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            bodies.append("\n".join(" ".join(p) for p in row["paragraphs"]))
    hits = sum(detect_language(b) == "id" for b in bodies)
    assert hits / len(bodies) >= 0.97, f"{hits}/{len(bodies)} detected as id"
