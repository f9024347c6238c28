"""kg.graph's literal shortcuts make the same terms as rdflib's Literal."""

from __future__ import annotations

import pytest
from conftest import xsd
from rdflib import Literal

from kg.graph import _date, _text


def _same(a: Literal, b: Literal) -> None:
    assert (a, type(a), hash(a), a.n3(), a.datatype, a.language, a.value, a.ill_typed) == \
        (b, type(b), hash(b), b.n3(), b.datatype, b.language, b.value, b.ill_typed)


@pytest.mark.parametrize("text", ["Okello met Phiri in Lusaka.", "", "  spaced  ", "São Tomé — “quoted”",
                                  "line\nbreak \"and\" \\ slash", "\ud800 lone surrogate", "12", "true"])
def test_a_plain_string_literal_is_rdflibs(text):
    _same(_text(text), Literal(text))


@pytest.mark.parametrize("text", ["2024-03-05", "1999-12-31", "2024-02-30", "March"])
def test_a_date_literal_is_rdflibs_and_made_once(text):
    _same(_date(text), Literal(text, datatype=xsd("date")))
    assert _date(text) is _date(text)
