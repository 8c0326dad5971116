// What bench.html measures: each case is [label, (budget) => rows], a row being
// [name, value, unit, note]; `budget` is about how many ms a case may spend per thing it times.
import { Playground } from "./pkg/regplay.js";
import { sweepPool } from "./sweep_pool.js";
import { runSweep } from "./sweep.js";
import { peer } from "./bench_peer.js";
import { alternating, frameGaps, sideBySide, time } from "./bench_timing.js";

const FRAME_MS = 1000 / 60;
const SIZE = 480;
const TF_PLAYGROUND_EPOCH_US = 400; // [8,8] tanh, 250 examples, batch 10, L2, measured in headless Chromium
// 2→8→8→1 tanh on 250 training examples (500 points, half for dev), L2: as benches/train.rs.
const BENCH = { dataset: "circle", points: "500", train: "50", layers: "8,8", reg: "l2", lambda: "0.01", lr: "0.03" };

// the canvas bench.html shows: the last boundary drawn
const ctx = document.getElementById("canvas").getContext("2d");

function playground(pairs = {}) {
  const pg = new Playground(Object.keys(pairs), Object.values(pairs));
  if (pg.problems().length) throw new Error(`bad bench config: ${pg.problems().join("; ")}`);
  return pg;
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

// n iterations on pg, failing the case if fewer ran (a stopped or diverged run would
// otherwise be timed as a cheap no-op).
function iterations(pg, n) {
  const ran = pg.train(n);
  if (ran !== n) throw new Error(`only ${ran} of ${n} iterations ran: ${pg.diverged() ?? "the run stopped"}`);
}

const round = (x, digits) => Number(x.toFixed(digits));

// The 12-λ sweep of the page, 2,000 iterations each, on the default setup, single-threaded.
const SWEEP_LAMBDAS = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 20, 30];

export const CASES = [
  ["side by side with the JavaScript peer", (budget) => {
    const net = peer();
    const pg = playground({ ...BENCH, batch: "10" });
    try {
      const epoch = sideBySide(() => net.epoch(), () => pg.train(25), budget);
      const grid = sideBySide(() => net.boundary(100), () => pg.grid(100), budget);
      if (pg.diverged()) throw new Error(`the run diverged while timed: ${pg.diverged()}`);
      const us = (ms) => round(ms * 1e3, 1);
      return [
        ["peer: one epoch (250 examples, batch 10, + train and test loss)", us(epoch.peer), "µs", `median of ${epoch.rounds} rounds`],
        ["regplay: one epoch (25 steps + evaluation)", us(epoch.ours), "µs", "rounds alternate with the peer's"],
        ["epoch: regplay is faster than the peer by", round(epoch.ratio, 2), "×", "target ≥ 4 (aim 10); median of per-round ratios"],
        ["peer: 100×100 boundary (every node's map)", us(grid.peer), "µs", `median of ${grid.rounds} rounds`],
        ["regplay: exact grid(100)", us(grid.ours), "µs", ""],
        ["grid(100): regplay is faster than the peer by", round(grid.ratio, 2), "×", "target ≥ 10; median of per-round ratios"],
      ];
    } finally {
      pg.free();
    }
  }],
  ["12-λ sweep", (budget) => {
    const runs = [];
    for (let start = performance.now(); runs.length < 1 || (performance.now() - start < budget && runs.length < 3);) {
      const pg = playground({});
      const t0 = performance.now();
      pg.startSweep(Float64Array.from(SWEEP_LAMBDAS), 2000);
      while (pg.advanceSweep(1e6) < 1);
      runs.push(performance.now() - t0);
      pg.free();
    }
    const best = Math.min(...runs);
    return [["12-λ × 2,000-iteration sweep, default setup, one thread", round(best, 0), "ms",
      `best of ${runs.length}; target < 1000 ms wall`]];
  }],
  ["12-λ sweep in workers", async (budget) => {
    const pool = await sweepPool();
    if (!pool) throw new Error("the sweep workers did not start");
    const runs = [];
    let longest = 0;
    for (let start = performance.now(); runs.length < 1 || (performance.now() - start < budget && runs.length < 3);) {
      const pg = playground({});
      const gaps = frameGaps();
      const t0 = performance.now();
      await runSweep(pg, (f) => f(), SWEEP_LAMBDAS, 2000);
      runs.push(performance.now() - t0);
      longest = Math.max(longest, gaps.stop());
      pg.free();
    }
    return [[`12-λ × 2,000-iteration sweep, default setup, ${pool.size} workers (wall)`, round(Math.min(...runs), 0), "ms",
      `best of ${runs.length}; target < 1000 ms; longest frame gap meanwhile ${round(longest, 1)} ms (target ≤ 50)`]];
  }],
  ["digits against the 2-D default", (budget) => {
    // iterations per second of play (full batch: one step and the train/dev evaluation
    // each), the three setups in alternating rounds so that their ratios hold on a busy machine
    const setups = [{}, { dataset: "digits" }, { dataset: "digits", images: "300", augment: "rotate" }].map(playground);
    try {
      const t = alternating(setups.map((pg) => () => iterations(pg, 10)), budget / 2);
      const [flat, small, large] = t.ms.map((ms) => 10e3 / ms);
      const canvas = document.createElement("canvas");
      const c2 = canvas.getContext("2d");
      const views = timeOn(budget / 3, { dataset: "digits" }, (pg) => {
        pg.drawDigits("images", c2, 570, 264);
        pg.drawDigits("filters", c2, 390, 126);
        pg.drawDigits("pixels", c2, 126, 126);
        pg.drawDigits("strip", c2, 567, 95);
      });
      const rounds = `median of ${t.rounds} alternating rounds`;
      return [
        ["2-D default (2→20→3→1, 200 training + 200 dev points): iterations per second", Math.round(flat), "it/s",
          `full batch, evaluation included; ${rounds}`],
        ["digits (64→20→3→1, 60 training + 301 dev images): iterations per second", Math.round(small), "it/s", ""],
        ["digits, 60 images: iterations a second / the 2-D default's", round(t.ratio(0, 1), 2), "×",
          "target ≥ 1; median of per-round ratios"],
        ["digits (600 training images: 300 + 300 rotated, 61 dev): iterations per second", Math.round(large), "it/s", ""],
        ["digits, 600 images: iterations a second / the 2-D default's", round(t.ratio(0, 2), 2), "×",
          "target ≥ 1; median of per-round ratios"],
        ["digits: the four views drawn (1.5× device pixels)", round(views.mean, 2), "ms", `${views.calls} calls`],
      ];
    } finally {
      setups.forEach((pg) => pg.free());
    }
  }],
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
    // the page's frame call: train n iterations (no time budget here), draw the boundary with
    // the dev points (options 4 | 8 | 1); the network diagram (16) is left out
    const spare = document.createElement("canvas").getContext("2d");
    const frames = [1, 10, 50].map((n) => [n, timeOn(budget, {}, (pg) => (pg.setCanvases(ctx, spare), pg.frame(n, Infinity, 4 | 8 | 1)))]);
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
