//! The few drawing tools the charts need, straight on a canvas 2d context: areas of whole
//! pixels, lines, dashes, dots, bars and text; `chart.rs` lays out a chart's axes, ticks and grid.
//! The geometry is plotters' (0.3, which drew these charts first): the same layout of label
//! areas, the same value-to-pixel mapping, tick values and label placement, so the pictures
//! stay as they were; plotters itself was a quarter of the wasm binary. The tools are called
//! from many places and never in a hot loop: `inline(never)` keeps one copy of each in the
//! binary.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

mod chart;
mod scale;
pub(super) use chart::{Margins, Mesh, Plot};
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
