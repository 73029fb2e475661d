"""Splitting a place of office glued to a person's name ("Bupati Sukamaju Hendra Wiratama")."""

from tests.builders import article
from warta.annotate.entities import annotate_entities
from warta.annotate.entities.office import split_jurisdiction
from warta.config import Config


def _texts(spans: list[tuple[int, int, str]], text: str) -> list[tuple[str, str]]:
    return [(text[s:e], k) for s, e, k in spans]


def test_title_place_name_person_span_is_split() -> None:
    text = "Bupati Sukamaju Hendra Wiratama datang. Banjir di Kabupaten Sukamaju parah."
    spans = [(7, 31, "PERSON"), (50, 68, "LOCATION")]
    assert _texts(split_jurisdiction(spans, text, "id"), text) == [
        ("Sukamaju", "LOCATION"), ("Hendra Wiratama", "PERSON"), ("Kabupaten Sukamaju", "LOCATION")]


def test_place_span_swallowing_a_named_person_is_split() -> None:
    text = "BPBD Kabupaten Sukamaju Rina Marlina hadir. Warga Kabupaten Sukamaju aman, kata Rina."
    s1 = text.index("Kabupaten")
    s2 = text.index("Kabupaten", s1 + 1)
    s3 = text.index("Rina", s2)
    spans = [(s1, s1 + 31, "LOCATION"), (s2, s2 + 18, "LOCATION"), (s3, s3 + 4, "PERSON")]
    assert _texts(split_jurisdiction(spans, text, "id"), text)[:2] == [
        ("Kabupaten Sukamaju", "LOCATION"), ("Rina Marlina", "PERSON")]


def test_no_evidence_no_split() -> None:
    # No other mention names "Sukamaju": nothing says where the place ends.
    text = "Bupati Sukamaju Hendra Wiratama datang."
    assert split_jurisdiction([(7, 31, "PERSON")], text, "id") == [(7, 31, "PERSON")]
    # A person span without a title before it stays whole even if a prefix is a known place.
    text = "Jakarta Hendra datang ke Jakarta."
    spans = [(0, 14, "PERSON"), (25, 32, "LOCATION")]
    assert split_jurisdiction(spans, text, "id") == spans


def test_place_suffix_is_not_a_name() -> None:
    # "Jawa" is known, but "Barat" ends the place name, it does not start a person's.
    text = "Gubernur Jawa Barat datang. Hujan di Jawa."
    spans = [(9, 19, "LOCATION"), (37, 41, "LOCATION")]
    assert split_jurisdiction(spans, text, "id") == spans


def test_empty_and_single_word_spans() -> None:
    assert split_jurisdiction([], "", "id") == []
    assert split_jurisdiction([(0, 4, "PERSON")], "Rina datang.", "id") == [(0, 4, "PERSON")]


def test_banjir_example_article_gets_the_bupati_as_a_person() -> None:
    a = article([
        "Banjir bandang melanda Kabupaten Sukamaju pada Kamis.",
        "Sementara itu, Bupati Sukamaju Hendra Wiratama menyatakan pemkab akan menanggung biaya.",
    ], id="a1")
    annotate_entities(a, Config())
    names = {(m.text, m.type, m.sentence) for m in a.entities}
    assert ("Hendra Wiratama", "PERSON", 1) in names
    assert not any("Sukamaju Hendra" in m.text for m in a.entities)
    for m in a.entities:
        assert a.body[m.start:m.end] == m.text


def test_place_word_before_the_span_is_evidence_too() -> None:
    text = ("Kepala Dinas Pemadam Kebakaran dan Penyelamatan Kota Margaluyu Yusuf Maulana "
            "menyebutkan api. Pasar di Margaluyu terbakar.")
    s = text.index("Margaluyu")
    s2 = text.index("Margaluyu", s + 1)
    spans = [(s, s + 23, "PERSON"), (s2, s2 + 9, "LOCATION")]
    assert _texts(split_jurisdiction(spans, text, "id"), text)[:2] == [
        ("Margaluyu", "LOCATION"), ("Yusuf Maulana", "PERSON")]
