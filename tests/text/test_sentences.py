"""Sentence splitting: boundaries, abbreviations, quotes, spans."""

from __future__ import annotations

import itertools
import random
import time

import pytest

from warta.model import Sentence
from warta.text import split_sentences


def texts(body: str, language: str = "id") -> list[str]:
    return [s.text for s in split_sentences(body, language)]


def check_spans(body: str, sentences: list[Sentence]) -> None:
    last_end = 0
    for s in sentences:
        assert body[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert last_end <= s.start < s.end
        last_end = s.end


CASES: list[tuple[str, list[str]]] = [
    # plain
    (
        "Polisi menangkap pelaku. Dia dibawa ke kantor polisi.",
        ["Polisi menangkap pelaku.", "Dia dibawa ke kantor polisi."],
    ),
    # addresses
    (
        "Rumahnya di Jl. Sudirman No. 5, Kec. Menteng, Kab. Bogor. Api padam pukul 05.06 WIB.",
        ["Rumahnya di Jl. Sudirman No. 5, Kec. Menteng, Kab. Bogor.", "Api padam pukul 05.06 WIB."],
    ),
    # titles and degrees
    (
        "Pasien ditangani dr. Andi dan Prof. Budi. Keduanya dari RSCM.",
        ["Pasien ditangani dr. Andi dan Prof. Budi.", "Keduanya dari RSCM."],
    ),
    (
        "Acara dibuka H. Ahmad dan Hj. Siti. Ir. Joko hadir bersama Drs. Made.",
        ["Acara dibuka H. Ahmad dan Hj. Siti.", "Ir. Joko hadir bersama Drs. Made."],
    ),
    (
        "Kuasa hukumnya, Andi Putra, S.H., M.Si. Dia menolak tuduhan itu.",
        ["Kuasa hukumnya, Andi Putra, S.H., M.Si.", "Dia menolak tuduhan itu."],
    ),
    ("Ia diwakili K.H. Ma'ruf Amin. Acara selesai.", ["Ia diwakili K.H. Ma'ruf Amin.", "Acara selesai."]),
    ("Timnas masuk Grup A. Dia optimistis.", ["Timnas masuk Grup A.", "Dia optimistis."]),
    (
        "Surat ditujukan a.n. Kepala Desa. Isinya pendek.",
        ["Surat ditujukan a.n. Kepala Desa.", "Isinya pendek."],
    ),
    ("Gereja St. Yosef dibuka lagi. Jemaat datang.", ["Gereja St. Yosef dibuka lagi.", "Jemaat datang."]),
    # money and companies
    (
        "Harga naik menjadi Rp. 2.000 per kilo. Pedagang mengeluh.",
        ["Harga naik menjadi Rp. 2.000 per kilo.", "Pedagang mengeluh."],
    ),
    (
        "Saham PT Bank Rakyat Indonesia Tbk. turun 2,5 persen. Investor cemas.",
        ["Saham PT Bank Rakyat Indonesia Tbk. turun 2,5 persen.", "Investor cemas."],
    ),
    ("Laba PT Astra International Tbk. Direksi puas.", ["Laba PT Astra International Tbk.", "Direksi puas."]),
    # lists that go on
    (
        "Warga membeli beras, gula, minyak, dll. Harga stabil.",
        ["Warga membeli beras, gula, minyak, dll.", "Harga stabil."],
    ),
    (
        "Bantuan berupa beras, selimut, dsb. untuk korban banjir.",
        ["Bantuan berupa beras, selimut, dsb. untuk korban banjir."],
    ),
    # numbers, dates, times
    (
        "Sebanyak 1.234.567 pemilih terdaftar pada 13/1/2022. Jumlahnya naik.",
        ["Sebanyak 1.234.567 pemilih terdaftar pada 13/1/2022.", "Jumlahnya naik."],
    ),
    (
        "Kerugian ditaksir Rp 2.5 juta. Pelaku kabur pada tahun 2017. 2018 ia tertangkap.",
        ["Kerugian ditaksir Rp 2.5 juta.", "Pelaku kabur pada tahun 2017.", "2018 ia tertangkap."],
    ),
    # initials
    (
        "Mantan presiden Susilo B. Yudhoyono hadir. A. Rahman juga datang.",
        ["Mantan presiden Susilo B. Yudhoyono hadir.", "A. Rahman juga datang."],
    ),
    # quotes with speech verbs
    (
        "“Kami sudah siap. Semua sudah dicek,” ujar Budi. Ia lalu pergi.",
        ["“Kami sudah siap.", "Semua sudah dicek,” ujar Budi.", "Ia lalu pergi."],
    ),
    (
        '"Kami sudah siap. Semua sudah dicek," kata Budi. Ia lalu pergi.',
        ['"Kami sudah siap.', 'Semua sudah dicek," kata Budi.', "Ia lalu pergi."],
    ),
    ("“Kami siap.” ujar Budi. Ia pergi.", ["“Kami siap.” ujar Budi.", "Ia pergi."]),
    ("“Kami siap.” Budi lalu pergi.", ["“Kami siap.”", "Budi lalu pergi."]),
    ('Ia berkata, "Saya tidak tahu." Polisi diam.', ['Ia berkata, "Saya tidak tahu."', "Polisi diam."]),
    # ? ! and ellipses
    (
        "Siapa pelakunya? Polisi belum tahu! Penyelidikan berlanjut.",
        ["Siapa pelakunya?", "Polisi belum tahu!", "Penyelidikan berlanjut."],
    ),
    ("“Kenapa?” tanya dia. Tidak ada jawaban.", ["“Kenapa?” tanya dia.", "Tidak ada jawaban."]),
    (
        "Ia menunggu... lalu pergi. Hujan turun… Jalan banjir.",
        ["Ia menunggu... lalu pergi.", "Hujan turun…", "Jalan banjir."],
    ),
    # headlines and lines
    (
        "Banjir Rendam Jakarta\nAir naik sejak pagi. Warga mengungsi.",
        ["Banjir Rendam Jakarta", "Air naik sejak pagi.", "Warga mengungsi."],
    ),
    # URLs and e-mails
    (
        "Berita ini dari Kompas.com dan www.contoh.co.id hari ini. Kirim ke redaksi@contoh.co.id.",
        ["Berita ini dari Kompas.com dan www.contoh.co.id hari ini.", "Kirim ke redaksi@contoh.co.id."],
    ),
    (
        "Informasi ada di www.contoh.co.id. Silakan dibuka.",
        ["Informasi ada di www.contoh.co.id.", "Silakan dibuka."],
    ),
    # lower-case next word: no boundary
    ("Nilainya 5 mil. per tahun menurut data.", ["Nilainya 5 mil. per tahun menurut data."]),
    # numbered list items
    (
        "1. Pertama, siapkan dokumen.\n2. Kedua, datang ke kantor.",
        ["1. Pertama, siapkan dokumen.", "2. Kedua, datang ke kantor."],
    ),
    # credit tags
    ("Ia ditahan di Rutan KPK. (ant/rin)", ["Ia ditahan di Rutan KPK.", "(ant/rin)"]),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_indonesian_cases(body: str, expected: list[str]) -> None:
    got = split_sentences(body, "id")
    assert [s.text for s in got] == expected
    check_spans(body, got)


TOKENISED: list[tuple[str, list[str]]] = [
    (
        '" Tidak hanya tarif harus diatur . Kan bisa saling melengkapi , " ucap Zulkifli di '
        "Gedung DPR , Senin ( 27 / 3 ) . Ketua Umum PAN menambahkan .",
        [
            '" Tidak hanya tarif harus diatur .',
            'Kan bisa saling melengkapi , " ucap Zulkifli di Gedung DPR , Senin ( 27 / 3 ) .',
            "Ketua Umum PAN menambahkan .",
        ],
    ),
    (
        "Harga naik menjadi Rp . 28.000 di Kab . Bogor . Warga protes .",
        ["Harga naik menjadi Rp . 28.000 di Kab . Bogor .", "Warga protes ."],
    ),
    ('" Semua sudah siap . " ujar dia . Ia pergi .', ['" Semua sudah siap . " ujar dia .', "Ia pergi ."]),
    ('" Semua sudah siap . " Ia lalu pergi .', ['" Semua sudah siap . "', "Ia lalu pergi ."]),
]


@pytest.mark.parametrize(("body", "expected"), TOKENISED)
def test_indosum_tokenised_style(body: str, expected: list[str]) -> None:
    got = split_sentences(body, "id")
    assert [s.text for s in got] == expected
    check_spans(body, got)


ENGLISH: list[tuple[str, list[str]]] = [
    (
        "Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5. They talked.",
        ["Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5.", "They talked."],
    ),
    ("He moved to the U.S. He was 20.", ["He moved to the U.S.", "He was 20."]),
    (
        "Bring fruit, e.g. apples, i.e. something sweet. Then leave.",
        ["Bring fruit, e.g. apples, i.e. something sweet.", "Then leave."],
    ),
    ("She bought pens, paper, etc. The shop closed.", ["She bought pens, paper, etc.", "The shop closed."]),
    (
        "Mrs. Brown works at Acme Inc. in Texas. John F. Kennedy was mentioned.",
        ["Mrs. Brown works at Acme Inc. in Texas.", "John F. Kennedy was mentioned."],
    ),
    (
        '"We are ready. Everything is checked," he said. Then he left.',
        ['"We are ready.', 'Everything is checked," he said.', "Then he left."],
    ),
    # Lower-cased or sloppily cased English (Multi-News sources): still a boundary ...
    ("Rescue me, elmo! that's what you shout.", ["Rescue me, elmo!", "that's what you shout."]),
    ("Is it over? nobody knows.", ["Is it over?", "nobody knows."]),
    (
        'It was 90 minutes of it. " the film " tries hard.',
        ["It was 90 minutes of it.", '" the film " tries hard.'],
    ),
    ("The officials came. he left.", ["The officials came.", "he left."]),
    # ... but not before a speech verb, after an ellipsis, an abbreviation in any case, a
    # dotted abbreviation or an initial.
    ('"Help!" she said. "Why?" he asked.', ['"Help!" she said.', '"Why?" he asked.']),
    ("And then... the end.", ["And then... the end."]),
    ("I met mr. smith at 5 p.m. on friday with john f. kennedy.",
     ["I met mr. smith at 5 p.m. on friday with john f. kennedy."]),
    ("The U.S. officials came.", ["The U.S. officials came."]),
]


@pytest.mark.parametrize(("body", "expected"), ENGLISH)
def test_english_cases(body: str, expected: list[str]) -> None:
    got = split_sentences(body, "en")
    assert [s.text for s in got] == expected
    check_spans(body, got)


def test_lower_case_starts_are_english_only() -> None:
    body = "Apa? kata dia. Lalu dr. budi pergi."
    assert [s.text for s in split_sentences(body, "id")] == ["Apa? kata dia.", "Lalu dr. budi pergi."]


def test_empty_and_blank_bodies() -> None:
    assert split_sentences("", "id") == []
    assert split_sentences("  \n\n \t\n", "id") == []


def test_one_sentence_without_stop() -> None:
    body = "  Gempa mengguncang Lombok  "
    assert split_sentences(body, "id") == [Sentence("Gempa mengguncang Lombok", 2, 26, 0)]


def test_paragraph_numbers_count_non_empty_lines() -> None:
    body = "Judul berita\n\nKalimat satu. Kalimat dua.\r\n\r\nKalimat tiga."
    got = split_sentences(body, "id")
    assert [(s.text, s.paragraph) for s in got] == [
        ("Judul berita", 0),
        ("Kalimat satu.", 1),
        ("Kalimat dua.", 1),
        ("Kalimat tiga.", 2),
    ]
    check_spans(body, got)


def test_unknown_language_falls_back() -> None:
    assert texts("Dr. Who came. He left.", "xx") == ["Dr. Who came.", "He left."]
    assert texts("Dr. Who came. He left.", "not a code") == ["Dr. Who came.", "He left."]


PIECES = [
    "Jl.",
    "No.",
    "dr.",
    "Rp",
    "2.000",
    "2,5",
    "05.06",
    "WIB",
    "B.",
    "S.H.",
    "dll.",
    "Kompas.com",
    "kata",
    "dia",
    "Polisi",
    "Presiden",
    ".",
    "?",
    "!",
    "...",
    "…",
    '"',
    "“",
    "”",
    "'",
    "(",
    ")",
    ",",
    "ujar",
    "Budi",
    "\n",
    "\n\n",
    "  ",
    "\t",
    "\r\n",
    "a.n.",
    "U.S.",
    "www.x.co.id",
]


@pytest.mark.parametrize("seed", range(40))
def test_span_invariants_on_random_bodies(seed: int) -> None:
    rng = random.Random(seed)
    body = "".join(rng.choice(PIECES) + rng.choice(["", " ", " ", " "]) for _ in range(rng.randint(0, 120)))
    got = split_sentences(body, rng.choice(["id", "en", "fr"]))
    check_spans(body, got)
    paragraphs = [s.paragraph for s in got]
    assert paragraphs == sorted(paragraphs)
    # Nothing but whitespace is lost between, before or after sentences.
    for a, b in itertools.pairwise(got):
        assert body[a.end : b.start].strip() == ""
    assert "".join("".join(s.text.split()) for s in got) == "".join(body.split())


def test_huge_body_is_fast() -> None:
    unit = (
        "Presiden Joko Widodo meninjau lokasi banjir di Jl. Sudirman No. 5 pada Senin (27/3). "
        "“Kami sudah siap. Semua sudah dicek,” ujar dia kepada Kompas.com. Kerugian Rp 2.000.000.\n"
    )
    body = unit * (100_000 // len(unit) + 1)
    start = time.perf_counter()
    got = split_sentences(body, "id")
    elapsed = time.perf_counter() - start
    check_spans(body, got)
    assert len(got) == 4 * body.count("\n")
    assert elapsed < 1.0
