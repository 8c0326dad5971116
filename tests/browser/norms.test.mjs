// The norms panel (quiz 9): the lecture's x = [2, 3, 4] gives ‖x‖₁ = 9 and
// ‖x‖₂ = √29 ≈ 5.385, both follow an edited component, and the picture puts L1's constrained
// optimum on an axis (w₂ exactly 0) and L2's off it, both moving with the constraint size.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, waitReady, assertNoErrors, useSite } from "./harness.mjs";

const site = useSite();

async function openNormsPanel() {
  const page = await openPage(site.browser, `${site.server.url}/index.html`, { viewport: { width: 1280, height: 720 } });
  await waitReady(page);
  await page.getByRole("tab", { name: "Norms" }).click();
  await page.getByRole("spinbutton", { name: "x₁" }).waitFor();
  return page;
}

const text = (page, selector) => page.locator(selector).innerText();

/** How many of the picture's pixels are L1 orange and L2 blue. */
const pictureColours = (page) =>
  page.evaluate(() => {
    const c = document.querySelector("#panel-norms canvas");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let blue = 0, orange = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 2] > d[i] + 60 && d[i + 2] > d[i + 1] + 30) blue++;
      if (d[i] > d[i + 2] + 80 && d[i] > d[i + 1] + 40) orange++;
    }
    return { blue, orange, width: c.width, cssWidth: c.clientWidth };
  });

test("the lecture's x = [2, 3, 4]: ‖x‖₁ = 9 and ‖x‖₂ = √29 ≈ 5.385, updated as a component changes", async () => {
  const page = await openNormsPanel();
  assert.equal(await text(page, "#norm-l1"), "9");
  assert.equal(await text(page, "#norm-l2"), "5.385");
  const panel = await text(page, "#panel-norms");
  assert.match(panel, /‖x‖₁ = 2 \+ 3 \+ 4 = 9/);
  assert.match(panel, /‖x‖₂ = √\(4 \+ 9 \+ 16\) = √29 ≈ 5\.385/);

  await page.getByRole("spinbutton", { name: "x₃" }).fill("0");
  assert.equal(await text(page, "#norm-l1"), "5");
  assert.equal(await text(page, "#norm-l2"), "3.606"); // √13

  await page.getByRole("spinbutton", { name: "x₁" }).fill("-2");
  assert.equal(await text(page, "#norm-l1"), "5", "absolute values");
  assert.match(await text(page, "#panel-norms"), /\|−2\| \+ 3 \+ 0 = 5/);
  assertNoErrors(page);
});

test("L1's optimum lands on a corner of the diamond (w₂ = 0), L2's keeps both weights, and both move with t", async () => {
  const page = await openNormsPanel();
  const optima = page.locator("#panel-norms .norms-optima");
  await page.waitForFunction(() => document.querySelector("#panel-norms .norms-optima").textContent.includes("L2"));
  let shown = await optima.innerText();
  assert.match(shown, /L1 optimum w = \(1, 0\) — w₂ is exactly 0/);
  const l2 = shown.match(/L2 optimum w = \(([\d.]+), ([\d.]+)\)/);
  assert.ok(l2 && Number(l2[1]) > 0.3 && Number(l2[2]) > 0.3, shown);
  const before = await pictureColours(page);
  assert.ok(before.blue > 300 && before.orange > 300, JSON.stringify(before));
  assert.equal(before.width, Math.round(before.cssWidth * (await page.evaluate(() => devicePixelRatio))));

  const slider = page.locator("#norms-budget");
  await slider.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowLeft"); // t = 1 − 6 × 0.05
  shown = await optima.innerText();
  assert.match(shown, /L1 optimum w = \(0\.7, 0\) — w₂ is exactly 0/);
  assert.doesNotMatch(shown, new RegExp(`\\(${l2[1]}, ${l2[2]}\\)`), "the L2 optimum moved");
  assertNoErrors(page);
});
