// The offline single file: dist/regplay.html opened from file://, with no server, trains,
// opens a lazily loaded panel, sweeps λ in Blob-URL workers, loads a CSV, and makes no request at all beyond itself.
// The file is packed again (node tools/single.mjs, no cargo) when it is missing or older
// than anything in www/, including the wasm package `./build.sh` put in www/pkg.
// REGPLAY_SINGLE=/some/file.html tests another packed file as it is.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launchBrowser, openPage, waitReady, assertNoErrors } from "./harness.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SINGLE = process.env.REGPLAY_SINGLE ?? path.join(ROOT, "dist", "regplay.html");

/** The newest modification time of any file under `dir`. */
async function newest(dir) {
  let latest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return latest;
}

let browser;
before(async () => {
  if (!process.env.REGPLAY_SINGLE) {
    const built = await stat(SINGLE).then((s) => s.mtimeMs, () => 0);
    if (built < (await newest(path.join(ROOT, "www")))) {
      execFileSync(process.execPath, [path.join(ROOT, "tools", "single.mjs"), SINGLE], { stdio: "inherit" });
    }
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Opens the file from disk; `page.requests` records every request it makes. */
async function openFile(viewport = { width: 1280, height: 720 }) {
  const page = await openPage(browser, pathToFileURL(SINGLE).href, { viewport });
  return { page, requests: page.requests };
}

test("dist/regplay.html works from file:// with no network: trains, lazy panels, your own CSV", async (t) => {
  const size = (await stat(SINGLE)).size;
  t.diagnostic(`${path.relative(ROOT, SINGLE)}: ${size} bytes`);
  const { page, requests } = await openFile();
  await waitReady(page);
  const start = await page.evaluate(() => window.playground.metrics());
  const trained = await page.evaluate(() => window.playground.train(1000));
  assert.ok(trained.iteration === 1000 && trained.cost < start.cost / 2, `${start.cost} → ${trained.cost}`);

  // a panel that app.js loads with import() on first use
  await page.click("#tab-weights");
  await page.waitForFunction(() => document.querySelector("#panel-weights canvas"));
  assert.equal(await page.locator("#messages .message.error").count(), 0, "no panel failed to load");

  // the λ sweep runs in workers started from Blob URLs (classic scripts: Chromium starts no
  // module worker from blob:null); each λ's result is the same whether it is swept alone or
  // beside others, and λ = 3 fits less; the workers count what they trained themselves
  const swept = await page.evaluate(async () => {
    const workers = await window.playground.sweep([0, 0.3, 3], 200);
    const slices = [];
    for (const lambda of [0, 0.3, 3]) slices.push(...(await window.playground.sweep([lambda], 200)));
    return { workers, slices };
  });
  assert.deepStrictEqual(swept.workers, swept.slices);
  assert.deepEqual(swept.workers.map((r) => r.lambda), [0, 0.3, 3]);
  let inWorkers = 0;
  for (const worker of page.workers()) inWorkers += await worker.evaluate(() => self.regplayTrained ?? 0).catch(() => 0);
  assert.equal(inWorkers, 6 * 200, `the sweeps' training ran in the file's workers, off the page thread: ${inWorkers} of ${6 * 200} iterations`);
  assert.ok(swept.workers[2].trainCost > swept.workers[0].trainCost, JSON.stringify(swept.workers));

  const rows = await page.evaluate(() => window.playground.loadCsv("x1,x2,y\n1,1,1\n2,2,1\n-1,-1,0\n-2,-2,0\n"));
  assert.equal(rows, 4);
  // a CSV's sweep runs in the workers too
  const csvSwept = await page.evaluate(() => window.playground.sweep([0, 1], 50));
  assert.deepEqual(csvSwept.map((r) => r.lambda), [0, 1]);
  let afterCsv = 0;
  for (const worker of page.workers()) afterCsv += await worker.evaluate(() => self.regplayTrained ?? 0).catch(() => 0);
  assert.equal(afterCsv - inWorkers, 2 * 50, "the CSV sweep trained in the workers");
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  const self = pathToFileURL(SINGLE).href;
  // its policy allows its own inline script and style by their hashes, nothing inline else
  const html = await readFile(SINGLE, "utf8");
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? "";
  assert.match(policy, /script-src 'sha256-[A-Za-z0-9+/=]{44}' 'wasm-unsafe-eval';/);
  assert.match(policy, /style-src 'sha256-[A-Za-z0-9+/=]{44}'/);
  assert.match(policy, /object-src 'none'.*base-uri 'none'/);
  assert.doesNotMatch(policy.replace("style-src-attr 'unsafe-inline'", ""), /'unsafe-inline'/, "nothing inline but its hashed script and style (and plotters' text measuring's style attribute)");
  assert.doesNotMatch(policy, /'unsafe-inline'[^;]*;[^;]*script|script-src[^;]*'unsafe-(inline|eval)'/);
  const others = requests.filter((url) => url.split("#")[0] !== self && !url.startsWith("blob:"));
  assert.deepEqual(others, [], "the file asks for nothing but its own workers' Blob URLs: no script, no style, no wasm, no network");
  assert.ok(requests.some((url) => url.startsWith("blob:")), "the sweep started its workers from Blob URLs");
  assertNoErrors(page);
});

test("the single file fits a phone screen too", async () => {
  const { page, requests } = await openFile({ width: 390, height: 844 });
  await waitReady(page);
  await page.evaluate(() => window.playground.train(200));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390 + 1, `no sideways scrolling: ${width}px`);
  assert.equal(requests.filter((url) => !url.startsWith("file:")).length, 0);
  assertNoErrors(page);
});
