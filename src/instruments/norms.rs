//! Norms and why L1 makes weights sparse: a loss of two weights whose contours are
//! ellipses, minimized once inside the L1 diamond ‖w‖₁ ≤ t and once inside the L2 circle
//! ‖w‖₂ ≤ t. The contour that first touches the diamond touches it at a corner, on an axis,
//! so one weight is exactly 0; the one that first touches the circle touches it where both
//! weights are non-zero. Pure numbers; `web::norms` draws them.

pub use crate::nn::cost::{l1_norm, l2_norm};

/// L(w) = (w − centre)ᵀ A (w − centre), whose level-1 contour is the ellipse with
/// semi-axes `axes` about `centre`, its first axis turned `angle` radians from w₁.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EllipticLoss {
    /// the unconstrained minimum ŵ, where training without a penalty would go
    pub centre: [f64; 2],
    pub angle: f64,
    pub axes: [f64; 2],
}

impl EllipticLoss {
    /// The loss the Norms panel draws: its minimum off both axes, its contours tilted so that
    /// the L1 optimum sits on the w₁ axis for every constraint size t up to about 1.5, while
    /// the L2 optimum keeps both weights.
    pub fn lecture_picture() -> EllipticLoss {
        EllipticLoss { centre: [2.2, 1.2], angle: 130f64.to_radians(), axes: [1.5, 0.68] }
    }

    /// `d` in the ellipse's own frame, each coordinate divided by its semi-axis.
    fn scaled(&self, d: [f64; 2]) -> [f64; 2] {
        let (sin, cos) = self.angle.sin_cos();
        [(cos * d[0] + sin * d[1]) / self.axes[0], (-sin * d[0] + cos * d[1]) / self.axes[1]]
    }

    /// xᵀ A y.
    fn form(&self, x: [f64; 2], y: [f64; 2]) -> f64 {
        let (x, y) = (self.scaled(x), self.scaled(y));
        x[0] * y[0] + x[1] * y[1]
    }

    pub fn value(&self, w: [f64; 2]) -> f64 {
        let d = sub(w, self.centre);
        self.form(d, d)
    }

    /// `n` points around the contour L(w) = level, a closed loop (the first point repeated
    /// at the end).
    pub fn contour(&self, level: f64, n: usize) -> Vec<[f64; 2]> {
        let (n, r) = (n.max(3), level.max(0.0).sqrt());
        let (sin, cos) = self.angle.sin_cos();
        let mut points: Vec<[f64; 2]> = (0..n)
            .map(|i| {
                let theta = std::f64::consts::TAU * i as f64 / n as f64;
                let (u, v) = (r * self.axes[0] * theta.cos(), r * self.axes[1] * theta.sin());
                [self.centre[0] + cos * u - sin * v, self.centre[1] + sin * u + cos * v]
            })
            .collect();
        points.push(points[0]);
        points
    }

    /// The minimum of L over the diamond ‖w‖₁ ≤ t. A convex loss over a convex polygon: the
    /// centre if it is inside, else the best point of the four edges, each a quadratic in
    /// one variable minimized exactly; at a corner the zero weight is exactly 0.
    pub fn l1_constrained_minimum(&self, t: f64) -> [f64; 2] {
        let t = t.max(0.0);
        if l1_norm(&self.centre) <= t {
            return self.centre;
        }
        let corners = [[t, 0.0], [0.0, t], [-t, 0.0], [0.0, -t]];
        (0..4)
            .map(|i| self.minimum_on_segment(corners[i], corners[(i + 1) % 4]))
            .min_by(|a, b| self.value(*a).total_cmp(&self.value(*b)))
            .unwrap()
    }

    /// The minimum of L on the segment from p to q: L(p + s(q − p)) is a parabola in s.
    fn minimum_on_segment(&self, p: [f64; 2], q: [f64; 2]) -> [f64; 2] {
        let d = sub(q, p);
        let curvature = self.form(d, d);
        let s = if curvature > 0.0 { -self.form(sub(p, self.centre), d) / curvature } else { 0.0 };
        if s <= 0.0 {
            p
        } else if s >= 1.0 {
            q
        } else {
            [p[0] + s * d[0], p[1] + s * d[1]]
        }
    }

    /// The minimum of L over the disc ‖w‖₂ ≤ t. Outside the centre's reach it is the
    /// minimum of L(w) + μ‖w‖₂² for the μ ≥ 0 that puts it on the circle (μ plays λ's part:
    /// (A + μI) w = A·centre), found by bisection since ‖w(μ)‖ shrinks as μ grows.
    pub fn l2_constrained_minimum(&self, t: f64) -> [f64; 2] {
        let t = t.max(0.0);
        if l2_norm(&self.centre) <= t {
            return self.centre;
        }
        if t == 0.0 {
            return [0.0, 0.0];
        }
        let (e1, e2) = ([1.0, 0.0], [0.0, 1.0]);
        let (a11, a12, a22) = (self.form(e1, e1), self.form(e1, e2), self.form(e2, e2));
        let [c1, c2] = self.centre;
        let ac = [a11 * c1 + a12 * c2, a12 * c1 + a22 * c2];
        let shrunk = |mu: f64| {
            let (p, q, r) = (a11 + mu, a12, a22 + mu);
            let det = p * r - q * q;
            [(r * ac[0] - q * ac[1]) / det, (p * ac[1] - q * ac[0]) / det]
        };
        let (mut low, mut high) = (0.0, 1.0);
        while l2_norm(&shrunk(high)) > t && high < 1e12 {
            high *= 2.0;
        }
        for _ in 0..200 {
            let mid = 0.5 * (low + high);
            if l2_norm(&shrunk(mid)) > t {
                low = mid;
            } else {
                high = mid;
            }
        }
        shrunk(high)
    }
}

fn sub(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
    [a[0] - b[0], a[1] - b[1]]
}
