from tests.builders import article, raw_article
from warta.clean import boilerplate_sentence, clean_article
from warta.config import Config
from warta.summarize import summarize

CAPTION = ("( associated press ) iraqis chant pro-government slogans and wave national flags "
           "during a demonstration in baghdad, iraq, monday.")
LEAD = "Iraq's president on monday asked a veteran shiite politician to form a new government."


def test_captions_and_player_notices_are_furniture():
    for sentence in (
        CAPTION,
        "Image copyright getty images image caption the lander sits in the shade.",
        "Media playback is unsupported on your device media caption the drill has started.",
        "FILE - In this Aug. 5, 2014 file photo, the ship leaves the port.",
        "Tweet with a location you can add location information to your tweets.",
        "Advertisement",
    ):
        assert boilerplate_sentence(sentence, "en") is not None, sentence
    for sentence in (LEAD, "The file was sent to the court.", "Media reports say he left.",
                     "Banjir melanda Jakarta pada Senin pagi."):
        assert boilerplate_sentence(sentence, "en") is None, sentence
        assert boilerplate_sentence(sentence, "id") is None, sentence


def test_sentence_patterns_never_drop_a_whole_line():
    # A one-line article (a flattened page) that starts with a caption keeps its text.
    raw = raw_article(f"{CAPTION} {LEAD}", format="jsonl", language="en")
    assert LEAD in clean_article(raw, "en").body


def test_summaries_skip_furniture_sentences():
    arts = [article([CAPTION, LEAD], id="a", language="en"),
            article([CAPTION, "The prime minister refused to step down on monday night."],
                    id="b", language="en")]
    summary = summarize(arts, Config(summary_sentences=3))
    assert summary and all("associated press" not in s.text for s in summary)


def test_story_of_furniture_only_gives_empty_summary():
    arts = [article(["Advertisement", "Image copyright getty images"], id="a", language="en")]
    assert summarize(arts, Config()) == []
