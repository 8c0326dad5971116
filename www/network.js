// The network diagram. Rust draws it inside the page's frame call; this module sizes the
// canvas for the screen, finds the node or link under the pointer in pg.networkLayout (fetched
// when the network or the canvas size changes, never per frame), focuses the large boundary
// view on that node (pg.setFocus), and names a link's weight in a tooltip: the frame reports
// the hovered link's weight (pg.setHover) and whether the focused unit was dropped.

import { fitCanvas, pointerIn, zoomOf } from "./dom.js";
import { t } from "./i18n.js";
import { weight as formatWeight } from "./format.js";

const LINK_REACH = 5; // CSS px from a link that still counts as on it

/** The point at t ∈ [0, 1] of a link's curve (control points at the horizontal middle). */
function curvePoint(l, t) {
  const mid = (l.x1 + l.x2) / 2;
  const u = 1 - t;
  const x = u * u * u * l.x1 + 3 * u * t * (u + t) * mid + t * t * t * l.x2;
  const y = u * u * u * l.y1 + 3 * u * u * t * l.y1 + 3 * u * t * t * l.y2 + t * t * t * l.y2;
  return [x, y];
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function distanceToLink(px, py, link) {
  let best = Infinity;
  let prev = curvePoint(link, 0);
  for (let i = 1; i <= 16; i++) {
    const next = curvePoint(link, i / 16);
    best = Math.min(best, distanceToSegment(px, py, prev, next));
    prev = next;
  }
  return best;
}

/**
 * Wires `canvas` to the playground handle `pg`. `onFocus(node | null)` runs when the focused
 * node changes (node: `{ layer, unit, label, dropped }`), so the page can redraw the boundary
 * view and say what it shows. `tooltip`: the element that names links and nodes (text only;
 * positioned `fixed` here); by default a new `<div class="tooltip network-tip">` in <body>.
 * Returns `{ fit, shown, invalidate, focus, columns }`: `fit()` sizes the canvas before each
 * frame; `shown(frame)` after it, with what the core's frame call returned; `invalidate()` when
 * the network changed; `focus()` the focused node or null; `columns()` the x of each layer's
 * column in CSS px from the canvas's left edge.
 */
export function attachNetwork(canvas, pg, { onFocus = () => {}, tooltip } = {}) {
  const tip = tooltip ?? document.body.appendChild(document.createElement("div"));
  if (!tooltip) tip.className = "tooltip network-tip";
  tip.setAttribute("role", "tooltip");
  tip.style.position = "fixed";
  tip.hidden = true;
  if (!canvas.hasAttribute("tabindex")) canvas.tabIndex = 0;

  let layout = null;   // device px; fetched when the pointer needs it after a change
  let size = "";       // the backing size the layout is for
  let focus = null;    // the focused node of the layout
  let pointer = null;  // { x, y } in CSS px over the canvas, while hovering
  let link = null;     // the link under the pointer, whose weight the frames report

  function fit() {
    const [w, h] = fitCanvas(canvas);
    if (`${w}x${h}` !== size) [size, layout] = [`${w}x${h}`, null];
  }

  /** After a frame: the tooltip follows the weights and the dropped units as training runs. */
  function shown(frame) {
    if (tip.hidden || !pointer && !focus) return;
    if (link && frame.link !== null) tip.textContent = linkText({ ...link, weight: frame.link });
    else if (focus && !link && frame.dropped !== null) tip.textContent = nodeText({ ...focus, dropped: frame.dropped });
  }

  function setLink(found) {
    if (found?.layer === link?.layer && found?.from === link?.from && found?.to === link?.to) return;
    link = found ?? null;
    pg.setHover(link?.layer ?? -1, link?.from ?? -1, link?.to ?? -1);
  }

  /** Device pixels of the backing store per CSS pixel of the canvas. */
  const ratio = () => canvas.width / (canvas.clientWidth || 1);

  function currentLayout() {
    layout ??= JSON.parse(pg.networkLayout(canvas.width, canvas.height));
    return layout;
  }

  /** The node or link under (x, y) CSS px: { node } or { link } or null. */
  function hit(x, y) {
    const r = ratio();
    const [px, py] = [x * r, y * r];
    const { nodes, links } = currentLayout();
    const node = nodes.find((n) => px >= n.x - r && px < n.x + n.w + r && py >= n.y - r && py < n.y + n.h + r);
    if (node) return { node };
    let best = null, bestDistance = LINK_REACH * r;
    for (const link of links) {
      if (px < link.x1 || px > link.x2) continue;
      const d = distanceToLink(px, py, link);
      // later links are drawn on top (and are the stronger ones): prefer them on ties
      if (d <= bestDistance) [best, bestDistance] = [link, d];
    }
    return best && { link: best };
  }

  const same = (a, b) => a?.layer === b?.layer && a?.unit === b?.unit;

  function setFocus(node) {
    if (same(node, focus)) return;
    focus = node ? { layer: node.layer, unit: node.unit, label: node.label, dropped: node.dropped } : null;
    pg.setFocus(focus?.layer ?? -1, focus?.unit ?? -1);
    onFocus(focus); // the page draws the diagram and the boundary again on its next frame
  }

  /** Shows `text` beside (x, y) CSS px over the canvas, kept inside the window. */
  function showTip(text, x, y) {
    tip.textContent = text;
    tip.hidden = false;
    const [box, z] = [canvas.getBoundingClientRect(), zoomOf(canvas)]; // the tooltip is placed in the page's CSS px
    const [bx, by] = [box.left / z, box.top / z];
    const [left, top] = [bx + x + 12, by + y + 16];
    const right = innerWidth / z - tip.offsetWidth - 4;
    tip.style.left = `${Math.max(4, left > right ? bx + x - tip.offsetWidth - 12 : left)}px`;
    tip.style.top = `${Math.min(top, innerHeight / z - tip.offsetHeight - 4)}px`;
  }

  function nodeText(node) {
    return node.dropped ? t("{label} — dropped in the last iteration", { label: node.label }) : node.label;
  }

  const linkText = (l) => `${l.label} = ${formatWeight(l.weight)}`;

  function hover(x, y) {
    const found = hit(x, y);
    setLink(found?.link);
    if (found?.node) showTip(nodeText(found.node), x, y);
    else if (found?.link) showTip(linkText(found.link), x, y);
    else tip.hidden = true;
    return found;
  }

  function leave() {
    pointer = null;
    tip.hidden = true;
    setLink(null);
    setFocus(null);
  }

  canvas.addEventListener("pointermove", (e) => {
    if (e.pointerType !== "mouse") return; // touch and pen act on tap (pointerdown)
    const [x, y] = pointerIn(canvas, e); // the diagram's layout is in the canvas's CSS px
    pointer = { x, y };
    setFocus(hover(pointer.x, pointer.y)?.node ?? null);
  });
  canvas.addEventListener("pointerleave", (e) => {
    if (e.pointerType === "mouse") leave();
  });
  canvas.addEventListener("pointerdown", (e) => {
    if (e.pointerType === "mouse") return;
    // a tap focuses a node (a second tap on it releases it) or names a link
    const found = hover(...pointerIn(canvas, e));
    const again = found?.node && same(found.node, focus);
    setFocus(again ? null : found?.node ?? null);
    if (again) tip.hidden = true;
  });

  // keyboard: arrows walk the nodes (←/→ between layers, ↑/↓ within one), Escape lets go;
  // the page's own shortcuts (→ steps) do not see these keys while the diagram has the focus
  canvas.addEventListener("keydown", (e) => {
    const { nodes } = currentLayout();
    const { layer, unit } = focus ?? { layer: -1, unit: 0 };
    const layers = Math.max(...nodes.map((n) => n.layer)) + 1;
    const size = (l) => nodes.filter((n) => n.layer === l).length;
    const moves = {
      ArrowRight: () => [Math.min(layer + 1, layers - 1), unit],
      ArrowLeft: () => [Math.max(layer - 1, 0), unit],
      ArrowDown: () => [Math.max(layer, 0), unit + 1],
      ArrowUp: () => [Math.max(layer, 0), unit - 1],
    };
    if (e.key === "Escape") {
      e.stopPropagation();
      tip.hidden = true;
      setFocus(null);
      return;
    }
    if (!moves[e.key]) return;
    e.preventDefault();
    e.stopPropagation();
    const [l, u] = moves[e.key]();
    const node = nodes.find((n) => n.layer === l && n.unit === Math.max(0, Math.min(u, size(l) - 1)));
    setFocus(node);
    showTip(nodeText(node), (node.x + node.w / 2) / ratio(), node.y / ratio());
  });
  canvas.addEventListener("blur", () => {
    if (!pointer) leave();
  });

  const columns = () => currentLayout().columns.map((x) => x / ratio());

  return { fit, shown, invalidate: () => (layout = null), focus: () => focus, columns };
}
