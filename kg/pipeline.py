"""The only place the stages are wired together: ingest -> nlp -> extract -> resolve -> graph -> export."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph

from kg import heap
from kg import nlp as nlp_stage
from kg.errors import E, KGError
from kg.extract import extract
from kg.forking import forked
from kg.graph import GraphBuilder
from kg.ingest import read_articles
from kg.resolve import Resolver
from kg.triples import Triples
from kg.types import Article, ArticleExtraction, Skipped
from kg.vocab import DEFAULT_BASE, KG, SCHEMA, IRIs

GRAPH_FILE = "graph.ttl"
HTML_FILE = "graph.html"
ONTOLOGY_FILE = "ontology.ttl"
# The page drawn by `kg build` keeps this many most central entities: beyond ~1,500 nodes a browser
# takes many seconds to lay it out. `kg html --max-nodes` draws any other selection.
HTML_MAX_NODES = 1500

# Articles parsed in one spaCy memory zone (kg.extract_articles, one process).
ZONE_ARTICLES = 256

# progress(done, total or None, article id) — the CLI draws it; the pipeline never prints.
Progress = Callable[[int, int | None, str], None]


@dataclass(frozen=True)
class BuildOptions:
    inputs: tuple[str, ...]
    out: Path
    model: str | None = None
    jobs: int = 1
    base: str = DEFAULT_BASE
    glob: str | None = None
    default_date: str | None = None
    max_bytes: int = 5_000_000
    lang: str | None = None
    update: bool = False
    html: bool = True
    store: Path | None = None
    fail_fast: bool = False
    engine: str = "local"  # "local": this machine, --jobs processes; "dask": a Dask cluster
    scheduler: str | None = None  # Dask scheduler address; None: a LocalCluster of `jobs` workers


@dataclass(frozen=True)
class BuildSummary:
    articles: int
    sentences: int
    entities: int
    facts: int
    events: int
    triples: int
    skipped: tuple[Skipped, ...]
    seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    outputs: tuple[Path, ...] = ()
    words: int = 0
    unchanged: int = 0  # --update: input articles already in the graph


@dataclass
class _Timer:
    stages: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, seconds: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds


def existing_hashes(graph: Graph) -> set[str]:
    """Content hashes of the articles already in a graph (what --update skips)."""
    return {str(h) for h in graph.objects(None, KG.contentHash)}


def _previous(options: BuildOptions) -> Graph | None:
    """The graph an --update run adds to, or None for a fresh build."""
    path = options.out / GRAPH_FILE
    if not options.update or not path.exists():
        return None
    from kg.query import load_graph

    return load_graph(path)


def extract_articles(articles: Sequence[Article], *, model: str | None = None, jobs: int = 1,
                     progress: Progress | None = None, timer: _Timer | None = None) -> list[ArticleExtraction]:
    """Parse and extract every article; Docs are streamed and dropped, only records are kept.

    With jobs > 1, worker processes parse and extract shards of articles and send back records
    (kg.distributed.extract_with_processes): unlike `nlp.pipe(n_process=...)`, this process then
    neither deserialises Docs nor runs the extractor, and it loads the gazetteers resolution needs
    while the workers parse. (`kg build` starts its pool before reading its inputs and hands it
    the articles as they are read: kg.distributed.submit_shards.)
    """
    timer = timer or _Timer()
    t0 = time.perf_counter()
    if jobs > 1:
        from kg.distributed import extract_with_processes

        with gc_paused():  # this process only receives records, which hold no cycles
            out = extract_with_processes(articles, model=model, jobs=jobs, progress=progress, meanwhile=_warm_up)
        timer.add("parse+extract", time.perf_counter() - t0)
        return out
    nlp = nlp_stage.load(model)
    out = []
    extract_time = 0.0
    with records_frozen() as freeze:
        for start in range(0, len(articles), ZONE_ARTICLES):
            # The strings spaCy adds for these articles are dropped after them: the vocabulary of
            # a long run stays bounded (records hold plain str copies).
            with nlp.memory_zone():
                for doc, article in nlp_stage.parse(nlp, articles[start:start + ZONE_ARTICLES]):
                    t1 = time.perf_counter()
                    out.append(extract(doc, article))
                    freeze()
                    extract_time += time.perf_counter() - t1
                    if progress:
                        progress(len(out), len(articles), article.id)
    timer.add("parse", time.perf_counter() - t0 - extract_time)
    timer.add("extract", extract_time)
    return out


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector off while the graph is built and written.

    Those stages make millions of small objects that hold no cycles, while every record of the
    build is alive: each full collection walked all of them, and at 200k words that was half the
    time of resolve+graph and write (measured with and without). Reference counting still frees
    everything; the collector's state is restored on the way out.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def records_frozen() -> Iterator[Callable[[], None]]:
    """A `freeze` to call after each article: the records made so far (and the model, loaded
    before) then live in the collector's permanent generation, which no collection walks again.

    The records of every article parsed so far live until the build ends, and the full collections
    that spaCy's allocations trigger walked all of them again and again (0.8 s of a 45 s build at
    200k words). Docs hold no cycles once extracted (kg.extract.tokens.release), so nothing the
    parser leaves is kept by freezing. On the way out everything is unfrozen. A caller that froze
    objects of its own gets a `freeze` that does nothing: its permanent generation is left alone.
    """
    if gc.get_freeze_count():
        yield lambda: None
        return
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def _warm_up() -> None:
    """Load the data resolution reads (country and city gazetteers) ahead of time."""
    from kg import gazetteer, places

    gazetteer.load()
    places.load()


def build_triples(extractions: Sequence[ArticleExtraction], *, base: str = DEFAULT_BASE,
                  previous: Graph | None = None) -> tuple[Triples, int]:
    """Resolve entities across all extractions and build the graph's triples; returns them and
    the entity count.

    Given an existing graph (--update), its people's names take part in surname binding and its
    entities keep their labels, so the same entity keeps the same IRI; its triples are kept.
    """
    with gc_paused():
        return _build_triples(extractions, base=base, previous=previous)


def _build_triples(extractions: Sequence[ArticleExtraction], *, base: str, previous: Graph | None) -> tuple[Triples, int]:
    resolver = Resolver()
    if previous is not None:
        resolver.seed(str(label) for person in previous.subjects(RDF.type, SCHEMA.Person)
                      for label in previous.objects(person, RDFS.label))
    for ex in extractions:
        resolver.add(ex)
    entities, keys = resolver.resolve()
    builder = GraphBuilder(IRIs(base), previous)
    builder.set_resolution(entities, keys)
    builder.add_entities(entities.values())
    for ex in extractions:
        builder.add_extraction(ex)
    return builder.g, builder.entity_count()


def build_graph(extractions: Sequence[ArticleExtraction], *, base: str = DEFAULT_BASE,
                graph: Graph | None = None) -> tuple[Graph, int]:
    """`build_triples` as an rdflib Graph (for SPARQL and the library API)."""
    triples, entities = build_triples(extractions, base=base, previous=graph)
    return triples.to_graph(), entities


def build(options: BuildOptions, progress: Progress | None = None) -> BuildSummary:
    """Build the graph of the inputs into options.out; nothing is written unless all succeeds."""
    start = time.perf_counter()
    timer = _Timer()
    if options.engine == "local":
        heap.keep_freed_memory()  # this process parses, or forks the workers that do
    if options.engine == "local" and options.jobs > 1:
        from kg.distributed import process_pool

        workers = process_pool(options.jobs, options.model)  # its workers have the model before we read
    else:
        workers = nullcontext()
    with workers as pool:
        if pool is not None:
            timer.add("start workers", time.perf_counter() - start)
        return _build(options, progress, pool, start, timer)


def _build(options: BuildOptions, progress: Progress | None, pool: ProcessPoolExecutor | None,
           start: float, timer: _Timer) -> BuildSummary:
    t = time.perf_counter()
    previous = _previous(options)
    known = existing_hashes(previous) if previous is not None else set()
    articles: list[Article] = []
    skipped: list[Skipped] = []
    unchanged = 0

    def read() -> Iterator[Article]:
        """The articles to build, as the inputs are read; skipped inputs are kept aside."""
        nonlocal unchanged
        for item in read_articles(list(options.inputs), glob=options.glob, default_date=options.default_date,
                                  max_bytes=options.max_bytes, lang=options.lang):
            if isinstance(item, Skipped):
                if options.fail_fast:
                    raise KGError(E.INPUT_SKIPPED, source=item.source + (f":{item.line}" if item.line else ""),
                                  reason=item.reason)
                skipped.append(item)
            elif item.content_hash in known:
                unchanged += 1  # already in the graph being updated: not rebuilt, not duplicated
            else:
                articles.append(item)
                yield item

    def require_articles() -> None:
        """Some input must be an article to build, or one the updated graph has already."""
        if not articles and not unchanged:
            raise KGError(E.NO_ARTICLES, inputs=", ".join(options.inputs))

    if pool is not None:
        from kg.distributed import collect_shards, submit_shards

        # The workers parse the first shards while the rest of the inputs are read.
        with gc_paused():  # this process only receives records, which hold no cycles
            results = submit_shards(pool, read(), model=options.model)
            timer.add("ingest", time.perf_counter() - t)
            require_articles()
            t = time.perf_counter()
            extractions = collect_shards(results, len(articles), progress=progress, meanwhile=_warm_up)
            timer.add("parse+extract", time.perf_counter() - t)
        pool.shutdown()  # the workers and their models are not needed by the graph stages
    else:
        for _ in read():
            pass
        timer.add("ingest", time.perf_counter() - t)
        require_articles()
        if options.engine == "dask":
            from kg.distributed import extract_with_dask

            t = time.perf_counter()
            extractions = extract_with_dask(articles, model=options.model, scheduler=options.scheduler,
                                            workers=options.jobs, progress=progress)
            timer.add("parse+extract", time.perf_counter() - t)
        elif options.engine == "local":
            extractions = extract_articles(articles, model=options.model, jobs=options.jobs,
                                           progress=progress, timer=timer)
        else:
            raise KGError(E.UNKNOWN_NAME, what="engine", name=options.engine, valid="local, dask")
    t = time.perf_counter()
    graph, entity_count = build_triples(extractions, base=options.base, previous=previous)
    del previous
    timer.add("resolve+graph", time.perf_counter() - t)

    t = time.perf_counter()
    with gc_paused():
        outputs = _write_outputs(graph, options)
    timer.add("write", time.perf_counter() - t)
    return BuildSummary(
        articles=len(articles), sentences=sum(len(e.sentences) for e in extractions),
        entities=entity_count, facts=sum(len(e.facts) for e in extractions),
        events=sum(len(e.events) for e in extractions), triples=len(graph), skipped=tuple(skipped),
        seconds=time.perf_counter() - start, stage_seconds=timer.stages, outputs=tuple(outputs),
        words=sum(len(a.text.split()) for a in articles), unchanged=unchanged)


def _write_outputs(graph: Triples, options: BuildOptions) -> list[Path]:
    """The graph as Turtle, the ontology, the HTML view and the store, as asked; their paths."""
    from kg.export.html import write_html
    from kg.export.rdf import write_graph

    outputs = [options.out / GRAPH_FILE]
    html = options.out / HTML_FILE
    # With --jobs > 1 the user has given this build more than one core: the page is drawn in a
    # forked copy of this process while this one writes the Turtle. Not after a Dask run, whose
    # client may leave threads behind (a fork copies their locks, not the threads). The Turtle is
    # not split over a second fork: in a build, the copies' page faults cost more than the half
    # saved (write 1.27-1.47 s without that split, 1.73-1.86 s with it, at 200k words).
    html_done = forked(write_html, graph, html, max_nodes=HTML_MAX_NODES) \
        if options.html and options.jobs > 1 and options.engine == "local" else None
    write_graph(graph, outputs[0])
    _write_ontology(options.out / ONTOLOGY_FILE)
    outputs.append(options.out / ONTOLOGY_FILE)
    if options.html:
        if html_done is not None:
            html_done()
        else:
            write_html(graph, html, max_nodes=HTML_MAX_NODES)
        outputs.append(html)
    if options.store is not None:
        from kg.store import load_into_store

        load_into_store(outputs[0], options.store)
        outputs.append(options.store)
    return outputs


def _write_ontology(path: Path) -> None:
    from kg.atomic import atomic_write_text

    atomic_write_text(path, (Path(__file__).parent / ONTOLOGY_FILE).read_text(encoding="utf-8"))
