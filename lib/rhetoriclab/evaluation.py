"""Measuring the attribution extractor against PolNeAR with the shared scorer.

The gold data and the scorer (``score_quotes.py``) live outside the project (``RHETORICLAB_EVAL_DIR``,
default ``<repo>/../shared/eval``); nothing from them is copied here. PolNeAR itself is published at
https://github.com/networkdynamics/PolNeAR (Newell, Margolin & Ruths, LREC 2018).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from rhetoriclab.attribution.frame import iter_records
from rhetoriclab.documents import Problem
from rhetoriclab.loaders import load_path

POLNEAR_HINT = ("PolNeAR is not available. Set RHETORICLAB_EVAL_DIR to a folder holding polnear-dev/ (text/, "
                "attributions/) and score_quotes.py, or get PolNeAR from https://github.com/networkdynamics/PolNeAR.")


def eval_dir() -> Path | None:
    """The evaluation folder (``RHETORICLAB_EVAL_DIR`` or ``<repo>/../shared/eval``), None if absent."""
    env = os.environ.get("RHETORICLAB_EVAL_DIR")
    path = Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "eval"
    return path if path.is_dir() else None


def write_system_jsonl(gold_dir: str | Path, out: str | Path) -> list[Problem]:
    """Run the attribution pipeline over ``gold_dir/text`` and write the scorer's JSON Lines to ``out``."""
    corpus = load_path(Path(gold_dir) / "text")
    problems: list[Problem] = []
    with open(out, "w", encoding="utf-8") as f:
        for _, records in iter_records(corpus, problems=problems):
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return problems


def score(gold_dir: str | Path, system_jsonl: str | Path, scorer: str | Path | None = None) -> dict:
    """The shared scorer's result (``all@30``, ``all@80``, ``quoted_recall@30``: precision, recall, f1, speaker_acc)."""
    scorer = Path(scorer) if scorer else Path(gold_dir).parent / "score_quotes.py"
    if not scorer.is_file():
        raise FileNotFoundError(f"scorer not found: {scorer}")
    done = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(system_jsonl)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def scores_frame(result: dict) -> pd.DataFrame:
    """The scorer's result as a table: one row per setting."""
    rows = [{"setting": k, **v} for k, v in result.items() if isinstance(v, dict)]
    return pd.DataFrame(rows).set_index("setting")


def _chars(ranges: str) -> set[int]:
    out: set[int] = set()
    for part in ranges.split(";"):
        a, b = part.split()
        out.update(range(int(a), int(b)))
    return out


def read_brat(ann: str | Path) -> pd.DataFrame:
    """Gold attributions of one brat ``.ann`` file: content, source and cue character sets and texts."""
    spans, rows, events = {}, [], []
    for line in Path(ann).read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:  # the text column may be missing (as the shared scorer reads it)
            label, _, rng = cols[1].partition(" ")
            spans[cols[0]] = (label, _chars(rng), cols[2] if len(cols) > 2 else "")
        elif line.startswith("E") and len(cols) >= 2:
            events.append(cols)
    for cols in events:  # an event may name a span defined after it
        rec = {"content": set(), "source": set(), "cue": set(), "source_text": "", "cue_text": "",
               "content_text": ""}
        for role_tid in cols[1].split():
            role, _, tid = role_tid.partition(":")
            role = role.rstrip("0123456789")
            if tid in spans and role in ("Content", "Source", "Cue"):
                _, chars, text = spans[tid]
                key = role.lower()
                rec[key] |= chars
                rec[f"{key}_text"] = (rec[f"{key}_text"] + " " + text).strip()
        if rec["content"]:
            rows.append(rec)
    return pd.DataFrame(rows, columns=["content", "source", "cue", "content_text", "source_text", "cue_text"])


def error_table(gold_dir: str | Path, system_jsonl: str | Path, threshold: float = 0.3) -> pd.DataFrame:
    """Every gold attribution with whether the system found it (greedy one-to-one as in the scorer) and the
    system's source and speaker for it; plus every unmatched system attribution (``status`` = false alarm)."""
    gold_dir = Path(gold_dir)
    system: dict[str, list[dict]] = {}
    for line in Path(system_jsonl).read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            system.setdefault(Path(str(r["doc"])).stem, []).append(r)
    rows = []
    seen = set()
    for ann in sorted((gold_dir / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if stem in seen or not (gold_dir / "text" / f"{stem}.txt").is_file():
            continue
        seen.add(stem)
        gold = read_brat(ann)
        recs = system.get(stem, [])
        sys_chars = [set(range(r["content_start"], r["content_end"])) for r in recs]
        pairs = sorted(((len(g & s) / len(g), gi, si) for gi, g in enumerate(gold["content"])
                        for si, s in enumerate(sys_chars) if len(g & s) / len(g) >= threshold), reverse=True)
        g_to_s: dict[int, int] = {}
        used: set[int] = set()
        for _, gi, si in pairs:
            if gi not in g_to_s and si not in used:
                g_to_s[gi] = si
                used.add(si)
        for gi, g in gold.iterrows():
            r = recs[g_to_s[gi]] if gi in g_to_s else {}
            rows.append({"doc": stem, "status": "found" if r else "missed", "gold_content": g["content_text"][:100],
                         "gold_cue": g["cue_text"], "gold_source": g["source_text"], "rule": r.get("rule"),
                         "system_source": r.get("source"), "system_speaker": r.get("speaker")})
        for si, r in enumerate(recs):
            if si not in used:
                rows.append({"doc": stem, "status": "false alarm", "gold_content": None, "gold_cue": None,
                             "gold_source": None, "rule": r["rule"], "system_source": r["source"],
                             "system_speaker": r["speaker"], "system_content": r["content"][:100]})
    return pd.DataFrame(rows)


# --- development halves -------------------------------------------------------------------------------


def split_half(name: str | Path) -> str:
    """The development half (``"a"`` or ``"b"``) a gold file belongs to, stable across machines and runs.

    The half is decided by the first byte of the MD5 digest of the file's stem (``breitbart_2016-09-12_...``,
    without folder or extension): even -> ``"a"``, odd -> ``"b"``. Rules are written while looking at half
    ``"a"`` only; half ``"b"`` measures how well they carry over to text nobody looked at.
    """
    stem = Path(str(name)).stem
    return "a" if hashlib.md5(stem.encode("utf-8")).digest()[0] % 2 == 0 else "b"


# --- scoring in the project (same matching as the shared scorer, plus per-kind and exact-span measures) ----

_QUOTE_CHARS = re.compile('["\u201c\u201d]')


def load_gold(gold_dir: str | Path) -> tuple[dict[str, str], dict[str, list[dict]]]:
    """Texts and gold attributions of a PolNeAR-style folder (first annotator per text, as the shared scorer).

    Each gold attribution has ``content``/``source``/``cue`` character sets, ``source_text`` and its ``form``:
    ``quoted`` (content entirely inside quotation marks), ``mixed`` (partly) or ``unquoted`` (no quotation mark).
    """
    gold_dir = Path(gold_dir)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((gold_dir / "text").glob("*.txt"))}
    chosen: dict[str, Path] = {}
    for ann in sorted((gold_dir / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if stem in texts and stem not in chosen:
            chosen[stem] = ann
    gold: dict[str, list[dict]] = {}
    for stem, ann in chosen.items():
        frame = read_brat(ann)
        text = texts[stem]
        gold[stem] = [{"content": r.content, "source": r.source, "cue": r.cue, "source_text": r.source_text,
                       "form": content_form(text, r.content)} for r in frame.itertuples()]
    return texts, gold


def content_form(text: str, chars: set[int]) -> str:
    """``quoted``, ``mixed`` or ``unquoted``: whether quotation marks enclose all, part or none of the content.

    Quoted means the content's characters (its edges' quotation marks aside) all lie between an opening and a
    closing mark of its paragraph line; mixed means some quotation mark falls inside or around part of it.
    """
    if not chars:
        return "unquoted"
    lo, hi = min(chars), max(chars) + 1
    inner = text[lo:hi]
    if not _QUOTE_CHARS.search(inner):
        line_start = text.rfind("\n", 0, lo) + 1
        before = len(_QUOTE_CHARS.findall(text[line_start:lo]))
        return "quoted" if before % 2 == 1 else "unquoted"
    stripped = inner.strip(" ,.;:")
    if _QUOTE_CHARS.match(stripped) and _QUOTE_CHARS.search(stripped[-1:]) and \
            len(_QUOTE_CHARS.findall(stripped)) == 2:
        return "quoted"
    return "mixed"


def load_system(path: str | Path, known: Iterable[str]) -> dict[str, list[dict]]:
    """System attributions from JSON Lines (``doc``, ``content_start``/``end``, optional source and cue spans)."""
    known = set(known)
    out: dict[str, list[dict]] = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            o = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}:{n}: not JSON: {e}") from e
        stem = Path(str(o.get("doc", ""))).stem
        if stem not in known or o.get("content_start") is None or o.get("content_end") is None:
            continue
        out.setdefault(stem, []).append({
            "content": set(range(int(o["content_start"]), int(o["content_end"]))),
            "source": _span_chars(o, "source"), "cue": _span_chars(o, "cue"),
            "names": [_norm(o.get("source")), _norm(o.get("speaker"))]})
    return out


def _span_chars(o: dict, key: str) -> set[int]:
    s, e = o.get(f"{key}_start"), o.get(f"{key}_end")
    return set(range(int(s), int(e))) if s is not None and e is not None else set()


def _norm(s: str | None) -> str:
    return re.sub(r"[^a-z ]", "", (s or "").lower()).strip()


def _pairs(g: list[dict], s: list[dict], threshold: float) -> list[tuple[int, int]]:
    cands = sorted(((len(gx["content"] & sx["content"]) / len(gx["content"]), gi, si)
                    for gi, gx in enumerate(g) for si, sx in enumerate(s)
                    if len(gx["content"] & sx["content"]) / len(gx["content"]) >= threshold), reverse=True)
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, gi, si in cands:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            out.append((gi, si))
    return out


def _speaker_ok(gx: dict, sx: dict) -> bool:
    gname = _norm(gx["source_text"])
    last = gname.split()[-1] if gname.split() else ""
    return bool(gx["source"] & sx["source"]) or gname in sx["names"] or any(last and n.endswith(last)
                                                                           for n in sx["names"])


def _prf(tp: int, n_gold: int, n_sys: int) -> dict:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": n_gold, "system": n_sys, "matched": tp, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(f, 4)}


def score_overlap(gold: dict[str, list[dict]], system: dict[str, list[dict]], threshold: float = 0.3,
                  form: str | None = None) -> dict:
    """Precision, recall, F1 and speaker accuracy at a content-overlap ``threshold`` (as the shared scorer).

    With ``form`` (``quoted``, ``mixed``, ``unquoted``) only gold attributions of that form count, and a system
    attribution counts against precision when its own content has that form and it matched no gold
    attribution of any form, or when it matched one of that form.
    """
    tp = n_gold = n_sys = ok = n_spk = 0
    for stem, g in gold.items():
        s = system.get(stem, [])
        pairs = _pairs(g, s, threshold)
        matched_s = {si: gi for gi, si in pairs}
        for gi, si in pairs:
            if form is not None and g[gi]["form"] != form:
                continue
            tp += 1
            if g[gi]["source"]:
                n_spk += 1
                ok += _speaker_ok(g[gi], s[si])
        n_gold += sum(1 for gx in g if form is None or gx["form"] == form)
        for si, sx in enumerate(s):
            if form is None:
                n_sys += 1
            elif si in matched_s:
                n_sys += g[matched_s[si]]["form"] == form
            else:
                n_sys += sx.get("form") == form
    return {**_prf(tp, n_gold, n_sys), "speaker_acc": round(ok / n_spk, 4) if n_spk else None}


def score_exact(gold: dict[str, list[dict]], system: dict[str, list[dict]], part: str) -> dict:
    """Exact-span F1 for ``part`` (``content``, ``source`` or ``cue``), the measure of published PolNeAR results.

    Attributions are paired as for F1@30; a pair counts for ``part`` when both spans are equal after leaving
    out whitespace and edge punctuation. Gold and system attributions without that part are not counted.
    """
    tp = n_gold = n_sys = 0
    for stem, g in gold.items():
        s = system.get(stem, [])
        text = _TEXTS.get(stem, "")
        for gi, si in _pairs(g, s, 0.3):
            tp += bool(g[gi][part]) and _core(g[gi][part], text) == _core(s[si][part], text)
        n_gold += sum(1 for gx in g if gx[part])
        n_sys += sum(1 for sx in s if sx[part])
    return _prf(tp, n_gold, n_sys)


_TEXTS: dict[str, str] = {}


def _core(chars: set[int], text: str) -> frozenset[int]:
    """Characters of a span without whitespace and punctuation (brat and spaCy disagree on both at edges)."""
    return frozenset(i for i in chars if i < len(text) and text[i].isalnum()) if text else frozenset(chars)


def score_all(gold_dir: str | Path, system_jsonl: str | Path,
              docs: Callable[[str], bool] | None = None) -> dict:
    """The full report: ``all@30``, ``all@80``, per form at 30 % (``quoted@30``, ``mixed@30``, ``unquoted@30``)
    and exact-span F1 (``exact_content``, ``exact_source``, ``exact_cue``); ``docs`` keeps only the gold files
    whose stem it accepts (e.g. ``lambda s: split_half(s) == "a"``)."""
    texts, gold = load_gold(gold_dir)
    if docs is not None:
        gold = {k: v for k, v in gold.items() if docs(k)}
    system = load_system(system_jsonl, gold)
    _TEXTS.clear()
    _TEXTS.update(texts)
    for stem, recs in system.items():
        for r in recs:
            r["form"] = content_form(texts[stem], r["content"])
    out: dict = {"docs": len(gold), "all@30": score_overlap(gold, system, 0.3),
                 "all@80": score_overlap(gold, system, 0.8)}
    for form in ("quoted", "mixed", "unquoted"):
        out[f"{form}@30"] = score_overlap(gold, system, 0.3, form)
    for part in ("content", "source", "cue"):
        out[f"exact_{part}"] = score_exact(gold, system, part)
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m rhetoriclab.evaluation GOLD_DIR SYSTEM.jsonl [--half a|b]``: the full report as JSON."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m rhetoriclab.evaluation", description=main.__doc__)
    ap.add_argument("gold_dir")
    ap.add_argument("system_jsonl")
    ap.add_argument("--half", choices=("a", "b"), help="score only one development half (see split_half)")
    args = ap.parse_args(argv)
    keep = (lambda s: split_half(s) == args.half) if args.half else None
    print(json.dumps(score_all(args.gold_dir, args.system_jsonl, keep), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["POLNEAR_HINT", "content_form", "error_table", "eval_dir", "load_gold", "load_system", "read_brat",
           "score", "score_all", "score_exact", "score_overlap", "scores_frame", "split_half",
           "write_system_jsonl"]
