// The norms instrument (quiz 9): the L1 norm is the sum of absolute values, the
// L2 norm the straight-line length, worked out for a vector the user edits (the lecture's
// x = [2, 3, 4]: ‖x‖₁ = 9, ‖x‖₂ = √29 ≈ 5.385). Beside it, why L1 makes weights sparse: the
// contours of a two-weight loss meet the L1 diamond ‖w‖₁ ≤ t at a corner, where one weight is
// exactly 0, and the L2 circle ‖w‖₂ ≤ t where both are non-zero. The core computes the two
// constrained optima and draws the picture (drawNormBalls).

import { make, fitCanvas as fit } from "../dom.js";
import { t, words } from "../i18n.js";

import { drawNormBalls } from "../pkg/regplay.js";
import { short as number } from "../format.js";

const LECTURE_VECTOR = [2, 3, 4];
const SUBSCRIPTS = ["₁", "₂", "₃"];
const BUDGET = { min: 0.25, max: 2.5, step: 0.05, value: 1 };

/** "2 + |−3| + 4 = 9": the sum of absolute values. */
function l1Terms(x) {
  const terms = x.map((v) => (v < 0 ? `|${number(v)}|` : number(v)));
  return { terms: `${terms.join(" + ")} = `, value: number(x.reduce((s, v) => s + Math.abs(v), 0), 4) };
}

/** "√(4 + 9 + 16) = √29 ≈ ": the straight-line length. */
function l2Terms(x) {
  const squares = x.map((v) => v * v);
  const sum = squares.reduce((s, v) => s + v, 0);
  const length = Math.sqrt(sum);
  const exact = Number(length.toFixed(3)) === length;
  return { terms: `√(${squares.map((v) => number(v)).join(" + ")}) = √${number(sum)} ${exact ? "=" : "≈"} `, value: number(length, 3) };
}

export function install(root, page) {
  root.classList.add("norms");
  const inputs = LECTURE_VECTOR.map((v, i) => {
    const input = make("input", { type: "number", step: "any", value: String(v), className: "norms-component" });
    input.setAttribute("aria-label", `x${SUBSCRIPTS[i]}`);
    return input;
  });
  const commas = inputs.flatMap((input, i) => (i ? [", ", input] : [input]));
  const l1 = { terms: make("span"), value: make("strong", { id: "norm-l1" }) };
  const l2 = { terms: make("span"), value: make("strong", { id: "norm-l2" }) };
  const budget = make("input", { type: "range", id: "norms-budget", ...BUDGET });
  const budgetValue = make("output", { htmlFor: "norms-budget" });
  const optima = make("p", { className: "norms-optima" });
  optima.setAttribute("aria-live", "polite");
  const canvas = make("canvas", { className: "norms-picture" });
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", t("Loss contours of two weights w₁, w₂ with the L1 diamond and the L2 circle of size t: the contour that first touches the diamond touches it at a corner on the w₁ axis, the one that touches the circle at a point with both weights non-zero"));

  root.append(
    make("div", { className: "norms-side" }, [
      make("p", { className: "norms-vector" }, ["x = [", ...commas, "]"]),
      make("p", { className: "norms-line" }, ["‖x‖₁ = ", l1.terms, l1.value]),
      make("p", { className: "norms-line" }, ["‖x‖₂ = ", l2.terms, l2.value]),
      make("label", { className: "norms-budget", htmlFor: "norms-budget" }, [`${t("Constraint ‖w‖ ≤ t, t =")} `, budgetValue]),
      budget,
      optima,
    ]),
    canvas,
  );

  function showNorms() {
    const x = inputs.map((input) => input.valueAsNumber);
    for (const input of inputs) input.setAttribute("aria-invalid", String(!Number.isFinite(input.valueAsNumber)));
    if (!x.every(Number.isFinite)) {
      for (const n of [l1, l2]) {
        n.terms.textContent = "";
        n.value.textContent = "–";
      }
      return;
    }
    for (const [n, { terms, value }] of [[l1, l1Terms(x)], [l2, l2Terms(x)]]) {
      n.terms.textContent = terms;
      n.value.textContent = value;
    }
  }

  let drawn = "";
  function draw() {
    const size = Number(budget.value); // the constraint's t
    budgetValue.textContent = number(size, 2);
    if (!canvas.clientWidth) return;
    const [, , ratio] = fit(canvas); // within the pixel budget (dom.js)
    const key = [size, canvas.width, canvas.height].join();
    if (key === drawn) return; // the picture depends on nothing that training changes
    drawn = key;
    const labels = words({ w1: "w₁", w2: "w₂", unconstrained: "ŵ (λ = 0)", l1: "L1", l1OnAxis: "L1: w₂ = 0", l2: "L2" });
    const [a1, a2, b1, b2] = page.guard(() => drawNormBalls(canvas, ratio, size, labels));
    const onAxis = a2 === 0 ? t(" — w₂ is exactly 0") : "";
    optima.replaceChildren(
      make("span", { className: "l1", textContent: t("L1 optimum w = ({w1}, {w2})", { w1: number(a1, 2), w2: number(a2, 2) }) + onAxis }),
      make("br"),
      make("span", { className: "l2", textContent: t("L2 optimum w = ({w1}, {w2})", { w1: number(b1, 2), w2: number(b2, 2) }) }),
    );
  }

  for (const input of inputs) input.addEventListener("input", showNorms);
  budget.addEventListener("input", draw);
  showNorms();
  return { draw };
}
