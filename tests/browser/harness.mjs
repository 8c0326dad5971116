// Shared helpers for the end-to-end tests: a static server for www/, headless
// Chromium through playwright-core, and a page that keeps every error it sees.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const WWW = fileURLToPath(new URL('../../www/', import.meta.url));

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

// Serves `root` (www/ by default) on a free port of 127.0.0.1.
export async function startServer({ root = WWW } = {}) {
  root = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    try {
      let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
      if (file !== root && !file.startsWith(root + path.sep)) throw Object.assign(new Error(), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      const missing = e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'ENOTDIR';
      res.writeHead(missing ? 404 : 500, { 'Content-Type': 'text/plain' });
      res.end(missing ? 'not found' : String(e));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  const close = () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); });
  return { url, close };
}

// Flags needed for Chromium as root on this closed network (root, headless, no network);
// playwright supplies its own fresh --user-data-dir.
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A fresh context + page at `url`; `page.errors` collects console errors, uncaught
// exceptions, failed requests and HTTP error responses.
export async function openPage(browser, url, opts) {
  const context = await browser.newContext({ viewport: opts?.viewport ?? { width: 1280, height: 800 } });
  await context.addInitScript(reportPolicyViolations);
  const page = await context.newPage();
  page.errors = [];
  // every request of the page and its workers, for tests of what is fetched (or that nothing is)
  page.requests = [];
  context.on('request', (req) => page.requests.push(req.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const { url: at, lineNumber } = msg.location();
      page.errors.push(`console.error: ${msg.text()}${at ? ` (${at}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => page.errors.push(`pageerror: ${err.stack || err.message}`));
  page.on('requestfailed', (req) => page.errors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    if (res.status() >= 400) page.errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  const res = await page.goto(url);
  if (res && !res.ok() && !url.startsWith('file:')) throw new Error(`${url}: HTTP ${res.status()}`);
  return page;
}

// Runs in every page before its scripts: a Content-Security-Policy violation becomes a
// console error, which page.errors collects (Chromium logs most, not all, of them itself).
export function reportPolicyViolations() {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`Content-Security-Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`);
  });
}

// Waits for `await window.playground.ready` in the page, at most `ms`.
export async function waitReady(page, ms = 30_000) {
  const t0 = Date.now();
  await page.waitForFunction(() => window.playground?.ready, null, { timeout: ms }).catch(() => {
    throw new Error(`window.playground (and its .ready) did not appear within ${ms / 1000} s\n${page.errors.join('\n')}`);
  });
  await page.evaluate((left) => Promise.race([
    window.playground.ready,
    new Promise((_, reject) => setTimeout(
      () => reject(new Error(`window.playground.ready did not resolve within ${left / 1000} s`)), left)),
  ]), Math.max(1, ms - (Date.now() - t0)));
}

export function assertNoErrors(page) {
  if (page.errors.length) {
    throw new Error(`${page.errors.length} error(s) in the page:\n  ${page.errors.join('\n  ')}`);
  }
}

// One server and one browser for a test file, and `open(query, viewport)` for the page,
// waiting until playground.ready. `root` serves another copy of www/.
export function useSite({ root } = {}) {
  const site = {
    server: null,
    browser: null,
    async open(query = '', viewport = { width: 1280, height: 720 }) {
      const page = await openPage(site.browser, `${site.server.url}/index.html${query}`, { viewport });
      await waitReady(page);
      return page;
    },
  };
  before(async () => {
    [site.server, site.browser] = await Promise.all([startServer(root ? { root } : {}), launchBrowser()]);
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

// Counts, inside the page, what `count` animation frames ask of the core: every method of the
// wasm handle (`Playground`, or `Comparison` with `{ handle: "Comparison" }`) is wrapped while
// they run. Returns one entry per frame: `calls`, the method names in order, `frames`, what
// each `frame` call returned (parsed), and `starts`/`ends` of each call in ms from the frame's
// first, and `at`, the frame's time stamp. Nothing here depends on how fast the machine is: the page itself does the counting.
export function recordFrames(page, count, { handle = 'Playground' } = {}) {
  return page.evaluate(async ({ count, handle }) => {
    const proto = (await import('./pkg/regplay.js'))[handle].prototype;
    const originals = new Map();
    let current = null;
    const fresh = () => ({ calls: [], frames: [], starts: [], ends: [], t0: null });
    current = fresh();
    for (const name of Object.getOwnPropertyNames(proto)) {
      const f = Object.getOwnPropertyDescriptor(proto, name).value;
      if (name === 'constructor' || name === 'free' || typeof f !== 'function') continue;
      originals.set(name, f);
      proto[name] = function (...args) {
        const at = performance.now();
        current.t0 ??= at;
        const result = f.apply(this, args);
        current.calls.push(name);
        current.starts.push(at - current.t0);
        current.ends.push(performance.now() - current.t0);
        if (name === 'frame') current.frames.push(JSON.parse(result));
        return result;
      };
    }
    const seen = [];
    await new Promise((resolve) => {
      const tick = (at) => {
        current.at = at;
        seen.push(current);
        current = fresh();
        if (seen.length > count) resolve();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    for (const [name, f] of originals) proto[name] = f;
    return seen.slice(1).map(({ t0, ...rest }) => rest);
  }, { count, handle });
}
