"""Name mentions: NER spans joined with proper-noun runs, split into affiliation, title and name.

Rules work over spans, not single NER labels: the small model mislabels names now and then
(a surname tagged GPE), so the kind chosen here is only a vote that resolution settles per entity.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg import gazetteer, places
from kg.extract.lexicon import (ACTOR_NOUNS, BODY_NAME_HEADS, CLUB_NAME_ENDS, COMPANY_NAME_ENDS, COMPANY_SUFFIXES,
                                FACILITY_NOUNS, HONORIFICS, LOCAL_OFFICES, PARTY_WORDS, PORTFOLIO_WORDS, ROLE_NOUNS,
                                TITLE_HEADS, TITLE_MODIFIERS)
from kg.extract.tokens import doc_ents, doc_tokens, sentence_tokens
from kg.timex import MONTH_NAMES, WEEKDAYS
from kg.types import CONCEPT, COUNTRY, GROUP, OFFICE, ORGANIZATION, OTHER, PERSON, PLACE, Mention

_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
_LABEL_KINDS = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE,
                "NORP": GROUP}
# Words that may sit inside a proper name between capitalised words ("Secretary of State").
_CONNECTORS = {"of", "for", "&", "de", "al", "bin"}
_NAME_PARTICLES = {"de", "al", "bin"}  # connectors that open a name rather than a title's complement
_DETERMINERS = {"the", "a", "an"}
_NEVER_OPEN_A_NAME = {"VERB", "AUX", "PRON", "SCONJ", "CCONJ", "PART"}  # in lower case


def is_title_word(token: Token) -> bool:
    return token.lower_ in TITLE_HEADS or token.lower_ in TITLE_MODIFIERS


_NON_NAME_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


def _is_name_token(token: Token) -> bool:
    if token.ent_type_ in _NON_NAME_ENTS and not _name_before_weekday(token):
        return False
    return token.pos_ == "PROPN" or (token.is_title and token.pos_ in {"NOUN", "ADJ"} and is_title_word(token))


def _name_before_weekday(token: Token) -> bool:
    """"to Lima Monday", tagged as one date: the proper noun before the weekday is a name."""
    doc = token.doc
    return token.pos_ == "PROPN" and token.lower_ not in WEEKDAYS | MONTH_NAMES \
        and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in WEEKDAYS


def _is_acronym(token: Token) -> bool:
    return len(token) >= 2 and token.text.replace(".", "").isalpha() and token.text.isupper()


_PLACE_ENTS = {"GPE", "LOC"}


def _joins_two_entities(left: Token, right: Token) -> bool:
    """"Lena Berg of Uppsala University": a connector between a person and an organisation or
    place separates two names instead of joining one ("Secretary of State", "Bank of America")."""
    if left.ent_type_ in _PLACE_ENTS and right.ent_type_ in _PLACE_ENTS and right.ent_iob_ == "B":
        return True  # "left Chile for Quito": two places NER tagged apart
    return left.ent_type_ == "PERSON" and right.ent_type_ in {"ORG", "GPE", "LOC", "FAC", "NORP"}


def _affiliation_start(doc: list[Token], floor: int, i: int) -> int | None:
    """Where a demonym or country name ending just before token i starts, if one does: "Turkish",
    "US", "North Korean", "Sri Lankan" (a titled name's affiliation); at most three words back."""
    gaz = gazetteer.load()
    for k in range(max(floor, i - 3), i):
        words = doc[k:i]
        if not all(t.is_title or t.is_upper for t in words):
            continue
        text = "".join(t.text_with_ws for t in words).rstrip()
        if gaz.demonym(text) or gaz.country(text, allow_code=i - k == 1 and doc[k].is_upper):
            return k
    return None


def headline_like(sent: Span) -> bool:
    """Title Case lines: capitalisation there says nothing about names."""
    last = next((t for t in reversed(sentence_tokens(sent)) if not t.is_space), sent[-1])  # a paragraph break is a token
    if last.text in {".", "!", "?", '"', "\u201d", ":"}:
        return False  # ends like prose
    words = [t for t in sentence_tokens(sent) if t.is_alpha and len(t) > 3]
    if len(words) < 3:
        return False
    return sum(t.is_title or t.is_upper for t in words) / len(words) > 0.6


def _runs(sent: Span) -> Iterator[tuple[int, int]]:
    """Maximal runs of proper-noun tokens, joined over connectors ("Secretary of State")."""
    i, end = sent.start, sent.end
    doc = doc_tokens(sent.doc)
    while i < end:
        if not _is_name_token(doc[i]):
            i += 1
            continue
        start, j = i, i + 1
        # "Under Secretary of State ...", "Deputy Minister ...": a capitalised title modifier the
        # tagger took for another part of speech opens the title.
        while start > sent.start and doc[start].lower_ in TITLE_HEADS and doc[start - 1].is_title \
                and doc[start - 1].lower_ in TITLE_MODIFIERS:
            start -= 1
        # "Turkish Foreign Minister ...": a leading demonym or country joins a titled name.
        if is_title_word(doc[start]) and (k := _affiliation_start(doc, sent.start, start)) is not None:
            start = k
        while j < end:
            t = doc[j]
            if _is_name_token(t):
                j += 1
            elif t.lower_ in _CONNECTORS and j + 1 < end and _is_name_token(doc[j + 1]) \
                    and not _joins_two_entities(doc[j - 1], doc[j + 1]) \
                    and not (j + 2 < end and doc[j + 2].tag_ == "POS"):  # "thanked X for Chad's support"
                j += 1
            elif t.lower_ == "and" and start > sent.start and doc[start - 1].lower_ == "the" \
                    and (k := _body_name_end(doc, j + 1, end)) is not None:
                j = k  # "the Ethics and Anti-Corruption Commission": one body, whatever NER split
            elif t.lower_ == "to" and doc[j - 1].lower_ in {"ambassador", "envoy", "representative", "emissary"} \
                    and j + 2 < end and (_is_name_token(doc[j + 1]) or doc[j + 1].lower_ == "the" and _is_name_token(doc[j + 2])):
                j += 1 + (doc[j + 1].lower_ == "the")
            elif t.lower_ == "of" and j + 2 < end and doc[j + 1].lower_ == "the" and _is_name_token(doc[j + 2]):
                j += 2
            elif t.text == "-" and not doc[j - 1].whitespace_ and not t.whitespace_ and j + 1 < end \
                    and is_title_word(doc[j - 1]) and _is_name_token(doc[j + 1]):
                j += 1  # "Secretary-General", "Director-General": one title
            elif t.lower_ == "for" and (k := _portfolio_end(doc, j + 1, end)) is not None \
                    and any(doc[x].lower_ in TITLE_HEADS for x in range(start, j)):
                j = k  # "Assistant Secretary of State for African and Asian Affairs"
            else:
                break
        yield start, j
        i = j


# Words hyphenated to a title that make it another office: "President-elect", "Minister-designate".
_TITLE_SUFFIXES = {"elect", "designate"}
_COURTESY = {"mr", "mrs", "ms", "dr", "prof"}  # honorifics that are never the end of a title


def _body_name_end(doc, i: int, end: int) -> int | None:
    """After "and" in a name: capitalised words (hyphens between them) that end in a body's head
    word ("Anti-Corruption Commission"); the index after it, or None."""
    k = i
    while k < end and (doc[k].is_title and doc[k].pos_ == "PROPN" or doc[k].text == "-" and k > i):
        k += 1
    return k if k > i and doc[k - 1].lower_ in BODY_NAME_HEADS and doc[i].ent_type_ not in {"PERSON", "GPE"} else None


def _portfolio_end(doc, i: int, end: int) -> int | None:
    """After a title's "for": capitalised words joined by "and" or commas that end in a portfolio
    word ("African and Asian Affairs"); the index
    after that word, or None."""
    k, last = i, None
    while k < end and (doc[k].is_title or doc[k].lower_ in {"and", ","}):
        if doc[k].is_title and doc[k].lower_ in PORTFOLIO_WORDS:
            last = k + 1
        k += 1
    return last


def sentence_ents(sent: Span) -> list[Span]:
    """The named-entity spans of a sentence (the Doc's, computed once and sliced)."""
    ents, starts = doc_ents(sent.doc)
    lo = bisect.bisect_left(starts, sent.start)
    out = []
    for e in ents[lo:]:
        if e.start >= sent.end:
            break
        if e.end <= sent.end:
            out.append(e)
    return out


def is_known_place(text: str) -> bool:
    """A country, state or city in the gazetteers."""
    gaz = gazetteer.load()
    return bool(gaz.country(text) or gaz.division(text) or places.candidates(text))


def _split_of(doc: Doc, s: int, e: int) -> tuple[int, bool] | None:
    """Where "of X" starts in a name span that is really a company or person and where or what
    they belong to, and whether X is a place: "Acme Plastics Inc. of Denver", "Maria Sol of
    Tulsa", "Ana Ruiz of the Green Party" (NER or a proper-noun run took the whole as one name).
    Names of institutions keep theirs: "Bank of America", "University of Chicago"."""
    for k in range(s + 1, e - 1):
        if doc[k].lower_ != "of":
            continue
        tail = doc[k + 2:e] if doc[k + 1].lower_ == "the" else doc[k + 1:e]
        place = is_known_place(tail.text)
        before = doc[k - 1]
        company = before.lower_ in COMPANY_NAME_ENDS \
            or before.text == "," and doc[k - 2].lower_ in COMPANY_SUFFIXES
        person = k - s >= 2 and not any(t.lower_ in TITLE_HEADS for t in doc[s:k]) and (
            all(t.ent_type_ == "PERSON" for t in doc[s:k])
            # "Ana Ruiz of Chile" with only the country tagged: a name NER missed, then where from
            or k - s <= 3 and all(not t.ent_type_ and t.pos_ == "PROPN" and t.is_title
                                  and t.lower_ not in BODY_NAME_HEADS for t in doc[s:k])
            and all(t.ent_type_ in {"GPE", "LOC"} for t in tail))
        if place and (company or person):
            return k, True
        # "Ana Ruiz of the Green Party": NER starts an organisation after "of" that the name is not part of
        named = k - s >= 2 and not any(t.ent_type_ in {"ORG", "GPE", "FAC", "LOC"} or t.lower_ in TITLE_HEADS
                                       for t in doc[s:k])
        if named and doc[k + 1].ent_iob_ == "B" and doc[k + 1].ent_type_ in {"ORG", "NORP"}:
            return k, False
    return None


def _served_place_end(doc: Doc, s: int, e: int) -> int | None:
    """Where the place a title serves ends in a span NER took for one name: "the envoy for Tarija
    Ana Ruiz", "ambassador to Chile Luis Soto Vega". The name after it needs two words: "for
    Chad Johnson" may be a name alone."""
    if s < 2 or doc[s - 1].lower_ not in {"for", "to", "of"} or not (
            doc[s - 2].lower_ in TITLE_HEADS or doc[s - 2].lower_ in ROLE_NOUNS or doc[s - 2].lower_ in ACTOR_NOUNS):
        return None
    for k in range(e - 2, s, -1):
        if is_known_place(doc[s:k].text) and all(t.pos_ == "PROPN" and t.is_title for t in doc[k:e]) \
                and doc[e - 1].ent_type_ == "PERSON":
            return k
    return None


def _before_score(doc: Doc, s: int, e: int) -> int:
    """Where a name ends before a score NER took into it: "beat Vila Nova 3-1"."""
    k = e
    while k > s + 1 and (doc[k - 1].like_num or doc[k - 1].text in {"-", "\u2013"}):
        k -= 1
    tail = doc[k:e]
    return k if sum(t.like_num for t in tail) >= 2 and any(t.text in {"-", "\u2013"} for t in tail) else e


def _candidate_spans(sent: Span) -> list[tuple[int, int, bool]]:
    """(start, end, split-off place?) of every name span in the sentence."""
    doc = sent.doc
    spans = [(e.start, e.end) for e in sentence_ents(sent) if e.label_ in _NAME_LABELS]
    if not headline_like(sent):
        spans += list(_runs(sent))
    # Merge overlapping candidates into maximal spans.
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        # "the ...", and a verb NER swept into the name ("to meet European Union ...")
        while s < e and (doc[s].lower_ in _DETERMINERS or doc[s].is_lower and doc[s].pos_ in _NEVER_OPEN_A_NAME):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].tag_ in {"POS", "CC"} or doc[e - 1].lower_ in _CONNECTORS
                         or doc[e - 1].is_lower and doc[e - 1].pos_ == "ADP"  # "... Policy at", tagged as one
                         or doc[e - 1].lower_ in WEEKDAYS):  # "to Lima Monday", tagged as one name
            e -= 1  # "the Departments of State and" -> "Departments of State"
        e = _before_score(doc, s, e)
        if e - s > 1 and _is_acronym(doc[s]) and all(t.tag_ in {"NNPS", "NNS"} for t in doc[s + 1:e]):
            e = s + 1  # "NATO Allies", "EU Members": the organisation, then a plural noun about its members
        if s >= e:
            continue
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out = []
    for s, e in merged:
        if (k := _served_place_end(doc, s, e)) is not None:
            out += [(s, k, True), (k, e, False)]
        elif (split := _split_of(doc, s, e)) is not None:
            k, place = split
            tail = k + 1 + (doc[k + 1].lower_ == "the")
            out += [(s, k - (doc[k - 1].text == ","), False), (tail, e, place)]
        else:
            out.append((s, e, False))
    return out


def _complement_word(token: Token) -> bool:
    return (token.lower_ in PORTFOLIO_WORDS or token.lower_ in _CONNECTORS | {"to", "the"}
            or token.ent_type_ in {"ORG", "GPE", "NORP", "LOC"} or is_title_word(token))


def _name_after_complement(doc: Doc, start: int, end: int) -> int:
    """Where the name starts after a title's complement ("of State for Political Affairs").

    A PERSON entity inside the span marks it; the name then reaches back over capitalised words
    that are no part of a portfolio ("Anna" in "State Anna J. Novak", tagged "J. Novak").
    """
    person = next((t.i for t in doc[start:end] if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"), None)
    if person is None and doc[start].lower_ == "to":
        # "Ambassador to the United States Eva Sol", all tagged one organisation: the
        # complement is the longest country name after "to"
        gaz = gazetteer.load()
        first = start + 1 + (doc[start + 1].lower_ == "the")
        for k in range(end - 1, first, -1):
            if gaz.country(doc[first:k].text):
                return k
    if person is None:
        name = start + 2
        while name < end - 1 and _complement_word(doc[name]):
            name += 1
        return name
    while person - 1 > start and not _complement_word(doc[person - 1]):
        person -= 1
    gaz = gazetteer.load()
    while person < end - 1 and (gaz.country(doc[person].text) or doc[person].lower_ == "the"):
        person += 1  # "Ambassador to Chile Ana Ruiz", tagged as one PERSON
    return person


_GENERATIONAL = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def _surname_like(doc: Doc, s: int, i: int, e: int) -> bool:
    """A title word that is part of a person's name: "Tom King Jr.", "Carole King" (NER
    tags the words before it as the same person), or one followed only by "Jr."."""
    if all(t.lower_ in _GENERATIONAL for t in doc[i + 1:e]):
        return True
    before = doc[i - 1] if i > s else None
    return before is not None and before.ent_type_ == "PERSON" and doc[i].ent_type_ == "PERSON" \
        and doc[i].ent_iob_ == "I" and not is_title_word(before)


def _split_title(doc: Doc, s: int, e: int) -> tuple[int, int, int]:
    """Indices (title_start, name_start) inside [s, e): [s,t) affiliation, [t,n) title, [n,e) name."""
    gaz = gazetteer.load()
    # The last title head that leaves a name after it.
    head = None
    for i in range(s, e):
        role = doc[i].lower_ in ROLE_NOUNS and i == s and doc[i].is_sent_start  # "Paleobotanist David Kim said"
        if (doc[i].lower_ in TITLE_HEADS or role) and i + 1 < e and not all(is_title_word(t) for t in doc[i + 1:e]) \
                and not _surname_like(doc, s, i, e):
            head = i
    if head is None:
        # "Republican Ana Ruiz", "Labour's Ana Ruiz": a party is her affiliation, not her name
        name = s
        while name < e - 2 and doc[name].lower_ in PARTY_WORDS:
            name += 1
        return s, name, name
    name = head + 1
    if doc[name].lower_ in _CONNECTORS - _NAME_PARTICLES | {"to"}:  # "Secretary of State Anna Novak", not "Sheikh al-Sabah"
        name = _name_after_complement(doc, name, e)
    while name < e - 1 and is_title_word(doc[name]):
        name += 1
    while name < e - 2 and doc[name].text == "-" and doc[name + 1].lower_ in _TITLE_SUFFIXES:
        name += 2  # "President-elect Ana Ruiz": the suffix belongs to the title
    # Leading country names or demonyms are the affiliation, not part of the title; so is an
    # organisation's name ("Petrobol Director ...", "Andean Council Secretary-General ...").
    title = s
    for i in range(s, head):
        if gaz.demonym(doc[i].text) or gaz.demonym(doc[s:i + 1].text) \
                or gaz.country(doc[s:i + 1].text, allow_code=doc[i].text.isupper()):
            title = i + 1  # "Chilean", "North Korean", "U.S."
    while title < head and doc[title].ent_type_ in {"ORG", "FAC", "GPE", "LOC"} and doc[title].lower_ not in PORTFOLIO_WORDS \
            and not is_title_word(doc[title]) \
            or title < head and title > s and doc[title].lower_ in _CONNECTORS and doc[title - 1].ent_type_ == "ORG":
        title += 1
    if title == s and doc[head].lower_ in LOCAL_OFFICES:
        # "Tarija Mayor X": a town the tagger missed, known to the gazetteer, is where the office is
        first_title_word = next((i for i in range(s, head) if is_title_word(doc[i])), head)
        if first_title_word > s and is_known_place(doc[s:first_title_word].text):
            title = first_title_word
    return s, title, name


def _kind(doc: Doc, span: Span, has_title: bool) -> str:
    if has_title:
        return PERSON
    labels = [t.ent_type_ for t in span if t.ent_type_]
    gaz = gazetteer.load()
    if gaz.country(span.text, allow_code=bool({"GPE", "LOC"} & set(labels)) or "." in span.text):
        return COUNTRY
    if gaz.demonym(span.text):
        return GROUP
    if len(span) > 1 and span[-1].lower_ in CLUB_NAME_ENDS:
        return ORGANIZATION  # "Kestrel Rovers", "Dunmore United": a club, whatever NER made of it
    if labels:
        top = max(set(labels), key=lambda lab: (labels.count(lab), lab))
        return _LABEL_KINDS.get(top, OTHER)
    return OTHER


# Common words a headline capitalises ("Gunmen Kill 12", "Former Mayor Jailed").
_COMMON_WORDS = ACTOR_NOUNS | TITLE_MODIFIERS


def sentence_mentions(sent: Span) -> list[Mention]:
    """Every name mention in a sentence, with titles split off."""
    doc = sent.doc
    out = []
    for s, e, place in _candidate_spans(sent):
        if place:  # split off "Acme Inc. of Denver": a place, whatever NER tagged it
            span = doc[s:e]
            kind = COUNTRY if gazetteer.load().country(span.text) else PLACE
            out.append(Mention(text=span.text, start=span.start_char, end=span.end_char, kind=kind, name=span.text))
            continue
        if doc[e - 1].dep_ == "compound" and doc[e - 1].head.i == e and doc[e].lower_ in FACILITY_NOUNS:
            # "the President Garcia hotel", "the Ana Ruiz Foundation": a place or body named after
            # someone, not the person
            span = doc[s:e + 1]
            out.append(Mention(text=span.text, start=span.start_char, end=span.end_char,
                               kind=ORGANIZATION if doc[e].lower_ in BODY_NAME_HEADS | {"foundation", "institute"}
                               else PLACE, name=span.text))
            continue
        _, t, n = _split_title(doc, s, e)
        if n >= e or n > s and all(tok.lower_ in PORTFOLIO_WORDS for tok in doc[n:e]):
            # a title with no name ("the Assistant Secretary of State", "the Vice President for
            # Security Policy"): coreference's business
            continue
        if n > s and (doc[n - 1].lower_ == "the" or doc[e - 1].lower_ in BODY_NAME_HEADS):
            # "Chair of the Andean Group": a title in an organisation; what follows is its name, not a
            # person's. (Entity labels cannot tell: NER often tags "Ambassador to X Ana Ruiz" one organisation.)
            s = n
        if n > s:
            end = n
            while end > t and doc[end - 1].lower_.rstrip(".") in _COURTESY:
                end -= 1  # "Director of Research Dr. Ana Ruiz": "Dr." is no part of the office ("First Lady" is)
            title_text = doc[t:end].text if end > t else None
            if title_text and all(tok.lower_ in HONORIFICS for tok in doc[t:end]):
                title_text = None  # "Sir Ana Ruiz", "Lady Ruiz": a form of address, no office
            affiliation = doc[s:t].text if t > s else None
            name_span = doc[n:e]
            out.append(Mention(text=doc[s:e].text, start=doc[s].idx, end=doc[e - 1].idx + len(doc[e - 1]),
                               kind=PERSON, name=name_span.text, title=title_text, affiliation=affiliation))
            continue
        span = doc[s:e]
        if e - s == 1 and span[0].lower_ in _COMMON_WORDS and not span[0].is_upper:
            continue  # "Gunmen Kill 12", "Former Mayor Jailed": a headline's capital makes no name of a common word
        # A demonym before an organisation or group names its country ("Syrian associate YPG" stays).
        # "FILE -Protesters ...": a caption's dash the tokenizer left on the word is no part of the name
        text = span.text.lstrip("-\u2013\u2014\u2022*")
        if text:
            start = span.end_char - len(text)
            out.append(Mention(text=text, start=start, end=span.end_char, kind=_kind(doc, span, False), name=text))
    return out


def office_mention(mention: Mention) -> Mention:
    """The office a titled mention names, as a mention of its own (offsets of the title words).

    A country or organisation before the title is part of the office: "Chilean Foreign Minister"
    and "Peruvian Foreign Minister" are two offices (the country is also kept as kg:officeOf)."""
    title = mention.title or ""
    offset = mention.text.find(title)
    begin = 0 if mention.affiliation and mention.text.startswith(mention.affiliation) else offset
    text = mention.text[begin:offset + len(title)]
    return Mention(text=text, start=mention.start + begin, end=mention.start + begin + len(text),
                   kind=OFFICE, name=text)


def concept_mention(token: Token) -> Mention:
    """A common-noun argument as its minimal noun phrase: compounds and modifiers, no determiners."""
    # The subtree's words up to the head: in a projective parse, those from its left edge on.
    left = doc_tokens(token.doc)[token.left_edge.i:token.i + 1]
    keep = [t for t in left
            if (t.i == token.i or t.dep_ in {"compound", "amod", "nummod", "nmod", "npadvmod", "punct"}
                                   and t.head.i >= t.i) and t.pos_ not in {"DET", "PRON"}
            and (t.pos_ != "PUNCT" or t.text == "-" and not t.whitespace_)]  # "long-term"
    # Keep only the contiguous run that ends at the head.
    start = token.i
    idx = {t.i for t in keep}
    while start - 1 in idx:
        start -= 1
    if start < token.i and token.doc[start].lower_ == "dead" and start > 0 and token.doc[start - 1].pos_ == "VERB":
        start += 1  # "shot dead two guards": how they were shot, not which guards
    span = token.doc[start:token.i + 1]
    return Mention(text=span.text, start=span.start_char, end=span.end_char, kind=CONCEPT,
                   name=span.text)
