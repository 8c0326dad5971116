//! The lecture's dropout and early-stopping options, each parsed and written in one place:
//! `inverted` (1 inverted dropout, 0 plain dropout: masks without the division by keep_prob),
//! `keepIn` (keep_prob of the input layer) and `stopOn` (what early stopping watches on the
//! dev set: its cost or, as in the lecture's plot, its error).

use ndarray::{Array2, ArrayView2};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::config::{fmt_number, Config};
use crate::nn::Dropout;

/// What early stopping watches on the dev set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopOn {
    /// the dev-set cost (cross-entropy): smooth, the page's default
    Cost,
    /// the dev-set error (1 − accuracy): the lecture's curve
    Error,
}

impl StopOn {
    pub fn name(self) -> &'static str {
        match self {
            StopOn::Cost => "cost",
            StopOn::Error => "error",
        }
    }
}

/// The keys of this file, in the order the URL writes them.
pub const LECTURE_KEYS: [&str; 3] = ["inverted", "keepIn", "stopOn"];

impl Config {
    /// Sets one of LECTURE_KEYS; None when `key` is not one of them.
    pub(super) fn set_lecture_key(&mut self, key: &str, value: &str) -> Option<Result<(), String>> {
        let bad = |allowed: &str| Err(format!("{key}={value:?} is not valid: {allowed}"));
        Some(match key {
            "inverted" => match value {
                "1" | "true" => Ok(self.inverted = true),
                "0" | "false" => Ok(self.inverted = false),
                _ => bad("use 1 or 0"),
            },
            "keepIn" => match value.parse::<f64>() {
                Ok(k) if k > 0.0 && k <= 1.0 => Ok(self.keep_in = k),
                _ => bad("keep_prob of the input layer lies in (0, 1]"),
            },
            "stopOn" => match value {
                "cost" => Ok(self.stop_on = StopOn::Cost),
                "error" => Ok(self.stop_on = StopOn::Error),
                _ => bad("use cost or error"),
            },
            _ => return None,
        })
    }

    /// The URL form of one of LECTURE_KEYS.
    pub(super) fn get_lecture_key(&self, key: &str) -> Option<String> {
        Some(match key {
            "inverted" => (self.inverted as u8).to_string(),
            "keepIn" => fmt_number(self.keep_in),
            "stopOn" => self.stop_on.name().to_string(),
            _ => return None,
        })
    }

    /// The JSON value of one of LECTURE_KEYS, typed as `config()` returns it.
    pub(super) fn lecture_key_json(&self, key: &str) -> Option<String> {
        Some(match key {
            "inverted" => self.inverted.to_string(),
            "keepIn" => fmt_number(self.keep_in),
            "stopOn" => format!("\"{}\"", self.stop_on.name()),
            _ => return None,
        })
    }
}

/// The lecture's other dropouts: the input layer's (X times its 0/1 mask, divided by keepIn
/// when inverted) and plain dropout (`inverted=0`: the same masks without the division,
/// which is inverted dropout with keep_prob 1).
pub(super) fn lecture_dropout(config: &Config, x: ArrayView2<f64>, dropout: Option<&Dropout>, rng: &mut ChaCha8Rng) -> (Option<Array2<f64>>, Option<Dropout>) {
    let keep_in = config.keep_in;
    let scale = if config.inverted { 1.0 / keep_in } else { 1.0 };
    let input = (keep_in < 1.0).then(|| x.mapv(|v| if rng.random::<f64>() < keep_in { v * scale } else { 0.0 }));
    let plain = dropout.filter(|_| !config.inverted).map(|d| Dropout { keep_prob: vec![1.0; d.keep_prob.len()], masks: d.masks.clone() });
    (input, plain)
}
