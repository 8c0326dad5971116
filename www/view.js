// Page-only settings (not part of a run): language, embedding, large text. They live in the
// URL beside the run's keys; each is validated like them.

import { settingOf } from "./settings.js";

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

/** A ready <iframe> for the current setup: the boundary and the curves. */
export function embedCode(location, query) {
  const url = new URL(location.href);
  url.search = "";
  url.hash = `${query}&embed=1&panels=boundary,curves`;
  const src = url.href.replace(/"/g, "&quot;");
  return `<iframe src="${src}" width="720" height="560" style="border:0" title="regplay: a regularization playground" loading="lazy"></iframe>`;
}
