"""Tokens, content terms (stems, stopwords) and name terms."""

from __future__ import annotations

from warta.text import content_terms, name_terms, tokenize


def test_tokenize_keeps_words_numbers_and_non_ascii() -> None:
    text = "Anak-anak membeli 2.000 kue (Rp 2,5 juta) pada 13/1/2022 pukul 05.06 WIB di Jum'at—café!"
    assert tokenize(text) == [
        "Anak-anak",
        "membeli",
        "2.000",
        "kue",
        "Rp",
        "2,5",
        "juta",
        "pada",
        "13/1/2022",
        "pukul",
        "05.06",
        "WIB",
        "di",
        "Jum'at",
        "café",
    ]
    assert tokenize("COVID-19, e-KTP; Kompas.com") == ["COVID-19", "e-KTP", "Kompas", "com"]
    assert tokenize("") == []


def test_indonesian_stems_and_stopwords() -> None:
    terms = content_terms("Ketua MPR menyesalkan kisruh yang terjadi di Jakarta.", "id")
    assert "sesal" in terms
    assert "yang" not in terms and "di" not in terms
    assert terms == ["ketua", "mpr", "sesal", "kisruh", "jakarta"]


def test_indonesian_plurals_and_numbers() -> None:
    terms = content_terms("Anak-anak menerima 2.000 bantuan, ujarnya.", "id")
    assert terms == ["anak", "terima", "2.000", "bantu"]


def test_english_light_stemming() -> None:
    terms = content_terms("The officers were running and stopped the companies' cars.", "en")
    assert terms == ["officer", "run", "stop", "company", "car"]


def test_other_languages_lower_case_only() -> None:
    terms = content_terms("La Policía detuvo a 2 sospechosos.", "es")
    assert terms == ["la", "policía", "detuvo", "2", "sospechosos"]
    assert content_terms("x", "und") == []


def test_name_terms() -> None:
    text = "Presiden Joko Widodo bertemu Kapolri di Istana Bogor pada Senin (12/3)."
    assert name_terms(text) == ["presiden joko widodo", "kapolri", "istana bogor"]


def test_name_terms_skip_stopwords_and_keep_initials_inside() -> None:
    text = "Dia mengatakan, Menurut Susilo B. Yudhoyono, KPK bekerja.\nThe White House agreed."
    assert name_terms(text) == ["susilo yudhoyono", "kpk", "white house"]
    assert name_terms("") == []
