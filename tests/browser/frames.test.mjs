// Frames have a time budget: `speed` is an upper bound, training stops after about 9 ms of
// work, so even the heaviest setup a link can ask for (a 6×32 network on 7,200 points, every
// feature, three augmentations, 1,000 iterations per frame) keeps frames under 100 ms, and
// the page says it runs slower than asked. The same for the Compare view with four runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import os from "node:os";
import { useSite, assertNoErrors } from "./harness.mjs";

const HEAVIEST = "?points=2000&train=90&layers=32,32,32,32,32,32&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&augment=flip,rotate,jitter&speed=1000";
const site = useSite();

/** The gaps between animation frames (ms, from requestAnimationFrame's timestamps) over `count` frames. */
const frameGaps = (page, count) => page.evaluate((count) => new Promise((resolve) => {
  const stamps = [];
  const tick = (t) => {
    stamps.push(t);
    if (stamps.length > count) resolve(stamps.slice(1).map((s, i) => s - stamps[i]));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}), count);

/**
 * 100 ms on a 2-core machine that runs only this test (Chromium's own processes keep the load
 * near the core count). On a machine busy with other work the page gets a share of the cores,
 * so the bound grows with the load beyond that: it measures the page, not the neighbours.
 */
const bound = () => 100 * Math.max(1, os.loadavg()[0] / Math.max(2, os.cpus().length));
const summary = (gaps) => {
  const sorted = [...gaps].sort((a, b) => a - b);
  return { longest: sorted.at(-1), median: sorted[sorted.length >> 1] };
};

/**
 * The calmest of three windows of `count` frames: a machine busy with other work can stall
 * any page now and then, which says nothing about the page's own frames.
 */
async function calmest(page, count) {
  const windows = [];
  for (let i = 0; i < 3; i++) windows.push(summary(await frameGaps(page, count)));
  return windows.reduce((best, w) => (w.longest < best.longest ? w : best));
}

test("the heaviest link plays in frames under 100 ms and says it runs below the asked speed", async (t) => {
  const page = await site.open(HEAVIEST);
  const m0 = await page.evaluate(() => window.playground.metrics());
  assert.equal(m0.trainSize, 7200, "1,800 real points and three augmented copies of each");
  await page.evaluate(() => window.playground.play());
  await frameGaps(page, 10); // the first frames build the neuron maps
  const { longest, median } = await calmest(page, 30);
  const m1 = await page.evaluate(() => window.playground.metrics());
  t.diagnostic(`heaviest link: longest frame ${longest.toFixed(1)} ms, median ${median.toFixed(1)} ms, ${m1.iteration - m0.iteration} iterations in 100 frames`);
  assert.ok(longest < bound(), `the longest frame took ${longest.toFixed(1)} ms (bound ${bound().toFixed(0)} ms)`);
  assert.ok(m1.iteration > m0.iteration, "it still trains");
  assert.ok(m1.iteration - m0.iteration < 100 * 1000, "fewer iterations than the speed asks for");
  const note = page.locator("#speed-note");
  assert.ok(await note.isVisible(), "the page says it runs slower than asked");
  assert.match(await note.textContent(), /about [\d.]+ iterations a second \(asked: 1000 a frame\)/);
  await page.evaluate(() => window.playground.set({ lang: "ko" }));
  await frameGaps(page, 2);
  assert.match(await note.textContent(), /초당 약 [\d.]+회 반복.*프레임당 1000회/);
  assertNoErrors(page);
});

test("a light setup trains many iterations a frame, never more than the speed asks for", async () => {
  const page = await site.open("?speed=20");
  const m0 = await page.evaluate(() => window.playground.metrics());
  await page.evaluate(() => window.playground.play());
  await frameGaps(page, 30);
  await page.evaluate(() => window.playground.pause());
  const m1 = await page.evaluate(() => window.playground.metrics());
  // a light setup trains up to the asked 20 a frame (a busy machine may fall short of them)
  assert.ok(m1.iteration - m0.iteration >= 30 * 5, `${m1.iteration - m0.iteration} iterations in 30 frames at 20 per frame`);
  assert.ok(m1.iteration - m0.iteration <= 20 * 32, "never more than asked");
  assertNoErrors(page);
});

test("the Compare view with four runs of the heaviest setup keeps frames under 100 ms", async (t) => {
  const page = await site.open(HEAVIEST.replace("lesson=5&", ""));
  await page.click("#open-compare");
  await page.waitForSelector("#compare-runs canvas");
  while ((await page.locator("#compare-runs canvas").count()) < 4) {
    await page.getByRole("button", { name: /Add run/ }).click();
  }
  const before = await page.evaluate(async () => (await import("./compare.js")).compareMetrics());
  await page.keyboard.press("Space"); // play every run
  await frameGaps(page, 10);
  const { longest, median } = await calmest(page, 30);
  const after = await page.evaluate(async () => (await import("./compare.js")).compareMetrics());
  t.diagnostic(`compare, 4 runs: longest frame ${longest.toFixed(1)} ms, median ${median.toFixed(1)} ms`);
  assert.ok(longest < bound(), `the longest frame took ${longest.toFixed(1)} ms (bound ${bound().toFixed(0)} ms)`);
  assert.ok(after.runs[0].metrics.iteration > before.runs[0].metrics.iteration, "the runs train");
  const note = page.locator("#compare-speed-note");
  assert.ok(await note.isVisible(), "Compare says its runs train slower than asked");
  assert.match(await note.textContent(), /about [\d.]+ iterations a second \(asked: 1000 a frame\)/);
  await page.keyboard.press("Space"); // paused: nothing is slow
  await frameGaps(page, 2);
  assert.ok(!(await note.isVisible()), "the note goes away on pause");
  assertNoErrors(page);
});
