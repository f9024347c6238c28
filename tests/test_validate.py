"""kg/ontology.ttl declares exactly our vocabulary; kg/shapes.ttl accepts good graphs and explains bad ones."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.validate import ValidationReport, Violation, ontology_graph, validate
from kg.vocab import KG, KG_NS, NIF

FIXTURES = Path(__file__).parent / "fixtures"
EVENT = URIRef("https://example.org/kg/event/a2/37")
SENTENCE = URIRef("https://example.org/kg/article/a1#char=0,100")


def _vocab_terms() -> set[URIRef]:
    return {KG[name] for name in KG.__annotations__}


def _declared_terms() -> set[URIRef]:
    ontology = ontology_graph()
    return {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(KG_NS)}


def test_every_vocab_term_is_declared_in_the_ontology_and_vice_versa():
    assert _vocab_terms() - _declared_terms() == set(), "declare these in kg/ontology.ttl"
    assert _declared_terms() - _vocab_terms() == set(), "add these to kg.vocab.KG or drop them"


@pytest.mark.parametrize("term", sorted(_vocab_terms()), ids=lambda t: t.split("#")[-1])
def test_every_term_has_a_label_and_a_comment(term):
    ontology = ontology_graph()
    assert ontology.value(term, RDFS.label) is not None
    assert ontology.value(term, RDFS.comment) is not None


def test_the_ontology_aligns_with_sem_prov_schema_and_rdf():
    ontology = ontology_graph()
    sem = rdflib.Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    assert (KG.Event, RDFS.subClassOf, sem.Event) in ontology
    assert (KG.Fact, RDFS.subClassOf, RDF.Statement) in ontology
    assert (KG.agent, RDFS.subPropertyOf, sem.hasActor) in ontology
    assert (KG.place, RDFS.subPropertyOf, sem.hasPlace) in ontology
    assert (KG.evidence, RDFS.subPropertyOf, prov.wasDerivedFrom) in ontology
    assert (KG.Meeting, RDFS.subClassOf, KG.Event) in ontology
    assert "NIF" in str(ontology.value(URIRef("https://example.org/kg/ns"), RDFS.comment))
    assert (URIRef("https://example.org/kg/ns"), RDF.type, OWL.Ontology) in ontology


@pytest.mark.parametrize("name", ["news.ttl", "dated-event.ttl"])
def test_hand_made_graphs_conform(name):
    report = validate(FIXTURES / name)
    assert report.violations == ()
    assert report.conforms
    assert report.text() == "The graph conforms to the kg shapes.\n"


def test_broken_graph_yields_each_violation():
    report = validate(FIXTURES / "broken.ttl")
    assert not report.conforms
    found = {(v.focus, v.path) for v in report.violations}
    assert found == {
        ("<https://example.org/kg/event/b1/9>", None),  # event without agent or patient
        ("<https://example.org/kg/event/b1/9>", "kg:date"),  # "next Tuesday" is not an xsd:date
        ("<https://example.org/kg/entity/person/hakan-fidan>", "rdfs:label"),  # entity without label
        ("<https://example.org/kg/fact/b1/000000000001>", None),  # fact with neither object, content nor event
    }
    assert all(v.severity == "Violation" for v in report.violations)


def test_report_reads_as_focus_path_value_message():
    text = validate(FIXTURES / "broken.ttl").text()
    assert text.startswith("The graph does not conform to the kg shapes: 4 results.\n")
    assert (
        "Violation: <https://example.org/kg/event/b1/9>\n"
        "  path:    kg:date\n"
        '  value:   "next Tuesday"\n'
        "  message: kg:date is an xsd:date (YYYY-MM-DD)\n"
    ) in text
    assert "  message: an event has at least one participant (kg:agent or kg:patient)\n" in text
    assert "  message: a fact has a kg:object, a kg:content, or (\"X died\") the kg:event it states\n" in text


def _news_with(*changes: tuple[str, tuple]) -> rdflib.Graph:
    graph = rdflib.Graph().parse(FIXTURES / "news.ttl")
    for op, triple in changes:
        getattr(graph, op)(triple)
    return graph


@pytest.mark.parametrize(
    ("changes", "path", "message"),
    [
        # An ill-formed date typed as xsd:date.
        ([("set", (EVENT, KG.date, Literal("2024-13-45", datatype=rdflib.XSD.date)))], "kg:date", "xsd:date"),
        # Offsets as plain integers rather than xsd:nonNegativeInteger.
        ([("set", (SENTENCE, NIF.endIndex, Literal(100)))], "nif:endIndex", "nonNegativeInteger"),
        # Two relations on one event.
        ([("add", (EVENT, KG.relation, URIRef("https://example.org/kg/relation/go")))], "kg:relation", "exactly one"),
        # A factuality outside the closed set.
        ([("set", (EVENT, KG.factuality, KG.Event))], "kg:factuality", "one of"),
    ],
    ids=["bad-date", "untyped-offset", "two-relations", "bad-factuality"],
)
def test_each_constraint_catches_its_breakage(changes, path, message):
    report = validate(_news_with(*changes))
    assert not report.conforms
    assert any(v.path == path and message in v.message for v in report.violations), report.text()


def test_an_event_typed_only_by_its_subclass_is_still_checked():
    graph = _news_with(("remove", (EVENT, RDF.type, KG.Event)), ("remove", (EVENT, KG.agent, None)),
                       ("remove", (EVENT, KG.patient, None)))
    report = validate(graph)
    assert [(v.focus, v.path) for v in report.violations] == [(f"<{EVENT}>", None)]


def test_report_is_a_plain_value():
    report = ValidationReport(False, (Violation("<x>", "kg:agent", "needs an agent", "Violation"),))
    assert str(report) == (
        "The graph does not conform to the kg shapes: 1 result.\n"
        "Violation: <x>\n  path:    kg:agent\n  message: needs an agent\n"
    )
