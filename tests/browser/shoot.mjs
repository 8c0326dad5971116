// A developer tool, not a test: screenshots of the page, for looking at.
//   node tests/browser/shoot.mjs OUT.png "QUERY" [WIDTHxHEIGHT] [ITERATIONS]
import { startServer, launchBrowser, openPage, waitReady } from "./harness.mjs";

const [out = "/tmp/regplay.png", query = "", size = "1280x720", iterations = "0"] = process.argv.slice(2);
const [width, height] = size.split("x").map(Number);
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await openPage(browser, `${server.url}/index.html${query}`, { viewport: { width, height } });
  await waitReady(page);
  if (Number(iterations) > 0) await page.evaluate((n) => window.playground.train(n), Number(iterations));
  await page.waitForTimeout(300);
  await page.screenshot({ path: out });
  for (const e of page.errors) console.log("console error:", e);
  console.log(await page.evaluate(() => JSON.stringify(window.playground.metrics())));
} finally {
  await browser.close();
  server.close();
}
