"""Reported speech without quotation marks, press-release forms and speakers across sentences (issue 15).

Sentences are short excerpts from our corpora (Kremlin releases, PolNeAR news) unless noted.
"""

from __future__ import annotations

import pytest

from rhetoriclab.attribution import extract_attributions
from rhetoriclab.attribution.patterns import PatternsError, load_patterns, parse_patterns
from rhetoriclab.documents import Document


def run(text: str, **kw):
    return extract_attributions(Document(id="t", text=text, **kw))


def by_rule(attributions, rule):
    found = [a for a in attributions if a.rule == rule]
    assert len(found) == 1, [(a.rule, a.content_text) for a in attributions]
    return found[0]


def test_in_owner_words_takes_the_host_clause():  # Kremlin release
    a = by_rule(run("In his words, the current mortgage portfolio is valued at 13 trillion rubles, or 11 percent of "
                    "GDP."), "in-owner-words")
    assert a.source_text == "his" and a.cue_text == "In his words"
    assert a.content_text == "the current mortgage portfolio is valued at 13 trillion rubles, or 11 percent of GDP"


def test_as_x_said_takes_the_host_clause():  # Kremlin release, without its turn label
    a = by_rule(run("As Mr Gref said, we have schoolchildren in the hall."), "verb-as-parenthetical")
    assert (a.source_text, a.cue_text, a.content_text) == ("Mr Gref", "said", "we have schoolchildren in the hall")


def test_cue_between_commas_reports_the_whole_sentence():  # PolNeAR (HuffPost)
    a = by_rule(run('These employees, Stumpf explained earlier in the committee hearing, were "well-paid," making '
                    'between $30,000 and $60,000 a year.'), "verb-parenthetical")
    assert a.source_text == "Stumpf" and a.content_text.startswith("These employees")
    assert a.content_text.endswith("a year")


def test_noun_cue_with_possessive_owner_and_topic():  # PolNeAR (Washington Post)
    found = run("Though it is difficult to assess North Korea's claims about the potency of its nuclear test, experts "
                "say it underscores the regime's determination to mass-produce warheads.")
    a = by_rule(found, "noun-complement")
    assert (a.source_text, a.cue_text, a.content_text) == (
        "North Korea", "claims", "about the potency of its nuclear test")
    assert a.actor is not None and a.actor.code == "PRK"


def test_noun_cue_as_subject_of_a_copula():  # PolNeAR (New York Times)
    a = by_rule(run("Clinton's bet is that as his regulations get woven into the fabric of the economy, they will be "
                    "hard to undo."), "noun-complement")
    assert a.source_text == "Clinton" and a.cue_text == "bet"
    assert a.content_text.startswith("that as his regulations") and a.content_text.endswith("hard to undo")


def test_warning_from_owner_that_clause():  # written for this test: the form "a warning from X that ..."
    a = by_rule(run("A warning from Washington that sanctions would follow went unheeded."), "noun-clause")
    assert (a.source_text, a.content_text) == ("Washington", "that sanctions would follow")


def test_adverbial_cue_clause_is_cut_from_the_content():  # PolNeAR (Washington Post)
    found = run("He claimed that paying no income taxes was smart, although he again refused to pledge to release "
                "his tax returns before the election.")
    assert by_rule(found, "verb-ccomp").content_text == "that paying no income taxes was smart"
    assert by_rule(found, "verb-xcomp").cue_text == "refused"


def test_respond_to_and_spoke_about():  # PolNeAR (Breitbart, New York Times)
    a = by_rule(run("The Trump campaign did not immediately respond to requests for comment."), "verb-prep-object")
    assert (a.cue_text, a.content_text) == ("respond to", "requests for comment")
    b = run("She spoke about her deep ties to black churches while at the National Baptist Convention in Kansas City.")
    assert [x.content_text for x in b] == ["her deep ties to black churches"]


def test_held_a_rally_is_no_attribution():  # verb whose object is a thing (no_object_verbs)
    assert run("Mr. Trump held a rally in Ohio on Monday.") == []


def test_the_agency_refers_back_to_the_budget_office():  # PolNeAR (Politico)
    found = run("The top 1 percent paid 25.4 percent of all federal taxes in 2013, according to the nonpartisan "
                "Congressional Budget Office, and the top 10 percent paid 69 percent of all taxes.\n\n"
                "The middle one-fifth paid 8.9 percent, the agency said in a June report, and those in the bottom "
                "fifth of incomes paid 0.8 percent.")
    agency = [a for a in found if a.source_text == "the agency"]
    assert len(agency) == 1 and agency[0].speaker == "Congressional Budget Office"


def test_the_organization_refers_back_to_nato():  # written for this test (the seed has it inside another report)
    a = run("NATO leaders met in Riga on Tuesday. The organization believes the time is right to bring Ukraine "
            "further into the fold.")[0]
    assert (a.source_text, a.speaker, a.actor.org) == ("The organization", "NATO", "NATO")


def test_two_competing_organisations_leave_the_speaker_unresolved():  # written for this test
    a = run("NATO and the European Union met in Riga on Tuesday. The organization believes the time is right.")[0]
    assert a.source_text == "The organization" and a.speaker is None


def test_kremlin_typo_is_read_as_the_registry_name():  # Kremlin interview, Nov 2021 ("the United Stated")
    found = run("In the past days and hours, we have seen multiple articles in the Western media claiming that "
                "Russia is plotting a military invasion in Ukraine, and supposedly the United Stated even warned "
                "their EU partners that Russia is preparing such an invasion.", kind="transcript")
    a = next(a for a in found if a.cue_text == "warned")
    assert a.source_text == "the United Stated"
    assert a.speaker == "United States" and a.actor.code == "USA"
    assert any("United Stated" in f for f in a.meta["flags"])


def test_short_names_are_never_corrected():  # written for this test
    a = run("Acme Corp said the deal was off.")[0]
    assert a.speaker == "Acme Corp" and not a.meta.get("flags")


@pytest.mark.parametrize(("text", "noun", "sector", "code"), [
    ("Ukrainian officials said we used them.", "officials", "GOV", "UKR"),  # Kremlin interview
    ("Some foreign policy analysts warn that Putin may see this as his last window.", "analysts", "EDU", None),  # seed
])
def test_group_sources_are_kept_as_groups(text, noun, sector, code):
    a = run(text)[0]
    assert a.speaker is None
    assert a.meta["group"]["noun"] == noun and a.meta["group"]["sector"] == sector and a.meta["group"]["code"] == code
    assert (a.actor.code if a.actor else None) == code


def test_from_label_heads_a_press_release_quotation():  # the form of US House committee releases
    found = run('From Chairwoman Maxine Waters:\n\n"Today\'s hearing shows that Wells Fargo must be held '
                'accountable."', kind="statement")
    a = by_rule(found, "from-label")
    assert (a.kind, a.source_text, a.speaker) == ("direct", "Chairwoman Maxine Waters", "Maxine Waters")


def test_said_colon_takes_the_next_paragraph():  # the form of White House statements
    found = run("The President said:\n\nWe will defend every inch of NATO territory. Our commitment is ironclad.",
                kind="statement", issuer="The White House")
    a = by_rule(found, "colon-paragraph")
    assert a.content_text == "We will defend every inch of NATO territory. Our commitment is ironclad."
    assert a.source_text == "The President" and a.cue_text == "said"
    assert [x.rule for x in found] == ["colon-paragraph"]  # nothing found again inside the paragraph


def test_colon_before_a_speaker_label_is_no_intro():
    found = run("The President said:\n\nQ: Will you go to Kyiv?", kind="statement")
    assert not any(a.rule == "colon-paragraph" for a in found)


def test_patterns_file_is_checked():
    assert "analysts" in load_patterns().group_sectors
    with pytest.raises(PatternsError, match="topic_preps"):
        parse_patterns({"topic_preps": [], "group_sectors": {}}, "x.yaml")
    bad = {"topic_preps": {"default": ["about"], "stances": ["neutral"], "on_ok": [], "evaluative": [],
                           "evaluative_stances": []}, "group_sectors": {"GOV": ["officials"], "CVL": ["officials"]}}
    with pytest.raises(PatternsError, match="officials"):
        parse_patterns(bad, "x.yaml")


def test_participial_cue_speaks_with_the_earlier_subject():  # PolNeAR (HuffPost)
    found = run('"We certainly can\'t afford to do this anymore," Trump said, adding later, "NATO is costing us a '
                'fortune, and yes, we\'re protecting Europe with NATO, but we\'re spending a lot of money."')
    later = next(a for a in found if a.content_text.startswith('"NATO'))
    assert (later.cue_text, later.source_text) == ("adding", "Trump")


def test_we_in_a_kremlin_turn_is_russia_as_a_group():  # Kremlin transcripts (label and sentence)
    found = run("President of Russia Vladimir Putin: Colleagues, friends, We have said many times that people are "
                "this country's main asset.", kind="transcript", issuer="President of Russia")
    we = next(a for a in found if a.source_text == "We")
    assert we.speaker is None and we.actor is not None and we.actor.code == "RUS"
    assert we.meta["group"]["noun"] == "we"


def test_headline_surname_named_in_the_body():  # PolNeAR (Politico headline and first sentence)
    found = run("Sanders: Clinton needs to 'get away from all of this personality stuff' with Trump.\n\n"
                "Bernie Sanders offered some pointed advice to Hillary Clinton on Friday.")
    a = by_rule(found, "headline-colon")
    assert a.source_text == "Sanders" and a.speaker == "Bernie Sanders"
    assert a.content_text.startswith("Clinton needs to")
