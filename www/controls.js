// The controls: their ranges and options come from the core's settings table, each change is
// sent through `set` (validated by the core), each is redrawn from `config()` after any change
// so the page never disagrees with the URL.

import { drawDatasetThumbnail, newSeed } from "./pkg/regplay.js";
import { LAMBDAS, positionOf, formatLambda } from "./lambda.js";
import { t, currentLang } from "./i18n.js";
import { settingOf } from "./settings.js";
import { make } from "./dom.js";

const $ = (id) => document.getElementById(id);
// how the options of a list are written on their chips (the table holds their URL names)
const CHIP_TEXT = {
  x1: "x₁", x2: "x₂", x1sq: "x₁²", x2sq: "x₂²", x1x2: "x₁x₂", sinx1: "sin x₁", sinx2: "sin x₂",
  flip: "flip ↔", rotate: "rotate ±15°", jitter: "jitter", zoom: "zoom ×0.9–1.1", shift: "shift ±1 px",
};
const chips = (key) => settingOf(key).options.map((name) => [name, CHIP_TEXT[name] ?? name]);

/** A select shows `value` even when it is not one of its preset options (a URL may hold any). */
function selectValue(select, value) {
  const text = String(value);
  if (![...select.options].some((o) => o.value === text)) select.add(new Option(text, text));
  select.value = text;
}

/** Builds the controls once; returns `sync(config)` to show a config. */
export function buildControls({ set, config, act }) {
  const { maxItems: MAX_LAYERS } = settingOf("layers");
  // dataset picker: radio inputs, each with a thumbnail drawn by the core
  for (const name of settingOf("dataset").options) {
    const input = make("input", { type: "radio", name: "dataset", value: name, id: `dataset-${name}` });
    const canvas = make("canvas", { width: 96, height: 96 });
    canvas.setAttribute("aria-hidden", "true");
    drawDatasetThumbnail(canvas.getContext("2d"), name, 96);
    const caption = make("span", { textContent: name });
    caption.dataset.t = name; // the dataset's name in the page's language
    const label = make("label", { className: "dataset", htmlFor: input.id }, [input, canvas, caption]);
    input.addEventListener("change", () => act(() => set({ dataset: name })));
    $("datasets").append(label);
  }
  for (const [name, text] of chips("features")) {
    const input = make("input", { type: "checkbox", value: name, id: `feature-${name}` });
    input.setAttribute("aria-label", `feature ${text}`);
    input.setAttribute("data-t-aria", "");
    input.addEventListener("change", () => {
      const chosen = [...document.querySelectorAll("#features input:checked")].map((i) => i.value);
      act(() => set({ features: chosen }), () => (input.checked = !input.checked));
    });
    $("features").append(make("label", { className: "chip" }, [input, make("span", { textContent: text })]));
  }

  for (const [name, text] of chips("augment")) {
    const input = make("input", { type: "checkbox", value: name, id: `augment-${name}` });
    input.setAttribute("aria-label", `augment: ${text}`);
    input.setAttribute("data-t-aria", "");
    input.dataset.text = text;
    input.addEventListener("change", () => {
      const chosen = [...document.querySelectorAll("#augment input:checked")].map((i) => i.value);
      act(() => set({ augment: chosen }));
    });
    const span = make("span", { textContent: text });
    span.dataset.t = text;
    $("augment").append(make("label", { className: "chip" }, [input, span]));
  }

  const range = (id, key, format = (v) => v) => {
    Object.assign($(id), { min: settingOf(key).min, max: settingOf(key).max });
    $(id).addEventListener("input", () => ($(`${id}-value`).textContent = format($(id).value)));
    $(id).addEventListener("change", () => act(() => set({ [key]: Number($(id).value) })));
  };
  range("points", "points");
  range("noise", "noise", (v) => `${v} %`);
  range("train", "train", (v) => `${v} %`);
  $("new-data").addEventListener("click", () => act(() => set({ seed: newSeed() })));
  $("showdev").addEventListener("change", (e) => act(() => set({ showdev: e.target.checked })));
  $("discretize").addEventListener("change", (e) => act(() => set({ discretize: e.target.checked })));
  $("checkj").addEventListener("change", (e) => act(() => set({ checkj: e.target.checked })));
  $("inverted").addEventListener("change", (e) => act(() => set({ inverted: e.target.checked ? 1 : 0 })));

  for (const key of ["speed", "lr", "batch", "act", "reg", "patience", "stopOn", "keepIn"]) {
    $(key).addEventListener("change", (e) => act(() => set({ [key]: e.target.value })));
  }
  $("lambda").max = LAMBDAS.length - 1;
  $("lambda").addEventListener("input", (e) => {
    const lambda = LAMBDAS[Number(e.target.value)];
    // λ does nothing without a penalty: moving it off 0 picks L2, the lecture's first case
    act(() => set(lambda > 0 && config().reg === "none" ? { reg: "l2", lambda } : { lambda }));
  });

  const layers = () => config().layers;
  $("add-layer").addEventListener("click", () => {
    const l = layers();
    if (l.length < MAX_LAYERS) act(() => set({ layers: [...l, l.length ? l[l.length - 1] : 4] }));
  });
  $("remove-layer").addEventListener("click", () => {
    const l = layers();
    if (l.length > 0) act(() => set({ layers: l.slice(0, -1) }));
  });

  return function sync(c) {
    document.querySelectorAll('input[name="dataset"]').forEach((i) => (i.checked = i.value === c.dataset));
    document.querySelectorAll("#features input").forEach((i) => (i.checked = c.features.includes(i.value)));
    for (const [id, fmt] of [["points", (v) => v], ["noise", (v) => `${v} %`], ["train", (v) => `${v} %`]]) {
      $(id).value = c[id];
      $(`${id}-value`).textContent = fmt(c[id]);
    }
    $("showdev").checked = c.showdev;
    $("discretize").checked = c.discretize;
    $("checkj").checked = c.checkj;
    $("inverted").checked = c.inverted;
    document.querySelectorAll("#augment input").forEach((i) => (i.checked = c.augment.includes(i.value)));
    for (const key of ["speed", "lr", "batch", "act", "reg", "patience", "stopOn", "keepIn"]) selectValue($(key), c[key]);
    $("lambda").value = positionOf(c.lambda);
    $("lambda-value").textContent = formatLambda(c.lambda);
    $("lambda").setAttribute("aria-valuetext", `λ = ${formatLambda(c.lambda)}`);
    $("penalty-formula").textContent = c.reg === "l2" ? "(λ/2m) Σ‖W[l]‖²" : c.reg === "l1" ? "(λ/2m) Σ|W[l]|" : "";
    syncLayers(c, set, act);
  };
}

/** The per-layer +/− neuron buttons and keep_prob sliders follow the architecture. */
function syncLayers(c, set, act) {
  const { maxItems: MAX_LAYERS, max: MAX_NEURONS } = settingOf("layers"); // layers, neurons per layer
  const n = c.layers.length;
  $("layer-count").textContent = n <= 1 ? t(`${n} hidden layer${n === 1 ? "" : "s"}`) : t("{n} hidden layers", { n });
  $("add-layer").disabled = n >= MAX_LAYERS;
  $("remove-layer").disabled = n === 0;
  const shape = JSON.stringify(c.layers) + currentLang();
  if ($("layer-controls").dataset.shape === shape) {
    c.keep.forEach((keep, l) => {
      const input = $(`keep-${l + 1}`);
      if (input && Number(input.value) !== keep) input.value = keep;
      if (input) input.previousSibling.querySelector("output").textContent = keep;
    });
    return;
  }
  $("layer-controls").dataset.shape = shape;
  $("layer-controls").replaceChildren(
    ...c.layers.map((size, l) => {
      const resize = (delta) => {
        const next = [...c.layers];
        next[l] = Math.min(MAX_NEURONS, Math.max(1, size + delta));
        act(() => set({ layers: next }));
      };
      const minus = make("button", { type: "button", textContent: "−", disabled: size <= 1 });
      minus.setAttribute("aria-label", t("Remove a neuron from layer {l}", { l: l + 1 }));
      minus.addEventListener("click", () => resize(-1));
      const plus = make("button", { type: "button", textContent: "+", disabled: size >= MAX_NEURONS });
      plus.setAttribute("aria-label", t("Add a neuron to layer {l}", { l: l + 1 }));
      plus.addEventListener("click", () => resize(1));
      return make("div", { className: "layer" }, [minus, make("span", { textContent: `${size}` }), plus]);
    }),
  );
  $("keep-controls").replaceChildren(
    ...c.keep.map((keep, l) => {
      const id = `keep-${l + 1}`;
      const value = make("output", { textContent: keep });
      const label = make("label", { htmlFor: id }, [`keep_prob [${l + 1}] `, value]);
      label.id = `${id}-label`;
      const input = make("input", { type: "range", id, min: 0.05, max: 1, step: 0.01, value: keep });
      input.addEventListener("input", () => {
        value.textContent = input.value;
        const next = [...document.querySelectorAll(".keep input")].map((i) => Number(i.value));
        act(() => set({ keep: next }));
      });
      return make("div", { className: "keep" }, [label, input]);
    }),
  );
  $("keep-controls").dataset.shape = shape;
}
