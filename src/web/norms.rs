//! The Norms panel's picture: the L1 diamond ‖w‖₁ ≤ t and the L2 circle ‖w‖₂ ≤ t
//! over the contours of a two-weight loss, each with its constrained optimum and the contour
//! that touches it there: the diamond is touched at a corner (w₂ = 0 exactly), the circle
//! where both weights are non-zero. The numbers come from `instruments::norms`.
//!
//! Lengths are CSS pixels multiplied by `ratio`; the page sizes the backing store.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;

use super::chart_kit::{chart_words, draw_subscripted, subscripted_box, Px, MUTED};
use crate::instruments::norms::EllipticLoss;
use crate::render::colors::{NEGATIVE, POSITIVE};

const L1: RGBColor = RGBColor(NEGATIVE[0], NEGATIVE[1], NEGATIVE[2]);
const L2: RGBColor = RGBColor(POSITIVE[0], POSITIVE[1], POSITIVE[2]);
const LOSS: RGBColor = RGBColor(128, 96, 160);

/// The w₂ range shown; the w₁ range follows from the canvas's shape, so circles stay round.
const W2_VIEW: (f64, f64) = (-0.7, 2.3);
const W1_FROM: f64 = -0.7;
/// Background contours: equally spaced ellipses, L = (k/2)² for k = 1 … CONTOURS.
const CONTOURS: usize = 8;

chart_words! {
    /// The picture's words, in the page's language (www/panels/norms.js): the axes, the
    /// unconstrained minimum ŵ, the L1 optimum (another name when w₂ is exactly 0), the L2 optimum.
    Labels { w1: "w₁", w2: "w₂", unconstrained: "ŵ (λ = 0)", l1: "L1", l1_on_axis: "L1: w₂ = 0", l2: "L2" }
}

/// Draws the picture for the constraint size `t` into `canvas` (backing size = CSS size ×
/// `ratio`). `words`: the page's object of `Labels`. Returns the optima: [L1 w₁, L1 w₂, L2 w₁, L2 w₂].
#[wasm_bindgen(js_name = drawNormBalls)]
pub fn draw_norm_balls(canvas: &web_sys::HtmlCanvasElement, ratio: f64, t: f64, words: &JsValue) -> Result<Vec<f64>, JsValue> {
    let labels = Labels::read(words);
    let px = Px::new(ratio);
    let t = if t.is_finite() { t.clamp(0.0, 10.0) } else { 1.0 };
    let loss = EllipticLoss::lecture_picture();
    let picture = Picture { loss, t, l1: loss.l1_constrained_minimum(t), l2: loss.l2_constrained_minimum(t), labels, px };
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("the norms canvas has no 2d context")?;
    picture.draw(backend.into_drawing_area()).map_err(|e| JsValue::from_str(&e.to_string()))?;
    Ok(vec![picture.l1[0], picture.l1[1], picture.l2[0], picture.l2[1]])
}

struct Picture {
    loss: EllipticLoss,
    t: f64,
    l1: [f64; 2],
    l2: [f64; 2],
    labels: Labels,
    px: Px,
}

type DrawResult = Result<(), DrawingAreaErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

impl Picture {
    /// The labels' size in device pixels: 12 CSS pixels, so the subscripts stay legible.
    fn size(&self) -> f64 {
        12.0 * self.px.0
    }

    fn draw(&self, root: DrawingArea<CanvasBackend, Shift>) -> DrawResult {
        root.fill(&WHITE)?;
        let (w, h) = root.dim_in_pixel();
        let span = W2_VIEW.1 - W2_VIEW.0;
        let w1_to = W1_FROM + span * w as f64 / h.max(1) as f64;
        let area = root.apply_coord_spec(Cartesian2d::<RangedCoordf64, RangedCoordf64>::new(
            W1_FROM..w1_to,
            W2_VIEW.0..W2_VIEW.1,
            (0..w as i32, h as i32..0),
        ));

        let (t, n) = (self.t, 96);
        let diamond = [(t, 0.0), (0.0, t), (-t, 0.0), (0.0, -t)];
        let circle: Vec<(f64, f64)> =
            (0..n).map(|i| std::f64::consts::TAU * i as f64 / n as f64).map(|a| (t * a.cos(), t * a.sin())).collect();
        area.draw(&Polygon::new(diamond.to_vec(), L1.mix(0.10).filled()))?;
        area.draw(&Polygon::new(circle.clone(), L2.mix(0.10).filled()))?;

        // the axes through the origin, named at their ends
        let axis = ShapeStyle::from(MUTED).stroke_width(self.px.u(1.0));
        area.draw(&PathElement::new([(W1_FROM, 0.0), (w1_to, 0.0)], axis))?;
        area.draw(&PathElement::new([(0.0, W2_VIEW.0), (0.0, W2_VIEW.1)], axis))?;
        let (right, top) = (area.map_coordinate(&(w1_to, 0.0)), area.map_coordinate(&(0.0, W2_VIEW.1)));
        draw_subscripted(
            &root,
            &self.labels.w1,
            self.size(),
            &MUTED,
            (HPos::Right, VPos::Top),
            (right.0 - self.px.i(4.0), right.1 + self.px.i(3.0)),
        )?;
        draw_subscripted(
            &root,
            &self.labels.w2,
            self.size(),
            &MUTED,
            (HPos::Left, VPos::Top),
            (top.0 + self.px.i(4.0), top.1 + self.px.i(2.0)),
        )?;

        let faint = ShapeStyle::from(LOSS.mix(0.45)).stroke_width(self.px.u(1.0));
        for k in 1..=CONTOURS {
            area.draw(&PathElement::new(self.contour((k as f64 / 2.0).powi(2)), faint))?;
        }
        let centre = (self.loss.centre[0], self.loss.centre[1]);
        area.draw(&Cross::new(centre, self.px.u(3.5), ShapeStyle::from(LOSS).stroke_width(self.px.u(1.5))))?;
        let c = area.map_coordinate(&centre);
        draw_subscripted(&root, &self.labels.unconstrained, self.size(), &LOSS, (HPos::Left, VPos::Center), (c.0 + self.px.i(7.0), c.1))?;

        area.draw(&PathElement::new(
            diamond.iter().chain(&diamond[..1]).copied().collect::<Vec<_>>(),
            ShapeStyle::from(L1).stroke_width(self.px.u(2.0)),
        ))?;
        area.draw(&PathElement::new(
            circle.iter().chain(&circle[..1]).copied().collect::<Vec<_>>(),
            ShapeStyle::from(L2).stroke_width(self.px.u(2.0)),
        ))?;

        // the contour through each optimum: the lowest loss the constraint allows
        for (w, color) in [(self.l1, L1), (self.l2, L2)] {
            if w != self.loss.centre {
                let style = ShapeStyle::from(color).stroke_width(self.px.u(1.5));
                area.draw(&PathElement::new(self.contour(self.loss.value(w)), style))?;
            }
        }
        for (w, color) in [(self.l2, L2), (self.l1, L1)] {
            area.draw(&Circle::new((w[0], w[1]), self.px.u(4.5), color.filled()))?;
            area.draw(&Circle::new((w[0], w[1]), self.px.u(4.5), ShapeStyle::from(WHITE).stroke_width(self.px.u(1.5))))?;
        }
        let (p1, p2) = (area.map_coordinate(&(self.l1[0], self.l1[1])), area.map_coordinate(&(self.l2[0], self.l2[1])));
        let l1 = if self.l1[1] == 0.0 { &self.labels.l1_on_axis } else { &self.labels.l1 };
        self.label(&root, l1, &L1, HPos::Left, VPos::Top, (p1.0 + self.px.i(3.0), p1.1 + self.px.i(6.0)))?;
        self.label(&root, &self.labels.l2, &L2, HPos::Right, VPos::Bottom, (p2.0 - self.px.i(6.0), p2.1 - self.px.i(4.0)))?;
        Ok(())
    }

    fn contour(&self, level: f64) -> Vec<(f64, f64)> {
        self.loss.contour(level, 120).into_iter().map(|[a, b]| (a, b)).collect()
    }

    /// Text on a white patch, so it stays readable over the lines beneath.
    fn label(
        &self,
        root: &DrawingArea<CanvasBackend, Shift>,
        text: &str,
        color: &RGBColor,
        h: HPos,
        v: VPos,
        at: (i32, i32),
    ) -> DrawResult {
        let ((left, top, tw, th), _) = subscripted_box(root, text, self.size(), (h, v), at)?;
        let pad = self.px.i(2.0);
        root.draw(&Rectangle::new([(left - pad, top - pad / 2), (left + tw + pad, top + th + pad / 2)], WHITE.mix(0.85).filled()))?;
        draw_subscripted(root, text, self.size(), color, (h, v), at)
    }
}
