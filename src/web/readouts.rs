//! The numbers the page reads, as JSON values (numbers that are not finite become null).

use serde_json::Value;

use crate::train::{Session, Status};

pub fn metrics(session: &Session) -> Value {
    let e = session.evaluation();
    let config = session.config();
    let total_norm = e.weight_norms.iter().map(|n| n * n).sum::<f64>().sqrt();
    let m = session.train_set().len() as f64;
    let decay = if config.reg == crate::nn::Penalty::L2 { 1.0 - config.lr * config.lambda / m } else { 1.0 };
    let status = match session.status() {
        Status::Training => "training",
        Status::Stopped { .. } => "stopped",
        Status::Diverged { .. } => "diverged",
    };
    let best = session.best();
    serde_json::json!({
        "iteration": session.iteration(),
        "cost": e.total_cost,
        "dataCost": e.data_cost,
        "penalty": e.penalty,
        "devCost": e.dev_cost,
        "trainAccuracy": e.train_accuracy,
        "devAccuracy": e.dev_accuracy,
        "trainError": 1.0 - e.train_accuracy,
        "devError": 1.0 - e.dev_accuracy,
        "weightNorm": total_norm,
        "weightNorms": e.weight_norms,
        "zeroWeights": e.zero_weights,
        "weightCount": e.weight_count,
        "linearFraction": e.linear_fraction,
        "bestIteration": best.map(|b| b.iteration),
        "bestDevCost": best.map(|b| b.dev_cost),
        "weightDecay": decay,
        "linearity": session.linearity(),
        "featuresInUse": e.features_in_use,
        "featureCount": config.features.len(),
        "augmented": session.augmented_points().len(),
        "trainSize": session.train_set().len(),
        "devSize": session.dev_set().len(),
        "status": status,
    })
}

/// Columns of the history: `{ iteration: [...], dataCost: [...], ... }`.
pub fn history(session: &Session) -> Value {
    let records = session.history().records();
    let column = |f: &dyn Fn(&crate::train::Record) -> f64| records.iter().map(f).collect::<Vec<f64>>();
    serde_json::json!({
        "iteration": column(&|r| r.iteration as f64),
        "dataCost": column(&|r| r.data_cost),
        "penalty": column(&|r| r.penalty),
        "cost": column(&|r| r.total_cost),
        "devCost": column(&|r| r.dev_cost),
        "trainError": column(&|r| 1.0 - r.train_accuracy),
        "devError": column(&|r| 1.0 - r.dev_accuracy),
        "weightNorm": column(&|r| r.weight_norms.iter().map(|n| n * n).sum::<f64>().sqrt()),
        "zeroWeights": column(&|r| r.zero_weights as f64),
        "linearFraction": column(&|r| r.linear_fraction),
        "stepCost": column(&|r| r.step_cost),
    })
}
