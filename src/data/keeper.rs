//! The goalkeeper, after the regularization assignment of the Deep Learning Specialization's
//! second course: the goalkeeper kicks the ball up the field, and we want to know where a
//! French player (class 1) rather than an opponent (class 0) will head it.
//!
//! The field is the square [−5, 5]², balls land uniformly on it, and the clean frontier is a
//! smooth S-curve across it: `x₂ = 2 sin(0.6 x₁)`, French players winning above it. Real
//! matches are messy, so a ball that lands near the frontier may go to the other team:
//! with probability `noise · (1 − (d/REACH)²)²`, where `d` is how far above or below the
//! curve it landed (so at most `noise` right on the curve, falling smoothly to 0 at `REACH`).
//! Those few wrong labels near a curved frontier, in a small set, are what an unregularized
//! 2→20→3→1 or 2→8→8→1 tanh network chases with pockets and wiggles, and what λ or dropout
//! smooths away.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::random::uniform;
use super::Point;
use crate::math::sin;

/// Recommended noise (percent) for the keeper. A ball landing right on the frontier then goes
/// to the wrong team one time in four, and about 8 % of all labels are wrong, close to the
/// course's dataset (where the regularized model scores about 93 % on the test set). At this
/// noise and `KEEPER_DEFAULT_POINTS`, a 2→20→3→1 tanh network without regularization reaches
/// ~100 % training accuracy with pockets around the wrong labels, while L2 with λ ≈ 0.7 keeps
/// a smooth curve and scores better on the dev set.
pub const KEEPER_DEFAULT_NOISE: f64 = 25.0;

/// Recommended number of points for the keeper: with a 50 % training share, 200 to train on
/// and 200 to test on, like the course's 211 and 200.
pub const KEEPER_DEFAULT_POINTS: usize = 400;

/// How far (along x₂) from the frontier a ball can still go to the wrong team.
pub const REACH: f64 = 3.0;

const HALF_FIELD: f64 = 5.0;

/// The clean frontier: a French player heads the ball when it lands above `x₂ = frontier(x₁)`.
pub fn frontier(x1: f64) -> f64 {
    2.0 * sin(0.6 * x1)
}

/// The label without noise: 1.0 above the frontier, 0.0 below.
pub fn clean_label(x1: f64, x2: f64) -> f64 {
    if x2 > frontier(x1) {
        1.0
    } else {
        0.0
    }
}

/// The chance that a ball landing at (x₁, x₂) goes to the other team, for `noise` in percent
/// as in `generate` (clamped to 0..=50).
pub fn flip_probability(x1: f64, x2: f64, noise: f64) -> f64 {
    let noise = if noise.is_nan() { 0.0 } else { noise.clamp(0.0, 50.0) / 100.0 };
    flip_chance(x2 - frontier(x1), noise)
}

/// `noise` (a fraction) right on the frontier, smoothly down to 0 at distance REACH.
fn flip_chance(distance: f64, noise: f64) -> f64 {
    let closeness = 1.0 - (distance / REACH).powi(2);
    if closeness <= 0.0 {
        0.0
    } else {
        noise * closeness * closeness
    }
}

/// `n` balls, `noise` a fraction in [0, 0.5]. Every ball takes three draws whatever the noise,
/// so the seed fixes where the balls land and the noise only decides which labels flip.
pub(crate) fn generate(n: usize, noise: f64, rng: &mut ChaCha8Rng) -> Vec<Point> {
    (0..n)
        .map(|_| {
            let x1 = uniform(rng, -HALF_FIELD, HALF_FIELD);
            let x2 = uniform(rng, -HALF_FIELD, HALF_FIELD);
            let wrong_team = rng.random::<f64>() < flip_chance(x2 - frontier(x1), noise);
            let y = clean_label(x1, x2);
            Point { x1, x2, y: if wrong_team { 1.0 - y } else { y } }
        })
        .collect()
}
