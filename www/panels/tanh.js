// The tanh instrument: every hidden pre-activation z over the training set,
// piled under the tanh curve with its linear region |z| < 0.5 shaded; the share of z inside
// it, and how close the whole network is to a linear function (R² of a plane fitted to its
// output logit over the view). As λ rises the weights shrink, z gathers in the linear
// region, and the network turns nearly linear. The core draws the chart (pg.drawTanh) and
// returns the numbers stated beside it.

import { make, writeFigures, fitCanvas as fit, instrumentLayout } from "../dom.js";
import { t, words } from "../i18n.js";
import { percent } from "../format.js";

/** The curve's name on the chart, by activation. */
const CURVES = { tanh: "tanh(z)", relu: "ReLU(z)", sigmoid: "σ(z)", linear: "g(z) = z" };

const share = (v, digits) => (v === null ? "—" : percent(v, digits));

export function install(element, page) {
  const { canvas, side } = instrumentLayout(element, "tanh-chart", t("Histogram of the hidden units' z over the training set, under the activation curve, with tanh's linear region shaded"));
  const [inside, linearity, look] = [{ id: "tanh-linear-share" }, { id: "tanh-linearity" }, { className: "instrument-note" }].map((props) => make("p", props));
  side.append(inside, linearity, look);

  return {
    draw() {
      if (!canvas.clientWidth) return;
      const [, , ratio] = fit(canvas); // within the pixel budget (dom.js)
      const act = page.config().act;
      const curve = CURVES[act] ?? act;
      const chartWords = words({ curve, identity: "z", histogram: "hidden z, training set", region: "|z| < {region}" });
      const n = JSON.parse(page.guard(() => page.pg.drawTanh(canvas, ratio, chartWords)));
      writeFigures(inside, t("{share} of hidden z lie in the linear region |z| < {region}"), { share: share(n.linearFraction, 1), region: n.linearRegion });
      writeFigures(linearity, t("The network is {linearity} linear (R² of a plane fitted to its output)"), { linearity: share(n.linearity, 0) });
      look.textContent = n.zCount === 0
        ? t("No hidden layer: logistic regression is linear in its inputs already.")
        : act === "tanh" ? t("Raise λ: weights shrink, z gathers in the linear region, and the boundary straightens.") : t("The activation is {act}: the linear-region argument is about tanh.", { act: t(curve) });
    },
  };
}
