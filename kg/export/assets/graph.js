// kg graph page: draws the JSON in #kg-data with vis-network and explains what is clicked.
// All text from the graph reaches the page through textContent, never as markup.
(function () {
  "use strict";

  var EVIDENCE_SHOWN = 30; // evidence sentences listed per item before "and N more"
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodeById = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  var edgeById = new Map(data.edges.map(function (e) { return [e.id, e]; }));
  var kindByName = new Map(data.kinds.map(function (k) { return [k.kind, k]; }));
  var hiddenKinds = new Set();
  var hiddenRelations = new Set();
  var article = -1;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function byIdEl(id) { return document.getElementById(id); }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // --- summary -------------------------------------------------------------------------
  var c = data.counts, v = data.view;
  var summary = [plural(c.articles, "article"), plural(c.entities, "entity").replace(/entitys$/, "entities"),
    plural(c.facts, "fact")];
  if (c.events) summary.push(plural(c.events, "event"));
  var shown = "Showing " + plural(v.nodes, "node") + " and " + plural(v.edges, "edge");
  if (v.nodes < v.total_nodes) shown += " of " + v.total_nodes + " nodes";
  if (data.focus && nodeById.has(data.focus)) {
    shown += ", around \u201c" + nodeById.get(data.focus).label + "\u201d (depth " + v.depth + ")";
  }
  if (v.max_nodes !== null && v.nodes < v.total_nodes) shown += ", the most connected";
  byIdEl("kg-summary").textContent = summary.join(" \u00b7 ") + ". " + shown + ".";

  // --- network ---------------------------------------------------------------------------
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return { id: n.id, label: n.label, group: n.kind, size: n.size };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var edge = { id: e.id, from: e.from, to: e.to, label: e.label };
    if (e.dashes) edge.dashes = true;
    if (e.smooth) edge.smooth = e.smooth;
    return edge;
  }));

  function nodeVisible(item) {
    var n = nodeById.get(item.id);
    if (hiddenKinds.has(n.kind)) return false;
    return article < 0 || n.articles.indexOf(article) >= 0;
  }
  function edgeVisible(item) {
    var e = edgeById.get(item.id);
    if (hiddenRelations.has(e.label)) return false;
    return article < 0 || e.articles.indexOf(article) >= 0;
  }
  var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgeView = new vis.DataView(edges, { filter: edgeVisible });
  var status = byIdEl("kg-status");
  var network = new vis.Network(byIdEl("kg-graph"), { nodes: nodeView, edges: edgeView }, data.options);
  window.kg = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    data: data, ready: false };

  function settle(message) {
    // Freeze the layout so that dragging one node does not set the whole graph moving again.
    network.setOptions({ physics: { enabled: false } });
    status.textContent = message;
    window.kg.ready = true;
    // The focus view stays fitted to the whole neighbourhood; the focus is selected, not zoomed to.
    if (data.focus && nodeById.has(data.focus)) selectNode(data.focus, false);
  }
  network.on("stabilizationProgress", function (p) {
    status.textContent = "Laying out the graph\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
  });
  if (data.nodes.length === 0) {
    settle("The graph has no entities to draw.");
  } else {
    status.textContent = "Laying out the graph\u2026";
    network.once("stabilizationIterationsDone", function () { settle(""); });
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // --- details panel ----------------------------------------------------------------------
  var details = byIdEl("kg-details");

  function clearDetails() { while (details.firstChild) details.removeChild(details.firstChild); }

  function nodeLink(id, label) {
    if (!nodeById.has(id)) return el("span", label);
    var button = el("button", label, "kg-link");
    button.type = "button";
    button.addEventListener("click", function () { selectNode(id, true); });
    return button;
  }

  function evidenceList(items) {
    var list = el("ul", null, "kg-evidence");
    items.slice(0, EVIDENCE_SHOWN).forEach(function (item) {
      var sentence = data.sentences[item[0]];
      var li = el("li");
      li.appendChild(el("p", sentence.text, "kg-sentence"));
      var source = el("span", null, "kg-source");
      var art = data.articles[sentence.article];
      if (art) source.textContent = "\u2014 " + art.title + (art.date ? " (" + art.date + ")" : "");
      li.appendChild(source);
      if (item[1]) li.appendChild(el("span", item[1], "kg-factuality"));
      list.appendChild(li);
    });
    if (items.length > EVIDENCE_SHOWN) {
      list.appendChild(el("li", "and " + (items.length - EVIDENCE_SHOWN) + " more", "kg-more"));
    }
    return list;
  }

  function section(title) {
    details.appendChild(el("h3", title));
  }

  function heading(label, kind) {
    details.appendChild(el("h2", label));
    var k = kindByName.get(kind);
    var badge = el("span", k ? k.label : kind, "kg-kind");
    if (k) badge.style.backgroundColor = k.color;
    details.appendChild(badge);
  }

  function showNode(id) {
    var n = nodeById.get(id);
    if (!n) return;
    clearDetails();
    heading(n.label, n.kind);
    details.appendChild(el("p", n.id, "kg-iri"));
    if (n.kind === "event") return showEvent(n);
    if (n.mentions) details.appendChild(el("p", plural(n.mentions, "mention")));
    if (n.aliases.length) {
      section("Also called");
      var aliases = el("ul");
      n.aliases.forEach(function (a) { aliases.appendChild(el("li", a)); });
      details.appendChild(aliases);
    }
    if (n.roles.length) {
      section("Roles");
      var roles = el("ul");
      n.roles.forEach(function (r) {
        var li = el("li");
        li.appendChild(nodeLink(r.id, r.label));
        if (r.of) li.appendChild(document.createTextNode(" of " + r.of));
        li.appendChild(evidenceList(r.ev));
        roles.appendChild(li);
      });
      details.appendChild(roles);
    }
    if (n.rels.length) {
      section("Facts");
      var rels = el("ul");
      n.rels.forEach(function (r) {
        var li = el("li");
        var what = el("strong", r.rel);
        if (r.dir === "out") {
          li.appendChild(what);
          li.appendChild(document.createTextNode(" "));
          li.appendChild(r.id ? nodeLink(r.id, r.other) : el("q", r.content));
        } else {
          li.appendChild(r.id ? nodeLink(r.id, r.other) : el("span", r.content));
          li.appendChild(document.createTextNode(" "));
          li.appendChild(what);
          li.appendChild(document.createTextNode(" this"));
        }
        li.appendChild(evidenceList(r.ev));
        rels.appendChild(li);
      });
      details.appendChild(rels);
    }
    if (!n.roles.length && !n.rels.length) details.appendChild(el("p", "No facts about this entity.", "kg-hint"));
  }

  function showEvent(n) {
    var when = [n.date, n.time_text].filter(Boolean).join(" \u2014 ");
    if (n.event_class) details.appendChild(el("p", n.event_class));
    if (when) details.appendChild(el("p", "When: " + when));
    if (n.factuality !== "asserted") details.appendChild(el("p", n.factuality, "kg-factuality"));
    section("Participants");
    var list = el("ul");
    n.participants.forEach(function (p) {
      var li = el("li", p.role + ": ");
      li.appendChild(nodeLink(p.id, p.label));
      list.appendChild(li);
    });
    details.appendChild(list);
    section("Evidence");
    details.appendChild(evidenceList(n.ev));
  }

  function showEdge(id) {
    var e = edgeById.get(id);
    if (!e) return;
    clearDetails();
    details.appendChild(el("h2", e.label));
    var line = el("p");
    line.appendChild(nodeLink(e.from, nodeById.get(e.from).label));
    line.appendChild(document.createTextNode(" \u2192 " + e.label + " \u2192 "));
    line.appendChild(nodeLink(e.to, nodeById.get(e.to).label));
    details.appendChild(line);
    if (e.facts) details.appendChild(el("p", plural(e.facts, "fact")));
    section("Evidence");
    details.appendChild(evidenceList(e.ev));
  }

  // --- search -----------------------------------------------------------------------------
  var names = byIdEl("kg-names");
  var seen = new Set();
  data.nodes.forEach(function (n) {
    if (n.kind === "event") return;
    [n.label].concat(n.aliases).forEach(function (name) {
      if (seen.has(name)) return;
      seen.add(name);
      var option = document.createElement("option");
      option.value = name;
      names.appendChild(option);
    });
  });

  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) return null;
    var entities = data.nodes.filter(function (n) { return n.kind !== "event"; });
    var tests = [
      function (n) { return n.label.toLowerCase() === q; },
      function (n) { return n.aliases.some(function (a) { return a.toLowerCase() === q; }); },
      function (n) { return n.label.toLowerCase().indexOf(q) === 0; },
      function (n) { return n.label.toLowerCase().indexOf(q) >= 0 ||
        n.aliases.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; }); },
    ];
    for (var i = 0; i < tests.length; i++) {
      var hits = entities.filter(tests[i]);
      if (hits.length) {
        hits.sort(function (a, b) { return b.size - a.size; });
        return hits[0];
      }
    }
    return null;
  }

  function selectNode(id, zoom) {
    var n = nodeById.get(id);
    if (!nodeView.get(id)) {
      // The node is filtered out: show its type and every article again so it can be drawn.
      hiddenKinds.delete(n.kind);
      article = -1;
      syncFilters();
    }
    network.selectNodes([id]);
    if (zoom) network.focus(id, { scale: 1.2, animation: { duration: 400 } });
    showNode(id);
  }

  byIdEl("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var query = byIdEl("kg-search").value;
    var hit = find(query);
    if (hit) {
      status.textContent = "";
      selectNode(hit.id, true);
    } else {
      status.textContent = "No entity matches \u201c" + query + "\u201d.";
    }
  });
  byIdEl("kg-fit").addEventListener("click", function () { network.fit({ animation: { duration: 400 } }); });

  // --- filters ----------------------------------------------------------------------------
  var kindBoxes = new Map();
  var relationBoxes = new Map();
  var articleSelect = byIdEl("kg-article");

  function checkItem(list, text, count, checked, onChange, glyph, colour) {
    var li = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    if (glyph) {
      var g = el("span", glyph, "kg-glyph");
      g.style.color = colour;
      label.appendChild(g);
    }
    label.appendChild(el("span", text));
    li.appendChild(label);
    li.appendChild(el("span", count, "kg-count"));
    list.appendChild(li);
    return box;
  }

  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
  }

  function syncFilters() {
    kindBoxes.forEach(function (box, kind) { box.checked = !hiddenKinds.has(kind); });
    relationBoxes.forEach(function (box, rel) { box.checked = !hiddenRelations.has(rel); });
    articleSelect.value = String(article);
    refresh();
  }

  data.kinds.forEach(function (k) {
    kindBoxes.set(k.kind, checkItem(byIdEl("kg-legend"), k.label, k.count, true, function (on) {
      if (on) hiddenKinds.delete(k.kind); else hiddenKinds.add(k.kind);
      refresh();
    }, k.glyph, k.color));
  });
  data.relations.forEach(function (r) {
    relationBoxes.set(r.label, checkItem(byIdEl("kg-relations"), r.label, r.count, true, function (on) {
      if (on) hiddenRelations.delete(r.label); else hiddenRelations.add(r.label);
      refresh();
    }));
  });
  byIdEl("kg-rel-all").addEventListener("click", function () { hiddenRelations.clear(); syncFilters(); });
  byIdEl("kg-rel-none").addEventListener("click", function () {
    data.relations.forEach(function (r) { hiddenRelations.add(r.label); });
    syncFilters();
  });
  data.articles.forEach(function (a, i) {
    var option = el("option", (a.date ? a.date + " \u2014 " : "") + a.title);
    option.value = String(i);
    articleSelect.appendChild(option);
  });
  articleSelect.addEventListener("change", function () {
    article = Number(articleSelect.value);
    refresh();
  });
})();
