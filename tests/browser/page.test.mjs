// The first page as a user meets it: it trains, λ moved with the keyboard simplifies the
// boundary without resetting the run, share links reopen the same run, bad links are named.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, waitReady, assertNoErrors, useSite } from "./harness.mjs";

const site = useSite();

async function open(query = "", viewport) {
  const page = await openPage(site.browser, `${site.server.url}/index.html${query}`, viewport && { viewport });
  await waitReady(page);
  return page;
}

/** How many neighbouring cells of the 100×100 grid lie on different sides of P = 0.5. */
function frontierLength(grid, n = 100) {
  let count = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const here = grid[r * n + c] > 0.5;
      if (c + 1 < n && here !== grid[r * n + c + 1] > 0.5) count++;
      if (r + 1 < n && here !== grid[(r + 1) * n + c] > 0.5) count++;
    }
  }
  return count;
}

test("the play button trains and the boundary canvas is drawn at the device's resolution", async () => {
  const page = await open("", { width: 1280, height: 720 });
  const before = await page.evaluate(() => window.playground.metrics().iteration);
  assert.equal(before, 0);
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForFunction(() => window.playground.metrics().iteration >= 100);
  await page.getByRole("button", { name: "Pause" }).click();
  const size = await page.evaluate(() => {
    const c = document.getElementById("boundary");
    return [c.width, c.clientWidth, window.devicePixelRatio];
  });
  assert.equal(size[0], Math.round(size[1] * size[2]));
  // the canvas is not blank: both class colours appear in its pixels
  const colours = await page.evaluate(() => {
    const c = document.getElementById("boundary");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let blue = 0, orange = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 2] > d[i] + 40) blue++;
      if (d[i] > d[i + 2] + 40) orange++;
    }
    return { blue, orange };
  });
  assert.ok(colours.blue > 1000 && colours.orange > 1000, JSON.stringify(colours));
  assertNoErrors(page);
});

test("moving λ with the keyboard simplifies the overfit boundary without resetting", async () => {
  // 80 training samples at α 0.05 overfit smoothly (J never rises; dev cost climbs from its
  // minimum; frontier about 300 cells at 3,000 iterations); the default 200 at α 0.1 barely do
  const page = await open("#train=20&lr=0.05");
  await page.evaluate(() => window.playground.train(3000));
  const overfit = await page.evaluate(() => window.playground.metrics());
  const wiggly = frontierLength(await page.evaluate(() => Array.from(window.playground.grid(100))));

  const slider = page.getByRole("slider", { name: /λ/ });
  await slider.focus();
  const target = 2; // λ = 2 on the slider's 1-2-3-5-7 scale
  for (let i = 0; i < 40; i++) {
    const lambda = await page.evaluate(() => window.playground.config().lambda);
    if (lambda >= target) break;
    await slider.press("ArrowRight");
  }
  const config = await page.evaluate(() => window.playground.config());
  assert.equal(config.lambda, target);
  assert.equal(config.reg, "l2", "moving λ off 0 turns on L2");
  assert.match(await page.locator("#lambda-value").textContent(), /^2$/);
  assert.equal(await page.evaluate(() => window.playground.metrics().iteration), overfit.iteration, "λ does not reset training");
  assert.match(page.url(), /lambda=2(&|$)/);

  const after = await page.evaluate(() => window.playground.train(3000));
  const smooth = frontierLength(await page.evaluate(() => Array.from(window.playground.grid(100))));
  assert.equal(after.iteration, overfit.iteration + 3000);
  assert.ok(smooth < wiggly * 0.75, `frontier ${wiggly} → ${smooth} cells: the boundary should get simpler`);
  assert.ok(after.weightNorm < overfit.weightNorm / 2, `‖W‖ ${overfit.weightNorm} → ${after.weightNorm}`);
  assert.ok(after.devCost < overfit.devCost, `dev cost ${overfit.devCost} → ${after.devCost}`);
  assertNoErrors(page);
});

test("the penalty selector takes effect live", async () => {
  const page = await open("#lambda=0.3");
  await page.evaluate(() => window.playground.train(50));
  await page.getByLabel("Regularization").selectOption("l1");
  const m = await page.evaluate(() => window.playground.metrics());
  assert.equal(m.iteration, 50);
  assert.ok(m.penalty > 0);
  assert.equal(await page.evaluate(() => window.playground.config().reg), "l1");
  assertNoErrors(page);
});

test("a share link reopens the same run, bit for bit", async () => {
  const page = await open("#reg=l1&lambda=0.2&batch=10&keep=0.8,0.9&seed=7");
  const first = await page.evaluate(() => {
    window.playground.train(700);
    return { m: window.playground.metrics(), grid: Array.from(window.playground.grid(20)) };
  });
  const link = page.url();
  const again = await openPage(site.browser, link);
  await waitReady(again);
  const second = await again.evaluate(() => {
    window.playground.train(700);
    return { m: window.playground.metrics(), grid: Array.from(window.playground.grid(20)) };
  });
  assert.deepEqual(second, first);
  // and reset replays it
  const third = await again.evaluate(() => {
    window.playground.reset();
    window.playground.train(700);
    return { m: window.playground.metrics(), grid: Array.from(window.playground.grid(20)) };
  });
  assert.deepEqual(third, first);
  assertNoErrors(page);
  assertNoErrors(again);
});

test("a bad URL value is named on the page and replaced by its default", async () => {
  const page = await open("?lambda=banana&layers=4,4#noise=<b>x</b>");
  const text = await page.locator("#messages").textContent();
  assert.match(text, /lambda="banana"/);
  assert.match(text, /noise=/);
  assert.equal(await page.locator("#messages b").count(), 0, "nothing from the URL becomes HTML");
  const config = await page.evaluate(() => window.playground.config());
  assert.equal(config.lambda, 0);
  assert.deepEqual(config.layers, [4, 4]);
  assert.equal(await page.locator("#messages .message").count(), 1, "one message for both bad values");
  await page.getByRole("button", { name: "Dismiss" }).first().click();
  assert.equal(await page.locator("#messages .message").count(), 0);
  assertNoErrors(page);
});

test("playground.set validates everything first and throws a clear Error", async () => {
  const page = await open();
  const result = await page.evaluate(() => {
    try {
      window.playground.set({ lambda: 0.5, layers: [8, 99] });
      return "no error";
    } catch (e) {
      return { message: e.message, isError: e instanceof Error, lambda: window.playground.config().lambda };
    }
  });
  assert.equal(result.isError, true);
  assert.match(result.message, /layers/);
  assert.equal(result.lambda, 0, "nothing was applied");
  await page.evaluate(() => window.playground.set({ layers: "3,2", act: "relu", keep: [1, 0.5] }));
  const c = await page.evaluate(() => window.playground.config());
  assert.deepEqual([c.layers, c.act, c.keep], [[3, 2], "relu", [1, 0.5]]);
  assertNoErrors(page);
});

test("a diverging learning rate says so and reset recovers", async () => {
  const page = await open("#lr=10&reg=l2&lambda=100");
  await page.evaluate(() => window.playground.train(2000));
  await page.waitForSelector("#diverged");
  assert.match(await page.locator("#diverged").textContent(), /diverged/);
  assert.equal(await page.evaluate(() => window.playground.metrics().status), "diverged");
  await page.evaluate(() => window.playground.set({ lr: 0.1 }));
  await page.locator("#diverged").getByRole("button", { name: "Reset" }).click();
  const m = await page.evaluate(() => window.playground.train(10));
  assert.equal(m.status, "training");
  assert.equal(m.iteration, 10);
  assertNoErrors(page);
});
