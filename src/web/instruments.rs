//! Two instruments under the boundary, drawn with `plot`'s tools. Weights:
//! a histogram of the weights whose exact zeros stand as a bar of their own, so L1's spike
//! at 0 is unmistakable, beside ‖W[l]‖_F of each layer over the iterations. tanh: the
//! hidden pre-activations z over the training set, piled under the activation's curve with
//! tanh's linear region shaded. Each draw returns the numbers its caption states, as JSON,
//! so the picture and the words come from the same network at the same moment.
//!
//! As in `charts`: the page sizes the backing store for devicePixelRatio, and every length
//! here is in CSS pixels multiplied by the ratio.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::chart_kit::{self, iteration_tick, Px, GRID, INK, MUTED};
use super::plot::{Area, Canvas, Color, Margins, Mesh, Plot, H, V, WHITE};
use super::Playground;
use crate::instruments::histogram::{hidden_z, largest_weight, share_inside, weight_histogram, z_histogram, Histogram, Z_REACH};
use crate::json::Writer;
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

/// `labels[i]`, or nothing when the page passed fewer.
fn label(labels: &[String], i: usize) -> &str {
    labels.get(i).map_or("", String::as_str)
}

#[wasm_bindgen]
impl Playground {
    /// Draws into `canvas` (backing size = CSS size × `ratio`) the histogram of the weights of
    /// layer `layer` (1 is W[1]; 0, or a layer the network lacks, is every layer) on an axis
    /// wide enough for the initial weights too, the exact zeros as a bar of their own; and
    /// beside it ‖W[l]‖_F of every layer over the iterations, `layer`'s line emphasized.
    /// `labels`: [histogram title, tag of the zeros' bar (`{count}` becomes their count), norms
    /// title, "iteration"].
    /// Returns `{ layer, layers, zeroWeights, weightCount, featuresInUse, featureCount }`,
    /// the counts over the weights drawn (`layer`'s, or all of them).
    #[wasm_bindgen(js_name = drawWeights)]
    pub fn draw_weights(&self, canvas: &HtmlCanvasElement, ratio: f64, layer: u32, labels: Vec<String>) -> Result<String, JsValue> {
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

        let c = Canvas::of(canvas, "instrument")?;
        c.fill(c.area, WHITE);
        let (left, right) = c.area.split_horizontally(c.area.width() / 2);
        draw_weight_histogram(&c, left, &histogram, label(&labels, 0), label(&labels, 1), px);
        draw_norms(&c, right, records, weights.len(), chosen, label(&labels, 2), label(&labels, 3), px);

        let e = self.session.evaluation();
        let mut fields = Writer::new();
        fields
            .begin_object()
            .field("featureCount", self.session.config().features.len())
            .field("featuresInUse", e.features_in_use)
            .field("layer", chosen.map_or(0, |l| l + 1))
            .field("layers", weights.len())
            .field("weightCount", histogram.total())
            .field("zeroWeights", histogram.zeros)
            .end_object();
        Ok(fields.finish())
    }

    /// Draws into `canvas` the hidden activation g(z) (tanh by default) with the identity
    /// z, the linear region |z| < LINEAR_REGION shaded, and under them the histogram of every
    /// hidden pre-activation z over the training set, without dropout (z beyond ±3 in the
    /// end bars). `labels`: [the curve's name, "z" for the identity line, the histogram's
    /// name, the region's name, in which `{region}` becomes LINEAR_REGION].
    /// Returns `{ activation, zCount, linearFraction, linearity, linearRegion }`: the share of
    /// z in the region (null without hidden layers) and R² of a plane fitted to the output
    /// logit over the view.
    #[wasm_bindgen(js_name = drawTanh)]
    pub fn draw_tanh(&self, canvas: &HtmlCanvasElement, ratio: f64, labels: Vec<String>) -> Result<String, JsValue> {
        let px = Px::new(ratio);
        let net = self.session.net();
        let z = hidden_z(net, self.session.train_set().x.view());
        let histogram = z_histogram(&z);
        draw_activation(&Canvas::of(canvas, "instrument")?, net.activation(), &histogram, &labels, px);

        let mut fields = Writer::new();
        fields
            .begin_object()
            .field("activation", net.activation().name())
            .field("linearFraction", share_inside(&z, LINEAR_REGION))
            .field("linearRegion", LINEAR_REGION)
            .field("linearity", self.session.linearity())
            .field("zCount", z.len())
            .end_object();
        Ok(fields.finish())
    }
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
fn x_ticks(area: Area, most: usize, px: Px) -> usize {
    let css_width = area.width() as f64 / px.0;
    ((css_width / 48.0) as usize).clamp(2, most)
}

/// One row above a chart: its title, then a short mark and a name per series, shrunk to
/// fit a narrow chart. A series is (name, colour, dashed, thick); a thick mark is a box.
#[inline(never)]
fn draw_head(c: &Canvas, head: Area, title: &str, series: &[(String, Color, bool, bool)], px: Px) {
    let (swatch, gap, space) = (12.0, 3.0, 9.0);
    let measure = |text: &str| c.text_size(text, px.font(11.0, INK)).0 as f64 / px.0;
    let widths: Vec<f64> = series.iter().map(|(name, ..)| measure(name)).collect();
    let title_width = if title.is_empty() { 0.0 } else { measure(title) + space };
    let needed = 4.0 + title_width + widths.iter().map(|w| swatch + gap + w + space).sum::<f64>();
    let px = Px(px.0 * (head.width() as f64 / px.0 / needed).clamp(0.6, 1.0));
    let middle = head.y0 + head.height() / 2;
    let at = |x: f64| head.x0 + px.i(x);
    let mut x = 4.0;
    if !title.is_empty() {
        c.text(title, (at(x), middle), px.font(11.0, INK), H::Left, V::Middle);
        x += title_width;
    }
    for ((name, color, dashed, thick), width) in series.iter().zip(widths) {
        if *thick {
            c.rect((at(x + 1.0), middle - px.i(4.0)), (at(x + swatch - 1.0), middle + px.i(4.0)), *color);
        } else {
            let pieces: &[(f64, f64)] = if *dashed { &[(0.0, 4.0), (swatch - 4.0, swatch)] } else { &[(0.0, swatch)] };
            for &(from, to) in pieces {
                c.path(&[(at(x + from), middle), (at(x + to), middle)], *color, px.u(2.0));
            }
        }
        x += swatch + gap;
        c.text(name, (at(x), middle), px.font(11.0, MUTED), H::Left, V::Middle);
        x += width + space;
    }
}

/// The axes and grid every instrument chart shares.
fn mesh<'a>(
    x_labels: usize,
    integer_x: bool,
    y_labels: usize,
    x_format: &'a dyn Fn(f64) -> String,
    y_format: &'a dyn Fn(f64) -> String,
    px: Px,
) -> Mesh<'a> {
    Mesh {
        x_labels,
        integer_x,
        y_labels,
        x_format,
        y_format,
        x_desc: "",
        font: px.font(10.0, MUTED),
        axis: (MUTED, px.u(1.0)),
        grid: Some((GRID, px.u(1.0))),
        tick: px.i(3.0),
    }
}

/// Margins of an instrument chart: `right` CSS px on the right, `left` for the y labels.
fn margins(px: Px, right: f64, left: f64) -> Margins {
    Margins { top: px.i(2.0), right: px.i(right), bottom_labels: px.i(18.0), left_labels: px.i(left), right_labels: 0 }
}

/// How much taller than the tallest other bar the exact zeros' bar is drawn at most: under
/// strong L1 it would otherwise flatten the surviving weights into the axis. A bar cut short
/// has a break in it, and its tag gives the count.
const SPIKE_CAP: f64 = 3.0;

/// Negative weights' bars orange, positive ones blue (the page's weight colours), and the
/// exact zeros a narrow purple-grey bar standing on 0, tagged `zero_tag` (`{count}` becomes
/// their count).
fn draw_weight_histogram(c: &Canvas, area: Area, h: &Histogram, title: &str, zero_tag: &str, px: Px) {
    let (head, body) = area.split_vertically(px.i(18.0));
    draw_head(c, head, title, &[], px);
    let others = h.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let spike = (h.zeros as f64).min(SPIKE_CAP * others);
    let top = spike.max(others) * 1.22;
    let chart = Plot::new(body, margins(px, 10.0, 30.0), (h.lo, h.hi), (0.0, top));
    chart.mesh(c, &mesh(x_ticks(body, 5, px), false, 4, &tick, &count_tick, px));

    let gap = h.bin_width() * 0.08;
    for i in (0..h.counts.len()).filter(|&i| h.counts[i] > 0) {
        let (from, to) = h.bin(i);
        let color = if to <= 0.0 { NEGATIVE } else { POSITIVE };
        c.rect(chart.at((from + gap, 0.0)), chart.at((to - gap, h.counts[i] as f64)), Color::rgb(color).mix(0.8));
    }
    c.dashed(&chart.points([(0.0, 0.0), (0.0, top)]), px.i(2.0), px.i(3.0), MUTED, px.u(1.0));
    if h.zeros == 0 {
        return;
    }
    let units_per_px = (h.hi - h.lo) / chart.area.width().max(1) as f64;
    let half = 3.0 * px.0 * units_per_px;
    c.rect(chart.at((-half, 0.0)), chart.at((half, spike)), Color::rgb(THIRD));
    if (h.zeros as f64) > spike {
        // the break: a white slit across the bar
        let (x0, y0) = chart.coord((-half, spike * 0.8));
        let (x1, _) = chart.coord((half, spike * 0.8));
        c.path(&[(x0 - px.i(2.0), y0 + px.i(1.0)), (x1 + px.i(2.0), y0 - px.i(3.0))], WHITE, px.u(2.0));
    }
    // the tag above the spike, or above the bars around 0 when they are taller, on white
    let middle = h.counts.len() / 2;
    let under_tag = h.counts[middle.saturating_sub(1)..=middle].iter().copied().max().unwrap_or(0) as f64;
    let (x, y) = chart.coord((0.0, spike.max(under_tag)));
    let y = y - px.i(2.0);
    let text = zero_tag.replace("{count}", &h.zeros.to_string());
    let font = px.font(10.0, Color::rgb(THIRD));
    let (w, th) = c.text_size(&text, font);
    c.rect((x - w / 2 - px.i(2.0), y - th), (x + w / 2 + px.i(2.0), y), WHITE);
    c.text(&text, (x, y), font, H::Center, V::Bottom);
}

/// ‖W[l]‖_F of each layer over the recorded iterations; with a layer chosen, the others fade.
#[allow(clippy::too_many_arguments)]
fn draw_norms(c: &Canvas, area: Area, records: &[Record], layers: usize, chosen: Option<usize>, title: &str, iteration: &str, px: Px) {
    let color = |l: usize| Color::rgb(LAYER_COLORS[l % LAYER_COLORS.len()]);
    let strong = |l: usize| chosen.is_none_or(|c| c == l);
    let series: Vec<_> =
        (0..layers).map(|l| (format!("W[{}]", l + 1), color(l).mix(if strong(l) { 1.0 } else { 0.4 }), false, false)).collect();
    let (head, body) = area.split_vertically(px.i(18.0));
    draw_head(c, head, title, &series, px);

    let x_max = records.last().map_or(0, |r| r.iteration).max(10);
    let y_max = records.iter().flat_map(|r| &r.weight_norms).copied().filter(|v| v.is_finite()).fold(0.0, f64::max);
    let chart = Plot::new(body, margins(px, 12.0, 30.0), (0.0, x_max as f64), (0.0, (y_max * 1.1).max(1e-6)));
    chart.mesh(c, &mesh(x_ticks(body, 4, px), true, 4, &|v| iteration_tick(v as u64, x_max), &tick, px));
    if !iteration.is_empty() {
        let a = chart.area;
        c.text(iteration, (a.x1, a.y1 - px.i(2.0)), px.font(10.0, MUTED), H::Right, V::Bottom);
    }
    // the chosen layer last, on top of the faded ones
    let mut order: Vec<usize> = (0..layers).filter(|&l| !strong(l)).collect();
    order.extend((0..layers).filter(|&l| strong(l)));
    for l in order {
        let points: Vec<(f64, f64)> = records.iter().filter_map(|r| r.weight_norms.get(l).map(|&n| (r.iteration as f64, n))).collect();
        let color = color(l).mix(if strong(l) { 1.0 } else { 0.35 });
        let width = px.u(if chosen == Some(l) { 2.5 } else { 1.5 });
        for run in points.split(|p| !p.1.is_finite()).filter(|run| !run.is_empty()) {
            let run = chart.points(run.iter().copied());
            if run.len() == 1 {
                c.circle(run[0], px.u(2.5), color, None);
            } else {
                c.path(&run, color, width);
            }
        }
    }
}

/// The histogram of z as pale blue bars from the bottom (the tallest reaching near the top,
/// their height is relative: no count axis), the region shaded, then the identity line and
/// the curve g(z) on top, on y ∈ [−1.2, 1.2].
fn draw_activation(c: &Canvas, g: Activation, h: &Histogram, labels: &[String], px: Px) {
    c.fill(c.area, WHITE);
    let series = [
        (label(labels, 0).to_string(), INK, false, false),
        (label(labels, 1).to_string(), MUTED, true, false),
        (label(labels, 2).to_string(), Color::rgb(POSITIVE).mix(0.45), false, true),
        (label(labels, 3).replace("{region}", &LINEAR_REGION.to_string()), Color::rgb(THIRD).mix(0.25), false, true),
    ];
    let (head, body) = c.area.split_vertically(px.i(18.0));
    draw_head(c, head, "", &series, px);

    let chart = Plot::new(body, margins(px, 12.0, 26.0), (-Z_REACH, Z_REACH), (-Y_REACH, Y_REACH));
    let y_format = |v: f64| if v.fract() == 0.0 { tick(v) } else { String::new() };
    chart.mesh(c, &mesh(x_ticks(body, 7, px), false, 5, &tick, &y_format, px));

    c.rect(chart.at((-LINEAR_REGION, -Y_REACH)), chart.at((LINEAR_REGION, Y_REACH)), Color::rgb(THIRD).mix(0.18));
    let tallest = h.tallest().max(1) as f64;
    let gap = h.bin_width() * 0.06;
    for i in (0..h.counts.len()).filter(|&i| h.counts[i] > 0) {
        let (from, to) = h.bin(i);
        let height = 2.0 * Y_REACH * 0.92 * h.counts[i] as f64 / tallest;
        c.rect(chart.at((from + gap, -Y_REACH)), chart.at((to - gap, -Y_REACH + height)), Color::rgb(POSITIVE).mix(0.45));
    }

    c.dashed(&chart.points([(-Y_REACH, -Y_REACH), (Y_REACH, Y_REACH)]), px.i(4.0), px.i(3.0), MUTED, px.u(1.0));
    // a curve leaving the y range (ReLU) stops at the frame instead of running along it
    let curve: Vec<(f64, f64)> = (0..=240)
        .map(|i| {
            let z = -Z_REACH + 2.0 * Z_REACH * i as f64 / 240.0;
            (z, g.g(z))
        })
        .collect();
    for run in curve.split(|p| p.1.abs() > Y_REACH).filter(|run| run.len() > 1) {
        c.path(&chart.points(run.iter().copied()), INK, px.u(2.0));
    }
}
