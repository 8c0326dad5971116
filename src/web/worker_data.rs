//! The loaded CSV's points for a λ sweep worker: the page posts its table once, as numbers,
//! and the worker's session starts from exactly the same points (view units, labels, split,
//! scale), bit for bit, without reading or writing a CSV text again.

use std::sync::Arc;

use wasm_bindgen::prelude::*;

use super::Playground;
use crate::data::csv::{Row, Scale, Split, Table};
use crate::data::Point;
use crate::train::Session;

/// Numbers before the rows: the scale's centre (two) and factor.
const HEAD: usize = 3;
/// Numbers a row: x1, x2, y and the split (0 none, 1 train, 2 dev).
const ROW: usize = 4;

#[wasm_bindgen]
impl Playground {
    /// The loaded CSV's table as numbers (empty for generated data): the scale's centre and
    /// factor, then x1, x2, y and split of each row.
    #[wasm_bindgen(js_name = tableNumbers)]
    pub fn table_numbers(&self) -> Vec<f64> {
        let Some(table) = self.session.config().csv.as_ref() else { return Vec::new() };
        let mut numbers = Vec::with_capacity(HEAD + ROW * table.rows.len());
        numbers.extend([table.scale.centre[0], table.scale.centre[1], table.scale.factor]);
        for r in &table.rows {
            let split = match r.split {
                None => 0.0,
                Some(Split::Train) => 1.0,
                Some(Split::Dev) => 2.0,
            };
            numbers.extend([r.point.x1, r.point.x2, r.point.y, split]);
        }
        numbers
    }

    /// Restarts the run on the table `tableNumbers` gave (in a worker, on the page's setup).
    #[wasm_bindgen(js_name = loadTableNumbers)]
    pub fn load_table_numbers(&mut self, numbers: &[f64]) -> Result<(), JsError> {
        if numbers.len() < HEAD + ROW || !(numbers.len() - HEAD).is_multiple_of(ROW) {
            return Err(JsError::new("the data for the sweep worker is not a table"));
        }
        let scale = Scale { centre: [numbers[0], numbers[1]], factor: numbers[2] };
        let rows = numbers[HEAD..]
            .chunks_exact(ROW)
            .map(|r| Row {
                point: Point { x1: r[0], x2: r[1], y: r[2] },
                split: match r[3] as u8 {
                    1 => Some(Split::Train),
                    2 => Some(Split::Dev),
                    _ => None,
                },
            })
            .collect();
        let mut config = self.session.config().clone();
        config.csv = Some(Arc::new(Table { rows, scale }));
        self.session = Session::new(config);
        Ok(())
    }
}
