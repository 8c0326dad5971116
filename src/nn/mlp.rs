//! The network of the lecture: `Z[l] = W[l] A[l−1] + b[l]`, `A[l] = g(Z[l])`, `A[0] = X`,
//! and one sigmoid unit at the output. Forward, cost and backward propagation.

use std::fmt;

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};

use super::activation::{sigmoid, Activation};
use super::cost::{data_cost, Cost, Regularization};
use super::dropout::Dropout;

/// A fully connected network with hidden activation `g` and one sigmoid output unit.
/// `weights[l]` is `W[l+1]` of shape `(n_{l+1}, n_l)`; zero hidden layers is logistic regression.
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

/// What the forward pass keeps for backward propagation, per layer l = 1..L:
/// `z[l]`, `g[l] = g(z[l])` before dropout, and `a[l]` after it (the input of layer l+1).
struct Cache {
    z: Vec<Array2<f64>>,
    g: Vec<Array2<f64>>,
    a: Vec<Array2<f64>>,
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
        for (l, (w, b)) in weights.iter().zip(&biases).enumerate() {
            let layer = l + 1;
            if w.nrows() == 0 || w.ncols() == 0 {
                return err(format!("W[{layer}] has shape {:?}: every layer needs at least one unit and one input", w.dim()));
            }
            if b.len() != w.nrows() {
                return err(format!("b[{layer}] has {} entries but W[{layer}] has {} rows", b.len(), w.nrows()));
            }
            if l > 0 && w.ncols() != weights[l - 1].nrows() {
                return err(format!("W[{layer}] has {} columns but layer {} has {} units", w.ncols(), l, weights[l - 1].nrows()));
            }
            if w.iter().chain(b.iter()).any(|v| !v.is_finite()) {
                return err(format!("W[{layer}] or b[{layer}] holds a value that is not finite"));
            }
        }
        let outputs = weights[weights.len() - 1].nrows();
        if outputs != 1 {
            return err(format!("the output layer must be one sigmoid unit, not {outputs}"));
        }
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

    /// The output logits `z[L]`, without dropout.
    pub fn logits(&self, x: ArrayView2<f64>) -> Array1<f64> {
        let cache = self.forward(x, None);
        cache.z.last().unwrap().row(0).to_owned()
    }

    /// `ŷ = σ(z[L])` for every column of x. Never drops units: predictions are not random.
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
            if let Some(g) = reg.gradient(w, m) {
                *dw += &g;
            }
        }
        (Cost::new(data, reg.penalty(&self.weights, m)), grads)
    }

    /// The data cost `(1/m) Σ L` and its gradients alone (backpropagation), m = columns of x.
    pub fn data_cost_and_gradients(&self, x: ArrayView2<f64>, y: ArrayView1<f64>, dropout: Option<&Dropout>) -> (f64, Gradients) {
        assert_eq!(x.nrows(), self.inputs(), "X must have one row per input");
        assert_eq!(x.ncols(), y.len(), "X and Y must have one column per example");
        let m = x.ncols() as f64;
        let cache = self.forward(x, dropout);
        let last = self.weights.len() - 1;
        let z_out = cache.z[last].row(0);
        let cost = data_cost(z_out, y);

        // dZ[L] = (A[L] − Y) / m
        let mut dz: Array2<f64> = Array2::from_shape_fn((1, y.len()), |(_, i)| (sigmoid(z_out[i]) - y[i]) / m);
        let mut dw = Vec::with_capacity(self.weights.len());
        let mut db = Vec::with_capacity(self.weights.len());
        for l in (0..=last).rev() {
            let a_prev = if l == 0 { x } else { cache.a[l - 1].view() };
            dw.push(dz.dot(&a_prev.t())); // dW[l] = dZ[l] A[l−1]ᵀ
            db.push(dz.sum_axis(Axis(1))); // db[l] = Σ_i dZ[l]
            if l > 0 {
                let mut da = self.weights[l].t().dot(&dz); // dA[l−1] = W[l]ᵀ dZ[l]
                if let Some(drop) = dropout {
                    // the same mask and scaling as in the forward pass
                    da *= &drop.masks[l - 1];
                    da /= drop.keep_prob[l - 1];
                }
                let g = self.activation;
                // dZ[l−1] = dA[l−1] * g'(Z[l−1])
                ndarray::Zip::from(&mut da).and(&cache.z[l - 1]).and(&cache.g[l - 1]).for_each(|d, &z, &a| *d *= g.g_prime(z, a));
                dz = da;
            }
        }
        dw.reverse();
        db.reverse();
        (cost, Gradients { dw, db })
    }

    fn forward(&self, x: ArrayView2<f64>, dropout: Option<&Dropout>) -> Cache {
        if let Some(drop) = dropout {
            let hidden = self.weights.len() - 1;
            assert_eq!(drop.keep_prob.len(), hidden, "one keep_prob per hidden layer");
            assert_eq!(drop.masks.len(), hidden, "one dropout mask per hidden layer");
        }
        let n = self.weights.len();
        let mut cache = Cache { z: Vec::with_capacity(n), g: Vec::with_capacity(n), a: Vec::with_capacity(n) };
        for l in 0..n {
            let a_prev = if l == 0 { x } else { cache.a[l - 1].view() };
            let mut z = self.weights[l].dot(&a_prev);
            z += &self.biases[l].view().insert_axis(Axis(1)); // Z[l] = W[l] A[l−1] + b[l]
            if l + 1 == n {
                cache.z.push(z);
                break;
            }
            let g = z.mapv(|v| self.activation.g(v)); // A[l] = g(Z[l])
            let a = match dropout {
                Some(drop) => {
                    let mask = &drop.masks[l];
                    assert_eq!(mask.dim(), g.dim(), "dropout mask {} must have shape (n_l, m)", l + 1);
                    &g * mask / drop.keep_prob[l] // inverted dropout
                }
                None => g.clone(),
            };
            cache.z.push(z);
            cache.g.push(g);
            cache.a.push(a);
        }
        cache
    }
}
