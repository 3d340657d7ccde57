"""Case study 04: Moscow, Kyiv and Washington, October 2021 - June 2022 (the corpora, the run, the tables).

Three official corpora, each pre-filtered to the text that names the *other* two sides: single sentences for the
Kremlin and Kyiv releases (each release is one paragraph, so a paragraph filter would keep whole releases about
pensions), paragraphs for the White House. Stances then carry the capital that published them, and every table
says which stances it counts: the capital's **own** side acting (its state is the source), events it reports of
**others**, and never negated or hypothetical records or records below :data:`MIN_CONFIDENCE`. The functions here
are what notebook ``04_crisis_2021_2022`` calls; every table is tidy and sorted, so it prints the same cold or
cached.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

import pandas as pd

from rhetoriclab.aggregate import add_period, by_dyad, with_documents
from rhetoriclab.corpora import load_corpus
from rhetoriclab.documents import Corpus
from rhetoriclab.kwic import mentions
from rhetoriclab.pipeline import RunResult, run_corpus
from rhetoriclab.prefilter import actor_pattern, kept_spans
from rhetoriclab.stances.select import STUDY_MIN_CONFIDENCE, stance_filter

#: corpus -> (capital, actor codes whose mention keeps a paragraph)
CAPITALS: dict[str, tuple[str, list[str]]] = {
    "kremlin": ("Moscow", ["UKR", "USA", "NATO"]),
    "ukraine": ("Kyiv", ["RUS", "USA", "NATO"]),
    "whitehouse": ("Washington", ["RUS", "UKR", "NATO"]),
}
#: The capitals' own actor codes (a stance's source is "our side" when it is the publishing capital's code).
HOME = {"Moscow": "RUS", "Kyiv": "UKR", "Washington": "USA"}
#: Pre-filter unit per corpus: the Kremlin's and Kyiv's releases are single paragraphs.
UNITS = {"kremlin": "sentence", "ukraine": "sentence", "whitehouse": "paragraph"}
#: Records below this confidence are not counted (notebook 03 measures precision and recall at each threshold).
MIN_CONFIDENCE = STUDY_MIN_CONFIDENCE
START, END = dt.date(2021, 10, 1), dt.date(2022, 6, 30)
INVASION = pd.Timestamp("2022-02-24")
#: Words for what happened after 24 February 2022 (compiled: a plain string would be matched literally).
WAR_TERMS = {
    "special military operation": re.compile(r"\bspecial\s+military\s+operation\b", re.IGNORECASE),
    # not the wars of history: "Great Patriotic War", "World War II", "Cold War", "civil war", "war crimes"
    "war": re.compile(r"(?<!patriotic )(?<!world )(?<!cold )(?<!civil )\bwars?\b(?! ii\b| crimes?\b)",
                      re.IGNORECASE),
    "invasion": re.compile(r"\binvasions?\b|\binvade[sd]?\b", re.IGNORECASE),
    "aggression": re.compile(r"\baggression\b", re.IGNORECASE),
    "genocide": re.compile(r"\bgenocide\b", re.IGNORECASE),
}
#: The stance types whose rise and fall the notebook follows.
FOCUS_EVENTS = ("THREATEN", "REQUEST", "SUPPORT", "REJECT", "ACCUSE")


def crisis_corpora(start: dt.date = START, end: dt.date = END) -> dict[str, Corpus]:
    """The three corpora, restricted to ``start`` .. ``end`` (undated documents are reported, not kept)."""
    out = {}
    for name in CAPITALS:
        corpus = load_corpus(name)
        kept = [d for d in corpus if d.date is not None and start <= d.date <= end]
        out[name] = Corpus(kept, name=name, problems=list(corpus.problems))
    return out


def run_crisis(corpora: Mapping[str, Corpus], *, n_process: int | None = None, cache: bool | str = True,
               progress: bool = False) -> dict[str, RunResult]:
    """Attributions and stances of each corpus, pre-filtered to the sentences (Kremlin, Kyiv) or paragraphs (White
    House) that name the other sides."""
    return {name: run_corpus(corpus, prefilter=CAPITALS[name][1], prefilter_unit=UNITS[name], n_process=n_process,
                             cache=cache, progress=progress) for name, corpus in corpora.items()}


def filter_table(results: Mapping[str, RunResult]) -> pd.DataFrame:
    """Per corpus: documents, words, and how much of the text the pre-filter kept (and why documents were skipped)."""
    rows = []
    for name, r in results.items():
        d = r.documents
        rows.append({"corpus": name, "capital": CAPITALS[name][0], "kept if naming": ", ".join(CAPITALS[name][1]),
                     "unit": UNITS[name],
                     "documents": len(d), "analysed": int((d["paragraphs_kept"] > 0).sum()),
                     "words": int(d["n_words"].sum()),
                     "share of text kept": round(d["chars_kept"].sum() / max(1, d["chars"].sum()), 3),
                     "skipped": len(r.skipped)})
    return pd.DataFrame(rows)


def crisis_stances(results: Mapping[str, RunResult], *, min_confidence: float = MIN_CONFIDENCE) -> pd.DataFrame:
    """The stances the case study counts, with ``corpus``, ``capital``, ``date`` and ``side``: ``own`` when the
    source (who acts) is the publishing capital's state, ``other`` for acts of others the capital reports,
    ``unknown`` without a source. Negated and hypothetical records and records below ``min_confidence`` are left
    out (``attrs["note"]`` says how many)."""
    frames = []
    for name, r in results.items():
        if r.stances.empty:
            continue
        table = with_documents(r.stances, r.documents, columns=("date", "kind")).assign(
            corpus=name, capital=CAPITALS[name][0])
        frames.append(table)
    everything = pd.concat(frames, ignore_index=True)
    out = stance_filter(everything, min_confidence=min_confidence)
    home = out["capital"].map(HOME)
    out["side"] = "other"
    out.loc[(out["source_code"] == home) & out["source_org"].isna(), "side"] = "own"
    out.loc[out["source_code"].isna() | (out["source_code"] == ""), "side"] = "unknown"
    out["after_invasion"] = pd.to_datetime(out["date"]) >= INVASION
    out = out.sort_values(["date", "corpus", "doc_id", "index"], ignore_index=True)
    out.attrs = {"note": stance_filter(everything, min_confidence=min_confidence).attrs["note"]}
    return out


def words_per_week(results: Mapping[str, RunResult]) -> pd.DataFrame:
    """Words each capital published per week (all its documents of the period, filtered or not): the denominator
    that keeps one long press conference from making a weekly peak."""
    frames = []
    for name, r in results.items():
        d = add_period(r.documents.assign(capital=CAPITALS[name][0]), "week")
        frames.append(d.groupby(["capital", "period"])["n_words"].sum().rename("words").reset_index())
    return pd.concat(frames, ignore_index=True)


#: A week in which a capital published fewer words has no rate: a handful of sentences would make a peak.
MIN_WEEK_WORDS = 2_000


def weekly_focus(stances: pd.DataFrame, words: pd.DataFrame, events: tuple[str, ...] = FOCUS_EVENTS,
                 until: pd.Timestamp | None = None, min_words: int = MIN_WEEK_WORDS) -> pd.DataFrame:
    """Own-side stances per week (Monday to Sunday), capital and focus event type: the count and the rate per
    10,000 words the capital published that week (``words``, from :func:`words_per_week`). A week in which the
    capital published nothing, or fewer than ``min_words`` words, has no rate (a gap), not a zero.

    Only weeks that end by ``until`` are kept (default: the last date all three corpora still cover), so a
    half-covered final week does not show as a collapse.
    """
    if until is None:
        until = pd.to_datetime(stances.groupby("capital")["date"].max()).min()
    own = add_period(stances[(stances["side"] == "own") & stances["event"].isin(events)], "week")
    counts = own.groupby(["capital", "event", "period"]).size().rename("stances")
    weeks = pd.date_range(words["period"].min(), words["period"].max(), freq="7D")
    weeks = weeks[weeks + pd.Timedelta(days=6) <= until]
    full = pd.MultiIndex.from_product([sorted(words["capital"].unique()), list(events), weeks],
                                      names=["capital", "event", "period"])
    out = counts.reindex(full, fill_value=0).reset_index().merge(words, on=["capital", "period"], how="left")
    out["per_10k_words"] = (out["stances"] / out["words"] * 10_000).round(3)
    out.loc[out["words"].isna() | (out["words"] == 0), ["stances", "per_10k_words"]] = float("nan")
    out.loc[out["words"] < min_words, "per_10k_words"] = float("nan")
    return out


def hedging_before_after(stances: pd.DataFrame) -> pd.DataFrame:
    """Share of each capital's own stances with a hedge / a booster, before and after 24 February 2022."""
    own = stances[stances["side"] == "own"]
    out = (own.assign(period=own["after_invasion"].map({False: "before 24 Feb", True: "from 24 Feb"}))
           .groupby(["capital", "period"])
           .agg(stances=("event", "size"), hedged=("hedging", lambda h: (h > 0).mean()),
                boosted=("boosting", lambda b: (b > 0).mean()))
           .round(3).reset_index())
    return out.sort_values(["capital", "period"], ignore_index=True)


def war_terms(corpora: Mapping[str, Corpus]) -> pd.DataFrame:
    """Mentions of each of :data:`WAR_TERMS` per 10,000 words, per capital and month (full texts, no filter)."""
    frames = []
    for name, corpus in corpora.items():
        m = mentions(corpus, WAR_TERMS).assign(capital=CAPITALS[name][0])
        frames.append(m)
    m = pd.concat(frames, ignore_index=True)
    m["month"] = m["date"].dt.to_period("M").dt.start_time
    long = m.melt(id_vars=["capital", "month", "n_words"], value_vars=list(WAR_TERMS), var_name="term",
                  value_name="mentions")
    words = m.groupby(["capital", "month"])["n_words"].sum().rename("words")
    out = long.groupby(["capital", "term", "month"])["mentions"].sum().reset_index().join(words, on=["capital",
                                                                                                     "month"])
    out["per_10k"] = (out["mentions"] / out["words"] * 10_000).round(2)
    return out.sort_values(["capital", "term", "month"], ignore_index=True)


def dyad_table(stances: pd.DataFrame) -> pd.DataFrame:
    """Own-side stances between the three states and NATO: n, mean PLOVER score and its bootstrap interval per
    capital -> target (:func:`rhetoriclab.aggregate.by_dyad`; the stances are already filtered)."""
    actors = ["RUS", "UKR", "USA", "IGO"]
    s = stances[stances["side"] == "own"].copy()
    s["target"] = s["target_code"].where(s["target_org"].isna(), "IGO")
    s = s[s["target"].isin(actors) & (s["target"] != s["source_code"])]
    return by_dyad(s, source="capital", target="target", means=("plover_score",), rates=())


def passages_naming(corpus: Corpus, codes: list[str], since: dt.date | None = None,
                    until: dt.date | None = None, unit: str = "paragraph") -> list[str]:
    """The paragraphs (or sentences, ``unit="sentence"``) of each document dated ``since`` .. ``until`` that name
    one of the actors ``codes``."""
    pattern = actor_pattern(codes)
    out = []
    for d in corpus:
        if d.date is None or (since and d.date < since) or (until and d.date > until):
            continue
        text = d.clean.text
        out.extend(text[a:b] for a, b in kept_spans(text, pattern, unit)[0])
    return out


def monthly_event_mix(stances: pd.DataFrame, events: tuple[str, ...] = FOCUS_EVENTS) -> pd.DataFrame:
    """Share of each focus event type (the rest as ``other``) in each capital's own stances, per month."""
    own = add_period(stances[stances["side"] == "own"], "month")
    own = own.assign(event=own["event"].where(own["event"].isin(events), "other"))
    counts = own.groupby(["capital", "period", "event"]).size().rename("stances").reset_index()
    counts["share"] = (counts["stances"] / counts.groupby(["capital", "period"])["stances"].transform("sum")).round(4)
    return counts.sort_values(["capital", "period", "event"], ignore_index=True)
