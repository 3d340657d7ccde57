"""Self-checks for the exercise notebooks: test a learner's answer, print a hint, never the solution.

Exercise texts and gold answers are data: ``data/exercises/*.yaml``, read once. The gold answers live in
private names (leading underscore); the solution notebooks may use them, exercise notebooks never do.

An answer cell starts with ``None`` (not answered); every check fails on ``None`` and on an empty answer unless
the data at check time make "nothing" the right answer, which the learner then has to type (``[]``). Where the
data decide the answer (what the extractor found, which dyad is more conflictual), the check computes it from
the data it is given at check time, never from a stored value.

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
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from rhetoriclab.documents import Corpus
from rhetoriclab.stances.select import stance_filter

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


class ExerciseDataError(ValueError):
    """An exercise data file is missing a field or has a wrong value (the message names file and field)."""


@cache
def exercise_data(name: str) -> dict:
    """The exercise data file ``data/exercises/<name>.yaml`` as a dict (cached)."""
    path = resources.files("rhetoriclab") / "data" / "exercises" / f"{name}.yaml"
    if not path.is_file():
        raise ExerciseDataError(f"no exercise data file data/exercises/{name}.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ExerciseDataError(f"data/exercises/{name}.yaml: expected a mapping at the top level")
    return data


def _field(data: dict, key: str, where: str):
    if key not in data:
        raise ExerciseDataError(f"{where}: missing field {key!r}")
    return data[key]


def _unanswered(answer) -> bool:
    """True for the answer cells' starting value (``None``) and for blanks."""
    if answer is None:
        return True
    if isinstance(answer, float) and math.isnan(answer):
        return True
    return isinstance(answer, str) and not answer.strip()


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


def _exercise_articles() -> tuple[ExerciseArticle, ...]:
    where = "data/exercises/ex01_messy_folder.yaml"
    rows = _field(exercise_data("ex01_messy_folder"), "articles", where)
    out = []
    for i, row in enumerate(rows):
        at = f"{where}: articles[{i}]"
        values = {k: _field(row, k, at) for k in ("file", "id", "date", "outlet", "title", "text")}
        if not isinstance(values["date"], date):
            raise ExerciseDataError(f"{at}.date is {values['date']!r}; expected a date YYYY-MM-DD")
        out.append(ExerciseArticle(**values))
    if len(out) != 4:
        raise ExerciseDataError(f"{where}: expected the 4 articles the messy folder needs, found {len(out)}")
    return tuple(out)


#: Short practice articles written for this exercise (summaries of public events, not copies of news text).
EXERCISE_ARTICLES = _exercise_articles()


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

_EX02 = exercise_data("ex02_attribution")
_EX02_WHERE = "data/exercises/ex02_attribution.yaml"
_SEED = _field(_EX02, "seed", _EX02_WHERE)
_PRACTICE = _field(_EX02, "practice", _EX02_WHERE)

#: People whose words the seed article reports (quoted or paraphrased), by surname.
_SEED_SPEAKERS = frozenset(s.lower() for s in _field(_SEED, "speakers", f"{_EX02_WHERE}: seed"))
#: Named in the seed article, but never reported as saying anything.
_SEED_MENTIONED_ONLY = frozenset(s.lower() for s in _field(_SEED, "mentioned_only", f"{_EX02_WHERE}: seed"))
#: Gold attributions of the seed article: (speaker, a verbatim piece of the reported content).
_SEED_ATTRIBUTIONS = tuple((a["speaker"], a["content"]) for a in _field(_SEED, "attributions", f"{_EX02_WHERE}: seed"))

#: A practice article (written for exercise 2) full of constructions that rules find hard.
PRACTICE_TEXT: str = _field(_PRACTICE, "text", f"{_EX02_WHERE}: practice")
_PRACTICE_GOLD = tuple(_field(_PRACTICE, "attributions", f"{_EX02_WHERE}: practice"))
_PRACTICE_ATTRIBUTIONS = tuple((a["speaker"], a["content"]) for a in _PRACTICE_GOLD)


def practice_article():
    """The practice article of exercise 2 as a :class:`~rhetoriclab.documents.Document`."""
    from rhetoriclab.documents import Document

    return Document(_PRACTICE["id"], PRACTICE_TEXT, title=_PRACTICE["title"], date=_PRACTICE["date"],
                    outlet=_PRACTICE["outlet"], kind="news")


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
    if _unanswered(names) or not [n for n in names if str(n).strip()]:
        return Verdict(_say(False, "no answer yet: list the surnames of the people whose words are reported."))
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
    if _unanswered(answer):
        return Verdict(_say(False, "no answer yet: give a list of verbatim pieces (type [] if you think the extractor "
                                   "missed nothing)."))
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


def _practice_speaker_rows(found: pd.DataFrame) -> tuple[set[int], set[int]]:
    """(rows covering a gold statement, those of them whose source span does not name the gold speaker)."""
    if "source" not in found.columns:
        raise ValueError(f"no source column in the frame (columns: {list(found.columns)})")
    text = _norm(PRACTICE_TEXT)
    gold_spans = _spans(text, [g["content"] for g in _PRACTICE_GOLD])
    judged, wrong = set(), set()
    for row, content, source in zip(found.index, found[_col(found, "content_text", "content")], found["source"],
                                    strict=True):
        span = _spans(text, [str(content)])[0] if isinstance(content, str) else None
        covered = [g for g, gs in zip(_PRACTICE_GOLD, gold_spans, strict=True)
                   if span and gs and _overlap(span, gs) >= 0.3 * (gs[1] - gs[0])]
        if not covered:
            continue
        judged.add(row)
        named = isinstance(source, str) and any(n.lower() in source.lower() for g in covered for n in g["names"])
        if not named:
            wrong.add(row)
    return judged, wrong


def check_speaker_rows(answer: Iterable[int] | None, found: pd.DataFrame) -> Verdict:
    """Exercise 2c: the row labels of ``found`` (the extractor's rows for the practice article) whose source is
    missing or names someone other than the article's speaker of that statement.

    Which rows are wrong is worked out at check time from ``found`` and the gold reading, so the check stays
    right while the extractor improves; rows that cover no reported statement are not judged.
    """
    if _unanswered(answer):
        return Verdict(_say(False, "no answer yet: give a list of row labels (type [] if every speaker is right)."))
    judged, wrong = _practice_speaker_rows(found)
    given = {int(a) for a in answer}
    ok = True
    unknown = sorted(given - set(found.index))
    if unknown:
        ok = _say(False, f"no row {unknown} in the table: use the labels in its first column.")
    not_judged = sorted(given & set(found.index) - judged)
    if not_judged:
        ok = _say(False, f"row(s) {not_judged} report none of the article's statements: leave them out here.")
    right_rows = sorted(given & judged - wrong)
    if right_rows:
        ok = _say(False, f"row(s) {right_rows}: the source there does name the speaker. Read the sentence again.")
    left = len(wrong - given)
    if left:
        ok = _say(False, f"{left} row(s) with a missing or wrong speaker still to find. Compare each source with "
                         "who, in the sentence, says the content.")
    if ok:
        _say(True, f"{OK}: {len(wrong)} of {len(judged)} rows have no speaker or the wrong one.")
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

_EX03 = exercise_data("ex03_stances")
_EX03_WHERE = "data/exercises/ex03_stances.yaml"
#: Sentences to code by hand, each with the names its PLOVER event type has in the PLOVER versions.
_STANCE_GOLD = tuple((s["text"], tuple(s["accept"])) for s in _field(_EX03, "sentences", _EX03_WHERE))
_PLOVER_2021_QUADS = {t: q for q, types in _field(_EX03, "plover_2021_quads", _EX03_WHERE).items() for t in types}


def event_quads() -> dict[str, str]:
    """Quad class of every event type the stance coder knows, plus the PLOVER 2021 names and the older names of
    the 2018 draft (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT), read at call time."""
    from rhetoriclab.stances.lexicon import load_event_lexicon
    from rhetoriclab.stances.scheme import OLDER_TYPES

    coder = {name: t.quad for name, t in load_event_lexicon().types.items()}
    known = {**_PLOVER_2021_QUADS, **coder}
    older = {old: known[new] for old, (new, _) in OLDER_TYPES.items() if new in known}
    return {**older, **known}


def _gold_code(accept: tuple[str, ...]) -> str:
    """The first of a sentence's accepted names that the stance coder's dictionary knows."""
    from rhetoriclab.stances.lexicon import load_event_lexicon

    known = load_event_lexicon().types
    return next((a for a in accept if a in known), accept[0])


def stance_sentences() -> list[str]:
    """The sentences of exercise 3a, in order (number them from 1)."""
    return [text for text, _ in _STANCE_GOLD]


def check_stance_codes(answer: Mapping[int, str] | None) -> Verdict:
    """Exercise 3a: ``{sentence number (1-based): PLOVER event type}`` for :func:`stance_sentences`."""
    if _unanswered(answer):
        return Verdict(_say(False, "no answer yet: fill in a dict {sentence number: event type}."))
    quads = event_quads()
    ok = True
    for i, (_, accept) in enumerate(_STANCE_GOLD, start=1):
        got = "" if _unanswered(answer.get(i)) else str(answer.get(i)).strip().upper()
        gold = _gold_code(accept)
        if not got:
            ok = _say(False, f"sentence {i}: no answer yet.")
        elif got not in quads:
            ok = _say(False, f"sentence {i}: {got!r} is not a PLOVER event type (see the list in lesson 03).")
        elif got not in accept:
            where = ("right quad class, another type in it" if quads[got] == quads[gold]
                     else f"look again: this is {quads[gold].replace('-', ' ')}")
            ok = _say(False, f"sentence {i}: not {got}; {where}.")
    if ok:
        _say(True, f"{OK}: all {len(_STANCE_GOLD)} sentences coded as a PLOVER coder would.")
    return Verdict(ok)


def _col(frame: pd.DataFrame, *names: str) -> str:
    for n in names:
        if n in frame.columns:
            return n
    raise ValueError(f"the stances frame has none of the columns {names} (it has {list(frame.columns)})")


def dyad_means(stances: pd.DataFrame) -> pd.Series:
    """Mean PLOVER score per (source code, target code) over asserted stances with a score (negated and
    hypothetical records left out, as every aggregation does: :func:`rhetoriclab.stances.select.stance_filter`)."""
    src, tgt = _col(stances, "source_code", "source"), _col(stances, "target_code", "target")
    score = _col(stances, "plover_score")
    rows = stance_filter(stances).dropna(subset=[src, tgt, score])
    return rows.groupby([src, tgt])[score].mean()


def check_dyad_tone(stances: pd.DataFrame, answer: Mapping[tuple[str, str], float]) -> Verdict:
    """Exercise 3b: ``{(source code, target code): mean PLOVER score}`` for two (or more) dyads of ``stances``."""
    if _unanswered(answer) or all(_unanswered(v) for v in answer.values()):
        return Verdict(_say(False, "no answer yet: put each dyad's mean in place of None."))
    if len(answer) < 2:
        return Verdict(_say(False, "compare at least two dyads, e.g. one direction and the other."))
    means = dyad_means(stances)
    ok = True
    for key, value in answer.items():
        key = tuple(str(k).upper() for k in key)
        if key not in means.index:
            ok = _say(False, f"{key[0]} -> {key[1]}: no stance with a PLOVER score in the frame. "
                             "Check the codes in the source and target code columns.")
        elif _unanswered(value):
            ok = _say(False, f"{key[0]} -> {key[1]}: no value yet.")
        elif abs(float(value) - float(means[key])) > 0.01:
            ok = _say(False, f"{key[0]} -> {key[1]}: {value} is not the mean. Keep only rows whose source AND "
                             "target match, and leave out rows without a score.")
    if ok:
        _say(True, f"{OK}: the means of {len(answer)} dyads match the table.")
    return Verdict(ok)


def check_more_conflictual(answer: tuple[str, str] | None, stances: pd.DataFrame,
                           dyads: Iterable[tuple[str, str]]) -> Verdict:
    """Exercise 3c: which of ``dyads`` has the lower (more conflictual) mean PLOVER score in ``stances``.

    The expected answer is computed from ``stances`` at check time; the verdict names the records it rests on,
    so the learner sees how few there are.
    """
    if _unanswered(answer):
        return Verdict(_say(False, "no answer yet: give the dyad as (source code, target code)."))
    means = dyad_means(stances)
    dyads = [tuple(str(k).upper() for k in d) for d in dyads]
    missing = [d for d in dyads if d not in means.index]
    if missing:
        return Verdict(_say(False, f"no scored stance for {missing} in the frame: this question cannot be answered "
                                   "on these records."))
    key = tuple(str(k).upper() for k in answer)
    if key not in dyads:
        return Verdict(_say(False, f"{key} is not one of the dyads asked about: {dyads}."))
    lowest = min(means[d] for d in dyads)
    src, tgt = _col(stances, "source_code", "source"), _col(stances, "target_code", "target")
    score = _col(stances, "plover_score")
    n = stance_filter(stances).dropna(subset=[score]).groupby([src, tgt]).size()
    counts = ", ".join(f"{a} -> {b}: {int(n[(a, b)])}" for a, b in dyads)
    if abs(means[key] - lowest) > 1e-9:
        return Verdict(_say(False, f"{key[0]} -> {key[1]} is not the lower mean. Compare the two means of part 2."))
    return Verdict(_say(True, f"{OK}: {key[0]} -> {key[1]} has the lower mean, on few records ({counts} scored "
                              "stances): read them before you believe it."))


# --------------------------------------------------------------------------- exercise 4: fightin' words

_EX04 = exercise_data("ex04_fightin_words")
#: A worked example: word counts in two small collections and the prior strength alpha0.
FW_COUNTS_A: dict[str, int] = dict(_field(_EX04, "counts_a", "data/exercises/ex04_fightin_words.yaml"))
FW_COUNTS_B: dict[str, int] = dict(_field(_EX04, "counts_b", "data/exercises/ex04_fightin_words.yaml"))
FW_ALPHA0 = float(_field(_EX04, "alpha0", "data/exercises/ex04_fightin_words.yaml"))


def _log_odds(counts_a: Mapping[str, int], counts_b: Mapping[str, int], word: str, alpha0: float):
    n_a, n_b = sum(counts_a.values()), sum(counts_b.values())
    y_a, y_b = counts_a.get(word, 0), counts_b.get(word, 0)
    alpha = alpha0 * (y_a + y_b) / (n_a + n_b)
    delta = (math.log((y_a + alpha) / (n_a + alpha0 - y_a - alpha))
             - math.log((y_b + alpha) / (n_b + alpha0 - y_b - alpha)))
    return delta, delta / math.sqrt(1 / (y_a + alpha) + 1 / (y_b + alpha))


def check_log_odds(word: str, delta: float | None, z: float | None) -> Verdict:
    """Exercise 4a: the log-odds ratio ``delta`` (A vs B) and its z-score for ``word`` in the worked example."""
    if _unanswered(delta) or _unanswered(z):
        return Verdict(_say(False, "no answer yet: compute delta and z and put them in place of None."))
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


def check_top_words(answer: Iterable[str] | None, scores: pd.DataFrame | pd.Series, k: int = 5,
                    side: str = "a") -> Verdict:
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
    if _unanswered(answer):
        return Verdict(_say(False, f"no answer yet: list {k} words."))
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
