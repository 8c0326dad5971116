//! Norms and the picture of why L1 gives exact zeros: the lecture's example, and the
//! constrained optima of a two-weight loss inside the L1 diamond and the L2 circle, checked
//! against a brute-force search of the constraint's boundary.

use regplay::instruments::norms::{l1_norm, l2_norm, EllipticLoss};

#[test]
fn the_lectures_example_x_2_3_4() {
    let x = [2.0, 3.0, 4.0];
    assert_eq!(l1_norm(&x), 9.0);
    assert_eq!(l2_norm(&x), 29f64.sqrt());
    assert_eq!(format!("{:.3}", l2_norm(&x)), "5.385");
    assert_eq!(l1_norm(&[-2.0, 3.0, -4.0]), 9.0, "absolute values");
}

/// The lowest loss on the boundary of the constraint ‖w‖ ≤ t, by trying a million points.
fn brute_force(loss: &EllipticLoss, t: f64, norm: fn(&[f64]) -> f64) -> f64 {
    let n = 1_000_000;
    (0..n)
        .map(|i| {
            let theta = std::f64::consts::TAU * i as f64 / n as f64;
            let d = [theta.cos(), theta.sin()];
            let r = t / norm(&d);
            loss.value([r * d[0], r * d[1]])
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn l1_lands_on_a_corner_with_w2_exactly_0_and_l2_keeps_both_weights() {
    let loss = EllipticLoss::lecture_picture();
    for t in [0.25, 0.5, 1.0, 1.5] {
        let w1 = loss.l1_constrained_minimum(t);
        assert_eq!(w1, [t, 0.0], "t = {t}: the L1 optimum is the corner on the w₁ axis");
        let w2 = loss.l2_constrained_minimum(t);
        assert!(w2[0] > 0.1 * t && w2[1] > 0.1 * t, "t = {t}: the L2 optimum {w2:?} keeps both weights");
        assert!((l2_norm(&w2) - t).abs() < 1e-9, "t = {t}: the L2 optimum {w2:?} is on the circle");
    }
}

#[test]
fn both_optima_are_the_lowest_loss_their_constraint_allows() {
    let loss = EllipticLoss::lecture_picture();
    for t in [0.25, 1.0, 1.9, 2.2] {
        for (name, w, norm) in [
            ("L1", loss.l1_constrained_minimum(t), l1_norm as fn(&[f64]) -> f64),
            ("L2", loss.l2_constrained_minimum(t), l2_norm as fn(&[f64]) -> f64),
        ] {
            assert!(norm(&w) <= t + 1e-9, "{name}, t = {t}: {w:?} is outside the constraint");
            let best = brute_force(&loss, t, norm);
            assert!(loss.value(w) <= best + 1e-9, "{name}, t = {t}: L({w:?}) = {} > {best}", loss.value(w));
        }
    }
}

#[test]
fn with_a_large_budget_both_reach_the_unconstrained_minimum() {
    let loss = EllipticLoss::lecture_picture();
    assert_eq!(loss.l1_constrained_minimum(10.0), loss.centre);
    assert_eq!(loss.l2_constrained_minimum(10.0), loss.centre);
    assert_eq!(loss.l2_constrained_minimum(0.0), [0.0, 0.0]);
    assert_eq!(loss.l1_constrained_minimum(0.0), [0.0, 0.0]);
}

#[test]
fn a_contour_is_a_closed_loop_at_its_level() {
    let loss = EllipticLoss::lecture_picture();
    let points = loss.contour(0.8, 64);
    assert_eq!(points.len(), 65);
    assert_eq!(points[0], points[64]);
    for p in points {
        assert!((loss.value(p) - 0.8).abs() < 1e-9, "{p:?}");
    }
}
