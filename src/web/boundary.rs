//! One session's decision boundary on a canvas, for the main view and Compare's runs alike:
//! P(y = 1) (or a neuron's map) over the view square through the colour scale, the dev points
//! outlined, the augmented copies faded, the real training points on top; one `putImageData`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::Clamped;
use web_sys::{CanvasRenderingContext2d, ImageData};

use crate::data::Point;
use crate::instruments::sample;
use crate::render::fast_grid::FastGrid;
use crate::render::{points_key, Image, PointsLayer};
use crate::train::Session;

const AUGMENTED_OPACITY: f64 = 0.35;

/// What to paint: the network evaluated on a `grid`×`grid` lattice (the image interpolates
/// between its cells); `map` (of the same lattice) replaces the network's P(y = 1) when given (a focused neuron's map);
/// `options` bit 0 shows the dev points, bit 1 paints classes instead of probabilities; points
/// have a radius of 1/120 of the canvas, at least `min_radius` pixels.
pub(super) struct Paint<'a> {
    pub grid: usize,
    pub map: Option<Vec<f64>>,
    pub options: u32,
    pub min_radius: f64,
    pub ctx: &'a CanvasRenderingContext2d,
    pub width: u32,
    pub height: u32,
}

/// The points are drawn once per data, options and size into `points`, then laid over each
/// frame's probabilities (see `PointsLayer`), so a frame's work does not grow with the data.
pub(super) fn paint(
    image: &mut Image,
    fast_grid: &mut FastGrid,
    points: &mut PointsLayer,
    session: &Session,
    how: Paint,
) -> Result<(), JsValue> {
    let (w, h) = (how.width.max(1) as usize, how.height.max(1) as usize);
    image.resize(w, h);
    if session.config().dataset.is_images() {
        // digits mode has no plane of inputs: the dev images tinted by P(y = 1), wrong ones framed
        let p = session.net().predict(session.dev_set().x.view()).to_vec();
        crate::render::digits::paint_dev_images(image, &session.dev_set().images, &p);
        let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&image.rgba), w as u32, h as u32)?;
        return how.ctx.put_image_data(&data, 0.0, 0.0);
    }
    let discrete = how.options & 2 != 0;
    match how.map {
        Some(map) => image.paint_probabilities(&map, how.grid, discrete),
        None => {
            let p = fast_grid.probabilities(session.net(), &session.config().features, how.grid);
            image.paint_probabilities(&p, how.grid, discrete);
        }
    }
    let radius = (w.min(h) as f64 / 120.0).max(how.min_radius);
    let dev: &[Point] = if how.options & 1 != 0 { &session.dev_set().points } else { &[] };
    // augmented copies are context drawn faintly: a bounded, evenly spaced share of them
    let augmented = sample::bounded(session.augmented_points(), sample::MOST_AUGMENTED_DRAWN);
    let real = session.real_train_points();
    let key = points_key(radius.to_bits(), &[dev, &augmented, real]);
    points.paint(image, key, |image| {
        image.draw_points(dev, radius, false, 1.0);
        image.draw_points(&augmented, radius * 0.8, true, AUGMENTED_OPACITY);
        image.draw_points(real, radius, true, 1.0);
    });
    let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&image.rgba), w as u32, h as u32)?;
    how.ctx.put_image_data(&data, 0.0, 0.0)
}
