//! What every chart drawn with plotters-canvas shares: the device-pixel scale, the colours
//! of ink and grid, the font, and tick labels.

use plotters::prelude::*;
use plotters::style::FontDesc;

pub(super) const INK: RGBColor = RGBColor(29, 35, 41);
pub(super) const MUTED: RGBColor = RGBColor(95, 107, 118);
pub(super) const GRID: RGBColor = RGBColor(232, 235, 238);
pub(super) const FONT: &str = "sans-serif";

pub(super) fn rgb([r, g, b]: [u8; 3]) -> RGBColor {
    RGBColor(r, g, b)
}

/// CSS pixels to device pixels.
#[derive(Clone, Copy)]
pub(super) struct Px(pub(super) f64);

impl Px {
    /// The page's devicePixelRatio, kept within sensible bounds.
    pub(super) fn new(ratio: f64) -> Px {
        Px(if ratio.is_finite() { ratio.clamp(0.5, 4.0) } else { 1.0 })
    }
    pub(super) fn i(self, css: f64) -> i32 {
        (css * self.0).round() as i32
    }
    pub(super) fn u(self, css: f64) -> u32 {
        (css * self.0).round().max(1.0) as u32
    }
    pub(super) fn font(self, css: f64) -> FontDesc<'static> {
        (FONT, css * self.0).into_font()
    }
}

/// A tick value with at most `digits` decimals and no more than it needs, and a true minus sign.
pub(super) fn tick(v: f64, digits: usize) -> String {
    let s = format!("{v:.digits$}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match s {
        "-0" => "0".into(),
        _ => s.replace('-', "\u{2212}"),
    }
}

/// An iteration on the time axis: thousands as "12.5k" once the axis reaches 10,000.
pub(super) fn iteration_tick(v: u64, x_max: u64) -> String {
    if x_max >= 10_000 && v > 0 {
        format!("{}k", tick(v as f64 / 1000.0, 3))
    } else {
        v.to_string()
    }
}
