// The λ sweep in Web Workers: at least two workers start (one wasm instance each, from the
// module the page compiled), and their results equal the page thread's slices bit for bit,
// on the default setup and on one with L1 and dropout; CSV data sweeps on the page's thread.
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

  // CSV data is not in the setup's pairs: its sweep runs on the page's thread
  const csv = await page.evaluate(async () => {
    window.playground.loadCsv("x1,x2,y\n1,1,1\n2,2,1\n-1,-1,0\n-2,-2,0\n1,2,1\n-2,-1,0\n");
    return window.playground.sweep([0, 1], 50);
  });
  assert.deepEqual(csv.map((r) => r.lambda), [0, 1]);
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
