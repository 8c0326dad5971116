// The frame's time budget: `speed` is an upper bound on iterations per frame, and training
// stops once about BUDGET_MS of work is spent, so evaluation and drawing still fit in a
// frame whatever the network, the data or the augmentation make one iteration cost.

import { rate as formatRate } from "./format.js";

/** Milliseconds of training per animation frame. */
export const BUDGET_MS = 9;

/**
 * A trainer that runs `train(k)` (returns how many ran, or nothing) in chunks sized from the
 * cost it measured, until `max` iterations ran or the budget is spent. At least one
 * iteration runs per call, so even the heaviest setup moves.
 */
export function budgetTrainer(now = () => performance.now()) {
  let perIteration = Infinity; // ms per unit, learned from every chunk (the first is one unit)
  let behind = 0; // frames in a row that ran fewer iterations than asked
  let mark = null; // { at, iteration } a second ago
  let rate = null; // iterations a second, measured over the last second
  let total = 0; // iterations trained, slices counted as fractions
  const trainer = {
    /**
     * Trains up to `max` units (slices of iterations, `per` to an iteration) within the
     * budget; `done` is then the iterations' worth that ran.
     */
    run(train, max, per = 1) {
      max *= per;
      const t0 = now();
      let done = 0;
      let limited = false; // the budget, not the run, ended this frame's training
      while (done < max) {
        const left = BUDGET_MS - (now() - t0);
        if (done > 0 && left <= 0) {
          limited = true;
          break;
        }
        // half of what the estimate allows: one overshoot costs at most half a budget
        const chunk = Math.max(1, Math.min(max - done, Math.floor(left / 2 / perIteration)));
        const t = now();
        const result = train(chunk);
        const ran = typeof result === "number" ? result : chunk;
        const spent = now() - t;
        const measured = Math.max(1e-4, spent / Math.max(ran, 1));
        perIteration = perIteration === Infinity ? measured : 0.5 * perIteration + 0.5 * measured;
        done += ran;
        if (ran < chunk) break; // the run stopped or diverged
      }
      trainer.record(done / per, limited);
      return done;
    },
    /** Counts a frame's `iterations` (trained here or by the core's frame call); `limited`
     * when the budget, not the speed, ended them. */
    record(iterations, limited) {
      behind = limited ? behind + 1 : 0;
      trainer.done = Math.floor(iterations);
      total += iterations;
    },
    done: 0,
    /** True after a few frames in a row below the requested speed. */
    get slow() {
      return behind >= 3;
    },
    /** Says in `note` when frames run fewer iterations than `speed` asks for, and how many a second run. */
    show(note, playing, speed, t) {
      const at = now();
      if (!playing) mark = null;
      else if (!mark || at - mark.at >= 1000) {
        if (mark) rate = ((total - mark.total) * 1000) / (at - mark.at);
        mark = { at, total };
      }
      const slow = playing && trainer.slow && rate !== null;
      const text = slow ? t("Slower than asked: about {rate} iterations a second (asked: {speed} a frame), so the page stays responsive.", { rate: formatRate(rate), speed }) : "";
      if (note.textContent !== text) note.textContent = text;
      note.hidden = !slow;
    },
  };
  return trainer;
}

/** A drawing that took longer than this counts as heavy. */
const CHEAP_MS = 4;

/**
 * The frame's drawings, so that a big network's do not add up in one frame: while
 * training plays, at most one heavy drawing runs per frame, taking turns; cheap ones run
 * every frame. `run(true)` runs them all (paused, or after a change).
 */
export function frameJobs(jobs, now = () => performance.now()) {
  const cost = jobs.map(() => 0);
  let next = 0;
  return (all) => {
    let heavyRan = false;
    const first = next;
    for (let k = 0; k < jobs.length; k++) {
      const i = (first + k) % jobs.length;
      if (!all && heavyRan && cost[i] > CHEAP_MS) continue;
      const t = now();
      jobs[i]();
      cost[i] = now() - t;
      if (cost[i] > CHEAP_MS && !heavyRan) {
        heavyRan = true;
        next = (i + 1) % jobs.length;
      }
    }
  };
}
