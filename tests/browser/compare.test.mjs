// Side by side: the course's table of three runs trained together, each run's settings, and
// the augmentation comparison (N real, N real + N augmented, 2N real on one dev set).
// REGPLAY_WWW may point at another copy of www/ (before the view is wired into the page).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, waitReady, assertNoErrors, useSite } from "./harness.mjs";

const site = useSite({ root: process.env.REGPLAY_WWW });

// At the course's α 0.5, as tests/compare.rs: the course's table was drawn there (at the page's
// default α 0.1, 2,000 iterations do not overfit yet).
async function openCompare(viewport = { width: 1280, height: 720 }) {
  const page = await openPage(site.browser, `${site.server.url}/index.html#lr=0.5`, { viewport });
  await waitReady(page);
  await page.getByRole("button", { name: "Compare" }).click();
  await page.locator("#compare canvas").first().waitFor();
  return page;
}

const labels = (page) => page.locator("#compare h3").allTextContents();
const metrics = (page) => page.evaluate(async () => (await import("./compare.js")).compareMetrics());
const train = (page, n) => page.evaluate(async (n) => (await import("./compare.js")).trainCompare(n), n);

/** Blue and orange pixels of a canvas: not blank means both classes are painted. */
function colours(page, index) {
  return page.evaluate((i) => {
    const c = document.querySelectorAll("#compare canvas")[i];
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let blue = 0, orange = 0;
    for (let k = 0; k < d.length; k += 4) {
      if (d[k + 2] > d[k] + 40) blue++;
      if (d[k] > d[k + 2] + 40) orange++;
    }
    return { blue, orange, width: c.width, css: c.clientWidth * devicePixelRatio };
  }, index);
}

/** Waits for `n` animation frames of the page. */
const frames = (page, n) => page.evaluate((n) => new Promise((resolve) => {
  const tick = () => (--n > 0 ? requestAnimationFrame(tick) : resolve());
  requestAnimationFrame(tick);
}), n);

test("Compare opens the course's table: three boundaries, labelled, trained together by one Play", async () => {
  const page = await openCompare();
  assert.deepEqual(await labels(page), ["no regularization", "L2, λ = 0.7", "dropout, keep_prob = 0.86"]);
  assert.equal(await page.locator("#compare canvas").count(), 3);
  assert.ok(await page.locator("main").isHidden(), "the view covers the page");
  for (let i = 0; i < 3; i++) {
    const c = await colours(page, i);
    assert.ok(c.blue > 1000 && c.orange > 1000, JSON.stringify(c));
    assert.equal(c.width, Math.round(c.css), "drawn at the device's resolution");
  }
  await page.locator("#compare").getByRole("button", { name: "Play" }).click();
  await page.waitForFunction(async () => (await import("./compare.js")).compareMetrics().runs[0].metrics.iteration >= 60);
  await page.locator("#compare").getByRole("button", { name: "Pause" }).click();
  const iterations = (await metrics(page)).runs.map((r) => r.metrics.iteration);
  assert.ok(iterations[0] >= 60 && iterations.every((i) => i === iterations[0]), `iterations ${iterations}`);
  assert.equal(await page.locator("#compare-iteration").textContent(), String(iterations[0]));
  assert.equal(await page.evaluate(() => window.playground.metrics().iteration), 0, "the page's own run did not move");
  assertNoErrors(page);
});

test("as in the course, L2 and dropout fit the training set less and the dev set better", async () => {
  const page = await openCompare();
  const runs = (await train(page, 2000)).runs.map((r) => r.metrics);
  // measured: train 93.0 %, …; dev 87.5 %, … (the first run)
  const [plain, l2, dropout] = runs;
  assert.ok(l2.trainAccuracy < plain.trainAccuracy - 0.02 && dropout.trainAccuracy < plain.trainAccuracy - 0.02,
    runs.map((r) => r.trainAccuracy).join(" "));
  assert.ok(l2.devAccuracy > plain.devAccuracy && dropout.devAccuracy > plain.devAccuracy, runs.map((r) => r.devAccuracy).join(" "));
  await frames(page, 2); // the view shows the numbers on its next frame, however slow the machine
  const shown = await page.locator("#compare .compare-numbers").first().textContent();
  assert.match(shown, /train 93\.0 %.*dev 87\.5 %/);
  assertNoErrors(page);
});

test("each run's settings can be edited, and runs added up to four and removed down to two", async () => {
  const page = await openCompare();
  await train(page, 30);
  const lambda = page.getByRole("spinbutton", { name: "Run 2 λ" });
  await lambda.fill("3");
  await lambda.press("Enter");
  await lambda.blur();
  await page.waitForFunction(() => document.querySelectorAll("#compare h3")[1].textContent === "L2, λ = 3");
  assert.deepEqual((await metrics(page)).runs.map((r) => r.metrics.iteration), [0, 0, 0], "a change starts every run again");
  // choosing a penalty for the unregularized run starts at the course's λ
  await page.getByRole("combobox", { name: "Run 1 penalty" }).selectOption("l1");
  assert.equal((await labels(page))[0], "L1, λ = 0.7");
  await page.getByRole("spinbutton", { name: "Run 3 keep_prob" }).fill("0.5");
  await page.getByRole("spinbutton", { name: "Run 3 keep_prob" }).blur();
  await page.waitForFunction(() => document.querySelectorAll("#compare h3")[2].textContent === "dropout, keep_prob = 0.5");
  // a bad value is named on the page and the control put back
  await page.getByRole("spinbutton", { name: "Run 3 keep_prob" }).fill("0");
  await page.getByRole("spinbutton", { name: "Run 3 keep_prob" }).blur();
  await page.locator("#compare-error").waitFor();
  assert.equal(await page.getByRole("spinbutton", { name: "Run 3 keep_prob" }).inputValue(), "0.5");
  await page.locator("#compare-error").getByRole("button", { name: "Dismiss" }).click();

  await page.getByRole("button", { name: "Add run" }).click();
  assert.equal(await page.locator("#compare canvas").count(), 4);
  assert.ok(await page.getByRole("button", { name: "Add run" }).isDisabled(), "at most four");
  await page.getByRole("button", { name: "Remove run 1" }).click();
  await page.getByRole("button", { name: "Remove run 1" }).click();
  assert.equal(await page.locator("#compare canvas").count(), 2);
  assert.ok(await page.getByRole("button", { name: "Remove run 1" }).isDisabled(), "at least two");
  assertNoErrors(page);
});

test("the augmentation preset: N real, N real + N augmented, 2N real points on one dev set", async () => {
  const page = await openCompare();
  await page.getByRole("button", { name: "Data augmentation" }).click();
  assert.deepEqual(await labels(page), ["200 real points", "200 real + 200 augmented (jitter)", "400 real points"]);
  const m = await train(page, 2000);
  assert.equal(m.n, 200);
  assert.deepEqual(m.runs.map((r) => [r.real, r.metrics.augmented, r.metrics.trainSize, r.metrics.devSize]),
    [[200, 0, 200, 200], [200, 200, 400, 200], [400, 0, 400, 200]]);
  // measured dev cost: 0.437, 0.311, 0.249 — copies help, new points help more
  const [real, augmented, doubled] = m.runs.map((r) => r.metrics.devCost);
  assert.ok(doubled < augmented && augmented < real - 0.05, `${real} ${augmented} ${doubled}`);
  await frames(page, 2); // the view shows the numbers on its next frame, however slow the machine
  assert.match(await page.locator("#compare .compare-run").nth(1).textContent(), /m = 400/);
  // the copies' kind is the run's to choose
  await page.getByRole("combobox", { name: "Run 2 augment" }).selectOption("rotate");
  assert.equal((await labels(page))[1], "200 real + 200 augmented (rotate)");
  assertNoErrors(page);
});

test("Space plays the comparison, not the hidden page; Back gives the page back", async () => {
  const page = await openCompare();
  await page.keyboard.press("Space");
  await page.waitForFunction(async () => (await import("./compare.js")).compareMetrics().runs[0].metrics.iteration > 0);
  await page.keyboard.press("Space");
  assert.equal(await page.evaluate(() => window.playground.metrics().iteration), 0);
  await page.getByRole("button", { name: "Back" }).click();
  assert.ok(await page.locator("#compare").isHidden());
  assert.ok(await page.locator("main").isVisible());
  assert.equal(await page.evaluate(async () => (await import("./compare.js")).compareMetrics()), null);
  await page.evaluate(() => document.activeElement.blur()); // focus went back to the Compare button
  await page.keyboard.press("Space"); // the page's shortcut again
  await page.waitForFunction(() => window.playground.metrics().iteration > 0);
  assertNoErrors(page);
});

test("on a phone the runs sit two by two and nothing runs off the side", async () => {
  const page = await openCompare({ width: 390, height: 844 });
  const layout = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll("#compare canvas")].map((c) => c.getBoundingClientRect());
    const root = document.getElementById("compare");
    return { boxes: boxes.map((b) => [Math.round(b.left), Math.round(b.top), Math.round(b.width)]), overflow: root.scrollWidth - root.clientWidth };
  });
  const [a, b, c] = layout.boxes;
  assert.equal(a[1], b[1], "the first two side by side");
  assert.ok(c[1] > a[1], "the third below");
  assert.ok(a[2] >= 150, `boundaries ${a[2]} px wide`);
  assert.ok(layout.overflow <= 0, `overflows by ${layout.overflow} px`);
  assertNoErrors(page);
});
