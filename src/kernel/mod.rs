//! The training kernel: the network of `nn::Mlp` trained without allocating. `nn` is the
//! readable lecture and the reference; this is the same arithmetic laid out for speed:
//! - the parameters stay in the `Mlp` each call is given (the session's one copy of them),
//!   read row-major in place; the kernel holds everything else: the gathered mini-batch, every
//!   activation and mask in one contiguous buffer sized once per setup (`capacity` columns,
//!   one column per example, as in the lecture), and the gradients;
//! - forward and backward are tight loops over rows of examples (`lanes`: `f64x2` on wasm),
//!   the products of a layer a block of units × examples at a time (`blocks`);
//! - the step itself is `nn::gradient_descent_step` on those gradients.
//!
//! Its cost and gradients agree with `Mlp::cost_and_gradients` to about 1e-15 (the order of
//! a few sums differs); it gives the same bits natively and in the browser.

pub mod blocks;
pub mod eval;
mod held;
pub mod lanes;

use ndarray::{Array1, Array2};
use rand::Rng;

use crate::nn::cost::cross_entropy_from_logit;
use crate::nn::{Activation, Gradients, Mlp};
use blocks::Rows;

/// Where the forward pass reads its inputs: rows of `stride` apart, `m` columns used.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    pub rows: &'a [f64],
    pub stride: usize,
}

pub struct Kernel {
    /// n_0 (inputs), n_1 … n_{L−1} (hidden), n_L = 1
    sizes: Vec<usize>,
    act: Activation,
    capacity: usize,
    /// dW and db of the last backward pass, shaped like the parameters
    grads: Gradients,
    /// per layer l + 1 `(n_{l+1}, capacity)` from `z_at[l]`: Z, A before dropout, A after it
    z: Vec<f64>,
    a_before_dropout: Vec<f64>,
    a: Vec<f64>,
    mask: Vec<f64>,
    z_at: Vec<usize>,
    /// the scale of the kept units of each hidden layer: 1/keep_prob (inverted dropout)
    scale: Vec<f64>,
    /// the gathered mini-batch: `(n_0, capacity)` and its labels
    x: Vec<f64>,
    y: Vec<f64>,
    /// dZ of the layer being differentiated and dA of the one below, `(max n, capacity)`
    dz: Vec<f64>,
    da: Vec<f64>,
    /// whose forward pass Z and A hold, when a step may start from it (see `held.rs`)
    held: held::Held,
}

/// `W` and `b` of layer l + 1 of `net`, row-major (`Mlp::from_params` keeps them so).
fn params(net: &Mlp, l: usize) -> (&[f64], &[f64]) {
    let row_major = "an Mlp keeps its parameters row-major";
    (net.weights()[l].as_slice().expect(row_major), net.biases()[l].as_slice().expect(row_major))
}

impl Kernel {
    /// Buffers for networks of `net`'s shape and up to `capacity` examples at once.
    pub fn new(net: &Mlp, capacity: usize) -> Kernel {
        let capacity = capacity.max(1);
        let mut sizes = vec![net.inputs()];
        sizes.extend(net.weights().iter().map(|w| w.nrows()));
        let layers = sizes.len() - 1;
        let mut z_at = vec![0];
        for l in 0..layers {
            z_at.push(z_at[l] + sizes[l + 1] * capacity);
        }
        let widest = *sizes.iter().max().unwrap();
        let units = z_at[layers];
        Kernel {
            act: net.activation(),
            capacity,
            grads: Gradients {
                dw: net.weights().iter().map(|w| Array2::zeros(w.dim())).collect(),
                db: net.biases().iter().map(|b| Array1::zeros(b.len())).collect(),
            },
            z: vec![0.0; units],
            a_before_dropout: vec![0.0; units],
            a: vec![0.0; units],
            mask: vec![1.0; units],
            scale: vec![1.0; layers - 1],
            x: vec![0.0; sizes[0] * capacity],
            y: vec![0.0; capacity],
            dz: vec![0.0; widest * capacity],
            da: vec![0.0; widest * capacity],
            sizes,
            z_at,
            held: Default::default(),
        }
    }

    /// True when `net` has this kernel's shape and activation (so the kernel can run it).
    pub fn fits(&self, net: &Mlp) -> bool {
        self.act == net.activation()
            && self.sizes[0] == net.inputs()
            && self.sizes[1..].len() == net.weights().len()
            && self.sizes[1..].iter().zip(net.weights()).all(|(&n, w)| n == w.nrows())
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    pub fn layers(&self) -> usize {
        self.sizes.len() - 1
    }

    /// n_1 … n_{L−1}
    pub fn hidden_sizes(&self) -> &[usize] {
        &self.sizes[1..self.sizes.len() - 1]
    }

    /// The gradients of the last `data_cost_and_gradients` (the penalty not included).
    pub fn grads(&self) -> &Gradients {
        &self.grads
    }

    /// `dW` row-major and `db` of layer l + 1, from the last `data_cost_and_gradients`.
    pub fn gradients(&self, l: usize) -> (&[f64], &[f64]) {
        let row_major = "gradients are built row-major";
        (self.grads.dw[l].as_slice().expect(row_major), self.grads.db[l].as_slice().expect(row_major))
    }

    /// Gathers columns `picked` of X (row stride `stride`) and their labels into the batch.
    pub fn gather(&mut self, x: &[f64], stride: usize, y: &[f64], picked: &[usize]) {
        assert!(picked.len() <= self.capacity, "a batch larger than the kernel's capacity");
        for i in 0..self.sizes[0] {
            let (src, dst) = (&x[i * stride..(i + 1) * stride], &mut self.x[i * self.capacity..]);
            dst.iter_mut().zip(picked).for_each(|(d, &c)| *d = src[c]);
        }
        self.y.iter_mut().zip(picked).for_each(|(d, &c)| *d = y[c]);
    }

    /// Draws the masks of this step in the order of `Dropout::sample` (layer, unit, example):
    /// a unit is kept where `rand() < keep_prob`, then scaled by 1/keep_prob.
    pub fn sample_masks(&mut self, keep_prob: &[f64], m: usize, rng: &mut impl Rng) {
        for (l, &keep) in keep_prob.iter().enumerate() {
            self.scale[l] = 1.0 / keep;
            for i in 0..self.sizes[l + 1] {
                let row = &mut self.mask[self.z_at[l] + i * self.capacity..][..m];
                row.iter_mut().for_each(|d| *d = if rng.random::<f64>() < keep { 1.0 } else { 0.0 });
            }
        }
    }

    /// Plain dropout (not inverted): the kept units of every layer are not scaled up.
    pub fn plain_dropout(&mut self) {
        self.scale.iter_mut().for_each(|s| *s = 1.0);
    }

    /// Dropout on the gathered inputs (first m examples), drawn after the hidden masks in
    /// row order: an input is kept where `rand() < keep_in` and then multiplied by `scale`.
    pub fn drop_inputs(&mut self, keep_in: f64, scale: f64, m: usize, rng: &mut impl Rng) {
        for i in 0..self.sizes[0] {
            let row = &mut self.x[i * self.capacity..][..m];
            row.iter_mut().for_each(|v| *v = if rng.random::<f64>() < keep_in { *v * scale } else { 0.0 });
        }
    }

    /// Sets the masks of hidden layer l (`(n_l, m)` row-major) and the scale of its kept units.
    pub fn set_mask(&mut self, l: usize, mask: &[f64], m: usize, scale: f64) {
        self.scale[l] = scale;
        for i in 0..self.sizes[l + 1] {
            self.mask[self.z_at[l] + i * self.capacity..][..m].copy_from_slice(&mask[i * m..(i + 1) * m]);
        }
    }

    /// Row i of the mask of hidden layer l (first m examples).
    pub fn mask_row(&self, l: usize, i: usize, m: usize) -> &[f64] {
        &self.mask[self.z_at[l] + i * self.capacity..][..m]
    }

    /// The forward pass of `net` over m columns of `input` (or of the gathered batch when `None`).
    pub fn forward(&mut self, net: &Mlp, input: Option<Input>, m: usize, dropout: bool) {
        assert!(m <= self.capacity, "more examples than the kernel's capacity");
        self.held.drop_it();
        let cap = self.capacity;
        let batch = Input { rows: &self.x, stride: cap };
        let input = input.unwrap_or(batch);
        let layers = self.layers();
        for l in 0..layers {
            let n_out = self.sizes[l + 1];
            let (w, b) = params(net, l);
            let (before, rest) = self.z_at.split_at(l + 1);
            let (z_lo, z_here) = (before[l], rest[0]);
            let z_prev = if l > 0 { before[l - 1] } else { 0 };
            let from = if dropout { &self.a } else { &self.a_before_dropout };
            let z = &mut self.z[z_lo..z_here];
            let (rows, stride) = if l == 0 { (input.rows, input.stride) } else { (&from[z_prev..], cap) };
            blocks::linear(z, cap, w, b, Rows { rows, stride }, m, l == 0); // Z = W A + b (inputs: often 0, pixels)
            if l + 1 == layers {
                break;
            }
            let act = self.act;
            for j in 0..n_out {
                let at = z_lo + j * cap;
                let (zr, full) = (&self.z[at..at + m], &mut self.a_before_dropout[at..at + m]);
                activate(act, zr, full); // A = g(Z)
                if dropout {
                    let s = self.scale[l];
                    let (mr, ar) = (&self.mask[at..at + m], &mut self.a[at..at + m]);
                    for ((a, &kept), &d) in ar.iter_mut().zip(full.iter()).zip(mr) {
                        *a = kept * d * s;
                    }
                }
            }
        }
    }

    /// The output logits `z[L]` of the last forward pass (first m examples).
    pub fn logits(&self, m: usize) -> &[f64] {
        &self.z[self.z_at[self.layers() - 1]..][..m]
    }

    /// The pre-activations of hidden layer l, row i (first m examples).
    pub fn hidden_z(&self, l: usize, i: usize, m: usize) -> &[f64] {
        &self.z[self.z_at[l] + i * self.capacity..][..m]
    }

    /// Forward and backward of `net` on the first m gathered examples: returns the data cost
    /// `(1/m) Σ L` and leaves its gradients in `grads()` (the penalty not included).
    pub fn data_cost_and_gradients(&mut self, net: &Mlp, m: usize, dropout: bool) -> f64 {
        self.forward(net, None, m, dropout);
        self.cost_and_backward(net, m, dropout, None)
    }

    /// The data cost of the last forward pass over the first m examples, then
    /// backpropagation from it; the examples are the gathered batch, or `batch`: inputs
    /// and labels in the columns of that forward pass.
    fn cost_and_backward(&mut self, net: &Mlp, m: usize, dropout: bool, batch: Option<(Input, &[f64])>) -> f64 {
        let z_out = &self.z[self.z_at[self.layers() - 1]..][..m];
        let labels = batch.map_or(&self.y[..], |(_, y)| y);
        let cost = z_out.iter().zip(labels).map(|(&z, &y)| cross_entropy_from_logit(z, y)).sum::<f64>() / m as f64;
        self.backward(net, m, dropout, batch);
        cost
    }

    /// The gradients of `data_cost_and_gradients` without the cost (a λ sweep needs no cost
    /// per step).
    pub fn data_gradients(&mut self, net: &Mlp, m: usize, dropout: bool) {
        self.forward(net, None, m, dropout);
        self.backward(net, m, dropout, None);
    }

    /// Backpropagation from the outputs of the last forward pass over the first m examples
    /// (of the gathered batch, or of `batch` as in `cost_and_backward`).
    fn backward(&mut self, net: &Mlp, m: usize, dropout: bool, batch: Option<(Input, &[f64])>) {
        let cap = self.capacity;
        let layers = self.layers();
        let mf = m as f64;
        let z_out = &self.z[self.z_at[layers - 1]..][..m];
        let dz_out = &mut self.dz[..m];
        lanes::sigmoid(z_out, dz_out);
        for (d, &y) in dz_out.iter_mut().zip(batch.map_or(&self.y[..], |(_, y)| y)) {
            *d = (*d - y) / mf; // dZ[L] = (A[L] − Y) / m
        }
        for l in (0..layers).rev() {
            let (n_in, n_out) = (self.sizes[l], self.sizes[l + 1]);
            let from = if dropout { &self.a } else { &self.a_before_dropout };
            let below = if l > 0 { self.z_at[l - 1] } else { 0 };
            let input = match (l, batch) {
                (0, Some((x, _))) => Rows { rows: x.rows, stride: x.stride },
                (0, None) => Rows { rows: &self.x, stride: cap },
                _ => Rows { rows: &from[below..], stride: cap },
            };
            let row_major = "gradients are built row-major";
            let (dw, db) = (self.grads.dw[l].as_slice_mut().expect(row_major), self.grads.db[l].as_slice_mut().expect(row_major));
            for (j, db) in db.iter_mut().enumerate() {
                *db = lanes::sum(&self.dz[j * cap..j * cap + m]); // db = Σ_i dZ
            }
            blocks::outer(dw, n_in, Rows { rows: &self.dz, stride: cap }, input, m); // dW = dZ Aᵀ
            if l == 0 {
                break;
            }
            let w = params(net, l).0;
            for i in 0..n_in {
                let dar = &mut self.da[i * cap..i * cap + m];
                lanes::weighted_sum(dar, n_out, |j| w[j * n_in + i], |j| &self.dz[j * cap..], None); // dA = Wᵀ dZ
                let at = below + i * cap;
                if dropout {
                    let s = self.scale[l - 1];
                    dar.iter_mut().zip(&self.mask[at..at + m]).for_each(|(d, &k)| *d = *d * k * s);
                }
                let (zr, full) = (&self.z[at..at + m], &self.a_before_dropout[at..at + m]);
                let act = self.act;
                for ((d, &z), &a) in dar.iter_mut().zip(zr).zip(full) {
                    *d *= act.g_prime(z, a); // dZ = dA * g'(Z)
                }
            }
            std::mem::swap(&mut self.dz, &mut self.da);
        }
    }
}

/// `a = g(z)` for a row of units.
fn activate(act: Activation, z: &[f64], a: &mut [f64]) {
    match act {
        Activation::Tanh => lanes::tanh(z, a),
        Activation::Relu => a.iter_mut().zip(z).for_each(|(a, &z)| *a = z.max(0.0)),
        Activation::Sigmoid => lanes::sigmoid(z, a),
        Activation::Linear => a.copy_from_slice(z),
    }
}
