//! Data augmentation: new training points made from the ones we have, the 2-D
//! counterparts of the lecture's flipped, rotated and distorted images. They are cheap but
//! not independent of their originals, so they carry less information than new data.
//! Only the training set is augmented; the dev set stays real.

use rand_chacha::ChaCha8Rng;

use super::random::{bounce_into_view, normal, uniform};
use super::Point;

/// Largest rotation, like the small rotations used on images.
pub const MAX_ROTATION_DEGREES: f64 = 15.0;
/// Largest zoom: copies are scaled about the centre by a factor in ×(1 − MAX_ZOOM)–(1 + MAX_ZOOM).
pub const MAX_ZOOM: f64 = 0.1;
/// Standard deviation of the jitter, in input units (the view is 12 wide).
pub const JITTER: f64 = 0.3;
/// Largest shift of a point in each coordinate, in input units (an image moves by ±1 pixel).
pub const MAX_SHIFT: f64 = 0.75;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Augmentation {
    /// mirror left–right, `(x₁, x₂) → (−x₁, x₂)`: label-preserving only for data with that
    /// symmetry (the circle), as a flipped cat is a cat but a flipped 6 is not a 6
    Flip,
    /// turn about the origin by a random angle of at most ±15°
    Rotate,
    /// move each coordinate by a small random amount (σ = 0.3): the lecture's distortion
    Jitter,
    /// scale about the centre of the view by a random factor in ×0.9–1.1, like a zoomed image
    Zoom,
    /// move by a random offset of at most ±0.75 in each coordinate (an image: ±1 pixel)
    Shift,
}

impl Augmentation {
    pub const ALL: [Augmentation; 5] =
        [Augmentation::Flip, Augmentation::Rotate, Augmentation::Jitter, Augmentation::Zoom, Augmentation::Shift];

    pub fn name(self) -> &'static str {
        match self {
            Augmentation::Flip => "flip",
            Augmentation::Rotate => "rotate",
            Augmentation::Jitter => "jitter",
            Augmentation::Zoom => "zoom",
            Augmentation::Shift => "shift",
        }
    }

    pub fn parse(s: &str) -> Option<Augmentation> {
        Augmentation::ALL.into_iter().find(|a| a.name() == s)
    }

    /// One new point from `p`, with its label. Every kind draws the same number of random
    /// numbers whatever the point, so a seed always makes the same copies.
    fn apply(self, p: &Point, rng: &mut ChaCha8Rng) -> Point {
        let (x1, x2) = match self {
            Augmentation::Flip => (-p.x1, p.x2),
            Augmentation::Rotate => {
                let angle = uniform(rng, -MAX_ROTATION_DEGREES, MAX_ROTATION_DEGREES).to_radians();
                let (s, c) = (crate::math::sin(angle), crate::math::cos(angle));
                (c * p.x1 - s * p.x2, s * p.x1 + c * p.x2)
            }
            Augmentation::Jitter => (p.x1 + JITTER * normal(rng), p.x2 + JITTER * normal(rng)),
            Augmentation::Zoom => {
                let factor = uniform(rng, 1.0 - MAX_ZOOM, 1.0 + MAX_ZOOM);
                (factor * p.x1, factor * p.x2)
            }
            Augmentation::Shift => (p.x1 + uniform(rng, -MAX_SHIFT, MAX_SHIFT), p.x2 + uniform(rng, -MAX_SHIFT, MAX_SHIFT)),
        };
        Point { x1: bounce_into_view(x1), x2: bounce_into_view(x2), y: p.y }
    }
}

/// The augmented copies of `train`: one copy of every point for each kind, in order.
pub fn augment(train: &[Point], kinds: &[Augmentation], rng: &mut ChaCha8Rng) -> Vec<Point> {
    kinds.iter().flat_map(|&kind| train.iter().map(|p| kind.apply(p, rng)).collect::<Vec<_>>()).collect()
}
