// flashpoint analyst page: timeline, map, event list, event evidence over the local API.
// Safety rule: every string that comes from an article (or any API field) goes into the page
// as a DOM text node (textContent / createTextNode), never parsed as HTML.
/* global d3, topojson */
(function () {
  "use strict";

  const FILTERS = ["since", "until", "type", "mode", "country", "actor", "text", "near", "min_sources"];
  const PAGE = 100;
  const state = { filters: {}, offset: 0, event: null, article: null, stats: null };
  const color = d3.scaleOrdinal(d3.schemeTableau10.concat(d3.schemeSet3, d3.schemePastel1));
  let world = null; // country outlines, loaded once from the package
  let mapView = null; // {svg, projection, zoom, fit, points}
  let lastEvent = null; // the detail JSON shown

  // ---------------------------------------------------------------- helpers
  const $ = (sel) => document.querySelector(sel);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = String(v);
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function swatch(type) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 10 10");
    svg.setAttribute("width", "10");
    svg.setAttribute("height", "10");
    svg.setAttribute("class", "swatch");
    const rect = document.createElementNS(ns, "rect");
    rect.setAttribute("width", "10");
    rect.setAttribute("height", "10");
    rect.setAttribute("fill", color(type));
    svg.appendChild(rect);
    return svg;
  }

  function showError(message) {
    const box = $("#error");
    if (!message) { box.hidden = true; clear(box); return; }
    box.textContent = message;
    box.hidden = false;
  }

  function query(extra) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...state.filters, ...(extra || {}) })) {
      if (v !== undefined && v !== null && String(v) !== "") params.set(k, String(v));
    }
    const s = params.toString();
    return s ? "?" + s : "";
  }

  async function api(path, params) {
    const res = await fetch(path + (params || ""), { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const msg = body && body.error ? body.error.message : res.status + " " + res.statusText;
      throw new Error(msg);
    }
    return body;
  }

  const day = (s) => new Date(s + "T00:00:00Z");
  const iso = (d) => d.toISOString().slice(0, 10);

  // ---------------------------------------------------------------- URL state
  function readHash() {
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    state.filters = {};
    for (const k of FILTERS) if (p.get(k)) state.filters[k] = p.get(k);
    state.offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
    state.event = p.get("event");
    state.article = p.get("article");
  }

  function writeHash() {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (state.filters[k]) p.set(k, state.filters[k]);
    if (state.offset) p.set("offset", state.offset);
    if (state.event) p.set("event", state.event);
    if (state.article) p.set("article", state.article);
    const next = "#" + p.toString();
    if (location.hash !== next) history.replaceState(null, "", next);
  }

  function fillForm() {
    const form = $("#filters");
    for (const k of FILTERS) form.elements[k].value = state.filters[k] || "";
  }

  // ---------------------------------------------------------------- stats and selects
  function fillSelect(select, counts) {
    const keep = select.value;
    while (select.options.length > 1) select.remove(1);
    for (const [name, n] of Object.entries(counts || {})) {
      select.appendChild(el("option", { value: name }, name + " (" + n + ")"));
    }
    select.value = keep;
  }

  async function loadStats() {
    const s = await api("/api/stats");
    state.stats = s;
    color.domain(Object.keys(s.events_by_type || {}));
    fillSelect($("#filters").elements.type, s.events_by_type);
    fillSelect($("#filters").elements.mode, s.events_by_mode);
    const span = s.events_from ? s.events_from + " to " + s.events_to : "no dates";
    $("#summary").textContent = s.events + " events from " + s.articles + " articles (" + span + ")" +
      (s.corrections ? ", " + s.corrections + " corrections" : "") +
      (s.write_enabled ? " \u2014 write endpoints on" : "");
  }

  // ---------------------------------------------------------------- timeline
  function bucketFor(stats) {
    if (!stats || !stats.events_from) return "day";
    const days = (day(stats.events_to) - day(stats.events_from)) / 864e5;
    return days > 3 * 366 ? "month" : days > 550 ? "week" : "day";
  }

  const STEP = { day: d3.utcDay, week: d3.utcMonday, month: d3.utcMonth };

  async function loadTimeline() {
    const bucket = bucketFor(state.stats);
    const filters = { ...state.filters };
    delete filters.since;
    delete filters.until;
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
    params.set("bucket", bucket);
    const data = await api("/api/timeline", "?" + params.toString());
    drawTimeline(data, bucket);
  }

  let brushing = false;

  function drawTimeline(data, bucket) {
    const box = $("#timeline");
    clear(box);
    const legend = $("#legend");
    clear(legend);
    $("#timeline-note").textContent = data.total + " events, counted by " + bucket +
      (data.undated ? " (" + data.undated + " undated)" : "");
    if (!data.days.length) { box.appendChild(el("p", { class: "hint" }, "No dated events.")); return; }
    const step = STEP[bucket];
    const width = Math.max(600, box.clientWidth || 900);
    const height = 170;
    const m = { top: 8, right: 34, bottom: 24, left: 34 };
    const stacks = new Map();
    for (const r of data.days) {
      const list = stacks.get(r.day) || [];
      list.push(r);
      stacks.set(r.day, list);
    }
    const first = day(data.days[0].day);
    const last = day(data.days[data.days.length - 1].day);
    const x = d3.scaleUtc().domain([step.offset(first, -1), step.offset(last, 2)]).range([m.left, width - m.right]);
    const maxN = d3.max(Array.from(stacks.values()), (l) => d3.sum(l, (r) => r.n));
    const y = d3.scaleLinear().domain([0, maxN]).nice().range([height - m.bottom, m.top]);
    const svg = d3.select(box).append("svg").attr("viewBox", [0, 0, width, height]).attr("height", height)
      .attr("role", "img").attr("aria-label", "events per " + bucket + ", coloured by type");
    const bars = svg.append("g").attr("class", "bars");
    for (const [d, list] of stacks) {
      let y0 = 0;
      const x0 = x(day(d));
      const w = Math.max(1.5, x(step.offset(day(d), 1)) - x0 - 0.5);
      for (const r of list) {
        const rect = bars.append("rect").attr("class", "bar").attr("x", x0).attr("width", w)
          .attr("y", y(y0 + r.n)).attr("height", Math.max(0.5, y(y0) - y(y0 + r.n)))
          .attr("fill", color(r.type)).attr("data-day", d).attr("data-type", r.type).attr("data-n", r.n);
        rect.append("title").text(d + ": " + r.n + " \u00d7 " + r.type);
        y0 += r.n;
      }
    }
    svg.append("g").attr("class", "axis x").attr("transform", "translate(0," + (height - m.bottom) + ")")
      .call(d3.axisBottom(x).ticks(Math.min(14, width / 80)));
    svg.append("g").attr("class", "axis y").attr("transform", "translate(" + m.left + ",0)")
      .call(d3.axisLeft(y).ticks(4).tickFormat(d3.format("d")));

    const brush = d3.brushX().extent([[m.left, m.top], [width - m.right, height - m.bottom]])
      .on("end", (event) => {
        if (brushing || !event.sourceEvent) return;
        if (!event.selection) {
          delete state.filters.since;
          delete state.filters.until;
        } else {
          const [a, b] = event.selection.map((v) => x.invert(v));
          state.filters.since = iso(d3.utcDay.floor(a));
          state.filters.until = iso(d3.utcDay.floor(new Date(b.getTime() - 1)));
        }
        state.offset = 0;
        fillForm();
        refreshSelection();
      });
    const g = svg.append("g").attr("class", "brush").call(brush);
    if (state.filters.since || state.filters.until) {
      const a = state.filters.since ? x(day(state.filters.since)) : m.left;
      const b = state.filters.until ? x(d3.utcDay.offset(day(state.filters.until), 1)) : width - m.right;
      brushing = true;
      g.call(brush.move, [Math.max(m.left, a), Math.min(width - m.right, Math.max(a + 1, b))]);
      brushing = false;
    }
    for (const [type, n] of Object.entries(data.types)) {
      legend.appendChild(el("span", { "data-type": type }, swatch(type), type + " " + n));
    }
  }

  // ---------------------------------------------------------------- map
  async function loadWorld() {
    if (world) return world;
    const topo = await d3.json("/static/vendor/countries-50m.json");
    world = topojson.feature(topo, topo.objects.countries);
    return world;
  }

  function distanceKm(a, b) {
    return d3.geoDistance([a.lon, a.lat], [b.lon, b.lat]) * 6371;
  }

  function fitBox(points) {
    // Fit the densest cluster when it holds at least half the events (one far-off report
    // should not shrink the region where most events are); else fit them all.
    if (!points.length) return null;
    const places = new Map();
    for (const p of points) {
      const key = p.lat.toFixed(2) + "," + p.lon.toFixed(2);
      const place = places.get(key) || { lat: p.lat, lon: p.lon, n: 0 };
      place.n += 1;
      places.set(key, place);
    }
    const list = Array.from(places.values());
    let best = null, bestN = -1;
    for (const a of list) {
      const n = d3.sum(list, (b) => (distanceKm(a, b) <= 800 ? b.n : 0));
      if (n > bestN) { best = a; bestN = n; }
    }
    let chosen = points.filter((p) => distanceKm(best, p) <= 2000);
    if (chosen.length < points.length / 2) chosen = points;
    let [s, n] = d3.extent(chosen, (p) => p.lat);
    let [w, e] = d3.extent(chosen, (p) => p.lon);
    const padLat = Math.max(1.5, (n - s) * 0.15);
    const padLon = Math.max(2, (e - w) * 0.15);
    s = Math.max(-80, s - padLat); n = Math.min(84, n + padLat);
    w = Math.max(-180, w - padLon); e = Math.min(180, e + padLon);
    return { type: "MultiPoint", coordinates: [[w, s], [e, n], [w, n], [e, s]] };
  }

  async function loadMap() {
    const max = (state.stats && state.stats.max_page_size) || 1000;
    const [outlines, geo] = await Promise.all([
      loadWorld(), api("/api/events", query({ format: "geojson", limit: max })),
    ]);
    const points = [];
    for (const f of geo.features) {
      if (!f.geometry) continue;
      const [lon, lat] = f.geometry.coordinates;
      points.push({ id: f.id, lat, lon, p: f.properties });
    }
    $("#map-note").textContent = points.length + " located" +
      (geo.total > geo.features.length ? " (first " + geo.features.length + " of " + geo.total + ")" : "") +
      (geo.features.length > points.length ? ", " + (geo.features.length - points.length) + " without coordinates" : "");
    drawMap(outlines, points);
  }

  function drawMap(outlines, points) {
    const box = $("#map");
    clear(box);
    const width = Math.max(360, box.clientWidth || 600);
    const height = 430;
    const projection = d3.geoMercator();
    const path = d3.geoPath(projection);
    const fit = () => {
      const target = fitBox(points) || { type: "Sphere" };
      projection.fitExtent([[12, 12], [width - 12, height - 12]], target);
    };
    fit();
    const svg = d3.select(box).append("svg").attr("viewBox", [0, 0, width, height]).attr("height", height)
      .attr("role", "img").attr("aria-label", "map of events");
    const layer = svg.append("g").attr("class", "layer");
    const base = layer.append("g").attr("class", "countries");
    const dots = layer.append("g").attr("class", "points");
    const radius = (p) => 3 + 2.5 * Math.sqrt(Math.max(1, p.p.n_outlets || 1));
    let k = 1;
    function render() {
      base.selectAll("path").data(outlines.features).join("path").attr("class", "country").attr("d", path)
        .selectAll("title").data((d) => [d]).join("title").text((d) => (d.properties && d.properties.name) || "");
      const sorted = points.slice().sort((a, b) => (b.p.n_outlets || 0) - (a.p.n_outlets || 0));
      dots.selectAll("circle").data(sorted, (d) => d.id).join((enter) => {
        const c = enter.append("circle").attr("class", "point");
        c.append("title");
        c.on("click", (event, d) => { event.stopPropagation(); selectEvent(d.id); });
        return c;
      })
        .attr("cx", (d) => projection([d.lon, d.lat])[0])
        .attr("cy", (d) => projection([d.lon, d.lat])[1])
        .attr("r", (d) => radius(d) / k)
        .attr("data-id", (d) => d.id).attr("data-lat", (d) => d.lat).attr("data-lon", (d) => d.lon)
        .attr("data-sources", (d) => d.p.n_outlets)
        .classed("selected", (d) => d.id === state.event)
        .select("title").text((d) => d.p.date + " " + d.p.type + " \u2014 " + (d.p.location_name || "") +
          " (" + d.p.n_outlets + " outlet" + (d.p.n_outlets === 1 ? "" : "s") + ")");
    }
    render();
    const zoom = d3.zoom().scaleExtent([0.5, 200]).on("zoom", (event) => {
      k = event.transform.k;
      layer.attr("transform", event.transform);
      dots.selectAll("circle").attr("r", (d) => radius(d) / k);
    });
    svg.call(zoom);
    mapView = {
      fit() { fit(); svg.call(zoom.transform, d3.zoomIdentity); render(); },
      world() { projection.fitExtent([[12, 12], [width - 12, height - 12]], { type: "Sphere" });
        svg.call(zoom.transform, d3.zoomIdentity); render(); },
      highlight() { dots.selectAll("circle").classed("selected", (d) => d.id === state.event); },
    };
  }

  // ---------------------------------------------------------------- list
  async function loadList() {
    const data = await api("/api/events", query({ limit: PAGE, offset: state.offset }));
    const body = $("#events tbody");
    clear(body);
    for (const e of data.events) {
      const place = e.location ? e.location.name : "\u2013";
      const actors = e.actors.slice(0, 2).map((a) => a.name).join("; ") + (e.actors.length > 2 ? " \u2026" : "");
      const typeCell = el("td", {}, swatch(e.type), e.type);
      if (e.corrected && e.corrected.length) typeCell.appendChild(el("span", { class: "badge corrected", title: "corrected: " + e.corrected.join(", ") }, "corrected"));
      if (e.status) typeCell.appendChild(el("span", { class: "badge " + e.status }, e.status));
      const row = el("tr", {
        "data-id": e.id, "data-date": e.date || "", "data-date-end": e.date_end || "", "data-type": e.type,
        tabindex: "0",
        class: e.id === state.event ? "selected" : null,
      },
      el("td", {}, e.date || "\u2013"), typeCell, el("td", {}, e.mode), el("td", {}, place),
      el("td", {}, actors), el("td", {}, String(e.n_outlets)));
      row.addEventListener("click", () => selectEvent(e.id));
      row.addEventListener("keydown", (ev) => { if (ev.key === "Enter") selectEvent(e.id); });
      body.appendChild(row);
    }
    const end = state.offset + data.events.length;
    $("#list-note").textContent = data.total ? (state.offset + 1) + "\u2013" + end + " of " + data.total : "none match";
    $("#prev").disabled = state.offset <= 0;
    $("#next").disabled = end >= data.total;
    $("#download-csv").setAttribute("href", "/api/events" + query({ format: "csv", limit: state.stats ? state.stats.max_page_size : 1000 }));
    $("#download-geojson").setAttribute("href", "/api/events" + query({ format: "geojson", limit: state.stats ? state.stats.max_page_size : 1000 }));
  }

  // ---------------------------------------------------------------- event view
  function quoteWithWords(text, start, words) {
    // The sentence as text nodes, the field's words inside it in <mark>.
    const node = el("span", { class: "text" });
    const inside = (words || []).filter((w) => w.start >= start && w.end <= start + text.length)
      .sort((a, b) => a.start - b.start);
    let at = 0;
    for (const w of inside) {
      const a = w.start - start;
      if (a < at) continue;
      node.appendChild(document.createTextNode(text.slice(at, a)));
      node.appendChild(el("mark", { class: "word", "data-role": w.role }, text.slice(a, w.end - start)));
      at = w.end - start;
    }
    node.appendChild(document.createTextNode(text.slice(at)));
    return node;
  }

  async function selectEvent(id) {
    state.event = id;
    state.article = null;
    writeHash();
    for (const tr of document.querySelectorAll("#events tbody tr")) tr.classList.toggle("selected", tr.getAttribute("data-id") === id);
    if (mapView) mapView.highlight();
    try {
      await loadEvent(id);
      showError(null);
    } catch (err) {
      showError(err.message);
    }
  }

  async function loadEvent(id) {
    const data = await api("/api/events/" + encodeURIComponent(id));
    lastEvent = data;
    const e = data.event;
    const box = $("#detail");
    box.hidden = false;
    $("#detail-title").textContent = e.type + " \u2014 " + (e.date || "undated");
    const meta = $("#detail-meta");
    clear(meta);
    meta.appendChild(document.createTextNode(e.mode + " \u00b7 reported by " + e.n_outlets + " outlet" +
      (e.n_outlets === 1 ? "" : "s") + " \u00b7 " + e.id));
    if (e.status) meta.appendChild(el("span", { class: "badge " + e.status }, e.status));
    for (const f of e.corrected || []) meta.appendChild(el("span", { class: "badge corrected" }, f + " corrected"));
    for (const r of e.related || []) {
      meta.appendChild(document.createTextNode(" \u00b7 " + r.relation + " "));
      meta.appendChild(el("a", { href: "#event=" + encodeURIComponent(r.id), onclick: (ev) => { ev.preventDefault(); selectEvent(r.id); } }, r.id));
    }

    const body = $("#fields tbody");
    clear(body);
    for (const f of data.fields) {
      const value = el("td", { class: "value" }, f.value);
      if (f.correction) {
        value.appendChild(el("span", { class: "correction" }, "corrected by " + f.correction.author + " on " +
          f.correction.created.slice(0, 10) + ": " + f.correction.reason + " (was " + f.original + ")"));
      }
      const evidence = el("td", {});
      if (f.sentence) {
        const q = el("div", { class: "quote", title: "show in the article" },
          el("span", { class: "from" }, (f.sentence.outlet || "?") + ", " + (f.sentence.published || "?")),
          quoteWithWords(f.sentence.text, f.sentence.start, f.words));
        const outside = f.words.filter((w) => w.start < f.sentence.start || w.end > f.sentence.end);
        for (const w of outside) {
          q.appendChild(el("span", { class: "from" }, "words elsewhere in the article: ", el("mark", { class: "word", "data-role": w.role }, w.text)));
        }
        q.addEventListener("click", () => showArticle(f.sentence.article_id, f.sentence, f.words));
        evidence.appendChild(q);
      } else {
        evidence.appendChild(el("span", { class: "hint" }, f.note || "\u2013"));
      }
      const rule = el("td", { class: "hint rule" }, [f.rule, f.sentence ? f.note : ""].filter(Boolean).join("; "));
      body.appendChild(el("tr", { "data-field": f.field }, el("th", {}, f.field), value, evidence, rule));
    }

    const list = $("#sources");
    clear(list);
    data.sources.forEach((s) => {
      const button = el("button", { type: "button" }, "Show in article");
      const sentence = { article_id: s.article_id, start: s.start, end: s.end, mention_id: s.mention_id };
      button.addEventListener("click", () => showArticle(s.article_id, sentence, s.words));
      list.appendChild(el("li", { "data-article": s.article_id },
        el("strong", {}, s.outlet || "unknown outlet"), " (" + (s.published || "undated") + ")" +
        (s.duplicate_of ? " \u2014 syndicated copy" : "") + ": ",
        quoteWithWords(s.quote, s.start, s.words), " ", button));
    });

    setupCorrectForm(e);
    const first = data.fields.find((f) => f.field === "date" && f.sentence) || data.fields.find((f) => f.sentence);
    if (first) await showArticle(first.sentence.article_id, first.sentence, first.words, true);
    else if (data.sources.length) await showArticle(data.sources[0].article_id, data.sources[0], [], true);
    else $("#article").hidden = true;
  }

  // ---------------------------------------------------------------- article view
  function renderRaw(container, raw, removed, marks) {
    // Split the raw text at every boundary; each piece is one text node inside a <mark>
    // (highlighted), a <span> (removed / other mention) or nothing.
    const cuts = new Set([0, raw.length]);
    const spans = [];
    for (const r of removed) spans.push({ start: r.start, end: r.end, kind: "removed", title: "removed by cleaning: " + r.reason + (r.detail ? " (" + r.detail + ")" : "") });
    for (const mk of marks) spans.push(mk);
    for (const s of spans) {
      s.start = Math.max(0, Math.min(raw.length, s.start));
      s.end = Math.max(s.start, Math.min(raw.length, s.end));
      cuts.add(s.start);
      cuts.add(s.end);
    }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      if (a === b) continue;
      const text = raw.slice(a, b);
      const active = spans.filter((s) => s.start <= a && s.end >= b && s.end > s.start);
      if (!active.length) { frag.appendChild(document.createTextNode(text)); continue; }
      const kinds = new Set(active.map((s) => s.kind));
      const highlighted = kinds.has("sentence") || kinds.has("word");
      const node = el(highlighted ? "mark" : "span", { class: Array.from(kinds).join(" ") }, text);
      const removedSpan = active.find((s) => s.kind === "removed");
      if (removedSpan) node.setAttribute("title", removedSpan.title);
      const mention = active.find((s) => s.kind === "mention");
      if (mention && mention.event) {
        node.setAttribute("data-event", mention.event);
        node.addEventListener("click", () => selectEvent(mention.event));
      }
      const sentence = active.find((s) => s.kind === "sentence");
      if (sentence) node.setAttribute("data-sentence", sentence.key);
      const word = active.find((s) => s.kind === "word");
      if (word) node.setAttribute("data-role", word.role);
      frag.appendChild(node);
    }
    clear(container);
    container.appendChild(frag);
  }

  async function showArticle(articleId, sentence, words, quiet) {
    const data = await api("/api/articles/" + encodeURIComponent(articleId));
    const box = $("#article");
    box.hidden = false;
    $("#article-title").textContent = data.title || "Article " + data.id;
    const meta = $("#article-meta");
    clear(meta);
    meta.appendChild(document.createTextNode([
      data.outlet || "unknown outlet", data.published || "undated", data.id, data.path,
      data.removed.length + " spans removed by cleaning",
    ].join(" \u00b7 ")));
    if (data.duplicate_of) meta.appendChild(el("span", { class: "badge" }, data.duplicate_kind + " duplicate of " + data.duplicate_of));
    const marks = [];
    for (const m of data.mentions) {
      if (m.event_id) marks.push({ start: m.raw.sentence.start, end: m.raw.sentence.end, kind: "mention", event: m.event_id });
    }
    if (sentence) {
      marks.push({ start: sentence.start, end: sentence.end, kind: "sentence", key: String(sentence.start) });
      for (const w of words || []) marks.push({ start: w.start, end: w.end, kind: "word", role: w.role });
    }
    const text = $("#article-text");
    renderRaw(text, data.raw, data.removed, marks);
    const target = text.querySelector("mark.sentence");
    if (target) {
      text.scrollTop = Math.max(0, target.offsetTop - text.offsetTop - text.clientHeight / 3);
      if (!quiet) box.scrollIntoView({ block: "start" });
    }
  }

  async function openArticle(id) {
    state.article = id;
    $("#detail").hidden = true;
    await showArticle(id, null, []);
  }

  // ---------------------------------------------------------------- corrections
  const FIELD_HELP = {
    type: "an event type id, e.g. border_crossing",
    mode: "happened, planned, claimed, denied, threatened, hypothetical, negated, historical",
    date: "YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD",
    location: "Name; lat, lon; ISO3 (e.g. Panmunjom; 37.956, 126.677; KOR)",
    participants: "a number or min-max", injured: "a number or min-max", killed: "a number or min-max",
    status: "confirmed or rejected",
  };

  function parseValue(field, text) {
    text = text.trim();
    if (!text) return null;
    if (field === "date") {
      const [start, end] = text.split("..").map((s) => s.trim());
      return { start, end: end || start, precision: "day" };
    }
    if (field === "location") {
      const parts = text.split(";").map((s) => s.trim());
      const value = { name: parts[0], latitude: null, longitude: null, country: parts[2] || null };
      if (parts[1]) {
        const [lat, lon] = parts[1].split(",").map(Number);
        value.latitude = lat; value.longitude = lon;
      }
      return value;
    }
    if (["participants", "injured", "killed"].includes(field)) {
      const [lo, hi] = text.split("-").map((s) => parseInt(s, 10));
      return { min: lo, max: Number.isNaN(hi) || hi === undefined ? lo : hi };
    }
    return text;
  }

  function setupCorrectForm(e) {
    const form = $("#correct");
    form.hidden = !(state.stats && state.stats.write_enabled);
    if (form.hidden) return;
    const select = form.elements.field;
    if (!select.options.length) {
      for (const f of Object.keys(FIELD_HELP)) select.appendChild(el("option", { value: f }, f));
      select.addEventListener("change", () => { $("#correct-help").textContent = FIELD_HELP[select.value]; });
    }
    $("#correct-help").textContent = FIELD_HELP[select.value];
    form.dataset.event = e.id;
  }

  async function submitCorrection(ev) {
    ev.preventDefault();
    const form = $("#correct");
    const field = form.elements.field.value;
    const body = {
      field, value: parseValue(field, form.elements.value.value),
      reason: form.elements.reason.value, author: form.elements.author.value || "analyst",
    };
    const res = await fetch("/api/events/" + encodeURIComponent(form.dataset.event) + "/corrections", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + form.elements.token.value },
      body: JSON.stringify(body),
    });
    const data = await res.json().catch(() => null);
    if (!res.ok) { showError(data && data.error ? data.error.message : "correction failed"); return; }
    showError(null);
    form.elements.value.value = "";
    form.elements.reason.value = "";
    await Promise.all([loadEvent(form.dataset.event), loadList(), loadStats()]);
  }

  // ---------------------------------------------------------------- wiring
  async function refreshSelection() {
    writeHash();
    try {
      await Promise.all([loadList(), loadMap()]);
      showError(null);
    } catch (err) {
      showError(err.message);
    }
  }

  async function loadAll() {
    try {
      await loadStats();
      await Promise.all([loadTimeline(), loadList(), loadMap()]);
      if (state.event) await loadEvent(state.event);
      else if (state.article) await openArticle(state.article);
      showError(null);
    } catch (err) {
      showError(err.message);
    }
    document.body.setAttribute("data-ready", "1");
  }

  function applyForm(ev) {
    if (ev) ev.preventDefault();
    const form = $("#filters");
    state.filters = {};
    for (const k of FILTERS) {
      const v = form.elements[k].value.trim();
      if (v) state.filters[k] = v;
    }
    state.offset = 0;
    writeHash();
    document.body.removeAttribute("data-ready");
    loadAll();
  }

  function start() {
    readHash();
    fillForm();
    $("#filters").addEventListener("submit", applyForm);
    $("#reset").addEventListener("click", () => { $("#filters").reset(); applyForm(); });
    $("#refresh").addEventListener("click", () => { document.body.removeAttribute("data-ready"); loadAll(); });
    $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); writeHash(); loadList().catch((e) => showError(e.message)); });
    $("#next").addEventListener("click", () => { state.offset += PAGE; writeHash(); loadList().catch((e) => showError(e.message)); });
    $("#map-fit").addEventListener("click", () => mapView && mapView.fit());
    $("#map-world").addEventListener("click", () => mapView && mapView.world());
    $("#correct").addEventListener("submit", (ev) => submitCorrection(ev).catch((e) => showError(e.message)));
    // a link or address typed by hand (the page's own updates use replaceState: no event)
    window.addEventListener("hashchange", () => {
      readHash();
      fillForm();
      document.body.removeAttribute("data-ready");
      loadAll();
    });
    loadAll();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
