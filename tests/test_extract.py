"""Extraction rules: sentence in, facts out (end to end through the real spaCy model)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg import nlp as nlp_stage
from kg.extract import extract
from kg.extract.clauses import MentionIndex, arg_mentions
from kg.extract.mentions import sentence_mentions
from kg.types import REPORTED, Article


@pytest.fixture(scope="module")
def nlp():
    return nlp_stage.load()


def facts_of(nlp, text: str, date: str | None = "2024-06-04") -> set[tuple[str, str, str]]:
    ex = extract(nlp(text), Article(id="t", text=text, date=date))
    return {(f.subject.name, f.relation, f.object.name if f.object else "*") for f in ex.facts}


def factuality_of(nlp, text: str) -> dict[tuple[str, str, str], str]:
    """Each fact of the text, as in `facts_of`, with its factuality."""
    ex = extract(nlp(text), Article(id="t", text=text))
    return {(f.subject.name, f.relation, f.object.name if f.object else "*"): f.factuality for f in ex.facts}


@pytest.mark.parametrize("text, expected", [
    # coordination on the subject side, title split off the name
    ("Foreign Minister Anna Kowalska and Trade Secretary Piet de Vries met in Geneva on Tuesday.",
     {("Anna Kowalska", "meet", "Piet de Vries")}),
    # passive with a coordinated by-agent
    ("The talks were attended by Chilean Foreign Minister Pablo Reyes and Peruvian Foreign Minister Luis Soto.",
     {("Pablo Reyes", "attend", "talks"), ("Luis Soto", "attend", "talks")}),
    # coordination on both sides, group expanded through "including" and a late apposition
    ("Officials including Adviser Tom Hale and Secretary Ana Ruiz engaged with their counterparts, "
     "Minister Omar Said and Adviser Lina Haddad, to explore options.",
     {("Tom Hale", "engage", "Omar Said"), ("Tom Hale", "engage", "Lina Haddad"),
      ("Ana Ruiz", "engage", "Omar Said"), ("Ana Ruiz", "engage", "Lina Haddad")}),
    # a coordinated object list
    ("Prime Minister Ivan Petrov will visit Chile, Peru and Brazil.",
     {("Ivan Petrov", "visit", "Chile"), ("Ivan Petrov", "visit", "Peru"), ("Ivan Petrov", "visit", "Brazil")}),
    # topics: every name inside the discussed phrase
    ("Kowalska and de Vries discussed the situation in Chad and Malawi.",
     {("Kowalska", "discuss", "Chad"), ("Kowalska", "discuss", "Malawi")}),
])
def test_sentence_facts(nlp, text, expected):
    assert expected <= facts_of(nlp, text)


def test_offices_from_titles_and_appositions(nlp):
    text = ("Chilean Foreign Minister Pablo Reyes met Luis Soto, the national security adviser, "
            "in Lima on Monday.")
    facts = facts_of(nlp, text)
    assert ("Pablo Reyes", "holds office", "Chilean Foreign Minister") in facts  # the country is part of the office
    assert ("Luis Soto", "holds office", "national security adviser") in facts


def test_place_time_and_factuality(nlp):
    text = "Foreign Minister Anna Kowalska met Piet de Vries in Geneva on Tuesday. Kowalska will visit Peru."
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-06"))
    meet = next(e for e in ex.events if e.relation == "meet")
    assert meet.place.name == "Geneva"
    assert meet.time.text == "Tuesday" and meet.time.date == "2024-06-04"
    visit = next(e for e in ex.events if e.relation == "visit")
    assert visit.factuality == "planned"


def test_negation(nlp):
    ex = extract(nlp("Petrov did not meet Soto."), Article(id="t", text="Petrov did not meet Soto."))
    assert [e.factuality for e in ex.events] == ["negated"]


def test_pronoun_resolved_to_previous_subject_or_dropped(nlp):
    text = "Prime Minister Ivan Petrov arrived in Lima. He will urge Peru to act."
    facts = facts_of(nlp, text)
    assert ("Ivan Petrov", "urge", "Peru") in facts
    assert not any(s.lower() in {"he", "she", "they"} or o.lower() in {"he", "she", "they"} for s, _, o in facts)
    assert not any(s.lower() == "they" for s, _, _ in facts_of(nlp, "They urged Peru to act."))


def test_facts_keep_sentence_and_offsets(nlp):
    text = "Markets rose. Foreign Minister Anna Kowalska met Piet de Vries in Geneva."
    ex = extract(nlp(text), Article(id="t", text=text))
    fact = next(f for f in ex.facts if f.relation == "meet")
    assert fact.sentence.text == text[fact.sentence.start:fact.sentence.end]
    assert fact.sentence.text.startswith("Foreign Minister")
    assert text[fact.subject.start:fact.subject.end] == fact.subject.text


def test_arg_mentions_over_a_hand_built_parse():
    """Coordination is found from the dependency tree alone, whatever the model would say."""
    from spacy.vocab import Vocab

    words = ["Novak", "and", "Berg", "met", "Soto", "."]
    doc = Doc(Vocab(), words=words, heads=[3, 0, 0, 3, 3, 3], deps=["nsubj", "cc", "conj", "ROOT", "dobj", "punct"],
              pos=["PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "PUNCT"], ents=["B-PERSON", "O", "B-PERSON", "O", "B-PERSON", "O"],
              sent_starts=[True, False, False, False, False, False])
    index = MentionIndex(sentence_mentions(doc[:]))
    assert [m.name for m in arg_mentions(doc[0], index)] == ["Novak", "Berg"]


@pytest.mark.parametrize("text, expected", [
    # nominal events: possessor as agent, prepositions as patients
    ("Petrov's visit to Lima lasted two days.", {("Petrov", "visit", "Lima")}),
    ("The meeting between Anna Kowalska and Piet de Vries was cancelled.",
     {("Anna Kowalska", "meet", "Piet de Vries")}),
    ("Chilean airstrikes on Arica continued.", {("Chilean", "strike", "Arica")}),
    # a support verb hands its subject to the event noun
    ("Kowalska held talks with Soto in Geneva.", {("Kowalska", "meet", "Soto")}),
    # present at a gathering
    ("Mayor Ana Vidal spoke during a news conference in Lisbon.", {("Ana Vidal", "confer in", "Lisbon")}),
    # an agentless passive keeps its patient as subject, with the complement as object
    ("Karl Lind was killed in an ambush near Tarija.", {("Karl Lind", "be killed in", "ambush")}),
    # a relative clause's subject is the noun it modifies; a participle modifier is passive
    ("Police arrested Omar Said, who attacked Karl Lind.", {("Omar Said", "attack", "Karl Lind")}),
    # accusation frames name the deed's alleged agent
    ("Omar Said was convicted of the murder of Karl Lind.", {("Omar Said", "murder", "Karl Lind")}),
    # standing relations
    ("The fire started in Fairbanks, Alaska, on Monday.", {("Fairbanks", "located in", "Alaska")}),
    ("Dr. Lena Berg of Uppsala University said the samples were old.",
     {("Lena Berg", "affiliated with", "Uppsala University")}),
    ("Peruvian President Luis Soto arrived.", {("Luis Soto", "affiliated with", "Peruvian")}),
])
def test_more_sentence_facts(nlp, text, expected):
    found = facts_of(nlp, text)
    for s, r, o in expected:
        assert any(fs == s and fr == r and (o == "*" or fo == o) for fs, fr, fo in found), found


@pytest.mark.parametrize("text, fact", [
    # an event a reader records by itself is a fact with no object
    ("Karl Lind died on Tuesday.", ("Karl Lind", "die")),
    ("Omar Said was arrested.", ("Omar Said", "be arrested")),
    ("Protesters rallied for hours.", ("Protesters", "rally")),
    # the possessor of "death" is who died; other victim nouns are told in the passive
    ("Karl Lind's death shocked the town.", ("Karl Lind", "die")),
    ("Omar Said's arrest angered his family.", ("Omar Said", "be arrested")),
])
def test_object_less_facts(nlp, text, fact):
    assert (*fact, "*") in facts_of(nlp, text)


@pytest.mark.parametrize("text, expected, unwanted", [
    # a company or person "of" a known place is two mentions, so the place relation is found
    ("Granite Plastics Inc. of Denver will buy the plant.", ("Granite Plastics Inc.", "based in", "Denver"), None),
    ("Maria Lopez of Tulsa said the plant would close.", ("Maria Lopez", "from", "Tulsa"), None),
    ("Jan Novak of the Civic Democratic Party, better known by its acronym ODS, met the families.",
     ("Jan Novak", "affiliated with", "Civic Democratic Party"), "ODS"),
    # an institution named after its place keeps its name
    ("Maria Lopez, a professor at the University of Chicago, spoke.",
     ("Maria Lopez", "affiliated with", "University of Chicago"), "Chicago"),
])
def test_a_place_after_of_is_split_from_a_company_or_person(nlp, text, expected, unwanted):
    found = facts_of(nlp, text)
    assert expected in found, found
    assert unwanted is None or all(unwanted not in (s, o) for s, _, o in found)


def test_a_weekday_after_a_place_is_a_time_not_part_of_its_name(nlp):
    # the small model tags "Lima Monday" as one name; the place is Lima, the day is a time
    text = "Foreign Minister Ana Ruiz will be heading to Lima Monday."
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-04"))
    assert ("Ana Ruiz", "head to", "Lima") in {(f.subject.name, f.relation, f.object and f.object.name) for f in ex.facts}
    assert next(e for e in ex.events if e.relation == "head to").time.date == "2024-06-10"


def test_going_somewhere_is_a_movement(nlp):
    assert ("Ana Ruiz", "go to", "Lima") in facts_of(nlp, "The crisis deepened as Ana Ruiz went to Lima on Tuesday.")
    assert facts_of(nlp, "Ana Ruiz is going to decide soon.") == set()


@pytest.mark.parametrize("text, expected", [
    # the target of an event noun hung on its support verb, and a hyphenated modifier kept whole
    ("The Chilean-led coalition launched airstrikes on Arica.", ("Chilean-led coalition", "strike", "Arica")),
    ("Kowalska held talks on Monday with Soto on trade.", ("Kowalska", "meet", "Soto")),
    # claiming a deed makes the claimant its (reported) agent
    ("The Red Dawn Front claimed responsibility for the attack.", ("Red Dawn Front", "attack", "*")),
])
def test_support_verbs_hand_over_their_arguments(nlp, text, expected):
    assert expected in facts_of(nlp, text)


def test_a_claimed_deed_is_reported(nlp):
    text = "The Red Dawn Front claimed the attack."
    ex = extract(nlp(text), Article(id="t", text=text))
    assert [e.factuality for e in ex.events if e.relation == "attack"] == ["reported"]


def test_topics_of_a_discussion_of_ways_are_what_the_ways_are_for(nlp):
    text = ("The ministers discussed ways and assessed concrete steps to deepen their cooperation on "
            "maritime issues, defense issues, tourism, water and energy security, fighting drought and "
            "expanding farm exports, while agreeing to hold talks on a range of regional issues.")
    topics = {o for s, r, o in facts_of(nlp, text) if r == "discuss"}
    assert {"defense issues", "tourism", "energy", "drought", "farm exports"} <= topics
    assert not topics & {"ways", "concrete steps", "regional issues", "range", "maritime issues"}


@pytest.mark.parametrize("text, expected", [
    # "their support for X's sovereignty": the pair supports X, the possessor
    ("Foreign Minister Anna Kowalska and Trade Secretary Piet de Vries met in Geneva. They also "
     "reiterated their support for Chile's sovereignty and territorial integrity against Peru's claims.",
     {("Anna Kowalska", "support", "Chile"), ("Piet de Vries", "support", "Chile")}),
    # what is supported need not have a name
    ("Foreign Minister Anna Kowalska reaffirmed support for productive UN-brokered talks.",
     {("Anna Kowalska", "support", "productive UN-brokered talks")}),
])
def test_support_for(nlp, text, expected):
    found = facts_of(nlp, text)
    assert expected <= found, found
    assert not any(o == "Peru" for _, r, o in found if r == "support")


@pytest.mark.parametrize("text, expected", [
    # a participle with a by-phrase is passive: who joined whom
    ("Ambassador to Chile Ana Ruiz was in Lima as well, joined by Chilean Ambassador to the United States Eva Sol.",
     {("Eva Sol", "join", "Ana Ruiz"), ("Eva Sol", "holds office", "Chilean Ambassador to the United States")}),
    # "Under" opens the title; a list closed by "and many others" is all met
    ("Minister Ivan Petrov had meetings with Trade Adviser Tom Hale, Under Secretary of State for "
     "Economic Affairs Lina Haddad, and many others.",
     {("Ivan Petrov", "meet", "Tom Hale"), ("Ivan Petrov", "meet", "Lina Haddad"),
      ("Lina Haddad", "holds office", "Under Secretary of State for Economic Affairs")}),
])
def test_titles_and_lists_the_parser_splits(nlp, text, expected):
    found = facts_of(nlp, text)
    assert expected <= found, found


def test_a_name_after_a_comma_is_no_partner_without_and(nlp):
    assert ("Kowalska", "meet", "Ruiz") not in facts_of(nlp, "Kowalska met Soto, Ruiz said.")


def test_a_gathering_takes_its_place_from_its_relative_clause(nlp):
    text = "The talks, which took place over four days in Tarija, were attended by Foreign Minister Ana Ruiz."
    ex = extract(nlp(text), Article(id="t", text=text))
    attend = next(e for e in ex.events if e.relation == "attend")
    assert attend.place is not None and attend.place.name == "Tarija"


def test_a_marked_participle_with_a_by_phrase_takes_no_patient_from_the_clause(nlp):
    # "as envisioned by X": X envisioned the plan, not the people who made it
    text = "Minister Ana Ruiz intends to deepen cooperation as envisioned by the Lima Accord Council."
    assert not any(r == "envision" for _, r, _ in facts_of(nlp, text))


@pytest.mark.parametrize("text, expected", [
    # business: a date after "agreed on" controls nothing
    ("Granite Foods agreed on Monday to buy Danish rival Nordvik Dairy for $2 billion.",
     {("Granite Foods", "buy", "Nordvik Dairy")}),
    # sport: roles written in lower case before a name; where a player came from
    ("Porto Azul coach Helena Duarte praised the defense.", {("Helena Duarte", "holds office", "coach")}),
    ("Rivera, who joined from Valencia in January, opened the scoring.", {("Rivera", "join from", "Valencia")}),
    # science: a team led by someone; a profession opening the sentence
    ("The team, led by geologist Anna Berg, drilled into the seabed.",
     {("Anna Berg", "lead", "team"), ("Anna Berg", "holds office", "geologist")}),
    ("Other experts urged caution. Paleobotanist David Kim of Uppsala University said more samples were needed.",
     {("David Kim", "holds office", "Paleobotanist"), ("David Kim", "affiliated with", "Uppsala University")}),
])
def test_other_genres(nlp, text, expected):
    found = facts_of(nlp, text)
    assert expected <= found, found
    assert not any(s == "Monday" or o == "Monday" for s, _, o in found)


@pytest.mark.parametrize("text, expected, unwanted", [
    # a quotation is kept whole, and "that" is no part of what was said
    ('"We suffered, but we deserved it," Duarte said.', ("Duarte", "say", "We suffered, but we deserved it"), None),
    ("The ministry said in a statement that talks would resume.", ("ministry", "say", "talks would resume"),
     "say in"),
    # where or when a speaker spoke is no complement of the speech
    ("Rivera opened the scoring and added a second after halftime.", ("Rivera", "open", "scoring"), "add after"),
])
def test_reported_speech(nlp, text, expected, unwanted):
    ex = extract(nlp(text), Article(id="t", text=text))
    found = {(f.subject.name, f.relation, f.object.name if f.object else f.content) for f in ex.facts}
    assert expected in found, found
    assert unwanted is None or all(r != unwanted for _, r, _ in found)


def test_the_two_sides_are_the_two_countries_last_named_together(nlp):
    text = "Chile and Peru held talks in Quito. The two sides have fought three wars over the desert."
    found = facts_of(nlp, text)
    assert {("Chile", "fight", "three wars"), ("Peru", "fight", "three wars")} <= found, found


def test_what_was_agreed_and_what_was_discussed(nlp):
    text = ("Foreign Minister Anna Kowalska and Trade Secretary Piet de Vries discussed advancing press "
            "freedom and strengthening rule of law, while agreeing to intensify consultations on water policy.")
    ex = extract(nlp(text), Article(id="t", text=text))
    found = {(f.subject.name, f.relation, f.object.name if f.object else f.content) for f in ex.facts}
    assert {("Anna Kowalska", "discuss", "press freedom"), ("Anna Kowalska", "discuss", "rule of law"),
            ("Anna Kowalska", "agree", "intensify consultations on water policy")} <= found, found


def test_a_verb_with_nothing_to_record_makes_no_fact(nlp):
    # "added" with no object or complement: the event is kept, but there is no fact to state
    assert facts_of(nlp, "Karl Lind added.") == set()


def test_topics_through_general_nouns(nlp):
    text = "Kowalska and de Vries discussed ways to deepen cooperation on energy, trade and climate change."
    found = {o for s, r, o in facts_of(nlp, text) if s == "Kowalska" and r == "discuss"}
    assert {"energy", "trade", "climate change"} <= found


def test_no_list_of_places_is_read_as_located_in(nlp):
    facts = facts_of(nlp, "Ivan Petrov will visit Chile, Peru and Brazil.")
    assert not [f for f in facts if f[1] == "located in"]


@pytest.mark.parametrize("text, expected", [
    ("Pemex Director Rosa Ortiz told reporters the plant had reopened.", ("Rosa Ortiz", "affiliated with", "Pemex")),
    ("The Teachers Union spokesman Bert Lane said the talks had failed.", ("Bert Lane", "affiliated with", "Teachers Union")),
    ("The storm damaged the cities of Krakow and Gdansk in Poland.", ("Krakow", "located in", "Poland")),
    ("The storm damaged the cities of Krakow and Gdansk in Poland.", ("Gdansk", "located in", "Poland")),
])
def test_affiliation_and_location_from_descriptions(nlp, text, expected):
    assert expected in facts_of(nlp, text)


def test_light_verb_idioms_and_non_actor_subjects(nlp):
    facts = facts_of(nlp, "Foreign Minister Ana Ruiz took part in the talks. Ways to cut costs were found.")
    assert ("Ana Ruiz", "take part in", "talks") in facts
    assert not [f for f in facts if f[0] == "Ways" or f[2] == "part"]


def test_speaker_pronoun_and_relative_object(nlp):
    facts = facts_of(nlp, "Northwind Bank said it had agreed to buy Harbor Capital. "
                          "The images came from the Vega Telescope, which the Lisbon Space Agency launched in 2021.")
    assert ("Northwind Bank", "buy", "Harbor Capital") in facts
    assert ("Lisbon Space Agency", "launch", "Vega Telescope") in facts


@pytest.mark.parametrize("text, name", [
    ("Leaders from the Departments of State and Defense attended.", "Departments of State"),
    ("They met as partners and NATO Allies.", "NATO"),
])
def test_mention_boundaries(nlp, text, name):
    doc = nlp(text)
    assert name in [m.name for m in sentence_mentions(doc[:])]


def test_a_verb_the_parser_hung_on_a_noun_still_has_its_subject(nlp):
    text = ("Foreign Minister Ana Ruiz and her Chilean counterparts, including Trade Minister Luis Soto, "
            "engaged in long discussions covering Peru, Bolivia and more.")
    facts = facts_of(nlp, text)
    assert ("Ana Ruiz", "engage with", "Luis Soto") in facts
    assert {("Ana Ruiz", "discuss", "Peru"), ("Luis Soto", "discuss", "Bolivia")} <= facts


def test_appeal_complements_are_not_asserted_and_discussion_pairs_say_with(nlp):
    text = "Chancellor Ana Ruiz and President Luis Soto discussed trade. Ruiz urged Soto to release the prisoners."
    ex = extract(nlp(text), Article(id="t", text=text))
    facts = {(f.subject.name, f.relation, f.object.name if f.object else "", f.factuality) for f in ex.facts}
    assert ("Ana Ruiz", "discuss with", "Luis Soto", "asserted") in facts
    assert ("Soto", "release", "prisoners", "hypothetical") in facts


def test_a_call_then_the_two_leaders(nlp):
    text = ("Prime Minister Anna Berg held a phone call with President Luis Soto on Monday. "
            "Berg called on Peru to protect diplomats. The two leaders agreed to meet in Brussels next month.")
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-05"))
    facts = {(f.subject.name, f.relation, f.object.name if f.object else "", f.factuality) for f in ex.facts}
    assert ("Anna Berg", "call", "Luis Soto", "asserted") in facts
    assert ("Berg", "call on", "Peru", "asserted") in facts
    assert ("Peru", "protect", "diplomats", "hypothetical") in facts
    assert ("Anna Berg", "meet", "Luis Soto", "planned") in facts
    call = next(e for e in ex.events if e.relation == "call")
    assert call.event_type == "PhoneCall" and call.time.date == "2024-06-03"


def test_a_paragraphs_last_sentence_is_not_a_headline(nlp):
    from kg.extract.mentions import headline_like

    doc = nlp("U.S. Secretary of State Antony Vale and Turkish Foreign Minister Kemal Oz met in New York "
              "within the framework of the Strategic Mechanism.\n\nThe talks went on.")
    first = next(doc.sents)
    assert first[-1].is_space and not headline_like(first)
    assert "Antony Vale" in [m.name for m in sentence_mentions(first)]


@pytest.mark.parametrize("text, expected, unwanted", [
    # a bare past participle after a comma is a passive about the noun before it, not an act of the subject
    ("Police officers carried the coffins of Anna Berg and Lena Holm, killed in an attack overnight.",
     {("Anna Berg", "be killed in", "attack"), ("Lena Holm", "be killed in", "attack")},
     {("Police officers", "kill in", "attack")}),
    # ... and no event at all when that noun is a place
    ("The Navy found the boats on Coral Island, parked with no crew.", set(), {("Navy", "park with", "crew")}),
    # a raised subject: "X was believed to have been killed", "X is said to have met Y"
    ("Last year, militant Jan Novak was believed to have been killed in a drone strike in Syria.",
     {("Jan Novak", "be killed in", "drone strike")}, set()),
    ("Ana Ruiz is said to have met Tom Berg in Lima.", {("Ana Ruiz", "meet", "Tom Berg")}, set()),
])
def test_participles_and_raised_subjects(nlp, text, expected, unwanted):
    facts = facts_of(nlp, text)
    assert expected <= facts and not unwanted & facts


def test_a_raised_subject_is_somebodys_account(nlp):
    text = "Last year, militant Jan Novak was believed to have been killed in a drone strike in Syria."
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-04"))
    assert {f.factuality for f in ex.facts if f.subject.name == "Jan Novak" and f.relation == "be killed in"} == {REPORTED}


def test_a_pronoun_object_is_not_the_clause_subject(nlp):
    facts = facts_of(nlp, "Tom Berg met reporters in Lima. Asked about the shooter, Berg called him a demented individual.")
    assert not {f for f in facts if f[1] == "call" and f[2] in {"Tom Berg", "Berg"}}


def test_towns_and_their_states_in_ap_style(nlp):
    facts = facts_of(nlp, "Rain totals included 1 inch at Cape Lookout, N.C., and almost an inch at "
                          "Greenville, N.C., and Garden City, Kan.")
    assert {("Greenville", "located in", "N.C."), ("Garden City", "located in", "Kan.")} <= facts
    # a list of states stays a list
    assert not {f for f in facts_of(nlp, "Storms hit Texas, Ohio and Iowa on Monday.") if f[1] == "located in"}


def test_a_possessor_describes_a_name_and_takes_no_part(nlp):
    facts = facts_of(nlp, "The governor also had words for Oregon's Gerald Hale, who was stepping down.")
    assert ("Gerald Hale", "from", "Oregon") in facts
    assert not {f for f in facts if f[0] == "Oregon"}
    assert ("Tom Berg", "from", "Tucson") in facts_of(nlp, "Tucson Mayor Tom Berg asked the residents to evacuate.")


@pytest.mark.parametrize("text, expected", [
    # on a journey: the clause's subject is the visitor
    ("Secretary General Eva Sol addressed the audience during an official visit to Peru.",
     {("Eva Sol", "visit", "Peru")}),
    ("Ana Ruiz, on a trip to Peru, met Tom Berg.", {("Ana Ruiz", "visit", "Peru")}),
    # a hyphenated title is one title
    ("U.N. Secretary-General Eva Sol met Ana Ruiz in Geneva.",
     {("Eva Sol", "meet", "Ana Ruiz"), ("Eva Sol", "holds office", "U.N. Secretary-General")}),
])
def test_journeys_and_hyphenated_titles(nlp, text, expected):
    facts = facts_of(nlp, text)
    assert expected <= facts
    assert not {f for f in facts if f[1] == "from" and f[2] == "U.N."}


def test_event_nouns_assaults_and_called_off_meetings(nlp):
    facts = facts_of(nlp, "The station reported last Friday's assault by the Red Dawn Front on a major military base.")
    assert ("Red Dawn Front", "attack", "major military base") in facts
    assert not {f for f in facts if f[0] == "last Friday"}
    text = "Tuesday's meeting between Ana Ruiz and Tom Berg was cancelled."
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-04"))
    assert {f.factuality for f in ex.facts if f.relation == "meet"} == {"negated"}


def test_a_bare_title_refers_and_a_general_noun_says_what_about(nlp):
    facts = facts_of(nlp, "Secretary Tom Berg spoke with President Ana Ruiz. The Secretary and President Ruiz "
                          "discussed Chile and Peru's opportunity to secure a truce along the border.")
    assert {("Tom Berg", "discuss", "truce"), ("Tom Berg", "discuss", "Chile"), ("Tom Berg", "discuss with", "Ruiz")} <= facts
    assert not {f for f in facts if f[0] == "Secretary"}


@pytest.mark.parametrize("text, office", [
    ("Assistant Secretary of State for African and Asian Affairs Dr. Eva Sol met Tom Berg.",
     "Assistant Secretary of State for African and Asian Affairs"),
    ("Director of Research Dr. Ana Ruiz met Tom Berg.", "Director of Research"),
])
def test_a_portfolio_with_and_is_one_office_and_an_honorific_is_none(nlp, text, office):
    facts = facts_of(nlp, text)
    assert {f[2] for f in facts if f[1] == "holds office"} == {office}


def test_offers_and_pledges_name_what_is_given(nlp):
    assert ("Chile", "pledge", "support") in facts_of(nlp, "Chile's pledge of support for the talks was welcomed.")
    assert ("Acme", "offer", "Beta Corp.") in facts_of(nlp, "Acme made an offer for Beta Corp.")


def test_a_meeting_takes_its_setting_from_the_lead_sentence(nlp):
    text = ("Top officials from both countries held a virtual dialogue on Monday. "
            "Chilean Foreign Minister Ana Ruiz engaged with her Peruvian counterpart Tom Berg.")
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-05"))
    engaged = [e for e in ex.events if "Ana Ruiz" in {a.name for a in e.agents}]
    assert engaged and engaged[0].time is not None and engaged[0].time.date == "2024-06-03"


def test_a_duration_is_not_a_time(nlp):
    text = "Ana Ruiz met Tom Berg at a two-day summit in Lima."
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-05"))
    assert all(e.time is None for e in ex.events)


def test_a_that_less_complement_keeps_its_subject(nlp):
    text = "Assistant Secretary Eva Sol reaffirmed the United States would continue its robust assistance to Chile."
    facts = facts_of(nlp, text)
    assert ("United States", "continue", "robust assistance") in facts
    assert not {f for f in facts if f[0] == "Eva Sol" and f[1] in {"continue", "reaffirm"} and f[2] in {"United States", "robust assistance"}}


def test_a_title_of_an_organisation_is_no_person(nlp):
    facts = facts_of(nlp, "The panel noted the role of Peru as a Co-Chair of the Andean Group, which has a mandate.")
    assert not {f for f in facts if f[1] == "holds office"}


def test_what_was_discussed_doing_is_a_topic_not_a_deed(nlp):
    facts = facts_of(nlp, "The delegations also discussed advancing press freedom and strengthening rule of law.")
    assert {("delegations", "discuss", "press freedom"), ("delegations", "discuss", "rule of law")} <= facts
    assert not {f for f in facts if f[1] in {"advance", "strengthen"}}
    assert ("Ana Ruiz", "visit", "Lima") in facts_of(nlp, "Ana Ruiz considered visiting Lima.")


def test_lemmas_keep_their_single_or_double_consonant(nlp):
    facts = facts_of(nlp, "Rebels controlled the town. Ana Ruiz travelled to Lima. Chile installed a checkpoint.")
    assert {f[1] for f in facts} >= {"control", "travel to", "install"}


@pytest.mark.parametrize("text, fact, factuality", [
    ("Ana Ruiz spoke to reporters after meeting Tom Berg in Lima.", ("Ana Ruiz", "meet", "Tom Berg"), "asserted"),
    ("Ana Ruiz left Lima without meeting Tom Berg.", ("Ana Ruiz", "meet", "Tom Berg"), "negated"),
    ("Ana Ruiz will visit Lima after meeting Tom Berg.", ("Ana Ruiz", "meet", "Tom Berg"), "planned"),
])
def test_a_gerund_after_a_time_preposition_shares_its_clause(nlp, text, fact, factuality):
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-04"))
    found = {(f.subject.name, f.relation, f.object.name if f.object else "*"): f.factuality for f in ex.facts}
    assert found.get(fact) == factuality


def test_first_lady_is_an_office_and_sir_is_none(nlp):
    assert ("Eva Sol", "holds office", "First Lady") in facts_of(nlp, "First Lady Eva Sol met Ana Ruiz.")
    assert not {f for f in facts_of(nlp, "Sir Tom Berg met Ana Ruiz.") if f[1] == "holds office"}


def test_an_extracted_doc_is_freed_without_the_cycle_collector(nlp):
    """The extractor's per-Doc tables (tokens, spans, dependents) leave with the Doc: a Doc that
    kept Spans of itself would wait, with its arrays, for a full collection (kg build freezes
    its records out of the collector, so such a Doc would never be freed during a build)."""
    import gc
    import weakref

    text = "Minister Ana Ruiz met Tom Berg in Lima on Monday. They discussed trade and security."
    doc = nlp(text)
    ex = extract(doc, Article(id="t", text=text, date="2024-06-04"))
    assert ex.facts  # the rules ran, and filled the tables
    ref = weakref.ref(doc)
    enabled = gc.isenabled()
    gc.disable()
    try:
        del doc
        assert ref() is None
    finally:
        if enabled:
            gc.enable()


@pytest.mark.parametrize("text", [
    "Sales fell, said Ana Ruiz, a spokesman for the Northwind Bank.",
    "Ana Ruiz, a spokeswoman for the Northwind Bank, said sales fell.",
])
def test_an_apposed_title_describes_its_name_and_is_no_second_speaker(nlp, text):
    # The model often leaves such a name untyped: the apposed title still makes an office-holder,
    # and "spokesman | say" is no fact.
    facts = facts_of(nlp, text)
    assert ("Ana Ruiz", "affiliated with", "Northwind Bank") in facts
    assert any(s == "Ana Ruiz" and r == "holds office" and o.startswith("spokes") for s, r, o in facts)
    assert not any(s.startswith("spokes") for s, r, o in facts)


def test_a_leading_participle_sets_the_scene_of_its_clause(nlp):
    text = "Arriving in Quito on Monday, Tom Berg met President Eva Sol."
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-06"))
    meet = next(e for e in ex.events if e.relation == "meet")
    assert meet.place.name == "Quito" and meet.time.text == "Monday"


@pytest.mark.parametrize("text, expected, absent", [
    # lower-case words before a role belong to it; the body before them is the qualifier
    ("Ana Ruiz met Northwind Union foreign policy chief Tom Berg.",
     {("Tom Berg", "holds office", "Northwind Union foreign policy chief"), ("Tom Berg", "affiliated with", "Northwind Union")},
     set()),
    # the model tags this name an organisation; after a role noun it is a person's
    ("Orbis chief executive Nadia Kern said the deal would double sales.",
     {("Nadia Kern", "holds office", "chief executive")}, set()),
    # NER swept the verb into the organisation's name
    ("On Sunday, Prime Minister Lena Dorsch flew to Brussels to meet European Union foreign policy chief Tom Berg.",
     {("Tom Berg", "affiliated with", "European Union")}, {("Tom Berg", "affiliated with", "meet European Union")}),
    # a place after "of" names the town; "the capital of X" is not X
    ("Rebels seized the border town of Marvik on Saturday.", {("Rebels", "seize", "Marvik")}, {("Rebels", "seize", "border town")}),
    ("Ana Ruiz arrived in Lima, the capital of Peru.", {("Ana Ruiz", "arrive", "Lima")}, {("Ana Ruiz", "arrive", "Peru")}),
    # "the two" after a pair of names is that pair
    ("President Ana Ruiz met Foreign Minister Tom Berg in Quito. The two discussed trade and security.",
     {("Ana Ruiz", "discuss", "trade"), ("Tom Berg", "discuss", "security")}, set()),
])
def test_roles_places_and_pairs(nlp, text, expected, absent):
    found = facts_of(nlp, text)
    assert expected <= found, found
    assert not absent & found, found


def test_what_is_denied_is_negated(nlp):
    text = "Ivo Tanner denied targeting civilians. The army denied that it had shelled Marvik."
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-06"))
    factuality = {(f.relation, f.object.name): f.factuality for f in ex.facts if f.object}
    assert factuality[("target", "civilians")] == "negated"
    assert factuality[("shell", "Marvik")] == "negated"


@pytest.mark.parametrize("text, relation, place", [
    ("Ana Ruiz met Tom Berg in Brussels.", "meet", "Brussels"),  # the parser hangs the place on the person
    ("Ana Ruiz flew to Brussels to meet Tom Berg.", "meet", "Brussels"),  # where the journey ends
    # a setting that is no place itself is looked through
    ("Ana Ruiz met Tom Berg at a hotel in Tarija on Monday.", "meet", "Tarija"),
    ("Mediator Ana Ruiz arrives for a news conference on the truce outside a hotel in Tarija.", "arrive", "Tarija"),
    ("Ana Ruiz discussed trade with her counterpart Tom Berg in Tarija.", "discuss with", "Tarija"),
])
def test_where_a_meeting_was(nlp, text, relation, place):
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-06"))
    event = next(e for e in ex.events if e.relation == relation)
    assert event.place is not None and event.place.name == place


@pytest.mark.parametrize("text, office", [
    ("Senators Ada Quill and Tobias Vane met President Omar Haddad on Monday.", "Senator"),
    ("Foreign Ministers Ada Quill and Tobias Vane signed the accord.", "Foreign Minister"),
    ("Congressmen Ada Quill and Tobias Vane left the chamber.", "Congressman"),
])
def test_a_plural_title_is_held_by_each_name_it_heads(nlp, text, office):
    facts = facts_of(nlp, text)
    assert {("Ada Quill", "holds office", office), ("Tobias Vane", "holds office", office)} <= facts


def test_a_town_before_a_local_office_is_where_it_is_held(nlp):
    # the tagger misses the town; the gazetteer knows it
    assert ("Tom Berg", "from", "Tarija") in facts_of(nlp, "Tarija Mayor Tom Berg asked the residents to leave.")


def test_a_place_served_by_an_office_is_typed_as_a_place(nlp):
    text = "Ohio Governor Tom Berg left on Monday."
    ex = extract(nlp(text), Article(id="t", text=text))
    assert {f.object.kind for f in ex.facts if f.object and f.object.name == "Ohio"} == {"place"}


@pytest.mark.parametrize("text, expected", [
    ("The army deployed two battalions to Zambia.", {("army", "deploy", "two battalions"), ("army", "deploy to", "Zambia")}),
    ("Former president Ana Ruiz fled Malawi for Zambia in 2014.",
     {("Ana Ruiz", "flee", "Malawi"), ("Ana Ruiz", "flee for", "Zambia")}),
    # the model types the city as an organisation; the gazetteer knows it is a place
    ("Tom Berg left Lusaka for Harare on Monday.", {("Tom Berg", "leave for", "Harare")}),
])
def test_where_a_movement_with_an_object_ends(nlp, text, expected):
    assert expected <= facts_of(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # a verb that carries on an event noun hands it its arguments
    ("The United States continued airstrikes against the rebels in Chad.", ("United States", "strike", "rebels")),
    ("The coalition intensified its bombing of rebel towns.", ("coalition", "bomb", "rebel towns")),
    # weapons act for whoever fires them, named or not
    ("Chadian warplanes carried out airstrikes on rebel positions.", ("Chadian warplanes", "strike", "rebel positions")),
    ("Chadian warplanes struck rebel positions near the border on Monday.",
     ("Chadian warplanes", "strike", "rebel positions")),
])
def test_attacks_carried_by_support_verbs_and_weapons(nlp, text, expected):
    assert expected in facts_of(nlp, text)


def test_a_by_phrase_with_a_role_before_the_name(nlp):
    # the parser reads "engineer" as a participle with the name as its object
    facts = facts_of(nlp, "Voltan, founded in 2015 by engineer Paul Hadley, employs about 1,200 people.")
    assert ("Paul Hadley", "found", "Voltan") in facts


def test_a_day_before_what_was_said_is_not_part_of_it(nlp):
    text = "Orbis Motors said on Tuesday it had agreed to acquire Voltan Energy."
    ex = extract(nlp(text), Article(id="t", text=text))
    assert [f.content for f in ex.facts if f.relation == "say"] == ["it had agreed to acquire Voltan Energy"]


def test_a_phrasal_verb_keeps_its_preposition_once(nlp):
    facts = facts_of(nlp, "Civic Watch called on the government to protect civilians.")
    assert ("Civic Watch", "call on", "government") in facts
    assert not [f for f in facts if f[1].endswith("on on")]


@pytest.mark.parametrize("text, relation, factuality", [
    # a verb coordinated with "set" is not governed by it, as in "set to visit"
    ("The attackers set fire to homes and shot residents as they fled, police spokesman Ana Ruiz told Reuters.",
     "shoot", "reported"),
    ("No group has claimed responsibility for the attack.", "claim", "negated"),
])
def test_factuality_of_coordinated_verbs_and_of_nobody(nlp, text, relation, factuality):
    ex = extract(nlp(text), Article(id="t", text=text))
    assert {f.factuality for f in ex.facts if f.relation == relation} == {factuality}


def test_what_was_said_is_the_clause_not_a_misparsed_object(nlp):
    text = ("Gunmen killed at least 12 people in an attack on a village, police said on Saturday, "
            "the deadliest such raid this year.")
    ex = extract(nlp(text), Article(id="t", text=text))
    said = [(f.object, f.content) for f in ex.facts if f.relation == "say"]
    assert said == [(None, "Gunmen killed at least 12 people in an attack on a village")]


def test_a_quotation_told_to_somebody_is_kept_with_its_speaker(nlp):
    facts = facts_of(nlp, '"This gives us control of our supply," Marta Klein told analysts.')
    assert {("Marta Klein", "tell", "analysts")} <= facts
    text = '"This gives us control of our supply," Marta Klein told analysts.'
    ex = extract(nlp(text), Article(id="t", text=text))
    assert "This gives us control of our supply" in {f.content for f in ex.facts}


def test_a_pronoun_inside_a_quotation_is_the_speakers_not_resolved(nlp):
    text = ("Tom Berg met President Omar Haddad on Monday. Opposition leader Carla Mendes accused the "
            'government of ignoring the dispute. "They are selling out our water," she told reporters.')
    ex = extract(nlp(text), Article(id="t", text=text))
    assert not [f for f in ex.facts if f.relation == "sell out"]
    assert {f.subject.name for f in ex.facts if f.relation == "tell"} == {"Carla Mendes"}


@pytest.mark.parametrize("text, word", [
    ("Gunmen Kill 12 in Attack on Village\n\nGunmen killed 12 people on Saturday.", "Gunmen"),
    ("Former mayor jailed for 12 years over bribery scheme\n\nA court sentenced former mayor Luis Paredes on Friday.",
     "Former"),
])
def test_a_common_word_capitalised_in_a_headline_is_no_name(nlp, text, word):
    ex = extract(nlp(text), Article(id="t", text=text))
    assert not [m for m in ex.mentions if m.name == word]


def test_who_announced_a_result_is_not_what_was_won(nlp):
    text = ("Malawi's ruling Progress Party won a majority in parliament, the electoral commission announced on "
            "Wednesday, handing President Grace Chirwa a second term.")
    facts = facts_of(nlp, text)
    assert ("Progress Party", "win", "majority") in facts
    assert not [f for f in facts if f[1] == "win" and f[2] == "electoral commission"]


def test_talks_a_guest_was_received_for(nlp):
    text = ("Foreign Minister Ana Ruiz hosted her counterpart Tom Berg in Sucre on Monday for talks on trade, "
            "water rights and migration.")
    facts = facts_of(nlp, text)
    assert {("Ana Ruiz", "host", "Tom Berg"), ("Ana Ruiz", "meet", "Tom Berg"), ("Ana Ruiz", "discuss", "trade"),
            ("Ana Ruiz", "discuss", "water rights"), ("Ana Ruiz", "discuss", "migration")} <= facts


@pytest.mark.parametrize("text", [
    "Ana Ruiz held talks on security with Tom Berg.",  # the parser hangs the partner on the topic
    "Ana Ruiz held talks with Tom Berg on security.",  # ... or the topic on the verb
])
def test_what_talks_held_with_somebody_were_about(nlp, text):
    facts = facts_of(nlp, text)
    assert {("Ana Ruiz", "meet", "Tom Berg"), ("Ana Ruiz", "discuss", "security")} <= facts
    assert ("Ana Ruiz", "discuss", "Tom Berg") not in facts


@pytest.mark.parametrize("text", [
    "Ana Ruiz held talks with Tom Berg on Monday.",
    "Ana Ruiz met Tom Berg during a meeting this week on the sidelines of the General Assembly.",
    "Ambassador Tom Berg pauses during a news conference following a Security Council meeting.",
    "Ana Ruiz prioritized large rallies over voter interactions.",
])
def test_no_topic_of_talks_from_when_where_or_what_else(nlp, text):
    assert not [f for f in facts_of(nlp, text) if f[1] == "discuss" and f[0] in {"Ana Ruiz", "Tom Berg"}]


def test_a_quotation_closed_inside_what_was_said_keeps_its_mark(nlp):
    text = 'Ana Ruiz said the talks had been "frank and productive."'
    ex = extract(nlp(text), Article(id="t", text=text))
    assert [f.content for f in ex.facts if f.relation == "say"] == ['the talks had been "frank and productive"']


@pytest.mark.parametrize("text, fact", [
    ("Ana Ruiz refused to meet Tom Berg.", ("Ana Ruiz", "meet", "Tom Berg")),
    # the one accused of failing is who did not stop them
    ("Niger accused Chad of failing to stop fighters crossing the border.", ("Chad", "stop", "fighters")),
])
def test_what_somebody_refused_or_failed_to_do_did_not_happen(nlp, text, fact):
    assert factuality_of(nlp, text).get(fact) == "negated"


def test_each_coordinated_topic_named_or_not(nlp):
    facts = facts_of(nlp, "Ana Ruiz and Joseph Phiri discussed regional security, food aid and the upcoming "
                          "elections in Malawi.")
    assert {("Ana Ruiz", "discuss", "regional security"), ("Ana Ruiz", "discuss", "food aid"),
            ("Ana Ruiz", "discuss", "Malawi")} <= facts


@pytest.mark.parametrize("text, fact, factuality", [
    # a suspect is not found to have killed; a convict is
    ("Tom Berg, 45, was arrested on Tuesday in connection with the killing of Ana Ruiz.",
     ("Tom Berg", "kill", "Ana Ruiz"), "reported"),
    ("Tom Berg was convicted of the murder of Ana Ruiz.", ("Tom Berg", "murder", "Ana Ruiz"), "asserted"),
    # a purpose is as sure as the trip made for it
    ("Ana Ruiz will travel to Lima next week to meet President Tom Berg.", ("Ana Ruiz", "meet", "Tom Berg"), "planned"),
    ("Ana Ruiz flew to Lima to meet Tom Berg.", ("Ana Ruiz", "meet", "Tom Berg"), "asserted"),
    # the caller offers; "called on X to" is an appeal to X
    ("Ana Ruiz called Tom Berg to offer condolences.", ("Ana Ruiz", "offer", "condolences"), "asserted"),
    ("Ana Ruiz called on Tom Berg to resign.", ("Tom Berg", "resign", "*"), "hypothetical"),
])
def test_who_and_how_sure_in_suspicions_purposes_and_calls(nlp, text, fact, factuality):
    assert factuality_of(nlp, text).get(fact) == factuality


def test_in_connection_with_is_no_complement(nlp):
    facts = facts_of(nlp, "Tom Berg was arrested on Tuesday in connection with the killing of Ana Ruiz.")
    assert not [f for f in facts if f[2] == "connection"]


@pytest.mark.parametrize("text, fact, factuality", [
    # the model's lemmas "fin" and "hop": a short stem would double its consonant ("finned", "hopped")
    ("Regulators fined the bank on Monday.", ("Regulators", "fine", "bank"), "asserted"),
    ("Ana Ruiz hoped to win the seat.", ("Ana Ruiz", "win", "seat"), "hypothetical"),
])
def test_lemmas_of_verbs_with_a_final_e(nlp, text, fact, factuality):
    assert factuality_of(nlp, text).get(fact) == factuality


@pytest.mark.parametrize("text, office", [
    ("The company's chief executive, Daniel Okafor, met Sofia Lind last week.", "chief executive"),
    ("His lawyer, Marta Vidal, said he would appeal.", "lawyer"),
])
def test_a_name_in_apposition_to_a_role_holds_it(nlp, text, office):
    holders = {(f[0], f[2]) for f in facts_of(nlp, text) if f[1] == "holds office"}
    assert (text.split(", ")[1], office) in holders


def test_views_exchanged_are_on_their_topic(nlp):
    facts = facts_of(nlp, "Ana Ruiz and Tom Berg exchanged views on border security.")
    assert ("Ana Ruiz", "discuss", "border security") in facts and ("Ana Ruiz", "discuss", "views") not in facts


def test_thousands_of_people_act(nlp):
    facts = facts_of(nlp, "Thousands of people marched through central Lima on Saturday to protest a new mining law.")
    assert ("Thousands of people", "protest", "new mining law") in facts


def test_the_two_presidents_are_the_pair_just_named(nlp):
    # the model leaves the first name untyped; acting beside a person, it is one of the pair
    facts = facts_of(nlp, "Ana Ruiz and Tom Berg met on Monday. The two presidents discussed trade and the fight "
                          "against drug trafficking.")
    assert {("Ana Ruiz", "discuss", "trade"), ("Tom Berg", "discuss", "trade"),
            ("Ana Ruiz", "discuss", "fight against drug trafficking")} <= facts


def test_both_nations_are_never_two_people(nlp):
    text = "Ana Ruiz met Tom Berg in Lima on Monday. Both nations engaged in talks on water rights."
    ex = extract(nlp(text), Article(id="t", text=text))
    assert not [f for f in ex.facts if f.sentence.index == 1 and f.subject.name in {"Ana Ruiz", "Tom Berg"}]


def test_with_an_effort_is_no_party(nlp):
    facts = facts_of(nlp, "With concerted efforts, both ministers underscored the frameworks.")
    assert not [f for f in facts if f[1].startswith("underscore with")]


def test_what_critics_say_of_a_thing_is_not_a_clause_about_themselves(nlp):
    text = "Thousands marched against a new mining law that critics say will harm indigenous communities."
    ex = extract(nlp(text), Article(id="t", text=text))
    assert not [f for f in ex.facts if f.content and "critics say" in f.content]


def test_a_discussion_with_somebody_has_them_as_a_party(nlp):
    facts = facts_of(nlp, "Ana Ruiz discussed trade and energy with Tom Berg.")
    assert {("Ana Ruiz", "discuss with", "Tom Berg"), ("Ana Ruiz", "discuss", "trade"),
            ("Ana Ruiz", "discuss", "energy")} <= facts


def test_where_a_news_conference_was_held_is_not_its_topic(nlp):
    # the parser hangs the setting on the topic ("the peace talks outside a hotel")
    text = "Mediator Ana Ruiz arrives for a news conference on the peace talks outside a hotel in Tarija."
    ex = extract(nlp(text), Article(id="t", text=text))
    assert next(e for e in ex.events if e.relation == "arrive").place.name == "Tarija"
    assert not [t for e in ex.events for t in e.topics if t.name == "Tarija"]


def test_a_place_on_a_topic_is_what_the_topic_is_about(nlp):
    # only a person met carries the event's place: "the situation in Chad" is a topic's own
    text = "Foreign Minister Ana Ruiz and Tom Berg met in Lima on Friday, discussing the situation in Chad."
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-06"))
    assert {e.relation: e.place.name for e in ex.events if e.place} == {"meet": "Lima", "discuss": "Lima"}


@pytest.mark.parametrize("text, expected", [
    # professions act: a plural of a role noun is people, as "officials" are
    ("Astronomers using the Kestrel Space Telescope have detected water vapour on a distant planet.",
     {("Astronomers", "detect", "water vapour")}),
    # a score NER took into the name is no part of it
    ("Porto Azul beat Vila Nova 3-1 on Sunday.", {("Porto Azul", "beat", "Vila Nova")}),
])
def test_science_and_sport(nlp, text, expected):
    assert expected <= facts_of(nlp, text)


def test_no_person_named_by_a_preposition_or_a_portfolio(nlp):
    # NER ran one organisation from the portfolio over "at" to the next name (the small model's
    # mistake, set here by hand): neither "at" nor "Policy" is a person's name
    from spacy.tokens import Span

    text = ("Tom Berg, now the Vice President for Rural Energy and Water Policy at "
            "Orbis Institute, said the plan was sound.")
    doc = nlp(text)
    words = [t.text for t in doc]
    rural, at = words.index("Rural"), words.index("at")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, rural, at + 1, "ORG"), Span(doc, at + 1, at + 3, "ORG")]
    names = {m.name for sent in doc.sents for m in sentence_mentions(sent)}
    assert not names & {"at", "Policy", "International Policy"}, names
    ex = extract(doc, Article(id="t", text=text, date="2024-06-04"))
    assert not any(f.subject.name in {"at", "Policy"} for f in ex.facts)


def test_where_to_and_how_old(nlp):
    text = "Ana Ruiz headed to Lima on Friday. Tom Berg died in Quito at the age of 69."
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-07"))
    facts = {(f.subject.name, f.relation, f.object.name if f.object else "*") for f in ex.facts}
    assert ("Ana Ruiz", "head to", "Lima") in facts  # not "heads Lima"
    die = next(e for e in ex.events if e.relation == "die")
    assert die.time is None  # an age is not a time


def test_going_to_is_a_plan_and_going_back_is_not(nlp):
    text = ("Ana Ruiz is going to visit Lima. Last year, going back to the old plan, "
            "the rebel forces withdrew from the towns.")
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-07"))
    found = {(f.subject.name, f.relation, f.object.name if f.object else "*"): f.factuality for f in ex.facts}
    assert found[("Ana Ruiz", "visit", "Lima")] == "planned"
    assert found[("rebel forces", "withdraw from", "towns")] == "asserted"


def test_a_place_named_after_someone_is_not_that_person(nlp):
    text = "Ana Ruiz gave a speech outside the President Garcia hotel in Lima."
    doc = nlp(text)
    mentions = [m for sent in doc.sents for m in sentence_mentions(sent)]
    assert any(m.name == "President Garcia hotel" and m.kind == "place" for m in mentions)
    assert not any(r == "holds office" for _, r, _ in facts_of(nlp, text))


def test_an_age_in_apposition_is_not_a_time(nlp):
    text = "Chilean Ana Ruiz, 6, rests in a cot at a clinic in Tarija, Bolivia, March 4, 2019."
    ex = extract(nlp(text), Article(id="t", text=text, date="2019-03-05"))
    assert {e.time.text for e in ex.events if e.time} == {"March 4, 2019"}


def test_he_after_a_man_named_by_a_common_noun_is_not_the_last_name(nlp):
    # coreference is conservative: "he" may be the young man, so no fact gives it to Tom Berg
    text = ("President Tom Berg visited Lima. Outside, a young man waved a flag as he shouted at "
            "the guards. President Tom Berg met Ana Ruiz. He thanked the volunteers.")
    found = facts_of(nlp, text)
    assert not any(s == "Tom Berg" and r.startswith("shout") for s, r, _ in found), found
    assert ("Tom Berg", "thank", "volunteers") in found  # a name after the man takes "he" again


@pytest.mark.parametrize("text, office, country", [
    ("North Korean President Tom Berg met Ana Ruiz.", "North Korean President", "North Korean"),
    ("Sri Lankan Prime Minister Eva Sol met Ana Ruiz.", "Sri Lankan Prime Minister", "Sri Lankan"),
    ("Turkish Foreign Minister Eva Sol met Ana Ruiz.", "Turkish Foreign Minister", "Turkish"),
])
def test_a_demonym_before_a_title_is_the_office_holders_country(nlp, text, office, country):
    # two-word demonyms too; the person is a national of that country, not a second party to the meeting
    found = facts_of(nlp, text)
    name = next(s for s, r, _ in found if r == "holds office")
    assert {(name, "holds office", office), (name, "affiliated with", country), (name, "from", country)} <= found
    assert not any(s == country for s, _, _ in found), found


def test_a_name_particle_after_a_title_opens_the_name(nlp):
    found = facts_of(nlp, "Foreign Minister Sheikh al-Khalid met Tom Berg.")
    assert ("al-Khalid", "meet", "Tom Berg") in found
    assert not any(o.endswith("al-") for _, r, o in found if r == "holds office"), found


def test_a_hyphenated_title_suffix_stays_with_the_title(nlp):
    found = facts_of(nlp, "President-elect Ana Ruiz met Tom Berg.")
    assert {("Ana Ruiz", "holds office", "President-elect"), ("Ana Ruiz", "meet", "Tom Berg")} <= found


@pytest.mark.parametrize("text, expected", [
    # "their" meeting is the meeting of those who arrive for it
    ("Ana Ruiz and Tom Berg arrive for their meeting at the palace in Quito.", ("Ana Ruiz", "meet", "Tom Berg")),
    # a meeting the sentence's subject came out of
    ("Lena Berg spoke to reporters following a meeting with Nadia Kern in Lima.", ("Lena Berg", "meet", "Nadia Kern")),
    # a caption with no verb: the names it shows took part
    ("Councillors Lena Berg and Ivo Tal, after a breakfast meeting with Mayor Nadia Kern.",
     ("Ivo Tal", "meet", "Nadia Kern")),
])
def test_who_took_part_in_a_meeting_named_by_a_noun(nlp, text, expected):
    assert expected in facts_of(nlp, text)


def test_a_title_word_inside_a_persons_name_is_no_title(nlp):
    found = facts_of(nlp, "Karl Dorn was convicted of the murder of Tom King Jr. in 1990.")
    assert ("Karl Dorn", "kill", "Tom King Jr.") in found
    assert not any(r == "holds office" for _, r, _ in found), found


def test_a_county_before_a_local_office_is_where_its_holder_serves(nlp):
    found = facts_of(nlp, "Pima County Sheriff Tom Berg said the storm passed.")
    assert {("Tom Berg", "holds office", "Pima County Sheriff"), ("Tom Berg", "from", "Pima County")} <= found


@pytest.mark.parametrize("text, expected", [
    # "who" after a name and its description is the named one
    ("The square was named after Karl Dorn, a baker who shot Tom Berg.", ("Karl Dorn", "shoot", "Tom Berg")),
    ("Ana Ruiz met Tom Berg, a lawyer who represents the firm.", ("Tom Berg", "represent", "firm")),
    # a title with its holder apposed is the holder, even when the parser hangs the name on the organisation
    ("The chief of the company, Ana Ruiz, met Tom Berg.", ("Ana Ruiz", "meet", "Tom Berg")),
    ("Last year Mayor Tom Berg was shot by the head of the Harbor Police Union, Karl Dorn.",
     ("Karl Dorn", "shoot", "Tom Berg")),
    # the subject of "arrested" is the subject of "charged" after "and"
    ("Karl Dorn and Ana Ruiz were detained and were charged with the murder of Tom Berg, 40.",
     ("Karl Dorn", "kill", "Tom Berg")),
])
def test_who_a_description_or_title_stands_for(nlp, text, expected):
    assert expected in facts_of(nlp, text)


def _person(name: str, start: int):
    from kg.types import Mention
    return Mention(name, start, start + len(name), "person", name)


def test_they_is_the_last_group_unless_other_people_were_named_since():
    from kg.extract.clauses import ANAPHOR
    from kg.extract.coref import Antecedents
    from kg.types import Event, Mention, Sentence

    ruiz, berg = _person("Ana Ruiz", 0), _person("Tom Berg", 13)
    they = Mention("They", 200, 204, ANAPHOR, "they")
    antecedents = Antecedents()
    antecedents.observe(Event(relation="discuss", event_type="Discussion", trigger="discussed", start=22, end=31,
                              sentence=Sentence(0, 0, 40, "x"), agents=(ruiz, berg)))
    antecedents.observe_mentions([ruiz, berg])
    assert antecedents.resolve(they, before=200) == [ruiz, berg]
    antecedents.observe_mentions([_person("Eva Sol", 50), _person("Karl Dorn", 80)])
    assert antecedents.resolve(they, before=200) == []  # anyone's guess now


def test_their_is_two_people_named_before_it_in_the_same_sentence():
    from kg.extract.clauses import ANAPHOR
    from kg.extract.coref import Antecedents
    from kg.types import Event, Mention, Sentence

    antecedents = Antecedents()
    antecedents.observe(Event(relation="discuss", event_type="Discussion", trigger="discussed", start=22, end=31,
                              sentence=Sentence(0, 0, 40, "x"), agents=(_person("Ana Ruiz", 0), _person("Tom Berg", 13))))
    holt, tal = _person("Lena Holt", 100), _person("Ivo Tal", 114)
    antecedents.begin_sentence([holt, tal])
    assert antecedents.resolve(Mention("their", 134, 139, ANAPHOR, "their"), before=134) == [holt, tal]


def test_a_trip_from_one_place_to_another_has_the_destination_as_object(nlp):
    found = facts_of(nlp, "Ana Ruiz flew from Lima to Quito.")
    assert ("Ana Ruiz", "fly to", "Quito") in found
    assert not any(o == "Lima" for _, _, o in found), found


def test_two_places_ner_tagged_apart_are_not_joined_over_for(nlp):
    found = facts_of(nlp, "The plane had left Bolivia for Medellin.")
    assert ("plane", "leave", "Bolivia") in found or not any("Bolivia for" in o for _, _, o in found)
    doc = nlp("The plane had left Bolivia for Medellin.")
    names = {m.name for sent in doc.sents for m in sentence_mentions(sent)}
    assert {"Bolivia", "Medellin"} <= names, names


def test_what_was_said_keeps_no_paragraph_break(nlp):
    text = "Chile Says It Does Not Recognize Lima Vote\n\nChile said on Monday it would keep its port."
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-04"))
    said = [f.content for f in ex.facts if f.relation == "say" and f.content]
    assert said and all(c == c.strip() for c in said), said


def test_a_participle_joined_to_a_passive_is_passive_too(nlp):
    facts = facts_of(nlp, "Crowds rallied for Peter Okello, who was convicted and executed for a killing.")
    assert ("Peter Okello", "be executed for", "killing") in facts
    # a by-phrase of its own names who did it; what was done is the first verb's patient
    facts = facts_of(nlp, "The bill was passed by the assembly and signed by President Ana Ruiz.")
    assert ("Ana Ruiz", "sign", "bill") in facts and ("assembly", "pass", "bill") in facts
    assert not any(s == o for s, _, o in facts)
    # a verb with no passive stays out of it ("were killed or died")
    facts = facts_of(nlp, "Other suspects who have been killed or died in Oruro include Mary Achieng.")
    assert not any(r.startswith("be die") for _, r, _ in facts)


def test_a_victim_named_by_a_common_noun(nlp):
    facts = facts_of(nlp, "Zambia was angered by a prisoner's death in Malawi.")
    assert ("prisoner", "die in", "Malawi") in facts
    assert ("suspect", "be arrested", "*") in facts_of(nlp, "The suspect was arrested on Monday and charged.")


def test_where_a_nominal_attack_happened_is_no_second_target(nlp):
    facts = facts_of(nlp, "Security forces were blamed for the killing of protesters in Sucre.")
    assert ("Security forces", "kill", "protesters") in facts
    assert not any(r == "kill in" for _, r, _ in facts)


def test_who_was_addressed_is_no_topic(nlp):
    facts = facts_of(nlp, "Minister Ana Ruiz addressed the National Assembly on Monday.")
    assert ("Ana Ruiz", "address", "National Assembly") in facts
    assert not any(r == "discuss" for _, r, _ in facts)  # neither the assembly nor Monday was a topic
    assert ("Ana Ruiz", "discuss", "drought") in facts_of(nlp, "Ana Ruiz addressed the drought on Monday.")


def test_who_was_born_somewhere_is_who_moved_on(nlp):
    facts = facts_of(nlp, "Maria Quispe was born in Tarija in 1933 and moved to Sucre in 1960.")
    assert ("Maria Quispe", "move to", "Sucre") in facts
    facts = facts_of(nlp, "The suspect was arrested on Monday and confessed to the killing.")
    assert ("suspect", "confess to", "killing") in facts and ("suspect", "be arrested", "*") in facts
    # a past tense after a passive, with no object of its own, may be a participle: no subject
    facts = facts_of(nlp, "The men were either shot on the spot or moved to the main square and shot there.")
    assert not any(s == "men" and not r.startswith("be ") for s, r, _ in facts)


def test_they_in_a_quotation_is_not_the_speaker(nlp):
    assert not any(r == "fight for" for _, r, _ in facts_of(nlp, '"They fought for every ball," Kolar said.'))
    assert ("Police", "arrest", "men") in facts_of(nlp, "Police said they arrested two men.")


def test_a_new_party_after_and_is_the_next_verbs_subject(nlp):
    facts = facts_of(nlp, "Peter Okello denied the charges and his lawyer, John Ochieng, said he would appeal.")
    assert any(s == "John Ochieng" and r == "say" for s, r, _ in facts)
    assert not any(s == "Peter Okello" and r == "say" for s, r, _ in facts)


def test_a_disaster_acts(nlp):
    assert ("storm", "destroy", "40 homes") in facts_of(nlp, "The storm destroyed 40 homes in Oruro.")


def test_the_company_is_the_last_company_that_acted(nlp):
    facts = facts_of(nlp, "Orbitra launched its first satellite on Thursday. The company signed a contract "
                          "with the weather agency last year.")
    assert ("Orbitra", "sign", "contract") in facts
    facts = facts_of(nlp, "The Ministry of Defence said on Monday that the ministry would review the deal.")
    assert ("Ministry of Defence", "discuss", "deal") in facts
    # a person is no company, and with no company before it the noun stays itself
    assert ("Tom Berg", "represent", "firm") in facts_of(nlp, "Ana Ruiz met Tom Berg, a lawyer who represents the firm.")
    assert ("company", "sign", "contract") in facts_of(nlp, "The company signed a contract last year.")


def test_a_deal_signed_with_somebody_makes_them_parties(nlp):
    facts = facts_of(nlp, "Orbitra signed a contract with the Andean Weather Office last year.")
    assert {("Orbitra", "sign", "contract"), ("Orbitra", "agree with", "Andean Weather Office")} <= facts
    assert ("Chile", "agree with", "Malawi") in facts_of(nlp, "Chile reached an agreement with Malawi on fishing rights.")


def test_one_body_named_with_and_and_a_name_before_a_possessive(nlp):
    index = MentionIndex(sentence_mentions(next(nlp("The Ethics and Anti-Corruption Commission welcomed "
                                                    "the verdict.").sents)))
    assert [m.name for m in index.mentions] == ["Ethics and Anti-Corruption Commission"]
    names = [m.name for m in sentence_mentions(next(nlp("The Secretary thanked Foreign Minister Eide for Norway's "
                                                        "support to Zambia.").sents))]
    assert "Eide" in names and "Norway" in names


def test_a_club_is_an_organisation(nlp):
    mentions = sentence_mentions(next(nlp("Kestrel Rovers beat Ashford City 3-1 on Saturday.").sents))
    assert mentions[0].name == "Kestrel Rovers" and mentions[0].kind == "organization"


def test_where_a_summit_talked_about_is_held_is_not_where_the_talk_was(nlp):
    text = ("Secretary Helen Marsh and Foreign Minister Mette Holm discussed the upcoming summit in Lilongwe. "
            "Earlier in the day, Secretary Marsh met with Prime Minister Sigrun Olafsdottir at the Department of State.")
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-04"))
    assert [e.place for e in ex.events if e.relation in {"discuss", "meet"}] == [None, None]


def test_a_sum_of_money_is_what_changed_hands(nlp):
    assert ("Okello", "receive", "more than $2 million") in facts_of(nlp, "Okello had received more than $2 million "
                                                                          "from the firm.")
    assert ("firm", "pay", "$5 million") in facts_of(nlp, "The firm paid $5 million to settle the case.")
    facts = facts_of(nlp, "The firm paid nearly $100,000 to the Okello family.")
    assert {("firm", "pay", "nearly $100,000"), ("firm", "pay to", "Okello family")} <= facts


def test_a_surname_ner_typed_otherwise_is_the_person_named_before(nlp):
    text = ("Energy Minister Joseph Mwale met the protesters. Ruth Zulu, a police spokeswoman, said the crowd "
            "dispersed. Mwale said on Saturday that he would not resign and blamed the rise on oil markets.")
    facts = factuality_of(nlp, text)
    assert facts[("Mwale", "resign", "*")] == "negated"
    assert facts[("Mwale", "blame", "rise")] == "reported"  # a finite conjunct has its own polarity
    assert not any(s == "Ruth Zulu" and r in {"resign", "blame"} for s, r, _ in facts)


def test_would_in_what_was_said_is_a_plan_unless_a_condition_holds_it(nlp):
    facts = factuality_of(nlp, "Veldtech said it would appeal the decision.")
    assert facts[("Veldtech", "appeal", "decision")] == "planned"
    assert factuality_of(nlp, "Ana Ruiz would visit Chad if invited.")[("Ana Ruiz", "visit", "Chad")] == "hypothetical"


def test_them_after_people_named_by_a_plural_is_not_the_last_pair(nlp):
    text = ("Secretary Ada Quill met Foreign Minister Tendai Moyo in Harare. Last month, Quill accused Malawi "
            "of jailing journalists and urged Harare to release them.")
    assert not any(r == "release" for _, r, _ in facts_of(nlp, text))


def test_what_a_study_found_is_kept_as_its_account(nlp):
    text = "The study showed that the drug cut deaths by half."
    ex = extract(nlp(text), Article(id="t", text=text))
    assert [(f.subject.name, f.relation, f.content) for f in ex.facts if f.content] == [
        ("study", "show", "the drug cut deaths by half")]
    assert ("Police", "find", "body") in facts_of(nlp, "Police found the body of a man in the river.")


def test_who_a_fine_is_for_failing_and_a_name_after_its_class_noun(nlp):
    facts = factuality_of(nlp, "The European Commission fined the technology company Veldtech 120 million euros "
                               "for failing to protect the data of users.")
    assert ("European Commission", "fine", "Veldtech") in facts
    assert facts[("Veldtech", "protect", "data")] == "negated"
    assert ("Thousands of people", "march through", "Lusaka") in facts_of(
        nlp, "Thousands of people marched through the Zambian capital Lusaka on Friday.")


def test_a_role_opening_a_sentence_keeps_its_first_word(nlp):
    facts = facts_of(nlp, "Chief executive Ingrid Solberg said the firm expected demand to remain strong.")
    assert ("Ingrid Solberg", "holds office", "Chief executive") in facts
    assert ("Kwame Osei", "holds office", "Opposition leader") in facts_of(nlp, "Opposition leader Kwame Osei won.")


def test_the_government_of_a_country_acts_for_it(nlp):
    assert ("Chad", "fund", "study") in facts_of(nlp, "The study was funded by the government of Chad.")


def test_no_before_the_object_negates(nlp):
    assert factuality_of(nlp, "Investigators found no evidence of foul play.")[("Investigators", "find", "evidence")] \
        == "negated"
    assert factuality_of(nlp, "Investigators found evidence of foul play.")[("Investigators", "find", "evidence")] \
        == "asserted"
    text = "A telephone conversation between Secretary Ana Ruiz and Tom Tembo on Friday yielded no progress."
    assert factuality_of(nlp, text)[("Ana Ruiz", "talk with", "Tom Tembo")] == "asserted"  # the call took place


def test_a_sentence_opening_with_he_is_about_whom_the_last_one_was(nlp):
    text = ("Peter Okello, runner-up in the election to longtime incumbent Joseph Mwale, was arrested Wednesday in "
            "Sucre. He was then flown to Oruro.")
    assert ("Peter Okello", "be flown to", "Oruro") in facts_of(nlp, text)


def test_a_date_in_an_apposition_is_not_when_the_event_was(nlp):
    text = "Peter Okello, runner-up in the February 18 presidential election, was arrested Wednesday in Sucre."
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-05-16"))
    assert [e.time.date for e in ex.events if e.relation == "arrest"] == ["2024-05-15"]


def test_he_after_a_quotation_is_whoever_spoke_last(nlp):
    text = ("Judge Ana Ruiz said the charge was unfounded. \"Two days ago, Prime Minister Tom Tembo met the rebels "
            "in Oruro.\" \"You would have expected them to be arrested,\" she added.")
    assert [s for s, r, _ in facts_of(nlp, text) if r == "add"] == ["Ana Ruiz"]  # not the minister quoted
    # someone named since, outside the quotation, is who "she" is
    text = ("Judge Ana Ruiz said the charge was unfounded. The view is shared by Mary Achieng, a lawyer. "
            "\"You would have expected them to be arrested,\" she added.")
    assert "Ana Ruiz" not in [s for s, r, _ in facts_of(nlp, text) if r == "add"]


@pytest.mark.parametrize("text, expected, unwanted", [
    # the parser hangs the name on the place the envoy serves: it is the envoy's
    ("The United Nations envoy for Tarija, Ruth Phiri, condemned the attack and urged both sides to talk.",
     {("Ruth Phiri", "condemn", "attack"), ("Ruth Phiri", "urge", "sides"),
      ("Ruth Phiri", "holds office", "United Nations envoy")}, set()),
    # but a close apposition names the newspaper, and a journalist holds no office in it
    ("Okello worked as a journalist for the newspaper Sucre Herald until 2019.",
     set(), {("Sucre Herald", "holds office", "journalist")}),
])
def test_a_name_apposed_to_what_a_title_serves(nlp, text, expected, unwanted):
    facts = facts_of(nlp, text)
    assert expected <= facts and not unwanted & facts


def test_weapons_and_strikes_act_only_when_they_harm(nlp):
    facts = facts_of(nlp, "Government airstrikes killed 14 civilians in Sucre on Sunday, rescue workers said. "
                          "Missiles hit a convoy near Tarija. Relentless airstrikes figure in the minds of residents.")
    assert {("Government airstrikes", "kill", "14 civilians"), ("Missiles", "hit", "convoy")} <= facts
    assert not any(s.endswith("airstrikes") and r.startswith("figure") for s, r, _ in facts)


def test_border_guards_and_peacekeepers_act(nlp):
    facts = facts_of(nlp, "Border guards detained three smugglers on Monday. "
                          "Peacekeepers escorted the convoy to Sucre.")
    assert {("Border guards", "detain", "three smugglers"), ("Peacekeepers", "escort", "convoy")} <= facts


def test_due_to_and_likely_to_take_the_subject_of_be(nlp):
    facts = factuality_of(nlp, "Ruth Phiri is due to meet Peter Tembo in Sucre next week. "
                               "Ana Mwale is likely to win the runoff.")
    assert facts[("Ruth Phiri", "meet", "Peter Tembo")] == "planned"
    assert facts[("Ana Mwale", "win", "runoff")] == "hypothetical"


def test_a_date_after_since_dates_no_event(nlp):
    ex = extract(nlp(text := "Ana Mwale hosted Peter Tembo at the summit, the first of its kind since 2018."),
                 Article(id="t", text=text, date="2024-06-04"))
    hosting = next(e for e in ex.events if e.relation == "host")
    assert hosting.time is None


def test_a_demonym_no_gazetteer_knows_is_no_second_participant(nlp):
    facts = facts_of(nlp, "Norvenian Prime Minister Ana Mwale hosted President Peter Tembo.")
    assert ("Ana Mwale", "host", "Peter Tembo") in facts
    assert not any(s == "Norvenian" for s, _, _ in facts)


def test_a_participle_with_an_object_is_its_nouns_own_verb(nlp):
    # The parser reads "killed" as a participle modifying "airstrikes" ("airstrikes that were
    # killed"); a passive participle takes no direct object, so the airstrikes killed the civilians.
    text = ("Velmar government airstrikes killed at least 14 civilians in the northern province of Tarija "
            "on Sunday, rescue workers said.")
    facts = facts_of(nlp, text)
    assert ("Velmar government airstrikes", "kill", "14 civilians") in facts
    assert not any(s == "Velmar government airstrikes" and r.startswith("be killed") for s, r, _ in facts)


def test_a_past_tense_joined_to_what_was_said_is_the_speakers_next_act(nlp):
    # The parser joins "called" to "end", inside what was said; a past tense cannot share its "would".
    ex = extract(nlp(text := "Ruth Phiri said the grid would end the dependence on imported gas, "
                             "and called on the commission to help pay for it."), Article(id="t", text=text))
    facts = {(f.subject.name, f.relation, f.object.name if f.object else f.content): f.factuality for f in ex.facts}
    assert facts[("Ruth Phiri", "call on", "commission")] == "asserted"
    assert facts[("Ruth Phiri", "say", "the grid would end the dependence on imported gas")] == "asserted"


def test_an_adjunct_of_a_passive_is_about_its_subject(nlp):
    facts = facts_of(nlp, "Two nurses were seized by armed men while travelling to a clinic near Sucre. "
                          "Ana Mwale will be deputized by the police, giving her the power to make arrests.")
    assert ("Two nurses", "travel to", "clinic") in facts
    assert not any(s == "armed men" and r.startswith("travel") for s, r, _ in facts)
    assert not any(s == "Ana Mwale" and r == "give" for s, r, _ in facts)  # the deputizing gives it


def test_a_nationality_apposed_to_a_person_is_no_second_participant(nlp):
    facts = facts_of(nlp, "Peter Tembo, a Zambian, met Ana Mwale in Sucre.")
    assert ("Peter Tembo", "meet", "Ana Mwale") in facts
    assert not any(s in {"Zambian", "Zambia"} for s, _, _ in facts)


def test_the_speaker_after_a_comma_is_no_apposition_of_the_object(nlp):
    facts = facts_of(nlp, "Officers recovered part of the stolen collection, including a necklace that once "
                          "belonged to Queen Adela, Ruth Phiri said.")
    assert ("Officers", "recover", "part") in facts
    assert not any(o == "Ruth Phiri" for _, r, o in facts if r != "say")


def test_he_after_a_person_named_by_a_common_noun_is_left_unresolved(nlp):
    # "A fourth suspect" is the last person the text is about: "he" is not the prosecutor named before.
    facts = facts_of(nlp, "Prosecutor Peter Tembo said three men were detained. A fourth suspect is still being "
                          "sought. Investigators believe he fled abroad.")
    assert not any(s == "Peter Tembo" and r == "flee" for s, r, _ in facts)


def test_a_length_of_time_dates_no_event(nlp):
    text = "Peter Tembo was sentenced to four years in prison in March. Ana Mwale must sign the law within 15 days."
    ex = extract(nlp(text), Article(id="t", text=text, date="2024-06-04"))
    times = {e.relation: e.time.text if e.time else None for e in ex.events}
    assert times["sentence"] == "March"
    assert times["sign"] is None


def test_a_title_holder_is_a_person_and_her_surname_is_her(nlp):
    # NER may take "chief executive Nadia Okafor" for an organisation; the title makes her a person,
    # so that "Okafor" alone, later, is bound to her.
    text = ("The deal was signed by port authority chief executive Nadia Okafor on Tuesday. "
            "Okafor thanked the workers for their patience.")
    ex = extract(nlp(text), Article(id="t", text=text))
    full = [m for m in ex.mentions if m.name == "Nadia Okafor"]
    assert full and all(m.kind == "person" for m in full)
    from rdflib import RDFS

    from kg.pipeline import build_graph

    graph, _ = build_graph([ex])
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert "Nadia Okafor" in labels and "Okafor" not in labels


def test_names_coordinated_after_a_title_all_take_part(nlp):
    # "by union leader X and port authority chief executive Y": the parser hangs X on "leader" and
    # Y on X; NER may take Y for an organisation.
    facts = facts_of(nlp, "The agreement, signed late on Tuesday by union leader Bruno Ferraz and Alva Port "
                          "Authority chief executive Nadia Okafor, raises wages by 8 percent.")
    assert {("Bruno Ferraz", "sign", "agreement"), ("Nadia Okafor", "sign", "agreement")} <= facts


@pytest.mark.parametrize("text, expected, unwanted", [
    # a gerund after a verb of judgement is the deed judged; the one judged did it
    ("Peter Mwale was found guilty in December for killing Ruth Phiri.",
     ("Peter Mwale", "kill", "Ruth Phiri"), None),
    ("Police arrested Peter Mwale for killing two guards.",
     ("Peter Mwale", "kill", "two guards"), ("Police", "kill", "two guards")),
    ("The court convicted Omar Tembo of murdering a judge.", ("Omar Tembo", "murder", "judge"), None),
    # a penalty handed down is no event that happened
    ("Peter Mwale was sentenced to death in Lusaka.", ("Peter Mwale", "be sentenced to", "death"),
     ("Peter Mwale", "die", "*")),
    # whoever killed them, the dead are dead: a fact of their own, as when no killer is named
    ("Gunmen killed Ruth Phiri on Monday.", ("Ruth Phiri", "be killed", "*"), None),
])
def test_judged_deeds_and_the_dead(nlp, text, expected, unwanted):
    found = facts_of(nlp, text)
    assert expected in found, found
    assert unwanted not in found, found


def test_charges_are_reported_and_verdicts_asserted(nlp):
    charged = factuality_of(nlp, "Police arrested Peter Mwale for killing two guards.")
    assert charged[("Peter Mwale", "kill", "two guards")] == REPORTED
    convicted = factuality_of(nlp, "The court convicted Omar Tembo of murdering a judge.")
    assert convicted[("Omar Tembo", "murder", "judge")] == "asserted"


@pytest.mark.parametrize("text, expected, unwanted", [
    # those with whom one spoke at a summit were there too; the body whose summit it was is no party
    ("Malawi's President Peter Mwale speaks with Zambian President Ruth Phiri and AU Chairman John Okello "
     "at the AU summit in Lusaka, July 9, 2016.",
     {("Peter Mwale", "meet", "Ruth Phiri"), ("Peter Mwale", "meet", "John Okello"),
      ("Ruth Phiri", "meet", "John Okello")},
     ("AU", "meet", "Ruth Phiri")),
    # whom one asked during a meeting was at it
    ("Foreign Minister Ruth Phiri asked Peter Mwale, during a meeting this week, to close the border.",
     {("Ruth Phiri", "meet", "Peter Mwale")}, None),
    # addressing a meeting is taking part in it; so is confirming something in one, told in the passive
    ("President Ruth Phiri addresses a meeting in Lusaka, Zambia, Jan. 17, 2017.",
     {("Ruth Phiri", "meet in", "Lusaka")}, None),
    ("The policy was confirmed by Interior Minister Peter Mwale last week in a closed door meeting.",
     {("Peter Mwale", "meet", "*")}, None),
])
def test_who_was_at_a_gathering(nlp, text, expected, unwanted):
    found = facts_of(nlp, text)
    assert expected <= found, found
    assert unwanted not in found, found


@pytest.mark.parametrize("text, expected", [
    # NER takes the place a title serves into the name after it: the holder is the name alone
    ("The special envoy for Tarija Ana Ferraz met rebel leaders on Monday.", ("Ana Ferraz", "meet", "rebel leaders")),
    ("U.N. mediator for Malawi Peter Mwale arrives in Lusaka.", ("Peter Mwale", "arrive", "*")),
    # a support verb the tagger lemmatises wrongly ("staged" -> "stag") still hands over its subject
    ("Omar Tembo staged an attack on the base.", ("Omar Tembo", "attack", "base")),
])
def test_holders_after_the_place_they_serve_and_mended_support_verbs(nlp, text, expected):
    found = facts_of(nlp, text)
    s, r, o = expected
    assert any(fs == s and fr.startswith(r) and (o == "*" or fo == o) for fs, fr, fo in found), found


def test_an_attack_claimed_by_a_group_is_theirs_on_their_word(nlp):
    facts = factuality_of(nlp, "The insider attack, claimed by the Norvenian Liberation Front, has raised concerns.")
    assert facts[("Norvenian Liberation Front", "attack", "*")] == REPORTED


@pytest.mark.parametrize("text, expected", [
    # "dozens of activists": people, though NER tags "dozens" a number
    ("Police arrested hundreds of protesters in Lusaka.", ("Police", "arrest", "hundreds of protesters")),
    # a state noun qualified by its country is the state acting, as "the government of Chad" is
    ("Zambia authorities have arrested dozens of activists.", ("Zambia", "arrest", "dozens of activists")),
    ("The Zambian government condemned the attack.", ("Zambian", "condemn", "attack")),
])
def test_multitudes_are_people_and_a_countrys_authorities_are_the_state(nlp, text, expected):
    assert expected in facts_of(nlp, text)


@pytest.mark.parametrize("text, expected, unwanted", [
    # a past participle set off by commas before the real predicate is a passive about the subject
    ("Peter Mwale, killed in an attack in Tarija, was buried on Monday.",
     ("Peter Mwale", "be killed in", "attack"), ("Peter Mwale", "kill in", "attack")),
    # a party before a name is an affiliation, not part of the name
    ("Republican Peter Mwale won the vote in Tarija.", ("Peter Mwale", "win", "vote"), None),
])
def test_set_off_participles_and_party_labels(nlp, text, expected, unwanted):
    found = facts_of(nlp, text)
    assert expected in found, found
    assert unwanted not in found, found


def test_a_decision_still_to_be_taken_is_hypothetical_not_negated(nlp):
    facts = factuality_of(nlp, "On Thursday, a court in Sucre will decide whether or not to send the officials back.")
    assert facts[("court", "send back", "officials")] == "hypothetical"


def test_a_list_of_places_that_ends_in_a_common_noun_locates_none_in_another(nlp):
    found = facts_of(nlp, "Conditions remained tense in Lusaka, Ndola and some other provincial cities.")
    assert not any(r == "located in" for _, r, _ in found), found
    assert ("Tarija", "located in", "Bolivia") in facts_of(nlp, "He was born in Tarija, Bolivia.")


@pytest.mark.parametrize("text, expected", [
    # "shot dead": the victims are the guards (not "dead two guards"), and they died
    ("Gunmen shot dead two guards in Tarija.",
     {("Gunmen", "shoot dead", "two guards"), ("two guards", "be shot dead", "*")}),
    ("Peter Mwale was shot dead on Monday.", {("Peter Mwale", "be shot dead", "*")}),
])
def test_shot_dead(nlp, text, expected):
    assert expected <= facts_of(nlp, text)
