"""Entity resolution: one node per real-world entity, and no wrong merges."""

from __future__ import annotations

from kg.resolve import Resolver, name_key
from kg.types import Article, ArticleExtraction, Mention, Sentence


def _extraction(article_id: str, *names: tuple[str, str]) -> ArticleExtraction:
    mentions, pos = [], 0
    for name, kind in names:
        mentions.append(Mention(name, pos, pos + len(name), kind, name))
        pos += len(name) + 1
    text = " ".join(n for n, _ in names)
    return ArticleExtraction(Article(article_id, text), (Sentence(0, 0, len(text), text),),
                             tuple(mentions), (), ())


def _resolve(*extractions):
    r = Resolver()
    for ex in extractions:
        r.add(ex)
    entities, keys = r.resolve()
    return entities, {(a, s): k for (a, s, _e, _o), k in keys.items()}


def test_name_key_ignores_initials_case_diacritics_and_possessive():
    assert name_key("Antony J. Blinken") == name_key("ANTONY BLINKEN") == name_key("Antony Blinken's")
    assert name_key("Mevlüt Çavuşoğlu") == name_key("Mevlut Cavusoglu")


def test_surname_binds_to_full_name_in_the_same_article_even_with_a_wrong_label():
    ex = _extraction("a", ("Anna Novak", "person"), ("Novak", "place"))
    entities, keys = _resolve(ex)
    assert keys[("a", 0)] == keys[("a", 11)]
    assert entities[keys[("a", 0)]].kind == "person"
    assert entities[keys[("a", 0)]].label == "Anna Novak"


def test_two_people_with_one_surname_stay_apart():
    ex = _extraction("a", ("Anna Novak", "person"), ("Pavel Novak", "person"), ("Novak", "person"))
    entities, keys = _resolve(ex)
    assert keys[("a", 0)] != keys[("a", 11)]
    # the bare surname is ambiguous here: it is left on its own rather than guessed
    assert keys[("a", 23)] not in {keys[("a", 0)], keys[("a", 11)]}


def test_surname_binds_across_articles_only_when_unambiguous():
    entities, keys = _resolve(_extraction("a", ("Anna Novak", "person")), _extraction("b", ("Novak", "person")))
    assert keys[("b", 0)] == keys[("a", 0)]


def test_country_variants_are_one_node_with_iso_code():
    ex = _extraction("a", ("U.S.", "country"), ("United States", "place"), ("America", "place"),
                     ("Türkiye", "place"), ("Turkey", "country"), ("Turkish", "group"))
    entities, keys = _resolve(ex)
    assert keys[("a", 0)] == keys[("a", 5)] == keys[("a", 19)] == "iso-us"
    assert {keys[("a", 27)], keys[("a", 35)], keys[("a", 42)]} == {"iso-tr"}
    assert entities["iso-tr"].code == "TR" and entities["iso-tr"].kind == "country"
