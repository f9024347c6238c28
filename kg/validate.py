"""SHACL validation of a graph against kg/shapes.ttl, the ontology mixed in, with readable reports."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyshacl
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.query import QUERY_PREFIXES, load_graph


def _packaged(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=resources.files("kg").joinpath(name).read_text("utf-8"), format="turtle")


def shapes_graph() -> rdflib.Graph:
    return _packaged("shapes.ttl")


def ontology_graph() -> rdflib.Graph:
    return _packaged("ontology.ttl")


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node, which property, what is wrong, how bad."""

    focus: str
    path: str | None
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    value: str | None = None


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]

    def text(self) -> str:
        """The report as text a person can act on: one block per result, sorted."""
        if self.conforms:
            return "The graph conforms to the kg shapes.\n"
        count = len(self.violations)
        lines = [f"The graph does not conform to the kg shapes: {count} result{'s' if count != 1 else ''}."]
        for v in self.violations:
            lines.append(f"{v.severity}: {v.focus}")
            if v.path:
                lines.append(f"  path:    {v.path}")
            if v.value:
                lines.append(f"  value:   {v.value}")
            lines.append(f"  message: {v.message}")
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        return self.text()


def validate(graph_or_path: rdflib.Graph | str | Path) -> ValidationReport:
    """Check a graph (or graph file) against the shapes; the ontology supplies the subclass axioms."""
    data = graph_or_path if isinstance(graph_or_path, rdflib.Graph) else load_graph(graph_or_path)
    # No inference: SHACL's class targets already follow rdfs:subClassOf in the mixed-in ontology,
    # and RDFS domains would type nodes with classes the data never claimed.
    _conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none", allow_warnings=True
    )
    violations = sorted(_violations(results), key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))
    return ValidationReport(conforms=not violations or all(v.severity != "Violation" for v in violations),
                            violations=tuple(violations))


def _violations(results: rdflib.Graph) -> list[Violation]:
    names = {ns: prefix for prefix, ns in QUERY_PREFIXES.items()}
    found = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        focus = results.value(result, SH.focusNode)
        value = results.value(result, SH.value)
        found.append(Violation(
            focus=_show(focus, names),
            path=_show(results.value(result, SH.resultPath), names) or None,
            message=str(message) if message is not None else "",
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            value=_show(value, names) if value is not None and value != focus else None,
        ))
    return found


def _show(term: Node | None, names: dict[str, str]) -> str:
    """IRIs in angle brackets, or as prefixed names for vocabulary terms; literals in Turtle syntax."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for ns in sorted(names, key=len, reverse=True):
            local = str(term)[len(ns):]
            if str(term).startswith(ns) and local and "/" not in local and "#" not in local:
                return f"{names[ns]}:{local}"
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    return term.n3()
