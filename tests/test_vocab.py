"""IRIs are minted in one place, valid for any text, and stable."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.timex import normalise
from kg.vocab import KG, IRIs, slug


@pytest.mark.parametrize("text", ["Antony Blinken", "Çavuşoğlu", "<script>", "a b/c?d#e", "", "中华人民共和国", "x" * 500])
def test_iris_are_valid_for_any_text(text):
    iri = IRIs().entity(text)
    assert isinstance(iri, URIRef)
    assert not any(c in str(iri) for c in ' <>"{}|\\^`')
    assert IRIs().entity(text) == iri  # stable


def test_distinct_texts_get_distinct_slugs():
    assert slug("U.S.") != slug("US") and slug("a-b") != slug("a b!")


def test_closed_namespace_rejects_typos():
    with pytest.raises(AttributeError):
        KG.agnet  # noqa: B018


def test_base_is_an_option():
    assert str(IRIs("http://news.example/kg").article("a1")) == "http://news.example/kg/article/a1"


@pytest.mark.parametrize("text, ref, future, expected", [
    ("Tuesday", "2024-06-06", False, "2024-06-04"),
    ("on Monday", "2024-06-03", False, "2024-06-03"),
    ("Friday", "2024-06-04", True, "2024-06-07"),
    ("February 5", "2024-02-07", False, "2024-02-05"),
    ("4 April", "2024-05-01", False, "2024-04-04"),
    ("today", "2022-07-25", False, "2022-07-25"),
    ("yesterday", "2022-07-25", False, "2022-07-24"),
    ("last month", "2022-07-25", False, None),
    ("Tuesday", None, False, None),
])
def test_time_normalisation(text, ref, future, expected):
    assert normalise(text, ref, future=future).date == expected
