"""The networkx projection and the HTML page, without a browser."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest
from rdflib import Graph

from kg.errors import E, KGError
from kg.export.html import render_html, write_html
from kg.export.nx import to_networkx
from kg.vocab import IRIs, relation_iri

from conftest import GraphBuilder

IRI = IRIs()
NOVAK, BERG = str(IRI.entity("Anna Novak")), str(IRI.entity("Jonas Berg"))
ALLIANCE, MINISTER = str(IRI.entity("Northern Alliance")), str(IRI.entity("Foreign Minister"))
MEET, HOLDS = str(relation_iri("meet")), str(relation_iri("holds office"))


def page_data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    return json.loads(block.group(1))


def test_facts_collapse_into_one_edge_per_relation_and_pair(news_graph):
    b = GraphBuilder()
    b.graph = news_graph
    b.texts["a2"] = "x" * 200
    again = b.sentence("a2", "Novak met Berg again on Sunday.")
    b.fact(IRI.entity("Anna Novak"), "meet", IRI.entity("Jonas Berg"), again)
    g = to_networkx(news_graph)
    assert sorted((u, v, k) for u, v, k in g.edges(keys=True)) == sorted(
        [(NOVAK, BERG, MEET), (NOVAK, MINISTER, HOLDS), (BERG, ALLIANCE, MEET),
         (ALLIANCE, str(IRI.entity("Ruritania")), str(relation_iri("call on")))]
    )
    assert g.edges[NOVAK, BERG, MEET] == {
        "relation": "meet", "relation_iri": MEET, "kind": "fact", "facts": 2, "asserted": 2, "articles": 2,
    }
    assert g.edges[NOVAK, MINISTER, HOLDS]["kind"] == "role"
    assert g.edges[BERG, ALLIANCE, MEET]["asserted"] == 0
    assert g.nodes[NOVAK] == {
        "label": "Anna Novak", "kind": "person", "iri": NOVAK, "aliases": "Novak", "mentions": 3,
    }


def test_projection_attributes_are_plain_strings_and_numbers(news_graph):
    for events in (False, True):
        g = to_networkx(news_graph, events=events)
        values = [v for _, attrs in g.nodes(data=True) for v in attrs.values()]
        values += [v for *_, attrs in g.edges(keys=True, data=True) for v in attrs.values()]
        assert values and all(type(v) in (str, int, float) for v in values)


def test_events_become_nodes_linked_to_their_participants(news_graph):
    g = to_networkx(news_graph, events=True)
    meeting = str(IRI.event("a1", 0))
    assert g.nodes[meeting]["kind"] == "event"
    assert g.nodes[meeting]["label"] == "meet"
    assert g.nodes[meeting]["date"] == "2024-03-01"
    assert g.nodes[meeting]["event_class"] == "Meeting"
    assert sorted((u, v, k) for u, v, k in g.edges(keys=True) if meeting in (u, v)) == sorted(
        [(NOVAK, meeting, "agent"), (meeting, BERG, "patient"),
         (meeting, str(IRI.entity("Strelsau")), "place")]
    )
    # The meeting's fact is drawn as the event, not also as an edge; facts without events stay.
    assert not g.has_edge(NOVAK, BERG, MEET)
    assert g.has_edge(BERG, ALLIANCE, MEET)
    assert g.has_edge(NOVAK, MINISTER, HOLDS)


def test_stats_count_what_the_page_draws(news_graph, tmp_path):
    path = tmp_path / "out" / "graph.html"
    stats = write_html(news_graph, path)
    page = path.read_text(encoding="utf-8")
    data = page_data(page)
    assert (stats.nodes, stats.edges) == (len(data["nodes"]), len(data["edges"])) == (8, 4)
    assert (stats.articles, stats.entities, stats.facts, stats.events) == (2, 8, 5, 2)
    assert stats.bytes == path.stat().st_size
    assert data["counts"] == {"articles": 2, "entities": 8, "facts": 5, "events": 2}


def test_node_details_hold_aliases_roles_and_evidence(news_graph):
    page, _ = render_html(news_graph)
    data = page_data(page)
    novak = next(n for n in data["nodes"] if n["id"] == NOVAK)
    assert novak["aliases"] == ["Novak"]
    [role] = novak["roles"]
    assert (role["label"], role["of"]) == ("Foreign Minister", "Ruritania")
    sentence = data["sentences"][role["ev"][0][0]]
    assert sentence["text"] == "Foreign Minister Anna Novak met Jonas Berg in Strelsau on Friday."
    assert data["articles"][sentence["article"]] == {
        "iri": str(IRI.article("a1")), "title": "Ministers meet in Strelsau", "date": "2024-03-01", "url": "",
    }
    said = next(r for r in novak["rels"] if r["rel"] == "say")
    assert said["content"] == "the talks were constructive"
    denial = next(e for e in data["edges"] if e["from"] == BERG)
    assert denial["dashes"] is True
    texts = [data["sentences"][i]["text"] for i, _ in denial["ev"]]
    assert texts == ["Berg did not meet the alliance envoy."]
    assert denial["ev"][0][1] == "negated"


def test_same_graph_gives_byte_identical_pages(news_graph, tmp_path):
    shuffled = Graph()
    for triple in sorted(news_graph, reverse=True):
        shuffled.add(triple)
    write_html(news_graph, tmp_path / "a.html")
    write_html(shuffled, tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_page_loads_nothing_from_the_network(news_graph):
    page, _ = render_html(news_graph)
    outside_scripts = re.sub(r"(<script[^>]*>).*?</script>", r"\1</script>", page, flags=re.S)
    assert not re.search(r"\b(src|href)\s*=|<link|@import|url\(", outside_scripts)
    assert "default-src 'none'" in page
    assert outside_scripts.count("<script") == page.count("</script>") == 3
    assert "<!--" not in page  # would let "<script" inside a script swallow its end tag


def test_csp_allows_exactly_the_inline_scripts(news_graph):
    page, _ = render_html(news_graph)
    policy = re.search(r"script-src ([^;]+);", page).group(1).split()
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    digests = [base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts]
    hashes = [f"'sha256-{d}'" for d in digests]
    assert policy == hashes


def test_markup_in_the_data_stays_inside_the_json_block(xss_graph):
    page, _ = render_html(xss_graph, title='<img src=x onerror=alert("t")>')
    assert "<script>alert" not in page
    assert "<img" not in page
    assert "</script><script>" not in page
    assert "<title>&lt;img src=x onerror=alert(&quot;t&quot;)&gt;</title>" in page
    data = page_data(page)
    labels = {n["label"] for n in data["nodes"]}
    assert labels == {"<script>alert(1)</script>", "O'Brien \"Quotes\" & Co </script>"}
    assert "\\u003cscript\\u003e" in page


@pytest.mark.parametrize(
    ("focus", "depth", "expected"),
    [
        ("Anna Novak", 1, {NOVAK, BERG, MINISTER}),
        ("novak", 1, {NOVAK, BERG, MINISTER}),  # an alias, in any case
        (NOVAK, 2, {NOVAK, BERG, MINISTER, ALLIANCE}),
        ("the Alliance", 0, {ALLIANCE}),
    ],
)
def test_focus_draws_the_neighbourhood(news_graph, focus, depth, expected):
    page, stats = render_html(news_graph, focus=focus, depth=depth)
    assert {n["id"] for n in page_data(page)["nodes"]} == expected
    assert stats.focus == (ALLIANCE if depth == 0 else NOVAK)


def test_focus_in_event_view_reaches_through_events(news_graph):
    page, _ = render_html(news_graph, events=True, focus="Jonas Berg", depth=1)
    ids = {n["id"] for n in page_data(page)["nodes"]}
    assert {NOVAK, BERG, ALLIANCE, str(IRI.event("a1", 0)), str(IRI.entity("Strelsau"))} == ids


def test_unknown_focus_lists_close_matches(news_graph):
    with pytest.raises(KGError) as err:
        render_html(news_graph, focus="Ana Novak")
    assert err.value.code is E.FOCUS_NOT_FOUND
    assert str(err.value) == (
        "[FOCUS_NOT_FOUND] no entity labelled 'Ana Novak' in the graph to focus on; close matches: "
        "'Anna Novak', 'Novak'. Give an entity's label, one of its aliases, or its IRI."
    )
    with pytest.raises(KGError, match="no entity has a similar name"):
        render_html(news_graph, focus="zzzz")


def test_max_nodes_keeps_the_best_connected(news_graph):
    page, stats = render_html(news_graph, max_nodes=3)
    assert {n["id"] for n in page_data(page)["nodes"]} == {NOVAK, BERG, ALLIANCE}
    assert (stats.nodes, stats.total_nodes) == (3, 8)
    page, _ = render_html(news_graph, max_nodes=2, focus="Foreign Minister", depth=2)
    assert {n["id"] for n in page_data(page)["nodes"]} == {MINISTER, NOVAK}


def test_empty_graph_still_writes_a_page(tmp_path):
    stats = write_html(Graph(), tmp_path / "empty.html", title="Nothing yet")
    assert (stats.nodes, stats.edges) == (0, 0)
    assert "<title>Nothing yet</title>" in (tmp_path / "empty.html").read_text(encoding="utf-8")
