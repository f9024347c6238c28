"""kg.query: reading graphs, running SPARQL, and the W3C result formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import E, KGError
from kg.export.rdf import write_graph
from kg.query import QueryResult, format_result, load_graph, run_query
from conftest import xsd

FIXTURES = Path(__file__).parent / "fixtures"
NEWS = FIXTURES / "news.ttl"
QUERIES = FIXTURES / "queries"
BLINKEN = URIRef("https://example.org/kg/entity/person/antony-blinken")
FIDAN = URIRef("https://example.org/kg/entity/person/hakan-fidan")


@pytest.fixture(scope="module")
def news() -> rdflib.Graph:
    return load_graph(NEWS)


def test_turtle_is_parsed_by_rdflib_so_plain_literals_match(news):
    # oxrdflib's parsers would type "Antony Blinken" as xsd:string and this pattern would not match.
    assert news.value(predicate=rdflib.RDFS.label, object=Literal("Antony Blinken")) == BLINKEN
    result = run_query(news, 'SELECT ?x WHERE { ?x rdfs:label "Antony Blinken" }')
    assert result.rows == ((BLINKEN,),)


@pytest.mark.parametrize("suffix", [".nt", ".trig", ".nq", ".jsonld"])
def test_every_format_loads_to_the_same_triples(news, tmp_path, suffix):
    path = tmp_path / f"graph{suffix}"
    write_graph(news, path)
    loaded = load_graph(path)
    union = rdflib.Graph()
    for triple in loaded.triples((None, None, None)):
        union.add(triple)
    assert isomorphic(union, news)


def test_a_dataset_is_queried_as_the_union_of_its_graphs(news, tmp_path):
    write_graph(news, tmp_path / "graph.trig")
    result = run_query(tmp_path / "graph.trig", QUERIES / "who-met-whom.rq")
    assert [row[:3:2] for row in result.rows] == [(BLINKEN, FIDAN)]


def test_missing_graph_says_how_to_build_one(tmp_path):
    with pytest.raises(KGError) as err:
        load_graph(tmp_path / "nope.ttl")
    assert err.value.code is E.GRAPH_MISSING
    assert "kg build" in str(err.value)


def test_unknown_extension_lists_the_valid_ones(tmp_path):
    (tmp_path / "graph.xyz").write_text("")
    with pytest.raises(KGError, match=r"choose one of: \.ttl, \.nt, \.trig"):
        load_graph(tmp_path / "graph.xyz")


@pytest.mark.parametrize(
    ("name", "text", "position"),
    [
        ("bad.ttl", "@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b\n  ex:c ex:d .\n", "line 4, column 8"),
        ("bad.nt", "<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n", "line 2, column"),
        ("bad.jsonld", '{"@id": "http://a",\n  "http://b": }', "line 2, column 15"),
    ],
)
def test_parse_errors_say_file_line_and_column(tmp_path, name, text, position):
    (tmp_path / name).write_text(text)
    with pytest.raises(KGError) as err:
        load_graph(tmp_path / name)
    assert err.value.code is E.GRAPH_PARSE
    assert name in str(err.value)
    assert position in str(err.value)


def test_query_from_a_file_and_inline_give_the_same_answer(news):
    from_file = run_query(news, QUERIES / "who-met-whom.rq")
    inline = run_query(news, (QUERIES / "who-met-whom.rq").read_text())
    assert from_file == QueryResult("select", ("a", "aLabel", "b", "bLabel"),
                                    ((BLINKEN, Literal("Antony Blinken"), FIDAN, Literal("Hakan Fidan")),))
    assert inline.rows == from_file.rows


def test_query_path_as_string_is_read_from_the_file(news):
    result = run_query(NEWS, str(QUERIES / "events-on-date.rq"))
    assert result.rows == ((URIRef("https://example.org/kg/event/a2/37"),),)


def test_our_prefixes_need_no_declaration(news):
    result = run_query(news, "SELECT ?e WHERE { ?e a kg:Visit ; kg:relation rel:visit }")
    assert len(result.rows) == 1


def test_syntax_error_reports_line_and_column(news):
    with pytest.raises(KGError) as err:
        run_query(news, "SELECT ?x WHERE {\n  ?x rdfs:label \n}")
    assert err.value.code is E.QUERY_SYNTAX
    assert "line 3, column 1: expected" in str(err.value)
    assert "the inline query" in str(err.value)


def test_syntax_error_in_a_file_names_the_file(news, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x ?y }\n")
    with pytest.raises(KGError, match=r"bad\.rq at line \d+, column \d+: expected"):
        run_query(news, bad)


def test_undeclared_prefix_is_reported(news):
    with pytest.raises(KGError) as err:
        run_query(news, "SELECT ?x WHERE { ?x nope:p ?y }")
    assert err.value.code is E.QUERY_INVALID
    assert "nope" in str(err.value)


def test_missing_query_file(news, tmp_path):
    with pytest.raises(KGError) as err:
        run_query(news, str(tmp_path / "missing.rq"))
    assert err.value.code is E.QUERY_MISSING


# ---------------------------------------------------------------- formats




SAMPLE = QueryResult(
    "select",
    ("s", "label", "n", "date"),
    (
        (BLINKEN, Literal('Antony "Tony", Blinken'), Literal(3), None),
        (FIDAN, Literal("Hakan\tFidan", lang="tr"), Literal(5), Literal("2024-03-12", datatype=xsd("date"))),
    ),
)


def test_json_is_the_w3c_results_format():
    assert json.loads(format_result(SAMPLE, "json")) == {
        "head": {"vars": ["s", "label", "n", "date"]},
        "results": {"bindings": [
            {"s": {"type": "uri", "value": str(BLINKEN)},
             "label": {"type": "literal", "value": 'Antony "Tony", Blinken'},
             "n": {"type": "literal", "value": "3", "datatype": str(xsd("integer"))}},
            {"s": {"type": "uri", "value": str(FIDAN)},
             "label": {"type": "literal", "value": "Hakan\tFidan", "xml:lang": "tr"},
             "n": {"type": "literal", "value": "5", "datatype": str(xsd("integer"))},
             "date": {"type": "literal", "value": "2024-03-12", "datatype": str(xsd("date"))}},
        ]},
    }


def test_csv_is_the_w3c_results_format():
    assert format_result(SAMPLE, "csv") == (
        "s,label,n,date\r\n"
        f'{BLINKEN},"Antony ""Tony"", Blinken",3,\r\n'
        f"{FIDAN},Hakan\tFidan,5,2024-03-12\r\n"
    )


def test_tsv_is_the_w3c_results_format():
    assert format_result(SAMPLE, "tsv") == (
        "?s\t?label\t?n\t?date\n"
        f'<{BLINKEN}>\t"Antony \\"Tony\\", Blinken"\t"3"^^<{xsd("integer")}>\t\n'
        f'<{FIDAN}>\t"Hakan\\tFidan"@tr\t"5"^^<{xsd("integer")}>\t"2024-03-12"^^<{xsd("date")}>\n'
    )


def test_table_is_aligned_with_short_names():
    lines = format_result(SAMPLE, "table").splitlines()
    assert lines[0].split() == ["?s", "?label", "?n", "?date"]
    assert lines[2].startswith(f"{BLINKEN}  Antony")
    assert lines[0].index("?label") == lines[2].index("Antony") == lines[3].index("Hakan")
    assert lines[-1] == "(2 rows)"


def test_ask_in_every_format(news):
    result = run_query(news, "ASK { ?e a kg:Meeting }")
    assert result == QueryResult("ask", boolean=True)
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": True}
    assert format_result(result, "table") == format_result(result, "csv") == "true\n"


def test_construct_is_rdf_in_table_and_json_and_rows_in_csv(news):
    result = run_query(news, "CONSTRUCT { ?a rel:meet ?b } WHERE { ?a rel:meet ?b }")
    assert result.kind == "graph" and len(result.graph) == 1
    assert "rel:meet" in format_result(result, "table")
    assert json.loads(format_result(result, "json"))["@graph"][0]["@id"] == str(BLINKEN)
    assert format_result(result, "csv").splitlines() == [
        "subject,predicate,object", f"{BLINKEN},https://example.org/kg/relation/meet,{FIDAN}"]


def test_unknown_result_format_lists_the_valid_ones():
    with pytest.raises(KGError, match="choose one of: table, csv, tsv, json"):
        format_result(SAMPLE, "xml")


PRODUCT_QUERIES = sorted((Path(__file__).parent.parent / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory) -> Path:
    from typer.testing import CliRunner

    from kg.cli import app

    out = tmp_path_factory.mktemp("seeds")
    seeds = Path(__file__).parent.parent / "seeds"
    assert CliRunner().invoke(app, ["build", str(seeds), "--out", str(out), "--no-html"]).exit_code == 0
    return out / "graph.ttl"


def _values(result: QueryResult) -> list[tuple]:
    # Oxigraph writes derived integer types as xsd:integer; the values are the same
    return sorted(tuple("" if t is None else str(t) for t in row) for row in result.rows)


@pytest.mark.parametrize("query", PRODUCT_QUERIES, ids=lambda p: p.name)
def test_the_oxigraph_engine_answers_as_rdflib_does(seeds_graph, query):
    # `kg query --engine oxigraph` loads the file into an in-memory Oxigraph store
    text = query.read_text(encoding="utf-8")
    rdflib_answer = run_query(seeds_graph, text)
    oxigraph_answer = run_query(seeds_graph, text, engine="oxigraph")
    assert oxigraph_answer.variables == rdflib_answer.variables
    assert rdflib_answer.rows  # the seeds answer every product query
    assert _values(oxigraph_answer) == _values(rdflib_answer)


def test_an_unknown_engine_lists_the_valid_ones():
    with pytest.raises(KGError) as err:
        run_query(NEWS, "SELECT * WHERE { ?s ?p ?o }", engine="virtuoso")
    assert err.value.code == E.UNKNOWN_NAME and "rdflib, oxigraph" in str(err.value)
