// One event with its evidence: each field beside the sentence behind it (a button that shows
// the sentence inside its raw article), the sources with links to their articles online.
import { $, el, bdi, clear, api, safeUrl, dateLabel } from "./util.js";
import { state, actions } from "./state.js";
import { seen } from "./list.js";
import { setupCorrectForm } from "./correct.js";

export let lastEvent = null;

function quoteWithWords(text, start, words) {
  // The sentence as text nodes, the field's words inside it in <mark>; isolated as a whole.
  const node = el("bdi", { class: "text", dir: "auto" });
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

function urlsOf(e) {
  const raw = (e && e.urls) || [];
  return raw.map((u) => (typeof u === "string" ? u : u && u.url)).map(safeUrl).filter(Boolean);
}

function linkTo(url) {
  let host = url;
  try { host = new URL(url).hostname; } catch (e) { /* kept whole */ }
  return el("a", { href: url, rel: "noopener noreferrer", target: "_blank", title: url, class: "source-link" }, bdi(host));
}

export function closeEvent() {
  state.event = null;
  lastEvent = null;
  $("#detail").hidden = true;
  $("#article").hidden = true;
  $("#workspace").classList.remove("with-detail");
}

// as app.css's wide layout: the open event stands beside the list
const WIDE = window.matchMedia("(min-width: 1200px)");

// Bring the opened event into sight: below the list it scrolls to the top of the window; beside
// the list (sticky) it is usually in sight already, and the chosen row should stay so too.
function revealDetail(box) {
  if (!WIDE.matches) {
    box.scrollIntoView({ block: "start" });
    return;
  }
  const row = document.querySelector("#events tbody tr.selected");
  if (row) row.scrollIntoView({ block: "nearest" });
  box.scrollIntoView({ block: "nearest" });
}

export async function loadEvent(id, focus) {
  const data = await api("/api/events/" + encodeURIComponent(id));
  lastEvent = data;
  const e = data.event;
  const box = $("#detail");
  box.hidden = false;
  $("#workspace").classList.add("with-detail");
  box.dataset.event = e.id;
  $("#detail-title").textContent = e.type + " \u2014 " + dateLabel(e);
  const meta = $("#detail-meta");
  clear(meta);
  meta.appendChild(document.createTextNode(e.mode + " \u00b7 reported by " + e.n_outlets + " outlet" +
    (e.n_outlets === 1 ? "" : "s") + " \u00b7 " + e.id));
  if (e.status) meta.appendChild(el("span", { class: "badge " + e.status }, e.status));
  for (const f of e.corrected || []) meta.appendChild(el("span", { class: "badge corrected" }, f + " corrected"));
  for (const r of e.related || []) {
    meta.appendChild(document.createTextNode(" \u00b7 " + r.relation + " "));
    meta.appendChild(el("a", { href: "?event=" + encodeURIComponent(r.id), onclick: (ev) => { ev.preventDefault(); actions.selectEvent(r.id); } }, r.id));
  }

  const body = $("#fields tbody");
  clear(body);
  for (const f of data.fields) {
    const value = el("td", { class: "value" }, bdi(f.value));
    if (f.correction) {
      value.appendChild(el("span", { class: "correction" }, "corrected by ", bdi(f.correction.author), " on " +
        f.correction.created.slice(0, 10) + ": ", bdi(f.correction.reason), " (was ", bdi(f.original), ")"));
    }
    const evidence = el("td", {});
    if (f.sentence) {
      const q = el("button", { type: "button", class: "quote", title: "show in the article", "aria-label": "evidence for " + f.field + ": show the sentence in its article" },
        el("span", { class: "from" }, bdi(f.sentence.outlet || "?"), ", " + (f.sentence.published || "?")),
        quoteWithWords(f.sentence.text, f.sentence.start, f.words));
      const outside = f.words.filter((w) => w.start < f.sentence.start || w.end > f.sentence.end);
      for (const w of outside) {
        q.appendChild(el("span", { class: "from" }, "words elsewhere in the article: ", el("mark", { class: "word", "data-role": w.role }, bdi(w.text))));
      }
      q.addEventListener("click", () => showArticle(f.sentence.article_id, f.sentence, f.words, false));
      evidence.appendChild(q);
    } else {
      evidence.appendChild(el("span", { class: "hint" }, f.note || "\u2013"));
    }
    const rule = el("td", { class: "hint rule" }, [f.rule, f.sentence ? f.note : ""].filter(Boolean).join("; "));
    body.appendChild(el("tr", { "data-field": f.field }, el("th", { scope: "row" }, f.field), value, evidence, rule));
  }

  const list = $("#sources");
  clear(list);
  data.sources.forEach((s) => {
    const button = el("button", { type: "button" }, "Show in article");
    const sentence = { article_id: s.article_id, start: s.start, end: s.end, mention_id: s.mention_id };
    button.addEventListener("click", () => showArticle(s.article_id, sentence, s.words, false));
    const url = safeUrl(s.url);
    list.appendChild(el("li", { "data-article": s.article_id },
      el("strong", {}, bdi(s.outlet || "unknown outlet")), " (" + (s.published || "undated") + ")" +
      (s.duplicate_of ? " \u2014 syndicated copy" : "") + ": ",
      quoteWithWords(s.quote, s.start, s.words), " ", button, url ? " " : null, url ? linkTo(url) : null));
  });
  const urls = urlsOf(e).length ? urlsOf(e) : urlsOf(seen.get(e.id));
  const shownUrls = new Set(data.sources.map((s) => safeUrl(s.url)).filter(Boolean));
  const extra = urls.filter((u) => !shownUrls.has(u));
  const online = $("#source-urls");
  clear(online);
  online.hidden = !extra.length;
  if (extra.length) {
    online.appendChild(document.createTextNode("The articles online: "));
    extra.forEach((u, i) => { if (i) online.appendChild(document.createTextNode(" \u00b7 ")); online.appendChild(linkTo(u)); });
  }

  setupCorrectForm(e);
  if (focus) {
    revealDetail(box);
    $("#detail-title").focus({ preventScroll: true });
  }
  const first = data.fields.find((f) => f.field === "date" && f.sentence) || data.fields.find((f) => f.sentence);
  if (first) await showArticle(first.sentence.article_id, first.sentence, first.words, true);
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
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "link");
      node.addEventListener("click", () => actions.selectEvent(mention.event));
      node.addEventListener("keydown", (ev) => { if (ev.key === "Enter") actions.selectEvent(mention.event); });
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

export async function showArticle(articleId, sentence, words, quiet) {
  const data = await api("/api/articles/" + encodeURIComponent(articleId));
  const box = $("#article");
  box.hidden = false;
  box.dataset.article = data.id;
  $("#article-title").textContent = data.title || "Article " + data.id;
  const meta = $("#article-meta");
  clear(meta);
  const url = safeUrl(data.url);
  const parts = [bdi(data.outlet || "unknown outlet"), data.published || "undated", data.id,
    data.path ? bdi(data.path) : null, data.removed.length + " spans removed by cleaning"].filter(Boolean);
  parts.forEach((p, i) => { if (i) meta.appendChild(document.createTextNode(" \u00b7 ")); meta.appendChild(typeof p === "string" ? document.createTextNode(p) : p); });
  if (url) { meta.appendChild(document.createTextNode(" \u00b7 ")); meta.appendChild(linkTo(url)); }
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
  if (target) text.scrollTop = Math.max(0, target.offsetTop - text.offsetTop - text.clientHeight / 3);
  if (!quiet) {
    box.scrollIntoView({ block: "start" });
    $("#article-title").focus({ preventScroll: true });
  }
}
