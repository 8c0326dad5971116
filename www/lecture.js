// Lecture mode: the lecture "Regularizing a neural network" as seven presets
// in its order. Each step sets the controls, replays the run from the start and trains it,
// opens the instrument that shows the point, rings the controls that matter and says in two
// or three sentences, in the lecture's notation, what is now on the screen. The link of a
// step (`lesson=N` beside the settings) reopens the lecture at that step.

// Every user-visible word of the mode's frame; the steps carry their own words.
const TEXT = {
  en: {
    lecture: "Lecture", previous: "Previous step", next: "Next step", exit: "Exit",
    compare: "Side by side: copies vs new points",
    badLesson: "lesson={value} is not a lecture step: use 1 to {count}",
  },
  ko: {
    lecture: "강의", previous: "이전 단계", next: "다음 단계", exit: "끝내기",
    compare: "나란히 보기: 복사본 대 새 데이터",
    badLesson: "lesson={value}: 강의 단계는 1부터 {count}까지입니다",
  },
};

/** The run every step starts from: the course's 2→20→3→1 tanh network on the goalkeeper data. */
export const COURSE_SETUP = {
  dataset: "keeper", points: 400, noise: 25, train: 50, seed: 1, features: ["x1", "x2"], layers: [20, 3], act: "tanh",
  lr: 0.5, batch: 0, reg: "none", lambda: 0, keep: [1, 1], patience: 0, augment: [], checkj: false,
};

const ALL_FEATURES = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"];

/**
 * The steps, in the lecture's order. `settings` go on top of COURSE_SETUP; `train` is how
 * many iterations to run from the start, or "play"; `highlight` selects the controls and
 * readouts that matter; `tab` is the instrument to open; `compare`, the Compare view's preset
 * the bar offers (when the page has that view). Every claim a caption makes is
 * checked on the real model by tests/browser/lecture.test.mjs.
 */
export const LESSONS = [
  {
    title: { en: "Overfitting: where we start", ko: "과대적합 (overfitting): 출발점" },
    caption: {
      en: "The course's 2→20→3→1 tanh network, no regularization, 2,000 iterations. The boundary bends around single "
        + "training points: training error below dev error, and the dev cost rising since its minimum (Curves) — high variance.",
      ko: "강의의 2→20→3→1 tanh 신경망, 정규화 (regularization) 없이 2,000번 학습. 경계가 훈련 샘플 하나하나를 따라 휘어 "
        + "훈련 오차 (training error)가 개발 세트 오차 (dev error)보다 낮고, 개발 세트 비용 (dev cost)은 최저점 이후 오릅니다 "
        + "(곡선 탭) — 높은 분산 (high variance).",
    },
    settings: {},
    train: 2000,
    highlight: ["#boundary", "#train-accuracy", "#dev-accuracy", "#tab-curves"],
    tab: "curves",
  },
  {
    title: { en: "L2 regularization, λ = 0.7", ko: "L2 정규화 (L2 regularization), λ = 0.7" },
    caption: {
      en: "J = (1/m) Σ L + (λ/2m) Σ‖W[l]‖²: each step multiplies W[l] by 1 − αλ/m (weight decay). ‖W‖ stays small, "
        + "the boundary smooths, the dev cost falls. The λ sweep tries many λ: pick the one with the lowest dev error.",
      ko: "J = (1/m) Σ L + (λ/2m) Σ‖W[l]‖²: 매 단계 W[l]에 1 − αλ/m이 곱해집니다 (가중치 감쇠, weight decay). ‖W‖가 작게 "
        + "유지되어 경계가 매끄러워지고 개발 세트 비용 (dev cost)이 내려갑니다. λ 탐색 (sweep)으로 여러 λ를 시도해 개발 세트 "
        + "오차 (dev error)가 가장 낮은 λ를 고르세요.",
    },
    settings: { reg: "l2", lambda: 0.7 },
    train: 2000,
    highlight: ["#reg", "#lambda", "#decay", "#weight-norm", "#tab-sweep", "#panel-sweep .sweep-run"],
    tab: "sweep",
  },
  {
    title: { en: "tanh's linear region: λ = 10", ko: "tanh의 선형 영역 (linear region): λ = 10" },
    caption: {
      en: "λ↑ → W[l]↓ → z[l] = W[l] a[l−1] + b[l]↓, and near 0 tanh(z) ≈ z. About half of all z now lie in tanh's "
        + "linear region: every layer is nearly linear, the boundary nearly straight (tanh). Too large a λ underfits: training error rises.",
      ko: "λ↑ → W[l]↓ → z[l] = W[l] a[l−1] + b[l]↓, 그리고 0 근처에서 tanh(z) ≈ z입니다. 이제 z의 약 절반이 tanh의 선형 영역에 있어 "
        + "모든 층이 거의 선형, 경계는 거의 직선입니다 (tanh 탭). λ가 너무 크면 과소적합 (underfitting): 훈련 오차 (training error)가 오릅니다.",
    },
    settings: { reg: "l2", lambda: 10 },
    train: 2000,
    highlight: ["#lambda", "#linear", "#tab-tanh"],
    tab: "tanh",
  },
  {
    title: { en: "L1: sparse weights, λ = 6", ko: "L1 정규화: 희소한 가중치 (sparse weights), λ = 6" },
    caption: {
      en: "Seven input features, J = (1/m) Σ L + (λ/2m) Σ|W[l]|. L1's pull (λ/2m)·sign(w) ignores the size of w, so small "
        + "weights reach exactly 0 and stay there: most of W is 0 (Weights). A feature whose weights in W[1] are all 0 is "
        + "dropped — feature selection.",
      ko: "입력 특성 (feature) 7개, J = (1/m) Σ L + (λ/2m) Σ|W[l]|. L1의 기울기 (λ/2m)·sign(w)는 w의 크기와 무관해서 작은 "
        + "가중치는 정확히 0이 되어 남습니다: W의 대부분이 0 (가중치 탭). W[1]의 가중치가 모두 0인 특성은 빠집니다 — "
        + "특성 선택 (feature selection).",
    },
    settings: { features: ALL_FEATURES, reg: "l1", lambda: 6 },
    train: 2000,
    highlight: ["#features", "#reg", "#lambda", "#zero-weights", "#tab-weights"],
    tab: "weights",
  },
  {
    title: { en: "Dropout, keep_prob = 0.86", ko: "드롭아웃 (dropout), keep_prob = 0.86" },
    caption: {
      en: "Inverted dropout: d[l] = rand < keep_prob anew each iteration, a[l] = a[l]·d[l]/keep_prob — dropped units "
        + "flicker. No unit can rely on one input, so ‖W‖ stays smaller, as with L2. J with dropout is noisy and not well "
        + "defined, so the course debugs at keep_prob = 1 first (“check J” adds J without dropout).",
      ko: "역 드롭아웃 (inverted dropout): 반복마다 새로 d[l] = rand < keep_prob, a[l] = a[l]·d[l]/keep_prob — 꺼진 유닛이 "
        + "깜박입니다. 어떤 유닛도 한 입력에 의존할 수 없어 L2처럼 ‖W‖가 작게 유지됩니다. 드롭아웃을 쓰면 J가 들쭉날쭉하고 "
        + "잘 정의되지 않아, 강의는 keep_prob = 1로 먼저 디버깅합니다 (“J 확인”은 드롭아웃 없는 J를 더합니다).",
    },
    settings: { keep: [0.86, 0.86], checkj: true },
    train: "play",
    highlight: ["#keep-controls", "#network", "label:has(> #checkj)"],
    tab: "curves",
  },
  {
    title: { en: "Data augmentation", ko: "데이터 증강 (data augmentation)" },
    caption: {
      en: "Jitter (σ = 0.3) and rotations up to ±15° copy every training point once per kind: 200 real + 400 augmented "
        + "(faded). The dev error falls, but copies are not independent: less information than new data. The dev set "
        + "stays real; a left–right flip would mislabel this field.",
      ko: "흔들기 (jitter, σ = 0.3)와 ±15° 이내 회전 (rotate)이 훈련 샘플마다 종류별로 복사본을 하나씩 만듭니다: 실제 200 + "
        + "증강 400 (흐린 점). 개발 세트 오차 (dev error)는 내려가지만, 복사본은 독립적이지 않아 새 데이터보다 정보가 적습니다. "
        + "개발 세트는 실제 그대로이며, 좌우 반전 (flip)은 이 데이터의 레이블을 틀리게 만듭니다.",
    },
    settings: { augment: ["jitter", "rotate"] },
    train: 2000,
    highlight: ["#augment", "#augment-count", "#boundary"],
    tab: "curves",
    compare: "augmentation",
  },
  {
    title: { en: "Early stopping, patience 1000", ko: "조기 종료 (early stopping), patience 1000" },
    caption: {
      en: "The dev cost falls, then rises; training stops 1,000 iterations past its minimum (best) and restores those "
        + "weights. ‖W‖ grows with training, so stopping early keeps a mid-sized W, like L2 — but it mixes optimizing J "
        + "with preventing overfitting (orthogonalization).",
      ko: "개발 세트 비용 (dev cost)은 줄다가 다시 오릅니다; 최저점 (최적, best) 뒤 1,000번째 반복에서 멈추고 그때의 가중치를 "
        + "되돌립니다 (곡선 탭). 학습할수록 ‖W‖가 커지므로 일찍 멈추면 중간 크기의 W를 얻어 L2와 비슷하지만, J 최적화와 과대적합 방지를 "
        + "한 도구가 섞습니다 (직교화, orthogonalization).",
    },
    settings: { patience: 1000 },
    train: "play",
    highlight: ["#patience", "#weight-norm", "#tab-curves"],
    tab: "curves",
  },
];

const HIGHLIGHT = "lecture-highlight";
const SLICE_MS = 12; // training per animation frame while a step trains, so the page keeps drawing
const FIELDS = new Set(["INPUT", "SELECT", "TEXTAREA"]);
const KEYS = { PageDown: 1, KeyN: 1, PageUp: -1, KeyP: -1 };

const $ = (id) => document.getElementById(id);
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

let page = null; // the page's context, from the first attachLecture/startLecture
let lecture = null; // while the mode is on: { step (1-based), run (which showing of a step is current) }

/** `lesson=N` while the lecture is on, else "": the page adds it to the hash it writes. */
export function lessonQuery() {
  return lecture ? `lesson=${lecture.step}` : "";
}

/**
 * Wires the page's "Lecture" button and, when the link holds `lesson=N`, opens that step.
 * `pairs`: the link's [key, value] pairs, as read before the page rewrote its hash.
 */
export function attachLecture(context, pairs = []) {
  wire(context);
  onClick("lecture-start", () => startLecture(page, 1));
  showWords();
  const lesson = pairs.findLast(([key]) => key === "lesson");
  if (!lesson) return null;
  const step = Number(lesson[1]);
  if (!Number.isInteger(step) || step < 1 || step > LESSONS.length) {
    page.showMessage(words().badLesson.replace("{value}", JSON.stringify(lesson[1])).replace("{count}", LESSONS.length), { id: "lesson" });
    return null;
  }
  const settingKeys = new Set(Object.keys(page.config()));
  return startLecture(page, step, { keepKeys: pairs.map(([key]) => key).filter((key) => settingKeys.has(key)) });
}

/**
 * Opens the lecture at `step` (1-based); resolves when the step has trained (or started to
 * play). `keepKeys`: settings a link gave, which keep their values instead of the step's, so
 * a shared link reopens its exact run.
 */
export function startLecture(context, step = 1, { keepKeys = [] } = {}) {
  wire(context);
  lecture = { step: Math.min(Math.max(1, Math.floor(step) || 1), LESSONS.length), run: 0 };
  $("lecture").hidden = false;
  return showLesson(keepKeys);
}

export function stopLecture() {
  if (!lecture) return;
  if ($("lecture").contains(document.activeElement)) document.activeElement.blur(); // the page's keys work again
  lecture = null;
  page.closeCompare?.();
  clearHighlights();
  $("lecture").hidden = true;
  delete $("lecture").dataset.state;
  page.set({}); // rewrites the hash, now without lesson=
}

function go(delta) {
  const step = lecture.step + delta;
  if (step < 1 || step > LESSONS.length) return;
  page.closeCompare?.();
  lecture.step = step;
  showLesson();
}

/** The step: its settings, a fresh run, its tab, its rings and words; then its training. */
async function showLesson(keepKeys = []) {
  const lesson = LESSONS[lecture.step - 1];
  const run = ++lecture.run;
  const now = () => run === lecture?.run;
  page.pause();
  const current = page.config();
  const settings = { ...COURSE_SETUP, ...lesson.settings };
  for (const key of keepKeys) if (key in settings) settings[key] = current[key];
  page.set(settings); // the page writes the hash, lessonQuery() included
  page.reset();
  $("lecture").dataset.state = "training";
  showWords();
  clearHighlights();
  if (lesson.tab) await page.openTab(lesson.tab);
  if (!now()) return;
  for (const selector of lesson.highlight) document.querySelectorAll(selector).forEach((e) => e.classList.add(HIGHLIGHT));
  if (lesson.train === "play") page.play();
  else await trainTo(lesson.train, now);
  if (now()) $("lecture").dataset.state = "ready";
}

/** Trains up to `target` iterations in slices of about SLICE_MS, a frame between them
 * (counted in the core's slices of an iteration, so a big network never blocks a frame). */
async function trainTo(target, now) {
  let chunk = 1; // grows from one iteration, so a heavy setup never starts with a long frame
  let m = page.metrics();
  while (now() && m.iteration < target && m.status === "training") {
    const start = performance.now();
    m = page.trainSlices(Math.min(chunk, (target - m.iteration) * page.pg.slicesPerIteration()));
    const ms = performance.now() - start;
    chunk = Math.max(1, Math.min(500, Math.round((chunk * SLICE_MS) / Math.max(ms, 1))));
    await nextFrame();
  }
}

function words() {
  return TEXT[page.lang()] ?? TEXT.en;
}

/** The bar's words in the page's language (again whenever <html lang> changes). */
function showWords() {
  const w = words();
  $("lecture-start").textContent = w.lecture;
  if (!lecture) return;
  const lang = page.lang() === "ko" ? "ko" : "en";
  const lesson = LESSONS[lecture.step - 1];
  $("lecture").setAttribute("aria-label", w.lecture);
  $("lecture-title").textContent = lesson.title[lang];
  $("lecture-caption").textContent = lesson.caption[lang];
  $("lecture-counter").textContent = `${lecture.step} / ${LESSONS.length}`;
  $("lecture-prev").setAttribute("aria-label", w.previous);
  $("lecture-prev").title = `${w.previous} (PageUp, P)`;
  $("lecture-next").setAttribute("aria-label", w.next);
  $("lecture-next").title = `${w.next} (PageDown, N)`;
  $("lecture-exit").textContent = w.exit;
  $("lecture-exit").title = `${w.exit} (Esc)`;
  $("lecture-compare").textContent = w.compare;
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

function clearHighlights() {
  document.querySelectorAll(`.${HIGHLIGHT}`).forEach((e) => e.classList.remove(HIGHLIGHT));
}

/** Once: the bar's buttons, the keys (by `event.code`, so a Korean layout works), the language. */
function wire(context) {
  if (page) return;
  page = context;
  onClick("lecture-prev", () => go(-1));
  onClick("lecture-next", () => go(1));
  onClick("lecture-exit", stopLecture);
  onClick("lecture-compare", () => page.openCompare(LESSONS[lecture.step - 1].compare));
  window.addEventListener("keydown", (event) => {
    if (!lecture || event.isComposing || event.keyCode === 229) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target && (FIELDS.has(target.tagName) || target.isContentEditable)) return;
    if (event.code === "Escape") {
      event.preventDefault();
      stopLecture();
    } else if (KEYS[event.code]) {
      event.preventDefault();
      go(KEYS[event.code]);
    }
  });
  new MutationObserver(showWords).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
}
