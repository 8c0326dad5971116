// The λ sweep runs in slices of about SLICE_MS, yielding to the browser between them,
// so the page keeps drawing frames while it works.

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
