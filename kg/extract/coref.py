"""Coreference inside one article: pronouns, pair nouns and title references to earlier names.

Deliberately conservative: an anaphor with no clear antecedent stays unresolved and its fact is
dropped, since a wrong link is worse for a knowledge graph than a missing one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.extract.clauses import ANAPHOR
from kg.extract.lexicon import (BODY_NAME_HEADS, COMPANY_ANAPHORS, PAIR_NOUNS, PEOPLE_NOUNS, PERSON_NOUNS,
                                  PERSONAL_PLURAL, PERSONAL_SINGULAR, SAY_VERBS, TALK_EVENTS)
from kg.extract.tokens import sentence_tokens
from kg.types import CONCEPT, COUNTRY, GROUP, ORGANIZATION, OTHER, PERSON, Event, Mention

_STATE_WORDS = {"sides", "countries", "nations", "states"}


class Antecedents:
    """What has been mentioned so far in the article, in reading order."""

    def __init__(self, quoted: list[tuple[int, int]] | None = None) -> None:
        self.persons: list[Mention] = []  # persons seen as agents: preferred antecedents
        self.named: list[Mention] = []  # every person mention
        self.groups: list[tuple[Mention, ...]] = []  # agents of events with two or more named persons
        self.country_groups: list[tuple[Mention, ...]] = []  # two or more countries in one event
        self.described: list[Mention] = []  # agents named by a common noun for one person ("a young man")
        self.current: list[Mention] = []  # the persons named in the sentence being read
        self.quoted = quoted or []  # character ranges of quotations, in order (`quoted_ranges`)
        self.bodies: list[tuple[int, Mention]] = []  # (sentence, organisation or group) seen as agents
        self.sentence = 0  # how many sentences have been read
        self.person_names: set[str] = set()  # the names and surnames of the persons named so far
        self.sent: Span | None = None  # the sentence being read
        self.speaker: tuple[int, Mention, int] | None = None  # the last thing said: sentence, person, its end
        self.sentence_start = -1  # where the current sentence begins
        self.last_subject: Mention | None = None  # the person the sentence read last was about
        self.topic: Mention | None = None  # the person the previous sentence was about

    def observe(self, event: Event) -> None:
        persons = [m for m in event.agents if m.kind == PERSON]
        self.persons += persons
        if event.relation.split()[0] in SAY_VERBS and persons and not _inside(self.quoted, event.start):
            # who spoke (not someone a quotation says spoke), and where that sentence ends
            self.speaker = (self.sentence, persons[-1], event.sentence.end)
        self.bodies += [(self.sentence, m) for m in event.agents if m.kind in {ORGANIZATION, GROUP, OTHER}]
        self.described += [m for m in event.agents if m.kind == CONCEPT and m.name.split()
                           and m.name.split()[-1].lower() in PERSON_NOUNS]
        # a name NER left untyped acting beside a person is one of the group ("A and B met")
        party = [m for m in event.agents if m.kind == PERSON or m.kind == OTHER and persons]
        if event.event_type in TALK_EVENTS:
            # "A held a call with B ... The two leaders agreed": the pair is everyone who took part
            party += [m for m in event.patients if m.kind == PERSON]
        if len(party) >= 2:
            self.groups.append(tuple(party))
        countries = list({m.name: m for m in [*event.agents, *event.patients] if m.kind == COUNTRY}.values())
        if len(countries) >= 2:  # "talks between Chile and Peru ... the two sides"
            self.country_groups.append(tuple(countries))

    def known_people(self, mentions: list[Mention]) -> list[Mention]:
        """The sentence's mentions, with a person's surname or name that NER typed otherwise ("Mwale
        said" after "Energy Minister Joseph Mwale") typed as the person it names. Remembers the
        sentence's persons for the next ones."""
        out = [replace(m, kind=PERSON) if m.kind in {OTHER, ORGANIZATION} and m.name in self.person_names else m
               for m in mentions]
        for m in out:
            if m.kind == PERSON and len(words := m.name.split()) > 1:  # a full name, not a lone word
                self.person_names.update((m.name, words[-1]))
        return out

    def begin_sentence(self, mentions: list[Mention], sent: Span | None = None) -> None:
        self.current = [m for m in mentions if m.kind == PERSON]
        self.sent = sent
        self.sentence += 1
        self.sentence_start = sent.start_char if sent is not None else -1
        self.topic, self.last_subject = self.last_subject, None

    def end_sentence(self, subject: Mention | None, token: Token | None = None) -> None:
        """The person the sentence's main clause is about, if its subject (`token`) names one; a
        subject that is one person named by a common noun ("A fourth suspect is still sought") is
        remembered as such: a "he" after it may be that person, not the last one named."""
        self.last_subject = subject if subject is not None and subject.kind == PERSON else None
        if subject is None and token is not None and token.tag_ == "NN" and token.lower_ in PERSON_NOUNS:
            self.described.append(Mention(text=token.text, start=token.idx, end=token.idx + len(token.text),
                                          kind=CONCEPT, name=token.lower_))

    def observe_mentions(self, mentions: list[Mention]) -> None:
        self.named += [m for m in mentions if m.kind == PERSON]

    def resolve(self, m: Mention, *, before: int) -> list[Mention]:
        """The mentions an anaphor stands for; [] when unresolved."""
        if m.kind != ANAPHOR:
            return [m]
        if m.name in PERSONAL_PLURAL and _inside(self.quoted, m.start):
            return []  # '"They are selling our water," she said': the speaker's "they", not the writer's
        earlier = [p for p in self.persons if p.start < before] or [p for p in self.named if p.start < before]
        if m.name in PERSONAL_SINGULAR:
            if m.start == self.sentence_start and m.name in {"he", "she"} and self.topic is not None:
                # "X, runner-up to Y, was arrested in Z. He was then flown to W": a sentence that opens
                # with "he" goes on about whom the one before was about, active or passive
                return [self.topic]
            described = [d for d in self.described if d.start < before and _may_be(m.name, d)]
            if described and (not earlier or described[-1].start > earlier[-1].start):
                return []  # "A young man ran as he shouted": not the last person named
            return earlier[-1:]
        if m.name == "pair" and m.text.lower() in _STATE_WORDS:
            # "the two sides", "both countries": two states named together, never two people
            return list(self.country_groups[-1]) if self.country_groups else [replace(m, kind=CONCEPT, name=m.text)]
        if m.name in PERSONAL_PLURAL or m.name == "pair":
            group = self._plural(before, pronoun=m.name in PERSONAL_PLURAL)
            if not group and m.name == "pair" and m.text.lower() not in PAIR_NOUNS:
                # "the two delegations" with no pair named before: still the delegations
                return [replace(m, kind=CONCEPT, name=m.text)]
            return group
        if m.name.startswith("body:"):
            return self._body(m, before)
        if m.name.startswith("title:"):
            word = m.name.split(":", 1)[1]
            titled = [p for p in self.named if p.start < before and p.title and word in p.title.lower().split()]
            return titled[-1:]
        return []

    def quoting(self, m: Mention, *, within: int = 3) -> list[Mention]:
        """'"...," he added' in a sentence that opens with or inside a quotation: "he" is whoever spoke
        last, if that was in the last three sentences (not a person named inside the quotation)."""
        if m.kind != ANAPHOR or m.name not in {"he", "she"} or self.speaker is None or self.sent is None:
            return []
        sentence, person, end = self.speaker
        text = self.sent.text
        first = self.sent.start_char + len(text) - len(text.lstrip())  # where the sentence's words begin
        # (quotation marks in news do not always pair up: one opening the sentence is enough)
        opens = text.lstrip()[:1] in _OPENING_QUOTES or _inside(self.quoted, first)
        quoted = opens and not _inside(self.quoted, m.start)
        # someone else named since, outside quotations ("That view is echoed by Y. '...,' he said"): Y
        newcomer = any(end <= p.start < m.start and not _same_name(p, person) and not _inside(self.quoted, p.start)
                       for p in self.named)
        return [person] if quoted and not newcomer and self.sentence - sentence <= within else []

    def _crowds(self) -> list[Token]:
        """Where the sentence being read names people by a plural common noun ("journalists")."""
        return [] if self.sent is None else [t for t in sentence_tokens(self.sent)
                                             if t.tag_ == "NNS" and t.lower_ in PEOPLE_NOUNS]

    def _body(self, m: Mention, before: int, *, within: int = 3) -> list[Mention]:
        """"the company", "the ministry": the last organisation that acted in the last few sentences
        and is of that sort (a company is no public body; a ministry's name says "Ministry"), else
        the common noun itself."""
        word = m.name.split(":", 1)[1]
        for sentence, body in reversed(self.bodies):
            if self.sentence - sentence > within:
                break
            words = body.name.lower().split()
            # (a one-word name NER left untyped may be a company: "Orbitra launched ... the company said")
            fits = word in words or word in COMPANY_ANAPHORS and (
                body.kind == ORGANIZATION or body.kind == OTHER and len(words) == 1) and not (
                set(words) & BODY_NAME_HEADS) or word == "group" and body.kind == GROUP
            if body.start < before and fits:
                return [body]
        return [replace(m, kind=CONCEPT, name=m.text)]

    def _plural(self, before: int, *, pronoun: bool = False) -> list[Mention]:
        """"they", "their", "the two": two or more people named earlier in the sentence ("A and B
        arrived for their meeting"), else the last group that acted together, unless other people
        have been named since (then it is anyone's guess)."""
        here = [p for p in self.current if p.start < before]
        if len(here) >= 2:
            return here
        if not self.groups:
            return []
        group = self.groups[-1]
        since = max(g.start for g in group)
        others = {p.name for p in self.named if since < p.start < before and not any(_same_name(p, g) for g in group)}
        # "accused X of jailing journalists and urged Y to release them": "they" may be the people
        # named by a plural earlier in its sentence
        crowd = pronoun and any(since < t.idx < before for t in self._crowds())
        return [] if len(others) >= 2 or crowd else list(group)


_FEMALE = {"woman", "girl", "mother", "daughter", "wife", "sister"}
_MALE = {"man", "boy", "father", "son", "husband", "brother"}


def _may_be(pronoun: str, noun: Mention) -> bool:
    """Can "he" or "she" stand for this person noun ("his wife" is no "he")?"""
    word = noun.name.split()[-1].lower()
    return not (pronoun in {"he", "him", "his"} and word in _FEMALE or pronoun in {"she", "her"} and word in _MALE)


def _same_name(a: Mention, b: Mention) -> bool:
    """"Berg" and "Tom Berg" (a surname and its full name) name the same person here."""
    return a.name == b.name or a.name.endswith(" " + b.name) or b.name.endswith(" " + a.name)


def resolve_event(event: Event, antecedents: Antecedents) -> Event | None:
    """The event with anaphoric agents and patients replaced; None when no participant is left."""
    agents = [r for m in event.agents for r in (antecedents.quoting(m) or antecedents.resolve(m, before=m.start))]
    # "X called him": a pronoun object is never the clause's own subject (that takes "himself").
    patients = [r for m in event.patients for r in antecedents.resolve(m, before=m.start)
                if m.kind != ANAPHOR or not any(_same_name(r, a) for a in agents)]
    topics = [r for m in event.topics for r in antecedents.resolve(m, before=m.start)]
    if not agents and not patients:
        return None
    return replace(event, agents=tuple(agents), patients=tuple(patients), topics=tuple(topics))


_OPENING_QUOTES = {'"', "\u201c"}
_QUOTATION = re.compile("[\"\u201c][^\"\u201d\n]*[\"\u201d]?")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """The character ranges inside quotation marks, in order: curly pairs, and straight ones
    taken in turn (an unclosed quotation runs to the end of its paragraph)."""
    return [m.span() for m in _QUOTATION.finditer(text)]


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(ranges, (offset, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]
