"""The extract stage: one spaCy Doc and its Article in, mentions, events and facts out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc

from kg.extract.clauses import ANAPHOR, MentionIndex, sentence_events
from kg.extract.coref import Antecedents, quoted_ranges, resolve_event
from kg.extract.lexicon import (ACTOR_NOUNS, ATTACK_NOUNS, DEATH_VERBS, EVENT_NOUN_VERBS, HARM_VERBS,
                                  PASSIVE_EVENT_VERBS, ROLE_NOUNS, SYMMETRIC, TALK_EVENTS, TITLE_HEADS, UNARY_EVENT_TYPES,
                                  UNARY_EVENT_VERBS, participle)
from kg.extract.mentions import sentence_mentions
from kg.extract.nominal import encounter_setting, nominal_events
from kg.extract.roles import HOLDS_OFFICE, description_facts, role_facts
from kg.extract.static import static_facts
from kg.extract.tokens import children, doc_text, release
from kg.types import CONCEPT, PERSON, Article, ArticleExtraction, Event, Fact, Mention, Sentence, TimeExpr

DISCUSS = "discuss"
# Symmetric relations that take their partner as a direct object: "A met B"; the others are
# "A talked with B", "A agreed with B".
DIRECT_SYMMETRIC = {"meet"}


def extract(doc: Doc, article: Article) -> ArticleExtraction:
    """Mentions, events and facts of one article, each traced to its sentence."""
    sentences, mentions, events, facts = [], [], [], []
    whole = doc_text(doc, article.text)
    antecedents = Antecedents(quoted_ranges(whole))
    setting = _Setting()
    for i, sent in enumerate(doc.sents):
        start, end = sent.start_char, sent.end_char
        # sent.text, sliced rather than made again from its tokens; a paragraph break belongs to no sentence
        text = whole[start:end].rstrip()
        if not text.strip() or _excluded(article, start, end):
            continue
        record = Sentence(index=i, start=start, end=start + len(text), text=text)
        index = MentionIndex(antecedents.known_people(sentence_mentions(sent)))
        # titles first: a name with a title before it is a person's, whatever NER made of it
        roles = list(role_facts(sent, record, index))
        if typed := _holders_typed(index.mentions, roles):
            index = MentionIndex(typed)
        sentences.append(record)
        mentions += index.mentions
        antecedents.begin_sentence(index.mentions, sent)
        found = list(sentence_events(sent, record, index, reference=article.date))
        found += nominal_events(sent, record, index, reference=article.date)
        for event in sorted(found, key=lambda e: e.start):
            resolved = resolve_event(event, antecedents)
            if resolved is None:
                continue
            resolved = setting.fill(resolved)
            antecedents.observe(resolved)
            events.append(resolved)
            facts += event_facts(resolved)
        antecedents.observe_mentions(index.mentions)
        subject = next((c for c in children(sent.root) if c.dep_ in {"nsubj", "nsubjpass"}), None)
        antecedents.end_sentence(index.at(subject) if subject is not None else None, subject)
        setting.observe(record.index, *encounter_setting(sent, index, reference=article.date))
        facts += roles
        facts += description_facts(sent, record, index)
        facts += static_facts(sent, record, index)
    release(doc)
    return ArticleExtraction(article=article, sentences=tuple(sentences), mentions=tuple(mentions),
                             events=tuple(events), facts=tuple(f for f in _unique(facts) if _worth_recording(f)))


class _Setting:
    """Where and when the last meeting was: news gives them once, in the lead ("officials held
    talks in Geneva on Monday"), and the next sentence tells who took part ("X and Y engaged with
    ..."). A meeting, talk or call with no place or time of its own takes them from one in the
    same or the previous sentence."""

    def __init__(self) -> None:
        self.sentence = -2
        self.place: Mention | None = None
        self.time: TimeExpr | None = None

    def fill(self, event: Event) -> Event:
        if event.event_type not in TALK_EVENTS:
            return event
        index = event.sentence.index
        if index - self.sentence <= 1 and (event.place is None or event.time is None) \
                and not _new_scene(event.sentence):
            event = replace(event, place=event.place or self.place, time=event.time or self.time)
        self.observe(index, event.place, event.time)
        return event

    def observe(self, sentence: int, place: Mention | None, time: TimeExpr | None) -> None:
        if place is not None or time is not None:
            self.sentence, self.place, self.time = sentence, place, time


# Words that open a sentence about another occasion: "Earlier in the day, X met Y".
_SCENE_SHIFTS = {"earlier", "later", "separately", "meanwhile", "elsewhere", "previously", "afterwards", "afterward"}


def _new_scene(sentence: Sentence) -> bool:
    words = sentence.text.split(maxsplit=1)
    return bool(words) and words[0].strip(",").lower() in _SCENE_SHIFTS


def event_facts(event: Event) -> Iterator[Fact]:
    """Binary facts of an n-ary event: every agent with every patient, topic or co-agent.

    An event with no object gives facts in the open-IE form (subject, verb + preposition,
    complement): "died in Tarija" -> (X, die in, Tarija); an agentless passive has its patient as
    subject: "X was killed in an airstrike" -> (X, be killed in, airstrike).
    """
    common = dict(sentence=event.sentence, factuality=event.factuality, event=event)
    verb = event.relation.split()[0]
    if event.passive:
        nominal = event.trigger.lower() in EVENT_NOUN_VERBS  # "Hale's killing": told as "be killed"
        relation = f"be {participle(verb) if nominal else event.trigger.lower()}" + _dead(event)
        for patient in (p for p in event.patients if p.kind != ANAPHOR):
            yield from _oblique_fact(patient, relation, event, common, unary=verb in PASSIVE_EVENT_VERBS)
        return
    agents = [a for a in event.agents if a.kind != ANAPHOR]
    if (verb in DEATH_VERBS or event.relation.endswith(" dead")) and agents:
        # "Zambian forces killed Omar Tembo": he is dead, a fact of its own, as when no killer is
        # named ("Omar Tembo was killed")
        for patient in (p for p in event.patients if p.kind != ANAPHOR):
            yield from _oblique_fact(patient, f"be {participle(verb)}" + _dead(event), event, common, unary=True)
    for agent in agents:
        for patient in event.patients:
            if patient.kind != ANAPHOR and (patient.start, patient.end) != (agent.start, agent.end):
                yield Fact(subject=agent, relation=event.relation, object=patient, **common)
        if event.patients and event.oblique is not None:  # "sent troops to Chad": (agent, send to, Chad)
            yield Fact(subject=agent, relation=f"{verb} {event.oblique_prep}", object=event.oblique, **common)
        for topic in event.topics:
            # An agent and a topic stand in a discussion, whatever verb carried it.
            talks = event.event_type in TALK_EVENTS
            relation = DISCUSS if talks else f"{event.relation} about"
            yield Fact(subject=agent, relation=relation, object=topic, **common)
        if event.content:  # '"...," X told reporters': what was said, whoever heard it
            yield Fact(subject=agent, relation=event.relation, object=None, content=event.content, **common)
    named = [a for a in agents if a.kind != CONCEPT]
    if not event.patients and event.relation.split()[0] in SYMMETRIC and len(named) > 1:
        # "A and B met (to discuss C)": they met each other; "A and B discussed C": with each other
        relation = event.relation if event.relation in DIRECT_SYMMETRIC else f"{event.relation} with"
        for i, a in enumerate(named):
            for b in named[i + 1:]:
                yield Fact(subject=a, relation=relation, object=b, **common)
        return
    if event.patients or event.topics or event.content:
        return
    unary = event.event_type in UNARY_EVENT_TYPES or verb in UNARY_EVENT_VERBS
    for agent in agents:
        yield from _oblique_fact(agent, event.relation, event, common, unary=unary)


def _dead(event: Event) -> str:
    """" dead" for "shot dead", told in the passive ("be shot dead"); else nothing."""
    return " dead" if event.relation.endswith(" dead") else ""


def _oblique_fact(subject, relation: str, event: Event, common: dict, *, unary: bool) -> Iterator[Fact]:
    """(subject, relation + preposition, complement); with no complement, (subject, relation) alone
    when the event is one a reader records by itself ("X died", "X was arrested"), else nothing:
    the event records it."""
    if event.oblique is not None and (event.oblique.start, event.oblique.end) != (subject.start, subject.end):
        phrasal = relation.split()[-1] == event.oblique_prep  # "call on": the preposition is there already
        yield Fact(subject=subject, relation=relation if phrasal else f"{relation} {event.oblique_prep}",
                   object=event.oblique, **common)
    elif unary:
        yield Fact(subject=subject, relation=relation, object=None, **common)


def _holders_typed(mentions: list[Mention], roles: list[Fact]) -> list[Mention] | None:
    """The sentence's mentions with the names that hold a title typed as persons: NER may take
    "chief executive Nadia Okafor" for an organisation, and then neither would she sign what she
    signed nor would "Okafor", later, be bound to her. None when nothing changes."""
    held = {(f.subject.start, f.subject.end) for f in roles if f.relation == HOLDS_OFFICE and f.subject.kind == PERSON}
    if not any(m.kind != PERSON and (m.start, m.end) in held for m in mentions):
        return None
    return [replace(m, kind=PERSON) if m.kind != PERSON and (m.start, m.end) in held else m for m in mentions]


def _worth_recording(fact: Fact) -> bool:
    """A fact about a thing that cannot act ("ways breach codes", "leverage forestalls votes") is
    noise; a common-noun subject must name people or a body of people ("police", "officials")."""
    subject = fact.subject
    if subject.kind != CONCEPT:
        return True
    head = subject.name.split()[-1].lower() if subject.name.split() else ""
    if head in ATTACK_NOUNS:  # "missiles hit the convoy", not "airstrikes figure in minds"
        words = fact.relation.split()
        return (words[1] if words[0] == "be" and len(words) > 1 else words[0]) in HARM_VERBS
    return head in ACTOR_NOUNS or _person_noun(head)


# Titles that are also common nouns of another sense ("equal justice", "in general", "the head").
_NOT_ALWAYS_PEOPLE = {"justice", "general", "major", "chair", "head", "speaker", "marshal", "representative",
                      "king", "queen", "lady", "lord", "sir", "dame"}


_PEOPLE = (ROLE_NOUNS | TITLE_HEADS) - _NOT_ALWAYS_PEOPLE


def _person_noun(word: str) -> bool:
    """A profession or title, singular or plural: "astronomers", "coaches", "spokesmen"."""
    return word in _PEOPLE or word.endswith("s") and (word[:-1] in _PEOPLE or word.endswith("es") and word[:-2] in _PEOPLE) \
        or word.endswith("men") and word[:-3] + "man" in _PEOPLE


def _excluded(article: Article, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in article.excluded)


def _unique(facts: list[Fact]) -> list[Fact]:
    seen, out = set(), []
    for f in facts:
        key = (f.subject.start, f.subject.end, f.relation, f.object and (f.object.start, f.object.end),
               f.content, f.sentence.index)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
