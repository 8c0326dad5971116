// The bounds of what a script, a link or a file may ask for at once, so that no call freezes
// the page, and the one way a value is quoted in a message. `train(n)` and `grid(n)` take
// whole numbers in a documented range and throw an Error naming that range otherwise.

/** `train(n)` never runs more than this many iterations in one call. */
const MAX_TRAIN = 100_000;
/** One `train(n)` call does at most this much work: iterations × examples × weights. */
const TRAIN_WORK = 4e8;
/** `grid(n)` returns n × n values; n is at most this. */
export const MAX_GRID = 500;
/** sweep() bounds, for the page and its workers alike: λ values per sweep, iterations per λ. */
export const MAX_SWEEP_LAMBDAS = 24;
export const MAX_SWEEP_ITERATIONS = 50_000;
/** A message quotes at most this many characters of any input. */
export const QUOTE_CHARS = 60;
/** A message names at most this many of a link's unknown keys, then says how many more. */
export const MAX_NAMED_KEYS = 4;
/**
 * A model file is at most this many bytes: six layers of 32 units on seven inputs are about
 * 5,400 numbers, under 200 KB however they are written. Bigger texts are refused before the
 * core sees them, so they never reach wasm memory.
 */
export const MAX_MODEL_BYTES = 1024 * 1024;

/**
 * The largest n `train(n)` takes for the current setup (`m` is metrics()): MAX_TRAIN, or
 * fewer when one iteration is heavy (many examples, many weights), rounded down to a
 * hundred above 100, and at least 1 — one iteration, worked through in slices, when even one
 * is heavier than TRAIN_WORK.
 */
export function trainLimit(m) {
  const work = Math.max(1, (m.trainSize + m.devSize) * Math.max(1, m.weightCount));
  const exact = Math.floor(TRAIN_WORK / work);
  const limit = exact >= 100 ? Math.floor(exact / 100) * 100 : exact;
  return Math.max(1, Math.min(MAX_TRAIN, limit));
}

/**
 * Text for any value in a message: at most about QUOTE_CHARS characters, never
 * "[object Object]" or "NaN" for a value that was not NaN; reads nothing but the value given
 * (no getters, no toString of objects), and never throws.
 */
export function quote(value, max = QUOTE_CHARS) {
  const cut = (text) => (text.length > max ? `${text.slice(0, max)}…` : text);
  try {
    if (typeof value === "string") return JSON.stringify(cut(value));
    if (Array.isArray(value)) {
      let text = "[";
      const n = Math.min(value.length, max);
      for (let i = 0; i < n && text.length <= max; i++) {
        if (i > 0) text += ",";
        if (!Object.hasOwn(value, i)) continue; // a hole shows as one: [0,,1]
        const v = value[i];
        text += Array.isArray(v) ? "[…]" : v !== null && typeof v === "object" ? "{…}" : quote(v, max);
      }
      return text.length > max || value.length > n ? `${text.slice(0, max)}…]` : `${text}]`;
    }
    if (value === null) return "null";
    if (value === undefined) return "nothing";
    if (typeof value === "object") return "{…}";
    if (typeof value === "function") return "a function";
    if (typeof value === "symbol") return "a symbol";
    if (typeof value === "bigint") return cut(`${value}n`);
    return cut(String(value));
  } catch {
    return "?";
  }
}

/** Throws Error naming [min, max] unless n is a whole number (a JS number) in that range. */
export function wholeNumber(name, n, min, max) {
  if (typeof n === "number" && Number.isInteger(n) && n >= min && n <= max) return n;
  throw new RangeError(`${name}(n) takes a whole number from ${min} to ${max.toLocaleString("en")}; got ${quote(n)}`);
}

/** No setting's value (nor name) is longer than this in its URL form. */
const MAX_VALUE_CHARS = 200;

/** Throws a short Error for a key or value too long to be any setting's. */
export function checkLength(key, form) {
  if (String(key).length > MAX_VALUE_CHARS) throw new Error(`${quote(String(key))} is not a setting: no setting has so long a name`);
  if (String(form).length > MAX_VALUE_CHARS) {
    const name = String(key).length > QUOTE_CHARS ? `${String(key).slice(0, QUOTE_CHARS)}…` : String(key);
    throw new Error(`${name} has a value of ${String(form).length.toLocaleString("en")} characters; no setting takes more than ${MAX_VALUE_CHARS}`);
  }
}

/** [pairs to read, messages about the ones too long to be a setting]. */
export function withoutLongValues(pairs) {
  const problems = [];
  const kept = pairs.filter(([k, v]) => {
    try {
      checkLength(k, v);
      return true;
    } catch (e) {
      problems.push(e.message);
      return false;
    }
  });
  return [kept, problems];
}
