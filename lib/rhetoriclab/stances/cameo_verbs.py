"""The CAMEO verb dictionary (PETRARCH2) mapped to PLOVER 2021: a broad verb lexicon under our own rules.

``CAMEO.2.0.txt`` (openeventdata/petrarch2 @ 676801c, MIT) groups verbs in synonym sets under a header
``---  WARN   [130]  ---``: the set's CAMEO code, then one verb per line (irregular forms in braces), then
patterns (lines starting with ``-``) that we do not use. The manual's conversion table ``CAMEO2PLOVER-2021.txt``
(openeventdata/PLOVER @ 5e0c24f) gives each CAMEO code a PLOVER type and mode (``130: THREATEN, , #``); a code
it does not list takes its nearest listed parent (``0311`` -> ``031``), and a code with no PLOVER type (the 01
"make a public statement" and 02 "appeal" families) gives no cue. Both files are pinned and sha256-checked like
the corpora (:func:`rhetoriclab.corpora.fetch.fetch_files`). Only single-word verbs are used; our own dictionary
(``data/stances/events.yaml``) wins where both list a verb.
"""

from __future__ import annotations

import re
import warnings
from functools import cache

from rhetoriclab.stances.scheme import PLOVER_EVENTS

CAMEO_FILE = ("petrarch2", "petrarch2/data/dictionaries/CAMEO.2.0.txt")
CONVERSION_FILE = ("plover", "CAMEO2PLOVER-2021.txt")

_HEADER = re.compile(r"^---\s+(\S+)\s+\[(\d+)\]\s+---")
_CONVERSION = re.compile(r"^(\d+):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?")
_VERB = re.compile(r"^([A-Z][A-Z-]*)\b")


def parse_conversion(text: str) -> dict[str, tuple[str, str | None]]:
    """``{CAMEO code: (PLOVER type, mode or None)}`` from ``CAMEO2PLOVER-2021.txt`` (first row of a code wins)."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in text.splitlines():
        m = _CONVERSION.match(line.strip())
        if m is None or m.group(2) not in PLOVER_EVENTS:
            continue
        mode = (m.group(3) or "").strip().lower() or None
        table.setdefault(m.group(1), (m.group(2), mode))
    return table


def plover_for(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The PLOVER (type, mode) of a CAMEO code, through its nearest listed parent code."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def parse_verb_sets(text: str) -> dict[str, str]:
    """``{verb lemma (lower case): CAMEO code}`` of the single-word verbs of every coded synonym set."""
    verbs: dict[str, str] = {}
    code: str | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        header = _HEADER.match(line)
        if header is not None:
            code = header.group(2)
            continue
        if line.startswith("---"):
            code = None  # a set without a code ("[---]"): its verbs are coded only by patterns
            continue
        if code is None or not line or line[0] in "-+&{[" or line[0].isspace():
            continue
        m = _VERB.match(line)
        if m is not None and "_" not in line.split("{", 1)[0]:
            verbs.setdefault(m.group(1).lower(), code)
    return verbs


def build_verb_lexicon(cameo_text: str, conversion_text: str, skip: frozenset[str] = frozenset()
                       ) -> dict[str, tuple[str, str | None, str]]:
    """``{lemma: (PLOVER type, mode, CAMEO code)}`` for every mapped single-word CAMEO verb not in ``skip``."""
    table = parse_conversion(conversion_text)
    out: dict[str, tuple[str, str | None, str]] = {}
    for lemma, code in parse_verb_sets(cameo_text).items():
        target = plover_for(code, table)
        if target is not None and lemma not in skip:
            out[lemma] = (target[0], target[1], code)
    return out


@cache
def cameo_verb_lexicon() -> dict[str, tuple[str, str | None, str]]:
    """The mapped CAMEO verbs from the pinned files; empty (with one warning) when they cannot be had."""
    from rhetoriclab.corpora.fetch import fetch_files

    try:
        cameo = fetch_files(CAMEO_FILE[0], [CAMEO_FILE[1]])[CAMEO_FILE[1]]
        conversion = fetch_files(CONVERSION_FILE[0], [CONVERSION_FILE[1]])[CONVERSION_FILE[1]]
    except Exception as e:  # noqa: BLE001 -- offline without a mirror: the coder runs on our dictionary alone
        warnings.warn(f"CAMEO verb dictionary unavailable ({e}); coding with our own dictionary only. Set "
                      "RHETORICLAB_DATA_MIRROR to a folder holding petrarch2/ and plover/.", stacklevel=2)
        return {}
    return build_verb_lexicon(cameo.read_text(encoding="utf-8", errors="replace"),
                              conversion.read_text(encoding="utf-8"))
