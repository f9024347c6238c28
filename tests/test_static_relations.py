"""Standing relations from descriptions: where places and organisations are, where people come from,
whom they work for, and who killed whom (end to end through the real spaCy model)."""

from __future__ import annotations

import pytest

from kg import nlp as nlp_stage
from kg.extract import extract
from kg.types import REPORTED, Article


@pytest.fixture(scope="module")
def nlp():
    return nlp_stage.load()


def facts_of(nlp, text: str) -> set[tuple[str, str, str]]:
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-04"))
    return {(f.subject.name, f.relation, f.object.name if f.object else "*") for f in ex.facts}


@pytest.mark.parametrize("text, expected", [
    # a city and its region, with the sentence running on after ", and"
    ("The storm hit Anchorage, Alaska, and moved on toward the coast.", {("Anchorage", "located in", "Alaska")}),
    # a capitalised dateline city the model tags as an organisation
    ("NAIROBI, Kenya (AP)", {("NAIROBI", "located in", "Kenya")}),
    # a place possessing an organisation; an organisation of a place, and of its region
    ("Dancers of Moscow's Bolshoi Ballet joined the show.", {("Bolshoi Ballet", "based in", "Moscow")}),
    ("The plane, owned by Bradley First Air, of Ottawa, Canada, was carrying cargo.",
     {("Bradley First Air", "based in", "Ottawa"), ("Bradley First Air", "based in", "Canada")}),
    # a native, by compound and by "of"
    ("Springsteen, a New Jersey native, was clearly the favorite.", {("Springsteen", "from", "New Jersey")}),
    ("Maria Lopez, a native of Ohio, joined the critics.", {("Maria Lopez", "from", "Ohio")}),
    # a place, an occupation, then the name
    ("Santa Monica artist Tom Van Sant said the statue fell.", {("Tom Van Sant", "from", "Santa Monica")}),
    # an occupation noun modified by an organisation, and a copula with "for"
    ("He said John Jamison, a National Weather Service meteorologist in Galveston.",
     {("John Jamison", "affiliated with", "National Weather Service")}),
    ("Anderson was the chief correspondent for The Associated Press when he was kidnapped.",
     {("Anderson", "affiliated with", "Associated Press")}),
    # a title over a unit an organisation owns
    ("Jane Roe, the head of Google's research unit, spoke.", {("Jane Roe", "affiliated with", "Google")}),
    # killer nouns and verdicts
    ("Abraham Lincoln's killer John Wilkes Booth breaks into song.", {("John Wilkes Booth", "kill", "Abraham Lincoln")}),
    ("In 1881, Charles J. Guiteau went on trial for the assassination of President James Garfield.",
     {("Charles J. Guiteau", "kill", "James Garfield")}),
])
def test_static_relations(nlp, text, expected):
    assert expected <= facts_of(nlp, text)


@pytest.mark.parametrize("text, absent", [
    # a list of places is no "located in"
    ("Winds hit Idaho, Oregon, California and Washington.", ("Oregon", "located in", "California")),
    # a pair followed by another pair: a list, not a place in a place
    ("Rain fell at Jacksonville, Florida, and Dodge City, Kansas.", ("Florida", "located in", "Dodge City")),
    # a noun about a place is not where the person comes from
    ("Syria envoy Geir Pedersen met the delegates.", ("Geir Pedersen", "from", "Syria")),
    # condemning a murder is not committing it; an acquittal asserts nothing
    ("Officials condemned the murder of Maria Lopez.", ("Officials", "kill", "Maria Lopez")),
    ("The jury found James Earl Ray not guilty of murdering Martin Luther King.",
     ("James Earl Ray", "kill", "Martin Luther King")),
])
def test_no_static_relation(nlp, text, absent):
    assert absent not in facts_of(nlp, text)


def test_a_charge_of_killing_is_reported_not_asserted(nlp):
    text = "John Smith, suspected in the slaying of Maria Lopez, fled."
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-04"))
    kill = [f for f in ex.facts if f.relation == "kill"]
    assert [(f.subject.name, f.object.name, f.factuality) for f in kill] == [("John Smith", "Maria Lopez", REPORTED)]


@pytest.mark.parametrize("text, expected", [
    ("The Chilean delegation included Deputy Minister of Justice Ana Ruiz, Deputy Central Bank Governor Tom Berg, "
     "and Ministry of Defense officials.", {("Ana Ruiz", "affiliated with", "Chile"), ("Tom Berg", "affiliated with", "Chile")}),
    ("The delegation of Peru included Ana Ruiz and Tom Berg.",
     {("Ana Ruiz", "affiliated with", "Peru"), ("Tom Berg", "affiliated with", "Peru")}),
])
def test_members_of_a_delegation(nlp, text, expected):
    assert expected <= facts_of(nlp, text)
