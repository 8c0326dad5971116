// The handwritten digits' data (www/pkg/digits.bin, 60 KB, copied there by build.sh): fetched
// after the page's first frame (app.js, so the first frame waits for nothing and a script
// that awaits `ready` finds it), or the first time digits mode is asked for, if sooner; handed to the core once (`loadDigits`), and kept to post to each sweep worker
// once. In the single offline file the packer puts the bytes where the URL is.

import { loadDigits, digitsLoaded } from "./pkg/regplay.js";
import { showMessage, clearMessage } from "./messages.js";
import { t } from "./i18n.js";

let loading = null; // the one fetch under way or done: Promise<Uint8Array>
let bytes = null; // the file, once the core holds it

/** The file's bytes once loaded (for the sweep workers), else null. */
export const digitsBytes = () => bytes;

/** Whether a setup's values (typed or URL form) switch to digits while the core lacks the data. */
export const needsDigits = (values) => String(values?.dataset) === "digits" && !digitsLoaded();

/** Fetches the file once and hands it to the core; resolves when the core holds it. */
export function loadDigitsData() {
  loading ??= fetchFile().then((file) => {
    loadDigits(file);
    bytes = file;
    return file;
  }).catch((e) => {
    loading = null; // a later ask tries again
    throw e;
  });
  return loading;
}

async function fetchFile() {
  const file = new URL("./pkg/digits.bin", import.meta.url); // the single file: its bytes
  if (!(file instanceof URL)) return file;
  const response = await fetch(file);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

let waiting = null; // the change waiting for the data: { keys, dropped }

/**
 * For `set()`: when `values` switch to digits before the data is here, loads it, then runs
 * `apply` and returns that Promise; otherwise null, and the change goes on at once. A later
 * change that names any of the waiting one's keys (another lecture step, another dataset)
 * wins: the waiting one is dropped, as if it had come first and been overwritten.
 */
export function digitsFirst(values, apply) {
  const keys = Object.keys(values);
  if (waiting && keys.some((k) => waiting.keys.has(k))) waiting.dropped = true;
  if (!needsDigits(values)) return null;
  const change = (waiting = { keys: new Set(keys), dropped: false });
  return withDigits(() => (change.dropped ? undefined : apply()));
}

/**
 * Loads the data, saying so on the page meanwhile, then runs `then` (the change that needed
 * it) and resolves to its result. When the data cannot be had, says so and rejects; `then`
 * does not run, so the run and its data stay as they were.
 */
export function withDigits(then) {
  showMessage(t("Loading the handwritten digits…"), { kind: "info", id: "digits-loading" });
  return loadDigitsData().then(
    () => {
      clearMessage("digits-loading");
      clearMessage("digits-failed");
      return then();
    },
    (e) => {
      clearMessage("digits-loading");
      const reason = e?.message || String(e);
      showMessage(t("The handwritten digits could not be loaded ({reason}); the data stays as it was.", { reason }), { id: "digits-failed" });
      throw new Error(`the handwritten digits could not be loaded: ${reason}`);
    },
  );
}
