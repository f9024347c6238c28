"""Shared fixtures: small RDF graphs built by hand, following the model in kg/vocab.py."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.vocab import KG, KIND_CLASSES, NIF, PREFIXES, PROV, SCHEMA, IRIs, relation_iri


def xsd(name: str) -> URIRef:
    """An XML Schema datatype IRI. Not rdflib's XSD at module level: pytest probes every module
    attribute for fixture markers, and a closed namespace warns at each unknown name."""
    return URIRef("http://www.w3.org/2001/XMLSchema#" + name)


XSD_DATE = xsd("date")


class GraphBuilder:
    """Adds articles, sentences, entities, facts and events to an rdflib Graph, as kg writes them."""

    def __init__(self) -> None:
        self.graph = Graph()
        for prefix, ns in PREFIXES.items():
            self.graph.bind(prefix, ns)
        self.iris = IRIs()
        self.texts: dict[str, str] = {}

    def article(self, article_id: str, headline: str, date: str) -> URIRef:
        iri = self.iris.article(article_id)
        g = self.graph
        g.add((iri, RDF.type, SCHEMA.NewsArticle))
        g.add((iri, SCHEMA.headline, Literal(headline)))
        g.add((iri, SCHEMA.datePublished, Literal(date, datatype=XSD_DATE)))
        self.texts[article_id] = ""
        return iri

    def sentence(self, article_id: str, text: str) -> URIRef:
        start = len(self.texts[article_id])
        self.texts[article_id] += text + " "
        iri = self.iris.sentence(article_id, start, start + len(text))
        g = self.graph
        g.add((iri, RDF.type, NIF.Sentence))
        g.add((iri, NIF.anchorOf, Literal(text)))
        g.add((iri, NIF.beginIndex, Literal(start)))
        g.add((iri, NIF.endIndex, Literal(start + len(text))))
        g.add((iri, NIF.referenceContext, self.iris.article(article_id)))
        return iri

    def entity(self, kind: str, label: str, *aliases: str, mentions: int = 1) -> URIRef:
        iri = self.iris.entity(label)
        g = self.graph
        g.add((iri, RDF.type, KIND_CLASSES[kind]))
        g.add((iri, RDFS.label, Literal(label)))
        g.add((iri, SKOS.prefLabel, Literal(label)))
        for alias in (label, *aliases):
            g.add((iri, SKOS.altLabel, Literal(alias)))
        g.add((iri, KG.mentionCount, Literal(mentions)))
        return iri

    def relation(self, label: str) -> URIRef:
        iri = relation_iri(label)
        self.graph.add((iri, RDF.type, RDF.Property))
        self.graph.add((iri, RDFS.label, Literal(label)))
        return iri

    def fact(
        self,
        subject: URIRef,
        relation: str,
        obj: URIRef | None,
        sentence: URIRef,
        *,
        content: str | None = None,
        event: URIRef | None = None,
        factuality: URIRef = KG.asserted,
    ) -> URIRef:
        article = self.graph.value(sentence, NIF.referenceContext)
        article_id = str(article).rsplit("/", 1)[-1]
        identity = (str(subject), relation, str(obj or content), str(sentence))
        iri = self.iris.fact(article_id, *identity)
        predicate = self.relation(relation)
        g = self.graph
        g.add((iri, RDF.type, KG.Fact))
        g.add((iri, KG.subject, subject))
        g.add((iri, KG.predicate, predicate))
        if obj is not None:
            g.add((iri, KG.object, obj))
            g.add((subject, predicate, obj))
        if content is not None:
            g.add((iri, KG.content, Literal(content)))
        if event is not None:
            g.add((iri, KG.event, event))
        g.add((iri, KG.evidence, sentence))
        g.add((iri, KG.factuality, factuality))
        g.add((iri, PROV.wasDerivedFrom, article))
        return iri

    def event(self, relation: str, sentence: URIRef, *, event_class: URIRef | None = None,
              date: str | None = None, **roles: URIRef) -> URIRef:
        article = self.graph.value(sentence, NIF.referenceContext)
        article_id = str(article).rsplit("/", 1)[-1]
        begin = int(self.graph.value(sentence, NIF.beginIndex))
        iri = self.iris.event(article_id, begin)
        g = self.graph
        g.add((iri, RDF.type, KG.Event))
        if event_class is not None:
            g.add((iri, RDF.type, event_class))
        g.add((iri, KG.relation, self.relation(relation)))
        for role, participant in roles.items():
            g.add((iri, KG[role], participant))
        if date:
            g.add((iri, KG.date, Literal(date, datatype=XSD_DATE)))
        g.add((iri, KG.evidence, sentence))
        g.add((iri, KG.factuality, KG.asserted))
        g.add((iri, PROV.wasDerivedFrom, article))
        return iri


@pytest.fixture
def news_graph() -> Graph:
    """Two articles: a meeting (with an event), an office held, a call, a statement, a denial."""
    b = GraphBuilder()
    b.article("a1", "Ministers meet in Strelsau", "2024-03-01")
    b.article("a2", "Alliance calls for talks", "2024-03-02")
    s1 = b.sentence("a1", "Foreign Minister Anna Novak met Jonas Berg in Strelsau on Friday.")
    s2 = b.sentence("a1", "Novak said the talks were constructive.")
    s3 = b.sentence("a2", "The Northern Alliance called on Ruritania to resume talks.")
    s4 = b.sentence("a2", "Berg did not meet the alliance envoy.")
    novak = b.entity("person", "Anna Novak", "Novak", mentions=3)
    berg = b.entity("person", "Jonas Berg", "Berg", mentions=2)
    minister = b.entity("office", "Foreign Minister")
    strelsau = b.entity("place", "Strelsau")
    ruritania = b.entity("country", "Ruritania")
    alliance = b.entity("organization", "Northern Alliance", "the alliance", mentions=2)
    talks = b.entity("concept", "talks")
    b.entity("group", "Ruritanians")  # an entity no fact mentions
    b.graph.add((minister, KG.officeOf, ruritania))
    meeting = b.event("meet", s1, event_class=KG.Meeting, date="2024-03-01",
                      agent=novak, patient=berg, place=strelsau)
    b.fact(novak, "meet", berg, s1, event=meeting)
    b.fact(novak, "holds office", minister, s1)
    b.fact(novak, "say", None, s2, content="the talks were constructive")
    call = b.event("call on", s3, event_class=KG.Appeal, agent=alliance, patient=ruritania, topic=talks)
    b.fact(alliance, "call on", ruritania, s3, event=call)
    b.fact(berg, "meet", alliance, s4, factuality=KG.negated)
    return b.graph


@pytest.fixture
def xss_graph() -> Graph:
    """Labels, aliases, headlines and sentences that are markup, script and quotes."""
    b = GraphBuilder()
    b.article("x1", "<script>alert('headline')</script>", "2024-01-01")
    s1 = b.sentence("x1", "<script>alert(1)</script> met <img src=x onerror=alert(1)> at \"HQ\" & 'base'.")
    s2 = b.sentence("x1", "</script><script>alert(2)</script> said <b>bold</b>.")
    evil = b.entity("person", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
    quoted = b.entity("organization", "O'Brien \"Quotes\" & Co </script>")
    b.fact(evil, "meet", quoted, s1)
    b.fact(quoted, "<i>say</i>", None, s2, content="<svg onload=alert(3)>")
    return b.graph
