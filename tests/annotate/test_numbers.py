import pytest

from warta.annotate.numbers import fact_key, find_quantities, parse_digits


def values(text: str, language: str = "id") -> list[tuple[float, str | None, str | None]]:
    return [(q.value, q.counted, q.qualifier) for q, _ in find_quantities(text, language)]


@pytest.mark.parametrize(
    ("raw", "language", "expected"),
    [
        ("2.000", "id", 2000), ("2,5", "id", 2.5), ("2.000,50", "id", 2000.5), ("2,000", "id", 2000),
        ("10.000", "id", 10000), ("1.234.567", "id", 1234567), ("2,000.50", "en", 2000.5),
        ("2.5", "en", 2.5), ("6,649", "id", 6649),
    ],
)
def test_parse_digits(raw: str, language: str, expected: float) -> None:
    assert parse_digits(raw, language) == expected


def test_decimal_comma_before_scale_word() -> None:
    assert values("Sebanyak 6,649 miliar lembar saham diperdagangkan.") == [(6.649e9, "lembar", None)]
    assert values("Lebih dari 2,5 juta warga mengungsi.") == [(2.5e6, "warga", "lebih dari")]


def test_indonesian_formats_words_vague_and_qualifiers() -> None:
    assert values("Sekitar 2.000 personel dikerahkan.") == [(2000, "personel", "sekitar")]
    assert values("Dua belas orang tewas.") == [(12, "orang", None)]
    assert values("Ribuan warga ditangkap.") == [(1000, "warga", None)]
    got = values("Puluhan rumah rusak dan belasan mobil hanyut.")
    assert got == [(10, "rumah", None), (11, "mobil", None)]
    assert values("Setidaknya 164 orang tewas, hampir 10.000 ditahan.")[0] == (164, "orang", "setidaknya")


def test_range_keeps_both_ends() -> None:
    (q, _), = find_quantities("Sebanyak 2.000-2.500 tentara tiba.")
    assert (q.value, q.high, q.qualifier_kind) == (2000, 2500, "range")


@pytest.mark.parametrize(
    "text",
    [
        "Pada tahun 2022 harga naik 30 persen.",
        "Ia membayar Rp 5.000 per orang.",
        "Pria berusia 45 tahun itu ditahan 3 hari.",
        "Banjir terjadi pukul 10.30 WIB pada 5 Januari 2022.",
        "Salah satu warga dan satu pun tidak datang.",
        "KRI Parang 647 berlayar, tiket H+4 habis.",
        "Gempa 5,6 magnitudo dan jarak 12 km.",
        "",
        "Tidak ada angka di sini.",
    ],
)
def test_not_head_counts(text: str) -> None:
    assert values(text) == []


def test_noun_before_the_number() -> None:
    assert values("Ahok memperoleh suara 2.364.577 atau 42,99 persen.") == [(2364577, "suara", None)]


def test_fact_key_groups_wordings() -> None:
    (a, _), = find_quantities("Sekitar 2.300 jiwa mengungsi.")
    (b, _), = find_quantities("Lebih dari 2.000 warga mengungsi ke GOR.")
    (c, _), = find_quantities("Sepuluh orang di sana.")
    assert fact_key(a) == fact_key(b) == "orang mengungsi"
    assert fact_key(c) is None  # "orang" with no event is too vague to compare


def test_english_numbers() -> None:
    assert values("More than 2,000 people were arrested.", "en") == [(2000, "people", "more than")]


def test_attribution_to_people_and_outlets() -> None:
    from warta.annotate.attribution import attribution

    assert attribution("Sebanyak 2.000 personel dikerahkan, kata Tokayev.", "id") == "Tokayev"
    assert attribution("Sebanyak 164 orang tewas, seperti dikutip RIA Novosti.", "id") == "RIA Novosti"
    assert attribution("Kapolri Listyo Sigit mengatakan ada 5 tersangka.", "id") == "Kapolri Listyo Sigit"
    assert attribution("Sebanyak 5 orang tewas.", "id") is None
    # A speech verb in -me form is followed by what was said, not by the speaker.
    assert attribution("Ia mengatakan Dera ditemukan tewas.", "id") is None
