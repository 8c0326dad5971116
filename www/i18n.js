// Korean and English. The page is written in English; each text marked `data-t` (or a
// title/aria-label marked `data-t-title` / `data-t-aria`) and each t("…") in the modules is
// looked up here. Korean keeps the lecture's English term beside it, e.g. 정규화 (regularization).

import { KO_DOORS } from "./i18n_doors.js";
import { KO_PANELS } from "./i18n_panels.js";
import { KO_LECTURE } from "./i18n_lecture.js";
import { nearestKey, shown } from "./doors.js";

// The one Korean dictionary, keyed by the English text; the instruments', the lecture's and
// the guards' words live in files of their own.
const KO = {
  ...KO_DOORS,
  ...KO_PANELS,
  ...KO_LECTURE,
  // header and run bar
  "Regularization you can see: move λ and watch an overfit boundary relax.":
    "눈으로 보는 정규화: λ를 키우면 과대적합으로 구불구불해진 결정 경계가 매끄럽게 펴집니다.",
  Language: "언어",
  "Large text for projectors": "프로젝터용 큰 글씨",
  Fullscreen: "전체 화면",
  Embed: "임베드",
  "Copy an iframe snippet of this setup": "이 설정의 iframe 코드를 복사",
  "Copy link": "링크 복사",
  "Play / pause (Space)": "재생 / 일시정지 (Space)",
  "One iteration (→)": "한 번 반복 (→)",
  "Reset: the same start again (R)": "초기화: 같은 시작점에서 다시 (R)",
  Play: "재생",
  Pause: "일시정지",
  Step: "한 단계",
  Reset: "초기화",
  Iteration: "반복",
  Speed: "속도",
  "Learning rate α": "학습률 α",
  "Batch size": "배치 크기",
  "full batch": "전체 배치",
  Activation: "활성화 함수",
  Regularization: "정규화",
  none: "없음",
  "Early stop after": "조기 종료",
  "Stop when the dev cost has not improved for this many iterations, and restore the best weights":
    "개발 세트 비용이 이만큼 반복하는 동안 나아지지 않으면 멈추고 가장 좋았던 가중치로 되돌립니다",
  off: "끔",
  "Restore best": "최적 가중치 복원",
  "Put back the weights of the dev-cost minimum": "개발 세트 비용이 가장 낮았던 때의 가중치로 되돌립니다",
  // data
  Data: "데이터",
  Dataset: "데이터셋",
  Points: "샘플 수",
  Noise: "노이즈",
  "Training share": "훈련 비율",
  "New data": "새 데이터",
  "Dev points": "개발 세트 샘플",
  Discretize: "0/1로만 칠하기",
  Augmentation: "데이터 증식",
  "Data augmentation": "데이터 증식",
  Features: "입력 피쳐",
  "Input features": "입력 피쳐",
  "flip ↔": "좌우 대칭 ↔",
  "rotate ±15°": "회전 ±15°",
  jitter: "왜곡",
  "{real} real + {augmented} augmented training points": "훈련 샘플: 실제 {real}개 + 증식 {augmented}개",
  // network
  Network: "신경망",
  "Remove hidden layer": "은닉층 제거",
  "Add hidden layer": "은닉층 추가",
  "{n} hidden layers": "은닉층 {n}개",
  "1 hidden layer": "은닉층 1개",
  "0 hidden layers": "은닉층 없음 (로지스틱 회귀)",
  "Remove a neuron from layer {l}": "{l}층에서 뉴런 제거",
  "Add a neuron to layer {l}": "{l}층에 뉴런 추가",
  "W = 0 exactly": "정확히 W = 0",
  "dropped this iteration": "이번 반복에서 삭제된 유닛",
  "keep_prob < 1 turns on inverted dropout: a layer with many weights deserves a lower one.":
    "keep_prob < 1이면 역 드롭아웃이 켜집니다. 매개변수가 많은 층일수록 더 낮게 설정합니다.",
  "check J with keep_prob = 1": "keep_prob = 1로 J 확인",
  "The network: each neuron's output over the plane; links coloured by weight":
    "신경망: 각 뉴런의 출력을 평면 위에 그리고, 연결선은 가중치에 따라 색칠합니다",
  "Showing {label}: move off the network to see ŷ again": "{label}을(를) 보여 줍니다. 신경망에서 벗어나면 다시 ŷ가 보입니다",
  // output
  Output: "출력",
  "Decision boundary: training points filled, dev points outlined": "결정 경계: 훈련 샘플은 채움, 개발 세트 점은 테두리",
  "data cost + penalty": "데이터 비용 + 페널티 (정규화 항)",
  "dev cost": "개발 세트 비용",
  "train accuracy": "훈련 세트 정확도",
  "dev accuracy": "개발 세트 정확도",
  "weight decay 1 − αλ/m": "가중치 감쇠 1 − αλ/m",
  "weights = 0": "정확히 0인 가중치",
  "z in linear region": "선형 영역의 z",
  train: "훈련 세트",
  dev: "개발 세트",
  Instruments: "계기",
  Curves: "곡선",
  Weights: "가중치",
  "λ sweep": "λ 탐색",
  Norms: "노름",
  "Cost against iterations: data cost, penalty, dev cost": "반복에 따른 비용: 데이터 비용, 페널티, 개발 세트 비용",
  "Training and dev error against iterations": "반복에 따른 훈련 오차와 개발 세트 오차",
  // the curves panel's charts (charts.js, curveWords)
  "training J": "훈련 J",
  "data cost": "데이터 비용",
  penalty: "페널티",
  "training error": "훈련 오차",
  "dev error": "개발 세트 오차",
  iteration: "반복",
  best: "최적",
  "J with dropout": "드롭아웃 J",
  // messages
  "Link copied: it reopens this exact run.": "링크를 복사했습니다. 이 링크는 이 실행을 그대로 다시 엽니다.",
  "Copy this link: {link}": "이 링크를 복사하세요: {link}",
  "Embed code copied: {code}": "임베드 코드를 복사했습니다: {code}",
  "Copy this embed code: {code}": "이 임베드 코드를 복사하세요: {code}",
  Dismiss: "닫기",
  Reload: "새로 고침",
  "{problem}. Using the default instead.": "{problem}. 대신 기본값을 씁니다.",
  "Training diverged at iteration {iteration}: the cost or the weights are no longer finite numbers. Lower the learning rate α (now {lr}) or λ (now {lambda}), then reset.":
    "반복 {iteration}에서 학습이 발산했습니다: 비용이나 가중치가 더 이상 유한한 수가 아닙니다. 학습률 α (지금 {lr})나 λ (지금 {lambda})를 낮추고 초기화하세요.",
  // a refused setting (errorText)
  "{key}={value} is not valid: {reason}": "{key}={value}은(는) 올바르지 않습니다: {reason}",
  "{key} is not a setting — did you mean {near}?": "{key}은(는) 설정이 아닙니다 — {near}을(를) 뜻하셨나요?",
  "{key} takes {wanted} (or its text as in a link), not {value}": "{key}에는 {wanted}(또는 링크에 쓰는 텍스트)를 주세요. {value}은(는) 안 됩니다",
  "a number": "수", "a whole number": "정수", "a name": "이름", "true or false": "true 또는 false", "a list": "목록", "a value": "값",
  "This link has {count} values that cannot be used, so their defaults are used instead: {problems}.":
    "이 링크에는 쓸 수 없는 값이 {count}개 있어 기본값을 대신 씁니다: {problems}.",
  "{key} is not a setting; the settings are {options}": "{key}은(는) 설정이 아닙니다. 설정은 {options}입니다",
  "{key} is the same for every run; a run's own settings are {options}": "{key}은(는) 모든 실행에 같습니다. 실행마다 다른 설정은 {options}입니다",
  "use a number above {min}, up to {max}": "{min}보다 크고 {max} 이하인 수를 쓰세요",
  "use a whole number from {min} to {max}": "{min}에서 {max} 사이의 정수를 쓰세요",
  "use a number from {min} to {max}": "{min}에서 {max} 사이의 수를 쓰세요",
  "use one of {options}": "{options} 중 하나를 쓰세요",
  "use 1 or 0": "1 또는 0을 쓰세요",
  "an item is listed twice": "같은 항목이 두 번 나옵니다",
  "the network needs at least one input feature: use one or more of {options}": "신경망에는 입력 피쳐가 적어도 하나 필요합니다: {options} 중 하나 이상을 고르세요",
  "at most {count} items here": "여기에는 최대 {count}개까지입니다",
  "data from a CSV file cannot travel in a link; load the file again": "CSV 파일의 데이터는 링크에 담을 수 없습니다. 파일을 다시 불러오세요",
  "Fullscreen is not available here: {reason}": "여기서는 전체 화면을 쓸 수 없습니다: {reason}",
  "{message} — reload the page to start again.": "{message} — 페이지를 새로 고쳐 다시 시작하세요.",
  "The {name} panel could not load: {reason}": "{name} 패널을 불러오지 못했습니다: {reason}",
  // Data & export menu and the paste dialog
  "Data & export": "데이터 · 내보내기",
  "Data and export": "데이터와 내보내기",
  "Upload CSV…": "CSV 올리기…",
  "Paste CSV…": "CSV 붙여넣기…",
  "Download data CSV": "데이터 CSV 내려받기",
  "Download model JSON": "모델 JSON 내려받기",
  "Load model JSON…": "모델 JSON 불러오기…",
  "Boundary PNG": "결정 경계 PNG",
  "Dev images PNG": "개발 세트 이미지 PNG",
  "Cost chart PNG": "비용 그래프 PNG",
  "Error chart PNG": "오차 그래프 PNG",
  "Paste CSV": "CSV 붙여넣기",
  "A header line x1,x2,y (any order; optionally split = train, dev or test), then one row per point. y is 0 or 1 (−1 also counts as 0). Any scale: the points are fitted into the view.":
    "첫 줄은 머리글 x1,x2,y (순서 무관, split = train, dev, test 열은 선택), 그 다음 한 줄에 점 하나. y는 0 또는 1 (−1도 0으로 셉니다). 크기는 상관없이 화면에 맞춥니다.",
  "CSV text": "CSV 텍스트",
  Cancel: "취소",
  Load: "불러오기",
  "Loaded {rows} rows: {train} training and {dev} dev points. Your data stays in this browser; a link cannot carry it, so send the CSV file along with a link.":
    "{rows}행을 불러왔습니다: 훈련 샘플 {train}개, 개발 세트 점 {dev}개. 데이터는 이 브라우저에만 있습니다. 링크에는 담기지 않으니 CSV 파일을 함께 보내세요.",
  "Model loaded: training starts again from its weights, and Reset comes back to them. Your data stayed as it was.":
    "모델을 불러왔습니다: 그 가중치에서 다시 학습하며, 초기화하면 이 가중치로 돌아옵니다. 데이터는 그대로입니다.",
  "{name} could not be read: {reason}": "{name}을(를) 읽지 못했습니다: {reason}",
  "{name} is {size} MB, far more than a CSV of {rows} rows or a model file; is it the right file?":
    "{name}은(는) {size} MB로, {rows}행 CSV나 모델 파일보다 훨씬 큽니다. 맞는 파일인가요?",
  "Paste CSV text first: a header line x1,x2,y, then one row per point.": "먼저 CSV 텍스트를 붙여넣으세요: 머리글 x1,x2,y 다음에 한 줄에 점 하나.",
  "The picture could not be made: {reason}": "그림을 만들지 못했습니다: {reason}",
  "Link copied, but without your data: a link cannot carry a CSV file. Send the file along (Data & export → Download data CSV).":
    "링크를 복사했지만 데이터는 빠졌습니다: 링크에는 CSV 파일이 담기지 않습니다. 파일을 함께 보내세요 (데이터 · 내보내기 → 데이터 CSV 내려받기).",
  // the page title and the dataset names
  "regplay — a regularization playground": "regplay — 눈으로 보는 정규화",
  keeper: "골키퍼", circle: "원", xor: "사분면", gauss: "가우스", spiral: "나선", moons: "반달", digits: "손글씨 숫자",
  // the lecture's bar (lecture.js)
  Lecture: "강의",
  "Previous step": "이전 단계",
  "Next step": "다음 단계",
  Exit: "끝내기",
  "Side by side: copies vs new points": "나란히 보기: 복사본 대 새 데이터",
  "lesson={value} is not a lecture step: use 1 to {count}": "lesson={value}: 강의 단계는 1부터 {count}까지입니다",
  "quiz={value} is not one of the lecture's quizzes: use 9 or 10": "quiz={value}: 강의의 퀴즈는 9와 10입니다",
  // words the lecture uses (its Korean, with the English term beside)
  "Run and hyperparameters": "실행과 하이퍼파라미터",
  "λ (lambda)": "λ (람다)",
  linear: "선형",
  augment: "데이터 증식",
  "{label} — dropped in the last iteration": "{label} — 지난 반복에서 삭제됨",
  "TensorFlow Playground's regression problems have no counterpart here; showing classification.":
    "TensorFlow Playground의 회귀 문제는 여기에 대응하는 것이 없어 분류로 보여 줍니다.",
  "dataset {name} has no counterpart; keeping the current one.": "데이터셋 {name}은(는) 대응하는 것이 없어 지금 데이터를 그대로 둡니다.",
  "feature {name} has no counterpart and is left out.": "피쳐 {name}은(는) 대응하는 것이 없어 뺍니다.",
  "TensorFlow Playground's regularization rate {rate} is the factor on the penalty's gradient per step, so with m = {m} training points it is the lecture's {factor}: λ = {lambda}{capped}. Its penalty term in J is λ/(2m)·{sum}.":
    "TensorFlow Playground의 정규화 비율 {rate}은(는) 매 단계 페널티 기울기에 곱하는 값이라, 훈련 샘플 m = {m}개에서는 강의의 {factor}에 해당합니다: λ = {lambda}{capped}. J의 페널티 항은 λ/(2m)·{sum}입니다.",
  " (capped at {most})": " (최대 {most}으로 제한)",
  "Opened from a TensorFlow Playground link: the nearest equivalent setup (its data and initialization differ).":
    "TensorFlow Playground 링크에서 열었습니다: 가장 가까운 설정입니다 (데이터와 초기화는 다릅니다).",
  "zoom ×0.9–1.1": "확대 ×0.9–1.1",
  zoom: "확대",
  shift: "이동",
  "Early stopping watches": "조기 종료 기준",
  "Also plots J = data cost + penalty over the whole training set with keep_prob = 1 (no dropout) after every epoch, beside the J of the dropped-out steps":
    "매 에포크 뒤 훈련 세트 전체에서 keep_prob = 1 (드롭아웃 없이)로 계산한 J = 데이터 비용 + 페널티를, 드롭아웃을 적용한 단계의 J와 함께 그립니다",
  "Inverted dropout divides the kept units by keep_prob; without it (plain dropout) the test-time z is 1/keep_prob times what training saw":
    "역 드롭아웃은 남은 유닛을 keep_prob로 나눕니다. 나누지 않으면 (일반 드롭아웃) 테스트 때의 z가 학습 때의 1/keep_prob배가 됩니다",
  "inverted (÷ keep_prob)": "역 드롭아웃 (÷ keep_prob)",
  "input layer keep_prob": "입력층 keep_prob",
};
for (const n of [1, 2, 5, 10, 20, 50, 100]) KO[`${n}/frame`] = `프레임당 ${n}회`;
for (const [en, ko] of [["flip ↔", "좌우 대칭 (flip) ↔"], ["rotate ±15°", "회전 (rotate) ±15°"], ["jitter", "왜곡 (jitter)"], ["zoom ×0.9–1.1", "확대 (zoom) ×0.9–1.1"], ["shift ±1 px", "이동 (shift) ±1 px"]]) {
  KO[`augment: ${en}`] = `데이터 증식: ${ko}`;
}
for (const f of ["x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂"]) KO[`feature ${f}`] = `입력 피쳐 ${f}`;

// The CSV reader's messages (src/data/csv.rs) start with where the file went wrong; that
// prefix is put into Korean, the rest stays as the core wrote it.
const KO_MESSAGES = [
  [/^line (\d+), column (\w+): (.+)$/, (m) => `${m[1]}번째 줄, ${m[2]} 열: ${m[3]}`],
  [/^line (\d+): (.+)$/, (m) => `${m[1]}번째 줄: ${m[2]}`],
  [/^(.+) is not a setting: no setting has so long a name$/s, (m) => `${m[1]}은(는) 설정이 아닙니다: 이렇게 긴 이름의 설정은 없습니다`],
  [/^(.+) has a value of ([\d,]+) characters; no setting takes more than ([\d,]+)$/s,
    (m) => `${m[1]}의 값이 ${m[2]}자입니다: ${m[3]}자보다 긴 값을 받는 설정은 없습니다`],
];

let current = "en";

export function currentLang() {
  return current;
}

/** The text in the page's language, with {name} replaced by params.name. */
export function t(text, params = {}) {
  return textIn(current, text, params);
}

/** The text in `lang` ("ko" or "en"), with {name} replaced by params.name. */
export function textIn(lang, text, params = {}) {
  const template = (lang === "ko" && Object.hasOwn(KO, text) && KO[text]) || String(text);
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/**
 * A chart's words by name (`{ cost: "training J", … }`) in the page's language, `params`
 * filled: the object the core reads them from by name (src/web/chart_kit.rs, `chart_words!`).
 */
export function words(texts, params = {}) {
  return Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, t(text, params)]));
}

/**
 * A refused setting, from its data ({ code, key, value, allowed } as the core gives it, on
 * an Error or alone), in the page's language: the one place setting errors become text.
 * Anything else shows its message.
 */
export function errorText(error) {
  if (!error?.code) return translateMessage(error?.message ?? String(error));
  const a = error.allowed ?? {};
  const params = { key: shown(error.key), value: shown(JSON.stringify(error.value)), min: shown(a.min), max: shown(a.max), count: shown(a.count), options: (a.options ?? []).join(", ") };
  const near = error.code === "unknown-key" && nearestKey(error.key, a.options ?? []);
  if (near) return t("{key} is not a setting — did you mean {near}?", { ...params, near });
  if (error.code === "unknown-key") return t("{key} is not a setting; the settings are {options}", params);
  if (error.code === "type") return t("{key} takes {wanted} (or its text as in a link), not {value}", { ...params, value: shown(error.value), wanted: t(a.wanted ?? "a value") });
  if (error.code === "shared-by-runs") return t("{key} is the same for every run; a run's own settings are {options}", params);
  const range = a.aboveMin ? "use a number above {min}, up to {max}" : a.integer ? "use a whole number from {min} to {max}" : "use a number from {min} to {max}";
  const reason = {
    range,
    choice: "use one of {options}",
    flag: "use 1 or 0",
    duplicate: "an item is listed twice",
    empty: "the network needs at least one input feature: use one or more of {options}",
    "too-many": "at most {count} items here",
    "csv-link": "data from a CSV file cannot travel in a link; load the file again",
    pair: "use two different digits from 0 to 9, the first one as y = 1 (like 4,9)",
  }[error.code];
  return t("{key}={value} is not valid: {reason}", { ...params, reason: reason ? t(reason, params) : error.code });
}

/** A message from the core, in the page's language. */
export function translateMessage(message) {
  if (current !== "ko") return message;
  for (const [pattern, ko] of KO_MESSAGES) {
    const m = message.match(pattern);
    if (m) return ko(m);
  }
  return message;
}

/** Puts every marked text of the page into `lang` ("ko" or "en"). */
export function applyLanguage(lang) {
  current = lang;
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-t]")) {
    if (!el.dataset.t) el.dataset.t = el.textContent.trim();
    el.textContent = t(el.dataset.t);
  }
  for (const [attr, key] of [["title", "tTitle"], ["aria-label", "tAria"]]) {
    for (const el of document.querySelectorAll(`[data-t-${attr === "title" ? "title" : "aria"}]`)) {
      if (!el.dataset[key]) el.dataset[key] = el.getAttribute(attr) ?? "";
      el.setAttribute(attr, t(el.dataset[key]));
    }
  }
}
