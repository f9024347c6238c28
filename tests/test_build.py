"""Building from messy inputs: skipped files reported, good articles kept, outputs never half-written."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDFS, SKOS, Graph
from typer.testing import CliRunner

from kg.cli import EXIT_SKIPPED, app
from kg.query import run_query

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
FACTS = ROOT / "queries" / "facts.rq"
runner = CliRunner()


def _facts(graph: Path) -> set[tuple[str, ...]]:
    return {tuple(str(v) for v in row[:4]) for row in run_query(graph, FACTS).rows}


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    result = runner.invoke(app, ["build", str(CORPUS), "--out", str(out)])
    return out, result


def test_bad_inputs_are_listed_with_file_line_and_reason(corpus_build):
    _, result = corpus_build
    assert result.exit_code == EXIT_SKIPPED, result.output
    out = result.stdout
    assert "skipped" in out
    for expected in ("empty.txt: empty file", "image.txt: binary file", "latin1.txt:1: not UTF-8",
                     "french.txt: not English", "broken.json:1: malformed JSON", "export.jsonl:3: malformed JSON line",
                     "duplicate"):
        assert expected in out


def test_every_good_article_is_in_the_graph_with_all_its_facts(corpus_build, tmp_path):
    out, _ = corpus_build
    mixed = _facts(out / "graph.ttl")
    good_only = tmp_path / "good"
    shutil.copytree(CORPUS / "good", good_only / "in")
    result = runner.invoke(app, ["build", str(good_only / "in"), "--out", str(good_only / "out")])
    assert result.exit_code == EXIT_SKIPPED  # the malformed lines inside export.jsonl
    # Compared without the article id: a duplicate pair keeps whichever copy was read first.
    alone = {f[1:] for f in _facts(good_only / "out" / "graph.ttl")}
    assert alone and alone <= {f[1:] for f in mixed}


def test_fail_fast_stops_and_writes_nothing(tmp_path):
    result = runner.invoke(app, ["build", str(CORPUS / "bad"), "--out", str(tmp_path), "--fail-fast"])
    assert result.exit_code == 2
    assert "--fail-fast" in result.stderr
    assert not (tmp_path / "graph.ttl").exists()


def test_fail_fast_stops_worker_processes_that_are_parsing(tmp_path):
    # With --jobs 2 the workers parse the first articles while later inputs are still read: an
    # unreadable input after them still stops the build, with its message and nothing written.
    src = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", src)
    (src / "zz_empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src), "--out", str(out), "--fail-fast", "--jobs", "2"])
    assert result.exit_code == 2
    assert "zz_empty.txt" in result.stderr and "--fail-fast" in result.stderr
    assert not (out / "graph.ttl").exists()


def test_update_adds_only_new_articles(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for p in seeds[:2]:
        shutil.copy(p, src)
    assert runner.invoke(app, ["build", str(src), "--out", str(tmp_path / "out")]).exit_code == 0
    for p in seeds[2:]:
        shutil.copy(p, src)
    result = runner.invoke(app, ["build", str(src), "--out", str(tmp_path / "out"), "--update"])
    assert result.exit_code == 0, result.output
    assert "articles 3" in result.stdout and "unchanged): 2" in result.stdout
    full = tmp_path / "full"
    assert runner.invoke(app, ["build", str(src), "--out", str(full)]).exit_code == 0
    updated = Graph().parse(tmp_path / "out" / "graph.ttl")
    rebuilt = Graph().parse(full / "graph.ttl")
    # Nothing duplicated, nothing lost: the same nodes, and the same triples but for aliases. An
    # entity already in the graph keeps its label, so a label the full build would pick instead
    # is kept as one more skos:altLabel.
    assert set(updated.subjects()) == set(rebuilt.subjects())
    aliases = SKOS.altLabel
    assert {t for t in updated if t[1] != aliases} == {t for t in rebuilt if t[1] != aliases}
    assert {t for t in rebuilt if t[1] == aliases} <= {t for t in updated if t[1] == aliases} | {
        (s, aliases, label) for s, label in updated.subject_objects(RDFS.label)}
    assert _facts(tmp_path / "out" / "graph.ttl") == _facts(full / "graph.ttl")


def test_an_interrupted_build_leaves_the_previous_output_intact(tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(ROOT / "seeds"), "--out", str(out)]).exit_code == 0
    before = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.html")}
    big = tmp_path / "big"
    big.mkdir()
    for i in range(12):  # enough articles for progress lines, so we know parsing is under way
        for p in (ROOT / "seeds").glob("*.txt"):
            (big / f"{i}_{p.name}").write_text(p.read_text(encoding="utf-8") + f"\n\nCopy {i}.", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(big), "--out", str(out)],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        line = proc.stderr.readline()
        assert "articles parsed" in line, line
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == -signal.SIGKILL
    for name, data in before.items():
        assert (out / name).read_bytes() == data
    Graph().parse(out / "graph.ttl")


def test_attribution_line_becomes_the_articles_author_not_a_fact(tmp_path):
    src = tmp_path / "readout.txt"
    src.write_text("Minister's Call with the Mayor\n\nOffice of the Spokesperson\n\n"
                   "The below is attributable to Spokesperson Jane Roe:\n\n"
                   "Minister Karl Lind spoke today with Mayor Ana Vidal of Lisbon. "
                   "Spokesperson Jane Roe said the call was productive.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(src), "--out", str(out)]).exit_code == 0
    rows = run_query(out / "graph.ttl", """
        SELECT ?label (COUNT(DISTINCT ?p) AS ?nodes) WHERE {
          ?a a schema:NewsArticle ; schema:author ?p ; prov:wasAttributedTo ?p .
          ?p a schema:Person ; rdfs:label ?label . } GROUP BY ?label""").rows
    assert [(str(label), int(n)) for label, n in rows] == [("Jane Roe", 1)]
    assert all("attributable" not in str(f[6]) for f in run_query(out / "graph.ttl", FACTS).rows)
    people = run_query(out / "graph.ttl", "SELECT ?p WHERE { ?p a schema:Person ; rdfs:label ?l FILTER(CONTAINS(?l, 'Roe')) }").rows
    assert len(people) == 1  # the author and the person quoted in the text are one node


def test_a_fact_with_nobody_on_its_other_side_shows_its_event_in_the_object_column(tmp_path):
    src = tmp_path / "wire.txt"
    src.write_text("Rebel commander Omar Tembo died on Monday.\n"
                   "Minister Ruth Phiri met Peter Mwale in Lusaka.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(src), "--out", str(out), "--no-html"]).exit_code == 0
    result = run_query(out / "graph.ttl", FACTS)
    rows = {(str(r[1]), str(r[2])): r for r in result.rows}
    kind = result.variables.index("objectKind")
    # the object column names the event (its trigger and when); ?objectKind says which it is
    died = rows[("Omar Tembo", "die")]
    assert (str(died[3]), str(died[kind])) == ("died, Monday", "event")
    met = rows[("Ruth Phiri", "meet")]
    assert (str(met[3]), str(met[kind])) == ("Peter Mwale", "entity")
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    labels = {str(o) for s, o in graph.subject_objects(RDFS.label) if "/event/" in str(s)}
    assert {"died, Monday", "met in Lusaka"} <= labels
