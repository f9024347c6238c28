"""End to end: build seeds/ with the real model, read graph.ttl back with rdflib, check named facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from kg.cli import app
from kg.query import format_result, run_query

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "articles 5" in result.stdout
    return out


@pytest.fixture(scope="module")
def facts(built) -> list[dict]:
    rows = json.loads(format_result(run_query(built / "graph.ttl", QUERIES / "facts.rq"), "json"))
    return [{k: v["value"] for k, v in b.items()} for b in rows["results"]["bindings"]]


def test_seeds_graph_conforms_to_the_shapes(built):
    from kg.validate import validate

    report = validate(built / "graph.ttl")
    assert report.conforms, report.text()


def test_build_writes_turtle_html_and_ontology(built):
    graph = Graph().parse(built / "graph.ttl", format="turtle")
    assert len(graph) > 1000
    assert (built / "graph.html").stat().st_size > 10_000
    Graph().parse(built / "ontology.ttl", format="turtle")


def _has(facts, doc, subject, predicate, obj, **extra):
    return any(f["doc"].startswith(doc) and f["subject"] == subject and f["predicate"] == predicate
               and f.get("object") == obj and all(f.get(k) == v for k, v in extra.items()) for f in facts)


def test_named_facts_from_the_seeds(facts):
    assert _has(facts, "000", "Hakan Fidan", "meet", "Antony Blinken", location="Prague")
    assert _has(facts, "000", "Hakan Fidan", "discuss", "Gaza")
    assert _has(facts, "000", "Antony Blinken", "holds office", "U.S. Secretary of State")
    assert _has(facts, "003", "Ararat Mirzoyan", "attend", "talks")
    assert _has(facts, "003", "Jeyhun Bayramov", "holds office", "Azerbaijani Foreign Minister")
    for who in ("Jake Sullivan", "Antony Blinken"):
        for whom in ("Ron Dermer", "Tzachi Hanegbi"):
            assert _has(facts, "004", who, "engage", whom)
    for place in ("Qatar", "Egypt", "Israel"):
        assert _has(facts, "002", "Antony Blinken", "visit", place, factuality="planned")


def test_every_fact_is_traced_to_its_sentence(facts):
    assert facts
    for f in facts:
        assert f["sentence"] and int(f["begin"]) < int(f["end"])


def test_no_fact_from_boilerplate_or_with_a_bare_pronoun(facts):
    pronouns = {"he", "she", "it", "they", "them", "him", "her", "we"}
    assert not [f for f in facts if f["subject"].lower() in pronouns or f.get("object", "").lower() in pronouns]
    assert not [f for f in facts if "LEGAL WARNING" in f["sentence"] or "More like this" in f["sentence"]]


def test_one_node_per_person_across_articles(built):
    rows = run_query(built / "graph.ttl", QUERIES / "entities.rq").rows
    labels = [str(label) for _, label, _ in rows]
    assert labels.count("Antony Blinken") == 1
    assert "Blinken" not in labels


@pytest.mark.parametrize("query", sorted(p.name for p in QUERIES.glob("*.rq")))
def test_every_shipped_query_runs_and_answers(built, query):
    result = run_query(built / "graph.ttl", QUERIES / query)
    assert result.rows, f"{query} returned no rows on the seeds"


def test_same_input_gives_byte_identical_output(built, tmp_path):
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "--out", str(tmp_path)])
    assert result.exit_code == 0
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes()


def test_a_one_process_build_keeps_spacys_vocabulary_bounded(monkeypatch):
    # A long run adds every new word to the pipeline's StringStore; articles are parsed in memory
    # zones, so the strings of articles done with are dropped (the records hold their own copies).
    from kg import nlp as nlp_stage
    from kg import pipeline
    from kg.types import Article

    loaded, real_load = {}, nlp_stage.load

    def load(model=None):
        loaded["nlp"] = real_load(model)
        return loaded["nlp"]

    monkeypatch.setattr(pipeline.nlp_stage, "load", load)
    monkeypatch.setattr(pipeline, "ZONE_ARTICLES", 2)
    words = [f"Zorblax{i}quen" for i in range(5)]
    articles = [Article(id=f"a{i}", text=f"Minister Ana Ruiz met {w} in Lima on Monday.") for i, w in enumerate(words)]
    records = pipeline.extract_articles(articles)
    assert [r.article.id for r in records] == [a.id for a in articles]
    assert any(w in m.name for r in records for m in r.mentions for w in words)  # the words were read
    assert not any(w in loaded["nlp"].vocab.strings for w in words)
