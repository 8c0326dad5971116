//! The curves panel (early stopping): training cost J with its data cost and
//! penalty, and the dev cost, above; training and dev error below; both against iterations,
//! with the dev-cost minimum marked "best".
//!
//! The page sizes the backing store for devicePixelRatio, and every length here is given in
//! CSS pixels and multiplied by the ratio.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::chart_kit::{iteration_tick, tick, Px, GRID, INK, MUTED};
use super::plot::{Area, Canvas, Color, Margins, Mesh, Plot, H, V, WHITE};
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
    points: Vec<(u64, f64)>,
}

impl Curve {
    fn new(label: &str, color: [u8; 3], dashed: bool, records: &[Record], value: impl Fn(&Record) -> f64) -> Curve {
        Curve { label: label.to_string(), color, dashed, points: records.iter().map(|r| (r.iteration, value(r))).collect() }
    }

    fn is_empty(&self) -> bool {
        !self.points.iter().any(|p| p.1.is_finite())
    }
}

struct Chart {
    y_top: f64,
    y_label: fn(f64) -> String,
    curves: Vec<Curve>,
    /// the dev-cost minimum: its iteration, and the value to put a dot on
    best: Option<(u64, Option<f64>)>,
    /// a curve on its own scale, labelled on the right (‖W‖ beside the errors)
    secondary: Option<(Curve, f64)>,
    x_label: String,
    best_label: String,
}

/// The words on the charts, in the page's language, in this order.
const LABELS: [&str; 10] =
    ["training J", "data cost", "penalty", "dev cost", "training error", "dev error", "iteration", "best", "J with dropout", "‖W‖"];

fn label(labels: &[String], i: usize) -> String {
    labels.get(i).cloned().unwrap_or_else(|| LABELS[i].to_string())
}

#[wasm_bindgen]
impl Playground {
    /// Draws the cost and error charts into two canvases whose backing sizes the page has
    /// set to CSS size × `ratio` (devicePixelRatio). `labels` are the words of `LABELS` in the
    /// page's language (missing ones stay English).
    ///
    /// With dropout on, the cost of each dropped-out step is noisy and is what training
    /// follows ("J with dropout"); `checkj` (the lecture's debugging advice) adds J with
    /// keep_prob = 1, which must fall monotonically. ‖W‖ rides beside the errors on its own
    /// scale: stopping early picks a mid-sized W, as L2 does.
    #[wasm_bindgen(js_name = drawCharts)]
    pub fn draw_charts(&self, cost: &HtmlCanvasElement, error: &HtmlCanvasElement, ratio: f64, labels: Vec<String>) -> Result<(), JsValue> {
        let px = Px::new(ratio);
        let records = self.session.history().records();
        let x_max = records.last().map_or(0, |r| r.iteration).max(10);
        let best = self.session.best().map(|b| (b.iteration, b.dev_cost));
        let config = self.session.config();
        let dropout = config.keep.iter().any(|&k| k < 1.0);
        let l = |i| label(&labels, i);

        let penalized = records.iter().any(|r| r.penalty > 0.0);
        let mut costs = Vec::new();
        if dropout {
            costs.push(Curve::new(&l(8), TRAIN_LIGHT, false, records, |r| r.step_cost + r.penalty));
        }
        if !dropout || config.checkj {
            costs.push(Curve::new(&l(0), TRAIN, false, records, |r| r.total_cost));
        }
        if penalized {
            costs.push(Curve::new(&l(1), TRAIN, true, records, |r| r.data_cost));
            costs.push(Curve::new(&l(2), PENALTY, false, records, |r| r.penalty));
        }
        costs.push(Curve::new(&l(3), DEV, false, records, |r| r.dev_cost));
        let cost_chart = Chart {
            y_top: robust_top(&costs),
            y_label: number,
            curves: costs,
            best: best.map(|(i, c)| (i, Some(c))),
            secondary: None,
            x_label: l(6),
            best_label: l(7),
        };

        let errors = vec![
            Curve::new(&l(4), TRAIN, false, records, |r| 1.0 - r.train_accuracy),
            Curve::new(&l(5), DEV, false, records, |r| 1.0 - r.dev_accuracy),
        ];
        let norm = Curve::new(&l(9), PENALTY, true, records, |r| r.weight_norms.iter().map(|n| n * n).sum::<f64>().sqrt());
        let norm_top = 1.1 * max_finite(norm.points.iter()).max(1e-9);
        let error_top = robust_top(&errors).clamp(0.05, 1.0);
        let error_chart = Chart {
            y_top: error_top,
            y_label: percent,
            curves: errors,
            best: best.map(|(i, _)| (i, None)),
            secondary: Some((norm, norm_top)),
            x_label: l(6),
            best_label: l(7),
        };

        draw(cost, &cost_chart, x_max, px)?;
        draw(error, &error_chart, x_max, px)
    }
}

fn max_finite<'a>(points: impl Iterator<Item = &'a (u64, f64)>) -> f64 {
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

fn number(v: f64) -> String {
    tick(v, 3)
}

fn percent(v: f64) -> String {
    format!("{}%", tick(v * 100.0, 3))
}

fn draw(canvas: &HtmlCanvasElement, chart: &Chart, x_max: u64, px: Px) -> Result<(), JsValue> {
    let c = Canvas::of(canvas, "chart")?;
    draw_chart(&c, chart, x_max, px);
    Ok(())
}

fn draw_chart(c: &Canvas, chart: &Chart, x_max: u64, px: Px) {
    c.fill(c.area, WHITE);
    let (head, body) = c.area.split_vertically(px.i(18.0));
    draw_legend(c, head, chart, px);

    let secondary = chart.secondary.is_some();
    let margins = Margins {
        top: px.i(4.0),
        right: px.i(if secondary { 2.0 } else { 12.0 }),
        bottom_labels: px.i(30.0),
        left_labels: px.i(40.0),
        right_labels: px.i(if secondary { 30.0 } else { 0.0 }),
    };
    let plot = Plot::new(body, margins, (0.0, x_max as f64), (0.0, chart.y_top));
    let label = px.font(10.0, MUTED);
    let axis = (MUTED, px.u(1.0));
    plot.mesh(
        c,
        &Mesh {
            x_labels: 6,
            integer_x: true,
            y_labels: 5,
            x_format: &|v| iteration_tick(v as u64, x_max),
            y_format: &chart.y_label,
            x_desc: &chart.x_label,
            font: label,
            axis,
            grid: Some((GRID, px.u(1.0))),
            tick: px.i(3.0),
        },
    );
    let secondary = chart.secondary.as_ref().map(|(curve, top)| {
        let scale = plot.secondary((0.0, *top));
        plot.right_axis(c, scale, 4, &number, px.font(10.0, Color::rgb(curve.color)), axis, px.i(3.0));
        (curve, scale)
    });

    // values above y_top (an early spike) are cut at the frame's top; the other sides leave
    // room for a whole dot or line on the edge
    let a = plot.area;
    let room = px.i(6.0);
    c.ctx.save();
    c.ctx.begin_path();
    c.ctx.rect((a.x0 - room) as f64, a.y0 as f64, (a.width() + 2 * room) as f64, (a.height() + room) as f64);
    c.ctx.clip();
    draw_curves(c, &plot, chart, px);
    if let Some((curve, scale)) = secondary {
        for run in curve.points.split(|p| !p.1.is_finite()).filter(|run| run.len() > 1) {
            let points: Vec<_> = run.iter().map(|&(i, v)| plot.area.clamp((plot.x.map(i as f64), scale.map(v)))).collect();
            c.dashed(&points, px.i(5.0), px.i(3.0), Color::rgb(curve.color), px.u(1.5));
        }
    }
    c.ctx.restore();

    if let Some((iteration, _)) = chart.best {
        let x = plot.x.map(iteration as f64);
        let right = x + px.i(40.0) < a.x1;
        let (h, dx) = if right { (H::Left, px.i(3.0)) } else { (H::Right, -px.i(3.0)) };
        c.text(&chart.best_label, (x + dx, a.y0 + px.i(2.0)), label, h, V::Top);
    }
}

/// The "best" line under the curves, its dot on top of them.
fn draw_curves(c: &Canvas, plot: &Plot, chart: &Chart, px: Px) {
    if let Some((iteration, _)) = chart.best {
        let x = iteration as f64;
        c.dashed(&plot.points([(x, 0.0), (x, chart.y_top)]), px.i(3.0), px.i(3.0), MUTED, px.u(1.0));
    }
    for curve in &chart.curves {
        let color = Color::rgb(curve.color);
        let width = px.u(if curve.dashed { 1.5 } else { 2.0 });
        for run in curve.points.split(|p| !p.1.is_finite()).filter(|run| !run.is_empty()) {
            let points = plot.points(run.iter().map(|&(i, v)| (i as f64, v)));
            if run.len() == 1 {
                c.circle(points[0], px.u(2.5), color, None);
            } else if curve.dashed {
                c.dashed(&points, px.i(5.0), px.i(3.0), color, width);
            } else {
                c.path(&points, color, width);
            }
        }
    }
    if let Some((iteration, Some(v))) = chart.best.filter(|b| b.1.is_some_and(f64::is_finite)) {
        let at = plot.at((iteration as f64, v));
        c.circle(at, px.u(4.5), Color::rgb(DEV), None);
        c.circle(at, px.u(4.5), WHITE, Some(px.u(1.5)));
    }
}

/// One row above the chart: a short line and a name for each curve that has values (no dev
/// set: no dev entry), shrunk to fit a narrow canvas.
fn draw_legend(c: &Canvas, head: Area, chart: &Chart, px: Px) {
    let curves: Vec<&Curve> = chart.curves.iter().chain(chart.secondary.as_ref().map(|s| &s.0)).filter(|c| !c.is_empty()).collect();
    let (swatch, gap, space) = (16.0, 4.0, 12.0);
    let widths: Vec<f64> = curves.iter().map(|curve| c.text_size(&curve.label, px.font(11.0, INK)).0 as f64 / px.0).collect();
    let needed = 6.0 + widths.iter().map(|w| swatch + gap + w + space).sum::<f64>();
    let px = Px(px.0 * (head.width() as f64 / px.0 / needed).clamp(0.75, 1.0));
    let middle = head.y0 + head.height() / 2;
    let mut x = 6.0;
    for (curve, width) in curves.iter().zip(widths) {
        let dashes: &[(f64, f64)] = if curve.dashed { &[(0.0, 5.0), (swatch - 5.0, swatch)] } else { &[(0.0, swatch)] };
        for &(from, to) in dashes {
            c.path(&[(head.x0 + px.i(x + from), middle), (head.x0 + px.i(x + to), middle)], Color::rgb(curve.color), px.u(2.0));
        }
        x += swatch + gap;
        c.text(&curve.label, (head.x0 + px.i(x), middle), px.font(11.0, INK), H::Left, V::Middle);
        x += width + space;
    }
}
