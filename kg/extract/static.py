"""Standing relations a reader records from descriptions rather than events: where a place or
organisation is ("Fairbanks, Alaska", "the University of Virginia in Charlottesville",
"Moscow-based"), where a person is from ("Bill Gordon of Bingham County"), and who belongs to which
organisation ("Boston University's Michael Papagiannis", "X, a spokesman for Y")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.clauses import MentionIndex
from kg.types import COUNTRY, GROUP, ORGANIZATION, PERSON, PLACE, Fact, Mention, Sentence

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
    text = sent.doc.text
    for a, b in zip(ms, ms[1:]):
        if a.kind not in _PLACES or b.kind not in _PLACES or text[a.end:b.start].strip() != ",":
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
        if not toks or m.kind not in {PERSON, ORGANIZATION}:
            continue
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
            for child in tok.children:
                if child.lower_ == "based" and m.kind == ORGANIZATION:
                    for g in child.subtree:
                        if (p := index.at(g)) is not None and p.kind in _PLACES:
                            yield Fact(subject=m, relation=BASED_IN, object=p, sentence=record)
                            break


def static_facts(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    yield from located(sent, record, index)
    yield from attached(sent, record, index)
