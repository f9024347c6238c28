"""Cities with GeoNames identifiers and coordinates, from offline data shipped in a pip package.

Source: the GeoNames `cities15000` table (every populated place of 15,000 people or more, with its
geonameid, alternate names, coordinates, feature code, country and first-level division), as shipped
unchanged inside the `geotext` package (5 MB, no dependencies; data CC BY 4.0 geonames.org). Nothing
is downloaded at run time. Only the data file is read; geotext's own matcher is not used.

A name is linked to a city only when the data alone, or the text's own context, settles which one:
never by guessing between namesakes of similar size (`lookup`).
"""

from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.gazetteer import fold

GEONAMES = "https://sws.geonames.org/{}/"
# A namesake this many times more populous than the next is the one news means ("Paris").
_DOMINANCE = 5
_ASCII_NAME = re.compile(r"^[\w\s'.,-]+$", re.ASCII)
_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2
    admin1: str  # first-level division code (the state's postal code in the US)
    population: int
    capital: bool  # seat of a national government (feature code PPLC)

    @property
    def iri(self) -> str:
        return GEONAMES.format(self.geonameid)


def _data_file() -> Path | None:
    # find_spec locates the package without importing it (its __init__ builds an index we never use).
    spec = importlib.util.find_spec("geotext")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cities15000.txt"
    return path if path.exists() else None


@lru_cache(maxsize=1)
def load() -> tuple[list[list[str]], dict[str, set[int]]]:
    """The GeoNames rows, and folded name or ASCII alternate name -> their row numbers."""
    path = _data_file()
    if path is None:
        return [], {}
    rows: list[list[str]] = []
    index: dict[str, set[int]] = defaultdict(set)
    with path.open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                continue
            rows.append(cols)
            # The ASCII name and ASCII alternate names: what English news writes ("Kyiv", "Tarija").
            for name in {cols[2], *(a for a in cols[3].split(",") if a.isascii() and a.isalpha() or _ASCII_NAME.match(a))}:
                # Most names are one plain word, whose fold is its lower case.
                if key := name.lower() if name.isalpha() and name.isascii() else _fold_ascii(name):
                    index[key].add(len(rows) - 1)
    return rows, dict(index)


@lru_cache(maxsize=1)
def country_ids() -> dict[str, int]:
    """ISO 3166-1 alpha-2 -> GeoNames id of the country (GeoNames countryInfo, same package)."""
    path = _data_file()
    ids: dict[str, int] = {}
    if path is None:
        return ids
    with (path.parent / "countryInfo.txt").open(encoding="utf-8-sig") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(cols) > 16 and cols[16].isdigit():
                ids[cols[0]] = int(cols[16])
    return ids


def _fold_ascii(name: str) -> str:
    """`gazetteer.fold` for ASCII text, ten times faster (GeoNames has 100,000 names to fold)."""
    text = _NON_WORD.sub(" ", name.lower().replace(".", "").replace("'", "")).strip()
    return text[4:] if text.startswith("the ") else text


def candidates(name: str) -> tuple[City, ...]:
    """Every city the name may stand for, most populous first."""
    rows, index = load()
    cities = [_city(rows[i]) for i in index.get(fold(name), ())]
    return tuple(sorted(cities, key=lambda c: (-c.population, c.geonameid)))


def _city(c: list[str]) -> City:
    return City(geonameid=int(c[0]), name=c[1], lat=float(c[4]), lon=float(c[5]), country=c[8],
                admin1=c[10], population=int(c[14] or 0), capital=c[7] == "PPLC")


def in_region_coded(name: str, code: str) -> bool:
    """Is there a city so named in a first-level division with this code: ("Tulsa", "OK")?"""
    return any(c.admin1 == code for c in candidates(name))


def lookup(name: str, *, capital_of: str | None = None, within: frozenset[str] | None = None,
           countries: frozenset[str] = frozenset(),
           regions: frozenset[tuple[str, str]] = frozenset()) -> City | None:
    """The one city a place name stands for, or None when the data and context leave it open.

    capital_of: the country whose capital the name is (from the country gazetteer);
    within: only cities of these countries (a name that is also a state or province elsewhere);
    countries: ISO codes of the countries named around the mention;
    regions: (country, admin1 code) of the first-level divisions named around it ("Virginia").
    """
    found = tuple(c for c in candidates(name) if within is None or c.country in within)
    if not found:
        return None
    if capital_of:
        seats = [c for c in found if c.capital and c.country == capital_of]
        if len(seats) == 1:
            return seats[0]
    if best := _settled(found):
        return best
    # Namesakes of similar size: the countries and states named around the mention decide, if any.
    for narrowed in ([c for c in found if (c.country, c.admin1) in regions],
                     [c for c in found if c.country in countries]):
        if narrowed:
            return _settled(tuple(narrowed))
    return None


def _settled(found: tuple[City, ...]) -> City | None:
    """The only candidate, or one that dwarfs the next (most populous first)."""
    if len(found) == 1:
        return found[0]
    return found[0] if found[0].population >= _DOMINANCE * max(found[1].population, 1) else None
