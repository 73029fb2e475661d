import gzip
import json

from warta.config import Config
from warta.model import RawArticle
from warta.pipeline import prepare_article
from warta.summarize import summarize


def test_indosum_articles_get_faithful_three_sentence_summaries(shared_data):
    path = shared_data / "indosum_devfolds" / "raw" / "dev.01.jsonl.gz"
    config = Config(language="id", summary_sentences=3)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(next(fh)) for _ in range(20)]
    for row in rows:
        text = "\n".join(" ".join(" ".join(s) for s in p) for p in row["paragraphs"])
        art = prepare_article(RawArticle(id=row["id"], text=text, format="jsonl", language="id"), config)
        summary = summarize([art], config)
        assert 1 <= len(summary) <= 3
        for s in summary:
            assert art.sentences[s.citations[0].sentence].text == s.text
