//! The training and dev sets in the lecture's layout.

use ndarray::{Array1, Array2};

use crate::data::{self, digits, Image, Point};
use crate::train::Config;

/// A labelled set in the lecture's layout: X is (n_x, m), Y is (m), made from 2-D points or
/// (digits mode) from images; the other list is empty.
#[derive(Clone, Debug)]
pub struct Examples {
    pub points: Vec<Point>,
    pub images: Vec<Image>,
    pub x: Array2<f64>,
    pub y: Array1<f64>,
}

impl Examples {
    pub fn new(points: Vec<Point>, config: &Config) -> Examples {
        let x = data::feature_matrix(&points, &config.features);
        let y = data::labels(&points);
        Examples { points, images: Vec::new(), x, y }
    }

    /// Images as examples: X holds their 64 pixels, one column per image.
    pub fn of_images(images: Vec<Image>) -> Examples {
        let x = digits::pixel_matrix(&images);
        let y = digits::image_labels(&images);
        Examples { points: Vec::new(), images, x, y }
    }

    pub fn len(&self) -> usize {
        self.y.len()
    }

    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }
}
