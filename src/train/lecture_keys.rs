//! The lecture's dropout and early-stopping options: `inverted` (1 inverted dropout, 0 plain
//! dropout: masks without the division by keep_prob), `keepIn` (keep_prob of the input
//! layer) and `stopOn` (what early stopping watches on the dev set: its cost or, as in the
//! lecture's plot, its error).

use ndarray::{Array2, ArrayView2};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::config::Config;
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
    pub fn parse(name: &str) -> Option<StopOn> {
        match name {
            "cost" => Some(StopOn::Cost),
            "error" => Some(StopOn::Error),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            StopOn::Cost => "cost",
            StopOn::Error => "error",
        }
    }
}

/// The lecture's other dropouts: the input layer's (X times its 0/1 mask, divided by keepIn
/// when inverted) and plain dropout (`inverted=0`: the same masks without the division,
/// which is inverted dropout with keep_prob 1).
pub(super) fn lecture_dropout(
    config: &Config,
    x: ArrayView2<f64>,
    dropout: Option<&Dropout>,
    rng: &mut ChaCha8Rng,
) -> (Option<Array2<f64>>, Option<Dropout>) {
    let keep_in = config.keep_in;
    let scale = if config.inverted { 1.0 / keep_in } else { 1.0 };
    let input = (keep_in < 1.0).then(|| x.mapv(|v| if rng.random::<f64>() < keep_in { v * scale } else { 0.0 }));
    let plain = dropout.filter(|_| !config.inverted).map(|d| Dropout { keep_prob: vec![1.0; d.keep_prob.len()], masks: d.masks.clone() });
    (input, plain)
}
