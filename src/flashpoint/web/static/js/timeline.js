// The timeline: events per day, week or month (the server picks the bucket for the filtered
// range), stacked by ACLED event type; events dated only to a week, month or year are hatched.
/* global d3 */
import { $, el, clear, svgEl, apiLatest, fmt, GROUPS, colourOf, swatch } from "./util.js";
import { state, query, actions } from "./state.js";

const STEP = { day: d3.utcDay, week: d3.utcMonday, month: d3.utcMonth, year: d3.utcYear };
const day = (s) => new Date(s.slice(0, 10) + "T00:00:00Z");
const iso = (d) => d.toISOString().slice(0, 10);
let last = null; // the data drawn, for the table

// With both ends of the range typed, the bucket follows that range (an event dated to a year
// that overlaps it should not stretch the chart); else the server picks it from the events.
function bucketFor(since, until) {
  if (!since || !until || !/^\d{4}-\d{2}-\d{2}$/.test(since) || !/^\d{4}-\d{2}-\d{2}$/.test(until)) return "auto";
  const days = (day(until) - day(since)) / 864e5;
  return days <= 90 ? "day" : days <= 731 ? "week" : "month";
}

export async function loadTimeline() {
  const data = await apiLatest("timeline", "/api/timeline", query({ bucket: bucketFor(state.filters.since, state.filters.until) }));
  if (!data) return; // a newer filter's timeline was asked for meanwhile
  last = data;
  drawTimeline(data);
  const box = $("#timeline-table-box");
  if (box.open) fillTable(data);
}

function stacksOf(series) {
  const stacks = new Map();
  for (const r of series) {
    const list = stacks.get(r.day) || [];
    list.push(r);
    stacks.set(r.day, list);
  }
  const order = new Map(GROUPS.map(([g], i) => [g, i]));
  for (const list of stacks.values()) list.sort((a, b) => (order.get(a.group) ?? 9) - (order.get(b.group) ?? 9));
  return stacks;
}

function coarseOf(r) {
  const p = r.precision || {};
  return (p.week || 0) + (p.month || 0) + (p.year || 0);
}

function describe(r, bucket) {
  const p = r.precision || {};
  const coarse = ["week", "month", "year"].filter((k) => p[k]).map((k) => p[k] + " dated to a " + k);
  const subs = Object.entries(r.sub_types || {}).sort((a, b) => b[1] - a[1]).map(([s, n]) => s + " " + n);
  return r.day + (bucket === "day" ? "" : " (" + bucket + ")") + ": " + r.n + " \u00d7 " + r.group +
    (coarse.length ? " (" + coarse.join(", ") + ")" : "") + (subs.length ? "\n" + subs.join("\n") : "");
}

function patterns(svg) {
  const defs = svgEl("defs", {});
  GROUPS.forEach(([group, colour], i) => {
    const p = svgEl("pattern", { id: "hatch-" + i, width: 5, height: 5, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
    p.appendChild(svgEl("rect", { width: 5, height: 5, fill: "#ffffff" }));
    p.appendChild(svgEl("rect", { width: 2.5, height: 5, fill: colour }));
    defs.appendChild(p);
  });
  const period = svgEl("pattern", { id: "hatch-period", width: 4, height: 4, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  period.appendChild(svgEl("rect", { width: 4, height: 4, fill: "#ffffff" }));
  period.appendChild(svgEl("rect", { width: 2, height: 4, fill: "#5b6670" }));
  defs.appendChild(period);
  svg.node().appendChild(defs);
}

// Events dated only to a period coarser than the bucket (a month on a chart of days): each
// period is drawn as a hatched span as wide as the period, in a strip under the bars, one
// lane per precision, so a month-dated event reads as a month, not as its first day.
const COARSER = ["week", "month", "year"];
const RANK = { day: 0, week: 1, month: 2, year: 3 };

function periodsOf(series, bucket) {
  const spans = new Map();
  for (const r of series) {
    for (const kind of COARSER) {
      const n = (r.precision || {})[kind];
      if (!n || RANK[kind] <= RANK[bucket]) continue;
      // the span starts where the bar counts it: the event's first day on a chart of days,
      // the first day of its bucket on a chart of weeks or months
      const start = day(r.day);
      const key = kind + " " + iso(start);
      const span = spans.get(key) || { kind, start, end: STEP[kind].offset(start, 1), n: 0 };
      span.n += n;
      spans.set(key, span);
    }
  }
  return Array.from(spans.values());
}

const LANE = 6; // px per precision lane in the strip

function drawPeriods(svg, spans, x, top) {
  const kinds = COARSER.filter((k) => spans.some((s) => s.kind === k));
  const [left, right] = x.range();
  const strip = svg.append("g").attr("class", "periods");
  for (const s of spans) {
    const x0 = Math.max(left, x(s.start));
    const x1 = Math.min(right, x(s.end));
    if (x1 <= x0) continue;
    const label = s.n + " event" + (s.n === 1 ? "" : "s") + " dated only to the " + s.kind + " of " + iso(s.start);
    strip.append("rect").attr("class", "period").attr("data-kind", s.kind)
      .attr("data-start", iso(s.start)).attr("data-end", iso(s.end)).attr("data-n", s.n)
      .attr("x", x0).attr("width", x1 - x0).attr("y", top + 1 + kinds.indexOf(s.kind) * LANE)
      .attr("height", LANE - 1.5).attr("fill", "url(#hatch-period)").attr("stroke", "#5b6670")
      .attr("stroke-width", 0.5).append("title").text(label);
  }
  return kinds.length;
}

const hatchOf = (group) => "url(#hatch-" + Math.max(0, GROUPS.findIndex(([g]) => g === group)) + ")";

export function drawTimeline(data) {
  const box = $("#timeline");
  clear(box);
  const legend = $("#legend");
  clear(legend);
  const bucket = data.bucket;
  const coarse = data.series.reduce((s, r) => s + coarseOf(r), 0);
  $("#timeline-note").textContent = fmt(data.total) + " events, by " + bucket +
    (data.undated ? ", " + fmt(data.undated) + " undated" : "") +
    (coarse ? ", " + fmt(coarse) + " dated only to a week, month or year (hatched; the strip under the bars spans their periods)" : "");
  $("#clear-dates").hidden = !(state.filters.since || state.filters.until);
  for (const [group] of GROUPS) {
    const n = (data.groups || {})[group];
    if (n) legend.appendChild(el("span", { class: "key", "data-group": group }, swatch(group), group + " " + fmt(n)));
  }
  if (!data.series.length) { box.appendChild(el("p", { class: "hint" }, "No dated events.")); return; }
  const step = STEP[bucket] || d3.utcDay;
  const width = Math.max(280, box.clientWidth || 900);
  const narrow = width < 600;
  const spans = periodsOf(data.series, bucket);
  const lanes = COARSER.filter((k) => spans.some((s) => s.kind === k)).length;
  const strip = lanes * LANE;
  const height = (narrow ? 150 : 170) + strip;
  const m = { top: 8, right: narrow ? 12 : 30, bottom: 24 + strip, left: narrow ? 34 : 42 };
  // an event that began before the typed range (dated to a month or year) is drawn in its
  // first bucket, where it is hatched as coarse
  const since = state.filters.since && /^\d{4}-\d{2}-\d{2}$/.test(state.filters.since) ? iso(step.floor(day(state.filters.since))) : null;
  const stacks = stacksOf(since ? data.series.map((r) => (r.day < since ? { ...r, day: since } : r)) : data.series);
  const days = Array.from(stacks.keys()).sort();
  const first = step.floor(day(since || data.start || days[0]));
  const until = state.filters.until && /^\d{4}-\d{2}-\d{2}$/.test(state.filters.until) ? state.filters.until : null;
  const end = step.offset(step.floor(day(until || data.end || days[days.length - 1])), 1);
  const x = d3.scaleUtc().domain([first, end]).range([m.left, width - m.right]);
  const maxN = d3.max(Array.from(stacks.values()), (l) => d3.sum(l, (r) => r.n)) || 1;
  const y = d3.scaleLinear().domain([0, maxN]).nice().range([height - m.bottom, m.top]);
  const svg = d3.select(box).append("svg").attr("viewBox", [0, 0, width, height]).attr("width", width)
    .attr("height", height).attr("data-bucket", bucket).attr("role", "img")
    .attr("aria-label", "events per " + bucket + " by type; the same figures are in the table below");
  patterns(svg);
  const bars = svg.append("g").attr("class", "bars");
  for (const d of days) {
    const x0 = x(day(d));
    const w = Math.max(1, x(step.offset(day(d), 1)) - x0 - (bucket === "day" ? 0 : 0.5));
    let y0 = 0;
    for (const r of stacks.get(d)) {
      const rough = Math.min(r.n, coarseOf(r));
      const exact = r.n - rough;
      const g = bars.append("g").attr("class", "stack").attr("data-day", d).attr("data-group", r.group)
        .attr("data-n", r.n).attr("data-coarse", rough);
      g.append("title").text(describe(r, bucket));
      for (const [n, fill, cls] of [[exact, colourOf(r.group), "bar"], [rough, hatchOf(r.group), "bar coarse"]]) {
        if (!n) continue;
        g.append("rect").attr("class", cls).attr("x", x0).attr("width", w)
          .attr("y", y(y0 + n)).attr("height", Math.max(0.5, y(y0) - y(y0 + n)))
          .attr("fill", fill).attr("stroke", cls === "bar coarse" ? colourOf(r.group) : null)
          .attr("stroke-width", cls === "bar coarse" ? 0.5 : null);
        y0 += n;
      }
    }
  }
  drawPeriods(svg, spans, x, height - m.bottom);
  svg.append("g").attr("class", "axis x").attr("transform", "translate(0," + (height - m.bottom + strip) + ")")
    .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / (narrow ? 80 : 95)))));
  svg.append("g").attr("class", "axis y").attr("transform", "translate(" + m.left + ",0)")
    .call(d3.axisLeft(y).ticks(4).tickFormat(d3.format("~s")));

  const brush = d3.brushX().extent([[m.left, m.top], [width - m.right, height - m.bottom]])
    .on("end", (event) => {
      if (!event.sourceEvent || !event.selection) return;
      const [a, b] = event.selection.map((v) => x.invert(v));
      if (b - a < 864e5 / 2) return; // a click, not a drag
      actions.setRange(iso(d3.utcDay.floor(a)), iso(d3.utcDay.floor(new Date(b.getTime() - 1))));
    });
  svg.append("g").attr("class", "brush").call(brush);
}

function fillTable(data) {
  const table = $("#timeline-table");
  clear(table);
  const groups = GROUPS.map(([g]) => g).filter((g) => (data.groups || {})[g]);
  table.appendChild(el("caption", {}, "Events per " + data.bucket + " by ACLED type (dated to a week, month or year: counted where that period starts)"));
  table.appendChild(el("thead", {}, el("tr", {}, el("th", { scope: "col" }, data.bucket),
    el("th", { scope: "col" }, "all"), ...groups.map((g) => el("th", { scope: "col" }, g)),
    el("th", { scope: "col" }, "of which week/month/year"), el("th", { scope: "col" }, "sub-types"))));
  const body = el("tbody", {});
  for (const [d, list] of stacksOf(data.series)) {
    const by = new Map(list.map((r) => [r.group, r.n]));
    const subs = new Map();
    for (const r of list) for (const [sub, n] of Object.entries(r.sub_types || {})) subs.set(sub, (subs.get(sub) || 0) + n);
    const named = Array.from(subs).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([sub, n]) => sub + " " + fmt(n));
    body.appendChild(el("tr", {}, el("th", { scope: "row" }, d), el("td", {}, fmt(d3.sum(list, (r) => r.n))),
      ...groups.map((g) => el("td", {}, by.has(g) ? fmt(by.get(g)) : "")),
      el("td", {}, fmt(d3.sum(list, coarseOf))), el("td", { class: "subs" }, named.join("; "))));
  }
  table.appendChild(body);
}

export function setupTimeline() {
  $("#timeline-table-box").addEventListener("toggle", () => { if ($("#timeline-table-box").open && last) fillTable(last); });
  $("#clear-dates").addEventListener("click", () => actions.setRange(null, null));
  let width = 0;
  window.addEventListener("resize", () => {
    const w = $("#timeline").clientWidth;
    if (last && Math.abs(w - width) > 20) { width = w; drawTimeline(last); }
  });
}

