"""Which day a time or a relative expression counts from: the date right after a time, the day
of the sentence, the last year mentioned, a weekday the text already dated."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

from warta.annotate.dates import tag
from warta.text import split_sentences

REF = dt.date(2014, 12, 16)  # a Tuesday


def values(text: str, ref: dt.date | None = REF) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, "id", ref, split_sentences(text, "id"))}


def test_time_takes_the_relative_date_after_it() -> None:
    text = "Tanggul jebol Senin (15/12/2014). Air datang pukul 05.30 WIB, sehari sebelumnya."
    assert values(text)["pukul 05.30 WIB"] == "2014-12-14T05:30"


def test_time_takes_the_explicit_date_after_it() -> None:
    text = "Kemarin harga turun. Harga 55 dollar pada pukul 7:55 WIB, Selasa (16/12/2014)."
    assert values(text)["pukul 7:55 WIB"] == "2014-12-16T07:55"


def test_time_after_a_dated_sentence_keeps_that_day() -> None:
    text = "Pesawat hilang kontak Minggu (14/12/2014). Pesawat lepas landas pukul 05.35 WIB."
    assert values(text)["pukul 05.35 WIB"] == "2014-12-14T05:35"


def test_kemarin_in_an_earlier_sentence_does_not_date_a_time() -> None:
    text = "Harga turun setelah kemarin terpangkas. Harga 55 dollar pukul 10:14 WIB."
    assert values(text)["pukul 10:14 WIB"] == "2014-12-16T10:14"


def test_time_without_reference_stays_unresolved() -> None:
    found = tag("Air datang pukul 05.30 WIB, sehari sebelumnya.", "id", None)
    assert found[0].value == "XXXX-XX-XXT05:30" and found[0].status == "unresolved"


def test_year_before_counts_from_the_last_year_mentioned() -> None:
    text = "Pada 2012, konsumsi naik 9,7 persen dibanding setahun sebelumnya."
    assert values(text)["setahun sebelumnya"] == "2011"


def test_bare_weekday_reuses_the_day_the_text_named() -> None:
    text = "OPEC akan bertemu pada Kamis (18/12/2014). Venezuela mendesak pada pertemuan Kamis."
    assert values(text)["Kamis"] == "2014-12-18"
    # Without such a mention a bare weekday is the latest one up to the article date.
    assert values("Venezuela mendesak pada pertemuan Kamis.")["Kamis"] == "2014-12-11"


def test_every_n_units_is_a_set() -> None:
    assert values("Setiap 5 menit kok pindah SPBU.")["Setiap 5 menit"] == "PT5M"
    assert values("Rapat digelar setiap tiga bulan.")["setiap tiga bulan"] == "P3M"


def test_deictic_with_bracketed_date_is_one_expression() -> None:
    found = values("Data yang dirilis kemarin (15/12) menunjukkan kenaikan.")
    assert found == {"kemarin (15/12)": "2014-12-15"}


def test_place_named_after_a_weekday_is_not_a_date() -> None:
    assert values("SPBU di Jl Raya Pasar Minggu 14, Pancoran.") == {}


def test_vague_references() -> None:
    found = values("RFID sementara ini hanya memonitor. Ke depannya pemerintah memperbaiki jalan.")
    assert found == {"sementara ini": "PRESENT_REF", "Ke depannya": "FUTURE_REF"}


def test_dev_gold_file_is_well_formed(shared_data) -> None:  # type: ignore[no-untyped-def]
    rows = [json.loads(x) for x in (shared_data / "indotimex_kompas" / "indotimex_kompas.jsonl").open()]
    texts = {r["doc_id"]: r["text"] for r in rows if r["split"] != "test_gold"}
    gold_path = Path(__file__).parents[3] / "bench" / "data" / "indotimex_dev_gold.jsonl"
    gold = [json.loads(x) for x in gold_path.open()]
    assert {g["doc_id"] for g in gold} == set(texts)  # dev docs only, never a test doc
    for g in gold:
        spans = [(t["start"], t["end"]) for t in g["timex3"]]
        assert spans == sorted(spans)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
        for t in g["timex3"]:
            assert 0 <= t["start"] < t["end"] <= len(texts[g["doc_id"]])
            assert t["type"] in ("DATE", "TIME", "DURATION", "SET") and t["value"]


def test_counted_day_in_an_earlier_sentence_does_not_date_a_bare_part_of_day() -> None:
    text = (
        "Harga, Selasa, naik hingga tengah hari, setelah sehari sebelumnya anjlok. "
        "Pada perdagangan tengah hari harga naik."
    )
    found = [(t.text, t.value) for t in tag(text, "id", REF, split_sentences(text, "id"))]
    assert found == [
        ("Selasa", "2014-12-16"),
        ("tengah hari", "2014-12-16T12:00"),
        ("sehari sebelumnya", "2014-12-15"),
        ("tengah hari", "2014-12-16T12:00"),
    ]


def test_dulu_is_the_past_only_where_it_means_formerly() -> None:
    assert values("Dulu, harga minyak di atas 100 dollar.") == {"Dulu": "PAST_REF"}
    assert values("Kondisinya tidak seperti dulu lagi.") == {"dulu": "PAST_REF"}
    # "first": after a verb, or "terlebih dahulu"
    assert values("Kita lihat dulu prosedurnya. Harus diperiksa terlebih dahulu.") == {}


def test_recently_is_past() -> None:
    assert values("Akhir-akhir ini harga turun.") == {"Akhir-akhir ini": "PAST_REF"}


def test_next_day_counts_from_the_date_mentioned_before() -> None:
    text = "Pesawat hilang Minggu (14/12/2014). Keesokan harinya, tim SAR bergerak."
    assert values(text)["Keesokan harinya"] == "2014-12-15"


def test_date_word_with_a_day_only() -> None:
    assert values("Pencarian dilanjutkan pada tanggal 10.") == {"tanggal 10": "2014-12-10"}
    assert values("Pencarian pada tanggal 31/12.") == {"tanggal 31/12": "2014-12-31"}
    assert values("Pada tanggal 31/2 ada.") == {} and values("Pada tanggal 31/2 ada.", None) == {}
    assert values("Pencarian dilanjutkan pada tanggal 10.", None) == {"tanggal 10": "XXXX-XX-10"}


def test_part_of_day_with_this_is_a_time() -> None:
    # "tadi malam" said in the day is last night (TimeML "last night": the day before)
    assert values("Tim bergerak tadi malam.") == {"tadi malam": "2014-12-15TNI"}
    assert values("Tim bergerak malam ini.") == {"malam ini": "2014-12-16TNI"}


def test_time_takes_the_day_its_sentence_names_later() -> None:
    text = "Kemarin hujan. Pesawat terbang pukul 05.35 WIB dan hilang pukul 06.17 WIB, Minggu (14/12/2014)."
    found = values(text)
    assert found["pukul 05.35 WIB"] == "2014-12-14T05:35"
    assert found["pukul 06.17 WIB"] == "2014-12-14T06:17"
