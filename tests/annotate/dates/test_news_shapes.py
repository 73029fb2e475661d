"""Shapes found by the IndoSum news dev gold: compound durations, a part of the day or "kemarin"
between a weekday and its date, trailing "ini"/"lalu"/"nanti", a weekday that picks the year."""

from __future__ import annotations

import datetime as dt

from warta.annotate.dates import tag
from warta.text import split_sentences

REF = dt.date(2017, 8, 28)  # a Monday


def found(text: str, ref: dt.date | None = REF) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in tag(text, "id", ref, split_sentences(text, "id"))}


def test_compound_durations() -> None:
    got = found("Ia divonis satu tahun enam bulan, lalu 9 tahun dan 6 bulan, dan rapat 2 jam 30 menit.")
    assert got["satu tahun enam bulan"] == ("DURATION", "P1Y6M")
    assert got["9 tahun dan 6 bulan"] == ("DURATION", "P9Y6M")
    assert got["2 jam 30 menit"] == ("DURATION", "PT2H30M")


def test_compound_needs_a_smaller_second_unit() -> None:
    got = found("Ia bekerja 6 bulan 2 tahun lamanya.")
    assert "6 bulan 2 tahun" not in got
    assert got["6 bulan"] == ("DURATION", "P6M")


def test_everyday_is_no_duration() -> None:
    assert found("Kegiatan sehari-hari warga terganggu.") == {}


def test_all_day_is_a_duration() -> None:
    assert found("Jalan ditutup sepanjang hari.")["sepanjang hari"] == ("DURATION", "P1D")


def test_weekday_part_of_day_then_bracketed_date() -> None:
    got = found("Longsor terjadi Rabu dini hari (23/8). Hujan sejak Selasa kemarin (22/8).")
    assert got["Rabu dini hari (23/8)"] == ("TIME", "2017-08-23TMO")
    assert got["Selasa kemarin (22/8)"] == ("DATE", "2017-08-22")


def test_weekday_part_of_day_with_trailing_word() -> None:
    ref = dt.date(2017, 9, 19)  # a Tuesday
    got = found(
        "Abu beredar sejak Senin malam kemarin. Api padam Selasa pagi ini. Longsor Sabtu pagi lalu.", ref
    )
    assert got["Senin malam kemarin"] == ("TIME", "2017-09-18TNI")
    assert got["Selasa pagi ini"] == ("TIME", "2017-09-19TMO")
    assert got["Sabtu pagi lalu"] == ("TIME", "2017-09-16TMO")


def test_weekday_with_zone_in_brackets() -> None:
    got = found("kata pejabat setempat, Sabtu (Minggu WIB).")
    assert got["Minggu WIB"] == ("DATE", "2017-08-27")


def test_date_then_nanti_is_the_coming_one() -> None:
    assert found("Vonis ditunda ke sidang 27 September nanti.")["27 September nanti"] == (
        "DATE",
        "2017-09-27",
    )


def test_weekday_chooses_the_year_of_a_yearless_date() -> None:
    # 16/2 is nearer in 2018, but 16 February 2017 was the Thursday.
    got = found("kata Nusron kepada wartawan, Kamis (16/2).")
    assert got["Kamis (16/2)"] == ("DATE", "2017-02-16")


def test_yearless_date_takes_a_relative_year_of_its_sentence() -> None:
    text = "Serangan terjadi tahun lalu di Perancis pada 14 Juli. Rapat pada 14 Juli."
    tags = tag(text, "id", REF, split_sentences(text, "id"))
    assert [(t.text, t.value) for t in tags] == [
        ("tahun lalu", "2016"),
        ("14 Juli", "2016-07-14"),
        ("14 Juli", "2017-07-14"),
    ]
    # Without sentences nothing says where a sentence ends: the year is not carried.
    assert tag(text, "id", REF)[1].value == "2017-07-14"


def test_wrong_weekday_near_the_article_date_stays_in_its_year() -> None:
    # 16/11/2017 was a Thursday; 16/11/2016 a Wednesday, but a year away: the slip is the day.
    got = found("Kecelakaan terjadi Rabu, (16/11) malam.", dt.date(2017, 11, 19))
    assert got["Rabu, (16/11) malam"] == ("TIME", "2017-11-15TNI")


def test_thousands_in_a_duration_and_lebih_kurang() -> None:
    got = found("Katedral berdiri selama 1.000 tahun. Ia ditahan lebih kurang 30 menit.")
    assert got["1.000 tahun"] == ("DURATION", "P1000Y")
    assert got["lebih kurang 30 menit"] == ("DURATION", "PT30M")
    assert "sekira pukul 21.00" in found("Pesta usai Minggu (27/8) sekira pukul 21.00.")


def test_that_time_is_the_day_mentioned_before_not_a_later_year() -> None:
    # "produksi 2012" qualifies the car; "Saat itu" is still the day of the accident.
    text = "Mobil menabrak tiang Kamis (16/11). Mobil itu produksi 2012. Saat itu Setya terluka."
    assert found(text)["Saat itu"] == ("DATE", "2017-11-16")


def test_evening_hours_are_afternoon_clock() -> None:
    got = found("Penembakan terjadi sekitar pukul 6.00 malam, lalu pukul 3 sore, dan pukul 2 dini hari.")
    assert got["sekitar pukul 6.00 malam"][1].endswith("T18:00")
    assert got["pukul 3 sore"][1].endswith("T15:00")
    assert got["pukul 2 dini hari"][1].endswith("T02:00")


def test_month_typo_reads_the_day_in_the_article_month() -> None:
    assert found("kata Arief, Senin (5/1).", dt.date(2018, 2, 6))["Senin (5/1)"] == ("DATE", "2018-02-05")
    assert found("kata Syahrial, Senin (27/8).", dt.date(2017, 3, 27))["Senin (27/8)"] == (
        "DATE",
        "2017-03-27",
    )


def test_part_of_day_before_an_anaphoric_day() -> None:
    got = found("Sidang digelar Selasa (9/5). Jalan ditutup sejak malam hari sebelumnya.")
    assert got["malam hari sebelumnya"] == ("TIME", "2017-05-08TNI")


def test_edge_of_a_season_and_a_colon_after_pukul() -> None:
    got = found("Badai datang pada akhir musim dingin, Minggu (27/8) sekitar pukul: 22.00 wib.")
    assert got["akhir musim dingin"] == ("DATE", "2017-WI")
    assert got["sekitar pukul: 22.00 wib"] == ("TIME", "2017-08-27T22:00")


def test_bare_part_of_day_takes_the_day_its_sentence_names() -> None:
    got = found("Helikopter jatuh saat mendarat pada malam hari di desa itu, Jumat.")
    assert got["malam hari"] == ("TIME", "2017-08-25TNI")


def test_quote_counts_from_the_day_it_was_said() -> None:
    ref = dt.date(2017, 5, 25)
    text = '"Kemarin gunung berangin," ujar Ang, Rabu (24/5). "Hari ini cerah," kata Firman kemarin.'
    got = found(text, ref)
    assert got["Kemarin"] == ("DATE", "2017-05-23")
    assert got["Hari ini"] == ("DATE", "2017-05-24")


def test_quote_said_on_the_reference_day_or_unclosed_is_unchanged() -> None:
    ref = dt.date(2017, 5, 24)
    assert found('"Kemarin hujan," ujar Ang, Rabu (24/5).', ref)["Kemarin"] == ("DATE", "2017-05-23")
    assert found('"Kemarin hujan, ujar Ang, Selasa (23/5).', ref)["Kemarin"] == ("DATE", "2017-05-23")
    # Outside a quotation the publication date counts ...
    assert found("Kemarin hujan deras di Bogor.", ref)["Kemarin"] == ("DATE", "2017-05-23")
    # ... unless the text's last statement day is the day before it: written then (test_holidays_periods)
    assert found("Kemarin hujan, ujar Ang, Selasa (23/5).", ref)["Kemarin"] == ("DATE", "2017-05-22")


def test_year_in_a_law_number_is_part_of_its_name() -> None:
    got = found("Ia dijerat Undang-Undang Nomor 31 Tahun 1999 dan UU No 20 Tahun 2001 pada tahun 2017.")
    assert got == {"tahun 2017": ("DATE", "2017")}


def test_that_period_is_no_time() -> None:
    assert found("Jika dalam jangka waktu itu tidak dibayar, harta disita.") == {}
