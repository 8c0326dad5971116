//! Side by side: the course's table of three runs and the augmentation comparison, on
//! the default setup (the course's 2→20→3→1 network on the goalkeeper data, seed 1).

use regplay::compare::{Preset, SideBySide, MAX_RUNS};
use regplay::data::Augmentation;
use regplay::nn::Penalty;
use regplay::train::Config;

/// The setup at α 0.5 unless the pairs say otherwise: the course's comparisons were drawn at
/// that α (the default is now 0.1, at which 2,000 iterations do not overfit yet).
fn config(pairs: &[(&str, &str)]) -> Config {
    let (config, problems) = Config::from_pairs([("lr", "0.5")].into_iter().chain(pairs.iter().copied()));
    assert!(problems.is_empty(), "{problems:?}");
    config
}

/// (train accuracy, dev accuracy, dev cost) of every run.
fn scores(c: &SideBySide) -> Vec<(f64, f64, f64)> {
    c.runs()
        .iter()
        .map(|r| {
            let e = r.session().evaluate();
            (e.train_accuracy, e.dev_accuracy, e.dev_cost)
        })
        .collect()
}

#[test]
fn the_course_table_runs_share_data_and_initialization_and_differ_only_in_regularization() {
    let page = config(&[("lambda", "3"), ("reg", "l1"), ("lr", "0.3")]);
    let c = SideBySide::new(page.clone(), Preset::Regularization);
    let runs = c.runs();
    assert_eq!(runs.len(), 3);
    let settings: Vec<_> = runs.iter().map(|r| (r.config().reg, r.config().lambda, r.config().keep.clone())).collect();
    assert_eq!(
        settings,
        [(Penalty::None, 0.0, vec![1.0, 1.0]), (Penalty::L2, 0.7, vec![1.0, 1.0]), (Penalty::None, 0.0, vec![0.86, 0.86])]
    );
    for run in runs {
        assert_eq!(run.config().lr, 0.3, "everything else is the page's");
        assert_eq!(run.session().initial_net(), runs[0].session().initial_net());
        assert_eq!(run.session().train_set().points, runs[0].session().train_set().points);
        assert_eq!(run.session().dev_set().points, runs[0].session().dev_set().points);
    }
    // the page's own data
    let session = regplay::train::Session::new(page);
    assert_eq!(runs[0].session().train_set().points, session.train_set().points);
    assert_eq!(runs[0].session().dev_set().points, session.dev_set().points);
}

#[test]
fn as_in_the_course_l2_and_dropout_fit_the_training_set_less_and_the_dev_set_better() {
    let mut c = SideBySide::new(config(&[]), Preset::Regularization);
    c.train(3000);
    assert!(c.runs().iter().all(|r| r.session().iteration() == 3000));
    let s = scores(&c);
    let (plain, l2, dropout) = (s[0], s[1], s[2]);
    // measured: train 96.5 %, 90.0 %, 89.0 %; dev 84.0 %, 92.0 %, 93.5 %
    assert!(l2.0 < plain.0 - 0.03 && dropout.0 < plain.0 - 0.03, "train accuracy {s:?}");
    assert!(l2.1 > plain.1 + 0.05 && dropout.1 > plain.1 + 0.05, "dev accuracy {s:?}");
    assert!(l2.2 < plain.2 && dropout.2 < plain.2, "dev cost {s:?}");
}

#[test]
fn the_augmentation_preset_trains_on_n_real_n_plus_n_augmented_and_2n_real_with_one_dev_set() {
    let c = SideBySide::new(config(&[]), Preset::Augmentation(Augmentation::Jitter));
    let n = 200; // the page's training set: 50 % of 400 points
    assert_eq!(c.n(), n);
    let runs = c.runs();
    let sizes: Vec<_> = runs.iter().map(|r| (r.session().real_train_points().len(), r.session().augmented_points().len())).collect();
    assert_eq!(sizes, [(n, 0), (n, n), (2 * n, 0)]);
    assert_eq!(runs[1].config().augment, [Augmentation::Jitter]);
    let dev = &runs[0].session().dev_set().points;
    assert_eq!(dev.len(), 200, "a dev set of the page's size");
    for run in runs {
        assert_eq!(&run.session().dev_set().points, dev);
        assert_eq!(run.session().initial_net(), runs[0].session().initial_net());
    }
    // B's real points are A's; C has them and N more
    assert_eq!(runs[1].session().real_train_points(), runs[0].session().real_train_points());
    assert_eq!(&runs[2].session().real_train_points()[..n], runs[0].session().real_train_points());
    // no dev point is a training point
    let train = runs[2].session().real_train_points();
    assert!(dev.iter().all(|d| !train.contains(d)));
}

/// Dev cost of (N real, N real + N augmented, 2N real) after `iterations`.
fn augmentation_dev_costs(seed: u32, kind: Augmentation, iterations: usize) -> [f64; 3] {
    let mut c = SideBySide::new(config(&[("seed", &seed.to_string())]), Preset::Augmentation(kind));
    c.train(iterations);
    let s = scores(&c);
    [s[0].2, s[1].2, s[2].2]
}

#[test]
fn augmented_copies_help_but_less_than_as_many_new_points() {
    // The default seed, 2,000 iterations; measured dev costs: jitter 0.433 > 0.312 > 0.249,
    // rotate 0.433 > 0.294 > 0.249. Over seeds 1 to 8 on average (jitter): 0.371 > 0.330 >
    // 0.261. Not on every seed: on seed 2 the jittered copies raise the dev cost
    // (0.284 → 0.326), on seed 3 they beat 2N real points; 2N real points beat N on all.
    let strictly_ordered = |[real, augmented, doubled]: [f64; 3]| doubled < augmented && augmented < real - 0.05;
    let rotated = augmentation_dev_costs(1, Augmentation::Rotate, 2000);
    assert!(strictly_ordered(rotated), "rotate: {rotated:?}");
    let mut mean = [0.0; 3];
    for seed in 1..=8 {
        let costs = augmentation_dev_costs(seed, Augmentation::Jitter, 2000);
        assert!(seed != 1 || strictly_ordered(costs), "jitter, the default seed: {costs:?}");
        assert!(costs[2] < costs[0], "seed {seed}: 2N real points should beat N: {costs:?}");
        for (m, c) in mean.iter_mut().zip(costs) {
            *m += c / 8.0;
        }
    }
    assert!(mean[2] < mean[1] - 0.03 && mean[1] < mean[0] - 0.02, "mean dev costs {mean:?}");
}

#[test]
fn flipped_copies_teach_wrong_labels_on_data_without_mirror_symmetry() {
    // The goalkeeper's frontier is not symmetric left–right: a mirrored point often lands
    // among the other class, as a flipped 6 is not a 6. Measured: dev accuracy 91.5 % → 85.0 %.
    let mut c = SideBySide::new(config(&[]), Preset::Augmentation(Augmentation::Flip));
    c.train(2000);
    let s = scores(&c);
    assert!(s[1].1 < s[0].1 - 0.03, "{s:?}");
}

#[test]
fn runs_train_together_and_a_changed_setting_restarts_them_all() {
    let mut c = SideBySide::new(config(&[]), Preset::Regularization);
    c.train(40);
    assert!(c.runs().iter().all(|r| r.session().iteration() == 40));
    c.set(1, "lambda", "0.1").unwrap();
    assert_eq!(c.runs()[1].config().lambda, 0.1);
    assert!(c.runs().iter().all(|r| r.session().iteration() == 0));
    c.set(2, "keep", "0.5").unwrap();
    assert_eq!(c.runs()[2].config().keep, [0.5, 0.5]);
    c.set(0, "augment", "rotate").unwrap();
    assert_eq!(c.runs()[0].session().augmented_points().len(), 200);
    // a bad value or a shared setting changes nothing
    c.train(10);
    assert!(c.set(1, "lambda", "-1").unwrap_err().to_string().contains("lambda"));
    assert!(c.set(1, "layers", "4").unwrap_err().to_string().contains("same for every run"));
    assert!(c.set(7, "lambda", "1").is_err());
    assert!(c.set(1, "real", "201").is_err(), "only the pool's 200 training points exist");
    assert!(c.runs().iter().all(|r| r.session().iteration() == 10));
    assert_eq!(c.runs()[1].config().lambda, 0.1);
}

#[test]
fn a_run_can_be_added_up_to_four_and_removed_down_to_two() {
    let mut c = SideBySide::new(config(&[]), Preset::Regularization);
    c.train(5);
    assert_eq!(c.add_run(), Ok(3));
    let added = c.runs()[3].config();
    assert_eq!((added.reg, added.lambda), (Penalty::L1, 0.7), "the course's table, then L1");
    assert!(c.runs().iter().all(|r| r.session().iteration() == 0), "every run starts again");
    assert_eq!(c.runs().len(), MAX_RUNS);
    assert!(c.add_run().is_err());
    c.remove_run(0).unwrap();
    c.remove_run(0).unwrap();
    assert!(c.remove_run(0).is_err());
    assert_eq!(c.runs().len(), 2);
    assert_eq!(c.runs()[0].config().keep, [0.86, 0.86]);
    // the removed "no regularization" is the first one offered again
    c.add_run().unwrap();
    assert_eq!(c.runs()[2].config().reg, Penalty::None);
    assert_eq!(c.runs()[2].config().keep, [1.0, 1.0]);
    // in the augmentation preset, a fourth run tries another kind of copy
    let mut a = SideBySide::new(config(&[]), Preset::Augmentation(Augmentation::Jitter));
    a.add_run().unwrap();
    assert_eq!(a.runs()[3].config().augment, [Augmentation::Flip]);
}

#[test]
fn presets_are_named_and_the_augmentation_kind_follows_the_page() {
    let page = config(&[("augment", "rotate")]);
    assert_eq!(Preset::parse("regularization", &page), Ok(Preset::Regularization));
    assert_eq!(Preset::parse("augmentation", &page), Ok(Preset::Augmentation(Augmentation::Rotate)));
    assert_eq!(Preset::parse("augmentation", &Config::default()), Ok(Preset::Augmentation(Augmentation::Jitter)));
    assert_eq!(Preset::parse("augmentation:flip", &page), Ok(Preset::Augmentation(Augmentation::Flip)));
    assert_eq!(Preset::parse("augmentation:zoom", &page), Ok(Preset::Augmentation(Augmentation::Zoom)));
    assert!(Preset::parse("augmentation:shear", &page).is_err());
    assert!(Preset::parse("dropout", &page).is_err());
}

#[test]
fn logistic_regression_has_no_dropout_to_compare_but_still_opens() {
    let mut c = SideBySide::new(config(&[("layers", "")]), Preset::Regularization);
    assert_eq!(c.runs().len(), 3);
    assert!(c.runs().iter().all(|r| r.config().keep.is_empty()));
    assert_eq!(c.runs()[1].config().reg, Penalty::L2);
    c.set(2, "keep", "0.5").unwrap();
    assert!(c.runs()[2].config().keep.is_empty(), "no hidden layer to drop units from");
    c.train(10);
}

#[test]
fn early_stopping_is_off_so_the_runs_stay_at_the_same_iteration() {
    let mut c = SideBySide::new(config(&[("patience", "10")]), Preset::Regularization);
    c.train(600);
    assert!(c.runs().iter().all(|r| r.session().iteration() == 600 && r.config().patience == 0));
}
