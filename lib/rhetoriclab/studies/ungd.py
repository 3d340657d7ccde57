"""Case study 06: who names Russia and Ukraine at the UN General Debate, 2013-2024, and with what stance.

Each speech is a state's own voice (``issuer`` is its ISO alpha-3 code; the stance coder reads "we" as that
state). Mentions are counted with regexes over the full texts; stances are coded on the sentences that name
Russia or Ukraine (a sentence pre-filter: most speech files mark no paragraphs). Every table is tidy and sorted.
"""

from __future__ import annotations

import re

import pandas as pd

from rhetoriclab.aggregate import bootstrap_ci, with_documents
from rhetoriclab.corpora import load_corpus
from rhetoriclab.documents import Corpus
from rhetoriclab.pipeline import RunResult, run_corpus
from rhetoriclab.stances.select import STUDY_MIN_CONFIDENCE, stance_filter

#: What counts as naming each side (case-sensitive, whole words; "Russian" and "Ukrainian" are not names).
NAMES = {
    "Russia": re.compile(r"\bRussia\b|\bRussian\s+Federation\b"),
    "Ukraine": re.compile(r"\bUkraine\b"),
}
#: Sentences the stance coder reads: any that names either side, its people, places or capital.
SENTENCE_FILTER = re.compile(r"\b(?:Russia|Russian|Russians|Ukraine|Ukrainian|Ukrainians|Crimea|Kyiv|Kiev|Donbas"
                             r"|Donbass|Moscow)\b")
#: The two breaks, for charts (same columns as :func:`rhetoriclab.charts.key_dates`).
BREAKS = pd.DataFrame({"date": pd.to_datetime(["2014-03-18", "2022-02-24"]),
                       "label": ["Russia annexes Crimea", "Russia's full-scale invasion of Ukraine"],
                       "short": ["Crimea annexed", "Invasion"], "source": ["", ""]})
#: Periods between the breaks: the 2013 session (before Crimea), 2014-2021, and from the 2022 invasion on.
PERIODS = (("2013", 2013, 2013), ("2014-2021", 2014, 2021), ("2022-2024", 2022, 2024))
TARGETS = ("RUS", "UKR")


def period_of(year: int) -> str | None:
    return next((name for name, a, b in PERIODS if a <= year <= b), None)


def ungd_corpus() -> Corpus:
    """The UN General Debate speeches, sessions 68-79 (2013-2024)."""
    return load_corpus("ungd")


def naming_table(corpus: Corpus) -> pd.DataFrame:
    """Per year: speeches, and how many (and what share of) states name Russia / Ukraine at least once."""
    rows = []
    for d in corpus:
        text = d.clean.text
        rows.append({"year": d.date.year, "state": d.issuer,
                     **{name: bool(p.search(text)) for name, p in NAMES.items()}})
    df = pd.DataFrame(rows)
    out = df.groupby("year").agg(speeches=("state", "size"), **{f"naming {n}": (n, "sum") for n in NAMES})
    for n in NAMES:
        out[f"share naming {n}"] = (out[f"naming {n}"] / out["speeches"]).round(3)
    return out.reset_index()


def run_ungd(corpus: Corpus, *, n_process: int | None = None, cache: bool | str = True,
             progress: bool = False) -> RunResult:
    """Attributions and stances, parsed only on the sentences :data:`SENTENCE_FILTER` matches."""
    return run_corpus(corpus, prefilter=SENTENCE_FILTER, prefilter_unit="sentence", n_process=n_process,
                      cache=cache, progress=progress)


def state_stances(result: RunResult, targets: tuple[str, ...] = TARGETS,
                  min_confidence: float = STUDY_MIN_CONFIDENCE) -> pd.DataFrame:
    """The speaking states' own stances toward ``targets``: one row per stance with ``state``, ``year`` and
    ``period`` (stances a speech reports of others, stances with no source, and a state's stances toward
    itself are left out; so are negated and hypothetical records and records below ``min_confidence``:
    ``attrs["note"]``)."""
    kept = stance_filter(result.stances, min_confidence=min_confidence)
    s = with_documents(kept, result.documents, columns=("date", "issuer"))
    s = s[(s["source_code"] == s["issuer"]) & s["target_code"].isin(targets) & s["target_org"].isna()
          & (s["target_code"] != s["issuer"])]  # Russia and Ukraine speaking of themselves are left out
    s = s.assign(state=s["issuer"], year=pd.to_datetime(s["date"]).dt.year)
    s["period"] = s["year"].map(period_of)
    out = s.sort_values(["year", "state", "doc_id", "index"], ignore_index=True)
    out.attrs = {"note": kept.attrs["note"]}
    return out


def yearly_stances(stances: pd.DataFrame, seed: int = 0) -> pd.DataFrame:
    """Per year and target: stances, states, share in each quad class, mean PLOVER score with a bootstrap 95 % CI."""
    rows = []
    for i, ((year, target), part) in enumerate(stances.groupby(["year", "target_code"], sort=True)):
        lo, hi = bootstrap_ci(part["plover_score"].astype(float), seed=seed + i)
        quads = part["quad"].value_counts(normalize=True)
        rows.append({"year": year, "target": target, "stances": len(part), "states": part["state"].nunique(),
                     "mean_plover_score": round(float(part["plover_score"].astype(float).mean()), 2),
                     "plover_score_lo": round(lo, 2), "plover_score_hi": round(hi, 2),
                     **{f"share {q}": round(float(quads.get(q, 0.0)), 3) for q in
                        ("verbal-cooperation", "verbal-conflict", "material-cooperation", "material-conflict")}})
    return pd.DataFrame(rows)


def state_period_table(stances: pd.DataFrame, target: str = "RUS", min_stances: int = 3) -> pd.DataFrame:
    """Mean PLOVER score of each state's stances toward ``target`` per period, for the (state, period) cells
    with at least ``min_stances`` stances (fewer: no row, so a chart leaves the cell blank). Long: state,
    period, n, mean_plover_score."""
    s = stances[stances["target_code"] == target]
    g = s.groupby(["state", "period"]).agg(n=("event", "size"), mean_plover_score=("plover_score", "mean"))
    g = g.reset_index()
    g = g[g["n"] >= min_stances].copy()
    g["mean_plover_score"] = g["mean_plover_score"].round(2)
    return g.sort_values(["state", "period"], ignore_index=True)


def voices_on_ukraine(corpus: Corpus, stances: pd.DataFrame, since: int = 2022) -> pd.DataFrame:
    """From ``since`` on, per state: speeches, whether it named Ukraine, its SUPPORT/AGREE stances toward UKR and
    its conflictual stances toward RUS. ``group`` sorts states into supporting, critical of Russia, naming
    only, and silent."""
    speeches = pd.DataFrame([{"state": d.issuer, "year": d.date.year,
                              "names_ukraine": bool(NAMES["Ukraine"].search(d.clean.text))}
                             for d in corpus if d.date.year >= since])
    per = speeches.groupby("state").agg(speeches=("year", "size"), named_ukraine=("names_ukraine", "sum"))
    recent = stances[stances["year"] >= since]
    support = recent[(recent["target_code"] == "UKR") & recent["event"].isin(["SUPPORT", "AGREE", "AID"])]
    against = recent[(recent["target_code"] == "RUS") & recent["quad"].str.endswith("conflict")]
    per["support_ukr"] = support.groupby("state").size().reindex(per.index, fill_value=0)
    per["conflict_rus"] = against.groupby("state").size().reindex(per.index, fill_value=0)
    per["group"] = "silent"
    per.loc[per["named_ukraine"] > 0, "group"] = "names Ukraine only"
    per.loc[per["conflict_rus"] > 0, "group"] = "criticises Russia"
    per.loc[per["support_ukr"] > 0, "group"] = "supports Ukraine"
    return per.reset_index().sort_values("state", ignore_index=True)


def sentences_naming(corpus: Corpus, first: int, last: int, pattern: re.Pattern = SENTENCE_FILTER) -> list[str]:
    """The sentences (as the pre-filter cuts them) of the speeches of ``first`` .. ``last`` that match."""
    from rhetoriclab.prefilter import kept_spans

    out = []
    for d in corpus:
        if first <= d.date.year <= last:
            text = d.clean.text
            out.extend(text[a:b] for a, b in kept_spans(text, pattern, unit="sentence")[0])
    return out
