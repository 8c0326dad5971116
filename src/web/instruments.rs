//! Two instruments under the boundary, drawn with plotters-canvas. Weights:
//! a histogram of the weights whose exact zeros stand as a bar of their own, so L1's spike
//! at 0 is unmistakable, beside ‖W[l]‖_F of each layer over the iterations. tanh: the
//! hidden pre-activations z over the training set, piled under the activation's curve with
//! tanh's linear region shaded. Each draw returns the numbers its caption states, as JSON,
//! so the picture and the words come from the same network at the same moment.
//!
//! As in `charts`: the page sizes the backing store for devicePixelRatio, and every length
//! here is in CSS pixels multiplied by the ratio.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::chart_kit::{self, chart_words, draw_subscripted, iteration_tick, rgb, subscripted_box, Px, GRID, INK, MUTED};
use super::Playground;
use crate::instruments::histogram::{hidden_z, largest_weight, weight_histogram, z_histogram, Histogram, Z_REACH};
use crate::instruments::sample;
use crate::nn::Activation;
use crate::render::colors::{Rgb, NEGATIVE, POSITIVE};
use crate::train::session::LINEAR_REGION;
use crate::train::Record;

const THIRD: Rgb = [128, 96, 160];
/// One colour per layer's ‖W[l]‖_F line. Not the page's blue, orange and purple-grey: on
/// this panel those already mean positive, negative and exactly-0 weights.
const LAYER_COLORS: [Rgb; 7] = [[29, 35, 41], [0, 140, 125], [150, 110, 70], [120, 130, 140], [70, 130, 40], [170, 60, 110], [200, 160, 0]];
/// The tanh chart's y axis: a little beyond tanh's range, so the curve's ends stay clear of the frame.
const Y_REACH: f64 = 1.2;

type Area = DrawingArea<CanvasBackend, Shift>;
type DrawResult = Result<(), DrawingAreaErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

chart_words! {
    /// The weights panel's words, in the page's language (www/panels/weights.js): the
    /// histogram's title, the zeros' bar (`{count}` becomes their count), the norms chart's title.
    WeightsWords { title: "Weights, all layers", zero_tag: "exactly 0: {count}", norms: "‖W[l]‖_F", iteration: "iteration" }
}

chart_words! {
    /// The tanh panel's words, in the page's language (www/panels/tanh.js): the activation
    /// curve's name, the identity line's, the histogram's, and the linear region's, in which
    /// `{region}` becomes LINEAR_REGION.
    TanhWords { curve: "g(z)", identity: "z", histogram: "hidden z, training set", region: "|z| < {region}" }
}

#[wasm_bindgen]
impl Playground {
    /// Draws into `canvas` (backing size = CSS size × `ratio`) the histogram of the weights of
    /// layer `layer` (1 is W[1]; 0, or a layer the network lacks, is every layer) on an axis
    /// wide enough for the initial weights too, the exact zeros as a bar of their own; and
    /// beside it ‖W[l]‖_F of every layer over the iterations, `layer`'s line emphasized.
    /// `words`: the page's object of `WeightsWords`.
    /// Returns `{ layer, layers, zeroWeights, weightCount, featuresInUse, featureCount }`,
    /// the counts over the weights drawn (`layer`'s, or all of them).
    #[wasm_bindgen(js_name = drawWeights)]
    pub fn draw_weights(&self, canvas: &HtmlCanvasElement, ratio: f64, layer: u32, words: &JsValue) -> Result<String, JsValue> {
        let w = WeightsWords::read(words);
        let px = Px::new(ratio);
        let weights = self.session.net().weights();
        let initial = self.session.initial_net().weights();
        let chosen = (1..=weights.len()).contains(&(layer as usize)).then(|| layer as usize - 1);
        let (shown, reach) = match chosen {
            Some(l) => (&weights[l..=l], largest_weight(&initial[l..=l])),
            None => (weights, largest_weight(initial)),
        };
        let histogram = weight_histogram(shown, reach);
        let records = self.session.history().records();

        let root = backend(canvas)?.into_drawing_area();
        let drawing = (|| {
            root.fill(&WHITE)?;
            let (left, right) = root.split_horizontally(root.dim_in_pixel().0 as i32 / 2);
            draw_weight_histogram(&left, &histogram, &w.title, &w.zero_tag, px)?;
            draw_norms(&right, records, weights.len(), chosen, &w.norms, &w.iteration, px)
        })();
        drawing.map_err(|e| JsValue::from_str(&e.to_string()))?;

        let e = self.session.evaluation();
        let fields = serde_json::json!({
            "layer": chosen.map_or(0, |l| l + 1),
            "layers": weights.len(),
            "zeroWeights": histogram.zeros,
            "weightCount": histogram.total(),
            "featuresInUse": e.features_in_use,
            "featureCount": self.session.config().inputs(),
        });
        Ok(fields.to_string())
    }

    /// Draws into `canvas` the hidden activation g(z) (tanh by default) with the identity
    /// z, the linear region |z| < LINEAR_REGION shaded, and under them the histogram of every
    /// hidden pre-activation z over the training set, without dropout (z beyond ±3 in the
    /// end bars). `words`: the page's object of `TanhWords`.
    /// Returns `{ activation, zCount, linearFraction, linearity, linearRegion }`: the share of
    /// z in the region (null without hidden layers) and R² of a plane fitted to the output
    /// logit over the view.
    #[wasm_bindgen(js_name = drawTanh)]
    pub fn draw_tanh(&self, canvas: &HtmlCanvasElement, ratio: f64, words: &JsValue) -> Result<String, JsValue> {
        let w = TanhWords::read(words);
        let px = Px::new(ratio);
        let net = self.session.net();
        // a bounded sample of the training set, not a pass over all of it every draw
        let train = self.session.train_set();
        let picked = sample::columns(train.x.view(), train.y.view(), sample::MOST_EXAMPLES);
        let z = hidden_z(net, picked.as_ref().map_or(train.x.view(), |(x, _)| x.view()));
        let histogram = z_histogram(&z);
        // the share over every training example, as metrics() gives it (the session owns it)
        let linear_fraction = self.session.linear_fraction();
        let root = backend(canvas)?.into_drawing_area();
        draw_activation(&root, net.activation(), &histogram, w, px).map_err(|e| JsValue::from_str(&e.to_string()))?;

        let fields = serde_json::json!({
            "activation": net.activation().name(),
            "zCount": z.len(),
            "sampled": picked.is_some(),
            "linearFraction": linear_fraction,
            "linearity": self.session.linearity(),
            "linearRegion": LINEAR_REGION,
        });
        Ok(fields.to_string())
    }
}

fn backend(canvas: &HtmlCanvasElement) -> Result<CanvasBackend, JsValue> {
    CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| JsValue::from_str("the instrument canvas has no 2d context"))
}

fn tick(v: f64) -> String {
    chart_kit::tick(v, 2)
}

/// Counts are whole: the ticks between them stay blank.
fn count_tick(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v}")
    } else {
        String::new()
    }
}

/// At most `most` ticks on an x axis, fewer on a narrow chart so that labels never touch.
fn x_ticks(area: &Area, most: usize, px: Px) -> usize {
    let css_width = area.dim_in_pixel().0 as f64 / px.0;
    ((css_width / 48.0) as usize).clamp(2, most)
}

/// One row above a chart: its title, then a short mark and a name per series, shrunk to
/// fit a narrow chart. A series is (name, colour, dashed, thick); a thick mark is a box.
fn draw_head(head: &Area, title: &str, series: &[(String, RGBAColor, bool, bool)], px: Px) -> DrawResult {
    let (swatch, gap, space) = (12.0, 3.0, 9.0);
    let measure = |text: &str| head.estimate_text_size(text, &px.font(11.0).into()).map(|(w, _)| w as f64 / px.0);
    let mut widths = Vec::new();
    for (name, ..) in series {
        widths.push(measure(name)?);
    }
    let title_box = |px: Px| subscripted_box(head, title, 11.0 * px.0, (HPos::Left, VPos::Center), (0, 0)).map(|(b, _)| b.2 as f64 / px.0);
    let title_width = if title.is_empty() { 0.0 } else { title_box(px)? + space };
    let needed = 4.0 + title_width + widths.iter().map(|w| swatch + gap + w + space).sum::<f64>();
    let px = Px(px.0 * (head.dim_in_pixel().0 as f64 / px.0 / needed).clamp(0.6, 1.0));
    let middle = head.dim_in_pixel().1 as i32 / 2;
    let mut x = 4.0;
    if !title.is_empty() {
        draw_subscripted(head, title, 11.0 * px.0, &INK, (HPos::Left, VPos::Center), (px.i(x), middle))?; // "‖W[l]‖_F": F as a subscript
        x += title_width;
    }
    let text = px.font(11.0).color(&MUTED).pos(Pos::new(HPos::Left, VPos::Center));
    for ((name, color, dashed, thick), width) in series.iter().zip(widths) {
        if *thick {
            head.draw(&Rectangle::new(
                [(px.i(x + 1.0), middle - px.i(4.0)), (px.i(x + swatch - 1.0), middle + px.i(4.0))],
                color.filled(),
            ))?;
        } else {
            let style = ShapeStyle::from(*color).stroke_width(px.u(2.0));
            let pieces: &[(f64, f64)] = if *dashed { &[(0.0, 4.0), (swatch - 4.0, swatch)] } else { &[(0.0, swatch)] };
            for &(from, to) in pieces {
                head.draw(&PathElement::new([(px.i(x + from), middle), (px.i(x + to), middle)], style))?;
            }
        }
        x += swatch + gap;
        head.draw_text(name, &text, (px.i(x), middle))?;
        x += width + space;
    }
    Ok(())
}

/// The axes and grid every instrument chart shares (a macro: plotters' mesh builder is
/// generic over the coordinates and borrows the chart).
macro_rules! mesh {
    ($chart:expr, $px:expr) => {
        $chart
            .configure_mesh()
            .disable_x_mesh()
            .label_style($px.font(10.0).color(&MUTED))
            .axis_style(ShapeStyle::from(MUTED).stroke_width($px.u(1.0)))
            .bold_line_style(ShapeStyle::from(GRID).stroke_width($px.u(1.0)))
            .light_line_style(TRANSPARENT)
            .set_all_tick_mark_size($px.i(3.0))
    };
}

/// How much taller than the tallest other bar the exact zeros' bar is drawn at most: under
/// strong L1 it would otherwise flatten the surviving weights into the axis. A bar cut short
/// has a break in it, and its tag gives the count.
const SPIKE_CAP: f64 = 3.0;

/// Negative weights' bars orange, positive ones blue (the page's weight colours), and the
/// exact zeros a narrow purple-grey bar standing on 0, tagged `zero_tag` (`{count}` becomes
/// their count).
fn draw_weight_histogram(area: &Area, h: &Histogram, title: &str, zero_tag: &str, px: Px) -> DrawResult {
    let (head, body) = area.split_vertically(px.i(18.0));
    draw_head(&head, title, &[], px)?;
    let others = h.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let spike = (h.zeros as f64).min(SPIKE_CAP * others);
    let top = spike.max(others) * 1.22;
    let mut chart = ChartBuilder::on(&body)
        .margin_top(px.i(2.0))
        .margin_right(px.i(10.0))
        .x_label_area_size(px.i(18.0))
        .y_label_area_size(px.i(30.0))
        .build_cartesian_2d(h.lo..h.hi, 0.0..top)?;
    mesh!(chart, px)
        .x_labels(x_ticks(&body, 5, px))
        .y_labels(4)
        .x_label_formatter(&|v| tick(*v))
        .y_label_formatter(&|v| count_tick(*v))
        .draw()?;

    let gap = h.bin_width() * 0.08;
    chart.draw_series((0..h.counts.len()).filter(|&i| h.counts[i] > 0).map(|i| {
        let (from, to) = h.bin(i);
        let color = if to <= 0.0 { NEGATIVE } else { POSITIVE };
        Rectangle::new([(from + gap, 0.0), (to - gap, h.counts[i] as f64)], rgb(color).mix(0.8).filled())
    }))?;
    let zero_line = ShapeStyle::from(MUTED).stroke_width(px.u(1.0));
    chart.draw_series(DashedLineSeries::new([(0.0, 0.0), (0.0, top)], px.i(2.0), px.i(3.0), zero_line))?;
    if h.zeros == 0 {
        return Ok(());
    }
    let (xs, _) = chart.plotting_area().get_pixel_range();
    let units_per_px = (h.hi - h.lo) / (xs.end - xs.start).max(1) as f64;
    let half = 3.0 * px.0 * units_per_px;
    chart.draw_series([Rectangle::new([(-half, 0.0), (half, spike)], rgb(THIRD).filled())])?;
    if (h.zeros as f64) > spike {
        // the break: a white slit across the bar
        let (x0, y0) = chart.backend_coord(&(-half, spike * 0.8));
        let (x1, _) = chart.backend_coord(&(half, spike * 0.8));
        let slit = [(x0 - px.i(2.0), y0 + px.i(1.0)), (x1 + px.i(2.0), y0 - px.i(3.0))];
        area.draw(&PathElement::new(
            slit.map(|(x, y)| (x - area.get_base_pixel().0, y - area.get_base_pixel().1)),
            ShapeStyle::from(WHITE).stroke_width(px.u(2.0)),
        ))?;
    }
    // the tag above the spike, or above the bars around 0 when they are taller, on white
    let middle = h.counts.len() / 2;
    let under_tag = h.counts[middle.saturating_sub(1)..=middle].iter().copied().max().unwrap_or(0) as f64;
    let (x, y) = chart.backend_coord(&(0.0, spike.max(under_tag)));
    let (x, y) = (x - area.get_base_pixel().0, y - area.get_base_pixel().1 - px.i(2.0));
    let text = zero_tag.replace("{count}", &h.zeros.to_string());
    let font = px.font(10.0);
    let (w, th) = area.estimate_text_size(&text, &font.clone().into())?;
    let (w, th) = (w as i32, th as i32);
    area.draw(&Rectangle::new([(x - w / 2 - px.i(2.0), y - th), (x + w / 2 + px.i(2.0), y)], WHITE.filled()))?;
    area.draw_text(&text, &font.color(&rgb(THIRD)).pos(Pos::new(HPos::Center, VPos::Bottom)), (x, y))
}

/// ‖W[l]‖_F of each layer over the recorded iterations; with a layer chosen, the others fade.
fn draw_norms(area: &Area, records: &[Record], layers: usize, chosen: Option<usize>, title: &str, iteration: &str, px: Px) -> DrawResult {
    let color = |l: usize| rgb(LAYER_COLORS[l % LAYER_COLORS.len()]);
    let strong = |l: usize| chosen.is_none_or(|c| c == l);
    let series: Vec<_> =
        (0..layers).map(|l| (format!("W[{}]", l + 1), color(l).mix(if strong(l) { 1.0 } else { 0.4 }), false, false)).collect();
    let (head, body) = area.split_vertically(px.i(18.0));
    draw_head(&head, title, &series, px)?;

    let x_max = records.last().map_or(0, |r| r.iteration).max(10) as f64;
    let y_max = records.iter().flat_map(|r| &r.weight_norms).copied().filter(|v| v.is_finite()).fold(0.0, f64::max);
    let mut chart = ChartBuilder::on(&body)
        .margin_top(px.i(2.0))
        .margin_right(px.i(12.0))
        .x_label_area_size(px.i(18.0))
        .y_label_area_size(px.i(30.0))
        .build_cartesian_2d(0.0..x_max, 0.0..(y_max * 1.1).max(1e-6))?;
    mesh!(chart, px)
        .x_labels(x_ticks(&body, 4, px))
        .y_labels(4)
        .x_label_formatter(&|v| iteration_tick(*v, x_max))
        .y_label_formatter(&|v| tick(*v))
        .draw()?;
    if !iteration.is_empty() {
        let (xs, ys) = chart.plotting_area().get_pixel_range();
        let style = px.font(10.0).color(&MUTED).pos(Pos::new(HPos::Right, VPos::Bottom));
        area.draw_text(iteration, &style, (xs.end - area.get_base_pixel().0, ys.end - area.get_base_pixel().1 - px.i(2.0)))?;
    }
    // the chosen layer last, on top of the faded ones
    let mut order: Vec<usize> = (0..layers).filter(|&l| !strong(l)).collect();
    order.extend((0..layers).filter(|&l| strong(l)));
    for l in order {
        draw_norm_line(
            &mut chart,
            records,
            l,
            color(l).mix(if strong(l) { 1.0 } else { 0.35 }),
            px.u(if chosen == Some(l) { 2.5 } else { 1.5 }),
            px,
        )?;
    }
    Ok(())
}

fn draw_norm_line(
    chart: &mut ChartContext<CanvasBackend, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    records: &[Record],
    l: usize,
    color: RGBAColor,
    width: u32,
    px: Px,
) -> DrawResult {
    let points: Vec<(f64, f64)> = records.iter().filter_map(|r| r.weight_norms.get(l).map(|&n| (r.iteration as f64, n))).collect();
    let style = ShapeStyle::from(color).stroke_width(width);
    for run in points.split(|p| !p.1.is_finite()).filter(|run| !run.is_empty()) {
        if run.len() == 1 {
            chart.draw_series([Circle::new(run[0], px.u(2.5), style.filled())])?;
        } else {
            chart.draw_series(LineSeries::new(run.iter().copied(), style))?;
        }
    }
    Ok(())
}

/// The histogram of z as pale blue bars from the bottom (the tallest reaching near the top,
/// their height is relative: no count axis), the region shaded, then the identity line and
/// the curve g(z) on top, on y ∈ [−1.2, 1.2].
fn draw_activation(root: &Area, g: Activation, h: &Histogram, w: TanhWords, px: Px) -> DrawResult {
    root.fill(&WHITE)?;
    let series = [
        (w.curve, INK.to_rgba(), false, false),
        (w.identity, MUTED.to_rgba(), true, false),
        (w.histogram, rgb(POSITIVE).mix(0.45), false, true),
        (w.region.replace("{region}", &LINEAR_REGION.to_string()), rgb(THIRD).mix(0.25), false, true),
    ];
    let (head, body) = root.split_vertically(px.i(18.0));
    draw_head(&head, "", &series, px)?;

    let mut chart = ChartBuilder::on(&body)
        .margin_top(px.i(2.0))
        .margin_right(px.i(12.0))
        .x_label_area_size(px.i(18.0))
        .y_label_area_size(px.i(26.0))
        .build_cartesian_2d(-Z_REACH..Z_REACH, -Y_REACH..Y_REACH)?;
    mesh!(chart, px)
        .x_labels(x_ticks(&body, 7, px))
        .y_labels(5)
        .x_label_formatter(&|v| tick(*v))
        .y_label_formatter(&|v| if v.fract() == 0.0 { tick(*v) } else { String::new() })
        .draw()?;

    let band = rgb(THIRD).mix(0.18).filled();
    chart.draw_series([Rectangle::new([(-LINEAR_REGION, -Y_REACH), (LINEAR_REGION, Y_REACH)], band)])?;
    let tallest = h.tallest().max(1) as f64;
    let gap = h.bin_width() * 0.06;
    chart.draw_series((0..h.counts.len()).filter(|&i| h.counts[i] > 0).map(|i| {
        let (from, to) = h.bin(i);
        let height = 2.0 * Y_REACH * 0.92 * h.counts[i] as f64 / tallest;
        Rectangle::new([(from + gap, -Y_REACH), (to - gap, -Y_REACH + height)], rgb(POSITIVE).mix(0.45).filled())
    }))?;

    let identity = ShapeStyle::from(MUTED).stroke_width(px.u(1.0));
    chart.draw_series(DashedLineSeries::new([(-Y_REACH, -Y_REACH), (Y_REACH, Y_REACH)], px.i(4.0), px.i(3.0), identity))?;
    // a curve leaving the y range (ReLU) stops at the frame instead of running along it
    let curve: Vec<(f64, f64)> = (0..=240)
        .map(|i| {
            let z = -Z_REACH + 2.0 * Z_REACH * i as f64 / 240.0;
            (z, g.g(z))
        })
        .collect();
    for run in curve.split(|p| p.1.abs() > Y_REACH).filter(|run| run.len() > 1) {
        chart.draw_series(LineSeries::new(run.iter().copied(), ShapeStyle::from(INK).stroke_width(px.u(2.0))))?;
    }
    Ok(())
}
