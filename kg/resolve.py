"""Entity resolution: every mention to one Entity, deterministically and auditable.

Identity keys (they decide the IRI, so they never depend on processing order):
- countries and demonyms: the ISO 3166 code from the gazetteer ("iso-tr");
- names: the name without titles, possessive, middle initials, case and diacritics;
- a one-word name bound to the unique full name in the same article ending with it, else to the
  unique such full name in the corpus; an ambiguous one stays on its own (never guessed);
- offices and concepts: their folded text.
The kind of an entity is a vote over its mentions, so one wrong NER label does not split it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from kg import gazetteer
from kg.gazetteer import fold
from kg.types import (CONCEPT, COUNTRY, GROUP, OFFICE, ORGANIZATION, OTHER, PERSON, PLACE,
                      ArticleExtraction, Entity, Mention)

MentionKey = tuple[str, int, int]  # (article id, start, end)
_KIND_PRIORITY = {COUNTRY: 6, PERSON: 5, ORGANIZATION: 4, PLACE: 3, GROUP: 2, OTHER: 1}


def name_key(name: str) -> str:
    """The identity form of a name: no possessive, middle initials, case or diacritics."""
    name = re.sub(r"['\u2019]s?$", "", name.strip())
    tokens = [t for t in name.split() if not re.fullmatch(r"[A-Z]\.?", t)] or name.split()
    return fold(" ".join(tokens))


def _country_code(m: Mention) -> str | None:
    gaz = gazetteer.load()
    country = gaz.country(m.name, allow_code=m.kind in {COUNTRY, PLACE} or "." in m.name) or (
        gaz.demonym(m.name) if m.kind in {GROUP, COUNTRY} else None)
    return country.code if country else None


class Resolver:
    """Accumulates mentions from any number of articles, then resolves them all at once."""

    def __init__(self) -> None:
        self.mentions: list[tuple[str, Mention]] = []
        self.known_full_names: set[str] = set()  # keys of people already in the graph (--update)

    def seed(self, names: Iterable[str]) -> None:
        """Full names of people already in the graph, for binding surnames in new articles."""
        self.known_full_names |= {key for key in map(name_key, names) if len(key.split()) > 1}

    def add(self, extraction: ArticleExtraction) -> None:
        aid = extraction.article.id
        seen = set()
        for m in _all_mentions(extraction):
            if (m.start, m.end, m.kind == OFFICE) not in seen:
                seen.add((m.start, m.end, m.kind == OFFICE))
                self.mentions.append((aid, m))

    def resolve(self) -> tuple[dict[str, Entity], dict[tuple[str, int, int, bool], str]]:
        """(entities by key, mention -> entity key); mention keys are (article, start, end, is_office)."""
        keys: dict[tuple[str, int, int, bool], str] = {}
        full_names: dict[str, set[str]] = defaultdict(set)  # surname -> full-name keys, per article and corpus
        by_article: dict[tuple[str, str], set[str]] = defaultdict(set)
        for key in self.known_full_names:
            full_names[key.split()[-1]].add(key)
        for aid, m in self.mentions:
            key = self._base_key(m)
            keys[(aid, m.start, m.end, m.kind == OFFICE)] = key
            if m.kind == PERSON and len(key.split()) > 1 and not key.startswith(("iso-", "office:", "concept:")):
                full_names[key.split()[-1]].add(key)
                by_article[(aid, key.split()[-1])].add(key)
        for (aid, start, end, office), key in list(keys.items()):
            if office or len(key.split()) != 1 or key.startswith(("iso-", "concept:")):
                continue
            local = by_article.get((aid, key), set())
            corpus = full_names.get(key, set())
            if len(local) == 1:
                keys[(aid, start, end, office)] = next(iter(local))
            elif not local and len(corpus) == 1:
                keys[(aid, start, end, office)] = next(iter(corpus))
        return self._entities(keys), keys

    @staticmethod
    def _base_key(m: Mention) -> str:
        if m.kind == OFFICE:
            return "office:" + fold(m.name)
        if m.kind == CONCEPT:
            return "concept:" + fold(m.name)
        code = _country_code(m) if m.kind != PERSON else None
        return f"iso-{code.lower()}" if code else name_key(m.name)

    def _entities(self, keys) -> dict[str, Entity]:
        gaz = gazetteer.load()
        grouped: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
        for aid, m in self.mentions:
            grouped[keys[(aid, m.start, m.end, m.kind == OFFICE)]].append((aid, m))
        entities = {}
        for key, items in sorted(grouped.items()):
            kinds = Counter(m.kind for _, m in items)
            if key.startswith("iso-"):
                country = gaz.countries[key[4:].upper()]
                entity = Entity(key=key, kind=COUNTRY, label=country.name, code=country.code,
                                lat=country.latlng[0] if country.latlng else None,
                                lon=country.latlng[1] if country.latlng else None)
            else:
                kind = max(kinds, key=lambda k: (kinds[k] + (0.5 if k == PERSON and any(m.title for _, m in items) else 0),
                                                 _KIND_PRIORITY.get(k, 0), k))
                entity = Entity(key=key, kind=kind, label=_preferred_label(m.name for _, m in items))
            for aid, m in items:
                entity.aliases.add(m.name.strip())
                if m.text != m.name and m.kind != OFFICE:
                    entity.aliases.add(m.text.strip())
                entity.mentions.append((aid, m.start, m.end))
            entity.aliases.discard(entity.label)
            entity.mentions.sort()
            entities[key] = entity
        return entities


def _preferred_label(names: Iterable[str]) -> str:
    """The most used of the longest forms: "Antony Blinken" over "Blinken"."""
    counts = Counter(re.sub(r"['\u2019]s$", "", n.strip()) for n in names)
    longest = max(len(n.split()) for n in counts)
    candidates = [n for n in counts if len(n.split()) >= min(longest, 2)] or list(counts)
    return max(candidates, key=lambda n: (counts[n], len(n), n))


def _all_mentions(extraction: ArticleExtraction) -> Iterable[Mention]:
    yield from extraction.mentions
    for fact in extraction.facts:
        yield fact.subject
        if fact.object is not None:
            yield fact.object
        if fact.qualifier is not None:
            yield fact.qualifier
    for event in extraction.events:
        yield from event.agents
        yield from event.patients
        yield from event.topics
        if event.place is not None:
            yield event.place


def mention_key(article_id: str, m: Mention) -> tuple[str, int, int, bool]:
    return (article_id, m.start, m.end, m.kind == OFFICE)
