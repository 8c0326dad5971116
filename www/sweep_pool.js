// The λ sweep's workers: min(hardwareConcurrency, 8) of them (at least 2), each given the
// wasm module the page already compiled. Jobs (one λ each) go to whichever worker is free.
// A loaded CSV goes to each worker once per sweep, as numbers. A running job's worker reports
// progress several times a second; one silent for STALL_MS is ended and replaced, and its job
// runs again once on a fresh worker, so every job settles. The handwritten digits' data, once
// the page has it, goes to each worker once too. Where workers cannot start (a
// policy), `sweepPool` resolves to null and the sweep runs in slices on the page's thread.

import init from "./pkg/regplay.js";
import { digitsBytes, loadDigitsData } from "./digits_data.js";

const START_MS = 10_000; // a worker that has not answered by then counts as unable to start
/** A running job's worker that has said nothing for this long has stopped answering. */
export const STALL_MS = 5_000;
const WASM = new URL("./pkg/regplay_bg.wasm", import.meta.url); // the single file: its bytes
// Served, a module worker; in the single file (dist/regplay.html) the packer turns this into
// a Blob URL (a string) of a classic script, since Chromium starts no module worker from a
// blob:null URL under file://.
const WORKER = new URL("./sweep_worker.js", import.meta.url);
const WORKER_TYPE = typeof WORKER === "string" ? "classic" : "module";

let pool; // Promise<Pool | null>, made once
let compiled = null; // the core's WebAssembly.Module, compiled once for the page and the workers

/** Compiles the core once and instantiates it for the page (in place of the glue's `init()`). */
export async function loadCore() {
  compiled = WASM instanceof URL ? await compileFrom(WASM) : await WebAssembly.compile(WASM);
  await init({ module_or_path: compiled });
  // a page that needs the digits from its start (bench.html) says so: <html data-digits="preload">
  if (globalThis.document?.documentElement.dataset.digits === "preload") await loadDigitsData();
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
  if (workers.length === count) return new Pool(workers, module);
  for (const w of workers) w.terminate();
  return null;
}

function startWorker(module) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { type: WORKER_TYPE });
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

// Jobs carry an owner (one sweep): `cancel(owner)` drops its queued jobs and stops its running
// ones by ending their workers. A worker whose job failed (a wasm trap leaves its instance
// unusable) or was stopped is replaced by a fresh one from the same module.
class Pool {
  constructor(workers, module) {
    this.module = module;
    this.size = workers.length;
    this.idle = workers;
    this.queue = [];
    this.running = new Map(); // worker → job
    this.nextId = 0;
    this.watch = null; // the stall check's interval while jobs run
  }

  /**
   * Trains one λ of the setup `pairs` in a worker; resolves to its five numbers. `data`:
   * null, or { id, numbers } of a loaded CSV (`tableNumbers`), posted once to each worker.
   */
  run(pairs, lambda, iterations, onProgress, owner = null, data = null) {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, pairs, lambda, iterations, onProgress, owner, data, resolve, reject, tries: 0 });
      this.dispatch();
    });
  }

  /** Rejects every job of `owner` with `reason`: the queued ones are dropped, the running ones stopped. */
  cancel(owner, reason) {
    const dropped = this.queue.filter((job) => job.owner === owner);
    this.queue = this.queue.filter((job) => job.owner !== owner);
    dropped.forEach((job) => job.reject(reason));
    for (const [worker, job] of this.running) {
      if (job.owner === owner) this.finish(worker, job, () => job.reject(reason), true);
    }
  }

  dispatch() {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop();
      const job = this.queue.shift();
      this.running.set(worker, job);
      job.heard = performance.now();
      job.tries += 1;
      worker.onmessage = ({ data }) => {
        if (data.id !== job.id) return;
        job.heard = performance.now();
        if (data.progress === undefined) {
          const failed = data.error !== undefined;
          this.finish(worker, job, () => (failed ? job.reject(new Error(data.error)) : job.resolve(data.numbers)), failed);
          return;
        }
        try {
          job.onProgress(data.progress);
        } catch (e) {
          this.cancel(job.owner, e); // the sweep gave up (a newer one started)
        }
      };
      worker.onerror = (e) => {
        e.preventDefault?.();
        this.finish(worker, job, () => job.reject(new Error(e.message || "a sweep worker failed")), true);
      };
      const [keys, values] = job.pairs;
      const table = job.data && worker.dataId !== job.data.id ? job.data.numbers : undefined; // once per worker
      if (job.data) worker.dataId = job.data.id;
      const digits = worker.hasDigits ? undefined : digitsBytes() ?? undefined; // once per worker, when the page has them
      if (digits) worker.hasDigits = true;
      worker.postMessage({ id: job.id, keys, values, dataId: job.data?.id ?? null, table, digits, lambda: job.lambda, iterations: job.iterations });
    }
    this.watchStalls();
  }

  /** While jobs run, ends every worker silent for STALL_MS: its job runs again once on a fresh one. */
  watchStalls() {
    if (this.running.size === 0) {
      clearInterval(this.watch);
      this.watch = null;
      return;
    }
    this.watch ??= setInterval(() => {
      const now = performance.now();
      for (const [worker, job] of this.running) {
        if (now - job.heard < STALL_MS) continue;
        this.finish(worker, job, () => {
          if (job.tries < 2) this.queue.unshift(job);
          else job.reject(new Error(`a sweep worker stopped answering (λ = ${job.lambda})`));
        }, true);
      }
      if (this.running.size === 0) this.watchStalls();
    }, Math.min(1000, STALL_MS / 4));
  }

  /** Ends `job` on `worker`: the worker goes back to the idle ones, or is replaced when `replace`. */
  finish(worker, job, settle, replace) {
    if (this.running.get(worker) !== job) return;
    this.running.delete(worker);
    worker.onmessage = worker.onerror = null;
    if (replace) {
      worker.terminate();
      this.replace();
    } else {
      this.idle.push(worker);
    }
    settle();
    this.dispatch();
    if (this.running.size === 0) this.watchStalls();
  }

  replace() {
    startWorker(this.module).then((worker) => {
      this.idle.push(worker);
      this.dispatch();
    }, () => {
      this.size -= 1;
      if (this.size > 0) return;
      const stranded = this.queue;
      this.queue = [];
      stranded.forEach((job) => job.reject(new Error("the sweep workers stopped")));
    });
  }
}
