//! The λ sweep panel's chart: the training and dev error each λ of the sweep ends
//! with, against λ on a log axis with λ = 0 set apart at the left. Too small a λ overfits
//! (low training error, higher dev error), too large a λ underfits (both high), so the dev
//! curve is U-shaped; the λ at its bottom, chosen on the dev set, is marked "best".
//!
//! The page sizes the backing store for devicePixelRatio, and every length here is given in
//! CSS pixels and multiplied by the ratio.

use wasm_bindgen::prelude::*;

use super::chart_kit::{GRID, INK, MUTED};
use super::plot::{Area, Canvas, Color, Font, Margins, Mesh, Plot, H, V, WHITE};
use super::Playground;
use crate::render::colors::{NEGATIVE, POSITIVE};
use crate::train::SweepPoint;

const TRAIN: Color = Color::rgb(POSITIVE);
const DEV: Color = Color::rgb(NEGATIVE);

/// Decades between λ = 0 and the smallest positive λ on the axis.
const ZERO_GAP: f64 = 1.0;
/// Room left and right of the outermost points, in decades.
const PAD: f64 = 0.35;

/// Where λ sits on the x axis: at log₁₀ λ, and λ = 0 (whose log is −∞) one gap to the left
/// of the smallest positive λ.
struct LambdaAxis {
    zero: f64,
    low: f64,
    high: f64,
    has_zero: bool,
}

impl LambdaAxis {
    fn new(lambdas: &[f64]) -> LambdaAxis {
        let logs: Vec<f64> = lambdas.iter().filter(|l| **l > 0.0).map(|l| l.log10()).collect();
        let low = logs.iter().copied().fold(f64::INFINITY, f64::min);
        let high = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (low, high) = if logs.is_empty() { (0.0, 0.0) } else { (low, high) };
        LambdaAxis { zero: low - ZERO_GAP, low, high, has_zero: lambdas.iter().any(|l| *l <= 0.0) }
    }

    fn x(&self, lambda: f64) -> f64 {
        if lambda > 0.0 {
            lambda.log10()
        } else {
            self.zero
        }
    }

    fn range(&self) -> (f64, f64) {
        let left = if self.has_zero { self.zero } else { self.low };
        (left - PAD, (self.high + PAD).max(left + PAD))
    }

    /// The ticks: "0", then whole decades, thinned to at most `most` labels.
    fn ticks(&self, most: usize) -> Vec<f64> {
        let (first, last) = ((self.low - 1e-9).ceil() as i32, (self.high + 1e-9).floor() as i32);
        let decades = (last - first + 1).max(0) as usize;
        let step = decades.div_ceil(most.saturating_sub(self.has_zero as usize).max(1)).max(1);
        let mut ticks: Vec<f64> = (first..=last).step_by(step).map(f64::from).collect();
        if self.has_zero {
            ticks.insert(0, self.zero);
        }
        ticks
    }

    fn label(&self, x: f64) -> String {
        if self.has_zero && (x - self.zero).abs() < 1e-9 {
            return "0".into();
        }
        let k = x.round() as i32;
        format!("{:.*}", (-k).max(0) as usize, 10f64.powi(k))
    }
}

/// "0.3", "20", "0.001": λ with no more digits than it needs.
fn lambda_text(lambda: f64) -> String {
    if lambda == 0.0 {
        "0".into()
    } else {
        format!("{}", format!("{lambda:.3e}").parse::<f64>().unwrap_or(lambda))
    }
}

/// The chart's words, from the page (so they can be translated).
struct Labels {
    train: String,
    dev: String,
    best: String,
    lambda: String,
}

impl Labels {
    fn new(mut words: Vec<String>) -> Labels {
        words.resize(4, String::new());
        let mut words = words.into_iter();
        let mut next = || words.next().unwrap_or_default();
        Labels { train: next(), dev: next(), best: next(), lambda: next() }
    }
}

#[wasm_bindgen]
impl Playground {
    /// Draws the finished λ values of the sweep into `canvas` (backing size = CSS size ×
    /// `ratio`): training and dev error against λ, the best λ on the dev set marked, and the
    /// point at index `highlight` ringed (−1: none). The x axis spans `lambdas` (the grid
    /// being swept, so points appear in place as they finish), or the results' λ when empty.
    /// `labels`: [training error, dev error, best, λ]. Returns each result's x in CSS px
    /// from the canvas's left edge, for finding the point under the pointer.
    #[wasm_bindgen(js_name = drawSweepChart)]
    pub fn draw_sweep_chart(
        &self,
        canvas: &web_sys::HtmlCanvasElement,
        ratio: f64,
        lambdas: Vec<f64>,
        highlight: i32,
        labels: Vec<String>,
    ) -> Result<Vec<f64>, JsValue> {
        let scale = if ratio.is_finite() { ratio.clamp(0.5, 4.0) } else { 1.0 };
        let results = self.sweep.as_ref().map_or(&[][..], |s| s.results());
        let best = self.sweep.as_ref().and_then(|s| s.best()).map(|b| b.lambda);
        let grid: Vec<f64> = if lambdas.is_empty() { results.iter().map(|p| p.lambda).collect() } else { lambdas };
        let chart = SweepChart {
            axis: LambdaAxis::new(&grid),
            results,
            best,
            highlight: usize::try_from(highlight).ok(),
            labels: Labels::new(labels),
            scale,
        };
        Ok(chart.draw(&Canvas::of(canvas, "sweep chart")?))
    }
}

struct SweepChart<'a> {
    axis: LambdaAxis,
    results: &'a [SweepPoint],
    best: Option<f64>,
    highlight: Option<usize>,
    labels: Labels,
    scale: f64,
}

impl SweepChart<'_> {
    fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    fn width(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }

    fn font(&self, css: f64, color: Color) -> Font {
        Font { size: css * self.scale, color }
    }

    fn draw(&self, c: &Canvas) -> Vec<f64> {
        c.fill(c.area, WHITE);
        let (head, body) = c.area.split_vertically(self.px(16.0));
        self.draw_legend(c, head);

        let top = self.results.iter().flat_map(|p| [p.train_error, p.dev_error]).filter(|v| v.is_finite()).fold(0.0, f64::max);
        let y_top = (top * 1.15).clamp(0.05, 1.0);
        let width_css = body.width() as f64 / self.scale;
        let ticks = self.axis.ticks(((width_css - 50.0) / 42.0).max(2.0) as usize);
        let margins =
            Margins { top: self.px(4.0), right: self.px(10.0), bottom_labels: self.px(26.0), left_labels: self.px(36.0), right_labels: 0 };
        let plot = Plot::new(body, margins, self.axis.range(), (0.0, y_top));
        plot.mesh(
            c,
            &Mesh {
                x_labels: 0,
                integer_x: false,
                y_labels: 4,
                x_format: &|_| String::new(),
                y_format: &|v| format!("{}%", (v * 100.0).round()),
                x_desc: &self.labels.lambda,
                font: self.font(10.0, MUTED),
                axis: (MUTED, self.width(1.0)),
                grid: Some((GRID, self.width(1.0))),
                tick: self.px(3.0),
            },
        );
        self.draw_ticks(c, &plot, &ticks);
        self.draw_axis_break(c, &plot);

        let at = |p: &SweepPoint, value: f64| plot.at((self.axis.x(p.lambda), value));
        if let Some(best) = self.best.filter(|_| !self.results.is_empty()) {
            let x = self.axis.x(best);
            c.dashed(&plot.points([(x, 0.0), (x, y_top)]), self.px(3.0), self.px(3.0), MUTED, self.width(1.0));
        }
        for (color, value) in [(TRAIN, (|p: &SweepPoint| p.train_error) as fn(&SweepPoint) -> f64), (DEV, |p: &SweepPoint| p.dev_error)] {
            let points: Vec<_> = self.results.iter().map(|p| at(p, value(p))).collect();
            c.path(&points, color, self.width(2.0));
            for &point in &points {
                c.circle(point, self.width(3.0), color, None);
            }
        }
        if let Some(p) = self.highlight.and_then(|i| self.results.get(i)) {
            for point in [at(p, p.train_error), at(p, p.dev_error)] {
                c.circle(point, self.width(6.0), INK, Some(self.width(1.5)));
            }
        }
        if let Some(p) = self.results.iter().find(|p| Some(p.lambda) == self.best) {
            c.circle(at(p, p.dev_error), self.width(5.0), DEV, None);
            c.circle(at(p, p.dev_error), self.width(5.0), WHITE, Some(self.width(1.5)));
            self.draw_best_label(c, &plot, p);
        }
        self.results.iter().map(|p| plot.x.map(self.axis.x(p.lambda)) as f64 / self.scale).collect()
    }

    /// The λ axis's ticks and labels: evenly spaced ones in log λ would have no place for 0.
    fn draw_ticks(&self, c: &Canvas, plot: &Plot, ticks: &[f64]) {
        let bottom = plot.area.y1;
        for &tick in ticks {
            let x = plot.x.map(tick);
            c.path(&[(x, bottom), (x, bottom + self.px(3.0))], MUTED, self.width(1.0));
            c.text(&self.axis.label(tick), (x, bottom + self.px(5.0)), self.font(10.0, MUTED), H::Center, V::Top);
        }
    }

    /// "best λ = 0.3" at the top of the best λ's line, on the side with room.
    fn draw_best_label(&self, c: &Canvas, plot: &Plot, p: &SweepPoint) {
        let text = format!("{} λ = {}", self.labels.best, lambda_text(p.lambda));
        let x = plot.x.map(self.axis.x(p.lambda));
        let font = self.font(10.0, INK);
        let width = c.text_size(&text, font).0;
        let right = x + self.px(4.0) + width < plot.area.x1;
        let (h, dx) = if right { (H::Left, self.px(4.0)) } else { (H::Right, -self.px(4.0)) };
        c.text(&text, (x + dx, plot.area.y0 + self.px(1.0)), font, h, V::Top);
    }

    /// Two short slashes on the x axis between λ = 0 and the first decade: the log axis
    /// cannot reach 0, so 0 is set apart.
    fn draw_axis_break(&self, c: &Canvas, plot: &Plot) {
        if !self.axis.has_zero || self.axis.low > self.axis.high {
            return;
        }
        let (x, y) = plot.coord(((self.axis.zero + self.axis.low) / 2.0, 0.0));
        let (gap, reach) = (self.px(2.0), self.px(4.0));
        c.rect((x - gap, y - reach), (x + gap, y + reach), WHITE);
        for dx in [-gap, gap] {
            c.path(&[(x + dx - self.px(2.0), y + reach), (x + dx + self.px(2.0), y - reach)], MUTED, self.width(1.0));
        }
    }

    fn draw_legend(&self, c: &Canvas, head: Area) {
        let middle = head.y0 + head.height() / 2;
        let font = self.font(11.0, INK);
        let mut x = head.x0 + self.px(40.0);
        for (label, color) in [(&self.labels.train, TRAIN), (&self.labels.dev, DEV)] {
            c.path(&[(x, middle), (x + self.px(16.0), middle)], color, self.width(2.0));
            c.circle((x + self.px(8.0), middle), self.width(3.0), color, None);
            x += self.px(20.0);
            c.text(label, (x, middle), font, H::Left, V::Middle);
            x += c.text_size(label, font).0 + self.px(14.0);
        }
    }
}
