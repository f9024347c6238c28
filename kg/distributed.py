"""The Dask engine: parse and extract shards of articles on a cluster, resolve once on the client.

Workers send back ArticleExtraction records (small, picklable), never Docs, so the client's
memory and the network carry only what the graph needs. Entity resolution and the graph are built
on the client from all records in input order (kg.pipeline.build_graph), which keeps every IRI
identical to a single-machine build.

    dask scheduler                         # on one machine: prints tcp://HOST:8786
    dask worker tcp://HOST:8786 --nthreads 1 --nworkers 2   # on each machine with kg installed
    kg build articles/ --engine dask --scheduler tcp://HOST:8786
"""

from __future__ import annotations

import functools
import gc
import itertools
import logging
import multiprocessing
import threading
from contextlib import contextmanager
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kg import heap
from kg import nlp as nlp_stage
from kg.errors import E, KGError
from kg.extract import extract
from kg.types import Article, ArticleExtraction
from kg.vocab import DEFAULT_BASE, IRIs

# Articles per task: scheduling costs ~1 ms a task, lost beside the seconds a shard takes to parse;
# small shards balance the work (with 64, 150 articles made 3 shards for 2 workers: one idled).
SHARD_SIZE = 16
# Articles per task on this machine's process pool, where a task costs far less than on Dask:
# smaller shards leave less work on one worker at the end (200k words, 2 workers: 16 -> 24.1 s,
# 4 -> 23.3 s).
LOCAL_SHARD_SIZE = 4
# Tasks in flight per worker: keeps every worker busy while the client holds few pending results.
IN_FLIGHT_PER_WORKER = 2
CONNECT_TIMEOUT = "30s"

Progress = Callable[[int, int | None, str], None]


# A pipeline the parent loaded before forking its workers (process_pool): model name -> pipeline.
_inherited: dict = {}


@functools.lru_cache(maxsize=2)
def _worker_model(name: str):
    """The spaCy pipeline, loaded once per worker process (or inherited from the parent that forked
    it) and kept for every later shard; frozen, so that no collection in the worker walks its
    objects again."""
    nlp = _inherited.get(name) or nlp_stage.load(name)
    gc.freeze()
    return nlp


def _preload(name: str) -> None:
    """A local pool worker's first task: the heap setting (inherited where forked) and the model."""
    heap.keep_freed_memory()
    _worker_model(name)  # returns nothing: the pipeline itself is not sent back


def extract_shard(articles: Sequence[Article], model: str) -> list[ArticleExtraction]:
    """Parse and extract one shard in this process (the task each worker runs)."""
    nlp = _worker_model(model)
    # The strings a shard adds to the vocabulary are freed after it, so a worker that lives through
    # a million articles keeps a bounded StringStore. Records hold plain str copies, never spaCy
    # objects, so they outlive the zone.
    with nlp.memory_zone():
        return [extract(doc, article) for doc, article in nlp_stage.parse(nlp, articles, jobs=1)]


def shards(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items in order, taken from `items` (a generator too) as they fill."""
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def extract_with_dask(articles: Sequence[Article], *, model: str | None = None, scheduler: str | None = None,
                      workers: int = 2, shard_size: int = SHARD_SIZE,
                      progress: Progress | None = None) -> list[ArticleExtraction]:
    """Extract every article on a Dask cluster; records come back in input order.

    scheduler: address of a running scheduler ("tcp://host:8786"); None starts a LocalCluster of
        `workers` single-threaded worker processes on this machine for the duration of the call.
    """
    from distributed import as_completed

    name = nlp_stage.model_name(model)  # decided here, so every worker loads the same model
    parts = list(shards(articles, shard_size))
    results: list[list[ArticleExtraction] | None] = [None] * len(parts)
    with _client(scheduler, workers) as client:
        window = IN_FLIGHT_PER_WORKER * max(1, _worker_count(client))
        pending = iter(enumerate(parts))
        index = {}
        queue = as_completed()

        def submit() -> None:
            # One more shard, if any is left: at most `window` are queued on the cluster at a time.
            for i, part in pending:
                future = client.submit(extract_shard, part, name, pure=False)
                index[future] = i
                queue.add(future)
                return

        for _ in range(window):
            submit()
        done = 0
        for future in queue:
            records = future.result()  # a worker's error is raised here, with its traceback
            results[index.pop(future)] = records
            future.release()
            submit()
            done += len(records)
            if progress and records:
                progress(done, len(articles), records[-1].article.id)
    return [record for part in results for record in part]


def _worker_count(client) -> int:
    return client.scheduler_info(n_workers=-1)["n_workers"]


@contextmanager
def process_pool(jobs: int, model: str | None = None) -> Iterator[ProcessPoolExecutor]:
    """`jobs` worker processes with the model loaded, for the caller to hand shards of articles.

    Where processes can fork and this process runs no other thread, the model is loaded here and
    the workers are forked from it: they start with the pipeline in memory, before the caller has
    read its inputs (200k words, 2 workers: the first shard began parsing 1 s sooner than in
    spawned workers, which import spaCy and load the model themselves), and share its pages.
    Otherwise each worker is a fresh interpreter that loads the model while the caller reads.
    """
    name = nlp_stage.model_name(model)  # a missing model is reported before any process starts
    method = worker_start_method()
    if method == "fork":
        _inherited[name] = nlp_stage.load(name)  # its errors are the caller's, with their message
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method))
    try:
        # The pool starts its processes at the first task (a forking pool all of them at once). A
        # model that fails to load in a spawned worker fails this task unseen, then the first
        # shard with the error the user sees; as an initializer, it would break the pool with
        # no message.
        for _ in range(jobs):
            pool.submit(_preload, name)
        _inherited.clear()  # the workers have their copies; this process does not parse
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # an error or Ctrl-C need not wait for the model
        raise
    finally:
        _inherited.clear()
    pool.shutdown()


def worker_start_method() -> str:
    """'fork' where this process can be copied safely (a platform that forks, and no other thread
    here, which could hold a lock the copy would never see released), else 'spawn'."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


def extract_with_processes(articles: Iterable[Article], *, model: str | None = None, jobs: int = 2,
                           shard_size: int = LOCAL_SHARD_SIZE, progress: Progress | None = None,
                           meanwhile: Callable[[], None] | None = None,
                           pool: ProcessPoolExecutor | None = None) -> list[ArticleExtraction]:
    """The same sharding on this machine's processes, without Dask; records in input order.

    Unlike `nlp.pipe(n_process=...)`, workers extract too and send back records, not Docs: the
    main process neither deserialises Docs nor runs the extractor. `meanwhile` runs here while
    the workers parse. `pool` is a `process_pool` already started; without one, a pool of `jobs`
    processes is started and closed for the call. `articles` may be a generator (the inputs as
    they are read): it is read to its end before this returns, and workers parse its first
    shards meanwhile.
    """
    if pool is None:
        with process_pool(jobs, model) as started:
            return extract_with_processes(articles, model=model, shard_size=shard_size, progress=progress,
                                          meanwhile=meanwhile, pool=started)
    counted = _Counted(articles)
    results = submit_shards(pool, counted, model=model, shard_size=shard_size)
    return collect_shards(results, counted.n, progress=progress, meanwhile=meanwhile)


class _Counted:
    """An iterable that counts the items taken from it."""

    def __init__(self, items: Iterable) -> None:
        self.items, self.n = items, 0

    def __iter__(self) -> Iterator:
        for item in self.items:
            self.n += 1
            yield item


def submit_shards(pool: ProcessPoolExecutor, articles: Iterable[Article], *, model: str | None = None,
                  shard_size: int = LOCAL_SHARD_SIZE) -> Iterator[list[ArticleExtraction]]:
    """Hand every shard of `articles` to the pool, each as soon as it is full: when `articles` is
    the inputs being read, workers parse the first shards while the rest are read. Reads
    `articles` to its end; returns the shards' records, in input order, as they are waited for."""
    name = nlp_stage.model_name(model)
    return pool.map(extract_shard, shards(articles, shard_size), itertools.repeat(name))


def collect_shards(results: Iterator[list[ArticleExtraction]], total: int, *, progress: Progress | None = None,
                   meanwhile: Callable[[], None] | None = None) -> list[ArticleExtraction]:
    """Wait for the records `submit_shards` returns, reporting progress; `meanwhile` runs first."""
    if meanwhile is not None:
        meanwhile()
    out: list[ArticleExtraction] = []
    for records in results:
        out += records
        if progress and records:
            progress(len(out), total, records[-1].article.id)
    return out


@contextmanager
def _client(address: str | None, workers: int) -> Iterator:
    """A Client of the scheduler at `address`, or of a LocalCluster started (and closed) for it."""
    from distributed import Client, LocalCluster

    if address is None:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.WARNING) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as err:
        raise KGError(E.SCHEDULER, address=address, detail=str(err)) from err
    with client:
        yield client


def write_shards(extractions: Sequence[ArticleExtraction], folder: str | Path, *, base: str = DEFAULT_BASE,
                 shard_size: int = 1000) -> list[Path]:
    """Write the graph as N-Triples files a store can bulk-load in parallel; returns their paths.

    entities.nt holds every entity; shard-NNNNN.nt the articles of one shard, with the IRIs the
    whole build resolves (resolution runs once, over all records). The union of the files is
    the graph `kg build` writes; a triple may be in several files, which a store merges.
    """
    from kg.export.rdf import write_graph
    from kg.graph import GraphBuilder
    from kg.resolve import Resolver

    resolver = Resolver()
    for ex in extractions:
        resolver.add(ex)
    entities, keys = resolver.resolve()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)

    def builder() -> GraphBuilder:
        b = GraphBuilder(IRIs(base))
        b.set_resolution(entities, keys)
        return b

    first = builder()
    first.add_entities(entities.values())
    paths = [folder / "entities.nt"]
    write_graph(first.g, paths[0], "ntriples")
    for i, part in enumerate(shards(extractions, shard_size)):
        b = builder()
        for ex in part:
            b.add_extraction(ex)
        paths.append(folder / f"shard-{i:05d}.nt")
        write_graph(b.g, paths[-1], "ntriples")
    return paths
