"""Self-checks for the exercise notebooks: test a learner's answer, print a hint, never the solution.

The gold answers live in private names (leading underscore); the solution notebooks may use them,
exercise notebooks never do.

Every ``check_*`` function prints one line per finding and returns ``True`` when the answer is right.
The checks depend on the data and the answer (what the article says, what a stance table contains),
not on how the library computes it, so they stay valid while the extractors improve.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from rhetoriclab.documents import Corpus

REPO_SEED = "000_81f63b873fa01d15"
OK = "Correct"


class Verdict:
    """A check's result: true when the answer is right; shows nothing in a notebook (the hint is printed)."""

    def __init__(self, ok: bool):
        self.ok = bool(ok)

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        return f"Verdict({self.ok})"

    def _ipython_display_(self) -> None:
        pass


def _say(ok: bool, message: str) -> bool:
    print(textwrap.fill(("✔ " if ok else "✘ ") + message, width=100, subsequent_indent="  "))
    return ok


# --------------------------------------------------------------------------- exercise 1: a messy folder

@dataclass(frozen=True)
class ExerciseArticle:
    """An article of the messy exercise folder: its file, the date its dateline gives, its text."""

    file: str
    id: str
    date: date
    outlet: str
    title: str
    text: str


#: Short practice articles written for this exercise (summaries of public events, not copies of news text).
EXERCISE_ARTICLES = (
    ExerciseArticle("call.txt", "call", date(2021, 12, 7), "Practice Wire", "Biden and Putin hold video call",
                    "WASHINGTON, Dec. 7, 2021 - President Joe Biden told President Vladimir Putin in a two-hour video "
                    "call that the United States and its allies would respond with strong economic measures if "
                    "Russia invaded Ukraine, the White House said.\n"),
    ExerciseArticle("geneva.txt", "geneva", date(2022, 1, 10), "Practice Wire", "Talks in Geneva end without deal",
                    "GENEVA, Jan. 10, 2022 - Deputy Foreign Minister Sergei Ryabkov said after eight hours of talks "
                    "that Moscow had no intention of attacking Ukraine. Deputy Secretary of State Wendy Sherman said "
                    "the United States would not let anyone slam shut NATO's open-door policy.\n"),
    ExerciseArticle("recognition.txt", "recognition", date(2022, 2, 21), "Practice Wire",
                    "Kremlin recognises breakaway regions",
                    "MOSCOW, Feb. 21, 2022 - President Vladimir Putin signed decrees recognising the self-proclaimed "
                    "republics in eastern Ukraine. Secretary of State Antony Blinken called the move a flagrant "
                    "violation of Russia's international commitments.\n"),
    ExerciseArticle("invasion.txt", "invasion", date(2022, 2, 24), "Practice Wire", "Russia attacks Ukraine",
                    "KYIV, Feb. 24, 2022 - Russian forces attacked Ukraine from the north, east and south. President "
                    "Volodymyr Zelenskyy said Ukraine was cutting diplomatic ties with Moscow and urged citizens to "
                    "defend the country.\n"),
)


def write_messy_folder(folder: str | Path) -> Path:
    """Write the exercise folder: four practice articles, a manifest with mistakes, and stray files.

    The mistakes are the ones a real collection has: a date nobody can parse, a row for a file that
    was renamed, a file without a row, an empty file saved by accident, two rows with the same id.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.is_file():
            old.unlink()
    call, geneva, recog, inv = EXERCISE_ARTICLES
    for a in (call, geneva, inv):
        (folder / a.file).write_text(a.text, encoding="utf-8", newline="")
    (folder / "recognition_final.txt").write_text(recog.text, encoding="utf-8", newline="")
    (folder / "draft.txt").write_text("", encoding="utf-8")
    rows = [
        "file,id,date,outlet,title",
        f"{call.file},{call.id},2021-12-07,{call.outlet},{call.title}",
        f"{geneva.file},{geneva.id},10 janvier 2022,{geneva.outlet},{geneva.title}",
        f"{recog.file},{recog.id},2022-02-21,{recog.outlet},{recog.title}",
        f"{inv.file},call,2022-02-24,{inv.outlet},{inv.title}",
    ]
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def check_folder_fixed(corpus: Corpus) -> Verdict:
    """Exercise 1: the reloaded folder has no problems, all four articles, each with the date of its dateline."""
    ok = True
    if corpus.problems:
        first = corpus.problems[0]
        return Verdict(_say(False, f"{len(corpus.problems)} problem(s) remain. Start with the first: {first}. "
                           "Fix the file or the manifest row it names, then load the folder again."))
    by_id = {d.id: d for d in corpus}
    for a in EXERCISE_ARTICLES:
        doc = by_id.get(a.id)
        if doc is None:
            same_text = [d.id for d in corpus if d.text.strip() == a.text.strip()]
            if same_text:
                ok = _say(False, f"the article datelined {a.date:%d %b %Y} is loaded, but with id {same_text[0]!r}: "
                                 "every article needs its own id (what does the manifest say?)")
            else:
                ok = _say(False, f"an article is missing: the one whose dateline reads {a.date:%b. %-d, %Y}. "
                                 "Did you delete a file instead of fixing its manifest row?")
            continue
        if doc.date != a.date:
            got = doc.date.isoformat() if doc.date else "no date"
            ok = _say(False, f"{a.id!r} has {got}; its dateline tells you when it was published.")
    extra = sorted(set(by_id) - {a.id for a in EXERCISE_ARTICLES})
    if extra:
        ok = _say(False, f"unexpected document(s) {extra}: is something in the folder that is not an article?")
    if ok:
        _say(True, f"{OK}: {len(corpus)} articles, every one dated, no problems left.")
    return Verdict(ok)


# --------------------------------------------------------------------------- exercise 2: who said what

#: People whose words the seed article reports (quoted or paraphrased), by surname.
_SEED_SPEAKERS = frozenset({"blinken", "lavrov", "putin", "austin", "stoltenberg", "herbst"})
#: Named in the seed article, but never reported as saying anything.
_SEED_MENTIONED_ONLY = frozenset({"biden"})

#: Gold attributions of the seed article: (speaker, a verbatim piece of the reported content).
_SEED_ATTRIBUTIONS = (
    ("Blinken", "Moscow will face “serious consequences” if it invades Ukraine"),
    ("Blinken", "the U.S. seeks a stable relationship with Russia"),
    ("Blinken", "any action in Ukraine would force America’s hand"),
    ("Blinken", "We have deep concerns about Russia’s plans for renewed aggression against Ukraine"),
    ("Blinken", "We have a strong, ironclad commitment to the sovereignty and territorial integrity of Ukraine"),
    ("Blinken", "The best way to avert a crisis is through diplomacy"),
    ("Blinken", "The United States is willing to facilitate that"),
    ("analysts", "Russian President Vladimir Putin may see this as his last window"),
    ("Austin", "the U.S. and its allies will coordinate a global response to any Russian military aggression"),
    ("Putin", "increased Western support for Kyiv, including NATO membership down the line, would be a “red line”"),
    ("Lavrov", "Moscow sees the current crisis as part of the broader issue of keeping Ukraine away from NATO"),
    ("Lavrov", "I have no doubts that the only way out of today’s crisis"),
    ("Lavrov", "The fact that everyone is talking about the escalation of tensions in Europe"),
    ("Lavrov", "do not want any conflicts"),
    ("Lavrov", "will infringe upon security"),
    ("NATO leaders", "the organization believes the time is right to bring Ukraine further into the fold"),
    ("Stoltenberg", "We should provide more support, more training, more capacity-building"),
    ("Stoltenberg", "We need to establish there is a lot in between nothing and full membership"),
    ("specialists", "the fact that NATO and Ukraine continue to inch toward one another"),
    ("Herbst", "The first reason he‘s escalated is his 7 1/2-year war"),
    ("Herbst", "Instead you have a stalemate"),
    ("Herbst", "The idea is to intimidate Ukraine."),
)

#: A practice article (written for exercise 2) full of constructions that rules find hard.
PRACTICE_TEXT = (
    "KYIV, Feb. 12, 2022 - According to Ukraine's foreign minister, Dmytro Kuleba, there is no reason to panic.\n\n"
    "In the Kremlin's view, the Western warnings amount to \u201chysteria.\u201d Zelenskyy's office insisted in a "
    "statement that the country would not evacuate its capital.\n\n"
    "\u201cWe are not going anywhere,\u201d read a message posted by the president's chief of staff, Andriy Yermak.\n\n"
    "Officials in Washington, speaking on condition of anonymity, believe an invasion could begin within days. "
    "A spokesman for the Pentagon, asked about troop movements, declined to comment.\n\n"
    "Nothing of the kind is planned, Russia's envoy to the European Union, Vladimir Chizhov, argued in an interview.\n"
)
_PRACTICE_ATTRIBUTIONS = (
    ("Kuleba", "there is no reason to panic"),
    ("the Kremlin", "the Western warnings amount to “hysteria.”"),
    ("Zelenskyy's office", "the country would not evacuate its capital"),
    ("Yermak", "We are not going anywhere"),
    ("officials", "an invasion could begin within days"),
    ("Chizhov", "Nothing of the kind is planned"),
)


def practice_article():
    """The practice article of exercise 2 as a :class:`~rhetoriclab.documents.Document`."""
    from rhetoriclab.documents import Document

    return Document("practice_feb12", PRACTICE_TEXT, title="Kyiv says no reason to panic", date=date(2022, 2, 12),
                    outlet="Practice Wire", kind="news")


def _article(name: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    if name == "seed":
        return seed_text(), _SEED_ATTRIBUTIONS
    if name == "practice":
        return PRACTICE_TEXT, _PRACTICE_ATTRIBUTIONS
    raise ValueError(f"unknown article {name!r}; use 'seed' or 'practice'")


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ", "…": "...",
                         "\u200b": None, "\u00ad": None})


def _norm(text: str) -> str:
    """Straight quotes, ``...`` and single spaces, so raw and cleaned text compare equal."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def seed_path() -> Path:
    """The seed article's file in the project's ``seeds/`` folder (found from the package or the working folder)."""
    for base in (Path(__file__).resolve().parents[2], Path.cwd(), *Path.cwd().parents):
        path = base / "seeds" / f"{REPO_SEED}.txt"
        if path.exists():
            return path
    raise FileNotFoundError(f"seeds/{REPO_SEED}.txt not found next to the package or above the working folder")


def seed_text() -> str:
    """The seed article's text as stored in ``seeds/``."""
    return seed_path().read_text(encoding="utf-8")


def _surname(name: str) -> str:
    name = re.sub(r"^(mr|mrs|ms|dr|president|secretary)\.?\s+", "", name.strip().lower())
    return name.split()[-1] if name.split() else ""


def check_seed_speakers(names: Iterable[str]) -> Verdict:
    """Exercise 2a: the people whose words the seed article reports (surnames or full names)."""
    given = {_surname(n) for n in names if str(n).strip()}
    right = given & _SEED_SPEAKERS
    ok = True
    for n in sorted(given - _SEED_SPEAKERS):
        if n in _SEED_MENTIONED_ONLY:
            ok = _say(False, f"{n.title()} is named in the article but never said to say anything: "
                             "being mentioned is not speaking.")
        else:
            ok = _say(False, f"{n.title()!r} is not a person whose words this article reports.")
    missing = len(_SEED_SPEAKERS - given)
    if missing:
        ok = _say(False, f"you found {len(right)} of {len(_SEED_SPEAKERS)} speakers. Look beyond quotation marks: "
                         "reported speech ('X said that ...', 'X has said ...') counts too.")
    if ok:
        _say(True, f"{OK}: all {len(_SEED_SPEAKERS)} named speakers.")
    return Verdict(ok)


def _spans(text: str, pieces: Iterable[str]) -> list[tuple[int, int] | None]:
    out = []
    for p in pieces:
        p = _norm(p)
        i = text.find(p) if p else -1
        out.append((i, i + len(p)) if i >= 0 else None)
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _content_texts(found) -> list[str]:
    if isinstance(found, pd.DataFrame):
        for col in ("content_text", "content", "text", "quote"):
            if col in found.columns:
                return [str(s) for s in found[col].dropna()]
        raise ValueError(f"no content column in the frame (columns: {list(found.columns)})")
    return [getattr(f, "content_text", f) for f in found]


def _missed(found, article: str = "seed") -> list[tuple[str, str]]:
    """Gold attributions none of whose content overlaps 30% with a found content (solutions and tests only)."""
    raw, gold = _article(article)
    text = _norm(raw)
    found_spans = [s for s in _spans(text, _content_texts(found)) if s]
    gold_spans = _spans(text, [c for _, c in gold])
    missed = []
    for (speaker, content), g in zip(gold, gold_spans, strict=True):
        if g and not any(_overlap(g, f) >= 0.3 * (g[1] - g[0]) for f in found_spans):
            missed.append((speaker, content))
    return missed


def check_missed_attributions(answer: Iterable[str], found, article: str = "practice") -> Verdict:
    """Exercise 2b: verbatim pieces of every attribution of ``article`` ("practice" or "seed") the extractor missed.

    ``found`` is what the extractor returned for that article (an attributions DataFrame with a content
    text column, or a list of content strings); the check works out which reported speech it left out.
    """
    raw, gold = _article(article)
    text = _norm(raw)
    answer = [a for a in answer if str(a).strip()]
    found_spans = [s for s in _spans(text, _content_texts(found)) if s]
    gold_spans = [g for g in _spans(text, [c for _, c in gold]) if g]
    missed = [g for g in gold_spans if not any(_overlap(g, f) >= 0.3 * (g[1] - g[0]) for f in found_spans)]
    ok = True
    hit = set()
    for piece, span in zip(answer, _spans(text, answer), strict=True):
        short = piece if len(piece) < 50 else piece[:47] + "..."
        if span is None:
            ok = _say(False, f"{short!r} is not in the article word for word: copy it from the text.")
        elif not any(_overlap(span, g) for g in gold_spans):
            ok = _say(False, f"{short!r} is the reporter's narration, not anyone's reported words.")
        elif any(_overlap(span, f) for f in found_spans):
            ok = _say(False, f"{short!r}: the extractor already found this one (it overlaps a found content).")
        else:
            hit |= {g for g in missed if _overlap(span, g)}
    left = len(missed) - len(hit)
    if left:
        ok = _say(False, f"{left} missed attribution(s) still to find ({len(hit)} of {len(missed)} so far). "
                         "Reread paragraphs that report speech without quotation marks.")
    if ok:
        _say(True, f"{OK}: the extractor misses {len(missed)} of {len(gold_spans)} attributions; "
                   "you found them all.")
    return Verdict(ok)


def check_registry_extension(registry, on: date = date(2022, 1, 20)) -> Verdict:
    """Exercise 2c: the extended registry knows Oleksiy Danilov (Ukraine's NSDC secretary) as UKR GOV."""
    ok = True
    for mention in ("Oleksiy Danilov", "Danilov", "Oleksii Danilov"):
        match = registry.lookup(mention, on)
        if match is None:
            ok = _say(False, f"the registry does not know {mention!r}: did you add an alias for each spelling, and "
                             "does the role's date range include January 2022?")
            continue
        actor = match.actor
        if actor.code != "UKR":
            ok = _say(False, f"{mention!r} resolves to {actor.code}: which state does he speak for?")
        elif actor.sector != "GOV":
            ok = _say(False, f"{mention!r} has sector {actor.sector}: a security council secretary is government.")
    if ok:
        _say(True, f"{OK}: Danilov resolves to UKR GOV.")
    return Verdict(ok)


# --------------------------------------------------------------------------- exercise 3: stances

#: Quad classes of the 18 PLOVER event types.
QUADS = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation",
    "COOPERATE": "material cooperation", "AID": "material cooperation", "RETREAT": "material cooperation",
    "INVESTIGATE": "verbal conflict", "DEMAND": "verbal conflict", "DISAPPROVE": "verbal conflict",
    "REJECT": "verbal conflict", "THREATEN": "verbal conflict",
    "PROTEST": "material conflict", "MOBILIZE": "material conflict", "SANCTION": "material conflict",
    "COERCE": "material conflict", "ASSAULT": "material conflict", "CRIME": "material conflict",
}

#: Sentences to code by hand, with the PLOVER event type of their main stance.
_STANCE_SENTENCES = (
    ("Mr. Blinken and Russian Foreign Minister Sergey Lavrov met briefly behind closed doors in Stockholm.",
     "CONSULT"),
    ("Moscow will face serious consequences if it invades Ukraine, Secretary of State Antony Blinken told his "
     "Russian counterpart.", "THREATEN"),
    ("Mr. Blinken pushed Moscow to abide by the Minsk agreements.", "DEMAND"),
    ("Tens of thousands of Russian troops remain gathered along the country's border with Ukraine.", "MOBILIZE"),
    ("The Treasury Department imposed sanctions on two Russian state banks.", "SANCTION"),
    ("Ukraine's foreign minister condemned the shelling of a kindergarten in the Luhansk region.", "DISAPPROVE"),
    ("The United States delivered another shipment of Javelin missiles to Kyiv.", "AID"),
    ("Moscow rejected the proposal to hold new talks in Geneva.", "REJECT"),
)


def stance_sentences() -> list[str]:
    """The sentences of exercise 3a, in order (number them from 1)."""
    return [text for text, _ in _STANCE_SENTENCES]


def check_stance_codes(answer: Mapping[int, str]) -> Verdict:
    """Exercise 3a: ``{sentence number (1-based): PLOVER event type}`` for :func:`stance_sentences`."""
    ok = True
    for i, (_, gold) in enumerate(_STANCE_SENTENCES, start=1):
        got = str(answer.get(i, "")).strip().upper()
        if not got:
            ok = _say(False, f"sentence {i}: no answer yet.")
        elif got not in QUADS:
            ok = _say(False, f"sentence {i}: {got!r} is not a PLOVER event type (see the list in lesson 03).")
        elif got != gold:
            same = QUADS[got] == QUADS[gold]
            where = "right quad class, another type in it" if same else f"look again: this is {QUADS[gold]}"
            ok = _say(False, f"sentence {i}: not {got}; {where}.")
    if ok:
        _say(True, f"{OK}: all {len(_STANCE_SENTENCES)} sentences coded as a PLOVER coder would.")
    return Verdict(ok)


def _col(frame: pd.DataFrame, *names: str) -> str:
    for n in names:
        if n in frame.columns:
            return n
    raise ValueError(f"the stances frame has none of the columns {names} (it has {list(frame.columns)})")


def dyad_means(stances: pd.DataFrame) -> pd.Series:
    """Mean Goldstein score per (source code, target code) over rows with a score."""
    src, tgt = _col(stances, "source_code", "source"), _col(stances, "target_code", "target")
    score = _col(stances, "goldstein")
    rows = stances.dropna(subset=[src, tgt, score])
    return rows.groupby([src, tgt])[score].mean()


def check_dyad_tone(stances: pd.DataFrame, answer: Mapping[tuple[str, str], float]) -> Verdict:
    """Exercise 3b: ``{(source code, target code): mean Goldstein}`` for two (or more) dyads of ``stances``."""
    if len(answer) < 2:
        return Verdict(_say(False, "compare at least two dyads, e.g. one direction and the other."))
    means = dyad_means(stances)
    ok = True
    for key, value in answer.items():
        key = tuple(str(k).upper() for k in key)
        if key not in means.index:
            ok = _say(False, f"{key[0]} -> {key[1]}: no stance with a Goldstein score in the frame. "
                             "Check the codes in the source and target code columns.")
        elif value is None or (isinstance(value, float) and math.isnan(value)):
            ok = _say(False, f"{key[0]} -> {key[1]}: no value yet.")
        elif abs(float(value) - float(means[key])) > 0.01:
            ok = _say(False, f"{key[0]} -> {key[1]}: {value} is not the mean. Keep only rows whose source AND "
                             "target match, and leave out rows without a score.")
    if ok:
        _say(True, f"{OK}: the means of {len(answer)} dyads match the table.")
    return Verdict(ok)


# --------------------------------------------------------------------------- exercise 4: fightin' words

#: A worked example: word counts in two small collections and the prior strength alpha0.
FW_COUNTS_A = {"operation": 14, "war": 2, "security": 9, "nazi": 5, "peace": 4, "people": 6}
FW_COUNTS_B = {"operation": 1, "war": 15, "security": 5, "nazi": 0, "peace": 7, "people": 8}
FW_ALPHA0 = 10.0


def _log_odds(counts_a: Mapping[str, int], counts_b: Mapping[str, int], word: str, alpha0: float):
    n_a, n_b = sum(counts_a.values()), sum(counts_b.values())
    y_a, y_b = counts_a.get(word, 0), counts_b.get(word, 0)
    alpha = alpha0 * (y_a + y_b) / (n_a + n_b)
    delta = (math.log((y_a + alpha) / (n_a + alpha0 - y_a - alpha))
             - math.log((y_b + alpha) / (n_b + alpha0 - y_b - alpha)))
    return delta, delta / math.sqrt(1 / (y_a + alpha) + 1 / (y_b + alpha))


def check_log_odds(word: str, delta: float, z: float) -> Verdict:
    """Exercise 4a: the log-odds ratio ``delta`` (A vs B) and its z-score for ``word`` in the worked example."""
    if word not in FW_COUNTS_A:
        return Verdict(_say(False, f"{word!r} is not in the example; pick one of {sorted(FW_COUNTS_A)}."))
    d, zz = _log_odds(FW_COUNTS_A, FW_COUNTS_B, word, FW_ALPHA0)
    ok = True
    if abs(delta - d) > 1e-3:
        if abs(delta + d) < 1e-3:
            ok = _say(False, "delta has the wrong sign: A comes first, B second.")
        else:
            ok = _say(False, "delta is off. The prior for the word is alpha0 times its share of all words in A and B "
                             "together; each odds divides (y + alpha_w) by (n + alpha0 - y - alpha_w).")
    if ok and abs(z - zz) > 1e-3:
        ok = _say(False, "delta is right; z is not. Its variance is the sum of 1 / (y + alpha_w) over A and B.")
    if ok:
        _say(True, f"{OK}: delta and z for {word!r}.")
    return Verdict(ok)


def check_top_words(answer: Iterable[str], scores: pd.DataFrame | pd.Series, k: int = 5, side: str = "a") -> Verdict:
    """Exercise 4b: the ``k`` words most distinctive of group ``side`` ("a": largest z, "b": smallest z).

    ``scores`` is the fightin'-words result: a Series of z-scores indexed by word, or a frame with a
    ``word``/``term`` column (or index) and a ``z``/``zscore`` column.
    """
    if isinstance(scores, pd.DataFrame):
        z = scores[_col(scores, "z", "zscore", "z_score")]
        if "word" in scores.columns or "term" in scores.columns:
            z.index = scores[_col(scores, "word", "term")]
    else:
        z = scores
    z = z.astype(float).dropna()
    order = z.sort_values(ascending=(side == "b"), kind="mergesort")
    answer = [str(a) for a in answer]
    cutoff = order.iloc[min(k, len(order)) - 1]
    top = {w for w, v in order.items() if (v >= cutoff if side == "a" else v <= cutoff)}
    ok = True
    if len(answer) != k:
        ok = _say(False, f"give exactly {k} words (you gave {len(answer)}).")
    unknown = [w for w in answer if w not in z.index]
    if unknown:
        ok = _say(False, f"not in the scores: {unknown}.")
    wrong = [w for w in answer if w in z.index and w not in top]
    if wrong:
        flipped = [w for w in wrong if (z[w] < 0) == (side == "a")]
        why = "they lean to the other group: check the sign of z" if flipped else \
            "they are not among the most extreme z-scores: sort by z, not by count or delta"
        ok = _say(False, f"{len(wrong)} word(s) do not belong: {why}.")
    if ok:
        _say(True, f"{OK}: the {k} most distinctive words of group {side.upper()}.")
    return Verdict(ok)
