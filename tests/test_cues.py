"""The cue lexicon: loading, lookups, stance hints and errors for malformed files."""

from pathlib import Path

import pytest

from rhetoriclab.attribution.cues import CueLexiconError, load_cues, parse_cues


def test_default_lexicon_is_cached_and_large_enough_for_news():
    cues = load_cues()
    assert cues is load_cues()
    assert len(cues) > 1000
    assert len(cues.verbs) > 400


@pytest.mark.parametrize(
    ("lemma", "stance", "plover"),
    [
        ("say", "neutral", None),
        ("tell", "neutral", None),
        ("warn", "warning", "THREATEN"),
        ("threaten", "threat", "THREATEN"),
        ("urge", "appeal", "DEMAND"),
        ("call on", "appeal", "DEMAND"),
        ("deny", "reject", "REJECT"),
        ("reject", "reject", "REJECT"),
        ("praise", "support", "SUPPORT"),
        ("criticize", "disapprove", "DISAPPROVE"),
        ("condemn", "disapprove", "DISAPPROVE"),
        ("propose", "offer", "AGREE"),
        ("according to", "neutral", None),
        ("point out", "neutral", None),
    ],
)
def test_stance_hints(lemma, stance, plover):
    cues = load_cues()
    assert cues.is_cue(lemma)
    assert cues.stance(lemma) == stance
    assert cues.plover(lemma) == plover


def test_lookups_normalise_case_and_spaces_and_reject_non_cues():
    cues = load_cues()
    assert cues.is_cue("SAY")
    assert cues.is_cue("  According   TO ")
    assert not cues.is_cue("banana")
    assert cues.stance("banana") is None
    assert cues.plover("banana") is None


def test_kind_specific_lookup():
    cues = load_cues()
    assert cues.stance("claim", "noun") == "assert"
    assert cues.stance("call for", "multiword") == "appeal"
    assert cues.stance("say", "noun") is None
    assert "say" in cues.verbs and "statement" in cues.nouns and "according to" in cues.multiwords


def test_frame_has_one_row_per_cue_and_every_stance_is_declared():
    cues = load_cues()
    df = cues.frame()
    assert list(df.columns) == ["lemma", "kind", "stance", "plover"]
    assert len(df) == len(cues)
    assert not df.duplicated(["lemma", "kind"]).any()
    assert set(df["stance"]) <= set(cues.stances)
    assert set(df["kind"]) == {"verb", "noun", "multiword"}
    row = df[(df.lemma == "warn") & (df.kind == "verb")].iloc[0]
    assert (row.stance, row.plover) == ("warning", "THREATEN")


def test_load_from_path(tmp_path: Path):
    path = tmp_path / "mini.yaml"
    path.write_text(
        "stances:\n  neutral: {plover: null}\n  reject: {plover: REJECT}\n"
        "cues:\n  neutral:\n    verb: [say]\n  reject:\n    verb: [deny]\n    multiword: [brush off]\n",
        encoding="utf-8",
    )
    cues = load_cues(path)
    assert len(cues) == 3
    assert cues.stance("deny") == "reject" and cues.stance("brush off") == "reject"
    assert not cues.is_cue("warn")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected a mapping"),
        ({"stances": {"neutral": {"plover": None}}}, "expected a mapping"),
        ({"stances": {"neutral": "x"}, "cues": {}}, "stance 'neutral' needs a mapping"),
        ({"stances": {"neutral": {"plover": None}}, "cues": {"angry": {"verb": ["fume"]}}}, "unknown stance 'angry'"),
        ({"stances": {"neutral": {"plover": None}}, "cues": {"neutral": {"adverb": ["x"]}}}, "unknown kind"),
        ({"stances": {"neutral": {"plover": None}}, "cues": {"neutral": {"verb": "say"}}}, "must be a list"),
        ({"stances": {"neutral": {"plover": None}}, "cues": {"neutral": {"verb": [3]}}}, "bad entry 3"),
        ({"stances": {"neutral": {"plover": None}}, "cues": {"neutral": {"verb": ["point out"]}}}, "several words"),
        ({"stances": {"neutral": {"plover": None}}, "cues": {"neutral": {"multiword": ["say"]}}}, "one word"),
        (
            {"stances": {"neutral": {"plover": None}, "reject": {"plover": "REJECT"}},
             "cues": {"neutral": {"verb": ["deny"]}, "reject": {"verb": ["deny"]}}},
            "'deny' is listed under both 'neutral' and 'reject'",
        ),
    ],
)
def test_malformed_lexicon_is_reported_with_what_and_where(data, message):
    with pytest.raises(CueLexiconError, match=message) as info:
        parse_cues(data, "my_cues.yaml")
    assert "my_cues.yaml" in str(info.value)


def test_invalid_yaml_file_names_the_file(tmp_path: Path):
    path = tmp_path / "broken.yaml"
    path.write_text("stances: [unclosed\n", encoding="utf-8")
    with pytest.raises(CueLexiconError, match="broken.yaml: not valid YAML"):
        load_cues(path)
