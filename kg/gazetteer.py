"""Country names, aliases, demonyms and capitals, from the ``countryinfo`` package.

Used to type places (a country is a ``KG.Country``, not just a place), to merge
"the United States", "US" and "America" into one entity, and to read
"Ukrainian" or "British" as a tie to a country.  Loaded once, lazily.
"""

from __future__ import annotations

import functools
import re

__all__ = ["capital_country", "country", "demonym_country", "normalize"]

# Press forms that countryinfo does not list (it lists ISO codes and official names).
_EXTRA_ALIASES = {
    "u.s.": "United States", "u.s.a.": "United States", "america": "United States",
    "the states": "United States", "britain": "United Kingdom", "u.k.": "United Kingdom",
    "great britain": "United Kingdom", "holland": "Netherlands", "the netherlands": "Netherlands",
    "burma": "Myanmar", "czechia": "Czech Republic", "türkiye": "Turkey", "turkiye": "Turkey",
    "uae": "United Arab Emirates", "drc": "Democratic Republic of the Congo",
    "england": "England", "northern ireland": "Northern Ireland",
}
_EXTRA_DEMONYMS = {
    "english": "England", "scottish": "Scotland", "welsh": "Wales", "irish": "Ireland",
    "dutch": "Netherlands", "swiss": "Switzerland", "us": "United States",
    "u.s.": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom",
    "filipino": "Philippines", "argentine": "Argentina", "kiwi": "New Zealand",
    "congolese": "Democratic Republic of the Congo", "palestinian": "Palestine",
    "saudi": "Saudi Arabia", "emirati": "United Arab Emirates", "soviet": "Soviet Union",
}
# Codes that news prose actually uses for countries; other ISO codes ("IN", "IT") are words.
_PROSE_CODES = {"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"}


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
    capitals: dict[str, str] = {}
    for info in CountryInfo.all().values():
        canon = info["name"]
        names.setdefault(normalize(canon), canon)
        for alt in info.get("altSpellings") or ():
            if len(alt) > 3 or alt in _PROSE_CODES:
                names.setdefault(normalize(alt), canon)
        native = info.get("nativeName")
        if isinstance(native, str) and native:
            names.setdefault(normalize(native), canon)
        dem = info.get("demonym")
        if isinstance(dem, str) and dem:
            demonyms.setdefault(normalize(dem), canon)
        caps = info.get("capital") or ()
        for cap in [caps] if isinstance(caps, str) else caps:
            capitals.setdefault(normalize(cap), canon)
    for alias, canon in _EXTRA_ALIASES.items():
        names.setdefault(alias, canon)
    for dem, canon in _EXTRA_DEMONYMS.items():
        demonyms.setdefault(dem, canon)
    return names, demonyms, capitals


def country(name: str) -> str | None:
    """The canonical country name for a name or alias, else ``None``.

    >>> country("the United States"), country("U.S."), country("Ukraine"), country("Paris")
    ('United States', 'United States', 'Ukraine', None)
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
