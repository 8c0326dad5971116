// "Predict, then run": a lecture step's question, its choices and, after the run, which
// prediction held and why, with the live numbers of the step (reportOf). The quiz steps
// check the learner's answers and offer to show the point live.

import { Playground } from "./pkg/regplay.js";
import { MATTERS } from "./lessons.js";
import { make, fill } from "./dom.js";

export const QUESTION_TEXT = {
  en: {
    predict: "Predict, then run:", run: "Run without answering", check: "Check", live: "Show it live",
    held: "Your prediction held ✓ ({right})", missed: "Your prediction did not hold ✗ — it was: {right}.", answer: "Answer: {right}.",
    right: "Right ✓", wrong: "Not quite ✗ — the right answers: {right}.", pick: "Choose an answer first.",
    dropoutOn: "Now turn dropout on (keep_prob = 0.8)",
    decay: "Every step: W := {decay} · W − α (from backprop); ‖W‖_F = {norm}.",
    units: "Hidden units that still matter (‖weights out‖ ≥ {matters}): {units} of {count}.",
    plain: "Dev-set cost: inverted {inverted}, plain (no division) {plain}.",
    jcheck: "Over the {steps} recorded steps J fell {falls} times and rose {rises} times.",
    ltr: "ABCD",
  },
  ko: {
    predict: "예측한 뒤 실행:", run: "답하지 않고 실행", check: "채점", live: "직접 보기",
    held: "예측이 맞았습니다 ✓ ({right})", missed: "예측과 달랐습니다 ✗ — 답: {right}.", answer: "답: {right}.",
    right: "정답입니다 ✓", wrong: "아쉽습니다 ✗ — 정답: {right}.", pick: "먼저 답을 고르세요.",
    dropoutOn: "이제 드롭아웃 켜기 (keep_prob = 0.8)",
    decay: "매 단계 W := {decay} · W − α (역전파에서 온 값), ‖W‖_F = {norm}.",
    units: "아직 영향력이 있는 은닉 유닛 (나가는 가중치의 노름 ≥ {matters}): {count}개 중 {units}개.",
    plain: "개발 세트 비용: 역 드롭아웃 {inverted}, 나누지 않는 드롭아웃 {plain}.",
    jcheck: "기록된 {steps}개 구간에서 J가 {falls}번 줄고 {rises}번 올랐습니다.",
    ltr: "ABCD",
  },
};


/**
 * Draws the question of `lesson` into `root` for `state` ({ chosen: indices, phase: "asking",
 * "checked" or "done", report }); `on` has choose(i), run(), check(), live(), action().
 */
export function renderQuestion(root, lesson, lang, state, on) {
  const w = QUESTION_TEXT[lang];
  const ask = lesson.ask;
  const letter = (i) => w.ltr[i];
  const rightText = ask.answer.map((i) => `${letter(i)}. ${ask.choices[i][lang].replace(/\.$/, "")}`).join(" · ");
  const choices = ask.choices.map((choice, i) => {
    const button = make("button", { type: "button", className: "choice", textContent: `${letter(i)}. ${choice[lang]}` });
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
  if (!lesson.quiz) row.push(make("span", { className: "ask-q", textContent: `${w.predict} ${ask.q[lang]}` }));
  row.push(...choices);
  if (!lesson.quiz && state.phase === "asking") row.push(make("button", { type: "button", className: "quiet ask-run", textContent: w.run }));
  if (lesson.quiz) {
    row.push(make("button", { type: "button", className: "ask-check", textContent: w.check }));
    row.push(make("button", { type: "button", className: "quiet ask-live", textContent: w.live }));
  }
  const feedback = [];
  if (state.phase === "checked" || state.phase === "done") {
    let verdict;
    if (lesson.quiz) {
      const ok = state.chosen.length && [...state.chosen].sort().join() === [...ask.answer].sort().join();
      verdict = state.chosen.length ? (ok ? w.right : fill(w.wrong, { right: rightText })) : fill(w.answer, { right: rightText });
    } else if (state.chosen.length) {
      verdict = fill(ask.answer.includes(state.chosen[0]) ? w.held : w.missed, { right: rightText });
    } else {
      verdict = fill(w.answer, { right: rightText });
    }
    feedback.push(make("strong", { textContent: verdict }), ` ${ask.why[lang]}`);
    if (state.report) feedback.push(" ", make("span", { className: "ask-report", textContent: fill(w[state.report.kind], state.report) }));
  }
  if (state.phase === "asking" && state.nudge) feedback.push(w.pick);
  const action = lesson.action && state.phase === "done" ? make("button", { type: "button", className: "ask-action", textContent: w[lesson.action] }) : null;
  // after the run only what held and why stay, so the step still fits a 1280×720 screen
  const rows = state.phase === "done" ? [] : [make("div", { className: "ask-row" }, row)];
  root.replaceChildren(...rows, make("p", { className: "ask-feedback" }, feedback), ...(action ? [action] : []));
  root.querySelector(".ask-run")?.addEventListener("click", on.run);
  root.querySelector(".ask-check")?.addEventListener("click", on.check);
  root.querySelector(".ask-live")?.addEventListener("click", on.live);
  action?.addEventListener("click", on.action);
}

/** The live numbers a step reports after its run, or null. */
export async function reportOf(lesson, page) {
  const m = page.metrics();
  switch (lesson.report) {
    case "decay":
      return { kind: "decay", decay: m.weightDecay.toFixed(6), norm: m.weightNorm.toFixed(3) };
    case "units": {
      const { weights } = JSON.parse(page.pg.modelJson());
      const outs = weights.slice(1).flatMap((w) => w[0].map((_, j) => Math.hypot(...w.map((row) => row[j]))));
      return { kind: "units", units: outs.filter((n) => n >= MATTERS).length, count: outs.length, matters: MATTERS };
    }
    case "plain": {
      const pairs = [...new URLSearchParams(page.pg.query())].map(([k, v]) => [k, k === "inverted" ? "0" : v]);
      const plain = new Playground(pairs.map(([k]) => k), pairs.map(([, v]) => v));
      try {
        plain.train(m.iteration);
        return { kind: "plain", inverted: m.devCost.toFixed(3), plain: JSON.parse(plain.metricsJson()).devCost.toFixed(3) };
      } finally {
        plain.free();
      }
    }
    case "jcheck": {
      const cost = page.history().cost;
      const steps = cost.length - 1;
      const rises = cost.slice(1).filter((c, i) => c > cost[i]).length;
      return { kind: "jcheck", steps, rises, falls: steps - rises };
    }
    default:
      return null;
  }
}
