// The bounds of what a script may ask for at once, so that no call freezes the page:
// `train(n)` and `grid(n)` take whole numbers in a documented range and throw an Error
// naming that range otherwise.

/** `train(n)` never runs more than this many iterations in one call. */
export const MAX_TRAIN = 100_000;
/** One `train(n)` call does at most this much work: iterations × examples × weights. */
export const TRAIN_WORK = 4e8;
/** `grid(n)` returns n × n values; n is at most this. */
export const MAX_GRID = 500;

/**
 * The largest n `train(n)` takes for the current setup (`m` is metrics()): MAX_TRAIN, or
 * fewer when one iteration is heavy (many examples, many weights), rounded down to a
 * hundred, at least 10.
 */
export function trainLimit(m) {
  const work = Math.max(1, (m.trainSize + m.devSize) * Math.max(1, m.weightCount));
  const limit = Math.floor(TRAIN_WORK / work / 100) * 100;
  return Math.max(10, Math.min(MAX_TRAIN, limit));
}

/** Text for a value in a message: at most about 60 characters, never "[object Object]". */
export function quote(value, max = 60) {
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

/** Throws Error naming [min, max] unless n is a whole number (a JS number) in that range. */
export function wholeNumber(name, n, min, max) {
  if (typeof n === "number" && Number.isInteger(n) && n >= min && n <= max) return n;
  throw new RangeError(`${name}(n) takes a whole number from ${min} to ${max.toLocaleString("en")}; got ${quote(n)}`);
}

/** No setting's value (nor name) is longer than this in its URL form. */
export const MAX_VALUE_CHARS = 200;

/** Throws a short Error for a key or value too long to be any setting's. */
export function checkLength(key, form) {
  if (String(key).length > MAX_VALUE_CHARS) throw new Error(`${quote(String(key))} is not a setting: no setting has so long a name`);
  if (String(form).length > MAX_VALUE_CHARS) {
    throw new Error(`${key} has a value of ${String(form).length.toLocaleString("en")} characters; no setting takes more than ${MAX_VALUE_CHARS}`);
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
