// The weights instrument (quiz 9): a histogram of the weights whose exact
// zeros stand as a bar of their own, ‖W[l]‖_F of each layer over the iterations, how many
// weights are exactly 0 and how many inputs are still in use. Under L1 the bar at 0 grows
// and inputs drop out; under L2 the weights close in on 0 but none reaches it.
// The core draws the charts (pg.drawWeights) and returns the numbers stated beside them.

import { make, writeFigures, fitCanvas as fit, instrumentLayout } from "../dom.js";
import { t, words } from "../i18n.js";
import { percent } from "../format.js";

/** What the panel says of each penalty. */
const LOOK = {
  l1: "L1: small weights reach exactly 0 and stay there: the bar at 0 grows, unused inputs drop out.",
  l2: "L2 (weight decay): every weight shrinks toward 0, but none becomes exactly 0.",
  none: "No penalty: weights may grow. Choose L1 to see a spike at 0, L2 to see them shrink.",
};

export function install(element, page) {
  const { canvas, side } = instrumentLayout(element, "weights-chart", t("Histogram of the weights with the exact zeros as a bar of their own, and ‖W[l]‖_F of each layer over the iterations"));
  const field = side.appendChild(document.createElement("label"));
  field.append(`${t("Layer")} `);
  const select = field.appendChild(document.createElement("select"));
  select.id = "weights-layer";
  const [zeros, features, look] = [{ id: "weights-zeros" }, { id: "weights-features" }, { className: "instrument-note" }].map((props) => make("p", props));
  side.append(zeros, features, look);

  let layer = 0; // 0: every layer
  select.addEventListener("change", () => {
    layer = Number(select.value);
    page.markDirty();
  });

  /** One option per layer the network has, keeping the choice while it still exists. */
  function offerLayers(count) {
    if (select.options.length === count + 1) return;
    const names = [t("all layers"), ...Array.from({ length: count }, (_, i) => `W[${i + 1}]`)];
    select.replaceChildren(...names.map((name, i) => new Option(name, String(i))));
    if (layer > count) layer = 0;
    select.value = String(layer);
  }

  return {
    draw() {
      if (!canvas.clientWidth) return;
      const [, , ratio] = fit(canvas); // within the pixel budget (dom.js)
      const title = layer ? "Weights of W[{layer}]" : "Weights, all layers";
      const chartWords = words({ title, zeroTag: "exactly 0: {count}", norms: "‖W[l]‖_F", iteration: "iteration" }, { layer });
      const n = JSON.parse(page.guard(() => page.pg.drawWeights(canvas, ratio, layer, chartWords)));
      offerLayers(n.layers);
      layer = n.layer;
      writeFigures(zeros, t("{zero} of {count} weights are exactly 0 ({share})"), { zero: n.zeroWeights, count: n.weightCount, share: percent(n.zeroWeights / n.weightCount, 0) });
      writeFigures(features, t("inputs in use: {inUse} of {features}"), { inUse: n.featuresInUse, features: n.featureCount });
      look.textContent = t(LOOK[page.config().reg] ?? LOOK.none);
    },
  };
}
