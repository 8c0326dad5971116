// Guards at the script and link doors: set() values of the wrong type, the nearest key to a
// misspelled one, one combined message for a link's bad values, TensorFlow Playground keys
// taken out of the address once applied, and sweep() bounds with a newer sweep cancelling an
// older one. Errors carry data (`code`, `key`, `value`, `allowed`) that errorText translates.

import { settingOf, settingsTable } from "./settings.js";
import { quote, QUOTE_CHARS, MAX_NAMED_KEYS, MAX_SWEEP_LAMBDAS, MAX_SWEEP_ITERATIONS } from "./limits.js";

export { MAX_SWEEP_LAMBDAS, MAX_SWEEP_ITERATIONS };

/**
 * A copy of what a caller passed, each value read exactly once: an object's own keys once,
 * each key's value once (a getter runs once), an array's length and items once. Everything
 * after works on this copy, so what was checked is what is applied.
 */
export function readOnce(values) {
  const copy = {};
  for (const key of Object.keys(values)) {
    const v = values[key];
    copy[key] = Array.isArray(v) ? copyArray(v) : v;
  }
  return copy;
}

/** An array's items, read once each; holes stay holes. */
function copyArray(array) {
  const n = array.length;
  const copy = new Array(n);
  for (let i = 0; i < n; i++) if (Object.hasOwn(array, i)) copy[i] = array[i];
  return copy;
}

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

/**
 * A link's keys that are not settings, as error data like the core's (the core leaves them to
 * the page): the first MAX_NAMED_KEYS of them, then one { code: "more", count } for the rest,
 * so a link of thousands of keys costs a few searches for the nearest key, not thousands.
 */
export function unknownKeys(pairs) {
  const keys = settingsTable().map((s) => s.key);
  const short = (text) => (text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text);
  const unknown = pairs.filter(([k]) => !settingOf(k));
  const named = unknown.slice(0, MAX_NAMED_KEYS).map(([k, v]) => ({ code: "unknown-key", key: short(k), value: short(v), allowed: { options: keys } }));
  return unknown.length > MAX_NAMED_KEYS ? [...named, { code: "more", count: unknown.length - MAX_NAMED_KEYS }] : named;
}

/** One message for all of a link's bad values (each replaced by its default); names the first
 * eight (at most four unknown keys, see unknownKeys) and counts the rest ("and 24,996 more"). */
export function problemsText(problems, t, errorText) {
  const more = problems.filter((p) => p?.code === "more").reduce((n, p) => n + p.count, 0);
  const listed = problems.filter((p) => p?.code !== "more");
  const named = listed.slice(0, 2 * MAX_NAMED_KEYS); // each costs a translation (and a nearest-key search)
  const rest = more + listed.length - named.length;
  const count = listed.length + more;
  if (count === 1 && named[0].code === "unknown-key") return errorText(named[0]); // nothing to replace
  if (count === 1) return t("{problem}. Using the default instead.", { problem: errorText(named[0]) });
  let list = named.map(errorText).join("; ");
  if (list.length > 480) list = `${list.slice(0, 480)}…`;
  if (rest > 0) list = t("{problems}; and {count} more", { problems: list, count: rest.toLocaleString("en") });
  return t("This link has {count} values that cannot be used, so their defaults are used instead: {problems}.", { count: count.toLocaleString("en"), problems: list });
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
      lambdas = Array.isArray(lambdas) ? copyArray(lambdas) : lambdas; // read once: what is checked is what runs
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
  const fine = (i) => Object.hasOwn(lambdas, i) && typeof lambdas[i] === "number" && lambdas[i] >= 0 && lambdas[i] <= most;
  let ok = Array.isArray(lambdas) && lambdas.length >= 1 && lambdas.length <= MAX_SWEEP_LAMBDAS;
  for (let i = 0; ok && i < lambdas.length; i++) ok = fine(i); // every index: a hole is not a λ
  if (!ok) {
    throw new Error(`sweep(lambdas, iterations) takes an array of 1 to ${MAX_SWEEP_LAMBDAS} λ values, each a number from 0 to ${most}; got ${quote(lambdas)}`);
  }
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_SWEEP_ITERATIONS) {
    throw new Error(`sweep iterations take a whole number from 1 to ${MAX_SWEEP_ITERATIONS.toLocaleString("en-US")}; got ${quote(iterations)}`);
  }
}
