"""The actor registry on the seed article's mentions, dated roles, every state, and user files."""

import datetime as dt
from pathlib import Path

import pycountry
import pytest

from rhetoriclab.actors import ActorRegistry, RegistryError, default_registry, sector_for

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_81f63b873fa01d15.txt"
DAY = dt.date(2021, 12, 2)


@pytest.fixture(scope="module")
def reg():
    return default_registry()


@pytest.mark.parametrize(
    ("mention", "name", "code", "org", "sector"),
    [
        ("Secretary of State Antony Blinken", "Antony Blinken", "USA", None, "GOV"),
        ("Mr. Blinken", "Antony Blinken", "USA", None, "GOV"),
        ("Russian Foreign Minister Sergey Lavrov", "Sergey Lavrov", "RUS", None, "GOV"),
        ("NATO Secretary-General Jens Stoltenberg", "Jens Stoltenberg", "IGO", "NATO", "GOV"),
        ("Defense Secretary Lloyd Austin", "Lloyd Austin", "USA", None, "MIL"),
        ("Russian President Vladimir Putin", "Vladimir Putin", "RUS", None, "GOV"),
        ("John Herbst, senior director of the Atlantic Council\u2019s Eurasia Center",
         "John Herbst", "USA", None, "NGO"),
        ("MS. PSAKI", "Jen Psaki", "USA", None, "GOV"),
        ("Moscow", "Russia", "RUS", None, "GOV"),
        ("the Kremlin", "The Kremlin", "RUS", None, "GOV"),
        ("the Biden administration", "The White House", "USA", None, "GOV"),
        ("the U.S.", "United States", "USA", None, "GOV"),
        ("Kyiv", "Ukraine", "UKR", None, "GOV"),
        ("Kiev", "Ukraine", "UKR", None, "GOV"),
        ("the Pentagon", "Pentagon", "USA", None, "MIL"),
        ("NATO", "NATO", "IGO", "NATO", "GOV"),
        ("the Organization for Security and Cooperation in Europe", "OSCE", "IGO", "OSCE", "GOV"),
    ],
)
def test_seed_article_mentions_resolve(reg, mention, name, code, org, sector):
    m = reg.lookup(mention, DAY)
    assert m is not None, mention
    assert (m.name, m.actor.code, m.actor.org, m.actor.sector) == (name, code, org, sector)


def test_roles_are_time_bounded(reg):
    assert reg.person("Stoltenberg", DAY).actor.org == "NATO"
    norway = reg.person("Jens Stoltenberg", dt.date(2010, 5, 1))
    assert (norway.actor.code, norway.role) == ("NOR", "Prime Minister of Norway")
    assert reg.lookup("Hillary Clinton", dt.date(2016, 9, 12)).actor.sector == "PTY"
    assert reg.lookup("Hillary Clinton", dt.date(2011, 1, 1)).role == "Secretary of State"


def test_demonym_takes_its_sector_from_the_head_noun(reg):
    assert (reg.lookup("Russian officials", DAY).actor.code, reg.lookup("Russian officials", DAY).actor.sector) == (
        "RUS", "GOV")
    assert reg.lookup("Ukrainian soldiers", DAY).actor.sector == "MIL"
    assert reg.lookup("Russian troops", DAY).actor.sector == "MIL"


def test_unknown_and_pronoun_mentions_stay_unresolved(reg):
    for mention in ("he", "some foreign policy analysts", "", "   ", "a source"):
        assert reg.lookup(mention, DAY) is None, mention


def test_find_lists_the_seed_article_mentions_in_order(reg):
    text = SEED.read_text(encoding="utf-8")
    found = reg.find(text, DAY)
    assert [m.surface for m in found][:3] == ["U.S.", "Russia", "Ukraine"]
    assert all(text[m.start:m.end] == m.surface for m in found)
    surfaces = {m.surface for m in found}
    assert {"Antony Blinken", "Sergey Lavrov", "Jens Stoltenberg", "Moscow", "NATO", "Kyiv"} <= surfaces
    # "the Minsk agreements" name a treaty, not Belarus
    assert "Minsk" not in surfaces
    codes = {m.match.actor.code for m in found}
    assert "BLR" not in codes


def test_every_pycountry_state_resolves_by_name_and_has_a_capital_and_demonym_table_entry(reg):
    for c in pycountry.countries:
        m = reg.lookup(c.name)
        assert m is not None and m.actor.code == c.alpha_3, c.name
    frame = reg.to_frame()
    places = set(frame.loc[frame["kind"] == "place", "code"])
    un_members = {c.alpha_3 for c in pycountry.countries} & set(frame.loc[frame["source"] == "states.csv", "code"])
    assert len(un_members) >= 193
    assert un_members <= places


def test_pattern_prefilters_paragraphs_by_actor_codes(reg):
    pat = reg.pattern(["RUS", "UKR"])
    assert pat.search("Moscow will face serious consequences")
    assert pat.search("talks in Kyiv")
    assert not pat.search("The weather in Paris was fine")


def test_sector_for_head_nouns():
    assert sector_for("troops") == "MIL"
    assert sector_for("Lawmakers") == "LEG"
    assert sector_for("separatists") == "REB"
    assert sector_for("banana") is None


def test_user_file_extends_the_registry(tmp_path, reg):
    f = tmp_path / "my_people.csv"
    f.write_text(
        "name,aliases,gender,start,end,code,org,sector,role\n"
        "Oleksandr Merezhko,Merezhko,m,2019-08-29,,UKR,,LEG,Chair of the Rada foreign affairs committee\n",
        encoding="utf-8",
    )
    assert reg.lookup("Mr. Merezhko", DAY) is None
    extended = reg.extend(f)
    m = extended.lookup("Mr. Merezhko", DAY)
    assert (m.name, m.actor.code, m.actor.sector) == ("Oleksandr Merezhko", "UKR", "LEG")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,aliases\nX,Y\n", "not a registry file"),
        ("name,aliases,gender,start,end,code,org,sector,role\nA B,B,m,2021-13-01,,USA,,GOV,x\n", ":2: date"),
        ("name,aliases,code,org,sector,kind\nFoo,Foo,,,,org\n", ":2: empty code"),
        ("code,capital,demonyms,aliases\nRussia,Moscow,Russian,\n", "not an ISO 3166-1 alpha-3 code"),
        ("", "empty registry file"),
    ],
)
def test_malformed_user_file_names_file_and_line(tmp_path, content, message):
    f = tmp_path / "bad.csv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(RegistryError, match=message) as e:
        ActorRegistry.from_files(f)
    assert "bad.csv" in str(e.value)
