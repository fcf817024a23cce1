// flashpoint analyst page: timeline, map, event list and event evidence over the local API.
// This module wires them together; state.js keeps what is shown in the address.
import { $, el, api, fmt, showError, GROUPS } from "./util.js";
import { state, actions, FORM_FILTERS, SORTS, readUrl, writeUrl } from "./state.js";
import { loadTimeline, setupTimeline } from "./timeline.js";
import { loadMap, setupMap, highlightPlace } from "./map.js";
import { loadList, setupList, markSelected } from "./list.js";
import { loadEvent, closeEvent, showArticle } from "./event.js";
import { submitCorrection } from "./correct.js";

function fillSelect(select, counts) {
  const keep = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const [name, n] of Object.entries(counts || {})) {
    select.appendChild(el("option", { value: name }, name + (n === null ? "" : " (" + fmt(n) + ")")));
  }
  select.value = keep;
}

async function loadStats() {
  const s = await api("/api/stats");
  state.stats = s;
  const form = $("#filters");
  fillSelect(form.elements.type, s.events_by_type);
  fillSelect(form.elements.mode, s.events_by_mode);
  fillSelect(form.elements.acled_type, Object.fromEntries(GROUPS.filter(([g]) => g !== "Other").map(([g]) => [g, null])));
  const span = s.events_from ? s.events_from + " to " + s.events_to : "no dates";
  $("#summary").textContent = fmt(s.events) + " events from " + fmt(s.articles) + " articles (" + span + ")" +
    (s.corrections ? ", " + fmt(s.corrections) + " corrections" : "") +
    (s.write_enabled ? " \u2014 write endpoints on" : "");
}

function fillForm() {
  const form = $("#filters");
  for (const k of FORM_FILTERS) form.elements[k].value = state.filters[k] || "";
  $("#sort").value = state.sort;
}

let generation = 0;

/** Fetch what the filters changed; `parts` names which panels (all by default). */
async function refresh(parts) {
  const want = parts || { stats: true, timeline: true, map: true, list: true };
  const mine = ++generation;
  document.body.removeAttribute("data-ready");
  writeUrl();
  try {
    fillForm();
    await Promise.all([
      want.stats ? loadStats() : null,
      want.timeline ? loadTimeline() : null,
      want.list ? loadList(false) : null,
      want.map ? loadMap() : null,
    ]);
    fillForm(); // again: the type and mode choices came with the stats
    if (want.restore) {
      if (state.event) await loadEvent(state.event, false);
      else if (state.article) await showArticle(state.article, null, [], true);
    }
    showError(null);
  } catch (err) {
    showError(err.message);
  }
  if (mine === generation) document.body.setAttribute("data-ready", "1");
}

const ALL = { timeline: true, map: true, list: true };

function applyForm(ev) {
  if (ev) ev.preventDefault();
  const form = $("#filters");
  state.filters = {};
  for (const k of FORM_FILTERS) {
    const v = String(form.elements[k].value).trim();
    if (v) state.filters[k] = v;
  }
  closeEvent(); // a new selection: the event open before may not be in it
  state.article = null;
  refresh(ALL);
}

function resetAll() {
  // (form.reset would be a button named "reset" if one had that id: call the prototype's)
  HTMLFormElement.prototype.reset.call($("#filters"));
  state.filters = {};
  state.place = null;
  state.placeName = null;
  state.sort = "date";
  state.article = null;
  closeEvent();
  refresh(ALL);
}

actions.selectEvent = async (id) => {
  state.event = id;
  state.article = null;
  writeUrl();
  markSelected();
  try {
    await loadEvent(id, true);
    showError(null);
  } catch (err) {
    showError(err.message);
  }
};

actions.setRange = (since, until) => {
  if (since) state.filters.since = since; else delete state.filters.since;
  if (until) state.filters.until = until; else delete state.filters.until;
  closeEvent();
  refresh(ALL);
};

actions.setPlace = (key, name) => {
  state.place = key;
  state.placeName = key ? name : null;
  closeEvent();
  highlightPlace();
  refresh({ timeline: true, list: true }).then(() => { if (key) $("#list-title").focus(); });
};

actions.error = (err) => showError(err.message);
actions.reload = async (id) => {
  await refresh({ stats: true, list: true });
  await loadEvent(id, false);
};

function start() {
  readUrl();
  fillForm();
  $("#filters").addEventListener("submit", applyForm);
  $("#reset-filters").addEventListener("click", resetAll);
  $("#refresh").addEventListener("click", () => refresh({ ...ALL, stats: true, restore: true }));
  $("#sort").addEventListener("change", () => {
    state.sort = SORTS.includes($("#sort").value) ? $("#sort").value : "date";
    refresh({ list: true });
  });
  $("#detail-close").addEventListener("click", () => {
    closeEvent();
    writeUrl();
    markSelected();
    $("#list-title").focus();
  });
  $("#correct").addEventListener("submit", (ev) => submitCorrection(ev).catch((e) => showError(e.message)));
  setupTimeline();
  setupMap();
  setupList();
  refresh({ ...ALL, stats: true, restore: true });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
