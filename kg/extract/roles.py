"""Office-holders: titles before names, appositions, and "X, the capital of Y" descriptions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.extract.clauses import MentionIndex, _factuality, apposed_to_served
from kg.extract.lexicon import BODY_NAME_HEADS, LOCAL_OFFICES, ROLE_WORDS, TITLE_HEADS
from kg.extract.mentions import office_mention
from kg import gazetteer, places
from kg.extract.static import AFFILIATED_WITH, FROM
from kg.extract.tokens import children, doc_text, sentence_tokens, tokens_in
from kg.types import ASSERTED, COUNTRY, GROUP, OFFICE, ORGANIZATION, OTHER, PERSON, PLACE, Fact, Mention, Sentence

HOLDS_OFFICE = "holds office"


def _phrase(token: Token) -> Span:
    """A noun phrase without determiners, possessors and trailing clauses."""
    left = [t for t in token.subtree if t.i <= token.i]
    start = token.i
    ids = {t.i for t in left if t.dep_ in {"compound", "amod", "nmod"} or t == token}
    while start - 1 in ids:
        start -= 1
    end = token.i + 1
    # "the capital of Peru", "Minister of Foreign Affairs": keep an "of" complement.
    of = next((c for c in children(token) if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and of.i == end:
        end = of.right_edge.i + 1
    return token.doc[start:end]


def _qualifier(token: Token, index: MentionIndex) -> Mention | None:
    """The country or organisation an office belongs to: a possessor or an "of" complement."""
    for child in children(token):
        if child.dep_ in {"poss", "nmod", "compound", "amod"} and (m := index.at(child)):
            return m
        if child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "with"}:
            for g in children(child):
                if g.dep_ == "pobj" and (m := index.at(g)):
                    return m
    return None


def _place_of_office(sent: Span, m: Mention) -> Mention | None:
    """The named place before a title ("U.S. District Judge", "Ohio Governor"), not a demonym."""
    aff = m.affiliation
    if not aff:
        return None
    gaz = gazetteer.load()
    toks = tokens_in(sent, m.start, m.start + len(aff))
    if gaz.country(aff, allow_code=True):
        kind = COUNTRY
    elif gaz.division(aff) or toks and all(t.ent_type_ in {"GPE", "LOC"} for t in toks) \
            or _local_office(m.title) and (places.candidates(aff)  # a city's name the tagger missed
                                            or aff.split()[-1].lower() in _LOCAL_UNITS):  # "Pima County"
        kind = PLACE
    else:
        return None
    return Mention(aff, m.start, m.start + len(aff), kind, aff)


# The last word of a local government's area: "Pima County Sheriff", "Orleans Parish Coroner".
_LOCAL_UNITS = {"county", "parish", "township", "borough", "city", "town", "village", "district"}


def _local_office(title: str | None) -> bool:
    """An office of a town or state ("Mayor", "County Sheriff"): a name before it is the place it
    serves, where before "Manager" or "Coach" it may be a club that shares a town's name."""
    return bool(title) and title.split()[-1].lower() in LOCAL_OFFICES


def _appositions(person: Token) -> Iterator[Token]:
    """Nouns said of a person: apposed ones, and what the clause makes them ("X was installed as
    chairman of Y", "X serves as ambassador")."""
    yield from (c for c in children(person) if c.dep_ == "appos")
    if person.dep_ == "appos":
        yield person.head
    if person.dep_ in {"nsubj", "nsubjpass"}:
        yield from (g for c in children(person.head) if c.dep_ == "prep" and c.lower_ == "as"
                    for g in children(c) if g.dep_ == "pobj")


def role_facts(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """One 'holds office' fact per titled or apposed person mention in the sentence."""
    for m in index.mentions:
        if m.title and m.kind == PERSON:
            office, holders = _held_by(office_mention(m), sent, m, index)
            qualifier, demonym = None, None
            place = _place_of_office(sent, m)
            if m.affiliation:
                gaz = gazetteer.load()
                demonym = gaz.demonym(m.affiliation)
                national = demonym or gaz.country(m.affiliation, allow_code=True)
                # "Ohio Governor X" serves a place, typed as one; "Petrobol Director X" an organisation
                kind = GROUP if national else place.kind if place is not None else ORGANIZATION
                qualifier = Mention(m.affiliation, m.start, m.start + len(m.affiliation), kind, m.affiliation)
            for holder in holders:
                yield Fact(subject=holder, relation=HOLDS_OFFICE, object=office, sentence=record, qualifier=qualifier)
                if qualifier is not None:  # "Chilean President Ana Ruiz" -> Ruiz affiliated with Chile
                    yield Fact(subject=holder, relation=AFFILIATED_WITH, object=qualifier, sentence=record)
                if place is not None:  # "Tucson Mayor X" -> X from Tucson
                    yield Fact(subject=holder, relation=FROM, object=place, sentence=record)
                elif demonym is not None and qualifier is not None:  # "North Korean President X": a national
                    yield Fact(subject=holder, relation=FROM, object=qualifier, sentence=record)
    for m in sorted(index.mentions, key=lambda x: x.start):
        if not (toks := tokens_in(sent, m.start, m.end)):
            continue
        tok = _root_in(toks)
        if index.at(tok) is not m:
            continue
        person = tok.ent_type_ == "PERSON" or _personal_name(toks, m)
        if not person and m.kind != OTHER:
            continue  # a name NER left untyped may still take an apposed title ("Ana Ruiz, a spokeswoman")
        if person and m.kind != PERSON:
            m = replace(m, kind=PERSON)  # a title holder is a person, whatever NER made of the name
        if person and (office := _role_before(sent, m, index)) is not None:  # "coach Helena Duarte"
            role, holders = _held_by(office[0], sent, m, index)
            qualifier = office[1]
            for holder in holders:
                yield Fact(subject=holder, relation=HOLDS_OFFICE, object=role, sentence=record, qualifier=qualifier)
                if qualifier is not None and qualifier.kind == ORGANIZATION:
                    yield Fact(subject=holder, relation=AFFILIATED_WITH, object=qualifier, sentence=record)
        if person and (role := _role_apposed_to(tok, index)) is not None:  # "The company's chief executive, X,"
            office = Mention(role.text, role.start_char, role.end_char, OFFICE, role.text)
            yield Fact(subject=m, relation=HOLDS_OFFICE, object=office, sentence=record,
                       qualifier=_qualifier(role.root, index))
        for ap in _appositions(tok):
            if index.at(ap) or ap.pos_ != "NOUN" or ap.lemma_.lower() not in TITLE_HEADS:
                continue
            phrase = _phrase(ap)
            office = Mention(phrase.text, phrase.start_char, phrase.end_char, OFFICE, phrase.text)
            qualifier = _qualifier(ap, index)
            # "will serve as ambassador": as sure as the clause that says it
            factuality = _factuality(ap.head.head) if ap.head.lower_ == "as" else ASSERTED
            yield Fact(subject=m, relation=HOLDS_OFFICE, object=office, sentence=record, qualifier=qualifier,
                       factuality=factuality)
            if qualifier is not None and qualifier.kind == ORGANIZATION:
                yield Fact(subject=m, relation=AFFILIATED_WITH, object=qualifier, sentence=record,
                           factuality=factuality)


def _role_apposed_to(tok: Token, index: MentionIndex) -> Span | None:
    """"His lawyer, Marta Vidal,": the role noun a name is in apposition to, as its phrase; also
    when the parser hangs the name on the place or body the role serves ("the envoy for Tarija,
    Ana Ruiz,"), which a person's name cannot be apposed to."""
    if tok.dep_ != "appos":
        return None
    head = tok.head.head.head if apposed_to_served(tok, index) else tok.head
    if head.pos_ != "NOUN" or index.at(head) is not None or head.lemma_.lower() not in ROLE_WORDS:
        return None
    return _phrase(head)


def _held_by(office: Mention, sent: Span, m: Mention, index: MentionIndex) -> tuple[Mention, list[Mention]]:
    """The office and who holds it: the mention, and with a plural title ("Senators Ana Ruiz and
    Tom Berg") each untitled name coordinated with it, the office named in the singular."""
    if (singular := _singular_title(office.name)) is None:
        return office, [m]
    return Mention(office.text, office.start, office.end, OFFICE, singular), [m, *_untitled_partners(sent, m, index)]


def _singular_title(title: str) -> str | None:
    """"Foreign Ministers" -> "Foreign Minister", "Congressmen" -> "Congressman"; None when the
    title is not a plural."""
    *rest, last = title.split(" ")
    low = last.lower()
    for plural, singular in (("ies", "y"), ("men", "man"), ("es", ""), ("s", "")):
        if low.endswith(plural) and low[:-len(plural)] + singular in ROLE_WORDS:
            return " ".join([*rest, last[:-len(plural)] + singular])
    return None


def _untitled_partners(sent: Span, m: Mention, index: MentionIndex) -> list[Mention]:
    """The people coordinated with a mention that have no title of their own."""
    toks = tokens_in(sent, m.start, m.end)
    if not toks:
        return []
    partners = (index.at(c) for c in _root_in(toks).conjuncts)
    return [p for p in partners if p is not None and p is not m and p.kind == PERSON and not p.title]


def _personal_name(toks: list[Token], m: Mention) -> bool:
    """A name NER took for an organisation that reads as a person's after a role noun: two or three
    capitalised words (the mention's tokens), none an organisation's word ("Nadia Kern", not
    "Kestrel Foods")."""
    return m.kind in {ORGANIZATION, OTHER} and 2 <= len(toks) <= 3 and all(
        t.pos_ == "PROPN" and t.is_title and t.lower_ not in BODY_NAME_HEADS for t in toks) \
        and not gazetteer.load().country(m.name) and not places.candidates(m.name)


def _role_before(sent: Span, m: Mention, index: MentionIndex) -> tuple[Mention, Mention | None] | None:
    """A lower-case role noun right before a name, as news writes it: "coach Helena Duarte",
    "geologist Anna Berg", "Porto Azul captain Tomas Eder" (the team or country before it is the
    role's qualifier). Capitalised titles are split off the name by kg.extract.mentions."""
    if m.title:
        return None
    doc = sent.doc
    toks = tokens_in(sent, m.start, m.end)
    if not toks or toks[0].i - 1 < sent.start:
        return None
    role = doc[toks[0].i - 1]
    if role.pos_ != "NOUN" or not (role.is_lower or role.is_sent_start) or role.dep_ != "compound" \
            or role.lemma_.lower() not in ROLE_WORDS:
        return None
    # Lower-case words that modify the role belong to it: "foreign policy chief", "chief executive".
    first = role
    # (a sentence's first word is capitalised all the same: "Chief executive X said")
    while first.i - 1 >= sent.start and ((word := doc[first.i - 1]).is_lower or word.is_sent_start
                                         and index.at(word) is None) and word.is_alpha \
            and word.dep_ in {"compound", "amod"} and word.head.i in range(first.i, role.i + 1):
        first = word
    qualifier = index.at(doc[first.i - 1]) if first.i - 1 >= sent.start else None
    if qualifier is not None and qualifier.kind not in {ORGANIZATION, COUNTRY, GROUP, PLACE}:
        qualifier = None
    start = qualifier.start if qualifier is not None else first.idx
    text = doc_text(doc)[start:role.idx + len(role)]
    return Mention(text, start, role.idx + len(role), OFFICE, text), qualifier


def _root_in(toks: list[Token]) -> Token:
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[-1])


def description_facts(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """"Lima, the capital of Peru" -> (Lima, capital of, Peru)."""
    for tok in sentence_tokens(sent):
        if tok.dep_ != "appos" or tok.pos_ != "NOUN" or tok.lemma_.lower() in TITLE_HEADS:
            continue
        subject = index.at(tok.head)
        of = next((c for c in children(tok) if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((index.at(g) for g in children(of) if g.dep_ == "pobj"), None) if of is not None else None
        if subject and obj and subject != obj:
            yield Fact(subject=subject, relation=f"{tok.lemma_.lower()} of", object=obj, sentence=record)
