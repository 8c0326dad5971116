// A developer tool, not a test: runs the in-browser benchmark (www/bench.html) in headless
// Chromium and prints its table. Run after ./build.sh:  node tests/browser/bench.mjs
// (`node tests/browser/bench.mjs digits` runs only the cases whose label contains "digits").
// Exits non-zero if the page logs an error or the results take over 120 s.
import { execFileSync } from "node:child_process";
import { startServer, launchBrowser, openPage } from "./harness.mjs";

const TIMEOUT_MS = 120_000;

const server = await startServer();
const browser = await launchBrowser();
let page;
let status = 0;
try {
  page = await openPage(browser, `${server.url}/bench.html${process.argv[2] ? `?only=${encodeURIComponent(process.argv[2])}` : ""}`);
  await page.waitForFunction(() => window.benchResults, null, { timeout: 120_000 }); // a busy machine loads slowly
  const results = await page.evaluate((ms) => Promise.race([
    window.benchResults,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no results within ${ms / 1000} s`)), ms)),
  ]), TIMEOUT_MS);

  console.log(`regplay browser benchmarks (${await browser.version()}, headless)`);
  // the figure ./build.sh prints: GNU gzip -9 (zlib's level 9 comes out about 2 % larger)
  const wasm = new URL("../../www/pkg/regplay_bg.wasm", import.meta.url).pathname;
  const gzipped = execFileSync("gzip", ["-9c", wasm], { maxBuffer: 1 << 26 }).length;
  results.push({ name: "wasm binary, gzip -9", value: Math.round(gzipped / 100) / 10, unit: "KB", note: `${gzipped} bytes; target ≤ 300 KB` });
  const cells = results.map((r) => [r.name, r.value.toLocaleString("en"), r.unit, r.note]);
  const width = (i) => Math.max(...cells.map((c) => c[i].length));
  for (const [name, value, unit, note] of cells) {
    console.log(`${name.padEnd(width(0))}  ${value.padStart(width(1))} ${unit.padEnd(width(2))}  ${note}`.trimEnd());
  }
} catch (e) {
  console.error(`browser benchmark failed: ${e.message}`);
  status = 1;
} finally {
  if (page?.errors.length) {
    console.error(`${page.errors.length} error(s) in the page:\n  ${page.errors.join("\n  ")}`);
    status = 1;
  }
  await browser.close();
  await server.close();
}
process.exit(status);
