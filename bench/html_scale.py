"""How big and how slow is graph.html for a large graph? Builds a synthetic news graph and measures.

    .venv/bin/python bench/html_scale.py [--entities 2500] [--facts 6000] [--out /tmp/kg-bench]

Prints the projection and render times, the file size, and (when /usr/bin/chromium and playwright
are available) the time until the page has laid out the graph in headless chromium, plus a
screenshot path.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.export.html import write_html
from kg.export.nx import to_networkx
from kg.vocab import KG, KIND_CLASSES, NIF, PROV, SCHEMA, IRIs, relation_iri

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
RELATIONS = ["meet", "call on", "visit", "say", "accuse", "support", "condemn", "discuss", "attack", "sign"]
KINDS = ["person", "person", "person", "organization", "place", "country", "group", "concept"]


def synthetic_graph(n_entities: int, n_facts: int, n_articles: int, seed: int = 1) -> Graph:
    """A graph with a skewed degree distribution, like news: a few hubs, many minor names."""
    rng = random.Random(seed)
    iris, g = IRIs(), Graph()
    entities = []
    for i in range(n_entities):
        kind = rng.choice(KINDS)
        iri = iris.entity(f"{kind} {i}")
        g.add((iri, RDF.type, KIND_CLASSES[kind]))
        g.add((iri, RDFS.label, Literal(f"{kind.title()} {i}")))
        g.add((iri, SKOS.altLabel, Literal(f"{kind[:3].upper()}{i}")))
        g.add((iri, KG.mentionCount, Literal(rng.randint(1, 20))))
        entities.append(iri)
    for label in RELATIONS:
        g.add((relation_iri(label), RDF.type, RDF.Property))
        g.add((relation_iri(label), RDFS.label, Literal(label)))
    offsets = [0] * n_articles
    for a in range(n_articles):
        article = iris.article(f"a{a}")
        g.add((article, RDF.type, SCHEMA.NewsArticle))
        g.add((article, SCHEMA.headline, Literal(f"Headline of article {a}")))
        g.add((article, SCHEMA.datePublished, Literal(f"2024-{1 + a % 12:02d}-{1 + a % 28:02d}")))

    def pick() -> URIRef:
        # Pareto-distributed index: low indexes become hubs.
        return entities[min(int(rng.paretovariate(1.2)) - 1, n_entities - 1) if rng.random() < 0.5
                        else rng.randrange(n_entities)]

    for f in range(n_facts):
        a = rng.randrange(n_articles)
        subject, obj, label = pick(), pick(), rng.choice(RELATIONS)
        if subject == obj:
            continue
        text = f"Sentence {f}: {subject.rsplit('/', 1)[-1]} did {label} {obj.rsplit('/', 1)[-1]}."
        start = offsets[a]
        offsets[a] += len(text) + 1
        sentence = iris.sentence(f"a{a}", start, start + len(text))
        g.add((sentence, RDF.type, NIF.Sentence))
        g.add((sentence, NIF.anchorOf, Literal(text)))
        g.add((sentence, NIF.beginIndex, Literal(start)))
        g.add((sentence, NIF.endIndex, Literal(start + len(text))))
        g.add((sentence, NIF.referenceContext, iris.article(f"a{a}")))
        fact = iris.fact(f"a{a}", str(f))
        for p, o in [(RDF.type, KG.Fact), (KG.subject, subject), (KG.predicate, relation_iri(label)),
                     (KG.object, obj), (KG.evidence, sentence), (KG.factuality, KG.asserted),
                     (PROV.wasDerivedFrom, iris.article(f"a{a}"))]:
            g.add((fact, p, o))
        g.add((subject, relation_iri(label), obj))
    return g


def load_in_chromium(path: Path, shot: Path) -> dict[str, float] | None:
    """Seconds until the DOM is loaded and until the layout has settled; None without a browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(CHROMIUM).exists():
        return None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        start = time.perf_counter()
        page.goto(path.resolve().as_uri(), wait_until="domcontentloaded")
        loaded = time.perf_counter() - start
        # Poll with page.evaluate: wait_for_function's interval polling needs eval, which the
        # page's Content-Security-Policy forbids.
        while not page.evaluate("!!(window.kg && kg.ready && kg.network.physics.stabilized)"):
            if time.perf_counter() - start > 300:
                raise TimeoutError(f"{path} did not settle in 300 s")
            time.sleep(0.05)
        settled = time.perf_counter() - start
        page.screenshot(path=str(shot))
        heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
        browser.close()
    if errors:
        raise RuntimeError(f"page errors: {errors}")
    return {"dom_loaded_s": loaded, "settled_s": settled, "js_heap_mb": heap / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=2500)
    parser.add_argument("--facts", type=int, default=6000)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--max-nodes", type=int, default=None)
    parser.add_argument("--out", type=Path, default=Path("/tmp/kg-bench"))
    args = parser.parse_args()

    graph = synthetic_graph(args.entities, args.facts, args.articles)
    start = time.perf_counter()
    projection = to_networkx(graph)
    projected = time.perf_counter() - start
    path = args.out / "scale.html"
    start = time.perf_counter()
    stats = write_html(graph, path, max_nodes=args.max_nodes, title="Synthetic scale test")
    rendered = time.perf_counter() - start
    print(f"triples:           {len(graph)}")
    print(f"projection:        {projection.number_of_nodes()} nodes, {projection.number_of_edges()} edges "
          f"in {projected:.2f} s")
    print(f"page:              {stats.nodes} nodes, {stats.edges} edges, {stats.bytes / 1e6:.2f} MB "
          f"written in {rendered:.2f} s -> {path}")
    timings = load_in_chromium(path, args.out / "scale.png")
    if timings is None:
        print("chromium:          not available, load time not measured")
    else:
        print(f"chromium:          DOM loaded {timings['dom_loaded_s']:.2f} s, layout settled "
              f"{timings['settled_s']:.2f} s, JS heap {timings['js_heap_mb']:.0f} MB")
        print(f"screenshot:        {args.out / 'scale.png'}")


if __name__ == "__main__":
    main()
