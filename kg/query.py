"""SPARQL over a graph file, an rdflib Graph or an Oxigraph store, and the result formats.

Results are rdflib terms whichever engine answered, so every format and every comparison is the
same for rdflib and Oxigraph. csv, tsv and json are the W3C SPARQL 1.1 Query Results formats.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyparsing
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.plugins.serializers.nt import _quoteLiteral
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node

from kg.errors import E, KGError
from kg.vocab import PREFIXES

# Parsers by file extension; all are rdflib's own. oxrdflib's "ox-*" parsers type plain literals
# as xsd:string, which rdflib does not equate with plain ones: `?x rdfs:label "Ruiz"` would stop
# matching, so they are never used for reading graphs.
PARSERS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".trig": "trig",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}
_DATASET_FORMATS = {"trig", "nquads"}

# Prefixes every query may use without declaring them, identical for both engines.
QUERY_PREFIXES: dict[str, str] = {
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "skos": str(SKOS),
    **{prefix: str(ns) for prefix, ns in PREFIXES.items()},
}

RESULT_FORMATS = ("table", "csv", "tsv", "json")
# Where Oxigraph's SPARQL parser puts the position in its messages: "error at 2:9: expected ...".
OXIGRAPH_POSITION = re.compile(r"\berror at (\d+):(\d+)")


@dataclass(frozen=True)
class QueryResult:
    """The answer to one query: rows for SELECT, a boolean for ASK, a graph for CONSTRUCT/DESCRIBE."""

    kind: str  # "select", "ask" or "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: rdflib.Graph | None = None


def load_graph(source: str | Path) -> rdflib.Graph:
    """Parse a graph file, format by extension; TriG and N-Quads give a Dataset whose default graph is the union."""
    path = Path(source)
    if not path.is_file():
        raise KGError(E.GRAPH_MISSING, path=str(path))
    fmt = PARSERS.get(path.suffix.lower())
    if fmt is None:
        raise KGError(E.UNKNOWN_NAME, what="graph file extension", name=path.suffix or path.name,
                      valid=", ".join(PARSERS))
    graph = rdflib.Dataset(default_union=True) if fmt in _DATASET_FORMATS else rdflib.Graph()
    try:
        graph.parse(path, format=fmt)
    except (SyntaxError, ValueError, rdflib.exceptions.Error) as err:
        raise KGError(E.GRAPH_PARSE, path=str(path), format=fmt, detail=_parse_detail(err, path, fmt)) from err
    return graph


def _parse_detail(err: Exception, path: Path, fmt: str) -> str:
    """The parser's message, prefixed with line and column where they can be had."""
    if isinstance(err, BadSyntax):
        before = err._str[: err._i]
        column = err._i - (before.rfind(b"\n") + 1) + 1
        return f"line {err.lines + 1}, column {column}: {err._why}"
    if isinstance(err, json.JSONDecodeError):
        return f"line {err.lineno}, column {err.colno}: {err.msg}"
    position = _oxigraph_position(path, fmt)
    message = str(err).strip().replace("\n", " ")
    return f"line {position[0]}, column {position[1]}: {message}" if position else message


def _oxigraph_position(path: Path, fmt: str) -> tuple[int, int] | None:
    # rdflib's line-based parsers name the bad line but not its number; Oxigraph's parser does.
    import pyoxigraph

    ox_format = {"nt": pyoxigraph.RdfFormat.N_TRIPLES, "nquads": pyoxigraph.RdfFormat.N_QUADS}.get(fmt)
    if ox_format is None:
        return None
    try:
        for _ in pyoxigraph.parse(path=str(path), format=ox_format):
            pass
    except SyntaxError as err:
        if err.lineno:
            return err.lineno, err.offset or 1
    return None


def read_query(query: str | Path) -> tuple[str, str]:
    """(text, source name) of a query given as a .rq path or as inline SPARQL."""
    looks_like_path = isinstance(query, Path) or (
        "\n" not in query and "{" not in query and (query.endswith(".rq") or Path(query).is_file())
    )
    if not looks_like_path:
        return str(query), "the inline query"
    path = Path(query)
    if not path.is_file():
        raise KGError(E.QUERY_MISSING, path=str(path))
    return path.read_text(encoding="utf-8"), str(path)


ENGINES = ("rdflib", "oxigraph")


def run_query(source: str | Path | rdflib.Graph, query: str | Path, *, base: str | None = None,
              engine: str = "rdflib") -> QueryResult:
    """Run a SPARQL query over a graph, a graph file or an Oxigraph store directory.

    A graph file is queried with rdflib, or with `engine="oxigraph"` loaded into an in-memory
    Oxigraph store (much faster on large graphs; answers are the same rdflib terms).
    """
    if engine not in ENGINES:
        raise KGError(E.UNKNOWN_NAME, what="query engine", name=engine, valid=", ".join(ENGINES))
    text, name = read_query(query)
    if isinstance(source, rdflib.Graph):
        return _run_rdflib(source, text, name, base)
    if Path(source).is_dir():
        from kg.store import query_store

        return query_store(source, text, name=name, base=base)
    if engine == "oxigraph":
        from kg.store import query_file

        return query_file(source, text, name=name, base=base)
    return _run_rdflib(load_graph(source), text, name, base)


def _run_rdflib(graph: rdflib.Graph, text: str, name: str, base: str | None) -> QueryResult:
    try:
        prepared = prepareQuery(text, initNs=QUERY_PREFIXES, base=base)
    except pyparsing.ParseBaseException as err:
        line, column, detail = _oxigraph_syntax_error(text) or (err.lineno, err.column, err.msg)
        raise KGError(E.QUERY_SYNTAX, source=name, line=line, column=column, detail=detail) from err
    except Exception as err:  # rdflib raises bare Exception for an undeclared prefix
        raise KGError(E.QUERY_INVALID, source=name, detail=str(err)) from err
    from rdflib.plugins.sparql.sparql import SPARQLError

    try:
        result = graph.query(prepared)
        if result.type == "ASK":
            return QueryResult("ask", boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return QueryResult("graph", graph=result.graph)
        variables = tuple(str(v) for v in result.vars)
        rows = tuple(tuple(row[i] for i in range(len(variables))) for row in result)
    except SPARQLError as err:  # evaluation errors: an unbound variable in an aggregate, a bad cast...
        raise KGError(E.QUERY_INVALID, source=name, detail=str(err) or type(err).__name__) from err
    return QueryResult("select", variables=variables, rows=rows)


def _oxigraph_syntax_error(text: str) -> tuple[int, int, str] | None:
    # pyparsing reports where rdflib's grammar backtracked to ("Expected SelectQuery" at the start of
    # a pattern); Oxigraph's parser names the offending token and what it expected there.
    import pyoxigraph

    try:
        pyoxigraph.Store().query(text, prefixes=QUERY_PREFIXES)
    except SyntaxError as err:
        match = OXIGRAPH_POSITION.search(str(err))
        if match:
            return int(match[1]), int(match[2]), OXIGRAPH_POSITION.sub("", str(err), count=1).strip(" :")
    return None


# ---------------------------------------------------------------- formats


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as an aligned table or in a W3C SPARQL 1.1 results format."""
    if fmt not in RESULT_FORMATS:
        raise KGError(E.UNKNOWN_NAME, what="result format", name=fmt, valid=", ".join(RESULT_FORMATS))
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}, indent=2) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if result.kind == "graph":
        return _format_graph(result.graph, fmt)
    return _SELECT_FORMATS[fmt](result)


def _format_graph(graph: rdflib.Graph, fmt: str) -> str:
    # A graph answer is shown as RDF (Turtle, or JSON-LD for json); csv/tsv get one row per triple.
    from kg.export.rdf import serialize

    if fmt in ("table", "json"):
        return serialize(graph, "turtle" if fmt == "table" else "jsonld").decode("utf-8")
    triples = tuple(sorted(graph, key=lambda t: tuple(_sort_key(x) for x in t)))
    return _SELECT_FORMATS[fmt](QueryResult("select", ("subject", "predicate", "object"), triples))


def _sort_key(term: Node | None) -> tuple[int, str]:
    if term is None:
        return (0, "")
    return ({URIRef: 1, BNode: 2}.get(type(term), 3), str(term))


def _table(result: QueryResult) -> str:
    names = {ns: prefix for prefix, ns in QUERY_PREFIXES.items()}
    cells = [[_short(term, names) for term in row] for row in result.rows]
    header = [f"?{v}" for v in result.variables]
    widths = [max(len(c) for c in column) for column in zip(header, *cells)] if header else []
    lines = ["  ".join(c.ljust(w) for c, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _short(term: Node | None, names: dict[str, str]) -> str:
    """A term as a person reads it: prefixed name or IRI, literal value, one line."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for ns in sorted(names, key=len, reverse=True):
            local = str(term)[len(ns):]
            if str(term).startswith(ns) and local and all(c.isalnum() or c in "-_" for c in local):
                return f"{names[ns]}:{local}"
        return str(term)
    return " ".join(str(term).split()) if isinstance(term, Literal) else f"_:{term}"


def _csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # the W3C format: RFC 4180, CRLF
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])
    return out.getvalue()


def _tsv(result: QueryResult) -> str:
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _tsv_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        # N-Triples syntax; a tab or carriage return inside a value must not break the row.
        return _quoteLiteral(term).replace("\t", "\\t").replace("\r", "\\r")
    return term.n3()


def _json(result: QueryResult) -> str:
    bindings = [
        {var: _json_term(term) for var, term in zip(result.variables, row) if term is not None}
        for row in result.rows
    ]
    document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    value: dict[str, str] = {"type": "literal", "value": str(term)}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        value["datatype"] = str(term.datatype)
    return value


_SELECT_FORMATS = {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json}
