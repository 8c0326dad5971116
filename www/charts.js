// The curves panel: the cost and error charts, drawn by the core with plotters-canvas.
// plotters-canvas ignores devicePixelRatio, so the backing store is sized here
// (CSS size × ratio) and the core scales its fonts and lines by the same ratio.

import { fitCanvas } from "./dom.js";

/**
 * @param {HTMLCanvasElement} costCanvas
 * @param {HTMLCanvasElement} errorCanvas
 * @param {{ drawCharts(cost: HTMLCanvasElement, error: HTMLCanvasElement, ratio: number): void }} pg
 * @returns {{ draw(): void }} draw() redraws both charts from the current history.
 */
// The words on the charts, in the order the core expects (src/web/charts.rs, LABELS).
export const CHART_LABELS = [
  "training J", "data cost", "penalty", "dev cost", "training error", "dev error", "iteration", "best", "J with dropout", "‖W‖",
];

export function attachCharts(costCanvas, errorCanvas, pg, labels = () => CHART_LABELS) {
  return {
    draw() {
      // hidden (e.g. an embed without the curves panel): nothing to see, nothing to draw
      if (!costCanvas.clientWidth && !errorCanvas.clientWidth) return;
      // one ratio for both, within the pixel budget (dom.js)
      const ratio = Math.min(fitCanvas(costCanvas)[2], fitCanvas(errorCanvas)[2]);
      fitCanvas(costCanvas, ratio);
      fitCanvas(errorCanvas, ratio);
      pg.drawCharts(costCanvas, errorCanvas, ratio, labels());
    },
  };
}
