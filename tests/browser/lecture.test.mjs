// Lecture mode: each step's caption makes a claim a teacher will repeat to a room, so each
// claim is checked here on the real model, through the page, after the step's own training.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertNoErrors, useSite } from "./harness.mjs";
import { LESSONS } from "../../www/lecture.js";

const TRAINING = 240_000; // ms a step may take to train (2,000 iterations; slow machines)

const site = useSite({ root: process.env.REGPLAY_WWW });
const { open } = site;


/** Waits until step `n` has trained (or started playing) and returns the metrics. */
async function atStep(page, n) {
  await page.waitForFunction(
    (n) => document.getElementById("lecture-counter").textContent === `${n} / 7`
      && document.getElementById("lecture").dataset.state === "ready",
    n, { timeout: TRAINING },
  );
  return page.evaluate(() => window.playground.metrics());
}

const config = (page) => page.evaluate(() => window.playground.config());
const selectedTab = (page) => page.locator('#instrument-tabs [aria-selected="true"]').getAttribute("id");

/** Every highlighted selector of step n finds something on the page, and it is ringed. */
async function assertHighlights(page, n) {
  for (const selector of LESSONS[n - 1].highlight) {
    const ringed = await page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.classList.contains("lecture-highlight")), selector);
    assert.ok(ringed.length > 0 && ringed.every(Boolean), `step ${n}: ${selector} is on the page and ringed`);
  }
}

/** A second, independent run in the page's wasm: `pairs` from a URL, trained `n` iterations. */
function sideRun(page, query, n, read) {
  return page.evaluate(async ([query, n, read]) => {
    // made before any await: the page's Content-Security-Policy allows no eval of its own
    const reader = new Function("pg", `return (${read})(pg)`);
    const { Playground } = await import(new URL("./pkg/regplay.js", location.href).href);
    const pairs = [...new URLSearchParams(query)];
    const pg = new Playground(pairs.map(([k]) => k), pairs.map(([, v]) => v));
    try {
      pg.train(n);
      return reader(pg);
    } finally {
      pg.free();
    }
  }, [query, n, read]);
}

const wiggle = (values) => values.slice(1).reduce((sum, v, i) => sum + Math.abs(v - values[i]), 0);

test("the seven steps, in the lecture's order, each shows what its caption says", async () => {
  const page = await open("#lesson=1");

  // 1. overfitting
  const overfit = await atStep(page, 1);
  let c = await config(page);
  assert.deepEqual([c.dataset, c.layers, c.act, c.reg, c.lambda, c.keep], ["keeper", [20, 3], "tanh", "none", 0, [1, 1]]);
  assert.equal(overfit.iteration, 2000, "2,000 iterations");
  assert.ok(overfit.trainError < overfit.devError, `training error ${overfit.trainError} below dev error ${overfit.devError}`);
  assert.ok(overfit.bestIteration < 1000 && overfit.devCost > overfit.bestDevCost + 0.03, "the dev cost rose after its minimum");
  assert.equal(await selectedTab(page), "tab-curves");
  assert.match(page.url(), /[#&]lesson=1(&|$)/);
  await assertHighlights(page, 1);
  assert.match(await page.locator("#lecture-title").textContent(), /Overfitting/);

  // 2. L2, λ = 0.7, by the next button
  await page.getByRole("button", { name: "Next step" }).click();
  const l2 = await atStep(page, 2);
  c = await config(page);
  assert.deepEqual([c.reg, c.lambda], ["l2", 0.7]);
  assert.equal(l2.iteration, 2000);
  assert.equal(await page.locator("#decay").textContent(), (1 - (0.5 * 0.7) / 200).toFixed(6), "weight decay 1 − αλ/m");
  assert.ok(l2.weightNorm < overfit.weightNorm / 2, `‖W‖ ${l2.weightNorm} stays small (was ${overfit.weightNorm})`);
  assert.ok(l2.devCost < overfit.devCost - 0.05 && l2.devError < overfit.devError, "the dev cost and error fall");
  assert.equal(await selectedTab(page), "tab-sweep");
  await assertHighlights(page, 2);

  // 3. tanh's linear region, λ = 10, by PageDown
  await page.keyboard.press("PageDown");
  const linear = await atStep(page, 3);
  c = await config(page);
  assert.deepEqual([c.reg, c.lambda], ["l2", 10]);
  assert.ok(linear.linearFraction > 0.45 && linear.linearFraction > 3 * overfit.linearFraction,
    `about half of all z in the linear region: ${linear.linearFraction} (was ${overfit.linearFraction})`);
  assert.ok(linear.linearity > 0.9 && linear.linearity > overfit.linearity, `a nearly straight boundary: R² ${linear.linearity}`);
  assert.ok(linear.trainError > l2.trainError, "too large a λ: the training error rises");
  assert.equal(await selectedTab(page), "tab-tanh");
  await assertHighlights(page, 3);

  // 4. L1 sparsity, by N
  await page.keyboard.press("n");
  const sparse = await atStep(page, 4);
  c = await config(page);
  assert.deepEqual([c.reg, c.lambda, c.features.length], ["l1", 6, 7]);
  assert.ok(sparse.zeroWeights > sparse.weightCount / 2, `most of W is exactly 0: ${sparse.zeroWeights} / ${sparse.weightCount}`);
  assert.ok(sparse.featuresInUse < sparse.featureCount, `a feature is dropped: ${sparse.featuresInUse} of ${sparse.featureCount} in use`);
  assert.equal(await page.locator("#zero-weights").textContent(), `${sparse.zeroWeights} / ${sparse.weightCount}`);
  assert.equal(await selectedTab(page), "tab-weights");
  await assertHighlights(page, 4);

  // 5. dropout: plays, the dropped units change every iteration, ‖W‖ stays below the unregularized run's
  await page.getByRole("button", { name: "Next step" }).click();
  await atStep(page, 5);
  c = await config(page);
  assert.deepEqual([c.keep, c.checkj], [[0.86, 0.86], true]);
  await page.waitForFunction(() => window.playground.metrics().iteration >= 1000, null, { timeout: TRAINING });
  assert.equal(await page.locator("#play").getAttribute("aria-label"), "Pause", "the step plays");
  await page.evaluate(() => window.playground.pause());
  const dropout = await page.evaluate(() => window.playground.metrics());
  const hash = new URL(page.url()).hash.slice(1);
  const dropped = await sideRun(page, hash, 1, `(pg) => {
    const units = () => JSON.parse(pg.networkLayout(600, 400)).nodes.filter((n) => n.dropped).map((n) => n.layer + ":" + n.unit).join(" ");
    const first = units();
    pg.train(1);
    return [first, units()];
  }`);
  assert.ok(dropped[0] && dropped[1] && dropped[0] !== dropped[1], `the dropped units flicker: ${dropped.join(" | ")}`);
  const plain = await sideRun(page, hash.replace(/keep=[^&]*/, "keep=1,1"), dropout.iteration, "(pg) => JSON.parse(pg.metricsJson()).weightNorm");
  assert.ok(dropout.weightNorm < plain, `‖W‖ ${dropout.weightNorm} with dropout, ${plain} without, at iteration ${dropout.iteration}`);
  const h = await page.evaluate(() => window.playground.history());
  assert.ok(wiggle(h.stepCost) > 2 * wiggle(h.dataCost), "J with dropout is noisy, J without dropout much less");
  await assertHighlights(page, 5);

  // 6. augmentation
  await page.getByRole("button", { name: "Next step" }).click();
  const augmented = await atStep(page, 6);
  c = await config(page);
  assert.deepEqual(c.augment, ["jitter", "rotate"]);
  assert.deepEqual([augmented.trainSize - augmented.augmented, augmented.augmented, augmented.devSize], [200, 400, 200], "200 real + 400 augmented, the dev set real");
  assert.match(await page.locator("#augment-count").textContent(), /200 real \+ 400 augmented/);
  assert.ok(augmented.devError < overfit.devError && augmented.devCost < overfit.devCost, "the dev error falls");
  const flipped = await sideRun(page, new URL(page.url()).hash.slice(1).replace(/augment=[^&]*/, "augment=flip"), 2000,
    "(pg) => JSON.parse(pg.metricsJson()).devError");
  assert.ok(flipped > overfit.devError, `a left–right flip mislabels the keeper data: dev error ${flipped}`);
  await assertHighlights(page, 6);
  if (await page.locator("#lecture-compare").isVisible()) { // the page has the Compare view: its augmentation preset
    await page.locator("#lecture-compare").click();
    await page.locator("#compare canvas").nth(2).waitFor();
    const labels = await page.locator("#compare h3").allTextContents();
    assert.equal(labels.length, 3);
    assert.match(labels[1], /real \+ \d+ augmented/);
  }

  // 7. early stopping: plays until it stops, the best weights back, a mid-sized ‖W‖
  await page.getByRole("button", { name: "Next step" }).click();
  await atStep(page, 7);
  assert.ok(await page.locator("main").isVisible(), "the next step closes a side-by-side view");
  assert.equal((await config(page)).patience, 1000);
  await page.waitForFunction(() => window.playground.metrics().status === "stopped", null, { timeout: TRAINING });
  const stopped = await page.evaluate(() => window.playground.metrics());
  assert.equal(stopped.iteration, stopped.bestIteration + 1000, "stops 1,000 iterations past the dev minimum");
  assert.equal(stopped.devCost, stopped.bestDevCost, "the best weights are back");
  const start = await sideRun(page, new URL(page.url()).hash.slice(1), 0, "(pg) => JSON.parse(pg.metricsJson()).weightNorm");
  assert.ok(start < stopped.weightNorm && stopped.weightNorm < overfit.weightNorm,
    `‖W‖ grows with training: ${start} at the start, ${stopped.weightNorm} when stopped, ${overfit.weightNorm} after 2,000`);
  const curve = (await page.evaluate(() => window.playground.history())).devCost;
  const lowest = curve.indexOf(Math.min(...curve));
  assert.ok(lowest > 0 && curve[lowest] < curve[0], "the dev cost falls");
  const late = curve.slice(-curve.length / 10);
  assert.ok(Math.min(...late) > curve[lowest] + 0.01, `then rises: ${curve[lowest]} at its minimum, ${Math.min(...late)} or more at the end`);
  assert.ok(await page.locator("#lecture-next").isDisabled(), "the last step");
  await assertHighlights(page, 7);
  assertNoErrors(page);
});

test("a step's link reopens the lecture at that step, and its settings win over the step's", async () => {
  const first = await open("#lesson=3&lang=ko");
  const m = await atStep(first, 3);
  const link = first.url();
  assert.match(link, /[#&]lesson=3(&|$)/);
  assert.match(link, /lambda=10(&|$)/);
  assert.equal(await first.evaluate(() => document.documentElement.lang), "ko");
  assert.match(await first.locator("#lecture-title").textContent(), /선형 영역 \(linear region\)/);
  assert.match(await first.locator("#lecture-caption").textContent(), /과소적합 \(underfitting\)/);
  assert.equal(await first.locator("#lecture-next").getAttribute("aria-label"), "다음 단계");

  const again = await open(link.slice(link.indexOf("#")));
  assert.deepEqual(await atStep(again, 3), m, "the same run, bit for bit");

  const changed = await open(link.slice(link.indexOf("#")).replace("lambda=10", "lambda=0.3"));
  await atStep(changed, 3);
  assert.equal((await config(changed)).lambda, 0.3, "a setting the link holds keeps its value");

  await first.locator("#lang").selectOption("en");
  assert.match(await first.locator("#lecture-title").textContent(), /linear region/);
  assert.doesNotMatch(await first.locator("#lecture-title").textContent(), /선형/);
  for (const p of [first, again, changed]) assertNoErrors(p);
});

test("keys step through the lecture, but not from a field or while an IME composes; Esc and Exit leave it", async () => {
  const page = await open();
  assert.ok(await page.locator("#lecture").isHidden());
  await page.keyboard.press("n");
  assert.ok(await page.locator("#lecture").isHidden(), "N does nothing outside the lecture");
  await page.getByRole("button", { name: "Lecture" }).click();
  const counter = page.locator("#lecture-counter");
  assert.equal(await counter.textContent(), "1 / 7");
  assert.ok(await page.locator("#lecture-prev").isDisabled());

  await page.locator("#lambda").focus();
  await page.keyboard.press("n");
  assert.equal(await counter.textContent(), "1 / 7", "ignored while a slider has the focus");
  await page.locator("#lambda").blur();
  await page.evaluate(() => window.dispatchEvent(new KeyboardEvent("keydown", { code: "KeyN", key: "Process", isComposing: true })));
  assert.equal(await counter.textContent(), "1 / 7", "ignored while an IME composes");

  for (const [key, expected] of [["n", "2 / 7"], ["PageDown", "3 / 7"], ["p", "2 / 7"], ["PageUp", "1 / 7"], ["PageUp", "1 / 7"]]) {
    await page.keyboard.press(key);
    assert.equal(await counter.textContent(), expected, `after ${key}`);
  }
  await page.getByRole("button", { name: "Next step" }).click();
  await page.getByRole("button", { name: "Previous step" }).click();
  assert.equal(await counter.textContent(), "1 / 7");

  await page.keyboard.press("Escape");
  assert.ok(await page.locator("#lecture").isHidden());
  assert.equal(await page.locator(".lecture-highlight").count(), 0, "no rings left");
  assert.doesNotMatch(page.url(), /lesson=/);
  await page.getByRole("button", { name: "Lecture" }).click();
  await page.keyboard.press("PageDown");
  assert.equal(await counter.textContent(), "2 / 7");
  assert.match(page.url(), /[#&]lesson=2(&|$)/);
  await page.getByRole("button", { name: "Exit" }).click();
  assert.ok(await page.locator("#lecture").isHidden());
  assert.doesNotMatch(page.url(), /lesson=/);
  await page.keyboard.press("r"); // R still resets
  assert.equal((await page.evaluate(() => window.playground.metrics())).iteration, 0);
  assertNoErrors(page);
});

test("a link to a step that does not exist says so and opens the page as usual", async () => {
  const page = await open("#lesson=9");
  assert.match(await page.locator("#messages").textContent(), /lesson="9" is not a lecture step: use 1 to 7/);
  assert.ok(await page.locator("#lecture").isHidden());
  assertNoErrors(page);
});

test("on a phone the caption bar fits the screen and its buttons can be reached", async () => {
  const page = await open("#lesson=5&lang=ko", { width: 390, height: 844 });
  await atStep(page, 5);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), "no sideways scrolling");
  for (const id of ["lecture-prev", "lecture-next", "lecture-exit", "lecture-caption"]) {
    const box = await page.locator(`#${id}`).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `#${id} on screen`);
  }
  await page.evaluate(() => window.playground.pause());
  assertNoErrors(page);
});
