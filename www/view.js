// Page-only settings (not part of a run): language, embedding, large text, and fullscreen.
// They live in the URL beside the run's keys; each is validated like them.

import { settingOf } from "./settings.js";
import { t } from "./i18n.js";
import { showMessage } from "./messages.js";

export function browserLang() {
  return (navigator.language || "en").toLowerCase().startsWith("ko") ? "ko" : "en";
}

/** The URL form of the page settings that differ from the defaults (lang only when chosen). */
export function viewQuery(view) {
  const parts = [];
  if (view.langChosen) parts.push(`lang=${view.lang}`);
  if (view.embed) parts.push("embed=1");
  if (view.embed && view.panels.length) parts.push(`panels=${view.panels.join(",")}`);
  if (view.big) parts.push("big=1");
  return parts.join("&");
}

/** Shows only the chosen panels (embed mode), or everything. */
export function applyView(view) {
  document.documentElement.lang = view.lang;
  document.body.classList.toggle("big", view.big);
  document.body.classList.toggle("embed", view.embed);
  const shown = new Set(view.embed ? (view.panels.length ? view.panels : ["boundary"]) : settingOf("panels").options);
  if (shown.has("curves")) shown.add("cost").add("error");
  for (const el of document.querySelectorAll("[data-panel]")) {
    el.classList.toggle("shown", shown.has(el.dataset.panel) || el.dataset.panel === "run");
  }
}

/** In an embed, the boundary takes what the frame leaves after the other chosen panels. */
export function fitEmbed(view) {
  if (!view.embed) return;
  const shown = (p) => view.panels.length === 0 ? p === "boundary" : view.panels.includes(p);
  const charts = ["cost", "error", "curves", "weights", "tanh", "sweep", "norms"].some(shown);
  const others = ["readouts", "network", "data"].some(shown);
  // a landscape frame puts the charts beside the boundary, a portrait one below it
  const beside = charts && window.innerWidth > 1.4 * window.innerHeight;
  document.body.classList.toggle("beside", beside);
  const reserve = 80 + (charts && !beside ? 175 : 0); // the run buttons and margins
  const share = beside || others ? 0.5 : 1;
  const fit = Math.max(120, Math.min(window.innerWidth * share - 40, window.innerHeight - reserve));
  document.body.style.setProperty("--fit", `${Math.floor(fit)}px`);
}

/** Fullscreen on and off; a message says why where the browser refuses. */
export function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen?.();
  else document.documentElement.requestFullscreen?.().catch((e) => showMessage(t("Fullscreen is not available here: {reason}", { reason: e.message })));
}

/** A ready <iframe> for the current setup: the boundary and the curves. */
export function embedCode(location, query) {
  const url = new URL(location.href);
  url.search = "";
  url.hash = `${query}&embed=1&panels=boundary,curves`;
  const src = url.href.replace(/"/g, "&quot;");
  return `<iframe src="${src}" width="720" height="560" style="border:0" title="regplay: a regularization playground" loading="lazy"></iframe>`;
}
