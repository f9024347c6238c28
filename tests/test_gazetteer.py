"""Countries, demonyms, capitals and first-level divisions (pycountry, countryinfo) and GeoNames cities."""

from __future__ import annotations

import pytest

from kg import gazetteer, places
from kg.gazetteer import fold


def test_fold_ignores_case_accents_dots_and_a_leading_article():
    assert fold("the U.S.") == fold("US") == "us"
    assert fold("Türkiye") == fold("TURKIYE") == "turkiye"
    assert fold("Washington, D.C.") == "washington dc"


@pytest.mark.parametrize("name, code", [
    ("Türkiye", "TR"), ("Turkey", "TR"), ("Turkiye", "TR"), ("Republic of Türkiye", "TR"),
    ("United States", "US"), ("the United States of America", "US"), ("America", "US"),
    ("Republic of Armenia", "AM"), ("Czechia", "CZ"), ("Iran", "IR"),
])
def test_country_names_and_short_forms(name, code):
    assert gazetteer.load().country(name).code == code


def test_bare_codes_are_countries_only_when_allowed():
    gaz = gazetteer.load()
    assert gaz.country("US") is None and gaz.country("US", allow_code=True).code == "US"
    assert gaz.country("USA", allow_code=True).code == gaz.country("U.S.", allow_code=True).code == "US"
    assert gaz.is_code("IS") and not gaz.is_code("Iceland")


@pytest.mark.parametrize("demonym, code", [("Turkish", "TR"), ("Azerbaijani", "AZ"), ("Armenian", "AM"),
                                           ("American", "US"), ("Israelis", "IL")])
def test_demonyms(demonym, code):
    assert gazetteer.load().demonym(demonym).code == code


def test_capitals_and_first_level_divisions():
    gaz = gazetteer.load()
    assert gaz.capital_of("Ankara").code == "TR"
    assert gaz.capital_of("Washington").code == "US"
    assert gaz.capital_of("Istanbul") is None
    assert gaz.division("Virginia") == {("US", "VA")}


def test_a_capital_is_its_countrys_seat_whatever_its_namesakes():
    city = places.lookup("Washington", capital_of="US")
    assert city.geonameid == 4140963 and city.capital and city.country == "US"
    assert city.iri == "https://sws.geonames.org/4140963/"


def test_namesakes_are_settled_by_size_or_context_never_guessed():
    assert places.lookup("Paris").country == "FR"  # dwarfs Paris, Texas
    assert places.lookup("Moscow", countries=frozenset({"US"})).country == "RU"  # context never overrides size
    assert places.lookup("Springfield") is None
    assert places.lookup("Arlington") is None
    assert places.lookup("Arlington", regions=frozenset({("US", "VA")})).admin1 == "VA"
    assert places.lookup("Virginia", within=frozenset({"US"})) is None


def test_city_names_fold_and_alternate_names_find_the_same_city():
    assert places.lookup("PRAGUE").geonameid == places.lookup("Prague").geonameid == 3067696
    assert places.lookup("Kyiv").geonameid == places.lookup("Kiev").geonameid == 703448


def test_countries_have_geonames_ids():
    assert places.country_ids()["TR"] == 298795
    assert places.country_ids()["US"] == 6252001


def test_ap_state_abbreviations_are_divisions_only_as_written():
    gaz = gazetteer.load()
    assert gaz.division("Ore.") == {("US", "OR")} and gaz.division("N.C.") == {("US", "NC")}
    assert not gaz.division("Miss") and not gaz.division("ore")


def test_britain_is_the_united_kingdom():
    # derived from the alternative spelling "Great Britain", as news writes it
    assert gazetteer.load().country("Britain").code == "GB"
