// The λ sweep runs in Web Workers, one λ at a time each, from the same setup; where workers
// cannot start (or for CSV data, which the setup's pairs do not carry) it runs in slices of
// about SLICE_MS on the page's thread, yielding to the browser between them, so the page
// keeps drawing frames while it works. Both give the same numbers, bit for bit.

import { sweepPool } from "./sweep_pool.js";

const SLICE_MS = 8;

/** The default grid: 0, then 1e-3 … 30 on a 1-3 log scale (12 values). */
export const SWEEP_LAMBDAS = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 20, 30];

// A message lets the browser render between slices (scheduler.yield() continuations run
// ahead of rendering; setTimeout(0) is clamped to 4 ms). The queue lets two sweeps share it.
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()();
const yieldToBrowser = () =>
  new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

/**
 * Sweeps λ on the current setup; resolves to [{ lambda, trainError, devError, trainCost, devCost }].
 * `onProgress(fraction)` is called after every slice.
 */
export async function runSweep(pg, guard, lambdas = SWEEP_LAMBDAS, iterations = 2000, onProgress = () => {}) {
  if (!Array.isArray(lambdas) || lambdas.some((l) => typeof l !== "number" || !Number.isFinite(l))) {
    throw new Error("sweep(lambdas, iterations) takes an array of numbers, e.g. [0, 0.01, 0.1, 1]");
  }
  const n = Math.floor(Number(iterations));
  if (!(n >= 1 && n <= 1_000_000)) throw new Error("sweep iterations must be a whole number from 1 to 1000000");
  guard(() => pg.startSweep(Float64Array.from(lambdas), n));
  const mine = ++latest;
  const query = guard(() => pg.query());
  const pool = slicesOnly || guard(() => pg.get("dataset")) === "csv" ? null : await sweepPool();
  if (pool) return sweepInWorkers(pool, pg, guard, query, lambdas, n, onProgress, () => mine === latest);
  return sweepInSlices(pg, guard, onProgress);
}

/** `forceSlices(true)`: sweeps run on the page's thread even where workers could (for tests and the bench). */
let slicesOnly = false;
let latest = 0; // the sweep the core holds: an older one still running hands it nothing
export const forceSlices = (on) => {
  slicesOnly = Boolean(on);
};

async function sweepInWorkers(pool, pg, guard, query, lambdas, n, onProgress, current) {
  const pairs = [[], []];
  for (const part of query.split("&")) {
    const at = part.indexOf("=");
    pairs[0].push(part.slice(0, at));
    pairs[1].push(part.slice(at + 1));
  }
  const partial = lambdas.map(() => 0);
  const numbers = lambdas.map(() => null);
  let pushed = 0; // results handed to the core, in λ order, so its chart and list fill as they come
  let failed = false; // after a failure (or a cancel) nothing more goes to the core
  const owner = {};
  const report = () => onProgress(partial.reduce((a, b) => a + b, 0) / lambdas.length);
  await Promise.all(lambdas.map((lambda, i) =>
    pool.run(pairs, lambda, n, (p) => {
      partial[i] = p;
      report();
    }, owner).then((result) => {
      numbers[i] = result;
      partial[i] = 1;
      while (!failed && current() && pushed < lambdas.length && numbers[pushed]) guard(() => pg.pushSweepPoint(...numbers[pushed++]));
      report();
    }))).catch((e) => {
    failed = true;
    pool.cancel(owner, e); // the other λ of this sweep stop too
    throw e;
  });
  if (current()) return JSON.parse(guard(() => pg.sweepJson()));
  const keys = ["lambda", "trainError", "devError", "trainCost", "devCost"];
  return numbers.map((p) => Object.fromEntries(keys.map((k, i) => [k, Number.isFinite(p[i]) ? p[i] : null])));
}

async function sweepInSlices(pg, guard, onProgress) {
  for (;;) {
    const start = performance.now();
    let progress = 0;
    do progress = guard(() => pg.advanceSweep(20));
    while (progress < 1 && performance.now() - start < SLICE_MS);
    onProgress(progress);
    if (progress >= 1) return JSON.parse(guard(() => pg.sweepJson()));
    await yieldToBrowser();
  }
}
