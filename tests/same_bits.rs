//! The same bits natively and in the browser: the kernel's tanh (two lanes at a time on wasm)
//! and a whole training run are hashed, and the hashes are the ones computed natively.

use regplay::kernel::lanes;
use regplay::train::{Config, Session};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::*;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

/// FNV-1a over the bits of the values.
fn hash(values: impl IntoIterator<Item = f64>) -> u64 {
    values.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, v| (h ^ v.to_bits()).wrapping_mul(0x100_0000_01b3))
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn tanh_gives_the_same_bits_in_lanes_and_everywhere() {
    let z: Vec<f64> = (0..200_001).map(|i| (i as f64 - 100_000.0) * 2.5e-4).chain([f64::NAN, 1e-300, -25.0, 19.5]).collect();
    let mut g = vec![0.0; z.len()];
    lanes::tanh(&z, &mut g);
    for (x, t) in z.iter().zip(&g) {
        assert_eq!(t.to_bits(), regplay::math::tanh(*x).to_bits(), "tanh({x})");
    }
    assert_eq!(hash(g), 882453908997595148);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn sigmoid_in_lanes_is_the_sigmoid_of_the_lecture() {
    let z: Vec<f64> = (0..160_001)
        .map(|i| (i as f64 - 80_000.0) * 1e-2)
        .chain([f64::NAN, 0.0, -0.0, 1e-300, -1e-300, 700.0, -700.0, 700.5, -745.5, f64::INFINITY, f64::NEG_INFINITY, 3.0])
        .collect();
    let mut s = vec![0.0; z.len()];
    lanes::sigmoid(&z, &mut s);
    for (x, p) in z.iter().zip(&s) {
        assert_eq!(p.to_bits(), regplay::nn::sigmoid(*x).to_bits(), "sigmoid({x})");
    }
    // two lanes of which only one is beyond ±700: both go through the scalar path
    let mut pair = [0.0; 2];
    lanes::sigmoid(&[-701.0, 0.25], &mut pair);
    assert_eq!(pair.map(f64::to_bits), [-701.0, 0.25].map(|z| regplay::nn::sigmoid(z).to_bits()));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_run_gives_the_same_bits_everywhere() {
    // α pinned, so the hashes do not move when the default does
    let pairs = [("lr", "0.5"), ("layers", "8,8"), ("batch", "10"), ("keep", "0.8,1"), ("reg", "l1"), ("lambda", "0.1")];
    let (config, problems) = Config::from_pairs(pairs);
    assert!(problems.is_empty());
    let mut session = Session::new(config);
    session.train(300);
    let net = session.net().clone();
    let params = net.weights().iter().flat_map(|w| w.iter().copied()).chain(net.biases().iter().flat_map(|b| b.iter().copied()));
    let grid = session.probability_grid(16);
    let e = session.measure();
    assert_eq!(
        (hash(params), hash(grid), hash([e.total_cost, e.dev_cost])),
        (17010681523573763502, 12581716606758458534, 13607990300247793326)
    );
}
