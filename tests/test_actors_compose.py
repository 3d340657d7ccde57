"""Actors built from the words of a mention (rhetoriclab.actors.compose), on phrases of real sentences: our
corpora (White House briefings, Kremlin and Kyiv releases) and the PLOVER dev set. Tests that need the Phoenix
dictionaries skip without the mirror."""

import datetime as dt
import os
from pathlib import Path

import pytest

from rhetoriclab.actors import ActorRegistry, default_registry
from rhetoriclab.actors.compose import compose, title_span
from rhetoriclab.actors.registry import DATA_FILES

ROOT = Path(__file__).resolve().parents[1]
MIRROR = Path(os.environ.get("RHETORICLAB_DATA_MIRROR") or ROOT.parent / "shared" / "data")
Y2000 = dt.date(2000, 1, 1)
Y2022 = dt.date(2022, 2, 20)


@pytest.fixture(scope="module")
def ours():
    """Our CSVs only: the composition rules must work without the Phoenix dictionaries."""
    base = ROOT / "lib" / "rhetoriclab" / "data" / "actors"
    return ActorRegistry.from_files(*(base / n for n in DATA_FILES))


def fields(match):
    return (match.actor.code, match.actor.org, match.actor.sector, match.kind) if match else None


@pytest.mark.parametrize(
    ("mention", "day", "expected", "name"),
    [
        # <demonym> <title> <Name> (White House briefings, a Kyiv release, the PLOVER dev set)
        ("French President Emmanuel Macron", Y2022, ("FRA", None, "GOV", "person"), "Emmanuel Macron"),
        ("German Chancellor Olaf Scholz", Y2022, ("DEU", None, "GOV", "person"), "Olaf Scholz"),
        ("Haitian President Jean-Bertrand Aristide", Y2000, ("HTI", None, "GOV", "person"), "Jean-Bertrand Aristide"),
        ("British Defence Secretary Tom King", Y2000, ("GBR", None, "GOV", "person"), "Tom King"),
        # <Title> <Name> of <State>
        ("King Hassan of Morocco", Y2000, ("MAR", None, "GOV", "person"), "Hassan"),
        ("Foreign Minister Ali Akbar Velayati of Iran", Y2000, ("IRN", None, "GOV", "person"), "Ali Akbar Velayati"),
        # <State>'s <body> and a state's government, ministries and forces
        ("Poland's parliament", Y2000, ("POL", None, "LEG", "state"), None),
        ("Ukraine's army", Y2022, ("UKR", None, "MIL", "state"), None),
        ("the Polish government", Y2000, ("POL", None, "GOV", "office"), None),
        ("the Egyptian cabinet", Y2000, ("EGY", None, "GOV", "office"), None),
        ("the Russian Defence Ministry", Y2022, ("RUS", None, "MIL", "office"), None),
        ("Ukrainian forces", Y2022, ("UKR", None, "MIL", "office"), None),
        ("Burundian militiamen", Y2000, ("BDI", None, "REB", "demonym"), None),
        ("European Community foreign ministers", Y2000, ("IGO", "EU", "GOV", "org"), None),
        ("APEC", Y2000, ("IGO", "APEC", "BUS", "org"), None),
    ],
)
def test_actors_built_from_their_words(ours, mention, day, expected, name):
    match = ours.lookup(mention, day)
    assert fields(match) == expected
    if name:
        assert match.name == name


@pytest.mark.parametrize("mention", ["the Trump administration", "the Putin government", "the Zelenskyy government"])
def test_the_government_of_a_person_we_know_is_its_states(ours, mention):
    match = ours.lookup(mention, Y2022)  # White House briefings; Kremlin and Kyiv releases
    assert match.actor.code == {"Trump": "USA", "Putin": "RUS", "Zelenskyy": "UKR"}[mention.split()[1]]
    assert (match.actor.sector, match.kind) == ("GOV", "office")


def test_rules_are_anchored_in_the_phrase(ours):
    """A title somewhere in a long phrase does not make its first state the actor."""
    text = "One third of ethnic Albanian guerrillas operating in Macedonia"  # PLOVER dev, gold MKD
    assert compose(ours, text, ours.find(text, Y2000), Y2000) is None
    text = "the deputy chief of Israel's militia ally in southern Lebanon"
    assert compose(ours, text, ours.find(text, Y2000), Y2000) is None


def test_titles_are_found_longest_first():
    assert title_span(["Foreign", "Minister", "Ali", "Akbar", "Velayati"]) == (0, 2, "GOV")
    assert title_span(["General", "Wesley", "Clark"])[2] == "MIL"
    assert title_span(["Jacques", "Chirac"]) is None


@pytest.mark.parametrize(
    ("mention", "sector"),
    [("Kurdish rebels", "REB"), ("the police", "COP"), ("rebels", "REB"), ("opposition leaders", "OPP"),
     ("government troops", "MIL")],
)
def test_an_unresolved_agent_is_a_nominal_actor_with_an_empty_code(ours, mention, sector):
    assert ours.lookup(mention, Y2000) is None  # lookup still says "no registry actor"
    match = ours.resolve(mention, Y2000)
    assert fields(match) == ("", None, sector, "nominal")
    assert match.actor.name == mention


@pytest.mark.parametrize("mention", ["some foreign policy analysts", "he", "", "the fact"])
def test_no_nominal_actor_without_an_agent_head(ours, mention):
    assert ours.resolve(mention, Y2000) is None


needs_mirror = pytest.mark.skipif(not (MIRROR / "petrarch2").is_dir(),
                                  reason=f"Phoenix dictionaries not mirrored at {MIRROR}/petrarch2; "
                                         "set RHETORICLAB_DATA_MIRROR")


@pytest.fixture(scope="module")
def merged():
    old = os.environ.get("RHETORICLAB_DATA_MIRROR")
    os.environ["RHETORICLAB_DATA_MIRROR"] = str(MIRROR)
    default_registry.cache_clear()
    try:
        return default_registry()
    finally:
        default_registry.cache_clear()
        if old is None:
            os.environ.pop("RHETORICLAB_DATA_MIRROR", None)
        else:
            os.environ["RHETORICLAB_DATA_MIRROR"] = old


@needs_mirror
@pytest.mark.parametrize(
    ("mention", "day", "expected"),
    [
        ("The Bush administration", Y2000, ("USA", None, "GOV", "office")),  # a Phoenix alias of George Bush
        ("the Yeltsin government", Y2000, ("RUS", None, "GOV", "office")),  # a leader by his dated role
        ("French President Jacques Chirac", Y2000, ("FRA", None, "GOV", "person")),
        ("President Prosper Avril", Y2000, ("HTI", None, "GOV", "person")),
        # the title says what Phoenix lacks for the date (Kohl is a former official there after 1998)
        ("Chancellor Helmut Kohl", Y2000, ("DEU", None, "GOV", "person")),
        ("U.N. Secretary-General Kofi Annan", Y2000, ("IGO", "UN", None, "person")),
    ],
)
def test_with_phoenix(merged, mention, day, expected):
    assert fields(merged.lookup(mention, day)) == expected


@needs_mirror
def test_a_leaders_government_needs_one_state(merged):
    assert merged.leader("Yeltsin", Y2000).actor.code == "RUS"
    assert merged.leader("Nobodyknownbythisname", Y2000) is None
