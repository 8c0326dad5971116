//! The small JSON texts the page reads (numbers that are not finite become null).

use crate::train::{Session, Status};

pub fn number(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        "null".into()
    }
}

fn numbers(values: impl IntoIterator<Item = f64>) -> String {
    format!("[{}]", values.into_iter().map(number).collect::<Vec<_>>().join(","))
}

/// `{ iteration, cost, dataCost, penalty, devCost, trainAccuracy, devAccuracy, trainError,
/// devError, weightNorm, weightNorms, zeroWeights, weightCount, linearFraction,
/// bestIteration, bestDevCost, weightDecay, status }` for the current network.
pub fn metrics(session: &Session) -> String {
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
    let fields = [
        ("iteration", session.iteration().to_string()),
        ("cost", number(e.total_cost)),
        ("dataCost", number(e.data_cost)),
        ("penalty", number(e.penalty)),
        ("devCost", number(e.dev_cost)),
        ("trainAccuracy", number(e.train_accuracy)),
        ("devAccuracy", number(e.dev_accuracy)),
        ("trainError", number(1.0 - e.train_accuracy)),
        ("devError", number(1.0 - e.dev_accuracy)),
        ("weightNorm", number(total_norm)),
        ("weightNorms", numbers(e.weight_norms.iter().copied())),
        ("zeroWeights", e.zero_weights.to_string()),
        ("weightCount", e.weight_count.to_string()),
        ("linearFraction", number(e.linear_fraction)),
        ("bestIteration", best.map_or("null".into(), |b| b.iteration.to_string())),
        ("bestDevCost", best.map_or("null".into(), |b| number(b.dev_cost))),
        ("weightDecay", number(decay)),
        ("linearity", number(session.linearity())),
        ("featuresInUse", e.features_in_use.to_string()),
        ("featureCount", config.features.len().to_string()),
        ("augmented", session.augmented_points().len().to_string()),
        ("trainSize", session.train_set().len().to_string()),
        ("devSize", session.dev_set().len().to_string()),
        ("status", format!("\"{status}\"")),
    ];
    object(&fields)
}

/// Columns of the history: `{ iteration: [...], dataCost: [...], ... }`.
pub fn history(session: &Session) -> String {
    let records = session.history().records();
    let column = |f: &dyn Fn(&crate::train::Record) -> f64| numbers(records.iter().map(f));
    let fields = [
        ("iteration", column(&|r| r.iteration as f64)),
        ("dataCost", column(&|r| r.data_cost)),
        ("penalty", column(&|r| r.penalty)),
        ("cost", column(&|r| r.total_cost)),
        ("devCost", column(&|r| r.dev_cost)),
        ("trainError", column(&|r| 1.0 - r.train_accuracy)),
        ("devError", column(&|r| 1.0 - r.dev_accuracy)),
        ("weightNorm", column(&|r| r.weight_norms.iter().map(|n| n * n).sum::<f64>().sqrt())),
        ("zeroWeights", column(&|r| r.zero_weights as f64)),
        ("linearFraction", column(&|r| r.linear_fraction)),
        ("stepCost", column(&|r| r.step_cost)),
    ];
    object(&fields)
}

pub fn object(fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
    format!("{{{}}}", body.join(","))
}
