// The lecture's steps, in its order and in its words. Each step says in one line what will be
// trained (`setup`), asks one question before anything on screen gives the answer away, trains
// once the student answers (or presses Run), and only then explains (`explain`) with the live
// numbers of the run beside those of the same run without regularization (the baseline). The
// first step is the lecture's opening: the unregularized network overfits. The last two steps
// are the lecture's quiz 9 and 10. Every claim is checked on the real model by
// tests/browser/lecture*.test.mjs.

/**
 * The run every step starts from: the course's 2→20→3→1 tanh network on the goalkeeper data,
 * 100 training samples (few, so it overfits within 2,000 iterations) and α = 0.05 (small
 * enough that full-batch J never jumps up: at α 0.5 it spikes, e.g. at iterations 85–88 and
 * 177–180 on 200 samples; at 0.05 no step's J rises by 1 % in 2,000 iterations).
 */
export const COURSE_SETUP = {
  dataset: "keeper", points: 200, noise: 25, train: 50, seed: 1, features: ["x1", "x2"], layers: [20, 3], act: "tanh",
  lr: 0.05, batch: 0, reg: "none", lambda: 0, keep: [1, 1], patience: 0, augment: [], checkj: false,
  inverted: 1, keepIn: 1, stopOn: "cost",
};

export const ALL_FEATURES = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"];

/** A hidden unit "still matters" while the weights out of it have at least this norm. */
export const MATTERS = 0.3;

/** What "no regularization" means for the baseline run: the step's run with every regularizer off. */
export const NO_REGULARIZATION = { reg: "none", lambda: 0, keepIn: 1, inverted: 1, augment: [], patience: 0 };

/**
 * `setup`: one line, what will be trained (shown from the start); `ask`: the question, its
 * choices and the right ones (`answer`, indices); `explain`: shown once answered or run.
 * `settings` go on top of COURSE_SETUP when the step opens, `runSettings` only when it runs
 * (so the controls do not show the answer); `train`: iterations, "play" (until early stopping
 * stops), "sweep" (the λ sweep panel's run) or 0; `highlight`: the controls and readouts that
 * matter; `conceal`: what would give the answer away, blank until answered; `tab`: the
 * instrument to open; `report`: the live numbers the step adds after its run; `baseline`: the
 * report also prints "no regularization → now"; `pair`: two runs side by side after the run
 * (lecture-pair.js); `action`: a button of the step; `quiz`: the lecture's quiz number.
 */
export const LESSONS = [
  {
    title: "High variance: the network overfits",
    setup: "The course's network (2→20→3→1, tanh) on the goalkeeper data: 100 training samples, α = 0.05, no regularization, 2,000 iterations.",
    ask: {
      q: "How will the training error compare with the dev-set error?",
      choices: [
        "training error well below the dev-set error",
        "about the same",
        "training error above the dev-set error",
      ],
      answer: [0],
    },
    explain: "High variance (overfitting): the boundary bends around single training samples, so it fits the training set far better than the dev set. "
        + "More training data would fix it, but data costs a lot: so we regularize. Every later step compares with this run (no regularization → now).",
    settings: {},
    train: 2000,
    report: "overfit",
    highlight: ["#train-accuracy", "#dev-accuracy", "#error-chart"],
    tab: "curves",
  },
  {
    title: "Norms: L1 and L2",
    setup: "A norm measures the size of a vector: L1 is the sum of absolute values, L2 the straight-line length. Take the lecture's x = [2, 3, 4] (Norms).",
    ask: {
      q: "What are ‖x‖₁ and ‖x‖₂?",
      choices: ["9 and √29", "√29 and 9", "29 and 9"],
      answer: [0],
    },
    explain: "‖x‖₁ = |2| + |3| + |4| = 9; ‖x‖₂ = √(2² + 3² + 4²) = √29 ≈ 5.385. For two weights, ‖w‖₁ ≤ t is a diamond and ‖w‖₂ ≤ t a circle: "
        + "the loss contour usually first touches the diamond at a corner, where one weight is exactly 0.",
    settings: {},
    train: 0,
    highlight: ["#tab-norms", "#panel-norms"],
    conceal: [".norms-line", ".norms-optima"],
    tab: "norms",
  },
  {
    title: "Logistic regression with L2",
    setup: "No hidden layer (logistic regression): J(w, b) = (1/m) Σ L + (λ/2m) ‖w‖₂², with ‖w‖₂² = Σⱼ wⱼ² = wᵀw; λ = 1, 2,000 iterations.",
    ask: {
      q: "Which parameters does the penalty (λ/2m)‖w‖₂² shrink?",
      choices: ["only w", "w and b", "only b"],
      answer: [0],
    },
    explain: "Only w: the penalty readout is exactly λ/(2m)·‖w‖² with the weights alone. b could be regularized too, but it is usually left out: "
        + "most parameters are in w, so adding b changes almost nothing. The boundary is a straight line.",
    settings: { layers: [], reg: "l2", lambda: 1, keep: [] },
    train: 2000,
    highlight: ["#layer-count", "#reg", "#lambda", "#penalty"],
    tab: "curves",
  },
  {
    title: "L1 on logistic regression: feature selection",
    setup: "All seven input features into logistic regression, with L1: J = (1/m) Σ L + (λ/2m) ‖w‖₁, λ = 30.",
    ask: {
      q: "With L1, what happens to the seven input weights?",
      choices: [
        "several become exactly 0",
        "all shrink, none reaches 0",
        "all grow",
      ],
      answer: [0],
    },
    explain: "w becomes sparse: L1's pull (λ/2m)·sign(w) is the same whatever the size of w, so small weights reach 0 and stay there. "
        + "Only the features still in use count (feature selection), and fewer weights need storing (model compression).",
    settings: { layers: [], keep: [], features: ALL_FEATURES, reg: "l1", lambda: 30 },
    train: 2000,
    highlight: ["#features", "#reg", "#lambda", "#zero-weights", "#tab-weights"],
    conceal: ["#panel-weights .instrument-note"],
    tab: "weights",
  },
  {
    title: "The network: the Frobenius norm",
    setup: "Back to the network, with L2 λ = 0.7: J = (1/m) Σ L + (λ/2m) Σₗ ‖W[l]‖²_F, where ‖W[l]‖²_F = Σᵢ Σⱼ (W[l]ᵢⱼ)².",
    ask: {
      q: "W[1] is 20×2, W[2] 3×20, W[3] 1×3. How many squares does Σ‖W[l]‖²_F add?",
      choices: ["103, every weight", "3, one per layer", "26, one per unit"],
      answer: [0],
    },
    explain: "40 + 60 + 3 = 103 weights, each squared; the biases are left out. The Frobenius norm is the L2 norm of a matrix, the sum of the squares of its elements; "
        + "the penalty readout is λ/(2m) times that sum over all layers (Weights: each layer's norm).",
    settings: { reg: "l2", lambda: 0.7 },
    train: 2000,
    baseline: true,
    highlight: ["#penalty", "#weight-norm", "#tab-weights"],
    conceal: ["#weights-zeros"],
    tab: "weights",
  },
  {
    title: "Weight decay",
    setup: "With L2, dW[l] = (from backprop) + (λ/m) W[l], and W[l] := W[l] − α dW[l]. Here α = 0.05, λ = 0.7, m = 100.",
    ask: {
      q: "Written as W[l] := (1 − αλ/m) W[l] − α (from backprop), what is the factor 1 − αλ/m here?",
      choices: ["0.99965, just below 1", "0.965", "1.00035, above 1"],
      answer: [0],
    },
    explain: "1 − 0.05 · 0.7 / 100 = 0.99965: every step multiplies W by a factor just below 1. That is why L2 is called weight decay (Weight decay tab: one weight's numbers).",
    settings: { reg: "l2", lambda: 0.7 },
    train: 2000,
    report: "decay",
    baseline: true,
    highlight: ["#decay", "#lr", "#lambda", "#tab-derivation"],
    conceal: ["#decay", ".derivation-lines", ".derivation-name"],
    tab: "derivation",
  },
  {
    title: "Why regularization reduces overfitting (1): a simpler network",
    setup: "The same network with a large regularization parameter, λ = 3, 2,000 iterations.",
    ask: {
      q: "What happens to most of the 23 hidden units?",
      choices: [
        "the weights out of them go near 0: little influence",
        "they all stay as influential",
        "they are removed from the network",
      ],
      answer: [0],
    },
    explain: "λ↑ → W ≈ 0: the units stay, but the weights out of most of them shrink toward 0, so the network acts like a smaller, simpler one. "
        + "Too large a λ underfits, too small overfits: the right λ lies between.",
    settings: { reg: "l2", lambda: 3 },
    train: 2000,
    report: "units",
    baseline: true,
    highlight: ["#lambda", "#network"],
    tab: "weights",
  },
  {
    title: "Why (2): tanh's linear region, λ = 10",
    setup: "g(z) = tanh(z), and an even larger λ = 10 (tanh tab: where the hidden units' z lie).",
    ask: {
      q: "What will the boundary do?",
      choices: ["become nearly straight", "wiggle more", "stay the same"],
      answer: [0],
    },
    explain: "λ↑ → W[l]↓ → z[l] = W[l] a[l−1] + b[l]↓: the z gather near 0, where tanh(z) ≈ z, so tanh is used more and more in its linear region "
        + "(the report below: the share of z there, without λ and now). Every layer is closer to linear, so the whole network computes a nearly linear "
        + "function and cannot draw a complex, overfit boundary. Too large a λ underfits: the training error rises.",
    settings: { reg: "l2", lambda: 10 },
    train: 2000,
    report: "linear",
    baseline: true,
    highlight: ["#lambda", "#linear", "#tab-tanh"],
    tab: "tanh",
  },
  {
    title: "Choosing λ on the dev set",
    setup: "λ, the regularization parameter, is a hyperparameter: the sweep trains the same start with 12 values of λ and compares the dev-set (cross-validation set) error.",
    ask: {
      q: "Where will the dev-set error be lowest?",
      choices: ["at λ = 0", "at a middle λ", "at the largest λ"],
      answer: [1],
    },
    explain: "Between overfitting and underfitting: too small a λ overfits (training error far below the dev-set error), too large underfits (both high). "
        + "Try many values and keep the one with the lowest dev-set error: the sweep marks it.",
    settings: { reg: "l2" },
    train: "sweep",
    highlight: ["#tab-sweep", "#panel-sweep .sweep-run"],
    tab: "sweep",
  },
  {
    title: "Dropout: inverted, keep_prob = 0.8",
    setup: "keep_prob = 0.8 on both hidden layers: every iteration draws a new mask d[l] = rand < keep_prob and sets a[l] = a[l]·d[l]/keep_prob (dropped units flicker).",
    ask: {
      q: "Why does inverted dropout divide a[l] by keep_prob?",
      choices: [
        "to keep the expected value of z, so test time needs no scaling",
        "to make training faster",
        "to drop more units",
      ],
      answer: [0],
    },
    explain: "With 50 units and keep_prob 0.8, about 10 are dropped, so z[l+1] = W a[l] + b would shrink; dividing by keep_prob keeps its expected value. "
        + "No dropout at test time: predictions must not be random. Plain dropout (no division) sees a test-time z 1/keep_prob times larger: its boundary (right) shifts. "
        + "Why dropout works: a unit cannot rely on any one input, so it spreads its weights, and ‖W‖ shrinks much like with L2.",
    settings: { keep: [0.8, 0.8] },
    train: 2000,
    report: "plain",
    baseline: true,
    pair: "plain",
    highlight: ["#keep-controls", "#network", "label:has(> #inverted)"],
    tab: "curves",
  },
  {
    title: "keep_prob per layer",
    setup: "keep_prob can differ per layer. The 20-unit layer feeds W[2] (3×20, 60 weights), the 3-unit layer W[3] (1×3).",
    ask: {
      q: "Which layer should get the lower keep_prob?",
      choices: ["the 20-unit layer", "the 3-unit layer", "the input layer"],
      answer: [0],
    },
    explain: "Lower (0.5) where there are many parameters and so more risk of overfitting, 1 on the 3-unit layer. Dropping there shrinks ‖W‖ below the run without dropout. "
        + "The input layer can drop too (input layer keep_prob), but that is rarely done.",
    settings: {},
    runSettings: { keep: [0.5, 1] },
    train: 2000,
    baseline: true,
    highlight: ["#keep-controls", "label:has(> #keepIn)"],
    conceal: ["#keep-hint > span:first-child"],
    tab: "curves",
  },
  {
    title: "The J check: dropout off, then on",
    setup: "With dropout J is not well defined. The lecture's check: run with keep_prob = 1 (no dropout) first; here α = 0.05.",
    ask: {
      q: "With keep_prob = 1, how should J move?",
      choices: ["fall at every iteration", "rise and fall at random", "stay flat"],
      answer: [0],
    },
    explain: "Without dropout, gradient descent with a small enough α lowers J at every step (monotonically); a rise would point to a bug or too large an α. "
        + "Then turn dropout on: the button below sets keep_prob = 0.8 and trains on.",
    settings: { lr: 0.05, keep: [1, 1], checkj: true },
    train: 1000,
    report: "jcheck",
    action: "dropoutOn",
    highlight: ["#keep-controls", "label:has(> #checkj)", "#cost-chart"],
    tab: "curves",
  },
  {
    title: "Data augmentation",
    setup: "The lecture's images are flipped, zoomed, distorted and rotated; here they are real: 60 handwritten 4s and 9s (8×8 pixels) each get an elastically distorted, a rotated (±15°) and a zoomed (×0.9–1.1) copy: 60 real + 180 augmented. The strip shows a training 4 and its copies.",
    ask: {
      q: "What will 180 augmented copies do to the dev-set error?",
      choices: ["lower it", "raise it", "nothing"],
      answer: [0],
    },
    explain: "The copies regularize like more data, and cost almost nothing; but they are not independent of their originals, so they carry less information than as many new samples (Side by side). "
        + "A left–right flip would not keep the label: a mirrored 4 is not a 4.",
    settings: { dataset: "digits", lr: 0.5, augment: ["jitter", "rotate", "zoom"] }, // the lecture's own example: a digit distorted and rotated
    train: 2000,
    baseline: true,
    highlight: ["#augment", "#augment-count", ".digits-strip", ".digits-images"],
    tab: "curves",
    compare: "augmentation",
  },
  {
    title: "Early stopping on the dev-set error",
    setup: "No regularization, 100 training samples, α = 0.05: plot the training cost and the dev-set error while gradient descent runs; stop when the dev-set error has not improved for 1,000 iterations.",
    ask: {
      q: "While the training cost falls, what does the dev-set error do?",
      choices: ["falls, then rises", "keeps falling", "rises from the start"],
      answer: [0],
    },
    explain: "The training cost falls monotonically; the dev-set error falls, then rises once the network starts fitting noise: stop at its minimum and restore those weights. "
        + "w starts small and grows during training, so stopping early picks a mid-sized w, like L2 (see ‖W‖ below and the Weights tab's curve). "
        + "The downside: ① optimizing J and ② preventing overfitting are separate jobs that want separate tools (orthogonalization); early stopping stops ① to do ②, so it mixes them. The alternative is L2 with a tuned λ.",
    settings: { patience: 1000, stopOn: "error" }, // the course setup: smooth, and the dev-set error visibly rises after its minimum
    train: "play",
    report: "early",
    highlight: ["#patience", "#stopOn", "#error-chart"],
    tab: "curves",
  },
  {
    quiz: 9,
    title: "Quiz 9: L1 against L2",
    setup: "What is the biggest difference between L1 and L2 regularization? Choose one.",
    ask: {
      choices: [
        "L1 penalizes the sum of squared weights, L2 the sum of their absolute values.",
        "L1 can make some weights exactly 0: it is sparse, so it acts as feature selection.",
        "Both L1 and L2 make the weights 0 and so reduce the model's complexity.",
        "L2 makes every weight 0 at once.",
      ],
      answer: [1],
    },
    explain: "The first choice swaps L1 and L2. L1's derivative is a constant: each update subtracts it whatever the size of w, so small weights reach 0 "
        + "and only the important (large) ones survive — sparse. L2's pull is proportional to w: large weights are pulled hard, small ones gently, none is removed entirely.",
    live: { dataset: "digits", lr: 0.5, reg: "l1", lambda: 0.3 }, // feature selection on real pixels: L1 leaves a few in use
    liveTab: "weights",
    pair: "l1l2",
    highlight: ["#lecture-question", ".digits-pixels"],
  },
  {
    quiz: 10,
    title: "Quiz 10: λ and training",
    setup: "Which statements about λ and training are right? Choose every right answer.",
    ask: {
      multiple: true,
      choices: [
        "The smaller λ, the more complex the fit to the data, and the higher the risk of overfitting.",
        "The smaller λ, the larger the penalty on the weights, which helps prevent overfitting.",
        "The larger λ, the more complex the fit to the data, and the higher the risk of overfitting.",
        "The larger λ, the larger the penalty on the weights, limiting complexity and lowering the risk of overfitting.",
      ],
      answer: [0, 3],
    },
    explain: "W := (1 − αλ/m) W − α (from backprop). A large λ makes the factor well below 1: weights are updated to smaller values (a larger penalty), "
        + "complexity is limited, less overfitting. A small λ leaves it just below 1 (close to 1): the weights shrink slowly, the fit gets more complex, more overfitting risk.",
    live: { reg: "l2", lambda: 10, lr: 0.5 }, // smooth at α 0.5 (λ 10 keeps J from spiking), so 1 − αλ/m = 0.95 is well below 1
    liveTab: "tanh",
    pair: "lambdas",
    highlight: ["#lecture-question", "#decay"],
  },
];
