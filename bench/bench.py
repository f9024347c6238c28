"""How far is `kg build` from spaCy's own speed, and how does it scale? Issue 8's benchmark.

    .venv/bin/python bench/bench.py --words 200000 --jobs 1 2 [--engine dask] [--triples 1000000]

Builds a corpus of about --words words from seeds/ and the eval benchmarks' documents (repeated,
each copy's sentences rotated so no two articles are the same text), then for each process count
runs, each in a fresh child process:
  raw     spaCy's `nlp.pipe` over the same (ingested) texts, same model, components, batch size
          and process count, the model as spaCy loads it: the cost floor;
  raw-kg  the same with the pipeline as `kg` loads it (kg.nlp.load: the paragraph-break component,
          and kg.components' faster attribute ruler and lemmatizer, which give the same
          annotations): what is left of `kg build` beside it is the cost of kg's own stages;
  build   the full `kg build --jobs N` (kg.pipeline.build): ingest, parse, extract, resolve+graph,
          write; with N > 1, N worker processes parse and extract;
  dask    (--engine dask) the same, sharded over a local Dask cluster.
It prints words/s, the ratio build/raw, the time per stage and peak memory: that of the whole
process tree (the sum of its proportional set sizes, sampled every 0.5 s: a page that several
processes share, as a forked worker shares its parent's, counts once in all) and the peak resident
set of the main process alone. --batch-sizes measures raw spaCy at several batch sizes; --triples
builds a graph of that many triples from real extraction records and times writing it as Turtle
and N-Triples and answering queries/facts.rq with Oxigraph (a disk store, an in-memory store,
`kg query --engine oxigraph`) and with rdflib.
The output also goes to --log (default /tmp/kg-bench.txt).
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing as mp
import re
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", *sorted((ROOT.parent / "shared" / "eval" / "benchmarks").glob("*/docs"))]
_SENTENCE_END = re.compile(r"(?<=[.!?\"\u201d])\s+(?=[A-Z\"\u201c])")
MB = 1024 * 1024


# ---------------------------------------------------------------- corpus


def _units(text: str) -> list[str]:
    """The pieces of an article a copy may reorder: its lines, else its sentences."""
    lines = [line for line in text.split("\n") if line.strip()]
    return lines if len(lines) > 2 else _SENTENCE_END.split(text)


def make_corpus(words: int, folder: Path) -> tuple[int, int]:
    """Write about `words` words of articles into `folder`; returns (articles, words)."""
    docs = [p for source in SOURCES for p in sorted(source.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    total = count = copy = 0
    while total < words:
        for path in docs:
            text = path.read_text(encoding="utf-8")
            units = _units(text)
            if copy and len(units) < 3:
                continue  # too short to vary: a second copy would be a duplicate
            if copy:
                # Keep the headline, rotate the rest: a different text with the same sentences.
                body = units[1:]
                shift = copy % len(body) or 1
                text = "\n\n".join([units[0], *body[shift:], *body[:shift]]) + "\n"
            (folder / f"{copy:03d}_{path.stem}.txt").write_text(text, encoding="utf-8")
            total += len(text.split())
            count += 1
            if total >= words:
                break
        copy += 1
    return count, total


# ---------------------------------------------------------------- measuring in a child process


class _PeakRSS:
    """Samples the memory of a process and its descendants until stopped: the sum of their
    proportional set sizes (Linux; elsewhere their resident sets, which count shared pages once
    per process).

    Every half second: reading a process's PSS walks its page tables (3 ms for a 240 MB process),
    and at ten reads a second over three processes the sampler took CPU from the workers it
    measured (a 2-process build at 200k words ran 1.8 s slower with 0.1 s than with 1 s). Memory
    here grows over seconds, not milliseconds, so the peak is still seen.
    """

    def __init__(self, pid: int, interval: float = 0.5):
        self.root = psutil.Process(pid)
        self.interval = interval
        self.tree = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            rss = 0
            for p in procs:
                try:
                    rss += _held(p)
                except psutil.NoSuchProcess:
                    pass
            self.tree = max(self.tree, rss)
            self._stop.wait(self.interval)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.tree


def _held(process: psutil.Process) -> int:
    try:
        return process.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):
        return process.memory_info().rss


def _in_child(target, *args) -> dict:
    """Run target(*args) -> dict in a fresh process; adds its peak tree and main-process RSS."""
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child_main, args=(child, target, args))
    proc.start()
    child.close()  # so that recv() sees the end of the pipe if the child dies without an answer
    monitor = _PeakRSS(proc.pid)
    try:
        result = parent.recv()
    except EOFError:
        result = {"error": f"{target.__name__} died without a result"}
    proc.join()
    result["tree_rss_mb"] = monitor.stop() / MB
    if "error" in result:
        raise RuntimeError(result["error"])
    return result


def _child_main(conn, target, args) -> None:
    try:
        result = target(*args)
    except Exception as err:  # reported by the parent, which stops the benchmark
        import traceback

        result = {"error": f"{err!r}\n{traceback.format_exc()}"}
    result["main_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    result["cpu_seconds"] = sum(u.ru_utime + u.ru_stime for u in used)
    conn.send(result)


def run_raw(texts: list[str], jobs: int, batch_size: int, pipeline: str = "spacy") -> dict:
    """spaCy alone: load the same model with the same components, pipe the texts, drop the Docs.
    pipeline "spacy": the model as spaCy loads it; "kg": as kg.nlp.load sets it up."""
    import spacy

    from kg import nlp as nlp_stage

    start = time.perf_counter()
    nlp = spacy.load(nlp_stage.model_name()) if pipeline == "spacy" else nlp_stage.load()
    loaded = time.perf_counter()
    for doc in nlp.pipe(texts, n_process=jobs, batch_size=batch_size):
        pass
    end = time.perf_counter()
    return {"seconds": end - start, "stages": {"load": loaded - start, "pipe": end - loaded}}


def run_build(corpus: str, out: str, jobs: int, html: bool) -> dict:
    """The whole `kg build`, as the CLI runs it."""
    from kg.pipeline import BuildOptions, build

    summary = build(BuildOptions(inputs=(corpus,), out=Path(out), jobs=jobs, html=html))
    return {"seconds": summary.seconds, "stages": dict(summary.stage_seconds), "words": summary.words,
            "articles": summary.articles, "triples": summary.triples}


def run_dask_build(corpus: str, out: str, jobs: int, html: bool) -> dict:
    """The stages pipeline.build runs, with extraction sharded over a LocalCluster of `jobs` Dask workers."""
    from kg.distributed import extract_with_dask
    from kg.export.html import write_html
    from kg.export.rdf import write_graph
    from kg.ingest import read_articles
    from kg.pipeline import build_triples
    from kg.types import Article

    clock = _Clock()
    articles = [a for a in read_articles([corpus]) if isinstance(a, Article)]
    clock.lap("ingest")
    extractions = extract_with_dask(articles, workers=jobs)
    clock.lap("start+parse+extract")
    graph, _ = build_triples(extractions)
    clock.lap("resolve+graph")
    write_graph(graph, Path(out) / "graph.ttl")
    if html:
        write_html(graph, Path(out) / "graph.html")
    clock.lap("write")
    return {"seconds": clock.total(), "stages": clock.stages, "triples": len(graph)}


def ingested_texts(corpus: Path) -> tuple[list[str], int]:
    """The article texts `kg build` parses (after cleaning), and their words."""
    from kg.ingest import read_articles
    from kg.types import Article

    texts = [a.text for a in read_articles([str(corpus)]) if isinstance(a, Article)]
    return texts, sum(len(t.split()) for t in texts)


class _Clock:
    def __init__(self) -> None:
        self.start = self.last = time.perf_counter()
        self.stages: dict[str, float] = {}

    def lap(self, stage: str) -> float:
        now = time.perf_counter()
        self.stages[stage] = now - self.last
        self.last = now
        return self.stages[stage]

    def total(self) -> float:
        return self.last - self.start


# ---------------------------------------------------------------- a graph of a million triples


def large_graph(target: int, corpus: str, jobs: int, out: str) -> dict:
    """Extract the corpus once, replicate its records until the graph has `target` triples, time it all."""
    from kg import nlp as nlp_stage
    from kg.export.rdf import write_graph
    from kg.ingest import read_articles
    from kg.pipeline import build_triples, extract_articles, gc_paused
    from kg.query import load_graph, run_query
    from kg.store import load_into_store, open_store, query_file, query_store
    from kg.types import Article
    import pyoxigraph as ox

    clock = _Clock()
    articles = [a for a in read_articles([corpus]) if isinstance(a, Article)]
    records = extract_articles(articles, model=nlp_stage.model_name(), jobs=jobs)
    clock.lap("extract corpus")
    per_copy = len(build_triples(records)[0])
    # Whole copies and then part of one, so that the graph has about `target` triples, not the
    # next multiple of the corpus's count.
    wanted = round(target / per_copy * len(records))
    copies = -(-wanted // len(records))
    replicated = [_variant(records[i % len(records)], i // len(records)) for i in range(wanted)]
    del records
    clock.lap("replicate records")
    graph, entities = build_triples(replicated)  # as `kg build` holds them (kg.triples.Triples)
    figures = {"copies": copies, "articles": len(replicated), "entities": entities, "triples": len(graph),
               "resolve+graph s": clock.lap("resolve+graph")}
    del replicated
    folder = Path(out)
    for fmt, name in (("turtle", "graph.ttl"), ("ntriples", "graph.nt")):
        with gc_paused():  # as `kg build` writes
            write_graph(graph, folder / name, fmt)
        figures[f"{fmt} s"] = clock.lap(fmt)
        figures[f"{fmt} MB"] = (folder / name).stat().st_size / MB
    figures["peak RSS after writing MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    del graph
    load_into_store(folder / "graph.nt", folder / "store")
    figures["oxigraph bulk load s"] = clock.lap("load")
    query = (ROOT / "queries" / "facts.rq").read_text(encoding="utf-8")
    store = open_store(folder / "store", read_only=True)
    for run in ("cold", "warm"):
        rows = len(query_store(store, query).rows)
        figures[f"facts.rq oxigraph {run} s"] = clock.lap(run)
    figures["facts.rq rows"] = rows
    del store
    # The same store in memory: no RocksDB lookups per join.
    memory = ox.Store()
    memory.bulk_load(path=str(folder / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    figures["oxigraph in-memory load s"] = clock.lap("memory load")
    for run in ("cold", "warm"):
        sum(1 for _ in memory.query(query))  # the store's own answer, as Oxigraph terms
        figures[f"facts.rq ox in-memory {run} s"] = clock.lap(run)
    query_store(memory, query)
    figures["facts.rq ox in-memory, rows as rdflib terms (kg query) s"] = clock.lap("rdflib rows")
    del memory
    rows = len(query_file(folder / "graph.ttl", query).rows)
    figures["kg query --engine oxigraph (load+query) s"] = clock.lap("query_file")
    graph = load_graph(folder / "graph.ttl")
    figures["rdflib parse graph.ttl s"] = clock.lap("rdflib parse")
    rows = len(run_query(graph, ROOT / "queries" / "facts.rq").rows)
    figures["facts.rq rdflib s"] = clock.lap("rdflib")
    figures["facts.rq rdflib rows"] = rows
    return {"figures": figures}


def _variant(ex, k: int):
    """Copy k of an article's records: another article id, and other people and organisations."""
    if k == 0:
        return ex
    from kg.types import ORGANIZATION, PERSON, Mention

    code = "".join(chr(ord("a") + int(d)) for d in str(k)).capitalize()

    def mention(m: Mention | None) -> Mention | None:
        if m is None or m.kind not in (PERSON, ORGANIZATION) or len(m.name.split()) < 2:
            return m
        first, rest = m.name.split(" ", 1)
        return dataclasses.replace(m, name=f"{first} {code} {rest}", text=f"{first} {code} {rest}")

    def many(ms):
        return tuple(mention(m) for m in ms)

    def event(e):
        return e and dataclasses.replace(e, agents=many(e.agents), patients=many(e.patients),
                                         topics=many(e.topics), place=mention(e.place))

    article = dataclasses.replace(ex.article, id=f"{ex.article.id}-copy{k}")
    facts = tuple(dataclasses.replace(f, subject=mention(f.subject), object=mention(f.object),
                                      qualifier=mention(f.qualifier), event=event(f.event)) for f in ex.facts)
    return dataclasses.replace(ex, article=article, mentions=many(ex.mentions),
                               events=tuple(event(e) for e in ex.events), facts=facts)


# ---------------------------------------------------------------- the table


def _row(mode: str, jobs: int, words: int, r: dict, raw: dict | None) -> str:
    wps = words / r["seconds"]
    ratio = f"{wps / (words / raw['seconds']):.2f}" if raw else "-"
    stages = ", ".join(f"{k} {v:.1f}" for k, v in r["stages"].items())
    return (f"{mode:<6} {jobs:>4} {words:>8} {r['seconds']:>8.1f} {wps:>8.0f} {ratio:>6} {r['cpu_seconds']:>7.1f} "
            f"{r['tree_rss_mb']:>8.0f} {r['main_rss_mb']:>8.0f}  {stages}")


HEADER = (f"{'mode':<6} {'jobs':>4} {'words':>8} {'seconds':>8} {'words/s':>8} {'b/a':>6} {'cpu s':>7} "
          f"{'tree MB':>8} {'main MB':>8}  stages (s)")


def _medians(seconds: dict[tuple[str, int], list[float]], repeat: int) -> str:
    """Median seconds per mode, build/raw per process count, and how builds scale with processes."""
    med = {key: statistics.median(values) for key, values in seconds.items()}
    lines = [f"\nmedians of {repeat} runs:"]
    for (mode, jobs), value in sorted(med.items(), key=lambda kv: (kv[0][1], not kv[0][0].startswith("raw"),
                                                                   kv[0][0])):
        ratio = ""
        if not mode.startswith("raw"):
            ratio = "".join(f", {name} {med[(base, jobs)] / value:.2f}"
                            for base, name in (("raw", "b/a"), ("raw-kg", "b/raw-kg")) if (base, jobs) in med)
        lines.append(f"  {mode:<6} {jobs} job(s): {value:.1f} s{ratio}")
    for mode in sorted({m for m, _ in med}):
        counts = sorted(j for m, j in med if m == mode)
        if len(counts) > 1 and counts[0] == 1:
            for j in counts[1:]:
                paired = " ".join(f"{one / many:.2f}" for one, many in zip(seconds[(mode, 1)], seconds[(mode, j)]))
                lines.append(f"  {mode} {j} jobs / 1 job: {med[(mode, 1)] / med[(mode, j)]:.2f}x"
                             + (f" (run by run: {paired})" if repeat > 1 else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000, help="corpus size in words")
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, 2],
                        help="process counts to measure (none: only --batch-sizes and --triples)")
    parser.add_argument("--engine", choices=["local", "dask"], nargs="+", default=["local"],
                        help="build engines: local (kg build as it is), dask (a LocalCluster of --jobs workers)")
    parser.add_argument("--batch-sizes", type=int, nargs="*", default=[],
                        help="also measure raw spaCy (1 process) at these nlp.pipe batch sizes")
    parser.add_argument("--triples", type=int, default=0, help="also build and time a graph of this many triples")
    parser.add_argument("--no-html", action="store_true", help="leave graph.html out of the build")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measure each mode this many times and also print the medians (a shared "
                             "machine's speed drifts by several per cent between runs)")
    parser.add_argument("--log", type=Path, default=Path("/tmp/kg-bench.txt"), help="copy of the output")
    args = parser.parse_args(argv)

    from kg import nlp as nlp_stage

    log = args.log.open("w", encoding="utf-8")

    def say(line: str = "") -> None:
        print(line, flush=True)
        log.write(line + "\n")
        log.flush()

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        n, _ = make_corpus(args.words, corpus)
        texts, words = ingested_texts(corpus)
        say(f"corpus: {n} files, {len(texts)} articles, {words} words after ingest; model "
            f"{nlp_stage.model_name()}, batch size {nlp_stage.BATCH_SIZE}, {psutil.cpu_count()} cores")
        say(HEADER)
        seconds: dict[tuple[str, int], list[float]] = {}
        # Modes and process counts alternate (raw, raw-kg, build; 1 job, 2 jobs; again), so that a
        # slow spell of the machine hits all of them, not the runs of one process count.
        for _ in range(args.repeat):
            for jobs in args.jobs:
                raw = _in_child(run_raw, texts, jobs, nlp_stage.BATCH_SIZE)
                say(_row("raw", jobs, words, raw, None))
                seconds.setdefault(("raw", jobs), []).append(raw["seconds"])
                raw_kg = _in_child(run_raw, texts, jobs, nlp_stage.BATCH_SIZE, "kg")
                say(_row("raw-kg", jobs, words, raw_kg, None))
                seconds.setdefault(("raw-kg", jobs), []).append(raw_kg["seconds"])
                for engine in args.engine:
                    out = Path(tmp) / f"out-{engine}-{jobs}"
                    if engine == "local":
                        result = _in_child(run_build, str(corpus), str(out), jobs, not args.no_html)
                    else:
                        result = _in_child(run_dask_build, str(corpus), str(out), jobs, not args.no_html)
                    mode = "build" if engine == "local" else engine
                    say(_row(mode, jobs, words, result, raw) + f"  [{result['triples']} triples]")
                    seconds.setdefault((mode, jobs), []).append(result["seconds"])
        if args.repeat > 1:
            say(_medians(seconds, args.repeat))
        for size in args.batch_sizes:
            raw = _in_child(run_raw, texts, 1, size)
            say(_row(f"b={size}", 1, words, raw, None))
        if args.triples:
            out = Path(tmp) / "large"
            out.mkdir()
            figures = _in_child(large_graph, args.triples, str(corpus), max(args.jobs, default=2), str(out))
            say(f"\ngraph of {args.triples} triples (peak RSS {figures['main_rss_mb']:.0f} MB):")
            for key, value in figures["figures"].items():
                say(f"  {key:<28} {value:.2f}" if isinstance(value, float) else f"  {key:<28} {value}")
    log.close()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
