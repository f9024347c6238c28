"""The graph in real stores: Oxigraph in-process, Virtuoso over HTTP, rapper's parser, any GSP endpoint.

Tests marked `store` need Debian's virtuoso-opensource-7-bin (virtuoso-t, isql-vt) and
raptor2-utils (rapper); they are skipped, saying so, only when those binaries are absent.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import E, KGError
from kg.export.rdf import FORMATS, split_by_article, write_graph
from kg.query import QueryResult, load_graph, run_query
from kg.store import load_into_store, open_store, push_to_endpoint
from conftest import xsd

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
NEWS = FIXTURES / "news.ttl"
# Our fixture queries, and the project's own queries when there are any.
QUERY_FILES = sorted((FIXTURES / "queries").glob("*.rq")) + sorted((ROOT / "queries").glob("*.rq"))
QUERY_IDS = [f"{p.parent.name}/{p.stem}" for p in QUERY_FILES]


@pytest.fixture(scope="module")
def news() -> rdflib.Graph:
    return load_graph(NEWS)



# Oxigraph stores every integer-derived datatype (xsd:nonNegativeInteger, xsd:int...) as
# xsd:integer: the same number, but DATATYPE() and the answer's datatype differ from rdflib's.
_INTEGER_TYPES = {xsd(name) for name in (
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}


def _canonical(term):
    if isinstance(term, Literal) and term.datatype in _INTEGER_TYPES:
        return Literal(str(term), datatype=xsd("integer"))
    return term


def _answers(result: QueryResult, *, canonical_integers: bool = False) -> list[tuple]:
    """Rows as a sorted list: engines may return solutions in any order."""
    rows = [tuple(map(_canonical, row)) if canonical_integers else row for row in result.rows]
    return sorted(rows, key=lambda row: [(str(type(t)), str(t)) for t in row])


# ---------------------------------------------------------------- Oxigraph


@pytest.fixture(scope="module")
def oxigraph_dir(tmp_path_factory, news) -> Path:
    store_dir = tmp_path_factory.mktemp("oxigraph")
    assert load_into_store(NEWS, store_dir) == len(news)
    return store_dir


@pytest.mark.parametrize("query", QUERY_FILES, ids=QUERY_IDS)
def test_oxigraph_store_answers_as_rdflib_does(news, oxigraph_dir, query):
    from_store = run_query(oxigraph_dir, query)
    from_rdflib = run_query(news, query)
    assert from_store.variables == from_rdflib.variables
    assert _answers(from_store, canonical_integers=True) == _answers(from_rdflib, canonical_integers=True)


def test_plain_literal_patterns_match_in_the_store(oxigraph_dir):
    # Oxigraph stores "Hakan Fidan" as xsd:string; the answer comes back as rdflib's plain literal.
    result = run_query(oxigraph_dir, 'SELECT ?e ?l WHERE { ?e rdfs:label "Hakan Fidan" ; rdfs:label ?l }')
    assert result.rows == ((URIRef("https://example.org/kg/entity/person/hakan-fidan"), Literal("Hakan Fidan")),)


def test_store_keeps_offsets_as_numbers_but_not_their_derived_datatype(oxigraph_dir, news):
    query = "SELECT ?b WHERE { <https://example.org/kg/article/a1#char=0,100> nif:beginIndex ?b }"
    assert run_query(news, query).rows == ((Literal("0", datatype=xsd("nonNegativeInteger")),),)
    assert run_query(oxigraph_dir, query).rows == ((Literal("0", datatype=xsd("integer")),),)


def test_store_ask_and_construct(oxigraph_dir, news):
    assert run_query(oxigraph_dir, "ASK { ?e kg:date ?d }") == QueryResult("ask", boolean=True)
    construct = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a schema:Person ; rdfs:label ?l }"
    assert isomorphic(run_query(oxigraph_dir, construct).graph, run_query(news, construct).graph)


def test_trig_in_the_store_keeps_article_graphs_and_answers_the_same(tmp_path, news):
    write_graph(news, tmp_path / "graph.trig")
    store_dir = tmp_path / "store"
    load_into_store(tmp_path / "graph.trig", store_dir)
    store = open_store(store_dir, read_only=True)
    assert {g.value for g in store.named_graphs()} == {
        "https://example.org/kg/article/a1", "https://example.org/kg/article/a2"}
    del store
    query = FIXTURES / "queries" / "fact-evidence.rq"
    from_store = _answers(run_query(store_dir, query), canonical_integers=True)
    assert from_store == _answers(run_query(news, query), canonical_integers=True)


def test_store_loads_an_rdflib_graph_and_jsonld(tmp_path, news):
    assert load_into_store(news, tmp_path / "a") == len(news)
    write_graph(news, tmp_path / "graph.jsonld")
    assert load_into_store(tmp_path / "graph.jsonld", tmp_path / "b") == len(news)
    # Loading again replaces rather than adds.
    assert load_into_store(news, tmp_path / "a") == len(news)


def test_store_syntax_error_has_line_and_column(oxigraph_dir):
    with pytest.raises(KGError) as err:
        run_query(oxigraph_dir, "SELECT ?x WHERE {\n  ?x rdfs:label \n}")
    assert err.value.code is E.QUERY_SYNTAX
    assert "line 3, column 1" in str(err.value)


def test_a_plain_folder_is_not_a_store(tmp_path):
    with pytest.raises(KGError) as err:
        run_query(tmp_path, "ASK {}")
    assert err.value.code is E.NOT_A_STORE
    assert "kg build --store" in str(err.value)


def test_bad_file_into_store_says_where(tmp_path):
    (tmp_path / "bad.ttl").write_text("<http://a> <http://b> .\n")
    with pytest.raises(KGError, match=r"bad\.ttl.*line 1"):
        load_into_store(tmp_path / "bad.ttl", tmp_path / "store")


# ---------------------------------------------------------------- Graph Store Protocol (any endpoint)


class _GraphStore(BaseHTTPRequestHandler):
    """A tiny GSP endpoint that asks for Basic credentials and records what it was sent."""

    received: list[tuple[str, str, str, bytes]] = []
    credentials = "Basic " + base64.b64encode(b"alice:secret").decode()

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.headers.get("Authorization") != self.credentials:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
            self.end_headers()
            return
        self.received.append((self.command, self.path, self.headers["Content-Type"], body))
        self.send_response(201)
        self.end_headers()

    do_PUT = do_POST = _handle

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def gsp_endpoint() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _GraphStore)
    _GraphStore.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/store"
    server.shutdown()
    server.server_close()


def test_push_puts_the_file_into_the_named_graph_with_basic_auth(gsp_endpoint, news):
    pushed = push_to_endpoint(NEWS, gsp_endpoint, graph_iri="https://example.org/g", user="alice", password="secret")
    assert [(p.graph, p.status) for p in pushed] == [("https://example.org/g", 201)]
    method, path, media_type, body = _GraphStore.received[0]
    assert (method, path) == ("PUT", "/store?graph=https%3A%2F%2Fexample.org%2Fg")
    assert media_type.startswith("text/turtle")
    assert body == NEWS.read_bytes()


def test_push_post_adds_to_the_default_graph(gsp_endpoint):
    push_to_endpoint(NEWS, gsp_endpoint, user="alice", password="secret", replace=False)
    assert _GraphStore.received[0][:2] == ("POST", "/store?default")


def test_push_a_dataset_sends_one_graph_per_article(gsp_endpoint, news, tmp_path):
    write_graph(news, tmp_path / "graph.nq")
    pushed = push_to_endpoint(tmp_path / "graph.nq", gsp_endpoint, user="alice", password="secret")
    sizes = {None if k is None else str(k): len(v) for k, v in split_by_article(news).items()}
    assert {p.graph: p.triples for p in pushed} == sizes
    assert [r[1] for r in _GraphStore.received] == [
        "/store?default",
        "/store?graph=https%3A%2F%2Fexample.org%2Fkg%2Farticle%2Fa1",
        "/store?graph=https%3A%2F%2Fexample.org%2Fkg%2Farticle%2Fa2",
    ]


def test_push_with_wrong_credentials_says_so(gsp_endpoint):
    with pytest.raises(KGError) as err:
        push_to_endpoint(NEWS, gsp_endpoint, user="alice", password="wrong")
    assert err.value.code is E.STORE
    assert "401" in str(err.value) and "user name and password" in str(err.value)


def test_push_to_nowhere_says_the_endpoint_cannot_be_reached():
    with pytest.raises(KGError, match="cannot reach the endpoint"):
        push_to_endpoint(NEWS, f"http://127.0.0.1:{_free_port()}/store", timeout=5)


# ---------------------------------------------------------------- rapper (raptor2-utils)


@pytest.mark.store
@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper not installed (apt-get install raptor2-utils)")
@pytest.mark.parametrize("fmt, syntax", [("turtle", "turtle"), ("ntriples", "ntriples"), ("trig", "trig"), ("nquads", "nquads")])
def test_rapper_parses_our_serialisations(news, tmp_path, fmt, syntax):
    path = tmp_path / f"graph{FORMATS[fmt].extension}"
    write_graph(news, path)
    run = subprocess.run(["rapper", "-i", syntax, "-c", str(path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "Error" not in run.stderr and "Warning" not in run.stderr, run.stderr
    expected = sum(len(t) for t in split_by_article(news).values()) if syntax in ("trig", "nquads") else len(news)
    assert f"returned {expected} triples" in run.stderr


# ---------------------------------------------------------------- Virtuoso

_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ServerThreads = 10
CheckpointInterval = 0
DirsAllowed = ., {dir}
DefaultIsolation = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""
_HAS_VIRTUOSO = shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None
_NEEDS_VIRTUOSO = pytest.mark.skipif(
    not _HAS_VIRTUOSO, reason="virtuoso-t / isql-vt not installed (apt-get install virtuoso-opensource-7-bin)")
GRAPH_LOADED = "https://example.org/test/bulk-loaded"
GRAPH_PUSHED = "https://example.org/test/pushed"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


class Virtuoso:
    def __init__(self, directory: Path, sql_port: int, http_port: int):
        self.dir, self.sql_port, self.http_port = directory, sql_port, http_port

    def isql(self, sql: str) -> str:
        """Run SQL through isql-vt, which exits 0 even when a statement fails: read its output."""
        run = subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={sql}"],
                             capture_output=True, text=True, timeout=120)
        output = run.stdout + run.stderr
        if run.returncode != 0 or "*** Error" in output:
            raise AssertionError(f"isql-vt failed on {sql!r}:\n{output}")
        return output

    def select(self, query: str, graph: str) -> list[tuple]:
        """SELECT through the HTTP SPARQL endpoint; answers as rdflib terms, sorted."""
        params = urllib.parse.urlencode({"query": query, "default-graph-uri": graph})
        request = urllib.request.Request(f"http://127.0.0.1:{self.http_port}/sparql?{params}",
                                         headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            document = json.load(response)
        variables = document["head"]["vars"]
        rows = [tuple(_json_term(b.get(v)) for v in variables) for b in document["results"]["bindings"]]
        return sorted(rows, key=lambda row: [(str(type(t)), str(t)) for t in row])


def _json_term(value: dict | None):
    if value is None:
        return None
    if value["type"] == "uri":
        return URIRef(value["value"])
    if value["type"] == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    datatype = value.get("datatype")
    # Virtuoso answers SPARQL 1.0 style ("typed-literal"), and may type plain strings as xsd:string.
    if datatype in (None, str(xsd("string"))):
        return Literal(value["value"])
    return Literal(value["value"], datatype=URIRef(datatype))


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory, news) -> Iterator[Virtuoso]:
    directory = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(dir=directory, sql_port=sql_port, http_port=http_port))
    log = (directory / "stdout.log").open("w")
    process = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(ini)], cwd=directory,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while not (_listening(http_port) and _listening(sql_port)):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Virtuoso did not start:\n{(directory / 'stdout.log').read_text()[-3000:]}")
            time.sleep(0.5)
        server = Virtuoso(directory, sql_port, http_port)
        # Bulk load with the loader (ld_dir needs the folder in DirsAllowed) and check its error column.
        write_graph(news, directory / "graph.ttl")
        server.isql(f"ld_dir('{directory}', 'graph.ttl', '{GRAPH_LOADED}'); rdf_loader_run(); checkpoint;")
        status = server.isql("select ll_file, ll_state, ll_error from DB.DBA.LOAD_LIST;")
        assert "graph.ttl" in status and "NULL" in status and re.search(r"\b1 Rows\.", status), status
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.mark.store
@_NEEDS_VIRTUOSO
@pytest.mark.parametrize("query", QUERY_FILES, ids=QUERY_IDS)
def test_virtuoso_answers_as_rdflib_does(virtuoso, news, query):
    expected = _answers(run_query(news, query))
    assert virtuoso.select(query.read_text(), GRAPH_LOADED) == expected


@pytest.mark.store
@_NEEDS_VIRTUOSO
def test_virtuoso_holds_every_triple(virtuoso, news):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert virtuoso.select(count, GRAPH_LOADED) == [(Literal(len(news)),)]


@pytest.mark.store
@_NEEDS_VIRTUOSO
def test_push_to_virtuoso_graph_store_with_digest_auth(virtuoso, news, tmp_path):
    endpoint = f"http://127.0.0.1:{virtuoso.http_port}/sparql-graph-crud-auth"
    write_graph(news, tmp_path / "graph.ttl")
    pushed = push_to_endpoint(tmp_path / "graph.ttl", endpoint, graph_iri=GRAPH_PUSHED, user="dba", password="dba")
    assert pushed[0].status in (200, 201, 204)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert virtuoso.select(count, GRAPH_PUSHED) == [(Literal(len(news)),)]
    query = FIXTURES / "queries" / "events-of-person.rq"
    assert virtuoso.select(query.read_text(), GRAPH_PUSHED) == _answers(run_query(news, query))
    # PUT replaces: pushing again leaves the same triples, not twice as many.
    push_to_endpoint(tmp_path / "graph.ttl", endpoint, graph_iri=GRAPH_PUSHED, user="dba", password="dba")
    assert virtuoso.select(count, GRAPH_PUSHED) == [(Literal(len(news)),)]


@pytest.mark.store
@_NEEDS_VIRTUOSO
def test_push_a_dataset_to_virtuoso_makes_article_graphs(virtuoso, news, tmp_path):
    endpoint = f"http://127.0.0.1:{virtuoso.http_port}/sparql-graph-crud-auth"
    write_graph(news, tmp_path / "graph.trig")
    pushed = push_to_endpoint(tmp_path / "graph.trig", endpoint, graph_iri=GRAPH_PUSHED + "/shared",
                              user="dba", password="dba")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    for part in pushed:
        assert virtuoso.select(count, part.graph) == [(Literal(part.triples),)]


@pytest.mark.store
@_NEEDS_VIRTUOSO
def test_push_to_virtuoso_with_a_wrong_password_fails_clearly(virtuoso):
    endpoint = f"http://127.0.0.1:{virtuoso.http_port}/sparql-graph-crud-auth"
    with pytest.raises(KGError, match="401"):
        push_to_endpoint(NEWS, endpoint, graph_iri=GRAPH_PUSHED, user="dba", password="wrong")


GRAPH_SEEDS = "https://example.org/test/seeds"


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory) -> Path:
    """The real graph of seeds/, built by the real pipeline."""
    from typer.testing import CliRunner

    from kg.cli import app

    out = tmp_path_factory.mktemp("seeds")
    result = CliRunner().invoke(app, ["build", str(ROOT / "seeds"), "--out", str(out), "--no-html"])
    assert result.exit_code == 0, result.output
    return out / "graph.ttl"


@pytest.mark.store
@_NEEDS_VIRTUOSO
@pytest.mark.parametrize("query", sorted((ROOT / "queries").glob("*.rq")), ids=lambda p: p.stem)
def test_virtuoso_answers_our_queries_on_the_seeds_graph_as_rdflib_does(virtuoso, seeds_graph, query):
    if not getattr(virtuoso, "seeds_loaded", False):
        shutil.copy(seeds_graph, virtuoso.dir / "seeds.ttl")
        virtuoso.isql(f"ld_dir('{virtuoso.dir}', 'seeds.ttl', '{GRAPH_SEEDS}'); rdf_loader_run(); checkpoint;")
        virtuoso.seeds_loaded = True
    expected = _answers(run_query(seeds_graph, query))
    assert expected, f"{query.name} has no answer on the seeds"
    assert virtuoso.select(query.read_text(), GRAPH_SEEDS) == expected
