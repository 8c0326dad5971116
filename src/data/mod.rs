//! Seeded 2-D datasets, the input features computed from them, and the train/dev split.
//! Pure Rust, no web types. Read in this order: `datasets` (and `keeper`) → `features` →
//! `split`; `random` holds the portable draws they all share (with `crate::math`).
//!
//! Every result depends only on its arguments and the rng state, and is bit-identical on
//! every platform: the only randomness is `rng.random::<f64>()`, and `sin`, `cos` and `ln`
//! are computed here from basic arithmetic instead of the platform's libm.

pub mod augment;
pub mod augment_images;
pub mod csv;
pub mod datasets;
pub mod digits;
pub mod digits_csv;
pub mod features;
pub mod keeper;
pub(crate) mod random;
pub mod split;
pub mod view;

pub use augment::{augment, Augmentation};
pub use augment_images::augment_images;
pub use datasets::{generate, Dataset};
pub use digits::Image;
pub use features::{feature_matrix, labels, Feature};
pub use keeper::{KEEPER_DEFAULT_NOISE, KEEPER_DEFAULT_POINTS};
pub use split::split;
pub use view::{features_of, grid_points};

/// The view square is [−VIEW, VIEW]² in input coordinates, as in TensorFlow Playground;
/// every dataset lies inside it.
pub const VIEW: f64 = 6.0;

/// One example: its two coordinates and its label `y`, 0.0 or 1.0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x1: f64,
    pub x2: f64,
    pub y: f64,
}
