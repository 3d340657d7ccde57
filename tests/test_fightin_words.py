"""Fightin' Words (Monroe, Colaresi & Quinn 2008) against examples worked out from the formula by hand."""

import math
from collections import Counter

import pandas as pd
import pytest

from rhetoriclab.fightin_words import fightin_words, log_odds, term_counts, top_terms


def _by_term(scores: pd.DataFrame) -> dict[str, pd.Series]:
    return {row["term"]: row for _, row in scores.iterrows()}


def test_worked_example_war_and_peace():
    # Group a says "war" 3 times and "peace" once; group b the reverse. n_a = n_b = 4.
    # Pooled prior: alpha_war = 3 + 1 = 4, alpha_peace = 1 + 3 = 4, alpha0 = 8.
    # delta_war = log((3 + 4) / (4 + 8 - 3 - 4)) - log((1 + 4) / (4 + 8 - 1 - 4))
    #           = log(7 / 5) - log(5 / 7) = log(49 / 25) = log(1.96) = 0.672944...
    # var_war   = 1 / (3 + 4) + 1 / (1 + 4) = 1/7 + 1/5 = 12/35 = 0.342857...
    # z_war     = 0.672944 / sqrt(12/35) = 1.149271...
    scores = _by_term(log_odds({"war": 3, "peace": 1}, {"war": 1, "peace": 3}))
    war, peace = scores["war"], scores["peace"]
    assert round(war["delta"], 5) == 0.67294
    assert war["delta"] == pytest.approx(math.log(1.96), abs=1e-12)
    assert war["var"] == pytest.approx(12 / 35, abs=1e-12)
    assert war["z"] == pytest.approx(math.log(1.96) / math.sqrt(12 / 35), abs=1e-12)
    assert round(war["z"], 4) == 1.1493
    # peace is the mirror image: same variance, opposite delta
    assert peace["delta"] == pytest.approx(-math.log(1.96))
    assert (war["count_a"], war["count_b"]) == (3, 1)


def test_prior_rescaled_to_alpha0():
    # a: operation 14, war 2 (n_a = 16); b: operation 1, war 15 (n_b = 16). Pooled counts 15 and 17 (32 in all),
    # rescaled to alpha0 = 8: alpha_operation = 8 * 15 / 32 = 3.75, alpha_war = 8 * 17 / 32 = 4.25.
    # delta_operation = log((14 + 3.75) / (16 + 8 - 14 - 3.75)) - log((1 + 3.75) / (16 + 8 - 1 - 3.75))
    #                 = log(17.75 / 6.25) - log(4.75 / 19.25)
    # var_operation   = 1 / 17.75 + 1 / 4.75
    scores = _by_term(log_odds({"operation": 14, "war": 2}, {"operation": 1, "war": 15}, alpha0=8))
    delta = math.log(17.75 / 6.25) - math.log(4.75 / 19.25)
    var = 1 / 17.75 + 1 / 4.75
    assert scores["operation"]["delta"] == pytest.approx(delta, abs=1e-12)
    assert scores["operation"]["var"] == pytest.approx(var, abs=1e-12)
    assert scores["operation"]["z"] == pytest.approx(delta / math.sqrt(var), abs=1e-12)


def test_explicit_prior_and_invalid_prior():
    # prior 1 pseudo-count per word (alpha0 = 2): delta_war = log(4 / (4 + 2 - 3 - 1)) - log(2 / (4 + 2 - 1 - 1))
    #                                                     = log(2) - log(0.5) = log(4)
    scores = _by_term(log_odds({"war": 3, "peace": 1}, {"war": 1, "peace": 3}, prior={"war": 1, "peace": 1}))
    assert scores["war"]["delta"] == pytest.approx(math.log(4))
    with pytest.raises(ValueError, match="no positive pseudo-count for 1 term.*'peace'"):
        log_odds({"war": 3, "peace": 1}, {"war": 1, "peace": 3}, prior={"war": 1})


def test_swapping_the_groups_flips_the_sign():
    a = Counter({"operation": 14, "war": 2, "security": 9, "nazi": 5, "peace": 4})
    b = Counter({"operation": 1, "war": 15, "security": 5, "peace": 7, "people": 8})
    ab = log_odds(a, b, alpha0=10).set_index("term").sort_index()
    ba = log_odds(b, a, alpha0=10).set_index("term").sort_index()
    assert ab["delta"].to_numpy() == pytest.approx(-ba["delta"].to_numpy())
    assert ab["z"].to_numpy() == pytest.approx(-ba["z"].to_numpy())
    assert ab["var"].to_numpy() == pytest.approx(ba["var"].to_numpy())
    # sorted by z, most typical of group a first
    ordered = log_odds(a, b, alpha0=10)
    assert ordered["z"].is_monotonic_decreasing
    assert ordered["term"].iloc[0] == "operation" and ordered["term"].iloc[-1] == "war"


def test_min_count_drops_rare_terms_from_the_output_only():
    a = {"war": 3, "peace": 1, "grain": 1}
    b = {"war": 1, "peace": 3}
    every = log_odds(a, b).set_index("term")
    kept = log_odds(a, b, min_count=2).set_index("term")
    assert sorted(kept.index) == ["peace", "war"]  # grain: 1 + 0 < 2
    # n_a still counts the dropped term, so the kept scores are those of the full run
    assert kept.loc["war", "delta"] == pytest.approx(every.loc["war", "delta"])
    # a term counted 0 times in both groups (as a Counter can hold) is left out rather than breaking the prior
    with_zero = log_odds(Counter({"war": 3, "peace": 1, "truce": 0}), Counter({"war": 1, "peace": 3}))
    assert with_zero["term"].tolist() == ["war", "peace"]


def test_term_counts_skip_stop_words_and_keep_apostrophes():
    text = "The war in Ukraine is a war of aggression, Russia\u2019s war."
    unigrams = term_counts([text])
    assert unigrams == Counter({"war": 3, "ukraine": 1, "aggression": 1, "russia's": 1})
    bigrams = term_counts([text], ngrams=2)
    # "in", "is", "a", "of" are stop words and "aggression, russia's" crosses a comma:
    # the only bigram left is "russia's war"
    assert {t: n for t, n in bigrams.items() if " " in t} == {"russia's war": 1}
    assert "donbas russia" not in term_counts(["Troops massed near Donbas. Russia denied it."], ngrams=2)
    assert term_counts(["Q: Mr. Lavrov said so."]) == Counter({"lavrov": 1})  # transcript boilerplate removed


def test_fightin_words_on_texts_and_top_terms():
    kremlin = ["The special military operation protects Donbas.", "The operation goes to plan in Donbas."]
    kyiv = ["The war will end with victory.", "Russia started this war of aggression. The war goes on."]
    scores = fightin_words(kremlin, kyiv, min_count=2)
    # counts: operation 2/0, donbas 2/0, war 0/3, goes 1/1; min_count 2 drops the words used once
    assert set(scores["term"]) == {"operation", "donbas", "war", "goes"}
    top = top_terms(scores, n=1, labels=("Kremlin", "Kyiv"))
    assert top[["side", "term"]].values.tolist() == [["Kremlin", "donbas"], ["Kyiv", "war"]]
