// Lecture mode: the lecture "Regularizing a neural network" as steps in its order (lessons.js).
// Each step sets the controls, replays the run from the start, asks its question, trains once
// answered (or on "Run"), opens the instrument that shows the point, rings the controls that
// matter and says what is now on the screen and which prediction held. The link of a step
// (`lesson=N` beside the settings) reopens the lecture at that step; `quiz=9` / `quiz=10`
// opens the lecture's quiz.

import { LESSONS, COURSE_SETUP, NO_REGULARIZATION } from "./lessons.js";
import { renderQuestion, reportsOf } from "./lecture-ask.js";
import { showPair, hidePair, label as labelPair } from "./lecture-pair.js";
import { budgetTrainer } from "./budget.js";
import { enterMode, leaveMode } from "./keyboard.js";
import { t } from "./i18n.js";

export { LESSONS, COURSE_SETUP };
const HIGHLIGHT = "lecture-highlight";
const CONCEAL = "lecture-conceal"; // what would give the answer away, blank until the step has run
const STOP_LIMIT = 20_000; // a step that plays until early stopping stops gives up here
const KEYS = { PageDown: 1, KeyN: 1, PageUp: -1, KeyP: -1 };
const CHOICE_KEYS = { Digit1: 0, Digit2: 1, Digit3: 2, Digit4: 3 };
const QUIZ_STEP = Object.fromEntries(LESSONS.map((lesson, i) => [lesson.quiz, i + 1]).filter(([quiz]) => quiz));

const $ = (id) => document.getElementById(id);
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

let page = null; // the page's context, from the first attachLecture/startLecture
let lecture = null; // while the mode is on: { step (1-based), run (which showing of a step is current), ask (the question's state) }

/** `lesson=N` (or `quiz=9`) while the lecture is on, else "": the page adds it to the hash it writes. */
export function lessonQuery() {
  if (!lecture) return "";
  const quiz = LESSONS[lecture.step - 1].quiz;
  return quiz ? `quiz=${quiz}` : `lesson=${lecture.step}`;
}

/**
 * Wires the page's "Lecture" button and, when the link holds `lesson=N` or `quiz=9|10`, opens
 * that step. `pairs`: the link's [key, value] pairs, as read before the page rewrote its hash.
 */
export function attachLecture(context, pairs = []) {
  wire(context);
  onClick("lecture-start", () => startLecture(page, 1));
  showWords();
  return openLinkedLesson(pairs);
}

/**
 * Opens the step a link's `lesson=N` or `quiz=9|10` names (the last one given), or says on the
 * page why it cannot; null when the link names none. `lesson` takes the same forms as every
 * integer setting (the core's table checks it, as it checks `points`).
 */
export function openLinkedLesson(pairs) {
  const found = pairs.findLast(([key]) => key === "lesson" || key === "quiz");
  if (!found || !page) return null;
  const [key, value] = found;
  let step = key === "quiz" ? QUIZ_STEP[value] : null;
  if (key === "lesson") {
    try {
      page.guard(() => page.pg.validate(["lesson"], [value]));
      step = Number(value);
    } catch {
      step = null;
    }
  }
  if (!Number.isInteger(step) || step < 1 || step > LESSONS.length) {
    const problem = key === "quiz" ? "quiz={value} is not one of the lecture's quizzes: use 9 or 10" : "lesson={value} is not a lecture step: use 1 to {count}";
    page.showMessage(t(problem, { value: JSON.stringify(String(value).slice(0, 60)), count: LESSONS.length }), { id: "lesson" });
    return null;
  }
  const settingKeys = new Set(Object.keys(page.config()));
  return startLecture(page, step, { keepKeys: pairs.map(([k]) => k).filter((k) => settingKeys.has(k)) });
}

/**
 * Opens the lecture at `step` (1-based) and asks its question; resolves once the step is ready
 * for it (`data-state="asking"`). `keepKeys`: settings a link gave, which keep their values
 * instead of the step's, so a shared link reopens its exact run.
 */
function startLecture(context, step = 1, { keepKeys = [] } = {}) {
  wire(context);
  lecture = { step: Math.min(Math.max(1, Math.floor(step) || 1), LESSONS.length), run: 0 };
  enterMode("lecture", lectureKey);
  $("lecture").hidden = false;
  return showLesson(keepKeys);
}

export function stopLecture() {
  if (!lecture) return;
  if ($("lecture").contains(document.activeElement)) document.activeElement.blur(); // the page's keys work again
  lecture = null;
  leaveMode("lecture");
  page.closeCompare?.();
  hidePair();
  clearHighlights();
  $("lecture").hidden = true;
  delete $("lecture").dataset.state;
  page.set({}); // rewrites the hash, now without lesson=
}

function go(delta) {
  const step = lecture.step + delta;
  if (step < 1 || step > LESSONS.length) return;
  page.closeCompare?.();
  hidePair();
  lecture.step = step;
  showLesson();
}

/** The step: its settings, a fresh run, its tab, its rings, words and question. */
async function showLesson(keepKeys = []) {
  const lesson = LESSONS[lecture.step - 1];
  const run = ++lecture.run;
  const now = () => run === lecture?.run;
  lecture.ask = { chosen: [], phase: "asking", reports: [], run, now };
  hidePair();
  page.pause();
  const current = page.config();
  const settings = { ...COURSE_SETUP, ...lesson.settings };
  for (const key of keepKeys) if (key in settings) settings[key] = current[key];
  const loading = page.set(settings); // the page writes the hash, lessonQuery() included
  if (loading) await loading.catch(() => {}); // digits mode's data, fetched on first use
  if (!now()) return;
  page.reset();
  $("lecture").dataset.state = "opening";
  showWords();
  clearHighlights();
  if (lesson.tab) await page.openTab(lesson.tab);
  if (!now()) return;
  ring(lesson.highlight);
  conceal(lesson.conceal ?? []);
  $("lecture").dataset.state = "asking";
}

/** Runs the step (after an answer or "Run"): trains, then says which prediction held. */
async function runLesson(live = false) {
  const lesson = LESSONS[lecture.step - 1];
  const { now } = lecture.ask;
  if (!now() || $("lecture").dataset.state === "training") return;
  $("lecture").dataset.state = "training";
  if (!lesson.quiz) lecture.ask.phase = "done";
  showWords();
  if (live) {
    const loading = page.set({ ...COURSE_SETUP, ...lesson.live });
    if (loading) await loading.catch(() => {}); // digits mode's data, fetched on first use
    page.reset();
    await page.openTab(lesson.liveTab);
    ring(lesson.highlight);
    await trainTo(2000, now);
  } else if (lesson.train === "play") {
    if (lesson.runSettings) page.set(lesson.runSettings);
    page.play();
    while (now() && page.metrics().status === "training" && page.metrics().iteration < STOP_LIMIT) await nextFrame();
    page.pause();
  } else if (lesson.runSettings) {
    page.set(lesson.runSettings);
    page.reset();
    await trainTo(lesson.train, now);
  } else if (lesson.train === "sweep") {
    await runSweepPanel(now);
  } else if (lesson.train > 0) {
    await trainTo(lesson.train, now);
  }
  if (!now()) return;
  unconceal();
  lecture.ask.reports = await reportsOf(lesson, page, NO_REGULARIZATION);
  if (!now()) return;
  showWords();
  if (lesson.pair && (live || !lesson.quiz)) {
    const host = document.querySelector(".output-grid");
    await showPair(lesson.pair, host, page.pg.query(), page.metrics().iteration, now);
    if (!now()) return;
  }
  showRinged(); // the explanation made the bar taller: the ringed controls come back into view
  $("lecture").dataset.state = "ready";
}

/** Trains up to `target` iterations within the frame's time budget (budget.js), a frame between. */
async function trainTo(target, now) {
  const trainer = budgetTrainer(); // learns what a slice costs, so a heavy setup never makes a long frame
  let m = page.metrics();
  while (now() && m.iteration < target && m.status === "training") {
    const per = page.pg.slicesPerIteration();
    trainer.run((k) => (m = page.trainSlices(k), k), target - m.iteration, per);
    await nextFrame();
  }
}

/** The λ sweep panel's own run, so its chart and list show the result; resolves when it is done. */
async function runSweepPanel(now) {
  const button = document.querySelector("#panel-sweep .sweep-run");
  const list = document.querySelector("#panel-sweep .sweep-points");
  if (!button || !list) return;
  button.click();
  while (now() && (button.getAttribute("aria-disabled") === "true" || list.children.length === 0)) await nextFrame();
}

/** The learner's moves on the question: choose (runs a prediction step at once), run, check, live. */
const answering = {
  choose(i) {
    const { ask } = lecture;
    const lesson = LESSONS[lecture.step - 1];
    if (lesson.quiz) {
      if (ask.phase === "done") return;
      ask.chosen = lesson.ask.multiple ? (ask.chosen.includes(i) ? ask.chosen.filter((c) => c !== i) : [...ask.chosen, i]) : [i];
      ask.phase = "asking";
      showWords();
    } else if (ask.phase === "asking" && $("lecture").dataset.state === "asking") {
      ask.chosen = [i];
      runLesson();
    }
  },
  run: () => runLesson(),
  check() {
    lecture.ask.nudge = lecture.ask.chosen.length === 0;
    if (!lecture.ask.nudge) lecture.ask.phase = "checked";
    showWords();
  },
  live() {
    lecture.ask.phase = "done";
    runLesson(true);
  },
  action() {
    page.set({ keep: [0.8, 0.8] });
    page.play();
  },
};

/** The bar's words in the page's language (again whenever <html lang> changes). */
function showWords() {
  $("lecture-start").textContent = t("Lecture");
  if (!lecture) return;
  const lesson = LESSONS[lecture.step - 1];
  $("lecture").setAttribute("aria-label", t("Lecture"));
  $("lecture-title").textContent = t(lesson.title);
  $("lecture-caption").textContent = t(lesson.setup);
  labelPair();
  renderQuestion($("lecture-question"), lesson, lecture.ask, answering);
  $("lecture-counter").textContent = `${lecture.step} / ${LESSONS.length}`;
  $("lecture-prev").setAttribute("aria-label", t("Previous step"));
  $("lecture-prev").title = `${t("Previous step")} (PageUp, P)`;
  $("lecture-next").setAttribute("aria-label", t("Next step"));
  $("lecture-next").title = `${t("Next step")} (PageDown, N)`;
  $("lecture-exit").textContent = t("Exit");
  $("lecture-exit").title = `${t("Exit")} (Esc)`;
  $("lecture-compare").textContent = t("Side by side: copies vs new points");
  $("lecture-compare").hidden = !(lesson.compare && page.openCompare);
  $("lecture-prev").disabled = lecture.step === 1;
  $("lecture-next").disabled = lecture.step === LESSONS.length;
}

/** A button that gives the focus back after a pointer click, so Space then plays instead of clicking it again. */
function onClick(id, action) {
  $(id).addEventListener("click", (event) => {
    if (event.detail) event.currentTarget.blur();
    action();
  });
}

function ring(selectors) {
  for (const selector of selectors) document.querySelectorAll(selector).forEach((e) => e.classList.add(HIGHLIGHT));
  showRinged();
}

function showRinged() {
  // a ringed control below its panel's edge is scrolled into view inside the panel, never the page
  for (const e of document.querySelectorAll(`.${HIGHLIGHT}`)) e.scrollIntoView({ block: "nearest", inline: "nearest" });
  document.scrollingElement.scrollTop = 0;
  document.scrollingElement.scrollLeft = 0;
}

function clearHighlights() {
  document.querySelectorAll(`.${HIGHLIGHT}`).forEach((e) => e.classList.remove(HIGHLIGHT));
  unconceal();
}

function conceal(selectors) {
  for (const selector of selectors) document.querySelectorAll(selector).forEach((e) => e.classList.add(CONCEAL));
}

function unconceal() {
  document.querySelectorAll(`.${CONCEAL}`).forEach((e) => e.classList.remove(CONCEAL));
}

/** The lecture's keys while it is on (keyboard.js routes them): Esc, PageDown/N, PageUp/P, 1–4. */
function lectureKey(code) {
  if (code === "Escape") return stopLecture;
  if (KEYS[code]) return () => go(KEYS[code]);
  if (CHOICE_KEYS[code] < LESSONS[lecture.step - 1].ask.choices.length) return () => answering.choose(CHOICE_KEYS[code]);
  return undefined;
}

/** Once: the bar's buttons and the language. */
function wire(context) {
  if (page) return;
  page = context;
  onClick("lecture-prev", () => go(-1));
  onClick("lecture-next", () => go(1));
  onClick("lecture-exit", stopLecture);
  onClick("lecture-compare", () => page.openCompare(LESSONS[lecture.step - 1].compare));
  new MutationObserver(showWords).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
}
