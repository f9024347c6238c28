"""kg.export.rdf: every serialisation is deterministic, round-trips, and splits graphs per article."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import E, KGError
from kg.export.rdf import FORMATS, serialize, split_by_article, write_graph
from kg.query import load_graph

FIXTURES = Path(__file__).parent / "fixtures"
NEWS = FIXTURES / "news.ttl"
A1 = URIRef("https://example.org/kg/article/a1")
A2 = URIRef("https://example.org/kg/article/a2")
BLINKEN = URIRef("https://example.org/kg/entity/person/antony-blinken")
FIDAN = URIRef("https://example.org/kg/entity/person/hakan-fidan")
MEET = URIRef("https://example.org/kg/relation/meet")


@pytest.fixture(scope="module")
def news() -> rdflib.Graph:
    return load_graph(NEWS)


def _rebuilt(graph: rdflib.Graph, seed: int) -> rdflib.Graph:
    """The same triples and prefixes, added in another order."""
    triples = sorted(graph, key=str)
    random.Random(seed).shuffle(triples)
    prefixes = list(graph.namespaces())
    random.Random(seed).shuffle(prefixes)
    rebuilt = rdflib.Graph(bind_namespaces="none")
    for prefix, ns in prefixes:
        rebuilt.bind(prefix, ns)
    for triple in triples:
        rebuilt.add(triple)
    return rebuilt


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_same_graph_gives_the_same_bytes_whatever_the_insertion_order(news, fmt):
    first, second = _rebuilt(news, 1), _rebuilt(news, 2)
    assert list(first) != list(second)  # the orders really differ
    assert serialize(first, fmt) == serialize(second, fmt)


def test_same_bytes_across_processes_with_different_hash_seeds(tmp_path):
    # Set and dict orders that depend on string hashing must not leak into the output.
    script = (
        "import sys; from kg.query import load_graph; from kg.export.rdf import FORMATS, write_graph\n"
        "g = load_graph(sys.argv[1])\n"
        "for name, f in FORMATS.items(): write_graph(g, sys.argv[2] + '/graph' + f.extension)\n"
    )
    for seed in ("1", "2"):
        (tmp_path / seed).mkdir()
        subprocess.run([sys.executable, "-c", script, str(NEWS), str(tmp_path / seed)], check=True,
                       env={"PYTHONHASHSEED": seed, "PATH": ""}, cwd=Path(__file__).parent.parent)
    for f in FORMATS.values():
        assert (tmp_path / "1" / f"graph{f.extension}").read_bytes() == (tmp_path / "2" / f"graph{f.extension}").read_bytes()


@pytest.mark.parametrize("fmt, parser", [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")])
def test_graph_formats_round_trip(news, fmt, parser):
    assert isomorphic(rdflib.Graph().parse(data=serialize(news, fmt), format=parser), news)


@pytest.mark.parametrize("fmt, parser", [("trig", "trig"), ("nquads", "nquads")])
def test_dataset_formats_hold_one_named_graph_per_article(news, fmt, parser):
    dataset = rdflib.Dataset()
    dataset.parse(data=serialize(news, fmt), format=parser)
    names = {g.identifier for g in dataset.graphs() if len(g)} - {rdflib.graph.DATASET_DEFAULT_GRAPH_ID}
    assert names == {A1, A2}
    union = rdflib.Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, news)


def test_split_puts_provenance_in_article_graphs_and_entities_in_the_default(news):
    graphs = split_by_article(news)
    assert set(graphs) == {None, A1, A2}
    subjects = {name: {s for s, _, _ in triples} for name, triples in graphs.items()}
    assert URIRef("https://example.org/kg/event/a1/37") in subjects[A1]
    assert URIRef("https://example.org/kg/article/a2#char=0,68") in subjects[A2]
    assert BLINKEN in subjects[None] and (BLINKEN, rdflib.RDFS.label, Literal("Antony Blinken")) in graphs[None]
    # A direct triple stated in both articles is in both graphs, and nowhere else.
    assert (BLINKEN, MEET, FIDAN) in graphs[A1] and (BLINKEN, MEET, FIDAN) in graphs[A2]
    assert (BLINKEN, MEET, FIDAN) not in graphs[None]
    assert set().union(*graphs.values()) == set(news)


def test_turtle_is_sorted_and_uses_only_the_prefixes_it_needs(news):
    text = serialize(news, "turtle").decode()
    prefixes = [line for line in text.splitlines() if line.startswith("@prefix")]
    assert prefixes == sorted(prefixes)
    assert "@prefix owl:" not in text and "@prefix kg: <https://example.org/kg/ns#> ." in text
    subjects = [line.split()[0] for line in text.split("\n\n")[1:]]
    assert subjects.index("article:a1") < subjects.index("article:a2")


def test_jsonld_has_a_context_of_prefixes(news):
    document = json.loads(serialize(news, "jsonld"))
    assert document["@context"]["kg"] == "https://example.org/kg/ns#"
    event = next(node for node in document["@graph"] if node["@id"] == "https://example.org/kg/event/a2/37")
    assert event["@type"] == ["kg:Event", "kg:Visit"]
    assert event["kg:date"] == {"@value": "2024-03-12", "@type": "xsd:date"}


def test_literals_that_need_escaping_survive_turtle_and_trig():
    graph = rdflib.Graph()
    tricky = Literal('line one\nline "two"\twith tab \\ and ünïcode')
    graph.add((BLINKEN, rdflib.RDFS.comment, tricky))
    graph.add((BLINKEN, rdflib.RDFS.label, Literal("Blinken", lang="en")))
    for fmt, parser in [("turtle", "turtle"), ("trig", "trig"), ("ntriples", "nt"), ("jsonld", "json-ld")]:
        back = rdflib.Dataset()
        back.parse(data=serialize(graph, fmt), format=parser)
        assert tricky in set(back.objects(BLINKEN, rdflib.RDFS.comment)), fmt


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_networkx_formats_are_readable_and_carry_no_date(news, tmp_path, fmt):
    path = tmp_path / f"graph.{fmt}"
    write_graph(news, path)
    view = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(path)
    assert str(BLINKEN) in view and str(FIDAN) in view
    assert b"lastmodifieddate" not in path.read_bytes()


def test_write_graph_infers_the_format_and_leaves_no_temporary_file(news, tmp_path):
    write_graph(news, tmp_path / "out" / "graph.nt")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["graph.nt"]
    assert (tmp_path / "out" / "graph.nt").read_bytes() == serialize(news, "ntriples")
    write_graph(news, tmp_path / "graph.txt", "turtle")
    assert (tmp_path / "graph.txt").read_bytes() == serialize(news, "turtle")


def test_unknown_format_and_extension_list_the_valid_ones(news, tmp_path):
    with pytest.raises(KGError) as err:
        serialize(news, "rdfxml")
    assert err.value.code is E.UNKNOWN_NAME
    assert "turtle, ntriples, trig, nquads, jsonld, graphml, gexf" in str(err.value)
    with pytest.raises(KGError, match=r"\.ttl, \.nt"):
        write_graph(news, tmp_path / "graph.rdf")
