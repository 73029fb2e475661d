from tests.brief.test_grouping import FIRE, FLOOD_A, FLOOD_B
from tests.builders import article
from warta.brief import summarize
from warta.config import Config


def _check_provenance(summary, arts):
    by_id = {a.id: a for a in arts}
    for s in summary:
        origin = s.citations[0]
        assert by_id[origin.article].sentences[origin.sentence].text == s.text
        for c in s.citations:
            assert 0 <= c.sentence < len(by_id[c.article].sentences)


def test_summary_sentences_are_source_sentences_with_citations():
    arts = [article(FLOOD_A, id="a"), article(FLOOD_B, id="b")]
    summary = summarize(arts, Config(summary_sentences=3))
    assert 1 <= len(summary) <= 3
    _check_provenance(summary, arts)


def test_content_reported_twice_cites_both_sources():
    shared = "Banjir bandang melanda Kecamatan Cibereum di Kabupaten Sukamaju pada Kamis pagi."
    arts = [
        article([shared, "Warga mengungsi ke masjid terdekat sejak pagi hari tadi."], id="a"),
        article([shared.replace("pada Kamis pagi", "Kamis pagi"),
                 "Bupati meninjau lokasi pengungsian di balai desa."], id="b"),
    ]
    summary = summarize(arts, Config(summary_sentences=2))
    top = next(s for s in summary if "Cibereum" in s.text)
    assert {c.article for c in top.citations} == {"a", "b"}


def test_no_near_repeats_in_summary():
    dup = "Banjir bandang melanda Kecamatan Cibereum di Kabupaten Sukamaju pada Kamis pagi."
    arts = [article([dup, *FLOOD_A[1:]], id="a"), article([dup, *FLOOD_B[1:]], id="b")]
    texts = [s.text for s in summarize(arts, Config(summary_sentences=5))]
    assert texts.count(dup) == 1


def test_budget_respected_and_single_article_works():
    arts = [article(FIRE, id="c")]
    summary = summarize(arts, Config(summary_sentences=1))
    assert len(summary) == 1
    _check_provenance(summary, arts)


def test_one_short_sentence_article_still_summarised():
    arts = [article(["Gempa."], id="x")]
    summary = summarize(arts, Config())
    assert [s.text for s in summary] == ["Gempa."]


def test_deterministic():
    arts = [article(FLOOD_A, id="a"), article(FLOOD_B, id="b"), article(FIRE, id="c")]
    assert summarize(arts, Config()) == summarize(arts, Config())
