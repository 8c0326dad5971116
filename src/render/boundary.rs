//! The decision boundary as pixels: P(y = 1) on an n×n grid over the view square, stretched
//! to the canvas by bilinear interpolation and coloured through a lookup table; then the
//! points, training ones filled and dev ones outlined.

use super::colors::{background_lut, class_color, Rgb};
use crate::data::{Point, VIEW};

/// Pixels of an RGBA image.
pub struct Image {
    pub width: usize,
    pub height: usize,
    pub rgba: Vec<u8>,
}

impl Image {
    pub fn new(width: usize, height: usize) -> Image {
        Image { width, height, rgba: vec![0; width * height * 4] }
    }

    pub fn resize(&mut self, width: usize, height: usize) {
        self.width = width;
        self.height = height;
        self.rgba.resize(width * height * 4, 0);
    }

    pub fn fill(&mut self, color: Rgb) {
        for px in self.rgba.chunks_exact_mut(4) {
            px.copy_from_slice(&[color[0], color[1], color[2], 255]);
        }
    }

    /// Where input coordinates land on the image, in pixels.
    pub fn to_pixel(&self, x1: f64, x2: f64) -> (f64, f64) {
        ((x1 + VIEW) / (2.0 * VIEW) * self.width as f64, (VIEW - x2) / (2.0 * VIEW) * self.height as f64)
    }

    /// Fills the image with the probability grid `p` (n×n, row 0 at the top), each pixel
    /// interpolated between the four nearest cell centres. With `discrete`, only the class.
    pub fn paint_probabilities<T: Copy + Into<f64>>(&mut self, p: &[T], n: usize, discrete: bool) {
        assert_eq!(p.len(), n * n);
        let lut = background_lut();
        let (w, h) = (self.width, self.height);
        // for each column: the two grid columns around it and the weight of the right one
        let axis = |size: usize| -> Vec<(usize, usize, f64)> {
            (0..size)
                .map(|i| {
                    let g = ((i as f64 + 0.5) / size as f64 * n as f64 - 0.5).clamp(0.0, (n - 1) as f64);
                    let lo = g.floor() as usize;
                    (lo, (lo + 1).min(n - 1), g - lo as f64)
                })
                .collect()
        };
        let cols = axis(w);
        let mut row_p = vec![0.0; n];
        for (y, &(r0, r1, fy)) in axis(h).iter().enumerate() {
            // interpolate between the two grid rows once, then along the row per pixel
            for (c, v) in row_p.iter_mut().enumerate() {
                let (top, bottom): (f64, f64) = (p[r0 * n + c].into(), p[r1 * n + c].into());
                *v = top + (bottom - top) * fy;
            }
            let row = &mut self.rgba[y * w * 4..(y + 1) * w * 4];
            for (px, &(c0, c1, fx)) in row.chunks_exact_mut(4).zip(&cols) {
                let mut v = row_p[c0] + (row_p[c1] - row_p[c0]) * fx;
                if discrete {
                    v = if v > 0.5 { 1.0 } else { 0.0 };
                }
                // `as` saturates: below 0 and NaN go to 0, above 1 to the last entry
                px.copy_from_slice(&lut[((v * 255.0 + 0.5) as usize).min(255)]);
            }
        }
    }

    /// Training points: discs in their class colour with a thin white rim.
    /// Dev points: rings in their class colour, hollow, so the boundary shows through.
    /// `opacity` below 1 draws them faded (augmented copies).
    pub fn draw_points(&mut self, points: &[Point], radius: f64, filled: bool, opacity: f64) {
        const WHITE: Rgb = [255, 255, 255];
        const DARK: Rgb = [40, 40, 40];
        for p in points {
            let (cx, cy) = self.to_pixel(p.x1, p.x2);
            let color = class_color(p.y);
            if filled {
                self.disc(cx, cy, radius + radius * 0.3, WHITE, 0.9 * opacity);
                self.disc(cx, cy, radius, color, opacity);
            } else {
                let width = (radius * 0.45).max(1.5);
                self.ring(cx, cy, radius + width * 0.5, width + 1.0, DARK, 0.6 * opacity);
                self.ring(cx, cy, radius, width, color, opacity);
            }
        }
    }

    /// An anti-aliased disc: each pixel blended by how much of it the disc covers.
    fn disc(&mut self, cx: f64, cy: f64, r: f64, color: Rgb, alpha: f64) {
        self.shape(cx, cy, r + 1.0, color, |d| (r + 0.5 - d).clamp(0.0, 1.0) * alpha);
    }

    /// An anti-aliased ring of the given centre radius and stroke width.
    fn ring(&mut self, cx: f64, cy: f64, r: f64, width: f64, color: Rgb, alpha: f64) {
        let half = width / 2.0;
        self.shape(cx, cy, r + half + 1.0, color, |d| (half + 0.5 - (d - r).abs()).clamp(0.0, 1.0) * alpha);
    }

    fn shape(&mut self, cx: f64, cy: f64, reach: f64, color: Rgb, coverage: impl Fn(f64) -> f64) {
        let x0 = (cx - reach).floor().max(0.0) as usize;
        let y0 = (cy - reach).floor().max(0.0) as usize;
        let x1 = ((cx + reach).ceil() as usize).min(self.width);
        let y1 = ((cy + reach).ceil() as usize).min(self.height);
        for y in y0..y1 {
            for x in x0..x1 {
                let d = ((x as f64 + 0.5 - cx).powi(2) + (y as f64 + 0.5 - cy).powi(2)).sqrt();
                let a = coverage(d);
                if a > 0.0 {
                    let i = (y * self.width + x) * 4;
                    for (pixel, &want) in self.rgba[i..i + 3].iter_mut().zip(&color) {
                        let v = *pixel as f64;
                        *pixel = (v + (want as f64 - v) * a).round() as u8;
                    }
                }
            }
        }
    }
}

/// The length of the class frontier on a probability grid: how many pairs of neighbouring
/// cells fall on different sides of 0.5. A wiggly, overfit boundary is long; a straight one
/// across the square is about n.
pub fn frontier_length(p: &[f64], n: usize) -> usize {
    let class = |i: usize| p[i] > 0.5;
    let mut count = 0;
    for r in 0..n {
        for c in 0..n {
            let i = r * n + c;
            if c + 1 < n && class(i) != class(i + 1) {
                count += 1;
            }
            if r + 1 < n && class(i) != class(i + n) {
                count += 1;
            }
        }
    }
    count
}

/// The points over the boundary, drawn once and kept while they, the image size and the
/// options stay the same: each frame then only lays them over the new probabilities (one pass
/// over the pixels), however many points there are. Kept as the points drawn over black
/// (their colour, premultiplied) and what shows of the background through them (one byte a
/// pixel): sequential "over" blending is `background · T + C`, so black gives C and white
/// gives 255·T + C.
#[derive(Default)]
pub struct PointsLayer {
    key: Option<u64>,
    layer: Vec<u8>,
}

impl PointsLayer {
    /// Lays the points `draw` paints over `image`; `key` names what `draw` paints (the points
    /// and options), so they are painted again only when it or the image size changes.
    pub fn paint(&mut self, image: &mut Image, key: u64, draw: impl Fn(&mut Image)) {
        let key = key ^ ((image.width as u64) << 40) ^ ((image.height as u64) << 20);
        if self.key != Some(key) || self.layer.len() != image.rgba.len() {
            let mut black = Image::new(image.width, image.height);
            black.fill([0, 0, 0]);
            draw(&mut black);
            let mut white = Image::new(image.width, image.height);
            white.fill([255, 255, 255]);
            draw(&mut white);
            self.layer = black.rgba;
            for (px, w) in self.layer.chunks_exact_mut(4).zip(white.rgba.chunks_exact(4)) {
                px[3] = w[0].saturating_sub(px[0]); // 255·T
            }
            self.key = Some(key);
        }
        for (px, l) in image.rgba.chunks_exact_mut(4).zip(self.layer.chunks_exact(4)) {
            if l[3] == 255 {
                continue; // nothing drawn here
            }
            let t = l[3] as u32;
            for c in 0..3 {
                px[c] = ((px[c] as u32 * t + 127) / 255 + l[c] as u32).min(255) as u8;
            }
        }
    }
}

/// A key for a list of points (their coordinates and classes, bit for bit), with `salt` for
/// how they are drawn.
pub fn points_key(salt: u64, lists: &[&[Point]]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64 ^ salt;
    let mut mix = |v: u64| h = (h ^ v).wrapping_mul(0x0100_0000_01b3);
    for list in lists {
        mix(list.len() as u64);
        for p in *list {
            mix(p.x1.to_bits());
            mix(p.x2.to_bits());
            mix(p.y.to_bits());
        }
    }
    h
}

#[cfg(test)]
mod points_layer_tests {
    use super::*;

    #[test]
    fn laid_points_look_as_drawn_points_within_a_few_levels() {
        let points: Vec<Point> =
            (0..300).map(|i| Point { x1: (i as f64 * 0.37).sin() * 5.0, x2: (i as f64 * 0.11).cos() * 5.0, y: (i % 2) as f64 }).collect();
        let p: Vec<f64> = (0..100).map(|i| i as f64 / 99.0).collect();
        let draw = |image: &mut Image| {
            image.draw_points(&points[..100], 3.0, false, 1.0);
            image.draw_points(&points[100..], 3.0, true, 0.35);
        };
        let mut direct = Image::new(120, 90);
        direct.paint_probabilities(&p, 10, false);
        draw(&mut direct);
        let mut laid = Image::new(120, 90);
        let mut layer = PointsLayer::default();
        for _ in 0..2 {
            // the second time from the kept layer
            laid.paint_probabilities(&p, 10, false);
            layer.paint(&mut laid, points_key(1, &[&points]), draw);
            let worst = direct.rgba.iter().zip(&laid.rgba).map(|(a, b)| (*a as i32 - *b as i32).abs()).max().unwrap();
            assert!(worst <= 4, "{worst} (each drawn shape rounds to a level; many overlap here)");
        }
    }
}
