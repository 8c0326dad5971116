// The page: loads the wasm core, wires the controls to its one handle, owns the animation
// loop, and exposes window.playground. Rust trains and paints: a playing frame makes one call
// into the core (`frame`), plus the open instrument's drawing every few frames (see
// docs/architecture.md, "What crosses per frame").

import { fitCanvas, ICON_PLAY, ICON_PAUSE } from "./dom.js";
import { Playground } from "./pkg/regplay.js";
import { loadCore } from "./sweep_pool.js";
import { readPairs, writeHash, urlForm } from "./url.js";
import { showMessage, clearMessage } from "./messages.js";
import { buildControls } from "./controls.js";
import { attachKeyboard, ownsKey } from "./keyboard.js";
import { runSweep, SWEEP_LAMBDAS } from "./sweep.js";
import { attachCharts } from "./charts.js";
import { applyLanguage, t, errorText, translateMessage } from "./i18n.js";
import { installIO, loadCsv, linkNote, keepCsvForUndo } from "./io.js";
import { openCompare, closeCompare } from "./compare.js";
import { attachLecture, lessonQuery, openLinkedLesson } from "./lecture.js";
import { isTfp, fromTfp, pairsOfPastedLink } from "./tfp.js";
import { viewQuery, applyView, embedCode, browserLang, fitEmbed, toggleFullscreen } from "./view.js";
import { copyLink, copyEmbed } from "./sharing.js";
import { pageKeys, typedPageValue, settingsTable, settingOf } from "./settings.js";
import { attachNetwork } from "./network.js";
import { setupInstruments } from "./instruments.js";
import { installDigits } from "./panels/digits.js";
import { budgetTrainer, BUDGET_MS } from "./budget.js";
import { recovery, takeRecovered, fatalMessage, reopen } from "./recover.js";
import { wholeNumber, trainLimit, MAX_GRID, checkLength, withoutLongValues } from "./limits.js";
import { checkTypes, sweepDoor, dropQueryOnce, linkOf, problemsText, unknownKeys, readOnce } from "./doors.js";
import { number, percent, NONE } from "./format.js";
import { needsDigits, withDigits, digitsFirst, loadDigitsData } from "./digits_data.js";

/** How long `ready` waits for the digits' file after the first frame (a slow network must not hold a script). */
const PRELOAD_MS = 2000;

const $ = (id) => document.getElementById(id);

let pg = null; // the wasm handle
let playing = false;
let dirty = true; // something changed: redraw on the next frame
let dead = false; // the core trapped; nothing more can run
let syncControls = () => {};
let network = null;
let instruments = null;
let io = null;
let rescue = null; // copies of the data and model for after a panic
let digits = null; // digits mode's views and controls (panels/digits.js)
// page-only settings; `langChosen` when the URL or the user picked the language
const view = { lang: browserLang(), langChosen: false, embed: false, panels: [], big: false };

// A Rust panic arrives here (see src/web/panic.rs) before the wasm traps.
globalThis.regplayPanic = (message) => fail(message);

function fail(message) {
  if (dead) return;
  dead = true;
  setPlaying(false);
  showFatal(message);
}

const showFatal = (message) => fatalMessage(rescue, t("{message} — reload the page to start again.", { message }), showMessage);

/** Runs a call into the core; a trap becomes a visible message instead of a dead page. */
function guard(f) {
  if (dead) throw new Error("regplay stopped on an internal error; reload the page");
  try {
    return f();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) fail(String(e));
    throw e;
  }
}

/** For controls: runs a change and shows its error on the page instead of throwing. */
function act(change, undo = () => {}) {
  try {
    change()?.catch?.(() => syncControls(config())); // digits that could not load: the page said so
  } catch (e) {
    undo();
    showMessage(errorText(e), { id: "control-error" });
    syncControls(config());
  }
}

const metrics = () => JSON.parse(guard(() => pg.metricsJson()));
// the run's config and its link form change only through set() (and the loads that end in
// set({})): kept here, so a frame asks the core for neither
let cached = null;
const config = () => structuredClone((cached ??= { config: JSON.parse(guard(() => pg.configJson())), query: pg.query() }).config);
const runQuery = () => (config(), cached.query);
const history = () => JSON.parse(guard(() => pg.historyJson()));
const sweep = sweepDoor((lambdas, iterations, onProgress) => runSweep(pg, guard, lambdas, iterations, onProgress), SWEEP_LAMBDAS);


/** Validates the whole object as one setup first, then applies it: all or nothing.
 * Throws an Error with the core's data (`code`, `key`, `value`, `allowed`) on a bad value. */
function set(given) {
  if (given === null || typeof given !== "object") throw new Error("set() takes an object such as { lambda: 0.3 }");
  const values = readOnce(given); // each value read once: what is checked is what is applied
  const keys = Object.keys(values);
  checkTypes(values);
  const forms = keys.map((k) => urlForm(values[k]));
  keys.forEach((k, i) => checkLength(k, forms[i]));
  guard(() => pg.validate(keys, forms));
  const waiting = digitsFirst(values, () => set(values)); // digits' data is fetched on first use
  if (waiting) return waiting; // a Promise, settled once the change is applied
  cached = null;
  const offerUndo = keepCsvForUndo(page, values);
  const isPage = (k) => pageKeys().includes(k);
  for (const k of keys.filter(isPage)) setView(k, typedPageValue(k, values[k]));
  const run = keys.filter((k) => !isPage(k));
  const reset = guard(() => pg.setAll(run, run.map((k) => urlForm(values[k]))));
  if (reset) clearMessage("diverged");
  clearMessage("control-error");
  afterChange();
  offerUndo();
}

const linkQuery = () => [runQuery(), viewQuery(view), lessonQuery()].filter(Boolean).join("&");

function afterChange() {
  cached = null;
  network?.invalidate(); // the layers or the features may have changed
  writeHash(linkQuery());
  syncControls(config());
  io?.sync();
  fitEmbed(view, config()); // the layers' controls may have come or gone
  dirty = true;
}

function setView(key, value) {
  view[key] = value;
  if (key === "lang") view.langChosen = true;
  applyView(view);
  if (key === "lang") {
    applyLanguage(view.lang);
    setPlaying(playing);
  }
  $("lang").value = view.lang;
  $("big-text").setAttribute("aria-pressed", String(view.big));
  if (view.embed) openEmbeddedInstrument();
  applyLanguage(view.lang); // the controls built above carry their own texts
  fitEmbed(view, config());
  dirty = true;
}

/** In an embed, the first chosen instrument is shown without its tab strip. */
function openEmbeddedInstrument() {
  const name = view.panels.find((p) => ["weights", "tanh", "sweep", "norms"].includes(p));
  if (name && instruments) instruments.open(name);
}

/** The link of the run now, even when the address lags behind a slider. */
const copyRunLink = () => copyLink(linkOf(linkQuery()), linkNote(config()));

/** The config with the page settings beside the run's. */
function fullConfig() {
  return { ...config(), lang: view.lang, embed: view.embed, panels: view.panels, big: view.big };
}

function reset() {
  guard(() => pg.reset());
  clearMessage("diverged");
  dirty = true;
}

/** Puts back the weights of the dev-cost minimum (early stopping by hand). */
function restoreBest() {
  guard(() => pg.restoreBest());
  dirty = true;
  return metrics();
}

function setPlaying(on) {
  playing = on && !dead;
  dirty = true; // draw the last iterations before a pause
  $("play").innerHTML = playing ? ICON_PAUSE : ICON_PLAY; // fixed markup, never data
  $("play").setAttribute("aria-label", t(playing ? "Pause" : "Play"));
}

/** `playground.train(n)`: n is checked against the setup's limit (see limits.js). */
function train(n) {
  wholeNumber("train", n, 0, trainLimit(metrics()));
  return trainNow(n);
}

function trainNow(n) {
  guard(() => pg.train(n));
  dirty = true;
  return metrics();
}

function grid(n = 100) {
  wholeNumber("grid", n, 1, MAX_GRID);
  return guard(() => pg.grid(n));
}

// ---- drawing ----

const boundary = $("boundary");
const trainer = budgetTrainer(); // keeps the speed note; the core trains within BUDGET_MS
/** Drawing above this many ms a frame makes the boundary and the network take turns while playing. */
const HEAVY_DRAW_MS = 8;
let heavy = false;
let turn = 0;
/** Playing frames between redraws of digits mode's views, as the instruments (instruments.js). */
const DRAW_EVERY = 4;
let shown = 0;

function frame() {
  if (dead) return;
  requestAnimationFrame(frame);
  if (!playing && !dirty) return;
  try {
    const c = config();
    fitCanvas(boundary);
    network.fit();
    // while playing, a big network's two pictures take turns; after a change both are drawn
    const both = !playing || dirty || !heavy;
    const pictures = both ? 8 | 16 : ++turn % 2 ? 8 : 16;
    const options = (c.showdev ? 1 : 0) | (c.discretize ? 2 : 0) | (playing ? 4 : 0) | pictures;
    const r = JSON.parse(guard(() => pg.frame(c.speed, BUDGET_MS, options)));
    if (both) heavy = r.frame.drawMs > HEAVY_DRAW_MS;
    if (playing) trainer.record(r.frame.iterations, r.frame.limited);
    trainer.show($("speed-note"), playing, c.speed, t);
    showMetrics(r.metrics, c);
    network.shown(r);
    guard(() => rescue.remember(r.metrics.iteration, runQuery()));
    guard(() => instruments.draw(dirty));
    if (dirty || ++shown % DRAW_EVERY === 0) guard(() => digits?.draw()); // digits mode's four views
    if (dirty && fitEmbed(view, c, true)) return; // late content (a panel loaded on first use) refitted: all drawn again next frame
  } catch (e) {
    fail(`regplay stopped drawing: ${e.message || e}`);
  }
  dirty = false;
}

function showMetrics(m, c) {
  $("iteration").textContent = m.iteration;
  $("cost").textContent = number(m.cost);
  $("data-cost").textContent = number(m.dataCost);
  $("penalty").textContent = number(m.penalty);
  $("dev-cost").textContent = number(m.devCost);
  $("decay").textContent = c.reg === "l2" ? number(m.weightDecay, 6) : NONE;
  $("train-accuracy").textContent = percent(m.trainAccuracy);
  $("dev-accuracy").textContent = percent(m.devAccuracy);
  $("weight-norm").textContent = number(m.weightNorm, 3);
  $("zero-weights").textContent = `${m.zeroWeights} / ${m.weightCount}`;
  $("linear").textContent = percent(m.linearFraction);
  const copies = c.dataset === "digits" ? "{real} real + {augmented} augmented training images" : "{real} real + {augmented} augmented training points";
  $("augment-count").textContent = m.augmented
    ? t(copies, { real: m.trainSize - m.augmented, augmented: m.augmented })
    : "";
  if (m.status === "diverged" && !$("diverged")) {
    setPlaying(false);
    const text = "Training diverged at iteration {iteration}: the cost or the weights are no longer finite numbers. Lower the learning rate α (now {lr}) or λ (now {lambda}), then reset.";
    showMessage(t(text, { iteration: m.iteration, lr: c.lr, lambda: c.lambda }), { id: "diverged", actions: [[t("Reset"), reset]] });
  }
  if (m.status === "stopped" && playing) setPlaying(false);
}

/** Says, beside the boundary, whose map the large view shows while a neuron is focused. */
function showFocus(node) {
  $("focus-caption").textContent = node ? t("Showing {label}: move off the network to see ŷ again", { label: node.label }) : "";
  dirty = true;
}

// ---- start ----

/** A TensorFlow Playground link (or a regplay one) pasted anywhere but a field opens its setup. */
function pasteLink(event) {
  if (ownsKey(event.target, "Paste")) return;
  const pairs = pairsOfPastedLink(event.clipboardData?.getData("text") ?? "");
  if (!pairs) return;
  event.preventDefault();
  const lecturePairs = pairs.filter(([k]) => k === "lesson" || k === "quiz"); // opened below, like a link's
  const rest = pairs.filter(([k]) => k !== "lesson" && k !== "quiz");
  const converted = isTfp(rest) ? fromTfp(rest) : { settings: Object.fromEntries(rest), notes: [] };
  act(() => {
    set(converted.settings)?.catch(() => {}); // digits that could not load: the page said so
    converted.notes.forEach((note) => showMessage(note, { kind: "info" }));
    if (lecturePairs.length) openLinkedLesson(pairs);
  });
}

async function start() {
  await loadCore();
  const [kept, tooLong] = withoutLongValues(readPairs(window.location));
  let pairs = kept;
  const notes = [];
  if (isTfp(pairs)) {
    const tfp = fromTfp(pairs);
    notes.push(...tfp.notes);
    pairs = [...pairs.filter(([k]) => pageKeys().includes(k)), ...Object.entries(tfp.settings).map(([k, v]) => [k, urlForm(v)])];
  }
  let core = pairs.filter(([k]) => !pageKeys().includes(k) && settingOf(k)); // unknown keys are named below, not copied into the core
  if (needsDigits(Object.fromEntries(core))) await withDigits(() => {}).catch(() => (core = core.filter(([k]) => k !== "dataset")));
  pg = new Playground(core.map(([k]) => k), core.map(([, v]) => v));
  const saved = takeRecovered(); // the data and model a reload after a panic kept
  const problems = [...tooLong, ...unknownKeys(pairs), ...[...pg.problems()].filter((p) => !(saved?.csv && p.key === "dataset"))];
  for (const [k, v] of pairs.filter(([k]) => pageKeys().includes(k))) {
    try {
      pg.validate([k], [v]);
      view[k] = typedPageValue(k, v);
      if (k === "lang") view.langChosen = true;
    } catch (e) {
      problems.push(e);
    }
  }
  applyView(view);
  applyLanguage(view.lang);
  if (problems.length) showMessage(problemsText(problems, t, errorText), { id: "link-problems" }); // one message for them all
  for (const note of notes) showMessage(note, { kind: "info" });
  page.pg = pg;
  const lost = reopen(pg, saved, core.some(([k, v]) => k === "dataset" && v === "csv"));
  if (lost) showMessage(translateMessage(lost));
  rescue = recovery(page);
  const syncBase = buildControls({ set, config, act });
  digits = installDigits(page);
  applyView(view); // again: the digit views (data-panel images, filters, pixels, strip) exist now
  syncControls = (c) => (syncBase(c), digits.sync(c));
  const curves = attachCharts($("cost-chart"), $("error-chart"), pg);
  instruments = setupInstruments(page, curves);
  network = attachNetwork($("network"), pg, { onFocus: showFocus, tooltip: $("tooltip") });
  pg.setCanvases(boundary.getContext("2d"), $("network").getContext("2d"));
  io = installIO(page);
  $("open-compare").addEventListener("click", () => openCompare($("compare"), page));
  $("play").addEventListener("click", () => setPlaying(!playing));
  $("step").addEventListener("click", () => {
    setPlaying(false);
    trainNow(1);
  });
  $("reset").addEventListener("click", reset);
  $("restore-best").addEventListener("click", restoreBest);
  $("copy-link").addEventListener("click", copyRunLink);
  $("copy-embed").addEventListener("click", () => copyEmbed(embedCode(window.location, runQuery())));
  $("lang").value = view.lang;
  $("lang").addEventListener("change", (e) => act(() => set({ lang: e.target.value })));
  $("big-text").addEventListener("click", () => act(() => set({ big: !view.big })));
  $("fullscreen").addEventListener("click", toggleFullscreen);
  // an embed leaves the keyboard to the slide deck until someone clicks into it
  let engaged = !view.embed;
  window.addEventListener("pointerdown", () => (engaged = true), { capture: true });
  attachKeyboard({
    toggle: () => setPlaying(!playing), step: () => (setPlaying(false), trainNow(1)), reset, enabled: () => engaged,
    embedded: () => view.embed, release: () => (engaged = false), // a remote's PageDown goes back to the deck
  });
  document.addEventListener("paste", pasteLink);
  window.addEventListener("resize", () => {
    fitEmbed(view, config());
    dirty = true;
  });
  if (view.embed) openEmbeddedInstrument();
  applyLanguage(view.lang); // the controls built above carry their own texts
  afterChange();
  if (isTfp([...new URLSearchParams(window.location.search)])) dropQueryOnce(); // applied once; the hash holds it now
  setPlaying(false);
  attachLecture(page, pairs);
  await new Promise((resolve) => requestAnimationFrame(() => (frame(), resolve())));
  // The digits' file is asked for after the first frame, and `ready` waits for it (or for
  // PRELOAD_MS): a script that awaits `ready` can then switch to digits synchronously.
  await Promise.race([loadDigitsData().catch(() => {}), new Promise((resolve) => setTimeout(resolve, PRELOAD_MS))]);
}

// What the page's modules (instruments, lecture mode) may use.
const page = {
  pg: null, guard, set, act, config, metrics, history, sweep, showMessage,
  markDirty: () => (dirty = true),
  clearMessage,
  openTab: (name) => instruments.open(name),
  play: () => setPlaying(true),
  pause: () => setPlaying(false),
  reset, train: trainNow,
  trainSlices: (k) => (guard(() => pg.trainSlices(k)), (dirty = true), metrics()),
  openCompare: (preset) => openCompare($("compare"), page, preset),
  closeCompare,
};

const ready = start();
ready.catch((e) => fail(`regplay could not start: ${e.message || e}`));

window.playground = {
  ready,
  config: fullConfig,
  set,
  settings: () => structuredClone(settingsTable()),
  reset,
  play: () => setPlaying(true),
  pause: () => setPlaying(false),
  step: () => train(1),
  restoreBest,
  train,
  metrics,
  grid,
  history,
  sweep: (lambdas, iterations) => sweep(lambdas, iterations),
  copyLink: copyRunLink,
  embedCode: () => embedCode(window.location, runQuery()),
  loadCsv: (text) => loadCsv(page, text),
};
