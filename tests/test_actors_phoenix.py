"""The Phoenix (TABARI/PETRARCH) dictionaries: the reader on the format's cases, CAMEO codes, and the merged
registry on real sentences (mirror tests skip without ``$RHETORICLAB_DATA_MIRROR`` or ../shared/data)."""

import datetime as dt
import os
import shutil
import time
import warnings
from pathlib import Path

import pytest

from rhetoriclab.actors import ActorRegistry, default_registry
from rhetoriclab.actors import phoenix as ph
from rhetoriclab.actors.registry import DATA_FILES, load_phoenix
from rhetoriclab.corpora import load_registry

ROOT = Path(__file__).resolve().parents[1]
MIRROR = Path(os.environ.get("RHETORICLAB_DATA_MIRROR") or ROOT.parent / "shared" / "data")
STATES = frozenset({"USA", "FRA", "AFG", "KOR", "RUS"})
Y2000 = dt.date(2000, 1, 1)

ACTORS = """# a comment line
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_ # the capital

JACQUES_CHIRAC_  # CountryInfo.txt
+PRESIDENT_JACQUES_CHIRAC
\t[FRAGOV 950517-070516]
\t[FRAELI]
BAN_KI-MOON
+UN_SECRETARY-GENERAL_BAN_KI-MOON
\t[IGOUNO >20070101]
\t[KORGOV <20061201]
JEAN_MARIE_GUEHENNO_\t[IGOUNO 000101-080801] [---] #BK 16 Jul 2009
BROKEN_DATES_
\t[EGYGOV 20121207-20120802]
"""

AGENTS = """!PERSON! = MAN, MEN
POLICE {} [~COP]
CONGRESS!PERSON! [~LEG]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
REBEL [~REB]
MILITIA [~UAF]
DEPARMENT_OF_ENVIRONMENT [~ENV}
"""


def test_reader_reads_synonyms_dated_roles_defaults_and_null_codes(tmp_path):
    path = tmp_path / "t.actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    problems: list[str] = []
    records = {r.phrases[0]: r for r in ph.read_actor_file(path, problems=problems)}
    assert records["AFGHANISTAN"].phrases == ("AFGHANISTAN", "AFGHAN", "KABUL")
    assert records["AFGHANISTAN"].roles == (ph.PhoenixRole("AFG"),)
    chirac = records["JACQUES CHIRAC"]
    assert chirac.roles == (ph.PhoenixRole("FRAGOV", dt.date(1995, 5, 17), dt.date(2007, 5, 16)),
                            ph.PhoenixRole("FRAELI"))
    assert "CountryInfo" in chirac.comment
    ban = records["BAN KI-MOON"]  # > and < restrictions, YYYYMMDD
    assert ban.roles == (ph.PhoenixRole("IGOUNO", dt.date(2007, 1, 1), None),
                         ph.PhoenixRole("KORGOV", None, dt.date(2006, 12, 1)))
    # inline roles on the primary line; [---] is a null code; 000101 is 2000 (00-30 -> 20YY)
    assert records["JEAN MARIE GUEHENNO"].roles == (ph.PhoenixRole("IGOUNO", dt.date(2000, 1, 1), dt.date(2008, 8, 1)),)
    # an interval that ends before it starts is left out and reported with its line
    assert records["BROKEN DATES"].roles == ()
    assert problems == [f"{path}:16: role 'EGYGOV 20121207-20120802' ends before it starts"]
    with pytest.raises(ph.PhoenixError, match=r"t.actors.txt:16"):
        ph.read_actor_file(path)


def test_agent_reader_expands_markers_and_plurals(tmp_path):
    path = tmp_path / "agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    problems: list[str] = []
    agents = {(a.phrase, a.code) for a in ph.read_agent_file(path, problems=problems)}
    assert {("POLICE", "COP"), ("CONGRESSMAN", "LEG"), ("CONGRESSMEN", "LEG"), ("REBEL", "REB"), ("REBELS", "REB"),
            ("ATTORNEY GENERAL", "GOVATG"), ("ATTORNEYS GENERAL", "GOVATG"), ("MILITIAS", "UAF")} <= agents
    assert ("POLICES", "COP") not in agents  # {} = no plural
    assert len(problems) == 1 and "agents.txt:7" in problems[0]
    sectors = ph.agent_sectors(ph.read_agent_file(path, problems=[]))
    assert sectors["police"] == "COP" and sectors["militias"] == "REB" and sectors["attorneys general"] == "GOV"


@pytest.mark.parametrize(
    ("cameo", "expected"),
    [
        ("USAGOV", ph.CodeParts("USA", None, "GOV")),
        ("USAGOVLEG", ph.CodeParts("USA", None, "LEG")),  # the last sector we have: Congress
        ("FRAELI", ph.CodeParts("FRA", None, None)),  # a former official: no sector of ours
        ("IGOWSTNAT", ph.CodeParts("IGO", "NATO", None)),
        ("IGOUNOHLHWHO", ph.CodeParts("IGO", "WHO", None)),
        ("IGOUNO", ph.CodeParts("IGO", "UN", None)),
        ("LBNREB", ph.CodeParts("LBN", None, "REB")),
        ("IMGMUSALQ", ph.CodeParts("IMG", None, "REL")),
        ("USR", ph.CodeParts("RUS", None, None)),  # the Soviet Union is Russia, as in our states.csv
        ("AFR", None),  # a region
        ("ELI", None),
    ],
)
def test_cameo_codes_become_our_actor_fields(cameo, expected):
    assert ph.split_code(cameo, STATES | {"LBN"}) == expected


def test_record_rows_keep_dates_and_drop_one_word_person_aliases(tmp_path):
    path = tmp_path / "t.actors.txt"
    path.write_text("VLADIMIR_PUTIN_ # CountryInfo.txt\n+PUTIN\n\t[RUSGOV 000507-080507]\n", encoding="utf-8")
    rows = ph.record_rows(ph.read_actor_file(path)[0], STATES)
    assert [(r.alias, r.kind, r.code, r.sector, r.start, r.end) for r in rows] == [
        ("Vladimir Putin", "person", "RUS", "GOV", dt.date(2000, 5, 7), dt.date(2008, 5, 7))]


# -- the pinned dictionaries and the merged registry ------------------------------------------------------

needs_mirror = pytest.mark.skipif(not (MIRROR / "petrarch2").is_dir(),
                                  reason=f"Phoenix dictionaries not mirrored at {MIRROR}/petrarch2; "
                                         "set RHETORICLAB_DATA_MIRROR")


@pytest.fixture(scope="module")
def merged():
    old = os.environ.get("RHETORICLAB_DATA_MIRROR")
    os.environ["RHETORICLAB_DATA_MIRROR"] = str(MIRROR)
    default_registry.cache_clear()
    try:
        reg = default_registry()
    finally:
        default_registry.cache_clear()
        if old is None:
            os.environ.pop("RHETORICLAB_DATA_MIRROR", None)
        else:
            os.environ["RHETORICLAB_DATA_MIRROR"] = old
    return reg


@pytest.fixture(scope="module")
def ours():
    base = ROOT / "lib" / "rhetoriclab" / "data" / "actors"
    return ActorRegistry.from_files(*(base / n for n in DATA_FILES))


def test_the_dictionaries_are_pinned_with_sha256():
    reg = load_registry("petrarch2")
    for name in (*ph.ACTOR_FILES, ph.AGENT_FILE):
        assert reg[f"{ph.DICTIONARY_DIR}/{name}"].startswith("sha256:")


@needs_mirror
def test_registry_merges_phoenix_and_reports_what_it_left_out(merged, ours):
    assert "petrarch2 Phoenix dictionaries" in merged.sources
    assert len(merged.entries) > 10 * len(ours.entries)
    assert any("ends before it starts" in p for p in merged.problems)


@needs_mirror
@pytest.mark.parametrize(
    ("sentence", "name", "code", "org", "sector"),
    [  # real sentences of the PLOVER dev set (dated 2000-01-01 there)
        ("In an interview this weekend, President Abdelaziz Bouteflika said he is prepared to lift ban on Islamic "
         "Salvation Front (FIS) but not with its historical leadership.", "Abdelaziz Bouteflika", "DZA", None, "GOV"),
        ("Egyptian demonstrators rioted following a peaceful demonstration calling for the immediate removal of "
         "President Hosni Mubarak from office.", "Hosni Mubarak", "EGY", None, "GOV"),
        ("U.N. Secretary-General Kofi Annan announced on Monday that he will withdraw weapons inspectors and "
         "humanitarian workers from Iraq.", "Kofi Annan", "IGO", "UN", None),
        ("The pro-Iranian Hizbollah (Party of God) group declared a unilateral ceasefire on Wednesday in south "
         "Lebanon after 12 days of battles with the Syrian-backed Amal militia.", "Hezbollah", "LBN", None, "REB"),
    ],
)
def test_phoenix_names_actors_our_lists_lack(merged, ours, sentence, name, code, org, sector):
    found = {m.match.name: m for m in merged.find(sentence, Y2000)}
    assert name in found
    m = found[name]
    assert sentence[m.start:m.end] == m.surface
    assert (m.match.actor.code, m.match.actor.org, m.match.actor.sector) == (code, org, sector)
    assert m.surface not in {x.surface for x in ours.find(sentence, Y2000)}


@needs_mirror
def test_dated_roles_are_respected(merged):
    def sector(on):
        return merged.lookup("Jacques Chirac", on).actor.sector
    assert merged.lookup("Jacques Chirac", dt.date(1996, 1, 1)).actor.code == "FRA"
    assert sector(dt.date(1996, 1, 1)) == "GOV"  # president 1995-2007
    assert sector(dt.date(2010, 1, 1)) is None  # afterwards the default role: a former official (ELI)


@needs_mirror
def test_our_csvs_win(merged, ours):
    day = dt.date(2022, 2, 20)
    assert merged.lookup("Vladimir Putin", day) == ours.lookup("Vladimir Putin", day)
    assert merged.lookup("Sergey Lavrov", day).role == "Foreign Minister of Russia"
    # another spelling of an organisation we have names our entry
    assert merged.lookup("Hizbollah", day).name == ours.lookup("Hezbollah", day).name == "Hezbollah"


@needs_mirror
@pytest.mark.parametrize("text", [
    "A pole, buffalo wings and turkey: the menu of the foundation's zero-waste dinner in youth clubs.",
    "Buffalo roam the plains. Munich beer was served.",  # one-word names at sentence starts
    "Korea is divided.",  # North and South Korea's records both claim "Korea": it names neither
    "The Foundation and the Youth of the Cornerstone met.",  # one-word synonyms of El Rukn, Gazteriak
    "The senate, the police and the press secretary spoke to us.",  # generic nouns and stop words
])
def test_no_false_hits_on_common_words(merged, ours, text):
    """Phoenix names match only capitalised, unambiguous and not at a sentence start when they are one word."""
    assert [m.surface for m in merged.find(text, Y2000)] == [m.surface for m in ours.find(text, Y2000)]


@needs_mirror
def test_capitalised_one_word_names_match_inside_a_sentence(merged):
    found = {m.surface: m.match.actor.code for m in merged.find("Fans flew from Buffalo to Munich.", Y2000)}
    assert found == {"Buffalo": "USA", "Munich": "DEU"}


@needs_mirror
def test_find_stays_fast(merged, ours):
    lines = (MIRROR.parent / "eval" / "plover" / "gsr-dev.jsonl")
    import json
    sents = [json.loads(x)["text"] for x in lines.read_text(encoding="utf-8").splitlines()] if lines.is_file() else []
    if not sents:
        pytest.skip("no PLOVER dev sentences to time")

    def best(reg):
        times = []
        for _ in range(5):
            reg.clear_memo()
            t = time.perf_counter()
            for s in sents:
                reg.find(s, Y2000)
            times.append(time.perf_counter() - t)
        return min(times)

    assert best(merged) <= 3 * best(ours)  # measured ~1x; the bound leaves room for a loaded machine


def test_without_the_dictionaries_the_registry_works_and_says_so_once(tmp_path, monkeypatch):
    monkeypatch.setenv("RHETORICLAB_DATA_MIRROR", str(tmp_path))  # an empty mirror folder
    entries, problems, why = load_phoenix([], mirror=tmp_path)
    assert entries == [] and problems == [] and "petrarch2" in why
    default_registry.cache_clear()
    try:
        with pytest.warns(UserWarning, match="without the Phoenix dictionaries") as caught:
            reg = default_registry()
            again = default_registry()
        assert len(caught) == 1 and reg is again
        assert reg.lookup("Russian Foreign Minister Sergey Lavrov", Y2000).actor.code == "RUS"
    finally:
        default_registry.cache_clear()


@needs_mirror
def test_a_changed_dictionary_is_refused(tmp_path):
    src = MIRROR / "petrarch2"
    for name in (*ph.ACTOR_FILES, ph.AGENT_FILE):
        dst = tmp_path / "petrarch2" / ph.DICTIONARY_DIR / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src / ph.DICTIONARY_DIR / name, dst)
    with open(tmp_path / "petrarch2" / ph.DICTIONARY_DIR / ph.AGENT_FILE, "a", encoding="utf-8") as f:
        f.write("EVIL_AGENT [~GOV]\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        entries, _, why = load_phoenix([], mirror=tmp_path)
    assert entries == [] and "sha256" in why
