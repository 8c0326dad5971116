//! The current network measured: costs, accuracies, norms, zeros, the linear region and the
//! linearity fit, and its predictions over the view. Never with dropout.

use ndarray::{Array1, ArrayView1, ArrayView2};

use super::{Session, GRID_CHUNK, GRID_KEPT, LINEAR_REGION};
use crate::data::{features_of, grid_points, Feature};
use crate::instruments::histogram::{share, share_inside};
use crate::instruments::plane_r2;
use crate::kernel::Kernel;
use crate::nn::cost::{self, frobenius_sq};
use crate::nn::{Mlp, Regularization};

/// The inputs of an n×n grid and a kernel for them (see `probability_grid`).
pub(super) struct GridCache {
    n: usize,
    features: Vec<Feature>,
    /// `features_of(grid_points(n))`, row-major `(features, n²)`
    x: Vec<f64>,
    kernel: Kernel,
}

/// The numbers of one evaluation of the current network, without dropout.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub data_cost: f64,
    pub penalty: f64,
    pub total_cost: f64,
    /// NaN when there is no dev set
    pub dev_cost: f64,
    pub train_accuracy: f64,
    pub dev_accuracy: f64,
    /// ‖W[l]‖_F for each layer
    pub weight_norms: Vec<f64>,
    pub zero_weights: usize,
    pub weight_count: usize,
    pub linear_fraction: f64,
    /// input features with at least one weight out of them that is not exactly 0
    pub features_in_use: usize,
}

/// What a pass over the data measured; the rest of an `Evaluation` is the weights'.
pub(super) struct Measured {
    pub(super) data_cost: f64,
    pub(super) dev_cost: f64,
    pub(super) train_accuracy: f64,
    pub(super) dev_accuracy: f64,
    pub(super) linear_fraction: f64,
}

impl Evaluation {
    /// The evaluation of `net`: what the data measured, and the penalty (m: the size of the
    /// training set), the norms, the zeros and the features in use from the weights.
    pub(super) fn of(net: &Mlp, reg: &Regularization, m: f64, measured: Measured) -> Evaluation {
        let weights = net.weights();
        let penalty = reg.penalty(weights, m);
        Evaluation {
            data_cost: measured.data_cost,
            penalty,
            total_cost: measured.data_cost + penalty,
            dev_cost: measured.dev_cost,
            train_accuracy: measured.train_accuracy,
            dev_accuracy: measured.dev_accuracy,
            weight_norms: weights.iter().map(|w| frobenius_sq(w).sqrt()).collect(),
            zero_weights: weights.iter().map(|w| w.iter().filter(|&&v| v == 0.0).count()).sum(),
            weight_count: weights.iter().map(|w| w.len()).sum(),
            linear_fraction: measured.linear_fraction,
            features_in_use: weights[0].columns().into_iter().filter(|c| c.iter().any(|&w| w != 0.0)).count(),
        }
    }
}

impl Session {
    pub(super) fn forget_evaluation(&self) {
        self.evaluated.take();
        self.linear.take();
    }

    /// `evaluate()`, from the record of this iteration when there is one.
    pub fn evaluation(&self) -> Evaluation {
        if let Some((at, e)) = &*self.evaluated.borrow() {
            if *at == self.iteration {
                return e.clone();
            }
        }
        let e = self.evaluate();
        self.evaluated.replace(Some((self.iteration, e.clone())));
        e
    }

    /// The current network measured on the whole training and dev sets, without dropout,
    /// by the lecture's `nn` (the kernel's `measure` is the fast twin).
    pub fn evaluate(&self) -> Evaluation {
        let (hidden_z, logits) = self.net.hidden_z_and_logits(self.train.x.view());
        let (dev_cost, dev_accuracy) = if self.dev.is_empty() {
            (f64::NAN, f64::NAN)
        } else {
            let dev_logits = self.net.logits(self.dev.x.view());
            (cost::data_cost(dev_logits.view(), self.dev.y.view()), accuracy(dev_logits.view(), self.dev.y.view()))
        };
        let measured = Measured {
            data_cost: cost::data_cost(logits.view(), self.train.y.view()),
            dev_cost,
            train_accuracy: accuracy(logits.view(), self.train.y.view()),
            dev_accuracy,
            linear_fraction: share_inside(hidden_z.iter().flatten(), LINEAR_REGION),
        };
        Evaluation::of(&self.net, &self.regularization(), self.train.len() as f64, measured)
    }

    /// The share of hidden pre-activations z[l]_i, over every hidden unit and every training
    /// example, inside tanh's linear region |z| < LINEAR_REGION (NaN without hidden layers):
    /// `metrics().linearFraction`, and the number the tanh instrument states.
    pub fn linear_fraction(&self) -> f64 {
        self.evaluation().linear_fraction
    }

    /// How close the network is to a linear function of (x₁, x₂): R² of the least-squares
    /// plane `z ≈ c₀ + c₁x₁ + c₂x₂` fitted to the output logit on a 32×32 grid over the view.
    /// 1 is a plane (a straight boundary); overfit networks score far lower.
    /// NaN in digits mode, whose inputs are not (x₁, x₂).
    pub fn linearity(&self) -> f64 {
        if self.config.dataset.is_images() {
            return f64::NAN;
        }
        if let Some((at, r2)) = self.linear.get() {
            if at == self.iteration {
                return r2;
            }
        }
        let points = grid_points(32);
        let z = self.net.logits(features_of(points.view(), &self.config.features).view());
        let r2 = plane_r2(points.row(0), points.row(1), z.view());
        self.linear.set(Some((self.iteration, r2)));
        r2
    }

    /// P(y = 1) at the given input points (x1, x2), without dropout; NaN in digits mode.
    pub fn predict_points(&self, points: ArrayView2<f64>) -> Array1<f64> {
        if self.config.dataset.is_images() {
            return Array1::from_elem(points.ncols(), f64::NAN);
        }
        let x = features_of(points, &self.config.features);
        self.net.predict(x.view())
    }

    /// P(y = 1) on an n×n grid over the view square, row-major, row 0 at the top.
    /// Runs on a kernel of its own (a few columns wide), so it needs no `&mut`; the grid's
    /// inputs and that kernel are kept for the next call. In digits mode there is no plane
    /// of inputs: every cell is NaN.
    pub fn probability_grid(&self, n: usize) -> Vec<f64> {
        if self.config.dataset.is_images() {
            return vec![f64::NAN; n * n];
        }
        let features = &self.config.features;
        let mut kept = self.grid.borrow_mut();
        let mut cache = match kept.take() {
            Some(c) if c.n == n && c.features == *features && c.kernel.fits(&self.net) => c,
            _ => GridCache {
                n,
                features: features.clone(),
                x: features_of(grid_points(n).view(), features).into_raw_vec_and_offset().0,
                kernel: Kernel::new(&self.net, GRID_CHUNK),
            },
        };
        let mut p = vec![0.0; n * n];
        cache.kernel.probabilities(&self.net, &cache.x, n * n, &mut p);
        if n <= GRID_KEPT {
            *kept = Some(cache);
        }
        p
    }

    /// The numbers of `evaluate`, measured on the kernel: the same sums in the same order,
    /// without allocating per example. The dev set goes first, so that the kernel ends
    /// holding the training set's forward pass, which the next full-batch step can start from.
    pub fn measure(&mut self) -> Evaluation {
        let (dev_cost, dev_accuracy) = if self.dev.is_empty() {
            (f64::NAN, f64::NAN)
        } else {
            let (dx, dy) = (self.dev.x.as_slice().expect("X is contiguous"), self.dev.y.as_slice().expect("Y is contiguous"));
            let dev = self.kernel.score(&self.net, dx, dy, LINEAR_REGION);
            (dev.cost, dev.accuracy)
        };
        let (tx, ty) = (self.train.x.as_slice().expect("X is contiguous"), self.train.y.as_slice().expect("Y is contiguous"));
        let train = self.kernel.score(&self.net, tx, ty, LINEAR_REGION);
        if ty.len() <= self.kernel.capacity() {
            self.kernel.hold(&self.net, ty.len()); // one forward pass over the whole set
        }
        let measured = Measured {
            data_cost: train.cost,
            dev_cost,
            train_accuracy: train.accuracy,
            dev_accuracy,
            linear_fraction: share(train.linear, train.hidden),
        };
        Evaluation::of(&self.net, &self.regularization(), self.train.len() as f64, measured)
    }
}

/// The share of examples classified right, with ŷ > 0.5 ⇔ z > 0.
pub fn accuracy(logits: ArrayView1<f64>, y: ArrayView1<f64>) -> f64 {
    let right = logits.iter().zip(y.iter()).filter(|(&z, &y)| (z > 0.0) == (y > 0.5)).count();
    right as f64 / y.len() as f64
}
