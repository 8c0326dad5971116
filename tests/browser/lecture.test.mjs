// Lecture mode, steps 2–9 (norms to choosing λ): each explanation makes a claim a teacher will
// repeat to a room, so each claim is checked here on the real model, through the page, after
// the step's question is answered and its run is done — in English and in Korean.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertNoErrors, useSite } from "./harness.mjs";
import { COUNT, asking, runStep, assertHighlights, assertLanguage, assertAfterRun, config, selectedTab, sideRun, hashOf } from "./lecture-steps.mjs";

const site = useSite({ root: process.env.REGPLAY_WWW });
const { open } = site;

const unitsThatMatter = `(pg) => {
  const { weights } = JSON.parse(pg.modelJson());
  return weights.slice(1).flatMap((w) => w[0].map((_, j) => Math.hypot(...w.map((row) => row[j])))).filter((n) => n >= 0.3).length;
}`;

for (const lang of ["en", "ko"]) {
  test(`steps 2–9 in ${lang}: norms, L2 and L1 on logistic regression, the Frobenius norm, weight decay, why λ works, choosing λ`, async () => {
    const page = await open(`#lang=${lang}&lesson=2`);
    const check = async (n) => {
      await assertLanguage(page, n, lang);
      await assertHighlights(page, n);
      await assertAfterRun(page, n, lang);
      assert.match(page.url(), new RegExp(`[#&]lesson=${n}(&|$)`));
    };

    // 2. norms: x = [2, 3, 4] gives 9 and √29, the diamond and the circle
    await runStep(page, 2, 0);
    assert.equal(await selectedTab(page), "tab-norms");
    assert.equal(await page.locator("#norm-l1").textContent(), "9");
    assert.equal(await page.locator("#norm-l2").textContent(), "5.385");
    await check(2);

    // 3. logistic regression with L2: only w is in the penalty
    await page.keyboard.press("PageDown");
    const lr = await runStep(page, 3, 0);
    let c = await config(page);
    assert.deepEqual([c.layers, c.reg, c.lambda], [[], "l2", 1]);
    assert.equal(lr.weightCount, 2, "logistic regression: one weight per feature");
    const m = 100; // the course setup: 200 points, half of them training samples
    assert.ok(Math.abs(lr.penalty - (1 / (2 * m)) * lr.weightNorm ** 2) < 1e-12, `penalty ${lr.penalty} is (λ/2m)‖w‖², no b`);
    assert.ok(lr.linearity > 0.999, `a straight boundary: R² ${lr.linearity}`);
    await check(3);

    // 4. L1 on all seven features: sparse w, feature selection
    await page.keyboard.press("PageDown");
    const l1 = await runStep(page, 4, 0);
    c = await config(page);
    assert.deepEqual([c.layers, c.reg, c.lambda, c.features.length], [[], "l1", 30, 7]);
    assert.ok(l1.zeroWeights >= 2 && l1.featuresInUse === 7 - l1.zeroWeights, `${l1.zeroWeights} of 7 weights exactly 0, ${l1.featuresInUse} features in use`);
    assert.equal(await page.locator("#zero-weights").textContent(), `${l1.zeroWeights} / 7`);
    const l2zeros = await sideRun(page, hashOf(page).replace("reg=l1", "reg=l2"), 2000, "(pg) => JSON.parse(pg.metricsJson()).zeroWeights");
    assert.equal(l2zeros, 0, "the same λ with L2 leaves no weight at exactly 0");
    assert.equal(await selectedTab(page), "tab-weights");
    await check(4);

    // 5. the network: Σ‖W[l]‖²_F over 103 weights
    await page.keyboard.press("PageDown");
    const net = await runStep(page, 5, 0);
    assert.equal(net.weightCount, 103);
    const frobenius = net.weightNorms.reduce((s, n) => s + n * n, 0);
    assert.ok(Math.abs(net.penalty - (0.7 / (2 * m)) * frobenius) < 1e-12, "penalty = (λ/2m) Σ‖W[l]‖²_F");
    await check(5);

    // 6. weight decay: 1 − αλ/m, with its number in the step's report
    await page.keyboard.press("PageDown");
    const decay = await runStep(page, 6, 0);
    assert.equal(await page.locator("#decay").textContent(), "0.999650");
    assert.ok(Math.abs(decay.weightDecay - (1 - (0.05 * 0.7) / m)) < 1e-15);
    assert.match(await page.locator(".ask-decay").textContent(), /W := 0\.999650 · W − α/);
    // the derivation instrument: one weight's numbers, and the next step does what they say
    assert.equal(await selectedTab(page), "tab-derivation");
    await page.locator(".derivation-row").fill("2");
    await page.locator(".derivation-col").fill("1");
    await page.locator(".derivation-col").blur(); // PageDown moves the lecture again
    const d = JSON.parse(await page.locator(".derivation-lines").getAttribute("data-values"));
    assert.deepEqual([d.layer, d.row, d.col, d.factor], [1, 2, 1, 0.99965]);
    assert.ok(Math.abs(d.regTerm - (0.7 / m) * d.w) < 1e-15 && Math.abs(d.dw - (d.backprop + d.regTerm)) < 1e-15, "dW = (from backprop) + (λ/m) W");
    assert.ok(Math.abs(d.next - (d.factor * d.w - 0.05 * d.backprop)) < 1e-12, "W := (1 − αλ/m) W − α (from backprop)");
    await page.evaluate(() => window.playground.train(1)); // the panel follows training
    await page.waitForFunction((w) => document.querySelector(".derivation-name").dataset.w !== String(w), d.w);
    const w = await page.evaluate(() => JSON.parse(document.querySelector(".derivation-lines").dataset.values).w);
    assert.ok(Math.abs(w - d.next) < 1e-12, `one full-batch step later W[1]₃,₂ is ${w}, as derived: ${d.next}`);
    await check(6);

    // 7. why (1): most hidden units lose their influence
    await page.keyboard.press("PageDown");
    await runStep(page, 7, 0);
    const report = await page.locator(".ask-units").textContent();
    const counts = report.match(/\d+(\.\d+)?/g).map(Number).filter(Number.isInteger); // "8 of 23" / "23개 중 8개"
    assert.deepEqual(counts.length, 2, report);
    const units = Math.min(...counts);
    const without = await sideRun(page, hashOf(page).replace("lambda=3", "lambda=0"), 2000, unitsThatMatter);
    assert.ok(without > 23 / 2, `without λ most hidden units matter: ${without} of 23`);
    assert.ok(units < without, `with λ = 3 fewer do: ${units} of 23 still matter (${report}), ${without} without λ`); // 12 of 23 on 100 samples at α 0.05: only about half lose their influence
    await check(7);

    // 8. why (2): tanh's linear region, a nearly straight boundary; too large a λ underfits
    await page.keyboard.press("PageDown");
    const linear = await runStep(page, 8, 0);
    const plain = await sideRun(page, hashOf(page).replace("lambda=10", "lambda=0").replace("reg=l2", "reg=none"), 2000,
      "(pg) => JSON.parse(pg.metricsJson())");
    const mid = await sideRun(page, hashOf(page).replace("lambda=10", "lambda=0.7"), 2000, "(pg) => JSON.parse(pg.metricsJson())");
    // on 100 samples at α 0.05: 19 % of z in |z| < 0.5 without λ, 51 % at λ = 10 (R² 0.84 → 0.93)
    assert.ok(linear.linearFraction > 0.45 && linear.linearFraction > 2.5 * plain.linearFraction,
      `about half of all z in the linear region: ${linear.linearFraction} (was ${plain.linearFraction})`);
    // the step's report states those two shares, from its real baseline run
    const shares = (await page.locator(".ask-linear").textContent()).match(/\d+\.\d %/g);
    assert.deepEqual(shares, [plain.linearFraction, linear.linearFraction].map((v) => `${(100 * v).toFixed(1)} %`));
    assert.ok(linear.linearity > 0.9 && linear.linearity > plain.linearity, `a nearly straight boundary: R² ${linear.linearity}`);
    assert.ok(linear.trainError > mid.trainError, "too large a λ: the training error rises");
    assert.equal(await selectedTab(page), "tab-tanh");
    await check(8);

    // 9. choosing λ: the sweep's best dev error is at a middle λ (a wrong prediction is said so)
    await page.keyboard.press("PageDown");
    await runStep(page, 9, 0);
    assert.equal(await page.locator("#panel-sweep .sweep-points li").count(), 12);
    const status = await page.locator("#panel-sweep .sweep-status").textContent();
    const best = Number(status.match(/λ = ([\d.]+)/)[1]);
    assert.ok(best > 0 && best < 30, `the lowest dev error at a middle λ: ${best}`);
    assert.match(await page.locator(".ask-feedback").textContent(), lang === "ko" ? /예측과 달랐습니다/ : /did not hold/);
    await check(9);
    assertNoErrors(page);
  });
}

test("a step's link reopens the lecture at that step, and its settings win over the step's", async () => {
  const first = await open("#lesson=8&lang=ko");
  const m = await runStep(first, 8, null);
  assert.match(await first.locator(".ask-feedback").textContent(), /답: A\. 거의 직선이 된다/, "run without answering: the answer is given");
  const link = first.url();
  assert.match(link, /[#&]lesson=8(&|$)/);
  assert.match(link, /lambda=10(&|$)/);
  assert.equal(await first.evaluate(() => document.documentElement.lang), "ko");
  assert.match(await first.locator("#lecture-title").textContent(), /선형 영역/);
  assert.equal(await first.locator("#lecture-next").getAttribute("aria-label"), "다음 단계");

  const again = await open(link.slice(link.indexOf("#")));
  assert.deepEqual(await runStep(again, 8, null), m, "the same run, bit for bit");

  const changed = await open(link.slice(link.indexOf("#")).replace("lambda=10", "lambda=0.3"));
  await asking(changed, 8);
  assert.equal((await config(changed)).lambda, 0.3, "a setting the link holds keeps its value");

  await first.locator("#lang").selectOption("en");
  assert.match(await first.locator("#lecture-title").textContent(), /linear region/);
  assert.match(await first.locator(".ask-feedback").textContent(), /Answer: A\. become nearly straight/);
  for (const p of [first, again, changed]) assertNoErrors(p);
});

test("keys step through the lecture and answer, but not from a field or while an IME composes; Esc and Exit leave it", async () => {
  const page = await open();
  assert.ok(await page.locator("#lecture").isHidden());
  await page.keyboard.press("n");
  assert.ok(await page.locator("#lecture").isHidden(), "N does nothing outside the lecture");
  await page.getByRole("button", { name: "Lecture" }).click();
  const counter = page.locator("#lecture-counter");
  assert.equal(await counter.textContent(), `1 / ${COUNT}`);
  assert.ok(await page.locator("#lecture-prev").isDisabled());

  await page.locator("#lambda").focus();
  await page.keyboard.press("n");
  assert.equal(await counter.textContent(), `1 / ${COUNT}`, "ignored while a slider has the focus");
  await page.locator("#lambda").blur();
  await page.evaluate(() => window.dispatchEvent(new KeyboardEvent("keydown", { code: "KeyN", key: "Process", isComposing: true })));
  assert.equal(await counter.textContent(), `1 / ${COUNT}`, "ignored while an IME composes");

  for (const [key, expected] of [["n", 2], ["PageDown", 3], ["p", 2], ["PageUp", 1], ["PageUp", 1]]) {
    await page.keyboard.press(key);
    assert.equal(await counter.textContent(), `${expected} / ${COUNT}`, `after ${key}`);
  }
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  await asking(page, 3);
  await page.keyboard.press("1"); // the first choice: the prediction is made and the step runs
  await page.waitForFunction(() => document.getElementById("lecture").dataset.state === "ready");
  assert.match(await page.locator(".ask-feedback").textContent(), /held/);
  assert.equal((await page.evaluate(() => window.playground.metrics())).iteration, 2000);

  await page.keyboard.press("Escape");
  assert.ok(await page.locator("#lecture").isHidden());
  assert.equal(await page.locator(".lecture-highlight").count(), 0, "no rings left");
  assert.doesNotMatch(page.url(), /lesson=/);
  await page.getByRole("button", { name: "Lecture" }).click();
  await page.keyboard.press("PageDown");
  assert.equal(await counter.textContent(), `2 / ${COUNT}`);
  assert.match(page.url(), /[#&]lesson=2(&|$)/);
  await page.getByRole("button", { name: "Exit" }).click();
  assert.ok(await page.locator("#lecture").isHidden());
  assert.doesNotMatch(page.url(), /lesson=/);
  await page.keyboard.press("r"); // R still resets
  assert.equal((await page.evaluate(() => window.playground.metrics())).iteration, 0);
  assertNoErrors(page);
});

test("a link to a step or quiz that does not exist says so and opens the page as usual", async () => {
  const page = await open("#lesson=99");
  assert.match(await page.locator("#messages").textContent(), new RegExp(`lesson="99" is not a lecture step: use 1 to ${COUNT}`));
  assert.ok(await page.locator("#lecture").isHidden());
  const quiz = await open("#quiz=3");
  assert.match(await quiz.locator("#messages").textContent(), /quiz="3" is not one of the lecture's quizzes: use 9 or 10/);
  for (const p of [page, quiz]) assertNoErrors(p);
});

test("on a phone the caption bar fits the screen and its buttons can be reached", async () => {
  const page = await open("#lesson=10&lang=ko", { width: 390, height: 844 });
  await asking(page, 10);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), "no sideways scrolling");
  for (const id of ["lecture-prev", "lecture-next", "lecture-exit", "lecture-caption", "lecture-question"]) {
    const box = await page.locator(`#${id}`).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `#${id} on screen`);
  }
  assertNoErrors(page);
});
