// Two runs side by side for a lecture step, over the boundary and its readouts: the same data
// and initialization, one setting apart, each trained in its own Playground in this page's
// wasm. Plain against inverted dropout (the test-time shift), L1 against L2 at the same λ
// (quiz 9: exact zeros, inputs in use), a small against a large λ (quiz 10: errors, decay).

import { Playground } from "./pkg/regplay.js";
import { make } from "./dom.js";
import { t } from "./i18n.js";
import { number, percent } from "./format.js";

/** The two sides' names of each pair; English, translated by t(). */
const NAMES = {
  plain: ["inverted dropout (÷ keep_prob)", "plain dropout (no division)"],
  l1l2: ["L1, λ = {lambda}", "L2, λ = {lambda}"],
  lambdas: ["small λ = {small}", "large λ = {large}"],
};

const SMALL_LAMBDA = 0.01;
const LARGE_LAMBDA = 10;

/** The two sides of each pair: settings over the page's run, in URL form. */
const SIDES = {
  plain: () => [{ inverted: "1" }, { inverted: "0" }],
  l1l2: () => [{ reg: "l1" }, { reg: "l2" }],
  lambdas: () => [{ reg: "l2", lambda: String(SMALL_LAMBDA) }, { reg: "l2", lambda: String(LARGE_LAMBDA) }],
};
const FIGURES = {
  plain: ["devError", "devCost"],
  l1l2: ["zeros", "inUse", "devError"],
  lambdas: ["trainError", "devError", "decay"],
};

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

let shown = null; // { kind, query, results: [metrics, metrics], root }

/** Removes the pair from the page. */
export function hidePair() {
  shown?.root.remove();
  shown = null;
}

/**
 * Trains both sides of `kind` from the page's current run (`query`, its URL form) for
 * `iterations`, draws them into `host` and resolves with their metrics; `now()` false stops it.
 */
export async function showPair(kind, host, query, iterations, now) {
  hidePair();
  const root = make("div", { id: "lecture-pair", className: "lecture-pair" });
  root.setAttribute("role", "group");
  host.append(root);
  shown = { kind, query, results: null, root };
  label();
  const runs = SIDES[kind]().map((over) => {
    const pairs = [...new URLSearchParams(query)].filter(([k]) => !(k in over) && k !== "lesson" && k !== "quiz");
    for (const [k, v] of Object.entries(over)) pairs.push([k, v]);
    return new Playground(pairs.map(([k]) => k), pairs.map(([, v]) => v));
  });
  try {
    for (let done = 0; done < iterations && now(); done += 250) {
      for (const pg of runs) pg.train(Math.min(250, iterations - done));
      await nextFrame();
    }
    if (!now() || shown?.root !== root) return null;
    const results = runs.map((pg) => JSON.parse(pg.metricsJson()));
    const canvases = [...root.querySelectorAll("canvas")];
    runs.forEach((pg, i) => {
      const canvas = canvases[i];
      const ratio = window.devicePixelRatio || 1;
      const side = Math.round(canvas.clientWidth * ratio) || 180;
      canvas.width = side;
      canvas.height = side;
      // digits mode has no boundary: quiz 9's pair shows the pixels in use, others the dev images
      if (new URLSearchParams(query).get("dataset") === "digits") pg.drawDigits(kind === "l1l2" ? "pixels" : "images", canvas.getContext("2d"), side, side);
      else pg.drawBoundary(canvas.getContext("2d"), side, side, 1);
    });
    shown.results = results;
    label();
    return results;
  } finally {
    for (const pg of runs) pg.free();
  }
}

/** The pair's words (again when the language changes). */
export function label() {
  if (!shown) return;
  const { kind, results, root } = shown;
  root.setAttribute("aria-label", t("Two runs side by side, same data and initialization"));
  const params = { lambda: new URLSearchParams(shown.query).get("lambda"), small: SMALL_LAMBDA, large: LARGE_LAMBDA };
  if (!root.children.length) {
    for (let i = 0; i < 2; i++) {
      const canvas = make("canvas", { className: "pair-boundary" });
      root.append(make("figure", { className: "pair-side" }, [canvas, make("figcaption")]));
    }
  }
  [...root.querySelectorAll("figure")].forEach((figure, i) => {
    const m = results?.[i];
    const canvas = figure.querySelector("canvas");
    const name = t(NAMES[kind][i], params);
    canvas.setAttribute("aria-label", name);
    const lines = [make("strong", { textContent: name })];
    if (!m) lines.push(make("span", { textContent: t("training both…") }));
    else {
      const values = {
        devError: t("dev-set error {value}", { value: percent(m.devError) }),
        devCost: t("dev-set cost {value}", { value: number(m.devCost, 3) }),
        trainError: t("training error {value}", { value: percent(m.trainError) }),
        zeros: t("weights exactly 0: {zero} of {count}", { zero: m.zeroWeights, count: m.weightCount }),
        inUse: t("inputs in use: {inUse} of {features}", { inUse: m.featuresInUse, features: m.featureCount }),
        decay: t("1 − αλ/m = {value}", { value: number(m.weightDecay, 6) }),
      };
      for (const key of FIGURES[kind]) {
        const span = make("span", { className: `pair-${key}`, textContent: values[key] });
        lines.push(span);
      }
      figure.dataset.metrics = JSON.stringify({ devError: m.devError, devCost: m.devCost, trainError: m.trainError, zeroWeights: m.zeroWeights, featuresInUse: m.featuresInUse, weightDecay: m.weightDecay });
    }
    figure.querySelector("figcaption").replaceChildren(...lines);
  });
}
