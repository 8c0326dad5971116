// Ask before telling, for every lecture step in both languages: before the answer nothing on
// the screen gives it away (the explanation, the step's numbers, the concealed readouts);
// after it they all show. Every ringed element and the step's instrument lie inside
// 1280×720; in Korean no English word shows outside the technical names; the baseline
// ("no regularization → now") comes from a real run without regularization; quiz 9's L1 side
// uses fewer inputs than its L2 side.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertNoErrors, useSite } from "./harness.mjs";
import { LESSONS, NO_REGULARIZATION } from "../../www/lessons.js";
import { textIn } from "../../www/i18n.js";
import { COUNT, TRAINING, asking, sideRun, hashOf } from "./lecture-steps.mjs";

const site = useSite({ root: process.env.REGPLAY_WWW });

/** The text a person sees: text nodes that are rendered, not hidden, with a size, on screen. */
const visibleText = (page) => page.evaluate(() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest("script, style, option, [hidden]")) continue;
    if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    if (parseFloat(getComputedStyle(parent).fontSize) === 0) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) continue;
    seen.push(text);
  }
  for (const select of document.querySelectorAll("select")) if (select.checkVisibility()) seen.push(select.selectedOptions[0]?.textContent ?? "");
  return seen.join("\n");
});

/** Latin words of three or more letters a Korean reader would see, minus the technical names. */
const TECHNICAL = new Set(["keep_prob", "tanh", "ReLU", "sin", "sign", "rand", "regplay", "TensorFlow", "Playground", "CSV", "PNG", "JSON"]);
const englishWords = (text) => [...new Set(text.match(/[A-Za-z][A-Za-z_]{2,}/g) ?? [])].filter((w) => !TECHNICAL.has(w));

/** Every ringed element and the open instrument, inside the 1280×720 screen. */
async function assertInView(page, n, when) {
  const boxes = await page.evaluate(() => {
    const tab = document.querySelector('#instrument-tabs [aria-selected="true"]')?.getAttribute("aria-controls");
    const items = [...document.querySelectorAll(".lecture-highlight")];
    if (tab) items.push(document.getElementById(tab));
    const pair = document.getElementById("lecture-pair");
    if (pair) items.push(pair);
    return items.map((e) => {
      const r = e.getBoundingClientRect();
      return { what: e.id || e.className || e.tagName, top: r.top, bottom: r.bottom, left: r.left, right: r.right, scrolled: document.scrollingElement.scrollTop };
    });
  });
  for (const b of boxes) {
    assert.ok(b.top >= 0 && b.bottom <= 720 + 0.5 && b.left >= 0 && b.right <= 1280 + 0.5, `step ${n} ${when}: ${b.what} inside 1280×720 (${JSON.stringify(b)})`);
  }
}

/** Numbers each step's answer would give away before it is asked (besides its explanation and reports). */
const REVEALS = { 2: ["5.385"], 6: ["0.999650", "0.99965 ·"] };

async function answer(page, lesson) {
  if (lesson.quiz) {
    for (const i of lesson.ask.answer) await page.locator(`.choice[data-choice="${i}"]`).click();
    await page.locator(".ask-check").click();
    await page.locator(".ask-live").click();
  } else {
    await page.locator('.choice[data-choice="0"]').click();
  }
  await page.waitForFunction(() => document.getElementById("lecture").dataset.state === "ready", null, { timeout: TRAINING });
}

for (const lang of ["en", "ko"]) {
  test(`every step in ${lang}: asks before it tells, keeps its instrument in view, and reports against a real baseline`, async () => {
    const first = Number(process.env.LECTURE_FROM ?? 1); // a developer may start later
    const page = await site.open(`#lang=${lang}&lesson=${first}`);
    for (let n = first; n <= COUNT; n++) {
      const lesson = LESSONS[n - 1];
      if (n > first) await page.locator("#lecture-next").click();
      await asking(page, n);
      await page.waitForTimeout(50); // one frame: the readouts show the fresh run
      const before = await visibleText(page);
      const explain = textIn(lang, lesson.explain);
      assert.ok(!before.includes(explain.slice(0, 40)), `step ${n} ${lang}: the explanation is not shown before the answer`);
      assert.equal(await page.locator(".ask-report").count(), 0, `step ${n}: no numbers of the run before it`);
      for (const number of REVEALS[n] ?? []) assert.ok(!before.includes(number), `step ${n} ${lang}: ${number} is not on screen before the answer`);
      for (const selector of lesson.conceal ?? []) {
        const shown = await page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => parseFloat(getComputedStyle(e).fontSize)), selector);
        assert.ok(shown.length && shown.every((size) => size === 0), `step ${n}: ${selector} is blank before the answer`);
      }
      assert.ok(before.includes(textIn(lang, lesson.setup)), `step ${n}: the setup line shows`);
      await assertInView(page, n, "before");
      if (lang === "ko") assert.deepEqual(englishWords(before), [], `step ${n} before: no English word in Korean mode`);

      await answer(page, lesson);
      const after = await visibleText(page);
      assert.ok(after.includes(explain), `step ${n} ${lang}: the explanation shows after the answer`);
      for (const number of REVEALS[n] ?? []) assert.ok(after.includes(number.replace(" ·", "")), `step ${n} ${lang}: ${number} shows after`);
      for (const selector of lesson.conceal ?? []) assert.equal(await page.locator(`${selector}.lecture-conceal`).count(), 0, `step ${n}: ${selector} shows after`);
      await assertInView(page, n, "after");
      if (lang === "ko") assert.deepEqual(englishWords(after), [], `step ${n} after: no English word in Korean mode`);
      if (lesson.quiz) assert.equal(await page.locator(".choice").count(), lesson.ask.choices.length, `step ${n}: the choices stay after the demo`);

      if (lesson.baseline) {
        const shown = JSON.parse(await page.locator(".ask-baseline").getAttribute("data-values"));
        const layers = (await page.evaluate(() => window.playground.config())).layers;
        const over = new URLSearchParams(Object.entries({ ...NO_REGULARIZATION, keep: layers.map(() => 1) }).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)]));
        const query = [...new URLSearchParams(hashOf(page))].filter(([k]) => !over.has(k) && k !== "lesson").map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
        const b = await sideRun(page, `${query}&${over}`, shown.iteration, "(pg) => JSON.parse(pg.metricsJson())");
        assert.deepEqual([shown.dev0, shown.cost0, shown.norm0], [b.devError, b.devCost, b.weightNorm], `step ${n}: the baseline is a real run without regularization`);
        assert.equal(b.penalty, 0);
        const m = await page.evaluate(() => window.playground.metrics());
        assert.deepEqual([shown.dev, shown.cost, shown.norm], [m.devError, m.devCost, m.weightNorm], `step ${n}: "now" is the step's run`);
        const text = await page.locator(".ask-baseline").textContent();
        assert.match(text, lang === "ko" ? /^정규화 없이 → 지금/ : /^No regularization → now/);
        assert.ok(text.includes(b.weightNorm.toFixed(2)) && text.includes(`${(100 * b.devError).toFixed(1)} %`), text);
      }
      if (lesson.quiz === 9) {
        const [l1, l2] = await page.locator("#lecture-pair figure").evaluateAll((fs) => fs.map((f) => JSON.parse(f.dataset.metrics)));
        assert.ok(l1.featuresInUse < l2.featuresInUse, `quiz 9: L1 uses ${l1.featuresInUse} inputs, L2 ${l2.featuresInUse}`);
        assert.ok(l1.zeroWeights > 0 && l2.zeroWeights === 0, "exact zeros under L1 only");
      }
      if (lesson.quiz === 10) {
        const [small, large] = await page.locator("#lecture-pair figure").evaluateAll((fs) => fs.map((f) => JSON.parse(f.dataset.metrics)));
        assert.ok(small.weightDecay > 0.9999 && large.weightDecay < 0.98, "the decay factor: near 1 for the small λ, well below for the large");
        assert.ok(small.trainError < large.trainError, "the small λ fits the training set closer");
      }
    }
    assertNoErrors(page);
  });
}

test("the main page fits 1280×720 without scrolling in both languages, and in Korean shows no English word", async () => {
  for (const lang of ["en", "ko"]) {
    const page = await site.open(`#lang=${lang}`);
    const { height, width } = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));
    assert.ok(height <= 720 && width <= 1280, `${lang}: the page is ${width}×${height}`);
    const overflow = await page.evaluate(() => [...document.querySelectorAll("main > .panel")].filter((p) => p.scrollHeight > p.clientHeight + 1).map((p) => p.className));
    assert.deepEqual(overflow, [], `${lang}: no panel's content overflows its box`);
    if (lang === "ko") {
      assert.deepEqual(englishWords(await visibleText(page)), [], "no English word in Korean mode");
      assert.equal(await page.title(), "regplay — 눈으로 보는 정규화");
    }
    assertNoErrors(page);
  }
});
