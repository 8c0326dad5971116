// The λ sweep instrument: "λ is chosen on a dev set by trying many values".
// The current setup is trained from the same start once per λ of a log grid; the chart shows
// the training and dev error each run ends with (too small a λ overfits, too large underfits,
// so the dev error is U-shaped) and marks the λ with the lowest dev error. Choosing a point
// (click, or Enter on its button in the list) loads that λ into the live run. The sweep runs
// in slices between animation frames, so the page keeps responding and training keeps playing.

import { make, fitCanvas as fit, pointerIn } from "../dom.js";
import { t, words } from "../i18n.js";

import { SWEEP_LAMBDAS } from "../sweep.js";
import { formatLambda } from "../lambda.js";
import { percent } from "../format.js";

const ITERATIONS = [500, 1000, 2000, 5000];
const DEFAULT_ITERATIONS = 2000;
const HIT_REACH = 14; // CSS px from a point's x that still picks it


/** The first λ with the lowest dev error, as the core's Sweep::best. */
function bestIndex(results) {
  let best = -1;
  results.forEach((p, i) => {
    if (Number.isFinite(p.devError) && (best < 0 || p.devError < results[best].devError)) best = i;
  });
  return best;
}

export function install(root, page) {
  root.classList.add("sweep");
  const run = make("button", { type: "button", className: "sweep-run", textContent: t("Run sweep") });
  const select = make("select", { className: "sweep-iterations" });
  for (const n of ITERATIONS) select.add(new Option(n.toLocaleString("en"), String(n), false, n === DEFAULT_ITERATIONS));
  const iterationsLabel = make("label", { className: "sweep-iterations-label" }, [select, ` ${t("iterations per λ")}`]);
  const progress = make("progress", { max: 1, value: 0, hidden: true });
  progress.setAttribute("aria-label", t("Sweep progress"));
  const status = make("p", { className: "sweep-status" });
  status.setAttribute("aria-live", "polite");
  const canvas = make("canvas", { className: "sweep-chart" });
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", t("Training and dev error at the end of each λ's run, against λ on a log scale with λ = 0 at the left"));
  const list = make("ul", { className: "sweep-points" });
  list.setAttribute("aria-label", t("The swept λ values: choose one to load it into the live run"));
  root.append(
    make("div", { className: "sweep-bar" }, [run, iterationsLabel, progress, status]),
    make("div", { className: "sweep-body" }, [canvas, list]),
  );

  let running = false;
  const grid = SWEEP_LAMBDAS; // the λ values of the sweep this panel runs
  let penalty = null; // the penalty that sweep used
  let results = [];
  let resultsJson = "[]";
  let xs = []; // each result's x on the canvas, CSS px
  let highlight = -1;
  let drawn = ""; // what the canvas shows, to skip redrawing the same picture

  const hint = () => t("Trains the current setup from the same start for each of {count} values of λ, then compares the dev error.", { count: grid.length });
  showSummary();

  /** The penalty a point is loaded with: the sweep's own, or (a sweep run from a script) the
   * current one, L2 when there is none, as the core's sweep does. */
  function penaltyOf() {
    if (penalty) return penalty;
    const reg = page.config().reg;
    return reg === "none" ? "l2" : reg;
  }

  function load(i) {
    const p = results[i];
    if (!p) return;
    try {
      page.set({ lambda: p.lambda, reg: penaltyOf() });
    } catch (e) {
      page.showMessage(e.message);
    }
  }

  function showSummary() {
    const b = bestIndex(results);
    if (page.metrics().devSize === 0) status.textContent = t("There is no dev set: every row of the data is for training, so λ cannot be chosen on a dev set. Give some rows split = dev (or leave split empty) to compare the dev error.");
    else status.textContent = b < 0 ? hint() : t("Lowest dev error at λ = {lambda} ({dev}, {reg}): smaller λ overfits, larger underfits. Choose a point to load its λ.", {
      lambda: formatLambda(results[b].lambda), dev: percent(results[b].devError), reg: penaltyOf().toUpperCase(),
    });
  }

  /** One button per finished λ; rebuilt only when the results change. */
  function buildList() {
    const b = bestIndex(results);
    list.replaceChildren(...results.map((p, i) => {
      const values = { lambda: formatLambda(p.lambda), dev: percent(p.devError) };
      const button = make("button", { type: "button" }, [
        make("span", { textContent: t("λ = {lambda}", values) }),
        make("span", { className: "sweep-dev", textContent: values.dev }),
      ]);
      button.setAttribute("aria-label", t(i === b ? "λ = {lambda}: dev error {dev}, best" : "λ = {lambda}: dev error {dev}", values));
      button.dataset.index = String(i);
      if (i === b) button.classList.add("best");
      if (i === highlight) button.classList.add("highlight");
      button.addEventListener("click", () => load(i));
      button.addEventListener("focus", () => setHighlight(i));
      button.addEventListener("blur", () => setHighlight(-1));
      button.addEventListener("pointerenter", () => setHighlight(i));
      button.addEventListener("pointerleave", () => setHighlight(document.activeElement === button ? i : -1));
      return make("li", {}, [button]);
    }));
  }

  /** Marks the button of the λ the live run has now, if it is one of the sweep's. */
  function markLive() {
    const c = page.config();
    const live = results.findIndex((p) => p.lambda === c.lambda && c.reg === penaltyOf());
    for (const button of list.querySelectorAll("button")) {
      button.setAttribute("aria-current", String(Number(button.dataset.index) === live));
    }
  }

  /** Rings point i in the chart and marks its button, whichever of the two the pointer or
   * the focus is on. */
  function setHighlight(i) {
    if (highlight === i) return;
    highlight = i;
    for (const button of list.querySelectorAll("button")) button.classList.toggle("highlight", Number(button.dataset.index) === i);
    draw();
  }

  function draw() {
    const json = page.guard(() => page.pg.sweepJson());
    if (json !== resultsJson) {
      if (!running) penalty = null; // a sweep run from a script, not from this panel
      resultsJson = json;
      results = JSON.parse(json);
      buildList();
      if (!running) showSummary();
    }
    markLive();
    if (!canvas.clientWidth) return;
    const [, , ratio] = fit(canvas); // within the pixel budget (dom.js)
    const axis = running || !results.length ? grid : []; // before a sweep: the axis it will fill
    const key = [json, canvas.width, canvas.height, highlight, axis.join()].join("|");
    if (key === drawn) return;
    drawn = key;
    const labels = words({ train: "training error", dev: "dev error", best: "best", lambda: "λ" });
    xs = Array.from(page.guard(() => page.pg.drawSweepChart(canvas, ratio, Float64Array.from(axis), highlight, labels)));
  }

  /** The result whose x is nearest the pointer, within reach; −1 if none. */
  function pointAt(event) {
    const [x] = pointerIn(canvas, event); // in CSS px, as the chart's xs
    let best = -1;
    xs.forEach((px, i) => {
      if (Math.abs(px - x) <= HIT_REACH && (best < 0 || Math.abs(px - x) < Math.abs(xs[best] - x))) best = i;
    });
    return best;
  }

  canvas.addEventListener("pointermove", (e) => {
    const i = pointAt(e);
    canvas.style.cursor = i >= 0 ? "pointer" : "";
    setHighlight(i);
  });
  canvas.addEventListener("pointerleave", () => setHighlight(-1));
  canvas.addEventListener("click", (e) => load(pointAt(e)));

  async function runSweep() {
    if (running) return;
    running = true;
    run.setAttribute("aria-disabled", "true");
    const c = page.config();
    penalty = c.reg === "none" ? "l2" : c.reg;
    const iterations = Number(select.value);
    progress.value = 0;
    progress.hidden = false;
    let done = -1;
    const onProgress = (fraction) => {
      progress.value = fraction;
      const finished = Math.min(grid.length, Math.floor(fraction * grid.length + 1e-9));
      if (finished === done) return;
      done = finished;
      if (finished < grid.length) {
        status.textContent = t("Training λ = {lambda} ({done} of {count})…", { lambda: formatLambda(grid[finished]), done: finished + 1, count: grid.length });
      }
      draw(); // the finished λ values appear one by one
    };
    try {
      onProgress(0);
      await page.sweep(grid, iterations, onProgress);
    } catch (e) {
      page.showMessage(t("The λ sweep stopped: {message}", { message: e.message || e }));
    } finally {
      running = false;
      progress.hidden = true;
      run.removeAttribute("aria-disabled");
      draw();
      showSummary();
    }
  }
  run.addEventListener("click", runSweep);

  return { draw };
}
