// Korean for the lecture mode: every step's words (lessons.js), the question and its
// verdicts (lecture-ask.js) and the two runs side by side (lecture-pair.js), keyed by their
// English. Merged into i18n.js's table.

export const KO_LECTURE = {
  // step 1
  "High variance: the network overfits": "높은 분산: 신경망의 과대적합",
  "The course's network (2→20→3→1, tanh) on the goalkeeper data: 100 training samples, α = 0.05, no regularization, 2,000 iterations.":
    "강의의 신경망(2→20→3→1, tanh)을 골키퍼 데이터의 훈련 샘플 100개로 정규화 없이 2,000번 학습합니다 (α = 0.05).",
  "How will the training error compare with the dev-set error?": "훈련 세트 오차와 개발 세트 오차는 어떻게 될까요?",
  "training error well below the dev-set error": "훈련 세트 오차가 개발 세트 오차보다 훨씬 낮다",
  "about the same": "거의 같다",
  "training error above the dev-set error": "훈련 세트 오차가 더 높다",
  "High variance (overfitting): the boundary bends around single training samples, so it fits the training set far better than the dev set. More training data would fix it, but data costs a lot: so we regularize. Every later step compares with this run (no regularization → now).":
    "높은 분산(과대적합): 결정 경계가 훈련 샘플 하나하나를 따라 휘어서 훈련 세트에는 잘 맞고 개발 세트에는 덜 맞습니다. 훈련 데이터를 늘리면 해결되지만 많은 비용이 듭니다. 그래서 정규화를 합니다. 이후 단계는 모두 이 실행과 비교합니다 (정규화 없이 → 지금).",
  // step 2
  "Norms: L1 and L2": "노름: L1과 L2",
  "A norm measures the size of a vector: L1 is the sum of absolute values, L2 the straight-line length. Take the lecture's x = [2, 3, 4] (Norms).":
    "노름은 벡터의 크기를 재는 방법입니다. L1 노름은 모든 성분의 절댓값의 합, L2 노름은 두 점 사이의 직선 거리입니다. 강의의 x = [2, 3, 4]로 계산합니다 (노름 탭).",
  "What are ‖x‖₁ and ‖x‖₂?": "‖x‖₁과 ‖x‖₂는?",
  "9 and √29": "9와 √29",
  "√29 and 9": "√29와 9",
  "29 and 9": "29와 9",
  "‖x‖₁ = |2| + |3| + |4| = 9; ‖x‖₂ = √(2² + 3² + 4²) = √29 ≈ 5.385. For two weights, ‖w‖₁ ≤ t is a diamond and ‖w‖₂ ≤ t a circle: the loss contour usually first touches the diamond at a corner, where one weight is exactly 0.":
    "‖x‖₁ = |2| + |3| + |4| = 9, ‖x‖₂ = √(2² + 3² + 4²) = √29 ≈ 5.385입니다. 가중치가 두 개일 때 ‖w‖₁ ≤ t는 마름모, ‖w‖₂ ≤ t는 원입니다. 손실 등고선은 대개 마름모의 꼭짓점에서 처음 닿고, 그 점에서는 가중치 하나가 정확히 0입니다.",
  // step 3
  "Logistic regression with L2": "로지스틱 회귀의 L2 정규화",
  "No hidden layer (logistic regression): J(w, b) = (1/m) Σ L + (λ/2m) ‖w‖₂², with ‖w‖₂² = Σⱼ wⱼ² = wᵀw; λ = 1, 2,000 iterations.":
    "은닉층이 없는 로지스틱 회귀의 비용함수 J(w, b) = (1/m) Σ L + (λ/2m) ‖w‖₂² (‖w‖₂² = Σⱼ wⱼ² = wᵀw)로 λ = 1에서 2,000번 학습합니다.",
  "Which parameters does the penalty (λ/2m)‖w‖₂² shrink?": "페널티 (λ/2m)‖w‖₂²는 어떤 매개변수를 줄이나요?",
  "only w": "w만",
  "w and b": "w와 b 모두",
  "only b": "b만",
  "Only w: the penalty readout is exactly λ/(2m)·‖w‖² with the weights alone. b could be regularized too, but it is usually left out: most parameters are in w, so adding b changes almost nothing. The boundary is a straight line.":
    "w만 줄입니다. 페널티 값은 가중치만으로 계산한 λ/(2m)·‖w‖²와 정확히 같습니다. b도 정규화할 수는 있지만 보통 생략합니다. 매개변수 대부분이 w에 있어 b까지 정규화해도 실질적인 차이가 없기 때문입니다. 결정 경계는 직선입니다.",
  // step 4
  "L1 on logistic regression: feature selection": "로지스틱 회귀의 L1 정규화: 피쳐 선택",
  "All seven input features into logistic regression, with L1: J = (1/m) Σ L + (λ/2m) ‖w‖₁, λ = 30.":
    "입력 피쳐 7개를 모두 넣고 L1 정규화 J = (1/m) Σ L + (λ/2m) ‖w‖₁ (λ = 30)로 학습합니다.",
  "With L1, what happens to the seven input weights?": "L1을 쓰면 입력 가중치 7개는 어떻게 될까요?",
  "several become exactly 0": "몇 개가 정확히 0이 된다",
  "all shrink, none reaches 0": "모두 줄지만 0이 되는 것은 없다",
  "all grow": "모두 커진다",
  "w becomes sparse: L1's pull (λ/2m)·sign(w) is the same whatever the size of w, so small weights reach 0 and stay there. Only the features still in use count (feature selection), and fewer weights need storing (model compression).":
    "w가 희소해집니다. L1의 기울기 (λ/2m)·sign(w)는 w의 크기와 상관없이 같아서 작은 가중치는 0에 닿아 그대로 머뭅니다. 남은 피쳐만 쓰이고 (피쳐 선택), 저장할 가중치도 줄어듭니다 (모델 압축).",
  // step 5
  "The network: the Frobenius norm": "신경망: 프로베니우스 노름",
  "Back to the network, with L2 λ = 0.7: J = (1/m) Σ L + (λ/2m) Σₗ ‖W[l]‖²_F, where ‖W[l]‖²_F = Σᵢ Σⱼ (W[l]ᵢⱼ)².":
    "다시 신경망에 L2 정규화 (λ = 0.7)를 씁니다: J = (1/m) Σ L + (λ/2m) Σₗ ‖W[l]‖²_F, 여기서 ‖W[l]‖²_F = Σᵢ Σⱼ (W[l]ᵢⱼ)²입니다.",
  "W[1] is 20×2, W[2] 3×20, W[3] 1×3. How many squares does Σ‖W[l]‖²_F add?": "W[1]은 20×2, W[2]는 3×20, W[3]은 1×3입니다. Σ‖W[l]‖²_F는 몇 개의 제곱을 더할까요?",
  "103, every weight": "103개, 모든 가중치",
  "3, one per layer": "3개, 층마다 하나",
  "26, one per unit": "26개, 유닛마다 하나",
  "40 + 60 + 3 = 103 weights, each squared; the biases are left out. The Frobenius norm is the L2 norm of a matrix, the sum of the squares of its elements; the penalty readout is λ/(2m) times that sum over all layers (Weights: each layer's norm).":
    "가중치 40 + 60 + 3 = 103개를 각각 제곱해 더하고, 편향 b는 뺍니다. 프로베니우스 노름은 행렬의 L2 노름, 곧 원소 제곱의 합입니다. 페널티 값은 모든 층에 대한 이 합의 λ/(2m)배입니다 (가중치 탭: 층별 노름).",
  // step 6
  "With L2, dW[l] = (from backprop) + (λ/m) W[l], and W[l] := W[l] − α dW[l]. Here α = 0.05, λ = 0.7, m = 100.":
    "L2 정규화에서 dW[l] = (역전파에서 온 값) + (λ/m) W[l]이고 W[l] := W[l] − α dW[l]입니다. 여기서는 α = 0.05, λ = 0.7, m = 100입니다.",
  "Written as W[l] := (1 − αλ/m) W[l] − α (from backprop), what is the factor 1 − αλ/m here?":
    "W[l] := (1 − αλ/m) W[l] − α (역전파에서 온 값)으로 쓰면, 곱해지는 1 − αλ/m은 여기서 얼마일까요?",
  "0.99965, just below 1": "0.99965, 1보다 조금 작다",
  "1.00035, above 1": "1.00035, 1보다 크다",
  "1 − 0.05 · 0.7 / 100 = 0.99965: every step multiplies W by a factor just below 1. That is why L2 is called weight decay (Weight decay tab: one weight's numbers).":
    "1 − 0.05 · 0.7 / 100 = 0.99965입니다. 즉 매 단계 W에 1보다 조금 작은 값이 곱해집니다. 그래서 L2 정규화를 가중치 감쇠라고 부릅니다 (가중치 감쇠 탭: 가중치 하나의 계산).",
  // step 7
  "Why regularization reduces overfitting (1): a simpler network": "정규화가 과대적합을 줄이는 이유 (1): 더 간단한 신경망",
  "The same network with a large regularization parameter, λ = 3, 2,000 iterations.": "같은 신경망을 큰 정규화 매개변수 λ = 3으로 2,000번 학습합니다.",
  "What happens to most of the 23 hidden units?": "은닉 유닛 23개 중 대부분은 어떻게 될까요?",
  "the weights out of them go near 0: little influence": "나가는 가중치가 0에 가까워져 영향력이 작아진다",
  "they all stay as influential": "모두 그대로 영향력이 크다",
  "they are removed from the network": "신경망에서 삭제된다",
  "λ↑ → W ≈ 0: the units stay, but the weights out of most of them shrink toward 0, so the network acts like a smaller, simpler one. Too large a λ underfits, too small overfits: the right λ lies between.":
    "λ↑ → W ≈ 0. 유닛이 없어지지는 않지만, 대부분의 유닛에서 나가는 가중치가 0에 가깝게 줄어듭니다. 많은 은닉 유닛의 영향력이 거의 0이 되어, 신경망이 더 작고 간단한 신경망처럼 동작합니다. λ가 너무 크면 과소적합, 너무 작으면 과대적합이니 그 사이의 적절한 λ를 찾아야 합니다.",
  // step 8
  "Why (2): tanh's linear region, λ = 10": "이유 (2): tanh의 선형 영역, λ = 10",
  "g(z) = tanh(z), and an even larger λ = 10 (tanh tab: where the hidden units' z lie).": "g(z) = tanh(z)이고, 더 큰 λ = 10으로 학습합니다 (tanh 탭: 은닉 유닛의 z가 놓인 곳).",
  "What will the boundary do?": "결정 경계는 어떻게 될까요?",
  "become nearly straight": "거의 직선이 된다",
  "wiggle more": "더 구불구불해진다",
  "stay the same": "그대로다",
  "λ↑ → W[l]↓ → z[l] = W[l] a[l−1] + b[l]↓: the z gather near 0, where tanh(z) ≈ z, so tanh is used more and more in its linear region (the report below: the share of z there, without λ and now). Every layer is closer to linear, so the whole network computes a nearly linear function and cannot draw a complex, overfit boundary. Too large a λ underfits: the training error rises.":
    "λ↑ → W[l]↓ → z[l] = W[l] a[l−1] + b[l]↓. z가 0 근처로 모이고, 0 근처에서는 tanh(z) ≈ z이므로 tanh의 선형 영역을 점점 더 많이 쓰게 됩니다 (아래 보고: 그 영역에 있는 z의 비율, 정규화 없이와 지금). 모든 층이 선형에 가까워지고 전체 신경망도 거의 선형 함수만 계산하므로, 과대적합처럼 복잡한 결정 경계를 그릴 수 없습니다. λ가 너무 크면 과소적합되어 훈련 세트 오차가 오릅니다.",
  // step 9
  "Choosing λ on the dev set": "개발 세트로 λ 고르기",
  "λ, the regularization parameter, is a hyperparameter: the sweep trains the same start with 12 values of λ and compares the dev-set (cross-validation set) error.":
    "정규화 매개변수 λ는 하이퍼파라미터입니다. λ 탐색은 같은 초기값에서 λ 값 12개로 각각 학습한 뒤 개발 세트(교차 검증 세트) 오차를 비교합니다.",
  "Where will the dev-set error be lowest?": "개발 세트 오차는 어디에서 가장 낮을까요?",
  "at λ = 0": "λ = 0에서",
  "at a middle λ": "중간의 λ에서",
  "at the largest λ": "가장 큰 λ에서",
  "Between overfitting and underfitting: too small a λ overfits (training error far below the dev-set error), too large underfits (both high). Try many values and keep the one with the lowest dev-set error: the sweep marks it.":
    "과대적합과 과소적합 사이입니다. λ가 너무 작으면 과대적합 (훈련 세트 오차가 개발 세트 오차보다 훨씬 낮음), 너무 크면 과소적합 (둘 다 높음)입니다. 여러 값을 시도해 개발 세트 오차가 가장 낮은 값을 고릅니다. 탐색 그래프에 그 λ가 표시됩니다.",
  // step 10
  "Dropout: inverted, keep_prob = 0.8": "드롭아웃: 역 드롭아웃, keep_prob = 0.8",
  "keep_prob = 0.8 on both hidden layers: every iteration draws a new mask d[l] = rand < keep_prob and sets a[l] = a[l]·d[l]/keep_prob (dropped units flicker).":
    "두 은닉층 모두 keep_prob = 0.8입니다. 반복마다 새 마스크 d[l] = rand < keep_prob를 뽑아 a[l]을 a[l]·d[l]/keep_prob로 바꿉니다. 신경망 그림에서 삭제된 유닛이 깜박입니다.",
  "Why does inverted dropout divide a[l] by keep_prob?": "역 드롭아웃은 왜 a[l]을 keep_prob로 나눌까요?",
  "to keep the expected value of z, so test time needs no scaling": "z의 기댓값을 유지해 테스트에서 스케일링이 필요 없게",
  "to make training faster": "학습을 빠르게 하려고",
  "to drop more units": "더 많은 유닛을 삭제하려고",
  "With 50 units and keep_prob 0.8, about 10 are dropped, so z[l+1] = W a[l] + b would shrink; dividing by keep_prob keeps its expected value. No dropout at test time: predictions must not be random. Plain dropout (no division) sees a test-time z 1/keep_prob times larger: its boundary (right) shifts. Why dropout works: a unit cannot rely on any one input, so it spreads its weights, and ‖W‖ shrinks much like with L2.":
    "강의의 예처럼 유닛이 50개이고 keep_prob = 0.8이면 평균 10개가 삭제되어 z[l+1] = W a[l] + b의 기댓값이 줄어드는데, keep_prob로 나누면 기댓값이 유지됩니다. 테스트에서는 드롭아웃을 쓰지 않습니다 (예측이 무작위이면 안 되니까요). 나누지 않는 일반 드롭아웃은 테스트 때 z가 1/keep_prob배가 되어 결정 경계(오른쪽)가 달라집니다. 드롭아웃이 효과가 있는 이유: 유닛이 어느 한 입력에 의존할 수 없어 가중치를 고르게 나누고, 그래서 L2처럼 ‖W‖가 줄어듭니다.",
  // step 11
  "keep_prob per layer": "층마다 다른 keep_prob",
  "keep_prob can differ per layer. The 20-unit layer feeds W[2] (3×20, 60 weights), the 3-unit layer W[3] (1×3).":
    "keep_prob는 층마다 다르게 정할 수 있습니다. 유닛 20개인 층은 W[2] (3×20, 가중치 60개)로, 유닛 3개인 층은 W[3] (1×3)으로 이어집니다.",
  "Which layer should get the lower keep_prob?": "어느 층에 더 낮은 keep_prob를 줄까요?",
  "the 20-unit layer": "유닛 20개인 층",
  "the 3-unit layer": "유닛 3개인 층",
  "the input layer": "입력층",
  "Lower (0.5) where there are many parameters and so more risk of overfitting, 1 on the 3-unit layer. Dropping there shrinks ‖W‖ below the run without dropout. The input layer can drop too (input layer keep_prob), but that is rarely done.":
    "과대적합 우려가 큰 층(유닛 20개)은 낮게(0.5), 우려가 적은 층(유닛 3개)은 1로 둡니다. 이 층에서 나가는 가중치가 가장 많기 때문입니다. 이 층의 유닛을 삭제하면 드롭아웃이 없을 때보다 ‖W‖가 작아집니다. 입력층에도 설정할 수 있지만 거의 하지 않습니다.",
  // step 12
  "The J check: dropout off, then on": "J 확인: 드롭아웃을 끄고, 다시 켜기",
  "With dropout J is not well defined. The lecture's check: run with keep_prob = 1 (no dropout) first; here α = 0.05.":
    "드롭아웃을 쓰면 비용함수 J를 정의하기 어렵습니다. 그래서 먼저 keep_prob = 1로(드롭아웃 없이) 실행합니다. 여기서는 α = 0.05입니다.",
  "With keep_prob = 1, how should J move?": "keep_prob = 1일 때 J는 어떻게 움직여야 할까요?",
  "fall at every iteration": "매 반복 줄어든다",
  "rise and fall at random": "무작위로 오르내린다",
  "stay flat": "변하지 않는다",
  "Without dropout, gradient descent with a small enough α lowers J at every step (monotonically); a rise would point to a bug or too large an α. Then turn dropout on: the button below sets keep_prob = 0.8 and trains on.":
    "드롭아웃이 없으면 α가 충분히 작은 경사하강법은 매 단계 J를 낮춥니다 (단조 감소). 오른다면 버그이거나 α가 너무 큰 것입니다. 그다음 드롭아웃을 켭니다. 아래 ‘드롭아웃 켜기’ 버튼을 누르면 keep_prob = 0.8로 이어서 학습합니다.",
  // step 13
  "The lecture's images are flipped, zoomed, distorted and rotated; here they are real: 60 handwritten 4s and 9s (8×8 pixels) each get an elastically distorted, a rotated (±15°) and a zoomed (×0.9–1.1) copy: 60 real + 180 augmented. The strip shows a training 4 and its copies.":
    "강의에서는 이미지를 대칭·확대·왜곡·회전해 데이터를 늘립니다. 여기서는 실제 이미지입니다: 손글씨 4와 9 (8×8 픽셀) 60개마다 탄성 왜곡, 회전(±15°), 확대(×0.9–1.1) 복사본을 하나씩 만듭니다: 실제 60개 + 증식 180개. 아래 띠에 훈련 이미지 4와 그 복사본이 있습니다.",
  "What will 180 augmented copies do to the dev-set error?": "증식 복사본 180개는 개발 세트 오차를 어떻게 바꿀까요?",
  "lower it": "낮춘다",
  "raise it": "높인다",
  "nothing": "그대로다",
  "The copies regularize like more data, and cost almost nothing; but they are not independent of their originals, so they carry less information than as many new samples (Side by side). A left–right flip would not keep the label: a mirrored 4 is not a 4.":
    "복사본은 적은 비용으로 데이터를 늘린 것처럼 정규화합니다. 하지만 원본과 중복되는 부분이 많아 같은 수의 새롭고 독립적인 샘플보다 정보가 적습니다 (나란히 보기). 좌우 대칭은 레이블을 지키지 못합니다: 좌우가 뒤집힌 4는 4가 아닙니다.",
  // step 14
  "Early stopping on the dev-set error": "개발 세트 오차로 조기 종료",
  "No regularization, 100 training samples, α = 0.05: plot the training cost and the dev-set error while gradient descent runs; stop when the dev-set error has not improved for 1,000 iterations.":
    "훈련 샘플 100개를 α = 0.05로 정규화 없이 학습하며 훈련 비용과 개발 세트 오차를 함께 그립니다. 최저점 이후 1,000번 반복하는 동안 더 낮아지지 않으면 학습을 멈춥니다.",
  "While the training cost falls, what does the dev-set error do?": "훈련 비용이 줄어드는 동안 개발 세트 오차는?",
  "falls, then rises": "줄다가 오른다",
  "keeps falling": "계속 줄어든다",
  "rises from the start": "처음부터 오른다",
  "The training cost falls monotonically; the dev-set error falls, then rises once the network starts fitting noise: stop at its minimum and restore those weights. w starts small and grows during training, so stopping early picks a mid-sized w, like L2 (see ‖W‖ below and the Weights tab's curve). The downside: ① optimizing J and ② preventing overfitting are separate jobs that want separate tools (orthogonalization); early stopping stops ① to do ②, so it mixes them. The alternative is L2 with a tuned λ.":
    "훈련 비용은 계속 줄지만 개발 세트 오차는 줄다가 신경망이 잡음까지 맞추기 시작하면 다시 오릅니다. 최저점에서 멈추고 그때의 가중치로 되돌립니다. w는 0에 가까운 작은 값에서 시작해 점점 커지므로, 일찍 멈추면 L2 정규화처럼 중간 크기의 w를 얻습니다 (아래 ‖W‖와 가중치 탭의 곡선). 단점: 머신러닝의 두 작업인 ① 비용함수 J 최적화와 ② 과대적합 방지는 별개의 도구로 따로 다루는 것이 좋은데(직교화), 조기 종료는 경사하강법을 일찍 멈춰(②) J 최적화(①)도 함께 멈추므로 두 작업을 섞습니다. 대안은 λ를 조정한 L2 정규화입니다.",
  // step 15 (quiz 9)
  "Quiz 9: L1 against L2": "퀴즈 9: L1과 L2",
  "What is the biggest difference between L1 and L2 regularization? Choose one.": "L1 정규화와 L2 정규화의 가장 큰 차이점은 무엇인가요? 하나를 고르세요.",
  "L1 penalizes the sum of squared weights, L2 the sum of their absolute values.": "L1은 모델의 가중치에 대한 제곱의 합에 페널티를 부여하고, L2는 가중치의 절댓값의 합에 페널티를 부여한다.",
  "L1 can make some weights exactly 0: it is sparse, so it acts as feature selection.": "L1은 특정 가중치를 0으로 만들 수 있어 희소하기 때문에 피쳐 선택의 효과가 있다.",
  "Both L1 and L2 make the weights 0 and so reduce the model's complexity.": "L1과 L2 모두 모델의 가중치를 0으로 만들어, 모델의 복잡도를 감소시킨다.",
  "L2 makes every weight 0 at once.": "L2는 모든 가중치를 동시에 0으로 만든다.",
  "The first choice swaps L1 and L2. L1's derivative is a constant: each update subtracts it whatever the size of w, so small weights reach 0 and only the important (large) ones survive — sparse. L2's pull is proportional to w: large weights are pulled hard, small ones gently, none is removed entirely.":
    "첫 번째 보기는 L1과 L2의 설명이 반대입니다. L1을 미분하면 상수이므로 업데이트 때 w의 크기와 상관없이 상수를 빼서 작은 가중치는 0으로 수렴하고 중요한 (큰) 가중치만 남습니다 (희소). L2는 가중치 크기에 비례해 큰 값은 강하게, 작은 값은 약하게 규제하므로 완전히 0으로 없애지는 않습니다.",
  // step 16 (quiz 10)
  "Quiz 10: λ and training": "퀴즈 10: 람다 (λ)와 모델 학습",
  "Which statements about λ and training are right? Choose every right answer.": "정규화 시 람다 (λ) 값과 모델 학습에 대한 설명으로 옳은 것을 모두 골라주세요.",
  "The smaller λ, the more complex the fit to the data, and the higher the risk of overfitting.": "람다 값이 작을수록 모델은 데이터에 대해 더 복잡하게 학습하며, 오버피팅의 위험이 증가한다.",
  "The smaller λ, the larger the penalty on the weights, which helps prevent overfitting.": "람다 값이 작을수록 모델의 가중치에 대한 페널티가 증가하여, 오버피팅을 방지하는데 도움이 된다.",
  "The larger λ, the more complex the fit to the data, and the higher the risk of overfitting.": "람다 값이 클수록 모델은 데이터에 대해 더 복잡하게 학습하며, 오버피팅의 위험이 증가한다.",
  "The larger λ, the larger the penalty on the weights, limiting complexity and lowering the risk of overfitting.":
    "람다 값이 클수록 모델의 가중치에 대한 페널티가 증가하며, 모델의 복잡도를 제한하여 오버피팅의 위험이 감소한다.",
  "W := (1 − αλ/m) W − α (from backprop). A large λ makes the factor well below 1: weights are updated to smaller values (a larger penalty), complexity is limited, less overfitting. A small λ leaves it just below 1 (close to 1): the weights shrink slowly, the fit gets more complex, more overfitting risk.":
    "W := (1 − αλ/m) W − α (역전파에서 온 값). 람다가 커지면 가중치에 곱해지는 값이 1보다 매우 작아져 가중치가 더 작은 값으로 업데이트되고 (페널티 증가) 모델 복잡도가 제한되어 오버피팅 위험이 줄어듭니다. 람다가 작으면 그 값이 1보다 약간 작아 (1과 비슷) 가중치가 천천히 줄고, 더 복잡하게 학습해 오버피팅 위험이 커집니다.",
  // the question and its verdicts (lecture-ask.js), the two runs side by side (lecture-pair.js)
  "Predict first:": "먼저 예측해 보세요:",
  "Run without answering": "답하지 않고 실행",
  "Check": "채점",
  "Show it live": "직접 보기",
  "Your prediction held ✓ ({right})": "예측이 맞았습니다 ✓ ({right})",
  "Your prediction did not hold ✗ — it was: {right}.": "예측과 달랐습니다 ✗ — 답: {right}.",
  "Answer: {right}.": "답: {right}.",
  "Right ✓": "정답입니다 ✓",
  "Not quite ✗ — the right answers: {right}.": "아쉽습니다 ✗ — 정답: {right}.",
  "Choose an answer first.": "먼저 답을 고르세요.",
  "Now turn dropout on (keep_prob = 0.8)": "드롭아웃 켜기 (keep_prob = 0.8)",
  "Training error {train}, dev-set error {dev}: the gap is the variance. ‖W‖ = {norm}.": "훈련 세트 오차 {train}, 개발 세트 오차 {dev}: 이 차이가 분산입니다. ‖W‖ = {norm}.",
  "No regularization → now: dev-set error {dev0} → {dev}, dev-set cost {cost0} → {cost}, ‖W‖ {norm0} → {norm}.":
    "정규화 없이 → 지금: 개발 세트 오차 {dev0} → {dev}, 개발 세트 비용 {cost0} → {cost}, ‖W‖ {norm0} → {norm}.",
  "Every step: W := {decay} · W − α (from backprop).": "매 단계 W := {decay} · W − α (역전파에서 온 값).",
  "Hidden units that still matter (‖weights out‖ ≥ {matters}): {units} of {count}.": "아직 영향력이 있는 은닉 유닛 (나가는 가중치의 노름 ≥ {matters}): {count}개 중 {units}개.",
  "Hidden z in tanh's linear region (shaded on the tanh tab): {linear0} without regularization → {linear} now; the output's linearity R² {r20} → {r2}.":
    "tanh의 선형 영역(tanh 탭의 음영) 안에 있는 은닉층 z: 정규화 없이 {linear0} → 지금 {linear}. 출력의 선형성 R²: {r20} → {r2}.",
  "Dev-set cost: inverted {inverted}, plain (no division) {plain}.": "개발 세트 비용: 역 드롭아웃 {inverted}, 나누지 않는 드롭아웃 {plain}.",
  "Over the {steps} recorded steps J fell {falls} times and rose {rises} times.": "기록된 {steps}개 구간에서 J가 {falls}번 줄고 {rises}번 올랐습니다.",
  "‖W‖: {start} at the start → {best} at the lowest dev-set error (iteration {at}), a mid-sized w like L2 with λ = 0.7 ({l2}).":
    "‖W‖: 시작 {start} → 개발 세트 오차 최저점(반복 {at})에서 {best}. L2 정규화(λ = 0.7)의 {l2}처럼 중간 크기의 w입니다.",
  "inverted dropout (÷ keep_prob)": "역 드롭아웃 (÷ keep_prob)",
  "plain dropout (no division)": "일반 드롭아웃 (나누지 않음)",
  "small λ = {small}": "작은 λ = {small}",
  "large λ = {large}": "큰 λ = {large}",
  "dev-set cost {value}": "개발 세트 비용 {value}",
  "dev-set error {value}": "개발 세트 오차 {value}",
  "training error {value}": "훈련 세트 오차 {value}",
  "weights exactly 0: {zero} of {count}": "정확히 0인 가중치: {count}개 중 {zero}개",
  "training both…": "두 실행을 학습하는 중…",
  "Two runs side by side, same data and initialization": "같은 데이터, 같은 초기값으로 학습한 두 실행",
};
