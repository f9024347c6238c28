"""Country names, short forms, demonyms and capitals from maintained offline data.

Sources: pycountry (ISO 3166 names, official and common names; ISO 3166-2 first-level divisions) and
countryinfo (alternative spellings, demonyms, capitals with coordinates). No hand-typed table: every
alias below is derived from those packages by the rules in `_aliases`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str  # preferred English name
    demonym: str | None
    capital: str | None
    capital_latlng: tuple[float, float] | None
    latlng: tuple[float, float] | None


_DROPPED = re.compile(r"[.\u2019']")
_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used for every gazetteer lookup.

    Memoised: resolution folds the same few thousand names over and over."""
    text = unicodedata.normalize("NFKD", text)
    if not text.isascii():
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _DROPPED.sub("", text.lower())  # U.S. -> us
    text = _NON_WORD.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True)
class Gazetteer:
    countries: dict[str, Country]  # code -> country
    names: dict[str, str]  # folded name -> code
    codes: dict[str, str]  # folded ISO code -> code (trusted only for place-tagged mentions)
    demonyms: dict[str, str]  # folded demonym (singular and plural) -> code
    capitals: dict[str, str]  # folded capital name -> code
    # folded name of a first-level division ("Virginia") -> (country code, division code) pairs
    divisions: dict[str, frozenset[tuple[str, str]]]
    # AP style's state abbreviations as written ("Ore.", "N.C."): matched with their periods,
    # so that "Miss." and "Wash." are states only where a writer abbreviated them
    abbreviations: dict[str, tuple[str, str]]

    def country(self, text: str, *, allow_code: bool = False) -> Country | None:
        key = fold(text)
        code = self.names.get(key) or (self.codes.get(key) if allow_code else None)
        return self.countries.get(code) if code else None

    def demonym(self, text: str) -> Country | None:
        code = self.demonyms.get(fold(text))
        return self.countries.get(code) if code else None

    def capital_of(self, text: str) -> Country | None:
        code = self.capitals.get(fold(text))
        return self.countries.get(code) if code else None

    def division(self, text: str) -> frozenset[tuple[str, str]]:
        """(country, division code) of every first-level division so named: {("US", "VA")}."""
        if (state := self.abbreviations.get(text.strip())) is not None:
            return frozenset({state})
        return self.divisions.get(fold(text), frozenset())

    def is_code(self, text: str) -> bool:
        """An ISO or common short form of a country ("US", "USA", "UK"), which may also be an acronym."""
        return fold(text) in self.codes and fold(text) not in self.names


def _tail_after_of(name: str) -> str | None:
    """'United States of America' -> 'America': the short form news uses for long official names."""
    if " of " not in name or " and " in name:
        return None
    tail = name.rsplit(" of ", 1)[1]
    return re.sub(r"^the ", "", tail) if tail[:1].isupper() else None


def _aliases(record: dict, iso) -> set[str]:
    names = {record.get("name") or "", *(record.get("altSpellings") or [])}
    if iso is not None:
        names |= {iso.name, getattr(iso, "common_name", ""), getattr(iso, "official_name", "")}
    names |= {t for n in list(names) if n and (t := _tail_after_of(n))}
    # "Iran, Islamic Republic of" -> "Iran"
    names |= {n.split(",")[0] for n in list(names) if n and "," in n}
    # "Great Britain" -> "Britain", as news writes it
    names |= {n[len("Great "):] for n in list(names) if n.startswith("Great ")}
    return {n for n in names if n and not re.fullmatch(r"[A-Z]{2,3}", n)}


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    import pycountry
    from countryinfo import CountryInfo

    countries: dict[str, Country] = {}
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    # Most populous first, so a shared alias or demonym ("American") goes to the state most
    # likely meant; ties broken by name for determinism.
    records = sorted(CountryInfo.all().items(), key=lambda kv: (-(kv[1].get("population") or 0), kv[0]))
    for _, record in records:
        code = (record.get("ISO") or {}).get("alpha2")
        iso = pycountry.countries.get(alpha_2=code) if code else None
        if not code or iso is None:
            continue
        if code in countries and record.get("capital") is None:
            continue  # a constituent part listed under its state's code: not the state itself
        name = getattr(iso, "common_name", None) or record.get("name") or iso.name
        cap_ll = record.get("capital_latlng") or None
        cap = record.get("capital")
        ll = record.get("latlng")
        countries.setdefault(code, Country(
            code=code, name=name, demonym=record.get("demonym"), capital=cap if isinstance(cap, str) else None,
            capital_latlng=tuple(cap_ll) if cap_ll else None, latlng=tuple(ll) if ll else None))
        for alias in _aliases(record, iso):
            names.setdefault(fold(alias), code)
        short = [a for a in record.get("altSpellings") or [] if re.fullmatch(r"[A-Z]{2,3}", a)]
        for c in (iso.alpha_2, iso.alpha_3, *short):
            codes.setdefault(fold(c), code)
        if dem := record.get("demonym"):
            for form in (dem, dem + "s"):
                demonyms.setdefault(fold(form), code)
        caps = record.get("capital") or []
        for cap in [caps] if isinstance(caps, str) else caps:  # some states list several
            capitals.setdefault(fold(re.sub(r"\s+D\.?C\.?$", "", cap)), code)
    return Gazetteer(countries, names, codes, demonyms, capitals, _divisions(pycountry), _ap_abbreviations())


def _ap_abbreviations() -> dict[str, tuple[str, str]]:
    """The Associated Press's abbreviations of U.S. states (from the `us` package), as written."""
    import us

    return {s.ap_abbr: ("US", s.abbr) for s in us.states.STATES_AND_TERRITORIES
            if s.ap_abbr and s.ap_abbr.endswith(".")}


def _divisions(pycountry) -> dict[str, frozenset[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:  # first level only: states, provinces, regions
            found.setdefault(fold(sub.name), set()).add((sub.country_code, sub.code.split("-", 1)[1]))
    return {name: frozenset(pairs) for name, pairs in found.items()}
