"""Days of statements vs days of happenings, and the shapes found by the blind accident/search
dev gold (bench/data/indosum_timex_dev2_gold.jsonl)."""

from __future__ import annotations

import datetime as dt

from warta.annotate.dates import tag
from warta.annotate.dates.said import in_quote, is_attribution, speech_cues
from warta.text import split_sentences


def found(text: str, ref: dt.date | None) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in tag(text, "id", ref, split_sentences(text, "id"))}


def test_attribution_day_does_not_date_a_quoted_time() -> None:
    text = (
        "Tiga orang tewas akibat banjir pada Minggu (26/3). "
        '"Sejak pukul 17.30 hingga 19.00 WIB hujan turun," kata Rina dalam keterangan tertulisnya, '
        "Senin (27/3)."
    )
    got = found(text, dt.date(2017, 3, 28))
    assert got["pukul 17.30"] == ("TIME", "2017-03-26T17:30")
    assert got["19.00 WIB"] == ("TIME", "2017-03-26T19:00")
    assert got["Senin (27/3)"] == ("DATE", "2017-03-27")


def test_attribution_day_does_not_date_a_later_time() -> None:
    text = (
        "Avtur keluar dari sayap pada pukul 05.04 WIB, Sabtu (1/4). "
        '"Bukan bocor," ujar Andy saat dihubungi, Minggu (2/4). '
        "Penerbangan kembali normal pukul 07.43 WIB."
    )
    assert found(text, dt.date(2017, 4, 2))["pukul 07.43 WIB"] == ("TIME", "2017-04-01T07:43")


def test_without_a_dated_happening_a_time_takes_the_statement_day() -> None:
    text = (
        '"HSG ditahan selama 20 hari ke depan," kata Febri di gedung KPK, Jakarta, Selasa (19/12). '
        "Abun keluar sekitar pukul 19.30 WIB mengenakan rompi tahanan."
    )
    got = found(text, dt.date(2017, 12, 20))
    assert got["sekitar pukul 19.30 WIB"] == ("TIME", "2017-12-19T19:30")
    # a happening dated by "hari ini" keeps the article's day
    text = (
        '"Kemarin saya lihat debat," kata Megawati, Kamis (30/3). Megawati hari ini meresmikan kantor. '
        "Acara dimulai sekitar pukul 14.50 WIB."
    )
    assert found(text, dt.date(2017, 3, 31))["sekitar pukul 14.50 WIB"] == ("TIME", "2017-03-31T14:50")


def test_a_named_day_in_a_quotation_dates_its_later_times() -> None:
    text = (
        '"Anggota berpura-pura minta dibuatkan KTP pada Kamis siang hari. Lalu diminta kembali '
        'pukul 8 malam," jelas Yusri.'
    )
    assert found(text, dt.date(2017, 1, 29))["pukul 8 malam"] == ("TIME", "2017-01-26T20:00")


def test_year_not_yet_changed_at_new_year() -> None:
    text = "Gubernur bermuhasabah hari ini, Minggu (31/12/2018) sekitar pukul 23.00 WIB."
    got = found(text, dt.date(2018, 1, 1))
    assert got["Minggu (31/12/2018)"] == ("DATE", "2017-12-31")
    assert got["sekitar pukul 23.00 WIB"] == ("TIME", "2017-12-31T23:00")
    late = found("Rabu (31/12/2015) malam.", dt.date(2015, 1, 2))
    assert late["Rabu (31/12/2015) malam"] == ("TIME", "2014-12-31TNI")


def test_quotation_without_a_day_counts_from_the_last_statement_day() -> None:
    text = (
        "Longsor terjadi Minggu (7/1) malam. Kepala BPBD, Setyo Budiono, Senin menuturkan korban "
        'sudah dievakuasi. "Korban dievakuasi tadi malam. Hari ini kita melanjutkan pencarian," kata Budiono.'
    )
    got = found(text, dt.date(2018, 1, 9))
    assert got["Senin"] == ("DATE", "2018-01-08")
    assert got["tadi malam"] == ("TIME", "2018-01-07TNI")
    assert got["Hari ini"] == ("DATE", "2018-01-08")


def test_same_day_still_counts_from_a_statement_day() -> None:
    # "Pada hari yang sama" refers to the day named before, statement or not.
    text = "OPEC, Rabu, memperkirakan permintaan turun. Pada hari yang sama, harga naik."
    assert found(text, dt.date(2014, 12, 11))["hari yang sama"] == ("DATE", "2014-12-10")


def test_last_night_is_the_night_before() -> None:
    text = '"Kecelakaan terjadi tadi malam di Remedios," tulis kantor berita itu, Selasa (26/12/2017).'
    assert found(text, dt.date(2017, 12, 26))["tadi malam"] == ("TIME", "2017-12-25TNI")
    assert found("Malam ini hujan.", dt.date(2017, 12, 26))["Malam ini"] == ("TIME", "2017-12-26TNI")


def test_bare_parts_of_day_need_a_signal() -> None:
    text = "Longsor terjadi Minggu (7/1). Hujan deras sejak siang hingga sore. Menjelang petang angin reda."
    got = found(text, dt.date(2018, 1, 9))
    assert got["siang"] == ("TIME", "2018-01-07TMI")
    assert got["sore"] == ("TIME", "2018-01-07TAF")
    assert got["petang"] == ("TIME", "2018-01-07TEV")
    assert found("Selamat pagi, kata koran sore itu.", dt.date(2018, 1, 9)) == {}


def test_midnight_and_later_today() -> None:
    text = 'Hujan sejak Kamis (22/2/2018) sore hingga tengah malam. "Kesimpulan nanti sore," kata Gede.'
    got = found(text, dt.date(2018, 2, 23))
    assert got["tengah malam"] == ("TIME", "2018-02-22T24:00")
    assert got["nanti sore"] == ("TIME", "2018-02-23TAF")


def test_clock_before_a_dated_weekday_is_one_time() -> None:
    text = "Kios terbakar pada pukul 21.30 WIB Jumat (12/1). Api padam pukul 03.00 Sabtu (13/1) dinihari."
    got = found(text, dt.date(2018, 1, 13))
    assert got["pukul 21.30 WIB Jumat (12/1)"] == ("TIME", "2018-01-12T21:30")
    assert got["pukul 03.00 Sabtu (13/1) dinihari"] == ("TIME", "2018-01-13T03:00")
    # a comma keeps them apart (two expressions, the time dated by the date after it)
    two = found("Avtur keluar pada pukul 05.04 WIB, Sabtu (1/4).", dt.date(2017, 4, 2))
    assert two["pukul 05.04 WIB"] == ("TIME", "2017-04-01T05:04")
    assert two["Sabtu (1/4)"] == ("DATE", "2017-04-01")


def test_sets_and_holidays() -> None:
    text = (
        "Karnaval di malam Natal itu acara tahunan, digelar setiap 24 Desember. "
        "Angka kecelakaan setiap tahunnya tinggi."
    )
    got = found(text, dt.date(2017, 12, 26))
    assert got["malam Natal"] == ("DATE", "2017-12-24")
    assert got["tahunan"] == ("SET", "P1Y")
    assert got["setiap 24 Desember"] == ("SET", "XXXX-12-24")
    assert got["setiap tahunnya"] == ("SET", "P1Y")


def test_half_a_year_and_minutes_later() -> None:
    got = found(
        "Hujan setara separuh tahun. Kontak hilang sekitar empat menit kemudian.", dt.date(2017, 3, 30)
    )
    assert got["separuh tahun"] == ("DURATION", "P6M")
    assert got["sekitar empat menit kemudian"] == ("DURATION", "PT4M")


def test_attribution_detection() -> None:
    verbs = speech_cues("id")
    assert "kata" in verbs and "menuturkan" in verbs
    text = (
        '"Api padam," kata Tri, Senin (3/10). Ia menyebut Yodi tidak pulang ke rumahnya di wilayah '
        "Jakarta Utara usai kapal terbakar, Ahad lalu."
    )
    s1_end = text.index(".", text.index("(3/10)")) + 1
    day = text.index("Senin")
    assert is_attribution(text, day, day + len("Senin (3/10)"), 0, s1_end, verbs)
    far = text.index("Ahad")
    assert not is_attribution(text, far, far + len("Ahad lalu"), s1_end + 1, len(text), verbs)
    assert in_quote(text, 3) and not in_quote(text, day)
    assert speech_cues("xx") == frozenset()


def test_no_reference_and_empty_text() -> None:
    assert found("", None) == {}
    got = found('"Hari ini kami mencari," kata Budiono, Senin.', None)
    assert got["Hari ini"][1] == "PRESENT_REF"


def test_semalam_is_last_night_unless_a_duration() -> None:
    ref = dt.date(2017, 7, 5)
    assert found("Sue meninggal dunia semalam.", ref)["semalam"] == ("TIME", "2017-07-04TNI")
    assert found("Saya pernah dalam semalam menulis 18 sajak.", ref)["semalam"] == ("DURATION", "P1D")
    quoted = found('"Kami tiba semalam," kata Ani, Senin (3/7).', ref)
    assert quoted["semalam"] == ("TIME", "2017-07-02TNI")
    assert found("Mereka tiba semalam.", None)["semalam"] == ("TIME", "PAST_REF")


def test_weekday_of_a_named_week() -> None:
    ref = dt.date(2015, 1, 1)  # a Thursday
    assert found("Rapat digelar Senin pekan depan.", ref)["Senin pekan depan"] == ("DATE", "2015-01-05")
    assert found("Ia datang Kamis pekan lalu.", ref)["Kamis pekan lalu"] == ("DATE", "2014-12-25")
    assert found("Laga pada Sabtu akhir pekan ini.", ref)["Sabtu akhir pekan ini"] == ("DATE", "2015-01-03")
    got = found("Jumat pekan depan pukul 10.00 WIB tim berangkat.", ref)
    assert got["Jumat pekan depan pukul 10.00 WIB"] == ("TIME", "2015-01-09T10:00")
    # a bare weekday in a January article may be last December's
    got = found("Pesawat hilang Minggu (28/12) pagi.", ref)
    assert got["Minggu (28/12) pagi"] == ("TIME", "2014-12-28TMO")


def test_month_with_a_relative_year() -> None:
    ref = dt.date(2016, 12, 22)
    assert found("Sanksi berlaku sejak Januari tahun ini.", ref)["Januari tahun ini"] == ("DATE", "2016-01")
    ref = dt.date(2018, 1, 31)
    got = found("Sanksi keluar pada 22 Desember tahun lalu.", ref)
    assert got["22 Desember tahun lalu"] == ("DATE", "2017-12-22")
    assert found("Laga pada Februari tahun depan.", ref)["Februari tahun depan"] == ("DATE", "2019-02")
    assert found("Sejak Januari tahun ini.", None)["Januari tahun ini"] == ("DATE", "XXXX-01")


def test_day_of_an_event_named_by_the_date_after_it() -> None:
    ref = dt.date(2015, 1, 3)
    got = found("Pada hari kedua pencarian, Senin (29/12), tim menyisir Laut Jawa.", ref)
    assert got["hari kedua"] == ("DATE", "2014-12-29")
    got = found("Hingga hari ketujuh pencarian, tim menemukan jenazah.", ref)
    assert got["hari ketujuh"] == ("DATE", "2015-01-03")


def test_clock_then_this_morning_is_one_time() -> None:
    got = found("Basarnas mengerahkan kapal sejak pukul 06.00 WIB tadi pagi.", dt.date(2015, 1, 3))
    assert got == {"pukul 06.00 WIB tadi pagi": ("TIME", "2015-01-03T06:00")}


def test_and_a_half() -> None:
    ref = dt.date(2017, 1, 1)
    assert found("Divonis satu setengah tahun.", ref)["satu setengah tahun"] == ("DURATION", "P1.5Y")
    assert found("Rapat berlangsung 2 setengah jam.", ref)["2 setengah jam"] == ("DURATION", "PT2.5H")
    assert found("Kontrak setengah tahun.", ref)["setengah tahun"] == ("DURATION", "P6M")
