"""Draw the sentences of the hand-coded corpus sample (``tests/gold/corpus_sample.yaml``) with a fixed seed.

usage: RHETORICLAB_DATA_MIRROR=/work/shared/data python devtools/draw_corpus_sample.py [--per-corpus 18] [-o FILE]

For each of the four corpora (Kremlin, Kyiv, White House, UN General Debate) it reads the documents with the
project's loaders, splits them into sentences (a plain punctuation rule, so the draw does not depend on the
parser), keeps sentences of 8-50 words, and draws ``--per-corpus`` of them, one per document in a seeded order:
about 80 % among sentences naming at least two different actors of the registry (where events between actors
are), the rest among sentences naming fewer (so some carry no event and measure false alarms). The output is
a YAML skeleton with empty ``events`` lists that a human coder fills in; it never overwrites
an existing file unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
from pathlib import Path

import yaml

from rhetoriclab.actors import default_registry
from rhetoriclab.corpora import load_corpus

CORPORA = {"kremlin": "RUS", "ukraine": "UKR", "whitehouse": "USA", "ungd": None}
SEED = 20261202
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z])")
_MIN_WORDS, _MAX_WORDS = 8, 50
#: A piece ending in one of these is not a sentence end ("U.S. President", "Mr. Blinken").
_ABBREVIATIONS = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|No|Gen|Sen|Rep|Gov|Amb)\.)$")


def sentences(text: str) -> list[str]:
    """Sentences of one document text, by the punctuation rule, whitespace collapsed."""
    out = []
    for para in re.split(r"\n\s*\n|\n(?=[-*#>])", text):
        pieces: list[str] = []
        for piece in _SENTENCE_END.split(para):
            if pieces and _ABBREVIATIONS.search(pieces[-1]):
                pieces[-1] += " " + piece
            else:
                pieces.append(piece)
        for s in pieces:
            s = " ".join(s.split())
            if _MIN_WORDS <= len(s.split()) <= _MAX_WORDS and not s.startswith(("#", "|", "*", "-", ">")):
                out.append(s)
    return out


def draw(name: str, per_corpus: int, rng: random.Random, actor_share: float = 0.8) -> list[dict]:
    """``per_corpus`` sentence rows of one corpus (documents visited in a seeded order, one sentence each)."""
    corpus = load_corpus(name)
    registry = default_registry()
    docs = sorted(corpus, key=lambda d: d.id)
    rng.shuffle(docs)
    want_actor = round(per_corpus * actor_share)
    rows: list[dict] = []
    n_actor = 0
    for d in docs:
        if len(rows) >= per_corpus:
            break
        pool = sentences(d.text)
        if not pool:
            continue
        s = rng.choice(pool)
        named = len({m.match.actor.code for m in registry.find(s, d.date)}) >= 2
        if named and n_actor >= want_actor:
            continue
        if not named and len(rows) - n_actor >= per_corpus - want_actor:
            continue
        n_actor += named
        issuer = CORPORA[name] or d.issuer
        rows.append({"corpus": name, "doc": d.id, "date": d.date.isoformat() if d.date else None,
                     "speaker": issuer, "text": s, "events": []})
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-corpus", type=int, default=18)
    ap.add_argument("-o", "--output", default="tests/gold/corpus_sample.draw.yaml")
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args(argv)
    if not os.environ.get("RHETORICLAB_DATA_MIRROR"):
        print("set RHETORICLAB_DATA_MIRROR to the data mirror (e.g. ../shared/data)", file=sys.stderr)
        return 2
    out = Path(args.output)
    if out.exists() and not args.force:
        print(f"{out} exists; pass --force to overwrite", file=sys.stderr)
        return 2
    rng = random.Random(SEED)
    rows = []
    for name in CORPORA:
        rows.extend(draw(name, args.per_corpus, rng))
    for i, row in enumerate(rows, 1):
        row["id"] = f"S{i:03d}"
    rows = [{"id": r.pop("id"), **r} for r in rows]
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=out.parent, delete=False, suffix=".tmp") as fh:
        yaml.safe_dump({"sentences": rows}, fh, allow_unicode=True, sort_keys=False, width=120)
    os.replace(fh.name, out)
    print(f"{len(rows)} sentences -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
