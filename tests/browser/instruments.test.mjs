// The weights and tanh instruments, as a user sees them: under L1 the panel's count of
// weights that are exactly 0 climbs (and is the page's own zeroWeights), inputs drop out;
// under L2 it says none is exactly 0; on the tanh tab the share of z in the linear region is
// the page's linearFraction and rises from λ = 0 to λ = 10; both charts are drawn.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, waitReady, assertNoErrors, useSite } from "./harness.mjs";

const ALL_FEATURES = "features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2";

const site = useSite();

async function open(hash) {
  const page = await openPage(site.browser, `${site.server.url}/index.html#${hash}`, { viewport: { width: 1280, height: 720 } });
  await waitReady(page);
  return page;
}

/** Waits until the page has drawn at least two more animation frames. */
const nextFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function openTab(page, name, figure) {
  await page.getByRole("tab", { name }).click();
  await page.locator(figure).first().waitFor({ timeout: 10_000 });
}

/** Trains n iterations while paused, then lets the page redraw. */
async function train(page, n) {
  await page.evaluate((n) => window.playground.train(n), n);
  await nextFrames(page);
  return page.evaluate(() => window.playground.metrics());
}

const shown = (page, selector) => page.locator(selector).first().textContent();
const shownNumber = async (page, selector) => Number((await shown(page, selector)).replace(/[^\d.]/g, ""));

/**
 * How many pixels of a canvas are not white, and how many are of each of the page's series
 * colours; `left`: only the left part of this share of the width (the weights histogram).
 */
function pixels(page, id, left = 1) {
  return page.evaluate(([id, left]) => {
    const c = document.getElementById(id);
    const d = c.getContext("2d").getImageData(0, 0, Math.floor(c.width * left), c.height).data;
    let ink = 0, blue = 0, orange = 0, purple = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      if (d[i + 3] > 0 && r + g + b < 720) ink++;
      if (b > r + 60 && b > g + 30) blue++;
      if (r > b + 80 && r > g + 40) orange++;
      if (Math.abs(r - 128) < 12 && Math.abs(g - 96) < 12 && Math.abs(b - 160) < 12) purple++;
    }
    return { width: c.width, height: c.height, cssWidth: c.clientWidth, ink, blue, orange, purple };
  }, [id, left]);
}

test("under L1 the weights panel's count of exact zeros climbs, is zeroWeights, and inputs drop out", async () => {
  const page = await open(`reg=l1&lambda=6&${ALL_FEATURES}`);
  await openTab(page, "Weights", "#weights-zeros [data-figure=zero]");
  const zero = () => shownNumber(page, "#weights-zeros [data-figure=zero]");
  const start = await page.evaluate(() => window.playground.metrics());
  assert.equal(await zero(), 0, "no weight starts at exactly 0");
  assert.equal(await shownNumber(page, "#weights-zeros [data-figure=count]"), start.weightCount);

  const early = await train(page, 200);
  const afterEarly = await zero();
  assert.equal(afterEarly, early.zeroWeights);
  // L1's step pulls every weight by αλ/(2m) toward 0: at the default α 0.1 that is a fifth of
  // α 0.5's pull, so an input drops out later (at about iteration 1,800; 6 of 7 stay in use to 4,000)
  const late = await train(page, 2800);
  const afterLate = await zero();
  assert.equal(afterLate, late.zeroWeights);
  assert.ok(afterEarly > 0 && afterLate > afterEarly, `zeros shown: 0, then ${afterEarly}, then ${afterLate}`);
  assert.ok(afterLate > 0.4 * late.weightCount, `L1 should zero most weights: ${afterLate} of ${late.weightCount}`);

  const inUse = await shownNumber(page, "#weights-features [data-figure=inUse]");
  assert.equal(inUse, late.featuresInUse);
  assert.ok(inUse < 7, `L1 should drop an input out of 7: ${inUse} in use`);
  assert.equal(await shownNumber(page, "#weights-features [data-figure=features]"), 7);

  const p = await pixels(page, "weights-chart", 0.5);
  assert.ok(p.cssWidth > 200 && p.height > 100, JSON.stringify(p));
  assert.ok(p.purple > 100, `the bar of exact zeros is drawn: ${JSON.stringify(p)}`);
  assert.ok(p.blue + p.orange > 80 && p.ink > 1000, `weights other than 0 are drawn: ${JSON.stringify(p)}`);
  assertNoErrors(page);
});

test("one layer chosen, the panel counts that layer's weights only", async () => {
  const page = await open(`reg=l1&lambda=3&${ALL_FEATURES}`);
  await openTab(page, "Weights", "#weights-zeros [data-figure=zero]");
  const m = await train(page, 1500);
  const counts = [];
  for (const layer of ["1", "2", "3"]) {
    await page.selectOption("#weights-layer", layer);
    await nextFrames(page);
    counts.push([await shownNumber(page, "#weights-zeros [data-figure=zero]"), await shownNumber(page, "#weights-zeros [data-figure=count]")]);
  }
  assert.deepEqual(counts.map((c) => c[1]), [20 * 7, 3 * 20, 1 * 3], "W[l] is (n_l, n_{l−1})");
  assert.equal(counts.reduce((s, c) => s + c[0], 0), m.zeroWeights, `per-layer zeros ${JSON.stringify(counts)} add up`);
  await page.selectOption("#weights-layer", "0");
  await nextFrames(page);
  assert.equal(await shownNumber(page, "#weights-zeros [data-figure=zero]"), m.zeroWeights);
  assertNoErrors(page);
});

test("under L2 the weights panel says no weight is exactly 0", async () => {
  const page = await open(`reg=l2&lambda=3&${ALL_FEATURES}`);
  await openTab(page, "Weights", "#weights-zeros [data-figure=zero]");
  const m = await train(page, 1500);
  assert.equal(m.zeroWeights, 0);
  assert.equal(await shown(page, "#weights-zeros [data-figure=zero]"), "0");
  assert.match(await shown(page, "#panel-weights"), /0 of 203 weights are exactly 0/);
  const p = await pixels(page, "weights-chart", 0.5);
  assert.ok(p.purple < 20, `no bar of exact zeros: ${JSON.stringify(p)}`);
  assert.ok(p.blue > 100 && p.orange > 100, `negative and positive weights: ${JSON.stringify(p)}`);
  assertNoErrors(page);
});

test("the tanh panel's linear share is linearFraction and rises from λ = 0 to λ = 10", async () => {
  const share = async (lambda) => {
    const page = await open(`reg=l2&lambda=${lambda}`);
    await openTab(page, "tanh", "#tanh-linear-share [data-figure=share]");
    const m = await train(page, 1500);
    const text = await shown(page, "#tanh-linear-share [data-figure=share]");
    assert.equal(text, `${(100 * m.linearFraction).toFixed(1)} %`, `λ = ${lambda}`);
    assert.equal(await shown(page, "#tanh-linearity [data-figure=linearity]"), `${Math.round(100 * m.linearity)} %`);
    const p = await pixels(page, "tanh-chart");
    assert.ok(p.cssWidth > 200 && p.height > 100, JSON.stringify(p));
    assert.ok(p.ink > 1000 && p.blue > 500, `curve and histogram drawn: ${JSON.stringify(p)}`);
    assertNoErrors(page);
    await page.context().close();
    return m.linearFraction;
  };
  const free = await share(0);
  const decayed = await share(10);
  assert.ok(decayed > free + 0.2, `share of z in the linear region: ${free} at λ = 0, ${decayed} at λ = 10`);
});

test("without hidden layers the tanh panel says so and draws without errors", async () => {
  const page = await open("layers=");
  await openTab(page, "tanh", "#tanh-linear-share [data-figure=share]");
  await train(page, 100);
  assert.equal(await shown(page, "#tanh-linear-share [data-figure=share]"), "—");
  assert.match(await shown(page, "#panel-tanh"), /logistic regression/);
  assertNoErrors(page);
});
