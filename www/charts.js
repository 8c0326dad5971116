// The curves panel: the cost and error charts, drawn by the core with plotters-canvas.
// plotters-canvas ignores devicePixelRatio, so the backing store is sized here
// (CSS size × ratio) and the core scales its fonts and lines by the same ratio.

import { fitCanvas } from "./dom.js";
import { words } from "./i18n.js";

/** The words on the two charts by name, in the page's language (src/web/charts.rs, `Words`). */
export function curveWords() {
  return words({
    cost: "training J", dataCost: "data cost", penalty: "penalty", devCost: "dev cost", trainingError: "training error",
    devError: "dev error", iteration: "iteration", best: "best", dropoutCost: "J with dropout", norm: "‖W‖",
  });
}

/**
 * @param {HTMLCanvasElement} costCanvas
 * @param {HTMLCanvasElement} errorCanvas
 * @param {{ drawCharts(cost: HTMLCanvasElement, error: HTMLCanvasElement, ratio: number, words: object): void }} pg
 * @returns {{ draw(): void }} draw() redraws both charts from the current history.
 */
export function attachCharts(costCanvas, errorCanvas, pg) {
  return {
    draw() {
      // hidden (e.g. an embed without the curves panel): nothing to see, nothing to draw
      if (!costCanvas.clientWidth && !errorCanvas.clientWidth) return;
      // one ratio for both, within the pixel budget (dom.js)
      const ratio = Math.min(fitCanvas(costCanvas)[2], fitCanvas(errorCanvas)[2]);
      fitCanvas(costCanvas, ratio);
      fitCanvas(errorCanvas, ratio);
      pg.drawCharts(costCanvas, errorCanvas, ratio, curveWords());
    },
  };
}
