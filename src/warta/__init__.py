"""Warta: news articles in, cited event briefs out.

The small public API::

    from warta import digest, Config
    result = digest(["articles/"], Config(summary_sentences=3))
    for story in result.stories:
        print(story.title, [s.text for s in story.summary])
"""

from .config import Config
from .errors import ConfigError, InputError, WartaError
from .model import Article, Citation, Digest, RawArticle, Sentence, Skipped, Story, SummarySentence
from .pipeline import digest, prepare_article

__version__ = "0.1.0"
#: Version of the public JSON contract (``docs/schema`` / ``warta/schema/digest.schema.json``).
SCHEMA_VERSION = "1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Citation",
    "Config",
    "ConfigError",
    "Digest",
    "InputError",
    "RawArticle",
    "Sentence",
    "Skipped",
    "Story",
    "SummarySentence",
    "WartaError",
    "__version__",
    "digest",
    "prepare_article",
]
