// "Predict, then run": a lecture step's question, its choices and, after the run, which
// prediction held and why, with the live numbers of the step (reportOf). The quiz steps
// check the learner's answers and offer to show the point live.

import { Playground } from "./pkg/regplay.js";
import { MATTERS } from "./lessons.js";
import { make } from "./dom.js";
import { t } from "./i18n.js";
import { number, percent } from "./format.js";

/** The live numbers a step reports after its run (reportsOf), by kind; English, translated by t(). */
const REPORTS = {
  overfit: "Training error {train}, dev-set error {dev}: the gap is the variance. ‖W‖ = {norm}.",
  baseline: "No regularization → now: dev-set error {dev0} → {dev}, dev-set cost {cost0} → {cost}, ‖W‖ {norm0} → {norm}.",
  decay: "Every step: W := {decay} · W − α (from backprop).",
  units: "Hidden units that still matter (‖weights out‖ ≥ {matters}): {units} of {count}.",
  linear: "Hidden z in tanh's linear region (shaded on the tanh tab): {linear0} without regularization → {linear} now; the output's linearity R² {r20} → {r2}.",
  plain: "Dev-set cost: inverted {inverted}, plain (no division) {plain}.",
  jcheck: "Over the {steps} recorded steps J fell {falls} times and rose {rises} times.",
  early: "‖W‖: {start} at the start → {best} at the lowest dev-set error (iteration {at}), a mid-sized w like L2 with λ = 0.7 ({l2}).",
};
/** A step's button after its run (`action` in lessons.js). */
const ACTIONS = { dropoutOn: "Now turn dropout on (keep_prob = 0.8)" };
const LETTERS = "ABCD";

/**
 * Draws the question of `lesson` into `root` for `state` ({ chosen: indices, phase: "asking",
 * "checked" or "done", reports }); `on` has choose(i), run(), check(), live(), action().
 * Before the answer only the question shows; after it, which prediction held, the lecture's
 * explanation and the run's numbers beside those without regularization.
 */
export function renderQuestion(root, lesson, state, on) {
  const ask = lesson.ask;
  const letter = (i) => LETTERS[i];
  const rightText = ask.answer.map((i) => `${letter(i)}. ${t(ask.choices[i]).replace(/\.$/, "")}`).join(" · ");
  const choices = ask.choices.map((choice, i) => {
    const button = make("button", { type: "button", className: "choice", textContent: `${letter(i)}. ${t(choice)}` });
    button.setAttribute("aria-pressed", String(state.chosen.includes(i)));
    button.dataset.choice = String(i);
    if (state.phase !== "asking") {
      button.disabled = !lesson.quiz || state.phase === "done";
      if (ask.answer.includes(i)) button.classList.add("right");
    }
    button.addEventListener("click", (event) => {
      if (event.detail) event.currentTarget.blur(); // Space then plays instead of clicking again
      on.choose(i);
    });
    return button;
  });
  const row = [];
  if (!lesson.quiz) row.push(make("span", { className: "ask-q", textContent: `${t("Predict first:")} ${t(ask.q)}` }));
  row.push(...choices);
  if (!lesson.quiz && state.phase === "asking") row.push(make("button", { type: "button", className: "quiet ask-run", textContent: t("Run without answering") }));
  if (lesson.quiz) {
    row.push(make("button", { type: "button", className: "ask-check", textContent: t("Check") }));
    if (state.phase !== "done") row.push(make("button", { type: "button", className: "quiet ask-live", textContent: t("Show it live") }));
  }
  const feedback = [];
  if (state.phase === "checked" || state.phase === "done") {
    let verdict;
    if (lesson.quiz) {
      const ok = state.chosen.length && [...state.chosen].sort().join() === [...ask.answer].sort().join();
      verdict = state.chosen.length ? (ok ? t("Right ✓") : t("Not quite ✗ — the right answers: {right}.", { right: rightText })) : t("Answer: {right}.", { right: rightText });
    } else if (state.chosen.length) {
      verdict = ask.answer.includes(state.chosen[0]) ? t("Your prediction held ✓ ({right})", { right: rightText }) : t("Your prediction did not hold ✗ — it was: {right}.", { right: rightText });
    } else {
      verdict = t("Answer: {right}.", { right: rightText });
    }
    feedback.push(make("strong", { className: "ask-verdict", textContent: verdict }), " ", make("span", { className: "ask-explain", textContent: t(lesson.explain) }));
    for (const report of state.reports ?? []) {
      const span = make("span", { className: `ask-report ask-${report.kind}`, textContent: t(REPORTS[report.kind], report.text) });
      span.dataset.values = JSON.stringify(report.values ?? {});
      feedback.push(" ", span);
    }
  }
  if (state.phase === "asking" && state.nudge) feedback.push(t("Choose an answer first."));
  const action = lesson.action && state.phase === "done" ? make("button", { type: "button", className: "ask-action", textContent: t(ACTIONS[lesson.action]) }) : null;
  // after a step's run only what held and why stay, so the step still fits a 1280×720 screen; a quiz keeps its choices
  const rows = state.phase === "done" && !lesson.quiz ? [] : [make("div", { className: "ask-row" }, row)];
  root.replaceChildren(...rows, make("p", { className: "ask-feedback" }, [...feedback, ...(action ? [" ", action] : [])]));
  root.querySelector(".ask-run")?.addEventListener("click", on.run);
  root.querySelector(".ask-check")?.addEventListener("click", on.check);
  root.querySelector(".ask-live")?.addEventListener("click", on.live);
  action?.addEventListener("click", on.action);
}


/** A second run in this page's wasm: the page's run (`query`) with `over` on top, trained `n` iterations. */
function sideMetrics(query, over, n) {
  const pairs = [...new URLSearchParams(query)].filter(([k]) => !(k in over) && k !== "lesson" && k !== "quiz");
  for (const [k, v] of Object.entries(over)) pairs.push([k, Array.isArray(v) ? v.join(",") : String(v)]);
  const pg = new Playground(pairs.map(([k]) => k), pairs.map(([, v]) => v));
  try {
    pg.train(n);
    return JSON.parse(pg.metricsJson());
  } finally {
    pg.free();
  }
}

/** The run without regularization: the page's data, network and initialization, every regularizer off. */
function baselineOf(page, over, n) {
  const layers = page.config().layers;
  return sideMetrics(page.pg.query(), { ...over, keep: layers.length ? layers.map(() => 1) : [] }, n);
}

/** The live numbers a step reports after its run: a list of { kind, text, values }. */
export async function reportsOf(lesson, page, noRegularization) {
  const m = page.metrics();
  const reports = [];
  let run;
  const baseline = () => (run ??= baselineOf(page, noRegularization, m.iteration));
  const one = reportOf(lesson, page, m, baseline);
  if (one) reports.push(one);
  if (lesson.baseline) {
    const b = baseline();
    const values = { dev0: b.devError, dev: m.devError, cost0: b.devCost, cost: m.devCost, norm0: b.weightNorm, norm: m.weightNorm, iteration: m.iteration };
    reports.push({
      kind: "baseline",
      values,
      text: { dev0: percent(b.devError), dev: percent(m.devError), cost0: number(b.devCost, 3), cost: number(m.devCost, 3), norm0: number(b.weightNorm, 2), norm: number(m.weightNorm, 2) },
    });
  }
  return reports;
}

/** `baseline()`: the metrics of the same run without regularization. */
function reportOf(lesson, page, m, baseline) {
  switch (lesson.report) {
    case "overfit":
      return { kind: "overfit", values: { train: m.trainError, dev: m.devError, norm: m.weightNorm }, text: { train: percent(m.trainError), dev: percent(m.devError), norm: number(m.weightNorm, 2) } };
    case "decay":
      return { kind: "decay", values: { decay: m.weightDecay }, text: { decay: number(m.weightDecay, 6) } };
    case "units": {
      const { weights } = JSON.parse(page.pg.modelJson());
      const outs = weights.slice(1).flatMap((w) => w[0].map((_, j) => Math.hypot(...w.map((row) => row[j]))));
      const units = outs.filter((n) => n >= MATTERS).length;
      return { kind: "units", values: { units, count: outs.length }, text: { units, count: outs.length, matters: MATTERS } };
    }
    case "linear": {
      const b = baseline();
      const values = { linear0: b.linearFraction, linear: m.linearFraction, r20: b.linearity, r2: m.linearity };
      const text = { linear0: percent(b.linearFraction), linear: percent(m.linearFraction), r20: b.linearity.toFixed(3), r2: m.linearity.toFixed(3) };
      return { kind: "linear", values, text };
    }
    case "plain": {
      const plain = sideMetrics(page.pg.query(), { inverted: "0" }, m.iteration);
      return { kind: "plain", values: { inverted: m.devCost, plain: plain.devCost }, text: { inverted: number(m.devCost, 3), plain: number(plain.devCost, 3) } };
    }
    case "jcheck": {
      const cost = page.history().cost;
      const steps = cost.length - 1;
      const rises = cost.slice(1).filter((c, i) => c > cost[i]).length;
      return { kind: "jcheck", values: { steps, rises }, text: { steps, rises, falls: steps - rises } };
    }
    case "early": {
      const h = page.history();
      const at = m.bestIteration ?? m.iteration;
      const l2 = sideMetrics(page.pg.query(), { reg: "l2", lambda: 0.7, patience: 0 }, 2000).weightNorm;
      const values = { start: h.weightNorm[0], best: m.weightNorm, at, l2 };
      return { kind: "early", values, text: { start: number(values.start, 2), best: number(values.best, 2), at, l2: number(l2, 2) } };
    }
    default:
      return null;
  }
}
