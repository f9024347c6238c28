"""Standing relations a reader records from descriptions rather than events: where a place or
organisation is ("Tarija, Bolivia", "the University of Oregon in Eugene",
"Moscow-based"), where a person is from ("Ana Ruiz of Pima County"), and who belongs to which
organisation ("Uppsala University's Lena Berg", "X, a spokesman for Y")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.extract.clauses import MentionIndex, arg_mentions
from kg.extract.lexicon import MEMBER_MARKERS, PERSON_NOUNS, PLACE_NOUNS, ROLE_WORDS, TITLE_HEADS
from kg.extract.mentions import is_known_place
from kg.extract.tokens import children, memo, sentence_tokens, tokens_in
from kg.types import ASSERTED, COUNTRY, GROUP, ORGANIZATION, OTHER, PERSON, PLACE, REPORTED, Fact, Mention, Sentence

LOCATED_IN = "located in"
BASED_IN = "based in"
FROM = "from"
AFFILIATED_WITH = "affiliated with"
KILL = "kill"  # the label a "kill" event gives its agent and patient
_PLACES = {PLACE, COUNTRY}
# Participles that place an organisation: "Moscow-based", "headquartered in Paris".
_SITED = {"based", "headquartered"}
# Nouns for where an organisation sits: "the EU headquarters in Brussels".
_SEATS = {"headquarters", "seat"}
# Nouns that say where a person comes from or lives: "a native of Ohio", "a Tarija resident".
_ORIGIN_NOUNS = {"native", "resident", "citizen", "hometown"}
# Verbs that join a subject to a describing noun: "X is a native of Y", "X remains a commissioner of Y".
_COPULAS = {"be", "remain", "become"}
# Nouns before a name that speak about a place rather than say where one is from or sits:
# "Bolivia envoy X", "Chile veteran X", "Kremlin critic X".
_ABOUT_PLACE = {"envoy", "ambassador", "emissary", "veteran", "expert", "analyst", "correspondent", "reporter",
                "negotiator", "mediator", "observer", "specialist", "watcher", "hand", "critic", "war", "policy",
                "trip", "visit", "peace", "ceasefire", "aid", "relief", "trade", "hostage", "prisoner", "refugee"}
# Agent nouns of killing ("the assassin of X", "X's killer") and the act nouns ("the murder of X").
_KILLER_NOUNS = {"assassin", "killer", "murderer", "slayer"}
_KILLING_NOUNS = {"assassination", "murder", "killing", "slaying"}
# Words of a charge or verdict that tie a person to a killing: "convicted of the murder of X",
# "went on trial for the assassination of X"; a charge is reported, a verdict asserted.
_CHARGES = {"accuse", "charge", "suspect", "arrest", "indict", "trial", "try", "hold", "detain", "wanted"}
_VERDICTS = {"convict", "guilty", "sentence", "plead", "confess", "admit", "jail", "imprison", "execute", "hang"}


def _tokens(sent: Span, m: Mention) -> list[Token]:
    return tokens_in(sent, m.start, m.end)


def _is_list_item(sent: Span, m: Mention, index: MentionIndex, *, after: bool) -> bool:
    """Part of an enumeration ("Chile, Peru and Bolivia")?"""
    doc = sent.doc
    toks = _tokens(sent, m)
    if not toks:
        return False
    i = toks[-1].i + 1 if after else toks[0].i - 1
    if not (sent.start <= i < sent.end):
        return False
    if not after:
        j = i - 1
        return doc[i].lower_ in {"and", "or"} or doc[i].text == "," and sent.start <= j < sent.end and (
            doc[j].lower_ in {"and", "or"} or (n := index.at(doc[j])) is not None and n.kind in _PLACES)
    # After the pair, only another place makes a list: "Tulsa, Okla., and the city..." is no list.
    i += doc[i].text == ","
    joined = i < sent.end and doc[i].lower_ in {"and", "or"}
    if joined:
        i += 1
    while i < sent.end and doc[i].lower_ in {"the", "a", "an"}:
        i += 1
    if i < sent.end and (n := index.at(doc[i])) is not None and n.kind in _PLACES and i > toks[-1].i + 1:
        return True
    # "Lusaka, Ndola and some other provincial cities": the list ends in a common noun for places
    while joined and i < sent.end and doc[i].pos_ in {"DET", "ADJ", "NUM"}:
        i += 1
    return joined and i < sent.end and doc[i].lower_ in PLACE_NOUNS and doc[i].tag_ == "NNS"


# "Krakow in southern Poland": a compass word between a place and the one it lies in.
_DIRECTION = re.compile(r"(?<=\bin) (?:the )?(?:far |deep )?(?:north|south|east|west|central|north-?east|north-?west|"
                        r"south-?east|south-?west)(?:ern)? ", re.I)


def located(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """"Tarija, Bolivia": a place, a comma, and the region or country it lies in."""
    ms = sorted(index.mentions, key=lambda m: m.start)
    # The sentence's own text: Doc.text joins every token of the article on each call.
    text, offset = sent.text, sent.start_char
    gaz = gazetteer.load()
    for a, b in zip(ms, ms[1:]):
        between = _DIRECTION.sub("", text[a.end - offset:b.start - offset]).strip()
        if between == "in" and a.kind == PLACE and b.kind in _PLACES and (gaz.country(b.text) or gaz.division(b.text)):
            # "Krakow in Poland", wherever the parser hung the "in" (but in "trained to retake Lodz in
            # Gdansk" it may tell where the training was: only a country or state surely holds the place)
            yield Fact(subject=a, relation=LOCATED_IN, object=b, sentence=record)
            continue
        if b.kind not in _PLACES or between != ",":
            continue
        # "Greenville, N.C.", "Eugene, Ore.": a town and its state, even in a list of
        # such pairs and when NER took the town for an organisation.
        town_and_state = (a.kind in {PLACE, ORGANIZATION} or a.kind == OTHER and b.text.endswith(".")) \
            and bool(gaz.division(b.text)) and not gaz.division(a.text)  # "Cold Water Memorial Park, Ark."
        if a.kind not in _PLACES and not town_and_state and not _dateline_place(sent, a, b):
            continue
        if a.kind == COUNTRY or not town_and_state and (
                _is_list_item(sent, a, index, after=False) or _is_list_item(sent, b, index, after=True)):
            continue
        yield Fact(subject=a, relation=LOCATED_IN, object=b, sentence=record)


def _dateline_place(sent: Span, a: Mention, b: Mention) -> bool:
    """"LIMA, Peru (AP)": a capitalised dateline city the model took for an organisation."""
    gaz = gazetteer.load()
    return (a.start == sent.start_char and a.text.isupper() and len(a.text) > 3
            and (b.kind == COUNTRY or bool(gaz.division(b.name))))


def _prep_objects(tok: Token, preps: set[str], index: MentionIndex) -> Iterator[tuple[str, Mention]]:
    for child in children(tok):
        if child.dep_ == "prep" and child.lower_ in preps:
            for g in children(child):
                if g.dep_ == "pobj" and (m := index.at(g)) is not None:
                    yield child.lower_, m


def _prep_places(tok: Token, preps: set[str], index: MentionIndex) -> Iterator[tuple[str, Mention]]:
    """Prepositional objects, and for "of Arica, Chile" also the region in apposition."""
    for prep, m in _prep_objects(tok, preps, index):
        yield prep, m
    for child in children(tok):
        if child.dep_ == "prep" and child.lower_ in preps:
            for g in children(child):
                for region in (c for c in children(g) if g.dep_ == "pobj" and c.dep_ == "appos"):
                    if (m := index.at(region)) is not None and m.kind in _PLACES and (p := index.at(g)) is not None \
                            and p.kind in _PLACES and p.kind != COUNTRY:
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
            for prep, other in _prep_places(tok, {"in", "at", "of", "from", "for", "with"}, index):
                if other is m or other.start < m.end and m.start < other.end:
                    continue
                # "Acme Corp. of Denver": of a place, an organisation is based there
                if m.kind != PERSON:
                    if m.kind == ORGANIZATION and other.kind in _PLACES and prep in {"in", "at", "of"}:
                        yield Fact(subject=m, relation=BASED_IN, object=other, sentence=record)
                    continue
                # "X of Yale and Y of Lyon": the parser may hang both on X; each is the nearer name's
                owner = _nearer_person(sent, index, m, prep, other) or m
                if other.kind in _PLACES and prep in {"of", "from"}:
                    yield Fact(subject=owner, relation=FROM, object=other, sentence=record)
                elif other.kind == ORGANIZATION and prep in {"of", "at", "for", "with", "from"}:
                    yield Fact(subject=owner, relation=AFFILIATED_WITH, object=other, sentence=record)
            for child in children(tok):
                owner = index.at(child) if child.dep_ in {"poss", "compound", "nmod"} else None
                if owner is None or owner is m:
                    continue
                if m.kind == PERSON and owner.kind == ORGANIZATION and child.dep_ == "poss":
                    yield Fact(subject=m, relation=AFFILIATED_WITH, object=owner, sentence=record)
                if m.kind == PERSON and owner.kind == PLACE and child.dep_ == "poss":  # "Ohio's Ana Ruiz"
                    yield Fact(subject=m, relation=FROM, object=owner, sentence=record)
                # "Lima's National Ballet", "Oregon's House of Representatives"
                if m.kind == ORGANIZATION and owner.kind in _PLACES and child.dep_ == "poss":
                    yield Fact(subject=m, relation=BASED_IN, object=owner, sentence=record)
            # "Y-based X", "X, a firm based in Y", "X, headquartered in Y", "X is based in Y"
            described = [*children(tok), *(g for c in children(tok) if c.dep_ == "appos" for g in children(c))]
            if m.kind == ORGANIZATION and tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lower_ in _SITED:
                for _, p in _prep_objects(tok.head, {"in", "at"}, index):
                    if p.kind in _PLACES:
                        yield Fact(subject=m, relation=BASED_IN, object=p, sentence=record)
            for child in described:
                if child.lower_ in _SITED and m.kind == ORGANIZATION:
                    for g in child.subtree:
                        if (p := index.at(g)) is not None and p.kind in _PLACES:
                            yield Fact(subject=m, relation=BASED_IN, object=p, sentence=record)
                            break


def _nearer_person(sent: Span, index: MentionIndex, m: Mention, prep: str, other: Mention) -> Mention | None:
    """Another person named between m and "prep other", right before the preposition."""
    text, offset = sent.text, sent.start_char
    for n in index.mentions:
        if n is not m and n.kind == PERSON and m.end <= n.start and n.end <= other.start:
            between = text[n.end - offset:other.start - offset].strip().lower()
            if between in {prep, prep + " the"}:
                return n
    return None


def _place_in_place(sent: Span, record: Sentence, index: MentionIndex, m: Mention,
                    toks: list[Token]) -> Iterator[Fact]:
    """"Arica and Iquique in Chile", "the cities of A and B in France": places inside a place."""
    doc = sent.doc
    for tok in toks:
        for child in children(tok):
            if child.dep_ == "poss" and m.kind != COUNTRY and (owner := index.at(child)) is not None \
                    and owner is not m and owner.kind in _PLACES and is_known_place(owner.text):
                # "Chile's Atacama Desert" (a gazetteer place: NER tags a possessor "Nadia's" as one at times)
                yield Fact(subject=m, relation=LOCATED_IN, object=owner, sentence=record)
            if child.dep_ != "prep" or child.lower_ != "in":
                continue
            for other in (index.at(g) for g in children(child) if g.dep_ == "pobj"):
                if other is None or other.kind not in _PLACES or other is m or m.kind == COUNTRY:
                    continue
                inside = [m, *(index.at(c) for c in tok.conjuncts)]
                nearer = index.at(doc[child.i - 1])
                if nearer is not None and nearer.kind == PLACE and all(nearer is not p for p in inside):
                    # "A and B in Chile and C in Peru", with "in Peru" hung on A: C is what lies there
                    inside = [nearer]
                for place in inside:
                    if place is not None and place.kind in _PLACES and place.kind != COUNTRY:
                        yield Fact(subject=place, relation=LOCATED_IN, object=other, sentence=record)


def _titled_by_organisation(sent: Span, index: MentionIndex, first: Token) -> Mention | None:
    """"Teachers Union spokesman Tom Hale": an organisation, a lower-case title, then the name."""
    doc, i = sent.doc, first.i - 1
    if i <= sent.start or not doc[i].is_lower or doc[i].lower_ not in TITLE_HEADS:
        return None
    org = index.at(doc[i - 1])
    return org if org is not None and org.kind == ORGANIZATION else None




_NAMED_PLACES = _PLACES | {ORGANIZATION, OTHER}
_REGION_NOUNS = {"province", "region", "district", "state", "county", "governorate", "prefecture"}


def named_places_in(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """"the cities of Krakow and Gdansk in Poland": each named place lies in the last one."""
    for tok in sentence_tokens(sent):
        if tok.lower_ not in PLACE_NOUNS:
            continue
        # (the noun says they are places, whatever NER made of a name: "the cities of Nantes and Angers")
        named = [m for _, m in _prep_objects(tok, {"of"}, index) if m.kind in _NAMED_PLACES]
        of_objs = [g for c in children(tok) if c.dep_ == "prep" and c.lower_ == "of" for g in children(c) if g.dep_ == "pobj"]
        named += [m for o in of_objs for c in o.conjuncts if (m := index.at(c)) is not None and m.kind in _NAMED_PLACES]
        for _, where in _prep_objects(tok, {"in"}, index):
            if where.kind in _PLACES:
                for m in named:
                    if m.kind != COUNTRY and m is not where:
                        yield Fact(subject=m, relation=LOCATED_IN, object=where, sentence=record)
        # "the Cusco region of Peru": the region named before the noun lies in the country or
        # state after "of" (but in "the Altiplano city of La Paz" the city is the one after "of")
        if tok.lower_ in _REGION_NOUNS:
            gaz = gazetteer.load()
            for m in _named_modifiers(tok, index, {"compound"}):
                for _, where in _prep_objects(tok, {"of"}, index):
                    if not (where.kind == COUNTRY or gaz.country(where.text) or gaz.division(where.text)):
                        continue
                    # (the noun says it is a place, whatever NER tagged the name)
                    if m.kind in _NAMED_PLACES and m.kind != COUNTRY and where.kind in _PLACES and m is not where:
                        yield Fact(subject=m, relation=LOCATED_IN, object=where, sentence=record)


# Nouns of where somebody lives: "his Wyoming home", "her Ohio hometown".
_HOME_NOUNS = {"home", "hometown", "homeland", "birthplace", "ranch", "farm"}


def native_places(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """"X celebrated in her native Ohio", "X, speaking from his Wyoming home": the place is
    where the possessor is from."""
    for m in index.mentions:
        if m.kind not in _PLACES or (tok := _head_token(sent, m)) is None:
            continue
        kids = children(tok)
        if tok.dep_ == "compound" and tok.head.lower_ in _HOME_NOUNS:
            kids = children(tok.head)  # the home's possessor
        elif not any(c.lower_ == "native" and c.dep_ == "amod" for c in kids):
            continue
        for owner in (c for c in kids if c.dep_ == "poss"):
            people = [p] if (p := index.at(owner)) is not None and p.kind == PERSON else []
            if owner.lower_ in {"his", "her", "their"}:
                # the clause's subject, a name whatever NER made of it: "his" is a person's
                # ("speaking from his home, X said": a participle's subject is its clause's)
                verb = next((a for a in owner.ancestors if a.pos_ in {"VERB", "AUX"}
                             and (a.dep_ != "advcl" or any(c.dep_ == "nsubj" for c in children(a)))), None)
                people = [p for h in children(verb) if h.dep_ == "nsubj"
                          for p in arg_mentions(h, index) if p.kind in {PERSON, OTHER}] if verb is not None else []
            for person in people:
                yield Fact(subject=person, relation=FROM, object=m, sentence=record)


def possessed_descriptions(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """"X, Lima's oldest market" (located in), "Orbis SA, Europe's biggest glassmaker" (based in):
    a place possessing the noun a place or organisation is described by."""
    for m in index.mentions:
        if m.kind not in {PLACE, COUNTRY, ORGANIZATION} or (tok := _head_token(sent, m)) is None:
            continue
        apposed = [c for c in children(tok) if c.dep_ == "appos"]
        ones = [c for c in apposed if c.lower_ == "one"] if m.kind in _PLACES else []
        # (but "Peru, Bolivia's neighbour" says nothing of where Peru lies)
        nouns = [] if m.kind == COUNTRY else apposed + ([tok.head] if tok.dep_ == "appos" else [])
        for one in ones:
            # "Naxos, one of Greece's Cyclades Islands": in the islands, and in Greece
            for _, group in _prep_objects(one, {"of"}, index):
                if group.kind in _PLACES and group is not m:
                    yield Fact(subject=m, relation=LOCATED_IN, object=group, sentence=record)
                    if (group_tok := _head_token(sent, group)) is not None:
                        nouns.append(group_tok)
        for noun in (n for n in nouns if n.pos_ in {"NOUN", "PROPN"}):
            for owner in _named_modifiers(noun, index, {"poss"}):
                if owner is not m and owner.kind in _PLACES:
                    yield Fact(subject=m, relation=LOCATED_IN if m.kind in _PLACES else BASED_IN, object=owner,
                               sentence=record)


def _head_token(sent: Span, m: Mention) -> Token | None:
    """The mention's syntactic head (asked for by several rules: worked out once per mention)."""
    heads = memo(sent.doc, "mention_heads")
    key = (m.start, m.end)
    if key not in heads:
        toks = _tokens(sent, m)
        ids = {t.i for t in toks}
        heads[key] = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), None)
    return heads[key]


def _descriptions(tok: Token) -> Iterator[Token]:
    """Common nouns said of a name: "X, an Army nurse", "X is a native of Y", "X, ..., is the head of Y"."""
    yield from (c for c in children(tok) if c.dep_ == "appos" and c.pos_ in {"NOUN", "ADJ"})
    if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":  # "Chile's ambassador, X"
        yield tok.head
    subject = tok.head if tok.dep_ == "appos" and tok.head.dep_ == "nsubj" else tok
    if subject.dep_ == "nsubj" and subject.head.lemma_ in _COPULAS:
        yield from (c for c in children(subject.head) if c.dep_ == "attr" and c.pos_ in {"NOUN", "ADJ"})


def _named_modifiers(noun: Token, index: MentionIndex, deps: set[str]) -> Iterator[Mention]:
    """Names that modify a noun directly: "a [New Mexico] native", "an [Army] nurse"."""
    for c in children(noun):
        if c.dep_ in deps and (m := index.at(c)) is not None:
            yield m


def described(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """A person described by a noun: "X, a native of Y" (from), "X, an Army nurse", "X, an expert at
    Y", "X was a correspondent for Y" (affiliated with)."""
    for m in index.mentions:
        if m.kind == ORGANIZATION and (tok := _head_token(sent, m)) is not None:
            # "Orbis Holdings, a Lisbon shipping group", "Renault, the French carmaker"
            for noun in _descriptions(tok):
                if noun.pos_ == "NOUN" and noun.lower_ not in TITLE_HEADS | _ABOUT_PLACE | PERSON_NOUNS:
                    for place in _named_modifiers(noun, index, {"compound", "nmod", "amod"}):
                        if _national_or_place(place) and place is not m:
                            yield Fact(subject=m, relation=BASED_IN, object=place, sentence=record)
            continue
        if m.kind not in {PERSON, OTHER} or (tok := _head_token(sent, m)) is None:
            continue
        nouns = list(_descriptions(tok))
        if m.kind == PERSON or nouns and all(n.lower_ in _MEMBER_NOUNS for n in nouns):
            # "X, a senator from Ohio", "a leader and senator from the city of Y"
            for noun in (n for d in nouns for n in (d, *d.conjuncts) if n.pos_ == "NOUN"):
                for place in _from_places(noun, index):
                    yield Fact(subject=m, relation=FROM, object=place, sentence=record)
        for noun in nouns:
            origin = noun.lemma_.lower() in _ORIGIN_NOUNS or noun.lower_ in _ORIGIN_NOUNS
            if origin:
                places = [*_named_modifiers(noun, index, {"compound", "nmod", "amod"}),
                          *(p for _, p in _prep_objects(noun, {"of", "in"}, index))]
                for place in places:
                    if place.kind in _PLACES and place is not m:
                        yield Fact(subject=m, relation=FROM, object=place, sentence=record)
                continue
            if m.kind != PERSON or noun.pos_ != "NOUN":
                continue
            if noun.lower_ in TITLE_HEADS:  # "Chile's ambassador, X": a title held for a place
                for place in _named_modifiers(noun, index, {"poss"}):
                    if place.kind in _PLACES:
                        yield Fact(subject=m, relation=FROM, object=place, sentence=record)
            preps = {"at", "for", "with", "of"} if noun.lower_ in TITLE_HEADS else {"at", "for", "with"}
            orgs = [*_named_modifiers(noun, index, {"compound", "poss"}),
                    *(o for _, o in _prep_objects(noun, preps, index))]
            if noun.lower_ in TITLE_HEADS:  # "head of CNM's design department": the owner of the unit
                units = [g for _, g in _prep_nouns(noun) if g.head.lower_ in preps and index.at(g) is None]
                orgs += [o for u in units for o in _named_modifiers(u, index, {"compound", "poss"})]
            for org in orgs:
                if org.kind == ORGANIZATION and org is not m:
                    yield Fact(subject=m, relation=AFFILIATED_WITH, object=org, sentence=record)


def _national_or_place(m: Mention) -> bool:
    """A place, or a country named by its demonym ("French", "Chilean")."""
    return m.kind in _PLACES or m.kind == GROUP and bool(gazetteer.load().demonym(m.text))


def _from_places(noun: Token, index: MentionIndex) -> Iterator[Mention]:
    """Places after a noun's "from": "from Ohio", "from the city of Tarija"."""
    for prep in children(noun):
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for g in children(prep):
            if g.dep_ != "pobj":
                continue
            if (m := index.at(g)) is not None:
                if m.kind in _PLACES:
                    yield m
            elif g.lower_ in PLACE_NOUNS:
                yield from (p for _, p in _prep_objects(g, {"of"}, index) if p.kind in _PLACES)


_MEMBER_NOUNS = ROLE_WORDS | {"member"}


def members_of(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """"three Green Party councillors, including X": members of a body named before a people noun."""
    for tok in sentence_tokens(sent):
        if tok.lower_ not in MEMBER_MARKERS or tok.dep_ != "prep" or tok.head.pos_ != "NOUN":
            continue
        group = tok.head
        orgs = [o for o in _named_modifiers(group, index, {"compound", "nmod", "poss"}) if o.kind == ORGANIZATION]
        if not orgs or group.lemma_.lower() not in _MEMBER_NOUNS:
            continue
        for g in children(tok):
            for m in (index.at(t) for t in (g, *g.conjuncts) if g.dep_ == "pobj"):
                if m is not None and m.kind == PERSON:
                    for org in orgs:
                        yield Fact(subject=m, relation=AFFILIATED_WITH, object=org, sentence=record)


def prenominal(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """A place, a common noun, then a name: "Tucson artist X" (from), "the Lima newspaper X"
    (based in)."""
    doc = sent.doc
    for m in index.mentions:
        if m.kind not in {PERSON, ORGANIZATION} or not (toks := _tokens(sent, m)):
            continue
        i = toks[0].i - 1
        nouns = []
        while i > sent.start and len(nouns) < 2 and doc[i].is_lower and doc[i].pos_ == "NOUN" and index.at(doc[i]) is None:
            nouns.append(doc[i])
            i -= 1
        place = index.at(doc[i]) if nouns and i >= sent.start else None
        if place is None or not _national_or_place(place) or any(n.lower_ in _ABOUT_PLACE for n in nouns):
            continue
        if m.kind == PERSON and any(n.lower_ in TITLE_HEADS for n in nouns):
            continue  # "Bolivia envoy", "Oregon senator": a title's place is the title's business
        # The nouns must modify the name, not open a phrase of their own; the parser may also hang
        # the name on the noun ("the Lima newspaper, El Faro") or make both the verb's subject.
        ids = {t.i for t in toks} | {x.i for x in nouns}
        root = next((t for t in toks if t.head.i not in ids or t.head == t), toks[-1])
        near = nouns[0]
        if not (all(n.head.i in ids for n in nouns)
                or all(n.head.i in ids for n in nouns[1:]) and (
                    root.dep_ in {"appos", "compound"} and root.head == near
                    or near.dep_ == root.dep_ and near.head == root.head)):
            continue
        yield Fact(subject=m, relation=FROM if m.kind == PERSON else BASED_IN, object=place, sentence=record)


def seats(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """"the EU headquarters in Brussels", "Acme's headquarters in Ohio": where an organisation sits."""
    for tok in sentence_tokens(sent):
        if tok.lower_ not in _SEATS:
            continue
        owners = [o for o in _named_modifiers(tok, index, {"compound", "poss"}) if o.kind == ORGANIZATION]
        for _, place in _prep_objects(tok, {"in", "at"}, index):
            for org in owners:
                if place.kind in _PLACES:
                    yield Fact(subject=org, relation=BASED_IN, object=place, sentence=record)


def killings(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """"X, the assassin of Y", "Y's killer X", "X was convicted of the murder of Y"."""
    for tok in sentence_tokens(sent):
        low = tok.lemma_.lower()
        if low in _KILLER_NOUNS:
            yield from _killer_noun(sent, record, index, tok)
        elif low in _KILLING_NOUNS or tok.lower_ in _KILLING_NOUNS:
            yield from _charged_with_killing(sent, record, index, tok)


def _victims(noun: Token, index: MentionIndex) -> list[Mention]:
    found = [m for _, m in _prep_objects(noun, {"of"}, index)]
    found += list(_named_modifiers(noun, index, {"poss"}))
    return [m for m in found if m.kind == PERSON]


def _killer_noun(sent: Span, record: Sentence, index: MentionIndex, noun: Token) -> Iterator[Fact]:
    victims = _victims(noun, index)
    killers = []
    if noun.dep_ == "appos" or noun.dep_ == "attr":  # "X, the assassin of Y", "X was the killer of Y"
        head = noun.head if noun.dep_ == "appos" else next((c for c in children(noun.head) if c.dep_ == "nsubj"), None)
        killers.append(index.at(head) if head is not None else None)
    # "Y's killer X", "killer X": the name in apposition to, or compounded with, the noun
    killers += [index.at(c) for c in children(noun) if c.dep_ in {"appos", "compound"} and c.i > noun.i]
    if noun.head.i > noun.i and noun.dep_ == "compound":
        killers.append(index.at(noun.head))
    # "the accused assassin of Y", "the alleged killer": a charge, not a finding
    charged = any(c.dep_ == "amod" and c.lower_ in {"accused", "alleged", "suspected", "purported"} for c in children(noun))
    for killer in killers:
        for victim in victims:
            if killer is not None and killer.kind == PERSON and killer is not victim:
                yield Fact(subject=killer, relation=KILL, object=victim, sentence=record,
                           factuality=REPORTED if charged else ASSERTED)


def _charged_with_killing(sent: Span, record: Sentence, index: MentionIndex, noun: Token) -> Iterator[Fact]:
    """Up from "the murder of Y" through at most three prepositions to a word of charge or verdict,
    then to its subject."""
    victims = _victims(noun, index)
    if not victims:
        return
    tok, factuality = noun, None
    for _ in range(3):
        if tok.dep_ not in {"pobj", "pcomp"} or tok.head.dep_ != "prep":
            return
        tok = tok.head.head
        if any(c.dep_ == "neg" for c in children(tok)):
            return  # "found not guilty of the murder"
        # "went on trial for ...": the word may also sit in a phrase beside the verb
        words = {tok.lemma_.lower(), tok.lower_, *(g.lemma_.lower() for _, g in _prep_nouns(tok))}
        factuality = ASSERTED if words & _VERDICTS else REPORTED if words & _CHARGES else None
        if factuality is not None:
            break
    if factuality is None:
        return
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok
    for killer in _subjects(verb, index):
        for victim in victims:
            if killer.kind == PERSON and killer is not victim:
                yield Fact(subject=killer, relation=KILL, object=victim, sentence=record, factuality=factuality)


def _prep_nouns(tok: Token) -> Iterator[tuple[Token, Token]]:
    for child in children(tok):
        if child.dep_ == "prep":
            yield from ((child, g) for g in children(child) if g.dep_ == "pobj")


def _subjects(verb: Token, index: MentionIndex) -> Iterator[Mention]:
    """The named subjects of a verb or adjective, with their conjuncts; for a participle after a
    name ("X, suspected of ..."), the name."""
    heads = [c for c in children(verb) if c.dep_ in {"nsubj", "nsubjpass"}]
    while not heads and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head  # "X was arrested and charged with ...": the first verb's subject
        heads = [c for c in children(verb) if c.dep_ in {"nsubj", "nsubjpass"}]
    if not heads and verb.dep_ in {"acl", "amod"}:
        heads = [verb.head]
    for h in heads:
        for t in (h, *h.conjuncts):
            if (m := index.at(t)) is not None:
                yield m


# Bodies sent or formed by a state or organisation: "the Chilean delegation included X".
_BODIES = {"delegation", "team", "mission", "contingent", "panel", "committee", "commission"}
_INCLUDES = {"include", "comprise", "feature"}


def delegations(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """"The Chilean delegation included A and B", "the delegation of Peru included A": its
    members are affiliated with the state or organisation it came from."""
    gaz = gazetteer.load()
    for verb in sentence_tokens(sent):
        if verb.lemma_.lower() not in _INCLUDES:
            continue
        body = next((c for c in children(verb) if c.dep_ == "nsubj" and c.lemma_.lower() in _BODIES), None)
        if body is None:
            continue
        owner = None
        for child in children(body):
            if child.dep_ in {"amod", "compound"} and (country := gaz.demonym(child.text) or gaz.country(child.text)):
                owner = Mention(child.text, child.idx, child.idx + len(child), GROUP, country.name)
            elif child.dep_ in {"poss", "compound"} or child.dep_ == "prep" and child.lower_ == "of":
                target = next((g for g in children(child) if g.dep_ == "pobj"), child)
                if (m := index.at(target)) is not None and m.kind in {COUNTRY, ORGANIZATION}:
                    owner = m
        if owner is None:
            continue
        for obj in (c for c in children(verb) if c.dep_ == "dobj"):
            for m in arg_mentions(obj, index):
                if m.kind in {PERSON, OTHER}:  # a named member the tagger did not call a person
                    yield Fact(subject=m, relation=AFFILIATED_WITH, object=owner, sentence=record)


# Bodies a country keeps abroad: "the Chilean Embassy" sits in the host country, not in Chile.
_ABROAD = {"embassy", "consulate", "mission", "delegation", "legation", "office", "bureau"}


def national_bodies(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """"the Chilean Navy", "the Peruvian Government": a body named by its country's demonym sits there."""
    gaz = gazetteer.load()
    for m in index.mentions:
        words = m.name.split()
        if m.kind != ORGANIZATION or len(words) < 2 or words[-1].lower() in _ABROAD or "of" in words:
            continue  # "the Chilean Institute of Madrid" is in Madrid
        if any(t.pos_ in {"VERB", "AUX"} or not t.is_alpha and t.text != "." for t in _tokens(sent, m)):
            continue  # a headline the tagger read as one name: "Chilean Police Arrest ..."
        for n in range(min(3, len(words) - 1), 0, -1):
            demonym = " ".join(words[:n])
            if gaz.demonym(demonym) and m.text.startswith(demonym):
                country = Mention(demonym, m.start, m.start + len(demonym), GROUP, demonym)
                yield Fact(subject=m, relation=BASED_IN, object=country, sentence=record)
                break


def fellow_members(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    """"Pat Holt and other members of the Rowing Club": the named one is a member too."""
    for m in index.mentions:
        if m.kind != PERSON or (tok := _head_token(sent, m)) is None:
            continue
        for c in tok.conjuncts:
            if c.lemma_ != "member" or not any(a.lower_ in {"other", "fellow"} for a in children(c)):
                continue
            for _, org in _prep_objects(c, {"of"}, index):
                if org.kind == ORGANIZATION:
                    yield Fact(subject=m, relation=AFFILIATED_WITH, object=org, sentence=record)


def static_facts(sent: Span, record: Sentence, index: MentionIndex) -> Iterator[Fact]:
    yield from located(sent, record, index)
    yield from fellow_members(sent, record, index)
    yield from members_of(sent, record, index)
    yield from possessed_descriptions(sent, record, index)
    yield from native_places(sent, record, index)
    yield from national_bodies(sent, record, index)
    yield from attached(sent, record, index)
    yield from named_places_in(sent, record, index)
    yield from described(sent, record, index)
    yield from prenominal(sent, record, index)
    yield from seats(sent, record, index)
    yield from killings(sent, record, index)
    yield from delegations(sent, record, index)
