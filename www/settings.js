// The core's settings table (src/train/settings.rs) as plain data: every key once, with its
// kind, range or options, default and effect. The controls, the page keys and the presets read it.

import { settings } from "./pkg/regplay.js";

let table = null;

/** [{ key, kind, default, min, max, options, effect, page, … }], read once after the wasm loaded. */
export function settingsTable() {
  table ??= settings();
  return table;
}

/** The row of a key (or of its alias). */
export function settingOf(key) {
  return settingsTable().find((s) => s.key === key || s.alias === key);
}

/** The keys the page keeps itself (language, embedding, panels, large text); `lesson` and
 * `quiz` are read and reported by the lecture (lecture.js). */
export function pageKeys() {
  return settingsTable().filter((s) => s.page && !LECTURE_KEYS.includes(s.key)).map((s) => s.key);
}
const LECTURE_KEYS = ["lesson", "quiz"];

/** A page key's URL form (already validated by the core) as its typed value. */
export function typedPageValue(key, value) {
  const row = settingOf(key);
  if (row.kind === "flag") return value === true || value === "1" || value === "true";
  if (row.kind === "list") return Array.isArray(value) ? value.map(String) : String(value).split(",").map((s) => s.trim()).filter(Boolean);
  return String(value).trim();
}
