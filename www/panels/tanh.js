// The tanh instrument: every hidden pre-activation z over the training set,
// piled under the tanh curve with its linear region |z| < 0.5 shaded; the share of z inside
// it, and how close the whole network is to a linear function (R² of a plane fitted to its
// output logit over the view). As λ rises the weights shrink, z gathers in the linear
// region, and the network turns nearly linear. The core draws the chart (pg.drawTanh) and
// returns the numbers stated beside it.

import { fill, make, writeFigures, fitCanvas as fit, instrumentLayout } from "../dom.js";
import { localized } from "../i18n.js";
import { percent } from "../format.js";

const TEXT = localized({
  chartLabel: "Histogram of the hidden units' z over the training set, under the activation curve, with tanh's linear region shaded",
  curve: { tanh: "tanh(z)", relu: "ReLU(z)", sigmoid: "σ(z)", linear: "g(z) = z" },
  identity: "z",
  histogram: "hidden z, training set",
  region: "|z| < {region}",
  inside: "{share} of hidden z lie in the linear region |z| < {region}",
  linearity: "The network is {linearity} linear (R² of a plane fitted to its output)",
  noHidden: "No hidden layer: logistic regression is linear in its inputs already.",
  notTanh: "The activation is {act}: the linear-region argument is about tanh.",
  look: "Raise λ: weights shrink, z gathers in the linear region, and the boundary straightens.",
  none: "—",
});

const share = (v, digits) => (v === null ? TEXT.none : percent(v, digits));

export function install(element, page) {
  const { canvas, side } = instrumentLayout(element, "tanh-chart", TEXT.chartLabel);
  const [inside, linearity, look] = [{ id: "tanh-linear-share" }, { id: "tanh-linearity" }, { className: "instrument-note" }].map((props) => make("p", props));
  side.append(inside, linearity, look);

  return {
    draw() {
      if (!canvas.clientWidth) return;
      const [, , ratio] = fit(canvas); // within the pixel budget (dom.js)
      const act = page.config().act;
      const labels = [TEXT.curve[act] ?? act, TEXT.identity, TEXT.histogram, TEXT.region];
      const n = JSON.parse(page.guard(() => page.pg.drawTanh(canvas, ratio, labels)));
      writeFigures(inside, TEXT.inside, { share: share(n.linearFraction, 1), region: n.linearRegion });
      writeFigures(linearity, TEXT.linearity, { linearity: share(n.linearity, 0) });
      look.textContent = n.zCount === 0 ? TEXT.noHidden : act === "tanh" ? TEXT.look : fill(TEXT.notTanh, { act: TEXT.curve[act] ?? act });
    },
  };
}
