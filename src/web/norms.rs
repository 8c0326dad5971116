//! The Norms panel's picture: the L1 diamond ‖w‖₁ ≤ t and the L2 circle ‖w‖₂ ≤ t
//! over the contours of a two-weight loss, each with its constrained optimum and the contour
//! that touches it there: the diamond is touched at a corner (w₂ = 0 exactly), the circle
//! where both weights are non-zero. The numbers come from `instruments::norms`.
//!
//! Lengths are CSS pixels multiplied by `ratio`; the page sizes the backing store.

use wasm_bindgen::prelude::*;

use super::chart_kit::MUTED;
use super::plot::{Canvas, Color, Font, Scale, H, V, WHITE};
use crate::instruments::norms::EllipticLoss;
use crate::render::colors::{NEGATIVE, POSITIVE};

const L1: Color = Color::rgb(NEGATIVE);
const L2: Color = Color::rgb(POSITIVE);
const LOSS: Color = Color::rgb([128, 96, 160]);

/// The w₂ range shown; the w₁ range follows from the canvas's shape, so circles stay round.
const W2_VIEW: (f64, f64) = (-0.7, 2.3);
const W1_FROM: f64 = -0.7;
/// Background contours: equally spaced ellipses, L = (k/2)² for k = 1 … CONTOURS.
const CONTOURS: usize = 8;

/// The picture's words, from the page (so they can be translated).
struct Labels {
    w1: String,
    w2: String,
    unconstrained: String,
    l1: String,
    l1_on_axis: String,
    l2: String,
}

/// Draws the picture for the constraint size `t` into `canvas` (backing size = CSS size ×
/// `ratio`). `labels`: [w₁, w₂, the unconstrained minimum ŵ, the L1 optimum, the L1 optimum
/// when w₂ is exactly 0, the L2 optimum]. Returns the optima: [L1 w₁, L1 w₂, L2 w₁, L2 w₂].
#[wasm_bindgen(js_name = drawNormBalls)]
pub fn draw_norm_balls(canvas: &web_sys::HtmlCanvasElement, ratio: f64, t: f64, mut labels: Vec<String>) -> Result<Vec<f64>, JsValue> {
    let scale = if ratio.is_finite() { ratio.clamp(0.5, 4.0) } else { 1.0 };
    let t = if t.is_finite() { t.clamp(0.0, 10.0) } else { 1.0 };
    labels.resize(6, String::new());
    let mut words = labels.into_iter();
    let mut next = || words.next().unwrap_or_default();
    let labels = Labels { w1: next(), w2: next(), unconstrained: next(), l1: next(), l1_on_axis: next(), l2: next() };
    let loss = EllipticLoss::lecture_picture();
    let picture = Picture { loss, t, l1: loss.l1_constrained_minimum(t), l2: loss.l2_constrained_minimum(t), labels, scale };
    picture.draw(&Canvas::of(canvas, "norms")?);
    Ok(vec![picture.l1[0], picture.l1[1], picture.l2[0], picture.l2[1]])
}

struct Picture {
    loss: EllipticLoss,
    t: f64,
    l1: [f64; 2],
    l2: [f64; 2],
    labels: Labels,
    scale: f64,
}

impl Picture {
    fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    fn width(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }

    fn font(&self, color: Color) -> Font {
        Font { size: 11.0 * self.scale, color }
    }

    fn draw(&self, c: &Canvas) {
        c.fill(c.area, WHITE);
        let (w, h) = (c.area.width(), c.area.height());
        let span = W2_VIEW.1 - W2_VIEW.0;
        let w1_to = W1_FROM + span * w as f64 / h.max(1) as f64;
        let x = Scale { lo: W1_FROM, hi: w1_to, from: 0, to: w };
        let y = Scale { lo: W2_VIEW.0, hi: W2_VIEW.1, from: h, to: 0 };
        let at = |(a, b): (f64, f64)| (x.map(a), y.map(b));
        // shapes are held within the canvas (edges included), as plotters drew them
        let dot = |p: (f64, f64)| c.area.clamp(at(p));
        let path = |points: &[(f64, f64)]| points.iter().map(|&p| dot(p)).collect::<Vec<_>>();

        let (t, n) = (self.t, 96);
        let diamond = [(t, 0.0), (0.0, t), (-t, 0.0), (0.0, -t)];
        let circle: Vec<(f64, f64)> =
            (0..n).map(|i| std::f64::consts::TAU * i as f64 / n as f64).map(|a| (t * a.cos(), t * a.sin())).collect();
        c.polygon(&path(&diamond), L1.mix(0.10));
        c.polygon(&path(&circle), L2.mix(0.10));

        // the axes through the origin, named at their ends
        c.path(&path(&[(W1_FROM, 0.0), (w1_to, 0.0)]), MUTED, self.width(1.0));
        c.path(&path(&[(0.0, W2_VIEW.0), (0.0, W2_VIEW.1)]), MUTED, self.width(1.0));
        let (right, top) = (at((w1_to, 0.0)), at((0.0, W2_VIEW.1)));
        c.text(&self.labels.w1, (right.0 - self.px(4.0), right.1 + self.px(3.0)), self.font(MUTED), H::Right, V::Top);
        c.text(&self.labels.w2, (top.0 + self.px(4.0), top.1 + self.px(2.0)), self.font(MUTED), H::Left, V::Top);

        for k in 1..=CONTOURS {
            c.path(&path(&self.contour((k as f64 / 2.0).powi(2))), LOSS.mix(0.45), self.width(1.0));
        }
        let centre = dot((self.loss.centre[0], self.loss.centre[1]));
        let (size, width) = (self.width(3.5) as i32, self.width(1.5));
        c.line((centre.0 - size, centre.1 - size), (centre.0 + size, centre.1 + size), LOSS, width);
        c.line((centre.0 - size, centre.1 + size), (centre.0 + size, centre.1 - size), LOSS, width);
        let centre = at((self.loss.centre[0], self.loss.centre[1]));
        c.text(&self.labels.unconstrained, (centre.0 + self.px(7.0), centre.1), self.font(LOSS), H::Left, V::Middle);

        c.path(&path(&[&diamond[..], &diamond[..1]].concat()), L1, self.width(2.0));
        c.path(&path(&[&circle[..], &circle[..1]].concat()), L2, self.width(2.0));

        // the contour through each optimum: the lowest loss the constraint allows
        for (w, color) in [(self.l1, L1), (self.l2, L2)] {
            if w != self.loss.centre {
                c.path(&path(&self.contour(self.loss.value(w))), color, self.width(1.5));
            }
        }
        for (w, color) in [(self.l2, L2), (self.l1, L1)] {
            c.circle(dot((w[0], w[1])), self.width(4.5), color, None);
            c.circle(dot((w[0], w[1])), self.width(4.5), WHITE, Some(self.width(1.5)));
        }
        let (p1, p2) = (at((self.l1[0], self.l1[1])), at((self.l2[0], self.l2[1])));
        let l1 = if self.l1[1] == 0.0 { &self.labels.l1_on_axis } else { &self.labels.l1 };
        self.label(c, l1, L1, H::Left, V::Top, (p1.0 + self.px(3.0), p1.1 + self.px(6.0)));
        self.label(c, &self.labels.l2, L2, H::Right, V::Bottom, (p2.0 - self.px(6.0), p2.1 - self.px(4.0)));
    }

    fn contour(&self, level: f64) -> Vec<(f64, f64)> {
        self.loss.contour(level, 120).into_iter().map(|[a, b]| (a, b)).collect()
    }

    /// Text on a white patch, so it stays readable over the lines beneath.
    fn label(&self, c: &Canvas, text: &str, color: Color, h: H, v: V, at: (i32, i32)) {
        let font = self.font(color);
        let (tw, th) = c.text_size(text, font);
        let left = match h {
            H::Left => at.0,
            H::Right => at.0 - tw,
            H::Center => at.0 - tw / 2,
        };
        let top = match v {
            V::Top => at.1,
            V::Bottom => at.1 - th,
            V::Middle => at.1 - th / 2,
        };
        let pad = self.px(2.0);
        c.rect((left - pad, top - pad / 2), (left + tw + pad, top + th + pad / 2), WHITE.mix(0.85));
        c.text(text, at, font, h, v);
    }
}
