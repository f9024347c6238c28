"""A build's triples: a plain set of rdflib terms with the few lookups the exporters make.

`kg build` writes its graph once and reads it only to export it. An rdflib Graph indexes every
triple three ways as it is added (measured: about 1.4 KB a triple in its SimpleMemory store, and a
third of the graph stage). Here triples are grouped by subject, as the Turtle writer needs them,
and the exporters' three lookups (`subjects`, `objects`, `value`) read that grouping; `subjects`
builds an object index per predicate on first use. `to_graph()` gives a full rdflib Graph when one
is wanted (the library API, SPARQL).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from rdflib import Graph
from rdflib.term import Node

Triple = tuple[Node, Node, Node]
# Objects of one subject and predicate that `add` scans for a duplicate; past this many it keeps a
# set of their keys, so that a hub (a leader who meets thousands of people) is not quadratic.
_SCAN = 8


class Triples:
    """A set of triples with namespace bindings, grouped by subject as they are added."""

    def __init__(self, namespaces: Iterable[tuple[str, Node]] = ()):
        # subject -> predicate -> objects: what the Turtle writer and the lookups read, kept as
        # the triples arrive (a builder adds one node's triples together), so no index is rebuilt.
        self._by_subject: dict[Node, dict[Node, list[Node]]] = {}
        self._count = 0
        self._namespaces = list(namespaces)
        self._by_object: dict[Node, dict[Node, list[Node]]] = {}  # predicate -> object -> subjects
        self._large: dict[int, set[tuple]] = {}  # id of an objects list longer than _SCAN -> its keys

    # ------------------------------------------------------------ writing

    def add(self, triple: Triple) -> None:
        s, p, o = triple
        by_p = self._by_subject.get(s)
        if by_p is None:
            self._by_subject[s] = {p: [o]}
        elif (objects := by_p.get(p)) is None:
            by_p[p] = [o]
        elif len(objects) < _SCAN:
            if o in objects:
                return
            objects.append(o)
        else:
            keys = self._large.get(id(objects))
            if keys is None:
                keys = self._large[id(objects)] = {_key(x) for x in objects}
            key = _key(o)
            if key in keys:
                return
            keys.add(key)
            objects.append(o)
        self._count += 1
        if self._by_object:
            self._by_object = {}

    def update(self, triples: Iterable[Triple]) -> None:
        for triple in triples:
            self.add(triple)

    def discard(self, triple: Triple) -> None:
        s, p, o = triple
        objects = self._by_subject.get(s, {}).get(p)
        if objects and o in objects:
            self._large.pop(id(objects), None)  # made again from the list if it is still long
            objects.remove(o)
            self._count -= 1
            if not objects:
                del self._by_subject[s][p]
                if not self._by_subject[s]:
                    del self._by_subject[s]
            self._by_object = {}

    def bind(self, prefix: str, namespace: Node) -> None:
        self._namespaces.append((prefix, namespace))

    # ------------------------------------------------------------ reading (rdflib Graph's names)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Triple]:
        return ((s, p, o) for s, by_p in self._by_subject.items() for p, objects in by_p.items() for o in objects)

    def __contains__(self, triple: Triple) -> bool:
        s, p, o = triple
        return o in self._by_subject.get(s, {}).get(p, ())

    def namespaces(self) -> Iterator[tuple[str, Node]]:
        return iter(self._namespaces)

    def triples(self, pattern: tuple[Node | None, Node | None, Node | None]) -> Iterator[Triple]:
        s, p, o = pattern
        if s is None and p is None and o is None:
            return iter(self)
        if s is not None:
            by_p = self._by_subject.get(s, {})
            pairs = ((q, x) for q in ([p] if p is not None else list(by_p)) for x in by_p.get(q, ()))
            return ((s, q, x) for q, x in pairs if o is None or x == o)
        return ((a, b, c) for a, b, c in self if (p is None or b == p) and (o is None or c == o))

    def objects(self, subject: Node, predicate: Node) -> Iterator[Node]:
        found = self._by_subject.get(subject, {}).get(predicate, ())
        return iter(sorted(found, key=_order) if len(found) > 1 else found)

    def subjects(self, predicate: Node, obj: Node | None = None) -> Iterator[Node]:
        by_object = self._object_index(predicate)
        if obj is not None:
            return iter(by_object.get(obj, ()))
        return iter(sorted({s for subjects in by_object.values() for s in subjects}, key=_order))

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """One object of (subject, predicate), the least in term order when there are several."""
        found = self._by_subject.get(subject, {}).get(predicate)
        if not found:
            return None
        return found[0] if len(found) == 1 else min(found, key=_order)

    def to_graph(self, graph: Graph | None = None) -> Graph:
        """The triples in an rdflib Graph (a new one in the SimpleMemory store unless given)."""
        g = graph if graph is not None else Graph(store="SimpleMemory")
        for prefix, ns in self._namespaces:
            g.bind(prefix, ns, override=True)
        g.addN((s, p, o, g) for s, p, o in self)
        return g

    def by_subject(self) -> dict[Node, dict[Node, list[Node]]]:
        """subject -> predicate -> objects (in no particular order); do not modify."""
        return self._by_subject

    # ------------------------------------------------------------ index

    def _object_index(self, predicate: Node) -> dict[Node, list[Node]]:
        """object -> subjects for one predicate, built the first time that predicate is asked for."""
        if predicate not in self._by_object:
            index: dict[Node, list[Node]] = defaultdict(list)
            for s, by_p in self._by_subject.items():
                for o in by_p.get(predicate, ()):
                    index[o].append(s)
            for subjects in index.values():
                subjects.sort(key=_order)
            self._by_object[predicate] = dict(index)
        return self._by_object[predicate]


def _order(term: Node) -> tuple[str, str]:
    return type(term).__name__, str(term)


def _key(term: Node) -> tuple:
    """What makes two terms the same term (rdflib's term equality), as a tuple of strings: its
    hash is computed in C, an rdflib term's in Python."""
    return type(term), str(term), str(getattr(term, "datatype", None) or ""), getattr(term, "language", None) or ""
