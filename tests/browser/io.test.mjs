// Data & export: your own CSV in (script, file, paste), a bad one refused with its line and
// column while the data stays; the data CSV and the model JSON out and back in; PNGs of the
// boundary and the charts at twice their CSS size.
// REGPLAY_WWW=/some/www runs these against another copy of the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { assertNoErrors, useSite } from "./harness.mjs";

const site = useSite({ root: process.env.REGPLAY_WWW });
const { open } = site;


/** A ring of class 1 around a blob of class 0, in units far from the view's (centred at 500). */
function ringCsv(n = 120) {
  const lines = ["X2 , x1,Y"]; // any order, any case, spaces
  for (let i = 0; i < n; i++) {
    const angle = (i * 2.399963) % (2 * Math.PI);
    const r = i % 2 ? 80 + (i % 7) : 10 + (i % 11);
    lines.push(`${(500 + r * Math.sin(angle)).toFixed(3)}, ${(500 + r * Math.cos(angle)).toFixed(3)}, ${i % 2}`);
  }
  return lines.join("\n") + "\n";
}

const metrics = (page) => page.evaluate(() => window.playground.metrics());
const grid = (page) => page.evaluate(() => Array.from(window.playground.grid(20)));
const messages = (page) => page.locator("#messages .message").allTextContents();

/** Opens the Data & export menu and clicks one of its items; resolves to the download it starts. */
async function downloadFrom(page, id) {
  await page.click("#data-menu summary");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`#${id}`)]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

test("playground.loadCsv makes the file's points the data; the link says dataset=csv", async () => {
  const page = await open();
  const rows = await page.evaluate((text) => window.playground.loadCsv(text), ringCsv(120));
  assert.equal(rows, 120);
  const m = await metrics(page);
  assert.equal(m.trainSize + m.devSize, 120);
  assert.equal(m.trainSize, 60, "rows without a split are cut by the training share (50 %)");
  assert.equal(await page.evaluate(() => window.playground.config().dataset), "csv");
  await page.waitForFunction(() => location.hash.includes("dataset=csv"));
  // the axes are labelled in the file's units: around 500, not ±6
  const ends = await page.locator(".plot .x-axis span").allTextContents();
  assert.ok(Number(ends[0]) > 300 && Number(ends[2]) < 700 && Number(ends[0]) < Number(ends[2]), ends.join(" "));
  const m2 = await page.evaluate(() => window.playground.train(1500));
  assert.ok(m2.trainAccuracy > 0.95, `a ring around a blob is learnt: ${m2.trainAccuracy}`);
  assertNoErrors(page);
});

test("a malformed CSV is refused with its line and column, and the data stays", async () => {
  const page = await open();
  const before = await metrics(page);
  const bad = "x1,x2,y\n1,2,1\n3,4,0\n5,6,maybe\n";
  const message = await page.evaluate((text) => window.playground.loadCsv(text).then(() => "loaded", (e) => e.message), bad);
  assert.match(message, /line 4, column y: "maybe" is not 0 or 1/);
  const after = await metrics(page);
  assert.equal(after.trainSize, before.trainSize);
  assert.equal(after.devSize, before.devSize);
  assert.equal(await page.evaluate(() => window.playground.config().dataset), "keeper");

  // your own data stays too when the next file is bad
  await page.evaluate((text) => window.playground.loadCsv(text), ringCsv(80));
  for (const [text, expected] of [
    ["", /empty/],
    ["1,2,1\n", /line 1: .*no header/],
    ["x1,x2,y\n", /no rows/],
    ["x1,x2,y\n1,inf,1\n", /line 2, column x2: "inf" is not a finite number/],
    ["x1,x2,y\n1,1,1\n2,2,1\n", /both classes/],
  ]) {
    const m = await page.evaluate((t) => window.playground.loadCsv(t).then(() => "loaded", (e) => e.message), text);
    assert.match(m, expected);
    assert.equal((await metrics(page)).trainSize, 40, `after ${JSON.stringify(text)} the 80 rows are still the data`);
  }
  assertNoErrors(page);
});

test("Upload CSV: a bad file shows a page message naming the line and column; a good one loads", async () => {
  const page = await open();
  const before = await metrics(page);
  await page.setInputFiles("#upload-csv-file", { name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("x1,x2,y\n1,2,1\nabc,2,0\n") });
  await page.locator("#messages .message.error").filter({ hasText: "line 3, column x1" }).waitFor();
  assert.ok((await messages(page)).some((t) => t.includes("bad.csv") && t.includes('"abc" is not a number')));
  assert.equal((await metrics(page)).trainSize, before.trainSize);

  await page.setInputFiles("#upload-csv-file", { name: "ring.csv", mimeType: "text/csv", buffer: Buffer.from(ringCsv(100)) });
  await page.locator("#messages .message.info").filter({ hasText: "Loaded 100 rows" }).waitFor();
  assert.equal((await metrics(page)).trainSize, 50);
  assertNoErrors(page);
});

test("Paste CSV: a bad text keeps the dialog open with the message; a good one loads and closes it", async () => {
  const page = await open();
  await page.click("#data-menu summary");
  await page.click("#paste-csv");
  assert.ok(await page.locator("#paste-dialog").isVisible());
  await page.fill("#paste-text", "x1,x2,y,split\n1,2,1,train\n3,4,0,later\n");
  await page.click("#paste-load");
  await page.locator("#paste-error").filter({ hasText: 'line 3, column split: "later"' }).waitFor();
  assert.ok(await page.locator("#paste-dialog").isVisible());
  await page.fill("#paste-text", "x1,x2,y,split\n1,2,1,train\n3,4,0,train\n-1,-2,1,test\n-3,-4,0,dev\n");
  await page.click("#paste-load");
  await page.locator("#paste-dialog").waitFor({ state: "hidden" });
  const m = await metrics(page);
  assert.deepEqual([m.trainSize, m.devSize], [2, 2], "the file's split is kept");
  assertNoErrors(page);
});

test("Download data CSV writes train and dev points that load back as the same data", async () => {
  const page = await open("#augment=flip");
  const m = await metrics(page);
  const { name, bytes } = await downloadFrom(page, "download-csv");
  assert.match(name, /\.csv$/);
  const text = bytes.toString("utf8");
  const lines = text.trim().split("\n");
  assert.equal(lines[0], "x1,x2,y,split");
  assert.equal(lines.length - 1, m.trainSize - m.augmented + m.devSize, "real points only, no augmented copies");
  assert.equal(lines.filter((l) => l.endsWith(",train")).length, m.trainSize - m.augmented);
  const gridBefore = await grid(page);
  await page.evaluate((t) => window.playground.loadCsv(t), text);
  const again = await metrics(page);
  assert.deepEqual([again.trainSize, again.devSize], [m.trainSize, m.devSize]);
  assert.deepEqual(await grid(page), gridBefore, "the same points, the same split, the same start");
  const second = await downloadFrom(page, "download-csv");
  assert.equal(second.bytes.toString("utf8"), text, "exported again, the file is the same");
  assertNoErrors(page);
});

test("Download model JSON, then Load model JSON, gives back the same network", async () => {
  const page = await open();
  await page.evaluate(() => window.playground.train(300));
  const trained = await grid(page);
  const { name, bytes } = await downloadFrom(page, "download-model");
  assert.match(name, /\.json$/);
  const model = JSON.parse(bytes.toString("utf8"));
  assert.equal(model.activation, "tanh");
  assert.deepEqual(model.weights.map((w) => [w.length, w[0].length]), [[20, 2], [3, 20], [1, 3]]);
  assert.deepEqual(model.config.layers, [20, 3]);

  // another architecture and λ on the page: loading brings the model's setup back with it
  await page.evaluate(() => window.playground.set({ layers: [4], reg: "l2", lambda: 0.3 }));
  assert.notDeepEqual(await grid(page), trained);
  await page.setInputFiles("#load-model-file", { name, mimeType: "application/json", buffer: bytes });
  await page.locator("#messages .message.info").filter({ hasText: "Model loaded" }).waitFor();
  assert.deepEqual(await grid(page), trained, "grid(20) of the loaded model is the trained one, bit for bit");
  const c = await page.evaluate(() => window.playground.config());
  assert.deepEqual([c.layers, c.reg, c.lambda], [[20, 3], "none", 0]);
  await page.evaluate(() => window.playground.train(50));
  await page.evaluate(() => window.playground.reset());
  assert.deepEqual(await grid(page), trained, "reset goes back to the loaded weights");
  assertNoErrors(page);
});

test("a bad model file gets a message and nothing changes", async () => {
  const page = await open();
  await page.evaluate(() => window.playground.train(100));
  const before = await grid(page);
  const { bytes } = await downloadFrom(page, "download-model");
  const model = JSON.parse(bytes.toString("utf8"));
  const wrongShape = { ...model, weights: [model.weights[0], model.weights[2]], biases: [model.biases[0], model.biases[2]] };
  const wrongSetup = { ...model, config: { ...model.config, layers: [99] } };
  for (const [text, expected] of [
    ["{ not json", /not JSON: line 1, column 3/],
    [JSON.stringify({ ...model, format: "other" }), /not a regplay model/],
    [JSON.stringify(wrongShape), /does not hold together: W\[2\] has 3 columns but layer 1 has 20 units/],
    [JSON.stringify({ ...model, config: { ...model.config, layers: [20, 4] } }), /does not fit: the network has 2 inputs, hidden layers \[20,3\], tanh, but the setup asks for 2 inputs, hidden layers \[20,4\], tanh/],
    [JSON.stringify(wrongSetup), /setup: layers=/],
  ]) {
    await page.setInputFiles("#load-model-file", { name: "m.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await page.locator("#messages .message.error").filter({ hasText: expected }).waitFor();
    assert.deepEqual(await grid(page), before, `after ${text.slice(0, 40)}…`);
    await page.evaluate(() => document.querySelectorAll("#messages .message").forEach((m) => m.remove()));
  }
  assert.deepEqual((await page.evaluate(() => window.playground.config())).layers, [20, 3]);
  assertNoErrors(page);
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString("latin1"), "PNG");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test("PNGs of the boundary and of each chart are twice their CSS size", async () => {
  const page = await open();
  await page.evaluate(() => window.playground.train(500));
  const css = await page.evaluate(() => Object.fromEntries(["boundary", "cost-chart", "error-chart"].map((id) => {
    const c = document.getElementById(id);
    return [id, [c.clientWidth, c.clientHeight]];
  })));
  for (const [button, canvas, file] of [["png-boundary", "boundary", /boundary\.png$/], ["png-cost", "cost-chart", /cost\.png$/], ["png-error", "error-chart", /error\.png$/]]) {
    const { name, bytes } = await downloadFrom(page, button);
    assert.match(name, file);
    assert.deepEqual(pngSize(bytes), css[canvas].map((v) => 2 * v), `${button}: 2 × ${css[canvas]}`);
    assert.ok(bytes.length > 8000, `${button}: ${bytes.length} bytes is too little for a picture`);
  }
  assertNoErrors(page);
});
