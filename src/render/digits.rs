//! Digits mode's pictures as RGBA pixels, each put on its canvas in one `put_image_data`:
//! the dev images tinted by P(y = 1) with the wrong ones framed, every first-layer unit's
//! weights as an 8×8 picture, the pixels still in use, and a strip of one image and its
//! augmented copies. Pure Rust, tested natively; `web::digits` draws them.

use ndarray::Array2;

use super::boundary::Image as Canvas;
use super::colors::{self, background_lut, Rgb};
use super::network::{subscript, Diagram, Rect};
use crate::data::digits::{Image, PIXELS, SIDE};
use crate::nn::{Dropout, Mlp};

/// The page's ink (style.css `--ink`): the strokes of a digit, the frame of a wrong answer.
pub const INK: Rgb = [29, 35, 41];
/// Paper: behind the pictures, and a weight that is exactly 0.
pub const PAPER: Rgb = [255, 255, 255];
/// A first-layer weight's colour: the links' (orange below 0, blue above, on the one fixed
/// scale of `colors::weight_color`, full at |w| = 1.5), so a unit's picture and its links
/// agree and L2 visibly fades both; exactly 0 is paper, so L1's zeros stand out from small
/// weights.
pub fn weight_color(w: f64) -> Rgb {
    if w == 0.0 {
        return PAPER;
    }
    colors::weight_color(w)
}

fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    std::array::from_fn(|c| (a[c] as f64 + (b[c] as f64 - a[c] as f64) * t.clamp(0.0, 1.0)).round() as u8)
}

/// Where `count` square tiles go on a `width`×`height` canvas: the largest whole-pixel tile
/// side (at least `SIDE`, a pixel per image pixel) and the number of columns.
pub fn tile_grid(count: usize, width: usize, height: usize) -> (usize, usize) {
    let count = count.max(1);
    let mut best = (SIDE, width.max(1) / SIDE);
    for columns in 1..=count {
        let rows = count.div_ceil(columns);
        let side = (width / columns).min(height / rows);
        if side > best.0 || (side == best.0 && columns < best.1) {
            best = (side, columns);
        }
    }
    (best.0.max(SIDE), best.1.max(1))
}

/// Fills the square at (x, y) of side `side` with an 8×8 picture: a gap of `gap` pixels of
/// the background on every side, each picture pixel a block of whole or nearly whole pixels.
fn put_picture(canvas: &mut Canvas, x: usize, y: usize, side: usize, gap: usize, color: impl Fn(usize) -> Rgb) {
    let inner = side.saturating_sub(2 * gap).max(1);
    let colors: [Rgb; PIXELS] = std::array::from_fn(color); // once per picture pixel, not per canvas pixel
    for py in 0..inner {
        for px in 0..inner {
            let (cx, cy) = (x + gap + px, y + gap + py);
            if cx >= canvas.width || cy >= canvas.height {
                continue;
            }
            let [r, g, b] = colors[(py * SIDE / inner) * SIDE + px * SIDE / inner];
            let i = (cy * canvas.width + cx) * 4;
            canvas.rgba[i..i + 4].copy_from_slice(&[r, g, b, 255]);
        }
    }
}

/// A frame of `thickness` pixels just inside the square at (x, y).
fn frame(canvas: &mut Canvas, x: usize, y: usize, side: usize, thickness: usize, color: Rgb) {
    for py in 0..side {
        for px in 0..side {
            let edge = px < thickness || py < thickness || px + thickness >= side || py + thickness >= side;
            let (cx, cy) = (x + px, y + py);
            if edge && cx < canvas.width && cy < canvas.height {
                let i = (cy * canvas.width + cx) * 4;
                canvas.rgba[i..i + 4].copy_from_slice(&[color[0], color[1], color[2], 255]);
            }
        }
    }
}

/// The dev images in a grid, each on a background tinted by P(y = 1) (the boundary's washed
/// scale: blue for the first digit, orange for the second), its strokes in ink, the ones the
/// network gets wrong framed in ink. Returns the tile side and the number of columns.
pub fn paint_dev_images(canvas: &mut Canvas, images: &[Image], p: &[f64]) -> (usize, usize) {
    canvas.fill(PAPER);
    let (side, columns) = tile_grid(images.len(), canvas.width, canvas.height);
    let lut = background_lut();
    let thickness = (side / 12).max(1);
    for (k, (image, &prob)) in images.iter().zip(p).enumerate() {
        let (x, y) = ((k % columns) * side, (k / columns) * side);
        let [r, g, b, _] = lut[(prob.clamp(0.0, 1.0) * 255.0).round() as usize];
        let tint = [r, g, b];
        put_picture(canvas, x, y, side, 1, |q| mix(tint, INK, image.pixels[q]));
        if (prob > 0.5) != (image.y > 0.5) {
            frame(canvas, x, y, side, thickness, INK);
        }
    }
    (side, columns)
}

/// Every first-layer unit's incoming weights `W[1]ᵢ,:` (rows of `w1`, 64 long) as an 8×8
/// picture on the links' colour scale. Returns the tile side and the number of columns.
pub fn paint_filters(canvas: &mut Canvas, w1: &[[f64; PIXELS]]) -> (usize, usize) {
    canvas.fill(PAPER);
    let (side, columns) = tile_grid(w1.len(), canvas.width, canvas.height);
    let gap = (side / 10).max(1);
    for (k, row) in w1.iter().enumerate() {
        let (x, y) = ((k % columns) * side, (k / columns) * side);
        put_picture(canvas, x, y, side, gap, |q| weight_color(row[q]));
    }
    (side, columns)
}

/// "Pixels in use": the 8×8 map of inputs with at least one weight out of them that is not
/// exactly 0 (the feature selection of quiz 9), darker the larger their weights; a pixel
/// nothing reads any more is paper. `strength[p]` is Σᵢ |W[1]ᵢ,p|.
pub fn paint_pixels_in_use(canvas: &mut Canvas, strength: &[f64; PIXELS]) {
    canvas.fill(PAPER);
    let side = canvas.width.min(canvas.height);
    let top = strength.iter().cloned().fold(0.0, f64::max);
    put_picture(canvas, 0, 0, side, 0, |p| {
        if strength[p] == 0.0 {
            PAPER
        } else {
            // in use is never lighter than a clear grey, so a tiny weight still shows
            mix(super::colors::MIDDLE, INK, 0.25 + 0.75 * strength[p] / top)
        }
    });
    // a thin grid, so unused pixels are visible as cells
    let cell = side as f64 / SIDE as f64;
    for i in 0..=SIDE {
        let at = ((i as f64 * cell).round() as usize).min(side.saturating_sub(1));
        for t in 0..side {
            for (x, y) in [(at, t), (t, at)] {
                let j = (y * canvas.width + x) * 4;
                canvas.rgba[j..j + 4].copy_from_slice(&[200, 205, 210, 255]);
            }
        }
    }
}

/// A strip of images side by side (an original, then its copies), in ink on paper: the
/// width cut into one equal cell per image (as the captions below are), each picture as large
/// as its cell and the height allow, centred in it. Returns the picture side.
pub fn paint_strip(canvas: &mut Canvas, images: &[Image]) -> usize {
    canvas.fill(PAPER);
    let cell = canvas.width / images.len().max(1);
    let side = cell.min(canvas.height);
    let gap = (side / 12).max(1);
    for (k, image) in images.iter().enumerate() {
        put_picture(canvas, k * cell + (cell - side) / 2, 0, side, gap, |q| mix([246, 247, 248], INK, image.pixels[q]));
    }
    side
}

/// The network diagram of digits mode: the 64 inputs as one 8×8 tile (not 64 circles),
/// one link from it to each first-layer unit, drawn by the size of that unit's incoming
/// weights ‖W[1]ᵢ,:‖ (dashed when L1 has put all 64 at exactly 0); the rest as on 2-D data.
pub fn diagram(net: &Mlp, dropout: Option<&Dropout>, width: f64, height: f64, scale: f64) -> Diagram {
    let norms: Vec<f64> = net.weights()[0].rows().into_iter().map(|row| row.iter().map(|w| w * w).sum::<f64>().sqrt()).collect();
    let mut weights = net.weights().to_vec();
    weights[0] = Array2::from_shape_vec((norms.len(), 1), norms).expect("one norm per unit");
    let collapsed = Mlp::from_params(weights, net.biases().to_vec(), net.activation()).expect("the same shapes but one input");
    let mut d = Diagram::new(&collapsed, &[], dropout, width, height, scale);
    // the tile: as large as the left part of the canvas allows, centred where the input was
    let first = d.layout.nodes[0][0];
    let column = d.layout.columns.get(1).map_or(width / 3.0, |&x| x - d.layout.nodes[1][0].w);
    let side = (column * 0.7).min(height * 0.5).min(96.0 * scale).max(first.w).floor();
    let tile = Rect {
        x: (first.x + first.w - side).max(2.0 * scale).round(),
        y: (first.y + first.h / 2.0 - side / 2.0).round(),
        w: side,
        h: side,
    };
    d.layout.nodes[0][0] = tile;
    for node in d.nodes.iter_mut().filter(|n| n.layer == 0) {
        node.rect = tile;
        node.label = format!("{PIXELS} px");
    }
    for edge in d.edges.iter_mut().filter(|e| e.link.layer == 1) {
        edge.link.x1 = tile.x + tile.w;
        edge.link.y1 = tile.y + tile.h / 2.0;
        edge.label = format!("‖W[1]{},:‖", subscript(edge.link.to + 1));
    }
    d
}

/// The RGBA pixels of a `size`×`size` picture of an 8×8 image in ink on paper.
pub fn image_pixels(pixels: &[f64; PIXELS], size: usize) -> Vec<u8> {
    let mut canvas = Canvas::new(size, size);
    put_picture(&mut canvas, 0, 0, size, 0, |q| mix(PAPER, INK, pixels[q]));
    canvas.rgba
}

/// The RGBA pixels of a `size`×`size` picture of one unit's 64 incoming weights.
pub fn filter_pixels(row: &[f64; PIXELS], size: usize, dropped: bool) -> Vec<u8> {
    let mut canvas = Canvas::new(size, size);
    put_picture(&mut canvas, 0, 0, size, 0, |q| {
        let c = weight_color(row[q]);
        if dropped {
            mix(c, PAPER, 0.8)
        } else {
            c
        }
    });
    canvas.rgba
}
