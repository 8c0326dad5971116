// The λ sweep panel: a sweep run from the panel on the default setup gives
// 12 points whose dev error is U-shaped (the best λ is inside the grid, λ = 0 overfits and
// λ = 30 underfits), choosing a point loads its λ into the live run, the page keeps drawing
// frames while the sweep runs, and playground.sweep() answers scripts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, waitReady, assertNoErrors, useSite } from "./harness.mjs";

const SWEEP_TIMEOUT = 120_000; // 12 × 2,000 iterations; generous for a loaded machine

const site = useSite();

async function openSweepPanel(viewport = { width: 1280, height: 720 }) {
  const page = await openPage(site.browser, `${site.server.url}/index.html`, { viewport });
  await waitReady(page);
  await page.getByRole("tab", { name: "λ sweep" }).click();
  await page.getByRole("button", { name: "Run sweep" }).waitFor();
  return page;
}

/** The list's buttons by their accessible names: "λ = 0.3: dev error 7.0 %, best". */
async function points(page) {
  const names = await page.locator("#panel-sweep li button").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")));
  return names.map((name) => {
    const m = name.match(/^λ = ([\d.]+): dev error ([\d.]+) %(, best)?$/);
    assert.ok(m, `unexpected point name ${JSON.stringify(name)}`);
    return { name, lambda: Number(m[1]), dev: Number(m[2]), best: Boolean(m[3]) };
  });
}

/** Records in window.progressSeen each value the visible progress bar shows. */
function watchProgress(page) {
  return page.evaluate(() => {
    const bar = document.querySelector("#panel-sweep progress");
    window.progressSeen = [];
    new MutationObserver(() => bar.hidden || window.progressSeen.push(bar.value)).observe(bar, { attributes: true });
  });
}

/** Records the longest gap between animation frames, in ms, in window.frameGaps until `going` is false. */
function recordFrameGaps(page) {
  return page.evaluate(() => {
    window.frameGaps = { longest: 0, frames: 0, going: true };
    let last = performance.now();
    const tick = (t) => {
      if (!window.frameGaps.going) return;
      window.frameGaps.longest = Math.max(window.frameGaps.longest, t - last);
      window.frameGaps.frames++;
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
  });
}

test("a sweep from the panel is U-shaped on the default setup, keeps frames coming, and loads the chosen λ", async () => {
  const page = await openSweepPanel();
  assert.equal(await page.locator("#panel-sweep li").count(), 0, "no points before a sweep");
  // the machine's own frame gaps, paused and without a sweep, in the same run: a busy machine
  // stretches both alike, so the bound during the sweep is read against them
  await recordFrameGaps(page);
  await page.waitForTimeout(1500);
  const idle = await page.evaluate(() => ((window.frameGaps.going = false), window.frameGaps));
  const bound = Math.max(400, 4 * idle.longest);
  await recordFrameGaps(page);
  await watchProgress(page);
  await page.getByRole("button", { name: "Run sweep" }).click();
  await page.waitForFunction(
    () => document.querySelectorAll("#panel-sweep li").length === 12 && document.querySelector("#panel-sweep progress").hidden,
    null, { timeout: SWEEP_TIMEOUT },
  );
  const gaps = await page.evaluate(() => ((window.frameGaps.going = false), window.frameGaps));
  const progress = await page.evaluate(() => window.progressSeen);
  assert.ok(progress.some((v) => v > 0 && v < 1), `the progress bar showed the sweep under way: ${progress.join(", ")}`);

  const p = await points(page);
  assert.equal(p.length, 12, p.map((q) => q.name).join("; "));
  assert.deepEqual(p.map((q) => q.lambda), [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 20, 30]);
  const best = p.findIndex((q) => q.best);
  assert.ok(best > 0 && best < 11, `the best λ is inside the grid: ${p.map((q) => q.name).join("; ")}`);
  assert.equal(p.filter((q) => q.best).length, 1);
  assert.ok(p[0].dev > p[best].dev, `λ = 0 overfits: ${p[0].name} vs ${p[best].name}`);
  assert.ok(p[11].dev > p[best].dev, `λ = 30 underfits: ${p[11].name} vs ${p[best].name}`);
  assert.ok(p.every((q) => q.dev >= p[best].dev), "the best has the lowest dev error");
  assert.ok(gaps.frames > 10 && gaps.longest < bound, `frames kept coming during the sweep: ${JSON.stringify({ gaps, idle, bound })}`);

  // the chart shows both curves
  const colours = await page.evaluate(() => {
    const c = document.querySelector("#panel-sweep canvas");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let blue = 0, orange = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 2] > d[i] + 60 && d[i + 2] > d[i + 1] + 30) blue++;
      if (d[i] > d[i + 2] + 80 && d[i] > d[i + 1] + 40) orange++;
    }
    return { blue, orange };
  });
  assert.ok(colours.blue > 200 && colours.orange > 200, JSON.stringify(colours));

  // choosing the best point in the chart loads its λ, with the penalty the sweep used
  const chart = await page.locator("#panel-sweep canvas").boundingBox();
  let found = false;
  for (let x = chart.x + 2; x < chart.x + chart.width && !found; x += 3) {
    await page.mouse.move(x, chart.y + chart.height / 2);
    found = (await page.evaluate(() => document.querySelector("#panel-sweep li button.highlight")?.getAttribute("aria-label"))) === p[best].name;
  }
  assert.ok(found, "the pointer over the best λ's point highlights its button");
  await page.mouse.down();
  await page.mouse.up();
  let c = await page.evaluate(() => window.playground.config());
  assert.equal(c.lambda, p[best].lambda);
  assert.equal(c.reg, "l2", "the default has no penalty, so the sweep used L2");
  assert.equal(await page.getByRole("button", { name: p[best].name }).getAttribute("aria-current"), "true");

  // and by keyboard: Enter on a focused button of the list
  await page.getByRole("button", { name: p[11].name }).focus();
  await page.keyboard.press("Enter");
  c = await page.evaluate(() => window.playground.config());
  assert.equal(c.lambda, 30);
  assertNoErrors(page);
});

test("playground.sweep() resolves to one result per λ while training keeps playing, and the panel shows them", async () => {
  const page = await openSweepPanel();
  const { results, before, after } = await page.evaluate(async () => {
    window.playground.play();
    const before = window.playground.metrics().iteration;
    const results = await window.playground.sweep([0, 1, 30], 300);
    const after = window.playground.metrics().iteration;
    window.playground.pause();
    return { results, before, after };
  });
  assert.ok(after > before, `the live run kept training during the sweep: iteration ${before} → ${after}`);
  assert.equal(results.length, 3);
  for (const r of results) {
    assert.deepEqual(Object.keys(r).sort(), ["devCost", "devError", "lambda", "trainCost", "trainError"]);
    for (const v of Object.values(r)) assert.equal(typeof v, "number");
  }
  assert.deepEqual(results.map((r) => r.lambda), [0, 1, 30]);
  await page.evaluate(() => window.playground.train(1)); // a change redraws the panel
  await page.waitForFunction(() => document.querySelectorAll("#panel-sweep li").length === 3);
  assert.deepEqual((await points(page)).map((q) => q.lambda), [0, 1, 30]);
  assertNoErrors(page);
});

test("on a phone the panel's chart and every point fit the screen", async () => {
  const page = await openSweepPanel({ width: 390, height: 844 });
  await page.evaluate(() => window.playground.sweep([0, 0.01, 0.1, 1, 10, 30], 100));
  await page.evaluate(() => window.playground.train(1));
  await page.waitForFunction(() => document.querySelectorAll("#panel-sweep li").length === 6);
  const boxes = await page.locator("#panel-sweep canvas, #panel-sweep li button").evaluateAll((es) =>
    es.map((e) => e.getBoundingClientRect().toJSON()));
  for (const b of boxes) assert.ok(b.width > 20 && b.left >= 0 && b.right <= 390, JSON.stringify(b));
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, "no sideways scrolling");
  assertNoErrors(page);
});
