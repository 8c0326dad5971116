//! A forward pass kept for the next step. At full batch without dropout, the training set's
//! evaluation after step t is, example for example, the forward pass step t + 1 starts
//! with: the same weights, the same inputs, the same sums. The kernel can keep the
//! evaluation's Z and A and let the step start from them. It keeps the bits of the weights
//! that made them and uses them only for exactly those bits; any other forward pass drops them.

use super::{Input, Kernel};
use crate::nn::Mlp;

/// What the kernel's Z and A buffers hold: nothing to reuse, or the forward pass of the
/// parameters `bits` over `m` columns.
#[derive(Default)]
pub(super) struct Held {
    valid: bool,
    m: usize,
    bits: Vec<u64>,
}

/// Every weight and bias of `net`, a layer's W then its b, each row-major.
fn params(net: &Mlp) -> impl Iterator<Item = &[f64]> + '_ {
    let row_major = "an Mlp keeps its parameters row-major";
    let layers = net.weights().iter().zip(net.biases());
    layers.flat_map(move |(w, b)| [w.as_slice().expect(row_major), b.as_slice().expect(row_major)])
}

impl Held {
    pub(super) fn drop_it(&mut self) {
        self.valid = false;
    }
}

impl Kernel {
    /// Marks the last forward pass (over m columns, without dropout) as the one of `net`'s
    /// present parameters, for `holds` to find.
    pub fn hold(&mut self, net: &Mlp, m: usize) {
        let held = &mut self.held;
        held.bits.clear();
        params(net).for_each(|p| held.bits.extend(p.iter().map(|v| v.to_bits())));
        (held.valid, held.m) = (true, m);
    }

    /// True when the buffers hold the forward pass of exactly `net`'s parameters (bit for
    /// bit) over m columns, from `hold`, with no forward pass since.
    pub fn holds(&self, net: &Mlp, m: usize) -> bool {
        let held = &self.held;
        if !(held.valid && held.m == m && self.fits(net)) {
            return false;
        }
        let mut at = 0;
        params(net).all(|p| {
            let same = p.iter().zip(&held.bits[at..at + p.len()]).all(|(v, &bits)| v.to_bits() == bits);
            at += p.len();
            same
        })
    }

    /// `data_cost_and_gradients` without dropout, from the forward pass the buffers hold
    /// (`holds(net, m)`), on the examples that pass ran over: inputs `x` and labels `y`.
    pub fn data_cost_and_gradients_held(&mut self, net: &Mlp, x: Input, y: &[f64]) -> f64 {
        let m = y.len();
        assert!(self.holds(net, m), "no forward pass of these weights is held");
        self.cost_and_backward(net, m, false, Some((x, y)))
    }
}
