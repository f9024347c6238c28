"""Entity resolution: one node per real-world entity, and no wrong merges."""

from __future__ import annotations

from rdflib import RDF, Literal

from kg.graph import GraphBuilder
from kg.resolve import GOVERNMENT, LOCATION, Resolver, acronym_definitions, name_key
from kg.types import Article, ArticleExtraction, Event, Fact, Mention, Sentence
from kg.vocab import ITSRDF, KG, NIF, IRIs


def _mentions(*items: tuple) -> tuple[str, list[Mention]]:
    """Text of the items joined by spaces, and a Mention per item: (text, kind[, name, title, affiliation])."""
    mentions, pos = [], 0
    for text, kind, *rest in items:
        name = rest[0] if rest else text
        title = rest[1] if len(rest) > 1 else None
        affiliation = rest[2] if len(rest) > 2 else None
        mentions.append(Mention(text, pos, pos + len(text), kind, name, title, affiliation))
        pos += len(text) + 1
    return " ".join(item[0] for item in items), mentions


def _extraction(article_id: str, *items: tuple, events=lambda ms, s: ()) -> ArticleExtraction:
    text, mentions = _mentions(*items)
    sentence = Sentence(0, 0, len(text), text)
    return ArticleExtraction(Article(article_id, text), (sentence,), tuple(mentions),
                             tuple(events(mentions, sentence)), ())


def _resolve(*extractions, seed=()):
    r = Resolver()
    r.seed(seed)
    for ex in extractions:
        r.add(ex)
    entities, keys = r.resolve()
    # by (article, start); the longest span wins ("Turkish Foreign Minister X" over "Turkish")
    return entities, {(a, s): k for (a, s, _e, _o), k in sorted(keys.items(), key=lambda kv: kv[0][2])}


def test_name_key_ignores_initials_case_diacritics_and_possessive():
    assert name_key("Antony J. Blinken") == name_key("ANTONY BLINKEN") == name_key("Antony Blinken's")
    assert name_key("Mevlüt Çavuşoğlu") == name_key("Mevlut Cavusoglu")


def test_titled_variants_and_surname_are_one_person_with_titles_kept_as_aliases():
    ex = _extraction("a", ("U.S. Secretary of State Antony J. Blinken", "person", "Antony J. Blinken",
                           "Secretary of State", "U.S."),
                     ("Secretary Blinken", "person", "Blinken", "Secretary"), ("Blinken's", "person"),
                     ("Antony Blinken", "person"))
    entities, keys = _resolve(ex)
    assert len({keys[("a", s)] for s in (0, 42, 60, 70)}) == 1
    blinken = entities[keys[("a", 0)]]
    assert blinken.label == "Antony Blinken" and blinken.kind == "person"
    assert {"Secretary Blinken", "Antony J. Blinken", "Blinken"} <= blinken.aliases
    assert blinken.mentions == [("a", 0, 41), ("a", 42, 59), ("a", 60, 69), ("a", 70, 84)]
    assert blinken.affiliations == {"iso-us"}  # the demonym or short form links the country


def test_surname_binds_to_full_name_in_the_same_article_even_with_a_wrong_label():
    ex = _extraction("a", ("Anna Novak", "person"), ("Novak", "place"))
    entities, keys = _resolve(ex)
    assert keys[("a", 0)] == keys[("a", 11)]
    assert entities[keys[("a", 0)]].kind == "person"
    assert entities[keys[("a", 0)]].label == "Anna Novak"


def test_untyped_mentions_of_a_name_do_not_outvote_a_typed_one():
    # NER typed none of the bare surnames; the titled mention settles that she is a person
    ex = _extraction("a", ("Ruiz", "other"), ("Foreign Minister Ana Ruiz", "person", "Ana Ruiz", "Foreign Minister"),
                     ("Ruiz", "other"), ("Ruiz", "other"))
    entities, keys = _resolve(ex)
    ruiz = entities[keys[("a", 5)]]
    assert keys[("a", 0)] == keys[("a", 5)] and ruiz.kind == "person" and ruiz.label == "Ana Ruiz"


def test_a_titled_mention_settles_a_person_however_often_ner_said_organisation():
    ex = _extraction("a", ("Chadian President Idriss Mahamat", "person", "Idriss Mahamat", "President", "Chadian"),
                     ("Mahamat", "organization"), ("Mahamat", "organization"), ("Mahamat", "organization"))
    entities, keys = _resolve(ex)
    assert entities[keys[("a", 0)]].kind == "person"


def test_an_office_holder_is_a_person_however_often_ner_said_place():
    text, mentions = _mentions(("striker Mateus Costa", "person", "Mateus Costa"), ("Costa", "place"), ("Costa", "place"))
    sentence = Sentence(0, 0, len(text), text)
    role = Mention("striker", 0, 7, "office", "striker")
    ex = ArticleExtraction(Article("a", text), (sentence,), tuple(mentions), (),
                           (Fact(subject=mentions[0], relation="holds office", object=role, sentence=sentence),))
    entities, keys = _resolve(ex)
    costa = entities[keys[("a", 0)]]
    assert keys[("a", 21)] == keys[("a", 0)] and costa.kind == "person" and costa.label == "Mateus Costa"


def test_a_company_named_short_in_the_same_article_is_one_entity():
    # NER took the short form for a person twice; the company's full name decides
    entities, keys = _resolve(_extraction("a", ("Kestrel Systems", "organization"), ("Kestrel", "person"),
                                          ("Kestrel", "person")),
                              _extraction("b", ("Kestrel", "person")))
    assert keys[("a", 0)] == keys[("a", 16)] == keys[("a", 24)] != keys[("b", 0)]
    assert entities[keys[("a", 0)]].kind == "organization" and entities[keys[("a", 0)]].label == "Kestrel Systems"


def test_a_place_only_seen_in_capitals_is_labelled_in_title_case():
    entities, keys = _resolve(_extraction("a", ("NIAMEY", "place"), ("NATO", "organization")))
    assert entities[keys[("a", 0)]].label == "Niamey" and entities[keys[("a", 7)]].label == "NATO"


def test_an_acronym_is_no_surname():
    # "U.N." folds to the last name of "Park Min Un": a bare surname binds across articles, an acronym must not
    leader = _extraction("a", ("Park Min Un", "person"))
    un = _extraction("b", ("U.N.", "organization"), ("UN", "organization"))
    entities, keys = _resolve(leader, un)
    assert keys[("b", 0)] != keys[("a", 0)] and keys[("b", 5)] != keys[("a", 0)]
    assert entities[keys[("a", 0)]].kind == "person"


def test_two_people_with_one_surname_stay_apart():
    ex = _extraction("a", ("Anna Novak", "person"), ("Pavel Novak", "person"), ("Novak", "person"))
    entities, keys = _resolve(ex)
    assert keys[("a", 0)] != keys[("a", 11)]
    # the bare surname is ambiguous here: it is left on its own rather than guessed
    assert keys[("a", 23)] not in {keys[("a", 0)], keys[("a", 11)]}
    assert entities[keys[("a", 23)]].label == "Novak"


def test_two_people_with_one_surname_in_different_articles_leave_a_third_mention_unbound():
    entities, keys = _resolve(_extraction("a", ("Anna Novak", "person"), ("Novak", "person")),
                              _extraction("b", ("Pavel Novak", "person"), ("Novak", "person")),
                              _extraction("c", ("Novak", "person")))
    assert keys[("a", 11)] == keys[("a", 0)] != keys[("b", 0)] == keys[("b", 12)]
    assert keys[("c", 0)] not in {keys[("a", 0)], keys[("b", 0)]}


def test_surname_binds_across_articles_only_when_unambiguous():
    entities, keys = _resolve(_extraction("a", ("Anna Novak", "person")), _extraction("b", ("Novak", "person")))
    assert keys[("b", 0)] == keys[("a", 0)]


def test_a_shorter_form_of_one_fuller_name_is_that_person_and_then_the_surname_is_too():
    # a first name dropped, a middle name dropped; with both bound, the surname has one full name
    ex = _extraction("a", ("Ana Maria Ferraz", "person"), ("Maria Ferraz", "person"), ("Ana Ferraz", "person"),
                     ("Ferraz", "person"))
    entities, keys = _resolve(ex)
    assert keys[("a", 17)] == keys[("a", 30)] == keys[("a", 41)] == keys[("a", 0)] == "ana maria ferraz"


def test_a_shorter_form_of_two_fuller_names_stays_apart_and_titles_are_no_given_names():
    entities, keys = _resolve(_extraction("a", ("Ana Maria Ferraz", "person"), ("Rosa Maria Ferraz", "person"),
                                          ("Maria Ferraz", "person")),
                              _extraction("b", ("Rev. Tom Hale", "person"), ("Tom Hale", "person")))
    assert keys[("a", 35)] not in {keys[("a", 0)], keys[("a", 17)]}
    # "Rev." NER left in a name is no first name: "Tom Hale" is not bound to that form
    assert keys[("b", 14)] == "tom hale"


def test_surname_binds_to_a_person_already_in_the_graph():
    entities, keys = _resolve(_extraction("b", ("Novak", "person")), seed=["Anna Novak"])
    assert keys[("b", 0)] == "anna novak"


def test_bare_title_binds_to_its_one_holder_in_the_article_else_stays_an_office():
    entities, keys = _resolve(
        _extraction("a", ("Secretary of State Anna Novak", "person", "Anna Novak", "Secretary of State"),
                    ("Secretary", "other")),
        _extraction("b", ("President Anna Novak", "person", "Anna Novak", "President"),
                    ("President Pavel Marek", "person", "Pavel Marek", "President"), ("President", "other")))
    assert keys[("a", 30)] == keys[("a", 0)] == "anna novak"
    assert keys[("b", 43)] == "office:president"
    assert entities["office:president"].kind == "office"


def test_acronym_definitions_need_the_initials_of_the_expansion():
    text = ("the European Union (EU) and the Organization for Security and Co-operation in Europe (OSCE) "
            "met the Kurdistan Workers' Party (PKK) and the U.S. Agency for International Development (USAID)")
    assert list(acronym_definitions(text)) == [
        ("EU", "European Union"),
        ("OSCE", "Organization for Security and Co-operation in Europe"),
        ("USAID", "U.S. Agency for International Development")]


def test_acronym_defined_in_one_article_binds_there_and_across_the_corpus():
    a = _extraction("a", ("the European Union", "organization", "European Union"), ("(EU)", "organization", "EU"))
    b = _extraction("b", ("EU", "organization"))
    entities, keys = _resolve(a, b)
    assert keys[("a", 0)] == keys[("a", 19)] == keys[("b", 0)] == "european union"
    assert entities["european union"].label == "European Union"
    assert "EU" in entities["european union"].aliases


def test_country_variants_are_one_node_with_iso_code():
    ex = _extraction("a", ("U.S.", "country"), ("United States", "place"), ("America", "place"),
                     ("Türkiye", "place"), ("Turkey", "country"), ("Turkish", "group"))
    entities, keys = _resolve(ex)
    assert keys[("a", 0)] == keys[("a", 5)] == keys[("a", 19)] == "iso-us"
    assert {keys[("a", 27)], keys[("a", 35)], keys[("a", 42)]} == {"iso-tr"}
    assert entities["iso-tr"].code == "TR" and entities["iso-tr"].kind == "country"
    assert entities["iso-tr"].same_as == ("https://sws.geonames.org/298795/",)


def test_a_plural_demonym_names_people_not_their_country():
    # "Zambians fled", "Malawians voted": a group of people; "Zambian" (troops, airstrikes) is the country's
    ex = _extraction("a", ("Zambians", "group"), ("Zambian", "group"), ("Malawians", "group"))
    entities, keys = _resolve(ex)
    assert keys[("a", 9)] == "iso-zm"
    assert keys[("a", 0)] != "iso-zm" and entities[keys[("a", 0)]].label == "Zambians"
    assert entities[keys[("a", 17)]].label == "Malawians"


def test_a_short_form_the_corpus_uses_as_a_country_is_one_even_when_tagged_otherwise():
    ex = _extraction("a", ("US", "organization"), ("U.S.", "country"), ("IS", "organization"),
                     ("the Governments of the United States", "organization", "Governments of the United States"))
    entities, keys = _resolve(ex)
    assert keys[("a", 0)] == keys[("a", 3)] == keys[("a", 11)] == "iso-us"
    assert keys[("a", 8)] == "is"  # an acronym that happens to be an ISO code is not a country


def _calls_on(ms, s):
    """Event: the first mention calls on the second."""
    return (Event("call on", "Appeal", "called on", 0, 0, s, agents=(ms[0],), patients=(ms[1],)),)


def test_capital_read_as_its_government_joins_the_country_and_as_a_place_stays_the_city():
    acting = _extraction("a", ("Ankara", "place"), ("Washington", "place"), events=_calls_on)
    located = _extraction("b", ("talks in", "concept"), ("Washington", "place"), ("Washington's", "place"))
    entities, keys = _resolve(acting, located)
    assert keys[("a", 0)] == "iso-tr" and keys[("a", 7)] == "iso-us"
    assert entities["iso-us"].readings == {("a", 7, 17): GOVERNMENT, ("b", 20, 32): GOVERNMENT}
    city = entities[keys[("b", 9)]]
    assert city.kind == "place" and city.readings == {("b", 9, 19): LOCATION}
    assert city.same_as == ("https://sws.geonames.org/4140963/",) and round(city.lat) == 39


def test_a_capital_where_something_is_based_stays_the_city():
    # "the Ballet of Moscow": the object of a standing place relation is where, not who
    text = "Ballet of Moscow"
    ballet, moscow = Mention("Ballet", 0, 6, "organization", "Ballet"), Mention("Moscow", 10, 16, "place", "Moscow")
    sentence = Sentence(0, 0, len(text), text)
    based = Fact(subject=ballet, relation="based in", object=moscow, sentence=sentence)
    entities, keys = _resolve(ArticleExtraction(Article("a", text), (sentence,), (ballet, moscow), (), (based,)))
    assert keys[("a", 10)] != "iso-ru" and entities[keys[("a", 10)]].kind == "place"


def test_a_dotted_short_form_after_a_city_is_its_region_not_a_country():
    # "Charlotte, N.C." is North Carolina, not New Caledonia (NC); "Shreveport, La." not Laos (LA)
    entities, keys = _resolve(_extraction("a", ("Charlotte,", "place", "Charlotte"), ("N.C.", "place")),
                              _extraction("b", ("Shreveport,", "place", "Shreveport"), ("La.", "place")),
                              _extraction("c", ("talks", "concept"), ("U.S.", "place")))
    assert keys[("a", 11)] not in {"iso-nc"} and keys[("b", 12)] != "iso-la"
    assert keys[("c", 6)] == "iso-us"  # not after a city: the country


def test_place_variants_merge_and_get_geonames_ids_only_when_settled():
    entities, keys = _resolve(
        _extraction("a", ("Golan", "place"), ("the Golan Heights", "place", "Golan Heights"), ("Kyiv", "place")),
        _extraction("b", ("KIEV", "place"), ("Arlington", "place"), ("Golan", "place")),
        _extraction("c", ("Arlington", "place"), ("Virginia", "place")))
    assert keys[("a", 0)] == keys[("a", 6)]
    assert entities[keys[("a", 0)]].label == "Golan"  # the most used form of a place
    kyiv = entities[keys[("a", 24)]]
    assert keys[("b", 0)] == kyiv.key and kyiv.same_as == ("https://sws.geonames.org/703448/",)
    # Arlington, Texas or Virginia: "Virginia" in article c settles it for the node
    assert entities[keys[("b", 5)]].same_as == ("https://sws.geonames.org/4744709/",)
    assert entities[keys[("c", 10)]].same_as == ()  # a US state is not the South African town


def test_resolution_does_not_depend_on_article_order():
    exs = [_extraction("a", ("Anna Novak", "person"), ("Novak", "person")),
           _extraction("b", ("Novak", "person"), ("US", "organization"), ("U.S.", "country")),
           _extraction("c", ("Washington", "place"), ("PRAGUE", "place"), ("Prague", "place"))]
    forward, backward = _resolve(*exs), _resolve(*reversed(exs))
    assert forward[1] == backward[1]
    assert {k: (e.label, e.kind, sorted(e.aliases), e.mentions) for k, e in forward[0].items()} == \
        {k: (e.label, e.kind, sorted(e.aliases), e.mentions) for k, e in backward[0].items()}
    assert forward[0][forward[1][("c", 11)]].label == "Prague"


def test_every_mention_is_a_nif_phrase_pointing_at_its_entity():
    ex = _extraction("a", ("Secretary Anna Novak", "person", "Anna Novak", "Secretary"), ("Ankara", "place"),
                     ("Washington", "place"), events=lambda ms, s: _calls_on(ms[1:], s))
    r = Resolver()
    r.add(ex)
    builder = GraphBuilder(IRIs())
    builder.set_resolution(*r.resolve())
    builder.add_entities(builder.entities.values())
    builder.add_extraction(ex)
    g, iris = builder.g, IRIs()
    phrase = iris.mention("a", 0, 20)
    assert (phrase, RDF.type, NIF.Phrase) in g
    assert g.value(phrase, NIF.anchorOf) == Literal("Secretary Anna Novak")
    assert g.value(phrase, ITSRDF.taIdentRef) == iris.entity("anna novak")
    assert g.value(iris.mention("a", 28, 38), ITSRDF.taIdentRef) == iris.entity("iso-us")
    assert g.value(iris.mention("a", 28, 38), KG.reading) == Literal(GOVERNMENT)


def test_a_fact_whose_two_sides_resolve_to_one_entity_is_not_recorded():
    # "Ana Ruiz ... Ruiz": the surname is the same woman, so "Ana Ruiz meet Ruiz" says nothing
    ex = _extraction("a", ("Ana Ruiz", "person"), ("Ruiz", "person"), ("Tom Berg", "person"))
    m = ex.mentions
    facts = (Fact(subject=m[0], relation="meet", object=m[1], sentence=ex.sentences[0]),
             Fact(subject=m[0], relation="meet", object=m[2], sentence=ex.sentences[0]))
    ex = ArticleExtraction(ex.article, ex.sentences, m, (), facts)
    r = Resolver()
    r.add(ex)
    builder = GraphBuilder(IRIs())
    builder.set_resolution(*r.resolve())
    builder.add_extraction(ex)
    facts = list(builder.g.subjects(RDF.type, KG.Fact))
    assert len(facts) == 1
    assert builder.g.value(facts[0], KG.object) == IRIs().entity("tom berg")


def test_an_ap_state_abbreviation_after_a_town_is_the_state_not_a_country():
    # "N.C." is also New Caledonia's ISO code; after "Nags Head," (no GeoNames city) it is North Carolina
    text = "Nags Head, N.C."
    mentions = (Mention("Nags Head", 0, 9, "place", "Nags Head"), Mention("N.C.", 11, 15, "country", "N.C."))
    ex = ArticleExtraction(Article("a", text), (Sentence(0, 0, len(text), text),), mentions, (), ())
    entities, keys = _resolve(ex)
    assert keys[("a", 11)] != "iso-nc"
    assert entities[keys[("a", 11)]].label == "N.C."


def test_a_nordic_company_suffix_is_a_company_ending():
    entities, keys = _resolve(_extraction("a", ("Halvorsen ASA", "organization"), ("Halvorsen", "person")))
    assert keys[("a", 0)] == keys[("a", 14)] and entities[keys[("a", 0)]].label == "Halvorsen ASA"
