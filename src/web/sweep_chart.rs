//! The λ sweep panel's chart: the training and dev error each λ of the sweep ends
//! with, against λ on a log axis with λ = 0 set apart at the left. Too small a λ overfits
//! (low training error, higher dev error), too large a λ underfits (both high), so the dev
//! curve is U-shaped; the λ at its bottom, chosen on the dev set, is marked "best".
//!
//! plotters-canvas ignores devicePixelRatio: the page sizes the backing store, and every
//! length here is given in CSS pixels and multiplied by the ratio.

use std::ops::Range;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;

use super::chart_kit::{chart_words, Px, GRID, INK, MUTED};
use super::Playground;
use crate::render::colors::{NEGATIVE, POSITIVE};
use crate::train::SweepPoint;

const TRAIN: RGBColor = RGBColor(POSITIVE[0], POSITIVE[1], POSITIVE[2]);
const DEV: RGBColor = RGBColor(NEGATIVE[0], NEGATIVE[1], NEGATIVE[2]);

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

    fn range(&self) -> Range<f64> {
        let left = if self.has_zero { self.zero } else { self.low };
        (left - PAD)..(self.high + PAD).max(left + PAD)
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

chart_words! {
    /// The chart's words, in the page's language (www/panels/sweep.js).
    Labels { train: "training error", dev: "dev error", best: "best", lambda: "λ" }
}

#[wasm_bindgen]
impl Playground {
    /// Draws the finished λ values of the sweep into `canvas` (backing size = CSS size ×
    /// `ratio`): training and dev error against λ, the best λ on the dev set marked, and the
    /// point at index `highlight` ringed (−1: none). The x axis spans `lambdas` (the grid
    /// being swept, so points appear in place as they finish), or the results' λ when empty.
    /// `words`: the page's object of `Labels`. Returns each result's x in CSS px
    /// from the canvas's left edge, for finding the point under the pointer.
    #[wasm_bindgen(js_name = drawSweepChart)]
    pub fn draw_sweep_chart(
        &self,
        canvas: &web_sys::HtmlCanvasElement,
        ratio: f64,
        lambdas: Vec<f64>,
        highlight: i32,
        words: &JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let px = Px::new(ratio);
        let results = self.sweep.as_ref().map_or(&[][..], |s| s.results());
        let best = self.sweep.as_ref().and_then(|s| s.best()).map(|b| b.lambda);
        let grid: Vec<f64> = if lambdas.is_empty() { results.iter().map(|p| p.lambda).collect() } else { lambdas };
        let chart = SweepChart {
            axis: LambdaAxis::new(&grid),
            results,
            best,
            highlight: usize::try_from(highlight).ok(),
            labels: Labels::read(words),
            px,
        };
        let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("the sweep chart canvas has no 2d context")?;
        chart.draw(backend.into_drawing_area()).map_err(|e| JsValue::from_str(&e.to_string()))
    }
}

struct SweepChart<'a> {
    axis: LambdaAxis,
    results: &'a [SweepPoint],
    best: Option<f64>,
    highlight: Option<usize>,
    labels: Labels,
    px: Px,
}

type Plot<'a> = ChartContext<'a, CanvasBackend, Cartesian2d<RangedCoordf64, RangedCoordf64>>;
type DrawResult<T> = Result<T, DrawingAreaErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

impl SweepChart<'_> {
    fn draw(&self, root: DrawingArea<CanvasBackend, Shift>) -> DrawResult<Vec<f64>> {
        root.fill(&WHITE)?;
        let (head, body) = root.split_vertically(self.px.i(16.0));
        self.draw_legend(&head)?;

        let top = self.results.iter().flat_map(|p| [p.train_error, p.dev_error]).filter(|v| v.is_finite()).fold(0.0, f64::max);
        let y_top = (top * 1.15).clamp(0.05, 1.0);
        let width_css = body.dim_in_pixel().0 as f64 / self.px.0;
        let ticks = self.axis.ticks(((width_css - 50.0) / 42.0).max(2.0) as usize);
        let mut plot = ChartBuilder::on(&body)
            .margin_top(self.px.i(4.0))
            .margin_right(self.px.i(10.0))
            .x_label_area_size(self.px.i(26.0))
            .y_label_area_size(self.px.i(36.0))
            .build_cartesian_2d(self.axis.range(), 0.0..y_top)?;
        plot.configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_labels(4)
            .y_label_formatter(&|v| format!("{}%", (v * 100.0).round()))
            .x_desc(self.labels.lambda.as_str())
            .label_style(self.px.font(10.0).color(&MUTED))
            .axis_desc_style(self.px.font(10.0).color(&MUTED))
            .axis_style(ShapeStyle::from(MUTED).stroke_width(self.px.u(1.0)))
            .bold_line_style(ShapeStyle::from(GRID).stroke_width(self.px.u(1.0)))
            .light_line_style(TRANSPARENT)
            .set_all_tick_mark_size(self.px.i(3.0))
            .draw()?;
        self.draw_ticks(&root, &plot, &ticks)?;
        self.draw_axis_break(&root, &plot)?;

        let at = |p: &SweepPoint, value: f64| (self.axis.x(p.lambda), value);
        if let Some(best) = self.best.filter(|_| !self.results.is_empty()) {
            let x = self.axis.x(best);
            let line = ShapeStyle::from(MUTED).stroke_width(self.px.u(1.0));
            plot.draw_series(DashedLineSeries::new([(x, 0.0), (x, y_top)], self.px.i(3.0), self.px.i(3.0), line))?;
        }
        for (color, value) in [(TRAIN, (|p: &SweepPoint| p.train_error) as fn(&SweepPoint) -> f64), (DEV, |p: &SweepPoint| p.dev_error)] {
            let line = ShapeStyle::from(color).stroke_width(self.px.u(2.0));
            plot.draw_series(LineSeries::new(self.results.iter().map(|p| at(p, value(p))), line))?;
            plot.draw_series(self.results.iter().map(|p| Circle::new(at(p, value(p)), self.px.u(3.0), color.filled())))?;
        }
        if let Some(p) = self.highlight.and_then(|i| self.results.get(i)) {
            let ring = ShapeStyle::from(INK).stroke_width(self.px.u(1.5));
            plot.draw_series([at(p, p.train_error), at(p, p.dev_error)].map(|c| Circle::new(c, self.px.u(6.0), ring)))?;
        }
        if let Some(p) = self.results.iter().find(|p| Some(p.lambda) == self.best) {
            plot.draw_series([Circle::new(at(p, p.dev_error), self.px.u(5.0), DEV.filled())])?;
            plot.draw_series([Circle::new(at(p, p.dev_error), self.px.u(5.0), ShapeStyle::from(WHITE).stroke_width(self.px.u(1.5)))])?;
            self.draw_best_label(&root, &plot, p)?;
        }
        Ok(self.results.iter().map(|p| plot.backend_coord(&(self.axis.x(p.lambda), 0.0)).0 as f64 / self.px.0).collect())
    }

    /// The λ axis's ticks and labels: plotters' own would space them evenly in log λ, with
    /// no place for 0.
    fn draw_ticks(&self, root: &DrawingArea<CanvasBackend, Shift>, plot: &Plot, ticks: &[f64]) -> DrawResult<()> {
        let (_, ys) = plot.plotting_area().get_pixel_range();
        let style = self.px.font(10.0).color(&MUTED).pos(Pos::new(HPos::Center, VPos::Top));
        let mark = ShapeStyle::from(MUTED).stroke_width(self.px.u(1.0));
        for &tick in ticks {
            let x = plot.backend_coord(&(tick, 0.0)).0;
            root.draw(&PathElement::new([(x, ys.end), (x, ys.end + self.px.i(3.0))], mark))?;
            root.draw_text(&self.axis.label(tick), &style, (x, ys.end + self.px.i(5.0)))?;
        }
        Ok(())
    }

    /// "best λ = 0.3" at the top of the best λ's line, on the side with room.
    fn draw_best_label(&self, root: &DrawingArea<CanvasBackend, Shift>, plot: &Plot, p: &SweepPoint) -> DrawResult<()> {
        let text = format!("{} λ = {}", self.labels.best, lambda_text(p.lambda));
        let x = plot.backend_coord(&(self.axis.x(p.lambda), 0.0)).0;
        let (xs, ys) = plot.plotting_area().get_pixel_range();
        let width = root.estimate_text_size(&text, &self.px.font(10.0).into())?.0 as i32;
        let right = x + self.px.i(4.0) + width < xs.end;
        let (anchor, dx) = if right { (HPos::Left, self.px.i(4.0)) } else { (HPos::Right, -self.px.i(4.0)) };
        let style = self.px.font(10.0).color(&INK).pos(Pos::new(anchor, VPos::Top));
        root.draw_text(&text, &style, (x + dx, ys.start + self.px.i(1.0)))
    }

    /// Two short slashes on the x axis between λ = 0 and the first decade: the log axis
    /// cannot reach 0, so 0 is set apart.
    fn draw_axis_break(&self, root: &DrawingArea<CanvasBackend, Shift>, plot: &Plot) -> DrawResult<()> {
        if !self.axis.has_zero || self.axis.low > self.axis.high {
            return Ok(());
        }
        let (x, y) = plot.backend_coord(&((self.axis.zero + self.axis.low) / 2.0, 0.0));
        let (gap, reach) = (self.px.i(2.0), self.px.i(4.0));
        root.draw(&Rectangle::new([(x - gap, y - reach), (x + gap, y + reach)], WHITE.filled()))?;
        for dx in [-gap, gap] {
            root.draw(&PathElement::new(
                [(x + dx - self.px.i(2.0), y + reach), (x + dx + self.px.i(2.0), y - reach)],
                ShapeStyle::from(MUTED).stroke_width(self.px.u(1.0)),
            ))?;
        }
        Ok(())
    }

    fn draw_legend(&self, head: &DrawingArea<CanvasBackend, Shift>) -> DrawResult<()> {
        let middle = head.dim_in_pixel().1 as i32 / 2;
        let text = self.px.font(11.0).color(&INK).pos(Pos::new(HPos::Left, VPos::Center));
        let mut x = self.px.i(40.0);
        for (label, color) in [(&self.labels.train, TRAIN), (&self.labels.dev, DEV)] {
            head.draw(&PathElement::new(
                [(x, middle), (x + self.px.i(16.0), middle)],
                ShapeStyle::from(color).stroke_width(self.px.u(2.0)),
            ))?;
            head.draw(&Circle::new((x + self.px.i(8.0), middle), self.px.u(3.0), color.filled()))?;
            x += self.px.i(20.0);
            head.draw_text(label, &text, (x, middle))?;
            x += head.estimate_text_size(label, &self.px.font(11.0).into())?.0 as i32 + self.px.i(14.0);
        }
        Ok(())
    }
}
