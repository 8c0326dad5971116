//! What the weights and tanh instruments count: a histogram of the weights with the exact
//! zeros apart, so L1's spike at 0 cannot hide in the bin around it, and the
//! hidden pre-activations z over the training set, to see how much of it falls in tanh's
//! linear region. Pure Rust; `web::instruments` draws them.

use ndarray::{Array2, ArrayView2};

use crate::nn::Mlp;

/// Bins per histogram: an even number, so that with a range symmetric about 0 the value 0
/// is the edge between the two middle bins (negatives left of it, positives right).
pub const BINS: usize = 24;

/// The z axis of the tanh instrument runs over [−Z_REACH, Z_REACH]: tanh is flat beyond it
/// (tanh 3 = 0.995), so a z further out is counted in the end bin.
pub const Z_REACH: f64 = 3.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// bin i covers [lo + i·width, lo + (i+1)·width); the last one includes hi
    pub lo: f64,
    pub hi: f64,
    pub counts: Vec<usize>,
    /// values exactly 0.0, when counted apart from the bins
    pub zeros: usize,
}

impl Histogram {
    /// Counts `values` into `bins` equal bins over [lo, hi]. A value outside the range goes
    /// to the end bin on its side; a value that is not a number is not counted. With
    /// `zeros_apart`, exact zeros are counted in `zeros` and in no bin.
    pub fn new(values: impl IntoIterator<Item = f64>, lo: f64, hi: f64, bins: usize, zeros_apart: bool) -> Histogram {
        assert!(bins > 0 && lo < hi, "a histogram needs bins and a range: {bins} bins over [{lo}, {hi}]");
        let mut h = Histogram { lo, hi, counts: vec![0; bins], zeros: 0 };
        let width = h.bin_width();
        for v in values.into_iter().filter(|v| !v.is_nan()) {
            if zeros_apart && v == 0.0 {
                h.zeros += 1;
            } else {
                let i = ((v - lo) / width).floor().clamp(0.0, (bins - 1) as f64);
                h.counts[i as usize] += 1;
            }
        }
        h
    }

    pub fn bin_width(&self) -> f64 {
        (self.hi - self.lo) / self.counts.len() as f64
    }

    /// The range [from, to) of bin i.
    pub fn bin(&self, i: usize) -> (f64, f64) {
        let w = self.bin_width();
        (self.lo + i as f64 * w, self.lo + (i + 1) as f64 * w)
    }

    /// Every value counted, in the bins and apart.
    pub fn total(&self) -> usize {
        self.counts.iter().sum::<usize>() + self.zeros
    }

    /// The highest bar, the zeros' included.
    pub fn tallest(&self) -> usize {
        self.counts.iter().copied().max().unwrap_or(0).max(self.zeros)
    }
}

/// The histogram of the weights (never biases) of the given matrices over [−reach, reach],
/// the exact zeros apart. `reach` is at least the largest |w|, so that no weight is cut off;
/// the page passes the largest |w| of the initial and the current network, so that L2's
/// shrinking shows as bars closing in on 0 rather than as changing axis labels.
pub fn weight_histogram<'a>(weights: impl IntoIterator<Item = &'a Array2<f64>> + Clone, reach: f64) -> Histogram {
    let reach = reach.max(largest_weight(weights.clone())).max(1e-9);
    Histogram::new(weights.into_iter().flatten().copied(), -reach, reach, BINS, true)
}

/// The largest |w| in the matrices; 0 when there are none.
pub fn largest_weight<'a>(weights: impl IntoIterator<Item = &'a Array2<f64>>) -> f64 {
    weights.into_iter().flatten().fold(0.0, |m, w| m.max(w.abs()))
}

/// Every hidden pre-activation `Z[l]` of every hidden unit for every column of x, in one
/// list, from one forward pass without dropout. Empty for logistic regression.
pub fn hidden_z(net: &Mlp, x: ArrayView2<f64>) -> Vec<f64> {
    let (z, _logits) = net.hidden_z_and_logits(x);
    z.iter().flatten().copied().collect()
}

/// The histogram of z over [−Z_REACH, Z_REACH], z further out in the end bins.
pub fn z_histogram(z: &[f64]) -> Histogram {
    Histogram::new(z.iter().copied(), -Z_REACH, Z_REACH, BINS, false)
}

/// The share of z with |z| < `region`; NaN when there is no z (no hidden layer).
pub fn share_inside<'a>(z: impl IntoIterator<Item = &'a f64>, region: f64) -> f64 {
    let (mut inside, mut all) = (0, 0);
    for v in z {
        all += 1;
        inside += usize::from(v.abs() < region);
    }
    share(inside, all)
}

/// `inside / all` as a fraction; NaN when there is nothing to count (no hidden layer).
pub fn share(inside: usize, all: usize) -> f64 {
    if all == 0 {
        f64::NAN
    } else {
        inside as f64 / all as f64
    }
}
