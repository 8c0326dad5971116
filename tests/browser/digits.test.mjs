// Digits mode (dataset=digits): the four views drawn instead of the boundary, the augmented
// strip showing transformed images, a share link reopening a digits run bit for bit, the
// lecture's numbers measured on the model in the page, and Compare's augmentation comparison.
import { test } from "node:test";
import { readFile } from "node:fs/promises";
import assert from "node:assert/strict";
import { openPage, waitReady, assertNoErrors, useSite } from "./harness.mjs";

const site = useSite();

async function open(hash = "dataset=digits&lang=en", viewport = { width: 1280, height: 900 }) {
  const page = await openPage(site.browser, `${site.server.url}/index.html#${hash}`, { viewport });
  await waitReady(page);
  return page;
}

/** Painted pixels of a canvas: not white, and how many are blue, orange or dark. */
function painted(page, id) {
  return page.evaluate((id) => {
    const c = document.getElementById(id);
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let ink = 0, blue = 0, orange = 0, dark = 0;
    for (let k = 0; k < d.length; k += 4) {
      if (d[k] < 250 || d[k + 1] < 250 || d[k + 2] < 250) ink++;
      if (d[k + 2] > d[k] + 40) blue++;
      if (d[k] > d[k + 2] + 40) orange++;
      if (d[k] + d[k + 1] + d[k + 2] < 200) dark++;
    }
    return { ink, blue, orange, dark, width: c.width, height: c.height, shown: c.clientWidth > 0 };
  }, id);
}

/** After train(n), the page draws the new state by the next frames. */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test("digits mode draws its four views instead of the boundary", async () => {
  const page = await open();
  assert.ok(await page.locator("#boundary").isHidden(), "no boundary over a plane of inputs");
  assert.ok(await page.locator("#features").isHidden(), "features do not apply to images");
  assert.match(await page.locator("#digits-inputs").textContent(), /64 pixels/);
  const m = await page.evaluate(() => window.playground.train(800));
  assert.equal(m.featureCount, 64);
  await settle(page);
  const images = await painted(page, "digits-images");
  assert.ok(images.shown && images.blue > 1000 && images.orange > 1000 && images.dark > 1000, `dev images tinted both ways, strokes in ink: ${JSON.stringify(images)}`);
  const filters = await painted(page, "digits-filters");
  assert.ok(filters.blue > 200 && filters.orange > 200, `W[1] pictures in both signs: ${JSON.stringify(filters)}`);
  const pixels = await painted(page, "digits-pixels");
  assert.ok(pixels.dark > 100, JSON.stringify(pixels));
  const strip = await painted(page, "digits-strip");
  assert.ok(strip.dark > 100, JSON.stringify(strip));
  // the dev error above the images is the model's
  const shown = await page.locator("#digits-dev-error").textContent();
  assert.ok(shown.includes(`${(100 * m.devError).toFixed(1)} %`), `${shown} vs ${m.devError}`);
  assert.match(await page.locator("#digits-in-use").textContent(), /64 of 64 pixels in use/);
  // the network's 64 inputs are one tile, not 64 circles
  const inputs = await page.evaluate(async () => {
    const c = document.getElementById("network");
    const { Playground } = await import("./pkg/regplay.js");
    const pg = new Playground(["dataset"], ["digits"]);
    const d = JSON.parse(pg.networkLayout(c.width, c.height));
    pg.free();
    return d.nodes.filter((n) => n.layer === 0).length;
  });
  assert.equal(inputs, 1);
  // Korean: every new label has its translation
  await page.evaluate(() => window.playground.set({ lang: "ko" }));
  await settle(page);
  assert.match(await page.locator("#digits-in-use").textContent(), /픽셀 64개 중 64개 사용 중/);
  assert.match(await page.locator("#digits-dev-error").textContent(), /개발 세트 오차/);
  assertNoErrors(page);
});

test("the augmented strip shows a training 4 and transformed copies; flip is shown for what it does", async () => {
  const page = await open("dataset=digits&augment=rotate,shift&lang=en");
  await settle(page);
  const changed = JSON.parse(await page.locator("#digits-views").getAttribute("data-strip"));
  assert.equal(changed.length, 5, "flip, rotate, elastic, zoom, shift");
  assert.ok(changed.every((c) => c > 0.2), `every copy differs from the original: ${changed}`);
  const captions = await page.locator("#digits-strip-captions span").allTextContents();
  assert.deepEqual(captions.map((c) => c.startsWith("✓")), [false, false, true, false, false, true], `${captions}`);
  assert.deepEqual(await page.locator("#digits-strip-captions span.on").allTextContents(), ["✓ rotate ±15°", "✓ shift ±½ px"]);
  // each caption stands under its own picture: the strip's cells are the captions' columns
  const cells = await page.evaluate(() => {
    const c = document.getElementById("digits-strip");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    const cell = Math.floor(c.width / 6);
    return [0, 1, 2, 3, 4, 5].map((k) => {
      let dark = 0;
      for (let y = 0; y < c.height; y++) for (let x = k * cell; x < (k + 1) * cell; x++) if (d[(y * c.width + x) * 4] < 128) dark++;
      return dark;
    });
  });
  assert.ok(cells.every((dark) => dark > 20), `a picture in every cell, the shifted one too: ${cells}`);
  assert.match(await page.locator(".digits-strip h3").textContent(), /A training 4/);
  const m = await page.evaluate(() => window.playground.metrics());
  assert.equal(m.trainSize, 180, "60 real + 60 rotated + 60 shifted");
  assert.equal(m.augmented, 120);
  assertNoErrors(page);
});

test("a share link reopens a digits run bit for bit", async () => {
  const page = await open();
  await page.evaluate(() => window.playground.set({ digits: "3,8", images: 80, reg: "l2", lambda: 0.3, augment: ["rotate"], seed: 5, keep: [0.9, 1] }));
  const first = await page.evaluate(() => (window.playground.train(300), { m: window.playground.metrics(), h: window.playground.history() }));
  const hash = await page.evaluate(() => window.location.hash);
  assert.match(hash, /dataset=digits/);
  assert.match(hash, /digits=3,8/);
  const again = await open(hash.slice(1));
  const second = await again.evaluate(() => (window.playground.train(300), { m: window.playground.metrics(), h: window.playground.history() }));
  assert.deepStrictEqual(second, first);
  assert.equal(first.m.trainSize, 160);
  assertNoErrors(page);
  assertNoErrors(again);
});

test("the lecture's numbers on the model: overfitting, L2, L1's pixels and Compare's augmentation", async () => {
  const page = await open();
  // 4,000 iterations at the default α = 0.1, in calls of 800 (train()'s limit for this setup)
  const run = (settings) => page.evaluate((s) => {
    window.playground.set({ reg: "none", lambda: 0, augment: [], ...s });
    for (let i = 0; i < 4; i++) window.playground.train(800);
    return window.playground.train(800);
  }, settings);
  // seeds 1 to 4; native tests/digits.rs measures the same runs on seeds 1 to 8
  const seeds = [1, 2, 3, 4];
  // L2's λ of the dev-set claim was chosen on seeds 1–8 natively (tests/digits.rs L2_LAMBDA)
  let none = 0, noneCost = 0, l2 = 0, l2Cost = 0;
  for (const seed of seeds) {
    const plain = await run({ seed });
    assert.equal(plain.trainError, 0, `seed ${seed}: every training image right`);
    none += plain.devError / seeds.length;
    noneCost += plain.devCost / seeds.length;
    const decay = await run({ seed, reg: "l2", lambda: 0.1 });
    l2 += decay.devError / seeds.length;
    l2Cost += decay.devCost / seeds.length;
    const dense = await run({ seed, reg: "l2", lambda: 0.3 });
    assert.equal(dense.featuresInUse, 64, "L2 leaves every pixel in use");
    const sparse = await run({ seed, reg: "l1", lambda: 0.3 });
    assert.ok(sparse.featuresInUse <= 32, `L1 λ = 0.3 leaves at least half the pixels unused: ${sparse.featuresInUse} in use`);
  }
  assert.ok(none > 0.01, `dev error well above 0: ${none}`);
  assert.ok(l2Cost < 0.9 * noneCost, `L2 λ = 0.1 lowers the mean dev cost: ${l2Cost} vs ${noneCost}`);
  assert.ok(l2 <= none, `L2 λ = 0.1 does not raise the mean dev error: ${l2} vs ${none}`);

  // Compare's augmentation comparison, on digits, opened from a page augmenting with rotate and
  // shift: N real, N + N rotated + N shifted, 2N real, one dev set
  await page.evaluate(() => window.playground.set({ seed: 2, reg: "none", lambda: 0, augment: ["rotate", "shift"] }));
  await page.getByRole("button", { name: "Compare" }).click();
  await page.locator("#compare canvas").first().waitFor();
  await page.getByRole("button", { name: "Data augmentation" }).click();
  const m = await page.evaluate(async () => {
    const { trainCompare } = await import("./compare.js");
    for (let i = 0; i < 4; i++) trainCompare(800);
    return trainCompare(800);
  });
  assert.deepEqual(m.runs.map((r) => [r.real, r.metrics.trainSize, r.metrics.devSize]), [[60, 60, 241], [60, 180, 241], [120, 120, 241]]);
  const [real, augmented, doubled] = m.runs.map((r) => r.metrics.devError);
  assert.ok(doubled < augmented && augmented < real, `seed 2: ${real} ${augmented} ${doubled}`);
  assertNoErrors(page);
});

test("the λ sweep runs in the workers on digits, bit for bit the page thread's", async () => {
  const page = await open("dataset=digits&reg=l1&lang=en");
  const r = await page.evaluate(async () => {
    const sweep = await import("./sweep.js");
    const pool = await (await import("./sweep_pool.js")).sweepPool();
    const lambdas = [0, 0.3, 3];
    sweep.forceSlices(false);
    const workers = await window.playground.sweep(lambdas, 300);
    sweep.forceSlices(true);
    const slices = await window.playground.sweep(lambdas, 300);
    sweep.forceSlices(false);
    return { workers, slices, poolSize: pool?.size ?? 0 };
  });
  assert.ok(r.poolSize >= 2, `workers started: ${r.poolSize}`);
  assert.deepStrictEqual(r.workers, r.slices);
  assert.equal(r.workers[0].trainError, 0, "λ = 0 fits every training image");
  assert.notEqual(r.workers[0].devCost, r.workers[2].devCost);
  assertNoErrors(page);
});

// (at a small slide size, 480×300, the four views do not fit the frame yet: not fitted)
test("embedded digit panels fill a slide's frame, small or large, without scrollbars, in Korean and English", async () => {
  const sizes = [[480, 300], [640, 360], [1280, 720], [1920, 1080]];
  for (const lang of ["ko", "en"]) {
    for (const [width, height] of sizes) {
      const at = `${lang} ${width}×${height}`;
      const page = await open(`embed=1&dataset=digits&panels=images,filters,pixels,strip&lang=${lang}`, { width, height });
      await page.evaluate(() => window.playground.train(300));
      await settle(page);
      const scroll = await page.evaluate(() => {
        const s = document.scrollingElement;
        return { width: s.scrollWidth, clientWidth: s.clientWidth, height: s.scrollHeight, clientHeight: s.clientHeight };
      });
      assert.ok(scroll.width <= scroll.clientWidth + 1 && scroll.height <= scroll.clientHeight + 1, `no scrollbars at ${at}: ${JSON.stringify(scroll)}`);
      let area = 0;
      for (const id of ["digits-images", "digits-filters", "digits-pixels", "digits-strip"]) {
        const box = await page.locator(`#${id}`).boundingBox();
        assert.ok(box && box.width >= 20 && box.height >= 20, `${id} shown at ${at}: ${JSON.stringify(box)}`);
        assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 1 && box.y + box.height <= height + 1, `${id} inside the frame at ${at}: ${JSON.stringify(box)}`);
        const p = await painted(page, id);
        assert.ok(p.ink > 100, `${id} drawn at ${at}: ${JSON.stringify(p)}`);
        assert.ok(p.width * p.height <= 1_500_000, `${id} within the canvas budget at ${at}: ${p.width}×${p.height}`);
        area += box.width * box.height;
      }
      // scaled to the frame: the four views take a good part of it (at 1280×720 before, a tenth)
      assert.ok(area > 0.3 * width * height, `the views fill the frame at ${at}: ${Math.round(area)} of ${width * height} px²`);
      assert.ok(await page.locator("#boundary").isHidden());
      await page.screenshot({ path: `tests/browser/test-results/digits-embed-${lang}-${width}x${height}.png` });
      assertNoErrors(page);
      await page.close();
    }
  }
});

test("exports in digits mode: the images as CSV, the dev images as PNG, and the model file round trip", async () => {
  const page = await open();
  await page.evaluate(() => window.playground.train(200));
  await settle(page);
  const downloadFrom = async (id) => {
    await page.click("#data-menu summary");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(`#${id}`)]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  };
  assert.ok(await page.locator("#png-boundary").isHidden(), "no boundary to picture");
  const csv = await downloadFrom("download-csv");
  assert.equal(csv.name, "regplay-digits.csv");
  const lines = csv.bytes.toString("utf8").trim().split("\n");
  assert.equal(lines.length, 1 + 181 + 180, "a header and every 4 and 9");
  assert.match(lines[0], /^digit,y,split,r0c0,.*,r7c7$/);
  assert.match(lines[1], /^[49],[01],train(,(1[0-6]|[0-9])){64}$/);
  const png = await downloadFrom("png-digits");
  assert.equal(png.name, "regplay-dev-images.png");
  assert.deepEqual([...png.bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(""), "PNG");
  const width = png.bytes.readUInt32BE(16);
  assert.equal(width, 2 * (await page.locator("#digits-images").evaluate((c) => c.clientWidth)), "twice the screen's size");
  // the model file goes out and comes back in digits mode, weights bit for bit
  const model = await downloadFrom("download-model");
  const before = await page.evaluate(() => window.playground.metrics());
  await page.evaluate(() => window.playground.train(100));
  await page.setInputFiles("#load-model-file", { name: "model.json", mimeType: "application/json", buffer: model.bytes });
  await page.waitForFunction(() => document.querySelector("#messages .message"));
  const after = await page.evaluate(() => window.playground.metrics());
  assert.equal(after.iteration, 0, "training starts again from the file's weights");
  assert.equal(after.weightNorm, before.weightNorm, "the same weights");
  assert.equal(after.devError, before.devError, "the same network on the same images");
  assert.equal(await page.evaluate(() => window.playground.config().dataset), "digits");
  assertNoErrors(page);
});
