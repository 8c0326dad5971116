//! The kernel's fast paths give the bits of its plain ones: the blocked products (`blocks`,
//! several units × examples at once on wasm) those of `lanes`' one row at a time, and a
//! step that starts from a held forward pass those of a step that runs its own. Runs
//! natively and in the browser (`cargo test --target wasm32-unknown-unknown --test
//! kernel_fast`), where the blocks are the `f64x2` code.

use ndarray::{Array1, Array2};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use regplay::kernel::blocks::{self, Rows};
use regplay::kernel::{lanes, Input, Kernel};
use regplay::nn::{Activation, Mlp};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::*;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

/// Values of mixed sign and size, with exact zeros of both signs among them.
fn values(rng: &mut ChaCha8Rng, n: usize) -> Vec<f64> {
    (0..n)
        .map(|_| match rng.random_range(0..10) {
            0 => 0.0,
            1 => -0.0,
            _ => rng.random_range(-3.0..3.0) * 10f64.powi(rng.random_range(-3..3)),
        })
        .collect()
}

fn bits(v: &[f64]) -> Vec<u64> {
    v.iter().map(|x| x.to_bits()).collect()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn blocked_products_give_the_bits_of_one_row_at_a_time() {
    let mut rng = ChaCha8Rng::seed_from_u64(18);
    let shapes = (1..=9).flat_map(|units| [1, 2, 3, 4, 5, 7, 64].map(move |inputs| (units, inputs)));
    for (units, inputs) in shapes.chain([(20, 64), (3, 20)]) {
        for m in [0, 1, 2, 3, 4, 5, 6, 7, 9, 61] {
            let stride = m + 3; // rows further apart than m, as in the kernel's buffers
            let (mut w, b) = (values(&mut rng, units * inputs), values(&mut rng, units));
            let mut a = values(&mut rng, inputs * stride);
            // sparse inputs (as pixels are): whole rows of +0, runs of +0 and of −0
            for i in 0..inputs {
                let (start, len) = (rng.random_range(0..stride), rng.random_range(0..=stride));
                let zero = [0.0, 0.0, -0.0][i % 3];
                let end = if i % 4 == 0 { stride } else { (start + len).min(stride) };
                a[i * stride + if i % 4 == 0 { 0 } else { start }..i * stride + end].fill(zero);
            }
            if units * inputs % 5 == 0 {
                w[units * inputs / 2] = [f64::INFINITY, f64::NEG_INFINITY, f64::NAN][m % 3];
                // 0 · ∞ is NaN: no skipping
            }
            for sparse in [false, true] {
                let mut z = vec![f64::NAN; units * stride];
                blocks::linear(&mut z, stride, &w, &b, Rows { rows: &a, stride }, m, sparse);
                for j in 0..units {
                    let mut row = vec![f64::NAN; m];
                    lanes::linear(&mut row, &w[j * inputs..(j + 1) * inputs], b[j], &a, stride);
                    let got = &z[j * stride..j * stride + m];
                    assert_eq!(bits(got), bits(&row), "Z = W A + b, {units}×{inputs}, m {m}, unit {j}, sparse {sparse}");
                }
            }
            let dz = values(&mut rng, units * stride);
            let mut dw = vec![f64::NAN; units * inputs];
            blocks::outer(&mut dw, inputs, Rows { rows: &dz, stride }, Rows { rows: &a, stride }, m);
            for j in 0..units {
                for i in 0..inputs {
                    let expected = lanes::dot(&dz[j * stride..j * stride + m], &a[i * stride..]);
                    assert_eq!(dw[j * inputs + i].to_bits(), expected.to_bits(), "dW = dZ Aᵀ, {units}×{inputs}, m {m}, ({j}, {i})");
                }
            }
        }
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_step_from_a_held_forward_pass_is_the_step_that_runs_its_own() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let sizes = [64, 20, 3, 1];
    let weights: Vec<Array2<f64>> =
        sizes.windows(2).map(|p| Array2::from_shape_vec((p[1], p[0]), values(&mut rng, p[0] * p[1])).unwrap()).collect();
    let biases: Vec<Array1<f64>> = sizes[1..].iter().map(|&n| Array1::from(values(&mut rng, n))).collect();
    let mut net = Mlp::from_params(weights, biases, Activation::Tanh).unwrap();
    let m = 61;
    let x = values(&mut rng, 64 * m);
    let y: Vec<f64> = (0..m).map(|k| (k % 3 == 0) as u8 as f64).collect();
    let all: Vec<usize> = (0..m).collect();

    let mut plain = Kernel::new(&net, m);
    plain.gather(&x, m, &y, &all);
    let cost = plain.data_cost_and_gradients(&net, m, false);

    let mut reused = Kernel::new(&net, m);
    reused.score(&net, &x, &y, 0.5);
    reused.hold(&net, m);
    assert!(reused.holds(&net, m));
    let held_cost = reused.data_cost_and_gradients_held(&net, Input { rows: &x, stride: m }, &y);
    assert_eq!(held_cost.to_bits(), cost.to_bits());
    for l in 0..3 {
        let (a, b) = (plain.gradients(l), reused.gradients(l));
        assert_eq!((bits(a.0), bits(a.1)), (bits(b.0), bits(b.1)), "layer {}", l + 1);
    }

    // anything else: not held
    assert!(!reused.holds(&net, m - 1), "other columns");
    let mut w = net.weights().to_vec();
    w[0][[19, 63]] = f64::from_bits(w[0][[19, 63]].to_bits() ^ 1);
    let nudged = Mlp::from_params(w, net.biases().to_vec(), Activation::Tanh).unwrap();
    assert!(!reused.holds(&nudged, m), "a weight one bit off");
    reused.score(&net, &x, &y, 0.5);
    assert!(!reused.holds(&net, m), "a forward pass since, even of the same columns");
    net = nudged;
    assert!(!Kernel::new(&net, m).holds(&net, m), "nothing held yet");
}
