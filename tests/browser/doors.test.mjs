// What a new user can throw at the page and get a clear answer to: script arguments out of
// range, CSV text too big to be a file, data without a dev set, a comparison without data,
// a CSV replaced by accident, an internal error, and a page that runs under a
// Content-Security-Policy without breaking it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useSite, assertNoErrors } from "./harness.mjs";

const site = useSite();
const thrown = (page, source) => page.evaluate((source) => {
  try {
    new Function(source)();
    return null;
  } catch (e) {
    return { isError: e instanceof Error, message: e.message };
  }
}, source);

test("train(n) and grid(n) name their range for bad counts; a large train(n) is capped, not a frozen page", async () => {
  const page = await site.open();
  for (const n of ["-1", "1.5", "NaN", "Infinity", "2 ** 32", "'500'", "undefined"]) {
    const e = await thrown(page, `window.playground.train(${n})`);
    assert.ok(e?.isError, `train(${n}) throws an Error`);
    assert.match(e.message, /^train\(n\) takes a whole number from 0 to 9,700; got /, `train(${n}): ${e.message}`);
  }
  for (const n of ["0", "-5", "0.5", "NaN", "501", "1e6"]) {
    const e = await thrown(page, `window.playground.grid(${n})`);
    assert.match(e?.message ?? "", /^grid\(n\) takes a whole number from 1 to 500; got /, `grid(${n})`);
  }
  assert.equal(await page.evaluate(() => window.playground.metrics().iteration), 0, "nothing ran");
  assert.equal(await page.evaluate(() => window.playground.train(500).iteration), 500, "train(500) still returns metrics() at once");
  // the cap shrinks with the setup: a heavy network on many points allows fewer per call
  await page.evaluate(() => window.playground.set({ points: 2000, layers: [32, 32, 32, 32, 32, 32] }));
  const e = await thrown(page, "window.playground.train(9700)");
  assert.match(e.message, /from 0 to \d+;/);
  const cap = Number(e.message.match(/from 0 to ([\d,]+);/)[1].replace(/,/g, ""));
  assert.ok(cap >= 1 && cap < 1000, `cap ${cap}`);
  // the README's formula: 4e8 / (examples × weights), to a hundred above 100, at least 1
  const m = await page.evaluate(() => window.playground.metrics());
  const exact = Math.floor(4e8 / ((m.trainSize + m.devSize) * m.weightCount));
  assert.equal(cap, exact >= 100 ? Math.floor(exact / 100) * 100 : Math.max(1, exact));
  assertNoErrors(page);
});

test("pasted or scripted CSV text is limited like a file, refused before it is read, with a short message", async () => {
  const page = await site.open();
  const refusal = (text) => page.evaluate((text) => window.playground.loadCsv(text).then(() => null, (e) => e.message), text);
  const huge = await refusal("x".repeat(30 * 2 ** 20) + ",x2,y\n1,1,1\n");
  assert.match(huge, /30\.0 MB; at most 5 MB/);
  assert.ok(huge.length < 120, huge);
  assert.match(await refusal("x1,x2,y\n" + "1,1,1\n0,0,0\n".repeat(2600)), /more than 5,000 rows/);
  const header = await refusal("q".repeat(1_000_000) + ",x2,y\n1,1,1\n0,0,0\n");
  assert.ok(header.length < 200, `a long header gives a short message: ${header.length} characters`);
  assert.equal(await page.evaluate(() => window.playground.config().dataset), "keeper", "nothing was loaded");
  // old Mac line ends, a byte-order mark and an Excel sep= line read fine
  assert.equal(await page.evaluate(() => window.playground.loadCsv("\ufeffsep=;\rx1;x2;y\r1;1;1\r-1;-1;0\r")), 2);
  assertNoErrors(page);
});

test("with every row for training the sweep says there is no dev set; the augmentation comparison needs two points", async () => {
  const page = await site.open();
  await page.evaluate(() => window.playground.loadCsv("x1,x2,y,split\n1,1,1,train\n-1,-1,0,train\n2,1,1,train\n-2,0,0,train\n"));
  await page.click("#tab-sweep");
  await page.waitForSelector(".sweep-status");
  await page.evaluate(() => window.playground.sweep([0, 1], 20));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const status = await page.locator(".sweep-status").textContent();
  assert.match(status, /There is no dev set/);
  assert.doesNotMatch(await page.locator("#panel-sweep").innerText(), /0\.0 %|best/);

  await page.evaluate(() => window.playground.loadCsv("x1,x2,y,split\n1,1,1,train\n-1,-1,0,dev\n2,2,1,dev\n"));
  await page.click("#open-compare");
  await page.click('.compare-presets button[data-preset="augmentation"]');
  assert.match(await page.locator("#compare-error").textContent(), /needs at least two training points .* has 1\./);
  assert.doesNotMatch(await page.locator("#compare").innerText(), /diverged/);
  assertNoErrors(page);
});

test("picking a dataset while a CSV is loaded offers Undo, which brings the data back", async () => {
  const page = await site.open();
  const csv = "x1,x2,y\n3,3,1\n-3,-3,0\n3,-3,1\n-3,3,0\n1,2,1\n-2,-1,0\n";
  await page.evaluate((csv) => window.playground.loadCsv(csv), csv);
  await page.evaluate(() => window.playground.set({ lambda: 0.3, reg: "l2" }));
  await page.evaluate(() => window.playground.set({ dataset: "circle" }));
  const note = page.locator("#csv-replaced");
  assert.match(await note.textContent(), /replaced/);
  await note.getByRole("button", { name: "Undo" }).click();
  const c = await page.evaluate(() => window.playground.config());
  assert.equal(c.dataset, "csv");
  assert.equal(c.lambda, 0.3);
  assert.equal(await page.evaluate(() => window.playground.metrics().trainSize + window.playground.metrics().devSize), 6);
  assertNoErrors(page);
});

test("after an internal error the page offers the data and the model, and the reload reopens the same setup", async () => {
  const page = await site.open("?lambda=0.3&reg=l2&layers=5");
  await page.evaluate(() => window.playground.loadCsv("x1,x2,y\n3,3,1\n-3,-3,0\n3,-3,1\n-3,3,0\n"));
  await page.evaluate(() => window.playground.train(50));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => globalThis.regplayPanic("regplay stopped on an internal error: test"));
  const fatal = page.locator("#fatal");
  const download = page.waitForEvent("download");
  await fatal.getByRole("button", { name: /regplay-data\.csv/ }).click();
  assert.match(await (await download).suggestedFilename(), /regplay-data\.csv/);
  assert.ok(await fatal.getByRole("button", { name: /regplay-model\.json/ }).isVisible(), "the message stays, with the model too");
  page.errors.length = 0;
  await Promise.all([page.waitForEvent("load"), fatal.getByRole("button", { name: "Reload" }).click()]);
  await page.waitForFunction(() => window.playground?.ready).then(() => page.evaluate(() => window.playground.ready));
  const c = await page.evaluate(() => window.playground.config());
  assert.deepEqual([c.dataset, c.lambda, c.reg, c.layers], ["csv", 0.3, "l2", [5]]);
  assert.equal(await page.evaluate(() => window.playground.metrics().trainSize + window.playground.metrics().devSize), 4);
  assertNoErrors(page);
});

test("the page declares a Content-Security-Policy without inline script, and runs under it", async () => {
  const html = await readFile(new URL("../../www/index.html", import.meta.url), "utf8");
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  assert.ok(policy, "a policy meta tag");
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(policy, /object-src 'none'/);
  assert.match(policy, /base-uri 'none'/);
  assert.match(policy, /connect-src 'self'/);
  const scripts = policy.match(/script-src ([^;]*)/)[1];
  assert.doesNotMatch(scripts, /'unsafe-inline'|'unsafe-eval'/);
  assert.doesNotMatch(policy.match(/style-src ([^;]*)/)[1], /unsafe-inline/, "no inline style sheets either");
  // plotters-canvas measures a label's text through a span's style attribute: that, and only that, is allowed inline
  assert.match(policy, /style-src-attr 'unsafe-inline'/);
  assert.doesNotMatch(policy.replace("style-src-attr 'unsafe-inline'", ""), /'unsafe-inline'/, "nothing else inline");
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=|\sstyle="/i, "no inline script, handler or style");
  // the page checks policy violations itself (harness.mjs turns each into an error)
  const page = await site.open();
  const blocked = await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__ran = true";
    document.body.append(s);
    return window.__ran === true;
  });
  assert.equal(blocked, false, "inline script does not run");
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200))); // the violation event comes after
  assert.ok(page.errors.some((e) => /Content-Security-Policy/.test(e)), "and the violation is reported");
});

const messages = (page) => page.evaluate(() => [...document.querySelectorAll("#messages .message > span:first-child")].map((s) => s.textContent));
const ready = (page) => page.waitForFunction(() => window.playground?.ready).then(() => page.evaluate(() => window.playground.ready));

test("set() refuses values of the wrong type and unknown keys with an Error naming the key, changing nothing", async () => {
  const page = await site.open();
  const before = await page.evaluate(() => JSON.stringify(window.playground.config()));
  for (const [source, key] of [["{ lambda: [0.5] }", "lambda"], ["{ lambda: {} }", "lambda"], ["{ lr: null }", "lr"], ["{ layers: [[8], [8]] }", "layers"],
    ["{ keep: { a: 1 } }", "keep"], ["{ act: ['tanh'] }", "act"], ["{ reg: 'l2', lamda: 0.7 }", "lamda"], ["{ lambda: 0.3, features: [null] }", "features"]]) {
    const e = await thrown(page, `window.playground.set(${source})`);
    assert.ok(e?.isError, `set(${source}) throws an Error`);
    assert.match(e.message, new RegExp(`^${key}\\b`), `set(${source}): ${e.message}`);
    assert.doesNotMatch(e.message, /\[object Object\]|undefined|NaN/, e.message);
  }
  assert.equal(await page.evaluate(() => JSON.stringify(window.playground.config())), before, "nothing changed");
  // the whole object is one setup: keep for three layers comes with the three layers
  await page.evaluate(() => window.playground.set({ keep: [0.5, 0.5, 0.5], layers: [8, 8, 8] }));
  assert.deepEqual(await page.evaluate(() => window.playground.config().keep), [0.5, 0.5, 0.5]);
  assertNoErrors(page);
});

test("a link names a misspelled key with the nearest one, in English and Korean; many bad values give one message", async () => {
  const page = await site.open("?lamda=0.7");
  assert.deepEqual(await messages(page), ["lamda is not a setting — did you mean lambda?"]);
  const ko = await site.open("#lang=ko&lamda=0.7");
  assert.match((await messages(ko)).join("\n"), /lamda은\(는\) 설정이 아닙니다 — lambda을\(를\) 뜻하셨나요\?/);
  // a value or a name too long to be any setting's is named in Korean too
  const long = await site.open(`#lang=ko&noise=${"9".repeat(300)}&${"k".repeat(250)}=1`);
  const longText = (await messages(long)).join("\n");
  assert.match(longText, /noise의 값이 300자입니다: 200자보다 긴 값을 받는 설정은 없습니다/);
  assert.match(longText, /설정이 아닙니다: 이렇게 긴 이름의 설정은 없습니다/);
  assert.doesNotMatch(longText, /characters|no setting/);
  const many = await site.open("#points=abc&noise=-5&lamda=1&act=foo&keep=x,y&zzzzzzzz=1");
  const all = await messages(many);
  assert.equal(all.length, 1, `one message: ${all.join(" | ")}`);
  assert.match(all[0], /^This link has 6 values that cannot be used/);
  for (const k of ["points", "noise", "lamda", "act", "keep", "zzzzzzzz"]) assert.ok(all[0].includes(k), `${k} is named`);
  assert.doesNotMatch(all[0], /\bNaN\b|undefined|\[object Object\]/);
  assertNoErrors(page);
});

test("TensorFlow Playground keys are looked up safely, applied once and taken out of the address", async () => {
  const page = await site.open("?activation=tanh&regularization=constructor&regularizationRate=NaN&percTrainData=NaN&dataset=__proto__&networkShape=constructor");
  const text = (await messages(page)).join("\n").replace(/"[^"]*"/g, "“quoted”"); // a bad value is quoted as written
  assert.doesNotMatch(text, /\bNaN\b|undefined|\[object Object\]|function|=>/, text);
  assert.equal(await page.evaluate(() => window.playground.config().reg), "none", "constructor is no penalty");
  await page.goto(`${site.server.url}/index.html?activation=relu&regularization=L2&regularizationRate=0.01&percTrainData=NaN`);
  await ready(page);
  const opened = await page.evaluate(() => [window.location.search, window.playground.config()]);
  assert.equal(opened[0], "", "the TensorFlow Playground keys left the address");
  assert.deepEqual([opened[1].act, opened[1].reg], ["relu", "l2"]);
  assert.ok(Number.isFinite(opened[1].lambda) && opened[1].lambda > 0, `λ ${opened[1].lambda}`);
  await page.evaluate(() => window.playground.set({ lambda: 0.123, act: "tanh" }));
  await page.reload();
  await ready(page);
  const c = await page.evaluate(() => window.playground.config());
  assert.deepEqual([c.lambda, c.act, c.reg], [0.123, "tanh", "l2"], "a reload keeps the later changes");
  assertNoErrors(page);
});

test("Copy link copies the current setup even when the address lags behind", async () => {
  const page = await site.open();
  await page.evaluate(() => {
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (text) => void (window.__copied = text) }, configurable: true });
    window.history.replaceState = () => {}; // the browser throttles address updates while a slider is dragged
    window.playground.set({ lambda: 0.25, reg: "l1" });
  });
  assert.doesNotMatch(await page.evaluate(() => window.location.href), /lambda=0\.25/, "the address lags");
  await page.click("#copy-link");
  const copied = await page.waitForFunction(() => window.__copied).then((h) => h.jsonValue());
  assert.match(copied, /lambda=0\.25/);
  assert.match(copied, /reg=l1/);
  assertNoErrors(page);
});

test("a model file with weights at the divergence bound is refused with why, and nothing changes", async () => {
  const page = await site.open("?layers=3");
  await page.evaluate(() => window.playground.train(5));
  const model = await page.evaluate(() => new Promise((resolve) => {
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob) => (blob.text().then(resolve), (URL.createObjectURL = original), original(blob));
    document.getElementById("download-model").click();
  }));
  const before = await page.evaluate(() => JSON.stringify([window.playground.config(), window.playground.metrics()]));
  for (const [value, why] of [["1e300", /below 1e12/], ["-1e12", /below 1e12/]]) {
    const json = JSON.parse(model);
    json.weights[0][0][0] = "@";
    const text = JSON.stringify(json).replace('"@"', value);
    await page.setInputFiles("#load-model-file", { name: "model.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await page.waitForFunction(() => document.querySelector("#messages .message"));
    assert.match((await messages(page)).join("\n"), why);
    assert.equal(await page.evaluate(() => JSON.stringify([window.playground.config(), window.playground.metrics()])), before, "nothing changed");
    await page.evaluate(() => document.querySelectorAll("#messages .message").forEach((m) => m.remove()));
  }
  assertNoErrors(page);
});

test("sweep() takes bounded arguments, and a second sweep cancels the first with a clear outcome", async () => {
  const page = await site.open();
  const refusal = (source) => page.evaluate((source) => new Function(`return (${source})`)().then(() => null, (e) => e.message), source);
  for (const source of ["window.playground.sweep([], 10)", "window.playground.sweep(Array(25).fill(0.1), 10)", "window.playground.sweep([-1], 10)",
    "window.playground.sweep([NaN], 10)", "window.playground.sweep(['1'], 10)", "window.playground.sweep('0,1', 10)", "window.playground.sweep([1e9], 10)"]) {
    assert.match(await refusal(source), /takes an array of 1 to 24 λ values, each a number from 0 to 100/, source);
  }
  for (const n of ["0", "1.5", "50001", "NaN", "'10'"]) assert.match(await refusal(`window.playground.sweep([0, 1], ${n})`), /from 1 to 50,000/, n);
  const outcome = await page.evaluate(async () => {
    const first = window.playground.sweep([0, 0.1, 0.3], 5000);
    const second = window.playground.sweep([1, 3], 30);
    const [a, b] = await Promise.allSettled([first, second]);
    return { a: a.status === "rejected" ? a.reason.message : "resolved", b: b.status === "fulfilled" ? b.value.map((r) => r.lambda) : b.reason.message };
  });
  assert.match(outcome.a, /cancelled/);
  assert.deepEqual(outcome.b, [1, 3]);
  const third = await page.evaluate(() => window.playground.sweep([0.01], 10).then((r) => r.map((x) => x.lambda)));
  assert.deepEqual(third, [0.01], "a later sweep runs as usual");
  assertNoErrors(page);
});

test("set() reads each value once and applies the copy it checked, all or nothing", async () => {
  const page = await site.open();
  const out = await page.evaluate(() => {
    const pg = window.playground;
    let reads = 0;
    const fickle = { get lang() { reads += 1; return reads < 3 ? "en" : "xx"; } };
    pg.set(fickle);
    const lang = [pg.config().lang, reads, window.location.hash];
    let lambdaReads = 0;
    let error = null;
    try {
      pg.set({ big: true, get lambda() { lambdaReads += 1; return lambdaReads < 2 ? "0.5" : "0.5abc"; } });
    } catch (e) {
      error = e.message;
    }
    const afterBig = [pg.config().big, pg.config().lambda, lambdaReads];
    // a proxy counts every read of a key; an array of getters is read item by item, once
    const gets = {};
    const proxy = new Proxy({ lambda: 0.3, layers: [4, 4] }, { get: (o, k) => ((gets[k] = (gets[k] ?? 0) + 1), o[k]) });
    pg.set(proxy);
    let itemReads = 0;
    const layers = [3, 3];
    Object.defineProperty(layers, 1, { get: () => (itemReads += 1, itemReads === 1 ? 3 : "x"), enumerable: true });
    pg.set({ layers });
    return { lang, error, afterBig, gets, layers: pg.config().layers, itemReads };
  });
  assert.deepEqual(out.lang.slice(0, 2), ["en", 1], "lang read once, and what was checked was applied");
  assert.doesNotMatch(out.lang[2], /lang=xx/);
  assert.equal(out.error, null, "the one read of λ was valid, so the setup applies");
  assert.deepEqual(out.afterBig, [true, 0.5, 1]);
  assert.deepEqual(out.gets, { lambda: 1, layers: 1 });
  assert.deepEqual(out.layers, [3, 3]);
  assert.equal(out.itemReads, 1);
  // a getter that is bad on its one read: nothing at all is applied
  const refused = await page.evaluate(() => {
    const pg = window.playground;
    pg.set({ big: false });
    try {
      pg.set({ big: true, get lambda() { return "abc"; } });
    } catch (e) {
      return [e.message, pg.config().big];
    }
    return ["no error", pg.config().big];
  });
  assert.match(refused[0], /lambda/);
  assert.equal(refused[1], false, "big stays off when λ is refused");
  assertNoErrors(page);
});

test("sweep() names only what the caller passed: a hole is refused without a NaN", async () => {
  const page = await site.open();
  const message = await page.evaluate(() => window.playground.sweep([0, , 1], 10).then(() => null, (e) => e.message)); // eslint-disable-line no-sparse-arrays
  assert.match(message, /takes an array of 1 to 24 λ values/);
  assert.match(message, /got \[0,,1\]/);
  assert.doesNotMatch(message, /NaN|undefined/);
  const long = await page.evaluate(() => window.playground.sweep(["x".repeat(10_000)], 10).then(() => null, (e) => e.message));
  assert.ok(long.length < 200, `a long value is quoted short: ${long.length} characters`);
  assertNoErrors(page);
});

test("lesson takes the integer forms points takes; pasted lecture and quiz links open the lecture", async () => {
  for (const form of ["0x5", "1e1", "5.0", "0b101", "5abc"]) {
    const page = await site.open(`#lesson=${form}`);
    assert.equal(await page.locator("#lecture").isVisible(), false, `lesson=${form} opens no step`);
    assert.match(await page.locator("#messages").textContent(), /is not a lecture step/, form);
    const points = await page.evaluate((form) => { try { window.playground.set({ points: form }); return "taken"; } catch { return "refused"; } }, form);
    assert.equal(points, "refused", `points=${form} is refused like lesson=${form}`);
    await page.close();
  }
  const page = await site.open();
  const paste = (text) => page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData("text", text);
    document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await paste("#lesson=5&lambda=0.3");
  await page.waitForFunction(() => !document.getElementById("lecture").hidden);
  assert.match(page.url(), /[#&]lesson=5(&|$)/);
  assert.equal(await page.evaluate(() => window.playground.config().lambda), 0.3, "the link's λ is kept");
  await page.keyboard.press("Escape");
  await page.evaluate(async () => (await import("./lecture.js")).stopLecture());
  await paste("#quiz=9");
  await page.waitForFunction(() => !document.getElementById("lecture").hidden);
  assert.match(page.url(), /[#&]quiz=9(&|$)/);
  await page.evaluate(async () => (await import("./lecture.js")).stopLecture());
  await paste("#lesson=99");
  assert.match(await page.locator("#messages").textContent(), /lesson="99" is not a lecture step/);
  assertNoErrors(page);
});

test("a link of 25,000 unknown keys names four and counts the rest, in a short message", async () => {
  const keys = Array.from({ length: 25_000 }, (_, i) => `${"k".repeat(54)}${String(i).padStart(6, "0")}=1`).join("&");
  const page = await site.open(`#lambda=0.2&${keys}`);
  const text = await page.locator("#messages").textContent();
  assert.match(text, /and 24,996 more/);
  assert.ok(text.length < 1500, `${text.length} characters`);
  assert.equal(await page.evaluate(() => window.playground.config().lambda), 0.2, "the link's good keys still apply");
  assertNoErrors(page);
});
