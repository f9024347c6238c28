"""kg.triples.Triples: the build's light triple set answers the exporters as an rdflib Graph would."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, RDFS
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.triples import Triples
from kg.vocab import KG, NIF

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(app, ["build", str(ROOT / "seeds"), "--out", str(out), "--no-html"])
    assert result.exit_code == 0, result.output
    return out


def _both(path) -> tuple[Triples, rdflib.Graph]:
    graph = rdflib.Graph()
    graph.parse(path)
    triples = Triples(graph.namespaces())
    triples.update(graph)
    return triples, graph


def test_lookups_agree_with_rdflib(seeds_build):
    triples, graph = _both(seeds_build / "graph.ttl")
    assert len(triples) == len(graph)
    assert set(triples.subjects(RDF.type, KG.Fact)) == set(graph.subjects(RDF.type, KG.Fact))
    assert sorted(triples.subjects(KG.mentionCount)) == sorted(set(graph.subjects(KG.mentionCount)))
    for fact in graph.subjects(RDF.type, KG.Fact):
        for prop in (KG.subject, KG.predicate, KG.object, KG.evidence, KG.factuality):
            assert sorted(triples.objects(fact, prop)) == sorted(graph.objects(fact, prop))
    sentence = next(graph.subjects(RDF.type, NIF.Sentence))
    assert triples.value(sentence, NIF.anchorOf) == graph.value(sentence, NIF.anchorOf)
    assert triples.value(sentence, RDFS.comment) is None
    assert sorted(triples.triples((sentence, None, None))) == sorted(graph.triples((sentence, None, None)))
    assert isomorphic(triples.to_graph(), graph)


def test_the_index_follows_additions_and_removals():
    s, p = rdflib.URIRef("https://example.org/s"), rdflib.URIRef("https://example.org/p")
    triples = Triples()
    triples.add((s, p, rdflib.Literal(1)))
    assert triples.value(s, p) == rdflib.Literal(1)
    triples.discard((s, p, rdflib.Literal(1)))
    triples.add((s, p, rdflib.Literal(2)))
    assert list(triples.objects(s, p)) == [rdflib.Literal(2)] and list(triples.subjects(p)) == [s]


def test_a_hub_with_many_objects_keeps_one_of_each_like_a_graph():
    # Past a few objects of one subject and predicate, duplicates are found by key, not by scanning:
    # the set must still hold each term once, with rdflib's term equality (a typed and a plain
    # literal of the same text are two terms).
    hub, knows = rdflib.URIRef("http://example.org/hub"), rdflib.URIRef("http://example.org/knows")
    objects = [rdflib.URIRef(f"http://example.org/p{i}") for i in range(50)]
    objects += [rdflib.Literal("7"), rdflib.Literal("7", datatype=rdflib.XSD.integer), rdflib.Literal("7", lang="en"),
                rdflib.BNode("b1")]
    triples, graph = Triples(), rdflib.Graph()
    for o in objects + [type(o)(o) if not isinstance(o, rdflib.Literal) else rdflib.Literal(o, datatype=o.datatype,
                                                                                            lang=o.language)
                        for o in objects]:
        triples.add((hub, knows, o))
        graph.add((hub, knows, o))
    assert len(triples) == len(graph) == 54
    triples.discard((hub, knows, objects[3]))
    triples.add((hub, knows, objects[3]))
    triples.add((hub, knows, objects[4]))
    assert len(triples) == 54 and set(triples) == set(graph)
