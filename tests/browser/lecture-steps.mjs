// Shared by the lecture tests: open a step, answer its question, wait for its run, and the
// claim each step's caption makes, checked on the real model through the page.
import assert from "node:assert/strict";
import { LESSONS } from "../../www/lessons.js";
import { textIn } from "../../www/i18n.js";

export const TRAINING = 240_000; // ms a step may take to train (2,000 iterations; slow machines)
export const COUNT = LESSONS.length;

export const config = (page) => page.evaluate(() => window.playground.config());
export const metrics = (page) => page.evaluate(() => window.playground.metrics());
export const selectedTab = (page) => page.locator('#instrument-tabs [aria-selected="true"]').getAttribute("id");

/** Waits until step `n` asks its question. */
export async function asking(page, n) {
  await page.waitForFunction(
    ([n, count]) => document.getElementById("lecture-counter").textContent === `${n} / ${count}`
      && document.getElementById("lecture").dataset.state === "asking",
    [n, COUNT], { timeout: TRAINING },
  );
}

/** Answers step n with choice `choice` (or "Run" when null), waits for its run; returns the metrics. */
export async function runStep(page, n, choice = 0) {
  await asking(page, n);
  if (choice === null) await page.locator(".ask-run").click();
  else await page.locator(`.choice[data-choice="${choice}"]`).click();
  await page.waitForFunction(() => document.getElementById("lecture").dataset.state === "ready", null, { timeout: TRAINING });
  return metrics(page);
}

/** Every highlighted selector of step n finds something on the page, and it is ringed. */
export async function assertHighlights(page, n) {
  for (const selector of LESSONS[n - 1].highlight) {
    const ringed = await page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.classList.contains("lecture-highlight")), selector);
    assert.ok(ringed.length > 0 && ringed.every(Boolean), `step ${n}: ${selector} is on the page and ringed`);
  }
}

/** The step's words are in the page's language: Korean has Hangul, English none. */
export async function assertLanguage(page, n, lang) {
  const words = await page.locator("#lecture").innerText();
  if (lang === "ko") assert.match(words, /[가-힣]/, `step ${n} in Korean`);
  else assert.doesNotMatch(words, /[가-힣]/, `step ${n} in English: ${words}`);
  assert.equal(await page.locator("#lecture-title").textContent(), textIn(lang, LESSONS[n - 1].title));
}

/** What the learner notices after the run: the prediction held, and the step's instrument is whole on a 1280×720 screen. */
export async function assertAfterRun(page, n, lang) {
  const feedback = await page.locator(".ask-feedback").textContent();
  assert.match(feedback, lang === "ko" ? /예측이 맞았습니다|예측과 달랐습니다|답:|정답입니다|아쉽습니다/ : /held|did not hold|Answer:|Right|Not quite/, `step ${n}: says which answer held`);
  assert.ok(feedback.includes(textIn(lang, LESSONS[n - 1].explain)), `step ${n}: explains`);
  const fit = await page.evaluate(() => {
    const tab = document.querySelector('#instrument-tabs [aria-selected="true"]').getAttribute("aria-controls");
    const box = document.getElementById(tab).getBoundingClientRect();
    window.scrollTo(0, 10_000);
    const scrolled = window.scrollY;
    window.scrollTo(0, 0);
    return { bottom: box.bottom, top: box.top, height: innerHeight, scrolled };
  });
  assert.equal(fit.scrolled, 0, `step ${n}: the page does not scroll`);
  assert.ok(fit.top >= 0 && fit.bottom <= fit.height, `step ${n}: the instrument is whole (${fit.top}–${fit.bottom} of ${fit.height})`);
}

/** A second, independent run in the page's wasm: `pairs` from a URL, trained `n` iterations. */
export function sideRun(page, query, n, read) {
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

export const hashOf = (page) => new URL(page.url()).hash.slice(1);
