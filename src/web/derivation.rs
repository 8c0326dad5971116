//! The numbers of the weight-decay derivation for one weight, as the lecture writes it:
//! dW = (from backprop) + (λ/m) W, so W := (1 − αλ/m) W − α (from backprop).

use wasm_bindgen::prelude::*;

use super::Playground;
use crate::instruments::sample;
use crate::nn::Penalty;

#[wasm_bindgen]
impl Playground {
    /// `{ layer, row, col, rows, cols, layers, w, backprop, regTerm, dw, alpha, lambda, m, factor, next, reg }`
    /// for weight `W[layer]` (1-based) at `row`, `col` (0-based, clamped into the matrix): the
    /// data cost's gradient by backprop over the whole training set without dropout (over
    /// `sample` of its examples, evenly spaced, when it has more than
    /// `sample::MOST_EXAMPLES`, so one draw costs at most that many examples), the
    /// penalty's term ((λ/m) W for L2, (λ/2m) sign(W) for L1), the decay factor 1 − αλ/m
    /// (1 without L2) and the weight after one such full-batch step.
    #[wasm_bindgen(js_name = derivationJson)]
    pub fn derivation_json(&self, layer: u32, row: u32, col: u32) -> String {
        let s = &self.session;
        let net = s.net();
        let (config, train) = (s.config(), s.train_set());
        let l = (layer.max(1) as usize).min(net.weights().len()) - 1;
        let w_l = &net.weights()[l];
        let (i, j) = ((row as usize).min(w_l.nrows() - 1), (col as usize).min(w_l.ncols() - 1));
        // backprop over a bounded, evenly spaced sample when the training set is bigger
        let picked = sample::columns(train.x.view(), train.y.view(), sample::MOST_EXAMPLES);
        let (x, y) = picked.as_ref().map_or((train.x.view(), train.y.view()), |(x, y)| (x.view(), y.view()));
        let (_, grads) = net.data_cost_and_gradients(x, y, None);
        let (w, backprop) = (w_l[[i, j]], grads.dw[l][[i, j]]);
        let (alpha, lambda, m) = (config.lr, config.lambda, train.len() as f64);
        let reg_term = match config.reg {
            Penalty::L2 => lambda / m * w,
            Penalty::L1 => lambda / (2.0 * m) * if w == 0.0 { 0.0 } else { w.signum() },
            Penalty::None => 0.0,
        };
        let factor = if config.reg == Penalty::L2 { 1.0 - alpha * lambda / m } else { 1.0 };
        let next = match config.reg {
            Penalty::L2 => factor * w - alpha * backprop,
            _ => w - alpha * (backprop + reg_term),
        };
        serde_json::json!({
            "layer": l + 1,
            "row": i,
            "col": j,
            "rows": w_l.nrows(),
            "cols": w_l.ncols(),
            "layers": net.weights().len(),
            "w": w,
            "backprop": backprop,
            "regTerm": reg_term,
            "dw": backprop + reg_term,
            "alpha": alpha,
            "lambda": lambda,
            "m": m,
            "sample": x.ncols(),
            "factor": factor,
            "next": next,
            "reg": config.reg.name(),
        })
        .to_string()
    }
}
