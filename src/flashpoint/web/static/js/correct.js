// The correction form (shown only when the server was started with a write token).
import { $, el, showError } from "./util.js";
import { state, actions } from "./state.js";

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

export function setupCorrectForm(e) {
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

export async function submitCorrection(ev) {
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
  await actions.reload(form.dataset.event);
}
