"""The pinned upstream repositories of the mirrored corpora (and dictionaries) and their pooch registry files.

Each mirrored corpus lives in one GitHub repository at a fixed commit. Its files
are listed, with their sha256, in ``rhetoriclab/data/registry/<folder>.txt``
(pooch format: ``'upstream/path' sha256:HEX`` per line, paths with spaces quoted
as :func:`shlex.split` reads them). ``<folder>`` is the corpus's folder in a
local mirror, whose layout is ``<mirror>/<folder>/<upstream path>``.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

RAW_GITHUB = "https://raw.githubusercontent.com"


@dataclass(frozen=True)
class Upstream:
    """A GitHub repository pinned at a commit, mirrored in ``<mirror>/<folder>/``."""

    folder: str
    repo: str
    commit: str

    @property
    def base_url(self) -> str:
        """Raw-file address prefix of the pinned commit (ends with ``/``)."""
        return f"{RAW_GITHUB}/{self.repo}/{self.commit}/"

    def url(self, path: str) -> str:
        """Raw-file address of ``path`` at the pinned commit (spaces etc. URL-encoded)."""
        return self.base_url + quote(path)


UPSTREAMS: dict[str, Upstream] = {
    u.folder: u
    for u in (
        Upstream("zelenskyy-putin", "PeiYiZhuo/zelenskyy-putin", "134450b5183c05bcbaac31d87e0e0ed65d54986e"),
        Upstream("wh-briefings", "brian14708/wh-briefings", "737ca03a271adc205c67766074ec8d0070f7ad95"),
        Upstream(
            "un-general-debates",
            "SarahFranzen/Emotions_in_the_United_Nations_General_Debates",
            "3b277c419f85fd6e1f14f69a5fd29a3a6b59fc96",
        ),
        # the PLOVER 2021 manual (types, modes, scores) and its CAMEO->PLOVER table (CC BY-SA 4.0)
        Upstream("plover", "openeventdata/PLOVER", "5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f"),
        # Phoenix actor/agent dictionaries and the CAMEO verb dictionary (MIT, Open Event Data Alliance)
        Upstream("petrarch2", "openeventdata/petrarch2", "676801cd9cb2924bbbad09f86d15c9323e7097bf"),
    )
}

#: Which upstream sub-folders of each repository make up the corpus (the registry lists every file in them).
CORPUS_PATHS: dict[str, tuple[str, ...]] = {
    "zelenskyy-putin": ("press_release_data/putin.csv", "press_release_data/zelenskyy.csv"),
    "wh-briefings": (
        "legislation", "presidential-actions", "press-briefings", "speeches-remarks", "statements-releases",
    ),
    "un-general-debates": ("data/data_original/TXT", "data/data_original/Speakers_by_session.xlsx"),
    "plover": ("PLOVER_MANUAL.tex", "CAMEO2PLOVER-2021.txt"),
    "petrarch2": ("LICENSE", *(
        f"petrarch2/data/dictionaries/{name}"
        for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                     "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "CAMEO.2.0.txt")
    )),
}


def registry_file(folder: str) -> Path:
    """Path of the packaged pooch registry file of ``folder``."""
    if folder not in UPSTREAMS:
        raise KeyError(f"unknown corpus folder {folder!r}; known: {', '.join(sorted(UPSTREAMS))}")
    return Path(str(files("rhetoriclab").joinpath("data", "registry", f"{folder}.txt")))


@cache
def _load_registry(folder: str) -> tuple[tuple[str, str], ...]:
    path = registry_file(folder)
    entries = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = shlex.split(line)
        if len(parts) != 2 or not parts[1].startswith("sha256:"):
            raise ValueError(f"{path}:{lineno}: expected 'PATH sha256:HEX', got {line!r}")
        entries.append((parts[0], parts[1]))
    return tuple(entries)


def load_registry(folder: str) -> dict[str, str]:
    """``{upstream path: 'sha256:HEX'}`` for every registered file of ``folder``, in registry order."""
    return dict(_load_registry(folder))


def format_entry(path: str, known_hash: str) -> str:
    """One registry line, quoting the path when it has spaces."""
    return f"{shlex.quote(path)} {known_hash}"
