//! The lecture's dropout and early-stopping options: plain against inverted dropout, the
//! input layer's keep_prob, early stopping on the dev error, and zoomed copies.

use ndarray::Array2;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use regplay::data::Point;
use regplay::data::{augment, Augmentation};
use regplay::nn::Dropout;
use regplay::train::{Config, Session, StopOn};

fn session(pairs: &[(&str, &str)]) -> Session {
    let (config, problems) = Config::from_pairs(pairs.iter().copied());
    assert!(problems.is_empty(), "{problems:?}");
    Session::new(config)
}

#[test]
fn defaults_keep_todays_behaviour_and_bad_values_are_refused() {
    let c = Config::default();
    assert_eq!((c.inverted, c.keep_in, c.stop_on), (true, 1.0, StopOn::Cost));
    let q = c.to_query();
    assert!(q.contains("inverted=1") && q.contains("keepIn=1") && q.contains("stopOn=cost"), "{q}");
    let json = c.to_json();
    assert!(json.contains("\"inverted\":true") && json.contains("\"keepIn\":1") && json.contains("\"stopOn\":\"cost\""), "{json}");
    let (parsed, problems) = Config::from_pairs([("inverted", "0"), ("keepIn", "0.8"), ("stopOn", "error"), ("augment", "zoom")]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((parsed.inverted, parsed.keep_in, parsed.stop_on), (false, 0.8, StopOn::Error));
    assert_eq!(parsed.augment, vec![Augmentation::Zoom]);
    for (key, value) in [("inverted", "2"), ("keepIn", "0"), ("keepIn", "1.5"), ("stopOn", "loss"), ("augment", "shear")] {
        let mut c = Config::default();
        let err = c.set(key, value).unwrap_err();
        assert!(err.to_string().starts_with(&format!("{key}=")), "{err}");
        assert_eq!(c, Config::default(), "{key}={value} changed nothing");
    }
    // the defaults are the run of today: the same iterations give the same weights
    let mut a = session(&[("keep", "0.8")]);
    let mut b = session(&[("keep", "0.8"), ("inverted", "1"), ("keepIn", "1"), ("stopOn", "cost")]);
    a.train(50);
    b.train(50);
    assert_eq!(a.net(), b.net());
}

/// The lecture's a3 of 50 units with keep_prob 0.8: about 10 are dropped; without the
/// division the expected z[4] = W[4] a3 + b[4] shrinks to keep_prob times itself, with it it stays.
#[test]
fn inverted_dropout_keeps_the_expected_z_plain_dropout_shrinks_it() {
    let (units, m, keep) = (50, 4000, 0.8);
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let drop = Dropout::sample(&[keep], &[units], m, &mut rng);
    let mask = &drop.masks[0];
    let dropped_per_example = (units * m) as f64 - mask.sum();
    let dropped = dropped_per_example / m as f64;
    assert!((dropped - 10.0).abs() < 0.3, "about 10 of 50 units dropped: {dropped}");
    let a3 = Array2::from_shape_fn((units, m), |(i, _)| 0.5 + (i as f64) / 50.0);
    let w4 = Array2::from_shape_fn((1, units), |(_, j)| 1.0 - (j as f64) / 100.0);
    let z = |a: &Array2<f64>| w4.dot(a).mean().unwrap();
    let test_time = z(&a3);
    let plain = z(&(&a3 * mask));
    let inverted = z(&(&a3 * mask / keep));
    assert!((plain / test_time - keep).abs() < 0.01, "plain: E[z] is {} of the test-time z", plain / test_time);
    assert!((inverted / test_time - 1.0).abs() < 0.01, "inverted: E[z] is {} of the test-time z", inverted / test_time);
    // so at test time (no dropout) a plainly trained network sees z 1/keep_prob times larger than in training
    assert!((test_time / plain - 1.0 / keep).abs() < 0.02);
}

#[test]
fn plain_dropout_goes_wrong_at_test_time() {
    let run = |inverted| {
        let mut s = session(&[("keep", "0.5,0.5"), ("inverted", inverted)]);
        s.train(2000);
        s.evaluate()
    };
    let (plain, inverted) = (run("0"), run("1"));
    assert!(
        plain.dev_cost > inverted.dev_cost + 0.02,
        "dev cost with plain dropout {} against inverted {}",
        plain.dev_cost,
        inverted.dev_cost
    );
}

#[test]
fn input_dropout_changes_the_run_and_keep_in_1_is_no_dropout() {
    let mut off = session(&[]);
    let mut one = session(&[("keepIn", "1")]);
    let mut half = session(&[("keepIn", "0.5")]);
    for s in [&mut off, &mut one, &mut half] {
        s.train(200);
    }
    assert_eq!(off.net(), one.net());
    assert_ne!(off.net(), half.net());
    assert!(half.evaluate().total_cost.is_finite());
}

#[test]
fn early_stopping_on_dev_error_stops_at_the_dev_error_minimum() {
    let mut s = session(&[("stopOn", "error"), ("patience", "300")]);
    s.train(5000);
    let best = s.best().expect("a best iteration").clone();
    let records = s.history().records();
    let lowest = records.iter().map(|r| 1.0 - r.dev_accuracy).fold(f64::INFINITY, f64::min);
    assert_eq!(best.dev_error, lowest, "the best weights are those of the lowest dev error");
    let first = records.iter().find(|r| 1.0 - r.dev_accuracy == lowest).unwrap();
    assert_eq!(best.iteration, first.iteration, "the first time the dev error was that low");
    // the same run watching the dev cost stops elsewhere
    let mut c = session(&[("stopOn", "cost"), ("patience", "300")]);
    c.train(5000);
    assert_ne!(c.best().unwrap().iteration, best.iteration);
}

#[test]
fn zoomed_copies_are_scaled_about_the_centre_by_0_9_to_1_1() {
    let train: Vec<Point> = (0..200)
        .map(|i| {
            let t = i as f64 * 0.7;
            Point {
                x1: 4.0 * (t).cos() * ((i % 9) as f64 / 9.0 + 0.1),
                x2: 4.0 * (t).sin() * ((i % 7) as f64 / 7.0 + 0.1),
                y: (i % 2) as f64,
            }
        })
        .collect();
    let copies = augment(&train, &[Augmentation::Zoom], &mut ChaCha8Rng::seed_from_u64(3));
    assert_eq!(copies.len(), train.len());
    let mut factors = Vec::new();
    for (p, q) in train.iter().zip(&copies) {
        assert_eq!(p.y, q.y, "a zoom keeps the label");
        let f = (q.x1.hypot(q.x2)) / p.x1.hypot(p.x2);
        assert!((0.9 - 1e-12..=1.1 + 1e-12).contains(&f), "factor {f}");
        assert!((p.x1 * q.x2 - p.x2 * q.x1).abs() < 1e-9, "about the centre: same direction");
        factors.push(f);
    }
    let spread = factors.iter().cloned().fold(0.0_f64, f64::max) - factors.iter().cloned().fold(2.0_f64, f64::min);
    assert!(spread > 0.15, "random factors across the range: spread {spread}");
}
