"""Serialisations of the graph, registered by name, every one deterministic.

The same set of triples gives byte-identical files whatever order they were added in: subjects,
predicates and objects are written sorted, prefixes in a fixed order (only those used). Turtle and
TriG come from our own sorted writer because rdflib's Turtle serializer numbers the prefixes it
invents (ns1, ns2) in insertion order; N-Triples and N-Quads are sorted lines.

One named graph per article (TriG, N-Quads). Each triple goes into the graph named by the IRI of
the article it derives from:
- the article's own description, and every node linked to one article by prov:wasDerivedFrom
  (events, facts) or nif:referenceContext (sentences), or whose IRI is `<article>#...`
  (sentences): the triples with that node as subject;
- a direct triple `subject relation object`: the graph of every article with a kg:Fact stating it,
  so a triple attested by two articles is in both graphs;
- everything else, which no one article owns (entity descriptions, relation labels, ontology
  triples): the default graph.
The union of the default graph and the named graphs is the whole graph.
"""

from __future__ import annotations

import io
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS, XSD
from rdflib.plugins.serializers.nquads import _nq_row
from rdflib.plugins.serializers.nt import _nt_row, _quoteLiteral
from rdflib.term import Node

from kg.atomic import atomic_open, atomic_write_bytes
from kg.errors import E, KGError
from kg.triples import Triples
from kg.vocab import KG, NIF, PREFIXES, PROV, SCHEMA

Triple = tuple[Node, Node, Node]

# Prefixes we always name the same way; a graph's own bindings come after these.
KNOWN_PREFIXES: dict[str, str] = {
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "sh": str(SH),
    **{prefix: str(ns) for prefix, ns in PREFIXES.items()},
}
# A local name we write as prefix:local; anything else is written as a full <IRI>, which every
# Turtle parser reads (PN_LOCAL escapes and leading digits are not safe with older parsers).
_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


@dataclass(frozen=True)
class Format:
    """A serialisation: its name, file extension, media type and writer (graph -> bytes)."""

    name: str
    extension: str
    media_type: str
    write: Callable[[rdflib.Graph], bytes]


def triples_of(graph: rdflib.Graph | Triples) -> set[Triple] | Triples:
    """Every triple of a graph, or of the union of a dataset's graphs (a build's Triples as they are)."""
    return graph if isinstance(graph, Triples) else set(graph.triples((None, None, None)))


# ---------------------------------------------------------------- terms


class _Terms:
    """Writes terms as Turtle, with prefixed names where safe; remembers the prefixes used."""

    def __init__(self, graph: rdflib.Graph):
        self.namespaces: dict[str, str] = {}  # namespace -> prefix
        bound = sorted((str(p), str(ns)) for p, ns in graph.namespaces())
        for prefix, ns in [*KNOWN_PREFIXES.items(), *bound]:
            if prefix and ns not in self.namespaces and prefix not in self.namespaces.values():
                self.namespaces[ns] = prefix
        self._by_length = sorted(self.namespaces, key=len, reverse=True)
        self._separated = all(ns.endswith(("/", "#")) for ns in self.namespaces)
        self.used: set[str] = set()
        self._found: dict[str, tuple[str | None, str]] = {}  # iri -> (namespace, qname) or (None, <iri>)
        self._typed: dict[int, str] = {}  # id of a typed literal -> its text
        self._alive: list[Literal] = []

    def _iri(self, iri: str) -> tuple[str | None, str]:
        # Memoised: a graph names the same predicates and entities over and over, and an IRI's
        # validity is checked (by n3()) once. Its namespace is marked used then: every text this
        # gives is written.
        hit = self._found.get(iri)
        if hit is None:
            hit = self._found[iri] = self._written(iri)
            if hit[0] is not None:
                self.used.add(hit[0])
        return hit

    def _written(self, iri: str) -> tuple[str | None, str]:
        if self._separated:
            # A local name holds no "/" or "#": the only namespace that can match ends at the last one.
            cut = max(iri.rfind("/"), iri.rfind("#")) + 1
            ns = iri[:cut]
            if ns in self.namespaces and _LOCAL_NAME.match(iri, cut):
                return ns, f"{self.namespaces[ns]}:{iri[cut:]}"
        else:
            found = next((ns for ns in self._by_length if iri.startswith(ns) and _LOCAL_NAME.match(iri, len(ns))), None)
            if found is not None:
                return found, f"{self.namespaces[found]}:{iri[len(found):]}"
        return None, URIRef(iri).n3()

    def qname(self, iri: str) -> str | None:
        namespace, text = self._iri(iri)
        return text if namespace is not None else None

    def term(self, term: Node) -> str:
        # Exact types first: isinstance() of a Literal against URIRef goes through rdflib's ABC
        # machinery, and this runs once per object written.
        cls = type(term)
        if cls is URIRef or cls is not Literal and isinstance(term, URIRef):
            text = str(term)
            return (self._found.get(text) or self._iri(text))[1]
        if cls is Literal or isinstance(term, Literal):
            if term.datatype is None and term.language is None:
                return term._quote_encode()  # what _literal_n3 gives a plain string, without its checks
            # Typed literals are mostly offsets and dates, the same few objects over and over.
            text = self._typed.get(id(term))
            if text is None:
                text = self._typed[id(term)] = term._literal_n3(use_plain=True, qname_callback=self.qname)
                self._alive.append(term)  # an id is only unique while its object lives
            return text
        return term.n3()

    def header(self, keyword: str = "@prefix") -> str:
        lines = sorted(f"{keyword} {self.namespaces[ns]}: <{ns}> ." for ns in self.used)
        return "\n".join(lines) + "\n\n" if lines else ""


def _term_key(term: Node) -> tuple[int, str, str, str]:
    """A total order on terms: IRIs, then blank nodes, then literals by value, datatype, language."""
    if isinstance(term, Literal):
        return (2, str(term), str(term.datatype or ""), term.language or "")
    return (0 if isinstance(term, URIRef) else 1, str(term), "", "")


def _predicate_key(term: Node) -> tuple[int, tuple]:
    return (0 if term == RDF.type else 1, _term_key(term))


def _turtle_blocks(triples: Iterable[Triple] | Triples, terms: _Terms, indent: str = "") -> str:
    """Subject blocks `s p o1, o2 ; p2 o3 .` in sorted order, a blank line between them."""
    return "\n".join(_turtle_block_list(triples, terms, indent))


def _turtle_block_list(triples: Iterable[Triple] | Triples, terms: _Terms, indent: str = "") -> list[str]:
    """Subject blocks `s p o1, o2 ; p2 o3 .\n` in sorted order.

    Hot on large graphs (half a million triples): a build's Triples are grouped by subject once,
    for this and the HTML; predicates' text and order keys are computed once per predicate, not
    once per triple; a single object needs no sort.
    """
    if isinstance(triples, Triples):
        by_subject = triples.by_subject()
    else:
        by_subject = {}
        for s, p, o in triples:
            by_p = by_subject.get(s)
            if by_p is None:
                by_subject[s] = {p: [o]}
            elif (objects := by_p.get(p)) is None:
                by_p[p] = [o]
            else:
                objects.append(o)
    # The predicates of a subject, in written order with their text, per set of predicates: nodes
    # of one kind (every mention, every sentence) have the same predicates, added in the same order.
    orders: dict[tuple[Node, ...], list[tuple[Node, str]]] = {}
    term, term_key = terms.term, _term_key
    separator = f" ;\n{indent}    "
    blocks = []
    for s in sorted(by_subject, key=term_key):
        by_p = by_subject[s]
        order = orders.get(shape := tuple(by_p))
        if order is None:
            order = orders[shape] = [(p, "a" if p == RDF.type else term(p)) for p in sorted(by_p, key=_predicate_key)]
        lines = []
        for p, verb in order:
            objects = by_p[p]
            text = term(objects[0]) if len(objects) == 1 else ", ".join(term(o) for o in sorted(objects, key=term_key))
            lines.append(f"{verb} {text}")
        blocks.append(f"{indent}{term(s)} {separator.join(lines)} .\n")
    return blocks


# ---------------------------------------------------------------- named graphs


def split_by_article(graph: rdflib.Graph) -> dict[URIRef | None, set[Triple]]:
    """The triples of each article's named graph; key None is the default graph (see module doc)."""
    triples = triples_of(graph)
    articles = {s for s, p, o in triples if p == RDF.type and o == SCHEMA.NewsArticle}
    home: dict[Node, set[URIRef]] = defaultdict(set)
    for s, p, o in triples:
        if s in articles:
            home[s].add(s)
        elif p in (PROV.wasDerivedFrom, NIF.referenceContext) and o in articles:
            home[s].add(o)
        elif isinstance(s, URIRef) and "#" in s and URIRef(s.split("#", 1)[0]) in articles:
            home[s].add(URIRef(s.split("#", 1)[0]))
    # A fact's direct triple belongs to every article that states it.
    stated: dict[Triple, set[URIRef]] = defaultdict(set)
    facts = {s for s, p, o in triples if p == RDF.type and o == KG.Fact}
    for fact in facts:
        for statement in _statements(graph, fact):
            stated[statement] |= home.get(fact, set())
    graphs: dict[URIRef | None, set[Triple]] = defaultdict(set)
    for triple in triples:
        for name in home.get(triple[0]) or stated.get(triple) or {None}:
            graphs[name].add(triple)
    return dict(graphs)


def _statements(graph: rdflib.Graph, fact: Node) -> Iterable[Triple]:
    for s in graph.objects(fact, KG.subject):
        for p in graph.objects(fact, KG.predicate):
            for o in [*graph.objects(fact, KG.object), *graph.objects(fact, KG.content)]:
                yield (s, p, o)


def _graph_order(name: URIRef | None) -> tuple[int, str]:
    return (0, "") if name is None else (1, str(name))


# ---------------------------------------------------------------- writers


def _write_turtle(graph: rdflib.Graph) -> bytes:
    return "".join(_turtle_parts(graph)).encode("utf-8")


def _turtle_parts(graph: rdflib.Graph) -> Iterator[str]:
    """The Turtle document in pieces: the prefixes its terms use, then each subject's block. A file
    is written from them piece by piece: a million triples' document is never one string, nor
    one string and its bytes."""
    terms = _Terms(graph)
    blocks = _turtle_block_list(triples_of(graph), terms)
    yield terms.header()
    for i, block in enumerate(blocks):
        if i:
            yield "\n"
        yield block


def _write_trig(graph: rdflib.Graph) -> bytes:
    terms = _Terms(graph)
    parts = []
    for name, triples in sorted(split_by_article(graph).items(), key=lambda kv: _graph_order(kv[0])):
        label = "" if name is None else terms.term(name) + " "
        parts.append(f"{label}{{\n{_turtle_blocks(triples, terms, indent='    ')}}}\n")
    return (terms.header() + "\n".join(parts)).encode("utf-8")


def _write_ntriples(graph: rdflib.Graph) -> bytes:
    # rdflib's own row format (_nt_row), with each term written once: subjects and predicates
    # repeat on every line of a large graph.
    written: dict[Node, str] = {}

    def nt(term: Node) -> str:
        text = written.get(term)
        if text is None:
            text = written[term] = _quoteLiteral(term) if isinstance(term, Literal) else term.n3()
        return text

    return "".join(sorted({f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in triples_of(graph)})).encode("utf-8")


def _write_nquads(graph: rdflib.Graph) -> bytes:
    # The default graph's lines first, then each article's graph; sorted lines within each.
    rows = set()
    for name, triples in split_by_article(graph).items():
        for triple in triples:
            line = _nt_row(triple) if name is None else _nq_row(triple, name)
            rows.add((_graph_order(name), line))
    return "".join(line for _, line in sorted(rows)).encode("utf-8")


def _write_jsonld(graph: rdflib.Graph) -> bytes:
    """JSON-LD with a context of the prefixes used; one node object per subject, values sorted."""
    terms = _Terms(graph)

    def iri(term: Node) -> str:
        if isinstance(term, BNode):
            return f"_:{term}"
        return terms.qname(str(term)) or str(term)

    def value(term: Node) -> object:
        if not isinstance(term, Literal):
            return {"@id": iri(term)}
        if term.language:
            return {"@value": str(term), "@language": term.language}
        if term.datatype is None or term.datatype == XSD.string:
            return str(term)
        return {"@value": str(term), "@type": iri(term.datatype)}

    nodes: dict[Node, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples_of(graph):
        if p == RDF.type and not isinstance(o, Literal):
            nodes[s]["@type"].append(iri(o))
        else:
            nodes[s][iri(p)].append(value(o))
    objects = []
    for s in sorted(nodes, key=_term_key):
        node: dict[str, object] = {"@id": iri(s)}
        for key in sorted(nodes[s], key=lambda k: (k != "@type", k)):
            values = sorted(nodes[s][key], key=lambda v: json.dumps(v, sort_keys=True))
            node[key] = values[0] if len(values) == 1 else values
        objects.append(node)
    context = {terms.namespaces[ns]: ns for ns in sorted(terms.used, key=terms.namespaces.get)}
    document = {"@context": context, "@graph": objects}
    return (json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def networkx_view(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """The networkx projection (kg.export.nx), copied in sorted order with plain attribute values."""
    from kg.export.nx import to_networkx

    view = to_networkx(graph)
    ordered = nx.MultiDiGraph()
    ordered.graph.update({k: _plain(v) for k, v in sorted(view.graph.items()) if v is not None})
    for node in sorted(view.nodes, key=str):
        ordered.add_node(str(node), **_attrs(view.nodes[node]))
    edges = sorted(view.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]),
                                                                   json.dumps(_attrs(e[3]), sort_keys=True)))
    for u, v, key, data in edges:
        ordered.add_edge(str(u), str(v), key=str(key), **_attrs(data))
    return ordered


def _attrs(data: dict) -> dict[str, object]:
    return {k: _plain(v) for k, v in sorted(data.items()) if v is not None}


def _plain(value: object) -> object:
    # GraphML and GEXF take strings and numbers only.
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return " | ".join(sorted(str(v) for v in value))
    return str(value)


def _write_graphml(graph: rdflib.Graph) -> bytes:
    out = io.BytesIO()
    nx.write_graphml(networkx_view(graph), out, encoding="utf-8", prettyprint=True)
    return out.getvalue()


def _write_gexf(graph: rdflib.Graph) -> bytes:
    out = io.BytesIO()
    nx.write_gexf(networkx_view(graph), out, encoding="utf-8", prettyprint=True)
    # networkx stamps today's date into <meta>; drop it so the same graph gives the same bytes.
    return re.sub(rb' lastmodifieddate="[^"]*"', b"", out.getvalue(), count=1)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", ".ttl", "text/turtle", _write_turtle),
        Format("ntriples", ".nt", "application/n-triples", _write_ntriples),
        Format("trig", ".trig", "application/trig", _write_trig),
        Format("nquads", ".nq", "application/n-quads", _write_nquads),
        Format("jsonld", ".jsonld", "application/ld+json", _write_jsonld),
        Format("graphml", ".graphml", "application/graphml+xml", _write_graphml),
        Format("gexf", ".gexf", "application/gexf+xml", _write_gexf),
    )
}
DEFAULT_FORMAT = "turtle"


def get_format(name: str) -> Format:
    """The format registered under `name`; an unknown name lists the valid ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise KGError(E.UNKNOWN_NAME, what="export format", name=name, valid=", ".join(FORMATS)) from None


def format_for_path(path: str | Path) -> Format:
    """The format a file extension stands for (.ttl -> turtle)."""
    suffix = Path(path).suffix.lower()
    for f in FORMATS.values():
        if f.extension == suffix:
            return f
    valid = ", ".join(f.extension for f in FORMATS.values())
    raise KGError(E.UNKNOWN_NAME, what="file extension", name=suffix or str(path), valid=valid)


def serialize(graph: rdflib.Graph, fmt: str = DEFAULT_FORMAT) -> bytes:
    """The graph in a registered format, as bytes."""
    return get_format(fmt).write(graph)


def write_graph(graph: rdflib.Graph, path: str | Path, fmt: str | None = None) -> None:
    """Write the graph atomically; the format is named or inferred from the file extension."""
    chosen = get_format(fmt) if fmt else format_for_path(path)
    if chosen.write is _write_turtle:
        with atomic_open(path, "w", encoding="utf-8") as f:
            f.writelines(_turtle_parts(graph))
        return
    atomic_write_bytes(path, chosen.write(graph))
