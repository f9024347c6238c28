"""Triple stores: a persistent Oxigraph store on disk, and pushing to any SPARQL 1.1 Graph Store.

Queries over the store use the union of all its graphs as the default graph, so a TriG or
N-Quads load (one named graph per article) answers the same queries as the Turtle graph does.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import E, KGError
from kg.export.rdf import FORMATS, format_for_path, serialize, split_by_article
from kg.query import OXIGRAPH_POSITION, QUERY_PREFIXES, QueryResult, load_graph

# The file RocksDB writes into every store directory: tells a store from any other folder.
_STORE_MARKER = "CURRENT"


def is_store(path: str | Path) -> bool:
    return (Path(path) / _STORE_MARKER).is_file()


def open_store(path: str | Path, *, read_only: bool = False) -> ox.Store:
    """Open (or create, unless read_only) the Oxigraph store in directory `path`."""
    path = Path(path)
    if read_only and not is_store(path):
        raise KGError(E.NOT_A_STORE, path=str(path))
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as err:
        raise KGError(E.STORE, where=str(path), detail=str(err)) from err


def load_into_store(graph_or_file: rdflib.Graph | str | Path, store_dir: str | Path, *, replace: bool = True) -> int:
    """Bulk-load a graph or a graph file into the store at `store_dir`; returns the store's quad count.

    With `replace` the store is emptied first, so it holds exactly this graph.
    """
    store = open_store(store_dir)
    try:
        if replace:
            store.clear()
        if isinstance(graph_or_file, rdflib.Graph):
            store.bulk_load(serialize(graph_or_file, "ntriples"), format=ox.RdfFormat.N_TRIPLES)
        else:
            _bulk_load_file(store, Path(graph_or_file))
        store.flush()
        return len(store)
    finally:
        del store  # releases the directory lock now, not at garbage collection


def query_file(path: str | Path, text: str, *, name: str = "the query", base: str | None = None) -> QueryResult:
    """Load a graph file into an in-memory Oxigraph store and query it (`kg query --engine oxigraph`):
    on a graph of a million triples, seconds where rdflib takes minutes."""
    store = ox.Store()
    _bulk_load_file(store, Path(path))
    return query_store(store, text, name=name, base=base)


def _bulk_load_file(store: ox.Store, path: Path) -> None:
    if not path.is_file():
        raise KGError(E.GRAPH_MISSING, path=str(path))
    fmt = format_for_path(path)
    if fmt.name not in ("turtle", "ntriples", "trig", "nquads"):
        # JSON-LD goes through rdflib's parser, which reads plain literals as plain.
        store.bulk_load(serialize(load_graph(path), "ntriples"), format=ox.RdfFormat.N_TRIPLES)
        return
    try:
        store.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(fmt.extension.lstrip(".")))
    except SyntaxError as err:
        detail = f"line {err.lineno}, column {err.offset}: {err.msg}" if err.lineno else str(err)
        raise KGError(E.GRAPH_PARSE, path=str(path), format=fmt.name, detail=detail) from err


def query_store(store: str | Path | ox.Store, text: str, *, name: str = "the query", base: str | None = None) -> QueryResult:
    """Run SPARQL over an Oxigraph store (or its directory); answers as rdflib terms."""
    if not isinstance(store, ox.Store):
        store = open_store(store, read_only=True)
    try:
        answer = store.query(text, base_iri=base, prefixes=QUERY_PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as err:
        match = OXIGRAPH_POSITION.search(str(err))
        if match:
            detail = OXIGRAPH_POSITION.sub("", str(err), count=1).strip(" :")
            raise KGError(E.QUERY_SYNTAX, source=name, line=match[1], column=match[2], detail=detail) from err
        raise KGError(E.QUERY_INVALID, source=name, detail=str(err)) from err
    except OSError as err:
        raise KGError(E.STORE, where="the Oxigraph store", detail=str(err)) from err
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        graph = rdflib.Graph()
        for triple in answer:
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        return QueryResult("graph", graph=graph)
    variables = tuple(v.value for v in answer.variables)
    # Rows repeat their terms (a predicate, an article, an entity): each is converted once.
    converted: dict[object, Node | None] = {None: None}

    def term(value: object) -> Node | None:
        found = converted.get(value)
        if found is None and value is not None:
            found = converted[value] = to_rdflib(value)
        return found

    rows = tuple(tuple(term(value) for value in solution) for solution in answer)
    return QueryResult("select", variables=variables, rows=rows)


_XSD_STRING = str(XSD.string)  # rdflib's XSD namespace makes a new term on every lookup


def to_rdflib(term: object) -> Node | None:
    """An Oxigraph term as the rdflib term; xsd:string literals become plain, as rdflib parses them."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unexpected Oxigraph term {term!r}")


# ---------------------------------------------------------------- Graph Store Protocol


@dataclass(frozen=True)
class Pushed:
    """One graph sent to an endpoint: its target (None: the default graph), HTTP status, triples if counted."""

    graph: str | None
    status: int
    triples: int | None = None


def push_to_endpoint(
    file: str | Path,
    endpoint_url: str,
    *,
    graph_iri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    replace: bool = True,
    timeout: float = 60.0,
) -> list[Pushed]:
    """Send a graph file to a SPARQL 1.1 Graph Store Protocol endpoint (PUT replaces, POST adds).

    A Turtle, N-Triples or JSON-LD file goes to `graph_iri` (default: the store's default graph).
    A TriG or N-Quads file goes one named graph per article, its default graph to `graph_iri`.
    """
    path = Path(file)
    fmt = format_for_path(path)
    if not path.is_file():
        raise KGError(E.GRAPH_MISSING, path=str(path))
    if fmt.name in ("trig", "nquads"):
        parts = sorted(split_by_article(load_graph(path)).items(), key=lambda kv: (kv[0] is not None, str(kv[0])))
        uploads = [(graph_iri if name is None else str(name), _ntriples(triples)) for name, triples in parts]
        media_type = FORMATS["ntriples"].media_type
    elif fmt.name in ("turtle", "ntriples", "jsonld"):
        uploads = [(graph_iri, path.read_bytes())]
        media_type = fmt.media_type
    else:
        raise KGError(E.UNKNOWN_NAME, what="graph format to push", name=fmt.name, valid="turtle, ntriples, jsonld, trig, nquads")
    opener = _opener(endpoint_url, user, password)
    return [_send(opener, endpoint_url, name, data, media_type, replace, timeout) for name, data in uploads]


def _ntriples(triples: set) -> bytes:
    graph = rdflib.Graph()
    for triple in triples:
        graph.add(triple)
    return serialize(graph, "ntriples")


def _opener(url: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    if user is None:
        return urllib.request.build_opener()
    # Credentials answer the server's challenge, Basic or Digest (Virtuoso asks for Digest). They are
    # not sent up front: urllib's pre-emptive Basic header would overwrite the Digest answer.
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, user, password or "")
    return urllib.request.build_opener(
        urllib.request.HTTPBasicAuthHandler(passwords), urllib.request.HTTPDigestAuthHandler(passwords)
    )


def _send(opener, endpoint: str, graph: str | None, data: bytes, media_type: str, replace: bool, timeout: float) -> Pushed:
    target = urlencode({"graph": graph}) if graph else "default"
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{target}"
    request = urllib.request.Request(url, data=data, method="PUT" if replace else "POST",
                                     headers={"Content-Type": f"{media_type}; charset=utf-8"})
    try:
        with opener.open(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as err:
        body = err.read().decode("utf-8", "replace").strip()[:500]
        hint = " (check the user name and password)" if err.code in (401, 403) else ""
        raise KGError(E.STORE, where=url, detail=f"HTTP {err.code} {err.reason}{hint}: {body}") from err
    except (urllib.error.URLError, OSError) as err:
        raise KGError(E.STORE, where=url, detail=f"cannot reach the endpoint ({err})") from err
    counted = media_type == FORMATS["ntriples"].media_type
    return Pushed(graph, status, data.count(b"\n") if counted else None)
