//! Data and models in and out of the page: your own CSV, the current data as CSV, the
//! trained network as a JSON model file. Loading never loses what is there on an error:
//! the new session is built aside and swapped in only when everything checked out.

use std::sync::Arc;

use wasm_bindgen::prelude::*;

use super::Playground;
use crate::data::csv::{self, Scale};
use crate::data::VIEW;
use crate::train::Session;

#[wasm_bindgen]
impl Playground {
    /// Reads a CSV (header `x1,x2,y`, optional `split`; see `data::csv`) and restarts the run
    /// on its points, keeping every other setting. Returns the number of rows. On a bad file
    /// the message names the line and column, and the current data stays.
    #[wasm_bindgen(js_name = loadCsv)]
    pub fn load_csv(&mut self, text: &str) -> Result<u32, JsError> {
        let table = csv::parse(text).map_err(|m| JsError::new(&m))?;
        let rows = table.len() as u32;
        let mut config = self.session.config().clone();
        config.csv = Some(Arc::new(table));
        self.session = Session::new(config);
        Ok(rows)
    }

    /// The current data as CSV, `x1,x2,y,split` with split `train` or `dev`: the real
    /// training points (not the augmented copies), then the dev points, in the units of the
    /// loaded file (the view's own for generated data). `loadCsv` reads it back.
    #[wasm_bindgen(js_name = dataCsv)]
    pub fn data_csv(&self) -> String {
        csv::write(self.session.real_train_points(), &self.session.dev_set().points, &self.scale())
    }

    /// `{ "x1": [left, right], "x2": [bottom, top] }`: the edges of the view square in the
    /// data's own units, for labelling the axes (±6 for generated data).
    #[wasm_bindgen(js_name = viewUnits)]
    pub fn view_units(&self) -> String {
        let scale = self.scale();
        let (lo1, lo2) = scale.to_file(-VIEW, -VIEW);
        let (hi1, hi2) = scale.to_file(VIEW, VIEW);
        serde_json::json!({ "x1": [lo1, hi1], "x2": [lo2, hi2] }).to_string()
    }

    /// The network now (weights, biases, activation) with the whole config, as a JSON model
    /// file (see `model_file`).
    #[wasm_bindgen(js_name = modelJson)]
    pub fn model_json(&self) -> String {
        crate::train::model_file::write(self.session.net(), self.session.config())
    }

    /// Reads a model file: its training setup (features, layers, activation, α, batch,
    /// penalty, λ, keep_prob, patience, augmentation) replaces the page's, the data stays, and
    /// the run restarts from its weights (reset goes back to them). On a bad file nothing
    /// changes and the message says what is wrong.
    #[wasm_bindgen(js_name = loadModel)]
    pub fn load_model(&mut self, json: &str) -> Result<(), JsError> {
        let file = crate::train::model_file::read(json).map_err(|m| JsError::new(&m))?;
        let mut config = self.session.config().clone();
        for (key, value) in &file.setup {
            config.set(key, value).map_err(|e| JsError::new(&format!("The model file's setup: {e}.")))?;
        }
        let mut session = Session::new(config);
        session.start_from(file.net).map_err(|m| JsError::new(&format!("The model file does not fit: {m}.")))?;
        self.session = session;
        Ok(())
    }
}

impl Playground {
    fn scale(&self) -> Scale {
        self.session.config().csv.as_ref().map_or(Scale::IDENTITY, |table| table.scale)
    }
}
