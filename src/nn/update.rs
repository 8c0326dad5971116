//! One step of gradient descent with the penalty: weight decay for L2, a soft-threshold
//! (proximal) step for L1, so that a weight L1 pushes across 0 stops at exactly 0.

use ndarray::{Array1, Array2};

use super::cost::{Penalty, Regularization};
use super::mlp::{Gradients, Mlp};

/// Applies `W := W − α (dW_data + penalty gradient)`, `b := b − α db` where `grads` holds the
/// data gradients only and `m` is the size of the training set (so λ means the same at any
/// batch size).
/// - L2: `W := (1 − αλ/m) W − α dW_data` — the weight-decay factor of the lecture.
/// - L1: `W := sign(V) · max(|V| − αλ/(2m), 0)` with `V = W − α dW_data`: the constant pull
///   `(λ/2m)·sign(w)`, stopped at 0 instead of overshooting it.
pub fn gradient_descent_step(net: &mut Mlp, grads: &Gradients, reg: &Regularization, alpha: f64, m: f64) {
    let (weights, biases) = net.params_mut();
    for (w, dw) in weights.iter_mut().zip(&grads.dw) {
        update_weights(w, dw, reg, alpha, m);
    }
    for (b, db) in biases.iter_mut().zip(&grads.db) {
        update_biases(b, db, alpha);
    }
}

fn update_weights(w: &mut Array2<f64>, dw: &Array2<f64>, reg: &Regularization, alpha: f64, m: f64) {
    match reg.penalty {
        Penalty::None => w.zip_mut_with(dw, |w, &d| *w -= alpha * d),
        Penalty::L2 => {
            let decay = weight_decay_factor(reg.lambda, alpha, m);
            w.zip_mut_with(dw, |w, &d| *w = decay * *w - alpha * d);
        }
        Penalty::L1 => {
            let threshold = alpha * reg.lambda / (2.0 * m);
            w.zip_mut_with(dw, |w, &d| *w = soft_threshold(*w - alpha * d, threshold));
        }
    }
}

fn update_biases(b: &mut Array1<f64>, db: &Array1<f64>, alpha: f64) {
    b.zip_mut_with(db, |b, &d| *b -= alpha * d);
}

/// `1 − αλ/m`: the factor every L2 step multiplies the weights by.
pub fn weight_decay_factor(lambda: f64, alpha: f64, m: f64) -> f64 {
    1.0 - alpha * lambda / m
}

/// Moves v toward 0 by `t`, stopping at exactly 0.
pub fn soft_threshold(v: f64, t: f64) -> f64 {
    if v > t {
        v - t
    } else if v < -t {
        v + t
    } else {
        0.0
    }
}
