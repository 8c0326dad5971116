//! What the network tests share: a random network and random data from a seeded stream.

use ndarray::{Array1, Array2};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use regplay::nn::init::randn;
use regplay::nn::{Activation, Mlp};

/// A network of the given layer sizes with N(0, 1) weights and N(0, ¼) biases.
pub fn random_net(sizes: &[usize], activation: Activation, rng: &mut ChaCha8Rng) -> Mlp {
    let weights = sizes.windows(2).map(|p| Array2::from_shape_fn((p[1], p[0]), |_| randn(rng))).collect();
    let biases = sizes[1..].iter().map(|&n| Array1::from_shape_fn(n, |_| 0.5 * randn(rng))).collect();
    Mlp::from_params(weights, biases, activation).unwrap()
}

/// m examples of n_x N(0, 1) inputs, each labelled 0 or 1 by a fair coin.
pub fn random_data(n_x: usize, m: usize, rng: &mut ChaCha8Rng) -> (Array2<f64>, Array1<f64>) {
    let x = Array2::from_shape_fn((n_x, m), |_| randn(rng));
    let y = Array1::from_shape_fn(m, |_| if rng.random::<f64>() < 0.5 { 0.0 } else { 1.0 });
    (x, y)
}
