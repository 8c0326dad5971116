//! The training and dev sets in the lecture's layout.

use ndarray::{Array1, Array2};

use crate::data::{self, Point};
use crate::train::Config;

/// A labelled set in the lecture's layout: X is (n_x, m), Y is (m).
#[derive(Clone, Debug)]
pub struct Examples {
    pub points: Vec<Point>,
    pub x: Array2<f64>,
    pub y: Array1<f64>,
}

impl Examples {
    pub fn new(points: Vec<Point>, config: &Config) -> Examples {
        let x = data::feature_matrix(&points, &config.features);
        let y = data::labels(&points);
        Examples { points, x, y }
    }

    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}
