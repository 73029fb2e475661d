"""Moving holidays, economic periods, day lists and the writing day: the error classes found by
the blind holiday/economy/court/sports dev gold (bench/data/indosum_timex_dev3_gold.jsonl)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from warta.annotate.dates import tag
from warta.annotate.dates.holidays import day_in_year, easter_sunday, holiday_table
from warta.text import split_sentences


def found(text: str, ref: dt.date | None) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in tag(text, "id", ref, split_sentences(text, "id"))}


def test_hijri_year_names_the_day() -> None:
    got = found("Cuti bersama Hari Raya Idul Fitri 1438 Hijriyah ditetapkan.", dt.date(2017, 6, 17))
    assert got["Hari Raya Idul Fitri 1438 Hijriyah"] == ("DATE", "2017-06-25")
    got = found("Pemudik pulang pada Idulfitri 1 Syawal 1438 Hijriah tahun ini.", dt.date(2017, 6, 27))
    assert got["Idulfitri 1 Syawal 1438 Hijriah"] == ("DATE", "2017-06-25")


def test_holiday_with_a_gregorian_or_relative_year() -> None:
    got = found("Angkutan mudik Lebaran 2016 dan lebaran tahun ini.", dt.date(2017, 3, 9))
    assert got["Lebaran 2016"] == ("DATE", "2016-07-06")
    assert got["lebaran tahun ini"] == ("DATE", "2017-06-25")


def test_lebaran_of_the_year_before_the_one_named() -> None:
    got = found(
        "Tercatat 344 perjalanan pada Lebaran 2016, naik dari Lebaran tahun sebelumnya.", dt.date(2017, 3, 9)
    )
    assert got["Lebaran tahun sebelumnya"] == ("DATE", "2015-07-17")


def test_bare_name_is_a_date_after_a_lead_word_only() -> None:
    got = found("Libur long weekend jelang Idul Adha sudah di depan mata.", dt.date(2017, 8, 31))
    assert got["Idul Adha"] == ("DATE", "2017-09-01")
    # "arus mudik Lebaran" names the season's traffic, not the day
    assert "Lebaran" not in found("Arus mudik Lebaran mulai padat.", dt.date(2017, 6, 20))
    # lower case without a year: a common noun
    assert "lebaran" not in found("Suasana pasca lebaran terasa.", dt.date(2017, 6, 28))


def test_countdown_days() -> None:
    text = 'Puncak arus mudik lebaran 2017 diprediksi. "Pada H - 2 dan H - 1 itu akan padat," ucapnya.'
    got = found(text, dt.date(2017, 6, 17))
    assert got["H - 2"] == ("DATE", "2017-06-23")
    assert got["H - 1"] == ("DATE", "2017-06-24")
    got = found("Tiket untuk keberangkatan H - 10 sampai dengan H+10 Lebaran.", dt.date(2017, 3, 9))
    assert got["H+10"] == ("DATE", "2017-07-05")
    assert got["H - 10"] == ("DATE", "2017-06-15")  # the holiday of the text


def test_countdown_without_a_holiday_is_dropped() -> None:
    assert found("Rapat digelar pada H-3 sebelum acara.", dt.date(2017, 6, 17)) == {}
    # a lower-case "h" is no countdown marker
    assert "h - 2" not in found("Nilai h - 2 dihitung, Lebaran nanti.", dt.date(2017, 6, 17))


def test_days_counted_from_a_holiday() -> None:
    got = found("Pelabuhan sibuk hingga hari ke - dua Lebaran, Senin (26/6).", dt.date(2017, 6, 27))
    assert got["hari ke - dua Lebaran"] == ("DATE", "2017-06-26")
    got = found("Penumpang naik mulai dari sepuluh hari sebelum Lebaran.", dt.date(2017, 6, 27))
    assert got["sepuluh hari sebelum Lebaran"] == ("DATE", "2017-06-15")


def test_unknown_year_keeps_no_day() -> None:
    got = {t.text: t for t in tag("Mudik saat Lebaran 2031 nanti.", "id", dt.date(2030, 1, 5))}
    assert got["Lebaran 2031"].value == "2031"  # the year the text names, never a guessed day
    assert got["Lebaran 2031"].note
    far = {t.text: t for t in tag("Libur jelang Idul Adha ini.", "id", dt.date(2031, 5, 1))}
    assert far["Idul Adha"].value == "XXXX-XX-XX"
    assert far["Idul Adha"].status == "unresolved"
    none = {t.text: t for t in tag("Libur jelang Idul Adha ini.", "id", None)}
    assert none["Idul Adha"].status == "unresolved"


def test_easter_feasts_are_computed() -> None:
    assert easter_sunday(2018) == dt.date(2018, 4, 1)
    assert easter_sunday(2014) == dt.date(2014, 4, 20)
    assert easter_sunday(2000) == dt.date(2000, 4, 23)
    got = found("Libur Kenaikan Isa Almasih 2016 dan Jumat Agung 2017.", dt.date(2017, 1, 2))
    assert got["Kenaikan Isa Almasih 2016"] == ("DATE", "2016-05-05")
    assert got["Jumat Agung 2017"] == ("DATE", "2017-04-14")


def test_holiday_table_is_consistent() -> None:
    t = holiday_table("id")
    for key in t.days:
        years = sorted(t.days[key])
        assert years == list(range(years[0], years[-1] + 1)), key  # no gap a bare name could skip
    for key, by_hijri in t.hijri.items():
        for hijri_year, day in by_hijri.items():
            assert t.days[key][day.year] == day
            assert hijri_year + 578 <= day.year <= hijri_year + 580  # Gregorian ~ Hijri + 579
        days = sorted(by_hijri.values())
        # a lunar year is 354 or 355 days (a day more or less where the sighting differs)
        assert all(353 <= (b - a).days <= 356 for a, b in itertools.pairwise(days)), key
    assert day_in_year(t, "eid_fitr", 1999) is None
    assert holiday_table("xx").names == {}


def test_fixed_holiday_with_a_year() -> None:
    got = found("Libur Natal 2016 dan Tahun Baru 2017.", dt.date(2016, 12, 20))
    assert got["Natal 2016"] == ("DATE", "2016-12-25")
    assert got["Tahun Baru 2017"] == ("DATE", "2017-01-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Penjualan semester pertama itu turun.", ("semester pertama", "2017-H1")),
        ("Konsumsi pada semester pertama tahun ini melaju.", ("semester pertama tahun ini", "2017-H1")),
        ("Jelang semester II perseroan optimistis.", ("semester II", "2017-H2")),
        ("Target paruh kedua 2018 naik.", ("paruh kedua 2018", "2018-H2")),
        ("Belanja pada kuartal lalu tumbuh minus.", ("kuartal lalu", "2017-Q2")),
        ("Kuartal sebelumnya, operasi fiskal tertahan.", ("Kuartal sebelumnya", "2017-Q2")),
        ("APBN Tahun Anggaran 2018 disahkan.", ("Tahun Anggaran 2018", "2018")),
        ('"Akhir Mei (2017)," kata Mourinho.', ("Akhir Mei (2017)", "2017-05")),
    ],
)
def test_economy_periods(text: str, expected: tuple[str, str]) -> None:
    assert found(text, dt.date(2017, 8, 10))[expected[0]] == ("DATE", expected[1])


def test_quarters_counted_are_a_duration() -> None:
    got = found("Menambah realisasi belanja tiga kuartal sebelumnya.", dt.date(2016, 11, 12))
    assert got["tiga kuartal sebelumnya"] == ("DURATION", "P3Q")


def test_year_on_year_and_questions_are_no_time() -> None:
    got = found("Ekonomi tumbuh 5,02 persen secara tahunan. Acara tahunan digelar.", dt.date(2016, 11, 12))
    assert list(got) == ["tahunan"]  # only the recurring event
    assert found("Seperti Nazaruddin, ia berapa tahun?", dt.date(2017, 11, 3)) == {}


def test_day_lists_take_the_closing_month() -> None:
    text = "Cuti bersama pada tanggal 23, 27, 28, 29 dan 30 Juni 2017. Macet pada 23 dan 24 Juni."
    got = [(t.text, t.value) for t in tag(text, "id", dt.date(2017, 6, 17))]
    assert got == [
        ("tanggal 23", "2017-06-23"),
        ("27", "2017-06-27"),
        ("28", "2017-06-28"),
        ("29", "2017-06-29"),
        ("30 Juni 2017", "2017-06-30"),
        ("23", "2017-06-23"),
        ("24 Juni", "2017-06-24"),
    ]
    got2 = found("Puncak arus pada akhir pekan ini, mulai 22 hingga 24 Desember.", dt.date(2017, 12, 20))
    assert got2["22"] == ("DATE", "2017-12-22")
    got3 = found("Pekan ke-11 pada 12 - 19 Juni 2017.", dt.date(2017, 6, 9))
    assert got3["12"] == ("DATE", "2017-06-12")


def test_a_number_before_a_date_that_is_no_day_is_left() -> None:
    # "skor 2 - 1" or a count: no month closes the list
    assert "2" not in found("Menang 2 - 1 pada Sabtu (14/10/2017).", dt.date(2017, 10, 15))
    # an impossible day in a list gives nothing rather than a wrong date
    assert "31" not in found("Libur pada 31 dan 1 Februari.", dt.date(2017, 1, 20))


def test_narration_counts_from_the_writing_day() -> None:
    text = (
        "KPK seperti memaksa hakim memutus praperadilan hari ini. "
        '"Kita lihat saja," kata Ketut di Pengadilan Negeri Jakarta Selatan, Rabu (13/12). '
        "Saat sidang kemarin, Kusno meminta bukti."
    )
    got = found(text, dt.date(2017, 12, 14))
    assert got["hari ini"] == ("DATE", "2017-12-13")
    assert got["kemarin"] == ("DATE", "2017-12-12")


def test_writing_day_needs_a_statement_day_and_no_later_day() -> None:
    # statements of the publication day: nothing moves
    same = found('Sidang digelar hari ini. "Cukup," kata Ketut, Kamis (14/12).', dt.date(2017, 12, 14))
    assert same["hari ini"] == ("DATE", "2017-12-14")
    # a happening named after the statement day: the text reaches the publication day
    later = found(
        'Sidang hari ini. "Cukup," kata Ketut, Rabu (13/12). Putusan dibacakan Kamis (14/12).',
        dt.date(2017, 12, 14),
    )
    assert later["hari ini"] == ("DATE", "2017-12-14")
    # a statement a week before publication is not the writing day
    old = found('Sidang hari ini. "Cukup," kata Ketut, Rabu (6/12).', dt.date(2017, 12, 14))
    assert old["hari ini"] == ("DATE", "2017-12-14")


def test_scores_and_match_halves_are_no_dates() -> None:
    got = found("Argentina ditahan imbang Venezuela 2 - 2, 6 September lalu.", dt.date(2017, 9, 10))
    assert list(got) == ["6 September lalu"]
    # "paruh kedua" alone is the second half of a match; with a year it is a half-year
    assert found("Memasuki paruh kedua, Liverpool langsung menekan.", dt.date(2017, 9, 17)) == {}
    assert found("Target paruh pertama tahun depan naik.", dt.date(2014, 11, 2)) == {
        "paruh pertama tahun depan": ("DATE", "2015-H1")
    }


def test_bracketed_weekdays_restate_a_list_of_dates() -> None:
    text = (
        "Cuti bersama pada tanggal 23, 27, 28, 29 dan 30 Juni 2017 (Jumat, Selasa, Rabu, Kamis, dan Jumat)."
    )
    got = [(t.text, t.value) for t in tag(text, "id", dt.date(2017, 6, 17))][-5:]
    assert got == [
        ("Jumat", "2017-06-23"),
        ("Selasa", "2017-06-27"),
        ("Rabu", "2017-06-28"),
        ("Kamis", "2017-06-29"),
        ("Jumat", "2017-06-30"),
    ]
    # a weekday no listed day has keeps the usual reading (the latest such day)
    assert found("Rapat Kamis (15/6) (Minggu).", dt.date(2017, 6, 17))["Minggu"] == ("DATE", "2017-06-11")


def test_a_weekday_slip_keeps_the_written_date_across_a_month() -> None:
    # Sunday 2 July 2017: Friday would be 30 June, a month away from the number written, so the
    # weekday is the slip; the output says no reading agrees
    got = {
        t.text: t
        for t in tag("Helikopter jatuh pada Jumat (2/7). Evakuasi Senin (3/7).", "id", dt.date(2017, 7, 4))
    }
    assert got["Jumat (2/7)"].value == "2017-07-02"
    assert got["Jumat (2/7)"].status == "weekday_mismatch"
    assert got["Jumat (2/7)"].note and "no reading agrees" in got["Jumat (2/7)"].note
    # within the month a slip in the number is still read by the weekday
    assert found("Rapat pada Selasa (16/11).", dt.date(2016, 11, 17))["Selasa (16/11)"] == (
        "DATE",
        "2016-11-15",
    )


def test_the_same_year_is_the_year_mentioned_before() -> None:
    got = found(
        "Kursi disiapkan untuk Lebaran 2016. Pada tahun yang sama ada 344 perjalanan.", dt.date(2017, 3, 9)
    )
    assert got["tahun yang sama"] == ("DATE", "2016")
    got = found("Harga naik pada Maret 2015 dan turun pada bulan yang sama.", dt.date(2017, 3, 9))
    assert got["bulan yang sama"] == ("DATE", "2015-03")
    assert found("Pada tahun yang sama ia lulus.", None)["tahun yang sama"] == ("DATE", "PAST_REF")


def test_the_same_month_of_another_year() -> None:
    text = "Kunjungan pada Juni 2017 naik dibandingkan dengan bulan yang sama tahun lalu."
    assert found(text, dt.date(2017, 8, 2))["bulan yang sama tahun lalu"] == ("DATE", "2016-06")


def test_a_statement_weekday_is_not_a_coming_day() -> None:
    text = (
        "Festival digelar di Kota Padang 20 hingga 23 Oktober 2016. "
        '"Sepuluh negara ikut," kata Ketua Panitia Suardi, di Padang, Kamis.'
    )
    assert found(text, dt.date(2016, 10, 14))["Kamis"] == ("DATE", "2016-10-13")
