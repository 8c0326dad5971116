//! The lecture's formulas, checked: gradients against centered differences, the norms,
//! weight decay, inverted dropout.

use ndarray::{Array1, Array2};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use regplay::nn::cost::{l1_norm, l2_norm};
use regplay::nn::{gradient_descent_step, Activation, Dropout, Mlp, Penalty, Regularization};

mod common;
use common::{random_data, random_net};

fn with_params(net: &Mlp, weights: Vec<Array2<f64>>, biases: Vec<Array1<f64>>) -> Mlp {
    Mlp::from_params(weights, biases, net.activation()).unwrap()
}

/// Relative error ‖a − n‖ / (‖a‖ + ‖n‖) between backprop's gradient and centered differences
/// of the total cost over every weight and bias.
fn gradient_check(net: &Mlp, x: &Array2<f64>, y: &Array1<f64>, reg: &Regularization, drop: Option<&Dropout>) -> f64 {
    let (_, grads) = net.cost_and_gradients(x.view(), y.view(), reg, drop);
    let cost = |n: &Mlp| n.cost_and_gradients(x.view(), y.view(), reg, drop).0.total;
    let h = 1e-6;
    let (mut diff, mut norm_a, mut norm_n) = (0.0, 0.0, 0.0);
    let mut accumulate = |analytic: f64, numeric: f64| {
        diff += (analytic - numeric).powi(2);
        norm_a += analytic * analytic;
        norm_n += numeric * numeric;
    };
    for l in 0..net.weights().len() {
        for idx in 0..net.weights()[l].len() {
            let (i, j) = (idx / net.weights()[l].ncols(), idx % net.weights()[l].ncols());
            let shift = |d: f64| {
                let mut w = net.weights().to_vec();
                w[l][[i, j]] += d;
                cost(&with_params(net, w, net.biases().to_vec()))
            };
            let numeric = (shift(h) - shift(-h)) / (2.0 * h);
            accumulate(grads.dw[l][[i, j]], numeric);
        }
        for i in 0..net.biases()[l].len() {
            let shift = |d: f64| {
                let mut b = net.biases().to_vec();
                b[l][i] += d;
                cost(&with_params(net, net.weights().to_vec(), b))
            };
            let numeric = (shift(h) - shift(-h)) / (2.0 * h);
            accumulate(grads.db[l][i], numeric);
        }
    }
    diff.sqrt() / (norm_a.sqrt() + norm_n.sqrt())
}

#[test]
fn gradients_match_centered_differences_everywhere() {
    let cases = common::cases(&[&[3, 1], &[2, 4, 1], &[3, 5, 4, 1], &[2, 3, 3, 2, 1]], &[1, 7], 7);
    for c in &cases {
        let err = gradient_check(&c.net, &c.x, &c.y, &c.reg, c.drop());
        assert!(err < 1e-7, "{}: relative error {err:e}", c.name);
    }
    let checked = cases.len();
    assert_eq!(checked, 4 * 2 * 4 * 3 * 2);
}

#[test]
fn cost_is_data_plus_penalty_as_the_lecture_writes_it() {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let net = random_net(&[2, 3, 1], Activation::Tanh, &mut rng);
    let (x, y) = random_data(2, 4, &mut rng);
    let m = 4.0;
    let p = net.predict(x.view());
    let data: f64 = -(0..4).map(|i| y[i] * p[i].ln() + (1.0 - y[i]) * (1.0 - p[i]).ln()).sum::<f64>() / m;
    let sum_sq: f64 = net.weights().iter().flat_map(|w| w.iter()).map(|v| v * v).sum();
    let sum_abs: f64 = net.weights().iter().flat_map(|w| w.iter()).map(|v| v.abs()).sum();
    for (penalty, expected) in [(Penalty::None, 0.0), (Penalty::L2, 0.7 / (2.0 * m) * sum_sq), (Penalty::L1, 0.7 / (2.0 * m) * sum_abs)] {
        let (cost, _) = net.cost_and_gradients(x.view(), y.view(), &Regularization { penalty, lambda: 0.7 }, None);
        assert!((cost.data - data).abs() < 1e-12, "data cost {} vs {}", cost.data, data);
        assert!((cost.penalty - expected).abs() < 1e-12, "{penalty:?}");
        assert_eq!(cost.total, cost.data + cost.penalty);
    }
}

#[test]
fn data_cost_stays_finite_when_the_sigmoid_saturates() {
    let net = Mlp::from_params(vec![Array2::from_elem((1, 1), 1000.0)], vec![Array1::zeros(1)], Activation::Tanh).unwrap();
    let x = Array2::from_elem((1, 2), 1.0);
    let y = ndarray::arr1(&[0.0, 1.0]); // the first example is confidently wrong
    let (cost, grads) = net.cost_and_gradients(x.view(), y.view(), &Regularization::NONE, None);
    assert!((cost.data - 500.0).abs() < 1e-9, "cost {}", cost.data);
    assert!(grads.dw[0].iter().all(|v| v.is_finite()));
}

#[test]
fn biases_are_never_regularized() {
    let mut rng = ChaCha8Rng::seed_from_u64(2);
    let net = random_net(&[2, 3, 1], Activation::Tanh, &mut rng);
    let (x, y) = random_data(2, 5, &mut rng);
    let (_, plain) = net.cost_and_gradients(x.view(), y.view(), &Regularization::NONE, None);
    for penalty in [Penalty::L1, Penalty::L2] {
        let (_, reg) = net.cost_and_gradients(x.view(), y.view(), &Regularization { penalty, lambda: 3.0 }, None);
        assert_eq!(plain.db, reg.db);
        assert_ne!(plain.dw, reg.dw);
    }
}

#[test]
fn the_lectures_norm_example() {
    let x = [2.0, 3.0, 4.0];
    assert_eq!(l1_norm(&x), 9.0);
    assert_eq!(l2_norm(&x), 29f64.sqrt());
    assert!((l2_norm(&x) - 5.385).abs() < 1e-3);
}

#[test]
fn one_l2_step_is_weight_decay() {
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let net = random_net(&[2, 4, 3, 1], Activation::Tanh, &mut rng);
    let (x, y) = random_data(2, 9, &mut rng);
    let (alpha, lambda, m) = (0.3, 0.7, 9.0);
    let (_, data_grads) = net.cost_and_gradients(x.view(), y.view(), &Regularization::NONE, None);
    let reg = Regularization { penalty: Penalty::L2, lambda };
    let mut stepped = net.clone();
    gradient_descent_step(&mut stepped, &data_grads, &reg, alpha, m);
    // W := W − α dW with dW from the full L2 gradient …
    let (_, full_grads) = net.cost_and_gradients(x.view(), y.view(), &reg, None);
    for l in 0..3 {
        let decayed = &net.weights()[l] * (1.0 - alpha * lambda / m) - &data_grads.dw[l] * alpha;
        let plain = &net.weights()[l] - &full_grads.dw[l] * alpha;
        for ((s, d), p) in stepped.weights()[l].iter().zip(decayed.iter()).zip(plain.iter()) {
            // … equals (1 − αλ/m) W − α (data gradient)
            assert!((s - d).abs() < 1e-12 && (s - p).abs() < 1e-12);
        }
    }
}

#[test]
fn an_l1_step_stops_at_exactly_zero() {
    let w = Array2::from_shape_vec((1, 3), vec![0.001, -0.001, 2.0]).unwrap();
    let mut net = Mlp::from_params(vec![w], vec![Array1::zeros(1)], Activation::Tanh).unwrap();
    let zero_grads = regplay::nn::Gradients { dw: vec![Array2::zeros((1, 3))], db: vec![Array1::zeros(1)] };
    // threshold αλ/(2m) = 0.1·1/(2·1) = 0.05 is larger than the two small weights
    gradient_descent_step(&mut net, &zero_grads, &Regularization { penalty: Penalty::L1, lambda: 1.0 }, 0.1, 1.0);
    assert_eq!(net.weights()[0].as_slice().unwrap(), &[0.0, 0.0, 1.95]);
}

#[test]
fn inverted_dropout_preserves_the_expected_activation() {
    // One hidden layer of 4 linear units feeding a linear readout: E[z[2]] with dropout equals z[2] without.
    let mut rng = ChaCha8Rng::seed_from_u64(4);
    let net = random_net(&[2, 4, 1], Activation::Linear, &mut rng);
    let x = Array2::from_shape_vec((2, 1), vec![0.7, -1.2]).unwrap();
    let y = ndarray::arr1(&[1.0]);
    let clean = net.logits(x.view())[0];
    let keep = 0.6;
    let trials = 40_000;
    let mut sum = 0.0;
    for _ in 0..trials {
        let drop = Dropout::sample(&[keep], &[4], 1, &mut rng);
        // cross-entropy from the logit z with y = 1 is softplus(−z); invert it to read z back
        let (cost, _) = net.cost_and_gradients(x.view(), y.view(), &Regularization::NONE, Some(&drop));
        sum += -((cost.data).exp_m1()).ln();
    }
    let mean = sum / trials as f64;
    assert!((mean - clean).abs() < 0.03 * (1.0 + clean.abs()), "E[z] with dropout {mean} vs {clean}");
}

#[test]
fn dropout_masks_differ_between_iterations_and_keep_the_right_share() {
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let a = Dropout::sample(&[0.8, 0.5], &[8, 8], 50, &mut rng);
    let b = Dropout::sample(&[0.8, 0.5], &[8, 8], 50, &mut rng);
    assert_ne!(a.masks, b.masks);
    let share = |m: &Array2<f64>| m.sum() / m.len() as f64;
    assert!((share(&a.masks[0]) - 0.8).abs() < 0.06);
    assert!((share(&a.masks[1]) - 0.5).abs() < 0.08);
    let all_kept = Dropout::sample(&[1.0], &[8], 50, &mut rng);
    assert!(all_kept.masks[0].iter().all(|&d| d == 1.0));
}

#[test]
fn predict_never_drops_units() {
    let mut rng = ChaCha8Rng::seed_from_u64(6);
    let net = random_net(&[2, 8, 8, 1], Activation::Tanh, &mut rng);
    let (x, _) = random_data(2, 20, &mut rng);
    let first = net.predict(x.view());
    for _ in 0..5 {
        let _ = Dropout::sample(&[0.5, 0.5], &[8, 8], 20, &mut rng);
        assert_eq!(net.predict(x.view()), first);
    }
}

/// Weights, biases, and a word the refusal must contain.
type BadParams = (Vec<Array2<f64>>, Vec<Array1<f64>>, &'static str);

#[test]
fn from_params_rejects_bad_shapes_and_values_with_a_message() {
    let ok_w = || vec![Array2::zeros((3, 2)), Array2::zeros((1, 3))];
    let ok_b = || vec![Array1::zeros(3), Array1::zeros(1)];
    let cases: Vec<BadParams> = vec![
        (vec![], vec![], "empty"),
        (ok_w(), vec![Array1::zeros(3)], "bias vectors"),
        (vec![Array2::zeros((3, 2)), Array2::zeros((1, 4))], ok_b(), "columns"),
        (ok_w(), vec![Array1::zeros(2), Array1::zeros(1)], "entries"),
        (vec![Array2::zeros((3, 2)), Array2::zeros((2, 3))], vec![Array1::zeros(3), Array1::zeros(2)], "one sigmoid unit"),
        (vec![Array2::from_elem((1, 2), f64::NAN)], vec![Array1::zeros(1)], "finite"),
        (vec![Array2::zeros((1, 0))], vec![Array1::zeros(1)], "at least one"),
    ];
    for (w, b, words) in cases {
        let err = Mlp::from_params(w, b, Activation::Tanh).unwrap_err();
        assert!(err.to_string().contains(words), "{err} should mention {words}");
    }
    assert!(Mlp::from_params(ok_w(), ok_b(), Activation::Relu).is_ok());
}

#[test]
fn the_screen_boundary_matches_the_exact_network() {
    use regplay::render::fast_grid::{tanh_approx, FastGrid};
    use regplay::train::{Config, Session};
    for x in [-8.0f32, -3.0, -0.5, 0.0, 0.1, 1.0, 2.5, 4.9, 30.0] {
        assert!((tanh_approx(x) as f64 - (x as f64).tanh()).abs() < 1.2e-4, "{x}");
    }
    for pairs in [vec![], vec![("act", "relu"), ("features", "x1,x2,x1sq,sinx2")], vec![("layers", "")], vec![("act", "sigmoid")]] {
        let (config, _) = Config::from_pairs(pairs.clone());
        let mut s = Session::new(config.clone());
        s.train(300);
        let exact = s.probability_grid(40);
        let fast = FastGrid::new().probabilities(s.net(), &config.features, 40);
        let worst = exact.iter().zip(&fast).map(|(e, f)| (e - *f as f64).abs()).fold(0.0, f64::max);
        assert!(worst < 2e-3, "{pairs:?}: the screen differs from grid() by {worst}");
    }
}
