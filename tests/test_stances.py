"""Stance coding on the seed article (hand-written gold), on negation and conditionals, and on malformed input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from rhetoriclab.documents import Document
from rhetoriclab.loaders import load_paths
from rhetoriclab.stances import (
    PLOVER_EVENTS,
    code_stances,
    load_event_lexicon,
    plover_score,
    records_frame,
    score_frame,
    stance_records,
    stances_frame,
)
from rhetoriclab.stances.lexicon import LexiconError, load_modifier_lexicon

ROOT = Path(__file__).resolve().parents[1]
_SEED_GOLD = yaml.safe_load((ROOT / "tests" / "gold" / "seed_stances.yaml").read_text(encoding="utf-8"))
GOLD, ABSENT = _SEED_GOLD["stances"], _SEED_GOLD["absent"]
needs_plover_manual = pytest.mark.skipif(not plover_score("ASSAULT"), reason="the PLOVER manual (scores) is not "
                                         "available: set RHETORICLAB_DATA_MIRROR to ../shared/data")


@pytest.fixture(scope="module")
def seed():
    corpus = load_paths([ROOT / "seeds"])
    (document,) = list(corpus)
    return document, stance_records(document, code_stances(document))


def _code(actor: dict | None) -> str | None:
    if not actor:
        return None
    return "IGO" if actor.get("org") else actor.get("code")


def _sentence_records(document: Document, records: list[dict], opening: str) -> list[dict]:
    """Stances of the sentence that holds ``opening`` (record offsets are offsets into the file)."""
    at = document.text.find(opening)
    assert at >= 0, f"gold sentence {opening!r} is not in the seed article"
    at += document.offset
    return [r for r in records if r["sentence_start"] <= at < r["sentence_end"]]


def _matches(r: dict, gold: dict) -> bool:
    checks = [r["event"] == gold["event"]]
    for side in ("source", "target", "reported_by"):
        if side in gold:
            checks.append(_code(r[side]) == gold[side])
    for key in ("mode", "negated", "conditional", "hypothetical", "voice"):
        if key in gold:
            checks.append(r[key] == gold[key])
    checks.append(r["hedging"] >= gold.get("min_hedging", 0))
    checks.append(r["boosting"] >= gold.get("min_boosting", 0))
    return all(checks)


@pytest.mark.parametrize("gold", [pytest.param(g, marks=pytest.mark.xfail(reason=g["known_miss"], strict=True))
                                  if g.get("known_miss") else g for g in GOLD],
                         ids=[f"{g['sentence'][:24]}-{g['event']}" for g in GOLD])
def test_seed_gold_stance(seed, gold):
    document, records = seed
    found = _sentence_records(document, records, gold["sentence"])
    assert any(_matches(r, gold) for r in found), f"no match for {gold} among " + json.dumps(
        [{k: r[k] for k in ("event", "mode", "source", "target", "reported_by", "voice", "negated", "hypothetical",
                            "conditional")} for r in found])


@pytest.mark.parametrize("gold", ABSENT, ids=[f"{g['sentence'][:24]}-no-{g['event']}" for g in ABSENT])
def test_seed_gold_absence(seed, gold):
    """Records an earlier version yielded and a reader rejected: the coder must not yield them."""
    document, records = seed
    found = _sentence_records(document, records, gold["sentence"])
    wrong = [r for r in found if _matches(r, gold)]
    assert not wrong, f"{gold} should not be coded, got " + json.dumps(
        [{k: r[k] for k in ("event", "source", "target", "cue")} for r in wrong])


def test_seed_main_stance_comes_first(seed):
    """The article's lede: Blinken's conditional threat is the first stance of the first body sentence."""
    document, records = seed
    (first, *_) = _sentence_records(document, records, "Moscow will face")
    assert (first["event"], first["conditional"], _code(first["source"]), _code(first["target"])) == \
        ("THREATEN", True, "USA", "RUS")
    assert (first["voice"], _code(first["reported_by"])) == ("own", "USA")
    assert first["source"]["text"] == "Secretary of State Antony Blinken"
    file_text = (ROOT / "seeds" / "000_81f63b873fa01d15.txt").read_text(encoding="utf-8")
    assert file_text[first["cue_start"]:first["cue_end"]] == "consequences"
    assert "if" in first["evidence"]


def test_seed_records_carry_the_issue_fields(seed):
    _, records = seed
    need = {"doc", "event", "mode", "source", "target", "reported_by", "voice", "negated", "hypothetical", "intent",
            "conditional", "confidence", "plover_score", "polarity", "subjectivity"}
    for r in records:
        assert need <= set(r)
        assert r["event"] in PLOVER_EVENTS and r["voice"] in ("own", "reported")
        assert -1 <= r["polarity"] <= 1 and 0 <= r["subjectivity"] <= 1 and 0 < r["confidence"] < 1
        assert r["plover_score"] is None or -10 <= r["plover_score"] <= 10


def test_seed_frame_is_tidy(seed):
    document, records = seed
    df = records_frame(records)
    assert len(df) == len(records)
    assert {"source_code", "target_code", "reported_by_code", "voice", "quad", "plover_score", "confidence",
            "hedging", "boosting", "evidence"} <= set(df.columns)
    assert set(df["quad"]) <= {"verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict"}
    assert (df["date"] == "2021-12-02").all()


def _code_text(text: str) -> list[dict]:
    document = Document(id="t", text=text)
    return stance_records(document, code_stances(document))


@pytest.mark.parametrize("text, event, negated, evidence", [
    # a conflictual act or threat that is denied keeps its type and is flagged negated
    ("Russia does not want any conflict with Ukraine.", "THREATEN", True, "not"),
    ("The United States will not send troops to Ukraine.", "THREATEN", True, "not"),
    # a cooperative act that is refused is a rejection (coded once: not a negated SUPPORT)
    ("Germany does not support sanctions against Russia.", "REJECT", False, "not support"),
    ("Kyiv will never recognise the annexation of Crimea.", "REJECT", False, "never"),
    ("Germany supports Ukraine.", "SUPPORT", False, "supports"),
    # negation on a governing noun or verb ("no intention of", "do not want")
    ("We have no intention of fighting Russia, the minister said.", "ASSAULT", True, "no"),
    ("Moscow does not want a war with NATO.", "THREATEN", True, "not"),
])
def test_negation(text, event, negated, evidence):
    (first, *_) = _code_text(text)
    assert (first["event"], first["negated"]) == (event, negated)
    assert evidence in first["evidence"]


@pytest.mark.parametrize("text, source, target", [
    ("If Russia invades Ukraine, the United States will impose severe sanctions.", "USA", "RUS"),
    ("Unless Moscow withdraws its troops, the European Union will impose new sanctions on Russia.", "IGO", "RUS"),
])
def test_conditional_sanction_becomes_threat(text, source, target):
    (first, *_) = _code_text(text)
    # a conditional sanction is a threat (PLOVER); the condition is its own flag and the evidence shows it; the
    # threat itself is made, so it is not hypothetical
    assert (first["event"], first["conditional"], first["hypothetical"]) == ("THREATEN", True, False)
    assert {"if", "unless"} & set(first["evidence"])
    assert (_code(first["source"]), _code(first["target"])) == (source, target)


def test_unconditional_sanction_is_a_sanction():
    (first, *_) = _code_text("The European Union imposed new sanctions on Russia.")
    assert (first["event"], first["conditional"], _code(first["source"]), _code(first["target"])) == \
        ("SANCTION", False, "IGO", "RUS")


def test_passive_agent_is_the_source():
    (first, *_) = _code_text("A refugee camp in Ukraine was attacked by Russian forces on Monday.")
    assert first["event"] == "ASSAULT"
    assert (_code(first["source"]), _code(first["target"])) == ("RUS", "UKR")  # the camp "in Ukraine" is attacked
    assert first["source"]["sector"] == "MIL"


def test_obligation_on_another_actor_is_a_request():
    (first, *_) = _code_text("Russia said on Tuesday that Ukraine must implement the Minsk agreements.")
    assert (first["event"], _code(first["source"]), _code(first["target"])) == ("REQUEST", "RUS", "UKR")


def test_sentence_without_cues_gives_no_stance():
    assert _code_text("The weather in Stockholm was cold on Thursday.") == []


@needs_plover_manual
def test_plover_scores_come_from_the_manual():
    assert plover_score("AID") == 10.0 and plover_score("ASSAULT") == -9.0
    assert plover_score("CONSULT", "visit") == 4.0 and plover_score("CONSULT", "no-such-mode") == 2.5
    assert plover_score("ACCUSE") == -3.0  # the table's "ACCUSE 3", read as a sign slip (documented)
    assert plover_score("DEMAND") == plover_score("REQUEST") == 0.0  # the older type maps to REQUEST
    frame = score_frame()
    assert set(frame["event"]) == set(PLOVER_EVENTS) and frame["score"].between(-10, 10).all()


@needs_plover_manual
def test_every_dictionary_mode_is_a_mode_of_the_manual():
    lexicon, scores = load_event_lexicon(), score_frame()
    table = {(e, m) for e, m in zip(scores["event"], scores["mode"], strict=True)}
    for event, spec in lexicon.types.items():
        assert {(event, m) for m in spec.modes} <= table, event


def test_every_plover_type_has_cues():
    cues = load_event_lexicon().frame()
    assert set(cues["event"]) == set(PLOVER_EVENTS)
    assert cues.groupby("event").size().min() >= 3
    assert len(PLOVER_EVENTS) == 16


# -- malformed input ---------------------------------------------------------------------------------------
def test_empty_document_codes_to_nothing():
    assert _code_text("") == []
    assert _code_text("   \n\n  ") == []


def test_unbalanced_quotation_marks_do_not_stop_coding():
    records = _code_text('"We will impose sanctions on Russia if it invades, the minister said. Ukraine welcomed it.')
    assert records and all(r["event"] in PLOVER_EVENTS for r in records)


def test_bad_event_dictionary_names_file_and_entry(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text("types:\n  THREATEN:\n    quad: verbal-conflict\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"events.yaml: no entries for event type\(s\) \['AGREE'"):
        load_event_lexicon(path)
    path.write_text("types: [", encoding="utf-8")
    with pytest.raises(LexiconError, match="events.yaml: not valid YAML"):
        load_event_lexicon(path)


def test_bad_modifier_list_is_reported(tmp_path):
    path = tmp_path / "mods.yaml"
    path.write_text("negation: not\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="missing list"):
        load_modifier_lexicon(path)


def test_stances_frame_reports_a_failing_document():
    class Broken:
        def code(self, document, doc, attributions):
            raise RuntimeError("boom")

    df = stances_frame([Document(id="a", text="Russia threatened Ukraine.")], coder=Broken())
    assert df.empty
    assert df.attrs["problems"] == ["a: RuntimeError: boom"]


# -- command line ------------------------------------------------------------------------------------------
def test_cli_jsonl_records_use_the_record_id(tmp_path, capsys):
    from rhetoriclab.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "r1", "text": "Germany supports Ukraine."}) + "\n"
                   + json.dumps({"id": "r2", "text": "The EU imposed sanctions on Russia."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["stances", str(src), "--jsonl", "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["doc"], r["event"]) for r in rows] == [("r1", "SUPPORT"), ("r2", "SANCTION")]
    assert rows[0]["source"] == {"text": "Germany", "code": "DEU", "org": None, "sector": "GOV", "start": 0, "end": 7}
    assert "2 stances in 2 of 2 documents" in capsys.readouterr().err


def test_cli_reports_a_malformed_line_and_goes_on(tmp_path, capsys):
    from rhetoriclab.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "ok", "text": "Germany supports Ukraine."}\n{"id": "bad", "text": \n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    main(["stances", str(src), "--jsonl", "-o", str(out)])
    err = capsys.readouterr().err
    assert "in.jsonl" in err and ":2" in err  # file and line of the bad record
    assert [json.loads(x)["doc"] for x in out.read_text(encoding="utf-8").splitlines()] == ["ok"]


def test_cli_without_input_is_an_error(capsys):
    from rhetoriclab.cli import main

    assert main(["stances"]) != 0
    assert "PATH" in capsys.readouterr().err


def test_speech_speaks_for_its_issuer():
    """In a speech, "we" outside quotations is the speaking state (UN General Debate files name it by ISO code);
    a war the speech reports is not the speaker's act."""
    speech = Document(id="ungd-POL-2022", kind="speech", issuer="POL",
                      text="We stand with Ukraine. The war has caused immense suffering.")
    records = stance_records(speech, code_stances(speech))
    support, war = records
    assert (support["event"], _code(support["source"]), _code(support["target"])) == ("SUPPORT", "POL", "UKR")
    assert (support["voice"], _code(support["reported_by"])) == ("own", "POL")
    assert (war["event"], war["source"], war["voice"]) == ("ASSAULT", None, "reported")
    assert _code(war["reported_by"]) == "POL"


def test_reported_pronoun_is_the_speaker():
    (first, *_) = _code_text("Switzerland said on Monday that it had expelled two Russian diplomats.")
    assert (_code(first["source"]), _code(first["target"])) == ("CHE", "RUS")


def test_a_pronoun_that_does_not_fit_the_speaker_is_nobody():
    """Putin's complaint "they are rushing weapons to Ukraine" is not Russia's aid to Ukraine."""
    (first, *_) = _code_text('Putin said that they are rushing weapons to Ukraine.')
    assert first["source"] is None and _code(first["reported_by"]) == "RUS" and first["voice"] == "reported"


@pytest.mark.parametrize("text, source, target", [
    # the actor of a described act comes from the clause, never from who reports it
    ("Putin's latest attack on Ukraine was premeditated, the President said.", "RUS", "UKR"),
    ("Russian bombs killed 47 people in Chernihiv, Zelenskyy said.", "RUS", None),
    ("As a result of Russia's war against Ukraine, prices rose.", "RUS", "UKR"),
])
def test_who_acts_is_not_who_reports(text, source, target):
    records = _code_text(text)
    act = next(r for r in records if r["event"] == "ASSAULT")
    assert _code(act["source"]) == source and act["voice"] == "reported"
    if target:
        assert _code(act["target"]) == target


def test_a_statement_reports_acts_it_does_not_perform():
    statement = Document(id="wh", kind="statement", issuer="The White House",
                         text="Russian forces shelled Kharkiv overnight. We condemn this attack.")
    described, condemned = stance_records(statement, code_stances(statement))
    assert (described["event"], _code(described["source"]), described["voice"]) == ("ASSAULT", "RUS", "reported")
    assert _code(described["reported_by"]) == "USA"
    assert (condemned["event"], _code(condemned["source"]), condemned["voice"]) == ("ACCUSE", "USA", "own")


@pytest.mark.parametrize("text, hypothetical", [
    ("Russia may invade Ukraine in January.", True),
    ("Will Russia invade Ukraine?", True),
    ("Russia invaded Ukraine.", False),
])
def test_hypothetical_acts_are_flagged(text, hypothetical):
    (first, *_) = _code_text(text)
    assert first["hypothetical"] is hypothetical
