// Korean for the instruments (www/panels/*: weights, tanh, λ sweep, norms, weight decay,
// digits) and the side-by-side view (www/compare.js), keyed by their English. Merged into
// i18n.js's table.

export const KO_PANELS = {
  // the weights instrument
  "Histogram of the weights with the exact zeros as a bar of their own, and ‖W[l]‖_F of each layer over the iterations":
    "가중치 히스토그램 (정확히 0인 가중치는 따로 막대로)과 반복에 따른 층별 ‖W[l]‖_F",
  Layer: "층",
  "all layers": "모든 층",
  "Weights, all layers": "가중치, 모든 층",
  "Weights of W[{layer}]": "W[{layer}]의 가중치",
  "exactly 0: {count}": "정확히 0: {count}",
  "{zero} of {count} weights are exactly 0 ({share})": "가중치 {count}개 중 {zero}개가 정확히 0 ({share})",
  "inputs in use: {inUse} of {features}": "쓰이는 입력: {features}개 중 {inUse}개",
  "L1: small weights reach exactly 0 and stay there: the bar at 0 grows, unused inputs drop out.":
    "L1: 작은 가중치는 정확히 0이 되어 그대로 머뭅니다. 0 막대가 자라고, 쓰이지 않는 입력은 빠집니다 (피쳐 선택).",
  "L2 (weight decay): every weight shrinks toward 0, but none becomes exactly 0.":
    "L2 (가중치 감쇠): 모든 가중치가 0 쪽으로 줄지만, 정확히 0이 되는 것은 없습니다.",
  "No penalty: weights may grow. Choose L1 to see a spike at 0, L2 to see them shrink.":
    "페널티 없음: 가중치가 커질 수 있습니다. L1을 고르면 0에 뾰족한 막대가, L2를 고르면 줄어드는 모습이 보입니다.",
  // the tanh instrument
  "Histogram of the hidden units' z over the training set, under the activation curve, with tanh's linear region shaded":
    "훈련 세트에서 은닉 유닛 z의 히스토그램과 활성화 곡선, tanh의 선형 영역은 음영",
  "hidden z, training set": "은닉층 z, 훈련 세트",
  "{share} of hidden z lie in the linear region |z| < {region}": "은닉층 z의 {share}가 선형 영역 |z| < {region} 안에 있습니다",
  "The network is {linearity} linear (R² of a plane fitted to its output)": "신경망 출력의 선형성: R² = {linearity} (출력에 평면을 맞춘 결과)",
  "No hidden layer: logistic regression is linear in its inputs already.": "은닉층 없음: 로지스틱 회귀는 이미 입력에 대해 선형입니다.",
  "The activation is {act}: the linear-region argument is about tanh.": "활성화 함수가 {act}입니다: 선형 영역 논의는 tanh에 대한 것입니다.",
  "Raise λ: weights shrink, z gathers in the linear region, and the boundary straightens.":
    "λ를 키우면 가중치가 줄고, z가 선형 영역에 모이며, 경계가 곧게 펴집니다.",
  // Compare
  Compare: "비교",
  "Side by side": "나란히 비교",
  Comparison: "비교",
  "The course's table": "비교 예시",
  "Same data, same initialization, trained together. Regularized runs fit the training set less and the dev set better. Changing a run's setting starts every run again.":
    "같은 데이터, 같은 초기화로 함께 학습합니다. 정규화한 실행은 훈련 세트에는 덜 맞고 개발 세트에는 더 잘 맞습니다. 설정을 바꾸면 모든 실행이 다시 시작합니다.",
  "One dev set for all. N real points, the same N plus N augmented copies, and 2N real points: copies are cheap but not independent of their originals, so they help less than as many new points. Changing a run's setting starts every run again.":
    "개발 세트는 모두 같습니다. 실제 점 N개, 같은 N개 + 증식 복사본 N개, 실제 점 2N개: 복사본은 값싸지만 원본과 독립이 아니라서 같은 수의 새 데이터보다 덜 도움이 됩니다. 설정을 바꾸면 모든 실행이 다시 시작합니다.",
  "Play / pause every run (Space)": "모든 실행 재생 / 일시정지 (Space)",
  "One iteration of every run (→)": "모든 실행 한 번 반복 (→)",
  "Every run back to the same start (R)": "모든 실행을 같은 시작점으로 (R)",
  "Add run": "실행 추가",
  Back: "돌아가기",
  "Back to the playground (Esc)": "원래 화면으로 돌아가기 (Esc)",
  "Run {i}": "실행 {i}",
  "Remove run {i}": "실행 {i} 제거",
  "Decision boundary of run {i}: {label}": "실행 {i}의 결정 경계: {label}",
  points: "샘플",
  flip: "좌우 대칭",
  rotate: "회전",
  "no regularization": "정규화 없음",
  "dropout, keep_prob = {keep}": "드롭아웃, keep_prob = {keep}",
  "{real} real points": "실제 점 {real}개",
  "{real} real + {augmented} augmented ({kinds})": "실제 {real}개 + 증식 {augmented}개 · {kinds}",
  "train {value}": "훈련 {value}",
  "dev {value}": "개발 세트 {value}",
  "dev cost {value}": "개발 세트 비용 {value}",
  "lowest dev cost": "가장 낮은 개발 세트 비용",
  "diverged: lower α or λ": "발산: α나 λ를 낮추세요",
  "filled: training points · faded: augmented copies · outlined: dev points": "채움: 훈련 샘플 · 흐림: 증식 복사본 · 테두리: 개발 세트 점",
  "The comparison stopped: {message}": "비교가 멈췄습니다: {message}",
  // the λ sweep instrument
  "Run sweep": "탐색 실행",
  "iterations per λ": "λ당 반복 횟수",
  "Sweep progress": "탐색 진행",
  "Training and dev error at the end of each λ's run, against λ on a log scale with λ = 0 at the left":
    "λ마다 학습을 마친 뒤의 훈련 오차와 개발 세트 오차 (λ는 로그 눈금, λ = 0은 왼쪽 끝)",
  "The swept λ values: choose one to load it into the live run": "탐색한 λ 값: 하나를 고르면 지금 실행에 적용됩니다",
  "λ = {lambda}: dev error {dev}": "λ = {lambda}: 개발 세트 오차 {dev}",
  "λ = {lambda}: dev error {dev}, best": "λ = {lambda}: 개발 세트 오차 {dev}, 최적",
  "Trains the current setup from the same start for each of {count} values of λ, then compares the dev error.":
    "λ 값 {count}개 각각으로 지금 설정을 같은 시작점에서 학습한 뒤 개발 세트 오차를 비교합니다.",
  "Training λ = {lambda} ({done} of {count})…": "λ = {lambda} 학습 중 ({count}개 중 {done}개)…",
  "Lowest dev error at λ = {lambda} ({dev}, {reg}): smaller λ overfits, larger underfits. Choose a point to load its λ.":
    "개발 세트 오차가 가장 낮은 λ = {lambda} ({dev}, {reg}): 이보다 작으면 과대적합, 크면 과소적합입니다. 점을 고르면 그 λ를 적용합니다.",
  "The λ sweep stopped: {message}": "λ 탐색이 멈췄습니다: {message}",
  // the norms instrument
  "Constraint ‖w‖ ≤ t, t =": "제약 ‖w‖ ≤ t, t =",
  "L1 optimum w = ({w1}, {w2})": "L1 최적점 w = ({w1}, {w2})",
  " — w₂ is exactly 0": " — w₂는 정확히 0",
  "L2 optimum w = ({w1}, {w2})": "L2 최적점 w = ({w1}, {w2})",
  "Loss contours of two weights w₁, w₂ with the L1 diamond and the L2 circle of size t: the contour that first touches the diamond touches it at a corner on the w₁ axis, the one that touches the circle at a point with both weights non-zero":
    "두 가중치 w₁, w₂의 손실 등고선과 크기 t의 L1 마름모, L2 원: 마름모에 처음 닿는 등고선은 w₁ 축 위의 꼭짓점에, 원에 닿는 등고선은 두 가중치가 모두 0이 아닌 점에 닿습니다",
  // the weight-decay derivation instrument
  "Weight decay": "가중치 감쇠",
  Weight: "가중치",
  "layer l": "층 l",
  "row i": "행 i",
  "column j": "열 j",
  "from backprop": "역전파에서 온 값",
  "dW = (from backprop) + (λ/m)·W": "dW = (역전파에서 온 값) + (λ/m)·W",
  "dW = (from backprop) + (λ/2m)·sign(W)": "dW = (역전파에서 온 값) + (λ/2m)·sign",
  "dW = (from backprop): no penalty": "dW = (역전파에서 온 값): 페널티 없음",
  "W := (1 − αλ/m)·W − α·(from backprop)": "W := (1 − αλ/m)·W − α·(역전파에서 온 값)",
  "Every step multiplies W by 1 − αλ/m = {factor}: weight decay.": "매 단계 W에 1 − αλ/m = {factor}을 곱합니다: 가중치 감쇠.",
  "Without L2 there is no decay factor: choose L2 and a λ above 0.": "L2가 아니면 감쇠 계수가 없습니다: L2와 0보다 큰 λ를 고르세요.",
  "The gradient of the whole training set, without dropout; m = {m} training points.": "훈련 세트 전체의 기울기이며 드롭아웃은 빼고 계산합니다. 훈련 샘플 m = {m}개.",
  // digits mode (www/panels/digits.js)
  "Dev images, tinted by P(y = 1), the wrong ones framed": "개발 세트 이미지: P(y = 1)로 물들이고 틀린 것은 테두리",
  "The dev images, each tinted by the network's P(y = 1), the wrong ones framed": "개발 세트 이미지: 신경망의 P(y = 1)로 물들이고, 틀린 것은 테두리로 표시",
  "dev set error {error} ({wrong} of {count} wrong)": "개발 세트 오차 {error} ({count}개 중 {wrong}개 틀림)",
  "W[1]: each unit's 64 weights (8×8)": "W[1]: 유닛마다 가중치 64개 (8×8)",
  "Each first-layer unit's incoming weights as an 8×8 picture: blue W > 0, orange W < 0, white exactly 0":
    "첫 층 유닛마다 들어오는 가중치를 8×8 그림으로: 파랑 W > 0, 주황 W < 0, 흰색은 정확히 0",
  "Pixels in use": "쓰이는 픽셀",
  "The 8×8 map of input pixels that still have a weight that is not exactly 0": "0이 아닌 가중치가 남은 입력 픽셀의 8×8 지도",
  "{inUse} of {pixels} pixels in use": "픽셀 {pixels}개 중 {inUse}개 사용 중",
  "A training {digit} and its augmented copies (✓ in use)": "훈련 이미지 {digit}와 데이터 증식 사본 (✓ 사용 중)",
  "A training image of the first digit, then one copy per augmentation: flip, rotate, elastic distortion, zoom, shift":
    "첫 번째 숫자의 훈련 이미지와 증식 종류마다 사본 하나: 좌우 대칭, 회전, 탄성 왜곡, 확대, 이동",
  original: "원본",
  "flip: a mirrored digit is not the same digit, yet keeps its label": "좌우 대칭: 뒤집힌 숫자는 같은 숫자가 아닌데도 레이블은 그대로입니다",
  "Digit y = 1": "y = 1인 숫자",
  "Digit y = 0": "y = 0인 숫자",
  "Training images": "훈련 이미지 수",
  "Inputs: the 64 pixels (0–1). Features do not apply to images.": "입력: 픽셀 64개 (0–1). 이미지에는 입력 피쳐 선택이 없습니다.",
  elastic: "탄성 왜곡",
  "shift ±1 px": "이동 ±1 px",
  "shift ±½ px": "이동 ±½ px",
  "use two different digits from 0 to 9, the first one as y = 1 (like 4,9)": "0–9에서 서로 다른 숫자 두 개를 쓰세요. 앞의 숫자가 y = 1입니다 (예: 4,9)",
  Digits: "숫자 쌍",
  "{real} real + {augmented} augmented training images": "훈련 이미지: 실제 {real}개 + 증식 {augmented}개",
};
