// The λ sweep's workers: min(hardwareConcurrency, 8) of them (at least 2), each given the
// wasm module the page already compiled. Jobs (one λ each) go to whichever worker is free.
// Where workers cannot start (a file:// page, a policy), `sweepPool` resolves to null and the
// sweep runs in slices on the page's thread instead.

import init from "./pkg/regplay.js";

const START_MS = 10_000; // a worker that has not answered by then counts as unable to start
const WASM = new URL("./pkg/regplay_bg.wasm", import.meta.url); // the single file: its bytes

let pool; // Promise<Pool | null>, made once
let compiled = null; // the core's WebAssembly.Module, compiled once for the page and the workers

/** Compiles the core once and instantiates it for the page (in place of the glue's `init()`). */
export async function loadCore() {
  compiled = WASM instanceof URL ? await compileFrom(WASM) : await WebAssembly.compile(WASM);
  await init({ module_or_path: compiled });
}

async function compileFrom(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`failed to fetch the wasm core: ${response.status} ${response.statusText}`);
  if (response.headers.get("Content-Type") === "application/wasm") return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

export function sweepPool() {
  pool ??= startPool().catch(() => null);
  return pool;
}

async function startPool() {
  const module = compiled;
  if (!module || typeof Worker !== "function") return null;
  const count = Math.max(2, Math.min(navigator.hardwareConcurrency || 2, 8));
  const started = await Promise.allSettled(Array.from({ length: count }, () => startWorker(module)));
  const workers = started.filter((s) => s.status === "fulfilled").map((s) => s.value);
  if (workers.length === count) return new Pool(workers);
  for (const w of workers) w.terminate();
  return null;
}

function startWorker(module) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./sweep_worker.js", import.meta.url), { type: "module" });
    const timer = setTimeout(() => fail(new Error("a sweep worker did not start")), START_MS);
    const fail = (e) => {
      clearTimeout(timer);
      worker.terminate();
      reject(e);
    };
    worker.onerror = (e) => fail(new Error(e.message || "a sweep worker could not start"));
    worker.onmessage = ({ data }) => {
      clearTimeout(timer);
      if (data.ready) resolve(worker);
      else fail(new Error(data.error));
    };
    worker.postMessage({ module });
  });
}

class Pool {
  constructor(workers) {
    this.size = workers.length;
    this.idle = workers;
    this.queue = [];
    this.nextId = 0;
  }

  /** Trains one λ of the setup `pairs` in a worker; resolves to its five numbers. */
  run(pairs, lambda, iterations, onProgress) {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, pairs, lambda, iterations, onProgress, resolve, reject });
      this.dispatch();
    });
  }

  dispatch() {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop();
      const job = this.queue.shift();
      const done = () => {
        worker.onmessage = worker.onerror = null;
        this.idle.push(worker);
        this.dispatch();
      };
      worker.onmessage = ({ data }) => {
        if (data.id !== job.id) return;
        if (data.progress !== undefined) return job.onProgress(data.progress);
        done();
        if (data.error !== undefined) job.reject(new Error(data.error));
        else job.resolve(data.numbers);
      };
      worker.onerror = (e) => {
        done();
        job.reject(new Error(e.message || "a sweep worker failed"));
      };
      const [keys, values] = job.pairs;
      worker.postMessage({ id: job.id, keys, values, lambda: job.lambda, iterations: job.iterations });
    }
  }
}
