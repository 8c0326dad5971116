//! The network diagram as data, as in TensorFlow Playground: every node's output over the
//! view square as a small map (from `instruments::NeuronMaps`), where each node and link sits on the canvas, and how each
//! link is stroked, so that L1's exact zeros and dropout's removed units are visible.
//! Pure Rust; `web::network` puts it on a canvas.

use super::colors::{diverging, weight_position, Rgb};
use crate::data::Feature;
use crate::nn::{Dropout, Mlp};

/// Grid cells per side of a node's map: a node is at most 34 CSS px wide, and the maps are
/// smooth, so more would cost a frame's time for nothing visible.
pub const MAP_GRID: usize = 32;

/// The RGBA pixels of a `size`×`size` node drawn from an n×n map (nearest cell), in the
/// strong colours; a dropped unit washed out toward white.
pub fn node_pixels(map: &[f64], n: usize, size: usize, dropped: bool) -> Vec<u8> {
    const WASH: f64 = 0.8;
    let cell = |i: usize| (i * n / size.max(1)).min(n - 1);
    let mut rgba = Vec::with_capacity(size * size * 4);
    for y in 0..size {
        for x in 0..size {
            let [r, g, b] = diverging(map[cell(y) * n + cell(x)]);
            let wash = |v: u8| if dropped { (v as f64 + (255.0 - v as f64) * WASH).round() as u8 } else { v };
            rgba.extend_from_slice(&[wash(r), wash(g), wash(b), 255]);
        }
    }
    rgba
}

/// A rectangle in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// A link of `W[layer]`: from unit `from` of layer l−1 (the column of W) to unit `to` of
/// layer l (the row), drawn from the right edge of one node to the left edge of the other.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    pub layer: usize,
    pub from: usize,
    pub to: usize,
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

/// Margins and sizes in CSS pixels, multiplied by the device pixel ratio.
const LABELS: f64 = 44.0;
const RIGHT: f64 = 6.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 4.0;
const MAX_NODE: f64 = 34.0;
/// a node fills this share of its slot; the rest is the gap to the next one
const FILL: f64 = 0.78;

/// Where every node and link sits on a canvas of `width`×`height` device pixels.
pub struct Layout {
    /// device pixels per CSS pixel
    pub scale: f64,
    /// the centre x of each layer's column
    pub columns: Vec<f64>,
    /// `nodes[l][i]`: unit i of layer l (0 the inputs, the last the output)
    pub nodes: Vec<Vec<Rect>>,
    pub links: Vec<Link>,
}

impl Layout {
    /// `sizes` are `[n_x, n_1, …, 1]`. Columns spread evenly between the feature labels and
    /// the right edge; each column is centred vertically, its nodes as large as fits, whole pixels.
    pub fn new(width: f64, height: f64, sizes: &[usize], scale: f64) -> Layout {
        let (left, right) = ((LABELS * scale).min(width * 0.25), width - (RIGHT * scale).min(width * 0.05));
        let (top, bottom) = ((TOP * scale).min(height * 0.1), height - (BOTTOM * scale).min(height * 0.1));
        let spacing = (right - left) / sizes.len().max(1) as f64;
        let side: Vec<f64> = sizes
            .iter()
            .map(|&n| ((bottom - top) / n.max(1) as f64 * FILL).min(spacing * 0.5).min(MAX_NODE * scale).floor().max(1.0))
            .collect();
        let (first, last) = (left + side[0] / 2.0, right - side[side.len() - 1] / 2.0);
        let columns: Vec<f64> = (0..sizes.len())
            .map(|l| if sizes.len() == 1 { first } else { first + (last - first) * l as f64 / (sizes.len() - 1) as f64 })
            .collect();
        let nodes: Vec<Vec<Rect>> = sizes
            .iter()
            .enumerate()
            .map(|(l, &n)| {
                let s = side[l];
                let slot = (s / FILL).min((bottom - top) / n.max(1) as f64);
                let start = top + ((bottom - top) - slot * n as f64) / 2.0;
                (0..n)
                    .map(|i| Rect { x: (columns[l] - s / 2.0).round(), y: (start + slot * (i as f64 + 0.5) - s / 2.0).round(), w: s, h: s })
                    .collect()
            })
            .collect();
        let mut links = Vec::new();
        for l in 1..nodes.len() {
            for (to, b) in nodes[l].iter().enumerate() {
                for (from, a) in nodes[l - 1].iter().enumerate() {
                    links.push(Link { layer: l, from, to, x1: a.x + a.w, y1: a.y + a.h / 2.0, x2: b.x, y2: b.y + b.h / 2.0 });
                }
            }
        }
        Layout { scale, columns, nodes, links }
    }
}

/// How a link is drawn; `width` in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    pub width: f64,
    pub color: Rgb,
    pub alpha: f64,
    pub dashed: bool,
}

/// |w| at which a link reaches its full width (its full colour: `colors::STRONG_WEIGHT`).
const WIDE_WEIGHT: f64 = 3.0;
const ZERO_GREY: Rgb = [150, 158, 166];
/// Widths and shades come in steps too fine to see, so that many links share one stroke
/// and the canvas draws them in one path.
const STEPS: f64 = 16.0;

/// Width ∝ |w| (clamped) and colour by sign on a fixed scale, so weight decay visibly thins
/// the links; a weight that is exactly 0 (L1 put it there) a thin dashed grey line; the
/// links of a unit dropped in the last iteration faded.
pub fn stroke(w: f64, faded: bool, scale: f64) -> Stroke {
    let alpha = if faded { 0.15 } else { 1.0 };
    if w == 0.0 {
        return Stroke { width: 0.8 * scale, color: ZERO_GREY, alpha: alpha * 0.7, dashed: true };
    }
    let step = |v: f64| (v * STEPS).round() / STEPS;
    let width = (0.5 + 4.0 * step((w.abs() / WIDE_WEIGHT).min(1.0))) * scale;
    let color = diverging(step(weight_position(w)));
    Stroke { width, color, alpha, dashed: false }
}

/// One node as drawn.
pub struct Node {
    pub layer: usize,
    pub unit: usize,
    pub rect: Rect,
    /// the lecture's name: the feature, `a[l]ᵢ`, or `ŷ`
    pub label: String,
    /// removed by dropout in the last iteration (for the first example of its batch)
    pub dropped: bool,
}

/// One link as drawn, with its weight `W[layer]` at (to, from).
pub struct Edge {
    pub link: Link,
    pub weight: f64,
    /// exactly 0, as L1 makes weights
    pub zero: bool,
    /// from or to a unit dropped in the last iteration
    pub faded: bool,
    pub stroke: Stroke,
    /// `W[l]ᵢ,ⱼ`, 1-based as in the lecture
    pub label: String,
}

/// Everything one frame of the diagram draws.
pub struct Diagram {
    pub layout: Layout,
    pub nodes: Vec<Node>,
    /// in drawing order: faded and zero links first, then by growing width, so strong ones lie
    /// on top, links of one stroke next to each other
    pub edges: Vec<Edge>,
    /// above each column: `X`, `A[l]`, `ŷ`
    pub headings: Vec<String>,
}

impl Diagram {
    /// The diagram of `net` on a `width`×`height` canvas (device pixels, `scale` of them per
    /// CSS pixel); `dropout` holds the masks of the last iteration, column 0 its first example.
    pub fn new(net: &Mlp, features: &[Feature], dropout: Option<&Dropout>, width: f64, height: f64, scale: f64) -> Diagram {
        let sizes = layer_sizes(net);
        let layout = Layout::new(width, height, &sizes, scale);
        let output = sizes.len() - 1;
        let dropped = |layer: usize, unit: usize| {
            layer > 0 && layer < output && dropout.and_then(|d| d.masks.get(layer - 1)?.get([unit, 0])).is_some_and(|&m| m == 0.0)
        };
        let label = |layer: usize, unit: usize| match layer {
            0 => features.get(unit).map_or("?", |f| f.label()).to_string(),
            l if l == output => "ŷ".to_string(),
            l => format!("a[{l}]{}", subscript(unit + 1)),
        };
        let nodes = layout
            .nodes
            .iter()
            .enumerate()
            .flat_map(|(layer, rects)| rects.iter().enumerate().map(move |(unit, &rect)| (layer, unit, rect)))
            .map(|(layer, unit, rect)| Node { layer, unit, rect, label: label(layer, unit), dropped: dropped(layer, unit) })
            .collect();
        let mut edges: Vec<Edge> = layout
            .links
            .iter()
            .map(|&link| {
                let weight = net.weights()[link.layer - 1][[link.to, link.from]];
                let faded = dropped(link.layer - 1, link.from) || dropped(link.layer, link.to);
                Edge {
                    link,
                    weight,
                    zero: weight == 0.0,
                    faded,
                    stroke: stroke(weight, faded, scale),
                    label: format!("W[{}]{},{}", link.layer, subscript(link.to + 1), subscript(link.from + 1)),
                }
            })
            .collect();
        edges.sort_by(|a, b| {
            let rank = |e: &Edge| (!e.faded, !e.zero);
            rank(a).cmp(&rank(b)).then(a.stroke.width.total_cmp(&b.stroke.width)).then(a.stroke.color.cmp(&b.stroke.color))
        });
        let headings = (0..sizes.len())
            .map(|l| match l {
                0 => "X".to_string(),
                l if l == output => "ŷ".to_string(),
                l => format!("A[{l}]"),
            })
            .collect();
        Diagram { layout, nodes, edges, headings }
    }
}

/// `[n_x, n_1, …, 1]`: the number of nodes in each column of the diagram.
pub fn layer_sizes(net: &Mlp) -> Vec<usize> {
    let mut sizes = vec![net.inputs()];
    sizes.extend(net.hidden_sizes());
    sizes.push(1);
    sizes
}

/// 12 → "₁₂"
pub fn subscript(n: usize) -> String {
    n.to_string().chars().map(|c| char::from_u32('₀' as u32 + c.to_digit(10).unwrap_or(0)).unwrap_or(c)).collect()
}
