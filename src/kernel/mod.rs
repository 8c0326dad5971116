//! The training kernel: the network of `nn::Mlp` trained without allocating. `nn` is the
//! readable lecture and the reference; this is the same arithmetic laid out for speed:
//! - every parameter, gradient and activation lives in one contiguous buffer sized once per
//!   setup (`capacity` columns, one column per example, as in the lecture);
//! - the mini-batch is gathered into the input rows in place;
//! - forward and backward are tight loops over rows of examples (`lanes`: `f64x2` on wasm);
//! - the L2 decay or L1 soft-threshold is fused into the update.
//!
//! Its cost and gradients agree with `Mlp::cost_and_gradients` to about 1e-15 (the order of
//! a few sums differs); it gives the same bits natively and in the browser.

pub mod eval;
pub mod lanes;

use rand::Rng;

use crate::nn::cost::cross_entropy_from_logit;
use crate::nn::update::soft_threshold;
use crate::nn::{weight_decay_factor, Activation, Mlp, Penalty, Regularization};

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
    /// `W[l]` row-major `(n_{l+1}, n_l)` from `w_at[l]`; `b[l]` from `b_at[l]`
    w: Vec<f64>,
    b: Vec<f64>,
    dw: Vec<f64>,
    db: Vec<f64>,
    w_at: Vec<usize>,
    b_at: Vec<usize>,
    /// per layer `(n_{l+1}, capacity)` from `z_at[l]`: Z, g(Z) and g(Z) after dropout
    z: Vec<f64>,
    g: Vec<f64>,
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
}

impl Kernel {
    /// Buffers for `net`'s shape and up to `capacity` examples at once, loaded with its parameters.
    pub fn new(net: &Mlp, capacity: usize) -> Kernel {
        let capacity = capacity.max(1);
        let mut sizes = vec![net.inputs()];
        sizes.extend(net.weights().iter().map(|w| w.nrows()));
        let layers = sizes.len() - 1;
        let (mut w_at, mut b_at, mut z_at) = (vec![0], vec![0], vec![0]);
        for l in 0..layers {
            w_at.push(w_at[l] + sizes[l + 1] * sizes[l]);
            b_at.push(b_at[l] + sizes[l + 1]);
            z_at.push(z_at[l] + sizes[l + 1] * capacity);
        }
        let widest = *sizes.iter().max().unwrap();
        let units = z_at[layers];
        let mut k = Kernel {
            act: net.activation(),
            capacity,
            w: vec![0.0; w_at[layers]],
            b: vec![0.0; b_at[layers]],
            dw: vec![0.0; w_at[layers]],
            db: vec![0.0; b_at[layers]],
            z: vec![0.0; units],
            g: vec![0.0; units],
            a: vec![0.0; units],
            mask: vec![1.0; units],
            scale: vec![1.0; layers - 1],
            x: vec![0.0; sizes[0] * capacity],
            y: vec![0.0; capacity],
            dz: vec![0.0; widest * capacity],
            da: vec![0.0; widest * capacity],
            sizes,
            w_at,
            b_at,
            z_at,
        };
        k.load(net);
        k
    }

    /// True when `net` has this kernel's shape and activation (so `load` takes it).
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

    /// Copies the parameters of `net` (of the same shape) in.
    pub fn load(&mut self, net: &Mlp) {
        for (l, (w, b)) in net.weights().iter().zip(net.biases()).enumerate() {
            for (dst, src) in self.w[self.w_at[l]..self.w_at[l + 1]].iter_mut().zip(w.iter()) {
                *dst = *src;
            }
            self.b[self.b_at[l]..self.b_at[l + 1]].iter_mut().zip(b.iter()).for_each(|(d, s)| *d = *s);
        }
    }

    /// Copies the parameters out into `net` (of the same shape), without allocating.
    pub fn store(&self, net: &mut Mlp) {
        let (weights, biases) = net.params_mut();
        for (l, (w, b)) in weights.iter_mut().zip(biases.iter_mut()).enumerate() {
            w.iter_mut().zip(&self.w[self.w_at[l]..self.w_at[l + 1]]).for_each(|(d, s)| *d = *s);
            b.iter_mut().zip(&self.b[self.b_at[l]..self.b_at[l + 1]]).for_each(|(d, s)| *d = *s);
        }
    }

    /// `W[l]` row-major and `b[l]`.
    pub fn params(&self, l: usize) -> (&[f64], &[f64]) {
        (&self.w[self.w_at[l]..self.w_at[l + 1]], &self.b[self.b_at[l]..self.b_at[l + 1]])
    }

    /// `dW[l]` row-major and `db[l]` of the last `data_cost_and_gradients`.
    pub fn gradients(&self, l: usize) -> (&[f64], &[f64]) {
        (&self.dw[self.w_at[l]..self.w_at[l + 1]], &self.db[self.b_at[l]..self.b_at[l + 1]])
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

    /// The forward pass over m columns of `input` (or of the gathered batch when `None`).
    pub fn forward(&mut self, input: Option<Input>, m: usize, dropout: bool) {
        assert!(m <= self.capacity, "more examples than the kernel's capacity");
        let cap = self.capacity;
        let batch = Input { rows: &self.x, stride: cap };
        let input = input.unwrap_or(batch);
        let layers = self.layers();
        for l in 0..layers {
            let (n_in, n_out) = (self.sizes[l], self.sizes[l + 1]);
            let w = &self.w[self.w_at[l]..self.w_at[l + 1]];
            let b = &self.b[self.b_at[l]..self.b_at[l + 1]];
            let (before, rest) = self.z_at.split_at(l + 1);
            let (z_lo, z_here) = (before[l], rest[0]);
            let z_prev = if l > 0 { before[l - 1] } else { 0 };
            let from = if dropout { &self.a } else { &self.g };
            let z = &mut self.z[z_lo..z_here];
            let (src, stride) = if l == 0 { (input.rows, input.stride) } else { (&from[z_prev..], cap) };
            for j in 0..n_out {
                let row = &mut z[j * cap..j * cap + m];
                lanes::linear(row, &w[j * n_in..(j + 1) * n_in], b[j], src, stride);
                // Z = W A + b
            }
            if l + 1 == layers {
                break;
            }
            let act = self.act;
            for j in 0..n_out {
                let at = z_lo + j * cap;
                let (zr, gr) = (&self.z[at..at + m], &mut self.g[at..at + m]);
                activate(act, zr, gr);
                if dropout {
                    let s = self.scale[l];
                    let (mr, ar) = (&self.mask[at..at + m], &mut self.a[at..at + m]);
                    for ((a, &g), &d) in ar.iter_mut().zip(gr.iter()).zip(mr) {
                        *a = g * d * s;
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

    /// Forward and backward on the first m gathered examples: returns the data cost
    /// `(1/m) Σ L` and leaves its gradients in `gradients(l)` (the penalty not included).
    pub fn data_cost_and_gradients(&mut self, m: usize, dropout: bool) -> f64 {
        self.forward(None, m, dropout);
        let z_out = &self.z[self.z_at[self.layers() - 1]..][..m];
        let cost = z_out.iter().zip(&self.y).map(|(&z, &y)| cross_entropy_from_logit(z, y)).sum::<f64>() / m as f64;
        self.backward(m, dropout);
        cost
    }

    /// The gradients of `data_cost_and_gradients` without the cost (a λ sweep needs no cost
    /// per step).
    pub fn data_gradients(&mut self, m: usize, dropout: bool) {
        self.forward(None, m, dropout);
        self.backward(m, dropout);
    }

    /// Backpropagation from the outputs of the last forward pass over the first m examples.
    fn backward(&mut self, m: usize, dropout: bool) {
        let cap = self.capacity;
        let layers = self.layers();
        let mf = m as f64;
        let z_out = &self.z[self.z_at[layers - 1]..][..m];
        let dz_out = &mut self.dz[..m];
        lanes::sigmoid(z_out, dz_out);
        for (d, &y) in dz_out.iter_mut().zip(&self.y) {
            *d = (*d - y) / mf; // dZ[L] = (A[L] − Y) / m
        }
        for l in (0..layers).rev() {
            let (n_in, n_out) = (self.sizes[l], self.sizes[l + 1]);
            let from = if dropout { &self.a } else { &self.g };
            let below = if l > 0 { self.z_at[l - 1] } else { 0 };
            let input = |i: usize| -> &[f64] {
                if l == 0 {
                    &self.x[i * cap..]
                } else {
                    &from[below + i * cap..]
                }
            };
            let (dw, db) = (&mut self.dw[self.w_at[l]..self.w_at[l + 1]], &mut self.db[self.b_at[l]..self.b_at[l + 1]]);
            for j in 0..n_out {
                let dzr = &self.dz[j * cap..j * cap + m];
                db[j] = lanes::sum(dzr); // db = Σ_i dZ
                for i in 0..n_in {
                    dw[j * n_in + i] = lanes::dot(dzr, input(i)); // dW = dZ Aᵀ
                }
            }
            if l == 0 {
                break;
            }
            let w = &self.w[self.w_at[l]..self.w_at[l + 1]];
            for i in 0..n_in {
                let dar = &mut self.da[i * cap..i * cap + m];
                lanes::weighted_sum(dar, n_out, |j| w[j * n_in + i], |j| &self.dz[j * cap..], None); // dA = Wᵀ dZ
                let at = below + i * cap;
                if dropout {
                    let s = self.scale[l - 1];
                    dar.iter_mut().zip(&self.mask[at..at + m]).for_each(|(d, &k)| *d = *d * k * s);
                }
                let (zr, gr) = (&self.z[at..at + m], &self.g[at..at + m]);
                let act = self.act;
                for ((d, &z), &g) in dar.iter_mut().zip(zr).zip(gr) {
                    *d *= act.g_prime(z, g); // dZ = dA * g'(Z)
                }
            }
            std::mem::swap(&mut self.dz, &mut self.da);
        }
    }

    /// One gradient-descent step with the gradients in the kernel, the penalty fused in,
    /// exactly as `nn::gradient_descent_step` (m: the size of the training set).
    pub fn update(&mut self, reg: &Regularization, alpha: f64, m: f64) {
        let pairs = self.w.iter_mut().zip(&self.dw);
        match reg.penalty {
            Penalty::None => pairs.for_each(|(w, &d)| *w -= alpha * d),
            Penalty::L2 => {
                let decay = weight_decay_factor(reg.lambda, alpha, m);
                pairs.for_each(|(w, &d)| *w = decay * *w - alpha * d);
            }
            Penalty::L1 => {
                let t = alpha * reg.lambda / (2.0 * m);
                pairs.for_each(|(w, &d)| *w = soft_threshold(*w - alpha * d, t));
            }
        }
        self.b.iter_mut().zip(&self.db).for_each(|(b, &d)| *b -= alpha * d);
    }

    /// False once a weight has blown up or a bias is not a finite number.
    pub fn sane(&self, limit: f64) -> bool {
        self.w.iter().all(|v| v.abs() < limit) && self.b.iter().all(|v| v.is_finite())
    }
}

fn activate(act: Activation, z: &[f64], g: &mut [f64]) {
    match act {
        Activation::Tanh => lanes::tanh(z, g),
        Activation::Relu => g.iter_mut().zip(z).for_each(|(g, &z)| *g = z.max(0.0)),
        Activation::Sigmoid => lanes::sigmoid(z, g),
        Activation::Linear => g.copy_from_slice(z),
    }
}
