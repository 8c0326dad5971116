#!/usr/bin/env node
// A developer tool, not a test: measures what issue 17 asks about, for the heaviest setup
// (six layers of 32, all seven features, four augmentations) on a 5,000-row CSV — the median
// and longest frame on each tab, in lecture step 7 and during a CSV sweep, served and offline;
// the wasm memory after each refused input; train(cap) on a CSV all for training; and the
// frame rate of a 4K (1920×1080 at device pixel ratio 2) embed.
//   node tools/measure-doors.mjs [--www DIR] [--single FILE] [--skip-offline]
// (defaults: www/ and dist/regplay.html, packed first when missing). Needs www/pkg built.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startServer, launchBrowser } from "../tests/browser/harness.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const WWW = path.resolve(arg("--www", path.join(ROOT, "www")));
const SINGLE = path.resolve(arg("--single", path.join(ROOT, "dist", "regplay.html")));
const OFFLINE = !process.argv.includes("--skip-offline");

const HEAVY = "train=90&layers=32,32,32,32,32,32&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&augment=flip,rotate,jitter,zoom&speed=1000";
const TABS = ["curves", "weights", "tanh", "sweep", "norms", "derivation"];

/** 5,000 rows on two interleaved spirals, in units far from the view's. */
function csv(rows = 5000, split = "") {
  const lines = [split ? "x1,x2,y,split" : "x1,x2,y"];
  for (let i = 0; i < rows; i++) {
    const y = i % 2;
    const t = (i / rows) * 3 * Math.PI;
    const r = 2 + t;
    const a = t + y * Math.PI + Math.sin(i * 12.9898) * 0.3;
    lines.push(`${(100 + r * Math.cos(a) * 10).toFixed(4)},${(-40 + r * Math.sin(a) * 10).toFixed(4)},${y}${split ? `,${split}` : ""}`);
  }
  return lines.join("\n");
}

/** Frame gaps (ms) from requestAnimationFrame's time stamps over `ms` of wall time. */
const gapsFor = (page, ms) => page.evaluate((ms) => new Promise((resolve) => {
  const stamps = [];
  const start = performance.now();
  const tick = (t) => {
    stamps.push(t);
    if (performance.now() - start >= ms && stamps.length > 2) resolve(stamps.slice(1).map((s, i) => s - stamps[i]));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}), ms);

function summary(gaps) {
  const sorted = [...gaps].sort((a, b) => a - b);
  const fps = (1000 * gaps.length) / gaps.reduce((a, b) => a + b, 0);
  return `median ${sorted[sorted.length >> 1].toFixed(1)} ms, longest ${sorted.at(-1).toFixed(1)} ms (${gaps.length} frames, ${fps.toFixed(1)} fps)`;
}

async function ready(page) {
  await page.waitForFunction(() => window.playground?.ready, null, { timeout: 60_000 });
  await page.evaluate(() => window.playground.ready);
}

/** Lines are printed as they come, so a slow or failed case keeps what was measured before it. */
const say = (line) => console.log(line);

async function frames(browser, base, label) {
  const out = { push: (...lines) => lines.forEach(say) };
  const open = async (hash, viewport = { width: 1280, height: 720 }, scale = 1) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: scale });
    const page = await context.newPage();
    page.on("pageerror", (e) => out.push(`  page error: ${e.message}`));
    await page.goto(`${base}#${hash}`);
    await ready(page);
    return page;
  };
  // every tab, playing, with the CSV loaded
  {
    const page = await open(HEAVY);
    const rows = await page.evaluate((text) => window.playground.loadCsv(text), csv());
    const m = await page.evaluate(() => window.playground.metrics());
    out.push(`${label}: heaviest setup on a ${rows}-row CSV (${m.trainSize} training points with augmentation, ${m.devSize} dev)`);
    await page.evaluate(() => window.playground.play());
    for (const tab of TABS) {
      await page.evaluate((tab) => document.getElementById(`tab-${tab}`)?.click(), tab);
      await gapsFor(page, 500);
      out.push(`  tab ${tab.padEnd(10)} playing: ${summary(await gapsFor(page, 4000))}`);
    }
    await page.evaluate(() => window.playground.pause());
    await page.evaluate(() => document.getElementById("tab-sweep").click());
    const t0 = Date.now();
    await page.evaluate(() => setTimeout(() => document.querySelector("#panel-sweep .sweep-run").click())); // the click may freeze the page
    const gaps = await gapsFor(page, 6000);
    const progress = await page.evaluate(() => document.querySelector("#panel-sweep")?.textContent.match(/\d+(\.\d+)? ?%/)?.[0] ?? "?");
    out.push(`  CSV sweep (paused):   ${summary(gaps)}; after ${((Date.now() - t0) / 1000).toFixed(1)} s the panel shows ${progress}`);
    await page.context().close();
  }
  // lecture step 7 on the heaviest link, after answering
  {
    const page = await open(`${HEAVY}&points=2000&lesson=7`);
    await page.waitForFunction(() => document.getElementById("lecture")?.dataset.state === "asking", null, { timeout: 60_000 }).catch(() => {});
    await page.keyboard.press("Digit1");
    await gapsFor(page, 500);
    out.push(`  lecture step 7:       ${summary(await gapsFor(page, 5000))} (state ${await page.evaluate(() => document.getElementById("lecture")?.dataset.state)})`);
    await page.context().close();
  }
  // a full-screen 4K embed of the default setup
  {
    const page = await open("embed=1", { width: 1920, height: 1080 }, 2);
    await page.evaluate(() => window.playground.play());
    await gapsFor(page, 1000);
    const size = await page.evaluate(() => `${document.getElementById("boundary").width}×${document.getElementById("boundary").height}`);
    out.push(`  4K embed (1920×1080, ratio 2), boundary ${size} device px: ${summary(await gapsFor(page, 4000))}`);
    await page.context().close();
  }
}

async function memory(browser, base) {
  const out = { push: (...lines) => lines.forEach(say) };
  out.push("memory after refused inputs (served):");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}#`);
  await ready(page);
  const wasm = () => page.evaluate(async () => (await (await import("./pkg/regplay.js")).default()).memory.buffer.byteLength);
  const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MB`;
  const model = await page.evaluate(() => window.playground.train(5) && new Promise((resolve) => {
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob) => (blob.text().then(resolve), (URL.createObjectURL = original), original(blob));
    document.getElementById("download-model").click();
  }));
  const big = (field) => {
    const json = JSON.parse(model);
    json[field] = "w".repeat(4 * 2 ** 20);
    return JSON.stringify(json);
  };
  const numbers = (() => {
    const json = JSON.parse(model);
    json.weights = [Array.from({ length: 400 }, () => Array.from({ length: 500 }, (_, i) => 0.123456789 + i))];
    return JSON.stringify(json);
  })();
  const cases = [
    ["model file of 4.6 MB numbers", "model", numbers],
    ["model file, 4 MiB string as weights", "model", big("weights")],
    ["model file, 4 MiB string as activation", "model", big("activation")],
    ["CSV row of 2.5 M fields", "csv", `x1,x2,y\n${"1,".repeat(2.5e6)}1\n`],
    ["CSV header of 2.5 M empty names", "csv", `${",".repeat(2.5e6)}\n1,1,1\n`],
  ];
  for (const [name, kind, text] of cases) {
    const before = await wasm();
    const t0 = Date.now();
    let message = "";
    if (kind === "csv") {
      message = await page.evaluate((text) => window.playground.loadCsv(text).then(() => "loaded", (e) => e.message), text);
    } else {
      await page.evaluate(() => document.querySelectorAll("#messages .message").forEach((m) => m.remove()));
      await page.setInputFiles("#load-model-file", { name: "model.json", mimeType: "application/json", buffer: Buffer.from(text) });
      await page.waitForFunction(() => document.querySelector("#messages .message"), null, { timeout: 30_000 }).catch(() => {});
      message = (await page.locator("#messages .message").first().textContent().catch(() => "")) ?? "";
    }
    const after = await wasm();
    out.push(`  ${name.padEnd(40)} wasm ${mb(before)} → ${mb(after)} (+${mb(after - before)}), ${Date.now() - t0} ms, message ${message.length} chars`);
  }
  await context.close();
  // a link of 25,000 unknown keys of 60 characters
  const keys = Array.from({ length: 25_000 }, (_, i) => `${"k".repeat(54)}${String(i).padStart(6, "0")}=1`).join("&");
  const link = await browser.newContext();
  const p = await link.newPage();
  const t0 = Date.now();
  await p.goto(`${base}#${keys}`);
  await ready(p);
  const text = await p.locator("#messages").textContent();
  out.push(`  link of 25,000 unknown keys: ready in ${Date.now() - t0} ms, message ${text.length} chars`);
  // train(cap) on a 5,000-row CSV all for training, 6×32, four augmentations
  const cap = await p.evaluate(async ({ text, heavy }) => {
    const pg = window.playground;
    await pg.loadCsv(text);
    const settings = Object.fromEntries(new URLSearchParams(heavy));
    delete settings.speed;
    pg.set(settings);
    let n = 0;
    try {
      pg.train(1e9);
    } catch (e) {
      n = Number(e.message.match(/from 0 to ([\d,]+)/)[1].replace(/,/g, ""));
    }
    const t = performance.now();
    pg.train(n);
    return { n, ms: performance.now() - t, m: pg.metrics() };
  }, { text: csv(5000, "train"), heavy: HEAVY });
  out.push(`  train(cap) on 5,000 CSV rows all for training (${cap.m.trainSize} points): cap ${cap.n}, ${cap.ms.toFixed(0)} ms`);
  await link.close();
}

const server = await startServer({ root: WWW });
const browser = await launchBrowser();
say(`measured ${new Date().toISOString()}, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}, www: ${WWW}`);
try {
  await frames(browser, `${server.url}/index.html`, "served");
  await memory(browser, `${server.url}/index.html`);
  if (OFFLINE) {
    if (!existsSync(SINGLE)) execFileSync(process.execPath, [path.join(ROOT, "tools", "single.mjs"), SINGLE, WWW], { stdio: "inherit" });
    await frames(browser, pathToFileURL(SINGLE).href, "offline");
  }
} finally {
  say(`load after: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  await browser.close();
  await server.close();
}
