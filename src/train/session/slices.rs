//! One iteration in slices, so that no single call runs long. A batch of up to [`SLICE`]
//! examples is one step on the kernel. A batch of more than
//! [`SLICE`] examples is worked through [`SLICE`] columns at a time, each slice on the kernel
//! too, and the step is taken (on `net`) when the last slice is done. The slices are fixed by the batch, never by time, so a run
//! is the same however its slices spread over animation frames. The gradient is the same
//! `(1/B) Σ_batch dL` (each slice's mean weighted by its share of the batch); dropout masks
//! are drawn slice by slice from the one dropout stream. The evaluation recorded at the
//! end of an epoch runs in slices too, the kernel loaded with the new weights, which take
//! over only once it is done: until then the page sees the previous iteration, whole.

use ndarray::{Array1, Array2};
use rand::seq::SliceRandom;

use super::{Evaluation, Examples, Session, Status, DIVERGED_WEIGHT, LINEAR_REGION};
use crate::kernel::Kernel;
use crate::nn::cost::frobenius_sq;
use crate::nn::{gradient_descent_step, Dropout, Gradients, Mlp};

/// Examples per slice: one slice is about 1,000 examples' forward and backward pass.
pub const SLICE: usize = 1000;

/// An iteration under way: its gradient being summed, or its step taken and the new
/// weights being evaluated before they take over.
pub(super) enum Pending {
    Gradient(Summing),
    Evaluating { net: Mlp, cost: f64, dropout: Option<Dropout>, tally: Tally },
}

impl Pending {
    /// New weights `net` (after a step of cost `cost`), to be measured before they take over.
    pub(super) fn evaluating(net: Mlp, cost: f64, dropout: Option<Dropout>) -> Pending {
        Pending::Evaluating { net, cost, dropout, tally: Tally::default() }
    }
}

/// The batch (its training columns, in order), how many of them are done, and the sums so far.
pub(super) struct Summing {
    columns: Vec<usize>,
    done: usize,
    cost: f64,
    grads: Option<Gradients>,
    /// the masks of the first slice, shown as "units dropped in this iteration"
    dropout: Option<Dropout>,
}

impl Session {
    /// How many slices one iteration takes (1 unless the batch has more than SLICE examples).
    pub fn slices_per_iteration(&self) -> usize {
        self.batch_size().div_ceil(SLICE).max(1)
    }

    /// Runs up to `n` slices; fewer if the run stops or diverges. Returns (slices run,
    /// iterations completed).
    pub fn train_slices(&mut self, n: usize) -> (usize, usize) {
        let (mut slices, mut iterations) = (0, 0);
        while slices < n && self.status == Status::Training {
            slices += 1;
            if self.advance() {
                iterations += 1;
            }
        }
        self.catch_up();
        (slices, iterations)
    }

    fn batch_size(&self) -> usize {
        let m = self.train.len();
        if self.config.batch == 0 {
            m
        } else {
            self.config.batch.min(m)
        }
    }

    /// Picks the next mini-batch (shuffling at the start of an epoch).
    fn begin(&mut self) -> Summing {
        let m = self.train.len();
        let batch = self.batch_size();
        if self.cursor >= m {
            if batch < m {
                self.order.shuffle(&mut self.batch_rng);
            }
            self.cursor = 0;
        }
        let end = (self.cursor + batch).min(m);
        // a whole-set batch takes the columns as they are (the order may be shuffled from before)
        let columns = if batch < m { self.order[self.cursor..end].to_vec() } else { (0..m).collect() };
        self.cursor = end;
        Summing { columns, done: 0, cost: 0.0, grads: None, dropout: None }
    }

    /// One slice of the current iteration; true when it completed the iteration (the
    /// gradient step taken, the evaluation recorded at the end of an epoch).
    pub(super) fn advance(&mut self) -> bool {
        let mut p = match self.pending.take() {
            Some(Pending::Gradient(p)) => p,
            Some(Pending::Evaluating { net, cost, dropout, mut tally }) => {
                // the kernel measures `net`, the weights waiting to take over
                self.kernel.load(&net);
                self.kernel_behind = true;
                if !tally.add_slice(&mut self.kernel, &self.train, &self.dev) {
                    self.pending = Some(Pending::Evaluating { net, cost, dropout, tally });
                    return false;
                }
                let e = tally.evaluation(&net, self);
                self.net = net;
                self.commit(cost, dropout);
                self.record_with(e);
                return true;
            }
            None if self.batch_size() <= SLICE => return self.kernel_step(),
            None => {
                self.catch_up();
                self.begin()
            }
        };
        if self.kernel_behind {
            self.kernel.load(&self.net);
            self.kernel_behind = false;
        }
        let cols = p.columns.len();
        let (from, to) = (p.done, (p.done + SLICE).min(cols));
        let (x, y) = (self.train.x.as_slice().expect("X is contiguous"), self.train.y.as_slice().expect("Y is contiguous"));
        self.kernel.gather(x, self.train.len(), y, &p.columns[from..to]);
        // the page shows the last iteration's masks until this one is done
        let shown = self.last_dropout.take();
        let cost = self.kernel_pass(to - from);
        let dropout = std::mem::replace(&mut self.last_dropout, shown);
        // each slice's mean weighted by its share of the batch: (1/B) Σ_batch dL
        let share = (to - from) as f64 / cols as f64;
        let whole = from == 0 && to == cols;
        p.cost = if whole { cost } else { p.cost + share * cost };
        let net = &self.net;
        let grads = p.grads.get_or_insert_with(|| Gradients {
            dw: net.weights().iter().map(|w| Array2::zeros(w.dim())).collect(),
            db: net.biases().iter().map(|b| Array1::zeros(b.len())).collect(),
        });
        for (l, (dw, db)) in grads.dw.iter_mut().zip(grads.db.iter_mut()).enumerate() {
            let (kw, kb) = self.kernel.gradients(l);
            if whole {
                dw.iter_mut().zip(kw).for_each(|(a, &b)| *a = b);
                db.iter_mut().zip(kb).for_each(|(a, &b)| *a = b);
            } else {
                dw.iter_mut().zip(kw).for_each(|(a, &b)| *a += share * b);
                db.iter_mut().zip(kb).for_each(|(a, &b)| *a += share * b);
            }
        }
        if p.dropout.is_none() {
            p.dropout = dropout;
        }
        p.done = to;
        if p.done < cols {
            self.pending = Some(Pending::Gradient(p));
            return false;
        }
        self.finish(p.cost, &p.grads.expect("at least one slice"), p.dropout)
    }

    /// Takes the step; true when the iteration is complete, false when its evaluation
    /// still has slices to run (a big training or dev set at the end of an epoch).
    fn finish(&mut self, cost: f64, grads: &Gradients, dropout: Option<Dropout>) -> bool {
        let m = self.train.len();
        let reg = self.regularization();
        let record = self.cursor >= m && self.recording;
        if record && self.train.len() + self.dev.len() > SLICE && cost.is_finite() {
            let mut net = self.net.clone();
            gradient_descent_step(&mut net, grads, &reg, self.config.lr, m as f64);
            if weights_sane(&net) {
                self.pending = Some(Pending::Evaluating { net, cost, dropout, tally: Tally::default() });
                return false;
            }
        }
        gradient_descent_step(&mut self.net, grads, &reg, self.config.lr, m as f64);
        self.kernel_behind = true;
        self.commit(cost, dropout);
        if !cost.is_finite() || !weights_sane(&self.net) {
            self.net.clone_from(&self.last_good); // what the page keeps showing
            self.diverge();
        } else if record {
            self.record();
        }
        true
    }

    fn commit(&mut self, cost: f64, dropout: Option<Dropout>) {
        self.iteration += 1;
        self.last_dropout = dropout;
        self.step_costs = (self.step_costs.0 + cost, self.step_costs.1 + 1);
    }
}

/// An evaluation summed slice by slice: the training set, then the dev set.
#[derive(Default)]
pub(super) struct Tally {
    train_done: usize,
    dev_done: usize,
    cost: f64,
    right: usize,
    linear: usize,
    z_count: usize,
    dev_cost: f64,
    dev_right: usize,
}

impl Tally {
    /// One slice of examples through `kernel` (which holds the weights measured); true when
    /// every example has been seen.
    fn add_slice(&mut self, kernel: &mut Kernel, train: &Examples, dev: &Examples) -> bool {
        let columns = |set: &Examples, from: usize| -> (usize, usize) { (from, (from + SLICE).min(set.len())) };
        if self.train_done < train.len() {
            let (from, to) = columns(train, self.train_done);
            let (x, y) = (train.x.as_slice().expect("X is contiguous"), train.y.as_slice().expect("Y is contiguous"));
            let score = kernel.score_columns(&x[from..], train.len(), &y[from..to], LINEAR_REGION);
            self.cost += score.cost_sum;
            self.right += score.right;
            self.z_count += score.hidden;
            self.linear += score.linear;
            self.train_done = to;
        } else if self.dev_done < dev.len() {
            let (from, to) = columns(dev, self.dev_done);
            let (x, y) = (dev.x.as_slice().expect("X is contiguous"), dev.y.as_slice().expect("Y is contiguous"));
            let score = kernel.score_columns(&x[from..], dev.len(), &y[from..to], LINEAR_REGION);
            self.dev_cost += score.cost_sum;
            self.dev_right += score.right;
            self.dev_done = to;
        }
        self.train_done >= train.len() && self.dev_done >= dev.len()
    }

    /// The evaluation of `net` (the session gives the sizes and the penalty).
    fn evaluation(&self, net: &Mlp, session: &Session) -> Evaluation {
        let (m, dev) = (session.train.len() as f64, session.dev.len() as f64);
        let data_cost = self.cost / m;
        let penalty = session.regularization().penalty(net.weights(), m);
        let dev_mean = |sum: f64| if session.dev.is_empty() { f64::NAN } else { sum / dev };
        let weights = net.weights();
        Evaluation {
            data_cost,
            penalty,
            total_cost: data_cost + penalty,
            dev_cost: dev_mean(self.dev_cost),
            train_accuracy: self.right as f64 / m,
            dev_accuracy: dev_mean(self.dev_right as f64),
            weight_norms: weights.iter().map(|w| frobenius_sq(w).sqrt()).collect(),
            zero_weights: weights.iter().map(|w| w.iter().filter(|&&v| v == 0.0).count()).sum(),
            weight_count: weights.iter().map(|w| w.len()).sum(),
            linear_fraction: if self.z_count == 0 { f64::NAN } else { self.linear as f64 / self.z_count as f64 },
            features_in_use: weights[0].columns().into_iter().filter(|c| c.iter().any(|&w| w != 0.0)).count(),
        }
    }
}

/// Every weight below the divergence bound and every bias finite.
fn weights_sane(net: &Mlp) -> bool {
    net.weights().iter().all(|w| w.iter().all(|v| v.abs() < DIVERGED_WEIGHT))
        && net.biases().iter().all(|b| b.iter().all(|v| v.is_finite()))
}
