//! The network of the lecture: `Z[l] = W[l] A[l−1] + b[l]`, `A[l] = g(Z[l])`, `A[0] = X`,
//! and one sigmoid unit at the output. Forward, cost and backward propagation.

use std::fmt;

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};

use super::activation::{sigmoid, Activation};
use super::cost::{data_cost, Cost, Regularization};
use super::dropout::Dropout;

/// A fully connected network of L layers with hidden activation `g` and one sigmoid output
/// unit; zero hidden layers (L = 1) is logistic regression. The lecture numbers the layers
/// from 1 and so does this file: `W[l]`, of shape `(n_l, n_{l−1})`, is `w(l)`, stored in
/// `weights[l − 1]` (the vectors start at 0, the layers at 1).
#[derive(Clone, Debug, PartialEq)]
pub struct Mlp {
    weights: Vec<Array2<f64>>,
    biases: Vec<Array1<f64>>,
    activation: Activation,
}

/// `dW[l]` and `db[l]`, shaped like the parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Gradients {
    pub dw: Vec<Array2<f64>>,
    pub db: Vec<Array1<f64>>,
}

/// Why a set of parameters does not make a network.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamsError(pub String);

impl fmt::Display for ParamsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParamsError {}

/// What forward propagation keeps for backward propagation, for l = 1..L: `Z[l]`, and for
/// the hidden layers `A[l]` before dropout (every unit, as g'(Z[l]) needs it) and after it
/// (what layer l+1 reads). `A[0] = X` is not copied: `a(0)` is the input itself.
struct Cache<'x> {
    x: ArrayView2<'x, f64>,
    z: Vec<Array2<f64>>,
    a_before_dropout: Vec<Array2<f64>>,
    a: Vec<Array2<f64>>,
}

impl<'x> Cache<'x> {
    /// `Z[l]`, l = 1..L
    fn z(&self, l: usize) -> &Array2<f64> {
        &self.z[l - 1]
    }

    /// `A[l]` before dropout, l = 1..L−1
    fn a_before_dropout(&self, l: usize) -> &Array2<f64> {
        &self.a_before_dropout[l - 1]
    }

    /// `A[l]` after dropout, l = 0..L−1 (`A[0] = X`)
    fn a(&self, l: usize) -> ArrayView2<'_, f64> {
        if l == 0 {
            self.x.view()
        } else {
            self.a[l - 1].view()
        }
    }
}

impl Mlp {
    /// Checks that the shapes chain (`W[l]` is `(n_l, n_{l−1})`, `b[l]` is `(n_l)`, one output
    /// unit) and that every value is finite.
    pub fn from_params(weights: Vec<Array2<f64>>, biases: Vec<Array1<f64>>, activation: Activation) -> Result<Mlp, ParamsError> {
        let err = |msg: String| Err(ParamsError(msg));
        if weights.is_empty() {
            return err("a network needs at least the output layer: weights is empty".into());
        }
        if weights.len() != biases.len() {
            return err(format!("{} weight matrices but {} bias vectors", weights.len(), biases.len()));
        }
        for (l, (w, b)) in (1..).zip(weights.iter().zip(&biases)) {
            if w.nrows() == 0 || w.ncols() == 0 {
                return err(format!("W[{l}] has shape {:?}: every layer needs at least one unit and one input", w.dim()));
            }
            if b.len() != w.nrows() {
                return err(format!("b[{l}] has {} entries but W[{l}] has {} rows", b.len(), w.nrows()));
            }
            if l > 1 && w.ncols() != weights[l - 2].nrows() {
                return err(format!("W[{l}] has {} columns but layer {} has {} units", w.ncols(), l - 1, weights[l - 2].nrows()));
            }
            if w.iter().chain(b.iter()).any(|v| !v.is_finite()) {
                return err(format!("W[{l}] or b[{l}] holds a value that is not finite"));
            }
        }
        let outputs = weights[weights.len() - 1].nrows();
        if outputs != 1 {
            return err(format!("the output layer must be one sigmoid unit, not {outputs}"));
        }
        // row-major, so the training kernel reads each W[l] and b[l] as one slice
        let weights = weights.into_iter().map(|w| if w.is_standard_layout() { w } else { w.as_standard_layout().into_owned() }).collect();
        let biases = biases.into_iter().map(|b| if b.is_standard_layout() { b } else { b.as_standard_layout().into_owned() }).collect();
        Ok(Mlp { weights, biases, activation })
    }

    pub fn weights(&self) -> &[Array2<f64>] {
        &self.weights
    }

    pub fn biases(&self) -> &[Array1<f64>] {
        &self.biases
    }

    pub fn activation(&self) -> Activation {
        self.activation
    }

    /// n_x, the number of inputs.
    pub fn inputs(&self) -> usize {
        self.weights[0].ncols()
    }

    /// n_1 … n_{L−1}, the sizes of the hidden layers.
    pub fn hidden_sizes(&self) -> Vec<usize> {
        self.weights[..self.weights.len() - 1].iter().map(|w| w.nrows()).collect()
    }

    pub(crate) fn params_mut(&mut self) -> (&mut [Array2<f64>], &mut [Array1<f64>]) {
        (&mut self.weights, &mut self.biases)
    }

    /// L, the number of layers with weights (the hidden ones and the output).
    fn layers(&self) -> usize {
        self.weights.len()
    }

    /// `W[l]`, l = 1..L
    fn w(&self, l: usize) -> &Array2<f64> {
        &self.weights[l - 1]
    }

    /// `b[l]`, l = 1..L
    fn b(&self, l: usize) -> &Array1<f64> {
        &self.biases[l - 1]
    }

    /// The output logits `Z[L]`, without dropout.
    pub fn logits(&self, x: ArrayView2<f64>) -> Array1<f64> {
        let cache = self.forward(x, None);
        cache.z(self.layers()).row(0).to_owned()
    }

    /// `ŷ = σ(Z[L])` for every column of x. Never drops units: predictions are not random.
    pub fn predict(&self, x: ArrayView2<f64>) -> Array1<f64> {
        self.logits(x).mapv(sigmoid)
    }

    /// One forward pass without dropout: each hidden layer's pre-activations `Z[l]` (for the
    /// linear-region instrument) and the output logits.
    pub fn hidden_z_and_logits(&self, x: ArrayView2<f64>) -> (Vec<Array2<f64>>, Array1<f64>) {
        let mut cache = self.forward(x, None);
        let logits = cache.z.pop().unwrap().row(0).to_owned();
        (cache.z, logits)
    }

    /// `J` and its gradients on the examples in x, with m = the number of columns of x.
    /// With dropout the cost is that of the dropped-out forward pass.
    pub fn cost_and_gradients(
        &self,
        x: ArrayView2<f64>,
        y: ArrayView1<f64>,
        reg: &Regularization,
        dropout: Option<&Dropout>,
    ) -> (Cost, Gradients) {
        let m = x.ncols() as f64;
        let (data, mut grads) = self.data_cost_and_gradients(x, y, dropout);
        for (dw, w) in grads.dw.iter_mut().zip(&self.weights) {
            if let Some(penalty_gradient) = reg.gradient(w, m) {
                *dw += &penalty_gradient;
            }
        }
        (Cost::new(data, reg.penalty(&self.weights, m)), grads)
    }

    /// The data cost `(1/m) Σ L` and its gradients alone (backpropagation), m = columns of x.
    pub fn data_cost_and_gradients(&self, x: ArrayView2<f64>, y: ArrayView1<f64>, dropout: Option<&Dropout>) -> (f64, Gradients) {
        assert_eq!(x.nrows(), self.inputs(), "X must have one row per input");
        assert_eq!(x.ncols(), y.len(), "X and Y must have one column per example");
        let m = x.ncols() as f64;
        let last = self.layers(); // L
        let cache = self.forward(x, dropout);
        let z_out = cache.z(last).row(0);
        let cost = data_cost(z_out, y);

        // dZ[L] = (A[L] − Y) / m
        let mut dz: Array2<f64> = Array2::from_shape_fn((1, y.len()), |(_, i)| (sigmoid(z_out[i]) - y[i]) / m);
        let mut dw = Vec::with_capacity(last);
        let mut db = Vec::with_capacity(last);
        for l in (1..=last).rev() {
            dw.push(dz.dot(&cache.a(l - 1).t())); // dW[l] = dZ[l] A[l−1]ᵀ
            db.push(dz.sum_axis(Axis(1))); // db[l] = Σ_i dZ[l]
            if l > 1 {
                let mut da = self.w(l).t().dot(&dz); // dA[l−1] = W[l]ᵀ dZ[l]
                if let Some(drop) = dropout {
                    // the same mask D[l−1] and scaling as in forward propagation
                    let (d, keep_prob) = drop.layer(l - 1);
                    da *= d;
                    da /= keep_prob;
                }
                // dZ[l−1] = dA[l−1] * g'(Z[l−1])
                let g = self.activation;
                ndarray::Zip::from(&mut da)
                    .and(cache.z(l - 1))
                    .and(cache.a_before_dropout(l - 1))
                    .for_each(|d, &z, &a| *d *= g.g_prime(z, a));
                dz = da;
            }
        }
        dw.reverse();
        db.reverse();
        (cost, Gradients { dw, db })
    }

    /// Forward propagation, l = 1..L: `Z[l] = W[l] A[l−1] + b[l]`; a hidden layer goes on to
    /// `A[l] = g(Z[l])` and, with dropout, `A[l] = A[l] * D[l] / keep_prob`; the output layer
    /// stops at the logits `Z[L]`.
    fn forward<'x>(&self, x: ArrayView2<'x, f64>, dropout: Option<&Dropout>) -> Cache<'x> {
        let last = self.layers(); // L
        if let Some(drop) = dropout {
            assert_eq!(drop.keep_prob.len(), last - 1, "one keep_prob per hidden layer");
            assert_eq!(drop.masks.len(), last - 1, "one dropout mask per hidden layer");
        }
        let mut cache = Cache { x, z: Vec::with_capacity(last), a_before_dropout: Vec::with_capacity(last), a: Vec::with_capacity(last) };
        for l in 1..=last {
            let mut z = self.w(l).dot(&cache.a(l - 1));
            z += &self.b(l).view().insert_axis(Axis(1)); // Z[l] = W[l] A[l−1] + b[l]
            cache.z.push(z);
            if l == last {
                break;
            }
            let a = cache.z(l).mapv(|v| self.activation.g(v)); // A[l] = g(Z[l])
            let a_dropped = match dropout {
                Some(drop) => {
                    let (d, keep_prob) = drop.layer(l);
                    assert_eq!(d.dim(), a.dim(), "dropout mask {l} must have shape (n_l, m)");
                    &a * d / keep_prob // inverted dropout
                }
                None => a.clone(),
            };
            cache.a_before_dropout.push(a);
            cache.a.push(a_dropped);
        }
        cache
    }
}
