// The λ sweep in Web Workers: at least two workers start (one wasm instance each, from the
// module the page compiled), and their results equal the page thread's slices bit for bit,
// on the default setup, on one with L1 and dropout, and on a loaded CSV with augmentation (its
// table posted to each worker once); the training is counted inside the workers. A worker
// that stops answering is ended and replaced, and the sweep still settles with every λ.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, waitReady, assertNoErrors, useSite } from "./harness.mjs";

const site = useSite();

/** The sweep of `lambdas` in workers, then on the page's thread; numbers as [bits…] to compare exactly. */
async function bothWays(page, lambdas, iterations) {
  return page.evaluate(async ({ lambdas, iterations }) => {
    const sweep = await import("./sweep.js");
    const pool = await (await import("./sweep_pool.js")).sweepPool();
    sweep.forceSlices(false);
    const workers = await window.playground.sweep(lambdas, iterations);
    sweep.forceSlices(true);
    const slices = await window.playground.sweep(lambdas, iterations);
    sweep.forceSlices(false);
    return { workers, slices, poolSize: pool?.size ?? 0 };
  }, { lambdas, iterations });
}

test("the sweep in workers gives the page thread's numbers bit for bit", async () => {
  const page = await openPage(site.browser, `${site.server.url}/index.html`);
  await waitReady(page);
  const lambdas = [0, 0.01, 0.3, 3, 30];
  const plain = await bothWays(page, lambdas, 400);
  assert.ok(plain.poolSize >= 2, `at least two workers started: ${plain.poolSize}`);
  assert.equal(plain.workers.length, lambdas.length);
  assert.deepEqual(plain.workers.map((r) => r.lambda), lambdas);
  assert.deepStrictEqual(plain.workers, plain.slices);
  // the results differ across λ, so equal lists mean equal training, not empty answers
  assert.notEqual(plain.workers[0].trainCost, plain.workers[4].trainCost);

  await page.evaluate(() => window.playground.set({ reg: "l1", layers: [6, 4], keep: [0.8, 0.9], dataset: "spiral" }));
  const other = await bothWays(page, [0, 0.1, 1], 300);
  assert.deepStrictEqual(other.workers, other.slices);

  assertNoErrors(page);
});

/** λ values × iterations trained inside the page's workers (each counts its own). */
async function trainedInWorkers(page) {
  let total = 0;
  for (const worker of page.workers()) total += await worker.evaluate(() => self.regplayTrained ?? 0).catch(() => 0);
  return total;
}

test("a CSV's sweep (augmented too) trains in the workers, with the page thread's numbers bit for bit", async () => {
  const page = await openPage(site.browser, `${site.server.url}/index.html`);
  await waitReady(page);
  const rows = ["x1,x2,y"];
  for (let i = 0; i < 600; i++) {
    const a = (i * 2.399963) % (2 * Math.PI);
    const r = 1 + (i % 7) / 3;
    rows.push(`${(r * Math.cos(a) * 10).toFixed(3)},${(r * Math.sin(a) * 10 + 50).toFixed(3)},${r > 2 ? 1 : 0}`);
  }
  const csv = rows.join("\n");
  await page.evaluate((text) => window.playground.loadCsv(text), csv);
  await page.evaluate(() => window.playground.set({ augment: "flip,jitter", layers: [6], batch: 0 }));
  const before = await trainedInWorkers(page);
  const lambdas = [0, 0.3, 3];
  const both = await bothWays(page, lambdas, 60);
  const after = await trainedInWorkers(page);
  assert.equal(await page.evaluate(() => window.playground.config().dataset), "csv");
  assert.ok(both.poolSize >= 2);
  assert.deepStrictEqual(both.workers, both.slices, "workers and the page thread train the same CSV data alike");
  assert.notEqual(both.workers[0].trainCost, both.workers[2].trainCost);
  // the workers' own count: the training ran off the page's thread, not just a request to them
  assert.equal(after - before, lambdas.length * 60, `trained in workers: ${after - before}`);
  assertNoErrors(page);
});

test("a worker that stops answering is replaced, and the sweep settles with every λ", async () => {
  const page = await openPage(site.browser, `${site.server.url}/index.html`);
  await waitReady(page);
  const out = await page.evaluate(async () => {
    const poolModule = await import("./sweep_pool.js");
    const pool = await poolModule.sweepPool();
    const lambdas = [0, 0.01, 0.1, 1];
    const sweep = window.playground.sweep(lambdas, 3000);
    while (pool.running.size === 0) await new Promise((r) => setTimeout(r, 5));
    const [lost] = pool.running.keys();
    lost.terminate(); // killed: no answer, no error event, ever again
    const started = performance.now();
    const result = await sweep;
    for (let t = 0; pool.idle.length < pool.size && t < 400; t++) await new Promise((r) => setTimeout(r, 25));
    return {
      lambdas: result.map((r) => r.lambda), finite: result.every((r) => Number.isFinite(r.trainCost)),
      size: pool.size, idle: pool.idle.length, lostIdle: pool.idle.includes(lost), stall: poolModule.STALL_MS,
      waited: performance.now() - started,
    };
  });
  assert.deepEqual(out.lambdas, [0, 0.01, 0.1, 1]);
  assert.ok(out.finite);
  assert.equal(out.idle, out.size, "a fresh worker took the lost one's place");
  assert.equal(out.lostIdle, false);
  assertNoErrors(page);
});

test("a sweep cancelled midway stops its workers at once, and a failed job's worker is replaced", async () => {
  const page = await openPage(site.browser, `${site.server.url}/index.html`);
  await waitReady(page);
  const out = await page.evaluate(async () => {
    const pool = await (await import("./sweep_pool.js")).sweepPool();
    const lambdas = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 20, 30];
    const first = window.playground.sweep(lambdas, 20000);
    // wait until the first sweep is under way in the workers, then start a newer one
    while (pool.running.size === 0) await new Promise((r) => setTimeout(r, 5));
    const runningOld = pool.running.size;
    const second = window.playground.sweep([1, 3], 300);
    const [a, b] = await Promise.allSettled([first, second]);
    const afterCancel = { queued: pool.queue.length, running: pool.running.size };
    // a job that fails in its worker: the worker is ended and a fresh one takes its place
    const [keys, values] = [["layers"], ["4"]];
    const failed = await pool.run([keys, values], NaN, 10).then(() => "resolved", (e) => e.message);
    for (let t = 0; pool.idle.length < pool.size && t < 200; t++) await new Promise((r) => setTimeout(r, 25));
    const idleAfter = pool.idle.length;
    const again = await window.playground.sweep([0, 1], 200);
    return {
      runningOld, a: a.status === "rejected" ? a.reason.message : "resolved",
      b: b.status === "fulfilled" ? b.value.map((r) => r.lambda) : b.reason.message,
      afterCancel, failed, idleAfter, size: pool.size, again: again.map((r) => r.lambda),
    };
  });
  assert.ok(out.runningOld >= 1, "the first sweep was running in the workers");
  assert.match(out.a, /cancelled/);
  assert.deepEqual(out.b, [1, 3]);
  // nothing of the cancelled sweep is left to run: its 20,000-iteration jobs were dropped or stopped
  assert.deepEqual(out.afterCancel, { queued: 0, running: 0 });
  assert.notEqual(out.failed, "resolved");
  assert.equal(out.idleAfter, out.size, "every worker is back (the failed one replaced)");
  assert.deepEqual(out.again, [0, 1]);
  assertNoErrors(page); // no uncaught "cancelled" errors from the workers' progress messages
});
