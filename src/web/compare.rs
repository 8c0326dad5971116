//! The side-by-side view's handle: two to four runs trained together (see `crate::compare`),
//! each drawn into its own small canvas. Separate from `Playground`, so opening and closing the
//! comparison never touches the page's own run.

use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

use super::Playground;
use crate::compare::{Preset, SideBySide};
use crate::render::fast_grid::FastGrid;
use crate::render::Image;
use crate::render::PointsLayer;

/// Grid cells per side of each small boundary (the large one uses 100).
const BOUNDARY_GRID: usize = 80;
/// Augmented copies are drawn smaller and faded, as on the page's boundary, so the real
/// points stand out.

#[wasm_bindgen]
pub struct Comparison {
    runs: SideBySide,
    image: Image,
    /// the boundaries for the screen, in f32 (the numbers reported stay exact)
    fast_grid: FastGrid,
    /// each run's points, drawn once (see `PointsLayer`)
    points: Vec<PointsLayer>,
}

#[wasm_bindgen]
impl Comparison {
    /// Builds the preset's runs from the page's current config (its data too, even a CSV).
    /// `preset`: `regularization` (the course's table), `augmentation` or `augmentation:KIND`
    /// with KIND `flip`, `rotate` or `jitter`.
    #[wasm_bindgen(constructor)]
    pub fn new(page: &Playground, preset: &str) -> Result<Comparison, JsError> {
        let base = page.session.config().clone();
        let preset = Preset::parse(preset, &base).map_err(|m| JsError::new(&m))?;
        Ok(Comparison { runs: SideBySide::new(base, preset), image: Image::new(1, 1), fast_grid: FastGrid::default(), points: Vec::new() })
    }

    /// `iterations` more for every run.
    pub fn train(&mut self, iterations: u32) {
        self.runs.train(iterations as usize);
    }

    /// `slices` more slices of iterations for every run: a frame's share of work.
    #[wasm_bindgen(js_name = trainSlices)]
    pub fn train_slices(&mut self, slices: u32) {
        self.runs.train_slices(slices as usize);
    }

    /// Every run to the same iteration (after `trainSlices`, before a pause).
    #[wasm_bindgen(js_name = finishRound)]
    pub fn finish_round(&mut self) {
        self.runs.finish_round();
    }

    #[wasm_bindgen(js_name = slicesPerIteration)]
    pub fn slices_per_iteration(&self) -> u32 {
        self.runs.slices_per_iteration() as u32
    }

    pub fn reset(&mut self) {
        self.runs.reset();
    }

    /// One setting of one run: `reg`, `lambda`, `keep`, `augment` in their URL forms, or
    /// `real` (how many real training points). Every run starts again.
    pub fn set(&mut self, run: u32, key: &str, value: &str) -> Result<(), JsValue> {
        self.runs.set(run as usize, key, value).map_err(|e| super::settings::js_error(&e))
    }

    /// Adds a run (at most four); returns its index. Every run starts again.
    #[wasm_bindgen(js_name = addRun)]
    pub fn add_run(&mut self) -> Result<u32, JsError> {
        self.runs.add_run().map(|i| i as u32).map_err(|m| JsError::new(&m))
    }

    /// Removes a run (at least two stay).
    #[wasm_bindgen(js_name = removeRun)]
    pub fn remove_run(&mut self, run: u32) -> Result<(), JsError> {
        self.runs.remove_run(run as usize).map_err(|m| JsError::new(&m))
    }

    /// Draws run `run`'s boundary: dev points outlined, augmented copies faded, real training
    /// points on top.
    pub fn draw(&mut self, run: u32, ctx: &CanvasRenderingContext2d, width: u32, height: u32, options: u32) -> Result<(), JsValue> {
        let slot = run as usize;
        let run = self.runs.runs().get(slot).ok_or_else(|| JsValue::from_str(&format!("there is no run {}", run + 1)))?;
        let how = super::boundary::Paint { grid: BOUNDARY_GRID, map: None, options, min_radius: 2.0, ctx, width, height };
        if self.points.len() <= slot {
            self.points.resize_with(slot + 1, PointsLayer::default);
        }
        super::boundary::paint(&mut self.image, &mut self.fast_grid, &mut self.points[slot], run.session(), how)
    }

    /// `{ preset, n, devSize, runs: [{ config, real, metrics }] }`: `config` typed as
    /// `playground.config()`, `real` the run's real training points, `metrics` as
    /// `playground.metrics()` (its `trainSize` counts the augmented copies too).
    #[wasm_bindgen(js_name = metricsJson)]
    pub fn metrics_json(&self) -> String {
        let preset = match self.runs.preset() {
            Preset::Regularization => "regularization".to_string(),
            Preset::Augmentation(kind) => format!("augmentation:{}", kind.name()),
        };
        let runs = self
            .runs
            .runs()
            .iter()
            .map(|run| RunJson { config: run.config().to_map(), real: run.real(), metrics: super::readouts::metrics(run.session()) })
            .collect();
        serde_json::to_string(&ComparisonJson {
            preset,
            n: self.runs.n(),
            dev_size: self.runs.pool().dev.len().max(self.runs.pool().dev_images.len()),
            runs,
        })
        .expect("a comparison serializes")
    }
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct ComparisonJson {
    preset: String,
    n: usize,
    dev_size: usize,
    runs: Vec<RunJson>,
}

#[derive(serde::Serialize)]
struct RunJson {
    config: serde_json::Map<String, serde_json::Value>,
    real: usize,
    metrics: super::readouts::Metrics,
}
