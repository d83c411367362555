/* kg graph view: reads the JSON in #kg-data and drives vis-network.
 * All text from the graph reaches the DOM through textContent or as canvas
 * text; nothing here uses innerHTML, eval or a network request. */
(function () {
  "use strict";
  var timing = { start: performance.now() };
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = data.meta, classes = data.classes, rels = data.relations;
  var articles = data.articles, sentences = data.sentences;
  var N = data.nodes, E = data.edges;
  var big = !meta.physics || !data.nodes.length;  // big: fixed layout, no physics
  var $ = function (id) { return document.getElementById(id); };
  var fmt = function (n) { return Number(n).toLocaleString("en"); };

  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === "text") node.textContent = props[k];
        else if (k === "on") node.addEventListener("click", props[k]);
        else if (k === "attrs") Object.keys(props.attrs).forEach(function (a) { node.setAttribute(a, props.attrs[a]); });
        else node[k] = props[k];
      });
    }
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function swatch(cls) {
    var s = el("span", { className: "sw " + cls.shape, attrs: { "aria-hidden": "true" } });
    s.style.background = cls.color;
    return s;
  }
  function shade(hex, f) {
    var n = parseInt(hex.slice(1), 16), r = n >> 16, g = (n >> 8) & 255, b = n & 255;
    var m = function (v) { return Math.round(f < 0 ? v * (1 + f) : v + (255 - v) * f); };
    return "rgb(" + m(r) + "," + m(g) + "," + m(b) + ")";
  }

  // ---- vis data ---------------------------------------------------------
  var nodeStyle = classes.map(function (c) {
    return {
      background: c.color, border: shade(c.color, -0.35),
      highlight: { background: shade(c.color, 0.25), border: "#111" },
      hover: { background: shade(c.color, 0.15), border: "#333" }
    };
  });
  var EDGE_COLOR = { color: big ? "rgba(110,110,110,0.35)" : "#8f8f8f", highlight: "#c0392b", hover: "#444", inherit: false };
  var nodes = new vis.DataSet(N.map(function (n) {
    var c = classes[n.c];
    return { id: n.id, label: n.label, shape: c.shape, color: nodeStyle[n.c], value: Math.max(n.m, 1),
             x: n.x, y: n.y, title: n.label + "  (" + c.label + ")" };
  }));
  var pairs = {};
  E.forEach(function (e) {
    var k = Math.min(e.from, e.to) + "," + Math.max(e.from, e.to);
    (pairs[k] = pairs[k] || []).push(e);
  });
  var edgeSmooth = {};
  Object.keys(pairs).forEach(function (k) {  // parallel edges: one curve each, alternating sides
    var group = pairs[k];
    if (group.length < 2) return;
    group.forEach(function (e, i) {
      var side = i % 2 ? -1 : 1, cw = (side > 0) === (e.from <= e.to);
      edgeSmooth[e.id] = { enabled: true, type: cw ? "curvedCW" : "curvedCCW", roundness: 0.15 + 0.2 * Math.floor(i / 2) };
    });
  });
  var edges = new vis.DataSet(E.map(function (e) {
    var item = { id: e.id, from: e.from, to: e.to, label: rels[e.r].label, color: EDGE_COLOR,
                 title: N[e.from].label + " " + rels[e.r].label + " " + N[e.to].label };
    if (edgeSmooth[e.id]) item.smooth = edgeSmooth[e.id];
    return item;
  }));

  // ---- filters ----------------------------------------------------------
  var classOn = classes.map(function (c) { return c.on !== false; });  // quantities start unticked
  var relOn = rels.map(function () { return true; });
  var article = -1;
  function nodeShown(n) { return classOn[n.c] && (article < 0 || n.ar.indexOf(article) >= 0); }
  function edgeShown(e) {
    if (!relOn[e.r] || !nodeShown(N[e.from]) || !nodeShown(N[e.to])) return false;
    if (article < 0 || !e.ev.length) return true;
    return e.ev.some(function (x) { return sentences[x.s][0] === article; });
  }
  var nodeView = new vis.DataView(nodes, { filter: function (item) { return nodeShown(N[item.id]); } });
  var edgeView = new vis.DataView(edges, { filter: function (item) { return edgeShown(E[item.id]); } });

  // ---- network ----------------------------------------------------------
  var iterations = Math.max(40, Math.min(200, Math.round(40000 / Math.max(N.length, 1))));
  var options = {
    layout: { improvedLayout: false, randomSeed: 1 },
    nodes: {
      borderWidth: 1.5, borderWidthSelected: 3,
      font: { size: 14, face: "DejaVu Sans, Arial, sans-serif", color: "#1d1d1d", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 10, max: 34, label: { enabled: true, min: 13, max: 22, drawThreshold: 6, maxVisible: 28 } }
    },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.55 } }, width: 1.2, selectionWidth: 2, hoverWidth: 0.6,
      smooth: big ? false : { enabled: true, type: "continuous", roundness: 0.35 },
      font: { size: 11, face: "DejaVu Sans, Arial, sans-serif", color: "#555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      scaling: { label: { drawThreshold: big ? 9 : 5 } }
    },
    physics: big ? { enabled: false } : {
      enabled: true, solver: "forceAtlas2Based", maxVelocity: 60, minVelocity: 0.75,
      forceAtlas2Based: { gravitationalConstant: -70, centralGravity: 0.012, springLength: 130, springConstant: 0.06, avoidOverlap: 0.5 },
      stabilization: { enabled: true, iterations: iterations, updateInterval: 25, fit: true }
    },
    interaction: { hover: !big, tooltipDelay: 300, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false, multiselect: false }
  };
  timing.dataReady = performance.now();
  var network = new vis.Network($("graph"), { nodes: nodeView, edges: edgeView }, options);
  window.network = network;
  window.kgView = { data: data, timing: timing, nodes: nodes, edges: edges, focus: null,
                    select: selectNode, showEdge: showEdge };
  timing.networkCreated = performance.now();
  $("physics").checked = false;
  if (big) network.fit();
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });  // bounded: never keeps animating
    timing.stabilized = performance.now();
  });
  $("physics").addEventListener("change", function (ev) {
    network.setOptions({ physics: { enabled: ev.target.checked, stabilization: { enabled: false } } });
  });
  $("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });

  // ---- neighbourhood highlight -------------------------------------------
  // A white veil over the drawing, then the neighbourhood drawn again on top: O(neighbourhood)
  // per frame at any size, where restyling 5,000 nodes through the DataSet takes about a second.
  // Uses vis-network 9.1.2 internals (body.nodes/edges, draw, drawArrows); the bundle is vendored.
  var focus = null;
  function highlight(keepNodes, keepEdges) {
    focus = keepNodes === null ? null :
      { nodes: Object.keys(keepNodes).map(Number), edges: Object.keys(keepEdges).map(Number) };
    window.kgView.focus = focus;
    network.redraw();
  }
  network.on("afterDrawing", function (ctx) {
    if (!timing.firstDraw) timing.firstDraw = performance.now();
    if (!focus) return;
    var a = network.DOMtoCanvas({ x: 0, y: 0 });
    var b = network.DOMtoCanvas({ x: ctx.canvas.clientWidth, y: ctx.canvas.clientHeight });
    ctx.save();
    ctx.fillStyle = "rgba(255,255,255,0.82)";
    ctx.fillRect(a.x, a.y, b.x - a.x, b.y - a.y);
    ctx.restore();
    var body = network.body, labels = [];
    var edgesOn = focus.edges.map(function (id) { return body.edges[id]; })
      .filter(function (e) { return e && e.connected; });
    edgesOn.forEach(function (e) { e.draw(ctx); });
    focus.nodes.forEach(function (id) {
      var n = body.nodes[id], r = n && n.draw(ctx);
      if (r && r.drawExternalLabel) labels.push(r.drawExternalLabel);
    });
    edgesOn.forEach(function (e) { e.drawArrows(ctx); });
    labels.forEach(function (draw) { draw(); });
  });
  function highlightNode(id) {
    var keepN = {}, keepE = {};
    keepN[id] = true;
    network.getConnectedEdges(id).forEach(function (eid) {
      keepE[eid] = true; keepN[E[eid].from] = true; keepN[E[eid].to] = true;
    });
    highlight(keepN, keepE);
  }
  function highlightEdge(eid) {
    var keepN = {}, keepE = {};
    keepE[eid] = true; keepN[E[eid].from] = true; keepN[E[eid].to] = true;
    highlight(keepN, keepE);
  }

  // ---- side panel -------------------------------------------------------
  var panel = $("panel-body");
  function show(children) {
    panel.textContent = "";
    children.forEach(function (c) { if (c) panel.appendChild(c); });
    panel.parentNode.scrollTop = 0;
  }
  function intro() {
    show([el("h2", { text: "Knowledge graph" }),
      el("p", { text: fmt(meta.shown) + " entities and " + fmt(E.length) + " relations from " +
        fmt(articles.length) + " article" + (articles.length === 1 ? "" : "s") + "." }),
      el("p", { className: "hint", text: "Search a name or alias above, or click a node or an edge. " +
        "Evidence sentences show the subject in blue and the object in orange." })]);
  }
  function nodeLink(id) {
    return el("button", { type: "button", className: "link", text: N[id].label, on: function () { selectNode(id); } });
  }
  function articleLine(a) {
    var art = articles[a];
    if (!art) return "unknown article";
    return [art.id, art.title, art.date].filter(function (x) { return x; }).join(" · ");
  }
  function sentenceNode(x) {
    var text = sentences[x.s][1], q = el("blockquote", { className: "evidence" }), at = 0;
    x.h.forEach(function (h) {
      if (h[0] < at) return;  // overlapping spans: keep the first
      if (h[0] > at) q.appendChild(document.createTextNode(text.slice(at, h[0])));
      q.appendChild(el("mark", { className: h[2] ? "obj" : "subj", text: text.slice(h[0], h[1]),
        title: h[2] ? "object mention" : "subject mention" }));
      at = h[1];
    });
    if (at < text.length) q.appendChild(document.createTextNode(text.slice(at)));
    return q;
  }
  function evidenceList(ev) {
    if (!ev.length) return [el("p", { className: "hint", text: "No evidence sentence is recorded for this triple." })];
    var out = [];
    ev.forEach(function (x) {
      var bits = ["article " + articleLine(sentences[x.s][0])];
      if (x.c !== null) bits.push("confidence " + x.c.toFixed(2));
      if (x.r) bits.push("rule " + x.r);
      out.push(sentenceNode(x), el("p", { className: "source", text: bits.join(" · ") }));
    });
    return out;
  }
  function dl(rows) {
    var d = el("dl");
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === "") return;
      d.appendChild(el("dt", { text: r[0] }));
      d.appendChild(el("dd", {}, [r[1]]));
    });
    return d;
  }
  function showNode(id) {
    var n = N[id], c = classes[n.c];
    var typeCell = el("span", {}, [swatch(c), " " + c.label]);
    var out = [el("h2", { text: n.label }), dl([
      ["Type", typeCell], ["Aliases", n.al.join("; ")], ["Role", n.ro.join("; ")],
      ["Mentions", String(n.m)], ["IRI", n.iri]])];
    out.push(el("h3", { text: "Articles (" + n.ar.length + ")" }));
    out.push(el("ul", { className: "plain" }, n.ar.map(function (a) { return el("li", { text: articleLine(a) }); })));
    var mine = E.filter(function (e) { return e.from === id || e.to === id; });
    out.push(el("h3", { text: "Relations (" + mine.length + ")" }));
    out.push(el("ul", { className: "plain" }, mine.map(function (e) {
      var out1 = e.from === id, other = out1 ? e.to : e.from;
      var rel = el("button", { type: "button", className: "link", text: rels[e.r].label,
        on: function () { selectEdge(e.id); } });
      return el("li", {}, out1 ? [rel, " \u2192 ", nodeLink(other)] : [nodeLink(other), " \u2192 ", rel, " \u2192 this"]);
    })));
    var facts = {};
    n.f.forEach(function (f) { (facts[f.p] = facts[f.p] || []).push(f); });
    Object.keys(facts).sort().forEach(function (p) {
      out.push(el("h3", { text: p + " (" + facts[p].length + ")" }));
      facts[p].forEach(function (f) {
        out.push(el("p", { className: "fact", text: "\u201c" + f.v + "\u201d" }));
        f.ev.forEach(function (x) {
          var bits = ["article " + articleLine(sentences[x.s][0])];
          if (x.c !== null) bits.push("confidence " + x.c.toFixed(2));
          out.push(el("p", { className: "source", text: bits.join(" · ") }));
        });
      });
    });
    show(out);
  }
  function showEdge(eid) {
    var e = E[eid];
    show([el("h2", {}, [N[e.from].label, " \u2014 " + rels[e.r].label + " \u2192 ", N[e.to].label]),
      dl([["Relation", rels[e.r].label], ["Property", rels[e.r].iri], ["From", nodeLink(e.from)], ["To", nodeLink(e.to)]]),
      el("h3", { text: "Evidence (" + e.ev.length + ")" })].concat(evidenceList(e.ev)));
  }

  // ---- selection --------------------------------------------------------
  function reveal(id) {  // make sure filters do not hide the node we go to
    var n = N[id], changed = false;
    if (!classOn[n.c]) { classOn[n.c] = true; $("cls-" + n.c).checked = true; changed = true; }
    if (article >= 0 && n.ar.indexOf(article) < 0) { article = -1; $("article").value = "-1"; changed = true; }
    if (changed) refresh();
  }
  function selectNode(id) {
    reveal(id);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), big ? 1.0 : 1.1), animation: { duration: 350 } });
    highlightNode(id);
    showNode(id);
  }
  function selectEdge(eid) {
    var e = E[eid];
    reveal(e.from); reveal(e.to);
    if (!relOn[e.r]) { relOn[e.r] = true; $("rel-" + e.r).checked = true; refresh(); }
    network.selectEdges([eid]);
    highlightEdge(eid);
    showEdge(eid);
  }
  network.on("click", function (p) {
    if (p.nodes.length) { highlightNode(p.nodes[0]); showNode(p.nodes[0]); }
    else if (p.edges.length) { highlightEdge(p.edges[0]); showEdge(p.edges[0]); }
    else { highlight(null, null); intro(); }
  });

  // ---- legend, filters, status ------------------------------------------
  function status() {
    var shownN = nodeView.length, shownE = edgeView.length;
    $("status").textContent = fmt(shownN) + " of " + fmt(meta.shown) + " entities · " + fmt(shownE) + " of " +
      fmt(E.length) + " relations" + (big ? " · fixed layout (physics off)" : "");
  }
  function refresh() {
    if (!big) {  // keep where physics put the nodes (network.storePositions trips on hidden ones)
      var pos = network.getPositions();
      nodes.update(Object.keys(pos).map(function (id) {
        return { id: Number(id), x: Math.round(pos[id].x), y: Math.round(pos[id].y) };
      }));
    }
    nodeView.refresh();
    edgeView.refresh();
    status();
  }
  classes.forEach(function (c, i) {
    var box = el("input", { type: "checkbox", checked: classOn[i], id: "cls-" + i });
    box.addEventListener("change", function () { classOn[i] = box.checked; refresh(); });
    $("legend").appendChild(el("li", {}, [el("label", {}, [box, swatch(c), c.label, el("span", { className: "n", text: "(" + fmt(c.n) + ")" })])]));
  });
  rels.forEach(function (r, i) {
    var box = el("input", { type: "checkbox", checked: true, id: "rel-" + i });
    box.addEventListener("change", function () { relOn[i] = box.checked; refresh(); });
    $("relations").appendChild(el("li", {}, [el("label", {}, [box, r.label, el("span", { className: "n", text: "(" + fmt(r.n) + ")" })])]));
  });
  if (!rels.length) $("relations").appendChild(el("li", { className: "hint", text: "none" }));
  articles.forEach(function (a, i) {
    $("article").appendChild(el("option", { value: String(i), text: articleLine(i) }));
  });
  $("article").addEventListener("change", function (ev) { article = Number(ev.target.value); refresh(); });
  if (meta.maxNodes !== null && meta.shown < meta.entities) {
    $("notice").textContent = "Showing the " + fmt(meta.shown) + " best-connected of " + fmt(meta.entities) +
      " entities (max nodes " + fmt(meta.maxNodes) + "); " + fmt(meta.relations - E.length) +
      " relations to the others are left out.";
    $("notice").hidden = false;
  } else if (!N.length) {
    $("notice").textContent = "This graph has no entities: nothing is the subject of kg:mentionedIn.";
    $("notice").hidden = false;
  }
  status();
  intro();

  // ---- search -----------------------------------------------------------
  var fold = function (s) { return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
  var index = N.map(function (n) { return [fold(n.label)].concat(n.al.map(fold)); });
  var search = $("search"), suggest = $("suggest"), hits = [], cursor = 0;
  function rank(q) {
    var found = [];
    index.forEach(function (keys, id) {
      var best = 9, via = -1;
      keys.forEach(function (k, j) {
        var at = k.indexOf(q), r = at < 0 ? 9 : k === q ? 0 : at === 0 ? 1 : /[\s\-'.]/.test(k.charAt(at - 1)) ? 2 : 3;
        if (r < best) { best = r; via = j; }
      });
      if (best < 9) found.push([best, via === 0 ? 0 : 1, -N[id].m, N[id].label, id, via]);
    });
    found.sort(function (a, b) {
      for (var i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
      return 0;
    });
    return found.slice(0, 12).map(function (f) { return { id: f[4], via: f[5] }; });
  }
  function renderHits() {
    suggest.textContent = "";
    hits.forEach(function (h, i) {
      var n = N[h.id], c = classes[n.c];
      var li = el("li", { attrs: { role: "option", "aria-selected": i === cursor ? "true" : "false" } },
        [swatch(c), n.label, h.via > 0 ? el("span", { className: "muted", text: "alias: " + n.al[h.via - 1] }) :
          el("span", { className: "muted", text: c.label })]);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      suggest.appendChild(li);
    });
    suggest.hidden = !hits.length;
  }
  function choose(i) {
    if (!hits[i]) return;
    var id = hits[i].id;
    search.value = N[id].label;
    hits = []; renderHits();
    selectNode(id);
  }
  search.addEventListener("input", function () {
    var q = fold(search.value.trim());
    hits = q ? rank(q) : [];
    cursor = 0;
    renderHits();
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); if (!hits.length && search.value.trim()) { hits = rank(fold(search.value.trim())); cursor = 0; } choose(cursor); }
    else if (ev.key === "ArrowDown" && hits.length) { ev.preventDefault(); cursor = (cursor + 1) % hits.length; renderHits(); }
    else if (ev.key === "ArrowUp" && hits.length) { ev.preventDefault(); cursor = (cursor + hits.length - 1) % hits.length; renderHits(); }
    else if (ev.key === "Escape") { hits = []; renderHits(); search.blur(); }
  });
  search.addEventListener("blur", function () { hits = []; renderHits(); });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== search && !(ev.target instanceof HTMLInputElement || ev.target instanceof HTMLSelectElement)) {
      ev.preventDefault(); search.focus(); search.select();
    }
  });
})();
