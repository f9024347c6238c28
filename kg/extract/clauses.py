"""Events from verbs: who (coordination expanded), whom, topics, where, when, how factual.

Each rule works over dependency subtrees and mention spans rather than single tokens, so an odd
attachment inside a long coordinated subject still yields every participant.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.extract import lexicon as lex
from kg.extract.mentions import concept_mention, is_known_place, is_title_word, sentence_ents
from kg.extract.tokens import children, doc_ents, doc_text, memo, sentence_tokens, subtree_where
from kg.nlp import known_verbs
from kg.timex import WEEKDAYS, normalise
from kg.types import (ASSERTED, CONCEPT, COUNTRY, GROUP, HYPOTHETICAL, NEGATED, OFFICE, ORGANIZATION, OTHER, PERSON,
                      PLACE, PLANNED, REPORTED, Event, Mention, Sentence, TimeExpr)

ANAPHOR = "anaphor"  # extraction-internal kind: a pronoun or definite description to resolve

_SUBJ_DEPS = {"nsubj", "csubj"}
_PASSIVE_SUBJ_DEPS = {"nsubjpass", "csubjpass"}
_OBJ_DEPS = {"dobj", "dative", "obj"}
_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "conj", "pcomp"}
# Paths that stay inside one coordinated noun phrase.
_NP_DEPS = {"compound", "conj", "cc", "appos", "nmod", "punct", "flat", "amod", "poss", "case", "preconj"}
_NAMED_ENTS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
_TEMPORAL_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_NON_EVENT_DEPS = {"amod", "acl", "prep", "pcomp", "compound", "npadvmod"}


@dataclass
class MentionIndex:
    """Mentions of one sentence, found by token."""

    mentions: list[Mention]

    def at(self, token: Token) -> Mention | None:
        for m in self.mentions:
            if m.start <= token.idx < m.end:
                return m
        return None

    def within(self, tokens) -> list[Mention]:
        found = {id(m): m for t in tokens if (m := self.at(t))}
        return sorted(found.values(), key=lambda m: m.start)


def clause_tokens(verb: Token) -> list[Token]:
    """The verb's own clause: its subtree less the subtrees of subordinate and coordinate clauses
    (made once per verb; do not modify)."""
    known = memo(verb.doc, "clause")
    if (out := known.get(verb.i)) is None:
        out = known[verb.i] = _clause_tokens(verb)
    return out


def _clause_tokens(verb: Token) -> list[Token]:
    out, stack = [], [verb]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in children(tok)
                     if not (c.dep_ in _CLAUSE_DEPS and c.pos_ in {"VERB", "AUX"} and tok.i == verb.i
                             or c.dep_ in {"relcl", "acl", "ccomp", "advcl"}))
    return sorted(out, key=lambda t: t.i)


# Nouns for people or states that "both" or "the two" make a reference to a pair just named.
_PAIRED = lex.TITLE_HEADS | {"side", "leader", "country", "nation", "man", "woman", "counterpart", "official",
                             "diplomat", "delegation", "government"}


_NOUN_MODIFIERS = {"amod", "compound", "prep", "poss", "relcl", "acl", "appos", "nmod"}


def _anaphor(token: Token) -> Mention | None:
    """A pronoun or a definite description that names an earlier mention ("the Secretary")."""
    low = token.lower_
    if token.pos_ == "PRON" and low in lex.PRONOUNS:
        return Mention(token.text, token.idx, token.idx + len(token), ANAPHOR, low)
    dets = {c.lower_ for c in children(token) if c.dep_ in {"det", "nummod", "predet"}}
    # "The two discussed aid": a numeral standing alone for the pair just named
    pair_numeral = low == "two" and token.pos_ == "NUM" and token.dep_ in {"nsubj", "nsubjpass"}
    if (token.pos_ in {"NOUN", "PROPN"} or pair_numeral) and dets & {"the", "both", "two"}:
        if low in lex.PAIR_NOUNS or token.lemma_.lower() in _PAIRED and dets & {"both", "two"}:  # "the two presidents"
            return Mention(token.text, token.idx, token.idx + len(token), ANAPHOR, "pair")
        if is_title_word(token) and "the" in dets and token.tag_ in {"NN", "NNP"}:
            return Mention(token.text, token.idx, token.idx + len(token), ANAPHOR, "title:" + low)
        if low in lex.BODY_ANAPHORS and dets == {"the"} and token.tag_ == "NN" and not any(
                c.dep_ in _NOUN_MODIFIERS for c in children(token)):  # "the company", not "the company's board"
            return Mention(token.text, token.idx, token.idx + len(token), ANAPHOR, "body:" + low)
    return None


def _positional_appositives(token: Token, index: MentionIndex, *, listed: bool = False) -> list[Mention]:
    """", A and B," right after a noun phrase: an apposition the parser failed to attach.

    With `listed`, the names continue a list ("met X, Y, and many others"): it must be closed by
    "and", so "met X, Y said" adds nobody."""
    doc, right = token.doc, token.right_edge.i
    if doc[right].text != ",":  # the parser may hang the comma on the name itself
        right += 1
    if right >= len(doc) or doc[right].text != ",":
        return []
    found, i, joined = [], right + 1, False
    while i < len(doc) and (m := index.at(doc[i])):
        found.append(m)
        while i < len(doc) and doc[i].idx < m.end:
            i += 1
        if i < len(doc) and doc[i].lower_ in {",", "and"}:
            joined = joined or doc[i].lower_ == "and" or i + 1 < len(doc) and doc[i + 1].lower_ == "and"
            i += 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "and")
            continue
        break
    others = i < len(doc) and (doc[i].lower_ in _OTHERS or doc[i].lower_ in _MANY and i + 1 < len(doc)
                                and doc[i + 1].lower_ in _OTHERS)  # "..., and many others"
    closes = i >= len(doc) or doc[i].is_punct or doc[i].is_sent_end or doc[i].pos_ in {"PART", "AUX", "VERB"}
    if found and i < len(doc) and doc[i].pos_ in {"AUX", "VERB"} and doc[i - 1].dep_ in _SUBJ_DEPS \
            and doc[i - 1].head.i == i:
        return []  # "..., including a necklace that belonged to Queen X, Varga said": the speaker
    if listed:
        return found if found and joined and (closes or others) else []
    return found if found and (closes or others and joined) else []


_OTHERS = {"others", "other"}
_MANY = {"many", "several", "a", "few", "numerous"}


def _np_members(token: Token, index: MentionIndex, seen: set[int]) -> list[Mention]:
    """Names coordinated or apposed with a named head, however the parser attached them."""
    found = []
    head = index.at(token)
    for child in children(token):
        if child.i in seen:
            continue
        seen.add(child.i)
        if child.dep_ == "poss" and head is not None:
            continue  # "Oregon's Gerald Hale", "Lima's National Ballet": a description, not a second participant
        if child.dep_ == "compound" and head is not None and _qualifies_role(child, index):
            continue  # "Orbis spokesman Karl Dorn": the company is whose spokesman, not a second speaker
        if child.dep_ in {"amod", "compound"} and token.lower_ in lex.TITLE_HEADS and head is not None \
                and (m := index.at(child)) is not None and m.kind in {GROUP, COUNTRY}:
            continue  # "Norvenian Prime Minister X", a demonym no gazetteer knows: whose minister
        if child.dep_ == "appos" and head is not None and head.kind == PERSON \
                and (m := index.at(child)) is not None and m.kind == GROUP:
            continue  # "Yusuf Adan, a Dassian,": his nationality, not a second participant
        if index.at(child) is not None and (child.dep_ in _NP_DEPS or child.dep_ == "prep"):
            found.append(index.at(child))
            found += _np_members(child, index, seen)
        elif child.dep_ == "appos" and head is not None:
            # "Ana Ruiz, a spokeswoman for X": a common noun apposed to a name describes it
            found += [m for m in arg_mentions(child, index, seen) if m.kind != CONCEPT]
        elif child.dep_ in {"conj", "appos"}:
            found += arg_mentions(child, index, seen)  # "X and his counterparts, including Y"
        elif child.dep_ == "prep" and child.lower_ in lex.MEMBER_MARKERS:
            found += [m for g in children(child) if g.dep_ == "pobj" for m in arg_mentions(g, index, seen)]
        elif child.dep_ in {"cc", "punct", "prep"} and child.lower_ not in lex.MEMBER_MARKERS:
            found += [m for m in _np_members(child, index, seen) if m.kind != "concept"]
    return found


_NAMED_PEOPLE = {PERSON, OTHER}  # a name apposed to a title is a person's, whatever NER made of it


def _named_holder(title: Token, index: MentionIndex) -> list[Mention]:
    """The person apposed to a title noun: "the chief of Orbis, Ana Ruiz", also when the parser
    hangs the name on the organisation or place ("the head of the agency, Karl Dorn", "the envoy
    for Tarija, Ana Ruiz"), which a person's name cannot be apposed to."""
    def apposed(tok: Token, served: bool = False) -> list[Mention]:
        # the name and those coordinated with it ("union leader X and chief executive Y")
        return [m for a in children(tok) if a.dep_ == "appos" and (not served or apposed_to_served(a, index))
                for c in (a, *a.conjuncts) if (m := index.at(c)) is not None and m.kind in _NAMED_PEOPLE]

    if named := apposed(title):
        return named
    objects = [(c, g) for c in children(title) if c.dep_ == "prep" and c.lower_ in lex.TITLE_PREPS
               for g in children(c) if g.dep_ == "pobj"]
    return [m for c, g in objects for m in apposed(g, served=c.lower_ != "of")] \
        or [m for _, g in objects if (m := _served_then_named(g, index)) is not None]


def _served_then_named(obj: Token, index: MentionIndex) -> Mention | None:
    """"the envoy for Tarija Ana Ruiz": with no comma the parser makes the place a word of the
    name; the name after it is the title's holder."""
    m = index.at(obj)
    if m is None or m.kind != PERSON:
        return None
    served = [index.at(c) for c in children(obj) if c.dep_ == "compound" and c.i < obj.i]
    return m if any(s is not None and s.kind in {PLACE, COUNTRY, ORGANIZATION} and s.end <= m.start
                    for s in served) else None


def apposed_to_served(name: Token, index: MentionIndex) -> bool:
    """Whether the parser hung a name, after a comma, on the place or body a title serves, named
    after "for", "to", "in" or "at" ("the envoy for Tarija, Ana Ruiz"): a person's name cannot be
    apposed to it, so it is the title's holder. (Not "a journalist for the newspaper Il
    Messaggero", which names the paper.)"""
    served, prep = name.head, name.head.head
    m = index.at(served)
    return name.dep_ == "appos" and served.dep_ == "pobj" and prep.dep_ == "prep" \
        and prep.lower_ in lex.TITLE_PREPS - {"of"} and m is not None and m.kind != PERSON \
        and name.doc[name.left_edge.i - 1].text == ","


def _qualifies_role(token: Token, index: MentionIndex) -> bool:
    """Is the name at this token followed by a lower-case role noun, as in "Orbis spokesman X" or
    "Orbis foreign sales chief X" (lower-case modifiers between)?"""
    m, doc = index.at(token), token.doc
    if m is None:
        return False
    k = token.i
    while k < len(doc) and doc[k].idx < m.end:
        k += 1
    for j in range(k, min(k + 4, len(doc))):
        word = doc[j]
        if not (word.is_lower and word.is_alpha):
            return False
        if word.pos_ == "NOUN" and word.lemma_ in lex.ROLE_WORDS:
            return True
    return False


def arg_mentions(token: Token, index: MentionIndex, seen: set[int] | None = None) -> list[Mention]:
    """Every participant an argument head stands for, coordination and appositions expanded."""
    seen = seen if seen is not None else set()
    seen.add(token.i)
    clause = token.head
    if token.tag_ in {"WDT", "WP"} and clause.dep_ == "relcl" and clause.head.i not in seen:
        return arg_mentions(clause.head, index, seen)  # "the telescope, which NASA launched"
    m = index.at(token)
    if m is not None and m.name == token.text and is_title_word(token) and (a := _anaphor(token)) is not None:
        # "The Secretary and X discussed": a bare title is a reference, not a name
        return [a] + [x for c in token.conjuncts if c.i not in seen for x in arg_mentions(c, index, seen)]
    if (m is None or m.kind == CONCEPT) and token.pos_ == "NOUN" and token.lower_ in lex.ROLE_WORDS \
            and (named := _named_holder(token, index)):
        # "the chief of the company, Ana Ruiz, said", "U.N. mediator for Tarija Ana Ruiz": the
        # name, not a title to resolve
        return named
    if m is not None:
        found = [m] + _np_members(token, index, seen) + _positional_appositives(token, index, listed=True)
        return sorted({(x.start, x.end): x for x in found}.values(), key=lambda x: x.start)
    if (a := _anaphor(token)) is not None:
        return [a]
    members = []
    for child in children(token):
        if child.dep_ == "appos" and any(c.dep_ in {"acl", "relcl"} and lemma(c) in lex.SAY_VERBS
                                         and not any(g.dep_ in _OBJ_DEPS for g in children(c))
                                         for c in children(child)):
            continue  # "won a majority, the commission announced": who said it, not what was won
        if child.lower_ in lex.MEMBER_MARKERS or child.dep_ == "appos":
            target = next((c for c in children(child) if c.dep_ == "pobj"), child)
            if target.i not in seen:
                members += arg_mentions(target, index, seen)
    for conj in token.conjuncts:
        if conj.i not in seen and index.at(conj):
            members += arg_mentions(conj, index, seen)
    members += _positional_appositives(token, index)
    if members:
        return members
    if temporal(token):  # "to Lima Monday": the place
        named = [m for c in children(token) if c.dep_ == "compound" and (m := index.at(c)) is not None]
        if named:
            return named
    if token.pos_ == "NOUN" and (token.lower_ in lex.PLACE_NOUNS and token.lower_ != "capital"
                                 or token.lower_ == "government"):
        # "seized the border town of Marvik": the town is the place named after "of" (but "the
        # capital of Peru" is not Peru); "the government of Chad" acts for Chad, as "Chad" would
        government = token.lower_ == "government"
        named = [m for c in children(token) if c.dep_ == "prep" and c.lower_ == "of" and c.i == token.i + 1
                 for g in children(c) if g.dep_ == "pobj" and g.i not in seen for m in arg_mentions(g, index, seen)
                 if m.kind != CONCEPT and (m.kind == COUNTRY or not government)]
        if named:
            return named
    if token.pos_ == "NOUN" and token.lower_ in lex.STATE_NOUNS and (state := _state_named(token, index)) is not None:
        return [state]  # "Zambian authorities", "the Chad government": the state acts, as "Chad" would
    if token.lower_ in _MULTITUDES and (people := _multitude_of(token)) is not None:
        # "Thousands of people marched": people, so many of them
            span = token.doc[token.left_edge.i:people.i + 1]
            return [Mention(text=span.text, start=span.start_char, end=span.end_char, kind=CONCEPT, name=span.text)]
    if _sum(token):
        return [_money_mention(token)]
    if (named := _close_apposition(token, index)) is not None:
        return [named]
    if token.pos_ in {"NOUN", "PROPN"}:
        return [concept_mention(token)]
    return []


def _close_apposition(token: Token, index: MentionIndex) -> Mention | None:
    """"the Zambian capital Lusaka", "the technology company Veldtech": a name right after a class
    noun is what the noun names, wherever the parser hung it."""
    if token.pos_ != "NOUN" or token.lower_ not in lex.CLASS_NOUNS or token.i + 1 >= len(token.doc):
        return None
    following = token.doc[token.i + 1]
    m = index.at(following)
    return m if m is not None and m.start == following.idx and m.kind not in {PERSON, OFFICE} else None


def _state_named(token: Token, index: MentionIndex) -> Mention | None:
    """The country a state noun is qualified by: "Zambia authorities", "Zambian government"."""
    gaz = gazetteer.load()
    for c in children(token):
        if c.dep_ in {"compound", "amod"} and (m := index.at(c)) is not None and (
                m.kind == COUNTRY or m.kind == GROUP and gaz.demonym(m.text) is not None):
            return m
    return None


_MULTITUDES = {"thousands", "hundreds", "dozens", "scores", "millions", "tens", "crowds", "crowd", "groups", "group"}


def _multitude_of(token: Token) -> Token | None:
    """The noun after "thousands of", "a crowd of"."""
    return next((g for c in children(token) if c.dep_ == "prep" and c.lower_ == "of"
                 for g in children(c) if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)


def topic_mentions(head: Token, index: MentionIndex) -> list[Mention]:
    """What a discussion was about: every name in the phrase, else each coordinated concept,
    looking through general nouns ("ways to deepen cooperation on trade and energy")."""
    named = [m for m in index.within(head.subtree) if m.kind not in {"office"}]
    if named:
        # "discussed A and B's opportunity to achieve peace": whose opportunity, and what about;
        # "discussed regional security and the elections in Chad": each coordinated topic, named
        # where its own phrase names something
        conjuncts = [head, *head.conjuncts]
        for tok in conjuncts:
            inner = _topic_inside(tok) if tok.lemma_.lower() in lex.GENERIC_TOPIC_NOUNS else None
            if inner is not None and index.at(inner) is None:
                named.append(concept_mention(inner))
            elif inner is None and len(conjuncts) > 1 and tok.pos_ == "NOUN" and _specific(tok) \
                    and not index.within(_own_phrase(tok)):
                named.append(_topic_concept(tok))
        return sorted(named, key=lambda m: m.start)
    found = []
    for tok in [head, *head.conjuncts]:
        if tok.lemma_.lower() in lex.GENERIC_TOPIC_NOUNS or tok.lower_ in lex.GENERIC_TOPIC_NOUNS:
            inner = _topic_inside(tok)
            if inner is not None:
                found += [concept_mention(t) for t in [inner, *inner.conjuncts] if t.pos_ in {"NOUN", "PROPN"}]
        elif tok.pos_ in {"NOUN", "PROPN"}:
            found.append(_topic_concept(tok))
    return found or arg_mentions(head, index)


def _own_phrase(tok: Token) -> list[Token]:
    """A coordinated noun's phrase without the nouns coordinated with it."""
    return subtree_where(tok, lambda c: c.dep_ not in {"conj", "cc"})


_TOPIC_PREPS = {"on", "about", "regarding", "concerning", "over"}


def temporal(token: Token) -> bool:
    """A date, time or amount, not a participant; but "dozens of activists", which NER tags a
    number, are people."""
    if token.lower_ in WEEKDAYS:
        return True
    return token.ent_type_ in _TEMPORAL_ENTS and not (token.lower_ in _MULTITUDES and _multitude_of(token) is not None)


def _topic_inside(tok: Token) -> Token | None:
    """The noun a general noun's phrase is about: an "on/about" object first, else the first object."""
    inner = [t for t in tok.subtree if t.i != tok.i and t.pos_ == "NOUN"
             and t.lemma_.lower() not in lex.GENERIC_TOPIC_NOUNS]
    about = [t for t in inner if t.dep_ == "pobj" and t.head.lower_ in _TOPIC_PREPS]
    return (about or [t for t in inner if t.dep_ in {"pobj", "dobj"}] or [None])[0]


def _generic(m: Mention) -> bool:
    words = m.name.lower().split()
    return m.kind == "concept" and bool(words) and words[-1] in lex.GENERIC_TOPIC_NOUNS


def _purpose_topics(verb: Token, index: MentionIndex) -> list[Mention]:
    """"discussed ways and assessed steps to deepen cooperation on A, B and C, fighting D and
    expanding E": when what was discussed is a general noun, the topics are what the coordinated
    verbs and their purpose clauses are "on" or "about", and the objects of their bare gerunds.
    A clause with its own subordinator ("while agreeing to ...") is another matter."""
    group = [verb] + [c for c in verb.conjuncts if c.pos_ == "VERB" and not any(g.dep_ in _SUBJ_DEPS for g in children(c))]
    found: list[Mention] = []
    seen: set[int] = set()
    stack = list(group)
    while stack:
        tok = stack.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        if tok.dep_ == "prep" and tok.lower_ in _TOPIC_PREPS:
            for obj in (c for c in children(tok) if c.dep_ == "pobj" and not temporal(c)):  # not "on Monday"
                found += [m for t in [obj, *obj.conjuncts] if t.pos_ in {"NOUN", "PROPN"} and _specific(t)
                          for m in (index.within(t.subtree) or [concept_mention(t)])]
            continue
        if tok.tag_ == "VBG" and tok.dep_ in {"advcl", "conj", "xcomp"} and not any(g.dep_ in _SUBJ_DEPS for g in children(tok)):
            found += [m for o in children(tok) if o.dep_ == "dobj" and o.pos_ != "PRON"
                      for m in (index.within(o.subtree) or [_topic_concept(o)])]
        stack.extend(c for c in children(tok) if not any(g.dep_ == "mark" for g in children(c)))
    return _dedupe(found)


def _topic_concept(noun: Token) -> Mention:
    """A common-noun topic with its "of" complement: "freedom of expression", "rule of law"."""
    m = concept_mention(noun)
    of = next((c for c in children(noun) if c.dep_ == "prep" and c.lower_ in {"of", "against"} and c.i == noun.i + 1),
              None)  # "freedom of expression", "the fight against drug trafficking"
    obj = next((g for g in children(of) if g.dep_ == "pobj" and g.pos_ == "NOUN"), None) if of is not None else None
    if obj is None or any(t.dep_ == "prep" for t in children(obj)):
        return m
    end = obj.idx + len(obj)
    text = doc_text(noun.doc)[m.start:end]
    return Mention(text=text, start=m.start, end=end, kind=CONCEPT, name=text)


def _specific(noun: Token) -> bool:
    """"trade", "defense issues" name a subject; "regional issues", "a range" do not."""
    return noun.lemma_.lower() not in lex.GENERIC_TOPIC_NOUNS or any(c.dep_ == "compound" for c in children(noun))


_TALK_NOUNS = {"discussion", "dialogue", "consultation", "talk", "call", "conversation", "negotiation"}


def nominal_topics(token: Token, index: MentionIndex, *, preps_of: Token | None = None) -> list[Mention]:
    """What an event noun is about: "discussions covering A, B", "talks on A". `preps_of`: one
    "on" phrase of the verb that holds the talks, read as the noun's own."""
    if preps_of is None and token.lower_ not in lex.GATHERING_NOUNS and token.lemma_.lower() not in _TALK_NOUNS:
        return []  # an attack "on" a city is its target, not its topic
    found = []
    for child in [preps_of] if preps_of is not None else children(token):
        # "discussions covering A, B" (not "a news conference following a meeting")
        covering = child.dep_ == "acl" and lemma(child) in lex.TOPIC_VERBS
        about = child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS and not any(
            g.dep_ == "pobj" and g.lower_ in _SETTING_NOUNS for g in children(child))  # "on the sidelines of X"
        if not (covering or about):
            continue
        named = index.within(_without_setting(child))
        # "talks on trade, water rights and migration": what was talked about, named or not ("over"
        # may be a preference: "rallies over voter interactions")
        found += named or [concept_mention(t) for obj in children(child)
                           if about and child.lower_ != "over" and obj.dep_ == "pobj"
                           for t in [obj, *obj.conjuncts] if t.pos_ in {"NOUN", "PROPN"} and _specific(t)
                           and not temporal(t)]  # not "on Monday"
    return found


# "on the sidelines of X", "on the eve of X": when and where, not what about.
_SETTING_NOUNS = {"sidelines", "sideline", "margins", "margin", "eve", "occasion", "side", "behalf"}


def _without_setting(token: Token) -> list[Token]:
    """The phrase less where it took place and with whom: "a news conference on the talks outside
    a hotel in Sucre" is about the talks, not Sucre; "talks on security with X" are not about X.
    ("in" stays: "talks on the situation in Chad".)"""
    return subtree_where(token, lambda c: not (c.dep_ == "prep" and c.lower_ in _NOT_TOPICS))


def lemma(verb: Token) -> str:
    """The verb's lemma, mended (see `_lemma`); made once per token."""
    known = memo(verb.doc, "lemma")
    if (out := known.get(verb.i)) is None:
        out = known[verb.i] = _lemma(verb)
    return out


def _lemma(verb: Token) -> str:
    """The verb's lemma, mended where the small model drops a doubled consonant ("installed" ->
    "instal"), but not where the single one is right ("controlled" -> "control"), or a final "e"
    ("fined" -> "fin")."""
    lem, text = verb.lemma_.lower(), verb.lower_
    verbs = known_verbs()  # the model's own verb list, when it has one: "control" stays, "instal" mends
    if lem.endswith("l") and text.startswith(lem + "l") and (not verbs or lem + "l" in verbs):
        return lem + "l"
    if verbs and text in {lem + "ed", lem + "ing"} and _SHORT_STEM.search(lem) and lem + "e" in verbs:
        return lem + "e"  # "fined" -> "fin": a short stem would double its consonant ("finned"); "fine"
    return lem


# A stem ending consonant-vowel-consonant, which doubles its last letter before -ed and -ing.
_SHORT_STEM = re.compile(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$")


def _idiom(verb: Token) -> Token | None:
    """The noun of a light-verb idiom ("take part", "take place", "make way"), if the verb has one."""
    if verb.lemma_.lower() not in lex.LIGHT_VERBS:
        return None
    return next((c for c in children(verb) if c.dep_ == "dobj" and c.lower_ in lex.IDIOM_NOUNS
                 and not any(g.dep_ in {"det", "poss", "amod"} for g in children(c))), None)


def _phrasal_prep(verb: Token) -> str | None:
    """A preposition that belongs to the verb's meaning: "call on", "call for" (an appeal)."""
    return next((c.lower_ for c in children(verb)
                 if c.dep_ == "prep" and f"{lemma(verb)}_{c.lower_}" in lex.EVENT_TYPES), None)


def _relation(verb: Token) -> str:
    particles = [c.lower_ for c in children(verb) if c.dep_ == "prt"]
    if _dead_after(verb):
        particles.append("dead")  # "shot dead": killed
    idiom = _idiom(verb)
    prep = _phrasal_prep(verb)
    return " ".join([lemma(verb), *particles, *([idiom.lower_] if idiom is not None else []), *([prep] if prep else [])])


def _dead_after(verb: Token) -> bool:
    """"shot dead two guards", "was shot dead", "shot dead a man": the word right after the verb
    says the victim died, whatever the parser hung it on."""
    doc = verb.doc
    return verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "dead" and lemma(verb) in lex.KILLING_MANNERS


def _governor(verb: Token) -> Token | None:
    """The verb this one's subject is shared with (conjunct, complement or participial adjunct;
    "is due to meet", "is likely to win": the "be" of the adjective)."""
    if verb.dep_ in {"conj", "xcomp", "advcl", "ccomp"} and verb.head.pos_ in {"VERB", "AUX"} and verb.head != verb:
        return verb.head
    if verb.dep_ == "xcomp" and _predicate_adjective(verb.head):
        return verb.head.head
    return None


def reporter_conjunct(verb: Token) -> Token | None:
    """"X said the grid would end Y, and called on Z to pay": the parser joins "called" to "end",
    inside what was said; but a past tense cannot share the "would" of "end", so it is the
    speaker's own next act, joined to "said". The speech verb, or None."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or head.dep_ != "ccomp" or head.tag_ != "VB" \
            or head.head.tag_ != "VBD" or head.head.lemma_.lower() not in lex.SAY_VERBS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in lex.HYPOTHETICAL_AUX | lex.PLANNED_AUX for c in children(head)):
        return None
    if any(c.dep_ == "mark" for c in children(head)):
        return None  # "said that he would not resign and blamed X": both may be inside the "that"
    return head.head


def _predicate_adjective(token: Token) -> bool:
    """An adjective after "be" that takes an infinitive: "due", "likely", "ready" in "X is due to"."""
    return token.dep_ == "acomp" and token.pos_ == "ADJ" and token.head.pos_ in {"VERB", "AUX"} \
        and any(c.dep_ == "xcomp" for c in children(token))


def _by_agents(verb: Token) -> list[Token]:
    """The heads of a passive verb's by-phrase. The parser may read a role noun before the name as
    a verb's participle ("founded by engineer Ana Ruiz": engineer/pcomp, Ruiz/dobj): the name."""
    heads = []
    for by in (c for c in children(verb) if c.dep_ == "agent"):
        for g in children(by):
            if g.dep_ == "pobj":
                heads.append(g)
            elif g.dep_ == "pcomp" and g.pos_ == "NOUN":
                heads += [o for o in children(g) if o.dep_ == "dobj" and o.pos_ == "PROPN"] or [g]
    return heads


def _subject_heads(verb: Token) -> tuple[list[Token], bool]:
    """(subject heads, passive?) of a verb, inherited from its governor where it has none."""
    passive = any(c.dep_ in _PASSIVE_SUBJ_DEPS or c.dep_ == "auxpass" for c in children(verb))
    if passive:
        agents = _by_agents(verb)
        return agents, True
    subjects = [c for c in children(verb) if c.dep_ in _SUBJ_DEPS]
    if len(subjects) == 1 and subjects[0].lower_ in {"it", "they"} and verb.dep_ == "ccomp" \
            and verb.head.lemma_.lower() in lex.SAY_VERBS and not _quoted(verb):
        # "Northwind said it had agreed", "Police said they arrested": the speaker's own report.
        speakers = [c for c in children(verb.head) if c.dep_ in _SUBJ_DEPS and c.pos_ != "PRON"]
        if speakers:
            return speakers, False
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in children(verb))
    if verb.dep_ == "relcl" and not infinitive and (
            not subjects or subjects[0].tag_ in {"WP", "WDT"} or subjects[0].lower_ == "that"):
        head = verb.head
        if head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.pos_ == "PROPN":
            head = head.head  # "Ruiz, a baker who shot Hale": Ruiz, not the baker
        return [head], False  # "Ruiz, who shot Hale" / "the talks, which took place"
    if subjects:
        return subjects, False
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in {"of", "for"} \
            and (lemma(verb.head.head) in lex.CHARGE_VERBS or judged_deed(verb)):
        # "accused Chad of failing to stop ...", "praised Peru for hosting ...": whom the charge is about
        # (the first object: "fined X 120 million euros for failing")
        objects = [c for c in children(verb.head.head) if c.dep_ in _OBJ_DEPS]
        if objects:
            return objects[:1], False
    if verb.tag_ == "VBG" and verb.dep_ in {"pcomp", "acl"}:
        # "remorse for killing Hale": a gerund shares the subject of the clause it hangs from.
        head = verb.head
        while head.pos_ != "VERB" and head.head != head:
            head = head.head
        if head.pos_ == "VERB" and head != verb:
            heads, passive = _subject_heads(head)
            if passive and verb.dep_ == "pcomp":
                # "X was jailed for killing Y", "was arrested after stabbing Y": the one the
                # passive is about did it, whoever jailed or arrested them
                return [c for c in children(head) if c.dep_ in _PASSIVE_SUBJ_DEPS], False
            return ([] if passive else heads), False
    if (speech := reporter_conjunct(verb)) is not None:
        return _subject_heads(speech)
    gov = _governor(verb)
    if gov is None:
        return [], False
    if _shares_passive(verb, gov):  # "X was convicted and executed": executed is passive too
        return _by_agents(verb), True
    if verb.dep_ == "conj" and (patients := [c for c in children(gov) if c.dep_ in _PASSIVE_SUBJ_DEPS]) and (
            lemma(gov) == "bear" or lemma(verb) in lex.INTRANSITIVE_VERBS
            or any(c.dep_ in _OBJ_DEPS or c.dep_ == "aux" for c in children(verb))):
        # "X was born in Tarija and moved to Sucre", "was freed and returned", "was freed and has
        # since sought Y": X did it. (With no object, "were shot or moved to the square" may be a
        # participle the tagger took for a past tense: no subject.)
        return patients, False
    if (stolen := _stolen_subject(verb)) is not None or (stolen := _joined_subject(verb)) is not None:
        return [stolen], False
    if verb.dep_ == "xcomp" and _purpose_of_contact(verb, gov):
        return _subject_heads(gov)[0], False  # "called X to offer condolences": the caller offers
    if verb.dep_ == "xcomp":  # "urge the rebels to reach" -> the rebels reach; "called on Peru to act" -> Peru
        objects = [c for c in children(gov) if c.dep_ in _OBJ_DEPS] or [
            g for c in children(gov) if c.dep_ == "prep" and c.lower_ in {"on", "upon"}
            for g in children(c) if g.dep_ == "pobj" and not temporal(g)]  # "agreed on Monday to buy X": no one
        if objects:
            return objects, False
        # "X is said to have met Y", "X was asked to leave": a passive governor's subject.
        raised = [c for c in children(gov) if c.dep_ in _PASSIVE_SUBJ_DEPS]
        if raised:
            return raised, False
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in children(verb)) \
            and (patients := [c for c in children(gov) if c.dep_ in _PASSIVE_SUBJ_DEPS]):
        # "X was seized by gunmen while travelling to Y": X travelled (not in a result clause: "X
        # will be deputized by the police, giving them power")
        return patients, False
    return _subject_heads(gov)[0], False


# Verbs of getting in touch, whose infinitive is the caller's purpose ("called X to offer
# condolences"), unless it is an appeal ("called on X to act", "called for X to act").
_CONTACT_VERBS = {"call", "phone", "telephone", "ring", "contact", "visit", "meet", "write"}


def _purpose_of_contact(verb: Token, gov: Token) -> bool:
    return lemma(gov) in _CONTACT_VERBS and any(c.dep_ in _OBJ_DEPS for c in children(gov)) and not any(
        c.dep_ == "prep" and c.lower_ in {"on", "upon", "for"} for c in children(gov))


_QUOTE_MARKS = {'"', "\u201c", "\u201d", "``", "''"}


def _quoted(clause: Token) -> bool:
    """Whether a speech verb's complement is a quotation: a quotation mark stands between them
    (not one inside it: 'told Chad it must show "more leadership"')."""
    doc, say = clause.doc, clause.head.i
    lo, hi = (clause.right_edge.i, say) if clause.i < say else (say, clause.left_edge.i)
    return any(doc[i].text in _QUOTE_MARKS for i in range(lo, hi + 1))


def _joined_subject(verb: Token) -> Token | None:
    """"X denied the charges and his lawyer, Y, said ...": a finite verb joined to a clause whose
    object the parser extended with the next clause's subject ("charges and lawyer"); the noun
    phrase that ends just before the verb is its subject."""
    if verb.dep_ != "conj" or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    doc, end = verb.doc, verb.i - 1
    while end > 0 and doc[end].is_punct:
        end -= 1
    noun = doc[end]
    while noun.dep_ == "appos" and noun.head.i < noun.i:  # "his lawyer, Y,": the noun Y is apposed to
        noun = noun.head
    if noun.dep_ == "conj" and noun.pos_ in {"NOUN", "PROPN"} and end <= noun.right_edge.i < verb.i \
            and noun.head.dep_ in _OBJ_DEPS and noun.head.head.i == verb.head.i \
            and any(c.dep_ in {"poss", "appos"} for c in children(noun)):  # a new party: "his lawyer, Y,"
        return noun
    return None


def _shares_passive(verb: Token, gov: Token) -> bool:
    """A bare past participle joined to a passive verb shares its auxiliary and its patient."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and lemma(verb) not in lex.INTRANSITIVE_VERBS and any(
        c.dep_ in _PASSIVE_SUBJ_DEPS or c.dep_ == "auxpass" for c in children(gov)) and not any(
        c.dep_ in _SUBJ_DEPS or c.dep_ == "aux" for c in children(verb))


def _stolen_subject(verb: Token) -> Token | None:
    """"X reaffirmed the United States would continue Y": a that-less complement clause whose
    subject the parser made the main verb's object. The clause must be finite or have a modal."""
    if verb.dep_ != "ccomp" or any(c.dep_ in _SUBJ_DEPS | _PASSIVE_SUBJ_DEPS for c in children(verb)):
        return None
    if not (verb.tag_ in {"VBD", "VBZ", "VBP"} or any(c.dep_ == "aux" and c.tag_ == "MD" for c in children(verb))):
        return None
    gov = verb.head
    return next((c for c in children(gov) if c.dep_ == "dobj" and gov.i < c.i < verb.i), None)


def _object_heads(verb: Token, passive: bool) -> list[Token]:
    if passive:
        own = [c for c in children(verb) if c.dep_ in _PASSIVE_SUBJ_DEPS]
        gov = _governor(verb)
        if not own and gov is not None and _shares_passive(verb, gov):
            return _object_heads(gov, True)
        if own or verb.dep_ != "xcomp" or gov is None:
            return own
        # "X was believed to have been killed", "Y is expected to be released": the patient is
        # who the governing verb is about (its object if it has one: "urged Z to be freed").
        return [c for c in children(gov) if c.dep_ in _OBJ_DEPS] or [
            c for c in children(gov) if c.dep_ in _SUBJ_DEPS | _PASSIVE_SUBJ_DEPS]
    idiom = _idiom(verb)
    stolen = {s.i for c in children(verb) if (s := _stolen_subject(c)) is not None}
    objects = [c for c in children(verb) if c.dep_ in _OBJ_DEPS and (not temporal(c) or _sum(c))
               and (idiom is None or c.i != idiom.i) and c.i not in stolen]
    if objects:
        return objects
    for prep in (c for c in children(verb) if c.dep_ == "prep"):
        movement = verb.lemma_.lower() in lex.MOVE_VERBS and prep.lower_ in lex.DESTINATION_PREPS
        if prep.lower_ in lex.ARGUMENT_PREPS or movement:
            # A prepositional object is a participant only when it names someone or something;
            # "on the sidelines", "in an effort" are circumstances.
            objects += [g for g in children(prep) if g.dep_ == "pobj"]
    return [o for o in objects if not temporal(o) or _names_before(o)]


def _sum(token: Token) -> bool:
    """"received $2 million", "paid 5 million euros": a sum of money is what changed hands."""
    return token.ent_type_ == "MONEY" and token.dep_ == "dobj"


def _money_mention(token: Token) -> Mention:
    spans, starts = doc_ents(token.doc)
    k = bisect.bisect_right(starts, token.i) - 1
    span = spans[k] if k >= 0 and spans[k].end > token.i else token.doc[token.i:token.i + 1]
    return Mention(text=span.text, start=span.start_char, end=span.end_char, kind=CONCEPT, name=span.text)


def _names_before(token: Token) -> bool:
    """"to Lima Monday": a time word with a name compounded before it stands for that name."""
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in children(token))


_CLAUSE_LINKS = {"ccomp", "xcomp", "advcl", "conj", "parataxis", "acl", "relcl"}


def _going_to(token: Token) -> bool:
    """"going to" as a future ("is going to visit"), not a movement ("going back to the old plan")."""
    return token.lower_ == "going" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"


_NOBODY = {"nobody", "none", "nothing", "noone"}


def _factuality(verb: Token) -> str:
    """How sure the text is of the verb's event (asserted, negated, planned, hypothetical,
    reported); made once per verb."""
    known = memo(verb.doc, "factuality")
    if (out := known.get(verb.i)) is None:
        out = known[verb.i] = _verb_factuality(verb)
    return out


def _verb_factuality(verb: Token) -> str:
    if _adverbial_gerund(verb):  # "left without meeting X"; "said he fled after killing Y": as its clause
        if verb.head.lower_ == "without":
            return NEGATED
        found = _factuality(verb.head.head)
        if found == ASSERTED and judged_deed(verb) and not _verdict(verb.head.head):
            return REPORTED  # "arrested for killing Y", "accused of": a charge, not a verdict
        return found
    if (speech := reporter_conjunct(verb)) is not None:
        return _factuality(speech)  # "said ..., and called on Z": as sure as the saying
    chain = [verb]
    # a finite conjunct has its own tense and polarity: "would not resign and blamed the markets"
    while (chain[-1].dep_ in {"xcomp", "conj"} or _predicate_adjective(chain[-1])) and chain[-1].head != chain[-1] \
            and not (chain[-1].dep_ == "conj" and chain[-1].tag_ in {"VBD", "VBZ", "VBP"}):
        chain.append(chain[-1].head)
    aux = {c.lower_ for v in chain for c in children(v) if c.dep_ in {"aux", "auxpass"}}
    if verb.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "whether" for c in children(verb)):
        return HYPOTHETICAL  # "will decide whether (or not) to send them": not settled either way
    if any(c.dep_ == "neg" for v in chain for c in children(v)):
        return NEGATED
    if any(c.dep_ in _SUBJ_DEPS | _PASSIVE_SUBJ_DEPS and (c.lower_ in _NOBODY or any(
            d.dep_ == "det" and d.lower_ == "no" for d in children(c))) for v in chain for c in children(v)):
        return NEGATED  # "No group has claimed the attack", "nobody was hurt"
    if object_negated(verb):
        return NEGATED  # "found no evidence", "knows of no offense"
    if aux & lex.PLANNED_AUX or any(_going_to(v) for v in chain[1:]) or any(
            _going_to(c) and c.dep_ not in _CLAUSE_LINKS for c in children(verb)):
        return PLANNED
    # verbs that govern through a complement ("set to visit", "expected to meet"); a verb it is
    # coordinated with is no governor ("set fire to homes and shot residents"), nor is a call made
    # for a purpose ("called X to offer condolences")
    governors = {lemma(chain[i + 1]) for i in range(len(chain) - 1)
                 if chain[i].dep_ == "xcomp" and not _purpose_of_contact(chain[i], chain[i + 1])}
    if verb.dep_ in {"xcomp", "dobj", "ccomp"} and lemma(verb.head) in lex.DENIAL_VERBS:
        return NEGATED  # "denied targeting civilians", "denied that it had fired": what is denied
    if aux & lex.HYPOTHETICAL_AUX == {"would"} and not governors and _reported_future(chain[-1]):
        return PLANNED  # "said it would appeal": the "will" of what was said, told in the past
    if aux & lex.HYPOTHETICAL_AUX or governors & lex.HYPOTHETICAL_GOVERNORS:
        return HYPOTHETICAL
    if governors & lex.PLANNED_GOVERNORS:
        return PLANNED
    if governors & lex.REPORTING_GOVERNORS:
        return REPORTED
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in children(verb)) \
            and (purpose := _factuality(verb.head)) != ASSERTED:
        return purpose  # "will travel to Lima to meet X": the purpose is as sure as the trip
    head = verb
    while head.dep_ in {"ccomp", "conj"} and head.head != head:
        head = head.head
        if head.lemma_.lower() in lex.SAY_VERBS or lemma(head) in lex.FINDING_VERBS and head.pos_ == "VERB":
            return REPORTED
    if any(t.lower_ == "according" for t in clause_tokens(verb)):
        return REPORTED
    return ASSERTED


def object_negated(verb: Token) -> bool:
    """"found no evidence", "knows of no offense": "no" before the verb's object or the object
    of its preposition."""
    objects = []
    for c in children(verb):
        if c.dep_ in _OBJ_DEPS:
            objects.append(c)
        elif c.dep_ == "prep":
            objects += [g for g in children(c) if g.dep_ == "pobj"]
    return any(d.dep_ == "det" and d.lower_ == "no" for o in objects for d in children(o))


def _finding(verb: Token) -> bool:
    """"found that X": a finding verb with a clause for its object (not "found the body", nor a
    place "showing" something in a photo caption)."""
    return any(c.dep_ == "ccomp" for c in children(verb)) and not any(
        c.dep_ in _OBJ_DEPS or c.dep_ in _SUBJ_DEPS and c.ent_type_ in {"GPE", "LOC", "FAC"} for c in children(verb))


def _reported_future(verb: Token) -> bool:
    """A complement of a speech verb with no condition on it ("if ..." makes it hypothetical)."""
    return verb.dep_ == "ccomp" and lemma(verb.head) in lex.SAY_VERBS and not any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in children(c))
        for c in children(verb))


# Prepositions of a setting: "at a hotel", "outside the court", "near the border".
_SETTING_PREPS = lex.PLACE_PREPS | {"outside", "near", "inside"}
_NOT_TOPICS = (_SETTING_PREPS - {"in"}) | {"with"}  # where and with whom, not what about


def _place(verb: Token, tokens: list[Token], index: MentionIndex) -> Mention | None:
    """Where the verb's event happened: the first place in an "in/at/into" phrase of the verb, of
    an event noun or of the person met, looking through a setting that is no place itself ("met
    X at a hotel in Sucre", "spoke outside the court in Oruro": Sucre, Oruro)."""
    anchored: set[int] = set()  # setting prepositions that tell where the event was
    for tok in tokens:
        if tok.dep_ != "prep" or tok.lower_ not in _SETTING_PREPS | {"into"}:
            continue
        head = tok.head
        if head != verb and _talked_about(head, verb):
            continue  # "discussed the summit in Sucre": where the summit is, not the discussion
        if not (head == verb or head.lemma_.lower() in lex.EVENT_NOUNS or head.lower_ in lex.EVENT_NOUNS
                or _on_person(head, verb, index)
                or head.dep_ == "pobj" and head.head.i in anchored and tok.lower_ in lex.PLACE_PREPS):
            continue
        anchored.add(tok.i)
        if tok.lower_ not in lex.PLACE_PREPS | {"into"}:
            continue  # "outside the court": the court is a setting, its place may follow
        for obj in (c for c in children(tok) if c.dep_ == "pobj"):
            m = index.at(obj)
            if m and m.kind in {PLACE, COUNTRY} or m and obj.ent_type_ in {"GPE", "LOC", "FAC"}:
                return m
    return None


def _talked_about(noun: Token, verb: Token) -> bool:
    """Whether a noun is what a discussion verb is about: its object, or after "on", "about"."""
    if lemma(verb) not in lex.TOPIC_VERBS:
        return False
    return noun.dep_ == "dobj" and noun.head == verb or noun.dep_ == "pobj" and noun.head.lower_ in _TOPIC_PREPS \
        and noun.head.head == verb


def _on_person(noun: Token, verb: Token, index: MentionIndex) -> bool:
    """"met Tom Berg in Lima", "talked with Ana Ruiz in Quito": the parser hangs the place on the
    person met, where it tells where the meeting was. (On a topic it tells what the topic is
    about: "discussed the situation in Chad".)"""
    m = index.at(noun)
    if m is None or m.kind != PERSON:
        return False
    while noun.dep_ == "appos" and noun.head != noun:  # "with her counterpart X in Potosi"
        noun = noun.head
    if noun.dep_ == "dobj":
        return noun.head.i == verb.i and lemma(verb) not in lex.TOPIC_VERBS
    gov = noun.head
    return noun.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ == "with" and gov.head.i == verb.i


# How long, not when: "a two-day meeting", "three-hour talks", "a 10-day visit".
_DURATION = re.compile(r"(?i)^(?:a |an |the )?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|multi)"
                       r"-(?:day|hour|week|month|year|minute)(?:-long)?$"
                       # "sentenced to four years", "within 15 days": how long, not when
                       r"|^(?:about |nearly |almost |more than |up to |at least |some )?(?:\d+|two|three|four|five|six"
                       r"|seven|eight|nine|ten|eleven|twelve|several|a few|many) (?:days|hours|weeks|months|years"
                       r"|minutes|decades)$")


# How old, not when: "died at the age of 69", "a 45-year-old", "aged 30", and a bare small number
# the model took for a date ("Ana Ruiz, 6, lies in a cot").
_AGE = re.compile(r"(?i)\bage[ds]?\b|\byears? old\b|-year-old\b|^\d{1,2}$")


def _time_ents(sent: Span) -> list[tuple[int, str]]:
    """(root token, text) of the sentence's dates and times that are not durations, made once. A
    date after "since" starts a period and dates nothing ("the first summit since 2018")."""
    known = memo(sent.doc, "times")
    if (found := known.get(sent.start)) is None:
        doc = sent.doc
        found = known[sent.start] = [(ent.root.i, ent.text) for ent in sentence_ents(sent)
                                     if ent.label_ in {"DATE", "TIME"} and not _DURATION.match(ent.text)
                                     and not _AGE.search(ent.text)
                                     and not (ent.start and doc[ent.start - 1].lower_ == "since")]
    return found


def _time(tokens: list[Token], sent: Span, reference: str | None, future: bool) -> TimeExpr | None:
    if found := _time_ents(sent):
        ids = {t.i for t in tokens}
        for root, text in found:
            if root in ids:
                return normalise(text, reference, future=future)
    for token in tokens:  # a weekday NER took for part of a name ("to Lima Monday")
        if token.lower_ in WEEKDAYS and token.ent_type_ not in {"DATE", "TIME"}:
            return normalise(token.text, reference, future=future)
    return None


def _content(verb: Token) -> str | None:
    """What a speaker said: the clausal complement, or the quotation around the verb."""
    comp = next((c for c in children(verb) if c.dep_ in {"ccomp", "parataxis"}), None)
    if comp is None:
        return None
    quoted = _quotation(verb, comp)
    if quoted is not None:  # '"We suffered, but we deserved it," Duarte said': all of the quotation
        return quoted
    # not the speaker's next act, which the parser joined to what was said ("..., and called on Z")
    own = next((c for c in children(comp) if (speech := reporter_conjunct(c)) is not None and speech.i == verb.i),
               None)
    cut = own.left_edge.i if own is not None else None
    while cut is not None and cut - 1 > comp.i and verb.doc[cut - 1].dep_ in {"cc", "punct"}:
        cut -= 1
    subtree = [t for t in comp.subtree if cut is None or t.i < cut]
    edges = {subtree[0].i, subtree[-1].i}
    toks = [t for t in subtree if not t.is_punct or t.i not in edges]
    if toks and toks[0].dep_ == "mark" and toks[0].lower_ == "that":
        toks = toks[1:]  # "said that talks would resume": what was said starts after "that"
    lead = next((c for c in children(comp) if c.dep_ == "prep" and c.i == toks[0].i == verb.i + 1 and c.lower_ == "on"),
                None) if toks else None
    if lead is not None and any(g.dep_ == "pobj" and temporal(g) for g in children(lead)) \
            and any(c.dep_ in _SUBJ_DEPS and c.i > lead.i for c in children(comp)):
        # "said on Tuesday it had agreed": the parser hangs the day on what was said; it says when
        toks = [t for t in toks if t.i > lead.right_edge.i]
    if toks and (stolen := _stolen_subject(comp)) is not None:
        toks = [*stolen.subtree, *toks]  # "reaffirmed the United States would continue ...": its subject too
    if toks and toks[0].i <= verb.i <= toks[-1].i:
        return None  # "a law that critics say will harm X": the speaker's words are not this clause
    text = verb.doc[toks[0].i:toks[-1].i + 1].text if toks else ""
    after = verb.doc[toks[-1].i + 1:toks[-1].i + 3].text if toks else ""
    return _balanced(text.strip(" \n\"'\u201c\u201d,"), text + after) or None  # a paragraph break is no part of it


def _balanced(stripped: str, text: str) -> str:
    """Quotation marks stripped from the ends of what was said, except one that closes a quotation
    opened inside it: 'the talks had been "frank and productive."' keeps its last mark."""
    for opening, closing in (('"', '"'), ("\u201c", "\u201d")):
        if opening == closing:
            unclosed = stripped.count(opening) % 2 == 1
        else:
            unclosed = stripped.count(opening) > stripped.count(closing)
        if unclosed and closing in text[len(text.rstrip(" \n,.\"\u201d")):]:
            return stripped + closing
    return stripped


def _undertaking(verb: Token) -> str | None:
    """What was agreed, promised or decided: "agreed to widen consultations on X"."""
    comp = next((c for c in children(verb) if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if comp is None:
        return None
    toks = [t for t in comp.subtree if not (t.dep_ == "aux" and t.lower_ == "to" and t.head == comp)]
    toks = [t for t in toks if not (t.is_punct and t.i == comp.right_edge.i)]
    return verb.doc[toks[0].i:toks[-1].i + 1].text.strip(" \n,") if toks else None


_QUOTES = {'"', "\u201c", "\u201d"}


def _quotation(verb: Token, comp: Token) -> str | None:
    """The quoted words the complement sits in, when the sentence quotes them whole."""
    sent = verb.sent
    marks = [t.i for t in sentence_tokens(sent) if t.text in _QUOTES]
    for open_, close in zip(marks[::2], marks[1::2]):
        if open_ < comp.i < close and not open_ < verb.i < close:
            text = verb.doc[open_ + 1:close].text.strip(" ,")
            return text or None
    return None


def _is_event_verb(verb: Token) -> bool:
    if verb.pos_ != "VERB" or _discussed_gerund(verb):
        return False
    if _is_participle_modifier(verb):
        return True
    if verb.dep_ in _NON_EVENT_DEPS and not _adverbial_gerund(verb):
        return False
    objects = [c for c in children(verb) if c.dep_ in _OBJ_DEPS]
    if verb.lemma_.lower() in lex.SUPPORT_VERBS and any(
            o.lower_ in lex.EVENT_NOUN_VERBS and o.pos_ != "PROPN" for o in objects):  # not "launch the X Dialogue"
        return False  # "held talks", "launched an attack": the noun's event says it all
    # "went to City Hall" is a movement; "going to decide" is not
    moved = verb.lemma_.lower() in lex.MOVE_VERBS and any(
        c.dep_ == "prep" and c.lower_ in {"to", "into"} and any(g.dep_ == "pobj" for g in children(c))
        for c in children(verb))
    return verb.lemma_.lower() not in lex.LIGHT_VERBS or bool(objects) or moved


# Prepositions whose gerund shares the clause's subject and tells when it acted: "X fled after
# killing Y"; "without" says it did not.
_TIME_PREPS = {"before", "after", "upon", "while", "since", "without"}


def _adverbial_gerund(verb: Token) -> bool:
    """"X spoke to reporters before meeting Y": a gerund after a time preposition on a verb; or
    the deed a verb of judgement is about ("jailed for killing Y")."""
    prep = verb.head
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and prep.head.pos_ in {"VERB", "AUX"} \
        and (prep.lower_ in _TIME_PREPS or judged_deed(verb))


def _verdict(gov: Token) -> bool:
    """A judgement that takes the deed as done: a verdict, a sentence, praise or a penalty
    ("convicted", "found guilty", "thanked", "fined"), not a charge ("arrested", "accused", "sued")."""
    return lemma(gov) in lex.VERDICT_HEADS or lemma(gov) in lex.SETTLED_JUDGEMENTS or _judged_as(gov, lex.VERDICT_HEADS)


def _judged_as(gov: Token, words: frozenset[str]) -> bool:
    """Whether the verb's complement is one of the words: "found guilty", "held responsible"."""
    return any(c.dep_ in {"oprd", "acomp"} and c.lower_ in words for c in children(gov))


def judged_deed(verb: Token) -> bool:
    """"X was jailed for killing Y", "convicted of murdering Y", "found guilty ... for killing Y",
    "praised Z for helping Y": a gerund that names the deed a verb of judgement is about."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.lower_ not in {"for", "of"}:
        return False
    gov = prep.head
    return lemma(gov) in lex.CHARGE_VERBS or lemma(gov) in lex.ACCUSATION_HEADS or _judged_as(gov, lex.ACCUSATION_HEADS)


def _discussed_gerund(verb: Token) -> bool:
    """"discussed advancing X and strengthening Y": what was talked about (the topics X and Y),
    not something done."""
    head = verb
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    return verb.tag_ == "VBG" and head.tag_ == "VBG" and head.dep_ in {"dobj", "xcomp"} \
        and lex.EVENT_TYPES.get(lemma(head.head)) in {"Discussion", "Meeting"}  # not "considered visiting X"


_NAMING = frozenset("know call dub name nickname title label brand".split())


def _is_participle_modifier(verb: Token) -> bool:
    """"X, killed in an attack by rebels": a past participle modifying a noun is a passive clause."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() not in lex.LIGHT_VERBS \
        and verb.lemma_.lower() not in _NAMING  # "X, better known by its acronym Y": a name, not an event


# Verbs whose passive participle still takes an object: "a soldier awarded a medal".
_TWO_OBJECT_VERBS = frozenset("give award grant offer hand deny promise send show tell pay charge fine teach ask "
                              "allow lend owe sell assign sentence bar ban spare".split())


def _takes_object(participle: Token) -> bool:
    """A past participle with a direct object, which no passive of a one-object verb has."""
    return lemma(participle) not in _TWO_OBJECT_VERBS and any(c.dep_ == "dobj" for c in children(participle))


def _set_off_participle(verb: Token) -> list[Token] | None:
    """"X, killed in an attack in Tarija, was buried on Monday": the parser makes the participle
    the main verb, with X its subject; but a past participle set off by a comma, with no
    auxiliary and no object, is a passive said of X. X's heads, or None when it is no such clause."""
    if verb.tag_ != "VBN" or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    kids = children(verb)
    if any(c.dep_ in _OBJ_DEPS | {"aux", "auxpass", "mark", "cc"} for c in kids):
        return None
    # the real predicate follows the closing comma, joined to the participle with no "and"
    if not any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and verb.doc[c.left_edge.i - 1].text == ","
               and any(g.dep_ in {"aux", "auxpass"} for g in children(c)) for c in kids):
        return None
    subjects = [c for c in kids if c.dep_ in _SUBJ_DEPS and c.i < verb.i]
    return subjects or None


def _bare_participle(verb: Token) -> list[Token] | None:
    """"carried the coffins of A and B, killed in an attack", "Wounded in the blast, two soldiers
    were taken": a past participle with no subject, auxiliary or subordinator of its own, hung on
    the main verb, is a passive clause about the noun just before its comma, or, when it opens the
    sentence, about the main clause's subject. Its patients' heads ([] when no noun qualifies), or
    None when it is no such clause."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.lemma_.lower() in lex.LIGHT_VERBS | _NAMING:
        return None
    if any(c.dep_ in _SUBJ_DEPS | _PASSIVE_SUBJ_DEPS | {"aux", "auxpass", "mark", "agent"} for c in children(verb)):
        return None  # its own subject, "having killed", "as envisioned", or a by-phrase (handled as such)
    doc, head = verb.doc, verb.head
    if verb.i < head.i:
        return [c for c in children(head) if c.dep_ in _SUBJ_DEPS | _PASSIVE_SUBJ_DEPS]
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return []  # a passive with no noun it is said of: no patient, so no event
    noun = doc[verb.i - 2]
    while noun.dep_ == "conj" and noun.head != noun:  # "A and B, killed": the list's first member
        noun = noun.head
    # A place before the comma is more often where the clause's real subject was ("found the
    # boats on X Island, parked with no crew") than what the participle is about.
    return [noun] if noun.pos_ in {"PROPN", "NOUN"} and noun.ent_type_ not in {"GPE", "LOC", "FAC"} else []


def _verbless(sent: Span) -> bool:
    return sent.root.pos_ not in {"VERB", "AUX"}


_COMPLEX_PREP_NOUNS = {"connection", "response", "addition", "order", "accordance", "line", "relation", "reference",
                       "spite", "view", "light", "favour", "favor", "behalf", "charge"}


def _oblique(verb: Token, index: MentionIndex) -> tuple[str, Mention] | None:
    """The first prepositional complement of the verb that is not a time: ("in", Mosul)."""
    for prep in (c for c in children(verb) if c.dep_ == "prep" and c.lower_ not in {"by", "according"}):
        obj = next((g for g in children(prep) if g.dep_ == "pobj"), None)
        if obj is None or obj.ent_type_ in _TEMPORAL_ENTS or obj.lower_ in _COMPLEX_PREP_NOUNS:
            continue  # "in connection with X", "in response to X": no complement of the verb
        found = [m for m in arg_mentions(obj, index) if m.kind != ANAPHOR]
        if found:
            return prep.lower_, found[0]
    return None


def _destination(verb: Token, lem: str, index: MentionIndex) -> tuple[str, Mention] | None:
    """Where a movement with an object ends: "sent troops to Chad" ("to", Chad), "fled Chad for
    Niger" ("for", Niger), or who got what was given ("paid $5 million to X"); None for other
    verbs, or when the phrase names no place."""
    if lem in lex.GIVE_VERBS:  # "paid $5 million to the family": to whom
        return next((("to", m) for prep in children(verb) if prep.dep_ in {"prep", "dative"} and prep.lower_ == "to"
                     for obj in children(prep) if obj.dep_ == "pobj" for m in arg_mentions(obj, index)
                     if m.kind != ANAPHOR), None)  # (the oblique is not resolved: "to him" is nobody)
    preps = {"to", "into"} if lem in lex.SEND_VERBS else {"to", "for"} if lem in lex.LEAVE_VERBS else set()
    for prep in (c for c in children(verb) if c.dep_ in {"prep", "dative"} and c.lower_ in preps):
        for obj in (g for g in children(prep) if g.dep_ == "pobj"):
            m = index.at(obj)
            # the model may type a city as an organisation ("for Harare"); the gazetteer knows it
            if m is not None and (m.kind in {PLACE, COUNTRY} or m.kind != PERSON and is_known_place(m.name)):
                return prep.lower_, m
    return None


def sentence_events(sent: Span, record: Sentence, index: MentionIndex, *, reference: str | None) -> Iterator[Event]:
    """One Event per event verb of the sentence, with its arguments as mentions."""
    shared: dict[int, tuple[Mention | None, TimeExpr | None]] = {}
    settings: dict[int, tuple[Mention | None, TimeExpr | None]] = {}  # gathering noun -> where, when
    for verb in sentence_tokens(sent):
        if not _is_event_verb(verb):
            continue
        relation = _relation(verb)
        by_phrase = any(c.dep_ == "agent" for c in children(verb))
        if _is_participle_modifier(verb) and not by_phrase and (_verbless(sent) or _takes_object(verb)):
            # "A and his counterparts, including B, engaged in talks": the parser found no main verb
            # and hung the real one on the nearest noun; the sentence's root phrase is its subject.
            # "Government airstrikes killed 14 civilians, workers said": a participle with a direct
            # object is the noun's own past-tense verb, which the parser hung on it.
            subj_heads = [sent.root] if _verbless(sent) else [verb.head]
            passive, obj_heads = False, _object_heads(verb, False)
        elif _is_participle_modifier(verb):
            subj_heads, passive = _by_agents(verb), True
            obj_heads = [verb.head]
        elif (patient_heads := _bare_participle(verb)) is not None:
            subj_heads, passive, obj_heads = [], True, patient_heads
        elif (patient_heads := _set_off_participle(verb)) is not None:
            subj_heads, passive, obj_heads = _by_agents(verb), True, patient_heads
        else:
            subj_heads, passive = _subject_heads(verb)
            obj_heads = _object_heads(verb, passive)
            by = _by_agents(verb)
            if by and not passive and verb.tag_ == "VBN" \
                    and not any(c.dep_ in _SUBJ_DEPS | _PASSIVE_SUBJ_DEPS for c in children(verb)):
                # "X was in Geneva, joined by Y": a participle with a by-phrase is passive; the
                # subject it inherits is its patient, unless a subordinator makes it a comment on
                # the clause ("X deepened ties, as envisioned by Y")
                marked = any(c.dep_ == "mark" for c in children(verb))
                subj_heads, obj_heads = by, ([] if marked else subj_heads)
        agents = _dedupe(m for h in subj_heads for m in arg_mentions(h, index))
        lem = lemma(verb)
        patients, topics = [], []
        if lem in lex.TOPIC_VERBS and not any(_sum(h) for h in obj_heads):  # "raised $2 million": no topic
            # "talked to/with X" names a party; "discussed X", "talked about X" a topic.
            parties = [h for h in obj_heads if h.dep_ == "pobj" and h.head.lower_ not in _TOPIC_PREPS
                       or lem == "address" and _audience(h, index)]  # "addressed the assembly": whom, not what
            # "discussed trade with X": X took part, whatever was discussed
            withs = [g for c in children(verb) if c.dep_ == "prep" and c.lower_ == "with"
                     for g in children(c) if g.dep_ == "pobj" and g not in parties]
            if lem != "talk" and " " not in relation and any(
                    m.kind != "concept" for h in withs for m in arg_mentions(h, index)):
                relation = f"{relation} with"  # not "With concerted efforts, both underscored ..."
            parties += withs
            patients += [m for h in parties for m in arg_mentions(h, index) if m.kind != "concept"]
            for head in [h for h in obj_heads if h not in parties] + [
                    c for c in children(verb) if c.dep_ == "conj" and c.tag_ == "VBG"
                    and not any(g.dep_ in _SUBJ_DEPS for g in children(c))]:
                topics += topic_mentions(head, index)
            if all(_generic(t) for t in topics) and (topics or not parties):  # not "addressed reporters on X"
                topics = _purpose_topics(verb, index) or topics
        else:
            direct = {c.i for c in children(verb)} | ({verb.head.i} if passive else set())
            if (phrasal := _phrasal_prep(verb)) is not None:  # "called on the government": its argument
                direct |= {g.i for c in children(verb) if c.dep_ == "prep" and c.lower_ == phrasal
                           for g in children(c) if g.dep_ == "pobj"}
            if lem in lex.MOVE_VERBS and any(h.dep_ == "pobj" and h.head.lower_ in {"to", "into"} for h in obj_heads):
                # "flew from Lima to Quito": the destination is the object, not where the trip began
                obj_heads = [h for h in obj_heads if not (h.dep_ == "pobj" and h.head.lower_ == "from")]
            for h in obj_heads:
                found = arg_mentions(h, index)
                # A prepositional object is a participant only when it names someone or something:
                # "on the sidelines", "in an effort" are circumstances.
                patients += found if h.i in direct or h.dep_ != "pobj" else [
                    m for m in found if m.kind != "concept" and not m.name.startswith("body:")]
        if not agents and not (passive and patients):
            continue  # no participant: nothing a reader would record
        if patients and " " not in relation and lem not in lex.TOPIC_VERBS \
                and all(h.dep_ == "pobj" and h.head.lower_ == "from" for h in obj_heads):
            relation = f"{relation} from"  # "joined from Valencia": where from, not whom
        elif patients and " " not in relation and lem in lex.MOVE_VERBS and lem != "visit" \
                and all(h.dep_ == "pobj" and h.head.lower_ in {"to", "into"} for h in obj_heads):
            relation = f"{relation} {obj_heads[0].head.lower_}"  # "headed to X": where to (not "heads X")
        for prep_or_obj in (c for c in children(verb) if c.dep_ in _OBJ_DEPS | {"prep"}):
            target = next((g for g in children(prep_or_obj) if g.dep_ == "pobj"), prep_or_obj)
            topics += nominal_topics(target, index)
        tokens = clause_tokens(verb)
        factuality = _factuality(verb)
        place = _place(verb, tokens, index)
        # (not a date in an apposition to a participant: "X, runner-up in the May 3 election, was arrested")
        apposed = {t.i for h in [*subj_heads, *obj_heads] for c in children(h) if c.dep_ == "appos"
                   for t in c.subtree}
        time = _time([t for t in tokens if t.i not in apposed], sent, reference, factuality == PLANNED)
        if place is None and time is None and verb.dep_ in {"advcl", "conj"} and verb.head.i in shared:
            place, time = shared[verb.head.i]  # a participial adjunct shares its clause's setting
        if place is None and time is None:
            # "Arriving in Quito on Monday, X met Y": a leading participle's setting is its clause's
            place, time = next((shared[c.i] for c in children(verb) if c.dep_ == "advcl" and c.i < verb.i
                                and c.tag_ in {"VBG", "VBN"} and c.i in shared
                                and not any(g.dep_ in _SUBJ_DEPS or g.dep_ == "mark" for g in children(c))),
                               (None, None))
        for head in [*subj_heads, *obj_heads]:  # "The talks, which took place in Tarija, were attended by X"
            if head.i in settings:
                place, time = place or settings[head.i][0], time or settings[head.i][1]
        if verb.dep_ in {"relcl", "acl"} and verb.head.lower_ in lex.GATHERING_NOUNS:
            settings[verb.head.i] = (place, time)
        # "flew to Brussels to meet X": where a journey ends is where its purpose is carried out
        destination = next((m for m in patients if m.kind in {PLACE, COUNTRY}), None) \
            if place is None and lem in lex.MOVE_VERBS else None
        shared[verb.i] = (place or destination, time)
        content = _content(verb) if lem in lex.SAY_VERBS or lem in lex.FINDING_VERBS and _finding(verb) \
            else _undertaking(verb) if lem in lex.COMMITMENT_VERBS else None
        if content and lem == "say":  # "X killed 12, police said, the deadliest raid": what was said is the clause
            patients = [p for p in patients if p.kind != "concept"]
        # a speech verb's complement is where or how it was said ("said in a statement", "added
        # a second after halftime"), not what: no open-IE fact
        oblique = _oblique(verb, index) if not (patients and agents) and not topics and not content \
            and lem not in lex.SAY_VERBS else _destination(verb, lem, index) if patients and agents else None
        yield Event(relation=relation, event_type=lex.EVENT_TYPES.get(relation.replace(" ", "_"), lex.EVENT_TYPES.get(lem)),
                    trigger=verb.text,
                    start=verb.idx, end=verb.idx + len(verb), sentence=record,
                    agents=tuple(agents), patients=tuple(_dedupe(patients)), topics=tuple(_dedupe(topics)),
                    place=place, time=time, factuality=factuality, content=content,
                    oblique=oblique[1] if oblique else None, oblique_prep=oblique[0] if oblique else None,
                    passive=passive and not agents)


_AUDIENCE_NOUNS = lex.PEOPLE_NOUNS | lex.BODY_NAME_HEADS | lex.GATHERING_NOUNS | {"audience", "audiences", "nation"}


def _audience(head: Token, index: MentionIndex) -> bool:
    """Whether the object of "address" is who was spoken to (people, a body, a gathering)."""
    if head.dep_ != "dobj":
        return False
    mention = index.at(head)
    return mention is not None and mention.kind in {PERSON, ORGANIZATION} or head.lower_ in _AUDIENCE_NOUNS


def _dedupe(mentions) -> list[Mention]:
    seen, out = set(), []
    for m in mentions:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out
