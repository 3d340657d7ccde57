"""Actor sectors (after CAMEO/PLOVER actor codes) and the head nouns that signal them."""

from __future__ import annotations

#: Sector codes used in the registry, with what each means.
SECTORS: dict[str, str] = {
    "GOV": "government: heads of state, ministers, diplomats, ministries",
    "MIL": "military: armed forces, defence ministries, soldiers",
    "LEG": "legislature: parliaments, lawmakers",
    "JUD": "judiciary: courts, judges, prosecutors",
    "COP": "police and law enforcement",
    "SPY": "intelligence services",
    "REB": "rebels, separatists, armed non-state groups",
    "OPP": "political opposition",
    "PTY": "political parties and campaigns",
    "BUS": "business and finance",
    "MED": "media and journalists",
    "NGO": "non-governmental organisations and think tanks",
    "EDU": "education and research",
    "CVL": "civilians and civil society",
    "REF": "refugees and displaced people",
    "REL": "religious bodies",
}

_HEADS: dict[str, tuple[str, ...]] = {
    "MIL": ("troops", "troop", "forces", "force", "army", "armies", "military", "militaries", "soldier", "soldiers",
            "navy", "air force", "general", "generals", "commander", "commanders", "officer", "officers", "tanks",
            "artillery", "warship", "warships", "jets", "missiles", "battalion", "battalions", "brigade", "units"),
    "GOV": ("official", "officials", "government", "governments", "ministry", "ministries", "minister", "ministers",
            "diplomat", "diplomats", "president", "leader", "leaders", "administration", "authorities", "embassy",
            "ambassador", "spokesman", "spokeswoman", "spokesperson", "cabinet", "foreign ministry", "delegation",
            "king", "queen", "emir", "sultan", "monarch", "chancellor", "premier", "prime minister",
            "foreign minister", "secretary", "secretary of state", "foreign secretary", "mayor", "governor",
            "mediator", "negotiator", "negotiators", "representative", "envoy", "envoys"),
    "LEG": ("lawmaker", "lawmakers", "parliament", "parliamentarians", "legislators", "legislature", "congress",
            "senator", "senators", "senate", "duma", "mps", "deputies", "congressman", "congresswoman"),
    "REB": ("rebel", "rebels", "separatist", "separatists", "militant", "militants", "insurgents", "guerrillas",
            "militia", "militias", "fighters", "gunmen", "militiamen", "militiaman", "paramilitaries"),
    "COP": ("police", "policemen", "officers of the police", "border guards", "guards"),
    "JUD": ("court", "courts", "judge", "judges", "prosecutor", "prosecutors", "tribunal"),
    "SPY": ("intelligence", "spies", "spy agency", "agents"),
    "MED": ("media", "newspaper", "newspapers", "journalist", "journalists", "reporter", "reporters", "tv",
            "television", "broadcaster", "press"),
    "BUS": ("company", "companies", "firm", "firms", "business", "businesses", "bank", "banks", "investors",
            "corporation", "corporations", "industry"),
    "CVL": ("civilians", "civilian", "citizens", "people", "residents", "activists", "protesters", "demonstrators",
            "students", "workers", "villagers"),
    "OPP": ("opposition", "dissidents", "dissident"),
    "PTY": ("party", "parties", "campaign"),
    "REF": ("refugees", "refugee", "displaced", "migrants", "asylum seekers"),
    "NGO": ("ngo", "ngos", "charity", "charities", "think tank", "rights group", "rights groups", "aid group"),
    "EDU": ("university", "universities", "scholars", "academics", "researchers", "school", "schools"),
    "REL": ("church", "clergy", "imam", "imams", "priest", "priests", "bishop", "bishops", "patriarch"),
}

HEAD_SECTOR: dict[str, str] = {noun: sector for sector, nouns in _HEADS.items() for noun in nouns}


#: Head nouns added from other sources (the Phoenix agent dictionary); ours above win.
_ADDED: dict[str, str] = {}


def add_head_sectors(sectors: dict[str, str]) -> None:
    """Let :func:`sector_for` also know these head nouns (``{"militiamen": "REB"}``); our own list wins."""
    for noun, sector in sectors.items():
        if sector in SECTORS and noun.lower() not in HEAD_SECTOR:
            _ADDED.setdefault(noun.lower(), sector)


def sector_for(head_noun: str | None) -> str | None:
    """The sector a head noun or title signals (``"troops"`` -> ``"MIL"``), or ``None``."""
    if not head_noun:
        return None
    key = head_noun.strip().lower()
    return HEAD_SECTOR.get(key) or _ADDED.get(key)
