//! An iteration in slices, so that no single call runs long: the state of an iteration
//! under way between calls (its batch's gradient half summed, or its new weights half
//! measured) and the evaluation summed slice by slice. `step.rs` takes the slices.

use std::ops::Range;

use super::{Evaluation, Examples, Measured, Session, Status, LINEAR_REGION};
use crate::instruments::histogram::share;
use crate::kernel::Kernel;
use crate::nn::{Gradients, Mlp};

/// Examples per slice: one slice is about 1,000 examples' forward and backward pass.
pub const SLICE: usize = 1000;

/// An iteration under way: its gradient being summed, or its step taken and the new
/// weights `next` being evaluated before they take over.
pub(super) enum Pending {
    Gradient(Summing),
    Evaluating { next: Mlp, cost: f64, masks: bool, tally: Tally },
}

/// The batch (places in the epoch's order), how many of its examples are done, and the sums so far.
pub(super) struct Summing {
    pub(super) batch: Range<usize>,
    pub(super) done: usize,
    pub(super) cost: f64,
    pub(super) grads: Option<Gradients>,
    /// the session's `drawn` holds this iteration's masks (of its first slice that dropped units)
    pub(super) masks: bool,
}

impl Summing {
    pub(super) fn new(batch: Range<usize>) -> Summing {
        Summing { batch, done: 0, cost: 0.0, grads: None, masks: false }
    }
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
        (slices, iterations)
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
    /// One slice of examples through `net` on `kernel`; true when every example has been seen.
    pub(super) fn add_slice(&mut self, kernel: &mut Kernel, net: &Mlp, train: &Examples, dev: &Examples) -> bool {
        let columns = |set: &Examples, from: usize| -> (usize, usize) { (from, (from + SLICE).min(set.len())) };
        if self.train_done < train.len() {
            let (from, to) = columns(train, self.train_done);
            let (x, y) = (train.x.as_slice().expect("X is contiguous"), train.y.as_slice().expect("Y is contiguous"));
            let score = kernel.score_columns(net, &x[from..], train.len(), &y[from..to], LINEAR_REGION);
            self.cost += score.cost_sum;
            self.right += score.right;
            self.z_count += score.hidden;
            self.linear += score.linear;
            self.train_done = to;
        } else if self.dev_done < dev.len() {
            let (from, to) = columns(dev, self.dev_done);
            let (x, y) = (dev.x.as_slice().expect("X is contiguous"), dev.y.as_slice().expect("Y is contiguous"));
            let score = kernel.score_columns(net, &x[from..], dev.len(), &y[from..to], LINEAR_REGION);
            self.dev_cost += score.cost_sum;
            self.dev_right += score.right;
            self.dev_done = to;
        }
        self.train_done >= train.len() && self.dev_done >= dev.len()
    }

    /// The evaluation of `net` (the session gives the sizes and the penalty).
    pub(super) fn evaluation(&self, net: &Mlp, session: &Session) -> Evaluation {
        let (m, dev) = (session.train.len() as f64, session.dev.len() as f64);
        let dev_mean = |sum: f64| if session.dev.is_empty() { f64::NAN } else { sum / dev };
        let measured = Measured {
            data_cost: self.cost / m,
            dev_cost: dev_mean(self.dev_cost),
            train_accuracy: self.right as f64 / m,
            dev_accuracy: dev_mean(self.dev_right as f64),
            linear_fraction: share(self.linear, self.z_count),
        };
        Evaluation::of(net, &session.regularization(), m, measured)
    }
}
