// The page: loads the wasm core, wires the controls to its one handle, owns the animation
// loop, and exposes window.playground. Rust trains and paints; one call per frame.

import init, { Playground } from "./pkg/regplay.js";
import { readPairs, writeHash, urlForm } from "./url.js";
import { showMessage, clearMessage } from "./messages.js";
import { buildControls } from "./controls.js";
import { attachKeyboard } from "./keyboard.js";
import { runSweep, SWEEP_LAMBDAS } from "./sweep.js";
import { attachCharts } from "./charts.js";
import { attachNetwork } from "./network.js";
import { setupInstruments } from "./instruments.js";

const $ = (id) => document.getElementById(id);
const ICON_PLAY = '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2l10 6-10 6z"/></svg>';
const ICON_PAUSE = '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2h4v12H3z M9 2h4v12H9z"/></svg>';

let pg = null; // the wasm handle
let playing = false;
let dirty = true; // something changed: redraw on the next frame
let dead = false; // the core trapped; nothing more can run
let syncControls = () => {};
let network = null;
let instruments = null;

// A Rust panic arrives here (see src/web/panic.rs) before the wasm traps.
globalThis.regplayPanic = (message) => fail(message);

function fail(message) {
  if (dead) return;
  dead = true;
  setPlaying(false);
  showMessage(`${message} — reload the page to start again.`, { id: "fatal", actions: [["Reload", () => location.reload()]] });
}

/** Runs a call into the core; a trap becomes a visible message instead of a dead page. */
function guard(f) {
  if (dead) throw new Error("regplay stopped on an internal error; reload the page");
  try {
    return f();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) fail(String(e));
    throw e;
  }
}

/** For controls: runs a change and shows its error on the page instead of throwing. */
function act(change, undo = () => {}) {
  try {
    change();
  } catch (e) {
    undo();
    showMessage(e.message, { id: "control-error" });
    syncControls(config());
  }
}

const metrics = () => JSON.parse(guard(() => pg.metricsJson()));
const config = () => JSON.parse(guard(() => pg.configJson()));
const history = () => JSON.parse(guard(() => pg.historyJson()));
const sweep = (lambdas = SWEEP_LAMBDAS, iterations = 2000, onProgress) => runSweep(pg, guard, lambdas, iterations, onProgress);


/** Validates every pair first, then applies them: all or nothing. Throws Error(message). */
function set(values) {
  if (values === null || typeof values !== "object") throw new Error("set() takes an object such as { lambda: 0.3 }");
  const keys = Object.keys(values);
  const forms = keys.map((k) => urlForm(values[k]));
  guard(() => pg.validate(keys, forms));
  let reset = false;
  keys.forEach((k, i) => (reset = guard(() => pg.set(k, forms[i])) || reset));
  if (reset) clearMessage("diverged");
  clearMessage("control-error");
  afterChange();
}

function afterChange() {
  writeHash(pg.query());
  syncControls(config());
  dirty = true;
}

function reset() {
  guard(() => pg.reset());
  clearMessage("diverged");
  dirty = true;
}

/** Puts back the weights of the dev-cost minimum (early stopping by hand). */
function restoreBest() {
  guard(() => pg.restoreBest());
  dirty = true;
  return metrics();
}

function setPlaying(on) {
  playing = on && !dead;
  dirty = true; // draw the last iterations before a pause
  $("play").innerHTML = playing ? ICON_PAUSE : ICON_PLAY; // fixed markup, never data
  $("play").setAttribute("aria-label", playing ? "Pause" : "Play");
}

function train(n) {
  guard(() => pg.train(Math.max(0, Math.floor(Number(n) || 0))));
  dirty = true;
  return metrics();
}

// ---- drawing ----

function fitCanvas(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const h = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  return [w, h];
}

const boundary = $("boundary");
const ctx = boundary.getContext("2d");

function frame() {
  if (dead) return;
  requestAnimationFrame(frame);
  if (!playing && !dirty) return;
  try {
    const c = config();
    const [w, h] = fitCanvas(boundary);
    const options = (c.showdev ? 1 : 0) | (c.discretize ? 2 : 0);
    showMetrics(JSON.parse(guard(() => pg.frame(playing ? c.speed : 0, ctx, w, h, options))), c);
    guard(() => network.draw());
    guard(() => instruments.draw(dirty));
  } catch (e) {
    fail(`regplay stopped drawing: ${e.message || e}`);
  }
  dirty = false;
}

const fmt = (v, digits = 4) => (v === null || v === undefined ? "–" : Number(v).toFixed(digits));
const pct = (v) => (v === null || v === undefined ? "–" : `${(v * 100).toFixed(1)} %`);

function showMetrics(m, c) {
  $("iteration").textContent = m.iteration;
  $("cost").textContent = fmt(m.cost);
  $("data-cost").textContent = fmt(m.dataCost);
  $("penalty").textContent = fmt(m.penalty);
  $("dev-cost").textContent = fmt(m.devCost);
  $("decay").textContent = c.reg === "l2" ? fmt(m.weightDecay, 6) : "–";
  $("train-accuracy").textContent = pct(m.trainAccuracy);
  $("dev-accuracy").textContent = pct(m.devAccuracy);
  $("weight-norm").textContent = fmt(m.weightNorm, 3);
  $("zero-weights").textContent = `${m.zeroWeights} / ${m.weightCount}`;
  $("linear").textContent = pct(m.linearFraction);
  $("augment-count").textContent = m.augmented ? `${m.trainSize - m.augmented} real + ${m.augmented} augmented training points` : "";
  if (m.status === "diverged" && !$("diverged")) {
    setPlaying(false);
    showMessage(pg.diverged(), { id: "diverged", actions: [["Reset", reset]] });
  }
  if (m.status === "stopped" && playing) setPlaying(false);
}

/** Says, beside the boundary, whose map the large view shows while a neuron is focused. */
function showFocus(node) {
  $("focus-caption").textContent = node ? `Showing ${node.label}: move off the network to see ŷ again` : "";
  dirty = true;
}

// ---- start ----

function copyLink() {
  const link = window.location.href;
  navigator.clipboard?.writeText(link).then(
    () => showMessage("Link copied: it reopens this exact run.", { kind: "info", id: "copied" }),
    () => showMessage(`Copy this link: ${link}`, { kind: "info", id: "copied" }),
  ) ?? showMessage(`Copy this link: ${link}`, { kind: "info", id: "copied" });
}

async function start() {
  await init();
  const pairs = readPairs(window.location);
  pg = new Playground(pairs.map(([k]) => k), pairs.map(([, v]) => v));
  for (const problem of pg.problems()) showMessage(`${problem}. Using the default instead.`);
  syncControls = buildControls({ set, config, act });
  const curves = attachCharts($("cost-chart"), $("error-chart"), pg);
  instruments = setupInstruments(
    { pg, guard, set, config, metrics, history, sweep, showMessage, markDirty: () => (dirty = true) },
    curves,
  );
  network = attachNetwork($("network"), pg, { onFocus: showFocus, tooltip: $("tooltip") });
  $("play").addEventListener("click", () => setPlaying(!playing));
  $("step").addEventListener("click", () => {
    setPlaying(false);
    train(1);
  });
  $("reset").addEventListener("click", reset);
  $("restore-best").addEventListener("click", restoreBest);
  $("copy-link").addEventListener("click", copyLink);
  attachKeyboard({ toggle: () => setPlaying(!playing), step: () => (setPlaying(false), train(1)), reset });
  window.addEventListener("resize", () => (dirty = true));
  afterChange();
  setPlaying(false);
  await new Promise((resolve) => requestAnimationFrame(() => (frame(), resolve())));
}

const ready = start();
ready.catch((e) => fail(`regplay could not start: ${e.message || e}`));

window.playground = {
  ready,
  config,
  set,
  reset,
  play: () => setPlaying(true),
  pause: () => setPlaying(false),
  step: () => train(1),
  restoreBest,
  train,
  metrics,
  grid: (n = 100) => guard(() => pg.grid(n)),
  history,
  sweep: (lambdas, iterations) => sweep(lambdas, iterations),
  copyLink,
};
