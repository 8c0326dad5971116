//! Inverted dropout: `d = rand(a.shape) < keep_prob; a = a * d / keep_prob`.

use ndarray::Array2;
use rand::Rng;

/// One keep_prob per hidden layer and the 0/1 masks `d[l]` of this iteration, shape `(n_l, m)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Dropout {
    pub keep_prob: Vec<f64>,
    pub masks: Vec<Array2<f64>>,
}

impl Dropout {
    /// Draws fresh masks for hidden layers of the given sizes over m examples:
    /// a unit is kept where `rand() < keep_prob`, so keep_prob = 1 keeps every unit.
    pub fn sample(keep_prob: &[f64], hidden_sizes: &[usize], m: usize, rng: &mut impl Rng) -> Dropout {
        let masks = keep_prob
            .iter()
            .zip(hidden_sizes)
            .map(|(&keep, &n)| Array2::from_shape_fn((n, m), |_| if rng.random::<f64>() < keep { 1.0 } else { 0.0 }))
            .collect();
        Dropout { keep_prob: keep_prob.to_vec(), masks }
    }

    /// `D[l]` and keep_prob of hidden layer l, numbered as in the lecture (l = 1..L−1; the
    /// vectors start at 0).
    pub fn layer(&self, l: usize) -> (&Array2<f64>, f64) {
        (&self.masks[l - 1], self.keep_prob[l - 1])
    }

    /// True when every layer keeps every unit, so training needs no masks at all.
    pub fn is_off(keep_prob: &[f64]) -> bool {
        keep_prob.iter().all(|&k| k >= 1.0)
    }
}
