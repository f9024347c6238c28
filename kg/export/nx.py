"""The networkx projection of the RDF graph: entities (and events) as nodes, relations as edges.

The RDF graph stays the source of truth; this is a view of it for layout, centrality and
GraphML/GEXF export, so every node and edge attribute is a plain string or number.

- Node id: the entity's (or event's) IRI. Attributes: `label`, `kind` (a kg.types kind, or
  "event"), `iri`, `aliases` (" | "-joined), `mentions`; events add `date`, `time_text`,
  `event_class`.
- Edge key: the relation IRI (or the role name for event edges). Attributes: `relation` (label),
  `relation_iri`, `kind` ("fact", "role" for offices held, "participant" for event roles),
  `facts` (how many facts the edge gathers), `asserted` (how many of them are asserted),
  `articles` (how many articles attest it).

Facts collapse into one edge per (subject, relation, object). With `events=True`, facts that
belong to an event are drawn as the event instead: an event node linked to its participants.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.term import Node

from kg.types import KINDS, OFFICE
from kg.vocab import KG, KIND_CLASSES, NIF, PROV

EVENT = "event"
HOLDS_OFFICE = "holds office"
# Event roles in drawing order; the agent points at the event, the event at the others.
EVENT_ROLES = (("agent", KG.agent), ("patient", KG.patient), ("topic", KG.topic), ("place", KG.place))
_CLASS_KINDS = {cls: kind for kind, cls in KIND_CLASSES.items()}
# rdflib's RDF, RDFS and SKOS make a new term on each attribute lookup: the ones read per node.
_TYPE, _LABEL, _PREFLABEL, _ALTLABEL = RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel


@dataclass(frozen=True)
class FactRow:
    """One kg:Fact read back from the graph; IRIs as strings."""

    iri: str
    subject: str
    relation_iri: str
    relation: str  # the relation's label
    object: str | None  # an entity IRI, or None when the fact has literal `content`
    content: str | None
    event: str | None
    factuality: str  # local name of the kg:factuality value; "asserted" when absent
    evidence: tuple[str, ...]  # sentence IRIs
    articles: tuple[str, ...]  # article IRIs


@dataclass(frozen=True)
class EventRow:
    """One kg:Event read back from the graph; participants as (role, entity IRI) pairs."""

    iri: str
    relation: str
    event_class: str
    date: str
    time_text: str
    factuality: str
    participants: tuple[tuple[str, str], ...]
    evidence: tuple[str, ...]
    articles: tuple[str, ...]


def label_of(graph: Graph, node: Node) -> str:
    """The preferred label of `node`: rdfs:label, skos:prefLabel, else the IRI's last segment."""
    for prop in (_LABEL, _PREFLABEL):
        labels = sorted(str(o) for o in graph.objects(node, prop))
        if labels:
            return labels[0]
    if isinstance(node, Literal):
        return str(node)
    return str(node).rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def entity_kind(graph: Graph, iri: Node) -> str:
    """The kind of an entity from its rdf:type; the first in KINDS order when it has several."""
    kinds = {_CLASS_KINDS[t] for t in graph.objects(iri, _TYPE) if t in _CLASS_KINDS}
    return next((k for k in KINDS if k in kinds), "other")


def entities(graph: Graph) -> list[str]:
    """Every typed entity IRI, sorted."""
    found = {s for cls in KIND_CLASSES.values() for s in graph.subjects(_TYPE, cls)}
    return sorted(str(s) for s in found if isinstance(s, URIRef))


def aliases_of(graph: Graph, iri: Node) -> list[str]:
    """Every skos:altLabel of `iri` except its preferred label, sorted."""
    label = label_of(graph, iri)
    return sorted({str(a) for a in graph.objects(iri, _ALTLABEL)} - {label})


def _local(node: Node | None, default: str) -> str:
    return default if node is None else str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _one(graph: Graph, subject: Node, prop: URIRef) -> Node | None:
    values = sorted(graph.objects(subject, prop))
    return values[0] if values else None


def _articles(graph: Graph, subject: Node, evidence: Iterable[Node]) -> tuple[str, ...]:
    found = set(graph.objects(subject, PROV.wasDerivedFrom))
    for sentence in evidence:
        found.update(graph.objects(sentence, NIF.referenceContext))
    return tuple(sorted(str(a) for a in found))


def read_facts(graph: Graph) -> Iterator[FactRow]:
    """Every kg:Fact with a subject and predicate, in IRI order."""
    for fact in sorted(graph.subjects(_TYPE, KG.Fact)):
        subject, predicate = _one(graph, fact, KG.subject), _one(graph, fact, KG.predicate)
        if subject is None or predicate is None:
            continue
        obj, content = _one(graph, fact, KG.object), _one(graph, fact, KG.content)
        evidence = sorted(graph.objects(fact, KG.evidence))
        event = _one(graph, fact, KG.event)
        yield FactRow(
            iri=str(fact),
            subject=str(subject),
            relation_iri=str(predicate),
            relation=label_of(graph, predicate),
            object=str(obj) if isinstance(obj, URIRef) else None,
            content=str(content) if content is not None else None,
            event=str(event) if event is not None else None,
            factuality=_local(_one(graph, fact, KG.factuality), "asserted"),
            evidence=tuple(str(s) for s in evidence),
            articles=_articles(graph, fact, evidence),
        )


def read_events(graph: Graph) -> Iterator[EventRow]:
    """Every kg:Event, in IRI order."""
    for event in sorted(graph.subjects(_TYPE, KG.Event)):
        relation = _one(graph, event, KG.relation)
        classes = sorted(str(c) for c in graph.objects(event, _TYPE) if c != KG.Event)
        participants = tuple(
            (role, str(p))
            for role, prop in EVENT_ROLES
            for p in sorted(graph.objects(event, prop))
            if isinstance(p, URIRef)
        )
        evidence = sorted(graph.objects(event, KG.evidence))
        yield EventRow(
            iri=str(event),
            relation=label_of(graph, relation) if relation is not None else "event",
            event_class=_local(URIRef(classes[0]), "") if classes else "",
            date=str(_one(graph, event, KG.date) or ""),
            time_text=str(_one(graph, event, KG.timeText) or ""),
            factuality=_local(_one(graph, event, KG.factuality), "asserted"),
            participants=participants,
            evidence=tuple(str(s) for s in evidence),
            articles=_articles(graph, event, evidence),
        )


def _add_entity(g: nx.MultiDiGraph, graph: Graph, iri: str) -> None:
    if iri in g:
        return
    node = URIRef(iri)
    count = _one(graph, node, KG.mentionCount)
    g.add_node(
        iri,
        label=label_of(graph, node),
        kind=entity_kind(graph, node),
        iri=iri,
        aliases=" | ".join(aliases_of(graph, node)),
        mentions=int(count) if isinstance(count, Literal) and str(count).isdigit() else 0,
    )


def edge_kind(graph: Graph, fact: FactRow) -> str:
    """"role" for a fact that a person holds an office, else "fact"."""
    is_office = fact.object is not None and entity_kind(graph, URIRef(fact.object)) == OFFICE
    return "role" if fact.relation == HOLDS_OFFICE and is_office else "fact"


def to_networkx(
    graph: Graph, *, events: bool = False, facts: Iterable[FactRow] | None = None
) -> nx.MultiDiGraph:
    """Project `graph` onto a MultiDiGraph; see the module docstring for nodes and edges.

    facts: `read_facts(graph)`, when the caller has read them already.
    """
    g = nx.MultiDiGraph()
    for iri in entities(graph):
        _add_entity(g, graph, iri)
    gathered: dict[tuple[str, str, str], list[FactRow]] = defaultdict(list)
    for fact in read_facts(graph) if facts is None else facts:
        if fact.object is None or (events and fact.event is not None):
            continue
        gathered[(fact.subject, fact.object, fact.relation_iri)].append(fact)
    for (subject, obj, relation_iri), facts in sorted(gathered.items()):
        _add_entity(g, graph, subject)
        _add_entity(g, graph, obj)
        g.add_edge(
            subject,
            obj,
            key=relation_iri,
            relation=facts[0].relation,
            relation_iri=relation_iri,
            kind=edge_kind(graph, facts[0]),
            facts=len(facts),
            asserted=sum(f.factuality == "asserted" for f in facts),
            articles=len({a for f in facts for a in f.articles}),
        )
    if events:
        for event in read_events(graph):
            _add_event(g, graph, event)
    return g


def _add_event(g: nx.MultiDiGraph, graph: Graph, event: EventRow) -> None:
    g.add_node(
        event.iri,
        label=event.relation,
        kind=EVENT,
        iri=event.iri,
        aliases="",
        mentions=0,
        date=event.date,
        time_text=event.time_text,
        event_class=event.event_class,
    )
    for role, participant in event.participants:
        _add_entity(g, graph, participant)
        ends = (participant, event.iri) if role == "agent" else (event.iri, participant)
        g.add_edge(
            *ends,
            key=role,
            relation=role,
            relation_iri=str(KG[role]),
            kind="participant",
            facts=0,
            asserted=int(event.factuality == "asserted"),
            articles=len(event.articles),
        )
