"""Query parameters: bind variables of a SPARQL text portably, for rdflib and any store alike."""

from __future__ import annotations

import re

from rdflib import Literal


def bind_params(text: str, params: dict[str, str]) -> str:
    """Replace `VALUES ?name { ... }` for each bound name, or add one after the first WHERE {."""
    for name, value in sorted(params.items()):
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ValueError(f"not a SPARQL variable name: {name!r}")
        clause = f"VALUES ?{name} {{ {Literal(value).n3()} }}"
        pattern = re.compile(rf"VALUES\s+\?{name}\s*\{{[^}}]*\}}", re.IGNORECASE)
        if pattern.search(text):
            text = pattern.sub(lambda _: clause, text, count=1)
        else:
            text = re.sub(r"WHERE\s*\{", lambda m: f"{m.group(0)}\n  {clause}", text, count=1, flags=re.IGNORECASE)
    return text
