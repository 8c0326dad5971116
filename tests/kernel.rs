//! The training kernel against the lecture's network: the same cost, gradients, steps and
//! measurements on the gradient-check cases (every activation, penalty and dropout).

use ndarray::{Array1, Array2};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use regplay::kernel::Kernel;
use regplay::nn::{gradient_descent_step, Activation, Dropout, Mlp, Regularization};

mod common;
use common::{random_data, random_net};

/// |a − b| relative to the largest entry of b (1e-300 keeps an all-zero b finite).
fn rel(a: &[f64], b: &[f64]) -> f64 {
    let scale = b.iter().fold(1e-300f64, |s, v| s.max(v.abs()));
    a.iter().zip(b).fold(0.0f64, |e, (x, y)| e.max((x - y).abs() / scale))
}

/// The kernel set up with the whole of x as its batch (and the given masks).
fn kernel_on(net: &Mlp, x: &Array2<f64>, y: &Array1<f64>, drop: Option<&Dropout>) -> Kernel {
    let m = x.ncols();
    let mut k = Kernel::new(net, m + 3); // spare columns: the stride differs from m
    let all: Vec<usize> = (0..m).collect();
    k.gather(x.as_slice().unwrap(), m, y.as_slice().unwrap(), &all);
    if let Some(d) = drop {
        for (l, mask) in d.masks.iter().enumerate() {
            k.set_mask(l, mask.as_slice().unwrap(), m, 1.0 / d.keep_prob[l]);
        }
    }
    k
}

#[test]
fn cost_gradients_and_steps_agree_with_the_lectures_network() {
    let cases = common::cases(&[&[3, 1], &[2, 4, 1], &[3, 5, 4, 1], &[2, 3, 3, 2, 1], &[2, 8, 8, 1]], &[1, 7, 10], 7);
    let mut checked = 0;
    for c in &cases {
        let (net, x, y, reg, m, drop, case) = (&c.net, &c.x, &c.y, &c.reg, c.m, c.drop(), &c.name);
        let (cost, grads) = net.cost_and_gradients(x.view(), y.view(), reg, drop);
        let mut k = kernel_on(net, x, y, drop);
        let data = k.data_cost_and_gradients(net, m, c.dropout);
        let total = data + reg.penalty(net.weights(), m as f64);
        assert!((total - cost.total).abs() <= 1e-12 * cost.total.abs(), "{case}: cost {total} vs {}", cost.total);
        for l in 0..net.weights().len() {
            // the kernel keeps data gradients; the penalty's is added as nn does
            let pen = reg.gradient(&net.weights()[l], m as f64);
            let (kw, kb) = k.gradients(l);
            let kw = kw.to_vec();
            let kw: Vec<f64> = match &pen {
                Some(p) => kw.iter().zip(p.iter()).map(|(d, p)| d + p).collect(),
                None => kw,
            };
            let dw: Vec<f64> = grads.dw[l].iter().copied().collect();
            let (dw, db) = (&dw[..], grads.db[l].as_slice().unwrap());
            assert!(rel(&kw, dw) <= 1e-12, "{case}: dW[{}] off by {:e}", l + 1, rel(&kw, dw));
            assert!(rel(kb, db) <= 1e-12, "{case}: db[{}] off by {:e}", l + 1, rel(kb, db));
        }
        // one step with the kernel's gradients against one with nn's
        let (_, data_grads) = net.cost_and_gradients(x.view(), y.view(), &Regularization::NONE, drop);
        let mut stepped = net.clone();
        gradient_descent_step(&mut stepped, &data_grads, reg, 0.3, 25.0);
        let mut mine = net.clone();
        gradient_descent_step(&mut mine, k.grads(), reg, 0.3, 25.0);
        for l in 0..net.weights().len() {
            let (a, b) = (mine.weights()[l].as_slice().unwrap(), stepped.weights()[l].as_slice().unwrap());
            assert!(rel(a, b) <= 1e-12, "{case}: W[{}] after a step off by {:e}", l + 1, rel(a, b));
        }
        checked += 1;
    }
    assert_eq!(checked, 5 * 3 * 4 * 3 * 2);
}

#[test]
fn a_whole_set_is_measured_as_the_lectures_network_measures_it() {
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    for activation in Activation::ALL {
        let net = random_net(&[3, 6, 4, 1], activation, &mut rng);
        let (x, y) = random_data(3, 53, &mut rng);
        let mut k = Kernel::new(&net, 16); // the set goes through in chunks of 16
        let score = k.score(&net, x.as_slice().unwrap(), y.as_slice().unwrap(), 0.5);
        let (hidden_z, logits) = net.hidden_z_and_logits(x.view());
        let cost = regplay::nn::cost::data_cost(logits.view(), y.view());
        assert!((score.cost - cost).abs() <= 1e-13 * cost, "{activation:?}: {} vs {cost}", score.cost);
        assert_eq!(score.accuracy, regplay::train::session::accuracy(logits.view(), y.view()));
        let linear: usize = hidden_z.iter().map(|z| z.iter().filter(|v| v.abs() < 0.5).count()).sum();
        assert_eq!((score.linear, score.hidden), (linear, 10 * 53));
        let mut p = vec![0.0; 53];
        k.probabilities(&net, x.as_slice().unwrap(), 53, &mut p);
        assert!(rel(&p, net.predict(x.view()).as_slice().unwrap()) <= 1e-13);
    }
}

#[test]
fn masks_are_drawn_in_the_order_dropout_sample_draws_them() {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let net = random_net(&[2, 5, 3, 1], Activation::Tanh, &mut rng);
    let mut k = Kernel::new(&net, 12);
    let keep = [0.7, 0.4];
    k.sample_masks(&keep, 9, &mut ChaCha8Rng::seed_from_u64(5));
    let drop = Dropout::sample(&keep, &net.hidden_sizes(), 9, &mut ChaCha8Rng::seed_from_u64(5));
    for (l, mask) in drop.masks.iter().enumerate() {
        for (i, row) in mask.rows().into_iter().enumerate() {
            assert_eq!(k.mask_row(l, i, 9), row.as_slice().unwrap(), "layer {} unit {i}", l + 1);
        }
    }
}

/// The session (on the kernel) against the lecture's loop written out with `nn`: the same
/// shuffles, masks and steps, so the weights agree to rounding after a few epochs.
#[test]
fn the_session_trains_like_the_lectures_loop() {
    use ndarray::Axis;
    use rand::seq::SliceRandom;
    use regplay::train::session::rng;
    use regplay::train::{Config, Session};
    for (penalty, keep, batch) in [("l2", "1,1", "10"), ("l1", "0.8,0.6", "10"), ("none", "0.7,1", "0")] {
        let pairs =
            [("seed", "5"), ("layers", "8,8"), ("reg", penalty), ("lambda", "0.3"), ("keep", keep), ("batch", batch), ("lr", "0.1")];
        let (config, problems) = Config::from_pairs(pairs);
        assert!(problems.is_empty(), "{problems:?}");
        let mut session = Session::new(config.clone());
        let steps = 137;
        assert_eq!(session.train(steps), steps);
        let (x, y) = (&session.train_set().x, &session.train_set().y);
        let m = y.len();
        let size = if config.batch == 0 { m } else { config.batch };
        let (mut net, mut drop_rng, mut batch_rng) = (session.initial_net().clone(), rng(5, 2), rng(5, 3));
        let (mut order, mut cursor): (Vec<usize>, usize) = ((0..m).collect(), m);
        let reg = session.regularization();
        for _ in 0..steps {
            if cursor >= m {
                if size < m {
                    order.shuffle(&mut batch_rng);
                }
                cursor = 0;
            }
            let idx = &order[cursor..(cursor + size).min(m)];
            cursor += idx.len();
            let (bx, by) = (x.select(Axis(1), idx), y.select(Axis(0), idx));
            let drop =
                (!Dropout::is_off(&config.keep)).then(|| Dropout::sample(&config.keep, &net.hidden_sizes(), idx.len(), &mut drop_rng));
            let (_, grads) = net.data_cost_and_gradients(bx.view(), by.view(), drop.as_ref());
            gradient_descent_step(&mut net, &grads, &reg, config.lr, m as f64);
        }
        for (l, (mine, theirs)) in session.net().weights().iter().zip(net.weights()).enumerate() {
            let (a, b): (Vec<f64>, Vec<f64>) = (mine.iter().copied().collect(), theirs.iter().copied().collect());
            assert!(rel(&a, &b) <= 1e-9, "{penalty} keep {keep} batch {batch}: W[{}] off by {:e}", l + 1, rel(&a, &b));
        }
        // reset replays bit for bit, and the kernel's measurements are evaluate's
        let first = session.net().clone();
        session.reset();
        session.train(steps);
        assert_eq!(session.net(), &first);
        let (fast, slow) = (session.measure(), session.evaluate());
        assert!((fast.total_cost - slow.total_cost).abs() <= 1e-13 * slow.total_cost);
        assert!((fast.dev_cost - slow.dev_cost).abs() <= 1e-13 * slow.dev_cost);
        assert_eq!(
            (fast.train_accuracy, fast.dev_accuracy, fast.zero_weights),
            (slow.train_accuracy, slow.dev_accuracy, slow.zero_weights)
        );
        assert_eq!(
            (fast.linear_fraction, fast.features_in_use, fast.weight_count),
            (slow.linear_fraction, slow.features_in_use, slow.weight_count)
        );
    }
}
