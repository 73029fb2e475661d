import importlib

from tests.builders import article
from warta.config import Config
from warta.summarize import summarize
from warta.summarize.candidates import candidates

# The package re-exports the function under the module's name; patch the module itself.
cand_mod = importlib.import_module("warta.summarize.candidates")


def _story(n_articles: int, n_sentences: int) -> list:
    return [
        article([f"Kalimat nomor {i} dari berita nomor {a} tentang banjir di Sukamaju."
                 for i in range(n_sentences)], id=f"a{a:04d}")
        for a in range(n_articles)
    ]


def test_small_story_keeps_every_leading_sentence():
    cands = candidates(_story(3, 4))
    assert [(c.article, c.sentence) for c in cands] == [(a, i) for a in range(3) for i in range(4)]


def test_huge_story_keeps_the_leads_first_within_the_cap(monkeypatch):
    monkeypatch.setattr(cand_mod, "MAX_CANDIDATES", 25)
    cands = candidates(_story(10, 6))
    assert len(cands) == 25
    # Sentences 0 and 1 of all ten articles, then sentence 2 of the first five.
    kept = {(c.article, c.sentence) for c in cands}
    assert all((a, 0) in kept and (a, 1) in kept for a in range(10))
    assert {(a, 2) for a in range(5)} <= kept and not {(a, 3) for a in range(10)} & kept
    assert [(c.article, c.sentence) for c in cands] == sorted(kept)  # back in story order


def test_huge_story_still_summarizes_with_valid_citations(monkeypatch):
    monkeypatch.setattr(cand_mod, "MAX_CANDIDATES", 30)
    arts = _story(40, 5)
    summary = summarize(arts, Config())
    assert summary
    by_id = {a.id: a for a in arts}
    for s in summary:
        origin = s.citations[0]
        assert by_id[origin.article].sentences[origin.sentence].text == s.text
