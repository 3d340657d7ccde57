"""The measuring instruments of the stance coder (rhetoriclab.stances.scoring) give known answers on hand-made
inputs, the dev-set halves are stable, disjoint and complete, and the hand-coded corpus sample is valid."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
from pathlib import Path

import pytest

from rhetoriclab.cli import build_parser
from rhetoriclab.stances.scoring import (
    PLOVER_2021_EVENTS,
    actor_code,
    in_split,
    is_counted,
    normalise_event,
    split_of,
)
from rhetoriclab.stances.scoring.directed import label_from_records, load_directed, parse_line, score_labels
from rhetoriclab.stances.scoring.plover import split_gold
from rhetoriclab.stances.scoring.sample import DEFAULT_GOLD, GoldSentence, load_sample, score_sample, validate_sample

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("RHETORICLAB_EVAL_DIR") or ROOT.parent / "shared" / "eval")
MIRROR = Path(os.environ.get("RHETORICLAB_DATA_MIRROR") or ROOT.parent / "shared" / "data")


def rec(doc, event, source=None, target=None, **kw) -> dict:
    """A system record as stance_records writes it (actors as dicts)."""
    side = lambda c: None if c is None else ({"text": c, "code": "IGO", "org": c[4:]} if c.startswith("IGO:")  # noqa: E731
                                             else {"text": c, "code": c, "org": None})
    return {"doc": doc, "event": event, "source": side(source), "target": side(target), "negated": False, **kw}


def gold(id_, events, corpus="kremlin") -> GoldSentence:
    full = [{"mode": None, "reported_by": "RUS", "voice": "reported", "negated": False, "hypothetical": False, **e}
            for e in events]
    return GoldSentence(id_, corpus, "kremlin-1", dt.date(2022, 3, 1), "RUS", "text", full)


# -- common -------------------------------------------------------------------------------------------------------
def test_older_types_map_to_plover_2021():
    assert [normalise_event(e) for e in ("DEMAND", "disapprove", "INVESTIGATE", "FIGHT", "AID", None)] == \
        ["REQUEST", "ACCUSE", "ACCUSE", "ASSAULT", "AID", None]
    assert len(PLOVER_2021_EVENTS) == 16


def test_actor_codes_compare_states_and_organisations():
    assert actor_code({"code": "IGO", "org": "NATO"}) == "IGO:NATO" == actor_code("igo:nato")
    assert actor_code({"code": "rus", "org": None}) == "RUS"
    assert actor_code({"text": "the rebels", "code": None}) is None
    assert actor_code(None) is None


def test_negated_and_hypothetical_records_are_left_out_unless_asked():
    assert is_counted({"event": "AID"})  # no hypothetical key: not hypothetical
    assert not is_counted({"negated": True})
    assert is_counted({"negated": True}, include_negated=True)
    assert not is_counted({"hypothetical": True})
    assert is_counted({"hypothetical": True}, include_hypothetical=True)


# -- corpus-sample scorer -----------------------------------------------------------------------------------------
def test_sample_scorer_counts_false_alarms_and_matches_triples():
    g = [gold("S1", [{"event": "ASSAULT", "source": "RUS", "target": "UKR"}]),
         gold("S2", []),
         gold("S3", [{"event": "SUPPORT", "source": "VEN", "target": "IGO:NATO", "voice": "own"}])]
    system = [rec("S1", "FIGHT", "RUS", "UKR"),            # older name, right triple
              rec("S2", "THREATEN", "USA", "RUS"),         # false alarm on a sentence without events
              rec("S3", "SUPPORT", "VEN", "IGO:NATO", voice="own"),
              rec("S3", "ACCUSE", "VEN", "USA"),           # a second, wrong type
              rec("S9", "AID", "USA", "UKR")]              # not a gold sentence: ignored
    s = score_sample(g, system)
    assert (s["event"]["tp"], s["event"]["fp"], s["event"]["fn"]) == (2, 2, 0)
    assert s["event"]["precision"] == 0.5 and s["event"]["recall"] == 1.0
    assert (s["triple"]["tp"], s["triple"]["fp"]) == (2, 2)
    assert s["no_event_sentences"] == 1 and s["false_alarm_sentences"] == 1
    # voice: only S3's SUPPORT carries a voice and it is right; S1's record has none
    assert (s["voice"]["tp"], s["voice"]["fn"]) == (1, 1)
    assert s["own"]["f1"] == 1.0 and s["reported"]["recall"] == 0.0


def test_sample_scorer_excludes_negated_and_hypothetical_by_default():
    g = [gold("S1", [{"event": "ASSAULT", "source": "RUS", "target": None, "hypothetical": True}]),
         gold("S2", [{"event": "AID", "source": "USA", "target": "UKR"}])]
    system = [rec("S1", "ASSAULT", "RUS", None, hypothetical=True),
              rec("S2", "AID", "USA", "UKR", negated=True)]
    s = score_sample(g, system)
    assert (s["event"]["tp"], s["event"]["fp"], s["event"]["fn"]) == (0, 0, 1)
    s = score_sample(g, system, include_negated=True, include_hypothetical=True)
    assert (s["event"]["tp"], s["event"]["fp"], s["event"]["fn"]) == (2, 0, 0)
    assert s["triple"]["f1"] == 1.0


# -- directed-sentiment scorer ------------------------------------------------------------------------------------
def test_parse_line_strips_brackets_and_keeps_spans():
    it = parse_line("[Trump] emphatically blamed [China] for the pandemic\tTrump\tChina\t3\n", 1)
    assert it.text == "Trump emphatically blamed China for the pandemic"
    assert it.text[slice(*it.p_spans[0])] == "Trump" and it.text[slice(*it.q_spans[0])] == "China"
    quoted = parse_line('"He met [the ""Super"" Committee] and [UK] officials."\t"the ""Super"" Committee"\tUK\t0', 2)
    assert quoted.p == 'the "Super" Committee' and quoted.text == 'He met the "Super" Committee and UK officials.'
    with pytest.raises(ValueError, match="line 3"):
        parse_line("no brackets\tA\tB\t0", 3)


def test_labels_follow_direction_and_polarity():
    it = parse_line("[Russia] attacked [Ukraine] and [Ukraine] thanked [Poland]\tRussia\tUkraine\t3", 1)
    assert label_from_records(it, [rec("d", "ASSAULT", "Russia", "Ukraine")]) == 3
    assert label_from_records(it, [rec("d", "ASSAULT", "Ukraine", "Russia")]) == 4
    assert label_from_records(it, [rec("d", "AID", "Russia", "Ukraine")]) == 1
    assert label_from_records(it, [rec("d", "SUPPORT", "Ukraine", "Russia")]) == 2
    assert label_from_records(it, [rec("d", "ASSAULT", "Russia", "Ukraine", negated=True)]) == 0
    assert label_from_records(it, [rec("d", "ASSAULT", "Russia", "Ukraine", hypothetical=True)]) == 0
    assert label_from_records(it, [rec("d", "SUPPORT", "Ukraine", "Poland")]) == 0


def test_labels_match_by_resolved_code_unless_both_entities_share_it():
    it = parse_line("[Putin] said [Kyiv] must stop\tPutin\tKyiv\t3", 1)
    r = rec("d", "DEMAND", "RUS", "UKR")  # actor texts "RUS"/"UKR" are not in the sentence
    assert label_from_records(it, [r]) == 0
    assert label_from_records(it, [r], "RUS", "UKR") == 3
    assert label_from_records(it, [r], "RUS", "RUS") == 0


def test_score_labels_known_answer():
    s = score_labels([0, 0, 1, 3, 4], [0, 1, 1, 0, 2])
    assert s["per_class"]["0"]["precision"] == 0.5 and s["per_class"]["0"]["recall"] == 0.5
    assert s["per_class"]["1"]["f1"] == round(2 / 3, 4)
    assert s["macro_f1"] == round((0.5 + 2 / 3) / 5, 4)
    assert s["polar_pairs"] == 3 and s["polar_found"] == round(1 / 3, 4) and s["polar_detected"] == round(2 / 3, 4)
    assert s["always_neutral_macro_f1"] == round(2 * 0.4 / 1.4 / 5, 4)


# -- splits ---------------------------------------------------------------------------------------------------------
def test_split_is_stable_disjoint_and_complete():
    assert split_of("PLOVER-GSR01-AGREE-0001") == "b" and split_of("S001") == "a"  # sha1 3fd9..., f4e9...
    keys = [f"key-{i}" for i in range(400)]
    a = {k for k in keys if in_split(k, "a")}
    b = {k for k in keys if in_split(k, "b")}
    assert not a & b and a | b == set(keys) == {k for k in keys if in_split(k, "all")}
    assert 150 < len(a) < 250
    with pytest.raises(ValueError, match="unknown split"):
        in_split("x", "c")


def test_plover_halves_cover_the_gold_records(tmp_path):
    gold_json, records = EVAL / "plover" / "gsr-dev.json", EVAL / "plover" / "gsr-dev.jsonl"
    if not gold_json.is_file():
        pytest.skip(f"PLOVER gold not found under {EVAL}; set RHETORICLAB_EVAL_DIR")
    ids = {}
    for half in ("a", "b"):
        g, r = split_gold(gold_json, records, half, tmp_path)
        kept = [x for x in json.loads(g.read_text()) if x["event"] != "DOCUMENT"]
        ids[half] = {x["id"] for x in kept}
        assert {json.loads(ln)["id"] for ln in r.read_text().splitlines()} == ids[half]
        assert all(split_of(i) == half for i in ids[half])
    every = {x["id"] for x in json.loads(gold_json.read_text()) if x["event"] != "DOCUMENT"}
    assert not ids["a"] & ids["b"] and ids["a"] | ids["b"] == every


def test_directed_valid_set_parses_and_splits_by_sentence():
    path = EVAL / "directed-sentiment" / "dataset" / "valid.txt"
    if not path.is_file():
        pytest.skip(f"directed-sentiment data not found under {EVAL}; set RHETORICLAB_EVAL_DIR")
    every, problems = load_directed(path)
    assert not problems and len(every) == 1461
    a, _ = load_directed(path, "a")
    b, _ = load_directed(path, "b")
    assert len(a) + len(b) == 1461 and not {i.raw for i in a} & {i.raw for i in b}


# -- the hand-coded corpus sample ---------------------------------------------------------------------------------
def test_corpus_sample_is_valid_plover_2021():
    sentences = load_sample(DEFAULT_GOLD)
    assert len(sentences) >= 60
    assert {s.corpus for s in sentences} == {"kremlin", "ukraine", "whitehouse", "ungd"}
    assert all(s.text.strip() for s in sentences)
    events = [e for s in sentences for e in s.events]
    assert {e["event"] for e in events} <= set(PLOVER_2021_EVENTS)
    no_event = sum(not s.events for s in sentences) / len(sentences)
    assert 0.1 <= no_event <= 0.3  # false alarms are measured on these
    assert {e["voice"] for e in events} == {"own", "reported"}


def test_validate_sample_names_each_problem():
    data = {"sentences": [
        {"id": "S1", "corpus": "kremlin", "doc": "d", "speaker": "RUS", "text": "",
         "events": [{"event": "DEMAND", "mode": None, "source": "Russia", "target": "IGO:NATO", "reported_by": "RUS",
                     "voice": "mine", "negated": False, "hypothetical": "no"}]}]}
    problems = "\n".join(validate_sample(data, "f.yaml"))
    for needed in ("f.yaml: S1: 'text' must be a non-empty string", "'DEMAND' is not a PLOVER 2021 type",
                   "source 'Russia' is not ISO3", "voice 'mine'", "hypothetical must be true or false"):
        assert needed in problems
    assert "target" not in problems


def test_every_sample_sentence_is_quoted_from_its_corpus_document():
    """The gold sentences are real quotations of the documents they name (the draw was made with the actor
    registry of its day; a later registry draws other sentences, so the sample is checked against the corpora,
    not against a new draw)."""
    if not (MIRROR / "wh-briefings").is_dir():
        pytest.skip(f"data mirror not found at {MIRROR}; set RHETORICLAB_DATA_MIRROR")
    from rhetoriclab.corpora import load_corpus

    gold = load_sample(DEFAULT_GOLD)
    def norm(text: str) -> str:
        text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                                             "\u2014": "-", "\u2013": "-", "\u00a0": " "}))
        return " ".join(text.split())

    texts = {}
    for corpus in sorted({g.corpus for g in gold}):
        texts.update({d.id: norm(d.text) + " " + norm(d.clean.text)
                      for d in load_corpus(corpus, mirror=str(MIRROR))})
    missing = [g.id for g in gold if norm(g.text) not in texts.get(g.doc, "")]
    assert not missing, f"sentences not found in their documents: {missing}"


def test_draw_script_keeps_abbreviations_inside_sentences():
    spec = importlib.util.spec_from_file_location("draw_corpus_sample", ROOT / "devtools" / "draw_corpus_sample.py")
    draw = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(draw)
    text = ("President of Ukraine Volodymyr Zelenskyy held a telephone conversation with U.S. Secretary of State "
            "Antony Blinken. The parties discussed the security situation in the region and further steps.")
    assert draw.sentences(text) == [
        "President of Ukraine Volodymyr Zelenskyy held a telephone conversation with U.S. Secretary of State "
        "Antony Blinken.", "The parties discussed the security situation in the region and further steps."]


def test_cli_registers_evaluate():
    args = build_parser().parse_args(["evaluate", "sample", "--split", "b", "--json"])
    assert (args.set, args.split, args.json, args.include_negated) == ("sample", "b", True, False)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["evaluate", "gdelt"])
