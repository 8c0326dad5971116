// The in-browser benchmark (bench.html): the cases of benches/train.rs, run through the wasm
// handle, plus whole play-mode frames. `window.benchResults` is a Promise of
// [{ name, value, unit, note }]; tests/browser/bench.mjs prints it.
import init, { Playground } from "./pkg/regplay.js";

const WARMUP_MS = 200;
const BUDGET_MS = 1000;
// Chromium compiles wasm with a baseline compiler first and optimizes hot functions later,
// in the background: a short round of every case first keeps that out of the figures.
const WARMUP_ROUND_MS = 150;
const FRAME_MS = 1000 / 60;
const SIZE = 480;
const TF_PLAYGROUND_EPOCH_US = 400; // [8,8] tanh, 250 examples, batch 10, L2, measured in headless Chromium
// 2→8→8→1 tanh on 250 training examples (500 points, half for dev), L2: as benches/train.rs.
const BENCH = { dataset: "circle", points: "500", train: "50", layers: "8,8", reg: "l2", lambda: "0.01", lr: "0.03" };

const $ = (id) => document.getElementById(id);
const ctx = $("canvas").getContext("2d");

function playground(pairs = {}) {
  const pg = new Playground(Object.keys(pairs), Object.values(pairs));
  if (pg.problems().length) throw new Error(`bad bench config: ${pg.problems().join("; ")}`);
  return pg;
}

// Calls f for WARMUP_MS, then for about `budget` ms. Returns the mean and the 95th percentile
// of one call in ms (the percentile is only as fine as the timer: 0.1 ms unless isolated).
function time(f, budget) {
  for (const end = performance.now() + WARMUP_MS; performance.now() < end;) f();
  const times = [];
  const start = performance.now();
  let t = start;
  while (t - start < budget) {
    f();
    const now = performance.now();
    times.push(now - t);
    t = now;
  }
  times.sort((a, b) => a - b);
  return { mean: (t - start) / times.length, p95: times[Math.floor(0.95 * (times.length - 1))], calls: times.length };
}

// Times f on a fresh Playground, then frees it. A run that diverged (and so stopped
// training) fails the case rather than report a cheap no-op.
function timeOn(budget, pairs, f) {
  const pg = playground(pairs);
  try {
    const t = time(() => f(pg), budget);
    const diverged = pg.diverged();
    if (diverged) throw new Error(`the run diverged while timed: ${diverged}`);
    return t;
  } finally {
    pg.free();
  }
}

const round = (x, digits) => Number(x.toFixed(digits));
const pause = () => new Promise((resolve) => setTimeout(resolve, 20)); // lets the table paint

// Each case is [label, (budget) => rows]; the rows are shown as soon as the case is done.
const CASES = [
  ["training, full batch", (budget) => {
    const t = timeOn(budget, { ...BENCH, batch: "0" }, (pg) => pg.train(1));
    const us = t.mean * 1e3;
    return [
      ["train full batch (250): one step + evaluation", round(us, 1), "µs", `${t.calls} calls`],
      ["train full batch (250): steps per second", Math.round(1e6 / us), "steps/s", ""],
    ];
  }],
  ["training, batch 10", (budget) => {
    const t = timeOn(budget, { ...BENCH, batch: "10" }, (pg) => pg.train(25));
    const us = t.mean * 1e3;
    return [
      ["train batch 10: one epoch (25 steps + evaluation)", round(us, 1), "µs", `${t.calls} calls`],
      ["train batch 10: steps per second", Math.round(25e6 / us), "steps/s", ""],
      ["train batch 10: epoch time / TF Playground's", round(us / TF_PLAYGROUND_EPOCH_US, 2), "×",
        `TF Playground: ${TF_PLAYGROUND_EPOCH_US} µs/epoch; below 1 is faster`],
    ];
  }],
  ["grid(100)", (budget) => {
    const t = timeOn(budget, { ...BENCH, batch: "10" }, (pg) => pg.grid(100));
    return [["grid(100): 100×100 probabilities, copied out", round(t.mean * 1e3, 1), "µs",
      `${t.calls} calls; TF Playground's boundary (every neuron): 7700–8700 µs`]];
  }],
  ["drawBoundary", (budget) => {
    const t = timeOn(budget, { ...BENCH, batch: "10" }, (pg) => pg.drawBoundary(ctx, SIZE, SIZE, 1));
    return [[`drawBoundary ${SIZE}×${SIZE}: grid + colours + points + putImageData`, round(t.mean * 1e3, 1), "µs", `${t.calls} calls`]];
  }],
  ["play-mode frames", (budget) => {
    const frames = [1, 10, 50].map((n) => [n, timeOn(budget, {}, (pg) => pg.frame(n, ctx, SIZE, SIZE, 1))]);
    const [[, f1], [, f10], [, f50]] = frames;
    // The least-squares line through the three means: fixed cost + cost per iteration.
    const mean = (xs) => xs.reduce((a, b) => a + b) / xs.length;
    const [n0, t0] = [mean(frames.map(([n]) => n)), mean(frames.map(([, f]) => f.mean))];
    const perIteration = mean(frames.map(([n, f]) => (n - n0) * (f.mean - t0))) / mean(frames.map(([n]) => (n - n0) ** 2));
    const fixed = t0 - perIteration * n0;
    const fit = Math.max(0, Math.floor((FRAME_MS - fixed) / perIteration));
    return [
      [`frame(10, ${SIZE}×${SIZE}), default settings: mean`, round(f10.mean, 2), "ms", `${f10.calls} frames`],
      ["frame(10): 95th percentile", round(f10.p95, 2), "ms", ""],
      ["iterations per frame that fit in 16.7 ms", fit, "iterations",
        `${round(perIteration * 1e3, 1)} µs/iteration + ${round(fixed, 2)} ms fixed (line through 1, 10, 50)`],
      ...[[1, f1], [50, f50]].map(([n, f]) =>
        [`frame(${n}): mean`, round(f.mean, 2), "ms", `p95 ${round(f.p95, 2)} ms; ${f.calls} frames`]),
    ];
  }],
];

function show(rows) {
  for (const { name, value, unit, note } of rows) {
    const tr = $("results").insertRow();
    for (const [text, cls] of [[name], [value.toLocaleString("en"), "value"], [unit], [note]]) {
      const td = tr.insertCell();
      td.textContent = text;
      if (cls) td.className = cls;
    }
  }
}

async function run() {
  $("again").disabled = true;
  $("status").className = "";
  $("results").replaceChildren();
  try {
    await init();
    for (const [label, measure] of CASES) {
      $("status").textContent = `warming up: ${label}…`;
      await pause();
      measure(WARMUP_ROUND_MS);
    }
    const results = [];
    for (const [label, measure] of CASES) {
      $("status").textContent = `measuring ${label}…`;
      await pause();
      const rows = measure(BUDGET_MS).map(([name, value, unit, note]) => ({ name, value, unit, note }));
      results.push(...rows);
      show(rows);
    }
    $("status").textContent = "done";
    return results;
  } catch (e) {
    $("status").className = "error";
    $("status").textContent = `benchmark failed: ${e.stack || e}`;
    console.error("benchmark failed:", e);
    throw e;
  } finally {
    $("again").disabled = false;
  }
}

$("env").textContent = `${navigator.userAgent}; crossOriginIsolated: ${self.crossOriginIsolated}`;
$("again").addEventListener("click", () => { window.benchResults = run(); });
window.benchResults = run();
