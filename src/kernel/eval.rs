//! Measuring a network on the kernel: costs, accuracies and the linear share over a whole
//! set (in chunks of the kernel's capacity, without dropout), without allocating. Sums run in
//! the order `nn` and `train::session` use. (What depends on the weights alone, the penalty
//! and the norms, `nn` computes from the network itself.)

use super::{lanes, Input, Kernel};
use crate::nn::cost::cross_entropy_from_logit;
use crate::nn::Mlp;

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
    /// Measures `net` on a whole set: X is `(n_0, m)` row-major, y has m labels.
    pub fn score(&mut self, net: &Mlp, x: &[f64], y: &[f64], linear_region: f64) -> Score {
        self.score_columns(net, x, y.len(), y, linear_region)
    }

    /// Measures `net` on the `y.len()` columns of X (row stride `stride`) that start at `x[0]`.
    pub fn score_columns(&mut self, net: &Mlp, x: &[f64], stride: usize, y: &[f64], linear_region: f64) -> Score {
        let m = y.len();
        let (mut cost, mut right, mut linear) = (0.0, 0usize, 0usize);
        let hidden_units: usize = self.sizes[1..self.layers()].iter().sum();
        let mut start = 0;
        while start < m {
            let count = (m - start).min(self.capacity);
            self.forward(net, Some(Input { rows: &x[start..], stride }), count, false);
            for (&z, &y) in self.logits(count).iter().zip(&y[start..start + count]) {
                cost += cross_entropy_from_logit(z, y);
                right += usize::from((z > 0.0) == (y > 0.5));
            }
            for l in 0..self.layers() - 1 {
                for i in 0..self.sizes[l + 1] {
                    linear += inside(self.hidden_z(l, i, count), linear_region);
                }
            }
            start += count;
        }
        Score { cost: cost / m as f64, accuracy: right as f64 / m as f64, linear, hidden: hidden_units * m, cost_sum: cost, right }
    }

    /// P(y = 1) of `net` for the m columns of X (`(n_0, m)` row-major) into `out`, without dropout.
    pub fn probabilities(&mut self, net: &Mlp, x: &[f64], m: usize, out: &mut [f64]) {
        let mut start = 0;
        while start < m {
            let count = (m - start).min(self.capacity);
            self.forward(net, Some(Input { rows: &x[start..], stride: m }), count, false);
            lanes::sigmoid(self.logits(count), &mut out[start..start + count]);
            start += count;
        }
    }
}

/// How many of `z` lie within `region` of 0 (|z| < region; NaN never does).
fn inside(z: &[f64], region: f64) -> usize {
    // counted in whole lanes, so the loop compiles to f64x2 compares on wasm
    let mut counts = [0u64; 2];
    let mut pairs = z.chunks_exact(2);
    for p in &mut pairs {
        counts[0] += u64::from(p[0].abs() < region);
        counts[1] += u64::from(p[1].abs() < region);
    }
    let odd = pairs.remainder().iter().filter(|v| v.abs() < region).count();
    (counts[0] + counts[1]) as usize + odd
}
