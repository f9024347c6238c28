"""The Dask engine gives the graph a single-machine build gives, on a real LocalCluster of 2 workers."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.distributed import extract_with_dask, extract_with_processes, worker_start_method, write_shards
from kg.errors import E, KGError
from kg.export.rdf import serialize
from kg.ingest import read_articles
from kg.pipeline import build_graph, extract_articles
from kg.types import Article

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [a for a in read_articles([ROOT / "seeds"]) if isinstance(a, Article)]


@pytest.fixture(scope="module")
def local(articles):
    return extract_articles(articles)


@pytest.fixture(scope="module")
def sharded(articles):
    # Shards of 2 articles over 2 workers: records from different workers must come back in order.
    return extract_with_dask(articles, workers=2, shard_size=2)


def test_dask_build_is_isomorphic_to_local_build(local, sharded):
    local_graph, local_entities = build_graph(local)
    dask_graph, dask_entities = build_graph(sharded)
    assert len(local_graph) > 1000
    assert local_entities == dask_entities
    assert isomorphic(local_graph, dask_graph)
    # Stronger than isomorphism: same IRIs, so the same bytes.
    assert serialize(local_graph, "turtle") == serialize(dask_graph, "turtle")


def test_records_come_back_in_input_order(articles, sharded):
    assert [ex.article.id for ex in sharded] == [a.id for a in articles]


def test_shards_union_is_the_graph(local, tmp_path):
    paths = write_shards(local, tmp_path, shard_size=2)
    assert [p.name for p in paths] == ["entities.nt", "shard-00000.nt", "shard-00001.nt", "shard-00002.nt"]
    union = Graph()
    for path in paths:
        union.parse(path, format="nt")
    assert isomorphic(union, build_graph(local)[0])


@pytest.mark.skipif(not hasattr(E, "SCHEDULER"), reason="E.SCHEDULER not yet in kg/errors.py")
def test_unreachable_scheduler_says_where(articles, monkeypatch):
    monkeypatch.setattr("kg.distributed.CONNECT_TIMEOUT", "2s")
    with pytest.raises(KGError) as info:
        extract_with_dask(articles[:1], scheduler="tcp://127.0.0.1:9")
    assert "tcp://127.0.0.1:9" in str(info.value)
    assert "dask scheduler" in str(info.value)


# ---------------------------------------------------------------- this machine's worker processes


def test_worker_processes_read_a_generator_and_keep_input_order(articles, local):
    # kg build hands the inputs to the workers as they are read: a generator, four articles a shard
    # here one article a shard, so that records from both workers must be put back in order.
    records = extract_with_processes((a for a in articles), jobs=2, shard_size=1)
    assert [r.article.id for r in records] == [r.article.id for r in local]
    assert [r.facts for r in records] == [r.facts for r in local]


def test_workers_are_forked_from_a_process_with_one_thread():
    # Forked workers start with the parent's pipeline loaded (kg build --jobs 2 runs so).
    code = "from kg.distributed import worker_start_method; print(worker_start_method())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "fork"


def test_workers_are_spawned_while_another_thread_runs():
    # A fork copies this process as it is: with a second thread, which may hold a lock, workers
    # start as fresh interpreters instead.
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert worker_start_method() == "spawn"
    finally:
        stop.set()
        other.join()


def test_spawned_workers_give_the_same_records(articles, local):
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        records = extract_with_processes(articles[:2], jobs=2, shard_size=1)
    finally:
        stop.set()
        other.join()
    assert [r.facts for r in records] == [r.facts for r in local[:2]]
