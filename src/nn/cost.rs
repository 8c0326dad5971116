//! The cost J = (1/m) Σ L(ŷ, y) + penalty, with the lecture's penalty.

use ndarray::{Array2, ArrayView1};

/// Which norm of the weights is added to the cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Penalty {
    None,
    L1,
    L2,
}

impl Penalty {
    pub const ALL: [Penalty; 3] = [Penalty::None, Penalty::L1, Penalty::L2];

    pub fn name(self) -> &'static str {
        match self {
            Penalty::None => "none",
            Penalty::L1 => "l1",
            Penalty::L2 => "l2",
        }
    }

    pub fn parse(s: &str) -> Option<Penalty> {
        Penalty::ALL.into_iter().find(|p| p.name() == s)
    }
}

/// The penalty and its strength λ.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Regularization {
    pub penalty: Penalty,
    pub lambda: f64,
}

impl Regularization {
    pub const NONE: Regularization = Regularization { penalty: Penalty::None, lambda: 0.0 };

    /// L2: `λ/(2m) Σ_l ‖W[l]‖_F²`; L1: `λ/(2m) Σ_l Σ |W[l]_ij|`. Biases are never in it.
    pub fn penalty(&self, weights: &[Array2<f64>], m: f64) -> f64 {
        let sum: f64 = match self.penalty {
            Penalty::None => return 0.0,
            Penalty::L2 => weights.iter().map(frobenius_sq).sum(),
            Penalty::L1 => weights.iter().map(|w| w.iter().map(|v| v.abs()).sum::<f64>()).sum(),
        };
        self.lambda / (2.0 * m) * sum
    }

    /// The penalty's gradient for one W: L2 `(λ/m) W`, L1 `(λ/2m) sign(W)` with sign(0) = 0.
    pub fn gradient(&self, w: &Array2<f64>, m: f64) -> Option<Array2<f64>> {
        match self.penalty {
            Penalty::None => None,
            Penalty::L2 => Some(w * (self.lambda / m)),
            Penalty::L1 => Some(w.mapv(|v| self.lambda / (2.0 * m) * sign(v))),
        }
    }
}

/// sign(w) with sign(0) = 0, as the L1 subgradient the lecture uses.
pub fn sign(v: f64) -> f64 {
    if v > 0.0 {
        1.0
    } else if v < 0.0 {
        -1.0
    } else {
        0.0
    }
}

/// `‖W‖_F² = Σ_i Σ_j W_ij²`
pub fn frobenius_sq(w: &Array2<f64>) -> f64 {
    w.iter().map(|v| v * v).sum()
}

/// `‖x‖₁`: the sum of absolute values.
pub fn l1_norm(x: &[f64]) -> f64 {
    x.iter().map(|v| v.abs()).sum()
}

/// `‖x‖₂`: the straight-line length.
pub fn l2_norm(x: &[f64]) -> f64 {
    x.iter().map(|v| v * v).sum::<f64>().sqrt()
}

/// One example's cross-entropy `L(ŷ, y) = −y log ŷ − (1 − y) log(1 − ŷ)` with `ŷ = σ(z)`,
/// computed from the logit z as `max(z, 0) − z·y + log(1 + e^(−|z|))`, so it stays finite
/// however saturated the sigmoid is.
pub fn cross_entropy_from_logit(z: f64, y: f64) -> f64 {
    z.max(0.0) - z * y + crate::math::log1p(crate::math::exp(-z.abs()))
}

/// The data cost `(1/m) Σ_i L(ŷ_i, y_i)` from the output logits.
pub fn data_cost(logits: ArrayView1<f64>, y: ArrayView1<f64>) -> f64 {
    let m = y.len() as f64;
    logits.iter().zip(y.iter()).map(|(&z, &y)| cross_entropy_from_logit(z, y)).sum::<f64>() / m
}

/// The three numbers the page shows: `J = data + penalty`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cost {
    pub data: f64,
    pub penalty: f64,
    pub total: f64,
}

impl Cost {
    pub fn new(data: f64, penalty: f64) -> Cost {
        Cost { data, penalty, total: data + penalty }
    }
}
