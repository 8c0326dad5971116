// One λ sweep worker: a wasm instance made from the module the page compiled. It trains each
// λ it is sent on the page's setup (the same pairs; the same CSV table when the data is a
// loaded file; the handwritten digits' file once the page has it: so the same data and
// initialization) and posts the result back as numbers, bit for bit what the page's own
// thread computes. It reports progress every REPORT_MS or so, so
// the page can tell a working worker from a lost one. Packed into the single file, this runs
// as a classic script (no import.meta, no top-level await).
import { initSync, loadDigits, Playground } from "./pkg/regplay.js";

const REPORT_MS = 100; // about this long between progress messages
let table = { id: null, numbers: null }; // the last CSV table the page posted, kept between jobs
self.regplayTrained = 0; // λ values × iterations trained here (tests read it: the work ran off the page)

self.onmessage = ({ data }) => {
  if (data.module) {
    try {
      initSync({ module: data.module });
      self.postMessage({ ready: true });
    } catch (e) {
      self.postMessage({ ready: false, error: String(e?.message ?? e) });
    }
    return;
  }
  const { id, keys, values, lambda, iterations, dataId } = data;
  if (data.table) table = { id: dataId, numbers: data.table };
  let pg = null;
  try {
    if (data.digits) loadDigits(data.digits); // the handwritten digits, posted once (sweep_pool.js)
    pg = new Playground(keys, values);
    if (dataId !== null) {
      if (table.id !== dataId) throw new Error("the sweep's data did not reach this worker");
      pg.loadTableNumbers(table.numbers);
    }
    pg.startSweep(Float64Array.of(lambda), iterations);
    let chunk = 1; // slices a call, grown to about REPORT_MS of work
    let progress = 0;
    while (progress < 1) {
      const start = performance.now();
      progress = pg.advanceSweepSlices(chunk);
      const ms = performance.now() - start;
      chunk = Math.max(1, Math.min(chunk * 4, Math.round((chunk * REPORT_MS) / Math.max(ms, 0.01))));
      if (progress < 1) self.postMessage({ id, progress });
    }
    self.regplayTrained += iterations;
    self.postMessage({ id, numbers: pg.sweepNumbers() });
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e) });
  } finally {
    pg?.free();
  }
};
