// The derivation instrument (weight decay): for one chosen weight W[l]ᵢⱼ, the lecture's
// dW = (from backprop) + (λ/m) W and W := (1 − αλ/m) W − α (from backprop), with the current
// numbers, updated as training runs. The gradient is the full training set's, without dropout.

import { make } from "../dom.js";
import { t } from "../i18n.js";
import { precise as fmt, number } from "../format.js";

export function install(root, page) {
  root.classList.add("derivation");
  const pick = (label, cls) => {
    const input = make("input", { type: "number", min: 0, value: cls === "layer" ? 1 : 0, className: `derivation-${cls}` });
    input.setAttribute("aria-label", label);
    return [make("label", {}, [`${label} `, input]), input];
  };
  const [layerLabel, layer] = pick(t("layer l"), "layer");
  const [rowLabel, row] = pick(t("row i"), "row");
  const [colLabel, col] = pick(t("column j"), "col");
  layer.min = 1;
  const name = make("strong", { className: "derivation-name" });
  const lines = make("div", { className: "derivation-lines" });
  const note = make("p", { className: "hint derivation-note" });
  root.append(make("div", { className: "derivation-pick" }, [make("span", { textContent: t("Weight") }), layerLabel, rowLabel, colLabel, name]), lines, note);
  for (const input of [layer, row, col]) input.addEventListener("input", () => draw());

  function line(label, formula) {
    return make("p", { className: "derivation-line" }, [make("span", { className: "derivation-label", textContent: label }), make("code", { textContent: formula })]);
  }

  function draw() {
    const d = JSON.parse(page.guard(() => page.pg.derivationJson(Number(layer.value) || 1, Number(row.value) || 0, Number(col.value) || 0)));
    layer.max = d.layers;
    row.max = d.rows - 1;
    col.max = d.cols - 1;
    name.textContent = `W[${d.layer}]${d.row + 1},${d.col + 1} = ${fmt(d.w)}`;
    name.dataset.w = d.w;
    const l2 = d.reg === "l2";
    const dwText = t(l2 ? "dW = (from backprop) + (λ/m)·W" : d.reg === "l1" ? "dW = (from backprop) + (λ/2m)·sign(W)" : "dW = (from backprop): no penalty");
    const rows = [
      line(dwText, `${fmt(d.backprop)} + ${fmt(d.regTerm)} = ${fmt(d.dw)}`),
      line(t(l2 ? "W := (1 − αλ/m)·W − α·(from backprop)" : "W := W − α·dW"),
        l2 ? `${fmt(d.factor)} × ${fmt(d.w)} − ${d.alpha} × ${fmt(d.backprop)} = ${fmt(d.next)}`
          : `${fmt(d.w)} − ${d.alpha} × ${fmt(d.dw)} = ${fmt(d.next)}`),
      make("p", { className: "derivation-decay", textContent: l2 && d.lambda > 0 ? t("Every step multiplies W by 1 − αλ/m = {factor}: weight decay.", { factor: number(d.factor, 6) }) : t("Without L2 there is no decay factor: choose L2 and a λ above 0.") }),
    ];
    lines.replaceChildren(...rows);
    lines.dataset.values = JSON.stringify(d);
    note.textContent = d.sample < d.m
      ? t("The gradient over {sample} of the m = {m} training points, evenly spaced, without dropout: every draw reads at most {sample}, so a big training set keeps the page responsive.", d)
      : t("The gradient of the whole training set, without dropout; m = {m} training points.", d);
  }

  return { draw };
}
