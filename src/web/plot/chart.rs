//! A chart: the plotting area inside its label bands, the scales onto it, and its axes with
//! their ticks, labels and grid, laid out as plotters laid them out.

use super::{integer_ticks, ticks, Area, Canvas, Color, Font, Scale, H, V};

/// Sizes around a chart's plotting area, in device pixels.
#[derive(Clone, Copy, Default)]
pub(in crate::web) struct Margins {
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
pub(in crate::web) struct Plot {
    pub area: Area,
    pub x: Scale,
    pub y: Scale,
    bottom: Option<Area>,
    left: Option<Area>,
    right: Option<Area>,
}

/// How a chart's axes look.
pub(in crate::web) struct Mesh<'a> {
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
