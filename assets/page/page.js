// shiji's page: the knowledge graph (vis-network) linked to a timeline with lanes by event type.
// Every text from the data goes into the DOM through textContent or as canvas text; never as HTML.
(function () {
  "use strict";
  var errors = [];
  function showError(msg) {
    errors.push(String(msg));
    var box = document.getElementById("error");
    box.hidden = false;
    box.textContent = errors.join("\n");
    document.body.setAttribute("data-error", errors.join("\n"));
  }
  window.addEventListener("error", function (e) { showError(e.message || e); });

  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined && text !== null) x.textContent = String(text);
    return x;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  var COLORS = { person: "#bfdbfe", organization: "#bbf7d0", product: "#fbcfe8", place: "#e5e7eb", work: "#ddd6fe", event: "#fde68a" };
  var SHAPES = { person: "ellipse", organization: "database", product: "diamond", place: "dot", work: "triangle" };
  var ENTITY_ORDER = ["person", "organization", "product", "place", "work"];

  var data = JSON.parse(document.getElementById("shiji-data").textContent);
  var nodes = data.nodes || [], edges = data.edges || [];
  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; });
  var events = nodes.filter(function (n) { return n.kind === "event"; });
  var entities = nodes.filter(function (n) { return n.kind !== "event"; });

  function dayOf(s) { return s ? Date.parse(s + "T00:00:00Z") : NaN; }
  function dateLabel(n) {
    if (!n.date) return "undated";
    return n.date.value + (n.date.mod ? " (" + String(n.date.mod).toLowerCase() + ")" : "");
  }
  function isDated(n) { return !!(n.date && n.date.from); }
  // events in timeline order: first day, then position in the text
  events.sort(function (a, b) {
    var da = isDated(a) ? dayOf(a.date.from) : Infinity, db = isDated(b) ? dayOf(b.date.from) : Infinity;
    if (da !== db) return da < db ? -1 : 1;
    var ea = (a.evidence[0] || {}).start || 0, eb = (b.evidence[0] || {}).start || 0;
    if (ea !== eb) return ea - eb;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });

  // header
  var docs = (data.graph && data.graph.documents) || [];
  document.getElementById("sources").textContent = docs.length
    ? "Sources: " + docs.map(function (d) { return (d.title || d.id) + (d.published ? " (" + d.published + ")" : ""); }).join("; ")
    : "";

  // filters
  var typeBoxes = {};
  function addTypeBox(container, type, color) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-type", type);
    box.addEventListener("change", apply);
    var sw = el("span", "swatch");
    sw.style.background = color;
    label.appendChild(box);
    label.appendChild(sw);
    label.appendChild(document.createTextNode(type));
    container.appendChild(label);
    typeBoxes[type] = box;
  }
  var entityTypes = ENTITY_ORDER.filter(function (t) { return entities.some(function (n) { return n.type === t; }); });
  entities.forEach(function (n) { if (entityTypes.indexOf(n.type) < 0) entityTypes.push(n.type); });
  var eventTypes = [];
  events.forEach(function (n) { if (eventTypes.indexOf(n.type) < 0) eventTypes.push(n.type); });
  eventTypes.sort();
  entityTypes.forEach(function (t) { addTypeBox(document.getElementById("entity-types"), t, COLORS[t] || "#fff"); });
  eventTypes.forEach(function (t) { addTypeBox(document.getElementById("event-types"), t, COLORS.event); });
  var fromInput = document.getElementById("date-from"), toInput = document.getElementById("date-to");
  var undatedBox = document.getElementById("undated");
  var dated = events.filter(isDated);
  var minDay = Math.min.apply(null, dated.map(function (n) { return dayOf(n.date.from); }));
  var maxDay = Math.max.apply(null, dated.map(function (n) { return dayOf(n.date.to || n.date.from); }));
  if (dated.length) {
    fromInput.min = toInput.min = new Date(minDay).toISOString().slice(0, 10);
    fromInput.max = toInput.max = new Date(maxDay).toISOString().slice(0, 10);
  }
  [fromInput, toInput, undatedBox].forEach(function (x) { x.addEventListener("change", apply); });
  document.getElementById("reset").addEventListener("click", function () {
    fromInput.value = ""; toInput.value = ""; undatedBox.checked = true;
    Object.keys(typeBoxes).forEach(function (t) { typeBoxes[t].checked = true; });
    apply();
  });

  // the graph: events start placed by date (x) and lane (y); the physics then settles them
  var W = Math.max(900, 140 * dated.length);
  function eventX(n) {
    if (!isDated(n)) return W / 2 + 220;
    if (maxDay === minDay) return 0;
    return -W / 2 + (dayOf(n.date.from) - minDay) / (maxDay - minDay) * W;
  }
  // y by lane; events at one spot are spread apart (identical positions break vis's Barnes-Hut)
  var usedSpots = {};
  function laneY(n) {
    var y = (eventTypes.indexOf(n.type) - (eventTypes.length - 1) / 2) * 70;
    var spot = Math.round(eventX(n)) + "," + y;
    var k = usedSpots[spot] = (usedSpots[spot] || 0) + 1;
    return y + (k - 1) * 23;
  }
  function short(s, k) {
    var chars = Array.from(String(s).replace(/\s+/g, " "));
    return chars.length > k ? chars.slice(0, k).join("") + "…" : chars.join("");
  }
  function tooltip(n) {
    var t = el("div");
    t.appendChild(el("strong", null, n.name));
    t.appendChild(el("div", null, n.kind === "event" ? n.type + " · " + dateLabel(n) : n.type + (n.subtype ? " / " + n.subtype : "")));
    return t;
  }
  var visNodes = nodes.map(function (n) {
    if (n.kind === "event") {
      return {
        id: n.id, label: dateLabel(n) + "\n" + n.type, title: tooltip(n), shape: "box",
        color: { background: COLORS.event, border: "#b45309" }, x: eventX(n), y: laneY(n),
        font: { size: 12 }
      };
    }
    return {
      id: n.id, label: short(n.name, 16), title: tooltip(n), shape: SHAPES[n.type] || "ellipse",
      color: { background: COLORS[n.type] || "#fff", border: "#6b7280" },
      size: 12 + Math.min(16, (n.mentions || 0)), font: { size: 14 }
    };
  });
  var visEdges = edges.map(function (e, i) {
    var relation = byId[e.source] && byId[e.source].kind !== "event";
    return {
      id: "e" + i, from: e.source, to: e.target, label: e.type, arrows: "to",
      dashes: !relation, width: relation ? 2 : 1,
      color: { color: relation ? "#1f2937" : "#9ca3af" }, font: { size: 10, align: "middle" }
    };
  });
  var nodeSet = new vis.DataSet(visNodes), edgeSet = new vis.DataSet(visEdges);
  var network = new vis.Network(document.getElementById("graph"), { nodes: nodeSet, edges: edgeSet }, {
    nodes: { font: { face: "WenQuanYi Zen Hei, Noto Sans CJK SC, sans-serif" }, borderWidth: 1 },
    edges: { smooth: false, font: { face: "WenQuanYi Zen Hei, Noto Sans CJK SC, sans-serif", color: "#374151", strokeWidth: 3 } },
    physics: { solver: "forceAtlas2Based", forceAtlas2Based: { gravitationalConstant: -60, springLength: 90 }, stabilization: { iterations: 300, updateInterval: 25 } },
    interaction: { hover: true, tooltipDelay: 150 }
  });
  var graphReady = false;
  function markGraphReady() {
    if (graphReady) return;
    graphReady = true;
    network.setOptions({ physics: false });
    network.fit();
    document.body.setAttribute("data-graph-ready", "1");
  }
  network.once("stabilizationIterationsDone", markGraphReady);
  setTimeout(markGraphReady, 8000);
  network.on("click", function (p) {
    if (p.nodes && p.nodes.length) select(p.nodes[0]);
    else if (p.edges && p.edges.length) selectEdge(Number(String(p.edges[0]).slice(1)));
  });

  // the timeline: one lane per event type, dated events by their first day, undated at the right
  var lanes = document.getElementById("lanes");
  var markers = {};
  var SPAN = 86, UNDATED_AT = 90;
  function pct(day) { return maxDay === minDay ? SPAN / 2 : 1 + (day - minDay) / (maxDay - minDay) * SPAN; }
  var axis = el("div", "lane axis");
  axis.appendChild(el("div", "lane-name", ""));
  var axisTrack = el("div", "track");
  if (dated.length) {
    var y0 = new Date(minDay).getUTCFullYear(), y1 = new Date(maxDay).getUTCFullYear();
    var step = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
    var lastTick = -Infinity;
    for (var y = y0; y <= y1; y += step) {
      var d = Date.UTC(y, 0, 1);
      if (d < minDay) d = minDay;
      if (pct(d) - lastTick < 4) continue;
      lastTick = pct(d);
      var tick = el("span", "tick", String(y));
      tick.style.left = pct(d) + "%";
      axisTrack.appendChild(tick);
    }
  }
  if (events.some(function (n) { return !isDated(n); })) {
    var ut = el("span", "tick", "undated");
    ut.style.left = UNDATED_AT + "%";
    axisTrack.appendChild(ut);
  }
  axis.appendChild(axisTrack);
  lanes.appendChild(axis);
  eventTypes.forEach(function (type) {
    var lane = el("div", "lane");
    lane.setAttribute("data-lane", type);
    lane.appendChild(el("div", "lane-name", type));
    var track = el("div", "track");
    var rows = [];
    var undatedCount = 0;
    events.filter(function (n) { return n.type === type; }).forEach(function (n) {
      var left = isDated(n) ? pct(dayOf(n.date.from)) : UNDATED_AT + 2 * (undatedCount++ % 3);
      var row = 0;
      while (rows[row] !== undefined && rows[row] > left - 9) row++;
      rows[row] = left;
      var b = el("button", "event-marker" + (isDated(n) ? "" : " undated"), dateLabel(n));
      b.type = "button";
      b.title = n.name;
      b.setAttribute("data-id", n.id);
      b.style.left = left + "%";
      b.style.top = (4 + row * 22) + "px";
      b.addEventListener("click", function () { select(n.id); });
      track.appendChild(b);
      markers[n.id] = b;
    });
    track.style.height = (10 + Math.max(1, rows.length) * 22) + "px";
    lane.appendChild(track);
    lanes.appendChild(lane);
  });

  // details: the node's facts, connections, and evidence sentences with the span highlighted
  var details = document.getElementById("details");
  function evidenceBlock(ev) {
    var box = el("div", "evidence");
    box.appendChild(el("div", "where", ev.doc + ":" + ev.start + "–" + ev.end + (ev.rule ? " · " + ev.rule : "")));
    var p = el("p");
    var s = ev.sentence || "", t = ev.text || "";
    var at = t ? s.indexOf(t) : -1;
    if (at >= 0) {
      p.appendChild(document.createTextNode(s.slice(0, at)));
      p.appendChild(el("mark", null, t));
      p.appendChild(document.createTextNode(s.slice(at + t.length)));
    } else {
      p.appendChild(document.createTextNode(s));
      if (t) { p.appendChild(document.createTextNode(" ")); p.appendChild(el("mark", null, t)); }
    }
    box.appendChild(p);
    return box;
  }
  function nodeLink(id, text) {
    var b = el("button", "link", text);
    b.type = "button";
    b.addEventListener("click", function () { select(id); });
    return b;
  }
  function select(id) {
    var n = byId[id];
    if (!n) return;
    clear(details);
    details.appendChild(el("h3", "name", n.name));
    details.appendChild(el("p", "meta", n.kind === "event"
      ? n.type + " · " + dateLabel(n) + (n.confidence != null ? " · confidence " + n.confidence : "")
      : n.type + (n.subtype ? " / " + n.subtype : "") + (n.mentions != null ? " · " + n.mentions + " mention(s)" : "")));
    details.appendChild(el("p", "meta", n.id));
    if (n.aliases && n.aliases.length) details.appendChild(el("p", "meta", "also: " + n.aliases.join(", ")));
    if (n.date && n.date.text) details.appendChild(el("p", "meta", "date in the text: " + n.date.text + (n.date.from ? " (" + n.date.from + " – " + n.date.to + ")" : "")));
    var links = edges.filter(function (e) { return e.source === id || e.target === id; });
    if (links.length) {
      details.appendChild(el("h4", null, "Connections"));
      var ul = el("ul");
      links.forEach(function (e) {
        var other = e.source === id ? e.target : e.source;
        var li = el("li");
        li.appendChild(document.createTextNode(e.source === id ? e.type + " → " : e.type + " ← "));
        li.appendChild(nodeLink(other, byId[other] ? byId[other].name : other));
        ul.appendChild(li);
      });
      details.appendChild(ul);
    }
    details.appendChild(el("h4", null, "Evidence (" + n.evidence.length + ")"));
    n.evidence.forEach(function (ev) { details.appendChild(evidenceBlock(ev)); });
    Object.keys(markers).forEach(function (k) { markers[k].classList.toggle("selected", k === id); });
    try { network.selectNodes([id]); } catch (e) { /* hidden by a filter */ }
    document.body.setAttribute("data-selected", id);
  }
  function selectEdge(i) {
    var e = edges[i];
    if (!e) return;
    clear(details);
    details.appendChild(el("h3", "name", (byId[e.source] || {}).name + " —" + e.type + "→ " + (byId[e.target] || {}).name));
    details.appendChild(el("h4", null, "Evidence (" + e.evidence.length + ")"));
    e.evidence.forEach(function (ev) { details.appendChild(evidenceBlock(ev)); });
    document.body.setAttribute("data-selected", e.source + " -> " + e.target);
  }

  // filtering: by type, and events by the days they cover
  function apply() {
    var from = fromInput.value ? dayOf(fromInput.value) : -Infinity;
    var to = toInput.value ? dayOf(toInput.value) : Infinity;
    var ranged = !!(fromInput.value || toInput.value);
    var visible = {};
    nodes.forEach(function (n) {
      var ok = !typeBoxes[n.type] || typeBoxes[n.type].checked;
      if (ok && n.kind === "event") {
        if (isDated(n)) ok = dayOf(n.date.to || n.date.from) >= from && dayOf(n.date.from) <= to;
        else ok = undatedBox.checked;
      }
      visible[n.id] = ok;
    });
    if (ranged) {
      // entities only through a visible event or a relation between visible entities
      var linked = {};
      edges.forEach(function (e) {
        var s = byId[e.source];
        if (s && s.kind === "event" && visible[e.source]) linked[e.target] = true;
      });
      entities.forEach(function (n) { if (!linked[n.id]) visible[n.id] = false; });
    }
    nodeSet.update(nodes.map(function (n) { return { id: n.id, hidden: !visible[n.id] }; }));
    Object.keys(markers).forEach(function (k) { markers[k].style.display = visible[k] ? "" : "none"; });
    var shown = nodes.filter(function (n) { return visible[n.id]; }).length;
    document.getElementById("counts").textContent = shown + " of " + nodes.length + " nodes · " + edges.length + " edges · " + events.length + " events";
    document.body.setAttribute("data-visible", String(shown));
  }
  apply();
  window.shiji = { select: select, apply: apply, network: network, data: data, errors: errors };
  document.body.setAttribute("data-ready", "1");
})();
