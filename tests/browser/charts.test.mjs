// The curves panel: after a run the cost and error charts show the training (blue) and dev
// (orange) curves at the screen's pixel density, and a fresh run with a one-point history
// draws without errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertNoErrors, useSite } from "./harness.mjs";

const site = useSite();
const { open } = site;


/** Waits until the page has drawn at least two more animation frames. */
const nextFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Backing and CSS size of a chart, and how many of its pixels are training blue, dev orange, or not white. */
function chartPixels(page, id) {
  return page.evaluate((id) => {
    const c = document.getElementById(id);
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let blue = 0, orange = 0, ink = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      if (b > r + 60 && b > g + 30) blue++;
      if (r > b + 80 && r > g + 40) orange++;
      if (d[i + 3] > 0 && r + g + b < 600) ink++;
    }
    return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight, ratio: devicePixelRatio, blue, orange, ink };
  }, id);
}

function assertSizedForScreen(p) {
  assert.ok(p.cssWidth > 100 && p.cssHeight > 50, `chart too small: ${JSON.stringify(p)}`);
  assert.equal(p.width, Math.round(p.cssWidth * p.ratio), JSON.stringify(p));
  assert.equal(p.height, Math.round(p.cssHeight * p.ratio), JSON.stringify(p));
}

test("after training the default setup both charts show the training and dev curves", async () => {
  const page = await open();
  await page.evaluate(() => window.playground.train(3000));
  await nextFrames(page);
  for (const id of ["cost-chart", "error-chart"]) {
    const p = await chartPixels(page, id);
    assertSizedForScreen(p);
    assert.ok(p.blue > 300 && p.orange > 300, `${id}: ${JSON.stringify(p)}`);
  }
  assertNoErrors(page);
});

test("at devicePixelRatio 2 the charts are drawn at twice their CSS size", async () => {
  const page = await open();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setDeviceMetricsOverride", { width: 1280, height: 720, deviceScaleFactor: 2, mobile: false });
  await page.evaluate(() => window.playground.train(3000));
  await nextFrames(page);
  for (const id of ["cost-chart", "error-chart"]) {
    const p = await chartPixels(page, id);
    assert.equal(p.ratio, 2);
    assertSizedForScreen(p);
    assert.ok(p.blue > 600 && p.orange > 600, `${id}: ${JSON.stringify(p)}`);
  }
  assertNoErrors(page);
});

test("a fresh run with a one-point history draws both charts without errors", async () => {
  const page = await open();
  await page.evaluate(() => window.playground.train(200));
  await page.evaluate(() => window.playground.reset());
  await nextFrames(page);
  assert.equal(await page.evaluate(() => window.playground.history().iteration.length), 1);
  for (const id of ["cost-chart", "error-chart"]) {
    const p = await chartPixels(page, id);
    assertSizedForScreen(p);
    assert.ok(p.ink > 200, `${id} has no axes or labels: ${JSON.stringify(p)}`);
    assert.ok(p.blue > 0 && p.orange > 0, `${id} does not mark the first point: ${JSON.stringify(p)}`);
  }
  assertNoErrors(page);
});
