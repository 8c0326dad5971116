//! The view square as points: the grid the boundary, the neuron maps and the linearity fit
//! are evaluated on, and the features of points.

use ndarray::{Array2, ArrayView2};

use super::{Feature, VIEW};

/// The centres of an n×n grid over [−VIEW, VIEW]², row-major, row 0 at the top, as a
/// (2, n²) matrix of (x₁, x₂) columns.
pub fn grid_points(n: usize) -> Array2<f64> {
    let cell = 2.0 * VIEW / n as f64;
    Array2::from_shape_fn((2, n * n), |(c, k)| {
        let (row, col) = (k / n, k % n);
        if c == 0 {
            -VIEW + (col as f64 + 0.5) * cell
        } else {
            VIEW - (row as f64 + 0.5) * cell
        }
    })
}

/// The feature rows of X for raw (x1, x2) columns.
pub fn features_of(points: ArrayView2<f64>, features: &[Feature]) -> Array2<f64> {
    Array2::from_shape_fn((features.len(), points.ncols()), |(f, i)| features[f].value(points[[0, i]], points[[1, i]]))
}
