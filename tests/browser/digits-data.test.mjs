// The handwritten digits' data is a file beside the wasm (www/pkg/digits.bin), fetched after
// the first frame (`ready` waits for it, at most 2 s) or when digits mode is first asked for:
// after `ready` a script switches to digits synchronously; asking for digits while the file
// is still on its way says so until it comes, then trains; a file that cannot be had is
// named on the page and the run stays as it was; the sweep workers get the data; and the
// single offline file carries it, digits mode working from file:// with no network.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { openPage, waitReady, assertNoErrors, useSite } from "./harness.mjs";

const site = useSite();
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DATA = /\/pkg\/digits\.bin(\?|$)/;

/** The page at `hash`, with every request for the digits' file recorded (and `route`d, if given). */
async function open(hash, route) {
  const page = await openPage(site.browser, "about:blank", { viewport: { width: 1280, height: 900 } });
  page.dataRequests = [];
  page.on("request", (r) => DATA.test(r.url()) && page.dataRequests.push(r.url()));
  if (route) await page.route(DATA, route);
  await page.goto(`${site.server.url}/index.html#${hash}`);
  await waitReady(page);
  return page;
}

const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** λ values × iterations the page's sweep workers trained, as each worker counts itself. */
async function trainedInWorkers(page) {
  let trained = 0;
  for (const worker of page.workers()) trained += await worker.evaluate(() => self.regplayTrained ?? 0).catch(() => 0);
  return trained;
}

test("after ready, a script switches to digits at once: set() applies synchronously and train() trains on the images", async () => {
  const page = await open("lang=en");
  assert.equal(page.dataRequests.length, 1, "the file was asked for once, after the first frame");
  const r = await page.evaluate(() => {
    const returned = window.playground.set({ dataset: "digits" });
    const m = window.playground.train(10);
    return { sync: returned === undefined, m };
  });
  assert.deepEqual([r.sync, r.m.featureCount, r.m.iteration, r.m.trainSize], [true, 64, 10, 60]);
  assertNoErrors(page);
});

test("while the file is held back, asking for digits says so until it comes, then trains", async () => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const page = await open("lang=en", async (route) => (await held, route.continue()));
  await page.evaluate(() => window.playground.train(20));
  await frames(page);
  assert.equal(page.dataRequests.length, 1, "asked for once, after the first frame (still on its way)");

  // asked for while the file is held back: the page says it is loading, the run is unchanged
  await page.evaluate(() => (window.asked = window.playground.set({ dataset: "digits" })) && null);
  await page.locator("#digits-loading").waitFor();
  assert.match(await page.locator("#digits-loading").textContent(), /Loading the handwritten digits/);
  assert.equal((await page.evaluate(() => window.playground.config())).dataset, "keeper");
  release();
  await page.evaluate(() => window.asked);
  assert.equal(page.dataRequests.length, 1);
  assert.equal(await page.locator("#digits-loading").count(), 0, "the loading note is gone");
  assert.equal((await page.evaluate(() => window.playground.config())).dataset, "digits");
  const m = await page.evaluate(() => window.playground.train(50));
  assert.deepEqual([m.featureCount, m.iteration, m.trainSize], [64, 50, 60]);
  assert.ok(m.cost > 0 && m.cost < 1, `a cost: ${m.cost}`);
  await frames(page);
  assert.match(await page.locator("#digits-dev-error").textContent(), /dev set error/);

  // once here, leaving digits and coming back fetches nothing more and is synchronous again
  const again = await page.evaluate(() => {
    window.playground.set({ dataset: "moons" });
    const r = window.playground.set({ dataset: "digits" });
    return { sync: r === undefined, dataset: window.playground.config().dataset };
  });
  assert.deepEqual(again, { sync: true, dataset: "digits" });
  assert.equal(page.dataRequests.length, 1);
  assertNoErrors(page);
});

test("while the digits load, other changes go on; a later choice of data wins over the waiting one", async () => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const page = await open("lang=en", async (route) => (await held, route.continue()));
  // digits asked for, then λ moved while the file is on its way: both hold once it is here
  await page.evaluate(() => (window.asked = window.playground.set({ dataset: "digits" })) && null);
  await page.locator("#digits-loading").waitFor();
  await page.evaluate(() => window.playground.set({ reg: "l2", lambda: 0.3 }));
  release();
  await page.evaluate(() => window.asked);
  let c = await page.evaluate(() => window.playground.config());
  assert.deepEqual([c.dataset, c.reg, c.lambda], ["digits", "l2", 0.3]);
  // back to 2-D data, then a change that waits on nothing: synchronous, as any setting
  await page.evaluate(() => window.playground.set({ dataset: "moons" }));
  c = await page.evaluate(() => window.playground.config());
  assert.equal(c.dataset, "moons");
  assertNoErrors(page);

  // on a fresh page: digits asked for, then another dataset before the file comes: that one stays
  let release2;
  const held2 = new Promise((resolve) => (release2 = resolve));
  const other = await open("lang=en", async (route) => (await held2, route.continue()));
  await other.evaluate(() => (window.asked = window.playground.set({ dataset: "digits", lambda: 0.1 })) && null);
  await other.locator("#digits-loading").waitFor();
  await other.evaluate(() => window.playground.set({ dataset: "circle" }));
  release2();
  await other.evaluate(() => window.asked);
  c = await other.evaluate(() => window.playground.config());
  assert.deepEqual([c.dataset, c.lambda], ["circle", 0], "the later dataset wins; nothing of the dropped change applied");
  assert.equal(await other.locator("#digits-loading").count(), 0);
  assertNoErrors(other);
});

test("when the digits cannot be fetched, the page says so and the run stays as it was", async () => {
  const page = await open("lang=en", (route) => route.fulfill({ status: 503, body: "unavailable" }));
  const before = await page.evaluate(() => window.playground.train(30));
  const refused = await page.evaluate(() => window.playground.set({ dataset: "digits", lambda: 0.1 }).then(() => null, (e) => e.message));
  assert.match(refused ?? "", /could not be loaded: 503/);
  assert.match(await page.locator("#digits-failed").textContent(), /could not be loaded \(503 .*\); the data stays as it was/);
  const c = await page.evaluate(() => window.playground.config());
  assert.deepEqual([c.dataset, c.lambda], ["keeper", 0], "nothing of the refused change applied");
  const after = await page.evaluate(() => window.playground.metrics());
  assert.deepEqual([after.iteration, after.cost], [before.iteration, before.cost], "the run goes on where it was");
  // the only errors the page saw are the refused file's
  assert.deepEqual(page.errors.filter((e) => !/digits\.bin/.test(e)), []);
});

test("the sweep workers get the digits once the page has them, and sweep digits bit for bit as the page thread", async () => {
  const page = await open("reg=l2&lang=en");
  // the workers start on the 2-D default, before the page has any digits
  await page.evaluate(() => window.playground.sweep([0, 1], 20));
  const before = await trainedInWorkers(page);
  assert.equal(before, 2 * 20);
  await page.evaluate(() => window.playground.set({ dataset: "digits" }));
  const r = await page.evaluate(async () => {
    const sweep = await import("./sweep.js");
    const workers = await window.playground.sweep([0, 0.3, 3], 100);
    sweep.forceSlices(true);
    const slices = await window.playground.sweep([0, 0.3, 3], 100);
    sweep.forceSlices(false);
    return { workers, slices };
  });
  assert.equal((await trainedInWorkers(page)) - before, 3 * 100, "the digits sweep trained in the workers");
  assert.deepStrictEqual(r.workers, r.slices);
  assert.ok(r.workers[2].trainCost > r.workers[0].trainCost, JSON.stringify(r.workers));
  assert.equal(page.dataRequests.length, 1);
  assertNoErrors(page);
});

test("the single offline file carries the digits: digits mode trains and sweeps from file:// with no network", async (t) => {
  const file = path.join(tmpdir(), `regplay-digits-${process.pid}.html`);
  execFileSync(process.execPath, [path.join(ROOT, "tools", "single.mjs"), file], { stdio: "pipe" });
  t.after(() => rm(file, { force: true }));
  const page = await openPage(site.browser, pathToFileURL(file).href, { viewport: { width: 1280, height: 900 } });
  const requests = page.requests;
  await waitReady(page);
  await page.evaluate(() => window.playground.set({ dataset: "digits" }));
  const m = await page.evaluate(() => window.playground.train(50));
  assert.deepEqual([m.featureCount, m.iteration, m.trainSize], [64, 50, 60]);
  await frames(page);
  assert.match(await page.locator("#digits-dev-error").textContent(), /dev set error/);
  const swept = await page.evaluate(() => window.playground.sweep([0, 1], 50));
  assert.deepEqual(swept.map((s) => s.lambda), [0, 1]);
  assert.equal(await trainedInWorkers(page), 2 * 50, "the sweep trained in the file's workers");
  const self = pathToFileURL(file).href;
  assert.deepEqual(requests.filter((url) => url.split("#")[0] !== self && !url.startsWith("blob:")), [], "nothing fetched: no digits.bin, no network");
  assertNoErrors(page);
  await page.context().close();
});
