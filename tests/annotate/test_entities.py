from tests.builders import article
from warta.annotate.entities import annotate_entities, find_entities
from warta.annotate.entities.tagger import bio_spans, rule_spans
from warta.config import Config


def test_crf_tags_indonesian_names_with_offsets() -> None:
    text = "Presiden Joko Widodo tiba di Jakarta bersama Menteri Luar Negeri Retno Marsudi."
    found = find_entities(text, "id")
    assert ("Joko Widodo", 9, 20, "PERSON") in found
    assert ("Jakarta", 29, 36, "LOCATION") in found
    for t, s, e, _ in found:
        assert text[s:e] == t


def test_offsets_survive_crlf_and_unicode() -> None:
    text = "Kabar «baru».\r\nKPK memeriksa Retno Marsudi di Jakarta."
    for t, s, e, _ in find_entities(text, "id"):
        assert text[s:e] == t


def test_empty_and_entity_free_text() -> None:
    assert find_entities("", "id") == []
    assert find_entities("hujan turun sejak pagi dan belum berhenti.", "id") == []


def test_english_rules() -> None:
    sentence = "President Joe Biden met officials of the World Health Organization in Geneva ."
    words = sentence.split(" ")
    spans = {(" ".join(words[s:e]), k) for s, e, k in rule_spans(words, "en")}
    assert ("Joe Biden", "PERSON") in spans
    assert ("World Health Organization", "ORGANIZATION") in spans
    assert ("Geneva", "LOCATION") in spans


def test_bio_spans_handles_stray_inside_tags() -> None:
    labels = ["O", "I-PERSON", "I-PERSON", "B-LOCATION", "O"]
    assert bio_spans(labels) == [(1, 3, "PERSON"), (3, 4, "LOCATION")]


def test_annotator_fills_mentions_with_sentence_index() -> None:
    a = article(["Hujan deras.", "Gubernur Anies Baswedan meninjau lokasi."])
    annotate_entities(a, Config())
    person = [m for m in a.entities if m.type == "PERSON"]
    assert person and person[0].sentence == 1
    assert a.body[person[0].start:person[0].end] == person[0].text


def test_huge_line_is_chunked() -> None:
    text = " ".join(["Joko Widodo datang"] * 400)
    assert len(find_entities(text, "id")) >= 300
