"""Standing relations a reader records from descriptions rather than events: where a place or
organisation is ("Fairbanks, Alaska", "the University of Virginia in Charlottesville",
"Moscow-based"), where a person is from ("Bill Gordon of Bingham County"), and who belongs to which
organisation ("Boston University's Michael Papagiannis", "X, a spokesman for Y")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.clauses import MentionIndex
from kg.extract.lexicon import TITLE_HEADS
from kg.types import COUNTRY, ORGANIZATION, PERSON, PLACE, Fact, Mention, Sentence

LOCATED_IN = "located in"
BASED_IN = "based in"
FROM = "from"
AFFILIATED_WITH = "affiliated with"
_PLACES = {PLACE, COUNTRY}


def _tokens(sent: Span, m: Mention) -> list[Token]:
    return [t for t in sent if m.start <= t.idx < m.end]


def _is_list_item(sent: Span, m: Mention, index: MentionIndex, *, after: bool) -> bool:
    """Part of an enumeration ("Qatar, Egypt and Israel")?"""
    doc = sent.doc
    toks = _tokens(sent, m)
    if not toks:
        return False
    i = toks[-1].i + 1 if after else toks[0].i - 1
    if not (sent.start <= i < sent.end):
        return False
    if doc[i].lower_ in {"and", "or"}:
        return True
    j = i + 1 if after else i - 1
    return doc[i].text == "," and sent.start <= j < sent.end and (
        doc[j].lower_ in {"and", "or"} or (n := index.at(doc[j])) is not None and n.kind in _PLACES)


def located(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """"Fairbanks, Alaska": a place, a comma, and the region or country it lies in."""
    ms = sorted(index.mentions, key=lambda m: m.start)
    # The sentence's own text: Doc.text joins every token of the article on each call.
    text, offset = sent.text, sent.start_char
    for a, b in zip(ms, ms[1:]):
        if a.kind not in _PLACES or b.kind not in _PLACES or text[a.end - offset:b.start - offset].strip() != ",":
            continue
        if a.kind == COUNTRY or _is_list_item(sent, a, index, after=False) or _is_list_item(sent, b, index, after=True):
            continue
        yield Fact(subject=a, relation=LOCATED_IN, object=b, sentence=record)


def _prep_objects(tok: Token, preps: set[str], index: MentionIndex) -> Iterator[tuple[str, Mention]]:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for g in child.children:
                if g.dep_ == "pobj" and (m := index.at(g)) is not None:
                    yield child.lower_, m


def attached(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """Prepositions and possessives attached to a name: "X in Y", "X of Y", "Y's X", "Y-based X"."""
    for m in index.mentions:
        toks = _tokens(sent, m)
        if toks and m.kind in _PLACES:
            yield from _place_in_place(sent, record, index, m, toks)
        if not toks or m.kind not in {PERSON, ORGANIZATION}:
            continue
        if m.kind == PERSON and (org := _titled_by_organisation(sent, index, toks[0])) is not None:
            yield Fact(subject=m, relation=AFFILIATED_WITH, object=org, sentence=record)
        for tok in toks:
            for prep, other in _prep_objects(tok, {"in", "at", "of", "from", "for", "with"}, index):
                if other is m or other.start < m.end and m.start < other.end:
                    continue
                if m.kind == ORGANIZATION and other.kind in _PLACES and prep in {"in", "at"}:
                    yield Fact(subject=m, relation=BASED_IN, object=other, sentence=record)
                elif m.kind == PERSON and other.kind in _PLACES and prep in {"of", "from"}:
                    yield Fact(subject=m, relation=FROM, object=other, sentence=record)
                elif m.kind == PERSON and other.kind == ORGANIZATION and prep in {"of", "at", "for", "with", "from"}:
                    yield Fact(subject=m, relation=AFFILIATED_WITH, object=other, sentence=record)
            for child in tok.children:
                owner = index.at(child) if child.dep_ in {"poss", "compound", "nmod"} else None
                if owner is None or owner is m:
                    continue
                if m.kind == PERSON and owner.kind == ORGANIZATION and child.dep_ == "poss":
                    yield Fact(subject=m, relation=AFFILIATED_WITH, object=owner, sentence=record)
                # "Moscow-based Bolshoi": the place is a modifier of "based"
            # "Y-based X", "X, a firm based in Y"
            described = [*tok.children, *(g for c in tok.children if c.dep_ == "appos" for g in c.children)]
            for child in described:
                if child.lower_ == "based" and m.kind == ORGANIZATION:
                    for g in child.subtree:
                        if (p := index.at(g)) is not None and p.kind in _PLACES:
                            yield Fact(subject=m, relation=BASED_IN, object=p, sentence=record)
                            break


def _place_in_place(sent: Span, record: Sentence, index: MentionIndex, m: Mention,
                    toks: list[Token]) -> Iterator[Fact]:
    """"Liberec and Ostrava in Czechia", "the cities of A and B in France": places inside a place."""
    for tok in toks:
        for prep, other in _prep_objects(tok, {"in"}, index):
            if other.kind not in _PLACES or other is m or m.kind == COUNTRY:
                continue
            for place in [m, *(index.at(c) for c in tok.conjuncts)]:
                if place is not None and place.kind in _PLACES and place.kind != COUNTRY:
                    yield Fact(subject=place, relation=LOCATED_IN, object=other, sentence=record)


def _titled_by_organisation(sent: Span, index: MentionIndex, first: Token) -> Mention | None:
    """"Teachers Union spokesman Bert Shanas": an organisation, a lower-case title, then the name."""
    doc, i = sent.doc, first.i - 1
    if i <= sent.start or not doc[i].is_lower or doc[i].lower_ not in TITLE_HEADS:
        return None
    org = index.at(doc[i - 1])
    return org if org is not None and org.kind == ORGANIZATION else None


_PLACE_NOUNS = {"city", "town", "village", "province", "region", "district", "state", "port", "capital",
                "county", "area", "cities", "towns", "villages", "provinces", "regions", "districts"}


def named_places_in(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """"the cities of Krakow and Gdansk in Poland": each named place lies in the last one."""
    for tok in sent:
        if tok.lower_ not in _PLACE_NOUNS:
            continue
        named = [m for _, m in _prep_objects(tok, {"of"}, index) if m.kind in _PLACES]
        of_objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        named += [m for o in of_objs for c in o.conjuncts if (m := index.at(c)) is not None and m.kind in _PLACES]
        for _, where in _prep_objects(tok, {"in"}, index):
            if where.kind in _PLACES:
                for m in named:
                    if m.kind != COUNTRY and m is not where:
                        yield Fact(subject=m, relation=LOCATED_IN, object=where, sentence=record)


def static_facts(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    yield from located(sent, record, index)
    yield from attached(sent, record, index)
    yield from named_places_in(sent, record, index)
