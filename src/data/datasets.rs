//! The 2-D datasets, drawn as in TensorFlow Playground's `dataset.ts`: each lies in about
//! [−5, 5]², inside the view square, with class 1 and class 0 in equal numbers.
//!
//! `noise` is a percentage, 0 to 50, as on TF Playground's slider; the generators below take
//! it as a fraction (0 to 0.5), as `dataset.ts` does. Each generator takes the same number of
//! draws per point whatever the noise, so with the seed fixed, moving the noise slider
//! changes the same points rather than drawing new ones.

use std::f64::consts::{PI, TAU};

use rand_chacha::ChaCha8Rng;

use super::keeper;
use super::random::{bounce_into_view, normal, uniform};
use super::Point;
use crate::math::{cos, sin};

/// Which data the playground shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dataset {
    /// A disc of class 1 inside a ring of class 0.
    Circle,
    /// Class 1 in the quadrants where `x₁·x₂ > 0`.
    Xor,
    /// Two Gaussian blobs: class 1 around (2, 2), class 0 around (−2, −2).
    Gauss,
    /// Two interleaved spirals.
    Spiral,
    /// Two interleaving half-moons, like scikit-learn's `make_moons`.
    Moons,
    /// The course's goalkeeper: a small, noisy set with a curved frontier, made to overfit.
    Keeper,
    /// Real images, not points: the 8×8 handwritten digits, one digit against another
    /// (`digits.rs`). Not in `ALL`, which lists the generated 2-D datasets.
    Digits,
}

impl Dataset {
    /// Every generated 2-D dataset, in the order the page lists them.
    pub const ALL: [Dataset; 6] = [Dataset::Circle, Dataset::Xor, Dataset::Gauss, Dataset::Spiral, Dataset::Moons, Dataset::Keeper];

    /// The name used in URLs (`dataset=`).
    pub fn name(self) -> &'static str {
        match self {
            Dataset::Circle => "circle",
            Dataset::Xor => "xor",
            Dataset::Gauss => "gauss",
            Dataset::Spiral => "spiral",
            Dataset::Moons => "moons",
            Dataset::Keeper => "keeper",
            Dataset::Digits => "digits",
        }
    }

    /// Images (the digits) rather than 2-D points.
    pub fn is_images(self) -> bool {
        self == Dataset::Digits
    }

    /// The dataset with this URL name, if any.
    pub fn parse(s: &str) -> Option<Dataset> {
        Dataset::ALL.into_iter().chain([Dataset::Digits]).find(|d| d.name() == s)
    }
}

/// `n` points of `dataset` with `noise` percent (0 = clean, clamped to 0..=50), drawn from
/// `rng`. The same rng state gives the same points, bit for bit, on every platform. The
/// digits are images, not points: they come from `digits::split`, and here give no points.
pub fn generate(dataset: Dataset, n: usize, noise: f64, rng: &mut ChaCha8Rng) -> Vec<Point> {
    let noise = if noise.is_nan() { 0.0 } else { noise.clamp(0.0, 50.0) / 100.0 };
    match dataset {
        Dataset::Circle => circle(n, noise, rng),
        Dataset::Xor => xor(n, noise, rng),
        Dataset::Gauss => gauss(n, noise, rng),
        Dataset::Spiral => spiral(n, noise, rng),
        Dataset::Moons => moons(n, noise, rng),
        Dataset::Keeper => keeper::generate(n, noise, rng),
        Dataset::Digits => Vec::new(),
    }
}

/// The first half of `n` points are class 1, the rest class 0 (one more of class 1 when `n` is odd).
fn is_first_half(i: usize, n: usize) -> bool {
    i < n - n / 2
}

/// Class 1 in a disc of radius 2.5, class 0 in a ring from 3.5 to 5. Noise does not move the
/// points: it moves the place where each label is read, so labels near the circle get mixed up.
fn circle(n: usize, noise: f64, rng: &mut ChaCha8Rng) -> Vec<Point> {
    const RADIUS: f64 = 5.0;
    let label = |x1: f64, x2: f64| if (x1 * x1 + x2 * x2).sqrt() < RADIUS * 0.5 { 1.0 } else { 0.0 };
    (0..n)
        .map(|i| {
            let (r_min, r_max) = if is_first_half(i, n) { (0.0, RADIUS * 0.5) } else { (RADIUS * 0.7, RADIUS) };
            let r = uniform(rng, r_min, r_max);
            let angle = uniform(rng, 0.0, TAU);
            let (x1, x2) = (r * sin(angle), r * cos(angle));
            let shift1 = uniform(rng, -RADIUS, RADIUS) * noise;
            let shift2 = uniform(rng, -RADIUS, RADIUS) * noise;
            Point { x1, x2, y: label(x1 + shift1, x2 + shift2) }
        })
        .collect()
}

/// Uniform in the square, class 1 where `x₁·x₂ ≥ 0`, kept 0.3 away from the axes so the clean
/// set has a visible gap. Noise moves where each label is read, as for the circle.
fn xor(n: usize, noise: f64, rng: &mut ChaCha8Rng) -> Vec<Point> {
    const PADDING: f64 = 0.3;
    let away_from_axis = |v: f64| if v > 0.0 { v + PADDING } else { v - PADDING };
    (0..n)
        .map(|_| {
            let x1 = away_from_axis(uniform(rng, -5.0, 5.0));
            let x2 = away_from_axis(uniform(rng, -5.0, 5.0));
            let shift1 = uniform(rng, -5.0, 5.0) * noise;
            let shift2 = uniform(rng, -5.0, 5.0) * noise;
            let y = if (x1 + shift1) * (x2 + shift2) >= 0.0 { 1.0 } else { 0.0 };
            Point { x1, x2, y }
        })
        .collect()
}

/// Class 1 around (2, 2), class 0 around (−2, −2); the variance grows from 0.5 (clean) to 4
/// (noise 50 %), so the blobs overlap more and more.
fn gauss(n: usize, noise: f64, rng: &mut ChaCha8Rng) -> Vec<Point> {
    let variance = 0.5 + (4.0 - 0.5) * noise / 0.5;
    let spread = variance.sqrt();
    (0..n)
        .map(|i| {
            let (centre, y) = if is_first_half(i, n) { (2.0, 1.0) } else { (-2.0, 0.0) };
            let x1 = bounce_into_view(centre + spread * normal(rng));
            let x2 = bounce_into_view(centre + spread * normal(rng));
            Point { x1, x2, y }
        })
        .collect()
}

/// Two spirals of 1.75 turns out to radius 5, the second turned by half a turn; noise shifts
/// each point by up to ±0.5 in each direction (at 50 %).
fn spiral(n: usize, noise: f64, rng: &mut ChaCha8Rng) -> Vec<Point> {
    let arm = |count: usize, turn: f64, y: f64, rng: &mut ChaCha8Rng| -> Vec<Point> {
        (0..count)
            .map(|i| {
                let along = i as f64 / count as f64; // 0 at the centre, towards 1 at the tip
                let r = along * 5.0;
                let t = 1.75 * along * TAU + turn;
                let x1 = r * sin(t) + uniform(rng, -1.0, 1.0) * noise;
                let x2 = r * cos(t) + uniform(rng, -1.0, 1.0) * noise;
                Point { x1, x2, y }
            })
            .collect()
    };
    let mut points = arm(n - n / 2, 0.0, 1.0, rng);
    points.extend(arm(n / 2, PI, 0.0, rng));
    points
}

/// scikit-learn's `make_moons`, stretched 3× and centred: class 0 is the upper moon, class 1
/// the lower one hooked into it. Noise adds Gaussian spread of up to 1.0 (at 50 %).
fn moons(n: usize, noise: f64, rng: &mut ChaCha8Rng) -> Vec<Point> {
    const SCALE: f64 = 3.0;
    let spread = 2.0 * noise;
    (0..n)
        .map(|i| {
            let t = uniform(rng, 0.0, PI);
            // make_moons spans x ∈ [−1, 2], y ∈ [−0.5, 1]; its centre (0.5, 0.25) goes to the origin.
            let (u, v, y) = if is_first_half(i, n) { (1.0 - cos(t), 0.5 - sin(t), 1.0) } else { (cos(t), sin(t), 0.0) };
            let x1 = bounce_into_view(SCALE * (u - 0.5) + spread * normal(rng));
            let x2 = bounce_into_view(SCALE * (v - 0.25) + spread * normal(rng));
            Point { x1, x2, y }
        })
        .collect()
}
