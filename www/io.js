// Data & export: your own CSV in (a file or pasted text), the current data and the trained
// model out (CSV, JSON) and back in, and PNGs of the boundary and the charts at twice the
// screen's resolution, redrawn by the core into offscreen canvases. Nothing leaves the
// browser: files are read here and downloads are made here.

import { curveWords } from "./charts.js";
import { t } from "./i18n.js";
import { MAX_MODEL_BYTES } from "./limits.js";
import { compact } from "./format.js";

/** The files the page writes. */
const FILES = {
  data: "regplay-data.csv",
  model: "regplay-model.json",
  boundary: "regplay-boundary.png",
  digits: "regplay-digits.csv",
  digitImages: "regplay-dev-images.png",
  cost: "regplay-cost.png",
  error: "regplay-error.png",
};

/** PNGs are drawn at this many pixels per CSS pixel, whatever the screen. */
const PNG_SCALE = 2;
/** A file bigger than this is not a CSV of at most 5000 rows, nor a model. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_CSV_ROWS = 5000;
/** No line of a CSV the page reads is longer: x1,x2,y,split in any notation fits many times. */
const MAX_CSV_LINE = 1000;
/** A chart that was never on screen (its tab closed) is drawn at this CSS size. */
const CHART_FALLBACK = [640, 240];

/** The elements of the "Data & export" menu and the paste dialog, by their ids. */
function elementsById(doc = document) {
  const $ = (id) => doc.getElementById(id);
  return {
    menu: $("data-menu"),
    uploadCsv: $("upload-csv"), uploadCsvFile: $("upload-csv-file"),
    pasteCsv: $("paste-csv"), pasteDialog: $("paste-dialog"), pasteText: $("paste-text"),
    pasteLoad: $("paste-load"), pasteCancel: $("paste-cancel"), pasteError: $("paste-error"),
    downloadCsv: $("download-csv"), downloadModel: $("download-model"),
    loadModel: $("load-model"), loadModelFile: $("load-model-file"),
    pngBoundary: $("png-boundary"), pngDigits: $("png-digits"), digitImages: $("digits-images"), pngCost: $("png-cost"), pngError: $("png-error"),
    boundary: $("boundary"), costChart: $("cost-chart"), errorChart: $("error-chart"),
    xAxis: doc.querySelector(".plot .x-axis"), yAxis: doc.querySelector(".plot .y-axis"),
  };
}

/**
 * Loads CSV text as the data of the run (for `playground.loadCsv`). Resolves to the number
 * of rows; rejects with Error(message naming the line and column) and leaves the data as it was.
 */
export function loadCsv(page, text) {
  return new Promise((resolve) => {
    checkCsvText(text);
    const rows = page.guard(() => page.pg.loadCsv(text));
    page.set({}); // writes the URL (dataset=csv) and redraws the controls
    resolve(rows);
  });
}

/**
 * Refuses, before any parsing, a text no file could bring in: not a string, more than
 * MAX_FILE_BYTES, or more lines with something on them than MAX_CSV_ROWS rows need.
 */
function checkCsvText(text) {
  if (typeof text !== "string") throw new TypeError(t("loadCsv() takes the CSV as text: a header line x1,x2,y, then one row per point."));
  const bytes = text.length > MAX_FILE_BYTES / 3 ? new TextEncoder().encode(text).length : text.length;
  if (bytes > MAX_FILE_BYTES) throw new Error(t("The CSV text is {size} MB; at most {max} MB is read, as for a file.", { size: (bytes / 2 ** 20).toFixed(1), max: MAX_FILE_BYTES / 2 ** 20 }));
  let lines = 0;
  let number = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    number += 1;
    if (line.length > MAX_CSV_LINE) throw new Error(t("Line {line} of the CSV has {chars} characters; a row of x1,x2,y and a split needs far fewer (at most {max}).", { line: number, chars: line.length.toLocaleString("en"), max: MAX_CSV_LINE }));
    if (line.trim() && ++lines > MAX_CSV_ROWS + 2) break;
  }
  if (lines > MAX_CSV_ROWS + 2) throw new Error(t("The CSV has more than {rows} rows; keep at most {rows}, since every training step goes over all of them.", { rows: MAX_CSV_ROWS.toLocaleString("en") }));
}

/** Refuses, before the core copies it, a text too big to be any model file the page writes. */
export function checkModelText(text) {
  if (typeof text !== "string") throw new TypeError("a model file is JSON text");
  const bytes = text.length > MAX_MODEL_BYTES / 3 ? new TextEncoder().encode(text).length : text.length;
  if (bytes > MAX_MODEL_BYTES) throw new Error(t("The model file is {size} KB; a model of six layers of 32 units is under {max} KB, so this is not one.", { size: Math.ceil(bytes / 1024).toLocaleString("en"), max: MAX_MODEL_BYTES / 1024 }));
}

/**
 * Before a change of `values` that may replace loaded CSV data (a dataset picked, the
 * lecture started, a link pasted): returns what to call after it, which offers Undo when
 * the CSV is gone. Undo loads the same points (with the split they had) and the settings.
 */
export function keepCsvForUndo(page, values) {
  const before = "dataset" in values ? page.config() : null;
  if (before?.dataset !== "csv") return () => {};
  const text = page.guard(() => page.pg.dataCsv());
  const restore = () => {
    try {
      page.guard(() => page.pg.loadCsv(text));
      const { dataset, points, noise, ...settings } = before;
      page.set(settings);
      page.showMessage(t("Your CSV data is back."), { kind: "info", id: "csv-replaced" });
    } catch (error) {
      page.showMessage(error.message || String(error));
    }
  };
  return () => {
    if (page.config().dataset === "csv") return;
    page.showMessage(t("Your CSV data was replaced by a generated dataset. Undo brings it back."), { kind: "info", id: "csv-replaced", actions: [[t("Undo"), restore]] });
  };
}

/** The note to show instead of "link copied" when the data came from a file; null otherwise. */
export function linkNote(config) {
  return config.dataset === "csv" ? t("Link copied, but without your data: a link cannot carry a CSV file. Send the file along (Data & export → Download data CSV).") : null;
}

/**
 * Wires the menu. `page` is the page's context ({ pg, guard, set, config, metrics,
 * showMessage, markDirty }); missing elements are skipped. Returns `{ sync() }`: call it after
 * every change, it labels the axes in the data's own units.
 */
export function installIO(page, elements = elementsById()) {
  const e = elements;
  const on = (element, event, handler) => element?.addEventListener(event, handler);
  const fail = (error) => page.showMessage(error.message || String(error));

  // the menu closes once an item is chosen, or on a click elsewhere
  on(e.menu, "click", (event) => {
    if (event.target.closest("button")) e.menu.open = false;
  });
  document.addEventListener("click", (event) => {
    if (e.menu?.open && !e.menu.contains(event.target)) e.menu.open = false;
  });

  async function readFile(input) {
    const file = input.files?.[0];
    input.value = ""; // choosing the same file again is a change too
    if (!file) return null;
    if (file.size > MAX_FILE_BYTES) {
      throw new Error(t("{name} is {size} MB, far more than a CSV of {rows} rows or a model file; is it the right file?", { name: file.name, size: (file.size / 2 ** 20).toFixed(1), rows: MAX_CSV_ROWS }));
    }
    try {
      return { name: file.name, text: await file.text() };
    } catch (error) {
      throw new Error(t("{name} could not be read: {reason}", { name: file.name, reason: error.message || error }));
    }
  }

  async function useCsv(text) {
    const rows = await loadCsv(page, text);
    const m = page.metrics();
    page.showMessage(t("Loaded {rows} rows: {train} training and {dev} dev points. Your data stays in this browser; a link cannot carry it, so send the CSV file along with a link.", { rows, train: m.trainSize - m.augmented, dev: m.devSize }), { kind: "info", id: "data-loaded" });
  }

  // ---- in: CSV from a file or pasted, a model file ----
  on(e.uploadCsv, "click", () => e.uploadCsvFile?.click());
  on(e.uploadCsvFile, "change", async () => {
    try {
      const file = await readFile(e.uploadCsvFile);
      if (file) await useCsv(file.text).catch((error) => Promise.reject(new Error(`${file.name}: ${error.message}`)));
    } catch (error) {
      fail(error);
    }
  });

  const showPasteError = (text) => {
    if (e.pasteError) e.pasteError.textContent = text;
    else if (text) page.showMessage(text);
  };
  on(e.pasteCsv, "click", () => {
    showPasteError("");
    e.pasteDialog?.showModal();
    e.pasteText?.focus();
  });
  on(e.pasteCancel, "click", () => e.pasteDialog?.close());
  on(e.pasteLoad, "click", async (event) => {
    event.preventDefault(); // a bad text keeps the dialog open to be fixed
    const text = e.pasteText?.value ?? "";
    if (!text.trim()) return showPasteError(t("Paste CSV text first: a header line x1,x2,y, then one row per point."));
    try {
      await useCsv(text);
      showPasteError("");
      e.pasteDialog?.close();
    } catch (error) {
      showPasteError(error.message);
    }
  });

  on(e.loadModel, "click", () => e.loadModelFile?.click());
  on(e.loadModelFile, "change", async () => {
    try {
      const file = await readFile(e.loadModelFile);
      if (!file) return;
      checkModelText(file.text);
      page.guard(() => page.pg.loadModel(file.text));
      page.set({});
      page.showMessage(t("Model loaded: training starts again from its weights, and Reset comes back to them. Your data stayed as it was."), { kind: "info", id: "model-loaded" });
    } catch (error) {
      fail(error);
    }
  });

  // ---- out: data, model, pictures ----
  on(e.downloadCsv, "click", () => {
    // digits mode: the images (digit, y, split, 64 grey levels), not the empty x1,x2 table
    const digits = page.config().dataset === "digits";
    const text = page.guard(() => (digits ? page.pg.digitsCsv() : page.pg.dataCsv()));
    download(new Blob([text], { type: "text/csv" }), digits ? FILES.digits : FILES.data);
  });
  on(e.downloadModel, "click", () => {
    const text = page.guard(() => page.pg.modelJson());
    download(new Blob([text], { type: "application/json" }), FILES.model);
  });

  const picture = (draw, name) => async () => {
    try {
      download(await pngOf(draw()), name);
    } catch (error) {
      page.showMessage(t("The picture could not be made: {reason}", { reason: error.message || error }));
    }
  };
  on(e.pngBoundary, "click", picture(() => boundaryPicture(page, e.boundary), FILES.boundary));
  on(e.pngDigits, "click", picture(() => digitsPicture(page, e.digitImages), FILES.digitImages));
  on(e.pngCost, "click", picture(() => chartPictures(page, e.costChart, e.errorChart)[0], FILES.cost));
  on(e.pngError, "click", picture(() => chartPictures(page, e.costChart, e.errorChart)[1], FILES.error));

  return {
    sync() {
      const units = JSON.parse(page.guard(() => page.pg.viewUnits()));
      labelAxis(e.xAxis, units.x1[0], units.x1[1]);
      labelAxis(e.yAxis, units.x2[1], units.x2[0]); // top to bottom
    },
  };
}

// ---- helpers ----

function download(blob, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

function pngOf(canvas) {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the canvas gave no PNG"))), "image/png"));
}

/** A canvas not in the page, with a backing store of PNG_SCALE × the CSS size given. */
function offscreen(cssWidth, cssHeight) {
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(cssWidth * PNG_SCALE));
  canvas.height = Math.max(1, Math.round(cssHeight * PNG_SCALE));
  return canvas;
}

/** The boundary as on screen (dev points and discretizing as chosen), at PNG_SCALE. */
function boundaryPicture(page, shown) {
  const canvas = offscreen(shown.clientWidth, shown.clientHeight);
  const c = page.config();
  const options = (c.showdev ? 1 : 0) | (c.discretize ? 2 : 0);
  page.guard(() => page.pg.drawBoundary(canvas.getContext("2d"), canvas.width, canvas.height, options));
  return canvas;
}

/** Digits mode's dev images (tinted by P(y = 1), wrong ones framed) as on screen, at PNG_SCALE. */
function digitsPicture(page, shown) {
  const canvas = offscreen(shown?.clientWidth || 380, shown?.clientHeight || 150);
  page.guard(() => page.pg.drawDigits("images", canvas.getContext("2d"), canvas.width, canvas.height));
  return canvas;
}

/** [cost, error] charts as on screen, at PNG_SCALE; a chart in a closed tab gets a fallback size. */
function chartPictures(page, cost, error) {
  const size = (shown) => (shown.clientWidth ? [shown.clientWidth, shown.clientHeight] : CHART_FALLBACK);
  const canvases = [offscreen(...size(cost)), offscreen(...size(error))];
  page.guard(() => page.pg.drawCharts(canvases[0], canvases[1], PNG_SCALE, curveWords()));
  return canvases;
}

/** Writes the two end labels of an axis (its spans: start, name, end), with a true minus sign. */
function labelAxis(axis, start, end) {
  const spans = axis?.querySelectorAll("span");
  if (!spans || spans.length < 3) return;
  spans[0].textContent = compact(start);
  spans[spans.length - 1].textContent = compact(end);
}
