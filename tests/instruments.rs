//! The numbers behind the weights and tanh instruments: L1's exact zeros get a bar of their
//! own and it is the count the page reports; L2 shrinks the histogram toward 0 with no
//! spike; and the z collected for the tanh panel is the session's, so its share in the
//! linear region is `linearFraction` and rises with λ.

use regplay::instruments::histogram::{hidden_z, largest_weight, share_inside, weight_histogram, z_histogram, Histogram, BINS, Z_REACH};
use regplay::train::session::LINEAR_REGION;
use regplay::train::{Config, Session};

fn session(pairs: &[(&str, &str)]) -> Session {
    let (config, problems) = Config::from_pairs(pairs.iter().copied());
    assert!(problems.is_empty(), "{problems:?}");
    Session::new(config)
}

const ALL_FEATURES: (&str, &str) = ("features", "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2");

/// Bins within `reach / 2` of 0 (the inner half of a histogram symmetric about 0).
fn inner_half(h: &Histogram) -> usize {
    let quarter = h.counts.len() / 4;
    h.counts[quarter..h.counts.len() - quarter].iter().sum()
}

#[test]
fn exact_zeros_get_a_bar_of_their_own_and_nothing_else_is_lost() {
    let values = [0.0, -0.0, 0.0, 1e-12, -1e-12, 0.5, -0.5, 0.99, 7.0, -7.0, f64::NAN];
    let h = Histogram::new(values, -1.0, 1.0, 4, true);
    assert_eq!(h.zeros, 3, "0.0 and −0.0 are exactly 0; 1e-12 is not");
    assert_eq!(h.counts, vec![1, 2, 1, 3], "−7 | −0.5, −1e-12 | 1e-12 | 0.5, 0.99, 7");
    assert_eq!(h.total(), 10, "every number counted once, NaN not at all");
    assert_eq!(h.tallest(), 3);
    assert_eq!(h.bin(1), (-0.5, 0.0));

    let together = Histogram::new(values, -1.0, 1.0, 4, false);
    assert_eq!(together.zeros, 0);
    assert_eq!(together.counts, vec![1, 2, 4, 3], "without zeros apart a 0 is in the bin [0, 0.5)");
}

#[test]
fn the_weight_histogram_is_centred_on_zero_and_holds_every_weight() {
    let s = session(&[]);
    let weights = s.net().weights();
    let h = weight_histogram(weights, 0.0);
    let count: usize = weights.iter().map(|w| w.len()).sum();
    assert_eq!(h.total(), count);
    assert_eq!(h.counts.len(), BINS);
    assert_eq!(h.lo, -h.hi, "symmetric");
    assert_eq!(h.hi, largest_weight(weights), "the reach grows to the largest |w|");
    assert_eq!(h.bin(BINS / 2).0, 0.0, "0 is the edge between the middle bins");
    assert_eq!(weight_histogram(weights, 10.0).hi, 10.0, "a larger reach is kept");
}

#[test]
fn l1_puts_a_spike_at_exactly_zero_that_is_the_count_the_page_shows() {
    let mut s = session(&[("reg", "l1"), ("lambda", "3"), ALL_FEATURES]);
    let before = weight_histogram(s.net().weights(), 0.0);
    assert_eq!(before.zeros, 0, "no weight starts at exactly 0");
    s.train(1500);
    let e = s.evaluate();
    let h = weight_histogram(s.net().weights(), largest_weight(s.initial_net().weights()));
    assert_eq!(h.zeros, e.zero_weights);
    assert_eq!(h.total(), e.weight_count);
    assert!(h.zeros * 10 > e.weight_count * 4, "L1 should zero over 40 % of the weights: {} of {}", h.zeros, e.weight_count);
    assert_eq!(h.tallest(), h.zeros, "the spike at 0 is the tallest bar: {h:?}");
    // one layer at a time: the per-layer spikes add up to the whole
    let per_layer: usize = s.net().weights().iter().map(|w| weight_histogram([w], 0.0).zeros).sum();
    assert_eq!(per_layer, e.zero_weights);
}

#[test]
fn l2_draws_the_weights_in_toward_zero_but_makes_none_exactly_zero() {
    let mut s = session(&[("reg", "l2"), ("lambda", "3"), ALL_FEATURES]);
    let reach = largest_weight(s.initial_net().weights());
    let before = weight_histogram(s.net().weights(), reach);
    s.train(1500);
    let after = weight_histogram(s.net().weights(), reach);
    assert_eq!(after.zeros, 0);
    assert_eq!(s.evaluate().zero_weights, 0);
    assert!(
        inner_half(&after) > inner_half(&before),
        "on the initial weights' axis more weights sit near 0 after L2: {} then {}",
        inner_half(&before),
        inner_half(&after)
    );
}

#[test]
fn the_z_of_the_tanh_panel_is_the_sessions_and_its_linear_share_is_linear_fraction() {
    let mut s = session(&[("reg", "l2"), ("lambda", "1")]);
    s.train(300);
    let z = hidden_z(s.net(), s.train_set().x.view());
    let units: usize = s.net().hidden_sizes().iter().sum();
    assert_eq!(z.len(), units * s.train_set().len(), "every hidden unit on every training example");
    assert_eq!(share_inside(&z, LINEAR_REGION), s.evaluate().linear_fraction);
    // the number the panel states is the session's, the one metrics() reports (measured on
    // the kernel at this iteration): the same share as the lecture's network gives
    assert_eq!(s.linear_fraction(), s.evaluation().linear_fraction);
    assert_eq!(s.linear_fraction(), share_inside(&z, LINEAR_REGION));
    assert_eq!(z_histogram(&z).total(), z.len(), "z beyond the axis is counted in the end bins");
}

#[test]
fn as_lambda_rises_the_mass_of_z_moves_into_the_linear_region() {
    let run = |lambda| {
        let mut s = session(&[("reg", "l2"), ("lambda", lambda)]);
        s.train(1500);
        let z = hidden_z(s.net(), s.train_set().x.view());
        (share_inside(&z, LINEAR_REGION), z_histogram(&z))
    };
    let (free, free_h) = run("0");
    let (decayed, decayed_h) = run("10");
    assert!(decayed > free + 0.2, "share of |z| < {LINEAR_REGION}: {free} at λ = 0, {decayed} at λ = 10");
    // the bins are aligned on the region: its share is the share of the middle bins
    let region_bins = (LINEAR_REGION / (Z_REACH / (BINS / 2) as f64)).round() as usize;
    let middle = |h: &Histogram| h.counts[BINS / 2 - region_bins..BINS / 2 + region_bins].iter().sum::<usize>() as f64 / h.total() as f64;
    assert!((middle(&decayed_h) - decayed).abs() < 1e-3, "{} vs {decayed}", middle(&decayed_h));
    // and the saturated ends (|z| ≥ Z_REACH) empty out
    let ends = |h: &Histogram| h.counts[0] + h.counts[BINS - 1];
    assert!(ends(&decayed_h) < ends(&free_h), "saturated z: {} at λ = 0, {} at λ = 10", ends(&free_h), ends(&decayed_h));
}

#[test]
fn logistic_regression_has_no_hidden_z() {
    let s = session(&[("layers", "")]);
    let z = hidden_z(s.net(), s.train_set().x.view());
    assert!(z.is_empty());
    assert!(share_inside(&z, LINEAR_REGION).is_nan());
    assert!(s.linear_fraction().is_nan());
    assert_eq!(z_histogram(&z).total(), 0);
}
