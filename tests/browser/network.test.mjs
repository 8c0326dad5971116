// The network diagram: resting on a node (mouse, touch or keyboard) shows that node's map in
// the large boundary view, resting on a link names its weight as the lecture writes it, L1's
// zeros and dropout's removed units are marked, and the canvas is drawn at the screen's density.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, waitReady, assertNoErrors, useSite } from "./harness.mjs";

const site = useSite();

async function open(query = "", contextOptions) {
  const url = `${site.server.url}/index.html${query}`;
  let page;
  if (contextOptions) {
    // openPage's context has no touch; this one keeps the same error log
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 720 }, ...contextOptions });
    page = await context.newPage();
    page.errors = [];
    page.on("console", (m) => m.type() === "error" && page.errors.push(`console.error: ${m.text()}`));
    page.on("pageerror", (e) => page.errors.push(`pageerror: ${e.message}`));
    await page.goto(url);
  } else {
    page = await openPage(site.browser, url, { viewport: { width: 1280, height: 720 } });
  }
  await waitReady(page);
  return page;
}

const nextFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * A second handle in the page, on the same config and trained as far as the page's, so
 * bit-identical to it: its networkLayout tells where the page drew each node and link, and
 * its drawBoundary what the boundary view must show.
 */
async function twin(page) {
  await page.evaluate(async () => {
    const m = await import("/pkg/regplay.js");
    await m.default();
    const pairs = new URLSearchParams(location.hash.slice(1));
    window.twin = new m.Playground([...pairs.keys()], [...pairs.values()]);
    window.twin.train(window.playground.metrics().iteration);
  });
}

/** The layout of the page's diagram, in device pixels, and the canvas's place in CSS pixels. */
function layout(page) {
  return page.evaluate(() => {
    const c = document.getElementById("network");
    const box = c.getBoundingClientRect();
    // the ratio to the window's pixels, which an embed drawn smaller (CSS zoom) makes larger than devicePixelRatio
    return { ...JSON.parse(window.twin.networkLayout(c.width, c.height)), box: { x: box.x, y: box.y }, ratio: c.width / box.width };
  });
}

/** CSS-pixel page coordinates of a device-pixel point of the diagram. */
const at = (l, x, y) => [l.box.x + x / l.ratio, l.box.y + y / l.ratio];
const nodeCentre = (l, n) => at(l, n.x + n.w / 2, n.y + n.h / 2);

/** A fingerprint (FNV-1a) of a canvas's pixels, to compare frames. */
function fingerprint(canvas) {
  const d = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let h = 0x811c9dc5;
  for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i], 0x01000193);
  return `${canvas.width}×${canvas.height}:${(h >>> 0).toString(16)}`;
}

const boundaryPixels = (page) => page.evaluate(`(${fingerprint})(document.getElementById("boundary"))`);

/** What the boundary view must show with `focus` ([layer, unit] or null), drawn by the twin. */
const expectedBoundary = (page, focus) =>
  page.evaluate(`(() => {
    const c = document.getElementById("boundary");
    const off = document.createElement("canvas");
    [off.width, off.height] = [c.width, c.height];
    const conf = window.playground.config();
    window.twin.setFocus(...${JSON.stringify(focus ?? [-1, -1])});
    window.twin.drawBoundary(off.getContext("2d"), c.width, c.height, (conf.showdev ? 1 : 0) | (conf.discretize ? 2 : 0));
    return (${fingerprint})(off);
  })()`);

const tooltip = (page) => page.locator('[role="tooltip"]:not([hidden])');

test("resting the mouse on a hidden unit shows its map in the boundary view; leaving shows ŷ again", async () => {
  const page = await open();
  await page.evaluate(() => window.playground.train(300));
  await twin(page);
  await nextFrames(page);
  const output = await boundaryPixels(page);
  assert.equal(output, await expectedBoundary(page, null), "the boundary view shows the output");

  const l = await layout(page);
  const unit = l.nodes.find((n) => n.layer === 1 && n.unit === 2);
  await page.mouse.move(...nodeCentre(l, unit));
  await nextFrames(page);
  const focused = await boundaryPixels(page);
  assert.notEqual(focused, output, "the boundary view changed");
  assert.equal(focused, await expectedBoundary(page, [1, 2]), "it shows exactly a[1]₃'s map");
  await assert.doesNotReject(tooltip(page).filter({ hasText: "a[1]₃" }).waitFor({ timeout: 2000 }));
  assert.equal(await page.evaluate(() => window.playground.grid(10).length), 100, "grid() is still the output");

  await page.mouse.move(5, 5);
  await nextFrames(page);
  assert.equal(await boundaryPixels(page), output, "back to ŷ");
  assert.equal(await tooltip(page).count(), 0);
  assertNoErrors(page);
});

test("in an embed drawn smaller to fit its frame, the node under the pointer is the one named", async () => {
  const page = await open("#embed=1&panels=boundary,curves,network", { viewport: { width: 640, height: 360 } });
  const zoom = await page.evaluate(() => Number(document.body.style.zoom || 1));
  assert.ok(zoom < 1, `the page is drawn smaller (zoom ${zoom})`);
  await twin(page);
  const l = await layout(page);
  for (const unit of l.nodes.filter((n) => n.layer === 2)) {
    await page.mouse.move(...nodeCentre(l, unit));
    await assert.doesNotReject(tooltip(page).filter({ hasText: unit.label }).waitFor({ timeout: 2000 }), `${unit.label} is named`);
    const box = await tooltip(page).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 640 && box.y + box.height <= 360, `its tooltip is inside the frame: ${JSON.stringify(box)}`);
  }
  assertNoErrors(page);
});

test("resting on a link names its weight as W[l]ᵢ,ⱼ, and the name is the right one", async () => {
  const page = await open();
  await page.evaluate(() => window.playground.train(300));
  await twin(page);
  await nextFrames(page);
  const l = await layout(page);
  const strongest = l.links[l.links.length - 1]; // drawn last, on top
  await page.mouse.move(...at(l, (strongest.x1 + strongest.x2) / 2, (strongest.y1 + strongest.y2) / 2));
  const tip = tooltip(page);
  await tip.waitFor({ timeout: 2000 });
  const text = await tip.textContent();
  const match = text.match(/^(W\[\d\][₀-₉]+,[₀-₉]+) = (−?)(\d+\.\d{3})$/);
  assert.ok(match, `tooltip "${text}"`);
  const link = l.links.find((k) => k.label === match[1]);
  assert.ok(link, `no link named ${match[1]}`);
  assert.equal(Number(match[3]) * (match[2] ? -1 : 1), Number(link.weight.toFixed(3)));
  assert.equal(match[1], strongest.label);
  assertNoErrors(page);
});

test("with L1 the diagram marks exactly the weights that are 0; with dropout the dropped units", async () => {
  const l1 = await open("#reg=l1&lambda=3&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2");
  const m = await l1.evaluate(() => window.playground.train(1500));
  await twin(l1);
  const zeros = (await layout(l1)).links.filter((k) => k.zero);
  assert.equal(zeros.length, m.zeroWeights);
  assert.ok(zeros.length > 100 && zeros.every((k) => k.weight === 0), `${zeros.length} zero links`);
  assertNoErrors(l1);

  const drop = await open("#keep=0.5,0.5");
  await drop.evaluate(() => window.playground.train(3));
  await twin(drop);
  const nodes = (await layout(drop)).nodes;
  const dropped = nodes.filter((n) => n.dropped);
  assert.ok(dropped.length > 4 && dropped.length < 28, `${dropped.length} of 32 hidden units dropped`);
  assert.ok(dropped.every((n) => n.layer === 1 || n.layer === 2), "only hidden units drop out");
  const l = await layout(drop);
  await drop.mouse.move(...nodeCentre(l, dropped[0]));
  await assert.doesNotReject(tooltip(drop).filter({ hasText: "dropped" }).waitFor({ timeout: 2000 }));
  assertNoErrors(drop);
});

test("at devicePixelRatio 2 the diagram is drawn at twice its CSS size, in both colours", async () => {
  const page = await open("", { deviceScaleFactor: 2 });
  await page.evaluate(() => window.playground.train(100));
  await nextFrames(page);
  const p = await page.evaluate(() => {
    const c = document.getElementById("network");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let blue = 0, orange = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 2] > d[i] + 80) blue++;
      if (d[i] > d[i + 2] + 80) orange++;
    }
    return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight, ratio: devicePixelRatio, blue, orange };
  });
  assert.equal(p.ratio, 2);
  assert.ok(p.cssWidth > 200 && p.cssHeight > 150, JSON.stringify(p));
  assert.equal(p.width, Math.round(p.cssWidth * 2), JSON.stringify(p));
  assert.equal(p.height, Math.round(p.cssHeight * 2), JSON.stringify(p));
  assert.ok(p.blue > 2000 && p.orange > 2000, JSON.stringify(p));
  assertNoErrors(page);
});

test("a tap focuses a node and a second tap lets it go; arrow keys walk the nodes", async () => {
  const page = await open("", { hasTouch: true });
  await page.evaluate(() => window.playground.train(200));
  await twin(page);
  await nextFrames(page);
  const output = await boundaryPixels(page);
  const l = await layout(page);
  const unit = l.nodes.find((n) => n.layer === 2 && n.unit === 0);
  await page.touchscreen.tap(...nodeCentre(l, unit));
  await nextFrames(page);
  assert.equal(await boundaryPixels(page), await expectedBoundary(page, [2, 0]), "the tapped unit's map");
  await page.touchscreen.tap(...nodeCentre(l, unit));
  await nextFrames(page);
  assert.equal(await boundaryPixels(page), output);

  await page.locator("#network").focus();
  await page.keyboard.press("ArrowRight"); // x₁
  await page.keyboard.press("ArrowRight"); // a[1]₁
  await page.keyboard.press("ArrowDown"); // a[1]₂
  await nextFrames(page);
  await assert.doesNotReject(tooltip(page).filter({ hasText: "a[1]₂" }).waitFor({ timeout: 2000 }));
  assert.equal(await boundaryPixels(page), await expectedBoundary(page, [1, 1]));
  await page.keyboard.press("Escape");
  await nextFrames(page);
  assert.equal(await boundaryPixels(page), output);
  assertNoErrors(page);
});
