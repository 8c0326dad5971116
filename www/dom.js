// Small DOM helpers the page's modules share.

/** The play and pause icons of the run buttons (fixed markup, never data). */
export const ICON_PLAY = '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2l10 6-10 6z"/></svg>';
export const ICON_PAUSE = '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2h4v12H3z M9 2h4v12H9z"/></svg>';

/**
 * The pixel budget: no canvas is drawn at more device pixels than this (a 4K or ratio-2
 * full screen would be 4 to 8 million, and every pixel is painted every frame); beyond it the
 * backing store stays at this size and CSS scales it up.
 */
const MAX_CANVAS_PIXELS = 1_500_000;

/**
 * Sizes a canvas's backing store for the screen: CSS size × devicePixelRatio, or less when
 * that exceeds MAX_CANVAS_PIXELS. Returns [width, height, ratio], `ratio` the device pixels
 * per CSS pixel it got (draw at that, not at devicePixelRatio).
 */
export function fitCanvas(canvas, ratio = window.devicePixelRatio || 1) {
  const [cw, ch] = [canvas.clientWidth, canvas.clientHeight];
  const r = Math.min(ratio, Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, cw * ch)));
  const w = Math.max(1, Math.round(cw * r));
  const h = Math.max(1, Math.round(ch * r));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  return [w, h, r];
}

/** The window's pixels per CSS pixel of `element`: below 1 where an embed draws the page
 * smaller (CSS zoom, view.js fitEmbed); pointer events and boxes are in the window's. */
export const zoomOf = (element) => element.getBoundingClientRect().width / element.clientWidth || 1;

/** Where `event` points within `element`, in the element's own CSS pixels. */
export function pointerIn(element, event) {
  const [box, z] = [element.getBoundingClientRect(), zoomOf(element)];
  return [(event.clientX - box.left) / z, (event.clientY - box.top) / z];
}

/** An element with properties and children. */
export function make(tag, props = {}, children = []) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** Writes `template` into `element`, the `{key}` parts as <strong> numbers (text only, never HTML). */
export function writeFigures(element, template, values) {
  element.replaceChildren(
    ...template.split(/(\{\w+\})/).filter(Boolean).map((part) => {
      const key = part.match(/^\{(\w+)\}$/)?.[1];
      if (!key) return document.createTextNode(part);
      const strong = document.createElement("strong");
      strong.dataset.figure = key;
      strong.textContent = String(values[key]);
      return strong;
    }),
  );
}

/** An instrument panel's two parts: its chart canvas on the left, its numbers on the right. */
export function instrumentLayout(element, canvasId, label) {
  element.classList.add("instrument");
  const canvas = element.appendChild(make("canvas", { id: canvasId }));
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", label);
  const side = element.appendChild(make("div", { className: "instrument-side" }));
  return { canvas, side };
}
