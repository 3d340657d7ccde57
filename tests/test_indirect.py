"""Reported speech on real sentences: the seed article and short news-style sentences."""

from pathlib import Path

import pytest
import spacy

from rhetoriclab.attribution.indirect import find_indirect
from rhetoriclab.documents import Document
from rhetoriclab.nlp import load_nlp
from rhetoriclab.records import ATTRIBUTION_KINDS

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_81f63b873fa01d15.txt"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def seed():
    doc = Document(id="seed", text=SEED.read_text(encoding="utf-8"))
    parsed = load_nlp()(doc.clean.text)
    return doc, parsed, find_indirect(parsed, doc.id)


def by_cue(atts, cue_text):
    hits = [a for a in atts if a.cue_text == cue_text]
    assert hits, f"no attribution with cue {cue_text!r} in {[a.cue_text for a in atts]}"
    return hits


def one(nlp, text):
    atts = find_indirect(nlp(text), "t")
    assert len(atts) == 1, [(a.cue_text, a.content_text) for a in atts]
    return atts[0]


def test_said_and_conjoined_warned_are_two_attributions_with_one_source(seed):
    _, _, atts = seed
    said = [a for a in by_cue(atts, "said") if a.content_text.startswith("the U.S. seeks")]
    assert len(said) == 1
    assert said[0].content_text == "the U.S. seeks a stable relationship with Russia"
    assert said[0].source_text == "Mr. Blinken"
    warned = [a for a in by_cue(atts, "warned") if "any action in Ukraine" in a.content_text][0]
    assert warned.content_text == "that any action in Ukraine would force America's hand"
    assert warned.source_text == "Mr. Blinken"
    assert warned.meta["stance"] == "warning"
    assert warned.rule == "verb-ccomp" and warned.kind == "indirect" and warned.speaker is None


def test_said_thursday_that(seed):
    _, _, atts = seed
    lavrov = [a for a in by_cue(atts, "said") if a.source_text == "Mr. Lavrov" and a.content_text.startswith("that")]
    assert lavrov[0].content_text.startswith("that Moscow sees the current crisis as part of the broader issue")


def test_pushed_moscow_to_abide_includes_the_addressee(seed):
    _, _, atts = seed
    pushed = by_cue(atts, "pushed")[0]
    assert pushed.content_text == "Moscow to abide by the Minsk agreements"
    assert pushed.source_text == "Mr. Blinken"
    assert pushed.rule == "verb-xcomp" and pushed.meta["stance"] == "appeal"


def test_full_noun_phrase_sources(seed):
    _, _, atts = seed
    sources = {a.source_text for a in atts}
    expected = {"Some foreign policy specialists", "some foreign policy analysts", "Defense Secretary Lloyd Austin"}
    assert expected <= sources
    austin = [a for a in atts if a.source_text == "Defense Secretary Lloyd Austin"][0]
    assert austin.content_text == (
        "that the U.S. and its allies will coordinate a global response to any Russian military aggression"
    )


def test_partial_quotation_makes_a_mixed_attribution(seed):
    _, _, atts = seed
    putin = [a for a in atts if a.source_text == "Mr. Putin"][0]
    assert putin.kind == "mixed"
    assert '"red line"' in putin.content_text


def test_spans_are_offsets_into_the_parsed_text_and_map_back_to_the_file(seed):
    doc, parsed, atts = seed
    assert atts
    for a in atts:
        assert a.kind in ATTRIBUTION_KINDS
        assert parsed.text[a.content[0] : a.content[1]] == a.content_text
        assert parsed.text[a.cue[0] : a.cue[1]] == a.cue_text
        if a.source is not None:
            assert parsed.text[a.source[0] : a.source[1]] == a.source_text
    putin = [a for a in atts if a.source_text == "Mr. Putin"][0]
    start, end = doc.source_span(*putin.content)
    assert "\u201cred line\u201d" in doc.text[start:end]  # the file's curly quotes


def test_sentence_final_cue(nlp):
    att = one(nlp, "Russian troops are massing near the border with Ukraine, officials said.")
    assert att.content_text == "Russian troops are massing near the border with Ukraine"
    assert att.source_text == "officials"
    assert att.rule == "verb-postposed"


def test_according_to(nlp):
    att = one(nlp, "According to the Kremlin, the talks in Geneva were productive.")
    assert att.content_text == "the talks in Geneva were productive"
    assert att.source_text == "the Kremlin" and att.cue_text == "According to"
    assert att.rule == "according-to"


def test_parenthetical_cue(nlp):
    att = one(nlp, "Russia, the official said, will respond to any expansion of NATO.")
    assert att.rule == "verb-parenthetical"
    assert att.source_text == "the official"
    assert att.content_text.startswith("Russia") and att.content_text.endswith("expansion of NATO")


@pytest.mark.parametrize(
    ("text", "cue", "stance", "content"),
    [
        ("The Kremlin denied the allegations.", "denied", "reject", "the allegations"),
        ("Ukraine's foreign minister called for tougher sanctions against Russia.", "called for", "appeal",
         "tougher sanctions against Russia"),
        ("Moscow vowed to retaliate.", "vowed", "promise", "to retaliate"),
    ],
)
def test_stance_cues_with_noun_phrase_or_infinitive_content(nlp, text, cue, stance, content):
    att = one(nlp, text)
    assert (att.cue_text, att.meta["stance"], att.content_text) == (cue, stance, content)


def test_nominal_cue_with_owner(nlp):
    att = one(nlp, "The ministry's claim that Kyiv was preparing an offensive was false.")
    assert att.rule == "noun-clause"
    assert att.source_text == "The ministry"
    assert att.content_text == "that Kyiv was preparing an offensive"


@pytest.mark.parametrize(
    "text",
    [
        "The weather was cold in Stockholm on Thursday.",
        "He said nothing.",
        "The delegation needed to leave Geneva before noon.",
        '"I think we will win the vote," he told the crowd.',  # "I think" inside a quotation is no attribution
    ],
)
def test_no_cue_or_no_content_gives_nothing(nlp, text):
    atts = find_indirect(nlp(text), "t")
    assert all(a.cue_text not in ("said", "needed", "think") for a in atts)
    if "think" not in text:
        assert atts == []


def test_cue_without_a_subject_has_no_source(nlp):
    att = one(nlp, "It was reported that Russia moved troops to the border.")
    assert att.source is None and att.source_text is None
    assert att.content_text == "that Russia moved troops to the border"


def test_content_already_taken_by_a_direct_quote_is_skipped(nlp):
    text = "Mr. Lavrov said that Moscow does not want any conflicts."
    doc = nlp(text)
    assert len(find_indirect(doc, "t")) == 1
    start = text.index("that")
    assert find_indirect(doc, "t", taken=[(start, len(text))]) == []
    assert len(find_indirect(doc, "t", taken=[(0, 5)])) == 1  # a small overlap does not count


@pytest.mark.parametrize("text", ["", "   \n\n  ", "...!!! ?? --", '"', '""""', "said", "According to"])
def test_empty_or_punctuation_only_input_gives_nothing(nlp, text):
    assert find_indirect(nlp(text), "t") == []


def test_unbalanced_quotation_mark_is_left_out_of_the_content(nlp):
    text = 'He said "that the talks failed.'
    att = one(nlp, text)
    assert att.content_text == "that the talks failed"
    assert att.source_text == "He"


def test_relative_clause_source_is_the_antecedent_through_the_pronoun(nlp):
    text = "The talks were praised by Mr. Stoltenberg, who said that NATO would keep its door open."
    att = [a for a in find_indirect(nlp(text), "t") if a.cue_text == "said"][0]
    assert att.source_text == "Mr. Stoltenberg, who"
    assert att.content_text == "that NATO would keep its door open"


def test_embedded_reports_are_skipped_unless_asked_for(nlp):
    text = "Mr. Peskov said that Western capitals believe that Moscow is preparing an invasion."
    doc = nlp(text)
    assert [a.cue_text for a in find_indirect(doc, "t")] == ["said"]
    assert sorted(a.cue_text for a in find_indirect(doc, "t", nested=True)) == ["believe", "said"]


def test_cue_inside_a_direct_quotation_is_not_a_second_attribution(nlp):
    text = '"Our partners have stated that no one may dictate to Ukraine," Mr. Lavrov said.'
    doc = nlp(text)
    quote = (0, text.index(',"') + 2)
    assert all(a.cue_text != "stated" for a in find_indirect(doc, "t", taken=[quote]))


def test_first_person_belief_is_discourse_not_attribution(nlp):
    assert find_indirect(nlp("I think the sanctions will work."), "t") == []
    att = one(nlp, "The minister thinks the sanctions will work.")
    assert att.source_text == "The minister" and att.meta["stance"] == "belief"


def test_headline_run_into_the_lead_does_not_lend_its_subject(nlp):
    text = "Kremlin warns West\n\nThe troops will stay near the border, the spokesman told reporters on Monday."
    atts = find_indirect(nlp(text), "t")
    assert atts, "the lead's reported speech is found"
    for att in atts:
        assert "\n" not in att.content_text
        assert att.source_text in (None, "the spokesman")


def test_called_x_y(nlp):
    att = one(nlp, "The Trump campaign called the charges unsubstantiated.")
    assert att.rule == "verb-object-predicate"
    assert att.content_text == "the charges unsubstantiated"
    assert att.source_text == "The Trump campaign"


def test_a_doc_without_a_parse_is_a_clear_error():
    with pytest.raises(ValueError, match="doc-7: find_indirect needs a dependency parse"):
        find_indirect(spacy.blank("en")("Mr. Lavrov said that Moscow wants peace."), "doc-7")
