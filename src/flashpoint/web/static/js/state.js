// What the page shows, kept in the address (query string) so a reload or a shared link
// restores it: the filters, the sort, the place picked on the map, the event or article open.

export const FORM_FILTERS = [
  "since", "until", "type", "acled_type", "mode", "country", "actor", "text", "near",
  "min_sources", "min_confidence",
];
export const SORTS = ["date", "-date", "sources", "-sources", "killed", "-killed", "confidence", "-confidence"];

export const state = {
  filters: {}, // form filters
  place: null, // key from /api/map
  placeName: null,
  sort: "date",
  event: null,
  article: null,
  stats: null,
};

// Filled by main.js, so the modules can ask for things without importing each other.
export const actions = {
  selectEvent: async () => {},
  setPlace: () => {},
  setRange: () => {},
  openArticle: async () => {},
};

export function readUrl() {
  // the query string; an old link's fragment (#since=...&event=...) still works
  const search = location.search.length > 1 ? location.search.slice(1) : location.hash.replace(/^#/, "");
  const p = new URLSearchParams(search);
  state.filters = {};
  for (const k of FORM_FILTERS) if (p.get(k)) state.filters[k] = p.get(k);
  state.place = p.get("place") || null;
  state.placeName = p.get("place_name") || null;
  state.sort = SORTS.includes(p.get("sort")) ? p.get("sort") : "date";
  state.event = p.get("event") || null;
  state.article = p.get("article") || null;
}

export function writeUrl() {
  const p = new URLSearchParams();
  for (const k of FORM_FILTERS) if (state.filters[k]) p.set(k, state.filters[k]);
  if (state.place) {
    p.set("place", state.place);
    if (state.placeName) p.set("place_name", state.placeName);
  }
  if (state.sort !== "date") p.set("sort", state.sort);
  if (state.event) p.set("event", state.event);
  if (state.article) p.set("article", state.article);
  const s = p.toString();
  const next = location.pathname + (s ? "?" + s : "");
  if (location.pathname + location.search + location.hash !== next) history.replaceState(null, "", next);
}

/** The filters as API parameters; `withPlace` false for the map, which shows every place. */
export function filterParams(withPlace = true) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(state.filters)) {
    if (v !== undefined && v !== null && String(v) !== "") params.set(k, String(v));
  }
  if (withPlace && state.place) params.set("place", state.place);
  return params;
}

export function query(extra, withPlace = true) {
  const params = filterParams(withPlace);
  for (const [k, v] of Object.entries(extra || {})) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? "?" + s : "";
}
