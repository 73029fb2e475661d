import numpy as np
import pytest

from tests.builders import article
from warta.config import Config
from warta.summarize import analyse, summarize
from warta.summarize.frequency import expected_counts, select_frequency, story_words, words
from warta.summarize.select import Budget

QUAKE_A = "Gempa magnitudo 6,2 mengguncang Kabupaten Cianjur pada Senin siang."
QUAKE_B = "Gempa magnitudo 6,2 mengguncang Cianjur, Jawa Barat, Senin siang."
MARKET = "Seorang pedagang bakso kehilangan gerobaknya di pasar lama kemarin."
CHILI = "Harga cabai di pasar induk naik dua kali lipat pekan ini."


def _story():
    return [article([QUAKE_A, MARKET], id="a"), article([QUAKE_B, CHILI], id="b")]


def test_words_keep_function_words_and_drop_punctuation():
    assert words("The flood, in Jakarta.") == ["the", "flood", "in", "jakarta"]
    assert words("") == []


def _expected(arts, groups, summary_words):
    story = story_words(arts)
    counts = expected_counts(arts, groups, summary_words, story)
    return {w: counts[i] for w, i in story.vocab.items()}


def test_expected_counts_scale_with_summary_length_and_sources():
    arts = _story()
    short = _expected(arts, [0, 1], summary_words=10)
    long = _expected(arts, [0, 1], summary_words=20)
    assert long["gempa"] == pytest.approx(2 * short["gempa"])
    # "gempa" is used by both sources, "bakso" by one: half the weight per use.
    assert short["gempa"] == pytest.approx(2 * 2 * short["bakso"])
    # Near-duplicates in one group: every word is used by all (one) sources.
    one = _expected(arts, [0, 0], summary_words=10)
    assert one["bakso"] * 2 == pytest.approx(one["gempa"])


def test_story_without_words():
    arts = [article(["..."], id="a"), article(["!!"], id="b")]
    story = story_words(arts)
    assert story.vocab == {} and expected_counts(arts, [0, 1], 10, story).shape == (0,)


def _choose(summary_words, budget):
    """Texts chosen from the two-source quake story."""
    arts = _story()
    an = analyse(arts)
    story = story_words(arts)
    expected = expected_counts(arts, [0, 1], summary_words, story)
    chosen = select_frequency(an.cands, np.zeros(len(an.cands)), an.sim, expected, story,
                              budget, redundancy_threshold=0.5)
    return [an.cands[i].text for i in chosen]


def test_selection_prefers_what_most_sources_report():
    assert "Gempa" in _choose(10, Budget(sentences=1))[0]


def test_selection_skips_the_paraphrase_and_keeps_the_word_budget():
    texts = _choose(40, Budget(sentences=4))
    assert len(texts) == 3
    assert sum("Gempa" in t for t in texts) == 1  # the two quake sentences say the same
    assert sum(len(t.split()) for t in _choose(40, Budget(sentences=4, words=12))) <= 12
    assert _choose(40, Budget(sentences=4, words=3)) == []


def test_multi_source_summary_cites_both_and_is_deterministic():
    arts = _story()
    config = Config(summary_sentences=2)
    first = summarize(arts, config)
    assert first == summarize(arts, config)
    quake = next(s for s in first if "Gempa" in s.text)
    assert {c.article for c in quake.citations} == {"a", "b"}


def test_best_of_the_length_scaled_passes_fills_a_word_budget_better():
    """A 10-word sentence covering 5 expected words against two 5-word sentences covering 4.5
    each: the plain greedy takes the long one and fills the budget; the length-scaled pass
    takes the two short ones, which are worth more, and wins."""
    from warta.summarize.candidates import Candidate
    from warta.summarize.frequency import LENGTH_POWERS, StoryWords

    assert LENGTH_POWERS[0] == 0.0 and len(LENGTH_POWERS) > 1
    vocab = {f"w{i}": i for i in range(20)}
    ids = [[list(range(10)), list(range(10, 15)), list(range(15, 20))]]
    texts = [" ".join(f"w{i}" for i in sentence) + "." for sentence in ids[0]]
    cands = [Candidate(0, k, t, len(t.split()), 0) for k, t in enumerate(texts)]
    expected = np.array([0.5] * 10 + [0.9] * 10)
    sim = np.eye(3)
    chosen = select_frequency(cands, np.zeros(3), sim, expected, StoryWords(vocab, ids),
                              Budget(sentences=5, words=10), redundancy_threshold=0.5)
    assert sorted(chosen) == [1, 2]
    # With room for everything the passes agree: all three, the long one first.
    chosen = select_frequency(cands, np.zeros(3), sim, expected, StoryWords(vocab, ids),
                              Budget(sentences=5, words=20), redundancy_threshold=0.5)
    assert chosen[0] == 0 and sorted(chosen) == [0, 1, 2]
