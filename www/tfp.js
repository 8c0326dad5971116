// TensorFlow Playground links: its hash keys turned into the nearest regplay setup, with a
// note on how its regularization rate relates to the lecture's λ. Its targets (datasets,
// activations, features, λ's ceiling) are rows and options of the settings table.

import { settingOf } from "./settings.js";

import { t } from "./i18n.js";

const TFP_KEYS = ["activation", "regularization", "regularizationRate", "networkShape", "percTrainData", "learningRate", "batchSize", "problem"];
const FEATURES = { x: "x1", y: "x2", xSquared: "x1sq", ySquared: "x2sq", xTimesY: "x1x2", sinX: "sinx1", sinY: "sinx2" };
const DATASETS = ["circle", "xor", "gauss", "spiral"]; // TF Playground's classification data with the same name here
const TFP_POINTS = 500; // TensorFlow Playground always draws 500 points

/** True when the pairs come from a TensorFlow Playground link. */
export function isTfp(pairs) {
  return pairs.some(([k]) => TFP_KEYS.includes(k));
}

/** The text of a pasted link or hash, as [key, value] pairs, or null if it is not one. */
export function pairsOfPastedLink(text) {
  const t = text.trim();
  const hash = t.includes("#") ? t.slice(t.indexOf("#") + 1) : t;
  if (!/^[\w.%-]+=[^\s]*$/.test(hash.split("&")[0] ?? "")) return null;
  return [...new URLSearchParams(hash)];
}

/** A stable 32-bit seed from TensorFlow Playground's seed text (e.g. "0.83212"). */
function seedOf(text) {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** A note that reads in the page's language whenever it is shown (the language may be set after the link is read). */
function note(text, params = {}) {
  return { toString: () => t(text, params) };
}

/**
 * Converts TensorFlow Playground pairs into regplay settings.
 * Returns { settings, notes }: settings to pass to set(), notes to tell the user.
 */
export function fromTfp(pairs) {
  const tfp = Object.fromEntries(pairs);
  const settings = { points: TFP_POINTS };
  const notes = [];
  if (tfp.problem === "regression") notes.push(note("TensorFlow Playground's regression problems have no counterpart here; showing classification."));
  if (DATASETS.includes(tfp.dataset) && settingOf("dataset").options.includes(tfp.dataset)) settings.dataset = tfp.dataset;
  else if (tfp.dataset) notes.push(note("dataset {name} has no counterpart; keeping the current one.", { name: tfp.dataset }));
  if (settingOf("act").options.includes(tfp.activation)) settings.act = tfp.activation;
  if (tfp.networkShape !== undefined) settings.layers = tfp.networkShape;
  if (tfp.noise !== undefined) settings.noise = tfp.noise;
  if (tfp.percTrainData !== undefined) settings.train = tfp.percTrainData;
  if (tfp.batchSize !== undefined) settings.batch = tfp.batchSize;
  if (tfp.learningRate !== undefined) settings.lr = tfp.learningRate;
  if (tfp.seed !== undefined) settings.seed = seedOf(tfp.seed);
  const features = Object.entries(FEATURES).filter(([k]) => tfp[k] === "true").map(([, v]) => v).filter((f) => settingOf("features").options.includes(f));
  if (features.length) settings.features = features;
  for (const k of ["cosX", "cosY"]) if (tfp[k] === "true") notes.push(note("feature {name} has no counterpart and is left out.", { name: k }));

  const reg = { L1: "l1", L2: "l2" }[Object.hasOwn(tfp, "regularization") && ["L1", "L2"].includes(tfp.regularization) ? tfp.regularization : ""] ?? "none";
  settings.reg = reg;
  const rate = Number(tfp.regularizationRate ?? 0);
  if (reg !== "none" && Number.isFinite(rate) && rate > 0) {
    // TF Playground subtracts α·rate·w (L2) or α·rate·sign(w) (L1) per step; the lecture's
    // steps are α·(λ/m)·w and α·(λ/2m)·sign(w), so λ = rate·m (L2) or 2·rate·m (L1).
    const share = Number(settings.train ?? 50);
    const m = Math.max(1, Math.round((TFP_POINTS * (Number.isFinite(share) && share > 0 && share <= 100 ? share : 50)) / 100));
    const lambda = Number((rate * m * (reg === "l1" ? 2 : 1)).toPrecision(3));
    const most = settingOf("lambda").max;
    settings.lambda = Math.min(lambda, most);
    notes.push(note(
      "TensorFlow Playground's regularization rate {rate} is the factor on the penalty's gradient per step, so with m = {m} "
        + "training points it is the lecture's {factor}: λ = {lambda}{capped}. Its penalty term in J is λ/(2m)·{sum}.",
      { rate, m, factor: reg === "l1" ? "λ/(2m)" : "λ/m", lambda: settings.lambda, capped: lambda > most ? note(" (capped at {most})", { most }) : "", sum: reg === "l1" ? "Σ|W|" : "Σ‖W‖²" },
    ));
  } else {
    settings.lambda = 0;
  }
  notes.push(note("Opened from a TensorFlow Playground link: the nearest equivalent setup (its data and initialization differ)."));
  return { settings, notes };
}
