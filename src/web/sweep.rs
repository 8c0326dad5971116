//! The λ sweep, run in slices between animation frames so the page keeps responding.

use wasm_bindgen::prelude::*;

use super::Playground;
use crate::train::Sweep;

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
