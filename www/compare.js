// Side by side: two to four runs on the same data, from the same initialization, trained
// together under one Play / Pause / Reset, each with its own settings, boundary and numbers.
// Two presets: the course's table ("no regularization", "L2, λ = 0.7", "dropout,
// keep_prob = 0.86"), and data augmentation (N real points, the same N plus N augmented
// copies, 2N real points, all on one dev set: copies help, but less than as many new points).
// The core is `Comparison` (src/web/compare.rs); the page's own run is left as it was.

import { make, fitCanvas as fit, ICON_PLAY, ICON_PAUSE } from "./dom.js";
import { Comparison } from "./pkg/regplay.js";
import { t, errorText } from "./i18n.js";
import { budgetTrainer, frameJobs } from "./budget.js";
import { enterMode, leaveMode } from "./keyboard.js";
import { number, percent } from "./format.js";

const trainer = budgetTrainer();


const PENALTY_NAMES = { none: "none", l1: "L1", l2: "L2" };
const PRESETS = { regularization: "The course's table", augmentation: "Data augmentation" };
const AUGMENTATIONS = ["", "flip", "rotate", "jitter"];
const COURSE_LAMBDA = 0.7; // a penalty chosen while λ = 0 starts at the course's λ
const MIN_RUNS = 2;
const MAX_RUNS = 4;
const ICON_STEP = '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2l8 6-8 6z M12 2h2v12h-2z"/></svg>';
const ICON_RESET = '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 2a6 6 0 1 1-5.6 3.9l1.9.7A4 4 0 1 0 8 4v2.5L4.5 3.2 8 0z"/></svg>';

/** The view while open: { root, page, comparison, preset, playing, dirty, raf, cards, … }. */
let view = null;

/**
 * Opens the side-by-side view inside `root` (emptied first), built from the page's current
 * setup, with the course's table. `page` is the instruments' context (pg, guard, config,
 * showMessage, markDirty). The page's own run is paused and left untouched.
 */
export function openCompare(root, page, preset = "regularization") {
  closeCompare();
  window.playground?.pause();
  view = { root, page, comparison: null, preset: null, playing: false, dirty: true, raf: 0, cards: [], opener: document.activeElement };
  root.replaceChildren();
  root.classList.add("compare");
  root.setAttribute("aria-labelledby", "compare-title");
  root.append(buildToolbar(), make("p", { id: "compare-hint", className: "compare-hint" }), make("div", { id: "compare-runs", className: "compare-runs" }),
    make("p", { className: "compare-legend", textContent: t("filled: training points · faded: augmented copies · outlined: dev points") }));
  root.hidden = false;
  document.body.classList.add("comparing");
  enterMode("compare", { Escape: closeCompare, Space: () => setPlaying(!view.playing), ArrowRight: step, KeyR: reset }); // before the page's keys, which would drive its hidden run
  window.addEventListener("resize", redraw);
  try {
    usePreset(preset);
  } catch (e) {
    closeCompare();
    page.showMessage(t("The comparison stopped: {message}", { message: errorText(e) }), { id: "compare-error" });
    return;
  }
  view.raf = requestAnimationFrame(tick);
  root.querySelector("#compare-title").focus();
}

/** Closes the view (the Back button, Esc) and gives the page back its screen. */
export function closeCompare() {
  if (!view) return;
  const { root, page, comparison, opener } = view;
  cancelAnimationFrame(view.raf);
  leaveMode("compare");
  window.removeEventListener("resize", redraw);
  comparison?.free();
  view = null;
  root.hidden = true;
  root.replaceChildren();
  document.body.classList.remove("comparing");
  page.markDirty();
  opener?.focus?.();
}

/** The numbers of every run (as `Comparison.metricsJson`), or null when the view is closed. */
export function compareMetrics() {
  return view ? JSON.parse(view.page.guard(() => view.comparison.metricsJson())) : null;
}

/** Trains every run `n` iterations now (for scripts and tests); returns compareMetrics(). */
export function trainCompare(n) {
  if (!view) return null;
  view.page.guard(() => view.comparison.train(Math.max(0, Math.floor(Number(n) || 0))));
  view.dirty = true;
  return compareMetrics();
}

function buildToolbar() {
  const title = make("h2", { id: "compare-title", tabIndex: -1, textContent: t("Side by side") });
  const presets = make("div", { className: "compare-presets", role: "group" });
  presets.setAttribute("aria-label", t("Comparison"));
  for (const name of ["regularization", "augmentation"]) {
    const button = make("button", { type: "button", textContent: t(PRESETS[name]) });
    button.dataset.preset = name;
    button.addEventListener("click", () => act(() => usePreset(name)));
    presets.append(button);
  }
  const iconButton = (id, icon, label, title, onClick) => {
    const b = make("button", { type: "button", id, title: t(title), innerHTML: icon }); // fixed markup, never data
    b.setAttribute("aria-label", t(label));
    b.addEventListener("click", onClick);
    return b;
  };
  const run = make("div", { className: "run" }, [
    iconButton("compare-play", ICON_PLAY, "Play", "Play / pause every run (Space)", () => setPlaying(!view.playing)),
    iconButton("compare-step", ICON_STEP, "Step", "One iteration of every run (→)", step),
    iconButton("compare-reset", ICON_RESET, "Reset", "Every run back to the same start (R)", reset),
    make("div", { className: "counter" }, [make("span", { className: "caption", textContent: t("Iteration") }), make("output", { id: "compare-iteration", textContent: "0" })]),
    make("output", { id: "compare-speed-note", className: "speed-note", ariaLive: "polite", hidden: true }),
  ]);
  const add = make("button", { type: "button", id: "compare-add", textContent: `+ ${t("Add run")}` });
  add.addEventListener("click", () => act(() => view.page.guard(() => view.comparison.addRun()), true));
  const back = make("button", { type: "button", id: "compare-back", title: t("Back to the playground (Esc)"), textContent: `← ${t("Back")}` });
  back.addEventListener("click", closeCompare);
  return make("div", { className: "compare-toolbar" }, [title, run, presets, add, back]);
}

function usePreset(name) {
  const m = view.page.metrics();
  if (name.startsWith("augmentation") && m.trainSize - m.augmented < 2) throw new Error(t("The augmentation comparison needs at least two training points (N real, N + N augmented, 2N real), and this data has {n}.", { n: m.trainSize - m.augmented }));
  const comparison = view.page.guard(() => new Comparison(view.page.pg, name));
  view.comparison?.free();
  view.comparison = comparison;
  view.preset = name;
  for (const b of view.root.querySelectorAll(".compare-presets button")) b.setAttribute("aria-pressed", String(b.dataset.preset === name));
  view.root.querySelector("#compare-hint").textContent = t(name === "regularization"
    ? "Same data, same initialization, trained together. Regularized runs fit the training set less and the dev set better. Changing a run's setting starts every run again."
    : "One dev set for all. N real points, the same N plus N augmented copies, and 2N real points: copies are cheap but not independent of their originals, so they help less than as many new points. Changing a run's setting starts every run again.");
  setPlaying(false);
  buildCards();
}

/** Runs a change; an error (a bad value) is shown on the page and the controls put back. */
function act(change, rebuild = false) {
  try {
    change();
  } catch (e) {
    view.page.showMessage(errorText(e), { id: "compare-error" });
  }
  if (!view) return;
  if (rebuild) buildCards();
  else syncSettings();
  view.dirty = true;
}

// ---- the run cards ----

function buildCards() {
  const metrics = compareMetrics();
  const list = view.root.querySelector("#compare-runs");
  list.style.setProperty("--runs", metrics.runs.length);
  view.cards = metrics.runs.map((_, i) => buildCard(i, metrics));
  view.jobs = null; // the drawings follow the cards
  list.replaceChildren(...view.cards.map((c) => c.element));
  view.root.querySelector("#compare-add").disabled = metrics.runs.length >= MAX_RUNS;
  syncSettings(metrics);
  view.dirty = true;
}

function buildCard(i, metrics) {
  const name = t("Run {i}", { i: i + 1 });
  const label = make("h3", { className: "compare-label" });
  const remove = make("button", { type: "button", className: "compare-remove", textContent: "×", disabled: metrics.runs.length <= MIN_RUNS });
  remove.setAttribute("aria-label", t("Remove run {i}", { i: i + 1 }));
  remove.addEventListener("click", () => act(() => view.page.guard(() => view.comparison.removeRun(i)), true));
  const canvas = make("canvas", { className: "compare-boundary" });
  canvas.setAttribute("role", "img");
  const accuracies = make("p", { className: "compare-numbers" });
  const costs = make("p", { className: "compare-numbers" });
  const field = (text, control) => make("label", { className: "compare-field" }, [make("span", { className: "sr-only", textContent: `${name} ` }), text, control]);
  const option = (value, text) => make("option", { value, textContent: text });
  const settings = {
    reg: make("select", {}, Object.entries(PENALTY_NAMES).map(([v, text]) => option(v, v === "none" ? t("none") : text))),
    lambda: make("input", { type: "number", min: "0", max: "100", step: "any", inputMode: "decimal" }),
    keep: make("input", { type: "number", min: "0.05", max: "1", step: "0.01", inputMode: "decimal" }),
    augment: make("select", {}, AUGMENTATIONS.map((v) => option(v, t(v || "none")))),
  };
  const fields = [field(t("penalty"), settings.reg), field(t("λ"), settings.lambda), field(t("keep_prob"), settings.keep), field(t("augment"), settings.augment)];
  if (view.preset === "augmentation") {
    settings.real = make("select", {}, [option(metrics.n, t("{count} (N)", { count: metrics.n })), option(2 * metrics.n, t("{count} (2N)", { count: 2 * metrics.n }))]);
    fields.push(field(t("points"), settings.real));
  }
  for (const [key, control] of Object.entries(settings)) control.addEventListener("change", () => act(() => change(i, key, control.value)));
  const element = make("article", { className: "compare-run" }, [
    make("div", { className: "compare-head" }, [label, remove]),
    canvas,
    accuracies,
    costs,
    make("div", { className: "compare-settings" }, fields),
  ]);
  return { element, label, canvas, context: canvas.getContext("2d"), accuracies, costs, settings };
}

function change(run, key, value) {
  const guard = view.page.guard;
  const config = compareMetrics().runs[run].config;
  guard(() => view.comparison.set(run, key, value));
  // a penalty with λ = 0 does nothing: choosing one starts at the course's λ
  if (key === "reg" && value !== "none" && config.lambda === 0) guard(() => view.comparison.set(run, "lambda", String(COURSE_LAMBDA)));
}

/** Puts every run's settings into its controls and its label above its boundary. */
function syncSettings(metrics = compareMetrics()) {
  metrics.runs.forEach((run, i) => {
    const card = view.cards[i];
    const c = run.config;
    card.settings.reg.value = c.reg;
    card.settings.lambda.value = String(c.lambda);
    card.settings.lambda.disabled = c.reg === "none";
    card.settings.keep.value = String(Math.min(...c.keep, 1));
    card.settings.keep.disabled = c.layers.length === 0;
    card.settings.augment.value = c.augment[0] ?? "";
    if (card.settings.real) card.settings.real.value = String(run.real);
    card.label.textContent = runLabel(run, metrics);
    card.canvas.setAttribute("aria-label", t("Decision boundary of run {i}: {label}", { i: i + 1, label: card.label.textContent }));
  });
}

/** "no regularization", "L2, λ = 0.7", "dropout, keep_prob = 0.86", "200 real + 200 augmented (jitter)", … */
function runLabel(run, metrics) {
  const c = run.config;
  const parts = [];
  if (metrics.preset.startsWith("augmentation") || c.augment.length > 0 || run.real !== metrics.n) {
    const augmented = run.metrics.augmented;
    const kinds = c.augment.map((k) => t(k)).join(", ");
    parts.push(augmented > 0 ? t("{real} real + {augmented} augmented ({kinds})", { real: run.real, augmented, kinds }) : t("{real} real points", { real: run.real }));
  }
  const regularizing = [];
  if (c.reg !== "none" && c.lambda > 0) regularizing.push(t("{penalty}, λ = {lambda}", { penalty: PENALTY_NAMES[c.reg], lambda: c.lambda }));
  const kept = c.keep.filter((k) => k < 1);
  if (kept.length > 0) regularizing.push(t("dropout, keep_prob = {keep}", { keep: [...new Set(c.keep)].join(", ") }));
  if (regularizing.length > 0) parts.push(regularizing.join(" + "));
  else if (parts.length === 0) parts.push(t("no regularization"));
  return parts.join(" · ");
}

// ---- running ----

function redraw() {
  if (view) view.dirty = true;
}

function setPlaying(on) {
  if (!on && view.playing) view.page.guard(() => view.comparison?.finishRound()); // runs stay together
  view.playing = on;
  view.dirty = true;
  const play = view.root.querySelector("#compare-play");
  play.innerHTML = on ? ICON_PAUSE : ICON_PLAY; // fixed markup, never data
  play.setAttribute("aria-label", t(on ? "Pause" : "Play"));
}

function step() {
  setPlaying(false);
  trainCompare(1);
}

function reset() {
  view.page.guard(() => view.comparison.reset());
  view.dirty = true;
}

function tick() {
  if (!view) return;
  view.raf = requestAnimationFrame(tick);
  if (!view.playing && !view.dirty) return;
  try {
    const c = view.page.config();
    const [w, h] = fit(view.cards[0].canvas);
    view.cards.forEach((card) => fit(card.canvas));
    const options = (c.showdev ? 1 : 0) | (c.discretize ? 2 : 0);
    if (view.playing) trainer.run((k) => view.page.guard(() => view.comparison.trainSlices(k)), c.speed, view.comparison.slicesPerIteration());
    // while playing, big networks draw their boundaries in turns (see budget.js)
    view.jobs ??= frameJobs(view.cards.map((_, i) => () => view.page.guard(() => view.comparison.draw(i, view.cards[i].context, ...view.size))));
    view.size = [w, h, options];
    view.jobs(!view.playing);
    showNumbers(compareMetrics());
    trainer.show(view.root.querySelector("#compare-speed-note"), view.playing, c.speed, t); // the runs together may train slower than asked
  } catch (e) {
    const { page } = view;
    closeCompare();
    page.showMessage(t("The comparison stopped: {message}", { message: e.message || e }), { id: "compare-error" });
    return;
  }
  view.dirty = false;
}

function showNumbers(metrics) {
  view.root.querySelector("#compare-iteration").textContent = Math.max(...metrics.runs.map((r) => r.metrics.iteration));
  const devCosts = metrics.runs.map((r) => r.metrics.devCost ?? Infinity);
  const lowest = devCosts.indexOf(Math.min(...devCosts));
  metrics.runs.forEach((run, i) => {
    const m = run.metrics;
    const card = view.cards[i];
    showItems(card.accuracies, [t("m = {m}", { m: m.trainSize }), t("train {value}", { value: percent(m.trainAccuracy) }), t("dev {value}", { value: percent(m.devAccuracy) })]);
    showItems(card.costs, m.status === "diverged" ? [t("diverged: lower α or λ")] : [t("J {value}", { value: number(m.cost, 3) }), t("dev cost {value}", { value: number(m.devCost, 3) })]);
    card.costs.classList.toggle("lowest", i === lowest && m.iteration > 0);
    card.costs.title = i === lowest ? t("lowest dev cost") : "";
  });
  if (view.playing && metrics.runs.every((r) => r.metrics.status !== "training")) setPlaying(false);
}

/** "a · b · c", each item kept on one line. */
function showItems(element, items) {
  const spans = items.map((text) => make("span", { textContent: text }));
  element.replaceChildren(...spans.flatMap((span, i) => (i === 0 ? [span] : [" · ", span])));
}
