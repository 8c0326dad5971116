//! Initialization as in the course: `W[l] = randn(n_l, n_{l−1}) · gain / √n_{l−1}`, `b[l] = 0`
//! (gain √2 for ReLU, He et al.; 1 otherwise).

use ndarray::{Array1, Array2};
use rand::Rng;

use super::activation::Activation;
use super::mlp::Mlp;
pub use crate::math::randn;

/// A network with `n_x` inputs, the given hidden sizes and one output unit.
pub fn initialize(n_x: usize, hidden: &[usize], activation: Activation, rng: &mut impl Rng) -> Mlp {
    let mut sizes = vec![n_x];
    sizes.extend_from_slice(hidden);
    sizes.push(1);
    let mut weights = Vec::new();
    let mut biases = Vec::new();
    for pair in sizes.windows(2) {
        let (n_prev, n) = (pair[0], pair[1]);
        // The output unit is a sigmoid whatever g is, so it keeps the plain 1/√n scale.
        let gain = if biases.len() + 2 == sizes.len() { 1.0 } else { activation.init_gain() };
        let scale = gain / (n_prev as f64).sqrt();
        weights.push(Array2::from_shape_fn((n, n_prev), |_| randn(rng) * scale));
        biases.push(Array1::zeros(n));
    }
    Mlp::from_params(weights, biases, activation).expect("initialize builds consistent shapes")
}
