// Small DOM and API helpers shared by the page's modules.
// Safety rule: every string from an article or any API field goes into the page as a text node
// (textContent / createTextNode), never parsed as HTML, and inside a <bdi> where it sits beside
// other text, so a right-to-left override in an outlet cannot reorder the dates next to it.

export const $ = (sel) => document.querySelector(sel);

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = String(v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

/** An untrusted value, isolated from the text around it. */
export const bdi = (value, attrs) => el("bdi", attrs || {}, value === null || value === undefined ? "" : String(value));

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export const SVG = "http://www.w3.org/2000/svg";

export function svgEl(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

export function showError(message) {
  const box = $("#error");
  if (!message) { box.hidden = true; clear(box); return; }
  box.textContent = message;
  box.hidden = false;
}

export async function api(path, params) {
  const res = await fetch(path + (params || ""), { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const msg = body && body.error ? body.error.message : res.status + " " + res.statusText;
    const err = new Error(msg);
    err.code = body && body.error ? body.error.code : null;
    throw err;
  }
  return body;
}

/** Every page of a paged answer (`next_cursor`), its `key` lists joined into the first page's;
 * null as soon as `wanted()` says a newer request made it useless. When the data changes
 * between pages (409 data_changed) the walk starts again, so no item is skipped or repeated. */
export async function apiAllPages(path, params, key, wanted = () => true) {
  for (let attempt = 0; ; attempt++) {
    try {
      const first = await api(path, params);
      let page = first;
      while (page.next_cursor) {
        if (!wanted()) return null;
        const more = (params ? params + "&" : "?") + "cursor=" + encodeURIComponent(page.next_cursor);
        page = await api(path, more);
        for (const item of page[key]) first[key].push(item);
      }
      first.next_cursor = null;
      return first;
    } catch (err) {
      if (err.code !== "data_changed" || attempt >= 2) throw err;
    }
  }
}

const newest = new Map(); // panel -> the number of its newest request

/** `api` for a panel that redraws on each answer: null (and no error) when a newer request of
 * the same panel began meanwhile, so a slow answer to an older filter never overwrites the
 * answer to the newer one. */
export async function apiLatest(panel, path, params, fetcher = api) {
  const mine = (newest.get(panel) || 0) + 1;
  newest.set(panel, mine);
  try {
    const body = await fetcher(path, params, () => newest.get(panel) === mine);
    return newest.get(panel) === mine ? body : null;
  } catch (err) {
    if (newest.get(panel) === mine) throw err;
    return null;
  }
}

/** Only web addresses become links: no javascript:, data: or file: from an article. */
export function safeUrl(value) {
  try {
    const u = new URL(String(value));
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (e) {
    return null;
  }
}

export const fmt = (n) => (n === null || n === undefined ? "\u2013" : Number(n).toLocaleString("en-US"));

// ACLED's six event types and one for the rest. Colour-blind-safe hues (Tol / Okabe-Ito,
// darkened so each has at least 3:1 against white); the type is also written beside each swatch.
export const GROUPS = [
  ["Battles", "#882255"],
  ["Explosions/Remote violence", "#C44E00"],
  ["Violence against civilians", "#332288"],
  ["Protests", "#117733"],
  ["Riots", "#9A6A00"],
  ["Strategic developments", "#0072B2"],
  ["Other", "#5F6B73"],
];
const GROUP_COLOUR = new Map(GROUPS);
export const groupOf = (acled) => (acled && GROUP_COLOUR.has(acled) ? acled : "Other");
export const colourOf = (group) => GROUP_COLOUR.get(groupOf(group));

export function swatch(group) {
  const svg = svgEl("svg", { viewBox: "0 0 10 10", width: 10, height: 10, class: "swatch", "aria-hidden": "true" });
  svg.appendChild(svgEl("rect", { width: 10, height: 10, fill: colourOf(group) }));
  return svg;
}

/** "2011-03-14", "2011-W11, week", "2011-03, month", "2011, year" when the API gave none. */
export function dateLabel(e) {
  if (e.date_label) return e.date_label;
  if (!e.date) return "undated";
  const p = e.date_precision || "day";
  if (p === "month") return e.date.slice(0, 7) + ", month";
  if (p === "year") return e.date.slice(0, 4) + ", year";
  if (p === "week") return e.date + ", week";
  return e.date;
}
