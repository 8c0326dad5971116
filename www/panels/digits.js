// Digits mode (dataset=digits): real 8×8 handwritten digits instead of 2-D points. In place
// of the boundary the page shows (a) the dev images tinted by P(y = 1), wrong ones framed, with
// the dev error; (b) every first-layer unit's 64 weights as an 8×8 picture; (c) the pixels
// still in use; (d) a training image of the first digit and its augmented copies. The data
// panel offers the pair and the number of training images instead of points, noise and
// features. The core paints every view (pg.drawDigits), one putImageData each.

import { fitCanvas, make, writeFigures } from "../dom.js";
import { t } from "../i18n.js";
import { settingOf } from "../settings.js";
import { percent } from "../format.js";

/** The augmentations' names under the strip, by kind. */
const KINDS = { flip: "flip ↔", rotate: "rotate ±15°", jitter: "elastic", zoom: "zoom ×0.9–1.1", shift: "shift ±½ px" };

const $ = (id) => document.getElementById(id);

function captioned(id, label) {
  const canvas = make("canvas", { id });
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", label);
  return canvas;
}

/** Builds the views and the data controls; returns `{ sync(config), draw() }`. */
export function installDigits(page) {
  const root = $("digits-views");
  const imagesTitle = make("h3", { className: "digits-title" });
  const devError = make("p", { id: "digits-dev-error", className: "digits-figure" });
  const images = captioned("digits-images", t("The dev images, each tinted by the network's P(y = 1), the wrong ones framed"));
  const filtersTitle = make("h3", { className: "digits-title" });
  const filters = captioned("digits-filters", t("Each first-layer unit's incoming weights as an 8×8 picture: blue W > 0, orange W < 0, white exactly 0"));
  const pixelsTitle = make("h3", { className: "digits-title" });
  const pixels = captioned("digits-pixels", t("The 8×8 map of input pixels that still have a weight that is not exactly 0"));
  const inUse = make("p", { id: "digits-in-use", className: "digits-figure" });
  const stripTitle = make("h3", { className: "digits-title" });
  const strip = captioned("digits-strip", t("A training image of the first digit, then one copy per augmentation: flip, rotate, elastic distortion, zoom, shift"));
  const stripCaptions = make("div", { id: "digits-strip-captions", className: "digits-strip-captions" });
  const flipNote = make("p", { className: "hint digits-flip" });
  // a line each before the first drawing writes them, so an embed measures their height
  for (const line of [devError, inUse, stripCaptions]) line.replaceChildren(make("span", { textContent: "\u00a0" }));
  root.replaceChildren(
    make("div", { className: "digits-images" }, [imagesTitle, devError, images]),
    make("div", { className: "digits-row" }, [
      make("div", { className: "digits-filters" }, [filtersTitle, filters]),
      make("div", { className: "digits-pixels" }, [pixelsTitle, pixels, inUse]),
    ]),
    make("div", { className: "digits-strip" }, [stripTitle, strip, stripCaptions, flipNote]),
  );
  root.children[0].dataset.panel = "images";
  root.children[1].children[0].dataset.panel = "filters";
  root.children[1].children[1].dataset.panel = "pixels";
  root.children[2].dataset.panel = "strip";

  // data controls: the pair and the training images, where points and noise were
  const { max: MAX_DIGIT } = settingOf("digits");
  const digitSelect = (id) => {
    const select = make("select", { id });
    for (let d = 0; d <= MAX_DIGIT; d++) select.add(new Option(String(d), String(d)));
    return select;
  };
  const one = digitSelect("digits-one");
  const other = digitSelect("digits-other");
  const oneLabel = make("label", { htmlFor: one.id });
  const otherLabel = make("label", { htmlFor: other.id });
  const imagesRange = make("input", { type: "range", id: "images", name: "images", step: 10 });
  Object.assign(imagesRange, { min: settingOf("images").min, max: settingOf("images").max });
  const imagesValue = make("output", { id: "images-value" });
  const imagesLabel = make("label", { htmlFor: imagesRange.id });
  const inputsNote = make("p", { id: "digits-inputs", className: "hint" });
  const controls = make("div", { id: "digits-controls", className: "digits-controls" }, [
    make("div", { className: "digits-pair" }, [make("div", {}, [oneLabel, one]), make("div", {}, [otherLabel, other])]),
    imagesLabel,
    imagesRange,
  ]);
  $("datasets").closest("fieldset").after(controls);
  $("features").after(inputsNote);

  const setPair = (changed) => {
    let [a, b] = [Number(one.value), Number(other.value)];
    if (a === b) [a, b] = changed === one ? [a, page.config().digits[0]] : [page.config().digits[1], b];
    page.act(() => page.set({ digits: [a, b] }));
  };
  one.addEventListener("change", () => setPair(one));
  other.addEventListener("change", () => setPair(other));
  imagesRange.addEventListener("input", () => (imagesValue.textContent = imagesRange.value));
  imagesRange.addEventListener("change", () => page.act(() => page.set({ images: Number(imagesRange.value) })));

  function texts(c) {
    imagesTitle.textContent = t("Dev images, tinted by P(y = 1), the wrong ones framed");
    filtersTitle.textContent = t("W[1]: each unit's 64 weights (8×8)");
    pixelsTitle.textContent = t("Pixels in use");
    stripTitle.textContent = t("A training {digit} and its augmented copies (✓ in use)", { digit: c.digits[0] });
    flipNote.textContent = t("flip: a mirrored digit is not the same digit, yet keeps its label");
    oneLabel.textContent = t("Digit y = 1");
    otherLabel.textContent = t("Digit y = 0");
    imagesLabel.replaceChildren(`${t("Training images")} `, imagesValue);
    inputsNote.textContent = t("Inputs: the 64 pixels (0–1). Features do not apply to images.");
  }

  // embed=1: the chosen views fill the frame (as the boundary does, app.js fitEmbed), measured
  // from the page as laid out, again whenever the frame, the language or the panels change
  const parts = [...root.querySelectorAll("[data-panel]")];
  const sized = [root, images, filters, pixels, strip, stripCaptions];
  const LEAST = { images: 40, row: 24, strip: 24 };
  let fitted = "";
  let tight = false; // the dev images' canvas cut to their grid once per fitting
  let fit = null; // { width, h, cap, inUseHeight } of the last fitting

  const slack = () => innerHeight - Math.ceil(document.body.getBoundingClientRect().bottom) - 2;
  function setHeights({ h, inUseHeight }) {
    images.style.height = `${h.images}px`;
    pixels.style.height = pixels.style.width = `${h.row}px`;
    filters.style.height = `${h.row + inUseHeight}px`;
    strip.style.height = `${h.strip}px`;
  }
  /** Shares what the frame has left among the shown canvases, each up to its cap. */
  function grow(want) {
    let spare = slack();
    for (let round = 0; round < 3 && spare > 1; round++) {
      const open = Object.keys(want).filter((k) => want[k] > 0 && fit.h[k] < fit.cap[k]);
      const total = open.reduce((sum, k) => sum + want[k], 0);
      if (!total) break;
      const share = spare;
      for (const k of open) {
        const add = Math.min(fit.cap[k] - fit.h[k], (share * want[k]) / total);
        fit.h[k] += add;
        spare -= add;
      }
    }
    for (const k of Object.keys(fit.h)) fit.h[k] = Math.floor(fit.h[k]);
    setHeights(fit);
    shrink();
  }
  /** Text that wrapped anew (a longer figure, say) takes its lines from the largest views;
   * true when a canvas changed size (and so must be drawn again). */
  function shrink() {
    let over = -slack();
    if (over <= 0) return false;
    const shown = wanted(parts.map((p) => p.classList.contains("shown")));
    for (const k of Object.keys(shown).filter((k) => shown[k] > 0).sort((a, b) => fit.h[b] - fit.h[a])) {
      const take = Math.min(over, fit.h[k] - LEAST[k]);
      fit.h[k] -= take;
      over -= take;
    }
    setHeights(fit);
    return true;
  }
  const wanted = (shown) => {
    const [isImages, isFilters, isPixels, isStrip] = shown;
    return { images: isImages ? 0.55 : 0, row: isFilters || isPixels ? 0.27 : 0, strip: isStrip ? 0.18 : 0 };
  };

  function fitEmbedded() {
    const body = document.body;
    const embed = body.classList.contains("embed");
    const shown = parts.map((p) => p.classList.contains("shown"));
    const key = embed ? [innerWidth, innerHeight, body.className, document.documentElement.lang, shown].join() : "";
    if (key === fitted) return;
    fitted = key;
    tight = false;
    for (const e of sized) e.style.width = e.style.height = e.style.marginInline = ""; // the stylesheet's sizes
    if (!embed) return;
    const [, isFilters, isPixels] = shown;
    // the width: with charts beside (app.js fitEmbed), half the frame as the boundary's;
    // otherwise what the output panel leaves beside the readouts
    root.style.width = "200px";
    const grid = root.parentElement;
    const readouts = grid.querySelector(".readouts");
    const nextTo = readouts && readouts.offsetWidth ? readouts.offsetWidth + 12 : 0;
    const room = body.classList.contains("beside") ? innerWidth * 0.5 - 40 : grid.clientWidth - nextTo;
    const width = Math.max(200, Math.floor(room));
    for (const e of [root, images, strip, stripCaptions]) e.style.width = `${width}px`;
    // the height: every canvas at its least, then what the frame has left goes to them; the
    // strip's pictures are square in six cells, the pixels' map a square beside the filters
    fit = {
      width,
      h: { ...LEAST },
      cap: { images: Infinity, row: isFilters ? width * 0.3 : width, strip: width / 6 },
      inUseHeight: isPixels && isFilters ? inUse.offsetHeight : 0, // the filters as tall as the pixels and their figure
    };
    setHeights(fit);
    grow(wanted(shown));
  }

  /** Once the dev images are drawn: their canvas cut to the grid they filled, centred, and
   * the height that frees given to the other views. */
  function tighten(a) {
    if (!fitted || tight || !a.columns) return false;
    tight = true;
    const ratio = images.width / images.clientWidth;
    const rows = Math.ceil(a.count / a.columns);
    const [w, h] = [Math.ceil((a.columns * a.side) / ratio), Math.ceil((rows * a.side) / ratio)];
    if (images.clientHeight - h < 4 && images.clientWidth - w < 4) return false;
    images.style.width = `${w}px`;
    images.style.marginInline = "auto";
    fit.h.images = h;
    fit.cap.images = h;
    setHeights(fit);
    grow(wanted(parts.map((p) => p.classList.contains("shown"))));
    return true;
  }

  let on = false;
  return {
    get on() {
      return on;
    },
    sync(c) {
      on = c.dataset === "digits";
      if (!on) fitted = ""; // fitted anew when digits mode comes back
      document.body.classList.toggle("digits", on);
      root.hidden = !on;
      // on images, jitter is the elastic distortion and shift moves by at most half a pixel
      for (const kind of ["jitter", "shift"]) {
        const chip = document.querySelector(`#augment input[value=${kind}] + span`);
        if (chip) chip.textContent = on ? t(KINDS[kind]) : t(chip.dataset.t ?? kind);
      }
      if (!on) return;
      one.value = String(c.digits[0]);
      other.value = String(c.digits[1]);
      imagesRange.value = c.images;
      imagesValue.textContent = c.images;
      texts(c);
    },
    draw() {
      if (!on) return;
      const c = page.config();
      texts(c);
      fitEmbedded();
      const draw = (canvas, view) => {
        if (!canvas.clientWidth) return null;
        const [w, h] = fitCanvas(canvas);
        return JSON.parse(page.guard(() => page.pg.drawDigits(view, canvas.getContext("2d"), w, h)));
      };
      const paint = () => {
        let a = draw(images, "images");
        if (a && tighten(a)) a = draw(images, "images");
        if (a) writeFigures(devError, t("dev set error {error} ({wrong} of {count} wrong)"), { error: percent(a.devError), wrong: a.wrong, count: a.count });
        draw(filters, "filters");
        const p = draw(pixels, "pixels");
        if (p) writeFigures(inUse, t("{inUse} of {pixels} pixels in use"), { inUse: p.inUse, pixels: p.pixels });
        const s = draw(strip, "strip");
        if (s) {
          stripCaptions.replaceChildren(
            make("span", { textContent: t("original") }),
            ...s.kinds.map((kind, i) => {
              const span = make("span", { textContent: `${s.on[i] ? "✓ " : ""}${t(KINDS[kind])}` });
              span.classList.toggle("on", s.on[i]);
              return span;
            }),
          );
          root.dataset.strip = JSON.stringify(s.changed);
        }
      };
      paint();
      if (fitted && shrink()) paint(); // the figures' new text wrapped into more lines
    },
  };
}

