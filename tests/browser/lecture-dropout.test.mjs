// Lecture mode, steps 9–13 (dropout to early stopping): each claim checked on the real model
// after the step's run, in English and in Korean.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertNoErrors, useSite } from "./harness.mjs";
import { TRAINING, runStep, assertHighlights, assertLanguage, assertAfterRun, config, metrics, sideRun, hashOf } from "./lecture-steps.mjs";

const site = useSite({ root: process.env.REGPLAY_WWW });
const { open } = site;
const wiggle = (values) => values.slice(1).reduce((sum, v, i) => sum + Math.abs(v - values[i]), 0);

for (const lang of ["en", "ko"]) {
  test(`steps 10–14 in ${lang}: inverted dropout, keep_prob per layer, the J check, augmentation, early stopping`, async () => {
    const page = await open(`#lang=${lang}&lesson=10`);
    const check = async (n) => {
      await assertLanguage(page, n, lang);
      await assertHighlights(page, n);
      await assertAfterRun(page, n, lang);
    };

    // 10. inverted dropout: a new mask every iteration; plain dropout (no division) does worse at test time
    const inverted = await runStep(page, 10, 0);
    let c = await config(page);
    assert.deepEqual([c.keep, c.inverted, c.keepIn], [[0.8, 0.8], true, 1]);
    const dropped = await sideRun(page, hashOf(page), 1, `(pg) => {
      const units = () => JSON.parse(pg.networkLayout(600, 400)).nodes.filter((n) => n.dropped).map((n) => n.layer + ":" + n.unit).join(" ");
      const first = units();
      pg.train(1);
      return [first, units()];
    }`);
    assert.ok(dropped[0] && dropped[1] && dropped[0] !== dropped[1], `the dropped units change every iteration: ${dropped.join(" | ")}`);
    const plain = await sideRun(page, hashOf(page).replace("inverted=1", "inverted=0"), 2000, "(pg) => JSON.parse(pg.metricsJson()).devCost");
    assert.ok(plain > inverted.devCost, `plain dropout's dev cost ${plain} above inverted's ${inverted.devCost}`);
    assert.ok((await page.locator(".ask-plain").textContent()).includes(plain.toFixed(3)), "the step reports both dev costs");
    const none = await sideRun(page, hashOf(page).replace(/keep=[^&]*/, "keep=1,1"), 2000, "(pg) => JSON.parse(pg.metricsJson()).weightNorm");
    assert.ok(inverted.weightNorm < none, `‖W‖ ${inverted.weightNorm} with dropout, ${none} without`);
    await check(10);

    // 11. keep_prob per layer: 0.5 on the 20-unit layer, 1 on the 3-unit layer
    await page.keyboard.press("PageDown");
    const perLayer = await runStep(page, 11, 0);
    c = await config(page);
    assert.deepEqual(c.keep, [0.5, 1]);
    const without = await sideRun(page, hashOf(page).replace(/keep=[^&]*/, "keep=1,1"), 2000, "(pg) => JSON.parse(pg.metricsJson())");
        assert.ok(perLayer.weightNorms[1] < without.weightNorms[1], "the weights out of the dropped layer stay smaller");
    await check(11);

    // 12. the J check: keep_prob = 1, J falls at every recorded step; then dropout on, J no longer does
    await page.keyboard.press("PageDown");
    await runStep(page, 12, 0);
    c = await config(page);
    assert.deepEqual([c.keep, c.lr, c.checkj], [[1, 1], 0.05, true]);
    const h = await page.evaluate(() => window.playground.history());
    const rises = h.cost.slice(1).filter((v, i) => v > h.cost[i]).length;
    assert.equal(rises, 0, "J falls monotonically without dropout");
    assert.match(await page.locator(".ask-jcheck").textContent(), lang === "ko" ? / 0번 올랐습니다/ : /rose 0 times/);
    await check(12);
    await page.locator(".ask-action").click();
    assert.deepEqual((await config(page)).keep, [0.8, 0.8], "dropout is on again");
    await page.waitForFunction(() => window.playground.metrics().iteration >= 1400, null, { timeout: TRAINING });
    await page.evaluate(() => window.playground.pause());
    const on = await page.evaluate(() => window.playground.history());
    const k = on.iteration.findIndex((it) => it > 1000);
    assert.ok(wiggle(on.stepCost.slice(k)) > 2 * wiggle(on.cost.slice(k)), "with dropout J (of the dropped-out steps) is noisy");

    // 13. augmentation on real images: distorted, rotated and zoomed copies of handwritten digits lower the dev error
    await page.keyboard.press("PageDown");
    const augmented = await runStep(page, 13, 0);
    c = await config(page);
    assert.deepEqual([c.dataset, c.augment], ["digits", ["jitter", "rotate", "zoom"]]);
    assert.deepEqual([augmented.trainSize - augmented.augmented, augmented.augmented, augmented.devSize], [60, 180, 301]);
    assert.ok(await page.locator("#digits-strip").isVisible(), "the strip of a training 4 and its copies");
    const real = await sideRun(page, hashOf(page).replace(/augment=[^&]*/, "augment="), 2000, "(pg) => JSON.parse(pg.metricsJson())");
    assert.ok(augmented.devError < real.devError && augmented.devCost < real.devCost, "the dev error falls");
    assert.match(await page.locator("#augment-count").textContent(), lang === "ko" ? /실제 60개 \+ 증식 180개/ : /60 real \+ 180 augmented/);
    await check(13);

    // 14. early stopping on the dev error: stops 1,000 iterations past its minimum, those weights back
    await page.keyboard.press("PageDown");
    await runStep(page, 14, 0);
    assert.deepEqual([(await config(page)).patience, (await config(page)).stopOn], [1000, "error"]);
    await page.waitForFunction(() => window.playground.metrics().status === "stopped", null, { timeout: TRAINING });
    const stopped = await metrics(page);
    assert.equal(stopped.iteration, stopped.bestIteration + 1000);
    const curve = await page.evaluate(() => window.playground.history());
    const lowest = Math.min(...curve.devError);
    // the curve keeps at most 1,000 records (every second iteration here), so its lowest point
    // may miss the minimum itself, never undercut it
    assert.ok(stopped.devError <= lowest, `the weights of the lowest dev error are back (${stopped.devError} ≤ ${lowest})`);
    const atBest = curve.iteration.indexOf(stopped.bestIteration);
    if (atBest >= 0) assert.equal(curve.devError[atBest], stopped.devError, "the curve at the best iteration");
    assert.ok(curve.iteration.every((it, i) => it >= stopped.bestIteration || curve.devError[i] > stopped.devError), "its first minimum");
    assert.ok(curve.devError[0] > lowest && Math.max(...curve.devError.slice(-50)) > lowest, "the dev error falls, then rises");
    assert.ok(curve.cost.at(-1) < curve.cost[0], "the training cost falls");
    await check(14);
    assertNoErrors(page);
  });
}
