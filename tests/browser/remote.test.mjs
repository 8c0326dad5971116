// The presenter's remote in a reveal.js deck (from npm) with regplay embedded: before the
// frame is clicked the deck gets the keys; after a click into the frame Space plays there,
// and PageDown — which the playground does not use — goes back to the deck and turns the slide.
// Also: the embed that "Embed" copies (boundary and curves) fits a 16:9 slide of 800×450.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, copyFile, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertNoErrors, openPage, startServer, useSite, waitReady } from "./harness.mjs";

const site = useSite({ root: process.env.REGPLAY_WWW });
const REVEAL = fileURLToPath(new URL("../../node_modules/reveal.js/dist/", import.meta.url));
let deck = null;
let dir = null;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "regplay-deck-"));
  for (const f of ["reveal.js", "reveal.css"]) await copyFile(path.join(REVEAL, f), path.join(dir, f));
  deck = await startServer({ root: dir }); // another origin than the playground, as a real deck would be
});
after(async () => {
  await deck?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function openDeck() {
  await writeFile(path.join(dir, "index.html"), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="reveal.css"></head><body><div class="reveal"><div class="slides">
<section><h1>One</h1></section>
<section><iframe id="frame" src="${site.server.url}/index.html#embed=1&panels=boundary,curves" width="800" height="450"></iframe></section>
<section><h1>Three</h1></section>
</div></div><script src="reveal.js"></script>
<script>Reveal.initialize({ hash: false, transition: "none", width: 960, height: 700 });</script></body></html>`);
  const page = await openPage(site.browser, `${deck.url}/index.html`, { viewport: { width: 1280, height: 800 } });
  await page.waitForFunction(() => window.Reveal?.isReady());
  const frame = () => page.frames().find((f) => f.url().includes(site.server.url));
  await page.waitForFunction(() => document.getElementById("frame"));
  while (!frame()) await page.waitForTimeout(50);
  await waitReady(frame());
  return { page, frame: frame() };
}
const slide = (page) => page.evaluate(() => window.Reveal.getIndices().h);

test("a presenter's remote: the deck's keys until the frame is clicked, Space plays in it, PageDown turns the slide", async () => {
  const { page, frame } = await openDeck();
  await page.evaluate(() => window.Reveal.slide(1));
  await page.keyboard.press("PageDown");
  assert.equal(await slide(page), 2, "before the frame is clicked, PageDown moves the deck");
  await page.evaluate(() => window.Reveal.slide(1));
  await page.waitForTimeout(100);

  await frame.locator("#boundary").click();
  await page.keyboard.press("Space");
  await frame.waitForFunction(() => window.playground.metrics().iteration > 0);
  assert.equal(await frame.locator("#play").getAttribute("aria-label"), "Pause", "Space plays the playground");
  assert.equal(await slide(page), 1, "and the deck stays");

  await page.keyboard.press("PageDown");
  await page.waitForFunction(() => window.Reveal.getIndices().h === 2);
  assert.equal(await slide(page), 2, "PageDown in the frame moves the deck to the next slide");
  await page.evaluate(() => window.Reveal.slide(1));
  await frame.locator("#boundary").click();
  await page.keyboard.press("PageUp");
  await page.waitForFunction(() => window.Reveal.getIndices().h === 0);
  assertNoErrors(page);
  assertNoErrors(frame.page());
  await page.close();
});

test("embed=1&panels=boundary,curves fits an 800×450 frame with both charts whole", async () => {
  const page = await site.open("#embed=1&panels=boundary,curves", { width: 800, height: 450 });
  await page.evaluate(() => window.playground.train(300));
  const boxes = await page.evaluate(() => ["boundary", "cost-chart", "error-chart"].map((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return { id, left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  }));
  for (const b of boxes) {
    assert.ok(b.width > 100 && b.height > 80, `${b.id} is drawn: ${b.width}×${b.height}`);
    assert.ok(b.left >= 0 && b.top >= 0 && b.right <= 800 && b.bottom <= 450, `${b.id} whole inside 800×450: ${JSON.stringify(b)}`);
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth), "no scrolling");
  assertNoErrors(page);
});
