// After an internal error (a Rust panic) the core cannot be called again, so the page keeps
// recent copies of the data (CSV) and the model (JSON) made while the core still worked.
// The error message then offers both for download, and its Reload button stashes them in
// sessionStorage: the reloaded page (the same address, so the same settings) loads them back.

import { t } from "./i18n.js";
import { checkModelText } from "./io.js";

const KEY = "regplay-recover";
/** The model copy is refreshed at most this often while training runs. */
const MODEL_EVERY_MS = 2000;

/**
 * `page` is { pg, guard }. Call `remember(iteration, query)` once per frame with the run's
 * link form (the page keeps it): it copies only when something changed, the data when the
 * query does and the model at most every MODEL_EVERY_MS; `files()` after a panic.
 */
export function recovery(page, now = () => performance.now()) {
  let query = null;
  let csv = null;
  let model = null;
  let modelAt = -Infinity;
  let iteration = -1;
  return {
    remember(currentIteration, q) {
      if (q !== query) {
        query = q;
        csv = page.pg.dataCsv();
        modelAt = -Infinity;
      }
      if (currentIteration !== iteration && now() - modelAt >= MODEL_EVERY_MS) {
        model = page.pg.modelJson();
        modelAt = now();
        iteration = currentIteration;
      }
    },
    /** [name, text, type] of each copy there is. */
    files() {
      return [["regplay-data.csv", csv, "text/csv"], ["regplay-model.json", model, "application/json"]].filter(([, text]) => text);
    },
    /** Keeps the copies for the next load of this tab, then reloads. */
    reload() {
      try {
        sessionStorage.setItem(KEY, JSON.stringify({ csv, model }));
      } catch {
        // no storage (or full): the reload still opens the same settings
      }
      location.reload();
    },
  };
}

/** The data and model a reload after a panic left behind, once; null if none. */
export function takeRecovered() {
  try {
    const saved = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    const value = saved ? JSON.parse(saved) : null;
    return value && typeof value === "object" ? value : null;
  } catch {
    return null;
  }
}

/** Starts a download of `text` as the file `name`. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The error with a download button per copy (the message stays up) and Reload. */
export function fatalMessage(rescue, text, showMessage) {
  const files = rescue?.files() ?? [];
  const again = () => setTimeout(() => fatalMessage(rescue, text, showMessage));
  const actions = files.map(([name, content, type]) => [t("Download {name}", { name }), () => (download(name, content, type), again())]);
  const reload = () => (rescue ? rescue.reload() : location.reload());
  showMessage(text, { id: "fatal", actions: [...actions, [t("Reload"), reload]] });
}

/** After a reload that followed a panic: the same data and model again. Returns the
 * message of what could not be put back, or null. */
export function reopen(pg, saved, csvAsked) {
  try {
    if (saved?.csv && csvAsked) pg.loadCsv(String(saved.csv));
    if (saved?.model) {
      checkModelText(String(saved.model));
      pg.loadModel(String(saved.model));
    }
    return null;
  } catch (e) {
    return e.message || String(e);
  }
}
