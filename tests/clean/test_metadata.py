"""Metadata taken from the text: title, outlet, dateline, writer, editor, publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.builders import raw_article
from warta.clean import clean_article
from warta.clean.credits import normalise_outlet
from warta.errors import InputError

KOMPAS = "\n".join(
    [
        "Polisi Tangkap Pelaku Pencurian di Jakarta",
        "Sabtu, 08 Januari 2022 - 05:06 WIB",
        "",
        "NASIONAL",
        "JAKARTA, KOMPAS.com - Polisi menangkap pelaku pencurian di Jakarta Selatan, "
        "Kamis (13/1/2022).",
        "",
        "",
        "Sumber di kepolisian mengatakan pelaku sudah lama diincar.",
        "POLISI TANGKAP PELAKU PENCURIAN DI JAKARTA",
        "Penulis: Budi Santoso | Editor: Ani Wijaya",
    ]
)


def test_metadata_from_kompas_style_dump() -> None:
    article = clean_article(raw_article(KOMPAS, id="k1"), "id")
    assert article.title == "Polisi Tangkap Pelaku Pencurian di Jakarta"
    assert article.body == (
        "Polisi menangkap pelaku pencurian di Jakarta Selatan, Kamis (13/1/2022).\n"
        "Sumber di kepolisian mengatakan pelaku sudah lama diincar."
    )
    assert article.source == "Kompas.com"
    assert article.dateline_place == "Jakarta"
    assert article.writer == "Budi Santoso"
    assert article.editor == "Ani Wijaya"
    assert article.published == dt.date(2022, 1, 8)
    assert article.published_evidence == "header line: Sabtu, 08 Januari 2022 - 05:06 WIB"
    by_reason = {r.reason: (r.line, r.text) for r in article.removed}
    assert by_reason["title"] == (0, "Polisi Tangkap Pelaku Pencurian di Jakarta")
    assert by_reason["date header"] == (1, "Sabtu, 08 Januari 2022 - 05:06 WIB")
    assert by_reason["dateline"] == (4, "JAKARTA, KOMPAS.com -")
    assert by_reason["repeated headline"][0] == 8
    assert by_reason["credit"][0] == 9


@pytest.mark.parametrize(
    ("first", "source", "place"),
    [
        ("JAKARTA, KOMPAS.com - Harga beras naik.", "Kompas.com", "Jakarta"),
        ("SURABAYA, KOMPAS.com — Harga beras naik.", "Kompas.com", "Surabaya"),
        ("Jakarta (ANTARA) - Harga beras naik.", "Antara", "Jakarta"),
        ("Liputan6.com, Jakarta - Harga beras naik.", "Liputan6.com", "Jakarta"),
        ("TEMPO.CO, Jakarta - Harga beras naik.", "Tempo.co", "Jakarta"),
        ("Bisnis.com, JAKARTA - Harga beras naik.", "Bisnis.com", "Jakarta"),
        ("VIVA – Harga beras naik.", "Viva", None),
        ("REPUBLIKA.CO.ID, JAKARTA -- Harga beras naik.", "Republika.co.id", "Jakarta"),
        ("Jakarta , CNN Indonesia - - Harga beras naik.", "CNN Indonesia", "Jakarta"),
        ("JAKARTA ( Pos Kota ) – Harga beras naik.", "Pos Kota", "Jakarta"),
        ("(Reuters) - Harga beras naik.", "Reuters", None),
    ],
)
def test_dateline_gives_source_and_place(first: str, source: str, place: str | None) -> None:
    article = clean_article(raw_article(f"Judul\n{first}\nParagraf kedua."), "id")
    assert article.body.split("\n")[0] == "Harga beras naik."
    assert (article.source, article.dateline_place) == (source, place)
    assert [r.reason for r in article.removed] == ["title", "dateline"]


def test_dateline_only_at_start_of_first_paragraph() -> None:
    text = "Judul\nHarga beras naik di pasar.\nJAKARTA, KOMPAS.com - bukan dateline di sini."
    article = clean_article(raw_article(text), "id")
    assert article.source is None
    assert "JAKARTA, KOMPAS.com - bukan dateline di sini." in article.body


def test_declared_metadata_wins() -> None:
    raw = raw_article(
        KOMPAS,
        title="Judul Resmi",
        source="Kompas",
        published=dt.date(2022, 1, 9),
        author="Redaksi",
        extra={"lang_hint": "id"},
        url="https://example.com/a",
    )
    article = clean_article(raw, "id")
    assert article.title == "Judul Resmi"
    assert article.source == "Kompas"
    assert (article.published, article.published_evidence) == (dt.date(2022, 1, 9), "metadata")
    assert article.writer == "Budi Santoso"  # a credit line beats the declared author
    assert article.extra == {"lang_hint": "id"}
    assert article.url == "https://example.com/a"
    # the first line is no longer taken as the title: it is body text now
    assert article.body.startswith("Polisi Tangkap Pelaku Pencurian di Jakarta\n")


def test_author_used_when_no_credit_line() -> None:
    article = clean_article(raw_article("Judul\nIsi berita.", author="Ani"), "id")
    assert article.writer == "Ani"


def test_source_from_sumber_line() -> None:
    article = clean_article(raw_article("Judul\nHarga beras naik.\nSumber: ANTARA"), "id")
    assert article.source == "Antara"


@pytest.mark.parametrize(
    ("header", "date"),
    [
        ("Sabtu, 08 Januari 2022 - 05:06 WIB", dt.date(2022, 1, 8)),
        ("Kamis, 13 Jan 2022 10:15 WIB", dt.date(2022, 1, 13)),
        ("13/01/2022, 10:15 WIB", dt.date(2022, 1, 13)),
        ("Diperbarui 13 Januari 2022", dt.date(2022, 1, 13)),
        ("Jumat, 14/01/2022 09:00", dt.date(2022, 1, 14)),
        ("Selasa, 17 Agt 2021 08:00 WIB", dt.date(2021, 8, 17)),
        ("Rabu, 1 Des 2021", dt.date(2021, 12, 1)),
    ],
)
def test_date_from_header_line(header: str, date: dt.date) -> None:
    article = clean_article(raw_article(f"Judul\n{header}\nHarga beras naik."), "id")
    assert article.published == date
    assert article.published_evidence == f"header line: {header}"
    assert ("date header", header) in {(r.reason, r.text) for r in article.removed}


def test_impossible_header_date_is_not_a_date() -> None:
    article = clean_article(raw_article("Judul\n31/02/2022, 10:15 WIB\nHarga beras naik."), "id")
    assert article.published is None


def test_date_from_dateline_sentence() -> None:
    text = "Judul\nJAKARTA, KOMPAS.com - Polisi menangkap pelaku, Kamis (13/1/2022)."
    article = clean_article(raw_article(text), "id")
    assert article.published == dt.date(2022, 1, 13)
    assert article.published_evidence == "dateline sentence: Kamis (13/1/2022)"


def test_dateline_sentence_rejects_impossible_date() -> None:
    text = "Judul\nPolisi menangkap pelaku, Kamis (31/2/2022)."
    assert clean_article(raw_article(text), "id").published is None


def test_dated_subheading_in_body_is_kept() -> None:
    text = "Judul\nKronologi kejadian:\nSenin, 10 Januari 2022\nWarga melapor ke polisi."
    article = clean_article(raw_article(text), "id")
    assert "Senin, 10 Januari 2022" in article.body.split("\n")


def test_repeated_headline_case_insensitive() -> None:
    text = "Harga Beras Naik\nHarga beras naik lagi di pasar.\nHARGA BERAS NAIK"
    article = clean_article(raw_article(text), "id")
    assert article.body == "Harga beras naik lagi di pasar."
    assert [r.reason for r in article.removed] == ["title", "repeated headline"]


def test_declared_title_repeated_in_body_removed() -> None:
    raw = raw_article("Harga Beras Naik\nHarga beras naik lagi.", title="Harga Beras Naik")
    article = clean_article(raw, "id")
    assert article.body == "Harga beras naik lagi."
    assert [(r.line, r.reason) for r in article.removed] == [(0, "repeated headline")]


def test_no_title_for_non_txt_inputs() -> None:
    article = clean_article(raw_article("Harga beras naik.\nIsi.", format="html"), "id")
    assert article.title is None
    assert article.body == "Harga beras naik.\nIsi."


def test_no_title_when_first_line_is_a_paragraph() -> None:
    text = "JAKARTA, KOMPAS.com - Harga beras naik di pasar induk pada pekan ini."
    article = clean_article(raw_article(text), "id")
    assert article.title is None
    assert article.body == "Harga beras naik di pasar induk pada pekan ini."


def test_empty_after_cleaning_raises() -> None:
    with pytest.raises(InputError, match=r"^empty after cleaning: "):
        clean_article(raw_article("Judul\nBaca juga: Yang Lain\nADVERTISEMENT\n\n"), "id")
    with pytest.raises(InputError, match=r"^empty after cleaning: "):
        clean_article(raw_article("   \n\n"), "id")


def test_lines_are_stripped_and_blank_lines_collapsed() -> None:
    article = clean_article(raw_article("Judul\n\n   Satu  dua.  \n\n\n\tTiga.\n"), "id")
    assert article.body == "Satu dua.\nTiga."


def test_every_removed_line_is_recorded() -> None:
    article = clean_article(raw_article(KOMPAS), "id")
    lines = KOMPAS.splitlines()
    for removed in article.removed:
        assert removed.text in lines[removed.line]
    kept_or_removed = {r.line for r in article.removed} | {
        i for i, ln in enumerate(lines) if ln.strip() and ln.strip() in article.body
    }
    assert kept_or_removed == {i for i, ln in enumerate(lines) if ln.strip()}


def test_unknown_language_uses_shared_data() -> None:
    article = clean_article(raw_article("Titre\nAdvertisement\nLe texte."), "fr")
    assert article.body == "Le texte."
    article = clean_article(raw_article("Titre\nLe texte."), "zh-Hant")
    assert article.body == "Le texte."


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("KOMPAS.com", "Kompas.com"),
        ("ANTARA", "Antara"),
        ("CNN Indonesia", "CNN Indonesia"),
        ("DailySocial.id", "DailySocial.id"),
        ("AFP", "AFP"),
        ("REPUBLIKA.CO.ID", "Republika.co.id"),
    ],
)
def test_normalise_outlet(name: str, expected: str) -> None:
    assert normalise_outlet(name) == expected
