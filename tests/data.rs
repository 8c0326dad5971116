//! The datasets, features and split as a user of the playground meets them: a share link's
//! seed always draws the same points, the noise slider visibly matters, the points stay in
//! the view, and the inputs follow the lecture's `X: (n_x, m)` convention.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use regplay::data::{
    feature_matrix, generate, keeper, labels, split, Dataset, Feature, Point, KEEPER_DEFAULT_NOISE, KEEPER_DEFAULT_POINTS, VIEW,
};

fn draw(dataset: Dataset, n: usize, noise: f64, seed: u64) -> Vec<Point> {
    generate(dataset, n, noise, &mut ChaCha8Rng::seed_from_u64(seed))
}

fn share_of_class_1(points: &[Point]) -> f64 {
    points.iter().filter(|p| p.y == 1.0).count() as f64 / points.len() as f64
}

#[test]
fn names_round_trip_through_parse() {
    let names: Vec<&str> = Dataset::ALL.iter().map(|d| d.name()).collect();
    assert_eq!(names, ["circle", "xor", "gauss", "spiral", "moons", "keeper"]);
    for d in Dataset::ALL {
        assert_eq!(Dataset::parse(d.name()), Some(d));
    }
    let names: Vec<&str> = Feature::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(names, ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"]);
    let labels: Vec<&str> = Feature::ALL.iter().map(|f| f.label()).collect();
    assert_eq!(labels, ["x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂"]);
    for f in Feature::ALL {
        assert_eq!(Feature::parse(f.name()), Some(f));
    }
    for bad in ["", "Circle", "circle ", "x3", "<b>"] {
        assert_eq!(Dataset::parse(bad), None);
        assert_eq!(Feature::parse(bad), None);
    }
}

#[test]
fn the_same_seed_draws_the_same_points_and_another_seed_other_points() {
    for d in Dataset::ALL {
        let a = draw(d, 200, 20.0, 42);
        assert_eq!(a, draw(d, 200, 20.0, 42), "{}", d.name());
        let bits = |ps: &[Point]| ps.iter().map(|p| (p.x1.to_bits(), p.x2.to_bits(), p.y.to_bits())).collect::<Vec<_>>();
        assert_eq!(bits(&a), bits(&draw(d, 200, 20.0, 42)), "{}", d.name());
        let b = draw(d, 200, 20.0, 43);
        let moved = a.iter().zip(&b).filter(|(p, q)| p != q).count();
        assert!(moved > 150, "{}: only {moved} of 200 points changed with the seed", d.name());
    }
}

/// A fingerprint of every dataset for one seed. Share links rely on a seed drawing the same
/// points forever and on every platform; if this fails, data behind existing links changed.
/// (Update the number only for a deliberate change of the datasets.) It also runs as a wasm
/// test in the browser, where `f64::sin`/`ln` round differently from native libm: the same
/// number there shows the data does not depend on the platform.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn a_seed_draws_exactly_the_points_it_always_drew() {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325; // FNV-1a over the bits of every coordinate and label
    for d in Dataset::ALL {
        for p in draw(d, 50, 30.0, 2024) {
            for v in [p.x1, p.x2, p.y] {
                for byte in v.to_bits().to_le_bytes() {
                    hash = (hash ^ byte as u64).wrapping_mul(0x0100_0000_01b3);
                }
            }
        }
    }
    assert_eq!(hash, 0xc38c_e07e_d59a_1324, "fingerprint {hash:#x}");
}

#[test]
fn every_dataset_gives_n_points_labelled_0_or_1_inside_the_view() {
    for d in Dataset::ALL {
        for noise in [0.0, 25.0, 50.0] {
            for seed in 0..5 {
                for n in [0, 1, 7, 300] {
                    let points = draw(d, n, noise, seed);
                    assert_eq!(points.len(), n, "{} n={n}", d.name());
                    for p in &points {
                        assert!(p.y == 0.0 || p.y == 1.0, "{}: label {}", d.name(), p.y);
                        assert!(
                            p.x1.abs() <= VIEW && p.x2.abs() <= VIEW,
                            "{} noise {noise}: ({}, {}) outside the view",
                            d.name(),
                            p.x1,
                            p.x2
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn every_dataset_lies_in_about_minus_5_to_5_and_fills_it() {
    for d in Dataset::ALL {
        let points = draw(d, 2000, 0.0, 3);
        let max = points.iter().map(|p| p.x1.abs().max(p.x2.abs())).fold(0.0, f64::max);
        assert!((4.0..=5.5).contains(&max), "{}: clean points reach {max}", d.name());
    }
}

#[test]
fn classes_are_balanced() {
    for d in Dataset::ALL {
        for noise in [0.0, 25.0, 50.0] {
            let share = share_of_class_1(&draw(d, 2000, noise, 11));
            // As in TF Playground, a noisy circle reads more inner labels outside the small disc
            // than outer labels inside it: at 50 % about a third of the points are class 1.
            let range = if d == Dataset::Circle && noise == 50.0 { 0.3..=0.45 } else { 0.4..=0.6 };
            assert!(range.contains(&share), "{} noise {noise}: {share} of class 1", d.name());
        }
    }
    // The generators that place each class separately split odd n as evenly as possible.
    for d in [Dataset::Circle, Dataset::Gauss, Dataset::Spiral, Dataset::Moons] {
        let ones = draw(d, 7, 0.0, 1).iter().filter(|p| p.y == 1.0).count();
        assert!(ones == 3 || ones == 4, "{}: {ones} of 7", d.name());
    }
}

#[test]
fn clean_data_follows_its_rule() {
    for p in draw(Dataset::Circle, 500, 0.0, 5) {
        let r = p.x1.hypot(p.x2);
        assert_eq!(p.y, if r < 2.5 { 1.0 } else { 0.0 }, "circle at r = {r}");
        assert!(!(2.5..3.5).contains(&r), "circle: r = {r} in the gap");
    }
    for p in draw(Dataset::Xor, 500, 0.0, 5) {
        assert_eq!(p.y, if p.x1 * p.x2 >= 0.0 { 1.0 } else { 0.0 });
        assert!(p.x1.abs() >= 0.3 && p.x2.abs() >= 0.3, "xor: ({}, {}) on the axis padding", p.x1, p.x2);
    }
    for p in draw(Dataset::Gauss, 500, 0.0, 5) {
        // Clean blobs (σ ≈ 0.7) never reach the diagonal between them.
        assert_eq!(p.y, if p.x1 + p.x2 > 0.0 { 1.0 } else { 0.0 }, "gauss at ({}, {})", p.x1, p.x2);
    }
    for p in draw(Dataset::Keeper, 500, 0.0, 5) {
        assert_eq!(p.y, keeper::clean_label(p.x1, p.x2));
    }
}

/// A share of points that no longer follow their clean rule, for datasets with one.
fn mislabelled(d: Dataset, noise: f64) -> f64 {
    let points = draw(d, 4000, noise, 8);
    let wrong = points
        .iter()
        .filter(|p| {
            let clean = match d {
                Dataset::Circle => p.x1.hypot(p.x2) < 2.5,
                Dataset::Xor => p.x1 * p.x2 >= 0.0,
                Dataset::Keeper => keeper::clean_label(p.x1, p.x2) == 1.0,
                _ => unreachable!(),
            };
            (p.y == 1.0) != clean
        })
        .count();
    wrong as f64 / points.len() as f64
}

#[test]
fn more_noise_mislabels_more_points() {
    for d in [Dataset::Circle, Dataset::Xor, Dataset::Keeper] {
        let shares: Vec<f64> = [0.0, 10.0, 25.0, 50.0].iter().map(|&noise| mislabelled(d, noise)).collect();
        assert_eq!(shares[0], 0.0, "{}", d.name());
        assert!(shares.windows(2).all(|w| w[1] > w[0]), "{}: {shares:?}", d.name());
        assert!(shares[3] > 0.1, "{}: noise 50 mislabels only {}", d.name(), shares[3]);
    }
}

/// How far points spread from where they would be without noise, on average.
fn mean_spread(d: Dataset, noise: f64) -> f64 {
    let clean = draw(d, 1000, 0.0, 9);
    let noisy = draw(d, 1000, noise, 9);
    clean.iter().zip(&noisy).map(|(p, q)| (p.x1 - q.x1).hypot(p.x2 - q.x2)).sum::<f64>() / 1000.0
}

#[test]
fn noise_spreads_the_gauss_spiral_and_moons_points() {
    // The seed fixes the draws, so the same points move further as noise grows.
    for d in [Dataset::Gauss, Dataset::Spiral, Dataset::Moons] {
        let spread: Vec<f64> = [10.0, 25.0, 50.0].iter().map(|&noise| mean_spread(d, noise)).collect();
        assert!(spread.windows(2).all(|w| w[1] > w[0]), "{}: {spread:?}", d.name());
        assert!(spread[2] > 0.3, "{}: noise 50 moves points only {} on average", d.name(), spread[2]);
    }
    // And the blobs overlap: at noise 50 many points cross the diagonal between the centres.
    let crossing = draw(Dataset::Gauss, 2000, 50.0, 4).iter().filter(|p| (p.x1 + p.x2 > 0.0) != (p.y == 1.0)).count();
    assert!(crossing > 100, "gauss noise 50: {crossing} of 2000 across the diagonal");
}

#[test]
fn keeper_noise_flips_labels_near_the_frontier_only_and_never_moves_a_ball() {
    let n = 20_000;
    let clean = draw(Dataset::Keeper, n, 0.0, 77);
    let noisy = draw(Dataset::Keeper, n, KEEPER_DEFAULT_NOISE, 77);
    let mut flipped = 0;
    let mut expected = 0.0;
    for (c, p) in clean.iter().zip(&noisy) {
        assert_eq!((c.x1, c.x2), (p.x1, p.x2), "noise moved a ball");
        let distance = (p.x2 - keeper::frontier(p.x1)).abs();
        if c.y != p.y {
            flipped += 1;
            assert!(distance < keeper::REACH, "flipped {distance} from the frontier");
        }
        expected += keeper::flip_probability(p.x1, p.x2, KEEPER_DEFAULT_NOISE);
    }
    // The flips are as many as the flip probabilities say (within 4 standard deviations)...
    let sd = expected.sqrt();
    assert!((flipped as f64 - expected).abs() < 4.0 * sd, "{flipped} flipped, {expected:.0} expected");
    // ...which at the default noise is about 8 %: noisy, yet the curve explains the rest.
    let share = flipped as f64 / n as f64;
    assert!((0.06..=0.10).contains(&share), "{share} of labels wrong at the default noise");
    assert_eq!(flip_probability_far_away(), 0.0);
}

fn flip_probability_far_away() -> f64 {
    keeper::flip_probability(1.0, keeper::frontier(1.0) + keeper::REACH + 0.01, 50.0)
}

#[test]
fn keeper_frontier_is_curved() {
    // No straight line does what the frontier does: it rises, falls and rises across the field.
    let f = keeper::frontier;
    assert!(f(-2.6) < f(-5.0) && f(-2.6) < f(0.0), "a dip on the left");
    assert!(f(2.6) > f(0.0) && f(2.6) > f(5.0), "a bump on the right");
    // A straight line through the clean data gets a good share wrong, so a hidden layer is needed.
    let points = draw(Dataset::Keeper, 4000, 0.0, 12);
    let linear_wrong = points.iter().filter(|p| (p.x2 > 0.0) != (p.y == 1.0)).count();
    assert!(linear_wrong > 400, "the line x₂ = 0 misses only {linear_wrong} of 4000");
}

#[test]
fn keeper_defaults_give_a_small_set() {
    assert!((20.0..=30.0).contains(&KEEPER_DEFAULT_NOISE));
    let points = draw(Dataset::Keeper, KEEPER_DEFAULT_POINTS, KEEPER_DEFAULT_NOISE, 1);
    let (train, dev) = split(points, 50.0, &mut ChaCha8Rng::seed_from_u64(2));
    assert_eq!((train.len(), dev.len()), (200, 200));
}

#[test]
fn noise_is_clamped_to_0_to_50_percent() {
    for d in Dataset::ALL {
        assert_eq!(draw(d, 100, -5.0, 3), draw(d, 100, 0.0, 3), "{}", d.name());
        assert_eq!(draw(d, 100, 80.0, 3), draw(d, 100, 50.0, 3), "{}", d.name());
        assert_eq!(draw(d, 100, f64::NAN, 3), draw(d, 100, 0.0, 3), "{}", d.name());
    }
}

#[test]
fn split_cuts_at_the_rounded_share_and_keeps_every_point() {
    let points = draw(Dataset::Circle, 101, 10.0, 6);
    for (percent, n_train) in [(10.0, 10), (50.0, 51), (70.0, 71), (90.0, 91)] {
        let (train, dev) = split(points.clone(), percent, &mut ChaCha8Rng::seed_from_u64(1));
        assert_eq!((train.len(), dev.len()), (n_train, 101 - n_train), "{percent} %");
        let key = |p: &Point| (p.x1.to_bits(), p.x2.to_bits());
        let mut all: Vec<_> = train.iter().chain(&dev).map(key).collect();
        let mut original: Vec<_> = points.iter().map(key).collect();
        all.sort();
        original.sort();
        assert_eq!(all, original, "split lost or duplicated points");
    }
    // Out-of-range shares still give a valid cut.
    assert_eq!(split(points.clone(), 150.0, &mut ChaCha8Rng::seed_from_u64(1)).0.len(), 101);
    assert_eq!(split(points.clone(), -3.0, &mut ChaCha8Rng::seed_from_u64(1)).0.len(), 0);
    assert_eq!(split(Vec::new(), 50.0, &mut ChaCha8Rng::seed_from_u64(1)), (vec![], vec![]));
}

#[test]
fn split_shuffles_by_the_seed() {
    // The generators list class 1 first; a split that did not shuffle would train on one class.
    let points = draw(Dataset::Gauss, 200, 0.0, 6);
    let (train, dev) = split(points.clone(), 50.0, &mut ChaCha8Rng::seed_from_u64(1));
    let share = share_of_class_1(&train);
    assert!((0.4..=0.6).contains(&share), "train set has {share} of class 1");
    assert!((0.4..=0.6).contains(&share_of_class_1(&dev)));
    assert_eq!((train.clone(), dev.clone()), split(points.clone(), 50.0, &mut ChaCha8Rng::seed_from_u64(1)));
    assert_ne!(train, split(points, 50.0, &mut ChaCha8Rng::seed_from_u64(2)).0);
}

#[test]
fn feature_values() {
    let (x1, x2) = (2.0, 3.0);
    assert_eq!(Feature::X1.value(x1, x2), 2.0);
    assert_eq!(Feature::X2.value(x1, x2), 3.0);
    assert_eq!(Feature::X1Sq.value(x1, x2), 4.0);
    assert_eq!(Feature::X2Sq.value(x1, x2), 9.0);
    assert_eq!(Feature::X1X2.value(x1, x2), 6.0);
    assert!((Feature::SinX1.value(x1, x2) - 2f64.sin()).abs() < 1e-15);
    assert!((Feature::SinX2.value(x1, x2) - 3f64.sin()).abs() < 1e-15);
    assert!((Feature::SinX2.value(0.0, -VIEW) - (-VIEW).sin()).abs() < 1e-15);
}

#[test]
fn feature_matrix_is_n_x_by_m_with_one_column_per_point_in_order() {
    let points = [Point { x1: 2.0, x2: 3.0, y: 1.0 }, Point { x1: -1.0, x2: 0.5, y: 0.0 }, Point { x1: 0.0, x2: -4.0, y: 1.0 }];
    let features = [Feature::X1X2, Feature::X1, Feature::X2Sq, Feature::X2];
    let x = feature_matrix(&points, &features);
    assert_eq!(x.dim(), (4, 3));
    assert_eq!(x.column(0).to_vec(), [6.0, 2.0, 9.0, 3.0]);
    assert_eq!(x.column(1).to_vec(), [-0.5, -1.0, 0.25, 0.5]);
    assert_eq!(x.column(2).to_vec(), [0.0, 0.0, 16.0, -4.0]);
    assert_eq!(x.row(1).to_vec(), [2.0, -1.0, 0.0]);
    assert_eq!(labels(&points).to_vec(), [1.0, 0.0, 1.0]);
    assert_eq!(feature_matrix(&points, &[]).dim(), (0, 3));
    assert_eq!(feature_matrix(&[], &features).dim(), (4, 0));
    assert_eq!(labels(&[]).len(), 0);
}
