// Guards at the script and link doors: set() values of the wrong type, the nearest key to a
// misspelled one, one combined message for a link's bad values, TensorFlow Playground keys
// taken out of the address once applied, and sweep() bounds with a newer sweep cancelling an
// older one. Errors carry data (`code`, `key`, `value`, `allowed`) that errorText translates.

import { settingOf, settingsTable } from "./settings.js";

/** sweep() bounds: λ values per sweep and iterations per λ value. */
export const MAX_SWEEP_LAMBDAS = 24;
export const MAX_SWEEP_ITERATIONS = 50_000;

const quote = (value) => {
  let text;
  try {
    text = Array.isArray(value) ? `[${value.map((v) => (Array.isArray(v) ? "[…]" : v === null ? "null" : typeof v === "object" ? "{…}" : String(v))).join(",")}]`
      : value === null ? "null" : typeof value === "object" ? "{…}" : typeof value === "symbol" ? "Symbol()" : String(value);
  } catch {
    text = "?";
  }
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

/** What a value of `kind` may be in JS: the typed form or its URL text. */
const WANTED = { number: "a number", integer: "a whole number", choice: "a name", flag: "true or false", list: "a list" };

function typeError(key, value, kind) {
  const wanted = WANTED[kind] ?? "a value";
  const error = new Error(`${key} takes ${wanted} (or its text as in a link), not ${quote(value)}`);
  return Object.assign(error, { code: "type", key, value: quote(value), allowed: { kind, wanted } });
}

const scalar = (v) => typeof v === "number" || typeof v === "string";

/** Throws an Error naming the key when a set() value has the wrong type for its row of the
 * settings table (an array for a number, an object, null, nested arrays). Unknown keys are
 * left to the core, which names them. */
export function checkTypes(values) {
  for (const key of Object.keys(values)) {
    const row = settingOf(key);
    if (!row || row.key !== key && row.alias !== key) continue;
    const v = values[key];
    const ok = {
      number: scalar(v), integer: scalar(v), choice: scalar(v),
      flag: scalar(v) || typeof v === "boolean",
      list: scalar(v) || Array.isArray(v) && v.every(scalar),
    }[row.kind] ?? scalar(v);
    if (!ok) throw typeError(key, v, row.kind);
  }
}

/** Edit distance (Levenshtein), for "did you mean". */
function distance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** The setting nearest to a misspelled key, or null when none is close. */
export function nearestKey(key, keys = settingsTable().map((s) => s.key)) {
  const text = String(key ?? "").slice(0, 60);
  let best = null;
  let bestDistance = Infinity;
  for (const k of keys) {
    const d = distance(text.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best && bestDistance <= Math.max(1, Math.min(3, Math.floor(best.length / 3))) ? best : null;
}

/** A value for a message: never NaN, undefined, a function or [object Object]. */
export function shown(value) {
  if (value === undefined || value === null || typeof value === "function") return "–";
  if (typeof value === "number" && !Number.isFinite(value)) return "–";
  if (typeof value === "object" && !Array.isArray(value)) return "{…}";
  return String(value);
}

/** A link's keys that are not settings, as error data like the core's (the core leaves them to the page). */
export function unknownKeys(pairs) {
  const keys = settingsTable().map((s) => s.key);
  const short = (text) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
  return pairs.filter(([k]) => !settingOf(k)).map(([k, v]) => ({ code: "unknown-key", key: short(k), value: short(v), allowed: { options: keys } }));
}

/** One message for all of a link's bad values (each replaced by its default). */
export function problemsText(problems, t, errorText) {
  if (problems.length === 1 && problems[0].code === "unknown-key") return errorText(problems[0]); // nothing to replace
  if (problems.length === 1) return t("{problem}. Using the default instead.", { problem: errorText(problems[0]) });
  let list = problems.map(errorText).join("; ");
  if (list.length > 480) list = `${list.slice(0, 480)}…`;
  return t("This link has {count} values that cannot be used, so their defaults are used instead: {problems}.", { count: problems.length, problems: list });
}

/** Takes a TensorFlow Playground link's keys out of the address once they are applied, so a
 * reload or a copied link keeps what changed since. */
export function dropQueryOnce() {
  const url = new URL(window.location.href);
  if (!url.search) return;
  url.search = "";
  window.history.replaceState(null, "", url);
}

/** The page's link for a query built from the current setup (not the address, which may lag). */
export function linkOf(query) {
  const url = new URL(window.location.href);
  url.hash = query;
  return url.href;
}

const cancelled = () => Object.assign(new Error("sweep() was cancelled: a newer sweep() started"), { code: "cancelled" });

/**
 * Wraps `run(lambdas, iterations, onProgress)` so its arguments are bounded and a newer sweep
 * cancels an older one: the older promise rejects saying so, the newer resolves with its own λ
 * values. The newer one starts only once the older has stopped, so the two never share work.
 */
export function sweepDoor(run, defaultLambdas) {
  let latest = null;
  let settled = Promise.resolve();
  return (lambdas = defaultLambdas, iterations = 2000, onProgress = undefined) => {
    try {
      checkSweep(lambdas, iterations);
    } catch (e) {
      return Promise.reject(e);
    }
    if (latest) latest.cancelled = true;
    const mine = { cancelled: false };
    latest = mine;
    const guarded = (fraction) => {
      if (mine.cancelled) throw cancelled();
      onProgress?.(fraction);
    };
    const result = settled.then(() => {
      if (mine.cancelled) throw cancelled();
      return run(lambdas.slice(), iterations, guarded);
    });
    settled = result.catch(() => {});
    return result.finally(() => latest === mine && (latest = null));
  };
}

function checkSweep(lambdas, iterations) {
  const most = settingOf("lambda")?.max ?? 30;
  if (!Array.isArray(lambdas) || lambdas.length < 1 || lambdas.length > MAX_SWEEP_LAMBDAS
    || lambdas.some((l) => typeof l !== "number" || !(l >= 0 && l <= most))) {
    throw new Error(`sweep(lambdas, iterations) takes an array of 1 to ${MAX_SWEEP_LAMBDAS} λ values, each a number from 0 to ${most}; got ${quote(lambdas)}`);
  }
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_SWEEP_ITERATIONS) {
    throw new Error(`sweep iterations take a whole number from 1 to ${MAX_SWEEP_ITERATIONS.toLocaleString("en-US")}; got ${quote(iterations)}`);
  }
}
