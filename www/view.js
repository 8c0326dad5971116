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

let fitted = "";
let whole = true; // the last fitting held every chosen panel

/** In an embed, the boundary takes what the frame leaves after the other chosen panels.
 * Measured again when the frame, the panels, the language or what the run shows in them
 * (`c`: its layers, its data) change, not when a slider moves; with `overflowing`, also when
 * content that came later (a panel loaded on first use, drawn once) no longer fits. True when
 * it fitted anew (what was drawn at the old sizes wants drawing again). */
export function fitEmbed(view, c, overflowing = false) {
  const key = view.embed ? [innerWidth, innerHeight, view.panels, view.lang, view.big, c?.layers, c?.dataset].join("|") : "";
  const page = document.documentElement;
  const fitsNow = () => page.scrollHeight <= innerHeight && page.scrollWidth <= innerWidth;
  if (key === fitted && !(overflowing && view.embed && whole && !fitsNow())) return false;
  fitted = key;
  const body = document.body;
  body.style.zoom = "";
  if (!view.embed) return true;
  const shown = (p) => view.panels.length === 0 ? p === "boundary" : view.panels.includes(p);
  const charts = ["cost", "error", "curves", "weights", "tanh", "sweep", "norms"].some(shown);
  const others = ["readouts", "network", "data"].some(shown);
  // a landscape frame puts the charts beside the boundary, a portrait one below it
  const beside = charts && innerWidth > 1.4 * innerHeight;
  body.classList.toggle("beside", beside);
  const fits = (fit) => {
    body.style.setProperty("--fit", `${fit}px`);
    return fitsNow();
  };
  // what a frame cannot hold at full size (three panels in a small slide) is drawn smaller,
  // as little as it takes for every chosen panel to stay whole; at each size the boundary
  // takes what is left, giving way first, down to 160 px. The digit views fit themselves
  // (panels/digits.js).
  const digits = ["images", "filters", "pixels", "strip"].some(shown);
  whole = false;
  for (const zoom of digits ? [1] : [1, 0.9, 0.8, 0.7, 0.6, 0.5]) {
    body.style.zoom = zoom === 1 ? "" : String(zoom);
    const reserve = 80 + (charts && !beside ? 175 : 0); // the run buttons and margins
    // the readouts sit beside the boundary, except in the stacked layout of a narrow frame (style.css)
    const share = beside || (others && innerWidth > 720) ? 0.5 : 1;
    let most = Math.floor(Math.max(120, Math.min((innerWidth / zoom) * share - 40, innerHeight / zoom - reserve)));
    if (fits(most) || digits) break;
    let least = Math.min(160, most);
    if (!fits(least)) continue;
    while (most - least > 4) { // the largest boundary that fits
      const mid = Math.floor((least + most) / 2);
      if (fits(mid)) least = mid;
      else most = mid;
    }
    fits(least);
    break;
  }
  whole = fitsNow();
  return true;
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
