// One λ sweep worker: a wasm instance made from the module the page compiled. It trains each
// λ it is sent on the page's setup (the same pairs, so the same data and initialization) and
// posts the result back as numbers, bit for bit what the page's own thread computes.
import { initSync, Playground } from "./pkg/regplay.js";

const CHUNK = 100; // iterations between progress messages

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
  const { id, keys, values, lambda, iterations } = data;
  let pg = null;
  try {
    pg = new Playground(keys, values);
    pg.startSweep(Float64Array.of(lambda), iterations);
    let progress;
    while ((progress = pg.advanceSweep(CHUNK)) < 1) self.postMessage({ id, progress });
    self.postMessage({ id, numbers: pg.sweepNumbers() });
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e) });
  } finally {
    pg?.free();
  }
};
