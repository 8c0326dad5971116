// The in-browser benchmark (bench.html): the cases of benches/train.rs, run through the wasm
// handle, plus whole play-mode frames. `window.benchResults` is a Promise of
// [{ name, value, unit, note }]; tests/browser/bench.mjs prints it.
import { Playground } from "./pkg/regplay.js";
import { loadCore, sweepPool } from "./sweep_pool.js";
import { runSweep } from "./sweep.js";

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

// The JavaScript peer: a network built the way TensorFlow Playground builds its own (nn.ts):
// node and link objects, forward and backward one example at a time, Math.tanh, the weights
// updated after every batch with L2 decay. Sigmoid output and cross-entropy, as regplay's.
const PEER_TANH = { output: (x) => Math.tanh(x), der: (x) => { const o = Math.tanh(x); return 1 - o * o; } };
const PEER_SIGMOID = { output: (x) => 1 / (1 + Math.exp(-x)), der: (x) => { const o = 1 / (1 + Math.exp(-x)); return o * (1 - o); } };

class PeerNode {
  constructor(activation) {
    Object.assign(this, { activation, inputLinks: [], outputs: [], bias: 0.1, totalInput: 0, output: 0 });
    Object.assign(this, { outputDer: 0, inputDer: 0, accInputDer: 0, numAccumulatedDers: 0 });
  }
  updateOutput() {
    this.totalInput = this.bias;
    for (const link of this.inputLinks) this.totalInput += link.weight * link.source.output;
    this.output = this.activation.output(this.totalInput);
    return this.output;
  }
}

class PeerLink {
  constructor(source, dest, random) {
    Object.assign(this, { source, dest, weight: random() - 0.5, errorDer: 0, accErrorDer: 0, numAccumulatedDers: 0 });
  }
}

function peerNetwork(shape, random) {
  const network = shape.map((n, l) => Array.from({ length: n }, () =>
    new PeerNode(l === shape.length - 1 ? PEER_SIGMOID : PEER_TANH)));
  for (let l = 1; l < network.length; l++) {
    for (const node of network[l]) {
      for (const prev of network[l - 1]) {
        const link = new PeerLink(prev, node, random);
        prev.outputs.push(link);
        node.inputLinks.push(link);
      }
    }
  }
  return network;
}

function peerForward(network, inputs) {
  network[0].forEach((node, i) => { node.output = inputs[i]; });
  for (let l = 1; l < network.length; l++) for (const node of network[l]) node.updateOutput();
  return network[network.length - 1][0].output;
}

function peerBackward(network, target) {
  const out = network[network.length - 1][0];
  out.outputDer = 0;
  out.inputDer = out.output - target; // dL/dz of cross-entropy through the sigmoid
  for (let l = network.length - 1; l >= 1; l--) {
    for (const node of network[l]) {
      if (node !== out) node.inputDer = node.outputDer * node.activation.der(node.totalInput);
      node.accInputDer += node.inputDer;
      node.numAccumulatedDers++;
    }
    for (const node of network[l]) {
      for (const link of node.inputLinks) {
        link.errorDer = node.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (l === 1) continue;
    for (const node of network[l - 1]) {
      node.outputDer = 0;
      for (const link of node.outputs) node.outputDer += link.weight * link.dest.inputDer;
    }
  }
}

function peerUpdate(network, learningRate, regularizationRate) {
  for (let l = 1; l < network.length; l++) {
    for (const node of network[l]) {
      if (node.numAccumulatedDers > 0) {
        node.bias -= (learningRate * node.accInputDer) / node.numAccumulatedDers;
        node.accInputDer = 0;
        node.numAccumulatedDers = 0;
      }
      for (const link of node.inputLinks) {
        if (link.numAccumulatedDers > 0) {
          link.weight -= (learningRate / link.numAccumulatedDers) * link.accErrorDer;
          link.weight -= learningRate * regularizationRate * link.weight; // L2
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
}

function peerLoss(network, points) {
  let loss = 0;
  for (const p of points) {
    const a = Math.min(Math.max(peerForward(network, p.x), 1e-15), 1 - 1e-15);
    loss -= p.y * Math.log(a) + (1 - p.y) * Math.log(1 - a);
  }
  return loss / points.length;
}

// A seeded generator (mulberry32), so the peer's data and weights are the same every run.
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The peer on BENCH's problem: 250 training and 250 test points of a noisy circle. */
function peer() {
  const random = mulberry32(42);
  const point = () => {
    const r = random() < 0.5 ? 5 * random() * 0.5 : 5 * (0.7 + 0.3 * random());
    const angle = 2 * Math.PI * random();
    return { x: [r * Math.cos(angle), r * Math.sin(angle)], y: r < 2.5 ? 1 : 0 };
  };
  const train = Array.from({ length: 250 }, point);
  const test = Array.from({ length: 250 }, point);
  const network = peerNetwork([2, 8, 8, 1], random);
  const nodes = network.flat();
  const maps = nodes.map(() => new Float64Array(100 * 100));
  return {
    // TF Playground's oneStep(): every training point once, an update after each batch,
    // then the training and test losses
    epoch(batch = 10, learningRate = 0.03, lambda = 0.01) {
      train.forEach((p, i) => {
        peerForward(network, p.x);
        peerBackward(network, p.y);
        if ((i + 1) % batch === 0) peerUpdate(network, learningRate, lambda);
      });
      return peerLoss(network, train) + peerLoss(network, test);
    },
    // TF Playground's updateDecisionBoundary(): every node's output over the n×n grid
    boundary(n = 100) {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          peerForward(network, [-6 + (12 * (j + 0.5)) / n, 6 - (12 * (i + 0.5)) / n]);
          nodes.forEach((node, k) => { maps[k][i * n + j] = node.output; });
        }
      }
      return maps[maps.length - 1];
    },
  };
}

// Times the peer's f and regplay's g in alternating rounds of about 20 ms each, so that a
// busy machine slows both alike; returns the medians (ms per call) and the median ratio.
function sideBySide(f, g, budget) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const round = (h) => {
    let calls = 0;
    const start = performance.now();
    do { h(); calls++; } while (performance.now() - start < 20);
    return (performance.now() - start) / calls;
  };
  for (const end = performance.now() + WARMUP_MS; performance.now() < end;) { f(); g(); }
  const [peerTimes, ourTimes] = [[], []];
  for (const end = performance.now() + 2 * budget; performance.now() < end || peerTimes.length < 3;) {
    peerTimes.push(round(f));
    ourTimes.push(round(g));
  }
  return { peer: median(peerTimes), ours: median(ourTimes), ratio: median(peerTimes.map((p, i) => p / ourTimes[i])), rounds: peerTimes.length };
}

// Each case is [label, (budget) => rows]; the rows are shown as soon as the case is done.
// The 12-λ sweep of the page, 2,000 iterations each, on the default setup, single-threaded.
const SWEEP_LAMBDAS = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 20, 30];

const CASES = [
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
    // iterations per second of play (full batch: one step and the train/dev evaluation each)
    const rate = (pairs) => 10e3 / timeOn(budget / 3, pairs, (pg) => pg.train(10)).mean;
    const flat = rate({});
    const small = rate({ dataset: "digits" });
    const large = rate({ dataset: "digits", images: "300", augment: "rotate" });
    const canvas = document.createElement("canvas");
    const c2 = canvas.getContext("2d");
    const views = timeOn(budget / 3, { dataset: "digits" }, (pg) => {
      pg.drawDigits("images", c2, 570, 264);
      pg.drawDigits("filters", c2, 390, 126);
      pg.drawDigits("pixels", c2, 126, 126);
      pg.drawDigits("strip", c2, 567, 95);
    });
    return [
      ["2-D default (2→20→3→1, 200 training + 200 dev points): iterations per second", Math.round(flat), "it/s", "full batch, evaluation included"],
      ["digits (64→20→3→1, 60 training + 301 dev images): iterations per second", Math.round(small), "it/s",
        `${round(small / flat, 2)}× the 2-D default; target ≥ 1`],
      ["digits (600 training images: 300 + 300 rotated, 61 dev): iterations per second", Math.round(large), "it/s",
        `${round(large / flat, 2)}× the 2-D default; target ≥ 1`],
      ["digits: the four views drawn (1.5× device pixels)", round(views.mean, 2), "ms", `${views.calls} calls`],
    ];
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

/** Records the longest gap between animation frames until `stop()`, which returns it in ms. */
function frameGaps() {
  let longest = 0;
  let last = performance.now();
  let going = true;
  const tick = (t) => {
    longest = Math.max(longest, t - last);
    last = t;
    if (going) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return { stop: () => ((going = false), Math.max(longest, performance.now() - last)) };
}

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
    await loadCore();
    for (const [label, measure] of CASES) {
      $("status").textContent = `warming up: ${label}…`;
      await pause();
      await measure(WARMUP_ROUND_MS);
    }
    const results = [];
    for (const [label, measure] of CASES) {
      $("status").textContent = `measuring ${label}…`;
      await pause();
      const rows = (await measure(BUDGET_MS)).map(([name, value, unit, note]) => ({ name, value, unit, note }));
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
