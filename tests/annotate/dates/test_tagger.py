"""The temporal tagger: recognition shapes, normalization, look-alikes it must not read."""

from __future__ import annotations

import datetime as dt

import pytest

from warta.annotate.dates import tag

REF = dt.date(2022, 1, 14)  # a Friday


def found(text: str, ref: dt.date | None = REF, language: str = "id") -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, language, ref)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Banjir terjadi 13 Januari 2022 di sana.", "2022-01-13"),
        ("Banjir terjadi (13/1/2022) di sana.", "2022-01-13"),
        ("Banjir terjadi (13/01/22) di sana.", "2022-01-13"),
        ("Banjir terjadi Kamis (13/1) di sana.", "2022-01-13"),
        ("Banjir terjadi Kamis (13 Januari) di sana.", "2022-01-13"),
        ("Banjir terjadi pada hari Kamis.", "2022-01-13"),
        ("Banjir terjadi Rabu lalu.", "2022-01-12"),
        ("Rapat digelar Selasa depan.", "2022-01-18"),
        ("Banjir terjadi kemarin.", "2022-01-13"),
        ("Banjir terjadi pekan lalu.", "2022-W01"),
        ("Air surut minggu ini.", "2022-W02"),
        ("Banjir serupa terjadi tahun lalu.", "2021"),
        ("Hujan turun sejak awal Januari.", "2022-01"),
        ("Kami libur akhir pekan ini.", "2022-W02-WE"),
        ("Proyek akan selesai pada 19 Januari.", "2022-01-19"),
        ("Kejadian pada bulan Maret lalu.", "2021-03"),
        ("Harga naik pada 2015.", "2015"),
        ("Warga mengungsi sejak tahun 2007.", "2007"),
    ],
)
def test_indonesian_shapes(text: str, value: str) -> None:
    values = [v for _, _, v in found(text)]
    assert values == [value]


def test_spans_point_into_the_text() -> None:
    text = "Banjir melanda, Kamis (13/1/2022) pukul 05.30 WIB."
    (t,) = tag(text, "id", REF)
    assert text[t.start : t.end] == t.text == "Kamis (13/1/2022) pukul 05.30 WIB"
    assert (t.type, t.value, t.zone) == ("TIME", "2022-01-13T05:30", "+07:00")


def test_chained_expressions_count_from_the_last_date() -> None:
    out = found("Banjir terjadi 10 Januari 2022. Dua hari kemudian air surut; sehari sebelumnya hujan.")
    assert out == [
        ("10 Januari 2022", "DATE", "2022-01-10"),
        ("Dua hari kemudian", "DATE", "2022-01-12"),
        ("sehari sebelumnya", "DATE", "2022-01-11"),
    ]


def test_durations_ages_and_counts_are_not_dates() -> None:
    out = found("Korban berusia 68 tahun, 2030 personel dan 2.000 orang dikerahkan selama 10 hari.")
    assert out == [("68 tahun", "DURATION", "P68Y"), ("10 hari", "DURATION", "P10D")]


def test_lower_case_minggu_is_a_week_and_capitalised_is_sunday() -> None:
    assert found("Hasilnya keluar dalam minggu ini.") == [("minggu ini", "DATE", "2022-W02")]
    assert found("Rapat digelar Minggu.") == [("Minggu", "DATE", "2022-01-09")]


def test_weekday_mismatch_is_flagged_and_the_agreeing_reading_preferred() -> None:
    (t,) = tag("Rapat digelar Kamis (6/12).", "id", dt.date(2021, 12, 10))
    assert t.status == "weekday_mismatch"
    assert t.value == "2021-12-09"  # the Thursday nearest the article date
    assert t.note and "Thursday" in t.note and "2021-12-06" in t.note


def test_weekday_mismatch_from_a_year_typo_takes_the_article_year() -> None:
    # 11/12/2013 was a Wednesday; in an article of 11/12/2014 (a Thursday) the year is a typo.
    (t,) = tag("Penutupan perdagangan Kamis (11/12/2013).", "id", dt.date(2014, 12, 11))
    assert (t.value, t.status) == ("2014-12-11", "weekday_mismatch")
    assert t.note and "2013-12-11" in t.note


def test_year_less_date_takes_the_nearest_year() -> None:
    assert found("Rapat pada 5 Januari.", dt.date(2021, 12, 28)) == [("5 Januari", "DATE", "2022-01-05")]


def test_impossible_dates_are_dropped() -> None:
    assert found("Tanggal 31/2/2022 tidak ada, begitu pula (31/2).") == []


def test_two_digit_years_and_far_dates() -> None:
    assert found("Dibangun 1/2/99 dan selesai 1/2/2099.") == [
        ("1/2/99", "DATE", "2099-02-01"),  # two-digit years are read as 20xx (news is recent)
        ("1/2/2099", "DATE", "2099-02-01"),
    ]


def test_without_reference_relative_expressions_are_unresolved() -> None:
    out = tag("Banjir terjadi kemarin, Kamis (13/1).", "id", None)
    assert [(t.value, t.status) for t in out] == [("PAST_REF", "unresolved"), ("XXXX-01-13", "unresolved")]


def test_times_sets_present_and_vague() -> None:
    out = found("Sekarang warga berjaga setiap hari selama beberapa saat, pukul 21.00 WITA.")
    assert out == [
        ("Sekarang", "DATE", "PRESENT_REF"),
        ("setiap hari", "SET", "P1D"),
        ("beberapa saat", "DURATION", "PXX"),
        ("pukul 21.00 WITA", "TIME", "2022-01-14T21:00"),
    ]


def test_english() -> None:
    out = found(
        "On Thursday, Jan. 13, 2022 the river rose; two days later it fell. Last week too.", language="en"
    )
    assert out == [
        ("Thursday, Jan. 13, 2022", "DATE", "2022-01-13"),
        ("two days later", "DATE", "2022-01-15"),
        ("Last week", "DATE", "2022-W01"),
    ]


def test_empty_huge_and_unknown_language() -> None:
    assert tag("", "id", REF) == []
    big = "Banjir terjadi Kamis (13/1/2022). " * 2000
    assert len(tag(big, "id", REF)) == 2000
    # No time words for this language: the English data is used (the year is still read).
    assert [t.value for t in tag("Le 13 janvier 2022.", "xx", REF)] == ["2022"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # TimeML keeps modifiers inside the expression: "sekitar pukul 09.00 WIB".
        ("Pesawat hilang sekitar pukul 07.24 WIB.", ("sekitar pukul 07.24 WIB", "TIME", "2022-01-14T07:24")),
        ("Tim berangkat pukul 9 WIB.", ("pukul 9 WIB", "TIME", "2022-01-14T09:00")),
        # The last / coming N years is a duration, its extent includes the tail word.
        ("Harga terendah dalam lima tahun terakhir.", ("lima tahun terakhir", "DURATION", "P5Y")),
        ("Proyek selesai dua tahun ke depan.", ("dua tahun ke depan", "DURATION", "P2Y")),
        ("Pasar dibuka dini hari tadi.", ("dini hari tadi", "TIME", "2022-01-14TMO")),
        ("Jepang tak menganggap hari raya Natal sebagai libur.", ("hari raya Natal", "DATE", "2021-12-25")),
        ("Keadaan sekarang ini sulit.", ("sekarang ini", "DATE", "PRESENT_REF")),
        ("Pesawat hilang Minggu (9/1/2022) kemarin.", ("Minggu (9/1/2022) kemarin", "DATE", "2022-01-09")),
        ("Pencarian hari ketiga dimulai.", ("hari ketiga", "DATE", "2022-01-14")),
        ("Pencarian hari ke-4 dimulai.", ("hari ke-4", "DATE", "2022-01-14")),
        ("Polisi memberi waktu 2 x 24 jam.", ("2 x 24 jam", "DURATION", "PT48H")),
        # "lalu" / "mendatang" after a year-less date fixes the side of the reference it is on.
        ("Gempa terjadi pada 8 Maret lalu.", ("8 Maret lalu", "DATE", "2021-03-08")),
        ("Rapat pada 20 Desember mendatang.", ("20 Desember mendatang", "DATE", "2022-12-20")),
    ],
)
def test_extents_follow_timeml(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Arab Saudi mengumumkan anggaran 2015 akan defisit.", ["2015"]),
        ("Rujukan untuk APBN-P 2014 hingga hari ini.", ["2014", "2022-01-14"]),
        ("Proyek bisa berproduksi mulai 2018.\r\n\r\nKepala divisi itu hadir.", ["2018"]),
        # Counts and numbers after a quantity word stay numbers.
        ("Sebanyak 2015 orang hadir.", []),
        ("Jumlahnya mencapai 2014 unit mobil.", []),
        ("Polisi mengerahkan 2030 personel.", []),
    ],
)
def test_bare_years_followed_by_a_word(text: str, years: list[str]) -> None:
    assert [v for _, _, v in found(text)] == years
