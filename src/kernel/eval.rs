//! Measuring the network on the kernel: costs, accuracies and the linear share over a whole
//! set (in chunks of the kernel's capacity, without dropout), and the weight statistics, all
//! without allocating. Sums run in the order `nn` and `train::session` use.

use super::{lanes, Input, Kernel};
use crate::nn::cost::cross_entropy_from_logit;
use crate::nn::{Penalty, Regularization};

/// One set measured: data cost `(1/m) Σ L`, accuracy (ŷ > 0.5 ⇔ z > 0), and how many hidden
/// pre-activations lie within `linear_region` of 0 out of how many; with the sums behind them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    pub cost: f64,
    pub accuracy: f64,
    pub linear: usize,
    pub hidden: usize,
    /// `Σ L` and how many examples were classified right
    pub cost_sum: f64,
    pub right: usize,
}

impl Kernel {
    /// Measures the network on a whole set: X is `(n_0, m)` row-major, y has m labels.
    pub fn score(&mut self, x: &[f64], y: &[f64], linear_region: f64) -> Score {
        self.score_columns(x, y.len(), y, linear_region)
    }

    /// Measures the network on the `y.len()` columns of X (row stride `stride`) that start at `x[0]`.
    pub fn score_columns(&mut self, x: &[f64], stride: usize, y: &[f64], linear_region: f64) -> Score {
        let m = y.len();
        let (mut cost, mut right, mut linear) = (0.0, 0usize, 0usize);
        let hidden_units: usize = self.sizes[1..self.layers()].iter().sum();
        let mut start = 0;
        while start < m {
            let count = (m - start).min(self.capacity);
            self.forward(Some(Input { rows: &x[start..], stride }), count, false);
            for (&z, &y) in self.logits(count).iter().zip(&y[start..start + count]) {
                cost += cross_entropy_from_logit(z, y);
                right += usize::from((z > 0.0) == (y > 0.5));
            }
            for l in 0..self.layers() - 1 {
                for i in 0..self.sizes[l + 1] {
                    linear += self.hidden_z(l, i, count).iter().filter(|v| v.abs() < linear_region).count();
                }
            }
            start += count;
        }
        Score { cost: cost / m as f64, accuracy: right as f64 / m as f64, linear, hidden: hidden_units * m, cost_sum: cost, right }
    }

    /// P(y = 1) for the m columns of X (`(n_0, m)` row-major) into `out`, without dropout.
    pub fn probabilities(&mut self, x: &[f64], m: usize, out: &mut [f64]) {
        let mut start = 0;
        while start < m {
            let count = (m - start).min(self.capacity);
            self.forward(Some(Input { rows: &x[start..], stride: m }), count, false);
            lanes::sigmoid(self.logits(count), &mut out[start..start + count]);
            start += count;
        }
    }

    /// The penalty `λ/(2m) Σ_l ‖W[l]‖²` (L2) or `λ/(2m) Σ_l Σ|W[l]|` (L1), as `Regularization::penalty`.
    pub fn penalty(&self, reg: &Regularization, m: f64) -> f64 {
        let per_layer = |l: usize| -> f64 {
            let w = self.params(l).0;
            match reg.penalty {
                Penalty::L2 => w.iter().map(|v| v * v).sum(),
                _ => w.iter().map(|v| v.abs()).sum(),
            }
        };
        if reg.penalty == Penalty::None {
            return 0.0;
        }
        let sum: f64 = (0..self.layers()).map(per_layer).sum();
        reg.lambda / (2.0 * m) * sum
    }

    /// ‖W[l]‖_F
    pub fn weight_norm(&self, l: usize) -> f64 {
        self.params(l).0.iter().map(|v| v * v).sum::<f64>().sqrt()
    }

    /// Weights (not biases) that are exactly 0, and how many weights there are.
    pub fn zero_weights(&self) -> (usize, usize) {
        (self.w.iter().filter(|&&v| v == 0.0).count(), self.w.len())
    }

    /// Inputs with at least one weight out of them that is not exactly 0.
    pub fn features_in_use(&self) -> usize {
        let (n_in, w) = (self.sizes[0], self.params(0).0);
        (0..n_in).filter(|&c| w.iter().skip(c).step_by(n_in).any(|&v| v != 0.0)).count()
    }
}
