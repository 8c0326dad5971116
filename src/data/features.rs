//! The network's inputs: the features TF Playground offers, and the matrices the lecture's
//! notation asks for, `X` of shape `(n_x, m)` with one column per example and `Y` of the labels.

use ndarray::{Array1, Array2};

use super::Point;
use crate::math::sin;

/// One input feature, computed from a point's coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    X1,
    X2,
    X1Sq,
    X2Sq,
    X1X2,
    SinX1,
    SinX2,
}

impl Feature {
    /// Every feature, in the order the page lists them.
    pub const ALL: [Feature; 7] = [Feature::X1, Feature::X2, Feature::X1Sq, Feature::X2Sq, Feature::X1X2, Feature::SinX1, Feature::SinX2];

    /// The name used in URLs (`features=`).
    pub fn name(self) -> &'static str {
        match self {
            Feature::X1 => "x1",
            Feature::X2 => "x2",
            Feature::X1Sq => "x1sq",
            Feature::X2Sq => "x2sq",
            Feature::X1X2 => "x1x2",
            Feature::SinX1 => "sinx1",
            Feature::SinX2 => "sinx2",
        }
    }

    /// The name shown on the page.
    pub fn label(self) -> &'static str {
        match self {
            Feature::X1 => "x₁",
            Feature::X2 => "x₂",
            Feature::X1Sq => "x₁²",
            Feature::X2Sq => "x₂²",
            Feature::X1X2 => "x₁x₂",
            Feature::SinX1 => "sin x₁",
            Feature::SinX2 => "sin x₂",
        }
    }

    /// The feature with this URL name, if any.
    pub fn parse(s: &str) -> Option<Feature> {
        Feature::ALL.into_iter().find(|f| f.name() == s)
    }

    /// The feature's value at (x₁, x₂). `sin` is the portable one, so inputs, like the data,
    /// are the same on every platform.
    pub fn value(self, x1: f64, x2: f64) -> f64 {
        match self {
            Feature::X1 => x1,
            Feature::X2 => x2,
            Feature::X1Sq => x1 * x1,
            Feature::X2Sq => x2 * x2,
            Feature::X1X2 => x1 * x2,
            Feature::SinX1 => sin(x1),
            Feature::SinX2 => sin(x2),
        }
    }
}

/// The network input `X` of shape `(n_x, m)`: row `i` is feature `features[i]`, column `j`
/// is `points[j]`.
pub fn feature_matrix(points: &[Point], features: &[Feature]) -> Array2<f64> {
    Array2::from_shape_fn((features.len(), points.len()), |(i, j)| features[i].value(points[j].x1, points[j].x2))
}

/// The labels `Y`, one 0.0/1.0 per point, in the points' order.
pub fn labels(points: &[Point]) -> Array1<f64> {
    points.iter().map(|p| p.y).collect()
}
