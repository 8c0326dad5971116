//! The few drawing tools the charts need, straight on a canvas 2d context: areas of whole
//! pixels, lines, dashes, dots, bars and text, and a chart's axes with their ticks and grid.
//! The geometry is plotters' (0.3, which drew these charts first): the same layout of label
//! areas, the same value-to-pixel mapping, tick values and label placement, so the pictures
//! stay as they were; plotters itself was a quarter of the wasm binary.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

mod scale;
pub(super) use scale::{integer_ticks, ticks, Scale};

/// A colour with its opacity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Color {
    pub rgb: [u8; 3],
    pub alpha: f64,
}

impl Color {
    pub const fn rgb(rgb: [u8; 3]) -> Color {
        Color { rgb, alpha: 1.0 }
    }

    /// The colour at `alpha` times its opacity.
    pub fn mix(self, alpha: f64) -> Color {
        Color { alpha: self.alpha * alpha, ..self }
    }

    #[inline(never)]
    fn css(self) -> String {
        let [r, g, b] = self.rgb;
        format!("rgba({r},{g},{b},{})", self.alpha)
    }
}

pub(super) const WHITE: Color = Color::rgb([255, 255, 255]);

/// A rectangle of whole pixels, `x1` and `y1` excluded.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Area {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl Area {
    pub fn width(&self) -> i32 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> i32 {
        self.y1 - self.y0
    }

    /// `p` moved into the area, its right and bottom edges included.
    pub fn clamp(&self, p: (i32, i32)) -> (i32, i32) {
        (p.0.clamp(self.x0, self.x1), p.1.clamp(self.y0, self.y1))
    }

    /// The rows above `y` (from the top) and the rest.
    pub fn split_vertically(self, y: i32) -> (Area, Area) {
        let at = self.y0 + y;
        (Area { y1: at, ..self }, Area { y0: at, ..self })
    }

    /// The columns left of `x` and the rest.
    pub fn split_horizontally(self, x: i32) -> (Area, Area) {
        let at = self.x0 + x;
        (Area { x1: at, ..self }, Area { x0: at, ..self })
    }
}

/// Where text sits relative to its point.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum H {
    Left,
    Center,
    Right,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum V {
    Top,
    Middle,
    Bottom,
}

/// A text style: size in device pixels (the family is always sans-serif) and colour.
#[derive(Clone, Copy)]
pub(super) struct Font {
    pub size: f64,
    pub color: Color,
}

/// A canvas's 2d context and its whole area.
pub(super) struct Canvas {
    pub ctx: CanvasRenderingContext2d,
    pub area: Area,
}

impl Canvas {
    #[inline(never)]
    pub fn of(canvas: &HtmlCanvasElement, what: &str) -> Result<Canvas, JsValue> {
        let no_context = || JsValue::from_str(&format!("the {what} canvas has no 2d context"));
        let ctx = canvas.get_context("2d")?.ok_or_else(no_context)?.dyn_into().map_err(|_| no_context())?;
        Ok(Canvas { ctx, area: Area { x0: 0, y0: 0, x1: canvas.width() as i32, y1: canvas.height() as i32 } })
    }

    #[inline(never)]
    pub fn fill(&self, area: Area, color: Color) {
        self.rect((area.x0, area.y0), (area.x1, area.y1), color);
    }

    /// A filled rectangle between two corners.
    #[inline(never)]
    pub fn rect(&self, a: (i32, i32), b: (i32, i32), color: Color) {
        if color.alpha == 0.0 {
            return;
        }
        let (x0, y0) = (a.0.min(b.0), a.1.min(b.1));
        let (x1, y1) = (a.0.max(b.0), a.1.max(b.1));
        self.ctx.set_fill_style_str(&color.css());
        self.ctx.fill_rect(x0 as f64, y0 as f64, (x1 - x0) as f64, (y1 - y0) as f64);
    }

    #[inline(never)]
    fn stroke_style(&self, color: Color, width: u32) {
        self.ctx.set_stroke_style_str(&color.css());
        self.ctx.set_line_width(width as f64);
    }

    #[inline(never)]
    fn trace(&self, points: &[(i32, i32)]) {
        self.ctx.begin_path();
        if let Some(&(x, y)) = points.first() {
            self.ctx.move_to(x as f64, y as f64);
        }
        for &(x, y) in points.iter().skip(1) {
            self.ctx.line_to(x as f64, y as f64);
        }
    }

    /// A polyline through pixel centres' corners, as plotters drew paths.
    #[inline(never)]
    pub fn path(&self, points: &[(i32, i32)], color: Color, width: u32) {
        if color.alpha == 0.0 || points.is_empty() {
            return;
        }
        self.stroke_style(color, width);
        self.trace(points);
        self.ctx.stroke();
    }

    /// A dashed polyline: `dash` pixels drawn, `gap` left out, from the first point on.
    #[inline(never)]
    pub fn dashed(&self, points: &[(i32, i32)], dash: i32, gap: i32, color: Color, width: u32) {
        if dash <= 0 {
            return;
        }
        let pattern: js_sys::Array = [dash, gap.max(0)].iter().map(|&v| JsValue::from_f64(v as f64)).collect();
        let _ = self.ctx.set_line_dash(&pattern);
        self.path(points, color, width);
        let _ = self.ctx.set_line_dash(&js_sys::Array::new());
    }

    /// A straight line; a horizontal or vertical one is moved half a pixel so that a thin
    /// line covers whole pixels.
    #[inline(never)]
    pub fn line(&self, from: (i32, i32), to: (i32, i32), color: Color, width: u32) {
        if color.alpha == 0.0 {
            return;
        }
        let (mut a, mut b) = ((from.0 as f64, from.1 as f64), (to.0 as f64, to.1 as f64));
        if a.0 == b.0 {
            a.0 -= 0.5;
            b.0 -= 0.5;
        }
        if a.1 == b.1 {
            a.1 -= 0.5;
            b.1 -= 0.5;
        }
        self.stroke_style(color, width);
        self.ctx.begin_path();
        self.ctx.move_to(a.0, a.1);
        self.ctx.line_to(b.0, b.1);
        self.ctx.stroke();
    }

    /// A dot, filled, or its ring `stroke` pixels wide.
    #[inline(never)]
    pub fn circle(&self, (x, y): (i32, i32), radius: u32, color: Color, stroke: Option<u32>) {
        if color.alpha == 0.0 {
            return;
        }
        match stroke {
            Some(width) => self.stroke_style(color, width),
            None => self.ctx.set_fill_style_str(&color.css()),
        }
        self.ctx.begin_path();
        let _ = self.ctx.arc(x as f64, y as f64, radius as f64, 0.0, std::f64::consts::TAU);
        if stroke.is_some() {
            self.ctx.stroke();
        } else {
            self.ctx.fill();
        }
    }

    #[inline(never)]
    pub fn polygon(&self, points: &[(i32, i32)], color: Color) {
        if color.alpha == 0.0 || points.is_empty() {
            return;
        }
        self.ctx.set_fill_style_str(&color.css());
        self.trace(points);
        self.ctx.close_path();
        self.ctx.fill();
    }

    #[inline(never)]
    fn set_font(&self, font: Font) {
        self.ctx.set_font(&format!("normal {}px sans-serif", font.size));
    }

    #[inline(never)]
    pub fn text(&self, text: &str, (x, y): (i32, i32), font: Font, h: H, v: V) {
        if font.color.alpha == 0.0 {
            return;
        }
        self.ctx.set_text_baseline(match v {
            V::Top => "top",
            V::Middle => "middle",
            V::Bottom => "bottom",
        });
        self.ctx.set_text_align(match h {
            H::Left => "start",
            H::Center => "center",
            H::Right => "end",
        });
        self.ctx.set_fill_style_str(&font.color.css());
        self.set_font(font);
        let _ = self.ctx.fill_text(text, x as f64, y as f64);
    }

    /// Width and height of `text` in whole pixels (the height of the font's line box).
    #[inline(never)]
    pub fn text_size(&self, text: &str, font: Font) -> (i32, i32) {
        self.set_font(font);
        match self.ctx.measure_text(text) {
            Ok(m) => (m.width().round() as i32, (m.font_bounding_box_ascent() + m.font_bounding_box_descent()).round() as i32),
            Err(_) => (0, 0),
        }
    }
}

// The tools are called from many places and never in a hot loop: `inline(never)` keeps one
// copy of each in the binary.

/// Sizes around a chart's plotting area, in device pixels.
#[derive(Clone, Copy, Default)]
pub(super) struct Margins {
    pub top: i32,
    pub right: i32,
    /// the x labels' band under the plot
    pub bottom_labels: i32,
    /// the y labels' band left of the plot
    pub left_labels: i32,
    /// a second y axis's band right of the plot
    pub right_labels: i32,
}

/// A chart: its plotting area, the scales onto it and the label bands around it.
pub(super) struct Plot {
    pub area: Area,
    pub x: Scale,
    pub y: Scale,
    bottom: Option<Area>,
    left: Option<Area>,
    right: Option<Area>,
}

/// How a chart's axes look.
pub(super) struct Mesh<'a> {
    /// at most this many labelled ticks on x (0: none), whole numbers when `integer_x`
    pub x_labels: usize,
    pub integer_x: bool,
    pub y_labels: usize,
    pub x_format: &'a dyn Fn(f64) -> String,
    pub y_format: &'a dyn Fn(f64) -> String,
    /// the x axis's name, under its labels ("" for none)
    pub x_desc: &'a str,
    pub font: Font,
    pub axis: (Color, u32),
    /// horizontal lines at the y ticks
    pub grid: Option<(Color, u32)>,
    pub tick: i32,
}

impl Plot {
    /// Lays out a chart in `area` for x in `xs` and y in `ys`.
    #[inline(never)]
    pub fn new(area: Area, m: Margins, xs: (f64, f64), ys: (f64, f64)) -> Plot {
        let a = Area { y0: area.y0 + m.top, x1: area.x1 - m.right, ..area };
        let mut cx = [a.x0, a.x1, a.x0 + m.left_labels, a.x1 - m.right_labels];
        let mut cy = [a.y0, a.y1, a.y0, a.y1 - m.bottom_labels];
        cx.sort_unstable();
        cy.sort_unstable();
        let cell = |col: usize, row: usize| Area { x0: cx[col], x1: cx[col + 1], y0: cy[row], y1: cy[row + 1] };
        let band = |b: Area| (b.width() > 0 && b.height() > 0).then_some(b);
        let plot = cell(1, 1);
        Plot {
            area: plot,
            x: Scale { lo: xs.0, hi: xs.1, from: plot.x0, to: plot.x1 - 1 },
            y: Scale { lo: ys.0, hi: ys.1, from: plot.y1 - 1, to: plot.y0 },
            bottom: band(cell(1, 2)),
            left: band(cell(0, 1)),
            right: band(cell(2, 1)),
        }
    }

    /// The pixel of a value.
    #[inline(never)]
    pub fn coord(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (self.x.map(x), self.y.map(y))
    }

    /// The pixel of a value for drawing it: held within the plotting area (its right and
    /// bottom edges included), as plotters drew every shape, so a line above the top runs
    /// along the frame.
    #[inline(never)]
    pub fn at(&self, v: (f64, f64)) -> (i32, i32) {
        self.area.clamp(self.coord(v))
    }

    #[inline(never)]
    pub fn points(&self, values: impl IntoIterator<Item = (f64, f64)>) -> Vec<(i32, i32)> {
        values.into_iter().map(|p| self.at(p)).collect()
    }

    /// A scale for a second y axis over `ys` (labelled by `right_axis`).
    pub fn secondary(&self, ys: (f64, f64)) -> Scale {
        Scale { lo: ys.0, hi: ys.1, from: self.area.y1, to: self.area.y0 }
    }

    /// The axes, ticks, labels and grid, drawn in plotters' order.
    #[inline(never)]
    pub fn mesh(&self, c: &Canvas, m: &Mesh) {
        if let (Some(b), false) = (self.bottom, m.x_desc.is_empty()) {
            c.text(m.x_desc, (b.x0 + b.width() / 2, b.y1), m.font, H::Center, V::Bottom);
        }
        let xs = if m.integer_x {
            integer_ticks(self.x.lo.max(0.0) as u64, self.x.hi.max(0.0) as u64, m.x_labels)
        } else {
            ticks(self.x.lo, self.x.hi, m.x_labels)
        };
        let ys = ticks(self.y.lo, self.y.hi, m.y_labels);
        if let Some((color, width)) = m.grid {
            for &v in &ys {
                let y = self.y.map(v);
                c.line((self.x.from, y), (self.x.to, y), color, width);
            }
        }
        let y_labels: Vec<_> = ys.iter().map(|&v| (self.y.map(v), (m.y_format)(v))).collect();
        if let Some(left) = self.left {
            side_axis(c, left, self.y, &y_labels, m.font, m.axis, m.tick, false);
        }
        if let Some(b) = self.bottom {
            let (lo, hi) = self.x.pixels();
            c.path(&[(lo, b.y0), (hi, b.y0)], m.axis.0, m.axis.1);
            let dist = m.tick.abs() * 2;
            for &v in &xs {
                let x = self.x.map(v);
                if x < lo || x > hi {
                    continue;
                }
                c.text(&(m.x_format)(v), (x, b.y0 + dist), m.font, H::Center, V::Top);
                if m.tick != 0 {
                    c.path(&[(x, b.y0), (x, b.y0 + m.tick)], m.axis.0, m.axis.1);
                }
            }
        }
    }

    /// A second y axis on the right over `scale` (from `secondary`): line, ticks and labels.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    pub fn right_axis(
        &self,
        c: &Canvas,
        scale: Scale,
        most: usize,
        format: &dyn Fn(f64) -> String,
        font: Font,
        axis: (Color, u32),
        tick: i32,
    ) {
        if let Some(right) = self.right {
            let labels: Vec<_> = ticks(scale.lo, scale.hi, most).into_iter().map(|v| (scale.map(v), format(v))).collect();
            side_axis(c, right, scale, &labels, font, axis, tick, true);
        }
    }
}

/// A vertical axis in its label band: the line along the plot's side, then each label and
/// its tick. Right-hand labels align on the right unless some are much wider (plotters' rule).
#[allow(clippy::too_many_arguments)]
fn side_axis(c: &Canvas, band: Area, scale: Scale, labels: &[(i32, String)], font: Font, axis: (Color, u32), tick: i32, right: bool) {
    let (lo, hi) = scale.pixels();
    let x = if right { band.x0 } else { band.x1 - 1 };
    c.path(&[(x, lo), (x, hi)], axis.0, axis.1);
    let widths: Vec<i32> = labels.iter().map(|(_, t)| if right { c.text_size(t, font).0 } else { 0 }).collect();
    let min = widths.iter().copied().min().unwrap_or(1).max(1);
    let max = widths.iter().copied().filter(|&w| w < min * 2).max().unwrap_or(min);
    let align = (min * 2).min(max);
    let dist = tick.abs() * 2;
    for ((y, text), w) in labels.iter().zip(widths) {
        if *y < lo || *y > hi {
            continue;
        }
        let (at, h) = match (right, w >= align) {
            (false, _) => (band.x1 - dist, H::Right),
            (true, true) => (band.x0 + dist, H::Left),
            (true, false) => (band.x0 + dist + align, H::Right),
        };
        c.text(text, (at, *y), font, h, V::Middle);
        if tick != 0 {
            let ends = if right { [(band.x0, *y), (band.x0 + tick, *y)] } else { [(band.x1 - 1 - tick, *y), (band.x1 - 1, *y)] };
            c.path(&ends, axis.0, axis.1);
        }
    }
}
