//! The only code that knows about the browser: one handle the page drives, drawing into
//! canvases, and panics turned into a visible message.

mod boundary;
mod chart_kit;
mod charts;
mod compare;
mod derivation;
mod digits;
mod digits_data;
mod instruments;
mod io;
mod network;
mod norms;
mod panic;
mod readouts;
mod settings;
mod sweep;
mod sweep_chart;
mod worker_data;

use wasm_bindgen::prelude::*;
use wasm_bindgen::Clamped;
use web_sys::{CanvasRenderingContext2d, ImageData};

use crate::render::Image;
use crate::train::{Config, Effect, Session, SettingError, Status};
use settings::js_error;

/// Cells a side of the lattice the main boundary is evaluated on.
const BOUNDARY_GRID: usize = 100;

#[wasm_bindgen(start)]
pub fn start() {
    panic::install();
}

/// One training session and the pixels drawn from it. The page makes one, hands it its two
/// canvases once (`setCanvases`) and calls `frame` once per animation frame.
#[wasm_bindgen]
pub struct Playground {
    session: Session,
    problems: Vec<SettingError>,
    image: Image,
    /// the node the pointer rests on in the network diagram, as (layer, unit) with layer 0
    /// the inputs: the large view shows its output instead of the network's
    focus: Option<(usize, usize)>,
    /// a λ sweep under way or finished
    sweep: Option<crate::train::Sweep>,
    /// the boundary for the screen, computed fast in f32
    fast_grid: crate::render::fast_grid::FastGrid,
    /// the points over the boundary, drawn once per data and size (see `PointsLayer`)
    points: crate::render::PointsLayer,
    /// the link the pointer rests on in the diagram, as (layer, from, to) of `W[layer]`
    hover: Option<(usize, usize, usize)>,
    /// where `frame` draws: the large boundary view and the network diagram
    canvases: Option<(CanvasRenderingContext2d, CanvasRenderingContext2d)>,
    /// milliseconds one slice of training took lately, so a frame's first chunk fits the budget
    slice_ms: f64,
}

#[wasm_bindgen]
impl Playground {
    /// Builds the session from URL pairs (`keys[i]=values[i]`); bad values are replaced by
    /// their defaults and listed by `problems()`.
    #[wasm_bindgen(constructor)]
    pub fn new(keys: Vec<String>, values: Vec<String>) -> Playground {
        let (config, problems) = Config::from_pairs(keys.iter().map(String::as_str).zip(values.iter().map(String::as_str)));
        Playground {
            session: Session::new(config),
            problems,
            image: Image::new(1, 1),
            focus: None,
            sweep: None,
            fast_grid: Default::default(),
            points: Default::default(),
            hover: None,
            canvases: None,
            slice_ms: f64::INFINITY,
        }
    }

    /// The bad URL values met by `new`, as error data (`{ code, key, value, allowed }`).
    pub fn problems(&self) -> JsValue {
        settings::errors_data(&self.problems)
    }

    /// Sets `keys[i]=values[i]` as one setup (the table's order, whatever the order given):
    /// all of them or, on an error, none. Returns true when the run was reset.
    #[wasm_bindgen(js_name = setAll)]
    pub fn set_all(&mut self, keys: Vec<String>, values: Vec<String>) -> Result<bool, JsValue> {
        let pairs = keys.iter().map(String::as_str).zip(values.iter().map(String::as_str));
        self.session.set_all(pairs).map(|effect| effect == Effect::Reset).map_err(|e| js_error(&e))
    }

    /// Checks `keys[i]=values[i]` as one setup on a copy of the config (page keys too),
    /// changing nothing: `setAll` of the same pairs will then succeed.
    pub fn validate(&self, keys: Vec<String>, values: Vec<String>) -> Result<(), JsValue> {
        let pairs = keys.iter().map(String::as_str).zip(values.iter().map(String::as_str));
        self.session.config().clone().set_all(pairs).map(|_| ()).map_err(|e| js_error(&e))
    }

    #[wasm_bindgen(js_name = configJson)]
    pub fn config_json(&self) -> String {
        self.session.config().to_json()
    }

    /// Every key, as `key=value&…`.
    pub fn query(&self) -> String {
        self.session.config().to_query()
    }

    pub fn reset(&mut self) {
        self.session.reset();
    }

    /// Runs n iterations now; returns how many ran (fewer if the run stopped or diverged).
    pub fn train(&mut self, n: u32) -> u32 {
        self.session.train(n as usize) as u32
    }

    /// Runs up to n slices of iterations (an iteration on more than a thousand examples is
    /// several slices); returns how many slices ran (fewer if the run stopped or diverged).
    #[wasm_bindgen(js_name = trainSlices)]
    pub fn train_slices(&mut self, n: u32) -> u32 {
        self.session.train_slices(n as usize).0 as u32
    }

    #[wasm_bindgen(js_name = slicesPerIteration)]
    pub fn slices_per_iteration(&self) -> u32 {
        self.session.slices_per_iteration() as u32
    }

    #[wasm_bindgen(js_name = restoreBest)]
    pub fn restore_best(&mut self) {
        self.session.restore_best();
    }

    /// The numbers the page shows, as JSON (see `readouts::metrics`).
    #[wasm_bindgen(js_name = metricsJson)]
    pub fn metrics_json(&self) -> String {
        readouts::metrics_json(&self.session)
    }

    /// The history of every curve, as JSON arrays.
    #[wasm_bindgen(js_name = historyJson)]
    pub fn history_json(&self) -> String {
        readouts::history_json(&self.session)
    }

    /// The message of a diverged run, if it diverged.
    pub fn diverged(&self) -> Option<String> {
        match self.session.status() {
            Status::Diverged { message } => Some(message.clone()),
            _ => None,
        }
    }

    /// P(y = 1) on an n×n grid over the view square, row-major, row 0 at the top.
    pub fn grid(&self, n: u32) -> Vec<f64> {
        self.session.probability_grid(n.clamp(1, 1000) as usize)
    }

    /// The canvases `frame` draws on: the boundary view and the network diagram.
    #[wasm_bindgen(js_name = setCanvases)]
    pub fn set_canvases(&mut self, boundary: CanvasRenderingContext2d, network: CanvasRenderingContext2d) {
        self.canvases = Some((boundary, network));
    }

    /// Makes `frame` report the weight of link `W[layer]` at (`to`, `from`), the one the
    /// pointer rests on; a negative value, or a link the network lacks, reports none.
    #[wasm_bindgen(js_name = setHover)]
    pub fn set_hover(&mut self, layer: i32, from: i32, to: i32) {
        let link = (layer > 0 && from >= 0 && to >= 0).then_some((layer as usize, from as usize, to as usize));
        self.hover = link.filter(|&(l, f, t)| self.session.net().weights().get(l - 1).is_some_and(|w| t < w.nrows() && f < w.ncols()));
    }

    /// One animation frame, the page's only call while it plays: trains up to `speed`
    /// iterations (when `options` bit 2 is set) until about `budget_ms` of work is spent (at
    /// least one slice, so even the heaviest setup moves), draws the boundary (bit 3; bits 0
    /// and 1 as in `drawBoundary`) and the network diagram (bit 4) on the canvases of
    /// `setCanvases` at their backing size, and returns the frame as JSON:
    /// `{frame:{iterations,slices,limited,trainMs,lastStartMs,drawMs}, link, dropped, metrics}`
    /// with `link` the hovered link's weight and `dropped` whether the focused node was
    /// dropped in the last iteration (null when there is none).
    pub fn frame(&mut self, speed: u32, budget_ms: f64, options: u32) -> Result<String, JsValue> {
        let clock = web_sys::window().and_then(|w| w.performance());
        let now = || clock.as_ref().map_or(0.0, |p| p.now());
        let start = now();
        let (mut slices, mut iterations, mut last_start, mut limited) = (0, 0, 0.0, false);
        if options & 4 != 0 {
            let max = speed as usize * self.session.slices_per_iteration();
            while slices < max {
                let spent = now() - start;
                if slices > 0 && spent >= budget_ms {
                    limited = true;
                    break;
                }
                // half of what the estimate allows: one overshoot costs at most half a budget
                let fits = ((budget_ms - spent) / 2.0 / self.slice_ms).floor();
                let chunk = if fits.is_nan() { 1 } else { fits.min((max - slices) as f64).max(1.0) as usize };
                let t = now();
                last_start = t - start;
                let (ran, done) = self.session.train_slices(chunk);
                let measured = ((now() - t) / ran.max(1) as f64).max(1e-4);
                self.slice_ms = if self.slice_ms.is_finite() { 0.5 * self.slice_ms + 0.5 * measured } else { measured };
                slices += ran;
                iterations += done;
                if ran < chunk {
                    break; // the run stopped or diverged
                }
            }
        }
        let train_ms = now() - start;
        if let Some((boundary, network)) = self.canvases.clone() {
            let size = |ctx: &CanvasRenderingContext2d| ctx.canvas().map_or((1, 1), |c| (c.width(), c.height()));
            if options & 8 != 0 {
                let (w, h) = size(&boundary);
                self.draw_boundary(&boundary, w, h, options & 3)?;
            }
            if options & 16 != 0 {
                let (w, h) = size(&network);
                self.draw_network(&network, w, h)?;
            }
        }
        let draw_ms = now() - start - train_ms;
        let frame = FrameJson {
            frame: FrameInfo { iterations, slices, limited, train_ms, last_start_ms: last_start, draw_ms },
            link: self.hover.map(|(l, f, t)| self.session.net().weights()[l - 1][[t, f]]),
            dropped: self.focus.map(|(layer, unit)| self.dropped(layer, unit)),
            metrics: readouts::metrics(&self.session),
        };
        serde_json::to_string(&frame).map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// Draws the boundary and the points. `options` bit 0: show dev points; bit 1: discretize.
    #[wasm_bindgen(js_name = drawBoundary)]
    pub fn draw_boundary(&mut self, ctx: &CanvasRenderingContext2d, width: u32, height: u32, options: u32) -> Result<(), JsValue> {
        // the node focused in the network diagram, else the network's output P(y = 1)
        // (digits mode has no plane of inputs, so no neuron maps over it)
        let map = self.focus.filter(|_| !self.session.config().dataset.is_images()).and_then(|(layer, unit)| {
            let maps = crate::instruments::NeuronMaps::new(self.session.net(), &self.session.config().features, BOUNDARY_GRID);
            maps.get(layer, unit).map(<[f64]>::to_vec)
        });
        let how = boundary::Paint { grid: BOUNDARY_GRID, map, options, min_radius: 2.5, ctx, width, height };
        boundary::paint(&mut self.image, &mut self.fast_grid, &mut self.points, &self.session, how)
    }
}

/// What `frame` returns (see there).
#[derive(serde::Serialize)]
struct FrameJson {
    frame: FrameInfo,
    link: Option<f64>,
    dropped: Option<bool>,
    metrics: readouts::Metrics,
}

/// What one frame trained and how long its parts took, in ms from its start.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct FrameInfo {
    iterations: usize,
    slices: usize,
    limited: bool,
    train_ms: f64,
    last_start_ms: f64,
    draw_ms: f64,
}

impl Playground {
    /// Whether hidden unit (layer, unit) was dropped in the last iteration (for the first
    /// example of its batch, as the diagram washes it out).
    fn dropped(&self, layer: usize, unit: usize) -> bool {
        let output = self.session.net().weights().len();
        let mask = self.session.last_dropout().and_then(|d| d.masks.get(layer.checked_sub(1)?)?.get([unit, 0]).copied());
        layer < output && mask == Some(0.0)
    }
}

/// A new seed for "New data", drawn by the core from the browser's crypto source.
#[wasm_bindgen(js_name = newSeed)]
pub fn new_seed() -> u32 {
    crate::train::config::fresh_seed()
}

/// A small picture of a dataset for the dataset picker: its points on a plain background.
#[wasm_bindgen(js_name = drawDatasetThumbnail)]
pub fn draw_dataset_thumbnail(ctx: &CanvasRenderingContext2d, name: &str, size: u32) -> Result<(), JsValue> {
    let dataset = crate::data::Dataset::parse(name).ok_or_else(|| JsValue::from_str(&format!("no dataset {name}")))?;
    if dataset.is_images() {
        return digits::draw_thumbnail(ctx, size);
    }
    let mut rng = crate::train::session::rng(1, 0);
    let points = crate::data::generate(dataset, 160, 10.0, &mut rng);
    let side = size.max(8) as usize;
    let mut image = Image::new(side, side);
    image.fill([244, 246, 248]);
    image.draw_points(&points, side as f64 / 45.0, true, 1.0);
    let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&image.rgba), side as u32, side as u32)?;
    ctx.put_image_data(&data, 0.0, 0.0)
}
