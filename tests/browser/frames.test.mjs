// Frames have a time budget: `speed` is an upper bound, and training stops once about 9 ms of
// work is spent (at least one slice runs), so even the heaviest setup a link can ask for (a
// 6×32 network on 7,200 points, every feature, three augmentations, 1,000 iterations per
// frame) keeps drawing, and the page says it runs slower than asked. The same for the Compare
// view with four runs. Every verdict is counted inside the page (harness.mjs, recordFrames):
// what each frame trained and when each chunk of training started, by the page's own clock,
// so a machine busy with other work changes the numbers but not the verdicts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, assertNoErrors, recordFrames } from "./harness.mjs";

const HEAVIEST = "?points=2000&train=90&layers=32,32,32,32,32,32&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&augment=flip,rotate,jitter&speed=1000";
const BUDGET_MS = 9; // www/budget.js
const site = useSite();

/** The frame results (of the core's `frame` call) of `count` playing frames. */
const played = async (page, count) => (await recordFrames(page, count)).flatMap((f) => f.frames);

test("the heaviest link trains within the frame's budget and says it runs below the asked speed", async (t) => {
  const page = await site.open(HEAVIEST);
  const m0 = await page.evaluate(() => window.playground.metrics());
  assert.equal(m0.trainSize, 7200, "1,800 real points and three augmented copies of each");
  await page.evaluate(() => window.playground.play());
  const frames = (await played(page, 30)).map((f) => f.frame);
  t.diagnostic(`heaviest link, per frame: ${frames.map((f) => `${f.iterations} it. ${f.trainMs.toFixed(1)}+${f.drawMs.toFixed(1)} ms`).join("; ")}`);
  assert.ok(frames.length >= 25, `${frames.length} frames trained`);
  for (const f of frames) {
    assert.ok(f.slices >= 1, "every frame trains at least one slice");
    assert.ok(f.iterations < 1000 && f.limited, `the budget, not the speed, ended the frame: ${JSON.stringify(f)}`);
    // no chunk of training starts once the budget is spent (the page's clock, whatever the load)
    assert.ok(f.lastStartMs < BUDGET_MS, `a chunk started ${f.lastStartMs.toFixed(1)} ms into the frame`);
  }
  const m1 = await page.evaluate(() => window.playground.metrics());
  assert.ok(m1.iteration > m0.iteration, "it still trains");
  const note = page.locator("#speed-note");
  await note.waitFor({ state: "visible" }); // after a second of play: the rate is measured over one
  assert.match(await note.textContent(), /about [\d.]+ iterations a second \(asked: 1000 a frame\)/);
  await page.evaluate(() => window.playground.set({ lang: "ko" }));
  await recordFrames(page, 2);
  assert.match(await note.textContent(), /초당 약 [\d.]+회 반복.*프레임당 1000회/);
  assertNoErrors(page);
});

test("a light setup trains many iterations a frame, never more than the speed asks for", async () => {
  const page = await site.open("?speed=20");
  await page.evaluate(() => window.playground.play());
  const frames = (await played(page, 30)).map((f) => f.frame);
  await page.evaluate(() => window.playground.pause());
  assert.ok(frames.length >= 25, `${frames.length} frames trained`);
  for (const f of frames) {
    assert.ok(f.iterations <= 20, `never more than asked: ${JSON.stringify(f)}`);
    // all 20 unless the budget ran out first (a busy machine may make it so)
    assert.ok(f.iterations === 20 || (f.limited && f.trainMs >= BUDGET_MS), `${JSON.stringify(f)}`);
  }
  assert.ok(frames.some((f) => f.iterations === 20), "a light setup trains the whole asked speed in a frame");
  assertNoErrors(page);
});

test("the Compare view with four runs of the heaviest setup trains within the frame's budget", async (t) => {
  const page = await site.open(HEAVIEST);
  await page.click("#open-compare");
  await page.waitForSelector("#compare-runs canvas");
  while ((await page.locator("#compare-runs canvas").count()) < 4) {
    await page.getByRole("button", { name: /Add run/ }).click();
  }
  const before = await page.evaluate(async () => (await import("./compare.js")).compareMetrics());
  await page.keyboard.press("Space"); // play every run
  const frames = await recordFrames(page, 30, { handle: "Comparison" });
  const training = frames.map((f) => f.starts.filter((_, i) => f.calls[i] === "trainSlices")).filter((s) => s.length > 0);
  t.diagnostic(`compare, 4 runs: chunks per frame ${training.map((s) => s.length).join(" ")}`);
  assert.ok(training.length >= 25, `${training.length} frames trained`);
  for (const starts of training) {
    assert.ok(starts.at(-1) - starts[0] < BUDGET_MS, `a chunk started ${(starts.at(-1) - starts[0]).toFixed(1)} ms into the frame's training`);
  }
  const after = await page.evaluate(async () => (await import("./compare.js")).compareMetrics());
  assert.ok(after.runs[0].metrics.iteration > before.runs[0].metrics.iteration, "the runs train");
  const note = page.locator("#compare-speed-note");
  await note.waitFor({ state: "visible" });
  assert.match(await note.textContent(), /about [\d.]+ iterations a second \(asked: 1000 a frame\)/);
  await page.keyboard.press("Space"); // paused: nothing is slow
  await note.waitFor({ state: "hidden" });
  assertNoErrors(page);
});
