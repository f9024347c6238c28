"""The interactive HTML view: one self-contained, offline file drawn with vis-network.

The page is our own template (kg/export/assets) with three inline parts: vis-network, read from
the installed pyvis package; our script; and the graph as JSON in a <script type="application/json">
block. pyvis's own `Network` is not used: its template fetches Bootstrap and tom-select from CDNs,
its undirected `add_edge` is quadratic, and it writes node text unescaped into the page.

Safety: every piece of article text travels only inside the JSON block (with <, > and & escaped)
and reaches the page through textContent; a Content-Security-Policy allows exactly our two inline
scripts (by hash) and no network request at all.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import networkx as nx
import pyvis
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.atomic import atomic_write_text
from kg.errors import E, KGError
from kg.export.nx import EVENT, FactRow, edge_kind, label_of, read_events, read_facts, to_networkx
from kg.vocab import KG, NIF, SCHEMA

VIS_JS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"

# Entity kind -> (legend label, colour, vis shape, legend glyph). Shapes that draw the label
# outside the node scale with importance; events are boxes with their relation inside.
KIND_STYLES = {
    "person": ("Person", "#4e79a7", "dot", "\u25cf"),
    "organization": ("Organization", "#f28e2b", "square", "\u25a0"),
    "place": ("Place", "#59a14f", "triangle", "\u25b2"),
    "country": ("Country", "#e15759", "diamond", "\u25c6"),
    "group": ("Group", "#b07aa1", "hexagon", "\u2b22"),
    "office": ("Office", "#d4a017", "star", "\u2605"),
    "concept": ("Concept", "#76b7b2", "triangleDown", "\u25bc"),
    "other": ("Other", "#9c9c9c", "dot", "\u25cf"),
    EVENT: ("Event", "#ff9da7", "box", "\u25ad"),
}
LAYOUT_SEED = 7
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(frozen=True)
class HtmlStats:
    """What a written page shows, out of what the graph holds."""

    nodes: int
    edges: int
    bytes: int
    total_nodes: int
    total_edges: int
    articles: int
    entities: int
    facts: int
    events: int
    focus: str | None = None  # the IRI the view is centred on


def write_html(
    graph: Graph,
    path: str | Path,
    *,
    events: bool = False,
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int | None = None,
    title: str | None = None,
) -> HtmlStats:
    """Write `graph` as one self-contained interactive HTML page at `path`.

    focus: an entity label, alias (case-insensitive) or IRI; only its neighbourhood of `depth`
    hops is drawn. max_nodes: keep only that many of the most connected nodes.
    """
    page, stats = render_html(
        graph, events=events, focus=focus, depth=depth, max_nodes=max_nodes, title=title
    )
    atomic_write_text(path, page)
    return stats


def render_html(
    graph: Graph,
    *,
    events: bool = False,
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int | None = None,
    title: str | None = None,
) -> tuple[str, HtmlStats]:
    """The page `write_html` writes, and its stats."""
    facts = list(read_facts(graph))
    full = to_networkx(graph, events=events, facts=facts)
    view, focus_iri = full, None
    if focus is not None:
        focus_iri = find_entity(full, focus)
        view = ego_view(full, focus_iri, depth)
    if max_nodes is not None:
        view = most_central(view, max_nodes, keep=focus_iri)
    counts = {
        "articles": len(set(graph.subjects(RDF.type, SCHEMA.NewsArticle))),
        "entities": sum(1 for _, kind in full.nodes(data="kind") if kind != EVENT),
        "facts": len(set(graph.subjects(RDF.type, KG.Fact))),
        "events": len(set(graph.subjects(RDF.type, KG.Event))),
    }
    title = title or "Knowledge graph"
    data = _payload(graph, full, view, facts, events=events, focus=focus_iri, title=title, counts=counts)
    data["view"] = {
        "nodes": view.number_of_nodes(),
        "edges": view.number_of_edges(),
        "total_nodes": full.number_of_nodes(),
        "total_edges": full.number_of_edges(),
        "depth": depth if focus_iri else None,
        "max_nodes": max_nodes,
    }
    page = _render(title, data)
    stats = HtmlStats(
        nodes=view.number_of_nodes(),
        edges=view.number_of_edges(),
        bytes=len(page.encode("utf-8")),
        total_nodes=full.number_of_nodes(),
        total_edges=full.number_of_edges(),
        focus=focus_iri,
        **counts,
    )
    return page, stats


def find_entity(g: nx.MultiDiGraph, name: str) -> str:
    """The node id of the entity with IRI, label or alias `name` (case-insensitive).

    Among several, the exact label beats an alias, then the best connected wins.
    """
    if name in g:
        return name
    wanted = name.strip().casefold()
    hits = []
    for node, attrs in g.nodes(data=True):
        if attrs["kind"] == EVENT:
            continue
        aliases = {a.casefold() for a in attrs["aliases"].split(" | ") if a}
        if attrs["label"].casefold() == wanted:
            hits.append((0, -g.degree(node), node))
        elif wanted in aliases:
            hits.append((1, -g.degree(node), node))
    if hits:
        return min(hits)[2]
    raise KGError(E.FOCUS_NOT_FOUND, name=name, suggestion=_suggest(g, wanted))


def _suggest(g: nx.MultiDiGraph, wanted: str) -> str:
    names = sorted(
        {
            name
            for _, attrs in g.nodes(data=True)
            if attrs["kind"] != EVENT
            for name in [attrs["label"], *attrs["aliases"].split(" | ")]
            if name
        }
    )
    folded = {n.casefold(): n for n in names}
    close = [n for n in names if wanted and wanted in n.casefold()]
    close += [folded[m] for m in difflib.get_close_matches(wanted, list(folded), n=5, cutoff=0.6)]
    close = list(dict.fromkeys(close))[:5]
    if not close:
        return "no entity has a similar name"
    return "close matches: " + ", ".join(repr(n) for n in close)


def ego_view(g: nx.MultiDiGraph, center: str, depth: int) -> nx.MultiDiGraph:
    """The nodes within `depth` hops of `center`, ignoring direction.

    An event counts half a hop on each side, so entity-event-entity is one hop, like a fact edge.
    """

    def hop(u: str, v: str, _: dict) -> float:
        return 0.5 if EVENT in (g.nodes[u]["kind"], g.nodes[v]["kind"]) else 1.0

    undirected = g.to_undirected(as_view=True)
    reach = nx.single_source_dijkstra_path_length(undirected, center, cutoff=depth, weight=hop)
    return g.subgraph(reach).copy()


def most_central(g: nx.MultiDiGraph, max_nodes: int, *, keep: str | None = None) -> nx.MultiDiGraph:
    """The `max_nodes` nodes with most distinct neighbours (then mentions), plus `keep`."""
    if g.number_of_nodes() <= max_nodes:
        return g

    def rank(node: str) -> tuple:
        return (node != keep, -_neighbours(g, node), -g.nodes[node]["mentions"], node)

    kept = sorted(g.nodes, key=rank)[: max(max_nodes, 0)]
    return g.subgraph(kept).copy()


def _neighbours(g: nx.MultiDiGraph, node: str) -> int:
    return len(set(g.successors(node)) | set(g.predecessors(node)))


class _Tables:
    """The article and sentence tables of the payload; evidence refers to them by index."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.sentences: dict[str, tuple] = {}
        self.articles: dict[str, dict] = {}

    def article(self, iri: str) -> str:
        if iri not in self.articles:
            node = URIRef(iri)
            headline = self.graph.value(node, SCHEMA.headline)
            self.articles[iri] = {
                "iri": iri,
                "title": str(headline) if headline is not None else iri.rsplit("/", 1)[-1],
                "date": str(self.graph.value(node, SCHEMA.datePublished) or ""),
                "url": str(self.graph.value(node, SCHEMA.url) or ""),
            }
        return iri

    def sentence(self, iri: str, fallback_articles: Iterable[str]) -> str:
        if iri not in self.sentences:
            node = URIRef(iri)
            article = self.graph.value(node, NIF.referenceContext)
            article_iri = str(article) if article is not None else next(iter(fallback_articles), "")
            begin = self.graph.value(node, NIF.beginIndex)
            self.sentences[iri] = (
                str(self.graph.value(node, NIF.anchorOf) or ""),
                self.article(article_iri) if article_iri else "",
                int(begin) if begin is not None else 0,
            )
        return iri

    def indexed(self) -> tuple[list[dict], dict[str, int], list[dict], dict[str, int]]:
        """The tables in a stable order (article date, title; sentence position) and their indexes."""
        articles = sorted(self.articles.values(), key=lambda a: (a["date"], a["title"], a["iri"]))
        a_index = {a["iri"]: i for i, a in enumerate(articles)}
        order = sorted(
            self.sentences.items(), key=lambda kv: (a_index.get(kv[1][1], -1), kv[1][2], kv[0])
        )
        sentences = [{"text": text, "article": a_index.get(art, -1)} for _, (text, art, _) in order]
        return articles, a_index, sentences, {iri: i for i, (iri, _) in enumerate(order)}


def _payload(
    graph: Graph,
    full: nx.MultiDiGraph,
    view: nx.MultiDiGraph,
    facts: list[FactRow],
    *,
    events: bool,
    focus: str | None,
    title: str,
    counts: dict[str, int],
) -> dict:
    """Everything the page script needs, as plain JSON-able data in a deterministic order."""
    tables = _Tables(graph)
    event_rows = {e.iri: e for e in read_events(graph)} if events else {}

    def evidence(rows: Iterable[tuple[Iterable[str], Iterable[str], str]]) -> list[tuple[str, str]]:
        found = {}
        for sentences, articles, factuality in rows:
            articles = list(articles)
            for s in sentences:
                found.setdefault(tables.sentence(s, articles), factuality)
        return sorted(found.items())

    by_edge: dict[tuple[str, str, str], list[FactRow]] = defaultdict(list)
    by_node: dict[str, list[tuple[str, FactRow]]] = defaultdict(list)
    for fact in facts:
        if fact.object is not None:
            by_edge[(fact.subject, fact.object, fact.relation_iri)].append(fact)
        if fact.subject in view:
            by_node[fact.subject].append(("out", fact))
        if fact.object is not None and fact.object in view and fact.object != fact.subject:
            by_node[fact.object].append(("in", fact))

    raw_edges = []
    for u, v, key, attrs in sorted(view.edges(keys=True, data=True)):
        if attrs["kind"] == "participant":
            row = event_rows[u if view.nodes[u]["kind"] == EVENT else v]
            ev = evidence([(row.evidence, row.articles, row.factuality)])
            arts = row.articles
        else:
            rows = by_edge[(u, v, key)]
            ev = evidence((f.evidence, f.articles, f.factuality) for f in rows)
            arts = sorted({a for f in rows for a in f.articles})
        raw_edges.append((u, v, key, attrs, ev, [tables.article(a) for a in arts]))

    raw_nodes = []
    for node in sorted(view.nodes):
        attrs = view.nodes[node]
        details, arts = _node_details(graph, view, node, attrs, by_node, event_rows, evidence)
        raw_nodes.append((node, attrs, details, [tables.article(a) for a in arts]))

    articles, a_index, sentences, s_index = tables.indexed()
    sizes = _sizes(full, view)

    def ev_json(ev: list[tuple[str, str]]) -> list[list]:
        items = [[s_index[s]] if f == "asserted" else [s_index[s], f] for s, f in ev]
        return sorted(items)

    def details_json(details: dict) -> dict:
        out = dict(details)
        for field in ("roles", "rels"):
            out[field] = [{**item, "ev": ev_json(item["ev"])} for item in details.get(field, [])]
        if "ev" in details:
            out["ev"] = ev_json(details["ev"])
        return out

    nodes = [
        {
            "id": node,
            "label": attrs["label"],
            "kind": attrs["kind"],
            "size": sizes[node],
            "mentions": attrs["mentions"],
            "aliases": [a for a in attrs["aliases"].split(" | ") if a],
            "articles": sorted({a_index[a] for a in arts}),
            **details_json(details),
        }
        for node, attrs, details, arts in raw_nodes
    ]
    edges = []
    pair_rank: Counter = Counter()
    for i, (u, v, _key, attrs, ev, arts) in enumerate(raw_edges):
        pair = tuple(sorted((u, v)))
        nth = pair_rank[pair]
        pair_rank[pair] += 1
        edge = {
            "id": f"e{i}",
            "from": u,
            "to": v,
            "label": attrs["relation"],
            "kind": attrs["kind"],
            "facts": attrs["facts"],
            "ev": ev_json(ev),
            "articles": sorted({a_index[a] for a in arts}),
        }
        if attrs["asserted"] == 0:
            edge["dashes"] = True
        if nth:
            # Parallel edges between one pair would overlap; bend each a little more.
            side = "curvedCW" if nth % 2 else "curvedCCW"
            edge["smooth"] = {"enabled": True, "type": side, "roundness": 0.15 * ((nth + 1) // 2)}
        edges.append(edge)

    kinds_present = Counter(n["kind"] for n in nodes)
    relations = Counter(e["label"] for e in edges)
    return {
        "title": title,
        "counts": counts,
        "focus": focus,
        "kinds": [
            {"kind": k, "label": s[0], "color": s[1], "glyph": s[3], "count": kinds_present[k]}
            for k, s in KIND_STYLES.items()
            if kinds_present[k]
        ],
        "relations": [
            {"label": r, "count": c} for r, c in sorted(relations.items(), key=lambda rc: (-rc[1], rc[0]))
        ],
        "articles": articles,
        "sentences": sentences,
        "nodes": nodes,
        "edges": edges,
        "options": _vis_options(len(nodes)),
    }


def _sizes(full: nx.MultiDiGraph, view: nx.MultiDiGraph) -> dict[str, float]:
    """Node size by importance: distinct neighbours in the whole graph, on a square-root scale."""
    degrees = {node: _neighbours(full, node) for node in view}
    top = max(degrees.values(), default=0) or 1
    return {node: round(10 + 22 * (d / top) ** 0.5, 1) for node, d in degrees.items()}


def _node_details(graph, view, node, attrs, by_node, event_rows, evidence) -> tuple[dict, list[str]]:
    """Roles, relations and evidence of one node, and the articles it appears in."""
    if attrs["kind"] == EVENT:
        row = event_rows[node]
        participants = [
            {"role": role, "id": p, "label": _label(graph, view, p)}
            for role, p in row.participants
        ]
        details = {
            "date": row.date,
            "time_text": row.time_text,
            "event_class": row.event_class,
            "factuality": row.factuality,
            "participants": participants,
            "ev": evidence([(row.evidence, row.articles, row.factuality)]),
        }
        return details, list(row.articles)
    roles, rels = defaultdict(list), defaultdict(list)
    arts: set[str] = set()
    for direction, fact in by_node.get(node, []):
        arts.update(fact.articles)
        other = fact.object if direction == "out" else fact.subject
        item = (fact.evidence, fact.articles, fact.factuality)
        if direction == "out" and edge_kind(graph, fact) == "role":
            roles[other].append(item)
        else:
            rels[(fact.relation, direction, other or "", fact.content or "")].append(item)
    for row in event_rows.values():
        if any(p == node for _, p in row.participants):
            arts.update(row.articles)
    details = {
        "roles": [
            {
                "id": office,
                "label": _label(graph, view, office),
                "of": _office_of(graph, office),
                "ev": evidence(items),
            }
            for office, items in sorted(roles.items())
        ],
        "rels": [
            {
                "rel": rel,
                "dir": direction,
                **({"id": other, "other": _label(graph, view, other)} if other else {"content": content}),
                "ev": evidence(items),
            }
            for (rel, direction, other, content), items in sorted(rels.items())
        ],
    }
    return details, sorted(arts)


def _office_of(graph: Graph, office: str) -> str:
    holder = graph.value(URIRef(office), KG.officeOf)
    return _label(graph, None, str(holder)) if holder is not None else ""


def _label(graph: Graph, view: nx.MultiDiGraph | None, iri: str) -> str:
    if view is not None and iri in view:
        return view.nodes[iri]["label"]
    return label_of(graph, URIRef(iri))


def _vis_options(n_nodes: int) -> dict:
    """vis-network options: a seeded layout whose physics stops once it has settled."""
    groups = {}
    for kind, (_, colour, shape, _) in KIND_STYLES.items():
        border = _darken(colour)
        groups[kind] = {
            "shape": shape,
            "color": {
                "background": colour,
                "border": border,
                "highlight": {"background": colour, "border": "#111111"},
                "hover": {"background": colour, "border": "#111111"},
            },
        }
    groups[EVENT]["font"] = {"size": 12}
    # Fewer iterations on large graphs keep load time bounded; the seed keeps the layout stable.
    iterations = 600 if n_nodes <= 300 else max(100, 180_000 // n_nodes)
    return {
        "groups": groups,
        "nodes": {
            "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa5b1", "highlight": "#222222", "hover": "#444444"},
            "font": {"size": 10, "align": "middle", "color": "#444444", "strokeWidth": 3},
            "smooth": False,
            "width": 1,
        },
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": n_nodes <= 100},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "centralGravity": 0.01,
                "springLength": 110,
                "springConstant": 0.08,
                "avoidOverlap": 0.2,
            },
            "minVelocity": 1,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 20, "fit": True},
        },
        "interaction": {"hover": True, "hideEdgesOnDrag": n_nodes > 500, "multiselect": False},
    }


def _darken(colour: str, factor: float = 0.7) -> str:
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{int(c * factor):02x}" for c in rgb)


def _script_json(data: dict) -> str:
    """JSON that cannot end its <script> block or open markup, whatever the article text says."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _render(title: str, data: dict) -> str:
    """Fill the template in one pass, so inserted text is never scanned for placeholders again."""
    assets = resources.files("kg.export") / "assets"
    vis_js = VIS_JS.read_text(encoding="utf-8")
    app_js = (assets / "graph.js").read_text(encoding="utf-8")
    parts = {
        "TITLE": html.escape(title, quote=True),
        "STYLE": (assets / "graph.css").read_text(encoding="utf-8"),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
        "DATA": _script_json(data),
        "SCRIPT_HASHES": f"{_csp_hash(vis_js)} {_csp_hash(app_js)}",
    }
    template = (assets / "graph.html").read_text(encoding="utf-8")
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], template)
