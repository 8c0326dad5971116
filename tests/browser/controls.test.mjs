// Every control of the page, used as a person would, and what it must do: change the
// config (and the URL), reset the run or not, and never log an error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertNoErrors, useSite } from "./harness.mjs";

const site = useSite();
const { open } = site;

const cfg = (page) => page.evaluate(() => window.playground.config());
const iteration = (page) => page.evaluate(() => window.playground.metrics().iteration);
const trained = (page, n = 30) => page.evaluate((n) => window.playground.train(n).iteration, n);

test("data controls change the data and restart the run", async () => {
  const page = await open();
  await trained(page);
  await page.getByRole("radio", { name: "spiral" }).check();
  assert.equal((await cfg(page)).dataset, "spiral");
  assert.equal(await iteration(page), 0);
  assert.match(page.url(), /dataset=spiral/);

  for (const [id, value, key] of [["#points", "200", "points"], ["#noise", "10", "noise"], ["#train", "70", "train"]]) {
    await trained(page);
    await page.locator(id).fill(value); // fill on a range sets it and fires input + change
    assert.equal((await cfg(page))[key], Number(value), key);
    assert.equal(await iteration(page), 0, `${key} restarts`);
  }
  const m = await page.evaluate(() => window.playground.metrics());
  assert.equal(m.trainSize + m.devSize, 200);
  assert.equal(m.trainSize, 140);

  const seed = (await cfg(page)).seed;
  await page.getByRole("button", { name: "New data" }).click();
  assert.notEqual((await cfg(page)).seed, seed);
  assert.match(page.url(), new RegExp(`seed=${(await cfg(page)).seed}`));
  assertNoErrors(page);
});

test("show dev points and discretize change the picture, not the run", async () => {
  const page = await open();
  await trained(page, 200);
  const pixels = () => page.evaluate(() => {
    const c = document.getElementById("boundary");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 97) sum = (sum * 31 + d[i]) % 1e9;
    return sum;
  });
  const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await frame();
  const before = await pixels();
  await page.getByRole("checkbox", { name: "Dev points" }).uncheck();
  await frame();
  const noDev = await pixels();
  assert.notEqual(noDev, before);
  assert.equal((await cfg(page)).showdev, false);
  await page.getByRole("checkbox", { name: "Discretize" }).check();
  await frame();
  assert.notEqual(await pixels(), noDev);
  assert.equal(await iteration(page), 200, "view options do not reset");
  assertNoErrors(page);
});

test("feature chips choose the inputs; the last one cannot be removed", async () => {
  const page = await open();
  await page.getByLabel("feature x₁²").check();
  assert.deepEqual((await cfg(page)).features, ["x1", "x2", "x1sq"]);
  await page.getByLabel("feature x₁", { exact: true }).uncheck();
  await page.getByLabel("feature x₂", { exact: true }).uncheck();
  assert.deepEqual((await cfg(page)).features, ["x1sq"]);
  await page.getByLabel("feature x₁²").click(); // the page refuses and puts the tick back
  assert.deepEqual((await cfg(page)).features, ["x1sq"], "at least one feature stays");
  assert.equal(await page.getByLabel("feature x₁²").isChecked(), true);
  assert.match(await page.locator("#messages").textContent(), /at least one input feature/);
  assert.equal(page.errors.length, 0);
});

test("layers and neurons grow and shrink with + and −, keep_prob follows", async () => {
  const page = await open();
  await page.getByRole("button", { name: "Add hidden layer" }).click();
  assert.deepEqual((await cfg(page)).layers, [20, 3, 3]);
  await page.getByRole("button", { name: "Remove a neuron from layer 2" }).click();
  await page.getByRole("button", { name: "Remove a neuron from layer 2" }).click();
  assert.deepEqual((await cfg(page)).layers, [20, 1, 3]);
  assert.equal(await page.getByRole("button", { name: "Remove a neuron from layer 2" }).isDisabled(), true, "a layer keeps one neuron");
  await page.getByRole("button", { name: "Add a neuron to layer 1" }).click();
  assert.deepEqual((await cfg(page)).layers, [21, 1, 3]);
  assert.equal(await page.getByRole("slider", { name: /keep_prob/ }).count(), 3);
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Remove hidden layer" }).click();
  assert.deepEqual((await cfg(page)).layers, []);
  assert.equal(await page.getByRole("button", { name: "Remove hidden layer" }).isDisabled(), true);
  const m = await page.evaluate(() => window.playground.train(100));
  assert.equal(m.weightCount, 2, "logistic regression on x1, x2");
  assertNoErrors(page);
});

test("α, batch, activation and speed are selectable; α and batch are live", async () => {
  const page = await open();
  await trained(page, 40);
  await page.getByLabel("Learning rate α").selectOption("0.1");
  await page.getByLabel("Batch size").selectOption("10");
  assert.equal(await iteration(page), 40, "α and batch do not reset");
  await page.getByLabel("Speed").selectOption("50");
  await page.getByLabel("Activation").selectOption("relu");
  const c = await cfg(page);
  assert.deepEqual([c.lr, c.batch, c.act, c.speed], [0.1, 10, "relu", 50]);
  assert.equal(await iteration(page), 0, "a new activation restarts");
  // play at 50 iterations a frame
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForFunction(() => window.playground.metrics().iteration >= 500);
  await page.getByRole("button", { name: "Pause" }).click();
  assertNoErrors(page);
});

test("keep_prob sliders turn on dropout live", async () => {
  const page = await open();
  await trained(page, 20);
  const slider = page.getByRole("slider", { name: "keep_prob [1]" });
  await slider.focus();
  for (let i = 0; i < 20; i++) await slider.press("ArrowLeft");
  const c = await cfg(page);
  assert.ok(Math.abs(c.keep[0] - 0.8) < 1e-9, `keep ${c.keep}`);
  assert.equal(c.keep[1], 1);
  assert.equal(await iteration(page), 20);
  assert.match(page.url(), /keep=0\.8(0*)?,1/);
  assertNoErrors(page);
});

test("keyboard: Space plays and pauses, → steps, R resets, by key position", async () => {
  const page = await open();
  await page.locator("h1").click(); // focus on the page, not a field
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.equal(await iteration(page), 2);
  await page.keyboard.press("Space");
  await page.waitForFunction(() => window.playground.metrics().iteration > 50);
  await page.keyboard.press("Space");
  const paused = await iteration(page);
  await page.waitForTimeout(200);
  assert.equal(await iteration(page), paused, "Space paused it");
  await page.keyboard.press("KeyR");
  assert.equal(await iteration(page), 0);

  // a Korean IME composing, or a field with the focus, keeps its keys
  await page.evaluate(() => {
    window.dispatchEvent(new KeyboardEvent("keydown", { code: "ArrowRight", key: "ArrowRight", isComposing: true, bubbles: true }));
    window.dispatchEvent(new KeyboardEvent("keydown", { code: "KeyR", key: "ㄱ", bubbles: true }));
  });
  assert.equal(await iteration(page), 0, "composing → ignored; ㄱ on the R key still resets (already 0)");
  await trained(page, 5);
  await page.evaluate(() => window.dispatchEvent(new KeyboardEvent("keydown", { code: "KeyR", key: "ㄱ", bubbles: true })));
  assert.equal(await iteration(page), 0, "the R key resets on a Korean layout");
  await page.getByLabel("Activation").focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await iteration(page), 0, "→ in a field does not step");
  assertNoErrors(page);
});

test("fits a 1280×720 projector without scrolling and works on a phone", async () => {
  const page = await open();
  const size = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
  assert.ok(size[0] <= 1280 && size[1] <= 720, `page is ${size[0]}×${size[1]}`);
  await page.screenshot({ path: "test-results/desktop-1280x720.png" }).catch(() => {});

  const phone = await open("", { width: 390, height: 844 });
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling on a phone (${width})`);
  await phone.getByRole("button", { name: "Play" }).tap().catch(() => phone.getByRole("button", { name: "Play" }).click());
  await phone.waitForFunction(() => window.playground.metrics().iteration > 20);
  await phone.screenshot({ path: "test-results/phone-390x844.png", fullPage: true }).catch(() => {});
  assertNoErrors(page);
  assertNoErrors(phone);
});

test("every control's range and options come from the settings table", async () => {
  const page = await open();
  const table = await page.evaluate(() => window.playground.settings());
  const row = Object.fromEntries(table.map((s) => [s.key, s]));
  for (const s of table) {
    assert.ok(["number", "integer", "choice", "list", "flag"].includes(s.kind), s.key);
    assert.ok(["live", "restart", "view"].includes(s.effect), s.key);
  }
  assert.equal(row.points.max, 2000);
  assert.equal(row.lambda.effect, "live");
  assert.equal(row.showdev.effect, "view");
  assert.equal(row.layers.effect, "restart");
  // the sliders span exactly the table's range (the Points slider once stopped at 1000)
  for (const key of ["points", "noise", "train"]) {
    const [min, max] = await page.locator(`#${key}`).evaluate((e) => [Number(e.min), Number(e.max)]);
    assert.deepEqual([min, max], [row[key].min, row[key].max], key);
  }
  // every option of every select is a value the core accepts
  for (const key of ["speed", "lr", "batch", "act", "reg", "patience"]) {
    const values = await page.locator(`#${key} option`).evaluateAll((os) => os.map((o) => o.value));
    for (const value of values) {
      await page.evaluate(([key, value]) => window.playground.set({ [key]: value }), [key, value]);
    }
  }
  const chips = await page.locator("#features input, #augment input, input[name=dataset]").evaluateAll((is) => is.map((i) => i.value));
  assert.deepEqual(chips.sort(), [...row.features.options, ...row.augment.options, ...row.dataset.options].sort());
  assertNoErrors(page);
});

test("a refused setting is data, shown in the page's language", async () => {
  const page = await open();
  const error = await page.evaluate(() => {
    try {
      window.playground.set({ lambda: 0.5, points: 5000 });
    } catch (e) {
      return { message: e.message, code: e.code, key: e.key, value: e.value, allowed: e.allowed, isError: e instanceof Error };
    }
  });
  assert.equal(error.isError, true);
  assert.deepEqual([error.code, error.key, error.value, error.allowed.min, error.allowed.max], ["range", "points", "5000", 20, 2000]);
  assert.match(error.message, /points="5000" is not valid/);
  assert.equal((await cfg(page)).lambda, 0, "all or nothing: λ was not applied either");
  // keep after layers, whatever the order
  await page.evaluate(() => window.playground.set({ keep: [0.5, 0.6, 0.7], layers: [4, 4, 4] }));
  assert.deepEqual((await cfg(page)).keep, [0.5, 0.6, 0.7]);
  await page.evaluate(() => window.playground.set({ lang: "ko" }));
  await page.locator("#lr").selectOption("0.1");
  await page.evaluate(() => document.querySelector("#lr").add(new Option("99", "99")));
  await page.locator("#lr").selectOption("99");
  const text = await page.locator("#control-error").textContent();
  assert.match(text, /lr="99"은\(는\) 올바르지 않습니다: 0보다 크고 10 이하인 수를 쓰세요/);
});
