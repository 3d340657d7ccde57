"""Exercise self-checks: a right answer passes, a wrong one fails with a hint that does not give the answer away."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from rhetoriclab import teaching as t
from rhetoriclab.documents import Corpus, Document, Problem


def _corpus(dates=None, problems=()):
    dates = dates or {a.id: a.date for a in t.EXERCISE_ARTICLES}
    docs = [Document(a.id, a.text, date=dates[a.id]) for a in t.EXERCISE_ARTICLES if a.id in dates]
    return Corpus(docs, problems)


def test_messy_folder_has_the_advertised_mistakes(tmp_path):
    folder = t.write_messy_folder(tmp_path / "messy")
    assert sorted(p.name for p in folder.iterdir()) == ["call.txt", "draft.txt", "geneva.txt", "invasion.txt",
                                                         "manifest.csv", "recognition_final.txt"]
    manifest = pd.read_csv(folder / "manifest.csv")
    assert manifest["id"].duplicated().sum() == 1 and "recognition.txt" in set(manifest["file"])
    assert (folder / "draft.txt").read_text() == ""


def test_messy_folder_loads_with_problems_and_check_fails(tmp_path, capsys):
    loaders = pytest.importorskip("rhetoriclab.loaders")
    corpus = loaders.load_path(t.write_messy_folder(tmp_path / "messy"))
    assert len(corpus.problems) >= 5
    assert not t.check_folder_fixed(corpus)
    assert "problem(s) remain" in capsys.readouterr().out


def test_folder_check_right_and_wrong_answers(capsys):
    assert t.check_folder_fixed(_corpus())
    assert "✔" in capsys.readouterr().out
    assert not t.check_folder_fixed(_corpus(problems=[Problem("draft.txt", None, "empty file")]))
    assert "draft.txt: empty file" in capsys.readouterr().out
    wrong_date = {a.id: a.date for a in t.EXERCISE_ARTICLES} | {"geneva": None}
    assert not t.check_folder_fixed(_corpus(wrong_date))
    out = capsys.readouterr().out
    assert "'geneva' has no date" in out and "2022-01-10" not in out  # hint, not the answer
    missing = {a.id: a.date for a in t.EXERCISE_ARTICLES[:3]}
    assert not t.check_folder_fixed(_corpus(missing))
    assert "article is missing" in capsys.readouterr().out


def test_seed_speakers(capsys):
    assert t.check_seed_speakers(["Antony Blinken", "Mr. Lavrov", "Putin", "Lloyd Austin", "Stoltenberg",
                                  "John Herbst"])
    assert not t.check_seed_speakers(["Blinken", "Lavrov", "Biden"])
    out = capsys.readouterr().out
    assert "Biden is named" in out and "3 of 6" not in out and "2 of 6" in out
    for name in ("Austin", "Putin", "Herbst", "Stoltenberg"):
        assert name not in out  # the hint never names who is missing


def test_gold_attributions_are_verbatim_in_the_seed():
    text = t._norm(t.seed_text())
    assert all(t._norm(c) in text for _, c in t._SEED_ATTRIBUTIONS)


def test_missed_attributions_against_a_partial_extractor(capsys):
    found = pd.DataFrame({"content_text": [c for s, c in t._SEED_ATTRIBUTIONS if s != "Lavrov"]})
    missed = t._missed(found, "seed")
    assert {s for s, _ in missed} == {"Lavrov"} and len(missed) == 5
    right = [c for _, c in missed]
    assert t.check_missed_attributions(right, found, "seed")
    assert not t.check_missed_attributions(right[:3], found, "seed")
    assert "2 missed attribution(s) still to find" in capsys.readouterr().out
    narration = "Mr. Blinken and Russian Foreign Minister Sergey Lavrov met briefly behind closed doors"
    assert not t.check_missed_attributions([*right, narration], found, "seed")
    assert "narration" in capsys.readouterr().out
    assert not t.check_missed_attributions([*right, "Moscow will face"], found, "seed")
    assert "already found" in capsys.readouterr().out
    assert not t.check_missed_attributions([*right, "words nobody wrote"], found, "seed")
    assert "word for word" in capsys.readouterr().out
    everything = [c for _, c in t._SEED_ATTRIBUTIONS]
    assert t.check_missed_attributions([], everything, "seed")


class _Registry:
    """A registry stand-in answering lookups the way ``ActorRegistry.lookup`` does."""

    def __init__(self, table):
        self.table = table

    def lookup(self, text, date=None):
        from types import SimpleNamespace

        from rhetoriclab.records import Actor
        hit = self.table.get(text)
        return SimpleNamespace(actor=Actor(*hit)) if hit else None


def test_registry_extension_check(capsys):
    names = ("Oleksiy Danilov", "Danilov", "Oleksii Danilov")
    assert t.check_registry_extension(_Registry({n: ("UKR", None, "GOV") for n in names}))
    assert not t.check_registry_extension(_Registry({n: ("UKR", None, "MIL") for n in names}))
    assert "sector MIL" in capsys.readouterr().out
    assert not t.check_registry_extension(_Registry({"Danilov": ("UKR", None, "GOV")}))
    assert "does not know 'Oleksiy Danilov'" in capsys.readouterr().out


def test_stance_sentences_are_listed_without_labels():
    assert t.stance_sentences()[2] == "Mr. Blinken pushed Moscow to abide by the Minsk agreements."
    assert not any("DEMAND" in s for s in t.stance_sentences())


def test_stance_codes(capsys):
    right = {i: accept[0] for i, (_, accept) in enumerate(t._STANCE_GOLD, start=1)}
    assert t.check_stance_codes(right)
    # the older (2018 draft) names of the same types are accepted too
    assert t.check_stance_codes(right | {3: "DEMAND", 6: "DISAPPROVE"})
    assert not t.check_stance_codes(None) and not t.check_stance_codes({i: "" for i in right})
    wrong = right | {2: "REQUEST", 5: "ACCUSE", 7: "HUG"}
    del wrong[8]
    assert not t.check_stance_codes(wrong)
    out = capsys.readouterr().out
    assert "sentence 2: not REQUEST; right quad class" in out
    assert "sentence 5: not ACCUSE; look again: this is material conflict" in out
    assert "'HUG' is not a PLOVER event type" in out and "sentence 8: no answer yet" in out
    assert "SANCTION" not in out and "THREATEN" not in out


STANCES = pd.DataFrame({
    "source_code": ["USA", "USA", "USA", "RUS", "RUS"],
    "target_code": ["RUS", "RUS", "UKR", "IGO", "IGO"],
    "plover_score": [-4.4, -5.0, 3.5, -4.0, math.nan],
})


def test_dyad_tone(capsys):
    assert t.check_dyad_tone(STANCES, {("USA", "RUS"): -4.7, ("rus", "igo"): -4.0})
    assert not t.check_dyad_tone(STANCES, {("USA", "RUS"): -1.97, ("RUS", "IGO"): -2.0})
    out = capsys.readouterr().out
    assert out.count("is not the mean") == 2 and "-4.7" not in out
    assert not t.check_dyad_tone(STANCES, {("UKR", "RUS"): 1.0, ("USA", "RUS"): -4.7})
    assert "no stance with a PLOVER score" in capsys.readouterr().out
    assert not t.check_dyad_tone(STANCES, {("USA", "RUS"): -4.7})
    assert not t.check_dyad_tone(STANCES, {("USA", "RUS"): None, ("RUS", "IGO"): None})
    assert "no answer yet" in capsys.readouterr().out


def test_more_conflictual_is_decided_by_the_frame(capsys):
    dyads = [("USA", "RUS"), ("RUS", "IGO")]
    assert t.check_more_conflictual(("USA", "RUS"), STANCES, dyads)  # -4.7 < -4.0
    assert "USA -> RUS: 2, RUS -> IGO: 1" in capsys.readouterr().out
    assert not t.check_more_conflictual(("RUS", "IGO"), STANCES, dyads)
    flipped = STANCES.assign(plover_score=[-1.0, -1.0, 3.5, -4.0, math.nan])
    assert t.check_more_conflictual(("RUS", "IGO"), flipped, dyads)
    assert not t.check_more_conflictual(None, STANCES, dyads)
    assert not t.check_more_conflictual(("UKR", "RUS"), STANCES, dyads)


def test_log_odds_worked_example(capsys):
    # By hand for "war": n_a = 40, n_b = 36, alpha_w = 10 * 17 / 76 = 2.2368...
    a = 10 * 17 / 76
    delta = math.log((2 + a) / (40 + 10 - 2 - a)) - math.log((15 + a) / (36 + 10 - 15 - a))
    z = delta / math.sqrt(1 / (2 + a) + 1 / (15 + a))
    assert round(delta, 4) == -1.8676 and round(z, 3) == -3.444
    assert t.check_log_odds("war", delta, z)
    assert not t.check_log_odds("war", -delta, -z)
    assert "wrong sign" in capsys.readouterr().out
    assert not t.check_log_odds("war", delta, delta)
    assert "delta is right; z is not" in capsys.readouterr().out
    assert not t.check_log_odds("war", None, None)
    assert "no answer yet" in capsys.readouterr().out
    assert not t.check_log_odds("war", 0.5, z)
    out = capsys.readouterr().out
    assert "delta is off" in out and f"{delta:.3f}" not in out


def test_top_words(capsys):
    z = pd.Series({"operation": 4.0, "nazi": 3.0, "security": 1.0, "people": -0.5, "peace": -1.2, "war": -3.4})
    assert t.check_top_words(["operation", "nazi"], z, k=2)
    assert t.check_top_words(["war", "peace"], z, k=2, side="b")
    frame = pd.DataFrame({"word": z.index, "z": z.values, "count": [1, 2, 30, 40, 50, 60]})
    assert t.check_top_words(["operation", "nazi"], frame, k=2)
    assert not t.check_top_words(["operation", "war"], z, k=2)
    assert "other group" in capsys.readouterr().out
    assert not t.check_top_words(["operation", "security"], z, k=2)
    assert "sort by z" in capsys.readouterr().out
    assert not t.check_top_words(["operation"], z, k=2)
    assert "exactly 2" in capsys.readouterr().out
    assert not t.check_top_words(None, z, k=2)


def test_practice_article_gold_and_check(capsys):
    text = t._norm(t.PRACTICE_TEXT)
    assert all(t._norm(c) in text for _, c in t._PRACTICE_ATTRIBUTIONS)
    doc = t.practice_article()
    assert doc.date == date(2022, 2, 12) and doc.text == t.PRACTICE_TEXT
    found = ["there is no reason to panic", "We are not going anywhere"]
    missed = [c for _, c in t._missed(found, "practice")]
    assert len(missed) == 4
    assert t.check_missed_attributions(missed, found)
    assert not t.check_missed_attributions(missed[:1], found)
    assert "3 missed attribution(s) still to find" in capsys.readouterr().out
    assert not t.check_missed_attributions(["declined to comment"], found)
    assert "narration" in capsys.readouterr().out
    with pytest.raises(ValueError, match="unknown article"):
        t.check_missed_attributions([], found, "other")
    assert not t.check_missed_attributions(None, found)
    assert "no answer yet" in capsys.readouterr().out
    assert t.check_missed_attributions([], [c for _, c in t._PRACTICE_ATTRIBUTIONS])  # nothing missed: [] is right


def test_speaker_rows_are_judged_against_the_gold_reading(capsys):
    found = pd.DataFrame({
        "content": ["there is no reason to panic", "the Western warnings amount to \"hysteria.\"",
                    "We are not going anywhere", "declined to comment", "Nothing of the kind is planned"],
        "source": ["Ukraine's foreign minister", "Zelenskyy's office", None, "A spokesman", "Vladimir Chizhov"]})
    assert t._practice_speaker_rows(found) == ({0, 1, 2, 4}, {1, 2})
    assert t.check_speaker_rows([1, 2], found)
    assert not t.check_speaker_rows(None, found) and not t.check_speaker_rows([], found)
    assert "2 row(s) with a missing or wrong speaker still to find" in capsys.readouterr().out
    assert not t.check_speaker_rows([1, 2, 3], found)
    assert "report none of the article's statements" in capsys.readouterr().out
    assert not t.check_speaker_rows([1, 2, 4], found)
    assert "does name the speaker" in capsys.readouterr().out


def test_seed_speakers_unanswered(capsys):
    assert not t.check_seed_speakers(None) and not t.check_seed_speakers([])
    assert "no answer yet" in capsys.readouterr().out


def test_exercise_data_errors_are_located():
    with pytest.raises(t.ExerciseDataError, match="data/exercises/nothing.yaml"):
        t.exercise_data("nothing")
    with pytest.raises(t.ExerciseDataError, match="missing field 'text'"):
        t._field({}, "text", "data/exercises/x.yaml: articles[0]")
