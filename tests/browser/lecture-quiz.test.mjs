// The lecture's quiz 9 and 10, as the last lecture steps and by `quiz=9` / `quiz=10`: the
// right answers are checked, the feedback gives the lecture's explanation, and "Show it live"
// shows the point on the model — in English and in Korean.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertNoErrors, useSite } from "./harness.mjs";
import { LESSONS } from "../../www/lessons.js";
import { textIn } from "../../www/i18n.js";
import { COUNT, TRAINING, asking, assertLanguage, assertAfterRun, config, metrics, selectedTab } from "./lecture-steps.mjs";

const site = useSite({ root: process.env.REGPLAY_WWW });
const { open } = site;

const feedback = (page) => page.locator(".ask-feedback").textContent();
async function answer(page, choices) {
  for (const i of [0, 1, 2, 3]) { // clear what was chosen before
    if ((await page.locator(`.choice[data-choice="${i}"]`).getAttribute("aria-pressed")) === "true") await page.locator(`.choice[data-choice="${i}"]`).click();
  }
  for (const i of choices) await page.locator(`.choice[data-choice="${i}"]`).click();
  await page.locator(".ask-check").click();
  return feedback(page);
}
async function live(page) {
  await page.locator(".ask-live").click();
  await page.waitForFunction(() => document.getElementById("lecture").dataset.state === "ready", null, { timeout: TRAINING });
  return metrics(page);
}

for (const lang of ["en", "ko"]) {
  const right = lang === "ko" ? /정답입니다/ : /Right/;
  const wrong = lang === "ko" ? /아쉽습니다/ : /Not quite/;

  test(`quiz 9 in ${lang}: L1 is the sparse one; shown live, L1 zeroes weights where L2 does not`, async () => {
    const page = await open(`#lang=${lang}&quiz=9`);
    const n = LESSONS.findIndex((l) => l.quiz === 9) + 1;
    await asking(page, n);
    assert.equal(n, COUNT - 1, "quiz 9 is the second-to-last step");
    assert.match(page.url(), /[#&]quiz=9(&|$)/);
    assert.equal(await page.locator(".choice").count(), 4);
    await assertLanguage(page, n, lang);
    assert.match(await answer(page, [0]), wrong, "the first choice swaps L1 and L2");
    assert.match(await answer(page, [3]), wrong);
    const text = await answer(page, [1]);
    assert.match(text, right);
    assert.ok(text.includes(textIn(lang, LESSONS[n - 1].explain)), "the lecture's explanation");
    assert.match(text, lang === "ko" ? /상수/ : /constant/, "L1's constant pull");
    assert.match(text, lang === "ko" ? /비례/ : /proportional/, "against L2's proportional pull");
    const l1 = await live(page);
    assert.deepEqual([(await config(page)).reg, await selectedTab(page)], ["l1", "tab-weights"]);
    assert.ok(l1.zeroWeights >= 2, `L1: ${l1.zeroWeights} of ${l1.weightCount} weights exactly 0`);
    assert.equal((await config(page)).dataset, "digits", "on real pixels");
    assert.ok(l1.featuresInUse <= 32, `L1 leaves most pixels unused: ${l1.featuresInUse} of 64 in use`);
    // from the same start with L2 (pixels blank in every training image get no gradient, so
    // L1's zeros there would stay put under L2: the comparison starts again)
    await page.evaluate(() => (window.playground.set({ reg: "l2" }), window.playground.reset(), window.playground.train(10)));
    assert.equal((await metrics(page)).zeroWeights, 0, "L2 makes none exactly 0");
    await assertAfterRun(page, n, lang);
    assertNoErrors(page);
  });

  test(`quiz 10 in ${lang}: choose every right answer (small λ overfits, large λ limits complexity); shown live`, async () => {
    const page = await open(`#lang=${lang}&quiz=10`);
    await asking(page, COUNT);
    assert.match(page.url(), /[#&]quiz=10(&|$)/);
    await assertLanguage(page, COUNT, lang);
    assert.match(await answer(page, [0]), wrong, "one right answer is not all of them");
    assert.match(await answer(page, [0, 3, 1]), wrong, "a wrong one among them");
    assert.match(await answer(page, [2, 1]), wrong);
    const text = await answer(page, [3, 0]);
    assert.match(text, right);
    assert.match(text, lang === "ko" ? /1보다 매우 작아/ : /well below 1/, "large λ: the decay factor well below 1");
    assert.match(text, lang === "ko" ? /1과 비슷/ : /close to 1/, "small λ: near 1");
    const strong = await live(page);
    assert.equal(await page.locator("#decay").textContent(), "0.950000", "1 − αλ/m with α = 0.5, λ = 10, m = 100");
    assert.ok(strong.weightDecay < 0.98);
    assert.ok(strong.linearity > 0.9, "a large λ limits the complexity: a nearly straight boundary");
    await assertAfterRun(page, COUNT, lang);
    assert.ok(await page.locator("#lecture-next").isDisabled(), "the last step");
    assertNoErrors(page);
  });
}

test("the quiz is reached as the last steps of the lecture, and Previous leaves it for early stopping", async () => {
  const page = await open("#lesson=14");
  await asking(page, 14);
  await page.keyboard.press("PageDown");
  await asking(page, 15);
  assert.match(page.url(), /[#&]quiz=9(&|$)/);
  assert.equal(await page.locator(".ask-check").count(), 1);
  await page.keyboard.press("PageDown");
  await asking(page, 16);
  assert.match(page.url(), /[#&]quiz=10(&|$)/);
  await page.keyboard.press("PageUp");
  await page.keyboard.press("PageUp");
  await asking(page, 14);
  assert.match(page.url(), /[#&]lesson=14(&|$)/);
  assertNoErrors(page);
});
