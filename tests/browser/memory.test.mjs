// Memory stays flat in long use: after a warm-up, training on (scripted and played, with
// every frame drawn) grows neither the JS heap nor the wasm memory by 2 MB.
// MEMORY_ITERATIONS=1000000 measures the long figure (slow: minutes).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, assertNoErrors } from "./harness.mjs";

const ITERATIONS = Number(process.env.MEMORY_ITERATIONS ?? 40_000);
const LIMIT = 2 * 2 ** 20;
const site = useSite();

/** JS heap in use after a full garbage collection, and the wasm memory's size, in bytes. */
async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(async () => (await (await import("./pkg/regplay.js")).default()).memory.buffer.byteLength);
  return { heap: usedSize, wasm };
}

/** Trains `n` iterations in slices of `slice`, one animation frame between them, so frames draw. */
const trainInFrames = (page, n, slice) => page.evaluate(async ([n, slice]) => {
  const pg = window.playground;
  for (let done = 0; done < n; done += slice) {
    pg.train(Math.min(slice, n - done));
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return pg.metrics();
}, [n, slice]);

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(2)} MB`;

test(`memory grows by less than 2 MB over ${ITERATIONS.toLocaleString("en")} iterations and seconds of play`, async (t) => {
  const page = await site.open("?reg=l2&lambda=0.7&keep=0.8,1");
  const cdp = await page.context().newCDPSession(page);
  await page.click("#tab-weights"); // an instrument drawn every frame too
  await trainInFrames(page, 3000, 1000); // warm-up: the history fills, the caches settle
  await page.evaluate(() => window.playground.play());
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1000)));
  const before = await memory(page, cdp);
  const m = await trainInFrames(page, ITERATIONS, 5000);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 3000))); // playing: frames draw
  const after = await memory(page, cdp);
  t.diagnostic(`JS heap ${mb(before.heap)} → ${mb(after.heap)}, wasm memory ${mb(before.wasm)} → ${mb(after.wasm)} over ${m.iteration.toLocaleString("en")} iterations`);
  assert.ok(m.iteration >= ITERATIONS, `trained ${m.iteration}`);
  assert.ok(after.heap - before.heap < LIMIT, `the JS heap grew by ${mb(after.heap - before.heap)}`);
  assert.ok(after.wasm - before.wasm < LIMIT, `the wasm memory grew by ${mb(after.wasm - before.wasm)}`);
  assertNoErrors(page);
});

test("a refused input is refused before the core copies it: the wasm memory stays within 10 MB", async (t) => {
  const page = await site.open();
  const model = await page.evaluate(() => window.playground.train(5) && new Promise((resolve) => {
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob) => (blob.text().then(resolve), (URL.createObjectURL = original), original(blob));
    document.getElementById("download-model").click();
  }));
  const withField = (field, value) => JSON.stringify({ ...JSON.parse(model), [field]: value });
  const numbers = withField("weights", [Array.from({ length: 400 }, () => Array.from({ length: 500 }, (_, i) => 0.123456789 + i))]);
  const wasm = () => page.evaluate(async () => (await (await import("./pkg/regplay.js")).default()).memory.buffer.byteLength);
  const config = () => page.evaluate(() => JSON.stringify(window.playground.config()));
  const start = await wasm();
  const before = await config();
  const cases = [
    ["a model file of 4.6 MB of numbers", "model", numbers],
    ["a 4 MiB string as weights", "model", withField("weights", "w".repeat(4 * 2 ** 20))],
    ["a 4 MiB string as activation", "model", withField("activation", "a".repeat(4 * 2 ** 20))],
    ["a CSV row of 2.5 M fields", "csv", `x1,x2,y\n${"1,".repeat(2.5e6)}1\n`],
    ["a CSV header of 2.5 M empty names", "csv", `${",".repeat(2.5e6)}\n1,1,1\n`],
  ];
  for (const [name, kind, text] of cases) {
    let message;
    if (kind === "csv") {
      message = await page.evaluate((text) => window.playground.loadCsv(text).then(() => "loaded", (e) => e.message), text);
    } else {
      await page.evaluate(() => document.querySelectorAll("#messages .message").forEach((m) => m.remove()));
      await page.setInputFiles("#load-model-file", { name: "model.json", mimeType: "application/json", buffer: Buffer.from(text) });
      await page.waitForFunction(() => document.querySelector("#messages .message"));
      message = await page.locator("#messages .message").first().textContent();
    }
    const now = await wasm();
    t.diagnostic(`${name}: wasm memory ${mb(start)} → ${mb(now)}; "${message.slice(0, 80)}"`);
    assert.notEqual(message, "loaded", name);
    assert.ok(message.length < 300, `${name}: a short message (${message.length} characters)`);
    assert.ok(now - start <= 10 * 2 ** 20, `${name}: the wasm memory grew by ${mb(now - start)}`);
    assert.equal(await config(), before, `${name}: nothing changed`);
  }
  assert.ok((await page.evaluate(() => window.playground.train(10))).iteration > 5, "the page still trains");
  assertNoErrors(page);
});
