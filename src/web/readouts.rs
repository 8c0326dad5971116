//! The numbers the page reads, as JSON (numbers that are not finite become null).

use crate::json::Writer;
use crate::train::{Record, Session, Status};

/// `metricsJson()`: one object (keys sorted).
pub fn metrics_json(session: &Session) -> String {
    let mut w = Writer::new();
    metrics(&mut w, session);
    w.finish()
}

pub fn metrics(w: &mut Writer, session: &Session) {
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
    w.begin_object()
        .field("augmented", session.augmented_points().len())
        .field("bestDevCost", best.map(|b| b.dev_cost))
        .field("bestIteration", best.map(|b| b.iteration))
        .field("cost", e.total_cost)
        .field("dataCost", e.data_cost)
        .field("devAccuracy", e.dev_accuracy)
        .field("devCost", e.dev_cost)
        .field("devError", 1.0 - e.dev_accuracy)
        .field("devSize", session.dev_set().len())
        .field("featureCount", config.features.len())
        .field("featuresInUse", e.features_in_use)
        .field("iteration", session.iteration())
        .field("linearFraction", e.linear_fraction)
        .field("linearity", session.linearity())
        .field("penalty", e.penalty)
        .field("status", status)
        .field("trainAccuracy", e.train_accuracy)
        .field("trainError", 1.0 - e.train_accuracy)
        .field("trainSize", session.train_set().len())
        .field("weightCount", e.weight_count)
        .field("weightDecay", decay)
        .field("weightNorm", total_norm)
        .field("weightNorms", &e.weight_norms)
        .field("zeroWeights", e.zero_weights)
        .end_object();
}

/// Columns of the history: `{ iteration: [...], dataCost: [...], ... }`.
pub fn history_json(session: &Session) -> String {
    let records = session.history().records();
    type Column = (&'static str, fn(&Record) -> f64);
    let columns: [Column; 11] = [
        ("cost", |r| r.total_cost),
        ("dataCost", |r| r.data_cost),
        ("devCost", |r| r.dev_cost),
        ("devError", |r| 1.0 - r.dev_accuracy),
        ("iteration", |r| r.iteration as f64),
        ("linearFraction", |r| r.linear_fraction),
        ("penalty", |r| r.penalty),
        ("stepCost", |r| r.step_cost),
        ("trainError", |r| 1.0 - r.train_accuracy),
        ("weightNorm", |r| r.weight_norms.iter().map(|n| n * n).sum::<f64>().sqrt()),
        ("zeroWeights", |r| r.zero_weights as f64),
    ];
    let mut w = Writer::new();
    w.begin_object();
    for (key, value) in columns {
        w.key(key).begin_array();
        for r in records {
            w.value(value(r));
        }
        w.end_array();
    }
    w.end_object();
    w.finish()
}
