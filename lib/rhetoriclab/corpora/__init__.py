"""Public corpora: a pooch registry of pinned upstream files and loaders that turn them into Documents.

>>> from rhetoriclab.corpora import load_corpus, CORPORA
>>> kremlin = load_corpus("kremlin")          # uses $RHETORICLAB_DATA_MIRROR or downloads
>>> kremlin.to_frame(text=False).head()
"""

from rhetoriclab.corpora.catalog import CORPORA, CorpusInfo, load_corpus
from rhetoriclab.corpora.fetch import CorpusUnavailable, CorruptFile, fetch_files
from rhetoriclab.corpora.registry import UPSTREAMS, load_registry

__all__ = [
    "CORPORA",
    "CorpusInfo",
    "CorpusUnavailable",
    "CorruptFile",
    "UPSTREAMS",
    "fetch_files",
    "load_corpus",
    "load_registry",
]
