"""The graph stage: extraction records and resolved entities into one set of RDF triples.

The triples (kg.triples.Triples, rdflib terms) are the single source of truth; every exporter
(Turtle, HTML, GraphML...) reads them, and `Triples.to_graph()` makes them an rdflib Graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL

from kg.resolve import mention_key, name_key
from kg.triples import Triples
from kg.types import Article, ArticleExtraction, Entity, Event, Fact, Mention, Sentence
from kg.vocab import (EVENT_CLASSES, GEO, ITSRDF, KG, KIND_CLASSES, NIF, PREFIXES, PROV, SCHEMA, IRIs,
                      relation_iri)


# rdflib's own namespaces make a new term on each attribute lookup: these are named on most triples.
_TYPE, _LABEL, _PREFLABEL, _ALTLABEL = RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel
_DATE, _DECIMAL = XSD.date, XSD.decimal


@lru_cache(maxsize=1 << 16)
def _offset(n: int) -> Literal:
    """A character offset as an xsd:nonNegativeInteger literal, made once per value."""
    return Literal(n, datatype=XSD.nonNegativeInteger)


@lru_cache(maxsize=1 << 12)
def _date(text: str) -> Literal:
    """An ISO date as an xsd:date literal, made once per value (a corpus names few dates, often)."""
    return Literal(text, datatype=_DATE)


def _text(text: str) -> Literal:
    """A plain string literal: `Literal(text)` without the normalisation pass, which gives a
    string back as it is (a third of the cost of each of 100k literals a 200k-word build makes)."""
    return Literal(text, None, None, False)  # lang, datatype, normalize: positional, the cheapest call


def namespaces() -> list[tuple[str, URIRef]]:
    return [*PREFIXES.items(), ("skos", URIRef(str(SKOS))), ("owl", URIRef(str(OWL)))]


def event_label(e: Event) -> str:
    """What an event is called where a reader meets it: its trigger as written, where and when.

    "killed in Tarija, 2024-03-05". It is also the `?object` that `facts.rq` shows for a fact that
    states an event with nobody on its other side ("Omar Said died").
    """
    label = e.trigger
    if e.place is not None:
        label += f" in {e.place.name}"
    if e.time is not None:
        label += f", {e.time.date or e.time.text}"
    return label


class GraphBuilder:
    """Adds articles, their sentences, events and facts, and entities to one set of triples.

    `previous` is the graph an --update run adds to: its triples are kept, and it answers what
    this build must not repeat (an entity's label, its mention count).
    """

    def __init__(self, iris: IRIs, previous: Graph | None = None):
        self.iris = iris
        self.previous = previous
        self.g = Triples(namespaces())
        if previous is not None:
            self.g.update(previous.triples((None, None, None)))
        self.keys: dict[tuple[str, int, int, bool], str] = {}
        self.entities: dict[str, Entity] = {}
        self._spans: dict[str, list[tuple[int, int, str]]] = {}  # article -> (start, end, entity key)
        self._described: dict[str, URIRef] = {}  # sentences and relations already written
        self._labelled: set[URIRef] = set()  # entity nodes this build has labelled

    def set_resolution(self, entities: dict[str, Entity], keys) -> None:
        self.entities, self.keys = entities, keys
        self._spans = {}
        for (aid, start, end, _office), key in sorted(keys.items()):
            if not key.startswith("concept:"):  # common nouns: no mention nodes, to keep graphs small
                self._spans.setdefault(aid, []).append((start, end, key))

    def entity(self, article_id: str, m: Mention) -> URIRef:
        return self.iris.entity(self.keys[mention_key(article_id, m)])

    def add_entities(self, entities: Iterable[Entity]) -> None:
        g, previous = self.g, self.previous
        for e in entities:
            node = self.iris.entity(e.key)
            known = previous.value(node, _LABEL) if previous is not None else None
            if known is None:
                g.add((node, _TYPE, KIND_CLASSES[e.kind]))
                g.add((node, _LABEL, Literal(e.label)))
                g.add((node, _PREFLABEL, Literal(e.label)))
            elif str(known) != e.label:
                # An entity already in the graph (--update) keeps its label and type: its IRI and
                # what users see stay stable; the new name becomes an alias.
                g.add((node, _ALTLABEL, Literal(e.label)))
            self._labelled.add(node)
            for alias in sorted(e.aliases):
                g.add((node, _ALTLABEL, Literal(alias)))
            before = previous.value(node, KG.mentionCount) if previous is not None else None
            if before is not None:
                g.discard((node, KG.mentionCount, before))
            g.add((node, KG.mentionCount, Literal(len(e.mentions) + (int(before) if before is not None else 0))))
            if e.code:
                g.add((node, KG.countryCode, Literal(e.code)))
            located = known is not None and previous.value(node, GEO.lat) is not None  # --update: keep the first
            for same in e.same_as if not located else ():
                g.add((node, OWL.sameAs, URIRef(same)))
            for other in sorted(e.affiliations):
                g.add((node, KG.affiliation, self.iris.entity(other)))
            if e.lat is not None and e.lon is not None and not located:
                g.add((node, GEO.lat, Literal(e.lat, datatype=_DECIMAL)))
                g.add((node, GEO.long, Literal(e.lon, datatype=_DECIMAL)))

    def entity_count(self) -> int:
        """Entity nodes in the graph: this build's, and an updated graph's earlier ones."""
        earlier = set(self.previous.subjects(KG.mentionCount, None)) if self.previous is not None else set()
        return len(earlier | self._labelled)

    def add_extraction(self, ex: ArticleExtraction) -> None:
        a, g = ex.article, self.g
        art = self.iris.article(a.id)
        g.add((art, _TYPE, SCHEMA.NewsArticle))
        g.add((art, SCHEMA.identifier, Literal(a.id)))
        g.add((art, KG.contentHash, Literal(a.content_hash)))
        if a.title:
            g.add((art, SCHEMA.headline, Literal(a.title)))
        if a.date:
            g.add((art, SCHEMA.datePublished, _date(a.date)))
        if a.source:
            g.add((art, SCHEMA.url, Literal(a.source)))
        if a.place:
            g.add((art, KG.dateline, Literal(a.place)))
        if a.author:
            self._author(art, a.author)
        for start, end, key in self._spans.get(a.id, ()):
            self._mention(a, start, end, key)
        for event in ex.events:
            self._event(a.id, event)
        for fact in ex.facts:
            self._fact(a.id, fact)

    def _mention(self, a: Article, start: int, end: int, key: str) -> None:
        """A nif:Phrase per name occurrence, pointing at its entity: every merge can be audited."""
        g, node = self.g, self.iris.mention(a.id, start, end)
        g.add((node, _TYPE, NIF.Phrase))
        g.add((node, NIF.anchorOf, _text(a.text[start:end])))
        g.add((node, NIF.beginIndex, _offset(start)))
        g.add((node, NIF.endIndex, _offset(end)))
        g.add((node, NIF.referenceContext, self.iris.article(a.id)))
        g.add((node, ITSRDF.taIdentRef, self.iris.entity(key)))
        if reading := self.entities[key].readings.get((a.id, start, end)):
            g.add((node, KG.reading, _text(reading)))

    def _author(self, article: URIRef, name: str) -> None:
        """The byline or attribution line's person: the same node as that person named in any text."""
        g = self.g
        person = self.iris.entity(name_key(name))
        known = person in self._labelled or self.previous is not None and self.previous.value(person, _LABEL)
        if not known:
            self._labelled.add(person)
            g.add((person, _TYPE, SCHEMA.Person))
            g.add((person, _LABEL, Literal(name)))
            g.add((person, _PREFLABEL, Literal(name)))
            g.add((person, KG.mentionCount, Literal(0)))
        g.add((article, SCHEMA.author, person))
        g.add((article, PROV.wasAttributedTo, person))

    def _sentence(self, article_id: str, s: Sentence) -> URIRef:
        key = f"{article_id}\x1f{s.start}"
        if key in self._described:  # one sentence is the evidence of many facts and events
            return self._described[key]
        node = self._described[key] = self.iris.sentence(article_id, s.start, s.end)
        g = self.g
        g.add((node, _TYPE, NIF.Sentence))
        g.add((node, NIF.anchorOf, _text(s.text)))
        g.add((node, NIF.beginIndex, _offset(s.start)))
        g.add((node, NIF.endIndex, _offset(s.end)))
        g.add((node, NIF.referenceContext, self.iris.article(article_id)))
        return node

    def _event(self, article_id: str, e: Event) -> URIRef:
        g = self.g
        node = self.iris.event(article_id, e.start)
        g.add((node, _TYPE, KG.Event))
        if e.event_type:
            g.add((node, _TYPE, EVENT_CLASSES[e.event_type]))
        rel = self._relation(e.relation)
        g.add((node, KG.relation, rel))
        g.add((node, _LABEL, _text(event_label(e))))
        g.add((node, KG.trigger, _text(e.trigger)))
        g.add((node, KG.triggerBegin, _offset(e.start)))
        g.add((node, KG.triggerEnd, _offset(e.end)))
        for prop, mentions in ((KG.agent, e.agents), (KG.patient, e.patients), (KG.topic, e.topics)):
            for m in mentions:
                g.add((node, prop, self.entity(article_id, m)))
        if e.place is not None:
            g.add((node, KG.place, self.entity(article_id, e.place)))
        if e.time is not None:
            g.add((node, KG.timeText, _text(e.time.text)))
            if e.time.date:
                g.add((node, KG.date, _date(e.time.date)))
        if e.content:
            g.add((node, KG.content, _text(e.content)))
        g.add((node, KG.factuality, KG[e.factuality]))
        g.add((node, KG.evidence, self._sentence(article_id, e.sentence)))
        g.add((node, PROV.wasDerivedFrom, self.iris.article(article_id)))
        return node

    def _fact(self, article_id: str, f: Fact) -> None:
        g = self.g
        subj = self.entity(article_id, f.subject)
        obj = self.entity(article_id, f.object) if f.object is not None else None
        if obj == subj:
            return  # one entity on both sides once names are resolved ("he stood with him"): says nothing
        node = self.iris.fact(article_id, str(subj), f.relation, str(obj), f.content or "",
                              str(f.sentence.start), str(f.event.start if f.event else ""))
        rel = self._relation(f.relation)
        g.add((node, _TYPE, KG.Fact))
        g.add((node, KG.subject, subj))
        g.add((node, KG.predicate, rel))
        if obj is not None:
            g.add((node, KG.object, obj))
            g.add((subj, rel, obj))  # the direct triple, for simple queries
        if f.content:
            g.add((node, KG.content, _text(f.content)))
        if f.event is not None:
            g.add((node, KG.event, self.iris.event(article_id, f.event.start)))
        if f.qualifier is not None:
            g.add((node, KG.officeOf, self.entity(article_id, f.qualifier)))
        g.add((node, KG.factuality, KG[f.factuality]))
        g.add((node, KG.evidence, self._sentence(article_id, f.sentence)))
        g.add((node, PROV.wasDerivedFrom, self.iris.article(article_id)))

    def _relation(self, label: str) -> URIRef:
        if label in self._described:
            return self._described[label]
        rel = self._described[label] = relation_iri(label)
        self.g.add((rel, _TYPE, KG.Relation))
        self.g.add((rel, _TYPE, RDF.Property))
        self.g.add((rel, _LABEL, Literal(label)))
        return rel
