//! Pure pixel work, testable natively: the colour scale and the decision boundary image.

pub mod boundary;
pub mod colors;
pub mod fast_grid;
pub mod histogram;
pub mod network;
pub mod norms;

pub use boundary::{frontier_length, grid_points, Image};
