// Parley dashboard scripts: charts (uPlot), the actor network (d3-force), the API reference's forms.
// Data comes from <script type="application/json"> islands written by the server; nothing is inserted as HTML.
(function () {
  "use strict";
  var QUADS = [
    { key: "verbal_cooperation", label: "verbal cooperation", color: "#1a7f5a" },
    { key: "material_cooperation", label: "material cooperation", color: "#5fb38a" },
    { key: "verbal_conflict", label: "verbal conflict", color: "#d9822b" },
    { key: "material_conflict", label: "material conflict", color: "#b3261e" }
  ];

  function island(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function el(name, attrs, text) {
    var e = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // "2022-06" or "2022-06-06" → seconds since 1970 (UTC)
  function seconds(period) {
    var p = period.split("-").map(Number);
    return Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1) / 1000;
  }

  function chart(container, xs, series, extraScale) {
    if (typeof uPlot === "undefined" || !container) { return; }
    if (xs.length === 0) { container.appendChild(el("p", { "class": "meta" }, "No dated events to chart.")); return; }
    var width = function () { return Math.max(280, container.clientWidth - 2); };
    var opts = {
      width: width(), height: 260,
      scales: { x: xs.length > 1 ? { time: true } : { time: true, range: [xs[0] - 20 * 86400, xs[0] + 20 * 86400] }, y: { auto: true, range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
      axes: [{}, { label: "events" }],
      series: [{}].concat(series.map(function (s) {
        return { label: s.label, stroke: s.color, width: 2, scale: s.scale || "y", points: { show: true, size: 6 } };
      }))
    };
    if (extraScale) {
      opts.scales[extraScale.key] = { auto: true };
      opts.axes.push({ scale: extraScale.key, side: 1, label: extraScale.label, grid: { show: false } });
    }
    var data = [xs].concat(series.map(function (s) { return s.values; }));
    var plot = new uPlot(opts, data, container);
    container.setAttribute("data-rendered", "true");
    window.addEventListener("resize", function () { plot.setSize({ width: width(), height: 260 }); });
  }

  function quadChart() {
    var data = island("quad-data");
    if (!data) { return; }
    chart(document.getElementById("quad-chart"), data.map(function (m) { return seconds(m.month); }),
      QUADS.map(function (q) { return { label: q.label, color: q.color, values: data.map(function (m) { return m[q.key]; }) }; }));
  }

  function dyadChart() {
    var data = island("dyad-data");
    if (!data) { return; }
    var s = data.series;
    var series = QUADS.map(function (q) { return { label: q.label, color: q.color, values: s.map(function (p) { return p[q.key]; }) }; });
    series.push({ label: "Goldstein sum", color: "#14213d", scale: "g", values: s.map(function (p) { return p.goldstein_sum; }) });
    chart(document.getElementById("dyad-chart"), s.map(function (p) { return seconds(p.period); }), series, { key: "g", label: "Goldstein" });
  }

  function network() {
    var data = island("network-data");
    var svg = document.getElementById("network");
    if (!data || !svg || typeof d3 === "undefined" || !d3.forceSimulation) { return; }
    var NS = "http://www.w3.org/2000/svg";
    var W = 800, H = 560;
    var nodes = data.nodes.map(function (n) { return { id: n.code, name: n.kind === "org" ? "organisation" : "country", kind: n.kind, events: n.events }; });
    var links = data.edges.map(function (e) { return { source: e.a, target: e.b, events: e.events }; });
    if (nodes.length === 0) {
      var t = document.createElementNS(NS, "text");
      t.setAttribute("x", 20); t.setAttribute("y", 40); t.textContent = "No actors in this period.";
      svg.appendChild(t); return;
    }
    var maxW = Math.max.apply(null, links.map(function (l) { return l.events; }).concat([1]));
    var radius = function (n) { return 5 + 3 * Math.sqrt(n.events); };
    var sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id(function (d) { return d.id; }).distance(90).strength(function (l) { return 0.2 + 0.6 * l.events / maxW; }))
      .force("charge", d3.forceManyBody().strength(-260))
      .force("center", d3.forceCenter(W / 2, H / 2))
      .force("x", d3.forceX(W / 2).strength(0.07))
      .force("y", d3.forceY(H / 2).strength(0.09))
      .force("collide", d3.forceCollide().radius(function (n) { return radius(n) + 4; }))
      .stop();
    for (var i = 0; i < 300; i++) { sim.tick(); }
    var clamp = function (v, lo, hi) { return Math.max(lo, Math.min(hi, v)); };
    nodes.forEach(function (n) { n.x = clamp(n.x, 20, W - 50); n.y = clamp(n.y, 20, H - 20); });
    links.forEach(function (l) {
      var line = document.createElementNS(NS, "line");
      line.setAttribute("x1", l.source.x); line.setAttribute("y1", l.source.y);
      line.setAttribute("x2", l.target.x); line.setAttribute("y2", l.target.y);
      line.setAttribute("stroke-width", (1 + 5 * l.events / maxW).toFixed(2));
      svg.appendChild(line);
    });
    nodes.forEach(function (n) {
      var a = document.createElementNS(NS, "a");
      a.setAttribute("href", "/dyads?a=" + encodeURIComponent(n.id));
      a.setAttribute("aria-label", n.id + " (" + n.name + "), " + n.events + " events");
      var c = document.createElementNS(NS, "circle");
      c.setAttribute("cx", n.x); c.setAttribute("cy", n.y); c.setAttribute("r", radius(n).toFixed(1));
      c.setAttribute("class", n.kind);
      var title = document.createElementNS(NS, "title");
      title.textContent = n.id + " (" + n.name + "): " + n.events + " events";
      c.appendChild(title);
      var label = document.createElementNS(NS, "text");
      label.setAttribute("x", n.x + radius(n) + 2); label.setAttribute("y", n.y + 4);
      label.textContent = n.id;
      a.appendChild(c); a.appendChild(label);
      svg.appendChild(a);
    });
    svg.setAttribute("data-rendered", "true");
  }

  function reference() {
    var root = document.getElementById("reference");
    if (!root) { return; }
    fetch("/openapi/v1.json").then(function (r) { return r.json(); }).then(function (doc) {
      root.textContent = "";
      Object.keys(doc.paths).sort().forEach(function (path) {
        var item = doc.paths[path];
        Object.keys(item).forEach(function (method) {
          var op = item[method];
          var section = el("section", { "class": "ref-endpoint" });
          var h = el("h2");
          h.appendChild(el("span", { "class": "method" }, method.toUpperCase()));
          h.appendChild(document.createTextNode(" " + path));
          section.appendChild(h);
          if (op.summary) { section.appendChild(el("p", {}, op.summary)); }
          if (op.description) { section.appendChild(el("p", { "class": "meta" }, op.description)); }
          if (method === "get") {
            var form = el("form", { "class": "filters", "data-path": path });
            (op.parameters || []).forEach(function (p) {
              var label = el("label", {}, p.name + (p["in"] === "path" ? " (path)" : ""));
              var input = el("input", { name: p.name, "data-in": p["in"] });
              if (p.required) { input.setAttribute("required", ""); }
              label.appendChild(input);
              form.appendChild(label);
            });
            form.appendChild(el("button", { type: "submit" }, "Send"));
            var out = el("pre", { "aria-live": "polite" });
            form.addEventListener("submit", function (ev) {
              ev.preventDefault();
              var url = path, query = [];
              Array.prototype.forEach.call(form.querySelectorAll("input"), function (i) {
                if (i.getAttribute("data-in") === "path") { url = url.replace("{" + i.name + "}", encodeURIComponent(i.value)); }
                else if (i.value) { query.push(encodeURIComponent(i.name) + "=" + encodeURIComponent(i.value)); }
              });
              if (query.length) { url += "?" + query.join("&"); }
              out.textContent = "GET " + url + " …";
              fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
                return r.text().then(function (body) {
                  var shown = body;
                  try { shown = JSON.stringify(JSON.parse(body), null, 2); } catch (e) { /* not JSON */ }
                  out.textContent = "GET " + url + " → " + r.status + "\n" + shown.slice(0, 20000);
                });
              });
            });
            section.appendChild(form);
            section.appendChild(out);
          }
          root.appendChild(section);
        });
      });
    }).catch(function (e) { root.textContent = "The OpenAPI document could not be read: " + e; });
  }

  function start() { quadChart(); dyadChart(); network(); reference(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
