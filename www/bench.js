// The in-browser benchmark (bench.html): runs the cases of bench_cases.js (those of
// benches/train.rs through the wasm handle, whole play-mode frames, digits against the 2-D
// default) and shows each case's rows as soon as it is done. `window.benchResults` is a
// Promise of [{ name, value, unit, note }]; tests/browser/bench.mjs prints it.
// `bench.html?only=digits` runs only the cases whose label contains "digits".
import { loadCore } from "./sweep_pool.js";
import { CASES } from "./bench_cases.js";

// Chromium compiles wasm with a baseline compiler first and optimizes hot functions later,
// in the background: a short round of every case first keeps that out of the figures.
const WARMUP_ROUND_MS = 150;
const BUDGET_MS = 1000;

const $ = (id) => document.getElementById(id);
const pause = () => new Promise((resolve) => setTimeout(resolve, 20)); // lets the table paint

function show(rows) {
  for (const { name, value, unit, note } of rows) {
    const tr = $("results").insertRow();
    for (const [text, cls] of [[name], [value.toLocaleString("en"), "value"], [unit], [note]]) {
      const td = tr.insertCell();
      td.textContent = text;
      if (cls) td.className = cls;
    }
  }
}

async function run() {
  $("again").disabled = true;
  $("status").className = "";
  $("results").replaceChildren();
  const only = new URLSearchParams(location.search).get("only") ?? "";
  const cases = CASES.filter(([label]) => label.includes(only));
  try {
    if (!cases.length) throw new Error(`no case's label contains "${only}"`);
    await loadCore();
    for (const [label, measure] of cases) {
      $("status").textContent = `warming up: ${label}…`;
      await pause();
      await measure(WARMUP_ROUND_MS);
    }
    const results = [];
    for (const [label, measure] of cases) {
      $("status").textContent = `measuring ${label}…`;
      await pause();
      const rows = (await measure(BUDGET_MS)).map(([name, value, unit, note]) => ({ name, value, unit, note }));
      results.push(...rows);
      show(rows);
    }
    $("status").textContent = "done";
    return results;
  } catch (e) {
    $("status").className = "error";
    $("status").textContent = `benchmark failed: ${e.stack || e}`;
    console.error("benchmark failed:", e);
    throw e;
  } finally {
    $("again").disabled = false;
  }
}

$("env").textContent = `${navigator.userAgent}; crossOriginIsolated: ${self.crossOriginIsolated}`;
$("again").addEventListener("click", () => { window.benchResults = run(); });
window.benchResults = run();
