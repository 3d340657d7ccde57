"""How much of a gold set's cue vocabulary the cue lexicon covers (by lemma).

Reads PolNeAR-style brat gold (``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``; the first
annotator per text, as the scorer does), lemmatizes each gold cue in its sentence context with the
project's spaCy pipeline, and checks whether any of its words (or a two-word phrase such as
"point to", "according to", "be confident") is in the lexicon.

Usage: ``python -m rhetoriclab.attribution.cue_coverage GOLD_DIR [--missed N] [--csv OUT.csv]``
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from rhetoriclab.attribution.cues import CueLexicon, load_cues
from rhetoriclab.nlp import load_nlp
from rhetoriclab.textclean import clean_text

#: Parts of speech that can carry a cue; function words alone ("in", "has") never count as covered.
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "PROPN", "AUX", "ADV"})


def gold_cues(gold_dir: str | Path) -> pd.DataFrame:
    """One row per gold cue: ``doc``, ``start``, ``end``, ``text`` (first annotator per text)."""
    gold_dir = Path(gold_dir)
    text_dir, ann_dir = gold_dir / "text", gold_dir / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(f"{gold_dir}: expected the folders text/ and attributions/ (PolNeAR brat layout)")
    stems = {p.stem for p in text_dir.glob("*.txt")}
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if stem in stems and stem not in chosen:
            chosen[stem] = ann
    rows = []
    for stem, ann in sorted(chosen.items()):
        for lineno, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
            cols = line.split("\t")
            if not line.startswith("T") or len(cols) < 3 or not cols[1].startswith("Cue "):
                continue
            try:
                parts = [tuple(int(x) for x in part.split()) for part in cols[1][4:].split(";")]
            except ValueError as exc:
                raise ValueError(f"{ann}:{lineno}: bad cue offsets {cols[1]!r}") from exc
            rows.append({"doc": stem, "start": min(p[0] for p in parts), "end": max(p[1] for p in parts),
                         "text": cols[2]})
    return pd.DataFrame(rows, columns=["doc", "start", "end", "text"])


def cue_coverage(gold_dir: str | Path, cues: CueLexicon | None = None) -> pd.DataFrame:
    """Gold cues with ``lemma`` (the cue's lemmas), ``head`` (its main word) and ``covered`` by the lexicon."""
    cues = cues or load_cues()
    gold = gold_cues(gold_dir)
    nlp = load_nlp()
    lemmas, heads, covered = [], [], []
    for stem, rows in gold.groupby("doc", sort=True):
        raw = (Path(gold_dir) / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        clean = clean_text(raw)
        doc = nlp(clean.text)
        for row in rows.itertuples():
            lo, hi = clean.clean_offset(row.start), clean.clean_offset(row.end)
            span = doc.char_span(lo, hi, alignment_mode="expand")
            toks = list(span) if span is not None else []
            lemmas_here = [t.lemma_.lower() for t in toks]
            words = [t for t in toks if t.pos_ in CONTENT_POS] or toks
            head = min(words, key=lambda t: (t.pos_ not in ("VERB", "NOUN", "ADJ"), -t.i)) if words else None
            lemmas.append(" ".join(lemmas_here))
            heads.append(head.lemma_.lower() if head is not None else row.text.strip())
            covered.append(_covered(toks, cues))
    # gold_cues lists documents in sorted order, so the groups above visit its rows in order.
    return gold.assign(lemma=lemmas, head=heads, covered=pd.Series(covered, index=gold.index, dtype=bool))


def _covered(toks: Sequence, cues: CueLexicon) -> bool:
    lem = [t.lemma_.lower() for t in toks]
    if any(t.pos_ in CONTENT_POS and (lem[i] in cues.verbs or lem[i] in cues.nouns) for i, t in enumerate(toks)):
        return True
    pairs = [f"{a} {b}" for a, b in zip(lem, lem[1:], strict=False)]
    return any(p in cues.multiwords for p in pairs)


def summary(cov: pd.DataFrame) -> dict:
    """Coverage by cue occurrence and by distinct cue head lemma."""
    by_head = cov.groupby("head")["covered"].any()
    return {
        "cues": len(cov),
        "distinct_cue_strings": cov["text"].str.lower().nunique(),
        "distinct_head_lemmas": len(by_head),
        "covered_occurrences": round(float(cov["covered"].mean()), 4) if len(cov) else 0.0,
        "covered_head_lemmas": round(float(by_head.mean()), 4) if len(by_head) else 0.0,
        "punctuation_cues": int(cov["text"].str.strip().str.fullmatch(r"\W+").sum()),
    }


def missed(cov: pd.DataFrame, n: int = 40) -> pd.DataFrame:
    """The most frequent uncovered cue head lemmas, with an example cue string."""
    miss = cov[~cov["covered"]]
    table = miss.groupby("head").agg(count=("text", "size"), example=("text", "first"))
    return table.sort_values(["count", "head"], ascending=[False, True]).head(n).reset_index()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m rhetoriclab.attribution.cue_coverage", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("gold_dir", help="PolNeAR-style folder with text/ and attributions/")
    parser.add_argument("--missed", type=int, default=40, help="how many uncovered head lemmas to list (default 40)")
    parser.add_argument("--csv", help="also write every gold cue with its coverage to this CSV file")
    args = parser.parse_args(argv)
    try:
        cov = cue_coverage(args.gold_dir)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for key, value in summary(cov).items():
        print(f"{key}: {value}")
    print()
    print("most frequent uncovered cue heads:")
    with pd.option_context("display.max_rows", None, "display.width", 120, "display.max_colwidth", 40):
        print(missed(cov, args.missed).to_string(index=False))
    if args.csv:
        cov.to_csv(args.csv, index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
