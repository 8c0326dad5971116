// The page loads, the wasm starts, the first frame is drawn, and nothing complains.
import { test, before, after } from 'node:test';
import { startServer, launchBrowser, openPage, waitReady, assertNoErrors } from './harness.mjs';

let server, browser;
before(async () => { [server, browser] = await Promise.all([startServer(), launchBrowser()]); });
after(async () => { await browser?.close(); await server?.close(); });

test('index.html loads, playground.ready resolves, no console errors', async () => {
  const page = await openPage(browser, `${server.url}/index.html`);
  await waitReady(page, 30_000);
  assertNoErrors(page);
});
