"""Events named by nouns: "the minister's visit to Lima", "the meeting between X and Y",
"Chilean airstrikes on Arica", "talks with", "Hale's killing"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract import lexicon as lex
from kg.extract.clauses import (ANAPHOR, MentionIndex, _by_agents, _dedupe, _factuality, _subject_heads, _time,
                                arg_mentions, clause_tokens, lemma, nominal_topics, object_negated, temporal)
from kg.extract.tokens import children, sentence_tokens, subtree_where
from kg.timex import WEEKDAYS
from kg.types import (ASSERTED, COUNTRY, GROUP, NEGATED, ORGANIZATION, PERSON, PLACE, REPORTED, Event, Mention,
                      Sentence, TimeExpr)

_MODIFIER_DEPS = {"poss", "compound", "amod", "nmod"}
_ACTOR_KINDS = {PERSON, ORGANIZATION, COUNTRY, GROUP}


def _named(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.kind not in {"concept"}]


def _roles(noun: Token, index: MentionIndex) -> tuple[list[Mention], list[Mention], Mention | None]:
    """(agents, patients, place) of an event noun from its own modifiers and prepositions."""
    victim = noun.lower_ in lex.VICTIM_NOUNS
    died = noun.lower_ in {"death", "deaths"}  # "X's death": X is who died
    verb = lex.EVENT_NOUN_VERBS.get(noun.lower_)
    stance = verb in lex.STANCE_VERBS
    assault = _event_type(noun) == "Attack"
    agents, patients, place = [], [], None
    for child in children(noun):
        if child.dep_ == "poss" and (child.ent_type_ in {"DATE", "TIME"} or child.lower_ in WEEKDAYS):
            continue  # "last Friday's assault", "Tuesday's talks": when, not who
        if child.dep_ in _MODIFIER_DEPS and (m := index.at(child)) is not None and m.kind != "office":
            possessor = child.dep_ == "poss"
            if m.kind == PLACE and not possessor:
                place = place or m  # "the Geneva talks": where, not who
            elif possessor or m.kind in _ACTOR_KINDS:  # not "the Strategic Mechanism meetings"
                (patients if victim and possessor and not died else agents).append(m)
        elif child.dep_ == "poss":  # "their meeting", "his visit": resolved by coreference
            (patients if victim and not died else agents).extend(arg_mentions(child, index))
        elif child.dep_ == "prep":
            objs = [g for g in children(child) if g.dep_ == "pobj"]
            mentioned = [m for o in objs for m in arg_mentions(o, index)]
            found = _named(mentioned)
            if not found:  # "support for Chile's sovereignty and integrity": the possessor is the party
                found = [m for o in objs for t in _phrase_words(o) if t.dep_ == "poss" and (m := index.at(t))]
            if not found and stance and child.lower_ in {"for", "of"}:
                found = mentioned  # "support for peace talks": what is backed, named or not
            target_prep = child.lower_ in {"on", "against"} or child.lower_ == "of" and noun.lower_.endswith("ing")
            if not found and assault and target_prep:
                found = mentioned  # "an assault on a military base", "the shelling of towns": the target, named or not
            prep = child.lower_
            if prep == "by":
                agents += found
            elif prep == "between":  # "the meeting between A and B": they, and only they, met
                agents = [a for a in agents if a.kind == PERSON] + found
            elif prep in lex.NOUN_PATIENT_PREPS:
                if prep == "of" and died:
                    agents += found  # "the death of X": X is who died
                else:
                    patients += found
            elif prep in {"in", "at"} and found and found[0].kind in {PLACE, COUNTRY}:
                place = found[0]
    return agents, patients, place


def _phrase_words(noun: Token) -> list[Token]:
    """The noun phrase's own words, without its prepositional phrases and clauses."""
    return subtree_where(noun, lambda c: c.dep_ in {"poss", "nmod", "compound", "conj", "amod", "appos"})


def _people(mention: Mention) -> bool:
    return mention.kind == "concept" and mention.name.split()[-1].lower() in lex.PEOPLE_NOUNS


def _support_subjects(noun: Token, index: MentionIndex) -> list[Mention]:
    """"X held talks", "X launched an attack": the governing verb's subject is the noun's agent.
    So is the subject of a verb set at a gathering: "X spoke during a news conference"."""
    head = noun.head
    present = False
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        present = (head.lower_ in lex.PRESENCE_PREPS and noun.lower_ in lex.GATHERING_NOUNS
                   or head.lower_ in lex.TRIP_PREPS and noun.lower_ in lex.TRIP_NOUNS)
        if head.lower_ == "for" and head.head.lower_ == "responsibility":  # "claimed responsibility for the attack"
            noun, head = head.head, head.head.head
        else:
            head = head.head
        if present and head.dep_ in {"pobj", "conj"}:
            # "spoke with Y and Z at the summit": the parser may hang the setting on the last partner
            head = next((t for t in head.ancestors if t.pos_ == "VERB"), head)
    if present and head.dep_ == "ROOT" and head.pos_ in {"PROPN", "NOUN"}:
        # a caption with no verb: "Ana Ruiz and Tom Berg, after a dinner with X"
        return [m for h in (head, *head.conjuncts) if (m := index.at(h)) is not None and m.kind in _ACTOR_KINDS]
    if head.pos_ != "VERB" or noun.dep_ not in {"dobj", "pobj"}:
        return []
    if noun.dep_ == "dobj" and noun.lower_ in lex.GATHERING_NOUNS and lemma(head) in lex.ADDRESS_VERBS:
        present = True  # "X addressed a meeting", "told a rally"
    if lemma(head) not in lex.SUPPORT_VERBS and not present and not _agreement_made(noun, head):
        return []
    subjects, passive = _subject_heads(head)
    if passive and not present:
        return []
    found = [m for h in subjects for m in arg_mentions(h, index)]
    if present:  # "X spoke with Y at the summit", "asked Y, during a meeting, to ...": Y was there too
        found = _dedupe([*found, *(m for h in _met_at(head) for m in arg_mentions(h, index) if m.kind == PERSON)])
    return found


def _claimants(noun: Token, index: MentionIndex) -> list[Mention]:
    """"the attack, claimed by the Vanta group": who claimed it, on their word (see `_noun_factuality`)."""
    return [m for c in children(noun) if c.dep_ == "acl" and lemma(c) in lex.CLAIM_VERBS
            for h in _by_agents(c) for m in arg_mentions(h, index)]


def _met_at(verb: Token) -> list[Token]:
    """Whom a verb set at a gathering has its subject face to face with: its with-partners, and
    the object of a verb of address ("asked Y", "greeted Y")."""
    partners = [o for p in children(verb) if p.dep_ == "prep" and p.lower_ == "with"
                for o in children(p) if o.dep_ == "pobj"]
    if lemma(verb) in lex.FACE_TO_FACE_VERBS:
        partners += [o for o in children(verb) if o.dep_ in {"dobj", "dative"}]
    return partners


def _penalty(noun: Token) -> bool:
    """"sentenced to death", "condemned to death": a punishment handed down, not an event that happened."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "to" and lemma(head.head) in lex.PENALTY_VERBS


def _agreement_made(noun: Token, verb: Token) -> bool:
    """"signed a contract", "reached a deal": the verb's subject is a party to the agreement."""
    return lex.EVENT_NOUN_VERBS.get(noun.lower_) == "agree" and lemma(verb) in lex.AGREEMENT_VERBS


def _nested_partners(noun: Token, index: MentionIndex) -> list[Mention]:
    """"held talks on security with X": the parser hangs the partner on the topic; X took part."""
    return [m for t in noun.subtree if t.dep_ == "prep" and t.lower_ == "with" and t.head.i != noun.i
            for o in children(t) if o.dep_ == "pobj" for m in arg_mentions(o, index) if m.kind == PERSON]


def _talk_topics(noun: Token, index: MentionIndex) -> list[Mention]:
    """What talks were about, said on the noun ("talks on trade") or on the verb that holds them
    ("held talks with X on trade")."""
    topics = nominal_topics(noun, index)
    head = noun.head
    if not topics and noun.dep_ == "dobj" and lemma(head) in lex.SUPPORT_VERBS:
        topics = [t for c in children(head) if c.dep_ == "prep" and c.lower_ in {"on", "about", "over"}
                  for t in nominal_topics(head, index, preps_of=c)]
    return topics


def _guests(noun: Token, index: MentionIndex) -> list[Mention]:
    """"X hosted Y for talks", "X welcomed Y to a summit": the people received take part too."""
    head = noun.head
    if noun.dep_ != "pobj" or head.dep_ != "prep" or head.head.pos_ != "VERB" \
            or lemma(head.head) not in lex.HOSTING_VERBS:
        return []
    return [m for o in children(head.head) if o.dep_ == "dobj" for m in arg_mentions(o, index) if m.kind == PERSON]


def _support_targets(noun: Token, event_type: str | None, index: MentionIndex) -> list[Mention]:
    """"launched airstrikes on Arica", "held talks with X": the parser hangs the event noun's
    target or partner on the support verb; it is the noun's patient all the same."""
    head = noun.head
    agreement = _agreement_made(noun, head)
    if noun.dep_ != "dobj" or head.pos_ != "VERB" or lemma(head) not in lex.SUPPORT_VERBS and not agreement:
        return []
    talks = event_type in lex.TALK_EVENTS or agreement
    preps = {"with"} if talks else {"on", "against", "into"}
    found = [m for prep in children(head) if prep.dep_ == "prep" and prep.lower_ in preps
             for obj in children(prep) if obj.dep_ == "pobj" and not temporal(obj) for m in arg_mentions(obj, index)]
    return _named(found) if talks else found


def _accused(noun: Token, index: MentionIndex) -> tuple[list[Mention], bool]:
    """"X was convicted of the murder of Y": the subject of an accusation frame is the agent; and
    whether the frame is a verdict or a confession (else a suspicion: arrest, charge, accusation)."""
    node, steps = noun, 0
    while steps < 4 and node.head != node:
        node, steps = node.head, steps + 1
        if node.lemma_.lower() in lex.ACCUSATION_HEADS or node.lower_ in lex.ACCUSATION_HEADS:
            verb = node
            while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
                verb = verb.head
            subjects = [c for c in children(verb) if c.dep_ in {"nsubj", "nsubjpass"}]
            return [m for h in subjects for m in arg_mentions(h, index)], node.lemma_.lower() in lex.VERDICT_HEADS
        if node.pos_ in {"VERB", "AUX"}:
            return [], False
    return [], False


def _noun_factuality(governor: Token | None) -> str:
    """An event noun's factuality is its governing verb's; one that is claimed ("X claimed the
    attack") is as good as the claimant's word."""
    if governor is None:
        return ASSERTED
    if lemma(governor) in lex.CLAIM_VERBS:
        return REPORTED
    if governor.lower_.startswith(lex.CALLED_OFF) or lemma(governor) == "call" and any(
            c.dep_ == "prt" and c.lower_ == "off" for c in children(governor)):
        return NEGATED  # "the meeting was cancelled / called off": it did not take place
    return _factuality(governor)


def _subject_factuality(noun: Token, governor: Token | None) -> str:
    """As `_noun_factuality`; but an event noun that is its verb's subject is not undone by what
    the verb denies of its object: "the call yielded no progress" (the call took place)."""
    found = _noun_factuality(governor)
    if found == NEGATED and governor is not None and noun.head == governor and noun.dep_ in {"nsubj", "nsubjpass"} \
            and object_negated(governor) and not any(c.dep_ == "neg" for c in children(governor)):
        return ASSERTED
    return found


def _suspected(factuality: str) -> str:
    """A deed a suspect is held for is somebody's account until a verdict: asserted becomes reported."""
    return REPORTED if factuality == ASSERTED else factuality


def _event_type(noun: Token) -> str | None:
    """The event class of an event noun: its own ("a call" is a phone call), else its verb's."""
    return lex.NOUN_EVENT_TYPES.get(noun.lower_) or lex.EVENT_TYPES.get(lex.EVENT_NOUN_VERBS.get(noun.lower_))


def _governing_verb(noun: Token) -> Token | None:
    return next((t for t in noun.ancestors if t.pos_ in {"VERB", "AUX"}), None)


def _setting_tokens(noun: Token, governor: Token | None) -> list[Token]:
    """Where an event noun's time is said: its own phrase, and the clause of a support verb
    ("held a call with X on Monday")."""
    tokens = list(noun.subtree)
    if governor is not None and lemma(governor) in lex.SUPPORT_VERBS:
        tokens += clause_tokens(governor)
    return tokens


def nominal_events(sent: Span, record: Sentence, index: MentionIndex, *, reference: str | None) -> Iterator[Event]:
    for noun in sentence_tokens(sent):
        if noun.pos_ not in {"NOUN", "PROPN"} or index.at(noun) is not None and noun.pos_ == "PROPN":
            continue
        verb = lex.EVENT_NOUN_VERBS.get(noun.lower_)
        if verb is None or _penalty(noun):
            continue
        agents, patients, place = _roles(noun, index)
        # "a prisoner's death", "the killing of protesters": no one named, but people all the same
        victims = noun.lower_ in lex.VICTIM_NOUNS and any(_people(m) for m in agents + patients)
        event_type = _event_type(noun)
        supported = False  # the agents are the subject of a support verb: "troops launched raids on villages"
        if all(a.kind == ANAPHOR for a in agents):  # none, or a pronoun: "X and Y arrived for their meeting"
            supported_by = _support_subjects(noun, index) or _claimants(noun, index)
            agents, supported = supported_by or agents, bool(supported_by)
        elif noun.lower_ in lex.GATHERING_NOUNS and not any(a.kind == PERSON for a in agents):
            # "X spoke at the NATO summit": those who were there took part; NATO only says whose
            # summit it was
            agents = _support_subjects(noun, index) or agents
        if not patients:
            patients = _support_targets(noun, event_type, index) or (_guests(noun, index) if supported else []) \
                or (_nested_partners(noun, index) if event_type in lex.TALK_EVENTS else [])
        accused = False
        if not agents and noun.lower_ in lex.VICTIM_NOUNS:
            agents, settled = _accused(noun, index)
            accused = bool(agents) and not settled  # "arrested in connection with the killing of Y": suspected
        agents = [a for a in agents if (a.start, a.end) not in {(p.start, p.end) for p in patients}]
        if not _named(agents) and not _named(patients) and not (supported and patients) and not victims:
            continue
        passive = not agents
        governor = _governing_verb(noun)
        factuality = _suspected(_noun_factuality(governor)) if accused else _subject_factuality(noun, governor)
        if factuality == ASSERTED and any(c.dep_ == "acl" and lemma(c) in lex.CLAIM_VERBS for c in children(noun)):
            factuality = REPORTED  # "the attack, claimed by X": X's word
        # where, as the complement of a fact that has no other ("X's death in Tarija") (a visit's
        # place is where the visitor went, too: "a visit to Chile, in Arica")
        oblique = place if not (agents and patients) or event_type == "Visit" else None
        if verb == "agree" and patients and agents:
            verb = "agree with"  # "a deal with X": with whom, not what was agreed
        yield Event(relation=verb, event_type=event_type, trigger=noun.text,
                    start=noun.idx, end=noun.idx + len(noun), sentence=record,
                    agents=tuple(agents), patients=tuple(patients), place=place,
                    topics=tuple(_talk_topics(noun, index)) if event_type in lex.TALK_EVENTS else (),
                    time=_time(_setting_tokens(noun, governor), sent, reference, False),
                    factuality=factuality, oblique=oblique, oblique_prep="in" if oblique is not None else None,
                    passive=passive)


def encounter_setting(sent: Span, index: MentionIndex, *, reference: str | None) -> tuple[Mention | None, TimeExpr | None]:
    """Where and when a meeting, talk or call named by a noun took place, whoever took part:
    "officials held a virtual dialogue on Monday" -> (None, Monday)."""
    for noun in sentence_tokens(sent):
        if noun.pos_ != "NOUN" or _event_type(noun) not in lex.TALK_EVENTS:
            continue
        if noun.dep_ in {"dobj", "pobj"} and (verb := _governing_verb(noun)) is not None \
                and lemma(verb) in lex.TOPIC_VERBS:
            continue  # "discussed the summit in Sucre": what was talked about, not where they were
        place = _roles(noun, index)[2]
        time = _time(_setting_tokens(noun, _governing_verb(noun)), sent, reference, False)
        if place is not None or time is not None:
            return place, time
    return None, None
