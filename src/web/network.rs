//! The network diagram on a canvas: links, then every node's map, then the labels; its
//! layout as JSON for the page's hit-testing; and the node the large boundary view shows.

use wasm_bindgen::prelude::*;
use wasm_bindgen::Clamped;
use web_sys::{CanvasRenderingContext2d, ImageData};

use super::Playground;
use crate::instruments::NeuronMaps;
use crate::render::colors::Rgb;
use crate::render::network::{layer_sizes, node_pixels, Diagram, Edge, Node, MAP_GRID};

/// Text size in CSS pixels, and the page's ink colours (style.css `--muted`, `--ink`).
const FONT: f64 = 11.0;
const MUTED: &str = "#5f6b76";
const INK: &str = "#1d2329";

impl Playground {
    /// Draws the whole diagram into `ctx`, `width`×`height` device pixels: links, each
    /// node's map (dropped units washed out, the focused node outlined), feature labels and
    /// layer headings. `frame()` calls it on the network canvas of `setCanvases`.
    pub(super) fn draw_network(&self, ctx: &CanvasRenderingContext2d, width: u32, height: u32) -> Result<(), JsValue> {
        let d = self.diagram(width, height);
        ctx.save();
        ctx.clear_rect(0.0, 0.0, width as f64, height as f64);
        draw_edges(ctx, &d.edges, d.layout.scale)?;
        // digits mode has no plane of inputs to map: its nodes are pictures (web/digits.rs)
        let digits = self.session.config().dataset.is_images();
        let maps = (!digits).then(|| NeuronMaps::new(self.session.net(), &self.session.config().features, MAP_GRID));
        for node in &d.nodes {
            let size = node.rect.w as usize;
            let pixels = match &maps {
                Some(maps) => maps.get(node.layer, node.unit).map(|map| node_pixels(map, maps.n, size, node.dropped)),
                None => self.digit_node_pixels(node.layer, node.unit, size, node.dropped),
            };
            draw_node(ctx, pixels, node, d.layout.scale, self.focus == Some((node.layer, node.unit)))?;
        }
        draw_text(ctx, &d);
        ctx.restore();
        Ok(())
    }
}

#[wasm_bindgen]
impl Playground {
    /// The diagram's geometry in DEVICE pixels (the same `width`, `height` as the drawing):
    /// `{unit:"device px", columns:[x of each layer's centre], nodes:[{layer,unit,x,y,w,h,label,dropped}],
    /// links:[{layer,from,to,x1,y1,x2,y2,weight,zero,label}]}`, links in drawing order.
    /// A link is weight `W[layer]` at row `to`, column `from` (0-based), drawn as a cubic
    /// Bézier from (x1, y1) to (x2, y2) with both control points at x = (x1 + x2) / 2.
    #[wasm_bindgen(js_name = networkLayout)]
    pub fn network_layout(&self, width: u32, height: u32) -> String {
        layout_json(&self.diagram(width, height))
    }

    /// Makes the boundary view show node (layer, unit), layer 0 the inputs and the last the
    /// output; a negative value, or a node the network lacks, shows the output again.
    #[wasm_bindgen(js_name = setFocus)]
    pub fn set_focus(&mut self, layer: i32, unit: i32) {
        let sizes = layer_sizes(self.session.net());
        let node = (layer >= 0 && unit >= 0).then_some((layer as usize, unit as usize));
        self.focus = node.filter(|&(l, u)| sizes.get(l).is_some_and(|&n| u < n));
    }
}

impl Playground {
    fn diagram(&self, width: u32, height: u32) -> Diagram {
        let scale = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(0.5);
        let s = &self.session;
        let (width, height) = (width.max(1) as f64, height.max(1) as f64);
        if s.config().dataset.is_images() {
            return crate::render::digits::diagram(s.net(), s.last_dropout(), width, height, scale);
        }
        Diagram::new(s.net(), &s.config().features, s.last_dropout(), width, height, scale)
    }
}

fn css(color: Rgb) -> String {
    format!("rgb({},{},{})", color[0], color[1], color[2])
}

fn dashes(segments: &[f64]) -> js_sys::Array {
    segments.iter().map(|&v| JsValue::from_f64(v)).collect()
}

/// Links as S-curves, in the diagram's order (faded and zero ones underneath); the links of
/// one stroke go into one path, so a frame makes a few dozen strokes, not thousands.
fn draw_edges(ctx: &CanvasRenderingContext2d, edges: &[Edge], scale: f64) -> Result<(), JsValue> {
    let (solid, dashed) = (dashes(&[]), dashes(&[2.0 * scale, 3.0 * scale]));
    for run in edges.chunk_by(|a, b| a.stroke == b.stroke) {
        let st = run[0].stroke;
        ctx.set_line_dash(if st.dashed { &dashed } else { &solid })?;
        ctx.set_global_alpha(st.alpha);
        ctx.set_stroke_style_str(&css(st.color));
        ctx.set_line_width(st.width);
        ctx.begin_path();
        for l in run.iter().map(|e| e.link) {
            let mid = (l.x1 + l.x2) / 2.0;
            ctx.move_to(l.x1, l.y1);
            ctx.bezier_curve_to(mid, l.y1, mid, l.y2, l.x2, l.y2);
        }
        ctx.stroke();
    }
    ctx.set_global_alpha(1.0);
    ctx.set_line_dash(&solid)
}

/// The node's map, and its frame: dashed for a dropped unit, bold for the focused one.
fn draw_node(ctx: &CanvasRenderingContext2d, pixels: Option<Vec<u8>>, node: &Node, s: f64, focused: bool) -> Result<(), JsValue> {
    let r = node.rect;
    let size = r.w as usize;
    if let Some(pixels) = pixels {
        let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&pixels), size as u32, size as u32)?;
        ctx.put_image_data(&image, r.x, r.y)?;
    }
    let (width, color) = if focused { (2.0 * s, INK) } else { (s, if node.dropped { "#9aa3ab" } else { "#8a949e" }) };
    if node.dropped {
        ctx.set_line_dash(&dashes(&[2.0 * s, 2.0 * s]))?;
    }
    ctx.set_line_width(width);
    ctx.set_stroke_style_str(color);
    // the frame lies just outside the map so it covers none of it
    ctx.stroke_rect(r.x - width / 2.0, r.y - width / 2.0, r.w + width, r.h + width);
    ctx.set_line_dash(&dashes(&[]))
}

/// Feature names left of the inputs, `X`/`A[l]`/`ŷ` above the columns.
fn draw_text(ctx: &CanvasRenderingContext2d, d: &Diagram) {
    let s = d.layout.scale;
    ctx.set_font(&format!("{}px system-ui, sans-serif", (FONT * s).round()));
    ctx.set_text_baseline("middle");
    ctx.set_fill_style_str(INK);
    ctx.set_text_align("right");
    for node in d.nodes.iter().filter(|n| n.layer == 0) {
        let _ = ctx.fill_text(&node.label, node.rect.x - 5.0 * s, node.rect.y + node.rect.h / 2.0);
    }
    ctx.set_fill_style_str(MUTED);
    ctx.set_text_align("center");
    for (l, &x) in d.layout.columns.iter().enumerate() {
        let _ = ctx.fill_text(&d.headings[l], x, 8.0 * s);
    }
}

/// The diagram's geometry as JSON, in device pixels.
fn layout_json(d: &Diagram) -> String {
    use serde_json::json;
    let nodes: Vec<_> = d
        .nodes
        .iter()
        .map(|n| {
            let r = n.rect;
            json!({ "layer": n.layer, "unit": n.unit, "x": r.x, "y": r.y, "w": r.w, "h": r.h, "label": n.label, "dropped": n.dropped })
        })
        .collect();
    let links: Vec<_> = d
        .edges
        .iter()
        .map(|e| {
            let l = e.link;
            json!({
                "layer": l.layer, "from": l.from, "to": l.to, "x1": l.x1, "y1": l.y1, "x2": l.x2, "y2": l.y2,
                "weight": e.weight, "zero": e.zero, "label": e.label,
            })
        })
        .collect();
    json!({ "unit": "device px", "columns": d.layout.columns, "nodes": nodes, "links": links }).to_string()
}
