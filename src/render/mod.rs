//! Pure pixel work, testable natively: the colour scale, the decision boundary image, the
//! network diagram's layout. Reads `nn`, `data` and `instruments`, never `train`.

pub mod boundary;
pub mod colors;
pub mod digits;
pub mod fast_grid;
pub mod network;

pub use boundary::{frontier_length, points_key, Image, PointsLayer};
