//! A training session on fixed seeds: what the lecture says regularization does, and the
//! promises the page makes (replayable runs, early stopping, divergence, bounded history).

use regplay::train::history::{History, Record};
use regplay::train::{Config, Effect, Session, Status};

fn session(pairs: &[(&str, &str)]) -> Session {
    let (config, problems) = Config::from_pairs(pairs.iter().copied());
    assert!(problems.is_empty(), "{problems:?}");
    Session::new(config)
}

fn total_norm(s: &Session) -> f64 {
    s.evaluate().weight_norms.iter().map(|n| n * n).sum::<f64>().sqrt()
}

#[test]
fn l1_makes_weights_exactly_zero_where_l2_makes_none() {
    let run = |reg| {
        let mut s = session(&[("reg", reg), ("lambda", "3"), ("features", "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2")]);
        s.train(1500);
        s.evaluate()
    };
    let l1 = run("l1");
    let l2 = run("l2");
    let share = l1.zero_weights as f64 / l1.weight_count as f64;
    assert!(share > 0.4, "L1 left only {} of {} weights at 0", l1.zero_weights, l1.weight_count);
    assert_eq!(l2.zero_weights, 0, "L2 shrinks weights but never to exactly 0");
}

#[test]
fn weights_shrink_and_tanh_goes_linear_as_lambda_rises() {
    let lambdas = ["0", "0.1", "1", "3", "10"];
    let mut norms = Vec::new();
    let mut linear = Vec::new();
    for lambda in lambdas {
        let mut s = session(&[("reg", "l2"), ("lambda", lambda)]);
        s.train(800);
        norms.push(total_norm(&s));
        linear.push(s.evaluate().linear_fraction);
    }
    for i in 1..lambdas.len() {
        assert!(norms[i] < norms[i - 1], "‖W‖ should fall as λ rises: {norms:?}");
    }
    assert!(linear[lambdas.len() - 1] > linear[0] + 0.2, "linear-region share should rise with λ: {linear:?}");
}

#[test]
fn the_same_seed_replays_the_same_run_bit_for_bit() {
    let pairs = [("batch", "10"), ("keep", "0.8,0.7"), ("reg", "l1"), ("lambda", "0.3")];
    let mut a = session(&pairs);
    let mut b = session(&pairs);
    a.train(300);
    b.train(300);
    assert_eq!(a.history().records(), b.history().records());
    assert_eq!(a.net(), b.net());
    // reset replays the same initialization, masks and batch order
    let first = a.net().clone();
    a.reset();
    a.train(300);
    assert_eq!(a.net(), &first);
    // another seed is another run
    let mut c = session(&[("batch", "10"), ("keep", "0.8,0.7"), ("reg", "l1"), ("lambda", "0.3"), ("seed", "2")]);
    c.train(300);
    assert_ne!(c.net(), &first);
}

#[test]
fn early_stopping_finds_the_true_dev_minimum_and_restores_it() {
    // watch the dev cost after every (full-batch) iteration, longer than the history holds;
    // at α 0.5 (not the default 0.1) the course setup overfits within 2,000 iterations
    let mut s = session(&[("lr", "0.5")]);
    let (mut it, mut min) = (0, s.evaluate().dev_cost);
    for _ in 0..4000 {
        s.train(1);
        let dev = s.evaluate().dev_cost;
        if dev < min {
            (it, min) = (s.iteration(), dev);
        }
    }
    let best = s.best().unwrap();
    assert_eq!((best.iteration, best.dev_cost), (it, min));
    assert!(s.evaluate().dev_cost > min + 0.05, "the default setup should overfit: dev cost rises after its minimum");
    assert!(best.iteration < 2000);

    let mut stopped = session(&[("lr", "0.5"), ("patience", "200")]);
    stopped.train(5000);
    let Status::Stopped { at } = *stopped.status() else { panic!("expected an early stop, got {:?}", stopped.status()) };
    let best = stopped.best().unwrap().clone();
    assert_eq!(at, best.iteration + 200);
    assert_eq!(stopped.net(), &best.net, "the best weights are restored");
    assert_eq!(stopped.evaluate().dev_cost, best.dev_cost);
    assert_eq!(stopped.train(10), 0, "a stopped run does not train on");
}

#[test]
fn divergence_is_reported_and_reset_recovers() {
    let mut s = session(&[("lr", "10"), ("reg", "l2"), ("lambda", "100")]);
    s.train(2000);
    let Status::Diverged { message } = s.status().clone() else { panic!("expected divergence, got {:?}", s.status()) };
    assert!(message.contains("diverged") && message.contains('α'), "{message}");
    assert!(s.net().weights().iter().all(|w| w.iter().all(|v| v.is_finite())), "the last finite weights stay");
    s.set("lr", "0.1").unwrap();
    s.set("lambda", "0.1").unwrap();
    s.reset();
    assert_eq!(*s.status(), Status::Training);
    assert_eq!(s.train(100), 100);
    assert!(s.evaluate().total_cost.is_finite());
}

#[test]
fn live_settings_do_not_reset_training_and_the_others_do() {
    let mut s = session(&[]);
    s.train(50);
    for (key, value) in [("lambda", "0.5"), ("reg", "l2"), ("keep", "0.9"), ("lr", "0.5"), ("batch", "10"), ("patience", "0")] {
        assert_eq!(s.set(key, value), Ok(Effect::Live));
        assert_eq!(s.iteration(), 50, "{key} must not reset");
    }
    s.train(5);
    assert_eq!(s.iteration(), 55);
    assert_eq!(s.set("layers", "4"), Ok(Effect::Reset));
    assert_eq!(s.iteration(), 0);
    assert_eq!(s.net().hidden_sizes(), vec![4]);
    assert_eq!(s.config().keep, vec![0.9], "keep_prob follows the layers");
}

#[test]
fn a_bad_value_names_its_key_and_changes_nothing() {
    let mut s = session(&[]);
    let before = s.config().clone();
    for (key, value) in [
        ("lambda", "-1"),
        ("lambda", "abc"),
        ("lr", "0"),
        ("layers", "8,99"),
        ("layers", "1,1,1,1,1,1,1"),
        ("keep", "0"),
        ("keep", "1.5"),
        ("act", "swish"),
        ("dataset", "mnist"),
        ("features", "x3"),
        ("features", ""),
        ("points", "5"),
        ("train", "100"),
        ("seed", "-3"),
        ("reg", "l3"),
    ] {
        let err = s.set(key, value).unwrap_err();
        assert_eq!(err.key, key, "{err}");
        assert!(err.to_string().contains(key), "{err}");
        assert_eq!(s.config(), &before);
    }
}

#[test]
fn a_url_round_trips_and_bad_values_fall_back_to_defaults() {
    let (config, problems) = Config::from_pairs([
        ("keep", "0.5,0.8"),
        ("layers", "3,4"),
        ("dataset", "spiral"),
        ("lambda", "0.003"),
        ("reg", "l1"),
        ("features", "x1,sinx2"),
        ("noise", "nope"),
    ]);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].key, "noise");
    assert_eq!(config.noise, Config::default().noise);
    assert_eq!(config.keep, vec![0.5, 0.8]);
    let query = config.to_query();
    let pairs: Vec<(&str, &str)> = query.split('&').map(|kv| kv.split_once('=').unwrap()).collect();
    let (again, problems) = Config::from_pairs(pairs);
    assert!(problems.is_empty());
    assert_eq!(again, config);
    assert!(config.to_json().contains("\"layers\":[3,4]") && config.to_json().contains("\"features\":[\"x1\",\"sinx2\"]"));
}

#[test]
fn history_stays_bounded_and_spans_the_whole_run() {
    let mut h = History::new(100);
    let evaluation = session(&[]).evaluate();
    let record = |i: u64| Record { iteration: i, evaluation: evaluation.clone(), step_cost: 0.0 };
    for i in 0..100_000 {
        h.push(record(i));
        assert!(h.records().len() <= 100);
    }
    let its: Vec<u64> = h.records().iter().map(|r| r.iteration).collect();
    assert!(its.len() >= 50);
    assert_eq!(its[0], 0);
    assert!(*its.last().unwrap() > 99_000 - 2048);
    let step = its[1] - its[0];
    assert!(its.windows(2).all(|w| w[1] - w[0] == step), "evenly spaced");
}

#[test]
fn mini_batches_visit_every_example_once_per_epoch() {
    // 200 training points in batches of 10 make one evaluation every 20 iterations
    let mut s = session(&[("batch", "10")]);
    s.train(100);
    let its: Vec<u64> = s.history().records().iter().map(|r| r.iteration).collect();
    assert_eq!(its, vec![0, 20, 40, 60, 80, 100]);
}

#[test]
fn a_lambda_sweep_on_the_default_setup_is_u_shaped() {
    use regplay::train::Sweep;
    let lambdas = vec![0.0, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0];
    let mut sweep = Sweep::new(Config::default(), lambdas.clone(), 3000).unwrap();
    let mut slices = 0;
    while !sweep.advance(700) {
        slices += 1;
        assert!(sweep.progress() < 1.0);
    }
    assert!(slices > 10, "advanced in slices");
    let dev: Vec<f64> = sweep.results().iter().map(|p| p.dev_error).collect();
    let train: Vec<f64> = sweep.results().iter().map(|p| p.train_error).collect();
    assert_eq!(sweep.results().iter().map(|p| p.lambda).collect::<Vec<_>>(), lambdas);
    let best = sweep.best().unwrap();
    assert!(best.lambda > 0.0 && best.lambda < 30.0, "best λ {} should be in the middle: dev {dev:?}", best.lambda);
    assert!(dev[0] > best.dev_error + 0.02, "λ = 0 overfits: dev {dev:?}");
    assert!(dev[lambdas.len() - 1] > best.dev_error + 0.02, "λ = 30 underfits: dev {dev:?}");
    assert!(train[0] < train[lambdas.len() - 1], "training error grows with λ: {train:?}");
    // the sweep's λ = 0 run is the session's own run
    let mut plain = session(&[("reg", "l2"), ("lambda", "0")]);
    plain.train(3000);
    assert_eq!(sweep.results()[0].dev_error, 1.0 - plain.evaluate().dev_accuracy);
}

#[test]
fn augmentation_adds_one_labelled_copy_per_point_and_kind() {
    let s = session(&[("augment", "flip,jitter")]);
    let real = s.real_train_points().to_vec();
    let copies = s.augmented_points();
    assert_eq!(copies.len(), 2 * real.len());
    for (p, c) in real.iter().zip(&copies[..real.len()]) {
        assert_eq!((c.x1, c.x2, c.y), (-p.x1, p.x2, p.y), "flip mirrors left–right");
    }
    let moved: f64 =
        real.iter().zip(&copies[real.len()..]).map(|(p, c)| ((p.x1 - c.x1).powi(2) + (p.x2 - c.x2).powi(2)).sqrt()).sum::<f64>()
            / real.len() as f64;
    assert!(moved > 0.2 && moved < 0.6, "jitter moves points a little: {moved}");
    assert_eq!(s.evaluate().weight_count, 2 * 20 + 20 * 3 + 3);
    assert_eq!(s.dev_set().len(), 200, "the dev set is never augmented");
}

#[test]
fn the_network_is_nearly_linear_under_large_lambda() {
    let mut overfit = session(&[]);
    overfit.train(3000);
    let mut smooth = session(&[("reg", "l2"), ("lambda", "10")]);
    smooth.train(3000);
    assert!(smooth.linearity() > 0.9, "{}", smooth.linearity());
    assert!(overfit.linearity() < smooth.linearity() - 0.1, "{} vs {}", overfit.linearity(), smooth.linearity());
}

#[test]
fn l1_selects_features() {
    let mut s = session(&[("reg", "l1"), ("lambda", "10"), ("features", "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2")]);
    assert_eq!(s.evaluate().features_in_use, 7);
    s.train(3000);
    let e = s.evaluate();
    assert!(e.features_in_use < 7, "L1 drops some input features entirely: {} in use", e.features_in_use);
}

#[test]
fn early_stopping_and_augment_have_the_issue_names_too() {
    let (c, problems) = Config::from_pairs([("earlyStopping", "150"), ("augment", "true")]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(c.patience, 150);
    assert_eq!(c.augment, vec![regplay::data::Augmentation::Jitter]);
    assert!(c.to_json().contains("\"earlyStopping\":150"));
    let mut c = Config::default();
    c.set("earlyStopping", "true").unwrap();
    assert_eq!(c.patience, 200);
    c.set("earlyStopping", "off").unwrap();
    assert_eq!(c.patience, 0);
    assert!(c.set("earlyStopping", "-4").unwrap_err().key == "earlyStopping");
    c.set("augment", "none").unwrap();
    assert!(c.augment.is_empty());
}

#[test]
fn a_sweep_takes_results_trained_elsewhere_in_its_lambda_order_only() {
    use regplay::train::{Sweep, SweepPoint};
    // what a worker computes: a one-λ sweep of the same config, bit for bit the whole sweep's
    let lambdas = vec![0.0, 0.3];
    let mut whole = Sweep::new(Config::default(), lambdas.clone(), 50).unwrap();
    while !whole.advance(1000) {}
    let mut parts = Vec::new();
    for &l in &lambdas {
        let mut one = Sweep::new(Config::default(), vec![l], 50).unwrap();
        while !one.advance(1000) {}
        parts.push(one.results()[0].clone());
    }
    assert_eq!(parts, whole.results());
    let mut pushed = Sweep::new(Config::default(), lambdas, 50).unwrap();
    let point = |lambda| SweepPoint { lambda, ..parts[0].clone() };
    assert!(pushed.push_result(point(0.3)).is_err(), "λ = 0.3 is not next");
    pushed.push_result(parts[0].clone()).unwrap();
    pushed.push_result(parts[1].clone()).unwrap();
    assert!(pushed.is_done() && pushed.push_result(point(0.3)).is_err(), "nothing more is expected");
    assert_eq!(pushed.results(), whole.results());
}

#[test]
fn a_batch_bigger_than_a_slice_takes_the_step_of_the_whole_batch() {
    use regplay::nn::gradient_descent_step;
    // 1,800 training examples in one full batch: two slices of the kernel (1,000 and 800),
    // whose mean gradients, weighted by their share, make the gradient of the whole batch
    let mut s = session(&[("points", "2000"), ("train", "90"), ("layers", "6,4"), ("reg", "l2"), ("lambda", "0.3"), ("lr", "0.3")]);
    assert_eq!((s.train_set().len(), s.slices_per_iteration()), (1800, 2));
    let mut expected = s.net().clone();
    for _ in 0..3 {
        let (train, reg) = (s.train_set(), s.regularization());
        let (_, grads) = expected.data_cost_and_gradients(train.x.view(), train.y.view(), None);
        gradient_descent_step(&mut expected, &grads, &reg, 0.3, 1800.0);
        // two slices of gradient, then the evaluation: two slices of the training set, one of the dev set
        assert_eq!(s.train_slices(5), (5, 1), "an iteration takes five slices");
        let (got, want) = (s.net().weights(), expected.weights());
        for (g, w) in got.iter().zip(want).flat_map(|(g, w)| g.iter().zip(w.iter())) {
            assert!((g - w).abs() <= 1e-12 * w.abs().max(1e-3), "{g} vs {w}");
        }
        // the evaluation recorded at the end of the epoch (in slices too) is the network's
        let (recorded, exact) = (s.evaluation(), s.evaluate());
        assert!((recorded.data_cost - exact.data_cost).abs() < 1e-12 && recorded.train_accuracy == exact.train_accuracy);
        assert!((recorded.dev_cost - exact.dev_cost).abs() < 1e-12 && recorded.linear_fraction == exact.linear_fraction);
    }
}

#[test]
fn a_big_batch_with_dropout_replays_bit_for_bit_and_shows_its_first_slice_masks() {
    let pairs = [("points", "2000"), ("train", "90"), ("layers", "6,4"), ("keep", "0.8,0.9"), ("keepIn", "0.9")];
    let (mut a, mut b) = (session(&pairs), session(&pairs));
    a.train(3);
    b.train(3);
    assert_eq!(a.net(), b.net());
    assert_ne!(a.net(), a.initial_net());
    let masks = &a.last_dropout().expect("dropout masks of the last iteration").masks;
    assert_eq!(masks.iter().map(|m| m.dim()).collect::<Vec<_>>(), [(6, 1000), (4, 1000)]);
    let kept = masks[0].iter().filter(|&&v| v == 1.0).count() as f64 / 6000.0;
    assert!((kept - 0.8).abs() < 0.03, "about keep_prob of the units kept: {kept}");
}

#[test]
fn a_mini_batch_bigger_than_a_slice_takes_the_step_of_its_own_examples() {
    use ndarray::Axis;
    use regplay::nn::gradient_descent_step;
    // batches of 1,200 of 1,800 training examples: two slices each (1,000 and 200), from the
    // shuffled order; then 600 left at the end of the epoch, one slice
    let mut s =
        session(&[("points", "2000"), ("train", "90"), ("layers", "5"), ("batch", "1200"), ("reg", "l1"), ("lambda", "1"), ("lr", "0.3")]);
    let mut expected = s.net().clone();
    for batch in [1200, 600, 1200] {
        let next = s.iteration() + 1;
        s.train_slices(1); // the first slice: the batch is picked
        let (order, cursor) = s.batch_order();
        let picked = order[cursor - batch..cursor].to_vec();
        let (train, reg) = (s.train_set(), s.regularization());
        let (x, y) = (train.x.select(Axis(1), &picked), train.y.select(Axis(0), &picked));
        let (_, grads) = expected.data_cost_and_gradients(x.view(), y.view(), None);
        gradient_descent_step(&mut expected, &grads, &reg, 0.3, 1800.0);
        while s.iteration() < next {
            s.train_slices(1);
        }
        for (g, w) in s.net().weights().iter().zip(expected.weights()).flat_map(|(g, w)| g.iter().zip(w.iter())) {
            assert!((g - w).abs() <= 1e-12 * w.abs().max(1e-3), "batch of {batch}: {g} vs {w}");
        }
    }
}

/// The default run (keeper, 2→20→3→1 tanh, full batch, the default α) must not look broken:
/// at α 0.5, J rose by up to 68 % in one iteration (85–88, 177–180, …); at the default α its
/// full-batch J never rises by more than a hair over the first 2,000 iterations.
#[test]
fn the_default_run_has_no_spikes_in_j() {
    let mut s = Session::new(Config::default());
    let mut previous = s.evaluation().total_cost;
    for i in 1..=2000 {
        s.train(1);
        let j = s.evaluation().total_cost;
        assert!(j <= previous * 1.001, "iteration {i}: J rose from {previous} to {j}");
        previous = j;
    }
}
