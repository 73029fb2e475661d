"""Time: temporal expressions (tagger), article date inference and the per-article annotator."""

from __future__ import annotations

from .annotator import annotate_times, tag_article
from .infer import Inferred, infer_published
from .tagger import tag

__all__ = ["Inferred", "annotate_times", "infer_published", "tag", "tag_article"]
