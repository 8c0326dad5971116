//! Data augmentation on real images, as the lecture means it: a digit turned a little,
//! moved by half a pixel, zoomed, or distorted is still the same digit, so its copy may join the
//! training set with its label. A mirrored digit is not (a flipped 4 is no 4 one writes), so
//! `flip` is offered to show an augmentation that does not keep the label and can hurt.
//!
//! Every transformation maps each pixel of the copy back to a point of the original and reads
//! it there by bilinear interpolation (blank outside the image). Each kind draws the same
//! number of random numbers for every image, so a seed always makes the same copies.

use rand_chacha::ChaCha8Rng;

use super::augment::{Augmentation, MAX_ROTATION_DEGREES, MAX_ZOOM};
use super::digits::{Image, PIXELS, SIDE};
use super::random::uniform;
use crate::math::{cos, exp, sin};

/// Largest shift, in pixels, along each axis: the copy moves by a random amount, uniform in
/// ±`MAX_SHIFT_PIXELS` across and down, read between pixels (as rotation is). UCI centred
/// every digit and scaled it to fill the 8 rows, so the real digits' centres of ink vary by
/// only about 0.3 pixel (σ; `where_the_ink_sits` in tests/digits.rs); a uniform ±0.5 has the
/// same spread. A whole pixel (1/8 of the image) pushes a row of ink out and makes digits unlike
/// any in the dev set: measured, ±1 pixel shifts raise the dev error (README, Digits mode).
pub const MAX_SHIFT_PIXELS: f64 = 0.5;
/// Elastic distortion: the smoothing of the random displacement field (σ, in pixels) and
/// the field's root-mean-square length after smoothing (in pixels).
pub const ELASTIC_SIGMA: f64 = 1.5;
pub const ELASTIC_RMS: f64 = 0.8;

/// The centre of the image, in (row, column) pixel coordinates.
const CENTRE: f64 = (SIDE as f64 - 1.0) / 2.0;

/// The augmented copies of `train`: one copy of every image for each kind, in order (as
/// `augment` does for points), labels kept.
pub fn augment_images(train: &[Image], kinds: &[Augmentation], rng: &mut ChaCha8Rng) -> Vec<Image> {
    kinds.iter().flat_map(|&kind| train.iter().map(|image| transform(kind, image, rng)).collect::<Vec<_>>()).collect()
}

/// One new image from `image`, with its label.
pub fn transform(kind: Augmentation, image: &Image, rng: &mut ChaCha8Rng) -> Image {
    let about_centre = |r: f64, c: f64, f: &dyn Fn(f64, f64) -> (f64, f64)| {
        let (dr, dc) = f(r - CENTRE, c - CENTRE);
        (CENTRE + dr, CENTRE + dc)
    };
    match kind {
        Augmentation::Flip => warp(image, |r, c| (r, SIDE as f64 - 1.0 - c)),
        Augmentation::Rotate => {
            let angle = uniform(rng, -MAX_ROTATION_DEGREES, MAX_ROTATION_DEGREES).to_radians();
            let (s, co) = (sin(angle), cos(angle));
            // the copy's pixel at angle θ came from the original's at −θ
            warp(image, |r, c| about_centre(r, c, &|dr, dc| (co * dr - s * dc, s * dr + co * dc)))
        }
        Augmentation::Zoom => {
            let factor = uniform(rng, 1.0 - MAX_ZOOM, 1.0 + MAX_ZOOM);
            warp(image, |r, c| about_centre(r, c, &|dr, dc| (dr / factor, dc / factor)))
        }
        Augmentation::Shift => {
            let dr = uniform(rng, -MAX_SHIFT_PIXELS, MAX_SHIFT_PIXELS);
            let dc = uniform(rng, -MAX_SHIFT_PIXELS, MAX_SHIFT_PIXELS);
            warp(image, |r, c| (r - dr, c - dc))
        }
        Augmentation::Jitter => elastic(image, rng),
    }
}

/// Elastic distortion (Simard et al. 2003, scaled to 8×8): every pixel gets a random
/// displacement, the field is smoothed with a Gaussian so that neighbours move together, and
/// scaled to an RMS length of `ELASTIC_RMS` pixels; the strokes bend instead of moving whole.
fn elastic(image: &Image, rng: &mut ChaCha8Rng) -> Image {
    let mut raw = [[0.0; PIXELS]; 2];
    for field in &mut raw {
        for v in field.iter_mut() {
            *v = uniform(rng, -1.0, 1.0);
        }
    }
    let weight = |d: usize| exp(-((d * d) as f64) / (2.0 * ELASTIC_SIGMA * ELASTIC_SIGMA));
    let mut smooth = [[0.0; PIXELS]; 2];
    for (field, out) in raw.iter().zip(&mut smooth) {
        for (p, smoothed) in out.iter_mut().enumerate() {
            let (r, c) = (p / SIDE, p % SIDE);
            let (mut sum, mut total) = (0.0, 0.0);
            for (q, v) in field.iter().enumerate() {
                let w = weight(r.abs_diff(q / SIDE)) * weight(c.abs_diff(q % SIDE));
                sum += w * v;
                total += w;
            }
            *smoothed = sum / total;
        }
    }
    let square: f64 = (0..PIXELS).map(|p| smooth[0][p] * smooth[0][p] + smooth[1][p] * smooth[1][p]).sum();
    let scale = if square > 0.0 { ELASTIC_RMS / (square / PIXELS as f64).sqrt() } else { 0.0 };
    warp(image, |r, c| {
        let p = r as usize * SIDE + c as usize;
        (r + scale * smooth[0][p], c + scale * smooth[1][p])
    })
}

/// The copy whose pixel (r, c) is the original read at `source(r, c)`.
fn warp(image: &Image, source: impl Fn(f64, f64) -> (f64, f64)) -> Image {
    let mut pixels = [0.0; PIXELS];
    for (p, v) in pixels.iter_mut().enumerate() {
        let (r, c) = source((p / SIDE) as f64, (p % SIDE) as f64);
        *v = bilinear(image, r, c);
    }
    Image { pixels, y: image.y }
}

/// The image read between pixels: the four around (r, c), weighted by closeness.
fn bilinear(image: &Image, r: f64, c: f64) -> f64 {
    let (r0, c0) = (r.floor(), c.floor());
    let (fr, fc) = (r - r0, c - c0);
    let (r0, c0) = (r0 as isize, c0 as isize);
    let top = (1.0 - fc) * image.at(r0, c0) + fc * image.at(r0, c0 + 1);
    let bottom = (1.0 - fc) * image.at(r0 + 1, c0) + fc * image.at(r0 + 1, c0 + 1);
    (1.0 - fr) * top + fr * bottom
}
