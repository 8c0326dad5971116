// In class and in slides: embedding, TensorFlow Playground links, language, presenting.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, waitReady, assertNoErrors, useSite } from "./harness.mjs";

const site = useSite();
const { open } = site;

const visible = (page, selector) => page.locator(selector).first().isVisible();

test("embed=1&panels=boundary,cost shows only those panels, fitted to a small frame", async () => {
  const page = await open("?embed=1&panels=boundary,cost#reg=l2&lambda=0.7", { width: 480, height: 420 });
  assert.equal(await visible(page, "#boundary"), true);
  assert.equal(await visible(page, "#cost-chart"), true);
  for (const hidden of ["header.top", "#error-chart", ".panel.data", ".panel.network", "#lambda", ".readouts", "#instrument-tabs"]) {
    assert.equal(await visible(page, hidden), false, `${hidden} is hidden`);
  }
  assert.equal(await visible(page, "#play"), true, "play stays");
  const size = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
  assert.ok(size[0] <= 480 && size[1] <= 420, `fits the frame: ${size}`);
  const c = await page.evaluate(() => window.playground.config());
  assert.deepEqual([c.embed, c.panels, c.lambda], [true, ["boundary", "cost"], 0.7]);
  assert.match(page.url(), /embed=1&panels=boundary,cost/);
  await page.screenshot({ path: "test-results/embed-480x420.png" }).catch(() => {});
  assertNoErrors(page);
});

test("a small frame with more panels than it holds at full size keeps every chosen panel whole and readable", async () => {
  const cases = [
    [{ width: 480, height: 300 }, "boundary,curves", ["#boundary", "#cost-chart", "#error-chart"]],
    [{ width: 480, height: 300 }, "boundary,readouts,curves", ["#boundary", ".readouts", "#cost-chart", "#error-chart"]],
    [{ width: 640, height: 360 }, "boundary,curves,network", ["#boundary", "#cost-chart", "#error-chart", "#network"]],
    [{ width: 800, height: 450 }, "boundary,curves,weights,controls", ["#boundary", "#weights-chart", "#lambda"]],
    // instruments whose panel loads on first use, after the first fitting
    [{ width: 480, height: 300 }, "boundary,weights", ["#boundary", "#weights-chart"]],
    [{ width: 480, height: 300 }, "boundary,tanh", ["#boundary", "#panel-tanh canvas"]],
    [{ width: 480, height: 300 }, "boundary,norms", ["#boundary", "#panel-norms canvas"]],
  ];
  for (const [viewport, panels, parts] of cases) {
    const page = await open(`#embed=1&panels=${panels}`, viewport);
    const where = `${panels} in ${viewport.width}×${viewport.height}`;
    const fitted = () => document.documentElement.scrollWidth <= innerWidth && document.documentElement.scrollHeight <= innerHeight;
    await page.waitForFunction(fitted, null, { timeout: 5000 }).catch(() => {});
    const size = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    assert.ok(size[0] <= viewport.width && size[1] <= viewport.height, `${where}: fits the frame (${size})`);
    for (const part of parts) {
      const box = await page.locator(part).first().boundingBox();
      assert.ok(box, `${where}: ${part} is shown`);
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width + 0.5 && box.y + box.height <= viewport.height + 0.5,
        `${where}: ${part} is whole in the frame (${JSON.stringify(box)})`);
    }
    // the boundary and the charts stay large enough to read (before, 480×300 squeezed each chart to 65 px)
    const boundary = await page.locator("#boundary").boundingBox();
    assert.ok(boundary.width >= 70, `${where}: the boundary is ${boundary.width} px`);
    if (parts.includes("#cost-chart")) {
      const chart = await page.locator("#cost-chart").boundingBox();
      assert.ok(chart.height >= 48, `${where}: a chart is ${chart.height} px tall`);
    }
    assertNoErrors(page);
    await page.context().close();
  }
  // a phone-shaped frame stacks the readouts under the boundary, which then takes the width (it took half, 155 px)
  const page = await open("#embed=1&panels=boundary,readouts", { width: 390, height: 700 });
  const [boundary, readouts] = [await page.locator("#boundary").boundingBox(), await page.locator(".readouts").boundingBox()];
  assert.ok(boundary.width >= 300, `the boundary is ${boundary.width} px wide in 390×700`);
  assert.ok(readouts.y >= boundary.y + boundary.height && readouts.y + readouts.height <= 700, "the readouts whole, below it");
  const left = boundary.x, right = 390 - boundary.x - boundary.width;
  assert.ok(Math.abs(left - right) < 40, `centred across (${left} | ${right})`);
  assertNoErrors(page);
});

test("an embed without panels shows the boundary with play and reset, and leaves the keyboard alone until clicked", async () => {
  const page = await open("#embed=1", { width: 400, height: 400 });
  assert.equal(await visible(page, "#boundary"), true);
  assert.equal(await visible(page, "#reset"), true);
  assert.equal(await visible(page, "#cost-chart"), false);
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, "nothing takes focus");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => window.playground.metrics().iteration), 0, "keys belong to the slide deck");
  await page.locator("#boundary").click();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => window.playground.metrics().iteration), 1, "after a click the shortcuts work");
  assertNoErrors(page);
});

test("copy embed code gives an iframe of the current setup", async () => {
  const page = await open("#reg=l1&lambda=0.3");
  const code = await page.evaluate(() => window.playground.embedCode());
  assert.match(code, /^<iframe src="[^"]*embed=1&amp;panels=boundary,curves|^<iframe src="[^"]*embed=1&panels=boundary,curves/);
  assert.match(code, /reg=l1/);
  assert.match(code, /lambda=0\.3/);
  const src = code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, "&");
  const embedded = await openPage(site.browser, src, { viewport: { width: 720, height: 560 } });
  await waitReady(embedded);
  const c = await embedded.evaluate(() => window.playground.config());
  assert.deepEqual([c.reg, c.lambda, c.embed], ["l1", 0.3, true]);
  assertNoErrors(embedded);
});

test("a TensorFlow Playground hash opens the nearest setup with a note on λ", async () => {
  const hash = "#activation=relu&batchSize=10&dataset=spiral&regDataset=reg-plane&learningRate=0.03&regularizationRate=0.001" +
    "&noise=15&networkShape=6,4&seed=0.58617&showTestData=false&discretize=false&percTrainData=60&x=true&y=true&xTimesY=false" +
    "&xSquared=true&ySquared=false&cosX=false&sinX=true&cosY=false&sinY=false&collectStats=false&problem=classification" +
    "&initZero=false&hideText=false&regularization=L2";
  const page = await open(hash);
  const c = await page.evaluate(() => window.playground.config());
  assert.deepEqual(
    [c.act, c.batch, c.dataset, c.lr, c.noise, c.layers, c.train, c.reg, c.points, c.features],
    ["relu", 10, "spiral", 0.03, 15, [6, 4], 60, "l2", 500, ["x1", "x2", "x1sq", "sinx1"]],
  );
  assert.equal(c.lambda, 0.3, "rate 0.001 × m = 300 training points");
  const text = await page.locator("#messages").textContent();
  assert.match(text, /λ\/m/);
  assert.match(text, /TensorFlow Playground/);
  assert.doesNotMatch(page.url(), /networkShape/, "the page rewrites the link in its own keys");
  assertNoErrors(page);
});

test("pasting a TensorFlow Playground link into the page opens it", async () => {
  const page = await open();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text", "https://playground.tensorflow.org/#activation=sigmoid&regularization=L1&regularizationRate=0.01&networkShape=3&dataset=xor&percTrainData=50");
    document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
  });
  const c = await page.evaluate(() => window.playground.config());
  assert.deepEqual([c.act, c.reg, c.layers, c.dataset], ["sigmoid", "l1", [3], "xor"]);
  assert.equal(c.lambda, 5, "L1: λ = 2·rate·m = 2 · 0.01 · 250");
  assertNoErrors(page);
});

test("lang sets <html lang>, large text and the language selector are in the URL", async () => {
  const page = await open("#lang=ko");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ko");
  await page.getByRole("button", { name: "A+" }).click();
  assert.equal(await page.evaluate(() => document.body.classList.contains("big")), true);
  assert.match(page.url(), /lang=ko/);
  assert.match(page.url(), /big=1/);
  await page.locator("#lang").selectOption("en");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  const bad = await open("#lang=fr&panels=nope");
  assert.match(await bad.locator("#messages").textContent(), /lang="fr"/);
  assertNoErrors(page);
});
