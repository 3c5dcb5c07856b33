// Tacitus web app: a hash-routed single page over the /api endpoints.
// Every piece of stored text reaches the page through textContent or text nodes,
// never as HTML, so article markup shows as text.
"use strict";

(function () {
  const FILTER_KEYS = ["actor", "sector", "type", "mode", "quad_class", "modality", "since", "until", "search"];
  const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  const QUAD_COLOURS = { 1: "#4e79a7", 2: "#59a14f", 3: "#f28e2b", 4: "#e15759" };
  const TYPE_COLOURS = ["#4e79a7", "#76b7b2", "#59a14f", "#8cd17d", "#b6992d", "#f1ce63", "#499894", "#86bcb6",
    "#f28e2b", "#ffbe7d", "#e15759", "#ff9d9a", "#79706e", "#bab0ac", "#d37295", "#b07aa1"];
  const SPAN_KINDS = [
    ["trigger", "Trigger (what happened)"],
    ["source", "Source actor"],
    ["target", "Target actor"],
    ["date", "Date"],
    ["place", "Place"],
    ["attribution_source", "Said by"],
    ["attribution_cue", "Attribution cue"],
    ["attribution_content", "Reported content"],
    ["evidence", "Evidence sentence"],
  ];
  const PAGE = 50;
  const view = document.getElementById("view");
  const errorBox = document.getElementById("error");
  const form = document.getElementById("filters");
  let facets = null;
  let chart = null;
  let map = null;

  // -- DOM helpers --------------------------------------------------------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "text") el.textContent = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  const svgNS = "http://www.w3.org/2000/svg";
  function s(tag, attrs, ...children) {
    const el = document.createElementNS(svgNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v);
    }
    for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return el;
  }
  function safeUrl(url) {
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }
  function showError(message) {
    errorBox.hidden = !message;
    errorBox.textContent = message || "";
  }

  // -- routing and API ----------------------------------------------------
  function route() {
    const hash = location.hash.replace(/^#\/?/, "") || "events";
    const [path, query] = hash.split("?");
    const parts = path.split("/").map(decodeURIComponent);
    return { name: parts[0] || "events", id: parts[1] || null, params: new URLSearchParams(query || "") };
  }
  function filterParams(params) {
    const out = new URLSearchParams();
    for (const k of FILTER_KEYS) if (params.get(k)) out.set(k, params.get(k));
    return out;
  }
  function go(name, params) {
    const q = params && params.toString();
    location.hash = "#/" + name + (q ? "?" + q : "");
  }
  async function api(path, params) {
    const q = params && params.toString();
    const response = await fetch("/api/" + path + (q ? "?" + q : ""), { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || response.status + " " + response.statusText);
    return body;
  }

  // -- filters ------------------------------------------------------------
  function fillOptions(select, items, label) {
    for (const item of items) select.append(h("option", { value: item.value }, label(item)));
  }
  async function loadFacets() {
    facets = await api("facets");
    const c = facets.counts;
    document.getElementById("store-counts").textContent =
      `${c.events} events · ${c.articles} articles` + (facets.date_min ? ` · ${facets.date_min} to ${facets.date_max}` : "");
    const present = new Map(facets.event_types.map((t) => [t.value, t.count]));
    fillOptions(form.elements.type, facets.all_event_types.map((t) => ({ value: t, count: present.get(t) || 0 })),
      (t) => `${t.value} (${t.count})`);
    fillOptions(form.elements.sector, facets.sectors, (t) => `${t.value} (${t.count})`);
    fillOptions(form.elements.quad_class, facets.quad_classes, (q) => `${q.value} ${q.label}`);
    fillOptions(form.elements.modality, facets.modalities.map((m) => ({ value: m })), (m) => m.value);
    const codes = document.getElementById("actor-codes");
    for (const a of facets.actors) codes.append(h("option", { value: a.value }, `${a.count} events`));
    const modes = document.getElementById("mode-values");
    for (const m of facets.modes) modes.append(h("option", { value: m.value }));
  }
  function syncForm(params) {
    for (const k of FILTER_KEYS) form.elements[k].value = params.get(k) || "";
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = form.elements[k].value.trim();
      if (v) params.set(k, v);
    }
    const r = route();
    go(["event", "article"].includes(r.name) ? "events" : r.name === "articles" ? "events" : r.name, params);
  });
  document.getElementById("reset").addEventListener("click", () => {
    form.reset();
    go(route().name === "articles" ? "articles" : "events", null);
  });

  // -- shared bits --------------------------------------------------------
  function modalityBadges(event) {
    return (event.modality || []).map((m) => h("span", { class: m === "factual" ? "badge" : "badge modal" }, m));
  }
  function codes(value) {
    return [...new Set((value || "").split(";").filter((c) => c && c !== "---"))].join(", ") || "–";
  }
  function pager(total, offset, limit, onPage) {
    const end = Math.min(offset + limit, total);
    return h("div", { class: "pager" },
      h("button", { type: "button", disabled: offset <= 0 ? "disabled" : null, onclick: () => onPage(Math.max(0, offset - limit)) }, "‹ Previous"),
      h("span", { class: "muted" }, total ? `${offset + 1}–${end} of ${total}` : "0 of 0"),
      h("button", { type: "button", disabled: end >= total ? "disabled" : null, onclick: () => onPage(offset + limit) }, "Next ›"));
  }

  // -- views --------------------------------------------------------------
  async function eventsView(r) {
    const params = filterParams(r.params);
    const offset = Number(r.params.get("offset") || 0);
    const sort = r.params.get("sort") || "date";
    const order = r.params.get("order") || "asc";
    const query = new URLSearchParams(params);
    query.set("limit", PAGE);
    query.set("offset", offset);
    query.set("sort", sort);
    query.set("order", order);
    const data = await api("events", query);
    const nav = (changes) => {
      const next = new URLSearchParams(query);
      next.delete("limit");
      for (const [k, v] of Object.entries(changes)) next.set(k, v);
      if (next.get("offset") === "0") next.delete("offset");
      go("events", next);
    };
    const sortSelect = h("select", { id: "sort", onchange: (e) => nav({ sort: e.target.value, offset: 0 }) },
      ["date", "published", "type", "confidence", "intensity"].map((k) => h("option", { value: k, selected: k === sort ? "selected" : null }, k)));
    const orderSelect = h("select", { id: "order", onchange: (e) => nav({ order: e.target.value, offset: 0 }) },
      ["asc", "desc"].map((k) => h("option", { value: k, selected: k === order ? "selected" : null }, k === "asc" ? "ascending" : "descending")));
    const rows = data.events.map((e) => h("tr", { "data-id": e.id, onclick: () => go("event/" + encodeURIComponent(e.id)) },
      h("td", { class: "nowrap" }, e.date_value || e.published || "–"),
      h("td", {}, h("a", { href: "#/event/" + encodeURIComponent(e.id) }, e.event_type),
        e.mode ? h("div", { class: "muted" }, e.mode) : null),
      h("td", {}, codes(e.source_codes), h("div", { class: "muted" }, e.source_text || "")),
      h("td", {}, codes(e.target_codes), h("div", { class: "muted" }, e.target_text || "")),
      h("td", {}, e.trigger_text),
      h("td", {}, h("span", { class: "badge q" + e.quad_class }, "Q" + e.quad_class), modalityBadges(e)),
      h("td", {}, e.location_name || "–"),
      h("td", { class: "evidence" }, e.evidence_text)));
    view.replaceChildren(
      h("h1", {}, "Events"),
      h("div", { class: "summary" }, h("span", { id: "event-total" }, `${data.total} events match`),
        h("label", {}, "Sort ", sortSelect), h("label", {}, "Order ", orderSelect)),
      h("table", { class: "data", id: "events-table" },
        h("thead", {}, h("tr", {}, ["Date", "Type", "Source", "Target", "Trigger", "Class / modality", "Place", "Evidence"].map((c) => h("th", {}, c)))),
        h("tbody", {}, rows)),
      pager(data.total, offset, PAGE, (o) => nav({ offset: o })));
  }

  function highlighted(text, spans) {
    // Cut the text at every span boundary; each piece carries the classes of the spans covering it.
    const cuts = new Set([0, text.length]);
    for (const sp of spans) { cuts.add(sp.start); cuts.add(sp.end); }
    const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    const box = h("div", { class: "article-text", id: "article-text" });
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i], b = points[i + 1];
      const piece = text.slice(a, b);
      const covering = spans.filter((sp) => sp.start <= a && sp.end >= b);
      if (!covering.length) { box.append(document.createTextNode(piece)); continue; }
      const kinds = [...new Set(covering.map((sp) => sp.kind))];
      box.append(h("span", {
        class: "hl " + kinds.map((k) => "k-" + k).join(" "),
        "data-kinds": kinds.join(" "),
        title: covering.map((sp) => sp.label).join("\n"),
      }, piece));
    }
    return box;
  }
  function legend(spans) {
    const counts = {};
    for (const sp of spans) counts[sp.kind] = (counts[sp.kind] || 0) + 1;
    return h("div", { class: "legend", id: "legend" }, SPAN_KINDS.filter(([k]) => counts[k]).map(([k, label]) =>
      h("span", { class: "key", "data-kind": k }, h("span", { class: "swatch sw-" + k }), `${label} (${counts[k]})`)));
  }
  function articleMeta(article) {
    const url = article.url && safeUrl(article.url);
    return h("div", { class: "article-meta" },
      [article.outlet, article.published].filter(Boolean).join(" · "),
      url ? [" · ", h("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null);
  }

  async function eventView(r) {
    const data = await api("events/" + encodeURIComponent(r.id));
    const e = data.event;
    const rec = e.record || {};
    const actorList = (list) => (list || []).map((a) => {
      const code = [a.country || a.igo, a.sector].filter(Boolean).join(" ");
      return `${a.name || a.text}${code ? " (" + code + ")" : ""}`;
    }).join("; ") || "–";
    const att = rec.attribution;
    const fields = [
      ["Type", `${e.event_type}${e.mode ? " / " + e.mode : ""}`],
      ["Quad class", `${e.quad_class} ${QUAD[e.quad_class] || ""}`],
      ["CAMEO root", e.cameo_root || "–"],
      ["Intensity", e.intensity ?? "–"],
      ["Source", actorList(rec.source)],
      ["Target", actorList(rec.target)],
      ["Date", !rec.date ? `publication date ${e.published || "unknown"}`
        : rec.date.text ? `${rec.date.value || "?"} (${rec.date.precision}) from “${rec.date.text}”`
        : `${rec.date.value || "?"} (${rec.date.precision} date)`],
      ["Place", rec.location ? [rec.location.name, rec.location.country].filter(Boolean).join(", ") : "–"],
      ["Attribution", att ? `${att.kind}${att.source ? ": " + att.source.text : att.name ? ": " + att.name : ""}` : "–"],
      ["Modality", (e.modality || []).join(", ")],
      ["Confidence", e.confidence],
    ];
    const article = data.article || { text: "" };
    view.replaceChildren(
      h("p", {}, h("a", { href: "#/events" }, "‹ All events")),
      h("div", { class: "event-head" },
        h("h1", { id: "event-title" }, `${e.event_type}: ${codes(e.source_codes)} → ${codes(e.target_codes)}`),
        h("span", { class: "badge q" + e.quad_class }, QUAD[e.quad_class] || ""), modalityBadges(e)),
      h("div", { class: "two" },
        h("section", {},
          h("h2", {}, article.title || "(untitled article)"),
          articleMeta(article),
          legend(data.spans),
          highlighted(article.text || "", data.spans)),
        h("aside", { class: "panel" },
          h("dl", { class: "fields" }, fields.map(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))])),
          h("h2", {}, "Other events in this article"),
          data.siblings.length ? h("ul", {}, data.siblings.map((o) => h("li", {},
            h("a", { href: "#/event/" + encodeURIComponent(o.id) }, o.event_type), ` “${o.trigger_text}” `,
            h("span", { class: "muted" }, `${codes(o.source_codes)} → ${codes(o.target_codes)}`)))) : h("p", { class: "muted" }, "None."),
          h("p", {}, h("a", { href: "#/article/" + encodeURIComponent(e.article_id) }, "Whole article with all its events")))));
  }

  async function articlesView(r) {
    const offset = Number(r.params.get("offset") || 0);
    const query = new URLSearchParams();
    if (r.params.get("search")) query.set("search", r.params.get("search"));
    query.set("limit", PAGE);
    query.set("offset", offset);
    const data = await api("articles", query);
    const search = h("input", { type: "search", id: "article-search", name: "search", maxlength: "200", value: r.params.get("search") || "" });
    view.replaceChildren(
      h("h1", {}, "Articles"),
      h("form", { class: "controls", onsubmit: (e) => { e.preventDefault(); const p = new URLSearchParams(); if (search.value.trim()) p.set("search", search.value.trim()); go("articles", p); } },
        h("label", {}, "Title or text", search), h("button", { type: "submit" }, "Search")),
      h("div", { class: "summary" }, `${data.total} articles`),
      h("table", { class: "data", id: "articles-table" },
        h("thead", {}, h("tr", {}, ["Published", "Title", "Outlet", "Events"].map((c) => h("th", {}, c)))),
        h("tbody", {}, data.articles.map((a) => h("tr", { onclick: () => go("article/" + encodeURIComponent(a.id)) },
          h("td", { class: "nowrap" }, a.published || "–"),
          h("td", {}, h("a", { href: "#/article/" + encodeURIComponent(a.id) }, a.title || a.id)),
          h("td", {}, a.outlet || "–"),
          h("td", {}, a.n_events))))),
      pager(data.total, offset, PAGE, (o) => { const p = new URLSearchParams(query); p.delete("limit"); p.set("offset", o); go("articles", p); }));
  }

  async function articleView(r) {
    const a = await api("articles/" + encodeURIComponent(r.id));
    const spans = [];
    for (const e of a.events) for (const sp of e.spans) if (["trigger", "source", "target"].includes(sp.kind)) spans.push(sp);
    view.replaceChildren(
      h("p", {}, h("a", { href: "#/articles" }, "‹ All articles")),
      h("h1", {}, a.title || "(untitled article)"),
      articleMeta(a),
      h("div", { class: "two" },
        h("section", {}, legend(spans), highlighted(a.text || "", spans)),
        h("aside", { class: "panel" }, h("h2", {}, `${a.events.length} events`),
          h("ul", {}, a.events.map((e) => h("li", {},
            h("a", { href: "#/event/" + encodeURIComponent(e.id) }, e.event_type), ` “${e.trigger_text}” `,
            h("span", { class: "muted" }, `${codes(e.source_codes)} → ${codes(e.target_codes)}`)))))));
  }

  async function timelineView(r) {
    const params = filterParams(r.params);
    const interval = r.params.get("interval") || "year";
    const by = r.params.get("by") || "type";
    const query = new URLSearchParams(params);
    query.set("interval", interval);
    query.set("by", by);
    const data = await api("series", query);
    const change = (k) => (e) => { const p = new URLSearchParams(query); p.set(k, e.target.value); go("timeline", p); };
    const canvas = h("canvas", { id: "timeline-chart", "aria-label": "events over time" });
    view.replaceChildren(
      h("h1", {}, "Timeline"),
      h("div", { class: "controls" },
        h("label", {}, "Interval", h("select", { id: "interval", onchange: change("interval") },
          ["day", "week", "month", "year"].map((k) => h("option", { value: k, selected: k === interval ? "selected" : null }, k)))),
        h("label", {}, "Series", h("select", { id: "series-by", onchange: change("by") },
          [["type", "event type"], ["quad_class", "quad class"], ["none", "all events"]].map(([k, l]) => h("option", { value: k, selected: k === by ? "selected" : null }, l)))),
        h("span", { class: "muted" }, `${data.total} dated events`)),
      h("div", { class: "panel chart-box" }, canvas));
    if (chart) chart.destroy();
    chart = new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.buckets.map((b) => interval === "year" ? b.slice(0, 4) : interval === "month" ? b.slice(0, 7) : b),
        datasets: data.series.map((sr, i) => ({
          label: `${sr.label} (${sr.total})`,
          data: sr.counts,
          backgroundColor: by === "quad_class" ? QUAD_COLOURS[sr.key] : TYPE_COLOURS[i % TYPE_COLOURS.length],
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "events" } } },
        plugins: { legend: { position: "right" } },
      },
    });
  }

  function forceLayout(nodes, links, width, height) {
    // A small deterministic force layout: pairwise repulsion, springs along links, pull to the centre.
    nodes.forEach((n, i) => {
      const angle = (i / nodes.length) * 2 * Math.PI;
      n.x = width / 2 + Math.cos(angle) * width / 3;
      n.y = height / 2 + Math.sin(angle) * height / 3;
    });
    const index = new Map(nodes.map((n) => [n.id, n]));
    for (let step = 0; step < 400; step++) {
      const cool = 1 - step / 400;
      for (const a of nodes) { a.dx = (width / 2 - a.x) * 0.01; a.dy = (height / 2 - a.y) * 0.01; }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          const d2 = Math.max(dx * dx + dy * dy, 1);
          const f = 4000 / d2;
          const d = Math.sqrt(d2);
          dx /= d; dy /= d;
          a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
        }
      }
      for (const l of links) {
        const a = index.get(l.source), b = index.get(l.target);
        if (!a || !b || a === b) continue;
        const dx = b.x - a.x, dy = b.y - a.y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
        const f = (d - 110) * 0.03;
        a.dx += dx / d * f; a.dy += dy / d * f; b.dx -= dx / d * f; b.dy -= dy / d * f;
      }
      for (const n of nodes) {
        const m = Math.sqrt(n.dx * n.dx + n.dy * n.dy);
        const cap = 12 * cool + 0.5;
        const k = m > cap ? cap / m : 1;
        n.x = Math.min(width - 30, Math.max(30, n.x + n.dx * k));
        n.y = Math.min(height - 20, Math.max(20, n.y + n.dy * k));
      }
    }
  }

  async function networkView(r) {
    const params = filterParams(r.params);
    const query = new URLSearchParams(params);
    query.set("limit", 150);
    const data = await api("dyads", query);
    const svg = s("svg", { id: "network-svg", viewBox: "0 0 900 560", role: "img", "aria-label": "actor network" });
    const width = 900, height = 560;
    svg.append(s("defs", {}, ...[1, 2, 3, 4].map((q) => s("marker", {
      id: "arrow" + q, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse",
    }, s("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: QUAD_COLOURS[q] })))));
    const nodes = data.nodes.map((n) => ({ ...n }));
    forceLayout(nodes, data.links, width, height);
    const index = new Map(nodes.map((n) => [n.id, n]));
    const radius = (n) => 5 + 3 * Math.sqrt(n.events);
    const dominant = (l) => Object.entries(l.quad_classes).sort((a, b) => b[1] - a[1])[0][0];
    for (const l of data.links) {
      const a = index.get(l.source), b = index.get(l.target);
      if (a === b) continue;
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 1);
      const q = dominant(l);
      svg.append(s("line", {
        x1: a.x + dx / d * radius(a), y1: a.y + dy / d * radius(a),
        x2: b.x - dx / d * (radius(b) + 2), y2: b.y - dy / d * (radius(b) + 2),
        stroke: QUAD_COLOURS[q], "stroke-width": 1 + Math.log2(1 + l.events) * 1.5, "stroke-opacity": 0.75,
        "marker-end": `url(#arrow${q})`, class: "link",
      }, s("title", {}, `${l.source} → ${l.target}: ${l.events} events (${QUAD[q]} most)`)));
    }
    for (const n of nodes) {
      svg.append(s("circle", {
        cx: n.x, cy: n.y, r: radius(n), fill: "#1f5f99", class: "node", "data-id": n.id,
        onclick: () => go("events", new URLSearchParams({ ...Object.fromEntries(params), actor: n.id })),
      }, s("title", {}, `${n.id}: ${n.as_source} as source, ${n.as_target} as target`)));
      svg.append(s("text", { x: n.x + radius(n) + 3, y: n.y + 4 }, n.id));
    }
    const legendBox = h("div", { class: "legend" }, [1, 2, 3, 4].map((q) =>
      h("span", { class: "key" }, h("span", { class: "swatch", style: `background:${QUAD_COLOURS[q]}` }), QUAD[q])));
    view.replaceChildren(
      h("h1", {}, "Actor network"),
      h("div", { class: "summary" }, `${nodes.length} actors, ${data.links.length} source → target pairs. Click an actor to list its events.`),
      legendBox,
      h("div", { class: "two" }, svg,
        h("aside", { class: "panel" }, h("h2", {}, "Top pairs"),
          h("table", { class: "data", id: "dyads-table" },
            h("thead", {}, h("tr", {}, h("th", {}, "Source"), h("th", {}, "Target"), h("th", {}, "Events"))),
            h("tbody", {}, data.links.slice(0, 25).map((l) => h("tr", {
              onclick: () => go("events", new URLSearchParams({ ...Object.fromEntries(params), source: l.source, target: l.target })),
            }, h("td", {}, l.source), h("td", {}, l.target), h("td", {}, l.events))))))));
  }

  let world = null;
  function unwrapLongitudes(geometry) {
    // Rings that cross the antimeridian (Russia, Fiji) would be drawn as bands across the
    // whole map; shifting each point by 360 degrees next to its neighbour keeps them local.
    const ring = (points) => {
      for (let i = 1; i < points.length; i++) {
        while (points[i][0] - points[i - 1][0] > 180) points[i][0] -= 360;
        while (points[i][0] - points[i - 1][0] < -180) points[i][0] += 360;
      }
    };
    if (geometry.type === "Polygon") geometry.coordinates.forEach(ring);
    if (geometry.type === "MultiPolygon") geometry.coordinates.forEach((poly) => poly.forEach(ring));
  }
  async function mapView(r) {
    const params = filterParams(r.params);
    const data = await api("places", params);
    if (!world) world = await (await fetch("/static/vendor/countries-110m.json")).json();
    const box = h("div", { id: "map" });
    view.replaceChildren(
      h("h1", {}, "Map of event locations"),
      h("div", { class: "summary" }, `${data.places.length} places; ${data.unlocated} matching events have no resolved location.`),
      box);
    if (map) map.remove();
    map = L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 8, fadeAnimation: false, zoomAnimation: false }).setView([25, 15], 2);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Country outlines: Natural Earth (world-atlas)");
    const countries = topojson.feature(world, world.objects.countries);
    for (const f of countries.features) if (f.geometry && f.properties.name !== "Antarctica") unwrapLongitudes(f.geometry);
    L.geoJSON(countries, {
      style: { color: "#8d99a6", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
      interactive: false,
    }).addTo(map);
    for (const p of data.places) {
      const popup = h("div", { class: "map-popup" },
        h("h3", {}, [p.name, p.country].filter(Boolean).join(", ")),
        h("div", {}, `${p.events} events: ` + Object.entries(p.types).map(([t, n]) => `${t} ${n}`).join(", ")),
        h("ul", {}, p.sample.slice(0, 10).map((e) => h("li", {},
          h("a", { href: "#/event/" + encodeURIComponent(e.id) }, e.event_type), ` “${e.trigger}”`))));
      L.circleMarker([p.lat, p.lon], {
        radius: 4 + 3 * Math.sqrt(p.events), color: "#8a1f1f", weight: 1, fillColor: "#e15759", fillOpacity: 0.7,
        className: "place-marker",
      }).bindPopup(popup).addTo(map);
    }
  }

  const VIEWS = { events: eventsView, event: eventView, articles: articlesView, article: articleView,
    timeline: timelineView, network: networkView, map: mapView };

  async function render() {
    const hash = location.hash;
    const r = route();
    const viewFn = VIEWS[r.name] || eventsView;
    for (const a of document.querySelectorAll("#nav a[data-view]")) {
      a.classList.toggle("active", a.dataset.view === r.name || (a.dataset.view + "s") === r.name ||
        (r.name === "event" && a.dataset.view === "events") || (r.name === "article" && a.dataset.view === "articles"));
      if (["events", "timeline", "network", "map"].includes(a.dataset.view)) {
        const q = filterParams(r.params).toString();
        a.setAttribute("href", "#/" + a.dataset.view + (q ? "?" + q : ""));
      }
    }
    form.hidden = ["article", "articles"].includes(r.name);
    syncForm(r.params);
    showError(null);
    document.body.dataset.view = r.name;
    document.body.dataset.ready = "false";
    try {
      await viewFn(r);
    } catch (err) {
      view.replaceChildren();
      showError(err.message);
    }
    // Tests (and scripts) wait for data-ready with data-hash equal to the address they asked for.
    document.body.dataset.hash = hash;
    document.body.dataset.ready = "true";
  }

  window.addEventListener("hashchange", render);
  loadFacets().catch((err) => showError(err.message)).finally(render);
})();
