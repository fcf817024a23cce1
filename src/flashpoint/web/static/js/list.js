// The event list: sorted as chosen, 100 at a time ("More events" follows the API's cursor),
// each row opening the event's evidence; and the downloads of everything that matches.
import { $, el, bdi, clear, apiLatest, fmt, swatch, groupOf, dateLabel } from "./util.js";
import { state, query, actions } from "./state.js";

const PAGE = 100;
let cursor = null;
let shown = 0;
export const seen = new Map(); // id -> the listed event (its urls, for the event view)

function row(e) {
  const group = groupOf(e.acled_event_type);
  const typeCell = el("td", { "data-label": "Type" }, swatch(group), el("span", { class: "group" }, group), " ", el("span", { class: "type" }, e.type));
  if (e.corrected && e.corrected.length) typeCell.appendChild(el("span", { class: "badge corrected", title: "corrected: " + e.corrected.join(", ") }, "corrected"));
  if (e.status) typeCell.appendChild(el("span", { class: "badge " + e.status }, e.status));
  const actors = el("td", { "data-label": "Actors" });
  e.actors.slice(0, 2).forEach((a, i) => { if (i) actors.appendChild(document.createTextNode("; ")); actors.appendChild(bdi(a.name)); });
  if (e.actors.length > 2) actors.appendChild(document.createTextNode(" \u2026"));
  const killed = e.killed ? (e.killed.min === e.killed.max || e.killed.max === null ? e.killed.min : e.killed.min + "\u2013" + e.killed.max) : "";
  const tr = el("tr", {
    "data-id": e.id, "data-date": e.date || "", "data-date-end": e.date_end || "", "data-type": e.type,
    "data-sources": e.n_outlets, "data-killed": e.killed ? e.killed.min : "", "data-confidence": e.confidence,
    tabindex: "0", "aria-label": "open event: " + dateLabel(e) + ", " + e.type + (e.location ? ", " + e.location.name : ""),
    class: e.id === state.event ? "selected" : null,
  },
  el("td", { "data-label": "Date", class: "date" }, dateLabel(e)), typeCell, el("td", { "data-label": "Mode" }, e.mode),
  el("td", { "data-label": "Place" }, e.location ? bdi(e.location.name) : "\u2013"), actors,
  el("td", { "data-label": "Outlets", class: "num" }, String(e.n_outlets)),
  el("td", { "data-label": "Killed", class: "num" }, killed === "" ? null : String(killed)),
  el("td", { "data-label": "Confidence", class: "num" }, e.confidence === null || e.confidence === undefined ? null : Number(e.confidence).toFixed(2)));
  tr.addEventListener("click", () => actions.selectEvent(e.id));
  tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); actions.selectEvent(e.id); } });
  return tr;
}

export async function loadList(more) {
  const params = more && cursor ? { limit: PAGE, sort: state.sort, cursor } : { limit: PAGE, sort: state.sort };
  const data = await apiLatest("list", "/api/events", query(params));
  if (!data) return; // a newer filter's list was asked for meanwhile
  const body = $("#events tbody");
  if (!more) { clear(body); seen.clear(); shown = 0; }
  for (const e of data.events) {
    seen.set(e.id, e);
    body.appendChild(row(e));
  }
  shown += data.events.length;
  cursor = data.next_cursor || null;
  const note = $("#list-note");
  note.textContent = data.total ? "showing " + fmt(shown) + " of " + fmt(data.total) : "none match";
  note.dataset.total = data.total;
  const button = $("#more");
  button.hidden = !cursor || shown >= data.total;
  button.textContent = "More events (" + fmt(Math.min(PAGE, data.total - shown)) + " of the " + fmt(data.total - shown) + " left)";
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    const key = th.getAttribute("data-sort");
    if (state.sort.replace("-", "") === key) th.setAttribute("aria-sort", state.sort.startsWith("-") ? "descending" : "ascending");
    else th.removeAttribute("aria-sort");
  }
  setDownloads(data.total);
  const chip = $("#place-chip");
  clear(chip);
  chip.hidden = !state.place;
  if (state.place) {
    chip.appendChild(document.createTextNode("Place: "));
    chip.appendChild(bdi(state.placeName || state.place));
    chip.appendChild(el("button", { type: "button", class: "linkish", id: "place-clear", "aria-label": "show every place", onclick: () => actions.setPlace(null, null) }, "\u00d7 every place"));
  }
  return data;
}

function setDownloads(total) {
  $("#download-count").textContent = "Download all " + fmt(total) + " event" + (total === 1 ? "" : "s") + ":";
  $("#download-count").dataset.total = total;
  for (const f of ["csv", "geojson", "json", "parquet"]) {
    $("#download-" + f).setAttribute("href", "/api/export" + query({ format: f, sort: state.sort }));
  }
}

export function markSelected() {
  for (const tr of document.querySelectorAll("#events tbody tr")) tr.classList.toggle("selected", tr.getAttribute("data-id") === state.event);
}

export function setupList() {
  $("#more").addEventListener("click", () => {
    const first = shown;
    loadList(true).then(() => {
      const next = document.querySelectorAll("#events tbody tr")[first];
      if (next) next.focus();
    }).catch((e) => actions.error(e));
  });
}
