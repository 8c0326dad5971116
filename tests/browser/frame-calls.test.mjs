// What crosses into wasm per animation frame, counted inside the page (every method of the
// handle wrapped, see harness.mjs): a playing frame makes the one `frame` call, the open
// instrument draws every fourth frame, and the recovery copy of the model is taken at most
// every 2 s; resting the pointer on the network adds nothing; a paused page calls nothing.
// docs/architecture.md ("What crosses per frame") lists the same calls.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, assertNoErrors, recordFrames } from "./harness.mjs";

const site = useSite();

/** The calls of a playing frame as docs/architecture.md lists them. */
const EVERY_FRAME = ["frame"];
const SOMETIMES = new Set(["drawCharts", "modelJson"]); // the curves panel every 4th frame; the recovery copy

function checkPlaying(frames) {
  for (const [i, f] of frames.entries()) {
    assert.deepEqual(f.calls.filter((c) => !SOMETIMES.has(c)), EVERY_FRAME, `frame ${i}: ${f.calls.join(", ")}`);
  }
  const charts = frames.filter((f) => f.calls.includes("drawCharts")).length;
  assert.ok(charts <= Math.ceil(frames.length / 4) + 1, `the charts drew in ${charts} of ${frames.length} frames`);
  // the page's own clock: however slow its frames, at most one copy per 2 s of them
  const models = frames.filter((f) => f.calls.includes("modelJson")).length;
  assert.ok(models <= 1 + (frames.at(-1).at - frames[0].at) / 2000, `the model copy was taken in ${models} frames`);
}

test("a playing frame makes one call into wasm, and the instrument draws every fourth", async (t) => {
  const page = await site.open("?speed=10");
  await page.evaluate(() => window.playground.play());
  const frames = await recordFrames(page, 40);
  checkPlaying(frames);
  t.diagnostic(`calls in 40 playing frames: ${JSON.stringify(frames.flatMap((f) => f.calls).reduce((n, c) => ({ ...n, [c]: (n[c] ?? 0) + 1 }), {}))}`);
  assertNoErrors(page);
});

test("resting the pointer on the network asks for its layout once, not every frame", async () => {
  const page = await site.open("?speed=10&layers=4,4");
  await page.evaluate(() => window.playground.play());
  const box = await page.locator("#network").boundingBox();
  // across the diagram, ending on a hidden unit's column
  for (const x of [0.2, 0.35, 0.5]) await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.5);
  const frames = await recordFrames(page, 30);
  checkPlaying(frames);
  assert.ok(frames.every((f) => !f.calls.includes("networkLayout")), "no layout while the pointer rests");
  assertNoErrors(page);
});

test("a paused page with nothing changed calls nothing", async () => {
  const page = await site.open();
  await page.evaluate(() => window.playground.pause());
  await recordFrames(page, 2); // the last frame after the pause is drawn
  const frames = await recordFrames(page, 10);
  assert.deepEqual(frames.flatMap((f) => f.calls), []);
  assertNoErrors(page);
});
