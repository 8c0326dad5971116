//! What every chart drawn with plotters-canvas shares: the device-pixel scale, the colours
//! of ink and grid, the font, tick labels, and the words the page hands in.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle};

pub(super) const INK: RGBColor = RGBColor(29, 35, 41);
pub(super) const MUTED: RGBColor = RGBColor(95, 107, 118);
pub(super) const GRID: RGBColor = RGBColor(232, 235, 238);
/// The family by name (not `"sans-serif".into()`): plotters reads a family's text with
/// `to_lowercase`, whose Unicode tables cost the wasm about 5 KB gzipped.
pub(super) const FONT: FontFamily<'static> = FontFamily::SansSerif;

/// Declares a chart's words: a struct read from the page's object keyed by name (`words()` in
/// www/i18n.js; each field's name in camelCase), a field keeping its English when the page
/// leaves it out.
macro_rules! chart_words {
    ($(#[$meta:meta])* $name:ident { $($field:ident: $english:literal),* $(,)? }) => {
        $(#[$meta])*
        struct $name {
            $($field: String),*
        }

        impl $name {
            fn read(words: &wasm_bindgen::JsValue) -> $name {
                $name { $($field: super::chart_kit::word(words, stringify!($field), $english)),* }
            }
        }
    };
}
pub(super) use chart_words;

/// The text under `field` (in camelCase: `dev_cost` is `devCost`) of the page's object of
/// words, or `english` when it has none.
pub(super) fn word(words: &wasm_bindgen::JsValue, field: &str, english: &str) -> String {
    let mut key = String::with_capacity(field.len());
    let mut upper = false;
    for c in field.chars() {
        match c {
            '_' => upper = true,
            _ if upper => {
                key.push(c.to_ascii_uppercase());
                upper = false;
            }
            _ => key.push(c),
        }
    }
    js_sys::Reflect::get(words, &key.into()).ok().and_then(|v| v.as_string()).unwrap_or_else(|| english.to_string())
}

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
        FontDesc::new(FONT, css * self.0, FontStyle::Normal)
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

/// An iteration on the time axis (an f64 axis from 0 to at least 10 with at most 10 ticks,
/// so every tick is a whole iteration): thousands as "12.5k" once the axis reaches 10,000.
pub(super) fn iteration_tick(v: f64, x_max: f64) -> String {
    if x_max >= 10_000.0 && v > 0.0 {
        format!("{}k", tick(v / 1000.0, 3))
    } else {
        format!("{}", v.round() as u64)
    }
}

/// The pieces of a label with subscripts: "w₁" is "w" then a subscript "1", "‖W[l]‖_F" is
/// "‖W[l]‖" then a subscript "F" (an underscore takes the one character after it).
pub(super) fn subscript_runs(text: &str) -> Vec<(String, bool)> {
    let mut runs: Vec<(String, bool)> = Vec::new();
    let mut push = |c: char, sub: bool| match runs.last_mut() {
        Some((s, was)) if *was == sub => s.push(c),
        _ => runs.push((c.to_string(), sub)),
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '₀'..='₉' => push(char::from(b'0' + (c as u32 - '₀' as u32) as u8), true),
            '_' if chars.peek().is_some_and(|n| n.is_alphanumeric()) => push(chars.next().unwrap_or(c), true),
            _ => push(c, false),
        }
    }
    runs
}

/// (left, top, width, height) of a text in device pixels, and the width of each of its runs.
type TextBox = ((i32, i32, i32, i32), Vec<i32>);

/// Where `draw_subscripted` puts `text`.
pub(super) fn subscripted_box<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    text: &str,
    size: f64,
    (h, v): (HPos, VPos),
    at: (i32, i32),
) -> Result<TextBox, DrawingAreaErrorKind<DB::ErrorType>> {
    let runs = subscript_runs(text);
    let mut widths = Vec::with_capacity(runs.len());
    for (s, sub) in &runs {
        widths.push(area.estimate_text_size(s, &subscript_font(size, *sub).into())?.0 as i32);
    }
    let width = widths.iter().sum::<i32>();
    let height = (size * 1.15).round() as i32 + if runs.iter().any(|r| r.1) { subscript_drop(size) / 2 } else { 0 };
    let left = match h {
        HPos::Left => at.0,
        HPos::Right => at.0 - width,
        HPos::Center => at.0 - width / 2,
    };
    let top = match v {
        VPos::Top => at.1,
        VPos::Bottom => at.1 - height,
        VPos::Center => at.1 - height / 2,
    };
    Ok(((left, top, width, height), widths))
}

fn subscript_font(size: f64, sub: bool) -> FontDesc<'static> {
    FontDesc::new(FONT, if sub { size * 0.78 } else { size }, FontStyle::Normal)
}

fn subscript_drop(size: f64) -> i32 {
    (size * 0.42).round() as i32
}

/// Draws `text` at `size` device pixels with its subscripts (see `subscript_runs`) as
/// smaller, lowered text elements of their own: a subscript character of the font itself
/// reads as a dot at 11 px ("w." for w₁). Anchored like `Pos::new(h, v)` at `at`.
pub(super) fn draw_subscripted<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    text: &str,
    size: f64,
    color: &RGBColor,
    anchor: (HPos, VPos),
    at: (i32, i32),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let ((mut x, top, ..), widths) = subscripted_box(area, text, size, anchor, at)?;
    for ((s, sub), w) in subscript_runs(text).iter().zip(widths) {
        let style = subscript_font(size, *sub).color(color).pos(Pos::new(HPos::Left, VPos::Top));
        area.draw_text(s, &style, (x, top + if *sub { subscript_drop(size) } else { 0 }))?;
        x += w;
    }
    Ok(())
}
