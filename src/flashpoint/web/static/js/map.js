// The map: every place with matching events, aggregated by the server (/api/map), one circle
// per place with its area proportional to the events there. Places known only to a region or
// country (ACLED geo precision 3) are hollow dashed rings. Keyboard: the map is one Tab stop,
// arrow keys move between places (most events first), Enter or Space lists a place's events.
/* global d3, topojson */
import { $, el, bdi, clear, apiLatest, apiAllPages, fmt } from "./util.js";
import { state, query, actions } from "./state.js";

const DETAIL_ZOOM = 3; // from this zoom factor on, the 1:50m outlines replace the 1:110m ones
const worlds = {};
let view = null; // {svg, layer, dots, projection, k, zoomLevel, width, height, places}
let lastData = null;
let focusIdx = 0;

async function loadWorld(scale) {
  if (!worlds[scale]) {
    const topo = await d3.json("/static/vendor/countries-" + scale + ".json");
    worlds[scale] = topojson.feature(topo, topo.objects.countries);
  }
  return worlds[scale];
}

function detailOutlines() {
  if (worlds["50m"] || !view) return;
  loadWorld("50m").then((outlines) => {
    if (!view) return;
    view.layer.select("g.countries").selectAll("path").data(outlines.features).join("path")
      .attr("class", "country").attr("d", view.path);
  }).catch(() => {});
}

function zoomLevel(projection, k) {
  // as a web map counts it: the world is 256 * 2^z pixels wide
  const z = Math.log2((2 * Math.PI * projection.scale() * k) / 256);
  return Math.max(0, Math.min(14, Math.round(z)));
}

export async function loadMap(zoom) {
  const [outlines, data] = await Promise.all([
    loadWorld(worlds["50m"] ? "50m" : "110m"),
    apiLatest("map", "/api/map", query({ zoom: zoom === undefined ? (view ? view.zoomLevel : 3) : zoom }, false),
      (path, params, wanted) => apiAllPages(path, params, "places", wanted)),
  ]);
  if (!data) return; // a newer filter or zoom was asked for meanwhile
  lastData = data;
  const note = $("#map-note");
  note.textContent = fmt(data.total) + " events: " + fmt(data.located) + " at " + fmt(data.places.length) +
    " place" + (data.places.length === 1 ? "" : "s") + (data.unlocated ? ", " + fmt(data.unlocated) + " without a place" : "");
  note.dataset.total = data.total;
  note.dataset.located = data.located;
  note.dataset.unlocated = data.unlocated;
  if (view && zoom !== undefined) drawPlaces(data.places);
  else drawMap(outlines, data.places);
  if ($("#map-table-box").open) fillTable(data);
}

function fitTarget(places) {
  // Fit the densest cluster when it holds at least half the events (one far-off report
  // should not shrink the region where most events are); else fit them all.
  if (!places.length) return { type: "Sphere" };
  const dist = (a, b) => d3.geoDistance([a.lon, a.lat], [b.lon, b.lat]) * 6371;
  const total = d3.sum(places, (p) => p.events);
  const top = places.slice().sort((a, b) => b.events - a.events).slice(0, 200);
  let best = top[0], bestN = -1;
  for (const a of top) {
    const n = d3.sum(top, (b) => (dist(a, b) <= 800 ? b.events : 0));
    if (n > bestN) { best = a; bestN = n; }
  }
  let chosen = places.filter((p) => dist(best, p) <= 2000);
  if (d3.sum(chosen, (p) => p.events) < total / 2) chosen = places;
  let [s, n] = d3.extent(chosen, (p) => p.lat);
  let [w, e] = d3.extent(chosen, (p) => p.lon);
  const padLat = Math.max(1.5, (n - s) * 0.15), padLon = Math.max(2, (e - w) * 0.15);
  s = Math.max(-80, s - padLat); n = Math.min(84, n + padLat);
  w = Math.max(-180, w - padLon); e = Math.min(180, e + padLon);
  return { type: "MultiPoint", coordinates: [[w, s], [e, n], [w, n], [e, s]] };
}

function label(p) {
  const precision = p.geo_precision === 3 ? "region or country" : p.geo_precision === 2 ? "near a town" : "town";
  return p.name + (p.country ? ", " + p.country : "") + ": " + fmt(p.events) + " event" + (p.events === 1 ? "" : "s") +
    ", " + fmt(p.outlet_count) + " outlet" + (p.outlet_count === 1 ? "" : "s") + " (" + precision + ")";
}

function drawMap(outlines, places) {
  const box = $("#map");
  clear(box);
  const width = Math.max(280, box.clientWidth || 600);
  const height = width < 600 ? Math.round(width * 0.8) : 430;
  const projection = d3.geoMercator();
  const path = d3.geoPath(projection);
  projection.fitExtent([[12, 12], [width - 12, height - 12]], fitTarget(places));
  const svg = d3.select(box).append("svg").attr("viewBox", [0, 0, width, height]).attr("width", width).attr("height", height)
    .attr("aria-label", "map of places with events; the same figures are in the table below");
  const layer = svg.append("g").attr("class", "layer");
  layer.append("g").attr("class", "countries").selectAll("path").data(outlines.features).join("path")
    .attr("class", "country").attr("d", path);
  const dots = layer.append("g").attr("class", "places").attr("role", "group").attr("aria-label", "places");
  view = { svg, layer, dots, projection, k: 1, zoomLevel: zoomLevel(projection, 1), width, height, path };
  drawPlaces(places);
  const zoom = d3.zoom().scaleExtent([0.5, 400]).on("zoom", (event) => {
    view.k = event.transform.k;
    layer.attr("transform", event.transform);
    dots.selectAll("circle").attr("r", (d) => d.r / view.k);
  }).on("end", () => {
    if (view.k >= DETAIL_ZOOM) detailOutlines();
    const z = zoomLevel(projection, view.k);
    if (z !== view.zoomLevel) { view.zoomLevel = z; loadMap(z).catch(() => {}); }
  });
  svg.call(zoom);
  view.zoom = zoom;
  view.fit = (target) => {
    projection.fitExtent([[12, 12], [width - 12, height - 12]], target);
    layer.selectAll("path.country").attr("d", path);
    svg.call(zoom.transform, d3.zoomIdentity);
    view.zoomLevel = zoomLevel(projection, 1);
    loadMap(view.zoomLevel).catch(() => {});
  };
}

function drawPlaces(places) {
  const { dots, projection } = view;
  const maxN = d3.max(places, (p) => p.events) || 1;
  const r = d3.scaleSqrt().domain([0, maxN]).range([0, view.width < 600 ? 16 : 26]);
  const sorted = places.slice().sort((a, b) => b.events - a.events);
  for (const p of sorted) p.r = Math.max(2.5, r(p.events));
  focusIdx = Math.min(focusIdx, Math.max(0, sorted.length - 1));
  dots.selectAll("circle").data(sorted, (d) => d.key).join((enter) => {
    const c = enter.append("circle").attr("role", "button");
    c.on("click", (event, d) => { event.stopPropagation(); actions.setPlace(d.key, d.name); });
    c.on("mouseenter focus", (event, d) => showTip(event.currentTarget, d));
    c.on("mouseleave blur", hideTip);
    return c;
  })
    .attr("class", (d) => "place" + (d.geo_precision === 3 ? " coarse" : "") + (d.key === state.place ? " selected" : ""))
    .attr("cx", (d) => projection([d.lon, d.lat])[0])
    .attr("cy", (d) => projection([d.lon, d.lat])[1])
    .attr("r", (d) => d.r / view.k)
    .attr("tabindex", (d, i) => (i === focusIdx ? 0 : -1))
    .attr("aria-label", label)
    .attr("data-key", (d) => d.key).attr("data-events", (d) => d.events).attr("data-precision", (d) => d.geo_precision)
    .order();
  // large circles underneath small ones: draw in reverse of the focus order
  dots.selectAll("circle").sort((a, b) => b.events - a.events);
  view.places = sorted;
}

function showTip(node, p) {
  const tip = $("#map-tip");
  clear(tip);
  tip.appendChild(el("strong", {}, bdi(p.name)));
  if (p.country) tip.appendChild(el("span", {}, ", ", bdi(p.country)));
  tip.appendChild(el("div", {}, fmt(p.events) + " event" + (p.events === 1 ? "" : "s") +
    (p.geo_precision === 3 ? " \u00b7 located only to a region or country" : "")));
  const outlets = el("div", {}, fmt(p.outlet_count) + " outlet" + (p.outlet_count === 1 ? "" : "s") + ": ");
  (p.outlets || []).forEach((o, i) => { if (i) outlets.appendChild(document.createTextNode(", ")); outlets.appendChild(bdi(o)); });
  if (p.outlet_count > (p.outlets || []).length) outlets.appendChild(document.createTextNode(", \u2026"));
  tip.appendChild(outlets);
  tip.hidden = false;
  const panel = $("#map-panel").getBoundingClientRect();
  const b = node.getBoundingClientRect();
  const left = Math.min(b.right - panel.left + 6, panel.width - tip.offsetWidth - 6);
  tip.style.left = Math.max(6, left) + "px";
  tip.style.top = (b.bottom - panel.top + 4) + "px";
}

function hideTip() {
  $("#map-tip").hidden = true;
}

function moveFocus(delta) {
  if (!view || !view.places || !view.places.length) return;
  focusIdx = (focusIdx + delta + view.places.length) % view.places.length;
  const key = view.places[focusIdx].key;
  let target = null;
  view.dots.selectAll("circle").attr("tabindex", function (d) {
    if (d.key === key) target = this;
    return d.key === key ? 0 : -1;
  });
  if (target) target.focus();
}

export function highlightPlace() {
  if (view) view.dots.selectAll("circle").classed("selected", (d) => d.key === state.place);
}

function fillTable(data) {
  const table = $("#map-table");
  clear(table);
  table.appendChild(el("caption", {}, fmt(data.located) + " located events at " + fmt(data.places.length) + " places; " +
    fmt(data.unlocated) + " without a place"));
  table.appendChild(el("thead", {}, el("tr", {}, ...["Place", "Country", "Located to", "Events", "Outlets"].map((h) => el("th", { scope: "col" }, h)))));
  const body = el("tbody", {});
  for (const p of data.places.slice().sort((a, b) => b.events - a.events)) {
    const button = el("button", { type: "button", class: "linkish", "data-key": p.key, onclick: () => actions.setPlace(p.key, p.name) }, bdi(p.name));
    body.appendChild(el("tr", {}, el("th", { scope: "row" }, button), el("td", {}, bdi(p.country || "")),
      el("td", {}, p.geo_precision === 3 ? "region/country" : p.geo_precision === 2 ? "near a town" : "town"),
      el("td", {}, fmt(p.events)), el("td", {}, fmt(p.outlet_count))));
  }
  table.appendChild(body);
}

export function setupMap() {
  $("#map").addEventListener("keydown", (ev) => {
    if (!ev.target.matches || !ev.target.matches("circle.place")) return;
    const delta = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[ev.key];
    if (delta) { ev.preventDefault(); moveFocus(delta); return; }
    if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      const d = d3.select(ev.target).datum();
      actions.setPlace(d.key, d.name);
    }
  });
  $("#map-table-box").addEventListener("toggle", () => { if ($("#map-table-box").open && lastData) fillTable(lastData); });
  $("#map-fit").addEventListener("click", () => view && view.fit(fitTarget(lastData ? lastData.places : [])));
  $("#map-world").addEventListener("click", () => view && view.fit({ type: "Sphere" }));
}

export function resetMapView() {
  view = null;
  focusIdx = 0;
}
