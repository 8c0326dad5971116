//! What the network tests share: random networks and data from a seeded stream, and the gradient-check cases.
#![allow(dead_code)] // each test binary uses its own part of it

use ndarray::{Array1, Array2};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use regplay::nn::init::randn;
use regplay::nn::{Activation, Dropout, Mlp, Penalty, Regularization};

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

/// One gradient-check case: a random network of `sizes` and m random examples, a penalty
/// with λ = 0.7, and masks with keep_prob 0.8 (used when `dropout`).
pub struct Case {
    pub name: String,
    pub m: usize,
    pub net: Mlp,
    pub x: Array2<f64>,
    pub y: Array1<f64>,
    pub reg: Regularization,
    pub dropout: bool,
    masks: Dropout,
}

impl Case {
    /// The masks, if this case uses dropout.
    pub fn drop(&self) -> Option<&Dropout> {
        self.dropout.then_some(&self.masks)
    }
}

/// Every shape × m × activation × penalty × dropout on or off, drawn in that order from `seed`.
pub fn cases(shapes: &[&[usize]], ms: &[usize], seed: u64) -> Vec<Case> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut all = Vec::new();
    for sizes in shapes {
        for &m in ms {
            for activation in Activation::ALL {
                for penalty in Penalty::ALL {
                    for dropout in [false, true] {
                        let net = random_net(sizes, activation, &mut rng);
                        let (x, y) = random_data(sizes[0], m, &mut rng);
                        let hidden = net.hidden_sizes();
                        let keep: Vec<f64> = hidden.iter().map(|_| 0.8).collect();
                        let masks = Dropout::sample(&keep, &hidden, m, &mut rng);
                        let name = format!("{sizes:?} m={m} {activation:?} {penalty:?} dropout={dropout}");
                        all.push(Case { name, m, net, x, y, reg: Regularization { penalty, lambda: 0.7 }, dropout, masks });
                    }
                }
            }
        }
    }
    all
}
