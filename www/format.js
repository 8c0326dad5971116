// Numbers as the page shows them: one place for the digits, the percent sign, the minus sign
// (U+2212, as the lecture prints it) and the dash for a number there is not.

const MINUS = "\u2212";
/** Shown where a number is missing (no dev set, not computed yet). */
export const NONE = "–";

const missing = (v) => v === null || v === undefined || !Number.isFinite(Number(v));

/** Every hyphen-minus of a formatted number as the minus sign: "−0.48", "1.2e−4". */
export const minus = (text) => String(text).replaceAll("-", MINUS);

/** `v` with `digits` decimals: "0.4821", "−0.4821"; NONE when there is no number. */
export function number(v, digits = 4) {
  return missing(v) ? NONE : minus(Number(v).toFixed(digits));
}

/** `v` with at most `digits` decimals and no trailing zeros: "0.25", "−3", "29". */
export function short(v, digits = 4) {
  return missing(v) ? NONE : minus(String(Number(Number(v).toFixed(digits))));
}

/** A fraction as a percent with `digits` decimals: "87.5 %"; NONE when there is no number. */
export function percent(v, digits = 1) {
  return missing(v) ? NONE : minus(`${(100 * v).toFixed(digits)} %`);
}

/** `digits` decimals, or three significant digits in exponent form below 1e−3: "−0.000012" is "−1.200e−5". */
export function precise(v, digits = 6) {
  if (missing(v)) return NONE;
  return minus(Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(digits) : v.toExponential(3));
}

/** A weight as the diagram names it: "−0.482", "1.2e−4", or "0 (exactly)" for one L1 removed. */
export function weight(w) {
  if (w === 0) return "0 (exactly)";
  const s = Math.abs(w) < 0.001 ? Math.abs(w).toExponential(1) : Math.abs(w).toFixed(3);
  return (w < 0 ? MINUS : "") + s;
}

// short enough for the narrow axis beside the boundary: −6, 0.25, 160, 27K
const compactFormat = new Intl.NumberFormat("en", { maximumSignificantDigits: 2, notation: "compact" });

/** Two significant digits, thousands as K: "−6", "0.25", "27K". */
export const compact = (v) => minus(compactFormat.format(v));

/** A rate: one decimal below 10, whole above: "3.4", "120". */
export const rate = (v) => (missing(v) ? NONE : v < 10 ? v.toFixed(1) : String(Math.round(v)));

/** A count with thousands separators as English writes them: "1,000,000". */
export const count = (n) => n.toLocaleString("en-US");
