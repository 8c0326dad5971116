//! The numbers the page reads, as serde structs written by serde_json (numbers that are not
//! finite become null).

use serde::Serialize;

use crate::train::{Record, Session, Status};

/// What `playground.metrics()` returns (keys as in DESIGN.md; fractions in [0, 1]).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metrics {
    iteration: u64,
    cost: f64,
    data_cost: f64,
    penalty: f64,
    dev_cost: f64,
    train_accuracy: f64,
    dev_accuracy: f64,
    train_error: f64,
    dev_error: f64,
    weight_norm: f64,
    weight_norms: Vec<f64>,
    zero_weights: usize,
    weight_count: usize,
    linear_fraction: f64,
    best_iteration: Option<u64>,
    best_dev_cost: Option<f64>,
    weight_decay: f64,
    linearity: f64,
    features_in_use: usize,
    feature_count: usize,
    augmented: usize,
    train_size: usize,
    dev_size: usize,
    status: &'static str,
}

pub fn metrics(session: &Session) -> Metrics {
    let e = session.evaluation();
    let config = session.config();
    let m = session.train_set().len() as f64;
    let best = session.best();
    Metrics {
        iteration: session.iteration(),
        cost: e.total_cost,
        data_cost: e.data_cost,
        penalty: e.penalty,
        dev_cost: e.dev_cost,
        train_accuracy: e.train_accuracy,
        dev_accuracy: e.dev_accuracy,
        train_error: 1.0 - e.train_accuracy,
        dev_error: 1.0 - e.dev_accuracy,
        weight_norm: total_norm(&e.weight_norms),
        weight_norms: e.weight_norms.clone(),
        zero_weights: e.zero_weights,
        weight_count: e.weight_count,
        linear_fraction: e.linear_fraction,
        best_iteration: best.map(|b| b.iteration),
        best_dev_cost: best.map(|b| b.dev_cost),
        weight_decay: if config.reg == crate::nn::Penalty::L2 { 1.0 - config.lr * config.lambda / m } else { 1.0 },
        linearity: session.linearity(),
        features_in_use: e.features_in_use,
        feature_count: config.inputs(),
        augmented: session.augmented_points().len() + session.augmented_images().len(),
        train_size: session.train_set().len(),
        dev_size: session.dev_set().len(),
        status: match session.status() {
            Status::Training => "training",
            Status::Stopped { .. } => "stopped",
            Status::Diverged { .. } => "diverged",
        },
    }
}

pub fn metrics_json(session: &Session) -> String {
    serde_json::to_string(&metrics(session)).expect("metrics serialize")
}

/// ‖W‖_F of the whole network from the per-layer norms.
fn total_norm(norms: &[f64]) -> f64 {
    norms.iter().map(|n| n * n).sum::<f64>().sqrt()
}

/// The history as columns: `{ iteration: [...], dataCost: [...], ... }`.
#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct History {
    iteration: Vec<u64>,
    data_cost: Vec<f64>,
    penalty: Vec<f64>,
    cost: Vec<f64>,
    dev_cost: Vec<f64>,
    train_error: Vec<f64>,
    dev_error: Vec<f64>,
    weight_norm: Vec<f64>,
    zero_weights: Vec<usize>,
    linear_fraction: Vec<f64>,
    step_cost: Vec<f64>,
}

impl History {
    fn push(&mut self, r: &Record) {
        self.iteration.push(r.iteration);
        self.data_cost.push(r.data_cost);
        self.penalty.push(r.penalty);
        self.cost.push(r.total_cost);
        self.dev_cost.push(r.dev_cost);
        self.train_error.push(1.0 - r.train_accuracy);
        self.dev_error.push(1.0 - r.dev_accuracy);
        self.weight_norm.push(total_norm(&r.weight_norms));
        self.zero_weights.push(r.zero_weights);
        self.linear_fraction.push(r.linear_fraction);
        self.step_cost.push(r.step_cost);
    }
}

pub fn history_json(session: &Session) -> String {
    let mut columns = History::default();
    session.history().records().iter().for_each(|r| columns.push(r));
    serde_json::to_string(&columns).expect("history serializes")
}
