//! The curves panel (early stopping): training cost J with its data cost and
//! penalty, and the dev cost, above; training and dev error below; both against iterations,
//! with the dev-cost minimum marked "best".
//!
//! plotters-canvas ignores devicePixelRatio: the page sizes the backing store, and every
//! length here is given in CSS pixels and multiplied by the ratio.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::chart_kit::{chart_words, iteration_tick, rgb, tick, Px, GRID, INK, MUTED};
use super::Playground;
use crate::render::colors::{NEGATIVE, POSITIVE};
use crate::train::Record;

const TRAIN: [u8; 3] = POSITIVE;
const DEV: [u8; 3] = NEGATIVE;
const PENALTY: [u8; 3] = [128, 96, 160];
const TRAIN_LIGHT: [u8; 3] = [130, 178, 222];

/// One line of a chart; a non-finite value (no dev set, a diverged step) leaves a gap.
struct Curve {
    label: String,
    color: [u8; 3],
    dashed: bool,
    /// (iteration, value): the iteration as f64, so every chart's axes are one kind of plotters'
    points: Vec<(f64, f64)>,
}

impl Curve {
    fn new(label: &str, color: [u8; 3], dashed: bool, records: &[Record], value: impl Fn(&Record) -> f64) -> Curve {
        Curve { label: label.to_string(), color, dashed, points: records.iter().map(|r| (r.iteration as f64, value(r))).collect() }
    }

    fn is_empty(&self) -> bool {
        !self.points.iter().any(|p| p.1.is_finite())
    }
}

struct Chart {
    y_top: f64,
    y_label: fn(&f64) -> String,
    curves: Vec<Curve>,
    /// the dev-cost minimum: its iteration, and the value to put a dot on
    best: Option<(f64, Option<f64>)>,
    /// a curve on its own scale, labelled on the right (‖W‖ beside the errors)
    secondary: Option<(Curve, f64)>,
    x_label: String,
    best_label: String,
}

chart_words! {
    /// The words on the charts, in the page's language (`curveWords` in www/charts.js).
    Words {
        cost: "training J", data_cost: "data cost", penalty: "penalty", dev_cost: "dev cost", training_error: "training error",
        dev_error: "dev error", iteration: "iteration", best: "best", dropout_cost: "J with dropout", norm: "‖W‖",
    }
}

#[wasm_bindgen]
impl Playground {
    /// Draws the cost and error charts into two canvases whose backing sizes the page has
    /// set to CSS size × `ratio` (devicePixelRatio). `words`: the page's object of `Words`, in the
    /// page's language (missing ones stay English).
    ///
    /// With dropout on, the cost of each dropped-out step is noisy and is what training
    /// follows ("J with dropout"); `checkj` (the lecture's debugging advice) adds J with
    /// keep_prob = 1, which must fall monotonically. ‖W‖ rides beside the errors on its own
    /// scale: stopping early picks a mid-sized W, as L2 does.
    #[wasm_bindgen(js_name = drawCharts)]
    pub fn draw_charts(&self, cost: &HtmlCanvasElement, error: &HtmlCanvasElement, ratio: f64, words: &JsValue) -> Result<(), JsValue> {
        let w = Words::read(words);
        let px = Px::new(ratio);
        let records = self.session.history().records();
        let x_max = records.last().map_or(0, |r| r.iteration).max(10) as f64;
        let best = self.session.best().map(|b| (b.iteration as f64, b.dev_cost));
        let config = self.session.config();
        let dropout = config.keep.iter().any(|&k| k < 1.0);

        let penalized = records.iter().any(|r| r.penalty > 0.0);
        let mut costs = Vec::new();
        if dropout {
            costs.push(Curve::new(&w.dropout_cost, TRAIN_LIGHT, false, records, |r| r.step_cost + r.penalty));
        }
        if !dropout || config.checkj {
            costs.push(Curve::new(&w.cost, TRAIN, false, records, |r| r.total_cost));
        }
        if penalized {
            costs.push(Curve::new(&w.data_cost, TRAIN, true, records, |r| r.data_cost));
            costs.push(Curve::new(&w.penalty, PENALTY, false, records, |r| r.penalty));
        }
        costs.push(Curve::new(&w.dev_cost, DEV, false, records, |r| r.dev_cost));
        let cost_chart = Chart {
            y_top: robust_top(&costs),
            y_label: number,
            curves: costs,
            best: best.map(|(i, c)| (i, Some(c))),
            secondary: None,
            x_label: w.iteration.clone(),
            best_label: w.best.clone(),
        };

        let errors = vec![
            Curve::new(&w.training_error, TRAIN, false, records, |r| 1.0 - r.train_accuracy),
            Curve::new(&w.dev_error, DEV, false, records, |r| 1.0 - r.dev_accuracy),
        ];
        let norm = Curve::new(&w.norm, PENALTY, true, records, |r| r.weight_norms.iter().map(|n| n * n).sum::<f64>().sqrt());
        let norm_top = 1.1 * max_finite(norm.points.iter()).max(1e-9);
        let error_top = robust_top(&errors).clamp(0.05, 1.0);
        let error_chart = Chart {
            y_top: error_top,
            y_label: percent,
            curves: errors,
            best: best.map(|(i, _)| (i, None)),
            secondary: Some((norm, norm_top)),
            x_label: w.iteration,
            best_label: w.best,
        };

        draw(cost, &cost_chart, x_max, px)?;
        draw(error, &error_chart, x_max, px)
    }
}

fn max_finite<'a>(points: impl Iterator<Item = &'a (f64, f64)>) -> f64 {
    points.map(|p| p.1).filter(|v| v.is_finite()).fold(0.0, f64::max)
}

/// The top of the y axis: above every value after the first tenth of the run, so one early
/// spike does not flatten the rest; the initial value stays in view unless it is itself
/// such a spike (more than twice that). Lines above the top are cut at the frame.
fn robust_top(curves: &[Curve]) -> f64 {
    let n = curves[0].points.len();
    let late = max_finite(curves.iter().flat_map(|c| &c.points[n / 10..]));
    let first = max_finite(curves.iter().flat_map(|c| c.points.first()));
    let top = 1.1 * late.max(first.min(2.0 * late));
    if top > 1e-9 {
        top
    } else {
        1.0
    }
}

fn number(v: &f64) -> String {
    tick(*v, 3)
}

fn percent(v: &f64) -> String {
    format!("{}%", tick(v * 100.0, 3))
}

fn draw(canvas: &HtmlCanvasElement, chart: &Chart, x_max: f64, px: Px) -> Result<(), JsValue> {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("the chart canvas has no 2d context")?.dyn_into()?;
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("the chart canvas has no 2d context")?;
    draw_chart(backend.into_drawing_area(), &ctx, chart, x_max, px).map_err(|e| JsValue::from_str(&e.to_string()))
}

type DrawResult = Result<(), DrawingAreaErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

fn draw_chart(root: DrawingArea<CanvasBackend, Shift>, ctx: &CanvasRenderingContext2d, chart: &Chart, x_max: f64, px: Px) -> DrawResult {
    root.fill(&WHITE)?;
    let (head, body) = root.split_vertically(px.i(18.0));
    draw_legend(&head, chart, px)?;

    let secondary_top = chart.secondary.as_ref().map_or(1.0, |s| s.1);
    let mut plot = ChartBuilder::on(&body)
        .margin_top(px.i(4.0))
        .margin_right(px.i(if chart.secondary.is_some() { 2.0 } else { 12.0 }))
        .x_label_area_size(px.i(30.0))
        .y_label_area_size(px.i(40.0))
        .right_y_label_area_size(px.i(if chart.secondary.is_some() { 30.0 } else { 0.0 }))
        .build_cartesian_2d(0.0..x_max, 0.0..chart.y_top)?
        .set_secondary_coord(0.0..x_max, 0.0..secondary_top);
    plot.configure_mesh()
        .disable_x_mesh()
        .x_labels(6)
        .y_labels(5)
        .x_label_formatter(&|v| iteration_tick(*v, x_max))
        .y_label_formatter(&chart.y_label)
        .x_desc(chart.x_label.as_str())
        .label_style(px.font(10.0).color(&MUTED))
        .axis_desc_style(px.font(10.0).color(&MUTED))
        .axis_style(ShapeStyle::from(MUTED).stroke_width(px.u(1.0)))
        .bold_line_style(ShapeStyle::from(GRID).stroke_width(px.u(1.0)))
        .light_line_style(TRANSPARENT)
        .set_all_tick_mark_size(px.i(3.0))
        .draw()?;
    if let Some((curve, _)) = &chart.secondary {
        plot.configure_secondary_axes()
            .y_labels(4)
            .y_label_formatter(&number)
            .label_style(px.font(10.0).color(&rgb(curve.color)))
            .axis_style(ShapeStyle::from(MUTED).stroke_width(px.u(1.0)))
            .set_all_tick_mark_size(px.i(3.0))
            .draw()?;
    }

    // plotters does not clip: values above y_top (an early spike) are cut at the frame's top;
    // the other sides leave room for a whole dot or line on the edge
    let (xs, ys) = plot.plotting_area().get_pixel_range();
    let room = px.i(6.0);
    ctx.save();
    ctx.begin_path();
    ctx.rect((xs.start - room) as f64, ys.start as f64, (xs.end - xs.start + 2 * room) as f64, (ys.end - ys.start + room) as f64);
    ctx.clip();
    let mut drawn = draw_curves(&mut plot, chart, px);
    if let (Ok(()), Some((curve, _))) = (&drawn, &chart.secondary) {
        let style = ShapeStyle::from(rgb(curve.color)).stroke_width(px.u(1.5));
        for run in curve.points.split(|p| !p.1.is_finite()).filter(|run| run.len() > 1) {
            if let Err(e) = plot.draw_secondary_series(DashedLineSeries::new(run.iter().copied(), px.i(5.0), px.i(3.0), style)) {
                drawn = Err(e);
            }
        }
    }
    ctx.restore();
    drawn?;

    if let Some((iteration, _)) = chart.best {
        let x = plot.backend_coord(&(iteration, 0.0)).0;
        let right = x + px.i(40.0) < xs.end;
        let anchor = if right { HPos::Left } else { HPos::Right };
        let dx = if right { px.i(3.0) } else { -px.i(3.0) };
        let style = px.font(10.0).color(&MUTED).pos(Pos::new(anchor, VPos::Top));
        // on a white ground: a curve near the top (‖W‖ on its own scale) would run through it
        let (w, h) = root.estimate_text_size(&chart.best_label, &style)?;
        let (left, top) = (if right { x + dx } else { x + dx - w as i32 }, ys.start + px.i(2.0));
        let pad = px.i(1.5);
        root.draw(&Rectangle::new([(left - pad, top - pad), (left + w as i32 + pad, top + h as i32 + pad)], WHITE.mix(0.85).filled()))?;
        root.draw_text(&chart.best_label, &style, (x + dx, top))?;
    }
    Ok(())
}

/// The "best" line under the curves, its dot on top of them.
fn draw_curves(plot: &mut ChartContext<CanvasBackend, Cartesian2d<RangedCoordf64, RangedCoordf64>>, chart: &Chart, px: Px) -> DrawResult {
    if let Some((iteration, _)) = chart.best {
        let line = ShapeStyle::from(MUTED).stroke_width(px.u(1.0));
        plot.draw_series(DashedLineSeries::new([(iteration, 0.0), (iteration, chart.y_top)], px.i(3.0), px.i(3.0), line))?;
    }
    for curve in &chart.curves {
        let style = ShapeStyle::from(rgb(curve.color)).stroke_width(px.u(if curve.dashed { 1.5 } else { 2.0 }));
        for run in curve.points.split(|p| !p.1.is_finite()).filter(|run| !run.is_empty()) {
            if run.len() == 1 {
                plot.draw_series([Circle::new(run[0], px.u(2.5), style.filled())])?;
            } else if curve.dashed {
                plot.draw_series(DashedLineSeries::new(run.iter().copied(), px.i(5.0), px.i(3.0), style))?;
            } else {
                plot.draw_series(LineSeries::new(run.iter().copied(), style))?;
            }
        }
    }
    if let Some((iteration, Some(v))) = chart.best.filter(|b| b.1.is_some_and(f64::is_finite)) {
        plot.draw_series([Circle::new((iteration, v), px.u(4.5), rgb(DEV).filled())])?;
        plot.draw_series([Circle::new((iteration, v), px.u(4.5), ShapeStyle::from(WHITE).stroke_width(px.u(1.5)))])?;
    }
    Ok(())
}

/// One row above the chart: a short line and a name for each curve that has values (no dev
/// set: no dev entry), shrunk to fit a narrow canvas.
fn draw_legend(head: &DrawingArea<CanvasBackend, Shift>, chart: &Chart, px: Px) -> DrawResult {
    let curves: Vec<&Curve> = chart.curves.iter().chain(chart.secondary.as_ref().map(|s| &s.0)).filter(|c| !c.is_empty()).collect();
    let (swatch, gap, space) = (16.0, 4.0, 12.0);
    let mut widths = Vec::new();
    for curve in &curves {
        widths.push(head.estimate_text_size(&curve.label, &px.font(11.0).into())?.0 as f64 / px.0);
    }
    let needed = 6.0 + widths.iter().map(|w| swatch + gap + w + space).sum::<f64>();
    let px = Px(px.0 * (head.dim_in_pixel().0 as f64 / px.0 / needed).clamp(0.75, 1.0));
    let middle = head.dim_in_pixel().1 as i32 / 2;
    let text = px.font(11.0).color(&INK).pos(Pos::new(HPos::Left, VPos::Center));
    let mut x = 6.0;
    for (curve, width) in curves.iter().zip(widths) {
        let style = ShapeStyle::from(rgb(curve.color)).stroke_width(px.u(2.0));
        let dashes: &[(f64, f64)] = if curve.dashed { &[(0.0, 5.0), (swatch - 5.0, swatch)] } else { &[(0.0, swatch)] };
        for &(from, to) in dashes {
            head.draw(&PathElement::new([(px.i(x + from), middle), (px.i(x + to), middle)], style))?;
        }
        x += swatch + gap;
        head.draw_text(&curve.label, &text, (px.i(x), middle))?;
        x += width + space;
    }
    Ok(())
}
