// Early stopping, dropout's noisy cost and augmentation, as a student meets them on the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertNoErrors, useSite } from "./harness.mjs";

const site = useSite();
const { open } = site;


test("early stopping stops at the dev minimum plus the patience and restores the best weights", async () => {
  const page = await open();
  await page.getByLabel("Early stop after").selectOption("100");
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForFunction(() => window.playground.metrics().status === "stopped", null, { timeout: 60_000 });
  const m = await page.evaluate(() => window.playground.metrics());
  assert.equal(m.iteration, m.bestIteration + 100);
  assert.equal(m.devCost, m.bestDevCost, "the best weights are back");
  await page.waitForSelector('#play[aria-label="Play"]');
  assertNoErrors(page);
});

test("restore best puts back the weights of the dev-cost minimum", async () => {
  const page = await open();
  // at the default α 0.1 the dev cost is lowest near iteration 756 and climbs by 0.05 to 4,000
  const overfit = await page.evaluate(() => window.playground.train(4000));
  assert.ok(overfit.devCost > overfit.bestDevCost + 0.03, `the default setup overfits: dev cost ${overfit.devCost}, best ${overfit.bestDevCost}`);
  await page.getByRole("button", { name: "Restore best" }).click();
  const m = await page.evaluate(() => window.playground.metrics());
  assert.equal(m.devCost, overfit.bestDevCost);
  assert.ok(m.weightNorm < overfit.weightNorm, "stopping early picks a smaller W");
  assertNoErrors(page);
});

test("with dropout the step cost is noisy while J with keep_prob = 1 is smooth", async () => {
  const page = await open("#keep=0.6,1");
  await page.evaluate(() => window.playground.train(600));
  const h = await page.evaluate(() => window.playground.history());
  const wiggle = (values) => values.slice(1).reduce((sum, v, i) => sum + Math.abs(v - values[i]), 0);
  assert.ok(wiggle(h.stepCost) > 3 * wiggle(h.dataCost), `dropout cost ${wiggle(h.stepCost)} vs J ${wiggle(h.dataCost)}`);
  await page.getByLabel("check J with keep_prob = 1").check();
  assert.equal((await page.evaluate(() => window.playground.config())).checkj, true);
  assert.match(page.url(), /checkj=1/);
  assertNoErrors(page);
});

test("augmentation adds faded copies to the training set, never to the dev set", async () => {
  const page = await open();
  await page.getByLabel("augment: jitter").check();
  const m = await page.evaluate(() => window.playground.metrics());
  assert.deepEqual([m.trainSize, m.augmented, m.devSize], [400, 200, 200]);
  assert.match(await page.locator("#augment-count").textContent(), /200 real \+ 200 augmented/);
  assert.deepEqual((await page.evaluate(() => window.playground.config())).augment, ["jitter"]);
  assertNoErrors(page);
});
