// The lecture's steps, in its order and in its words: each sets the controls, asks one
// "predict, then run" question, trains, and says what is now on the screen. The last two
// steps are the lecture's quiz 9 and 10. Every claim a caption makes is checked on the real
// model by tests/browser/lecture*.test.mjs.

/** The run every step starts from: the course's 2→20→3→1 tanh network on the goalkeeper data. */
export const COURSE_SETUP = {
  dataset: "keeper", points: 400, noise: 25, train: 50, seed: 1, features: ["x1", "x2"], layers: [20, 3], act: "tanh",
  lr: 0.5, batch: 0, reg: "none", lambda: 0, keep: [1, 1], patience: 0, augment: [], checkj: false,
  inverted: 1, keepIn: 1, stopOn: "cost",
};

export const ALL_FEATURES = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"];

/** A hidden unit "still matters" while the weights out of it have at least this norm. */
export const MATTERS = 0.3;

/**
 * `settings` go on top of COURSE_SETUP; `train`: iterations from the start, "play", "sweep"
 * (the λ sweep panel's run) or 0; `highlight`: the controls and readouts that matter; `tab`:
 * the instrument to open; `ask`: the question, its choices, the right ones (`answer`, indices)
 * and why; `report`: the live numbers the step adds after its run; `action`: a button of the
 * step; `quiz`: the lecture's quiz number (answers are checked, not run).
 */
export const LESSONS = [
  {
    title: { en: "Norms: L1 and L2", ko: "노름 (norm): L1과 L2" },
    caption: {
      en: "A norm measures the size of a vector. L1: the sum of absolute values; L2: the straight-line length. "
        + "For two weights, ‖w‖₁ ≤ t is a diamond and ‖w‖₂ ≤ t a circle (Norms): the loss contour touches the diamond at a corner, where a weight is exactly 0.",
      ko: "노름 (norm)은 벡터의 크기를 재는 방법입니다. L1 노름은 모든 성분의 절댓값의 합, L2 노름은 두 점 사이의 직선 거리입니다. "
        + "가중치가 두 개일 때 ‖w‖₁ ≤ t는 마름모, ‖w‖₂ ≤ t는 원입니다 (노름 탭). 손실 등고선은 마름모의 꼭짓점에 닿고, 거기서 가중치 하나가 정확히 0이 됩니다.",
    },
    ask: {
      q: { en: "x = [2, 3, 4]. What are ‖x‖₁ and ‖x‖₂?", ko: "x = [2, 3, 4]일 때 ‖x‖₁과 ‖x‖₂는?" },
      choices: [{ en: "9 and √29", ko: "9와 √29" }, { en: "√29 and 9", ko: "√29와 9" }, { en: "29 and 9", ko: "29와 9" }],
      answer: [0],
      why: {
        en: "‖x‖₁ = |2| + |3| + |4| = 9; ‖x‖₂ = √(2² + 3² + 4²) = √29 ≈ 5.385.",
        ko: "‖x‖₁ = |2| + |3| + |4| = 9, ‖x‖₂ = √(2² + 3² + 4²) = √29 ≈ 5.385입니다.",
      },
    },
    settings: {},
    train: 0,
    highlight: ["#tab-norms", "#panel-norms"],
    tab: "norms",
  },
  {
    title: { en: "Logistic regression with L2", ko: "로지스틱 회귀 (logistic regression)의 L2 정규화" },
    caption: {
      en: "No hidden layer: J(w, b) = (1/m) Σ L + (λ/2m) ‖w‖₂², with ‖w‖₂² = Σⱼ wⱼ² = wᵀw. Only w is regularized, not b: "
        + "most parameters are in w, so adding b changes almost nothing. The boundary is a straight line.",
      ko: "은닉층이 없으면 J(w, b) = (1/m) Σ L + (λ/2m) ‖w‖₂², ‖w‖₂² = Σⱼ wⱼ² = wᵀw입니다. 정규화는 w에만 하고 b에는 하지 않습니다: "
        + "매개변수 대부분이 w에 있어 b를 더해도 실질적인 차이가 없습니다. 결정 경계는 직선입니다.",
    },
    ask: {
      q: { en: "Which parameters does the penalty (λ/2m)‖w‖₂² shrink?", ko: "페널티 (λ/2m)‖w‖₂²는 어떤 매개변수를 줄이나요?" },
      choices: [{ en: "only w", ko: "w만" }, { en: "w and b", ko: "w와 b 모두" }, { en: "only b", ko: "b만" }],
      answer: [0],
      why: {
        en: "The penalty readout is exactly λ/(2m)·‖w‖² with the weights alone; b has no term.",
        ko: "페널티 값은 가중치만으로 계산한 λ/(2m)·‖w‖²와 정확히 같습니다. b의 항은 없습니다.",
      },
    },
    settings: { layers: [], reg: "l2", lambda: 1, keep: [] },
    train: 2000,
    highlight: ["#layer-count", "#reg", "#lambda", "#penalty"],
    tab: "curves",
  },
  {
    title: { en: "L1 on logistic regression: feature selection", ko: "로지스틱 회귀의 L1 정규화: 피쳐 선택" },
    caption: {
      en: "All seven input features, J = (1/m) Σ L + (λ/2m) ‖w‖₁ with λ = 30. w becomes sparse: several weights are exactly 0, "
        + "so only the features still in use count (feature selection) and fewer numbers need storing (model compression).",
      ko: "입력 피쳐 7개, λ = 30으로 J = (1/m) Σ L + (λ/2m) ‖w‖₁. w가 희소 (sparse)해져 여러 가중치가 정확히 0이 됩니다: "
        + "남은 피쳐만 쓰이고 (피쳐 선택, feature selection), 저장할 수도 줄어듭니다 (모델 압축, model compression).",
    },
    ask: {
      q: { en: "With L1, what happens to the seven input weights?", ko: "L1을 쓰면 입력 가중치 7개는 어떻게 될까요?" },
      choices: [
        { en: "several become exactly 0", ko: "몇 개가 정확히 0이 된다" },
        { en: "all shrink, none reaches 0", ko: "모두 줄지만 0이 되는 것은 없다" },
        { en: "all grow", ko: "모두 커진다" },
      ],
      answer: [0],
      why: {
        en: "L1's pull (λ/2m)·sign(w) is the same for every weight, so small weights reach 0 and stay there (Weights tab).",
        ko: "L1의 기울기 (λ/2m)·sign(w)는 크기와 상관없이 같아서 작은 가중치는 0에 닿아 그대로 머뭅니다 (가중치 탭).",
      },
    },
    settings: { layers: [], keep: [], features: ALL_FEATURES, reg: "l1", lambda: 30 },
    train: 2000,
    highlight: ["#features", "#reg", "#lambda", "#zero-weights", "#tab-weights"],
    tab: "weights",
  },
  {
    title: { en: "The network: the Frobenius norm", ko: "신경망: 프로베니우스 노름 (Frobenius norm)" },
    caption: {
      en: "J = (1/m) Σ L + (λ/2m) Σₗ ‖W[l]‖²_F, where ‖W[l]‖²_F = Σᵢ Σⱼ (W[l]ᵢⱼ)²: the L2 norm of a matrix, the sum of the squares "
        + "of its elements. The penalty readout is λ/(2m) times that sum over all layers (Weights: ‖W[l]‖_F per layer).",
      ko: "J = (1/m) Σ L + (λ/2m) Σₗ ‖W[l]‖²_F, 여기서 ‖W[l]‖²_F = Σᵢ Σⱼ (W[l]ᵢⱼ)²는 행렬의 L2 노름, 곧 원소 제곱의 합입니다. "
        + "페널티 값은 모든 층에 대한 이 합의 λ/(2m)배입니다 (가중치 탭: 층별 ‖W[l]‖_F).",
    },
    ask: {
      q: { en: "W[1] is 20×2, W[2] 3×20, W[3] 1×3. How many squares does Σ‖W[l]‖²_F add?", ko: "W[1]은 20×2, W[2]는 3×20, W[3]은 1×3입니다. Σ‖W[l]‖²_F는 몇 개의 제곱을 더할까요?" },
      choices: [{ en: "103, every weight", ko: "103개, 모든 가중치" }, { en: "3, one per layer", ko: "3개, 층마다 하나" }, { en: "26, one per unit", ko: "26개, 유닛마다 하나" }],
      answer: [0],
      why: { en: "40 + 60 + 3 = 103 weights, each squared; the biases are left out.", ko: "가중치 40 + 60 + 3 = 103개를 각각 제곱해 더하고, 편향 (b)은 뺍니다." },
    },
    settings: { reg: "l2", lambda: 0.7 },
    train: 2000,
    highlight: ["#penalty", "#weight-norm", "#tab-weights"],
    tab: "weights",
  },
  {
    title: { en: "Weight decay", ko: "가중치 감쇠 (weight decay)" },
    caption: {
      en: "dW[l] = (from backprop) + (λ/m) W[l], so W[l] := W[l] − α dW[l] = (1 − αλ/m) W[l] − α (from backprop): "
        + "every step multiplies W by a factor just below 1. Here α = 0.5, λ = 0.7, m = 200.",
      ko: "dW[l] = (역전파에서 온 값, from backprop) + (λ/m) W[l]이므로 W[l] := W[l] − α dW[l] = (1 − αλ/m) W[l] − α (역전파에서 온 값)입니다: "
        + "매 단계 W에 1보다 조금 작은 값이 곱해집니다. 여기서는 α = 0.5, λ = 0.7, m = 200입니다.",
    },
    ask: {
      q: { en: "Every step multiplies W by 1 − αλ/m. What is it here?", ko: "매 단계 W에 곱해지는 1 − αλ/m은 여기서 얼마일까요?" },
      choices: [{ en: "0.99825, just below 1", ko: "0.99825, 1보다 조금 작다" }, { en: "0.65", ko: "0.65" }, { en: "1.00175, above 1", ko: "1.00175, 1보다 크다" }],
      answer: [0],
      why: { en: "1 − 0.5 · 0.7 / 200 = 0.99825: that factor below 1 is why L2 is called weight decay.", ko: "1 − 0.5 · 0.7 / 200 = 0.99825입니다. 1보다 작은 이 값 때문에 L2를 가중치 감쇠라고 부릅니다." },
    },
    settings: { reg: "l2", lambda: 0.7 },
    train: 2000,
    report: "decay",
    highlight: ["#decay", "#lr", "#lambda", "#tab-derivation"],
    tab: "derivation",
  },
  {
    title: { en: "Why λ reduces overfitting (1): a simpler network", ko: "정규화가 과대적합을 줄이는 이유 (1): 더 간단한 신경망" },
    caption: {
      en: "λ↑ → W ≈ 0 → many hidden units lose their influence: the network acts like a smaller, simpler one. "
        + "Too large a λ underfits, too small overfits: the right λ lies between.",
      ko: "λ↑ → W ≈ 0 → 많은 은닉 유닛의 영향력이 줄어 (0에 가까움) 더 간단하고 작은 신경망처럼 동작합니다. "
        + "λ가 너무 크면 과소적합, 너무 작으면 과대적합이니 그 사이의 적절한 λ를 찾아야 합니다.",
    },
    ask: {
      q: { en: "λ = 3: what happens to most of the 23 hidden units?", ko: "λ = 3이면 은닉 유닛 23개 중 대부분은 어떻게 될까요?" },
      choices: [
        { en: "the weights out of them go near 0: little influence", ko: "나가는 가중치가 0에 가까워져 영향력이 작아진다" },
        { en: "they all stay as influential", ko: "모두 그대로 영향력이 크다" },
        { en: "they are removed from the network", ko: "신경망에서 삭제된다" },
      ],
      answer: [0],
      why: {
        en: "The units stay, but the weights out of most of them shrink toward 0; the count below says how many still matter.",
        ko: "유닛은 남지만 대부분에서 나가는 가중치가 0 쪽으로 줄어듭니다. 아래 수가 아직 영향력이 있는 유닛의 개수입니다.",
      },
    },
    settings: { reg: "l2", lambda: 3 },
    train: 2000,
    report: "units",
    highlight: ["#lambda", "#network"],
    tab: "weights",
  },
  {
    title: { en: "Why (2): tanh's linear region, λ = 10", ko: "이유 (2): tanh의 선형 영역 (linear region), λ = 10" },
    caption: {
      en: "λ↑ → W[l]↓ → z[l] = W[l] a[l−1] + b[l]↓, and near 0 tanh(z) ≈ z. About half of all z now lie in tanh's linear region: "
        + "every layer is nearly linear, so the whole network computes a nearly linear function and the boundary is nearly straight (tanh).",
      ko: "λ↑ → W[l]↓ → z[l] = W[l] a[l−1] + b[l]↓이고, 0 근처에서 tanh(z) ≈ z입니다. 이제 z의 약 절반이 tanh의 선형 영역에 있어 "
        + "모든 층이 거의 선형이 되고, 전체 신경망도 거의 선형 함수만 계산하므로 경계가 거의 직선입니다 (tanh 탭).",
    },
    ask: {
      q: { en: "λ = 10: what will the boundary do?", ko: "λ = 10이면 결정 경계는 어떻게 될까요?" },
      choices: [{ en: "become nearly straight", ko: "거의 직선이 된다" }, { en: "wiggle more", ko: "더 구불구불해진다" }, { en: "stay the same", ko: "그대로다" }],
      answer: [0],
      why: {
        en: "Small z keeps tanh in its linear region, and a stack of nearly linear layers cannot draw a complex boundary. Too large a λ underfits: the training error rises.",
        ko: "z가 작으면 tanh가 선형 영역에서 쓰이고, 거의 선형인 층을 쌓아서는 복잡한 경계를 그릴 수 없습니다. λ가 너무 크면 과소적합되어 훈련 오차가 오릅니다.",
      },
    },
    settings: { reg: "l2", lambda: 10 },
    train: 2000,
    highlight: ["#lambda", "#linear", "#tab-tanh"],
    tab: "tanh",
  },
  {
    title: { en: "Choosing λ on the dev set", ko: "개발 세트 (dev set)로 λ 고르기" },
    caption: {
      en: "λ is a hyperparameter: try many values and keep the one with the lowest dev-set error. The sweep trains the same start "
        + "for 12 values of λ: too small overfits (training error far below dev error), too large underfits (both high).",
      ko: "λ는 하이퍼파라미터 (hyperparameter)입니다: 여러 값을 시도해 개발 세트 오차가 가장 낮은 값을 고릅니다. 탐색 (sweep)은 같은 시작점에서 "
        + "λ 12개를 학습합니다: 너무 작으면 과대적합 (훈련 오차가 개발 세트 오차보다 훨씬 낮음), 너무 크면 과소적합 (둘 다 높음)입니다.",
    },
    ask: {
      q: { en: "Where will the dev error be lowest?", ko: "개발 세트 오차는 어디에서 가장 낮을까요?" },
      choices: [{ en: "at λ = 0", ko: "λ = 0에서" }, { en: "at a middle λ", ko: "중간의 λ에서" }, { en: "at the largest λ", ko: "가장 큰 λ에서" }],
      answer: [1],
      why: { en: "Between overfitting and underfitting: the sweep marks the best λ.", ko: "과대적합과 과소적합 사이입니다. 탐색 그래프에 최적의 λ가 표시됩니다." },
    },
    settings: { reg: "l2" },
    train: "sweep",
    highlight: ["#tab-sweep", "#panel-sweep .sweep-run"],
    tab: "sweep",
  },
  {
    title: { en: "Dropout: inverted, keep_prob = 0.8", ko: "드롭아웃 (dropout): 역 드롭아웃, keep_prob = 0.8" },
    caption: {
      en: "Every iteration draws a new mask d[l] = rand < keep_prob and sets a[l] = a[l]·d[l]/keep_prob: dropped units flicker. "
        + "With 50 units and keep_prob 0.8 about 10 are dropped, so z[l+1] = W a[l] + b would shrink; dividing by keep_prob keeps its expected value. "
        + "No dropout at test time: predictions must not be random. Untick “inverted” to train plain dropout and watch the dev cost.",
      ko: "반복마다 새 마스크 d[l] = rand < keep_prob를 뽑아 a[l] = a[l]·d[l]/keep_prob로 둡니다: 삭제된 유닛이 깜박입니다. "
        + "유닛 50개에 keep_prob 0.8이면 평균 10개가 삭제되어 z[l+1] = W a[l] + b의 기댓값이 줄어드는데, keep_prob로 나누면 기댓값이 유지됩니다. "
        + "테스트에서는 드롭아웃을 쓰지 않습니다 (예측이 무작위이면 안 되니까요). “역 드롭아웃”을 끄면 나누지 않는 드롭아웃으로 학습하니 개발 세트 비용을 보세요.",
    },
    ask: {
      q: { en: "Why does inverted dropout divide a[l] by keep_prob?", ko: "역 드롭아웃은 왜 a[l]을 keep_prob로 나눌까요?" },
      choices: [
        { en: "to keep the expected value of z, so test time needs no scaling", ko: "z의 기댓값을 유지해 테스트에서 스케일링이 필요 없게" },
        { en: "to make training faster", ko: "학습을 빠르게 하려고" },
        { en: "to drop more units", ko: "더 많은 유닛을 삭제하려고" },
      ],
      answer: [0],
      why: {
        en: "Without the division (plain dropout) the test-time z is 1/keep_prob times what training saw: the dev cost below is higher.",
        ko: "나누지 않으면 (일반 드롭아웃) 테스트 때의 z가 학습 때의 1/keep_prob배가 됩니다: 아래의 개발 세트 비용이 더 높습니다.",
      },
    },
    settings: { keep: [0.8, 0.8] },
    train: 2000,
    report: "plain",
    highlight: ["#keep-controls", "#network", "label:has(> #inverted)"],
    tab: "curves",
  },
  {
    title: { en: "keep_prob per layer", ko: "층마다 다른 keep_prob" },
    caption: {
      en: "keep_prob can differ per layer: lower (0.5) on the 20-unit layer with the most weights and the most risk of overfitting, "
        + "1 on the 3-unit layer. The input layer can drop too (keep_prob of the input), but that is rarely done.",
      ko: "keep_prob는 층마다 다르게 정할 수 있습니다: 매개변수가 많아 과대적합 우려가 큰 20유닛 층은 낮게 (0.5), 3유닛 층은 1로 둡니다. "
        + "입력층에도 설정할 수 있지만 (입력층 keep_prob) 거의 하지 않습니다.",
    },
    ask: {
      q: { en: "Which layer should get the lower keep_prob?", ko: "어느 층에 더 낮은 keep_prob를 줄까요?" },
      choices: [
        { en: "the 20-unit layer", ko: "20유닛 층" },
        { en: "the 3-unit layer", ko: "3유닛 층" },
        { en: "the input layer", ko: "입력층" },
      ],
      answer: [0],
      why: {
        en: "It has the most weights (W[2] is 3×20): dropping there shrinks ‖W‖ and lowers the dev cost below the run without dropout.",
        ko: "가중치가 가장 많은 층 (W[2]는 3×20)이라 여기서 삭제하면 ‖W‖가 줄고 개발 세트 비용이 드롭아웃 없는 실행보다 낮아집니다.",
      },
    },
    settings: { keep: [0.5, 1] },
    train: 2000,
    highlight: ["#keep-controls", "label:has(> #keepIn)"],
    tab: "curves",
  },
  {
    title: { en: "The J check: dropout off, then on", ko: "J 확인: 드롭아웃을 끄고, 다시 켜기" },
    caption: {
      en: "With dropout J is not well defined. The lecture's check: run with keep_prob = 1 and see that J falls at every iteration, "
        + "then turn dropout on. Here α = 0.1; the button then sets keep_prob 0.8 and plays.",
      ko: "드롭아웃을 쓰면 비용함수 J를 정의하기 어렵습니다. 강의의 확인 방법: keep_prob = 1로 실행해 J가 매 반복 단조 감소하는지 확인한 뒤 "
        + "드롭아웃을 켭니다. 여기서는 α = 0.1이며, 버튼을 누르면 keep_prob 0.8로 바꾸고 재생합니다.",
    },
    ask: {
      q: { en: "With keep_prob = 1, how should J move?", ko: "keep_prob = 1일 때 J는 어떻게 움직여야 할까요?" },
      choices: [{ en: "fall at every iteration", ko: "매 반복 줄어든다" }, { en: "rise and fall at random", ko: "무작위로 오르내린다" }, { en: "stay flat", ko: "변하지 않는다" }],
      answer: [0],
      why: {
        en: "Without dropout, gradient descent with a small enough α lowers J at every step; a rise would point to a bug or too large an α.",
        ko: "드롭아웃이 없으면 α가 충분히 작은 경사하강법은 매 단계 J를 낮춥니다. 오른다면 버그이거나 α가 너무 큰 것입니다.",
      },
    },
    settings: { lr: 0.1, keep: [1, 1], checkj: true },
    train: 1000,
    report: "jcheck",
    action: "dropoutOn",
    highlight: ["#keep-controls", "label:has(> #checkj)", "#cost-chart"],
    tab: "curves",
  },
  {
    title: { en: "Data augmentation", ko: "데이터 증식 (data augmentation)" },
    caption: {
      en: "The lecture's images are flipped, zoomed, distorted and rotated. Here each training point gets a distorted (jitter σ = 0.3), "
        + "a rotated (±15°) and a zoomed (×0.9–1.1) copy: 200 real + 600 augmented (faded). Cheaper than new data, but the copies are "
        + "not independent, so they add less information. A left–right flip would mislabel this field.",
      ko: "강의의 이미지는 대칭, 확대, 왜곡, 회전합니다. 여기서는 훈련 점마다 왜곡 (jitter σ = 0.3), 회전 (±15°), 확대 (zoom ×0.9–1.1) "
        + "복사본을 하나씩 만듭니다: 실제 200 + 증식 600 (흐린 점). 적은 비용으로 데이터를 늘리지만 중복이 많아 새롭고 독립적인 데이터보다 "
        + "정보가 적습니다. 좌우 대칭 (flip)은 이 데이터의 레이블을 틀리게 만듭니다.",
    },
    ask: {
      q: { en: "What will 600 augmented copies do to the dev error?", ko: "증식 복사본 600개는 개발 세트 오차를 어떻게 바꿀까요?" },
      choices: [{ en: "lower it", ko: "낮춘다" }, { en: "raise it", ko: "높인다" }, { en: "nothing", ko: "그대로다" }],
      answer: [0],
      why: { en: "The copies regularize like more data, though less than as many new points would (Compare).", ko: "복사본은 데이터를 늘린 것처럼 정규화하지만, 같은 수의 새 데이터보다는 효과가 작습니다 (비교)." },
    },
    settings: { augment: ["jitter", "rotate", "zoom"] },
    train: 2000,
    highlight: ["#augment", "#augment-count", "#boundary"],
    tab: "curves",
    compare: "augmentation",
  },
  {
    title: { en: "Early stopping on the dev error", ko: "개발 세트 오차로 조기 종료 (early stopping)" },
    caption: {
      en: "Training cost falls; the dev-set error falls, then rises: stop at its minimum (patience 1000, restoring those weights). "
        + "w starts near 0 and grows, so one run tries small, mid and large w. But it couples optimizing J with preventing overfitting "
        + "(orthogonalization); the alternative is L2 with λ tuned.",
      ko: "훈련 비용은 줄고, 개발 세트 오차는 줄다가 다시 오릅니다: 최저점에서 멈춥니다 (patience 1000, 그때의 가중치로 복원). "
        + "w는 0 근처에서 시작해 커지므로 한 번의 실행으로 작은/중간/큰 w를 모두 얻습니다. 하지만 J 최적화와 과대적합 방지라는 "
        + "두 작업을 섞습니다 (직교화, orthogonalization). 대안은 λ를 조정한 L2 정규화입니다.",
    },
    ask: {
      q: { en: "While the training cost falls, what does the dev error do?", ko: "훈련 비용이 줄어드는 동안 개발 세트 오차는?" },
      choices: [{ en: "falls, then rises", ko: "줄다가 오른다" }, { en: "keeps falling", ko: "계속 줄어든다" }, { en: "rises from the start", ko: "처음부터 오른다" }],
      answer: [0],
      why: { en: "After its minimum the network starts to fit noise: that is where early stopping stops.", ko: "최저점 이후로는 신경망이 잡음까지 맞추기 시작합니다: 조기 종료는 거기서 멈춥니다." },
    },
    settings: { patience: 1000, stopOn: "error" },
    train: "play",
    highlight: ["#patience", "#stopOn", "#error-chart"],
    tab: "curves",
  },
  {
    quiz: 9,
    title: { en: "Quiz 9: L1 against L2", ko: "퀴즈 9: L1과 L2" },
    caption: {
      en: "What is the biggest difference between L1 and L2 regularization? Choose one.",
      ko: "L1 정규화와 L2 정규화의 가장 큰 차이점은 무엇인가요? 하나를 고르세요.",
    },
    ask: {
      choices: [
        { en: "L1 penalizes the sum of squared weights, L2 the sum of their absolute values.", ko: "L1은 모델의 가중치에 대한 제곱의 합에 페널티를 부여하고, L2는 가중치의 절댓값의 합에 페널티를 부여한다." },
        { en: "L1 can make some weights exactly 0: it is sparse, so it acts as feature selection.", ko: "L1은 특정 가중치를 0으로 만들 수 있어 희소 (sparse)하기 때문에 피쳐 선택의 효과가 있다." },
        { en: "Both L1 and L2 make the weights 0 and so reduce the model's complexity.", ko: "L1과 L2 모두 모델의 가중치를 0으로 만들어, 모델의 복잡도를 감소시킨다." },
        { en: "L2 makes every weight 0 at once.", ko: "L2는 모든 가중치를 동시에 0으로 만든다." },
      ],
      answer: [1],
      why: {
        en: "The first choice swaps L1 and L2. L1's derivative is a constant: each update subtracts it whatever the size of w, so small weights reach 0 "
          + "and only the important (large) ones survive — sparse. L2's pull is proportional to w: large weights are pulled hard, small ones gently, none is removed entirely.",
        ko: "첫 번째 보기는 L1과 L2의 설명이 반대입니다. L1을 미분하면 상수이므로 업데이트 때 w의 크기와 상관없이 상수를 빼서 작은 가중치는 0으로 수렴하고 "
          + "중요한 (큰) 가중치만 남습니다 (희소). L2는 가중치 크기에 비례해 큰 값은 강하게, 작은 값은 약하게 규제하므로 완전히 0으로 없애지는 않습니다.",
      },
    },
    live: { features: ALL_FEATURES, reg: "l1", lambda: 3 },
    liveTab: "weights",
    highlight: ["#lecture-question"],
  },
  {
    quiz: 10,
    title: { en: "Quiz 10: λ and training", ko: "퀴즈 10: 람다 (λ)와 모델 학습" },
    caption: {
      en: "Which statements about λ and training are right? Choose every right answer.",
      ko: "정규화 시 람다 (lambda) 값과 모델 학습에 대한 설명으로 옳은 것을 모두 골라주세요.",
    },
    ask: {
      multiple: true,
      choices: [
        { en: "The smaller λ, the more complex the fit to the data, and the higher the risk of overfitting.", ko: "람다 값이 작을수록 모델은 데이터에 대해 더 복잡하게 학습하며, 오버피팅의 위험이 증가한다." },
        { en: "The smaller λ, the larger the penalty on the weights, which helps prevent overfitting.", ko: "람다 값이 작을수록 모델의 가중치에 대한 페널티가 증가하여, 오버피팅을 방지하는데 도움이 된다." },
        { en: "The larger λ, the more complex the fit to the data, and the higher the risk of overfitting.", ko: "람다 값이 클수록 모델은 데이터에 대해 더 복잡하게 학습하며, 오버피팅의 위험이 증가한다." },
        { en: "The larger λ, the larger the penalty on the weights, limiting complexity and lowering the risk of overfitting.", ko: "람다 값이 클수록 모델의 가중치에 대한 페널티가 증가하며, 모델의 복잡도를 제한하여 오버피팅의 위험이 감소한다." },
      ],
      answer: [0, 3],
      why: {
        en: "W := (1 − αλ/m) W − α (from backprop). A large λ makes the factor well below 1: weights are updated to smaller values (a larger penalty), "
          + "complexity is limited, less overfitting. A small λ leaves it just below 1 (close to 1): the weights shrink slowly, the fit gets more complex, more overfitting risk.",
        ko: "W := (1 − αλ/m) W − α (역전파에서 온 값). 람다가 커지면 가중치에 곱해지는 값이 1보다 매우 작아져 가중치가 더 작은 값으로 업데이트되고 (페널티 증가) "
          + "모델 복잡도가 제한되어 오버피팅 위험이 줄어듭니다. 람다가 작으면 그 값이 1보다 약간 작아 (1과 비슷) 가중치가 천천히 줄고, 더 복잡하게 학습해 오버피팅 위험이 커집니다.",
      },
    },
    live: { reg: "l2", lambda: 10 },
    liveTab: "tanh",
    highlight: ["#lecture-question", "#decay"],
  },
];
