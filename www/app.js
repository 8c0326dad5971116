// The page: loads the wasm core, wires the controls to its one handle, owns the animation
// loop, and exposes window.playground. Rust does the training and the pixels; one call per frame.

import init, { Playground } from "./pkg/regplay.js";
import { LAMBDAS, positionOf, formatLambda } from "./lambda.js";
import { readPairs, writeHash, urlForm } from "./url.js";
import { showMessage, clearMessage } from "./messages.js";

const $ = (id) => document.getElementById(id);
const OPTION_SHOW_DEV = 1;
const ITERATIONS_PER_FRAME = 10;

let pg = null;         // the wasm handle
let playing = false;
let dirty = true;       // something changed: redraw on the next frame
let dead = false;       // the core trapped; nothing more can run

// A Rust panic arrives here (see src/web/panic.rs) before the wasm traps.
globalThis.regplayPanic = (message) => fail(message);

function fail(message) {
  dead = true;
  playing = false;
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

function metrics() {
  return JSON.parse(guard(() => pg.metricsJson()));
}

function config() {
  return JSON.parse(guard(() => pg.configJson()));
}

/** Validates every pair first, then applies them: all or nothing. Throws Error(message). */
function set(values) {
  if (values === null || typeof values !== "object") throw new Error("set() takes an object such as { lambda: 0.3 }");
  const keys = Object.keys(values);
  const forms = keys.map((k) => urlForm(values[k]));
  guard(() => pg.validate(keys, forms));
  keys.forEach((k, i) => guard(() => pg.set(k, forms[i])));
  afterChange();
}

function afterChange() {
  writeHash(pg.query());
  syncControls();
  dirty = true;
}

function reset() {
  guard(() => pg.reset());
  clearMessage("diverged");
  dirty = true;
}

function setPlaying(on) {
  playing = on && !dead;
  $("play").textContent = playing ? "❚❚ Pause" : "▶ Play";
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
  const w = Math.round(canvas.clientWidth * ratio);
  const h = Math.round(canvas.clientHeight * ratio);
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
  const [w, h] = fitCanvas(boundary);
  try {
    const json = guard(() => pg.frame(playing ? ITERATIONS_PER_FRAME : 0, ctx, w, h, OPTION_SHOW_DEV));
    showMetrics(JSON.parse(json));
  } catch (e) {
    if (!dead) fail(String(e));
  }
  dirty = false;
}

const fmt = (v, digits = 4) => (v === null || v === undefined ? "–" : Number(v).toFixed(digits));
const pct = (v) => (v === null ? "–" : `${(v * 100).toFixed(1)} %`);

function showMetrics(m) {
  $("iteration").textContent = m.iteration;
  $("cost").textContent = fmt(m.cost);
  $("data-cost").textContent = fmt(m.dataCost);
  $("penalty").textContent = fmt(m.penalty);
  $("dev-cost").textContent = fmt(m.devCost);
  $("decay").textContent = config().reg === "l2" ? fmt(m.weightDecay, 6) : "–";
  $("train-accuracy").textContent = pct(m.trainAccuracy);
  $("dev-accuracy").textContent = pct(m.devAccuracy);
  $("weight-norm").textContent = fmt(m.weightNorm, 3);
  $("zero-weights").textContent = `${m.zeroWeights} / ${m.weightCount}`;
  $("linear").textContent = pct(m.linearFraction);
  if (m.status === "diverged" && !document.getElementById("diverged")) {
    setPlaying(false);
    showMessage(pg.diverged(), { id: "diverged", actions: [["Reset", reset]] });
  }
}

// ---- controls ----

function syncControls() {
  const c = config();
  $("reg").value = c.reg;
  $("lambda").value = positionOf(c.lambda);
  $("lambda-value").textContent = formatLambda(c.lambda);
  $("lambda").setAttribute("aria-valuetext", `λ = ${formatLambda(c.lambda)}`);
  $("penalty-formula").textContent =
    c.reg === "l2" ? "(λ/2m) Σ‖W[l]‖²_F" : c.reg === "l1" ? "(λ/2m) Σ|W[l]|" : "0";
}

function wireControls() {
  $("lambda").max = LAMBDAS.length - 1;
  $("play").addEventListener("click", () => setPlaying(!playing));
  $("step").addEventListener("click", () => {
    setPlaying(false);
    train(1);
  });
  $("reset").addEventListener("click", reset);
  $("reg").addEventListener("change", (e) => set({ reg: e.target.value }));
  $("lambda").addEventListener("input", (e) => {
    const lambda = LAMBDAS[Number(e.target.value)];
    // λ does nothing without a penalty: moving it off 0 picks L2, the lecture's first case
    set(lambda > 0 && config().reg === "none" ? { reg: "l2", lambda } : { lambda });
  });
  window.addEventListener("resize", () => (dirty = true));
}

// ---- start ----

async function start() {
  await init();
  const pairs = readPairs(window.location);
  pg = new Playground(pairs.map(([k]) => k), pairs.map(([, v]) => v));
  for (const problem of pg.problems()) showMessage(`${problem}. Using the default instead.`, { kind: "error" });
  wireControls();
  afterChange();
  setPlaying(false);
  await new Promise((resolve) => {
    requestAnimationFrame(() => {
      frame();
      resolve();
    });
  });
}

const ready = start();
ready.catch((e) => fail(`regplay could not start: ${e}`));

window.playground = {
  ready,
  config,
  set,
  reset,
  play: () => setPlaying(true),
  pause: () => setPlaying(false),
  train,
  metrics,
  grid: (n = 100) => guard(() => pg.grid(n)),
  history: () => JSON.parse(guard(() => pg.historyJson())),
};
