// The λ sweep runs in Web Workers, one λ at a time each, from the same setup — a loaded CSV
// included, posted to each worker once as numbers. Where workers cannot start it runs on the
// page's thread in slices of iterations within the frame's one time budget (budget.js),
// yielding to the browser between them, so the page keeps drawing frames while it works.
// Both give the same numbers, bit for bit.

import { sweepPool } from "./sweep_pool.js";
import { BUDGET_MS } from "./budget.js";
import { MAX_SWEEP_ITERATIONS } from "./limits.js";

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

/** Where the last sweep's training ran: "workers" or "page" (for tests and the bench). */
export const lastSweep = { ranIn: null };

/**
 * Sweeps λ on the current setup; resolves to [{ lambda, trainError, devError, trainCost, devCost }].
 * `onProgress(fraction)` is called after every slice.
 */
export async function runSweep(pg, guard, lambdas = SWEEP_LAMBDAS, iterations = 2000, onProgress = () => {}) {
  if (!Array.isArray(lambdas) || lambdas.some((l) => typeof l !== "number" || !Number.isFinite(l))) {
    throw new Error("sweep(lambdas, iterations) takes an array of numbers, e.g. [0, 0.01, 0.1, 1]");
  }
  const n = Math.floor(Number(iterations));
  if (!(n >= 1 && n <= MAX_SWEEP_ITERATIONS)) throw new Error(`sweep iterations must be a whole number from 1 to ${MAX_SWEEP_ITERATIONS}`);
  guard(() => pg.startSweep(Float64Array.from(lambdas), n));
  const mine = ++latest;
  const query = guard(() => pg.query());
  const pool = slicesOnly ? null : await sweepPool();
  lastSweep.ranIn = pool ? "workers" : "page";
  if (pool) {
    const numbers = guard(() => pg.tableNumbers());
    const data = numbers.length ? { id: ++tables, numbers } : null; // a loaded CSV: posted once to each worker
    return sweepInWorkers(pool, pg, guard, query, lambdas, n, onProgress, () => mine === latest, data);
  }
  return sweepInSlices(pg, guard, onProgress);
}

/** `forceSlices(true)`: sweeps run on the page's thread even where workers could (for tests and the bench). */
let slicesOnly = false;
let latest = 0; // the sweep the core holds: an older one still running hands it nothing
let tables = 0; // CSV tables sent to workers, so each worker knows when it has this one
export const forceSlices = (on) => {
  slicesOnly = Boolean(on);
};

async function sweepInWorkers(pool, pg, guard, query, lambdas, n, onProgress, current, data) {
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
    }, owner, data).then((result) => {
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

/** The sweep on the page's thread: slices of iterations (one slice is at most 1,000
 * examples of one iteration) until BUDGET_MS is spent, then a frame. */
async function sweepInSlices(pg, guard, onProgress) {
  let chunk = 1; // slices a call: grows from one, so a heavy setup never starts with a long call
  for (;;) {
    const start = performance.now();
    let progress = 0;
    for (;;) {
      const t = performance.now();
      progress = guard(() => pg.advanceSweepSlices(chunk));
      const ms = performance.now() - t;
      // half of what is left of the budget at the measured cost, at most four times the last
      const left = BUDGET_MS - (performance.now() - start);
      chunk = Math.max(1, Math.min(chunk * 4, Math.floor((chunk * left) / 2 / Math.max(ms, 0.01))));
      if (progress >= 1 || left <= 0 || chunk <= 1 && ms > left) break;
    }
    onProgress(progress);
    if (progress >= 1) return JSON.parse(guard(() => pg.sweepJson()));
    await yieldToBrowser();
  }
}
