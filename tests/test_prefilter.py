"""Pre-filtering paragraphs by actor mentions: blanked, never moved."""

from pathlib import Path

import pandas as pd
import pytest

from rhetoriclab.loaders import load_path
from rhetoriclab.prefilter import (
    CASE_STUDY_ALIASES,
    FilterStats,
    actor_pattern,
    alias_pattern,
    filter_summary,
    mask_paragraphs,
)
from rhetoriclab.textclean import paragraph_spans

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
# paragraph lengths: 19, 21, 19 and 12 characters, separated by blank lines
TEXT = "Russia warned Kyiv.\n\nThe weather was fine.\n\nThe U.S. responded.\n\nLet us talk."


def test_mask_keeps_length_and_exactly_the_matching_paragraphs():
    masked, stats = mask_paragraphs(TEXT, alias_pattern(CASE_STUDY_ALIASES, ["RUS", "USA"]))
    assert len(masked) == len(TEXT)
    assert masked == "Russia warned Kyiv.\n\n" + " " * 21 + "\n\nThe U.S. responded.\n\n" + " " * 12
    # "us" in "Let us talk" is not the US: aliases are case-sensitive and whole-word
    # kept: 19 + 19 = 38 of 19 + 21 + 19 + 12 = 71 characters
    assert stats == FilterStats(paragraphs=4, paragraphs_kept=2, chars=71, chars_kept=38)


def test_mask_with_one_actor_and_without_a_pattern():
    masked, stats = mask_paragraphs(TEXT, alias_pattern(CASE_STUDY_ALIASES, ["UKR"]))
    assert masked.startswith("Russia warned Kyiv.\n\n ") and masked.strip() == "Russia warned Kyiv."
    assert (stats.paragraphs_kept, stats.chars_kept) == (1, 19)
    same, stats = mask_paragraphs(TEXT, None)
    assert same == TEXT and stats == FilterStats(4, 4, 71, 71)


def test_mask_on_the_seed_article_keeps_offsets_and_paragraphs_naming_ukraine():
    doc = load_path(SEEDS)[0]
    text = doc.clean.text
    pattern = actor_pattern(["UKR"])
    masked, stats = mask_paragraphs(text, pattern)
    assert len(masked) == len(text)
    kept = dropped = 0
    for s, e in paragraph_spans(text):
        if masked[s:e] == text[s:e]:
            kept += 1
            assert pattern.search(text[s:e])
        else:
            dropped += 1
            assert masked[s:e].strip() == "" and not pattern.search(text[s:e])
    assert (stats.paragraphs, stats.paragraphs_kept) == (kept + dropped, kept)
    assert stats.chars_kept < stats.chars
    # the defence secretary's paragraph names no Ukrainian actor; the opening one names Ukraine
    i = text.index("Speaking in South Korea")
    assert masked[i:i + 8].strip() == ""
    assert masked.startswith('Moscow will face "serious consequences" if it invades Ukraine')
    # every newline stays where it was, so paragraph and line structure is unchanged
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


def test_actor_pattern_from_the_registry_and_unknown_codes():
    pattern = actor_pattern(["UKR"])
    assert pattern.search("talks in Kyiv") and not pattern.search("talks in Moscow")
    with pytest.raises(ValueError, match="no actor with code.s. XXX in the actor registry"):
        actor_pattern(["UKR", "XXX"])  # one unknown code among known ones is an error too, not ignored
    with pytest.raises(ValueError, match="no actor with code.s. XXX in RUS, UKR"):
        alias_pattern(CASE_STUDY_ALIASES, ["XXX"])
    with pytest.raises(ValueError, match="no aliases"):
        alias_pattern(CASE_STUDY_ALIASES, [])


def test_filter_summary_per_corpus_and_overall():
    docs = pd.DataFrame({"corpus": ["kremlin", "kremlin", "whitehouse"], "paragraphs": [6, 4, 5],
                         "paragraphs_kept": [3, 1, 5], "chars": [600, 400, 200], "chars_kept": [200, 100, 200]})
    out = filter_summary(docs).set_index("corpus")
    # kremlin: 4 of 10 paragraphs, 300 of 1000 characters; whitehouse: all; all: 9 of 15 = 0.6, 500 of 1200 = 0.417
    assert out.loc["kremlin", ["paragraphs", "paragraphs_kept"]].tolist() == [10, 4]
    assert out.loc["kremlin", ["share_paragraphs_kept", "share_chars_kept"]].tolist() == [0.4, 0.3]
    assert out.loc["whitehouse", ["share_paragraphs_kept", "share_chars_kept"]].tolist() == [1.0, 1.0]
    assert out.loc["all", ["paragraphs", "chars_kept", "share_paragraphs_kept", "share_chars_kept"]].tolist() == [
        15, 500, 0.6, 0.417]


def test_sentence_unit_keeps_only_the_sentences_that_name_an_actor():
    """UN speeches often have no blank lines: a paragraph filter would keep everything, a sentence filter does not."""
    import re

    from rhetoriclab.prefilter import mask_paragraphs, sentence_spans

    text = ('We condemn the aggression against Ukraine. Climate change is real.\nOur region "needs peace." '
            "The Russian Federation must withdraw!\n\nAnother paragraph. Nothing here.")
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "We condemn the aggression against Ukraine.", "Climate change is real.", 'Our region "needs peace."',
        "The Russian Federation must withdraw!", "Another paragraph.", "Nothing here."]
    masked, stats = mask_paragraphs(text, re.compile(r"Ukraine|Russian"), unit="sentence")
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")  # offsets and lines kept
    kept = "We condemn the aggression against Ukraine. The Russian Federation must withdraw!"
    assert " ".join(masked.split()) == kept
    assert (stats.paragraphs, stats.paragraphs_kept) == (6, 2)  # counted in sentences
    whole, _ = mask_paragraphs(text, re.compile(r"Ukraine|Russian"))
    assert "Climate change" in whole  # the paragraph unit keeps the whole first paragraph
    with pytest.raises(ValueError, match="unknown pre-filter unit"):
        mask_paragraphs(text, re.compile("x"), unit="page")
