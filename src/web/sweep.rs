//! The λ sweep, run in slices between animation frames so the page keeps responding.

use wasm_bindgen::prelude::*;

use super::Playground;
use crate::train::{Sweep, SweepPoint};

#[wasm_bindgen]
impl Playground {
    /// Starts a sweep of the current setup over `lambdas`, `iterations` each (replacing any
    /// sweep under way).
    #[wasm_bindgen(js_name = startSweep)]
    pub fn start_sweep(&mut self, lambdas: Vec<f64>, iterations: u32) -> Result<(), JsError> {
        let sweep = Sweep::new(self.session.config().clone(), lambdas, iterations as usize).map_err(|m| JsError::new(&m))?;
        self.sweep = Some(sweep);
        Ok(())
    }

    /// Trains at most `budget` iterations of the sweep; returns its progress, 0 to 1
    /// (1 when done, or when there is no sweep).
    #[wasm_bindgen(js_name = advanceSweep)]
    pub fn advance_sweep(&mut self, budget: u32) -> f64 {
        match &mut self.sweep {
            Some(s) => {
                s.advance(budget as usize);
                s.progress()
            }
            None => 1.0,
        }
    }

    /// Trains at most `budget` slices of the sweep's iterations (see `Sweep::advance_slices`);
    /// returns its progress, 0 to 1 (1 when done, or when there is no sweep).
    #[wasm_bindgen(js_name = advanceSweepSlices)]
    pub fn advance_sweep_slices(&mut self, budget: u32) -> f64 {
        match &mut self.sweep {
            Some(s) => {
                s.advance_slices(budget as usize);
                s.progress()
            }
            None => 1.0,
        }
    }

    /// The finished points as numbers, five a point (λ, train error, dev error, train cost,
    /// dev cost): exact where JSON would turn a diverged run's infinite cost into null.
    #[wasm_bindgen(js_name = sweepNumbers)]
    pub fn sweep_numbers(&self) -> Vec<f64> {
        let points = self.sweep.as_ref().map_or(&[][..], |s| s.results());
        points.iter().flat_map(|p| [p.lambda, p.train_error, p.dev_error, p.train_cost, p.dev_cost]).collect()
    }

    /// Records the next λ's result, trained by a worker from this setup's query.
    #[wasm_bindgen(js_name = pushSweepPoint)]
    pub fn push_sweep_point(
        &mut self,
        lambda: f64,
        train_error: f64,
        dev_error: f64,
        train_cost: f64,
        dev_cost: f64,
    ) -> Result<(), JsError> {
        let point = SweepPoint { lambda, train_error, dev_error, train_cost, dev_cost };
        let sweep = self.sweep.as_mut().ok_or_else(|| JsError::new("no sweep under way"))?;
        sweep.push_result(point).map_err(|m| JsError::new(&m))
    }

    /// `[{ lambda, trainError, devError, trainCost, devCost }]` of the finished λ values.
    #[wasm_bindgen(js_name = sweepJson)]
    pub fn sweep_json(&self) -> String {
        let points = self.sweep.as_ref().map_or(&[][..], |s| s.results());
        let items: Vec<_> = points
            .iter()
            .map(|p| {
                serde_json::json!({
                    "lambda": p.lambda, "trainError": p.train_error, "devError": p.dev_error,
                    "trainCost": p.train_cost, "devCost": p.dev_cost,
                })
            })
            .collect();
        serde_json::Value::from(items).to_string()
    }
}
